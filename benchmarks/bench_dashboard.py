"""Benchmark the dashboard at scale, beside a plain sqlite3 floor measured in the same run.

    python benchmarks/generate.py --out benchmarks/data/100k.sqlite
    python benchmarks/bench_dashboard.py --db benchmarks/data/100k.sqlite

(a) The pane's computation: every figure of the current year (the five years of history,
    the departures, the concentration, the Pareto of effort, win-backs, proposals), as the
    Dashboard tab works it out off the GUI thread on a reading connection of its own.
(b) The command's computation: the same with every client of the concentration and the
    Pareto lists and the JSON object built (`goodbye-desktop dashboard --json`).
(c) The floor: the same SQL statements on a plain sqlite3 connection, one after the other,
    with no figures made of their rows (as the client list's benchmark measures its floor).

Each figure is the median of --runs runs, the floor's runs interleaved with the app's so
both meet the same machine; the CPU time of each (all threads) is printed too, since a
busy machine stretches wall time. Both are checked to count the same year. Targets: (a)
and (b) at most 1.5x the floor and at most 0.5 s. Prints a table and writes
benchmarks/results/dashboard-<clients>.json; exit status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import platform
import sqlite3
import statistics
import sys
import time
from datetime import date
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"
TARGET_RATIO = 1.5
TARGET_SECONDS = 0.5

def floor_figures(db: sqlite3.Connection, year: int, today: date) -> dict:
    """The same SQL the dashboard runs, statement by statement on a plain connection, one
    after the other, with no figures made of it: what the computation cannot go below."""
    from goodbye_desktop.core.figures import pareto_count
    from goodbye_desktop.store.dashboard import Reader

    reader = Reader(db)
    start, end = date(year, 1, 1), min(date(year, 12, 31), today)
    spans = [(date(y, 1, 1), min(date(y, 12, 31), today)) for y in range(year - 4, year + 1)]
    return {
        "history": reader.year_counts(spans), "lost": reader.lost(start, end),
        "effort": reader.effort(end, pareto_count), "revenue": reader.revenue(end, today, None),
        "returns": reader.returns(start, end), "proposals": reader.proposals(start, end),
        "previous": reader.proposals(date(year - 1, 1, 1), date(year - 1, 12, 31)),
        "goals": reader.goals(), "clients": reader.client_count(),
    }


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

    # Both worked out the same year.
    assert data["lost"] == floor_result["history"][-1]["lost"] == figures.counts.lost
    assert figures.pareto.clients_with_minutes == floor_result["effort"][1]
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
