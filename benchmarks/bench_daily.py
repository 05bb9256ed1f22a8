"""Benchmark the At-risk list and the Due page at scale, each beside a floor of the same run.

    python benchmarks/generate.py --out benchmarks/data/100k.sqlite
    QT_QPA_PLATFORM=offscreen python benchmarks/bench_daily.py --db benchmarks/data/100k.sqlite

(a) The daily pass: every current client's signs worked out (`store.at_risk`), in the
    batches the window's timer runs (one batch per tick), then the whole pass. It runs
    once a day, a batch at a time while the window stays usable.
(b) The At-risk list: `AtRiskView.reload()` (count, first page, its ledgers, the first
    client's signs and risk history) to the table painted, against a plain sqlite3 query
    of the same page filling a bare QTableWidget painted the same way.
    Target: at most 100 ms (median and 95th percentile).
(c) The Due page: `DueView.refresh()` (the due promises read and grouped) to the table
    painted, against the same SQL on a plain sqlite3 connection whose first thirty rows
    (a screenful) fill a bare QTableWidget painted the same way.
    Target: at most 100 ms (median and 95th percentile).
(d) The start-up notice: `store.due.promise_counts`.

The file is changed by (a) (today's signs are stored in it), as the app would change it.
Prints a table and writes benchmarks/results/daily-<clients>.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import statistics
import sys
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"
TARGET_MS = 100.0


def _stats(samples: list[float]) -> dict:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"median_ms": round(statistics.median(ordered) * 1000, 2),
            "p95_ms": round(p95 * 1000, 2), "runs": len(ordered)}


def _timed(action, runs: int, before=None) -> list[float]:
    samples = []
    for _ in range(runs):
        if before is not None:
            before()
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return samples


def _daily_pass(today) -> dict:
    from goodbye_desktop.store import at_risk
    from goodbye_desktop.store.connection import current
    from goodbye_desktop.ui.daily_pass import BATCH

    current().execute("DELETE FROM app_meta WHERE key = 'risk_checked_on'")
    current().execute("UPDATE risk_client SET checked_on = '1970-01-01'")
    ids = at_risk.stale_client_ids(today)
    ticks, started = [], time.perf_counter()
    for start in range(0, len(ids), BATCH):
        tick = time.perf_counter()
        at_risk.refresh(today, ids[start:start + BATCH])
        ticks.append(time.perf_counter() - tick)
    at_risk.finish_day(today)
    return {"clients_checked": len(ids), "batch": BATCH,
            "total_s": round(time.perf_counter() - started, 2),
            "tick": _stats(ticks), "at_risk": at_risk.at_risk_count()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--no-pass", action="store_true",
                        help="skip (a) when today's signs are already worked out")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtWidgets import (
        QApplication,
        QTableWidget,
        QTableWidgetItem,
    )

    from goodbye_desktop.ui.qtcompat import guard_singletons

    guard_singletons()  # as the app does: PySide6 6.12 loses references to None otherwise
    qapp = QApplication(sys.argv[:1])
    from goodbye_desktop import clock
    from goodbye_desktop.store import at_risk, due
    from goodbye_desktop.store.connection import current
    from goodbye_desktop.store.database import close_database, open_database
    from goodbye_desktop.ui.at_risk_view import AtRiskView
    from goodbye_desktop.ui.daily_pass import BATCH
    from goodbye_desktop.ui.due_view import DueView

    open_database(args.db)
    today = clock.today()
    clients = current().execute("SELECT count(*) FROM client").fetchone()[0]
    results: dict = {"clients": clients, "machine": platform.machine(),
                     "python": platform.python_version(), "date": today.isoformat()}

    # (a) the daily pass, batch by batch, as the window's timer runs it
    if args.no_pass and at_risk.is_current(today):
        results["daily_pass"] = json.loads(
            (RESULTS / f"daily-{clients}.json").read_text())["daily_pass"]
    else:
        results["daily_pass"] = _daily_pass(today)

    # (b) the At-risk list against a plain query filling a bare table
    view = AtRiskView()
    view.resize(1366, 700)
    view.show()
    qapp.processEvents()

    def show_list() -> None:
        view.reload()
        view.table.viewport().repaint()

    plain = sqlite3.connect(args.db)
    bare = QTableWidget(0, 3)
    bare.resize(800, 700)
    bare.show()

    def bare_list() -> None:
        plain.execute("SELECT count(*) FROM risk_client WHERE score > 0").fetchone()
        rows = plain.execute(
            "SELECT c.name, r.visible, r.score FROM risk_client r JOIN client c ON c.id = "
            "r.client_id WHERE r.score > 0 ORDER BY r.score DESC, r.revenue_12m_cents DESC, "
            "r.client_id LIMIT 100").fetchall()
        bare.setRowCount(len(rows))
        for n, row in enumerate(rows):
            for column, value in enumerate(row):
                bare.setItem(n, column, QTableWidgetItem(str(value)))
        bare.viewport().repaint()

    show_list()
    bare_list()
    results["at_risk_list"] = {**_stats(_timed(show_list, args.runs)),
                               "floor": _stats(_timed(bare_list, args.runs)),
                               "rows": view.model.rowCount()}
    view.hide()

    # (c) the Due page against a plain query filling a bare tree
    due_view = DueView()
    due_view.resize(1366, 700)
    due_view.show()
    qapp.processEvents()

    def show_due() -> None:
        due_view.refresh()
        due_view.table.viewport().repaint()

    shown = QTableWidget(0, 4)
    shown.resize(1366, 700)
    shown.show()
    wall = clock.local_now().isoformat(sep=" ")
    week = (clock.local_now() + due.WEEK).isoformat(sep=" ")

    def bare_due() -> None:
        rows = plain.execute(
            "SELECT p.due_at, c.name, p.description, p.channel FROM promise p INDEXED BY "
            "promise_open_due JOIN client c ON c.id = p.client_id WHERE p.done_at IS NULL "
            "AND p.cancelled_at IS NULL AND p.due_at <= ? ORDER BY p.due_at, p.id",
            (week,)).fetchall()
        overdue = [row for row in rows if row[0] < wall]
        # What a screen shows: the first thirty lines.
        visible = (overdue + [row for row in rows if row[0] >= wall])[:30]
        shown.setRowCount(len(visible))
        for n, row in enumerate(visible):
            for column, value in enumerate(row):
                shown.setItem(n, column, QTableWidgetItem(str(value)))
        shown.viewport().repaint()

    show_due()
    bare_due()
    results["due_page"] = {**_stats(_timed(show_due, args.runs)),
                           "floor": _stats(_timed(bare_due, args.runs)),
                           "promises_shown": len(due_view._promises)}

    # (d) the start-up notice's counts
    results["promise_counts"] = {**_stats(_timed(lambda: due.promise_counts(clock.now()),
                                                 args.runs)),
                                 **due.promise_counts(clock.now())}
    close_database()

    ok = all(results[key]["median_ms"] <= TARGET_MS and results[key]["p95_ms"] <= TARGET_MS
             for key in ("at_risk_list", "due_page"))
    results["targets_met"] = ok
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"daily-{clients}.json").write_text(json.dumps(results, indent=2) + "\n")
    daily = results["daily_pass"]
    print(f"{clients:,} clients; {daily['at_risk']:,} at risk; "
          f"{results['due_page']['promises_shown']:,} promises on the Due page")
    print(f"{'figure':<34}{'median':>10}{'p95':>10}{'floor':>10}  target")
    for key, label in (("at_risk_list", "At-risk list (reload + paint)"),
                       ("due_page", "Due page (refresh + paint)")):
        r = results[key]
        print(f"{label:<34}{r['median_ms']:>8.1f}ms{r['p95_ms']:>8.1f}ms"
              f"{r['floor']['median_ms']:>8.1f}ms  {TARGET_MS:.0f} ms")
    r = results["promise_counts"]
    print(f"{'Start-up notice (promise counts)':<34}{r['median_ms']:>8.1f}ms{r['p95_ms']:>8.1f}ms")
    print(f"{'Daily pass, one batch of ' + str(BATCH):<34}{daily['tick']['median_ms']:>8.1f}ms"
          f"{daily['tick']['p95_ms']:>8.1f}ms")
    print(f"Daily pass, all {daily['clients_checked']:,} current clients: {daily['total_s']} s")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
