"""The dashboard's figures (DOMAIN.md section 6), made exact, over plain values.

The store counts and sums in SQL and hands over small plain values (counts, a client's
total, a departure's dates and reasons); this module turns them into the figures the
pane, the command line and the report show, with one rule for each:

- a share that would divide by zero is None (shown as "no figure", `null` in JSON);
- shares are fractions from 0 to 1; HHI is the sum of squared percentage shares
  (0 to 10 000), rounded to a whole number;
- medians of an even count take the mean of the two middle values; tenure is then
  rounded down to a whole day, months away to one decimal;
- months away are days away divided by the mean month (30.4375 days);
- the Pareto of effort keeps the top ceil(20 %) of the clients with minutes (at least
  one), ties at the cut broken by name: the store hands them over already in that order.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Protocol

from goodbye_desktop.core.client_figures import whole_months
from goodbye_desktop.core.windows import last_12_months
from goodbye_desktop.vocabulary import DEPARTING_KINDS, ENDED_BY, REASONS, UNAVOIDABLE_REASONS

HISTORY_YEARS = 5
MEAN_MONTH_DAYS = 365.25 / 12
PARETO_SHARE = 0.2
HIGHLY_CONCENTRATED_HHI = 2500


def share(part: int | float, whole: int | float) -> float | None:
    """`part / whole` as a fraction, or None when there is nothing to divide by."""
    if not whole:
        return None
    return part / whole


def year_end(year: int, today: date) -> date:
    """The last day a year's figures look at: 31 December, or today for the current year."""
    return min(date(year, 12, 31), today)


def window_months(end: date) -> tuple[date, date]:
    """"The last 12 months" up to `end` (core.windows): first days of its first and last month."""
    window = last_12_months(end)
    return window.first_month, window.last_month


@dataclass(frozen=True)
class ClientAmount:
    """One client and its amount (revenue in cents, or minutes) over a window."""

    id: int
    name: str
    amount: int


@dataclass(frozen=True)
class Concentration:
    """Revenue concentration over a window; `rows` are (id, name, cents), largest first
    (every client with revenue, or the first few when the caller asked for fewer)."""

    total_cents: int
    top1_share: float | None
    top3_share: float | None
    hhi: int | None
    rows: Sequence[tuple[int, str, int]]
    clients_with_revenue: int = 0

    @property
    def highly_concentrated(self) -> bool:
        return self.hhi is not None and self.hhi > HIGHLY_CONCENTRATED_HHI

    def top(self, n: int) -> list[tuple[int, str, int, float]]:
        """The first `n` clients with their shares."""
        return [(i, name, cents, cents / self.total_cents) for i, name, cents in self.rows[:n]]


def concentration(rows: Sequence[tuple[int, str, int]], clients: int | None = None,
                  total: int | None = None, squares: float | None = None) -> Concentration:
    """Top client's share, the top 3's share and HHI; `rows` largest first, amounts > 0.

    `clients`, `total` and `squares` (the sum of squared amounts) cover every client when
    `rows` holds only the first few; by default they are worked out from `rows`.
    """
    if total is None:
        total = sum(row[2] for row in rows)
        squares = float(sum(row[2] * row[2] for row in rows))
        clients = len(rows)
    if total <= 0:
        return Concentration(0, None, None, None, [], 0)
    hhi = round(10_000 * (squares or 0.0) / (total * total))
    return Concentration(total, rows[0][2] / total, sum(row[2] for row in rows[:3]) / total,
                         hhi, rows, clients or 0)


def pareto_count(clients_with_minutes: int) -> int:
    """How many clients make "the top 20 %": rounded up, at least one (none of none)."""
    if clients_with_minutes <= 0:
        return 0
    return max(1, math.ceil(clients_with_minutes * PARETO_SHARE - 1e-9))


@dataclass(frozen=True)
class Pareto:
    top_share: float | None
    clients: list[ClientAmount]  # the top clients by minutes, most first
    clients_with_minutes: int
    total_minutes: int


