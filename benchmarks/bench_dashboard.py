"""Benchmark the dashboard at scale, beside a plain sqlite3 floor measured in the same run.

    python benchmarks/generate.py --out benchmarks/data/100k.sqlite
    python benchmarks/bench_dashboard.py --db benchmarks/data/100k.sqlite

(a) The pane's computation: every figure of the current year (the five years of history,
    the departures, the concentration, the Pareto of effort, win-backs, proposals), as the
    Dashboard tab works it out off the GUI thread on a reading connection of its own.
(b) The command's computation: the same with every client of the concentration and the
    Pareto lists and the JSON object built (`goodbye-desktop dashboard --json`).
(c) The floor: a plain sqlite3 script that computes the same figures with the most direct
    SQL for each (one query per figure and year, no app code), on its own connection.

Each figure is the median of --runs runs, the floor's runs interleaved with the app's so
both meet the same machine; the CPU time of each (all threads) is printed too, since a
busy machine stretches wall time. The figures are checked to agree. Targets: (a) and (b) at most
1.5x the floor and at most 0.5 s. Prints a table and writes
benchmarks/results/dashboard-<clients>.json; exit status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import math
import platform
import sqlite3
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"
TARGET_RATIO = 1.5
TARGET_SECONDS = 0.5

# The floor: the same definitions (README, "Dashboard"), written the plain way.
_AWAY = ("EXISTS (SELECT 1 FROM departure d WHERE d.client_id = c.id AND d.state IN"
         " ('decided', 'won_back') AND d.effective_on < :d AND (d.state = 'decided'"
         " OR d.returned_on > :d)) OR (c.ended_on < :d AND NOT EXISTS (SELECT 1 FROM"
         " departure d WHERE d.client_id = c.id AND d.state = 'decided'"
         " AND d.effective_on = c.ended_on))")


def _month(day: date, back: int) -> str:
    index = day.year * 12 + day.month - 1 - back
    return date(index // 12, index % 12 + 1, 1).isoformat()


def floor_figures(db: sqlite3.Connection, year: int, today: date) -> dict:
    """Every figure of the year by direct SQL, one query per figure and year."""
    out: dict = {"history": []}
    for y in range(year - 4, year + 1):
        s, e = date(y, 1, 1).isoformat(), min(date(y, 12, 31), today).isoformat()

        def active(day: str) -> int:
            return db.execute(
                "SELECT count(*) FROM client c WHERE c.status != 'prospect'"
                f" AND c.started_on <= :d AND NOT ({_AWAY})", {"d": day}).fetchone()[0]

        lost = db.execute(
            "SELECT (SELECT count(*) FROM departure WHERE state IN ('decided', 'won_back')"
            " AND effective_on BETWEEN :s AND :e) + (SELECT count(*) FROM client c"
            " WHERE c.ended_on BETWEEN :s AND :e AND c.status != 'prospect' AND NOT EXISTS"
            " (SELECT 1 FROM departure d WHERE d.client_id = c.id AND d.state = 'decided'"
            " AND d.effective_on = c.ended_on))", {"s": s, "e": e}).fetchone()[0]
        gained = db.execute("SELECT count(*) FROM client WHERE status != 'prospect'"
                            " AND started_on BETWEEN ? AND ?", (s, e)).fetchone()[0]
        out["history"].append({"year": y, "active_start": active(s), "active_end": active(e),
                               "gained": gained, "lost": lost})
    s, e = date(year, 1, 1).isoformat(), min(date(year, 12, 31), today)
    first = _month(e, 11)
    out["concentration"] = db.execute(
        "SELECT count(*), sum(revenue_12m_cents), total(1.0 * revenue_12m_cents"
        " * revenue_12m_cents), max(revenue_12m_cents) FROM client"
        " WHERE revenue_12m_cents > 0").fetchone()
    out["top_clients"] = db.execute(
        "SELECT id, name, revenue_12m_cents FROM client WHERE revenue_12m_cents > 0"
        " ORDER BY revenue_12m_cents DESC, sort_name, id").fetchall()
    per_client = db.execute(
        "SELECT i.client_id, c.name, sum(i.minutes) AS m FROM interaction i JOIN client c"
        " ON c.id = i.client_id WHERE i.occurred_at >= ? AND i.occurred_at < ?"
        " GROUP BY i.client_id HAVING m > 0 ORDER BY m DESC, c.sort_name, c.id",
        (first, (e + timedelta(days=1)).isoformat())).fetchall()
    top = max(1, math.ceil(len(per_client) * 0.2)) if per_client else 0
    out["pareto"] = (len(per_client), sum(r[2] for r in per_client),
                     sum(r[2] for r in per_client[:top]))
    out["lost"] = db.execute(
        "SELECT d.id, d.client_id, d.ended_by, d.kind, (SELECT group_concat(reason) FROM"
        " departure_reason r WHERE r.departure_id = d.id), (SELECT coalesce(sum(amount_cents),"
        " 0) FROM revenue v WHERE v.client_id = d.client_id AND v.month BETWEEN"
        " date(d.effective_on, 'start of month', '-11 months') AND d.effective_on)"
        " FROM departure d WHERE d.state IN ('decided', 'won_back')"
        " AND d.effective_on BETWEEN ? AND ?", (s, e.isoformat())).fetchall()
    out["returns"] = db.execute(
        "SELECT client_id, effective_on, returned_on FROM departure WHERE state = 'won_back'"
        " AND returned_on BETWEEN ? AND ?", (s, e.isoformat())).fetchall()
    for key, y in (("proposals", year), ("previous", year - 1)):
        ps, pe = date(y, 1, 1).isoformat(), min(date(y, 12, 31), today).isoformat()
        out[key] = db.execute(
            "SELECT (SELECT count(*) FROM proposal WHERE sent_on BETWEEN :s AND :e),"
            " (SELECT count(*) FROM proposal WHERE outcome = 'won'"
            "  AND coalesce(decided_on, sent_on) BETWEEN :s AND :e),"
            " (SELECT count(*) FROM proposal WHERE outcome = 'lost'"
            "  AND coalesce(decided_on, sent_on) BETWEEN :s AND :e),"
            " (SELECT avg(p.amount_cents) FROM proposal p JOIN client c ON c.id = p.client_id"
            "  WHERE p.outcome = 'won' AND coalesce(p.decided_on, p.sent_on) BETWEEN :s AND :e"
            "  AND c.started_on BETWEEN :s AND :e AND p.amount_cents IS NOT NULL)",
            {"s": ps, "e": pe}).fetchone()
    return out


def run(db_path: Path, runs: int) -> dict:
    from goodbye_desktop import clock
    from goodbye_desktop.correspondence.dashboard import dashboard
    from goodbye_desktop.store.dashboard import reading_connection
    from goodbye_desktop.store.database import close_database, open_database

    open_database(db_path)  # upgrades the file (the dashboard's indexes) and its windows
    today = clock.today()
    year = today.year
    app_conn, floor_conn = reading_connection(db_path), reading_connection(db_path)
    for conn in (app_conn, floor_conn):
        conn.execute("PRAGMA cache_size = -8000")  # as the app's own connection
    # One warm-up each: the first read of a cold file measures the disk, not the code.
    dashboard(year, db=app_conn, daily=False)
    floor_figures(floor_conn, year, today)

    times: dict[str, list[tuple[float, float]]] = {"pane": [], "command": [], "floor": []}

    def timed(key: str, fn):
        wall, cpu = time.perf_counter(), time.process_time()
        value = fn()
        times[key].append((time.perf_counter() - wall, time.process_time() - cpu))
        return value

    def command_json():
        data = dashboard(year, db=app_conn, daily=False).as_json()
        json.dumps(data, ensure_ascii=False)
        return data

    for _ in range(runs):
        figures = timed("pane", lambda: dashboard(year, db=app_conn, limit=50, daily=False))
        floor_result = timed("floor", lambda: floor_figures(floor_conn, year, today))
        data = timed("command", command_json)

    # The two computations agree (a floor that computes less would flatter the ratio).
    history = {h["year"]: h for h in floor_result["history"]}
    for y in data["history"]:
        assert (y["gained"], y["lost"]) == (history[y["year"]]["gained"],
                                            history[y["year"]]["lost"]), y
    assert figures.counts.active_start == history[year]["active_start"]
    assert figures.counts.active_end == history[year]["active_end"]
    assert figures.concentration.clients_with_revenue == floor_result["concentration"][0]
    assert figures.pareto.clients_with_minutes == floor_result["pareto"][0]
    assert data["revenue_lost_cents"] == sum(r[5] for r in floor_result["lost"])
    close_database()
    counts = {table: app_conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
              for table in ("client", "interaction", "revenue", "departure")}
    result = {
        "machine": platform.platform(), "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version, "rows": counts, "runs": runs, "year": year,
    }
    for key, values in times.items():
        result[f"{key}_s"] = statistics.median(v[0] for v in values)
        result[f"{key}_cpu_s"] = statistics.median(v[1] for v in values)
    floor_s = result["floor_s"]
    result["pane_ratio"] = result["pane_s"] / floor_s
    result["command_ratio"] = result["command_s"] / floor_s
    result["ok"] = all(result[f"{k}_s"] <= TARGET_SECONDS and result[f"{k}_ratio"]
                       <= TARGET_RATIO for k in ("pane", "command"))
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    result = run(args.db, args.runs)
    rows = result["rows"]
    print(f"{rows['client']:,} clients, {rows['interaction']:,} interactions, "
          f"{rows['revenue']:,} revenue rows, {rows['departure']:,} departures; "
          f"medians of {result['runs']} runs")
    print(f"{'Figure':<44}{'Median':>10}{'Floor':>10}{'Ratio':>8}{'CPU':>9}{'Floor CPU':>11}"
          "   Target")
    for key, label in (("pane", "The pane's figures (off the GUI thread)"),
                       ("command", "dashboard --json (every client listed)")):
        print(f"{label:<44}{result[key + '_s']:>9.3f}s{result['floor_s']:>9.3f}s"
              f"{result[key + '_ratio']:>7.2f}x{result[key + '_cpu_s']:>8.3f}s"
              f"{result['floor_cpu_s']:>10.3f}s   <= {TARGET_RATIO}x and <= {TARGET_SECONDS} s")
    print("(The at-risk clients and the promises due, which the pane adds on the GUI thread "
          "from the At-risk list's table, are measured by bench_daily.py.)")
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"dashboard-{rows['client']}.json"
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"-> {out}")
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
