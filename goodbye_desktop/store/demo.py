"""Sample data: "Harbour Lane Studio", a small design studio with five years of clients.

`fill_demo()` writes a realistic, deterministic data set (same seed and same `today`, same
rows) so that a new owner, a screenshot or a benchmark can see every screen with something
on it: statuses in usual proportions, names in many scripts, interactions with minutes,
monthly revenue, proposals, promises and departures, plus one example of every warning sign
(a silent client, chronic complaints, a costly client, a revenue decline, an acquisition, a
contact who left, a dominant client).

The cast comes from `resources/demo/` (see its README). Everything is written through the
models in one transaction, so a failure leaves the file as it was.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from peewee import Model

from goodbye_desktop import clock
from goodbye_desktop.errors import GoodbyeError
from goodbye_desktop.resources import resources_dir
from goodbye_desktop.store import records
from goodbye_desktop.store.folding import fold
from goodbye_desktop.store.models import (
    BusinessProfile,
    Client,
    Contact,
    Departure,
    DepartureReason,
    Interaction,
    PendingWork,
    Promise,
    Proposal,
    Revenue,
    TransitionStep,
    database_proxy,
)


def seeds_dir() -> Path:
    """The sample data seeds: resources/demo."""
    return resources_dir() / "demo"

PROFILE = {
    "business_name": "Harbour Lane Studio",
    "owner_name": "Morgan Ellis",
    "address": "Harbour Lane Studio\n14 Harbour Lane\nFalmouth TR11 3XX\nUnited Kingdom",
    "email": "hello@harbourlane.example",
    "phone": "+44 1326 555 014",
    "website": "https://harbourlane.example",
    "locale": "en_GB",
    "currency": "EUR",
    "target_hourly_rate_cents": 8500,
}

# What each story does is written where it is used; this list keeps the seed file honest.
_STORIES = (
    "steady", "dominant", "costly", "complaints", "silent", "declining", "acquired",
    "turnover", "departed", "departing", "returned", "prospect", "archived",
)

# Interaction kinds with their weight and the usual minutes (low, high).
_KINDS = {
    "email": (45, 5, 20),
    "call": (20, 10, 45),
    "meeting": (12, 30, 120),
    "support": (13, 15, 90),
    "note": (10, 2, 10),
}

_STEP_TEXTS = (
    "Finish the open design work",
    "Hand over the source files and brand assets",
    "Transfer the website and domain accounts",
    "Send the final invoice",
    "Introduce a provider better suited to the new needs",
    "Remove studio access to shared folders",
)

# (ended_by, reasons, kind, decision) for departed clients, in the order they are used.
_DEPARTURE_PATTERNS = (
    ("client", ("needs_fulfilled",), "fulfilled", "accept"),
    ("client", ("budget", "price"), "scattered", "accept"),
    ("owner", ("unprofitable", "fit"), "no_follow_through", "let_go"),
    ("outside", ("acquisition",), "fulfilled", "accept"),
    ("client", ("competitor", "price"), "scattered", "accept"),
    ("mutual", ("fit",), "scattered", "let_go"),
    ("client", ("results",), "no_follow_through", "accept"),
    ("outside", ("out_of_business",), "fulfilled", "accept"),
    ("client", ("contact_turnover",), "scattered", "accept"),
    ("owner", ("conduct",), "no_follow_through", "let_go"),
    ("client", ("needs_fulfilled",), "fulfilled", "accept"),
    ("mutual", ("budget",), "scattered", "accept"),
)

_LESSONS = (
    "Agree the scope in writing before the first sketch.",
    "Check in every month, even when things are quiet.",
    "Price small support jobs as a monthly retainer.",
    "Build a second contact at every client.",
    "Notice earlier when a client stops replying.",
)


@dataclass(frozen=True)
class DemoSummary:
    """How many rows of each kind `fill_demo` added."""

    clients: int
    contacts: int
    interactions: int
    revenue_months: int
    proposals: int
    promises: int
    departures: int

    def describe(self) -> str:
        """One line for the command line and the status bar."""
        return (
            f"Added the sample business {PROFILE['business_name']}: {self.clients} clients, "
            f"{self.contacts} contacts, {self.interactions} interactions, "
            f"{self.revenue_months} months of revenue, {self.proposals} proposals, "
            f"{self.promises} promises and {self.departures} departures."
        )


@dataclass(frozen=True)
class _CastMember:
    name: str
    is_person: bool
    status: str
    story: str


def _lines(name: str) -> list[str]:
    try:
        path = seeds_dir() / name
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise GoodbyeError(
            f"The sample data file {path} cannot be read ({exc.strerror}); this "
            "installation lacks its resources folder."
        ) from exc
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _cast() -> list[_CastMember]:
    cast = []
    for line in _lines("clients.tsv"):
        name, kind, status, story = line.split("\t")
        if story not in _STORIES:
            raise GoodbyeError(f"The demo seed {name!r} has an unknown story {story!r}.")
        cast.append(_CastMember(name, kind == "person", status, story))
    return cast


def _summaries() -> dict[str, list[str]]:
    result: dict[str, list[str]] = {}
    for line in _lines("summaries.tsv"):
        kind, text = line.split("\t", 1)
        result.setdefault(kind, []).append(text)
    return result


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _months(first: date, last: date) -> Iterator[date]:
    """The first day of every month from `first`'s month to `last`'s, inclusive."""
    month = _month_start(first)
    while month <= last:
        yield month
        month = (month + timedelta(days=32)).replace(day=1)


def _sql_value(value: object) -> object:
    # Dates as peewee writes them (ISO text), so the rows read back like any other.
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def _insert(model: type[Model], rows: list[dict]) -> None:
    """Insert many rows of `model` in one executemany: peewee's insert_many builds its SQL
    row by row and takes most of a second for the demo's few thousand interactions."""
    if not rows:
        return
    fields = [model._meta.fields[name] for name in sorted({key for row in rows for key in row})]
    defaults = {field.name: field.default() if callable(field.default) else field.default
                for field in fields}
    columns = ", ".join(f'"{field.column_name}"' for field in fields)
    marks = ", ".join("?" * len(fields))
    values = [tuple(_sql_value(row.get(field.name, defaults[field.name])) for field in fields)
              for row in rows]
    database_proxy.obj.connection().executemany(
        f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({marks})', values)


def _slug(name: str) -> str:
    ascii_only = "".join(ch for ch in fold(name) if ch.isascii() and ch.isalnum())
    return ascii_only[:24]


class _Builder:
    """Collects the rows of one demo set; `write()` stores them."""

    def __init__(self, today: date, seed: int) -> None:
        self.today = today
        self.rng = random.Random(seed)
        self.begin = today - timedelta(days=5 * 365)
        self.people = _lines("people.txt")
        self.rng.shuffle(self.people)
        self.employers = _lines("employers.txt")
        self.tags = _lines("tags.txt")
        self.summaries = _summaries()
        self.pattern_index = 0
        self.counts = dict.fromkeys(
            ("clients", "contacts", "interactions", "revenue_months", "proposals", "promises",
             "departures"), 0)
        self.overdue_done = False

    # --- small helpers --------------------------------------------------------------------

    def _day_between(self, first: date, last: date) -> date:
        span = max((last - first).days, 0)
        return first + timedelta(days=self.rng.randint(0, span))

    def _moment(self, day: date) -> datetime:
        minute = self.rng.choice((0, 15, 30, 45))
        return datetime.combine(day, time(self.rng.randint(8, 17), minute))

    def _person(self) -> str:
        name = self.people.pop(0)
        self.people.append(name)  # reused after a full round, as in real life names repeat
        return name

    # --- one client -----------------------------------------------------------------------

    def add_client(self, member: _CastMember) -> None:
        rng, today = self.rng, self.today
        story = member.story
        started: date | None = None
        ended: date | None = None
        if story == "departed":
            # Departures spread over the five years, each after at least half a year of work.
            ended = self._day_between(self.begin + timedelta(days=250),
                                      today - timedelta(days=20))
            started = self._day_between(self.begin, ended - timedelta(days=200))
        elif story in ("dominant", "returned", "acquired", "costly"):
            # Long relationships: these stories need years of history behind them.
            started = self._day_between(self.begin, self.begin + timedelta(days=500))
        elif story not in ("prospect", "archived"):
            started = self._day_between(self.begin, today - timedelta(days=120))
        away: tuple[date, date] | None = None
        if story == "returned":
            # Left for another studio for about a year, then came back.
            away = (today - timedelta(days=rng.randint(420, 600)),
                    today - timedelta(days=rng.randint(60, 200)))

        now = datetime.combine(started or today - timedelta(days=rng.randint(10, 90)), time(9))
        tags = ", ".join(rng.sample(self.tags, rng.randint(1, 3)))
        acquired_on, acquirer = None, ""
        if story == "acquired":
            acquired_on = today - timedelta(days=rng.randint(40, 150))
            acquirer = "Meridian Holdings plc"
        client = Client.create(
            name=member.name, is_person=member.is_person, status=member.status,
            started_on=started, ended_on=ended, address=self._address(member), tags=tags,
            notes=self._notes(story), source=rng.choice(
                ("Referral from a client", "Website", "Met at a local business fair",
                 "Instagram", "Recommended by their accountant")),
            acquired_on=acquired_on, acquirer=acquirer,
            keep_in_touch=story in ("departed", "returned") and rng.random() < 0.6,
            archived=story == "archived", created_at=now, updated_at=now,
        )
        self.counts["clients"] += 1
        self._contacts(client.id, member, story, started or today)

        # The stretch of time the client was in touch: prospects only lately.
        first_day = started or today - timedelta(days=rng.randint(20, 80))
        last_day = ended or today
        if story == "silent":
            last_day = today - timedelta(days=rng.randint(75, 140))
        if story == "archived":
            last_day = first_day + timedelta(days=10)
        self._interactions(client.id, story, first_day, last_day, away)
        if started:
            self._revenue(client.id, story, started, ended or today, away)
        self._proposals(client.id, story, started, ended)
        if story not in ("departed", "archived"):
            self._promises(client.id)
        if story in ("departed", "departing", "returned"):
            self._departure(client.id, story, started, ended, away)

    def _address(self, member: _CastMember) -> str:
        number = self.rng.randint(1, 120)
        street = self.rng.choice(("High Street", "Market Square", "Quay Road", "Church Lane",
                                  "Station Road", "Harbour Terrace"))
        return f"{member.name}\n{number} {street}\nFalmouth TR11 {self.rng.randint(1, 9)}AB"

    def _notes(self, story: str) -> str:
        return {
            "dominant": "Our biggest account: brand, web and all print since the start.",
            "costly": "Lots of small urgent requests; small monthly budget.",
            "complaints": "New practice manager, keen on fast replies.",
            "acquired": "Bought by Meridian Holdings this year; new decision makers.",
            "returned": "Came back after a year with another studio.",
        }.get(story, "")

    def _contacts(self, client_id: int, member: _CastMember, story: str,
                  started: date) -> None:
        rng = self.rng
        rows = []
        domain = (_slug(member.name) or f"client{client_id}") + ".example"
        if member.is_person:
            first = member.name.split()[0]
            rows.append({"name": member.name, "role": "Owner", "primary": True,
                         "email": f"{_slug(first) or 'hello'}@{domain}"})
        else:
            for position in range(rng.randint(1, 3)):
                name = self._person()
                rows.append({
                    "name": name,
                    "role": rng.choice(("Owner", "Managing director", "Marketing manager",
                                        "Office manager", "Head of sales")),
                    "primary": position == 0,
                    "email": f"{_slug(name.split()[0]) or 'info'}@{domain}",
                })
        if story == "turnover":
            # The primary contact left lately, for a competitor: a relationship worth keeping.
            rows[0].update(left_on=self.today - timedelta(days=rng.randint(20, 120)),
                           new_employer=rng.choice(self.employers))
        elif not member.is_person and len(rows) > 1 and rng.random() < 0.3:
            rows[-1].update(left_on=self._day_between(started, self.today),
                            new_employer=rng.choice(self.employers))
        for row in rows:
            row["phone"] = f"+44 7700 {rng.randint(900000, 900999)}"
            Contact.create(client=client_id, **row)
        self.counts["contacts"] += len(rows)

    def _interactions(self, client_id: int, story: str, first: date, last: date,
                      away: tuple[date, date] | None) -> None:
        rng = self.rng
        kinds = list(_KINDS)
        weights = [_KINDS[k][0] for k in kinds]
        gap = {"dominant": 4, "costly": 3, "prospect": 12, "archived": 5}.get(
            story, rng.randint(8, 20))
        rows = []
        day = first
        while day <= last:
            if away and away[0] < day < away[1]:
                day = away[1]
                continue
            kind = rng.choices(kinds, weights)[0]
            low, high = _KINDS[kind][1:]
            minutes = rng.randint(low, high)
            if story == "costly" and kind in ("support", "call"):
                minutes = rng.randint(60, 180)  # every small job turns into an afternoon
            complaint = kind in ("call", "email", "support") and rng.random() < 0.015
            rows.append(self._interaction(client_id, day, kind, minutes, complaint))
            # An even rhythm: a long random gap would read as a silence warning.
            day += timedelta(days=max(1, round(gap * rng.uniform(0.4, 1.6))))
        if story == "complaints":
            for days_ago in (12, 37, 61, 83):
                rows.append(self._interaction(client_id, self.today - timedelta(days=days_ago),
                                              "call", rng.randint(20, 40), True))
        _insert(Interaction, rows)
        self.counts["interactions"] += len(rows)

    def _interaction(self, client_id: int, day: date, kind: str, minutes: int,
                     complaint: bool) -> dict:
        summary = self.rng.choice(self.summaries["complaint" if complaint else kind])
        return {"client": client_id, "occurred_at": self._moment(day), "kind": kind,
                "direction": "in" if complaint else self.rng.choice(("in", "out")),
                "minutes": minutes, "summary": summary, "complaint": complaint}

    def _revenue(self, client_id: int, story: str, started: date, last: date,
                 away: tuple[date, date] | None) -> None:
        rng = self.rng
        # Monthly amounts in cents; the dominant client bills about a fifth of the year.
        base = {"dominant": 500_000, "costly": 12_000}.get(
            story, rng.choice((20_000, 30_000, 45_000, 65_000, 90_000, 120_000)))
        this_month = _month_start(self.today)
        rows = []
        for month in _months(started, last):
            if away and _month_start(away[0]) < month < _month_start(away[1]):
                continue
            months_ago = (this_month.year - month.year) * 12 + this_month.month - month.month
            # Some months go unbilled, but not lately: a gap there would read as a decline.
            if story != "dominant" and months_ago > 9 and rng.random() < 0.15:
                continue
            amount = base * rng.uniform(0.75, 1.25)
            if story == "declining" and months_ago <= 3:
                # Whether "the last 3 months" counts this month or not, they fall under 60 %.
                amount *= 0.3
            rows.append({"client": client_id, "month": month,
                         "amount_cents": int(amount) // 100 * 100})
        _insert(Revenue, rows)
        self.counts["revenue_months"] += len(rows)

    def _proposals(self, client_id: int, story: str, started: date | None,
                   ended: date | None) -> None:
        rng = self.rng
        rows = []
        if started:
            sent = started - timedelta(days=rng.randint(10, 40))
            rows.append({"title": "Brand and website refresh", "sent_on": sent,
                         "amount_cents": rng.choice((350_000, 480_000, 720_000, 1_200_000)),
                         "outcome": "won", "decided_on": started})
            end = ended or self.today
            for _ in range(rng.randint(0, 3)):
                sent = self._day_between(started, end - timedelta(days=30))
                outcome = rng.choices(("won", "lost"), (60, 40))[0]
                rows.append({"title": rng.choice(("Spring campaign", "Packaging redesign",
                                                  "Website maintenance plan",
                                                  "Photography day", "Shop signage")),
                             "sent_on": sent, "amount_cents": rng.randint(8, 60) * 10_000,
                             "outcome": outcome, "decided_on": sent + timedelta(days=14)})
        if story in ("prospect", "archived"):
            sent = self.today - timedelta(days=rng.randint(5, 50))
            outcome = "lost" if story == "archived" else "pending"
            rows.append({"title": "First project: logo and business cards", "sent_on": sent,
                         "amount_cents": rng.randint(12, 40) * 10_000, "outcome": outcome,
                         "decided_on": sent + timedelta(days=20) if outcome == "lost" else None})
        elif not ended and rng.random() < 0.4:
            rows.append({"title": "Next year's retainer", "hourly_rate_cents": 8500,
                         "sent_on": self.today - timedelta(days=rng.randint(3, 40)),
                         "outcome": "pending"})
        for row in rows:
            row["client"] = client_id
        _insert(Proposal, rows)
        self.counts["proposals"] += len(rows)

    def _promises(self, client_id: int) -> None:
        rng = self.rng
        rows = []
        texts = ("Email the revised quote", "Call about the print proofs",
                 "Send the monthly figures", "Meet to plan the autumn campaign",
                 "Post the sample brochures")
        for _ in range(rng.randint(0, 3)):
            due = datetime.combine(self.today + timedelta(days=rng.randint(-200, 30)),
                                   time(rng.choice((10, 11, 14, 16))))
            row = {"client": client_id, "description": rng.choice(texts), "due_at": due,
                   "channel": rng.choice(("email", "call", "meeting", "letter"))}
            if due.date() < self.today - timedelta(days=7):
                fate = rng.choices(("kept", "late", "broken"), (70, 20, 10))[0]
                if fate == "kept":
                    row["done_at"] = due - timedelta(hours=rng.randint(1, 30))
                elif fate == "late":
                    row["done_at"] = due + timedelta(days=rng.randint(1, 6))
                else:
                    row["cancelled_at"] = due + timedelta(days=2)
            elif due.date() < self.today:
                row["done_at"] = due - timedelta(hours=2)
            rows.append(row)
        if not self.overdue_done:
            # One promise slipped: the dashboard and the detail must show an overdue one.
            self.overdue_done = True
            rows.append({"client": client_id, "description": "Email the figures for the Q3 report",
                         "due_at": datetime.combine(self.today - timedelta(days=3), time(16)),
                         "channel": "email"})
        if rows:
            _insert(Promise, rows)
        self.counts["promises"] += len(rows)

    def _departure(self, client_id: int, story: str, started: date | None,
                   ended: date | None, away: tuple[date, date] | None) -> None:
        rng, today = self.rng, self.today
        pattern = _DEPARTURE_PATTERNS[self.pattern_index % len(_DEPARTURE_PATTERNS)]
        self.pattern_index += 1
        ended_by, reasons, kind, decision = pattern
        returned_on = None
        state = "decided"
        if story == "departing":
            effective = today + timedelta(days=rng.randint(15, 45))
            ended_by, reasons, kind, decision = "client", ("budget",), "scattered", "accept"
        elif story == "returned":
            assert away is not None
            effective, returned_on = away
            state = "won_back"
            ended_by, reasons, kind, decision = "client", ("competitor",), "scattered", "accept"
        else:
            assert ended is not None
            effective = ended
        decided = effective - timedelta(days=rng.randint(21, 60))
        if started:
            decided = max(decided, started)
        moment = datetime.combine(decided, time(17))
        consent = rng.random() < 0.6
        departure = Departure.create(
            client=client_id, state=state, ended_by=ended_by,
            outside_event={"acquisition": "acquired", "out_of_business": "closed"}.get(
                reasons[0], "") if ended_by == "outside" else "",
            reason_text=self._reason_text(reasons[0]), kind=kind, decision=decision,
            decided_on=decided, effective_on=effective,
            assessment_json=json.dumps({"note": "Figures as they were at the decision."}),
            # Still leaving: the interview is only asked for; past departures had theirs.
            interview_status="requested" if story == "departing" else rng.choice(
                ("held", "held", "declined")),
            interviewer="Sam Patel (a friend of the studio)",
            would_return=rng.choice(("yes", "maybe", "no")),
            would_refer=rng.choice(("yes", "maybe")),
            letters="farewell,transition_plan" if ended_by != "owner" else
            "parting_ways,transition_plan",
            mailing_consent=consent,
            staff_told="Jo (freelance developer)",
            lessons=rng.choice(_LESSONS),
            returned_on=returned_on, created_at=moment, updated_at=moment,
        )
        self.counts["departures"] += 1
        _insert(DepartureReason,
                [{"departure": departure.id, "reason": reason} for reason in reasons])

        steps = []
        # Four of the usual steps, in their natural order (finish the work before ending access).
        chosen = [_STEP_TEXTS[i] for i in sorted(rng.sample(range(len(_STEP_TEXTS)), 4))]
        for position, text in enumerate(chosen):
            due = decided + timedelta(days=7 * (position + 1))
            done = due <= today
            steps.append({"departure": departure.id, "position": position, "description": text,
                          "due_on": min(due, effective), "owner": "Morgan Ellis",
                          "status": "done" if done else "todo",
                          "done_on": min(due, effective) if done else None})
        _insert(TransitionStep, steps)
        if story == "departing":
            _insert(PendingWork, [
                {"departure": departure.id, "position": 0,
                 "description": "Deliver the final set of menu designs",
                 "due_on": effective - timedelta(days=7)},
                {"departure": departure.id, "position": 1,
                 "description": "Export the newsletter subscriber list",
                 "due_on": effective - timedelta(days=3)},
            ])
        self._follow_ups(client_id, departure.id, effective)

    def _reason_text(self, reason: str) -> str:
        return {
            "needs_fulfilled": "The rebrand is done; they have what they came for.",
            "budget": "Cutting costs for the year.",
            "price": "Found a cheaper studio.",
            "unprofitable": "Hours far beyond what the budget covers.",
            "acquisition": "Bought by a group with its own in-house team.",
            "competitor": "Moved to an agency that also does advertising.",
            "fit": "They need a large agency now.",
            "results": "Expected more sales from the new website.",
            "out_of_business": "The shop closed.",
            "contact_turnover": "Our contact left; the new manager brought her own designer.",
            "conduct": "Repeated rude emails to the studio.",
        }.get(reason, "")

    def _follow_ups(self, client_id: int, departure_id: int, effective: date) -> None:
        """The default follow-up schedule: a check-in after a month, notes at 3, 6, 12."""
        rows = []
        for months, kind, text in ((1, "check_in", "Check in after the transition"),
                                   (3, "keep_in_touch", "Send a keep-in-touch note"),
                                   (6, "keep_in_touch", "Send a keep-in-touch note"),
                                   (12, "keep_in_touch", "Send a keep-in-touch note")):
            due = datetime.combine(effective + timedelta(days=30 * months), time(10))
            row = {"client": client_id, "departure": departure_id, "description": text,
                   "due_at": due, "channel": "letter", "letter_kind": kind}
            if due.date() < self.today - timedelta(days=14):
                if self.rng.random() < 0.85:
                    row["done_at"] = due + timedelta(days=self.rng.randint(-2, 4))
                else:
                    row["cancelled_at"] = due + timedelta(days=10)
            rows.append(row)
        _insert(Promise, rows)
        self.counts["promises"] += len(rows)


def _fill_profile() -> None:
    """Fill only the profile fields the owner left empty: the owner's words win."""
    profile = records.get_profile()
    changes = {}
    for key, value in PROFILE.items():
        if profile.get(key) in ("", None, 0):
            changes[key] = value
    if changes:
        BusinessProfile.update(**changes).where(BusinessProfile.id == 1).execute()


def fill_demo(today: date | None = None, *, force: bool = False, seed: int = 7) -> DemoSummary:
    """Add the Harbour Lane Studio sample data to the open database.

    Refuses (GoodbyeError) when the database already holds clients, unless `force`: then the
    sample clients are added beside the existing ones. Nothing is ever deleted, and profile
    fields the owner has filled in are kept.
    """
    today = today or clock.today()
    if not force and Client.select().exists():
        raise GoodbyeError(
            "This database already holds clients, so no sample data was added. Use an empty "
            "file (--db PATH), or add the sample clients beside yours with --force."
        )
    cast = _cast()
    builder = _Builder(today, seed)
    with database_proxy.atomic():
        first_new = (Client.select(Client.id).order_by(Client.id.desc()).scalar() or 0) + 1
        _fill_profile()
        for member in cast:
            builder.add_client(member)
        new_ids = [row[0] for row in Client.select(Client.id).where(Client.id >= first_new)
                   .tuples()]
        for client_id in new_ids:
            records.refresh_client(client_id)
    return DemoSummary(**builder.counts)