def pareto(top: Sequence[ClientAmount], clients_with_minutes: int,
           total_minutes: int) -> Pareto:
    """The share of all minutes taken by `top` (the first pareto_count clients)."""
    return Pareto(share(sum(row.amount for row in top), total_minutes), list(top),
                  clients_with_minutes, total_minutes)


@dataclass(frozen=True)
class Leaving:
    """One departure lost in the year: plain facts from the store."""

    client_id: int
    name: str
    started_on: date | None
    last_day: date
    ended_by: str
    kind: str
    reasons: tuple[str, ...]
    revenue_12m_cents: int
    lessons: str = ""
    departure_id: int | None = None  # None: an end date entered without a departure

    @property
    def unavoidable(self) -> bool:
        """Outside events, or any reason no owner could have prevented."""
        return self.ended_by == "outside" or any(r in UNAVOIDABLE_REASONS for r in self.reasons)

    @property
    def tenure_days(self) -> int | None:
        if self.started_on is None:
            return None
        return (self.last_day - self.started_on).days

    @property
    def tenure_months(self) -> int | None:
        """Whole months from the start to the last day, as the list counts a tenure."""
        if self.started_on is None:
            return None
        return whole_months(self.started_on, self.last_day)


def median_whole(values: Iterable[int | None]) -> int | None:
    """The median of the values given (None left out), rounded down; None without any."""
    present = [v for v in values if v is not None]
    if not present:
        return None
    return math.floor(statistics.median(present))


def median_months_away(spells: Iterable[tuple[date, date]]) -> float | None:
    """Median months between a last day and the return, to one decimal."""
    months = [(back - left).days / MEAN_MONTH_DAYS for left, back in spells]
    if not months:
        return None
    return round(statistics.median(months), 1)


def counts(codes: Iterable[str], vocabulary: Sequence[str]) -> dict[str, int]:
    """Every code of `vocabulary` with how often it occurs (zero included, order kept)."""
    out = dict.fromkeys(vocabulary, 0)
    for code in codes:
        if code in out:
            out[code] += 1
    return out


@dataclass(frozen=True)
class Departures:
    reasons: dict[str, int]
    kinds: dict[str, int]
    ended_by: dict[str, int]
    avoidable: int
    unavoidable: int
    median_tenure_days: int | None
    # The same median in whole months: how the window, the command and the report say it.
    median_tenure_months: int | None
    revenue_lost_cents: int


def departures(lost: Sequence[Leaving]) -> Departures:
    unavoidable = sum(1 for d in lost if d.unavoidable)
    return Departures(
        reasons=counts((r for d in lost for r in d.reasons), REASONS),
        kinds=counts((d.kind for d in lost), DEPARTING_KINDS),
        ended_by=counts((d.ended_by for d in lost), ENDED_BY),
        avoidable=len(lost) - unavoidable, unavoidable=unavoidable,
        median_tenure_days=median_whole(d.tenure_days for d in lost),
        median_tenure_months=median_whole(d.tenure_months for d in lost),
        revenue_lost_cents=sum(d.revenue_12m_cents for d in lost),
    )


@dataclass(frozen=True)
class YearCounts:
    """What the store counts for one year (see store.dashboard.year_counts)."""

    year: int
    start: date
    end: date
    active_start: int
    active_end: int
    retained: int  # active on both days
    churned: int  # active on 1 January and lost in the year
    gained: int
    lost: int

    @property
    def net(self) -> int:
        return self.gained - self.lost

    @property
    def logo_churn(self) -> float | None:
        return share(self.churned, self.active_start)

    @property
    def retention(self) -> float | None:
        return share(self.retained, self.active_start)

    def as_json(self) -> dict:
        return {"year": self.year, "gained": self.gained, "lost": self.lost, "net": self.net,
                "logo_churn": rounded(self.logo_churn), "retention": rounded(self.retention)}


