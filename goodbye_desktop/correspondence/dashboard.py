"""The dashboard for a year, from the records: the pane, the command and the report ask here.

The store counts in SQL (`store.dashboard.Reader`), the core makes the figures
(`core.figures.build`); the at-risk clients and the promises due come from their own
store modules. Give `db` a reading connection of its own to compute off the GUI thread.
`charts_for` makes the charts of a dashboard (documents.charts) with the caller's words,
and the clients behind each bar for the drill-down.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING

from goodbye_desktop import clock
from goodbye_desktop.core.figures import Dashboard, at_risk_entries, build, year_end

if TYPE_CHECKING:
    from goodbye_desktop.documents.charts import Chart, Scheme


def dashboard(year: int | None = None, *, today: date | None = None,
              now: datetime | None = None, db: sqlite3.Connection | None = None,
              limit: int | None = None, daily: bool = True) -> Dashboard:
    """Every figure of `year` (default: the current one) as of the clock's today; `limit`
    keeps only the first clients of the long lists (see core.figures.build).

    `daily=False` leaves out the at-risk clients and the promises due: they are kept on
    the shared connection (the At-risk list works them out once a day and writes them),
    so a computation on a thread of its own adds them afterwards with `with_daily`.
    """
    from goodbye_desktop.store.dashboard import Reader

    now = now or clock.now()
    today = today or now.date()
    year = year or today.year
    reader = Reader(db)
    if db is not None and year <= today.year:
        # A reading connection of its own (off the GUI thread): the longest query, the
        # minutes of the year's 12 months, runs beside the others on one more.
        reader.read_effort_ahead(year_end(year, today))
    figures = build(year, today, reader, limit=limit)
    return with_daily(figures, now) if daily else figures


def with_daily(figures: Dashboard, now: datetime | None = None, *,
               first: int | None = None) -> Dashboard:
    """The dashboard with today's at-risk clients and promise counts (shared connection).

    With `first`, only that many at-risk clients are read, as the At-risk list has them
    so far (its daily pass works through the clients a batch at a time), never waiting
    for the pass: the window's way. Without it the day is worked out first (the command
    line's and the report's way).
    """
    from goodbye_desktop.store import at_risk
    from goodbye_desktop.store.due import promise_counts

    now = now or clock.now()
    if first is None:
        return replace(figures, at_risk=at_risk_entries(at_risk.at_risk_clients(now.date())),
                       promises=promise_counts(now))
    return replace(figures, at_risk=at_risk_entries(at_risk.at_risk_page(0, first)),
                   at_risk_total=at_risk.at_risk_count(), promises=promise_counts(now))


# --- the charts, for the pane and the report alike -----------------------------------------

TOP_CLIENTS = 10


@dataclass(frozen=True)
class DashboardChart:
    """A chart of the dashboard and, per row, the clients behind it (the drill-down)."""

    key: str
    chart: Chart
    clients: list[list[tuple[int, str]]]


@dataclass(frozen=True)
class ChartWords:
    """The words a chart prints, in the caller's language: titles, series, column heads,
    a word per stored code (`code(group, code)`), a share and minutes as text."""

    titles: dict[str, str]
    gained: str
    lost: str
    year: str
    count: str
    share_head: str
    minutes_head: str
    code: Callable[[str, str], str]
    percent: Callable[[float], str]
    minutes: Callable[[int], str]


def charts_for(d: Dashboard, words: ChartWords, *, scheme: Scheme | None = None,
               width: float = 360) -> list[DashboardChart]:
    """Every chart of the dashboard that has something to show (an empty one is left out:
    the caller says so in a sentence instead)."""
    from goodbye_desktop.documents import charts

    scheme = scheme or charts.PRINT
    out: list[DashboardChart] = []
    history = d.history
    if any(y.gained or y.lost for y in history):
        chart = charts.paired_columns(
            words.titles["history"], [str(y.year) for y in history],
            [(words.gained, [y.gained for y in history]), (words.lost, [y.lost for y in history])],
            width=width, scheme=scheme, header=(words.year, words.gained, words.lost))
        out.append(DashboardChart("history", chart, [[] for _ in history]))
    for key, group, table in (("reasons", "reason", d.departures.reasons),
                              ("kinds", "kind", d.departures.kinds),
                              ("ended_by", "ended_by", d.departures.ended_by)):
        codes = sorted((code for code, n in table.items() if n), key=lambda c: -table[c])
        if not codes:
            continue
        rows = [(words.code(group, code), float(table[code]), str(table[code]))
                for code in codes]
        chart = charts.bars(words.titles[key], rows, width=width, scheme=scheme,
                            header=(words.titles[key], words.count))
        out.append(DashboardChart(key, chart, [_lost_with(d, key, code) for code in codes]))
    top = d.concentration.top(TOP_CLIENTS)
    if top:
        rows = [(name, share, words.percent(share)) for _, name, _, share in top]
        chart = charts.bars(words.titles["concentration"], rows, width=width, scheme=scheme,
                            header=(words.titles["concentration"], words.share_head))
        out.append(DashboardChart("concentration", chart,
                                  [[(i, name)] for i, name, _, _ in top]))
    effort = d.pareto.clients[:TOP_CLIENTS]
    if effort:
        rows = [(c.name, float(c.amount), words.minutes(c.amount)) for c in effort]
        chart = charts.bars(words.titles["pareto"], rows, width=width, scheme=scheme,
                            header=(words.titles["pareto"], words.minutes_head))
        out.append(DashboardChart("pareto", chart, [[(c.id, c.name)] for c in effort]))
    return out


def _lost_with(d: Dashboard, key: str, code: str) -> list[tuple[int, str]]:
    """The clients of the year's departures with that reason, kind or who ended it."""
    def matches(leaving) -> bool:
        if key == "reasons":
            return code in leaving.reasons
        return (leaving.kind if key == "kinds" else leaving.ended_by) == code

    return [(leaving.client_id, leaving.name) for leaving in d.lost if matches(leaving)]
