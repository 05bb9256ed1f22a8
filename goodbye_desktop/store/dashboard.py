"""The dashboard's aggregates for a year, counted and summed in SQL.

Plain sqlite3 on a connection (the shared one, or a reading connection of its own when
the window computes off the GUI thread), never the ORM and never a Python loop over
every row: each figure is one grouped query that its index answers (migration steps 8
and 9 add the indexes). The current year's concentration and Pareto of effort read the
12-month revenue and minutes the store keeps on each client (`revenue_12m_cents`,
`minutes_12m`); another year's sum its 12 months. What comes back are small plain values
(ints, tuples, dicts of them); `core.figures.build` turns them into the figures, asking
a `Reader` for each.

A client's activity, from the records alone (README, "Dashboard"): active from its
`started_on` (prospects and clients without a start date never are), away after each
last day; a departure won back ends the time away on `returned_on`; an undone departure
or a draft never counts. An end date entered on a client without a departure of that
last day (an imported record) counts as a departure with no reasons.
"""

from __future__ import annotations

import sqlite3
from bisect import bisect_right
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import date, timedelta
from itertools import accumulate
from pathlib import Path
from typing import Any

from goodbye_desktop.core.windows import last_12_months
from goodbye_desktop.store.connection import current, current_path
from goodbye_desktop.store.sql_values import as_date
from goodbye_desktop.store.upkeep import minutes_window, stored_minutes_window

# Every leaving: the departures that stand (decided, or won back later) and the end dates
# entered without one. `back_on` is the day a won-back client was with us again.
# `{departure}` and `{ended}` narrow each half to the last days a figure can use (a range
# of the indexes on the last day, rather than every leaving there ever was).
_LEAVING = """
leaving(client_id, last_day, back_on, departure_id) AS (
    SELECT client_id, effective_on, CASE WHEN state = 'won_back' THEN returned_on END, id
    FROM departure WHERE state IN ('decided', 'won_back') AND effective_on IS NOT NULL
    {departure}
    UNION ALL
    SELECT c.id, c.ended_on, NULL, NULL FROM client c
    WHERE c.ended_on IS NOT NULL AND c.status != 'prospect' {ended} AND NOT EXISTS (
        SELECT 1 FROM departure d WHERE d.client_id = c.id AND d.state = 'decided'
        AND d.effective_on = c.ended_on)
)"""


def _leaving(last_day: str = "", *, back_after: str = "") -> str:
    """The leavings whose last day is `last_day` (an SQL condition such as "<= :e"); with
    `back_after`, leaving out those over before that day (back by it, last day before it),
    which are away on no day from then on and lost in no year."""
    departure = ended = ""
    if last_day:
        departure, ended = f"AND effective_on {last_day}", f"AND c.ended_on {last_day}"
    if back_after:
        departure += (f" AND (state = 'decided' OR returned_on IS NULL"
                      f" OR returned_on > {back_after} OR effective_on >= {back_after})")
    return _LEAVING.format(departure=departure, ended=ended)


# Away on day :d: after a last day and before the return.
_AWAY = "(l.last_day < {d} AND (l.back_on IS NULL OR l.back_on > {d}))"


def reading_connection(path: Path | None = None) -> sqlite3.Connection:
    """A read-only connection of its own, for figures computed off the GUI thread."""
    path = path or current_path()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    conn.execute("PRAGMA query_only = 1")
    return conn


def _window(end: date) -> tuple[str, str]:
    """"The last 12 months" up to `end` (core.windows): its first and last months."""
    window = last_12_months(end)
    return window.first_month.isoformat(), window.last_month.isoformat()