@dataclass(frozen=True)
class Proposals:
    sent: int
    won: int
    lost: int
    won_new_amounts: list[int] = field(default_factory=list)

    @property
    def win_rate(self) -> float | None:
        return share(self.won, self.won + self.lost)

    @property
    def avg_new_client_cents(self) -> int | None:
        if not self.won_new_amounts:
            return None
        total, n = sum(self.won_new_amounts), len(self.won_new_amounts)
        return (2 * total + n) // (2 * n)  # rounded half up, in whole cents

    def as_json(self) -> dict:
        return {"sent": self.sent, "won": self.won, "lost": self.lost,
                "win_rate": rounded(self.win_rate),
                "avg_new_client_cents": self.avg_new_client_cents}


def rounded(value: float | None, places: int = 4) -> float | None:
    """A share as JSON carries it: four decimals, None kept."""
    return None if value is None else round(value, places)


@dataclass(frozen=True)
class Return:
    client_id: int
    name: str
    last_day: date
    returned_on: date


@dataclass(frozen=True)
class AtRisk:
    id: int
    name: str
    signs: tuple[str, ...]


@dataclass(frozen=True)
class Dashboard:
    """Every figure of the dashboard for one year, as the pane, the command and the report
    show them."""

    year: int
    today: date
    clients_in_file: int
    counts: YearCounts
    history: list[YearCounts]  # Y-4 .. Y
    lost: list[Leaving]
    departures: Departures
    concentration: Concentration
    pareto: Pareto
    returns: list[Return]
    proposals: Proposals
    previous_proposals: Proposals
    retention_goal_pct: int
    reactivation_goal: int
    at_risk: list[AtRisk]
    promises: dict[str, int]
    at_risk_total: int | None = None  # when `at_risk` holds only the first ones

    @property
    def at_risk_count(self) -> int:
        return len(self.at_risk) if self.at_risk_total is None else self.at_risk_total

    @property
    def as_of(self) -> date:
        return self.counts.end

    @property
    def reactivated(self) -> int:
        return len({r.client_id for r in self.returns})

    @property
    def median_months_away(self) -> float | None:
        return median_months_away((r.last_day, r.returned_on) for r in self.returns)

    @property
    def retention_goal(self) -> float:
        return self.retention_goal_pct / 100

    def as_json(self) -> dict:
        """The `dashboard --json` object: shares 0 to 1, cents, ISO dates (README)."""
        c, conc, dep = self.counts, self.concentration, self.departures
        # Every client with revenue can be a hundred thousand: round() itself, not a call
        # of `rounded` per client (total_cents > 0 whenever there are rows).
        total = conc.total_cents
        return {
            "year": self.year, "as_of": self.as_of.isoformat(),
            "active_start": c.active_start, "active_end": c.active_end,
            "gained": c.gained, "lost": c.lost, "net": c.net,
            "logo_churn": rounded(c.logo_churn), "retention": rounded(c.retention),
            "retention_goal": rounded(self.retention_goal),
            "history": [y.as_json() for y in self.history],
            "revenue_lost_cents": dep.revenue_lost_cents,
            "concentration": {
                "top1_share": rounded(conc.top1_share), "top3_share": rounded(conc.top3_share),
                "hhi": conc.hhi,
                "clients": [{"id": i, "name": name, "share": round(cents / total, 4)}
                            for i, name, cents in conc.rows],
            },
            "reasons": dep.reasons, "kinds": dep.kinds, "ended_by": dep.ended_by,
            "avoidable": dep.avoidable, "unavoidable": dep.unavoidable,
            "median_tenure_days": dep.median_tenure_days,
            "median_tenure_months": dep.median_tenure_months,
            "reactivated": self.reactivated, "reactivation_goal": self.reactivation_goal,
            "median_months_away": self.median_months_away,
            "proposals": {**self.proposals.as_json(),
                          "previous": self.previous_proposals.as_json()},
            "pareto": {"top_share": rounded(self.pareto.top_share),
                       "clients": [{"id": row.id, "name": row.name, "minutes": row.amount}
                                   for row in self.pareto.clients]},
            "at_risk": [{"id": a.id, "name": a.name, "signs": list(a.signs)}
                        for a in self.at_risk],
            "promises": dict(self.promises),
        }


