"""A sample client's history as plain values: its dates, interactions, revenue, proposals, promises.

Everything is counted back from `today` (the clock's date when the sample is made) with
a random generator seeded by the client's name, so the same story comes out on any day:
the recent rhythm of each client is laid down backwards from yesterday, revenue is
billed for complete months only, and the minutes of each month add up to the hours the
cast gives, which keeps every client's revenue per hour near its `rate`.
Nothing here writes: `writer.py` stores what these functions plan.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from goodbye_desktop.core.windows import add_months
from goodbye_desktop.sample.cast import Seed

# Interaction kinds: (weight, usual minutes low, high, most minutes when it holds work).
# Emails, calls and notes take their usual time; meetings and support jobs take the rest
# of a month's hours (a support job is work done on request, up to a working day).
_KINDS = {"email": (35, 5, 30, 30), "call": (22, 10, 45, 45), "meeting": (13, 45, 120, 180),
          "support": (22, 30, 120, 360), "note": (8, 5, 10, 10)}

# Days ago of the complaints that make Harbourside's complaints chronic (3 or more in 90 days).
COMPLAINT_DAYS_AGO = (9, 27, 48, 71)
SILENT_DAYS = 80  # no interaction at all for this long (limit 45)
QUIET_DAYS = 24  # under 45 days, but far more than twice a weekly rhythm
ACQUIRED_DAYS_AGO = 100
CONTACT_LEFT_DAYS_AGO = 60
DECLINE_MONTHS = 4  # the last four complete months billed at a quarter of the usual
PROSPECT_DAYS_AGO = 40
PROPOSAL_SENT_AFTER = 13  # days after a prospect's first enquiry
PROPOSAL_DECIDED_AFTER = 33

# A prospect's few interactions: (days after the enquiry, kind, direction, minutes, summary).
_PROSPECT_STEPS = (
    (0, "email", "in", 10, "Asked for a quote: a new logo and shop front"),
    (6, "meeting", "out", 60, "Met at their premises to talk through what they need"),
    (PROPOSAL_SENT_AFTER, "email", "out", 30, "Sent the proposal for a first project"),
)
_LOST_STEP = (PROPOSAL_DECIDED_AFTER, "email", "in", 5,
              "Chose a cheaper offer; thanked us for the proposal")


@dataclass(frozen=True)
class Span:
    """The dates of a client's story."""

    started: date | None
    last_day: date | None  # of the relationship (a departure's effective date)
    decided: date | None
    returned: date | None
    first_contact: date
    last_contact: date  # the last day anything was logged


@dataclass(frozen=True)
class PlannedInteraction:
    at: datetime
    kind: str
    direction: str
    minutes: int
    summary: str
    complaint: bool = False


@dataclass(frozen=True)
class PlannedPromise:
    description: str
    due_at: datetime
    channel: str
    done_at: datetime | None = None
    cancelled_at: datetime | None = None


@dataclass(frozen=True)
class PlannedProposal:
    title: str
    sent_on: date
    outcome: str
    amount_cents: int | None = None
    hourly_rate_cents: int | None = None
    decided_on: date | None = None


def rng_for(seed: Seed, part: str, number: int) -> random.Random:
    """A generator of its own for each client and part: one story never shifts another."""
    return random.Random(f"{number}:{seed.name}:{part}")


def span(seed: Seed, today: date) -> Span:
    """When the client started, left, came back; when it was first and last in touch."""
    yesterday = today - timedelta(days=1)
    started = add_months(today, -seed.since) if seed.since else None
    last_day = decided = returned = None
    leaving = seed.leaving
    if leaving is not None:
        if leaving.left is not None:
            # Not all on the same day of the month: a few days' shift of the client's own.
            shift = random.Random(f"last day:{seed.name}").randint(0, 15)
            last_day = add_months(today, -leaving.left) - timedelta(days=shift)
        else:
            last_day = today + timedelta(days=leaving.ahead or 0)
        decided = min(last_day - timedelta(days=leaving.decided), yesterday)
        if leaving.returned is not None:
            returned = add_months(today, -leaving.returned)
    if seed.story == "prospect":
        first = today - timedelta(days=PROSPECT_DAYS_AGO)
    elif seed.story == "archived":
        first = add_months(today, -15)
    else:
        first = started or today
    last = yesterday
    if seed.story == "departed" and last_day is not None:
        last = last_day
    elif seed.story == "silent":
        last = today - timedelta(days=SILENT_DAYS)
    elif seed.story == "quiet":
        last = today - timedelta(days=QUIET_DAYS)
    elif seed.story == "archived":
        last = first + timedelta(days=PROPOSAL_DECIDED_AFTER)
    return Span(started, last_day, decided, returned, first, last)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    """A time of day on `day` (office hours, far from midnight and the clocks' change)."""
    return datetime.combine(day, time(hour, minute))