class Reader:
    """The dashboard's queries on one connection (the shared one by default).

    Each takes the first and last day a year's figures look at (`start`, `end`: 1 January
    and 31 December, or today for the current year).
    """

    def __init__(self, db: sqlite3.Connection | None = None) -> None:
        self.db = db or current()
        self._ahead: dict[date, Future] = {}

    def read_effort_ahead(self, end: date) -> None:
        """Start the effort query for `end` now, on a reading connection of its own, so it
        runs beside the other queries (it is the longest; SQLite lets go of the GIL)."""
        path = self.db.execute("PRAGMA database_list").fetchone()[2]
        if not path or end in self._ahead or self._minutes_kept(end):
            return  # an in-memory database has no second connection; kept minutes no scan

        def work() -> tuple[list[tuple[int, str, int]], int, int]:
            conn = reading_connection(Path(path))
            try:
                return Reader(conn)._scanned_effort(end)
            finally:
                conn.close()

        pool = ThreadPoolExecutor(max_workers=1)
        self._ahead[end] = pool.submit(work)
        pool.shutdown(wait=False)

    def year_counts(self, spans: list[tuple[date, date]]) -> list[dict[str, int]]:
        """For each (first day, last day) of a year: active on each, retained (both),
        churned (active on the first, lost in the year), gained and lost.

        Two statements whatever the number of years: the leavings are read once and
        grouped by client, with one column of flags per year (and the year's leavings
        counted for "lost"); the starts are counted per day.
        """
        params: dict[str, str] = {}
        for i, (start, end) in enumerate(spans):
            params[f"s{i}"], params[f"e{i}"] = start.isoformat(), end.isoformat()
        params["first"] = min(params[f"s{i}"] for i in range(len(spans)))
        params["last"] = max(params[f"e{i}"] for i in range(len(spans)))
        # `ok`: the clients whose activity the counts follow (a prospect's departure, or
        # one of a client without a start date, still counts as lost).
        flags = ["c.status != 'prospect' AND coalesce(c.started_on <= :last, 0) AS ok"]
        sums = []
        for i in range(len(spans)):
            s, e = f":s{i}", f":e{i}"
            flags.append(f"c.started_on <= {s} AS b{i}, max({_AWAY.format(d=s)}) AS a{i},"
                         f" max({_AWAY.format(d=e)}) AS z{i},"
                         f" sum(l.last_day BETWEEN {s} AND {e}) AS l{i}")
            sums.append(f"coalesce(sum(ok AND b{i} AND a{i}), 0), coalesce(sum(ok AND z{i}), 0),"
                        f" coalesce(sum(ok AND b{i} AND (a{i} OR z{i})), 0),"
                        f" coalesce(sum(ok AND b{i} AND NOT a{i} AND l{i}), 0),"
                        f" coalesce(sum(l{i}), 0)")
        away = self.db.execute(
            f"WITH {_leaving('<= :last', back_after=':first')}, per_client AS"
            f" (SELECT {', '.join(flags)} FROM leaving l JOIN client c ON c.id = l.client_id"
            f" GROUP BY l.client_id) SELECT {', '.join(sums)} FROM per_client",
            params).fetchone()
        # Starts per day (the index is in date order): any "started by d" is a running sum.
        starts = self.db.execute(
            "SELECT started_on, count(*) FROM client WHERE started_on <= :last"
            " AND status != 'prospect' GROUP BY started_on", params).fetchall()
        days = [day for day, _ in starts]
        running = list(accumulate(n for _, n in starts))

        def started_by(day: str) -> int:
            i = bisect_right(days, day)
            return running[i - 1] if i else 0

        out = []
        for i, (start, end) in enumerate(spans):
            s, e = start.isoformat(), end.isoformat()
            at_start, at_end = started_by(s), started_by(e)
            gained = at_end - started_by((start - timedelta(days=1)).isoformat())
            away_start, away_end, away_either, churned, lost = away[5 * i:5 * i + 5]
            out.append({"active_start": at_start - away_start, "active_end": at_end - away_end,
                        "retained": at_start - away_either, "churned": churned,
                        "gained": gained, "lost": lost})
        return out

    def lost(self, start: date, end: date) -> list[dict[str, Any]]:
        """The departures lost in the year, last day first, with their 12 months' revenue."""
        rows = self.db.execute(
            f"WITH {_leaving('BETWEEN :s AND :e')} SELECT l.client_id, c.name, c.started_on,"
            " l.last_day, coalesce(d.ended_by, ''), coalesce(d.kind, ''),"
            " (SELECT group_concat(reason) FROM departure_reason r"
            "  WHERE r.departure_id = d.id),"
            " (SELECT coalesce(sum(amount_cents), 0) FROM revenue v"
            "  WHERE v.client_id = l.client_id AND v.month"
            "  BETWEEN date(l.last_day, 'start of month', '-11 months') AND l.last_day),"
            " coalesce(d.lessons, ''), l.departure_id"
            " FROM leaving l JOIN client c ON c.id = l.client_id"
            " LEFT JOIN departure d ON d.id = l.departure_id"
            " ORDER BY l.last_day DESC, c.sort_name, c.id",
            {"s": start.isoformat(), "e": end.isoformat()}).fetchall()
        return [{"client_id": r[0], "name": r[1], "started_on": as_date(r[2]),
                 "last_day": as_date(r[3]), "ended_by": r[4], "kind": r[5],
                 "reasons": tuple(sorted(x for x in (r[6] or "").split(",") if x)),
                 "revenue_12m_cents": r[7], "lessons": r[8], "departure_id": r[9]}
                for r in rows]

    def returns(self, start: date, end: date) -> list[tuple[int, str, date, date]]:
        """Departures won back with a return day in the year: client, name, last day, back."""
        rows = self.db.execute(
            "SELECT d.client_id, c.name, d.effective_on, d.returned_on FROM departure d"
            " JOIN client c ON c.id = d.client_id WHERE d.state = 'won_back'"
            " AND d.returned_on BETWEEN ? AND ? ORDER BY d.returned_on, c.sort_name, c.id",
            (start.isoformat(), end.isoformat())).fetchall()
        return [(r[0], r[1], as_date(r[2]), as_date(r[3])) for r in rows]

    def revenue(self, end: date, today: date, limit: int | None = None
                ) -> tuple[list[tuple[int, str, int]], int, int, float]:
        """The clients' revenue of the 12 months up to `end`: the first `limit` clients
        (all with None), largest first, ties by name; how many clients have revenue, the
        total, and the sum of the squared totals (for HHI).

        Up to today the totals are the figure the client list shows, which the store keeps
        on each client (`revenue_12m_cents`): read from an index rather than summing a
        million rows again, when the store's window is today's.
        """
        kept = self.db.execute("SELECT value FROM app_meta WHERE key = 'revenue_window'"
                               ).fetchone()
        if end == today and kept is not None and kept[0] == _window(end)[0]:
            n, total, squares = self.db.execute(
                "SELECT count(*), coalesce(sum(revenue_12m_cents), 0),"
                " total(CAST(revenue_12m_cents AS REAL) * revenue_12m_cents)"
                " FROM client WHERE revenue_12m_cents > 0").fetchone()
            rows = self.db.execute(
                "SELECT id, name, revenue_12m_cents FROM client WHERE revenue_12m_cents > 0"
                " ORDER BY revenue_12m_cents DESC, sort_name, id LIMIT ?",
                (-1 if limit is None else limit,)).fetchall()
            return rows, n, total, squares
        rows = self.db.execute(
            "WITH t AS MATERIALIZED (SELECT client_id, sum(amount_cents) AS total FROM revenue"
            " WHERE month BETWEEN ? AND ? GROUP BY client_id HAVING total > 0)"
            " SELECT t.client_id, c.name, t.total, count(*) OVER (), sum(t.total) OVER (),"
            " total(CAST(t.total AS REAL) * t.total) OVER ()"
            " FROM t JOIN client c ON c.id = t.client_id"
            " ORDER BY t.total DESC, c.sort_name, c.id LIMIT ?",
            (*_window(end), -1 if limit is None else limit)).fetchall()
        if not rows:
            return [], 0, 0, 0.0
        return [row[:3] for row in rows], rows[0][3], rows[0][4], rows[0][5]

    def effort(self, end: date, top: Callable[[int], int]
               ) -> tuple[list[tuple[int, str, int]], int, int]:
        """The first `top(n)` of the n clients with minutes in the 12 months up to `end`
        (most minutes first, ties by name), n, and all their minutes.

        When the store keeps that very window on each client (`minutes_12m`, the current
        year's as long as the day's upkeep has run), two reads of its index answer;
        another year sums the interactions of its 12 months.
        """
        ahead = self._ahead.pop(end, None)
        if ahead is None and self._minutes_kept(end):
            n, total = self.db.execute(
                "SELECT count(*), coalesce(sum(minutes_12m), 0) FROM client"
                " WHERE minutes_12m > 0").fetchone()
            rows = self.db.execute(
                "SELECT id, name, minutes_12m FROM client WHERE minutes_12m > 0"
                " ORDER BY minutes_12m DESC, sort_name, id LIMIT ?", (top(n),)).fetchall()
            return rows, n, total
        rows, n, total = ahead.result() if ahead is not None else self._scanned_effort(end)
        return rows[:top(n)], n, total

    def _minutes_kept(self, end: date) -> bool:
        """Whether the clients' `minutes_12m` counts the 12 months up to `end`."""
        return stored_minutes_window(self.db) == minutes_window(end)

    def _scanned_effort(self, end: date) -> tuple[list[tuple[int, str, int]], int, int]:
        """Every client at or above the top 20 %'s cut (ties included), n and the total,
        summed from the interactions.

        One grouped pass, kept: the minutes at the cut come from a sort of the totals
        alone, and only the clients at or above it (ties included) meet their names.
        """
        first, until = minutes_window(end)
        rows = self.db.execute(
            "WITH per_client AS MATERIALIZED (SELECT client_id, sum(minutes) AS m"
            " FROM interaction WHERE occurred_at >= ? AND occurred_at < ?"
            " GROUP BY client_id HAVING m > 0),"
            " stats AS MATERIALIZED (SELECT count(*) AS n, coalesce(sum(m), 0) AS total"
            " FROM per_client),"
            " cut AS MATERIALIZED (SELECT m FROM per_client ORDER BY m DESC LIMIT 1"
            " OFFSET (SELECT max((n + 4) / 5 - 1, 0) FROM stats))"
            " SELECT t.client_id, c.name, t.m, s.n, s.total FROM per_client t"
            " JOIN client c ON c.id = t.client_id CROSS JOIN stats s"
            " WHERE t.m >= (SELECT m FROM cut) ORDER BY t.m DESC, c.sort_name, c.id",
            (first, until)).fetchall()
        if not rows:
            return [], 0, 0
        return [row[:3] for row in rows], rows[0][3], rows[0][4]

    def proposals(self, start: date, end: date) -> tuple[int, int, int, list[int]]:
        """Sent in the year, won and lost in it, and the won amounts of new clients.

        A proposal is won or lost in the year its outcome was decided (its sent day when
        no decision day was entered); a new client is one gained in the same year.
        """
        params = {"d0": start.isoformat(), "d1": end.isoformat()}
        # Each count is a range of an index: by sent day, and by outcome and decision day
        # (the expression `decided` is the index's own, migration step 9).
        decided = "coalesce(p.decided_on, p.sent_on)"
        sent, won, lost = self.db.execute(
            "SELECT (SELECT count(*) FROM proposal WHERE sent_on BETWEEN :d0 AND :d1),"
            + ", ".join(f" (SELECT count(*) FROM proposal p WHERE p.outcome = '{outcome}'"
                        f" AND {decided} BETWEEN :d0 AND :d1)" for outcome in ("won", "lost")),
            params).fetchone()
        amounts = [r[0] for r in self.db.execute(
            "SELECT p.amount_cents FROM proposal p JOIN client c ON c.id = p.client_id"
            f" WHERE p.outcome = 'won' AND {decided} BETWEEN :d0 AND :d1"
            " AND p.amount_cents IS NOT NULL AND c.status != 'prospect'"
            " AND c.started_on BETWEEN :d0 AND :d1", params)]
        return sent, won, lost, amounts

    def goals(self) -> tuple[int, int]:
        """The retention target (%) and the reactivation target (clients a year)."""
        row = self.db.execute("SELECT retention_target_pct, reactivation_target"
                              " FROM business_profile WHERE id = 1").fetchone()
        return (row[0], row[1]) if row else (90, 2)

    def profile(self) -> dict[str, Any]:
        """The business profile row as a dict (the report's letterhead and currency)."""
        cursor = self.db.execute("SELECT * FROM business_profile WHERE id = 1")
        row = cursor.fetchone()
        return dict(zip((c[0] for c in cursor.description), row, strict=True)) if row else {}

    def gained_clients(self, start: date, end: date) -> list[tuple[int, str]]:
        """The clients gained in the year (first start in it), for the drill-down."""
        return self.db.execute(
            "SELECT id, name FROM client WHERE started_on BETWEEN ? AND ?"
            " AND status != 'prospect' ORDER BY started_on, sort_name, id",
            (start.isoformat(), end.isoformat())).fetchall()

    def active_clients(self, day: date, limit: int = 500) -> list[tuple[int, str]]:
        """Up to `limit` clients active on `day`, by name (the drill-down of a count)."""
        d = day.isoformat()
        return self.db.execute(
            f"WITH {_leaving('< :d')} SELECT c.id, c.name FROM client c WHERE c.started_on <= :d"
            " AND c.status != 'prospect' AND NOT EXISTS (SELECT 1 FROM leaving l"
            f" WHERE l.client_id = c.id AND {_AWAY.format(d=':d')})"
            " ORDER BY c.sort_name, c.id LIMIT :n", {"d": d, "n": limit}).fetchall()

    def first_year(self) -> int | None:
        """The year of the earliest start, for the year picker; None with no clients."""
        value = self.db.execute("SELECT min(started_on) FROM client"
                                " WHERE status != 'prospect'").fetchone()[0]
        day = as_date(value)
        return day.year if day else None

    def client_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM client").fetchone()[0]