class Reader(Protocol):
    """What `build` asks the records (store.dashboard.Reader answers it in SQL)."""

    def year_counts(self, spans: list[tuple[date, date]]) -> list[dict[str, int]]: ...
    def lost(self, start: date, end: date) -> list[dict[str, Any]]: ...
    def returns(self, start: date, end: date) -> list[tuple[int, str, date, date]]: ...
    def revenue(self, end: date, today: date, limit: int | None = None
                ) -> tuple[list[tuple[int, str, int]], int, int, float]: ...
    def effort(self, end: date, top: Callable[[int], int]
               ) -> tuple[list[tuple[int, str, int]], int, int]: ...
    def proposals(self, start: date, end: date) -> tuple[int, int, int, list[int]]: ...
    def goals(self) -> tuple[int, int]: ...
    def client_count(self) -> int: ...


def year_counts(reader: Reader, years: Sequence[int], today: date) -> list[YearCounts]:
    spans = [(date(y, 1, 1), year_end(y, today)) for y in years]
    return [YearCounts(year=y, start=s, end=e, **row)
            for y, (s, e), row in zip(years, spans, reader.year_counts(spans), strict=True)]


def _proposals(reader: Reader, year: int, today: date) -> Proposals:
    sent, won, lost, amounts = reader.proposals(date(year, 1, 1), year_end(year, today))
    return Proposals(sent=sent, won=won, lost=lost, won_new_amounts=amounts)


def build(year: int, today: date, reader: Reader, *, at_risk: Sequence[Any] = (),
          promises: dict[str, int] | None = None, limit: int | None = None) -> Dashboard:
    """Every figure for `year` as of `today`. A year after today's has no figures yet:
    the caller refuses it (ValueError here). `limit` keeps only the first clients of the
    concentration and the Pareto lists (the pane shows a few; the JSON has them all)."""
    if year > today.year:
        raise ValueError(f"{year} is still ahead")
    history = year_counts(reader, range(year - HISTORY_YEARS + 1, year + 1), today)
    counts = history[-1]
    start, end = counts.start, counts.end
    lost = [Leaving(**row) for row in reader.lost(start, end)]
    top, with_minutes, minutes = reader.effort(end, pareto_count)
    top_minutes = sum(row[2] for row in top)
    if limit is not None:
        top = top[:limit]
    retention_pct, reactivation = reader.goals()
    return Dashboard(
        year=year, today=today, clients_in_file=reader.client_count(), counts=counts,
        history=history,
        lost=lost, departures=departures(lost),
        concentration=_trimmed(concentration(
            *reader.revenue(end, today, None if limit is None else max(limit, 3))), limit),
        pareto=Pareto(share(top_minutes, minutes), [ClientAmount(*r) for r in top],
                      with_minutes, minutes),
        returns=[Return(*r) for r in reader.returns(start, end)],
        proposals=_proposals(reader, year, today),
        previous_proposals=_proposals(reader, year - 1, today),
        retention_goal_pct=retention_pct, reactivation_goal=reactivation,
        at_risk=at_risk_entries(at_risk),
        promises=dict(promises or {"due_today": 0, "overdue": 0, "next_7_days": 0}),
    )


def _trimmed(conc: Concentration, limit: int | None) -> Concentration:
    """The first `limit` clients only (the top 3's share needs three, hence the fetch)."""
    if limit is None or len(conc.rows) <= limit:
        return conc
    return replace(conc, rows=conc.rows[:limit])


def at_risk_entries(rows: Sequence[Any]) -> list[AtRisk]:
    """At-risk clients from the store's rows (tuples, dicts, or objects with id, name and
    signs, a sign being its code or an object with a `key`)."""
    return [_at_risk(row) for row in rows]


def _at_risk(row: Any) -> AtRisk:
    """An at-risk client from a tuple, a dict or an object with id, name and signs."""
    if isinstance(row, dict):
        return AtRisk(row["id"], row["name"], tuple(row["signs"]))
    if isinstance(row, tuple | list):
        return AtRisk(row[0], row[1], tuple(getattr(s, "key", s) for s in row[2]))
    return AtRisk(row.id, row.name, tuple(getattr(s, "key", s) for s in row.signs))