def _away(span_: Span, day: date) -> bool:
    return (span_.returned is not None and span_.last_day is not None
            and span_.last_day < day < span_.returned)


def _days(seed: Seed, span_: Span, rng: random.Random) -> list[date]:
    """The days of everyday contact, laid down backwards from the last one."""
    day = span_.last_contact
    if seed.story not in ("silent", "quiet", "departed"):
        day -= timedelta(days=rng.randint(0, max(seed.gap // 3, 1) - 1))
    days = []
    while day >= span_.first_contact:
        if not _away(span_, day):
            days.append(day)
        # Never four weeks without a word: every calendar month has its interactions.
        day -= timedelta(days=max(1, min(27, round(seed.gap * rng.uniform(0.7, 1.3)))))
    return sorted(days)


def _fill_month(kinds: list[str], naturals: list[int], target: float) -> list[float]:
    """One month's minutes: each interaction its usual time, and the rest of the month's
    hours spread over its meetings and support jobs, none longer than its kind allows (a
    meeting three hours, a job a working day). Where they cannot hold the rest, the
    longest emails and calls become support jobs."""
    minutes = [float(natural) for natural in naturals]
    others = sorted((i for i, kind in enumerate(kinds) if kind in ("email", "call")),
                    key=lambda i: -naturals[i])
    for _ in range(3 * len(kinds) + 3):  # each round fills or converts; a few suffice
        rest = target - sum(minutes)
        if rest < 1:
            break
        room = {i: _KINDS[kind][3] - minutes[i] for i, kind in enumerate(kinds)
                if kind in ("meeting", "support") and minutes[i] < _KINDS[kind][3]}
        if sum(room.values()) < rest and others:
            kinds[others[0]] = "support"
            others.pop(0)
            continue
        if not room:
            break
        weight = sum(naturals[i] for i in room)
        for i, space in room.items():
            minutes[i] += min(space, rest * naturals[i] / weight)
    return minutes


def _minutes(seed: Seed, today: date, planned: list[tuple[date, str, int]]
             ) -> list[tuple[str, int]]:
    """Each interaction's kind and minutes, so that every month holds the cast's monthly
    hours (this month in proportion to the part gone)."""
    by_month: dict[date, list[int]] = defaultdict(list)
    for index, (day, _, _) in enumerate(planned):
        by_month[day.replace(day=1)].append(index)
    this_month = today.replace(day=1)
    kinds = [kind for _, kind, _ in planned]
    minutes = [float(natural) for _, _, natural in planned]
    for month, indexes in by_month.items():
        share = 1.0 if month < this_month else min(1.0, today.day / 30)
        month_kinds = [kinds[i] for i in indexes]
        filled = _fill_month(month_kinds, [planned[i][2] for i in indexes],
                             seed.hours * 60 * share)
        for i, kind, value in zip(indexes, month_kinds, filled, strict=True):
            kinds[i], minutes[i] = kind, value
    return [(kind, max(5, 5 * round(value / 5))) for kind, value in zip(kinds, minutes,
                                                                         strict=True)]


def interactions(seed: Seed, today: date, summaries: dict[str, list[str]],
                 number: int) -> list[PlannedInteraction]:
    """The client's everyday interactions; each month's minutes add up to its hours."""
    rng = rng_for(seed, "interactions", number)
    span_ = span(seed, today)
    if seed.story in ("prospect", "archived"):
        steps = _PROSPECT_STEPS + ((_LOST_STEP,) if seed.story == "archived" else ())
        return [PlannedInteraction(at(span_.first_contact + timedelta(days=after), 11), kind,
                                   direction, minutes, summary)
                for after, kind, direction, minutes, summary in steps]
    kinds = list(_KINDS)
    weights = [_KINDS[kind][0] for kind in kinds]
    planned: list[tuple[date, str, int]] = []
    for day in _days(seed, span_, rng):
        kind = rng.choices(kinds, weights)[0]
        if seed.story == "costly" and kind in ("meeting", "note"):
            kind = "support"  # one small urgent job after another
        planned.append((day, kind, rng.randint(*_KINDS[kind][1:3])))
    result = []
    for (day, _, _), (kind, minutes) in zip(planned, _minutes(seed, today, planned),
                                            strict=True):
        result.append(PlannedInteraction(
            at(day, rng.randint(9, 16), rng.choice((0, 15, 30, 45))), kind,
            "in" if kind == "support" else rng.choice(("in", "out")), minutes,
            rng.choice(summaries[kind])))
    return result


def _billed_months(seed: Seed, span_: Span, today: date) -> list[date]:
    """The complete months the client was billed: from its start to its end, not away."""
    this_month = today.replace(day=1)
    end = this_month
    if seed.story == "departed" and span_.last_day is not None:
        end = min(this_month, add_months(span_.last_day.replace(day=1), 1))
    months = []
    month = span_.started.replace(day=1) if span_.started else end
    while month < end:
        if not (span_.returned is not None and span_.last_day is not None
                and span_.last_day.replace(day=1) < month < span_.returned.replace(day=1)):
            months.append(month)
        month = add_months(month, 1)
    return months


def revenue(seed: Seed, today: date, logged: list[PlannedInteraction]) -> dict[date, int]:
    """Cents billed per complete month: the hours logged in the month at the client's
    `rate` (the studio bills its time; the silent client pays a retainer), none while the
    client was away."""
    span_ = span(seed, today)
    if not seed.rate:
        return {}
    minutes_by_month: dict[date, int] = defaultdict(int)
    for item in logged:
        minutes_by_month[item.at.date().replace(day=1)] += item.minutes
    this_month = today.replace(day=1)
    billed = {}
    for month in _billed_months(seed, span_, today):
        pounds = minutes_by_month[month] / 60 * seed.rate
        if seed.story == "silent":
            pounds = seed.hours * seed.rate  # a retainer paid by standing order, silence or not
        months_ago = (this_month.year - month.year) * 12 + this_month.month - month.month
        if seed.story == "declining" and months_ago <= DECLINE_MONTHS:
            pounds *= 0.25  # ordering far less, still asking as much
        if pounds:
            billed[month] = int(round(pounds / 10)) * 1000  # whole tens of pounds
    return billed


_FIRST_PROJECTS = ("Brand and website refresh", "New visual identity", "Website redesign",
                   "Packaging range", "Shop front, signage and print")


def proposals(seed: Seed, today: date, number: int) -> list[PlannedProposal]:
    """The offer that won the client, later offers won and lost, and open ones."""
    rng = rng_for(seed, "proposals", number)
    span_ = span(seed, today)
    yesterday = today - timedelta(days=1)
    result = []
    if span_.started is not None:
        result.append(PlannedProposal(
            rng.choice(_FIRST_PROJECTS), span_.started - timedelta(days=25), "won",
            amount_cents=int(seed.hours * seed.rate * 6) * 100,
            decided_on=span_.started - timedelta(days=7)))
        end = min(span_.last_day or yesterday, yesterday)
        for title in rng.sample(("Spring campaign", "Packaging redesign", "Photography day",
                                 "Shop signage", "Website maintenance plan"),
                                rng.randint(0, 3)):
            sent = span_.started + timedelta(days=rng.randint(30, max(31, (end - span_.started)
                                                                      .days - 30)))
            if sent + timedelta(days=14) > yesterday:
                continue
            result.append(PlannedProposal(
                title, sent, rng.choices(("won", "lost"), (60, 40))[0],
                amount_cents=rng.randint(8, 60) * 10_000,
                decided_on=sent + timedelta(days=14)))
    if seed.story in ("prospect", "archived"):
        lost = seed.story == "archived"
        result.append(PlannedProposal(
            "First project: logo and shop front",
            span_.first_contact + timedelta(days=PROPOSAL_SENT_AFTER),
            "lost" if lost else "pending", amount_cents=rng.randint(12, 40) * 10_000,
            decided_on=span_.first_contact + timedelta(days=PROPOSAL_DECIDED_AFTER)
            if lost else None))
    elif seed.story in ("steady", "dominant") and rng.random() < 0.35:
        result.append(PlannedProposal("Next year's retainer", today - timedelta(
            days=rng.randint(3, 40)), "pending", hourly_rate_cents=seed.rate * 100))
    return result


_PROMISES = (
    ("Email the revised quote", "email"), ("Call about the print proofs", "call"),
    ("Send the monthly figures", "email"), ("Meet to plan the next campaign", "meeting"),
    ("Post the sample brochures", "letter"),
)


def promises(seed: Seed, today: date, number: int) -> list[PlannedPromise]:
    """A current client's everyday promises: kept, a few late, one broken, some ahead."""
    if seed.story not in ("steady", "dominant", "returned"):
        return []
    rng = rng_for(seed, "promises", number)
    result = []
    for _ in range(rng.randint(0, 3)):
        description, channel = rng.choice(_PROMISES)
        days = rng.randint(-200, 20)
        if -3 <= days <= 1:
            days -= 7  # an everyday promise is either well past or ahead, never on the edge
        due = at(today + timedelta(days=days), rng.choice((10, 11, 14, 16)))
        if days > 0:
            result.append(PlannedPromise(description, due, channel))
            continue
        fate = rng.choices(("kept", "late", "broken"), (75, 18, 7))[0]
        if fate == "kept":
            result.append(PlannedPromise(description, due, channel,
                                         done_at=due - timedelta(hours=rng.randint(1, 30))))
        elif fate == "late":
            result.append(PlannedPromise(description, due, channel,
                                         done_at=due + timedelta(days=rng.randint(1, 3))))
        else:
            result.append(PlannedPromise(description, due, channel,
                                         cancelled_at=due + timedelta(days=2)))
    return result
