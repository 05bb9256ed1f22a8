"""Benchmark: how long the sample business takes to write, beside a floor measured in the
same run.

    python benchmarks/bench_sample.py          # 5 runs of each
    python benchmarks/bench_sample.py -n 9

`fill_demo()` writes about 50 clients, 3,800 interactions and 1,200 months of revenue
through the store's public functions, each checked, in one transaction. The floor writes
the same rows (read back from a filled file) into a fresh file with plain `executemany`,
one statement per table, in one transaction: the least any writer of this data could
cost. Prints the medians and their ratio; what we hold: at most 12x the floor (the store's
checks, the derived columns and the departures' own steps are the difference).
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

RATIO_TARGET = 12.0
_TABLES = ("client", "contact", "interaction", "revenue", "proposal", "promise", "departure",
           "departure_reason", "transition_step", "pending_work", "interview_question")


def _fill(path: Path) -> float:
    from goodbye_desktop.sample import fill_demo
    from goodbye_desktop.store.database import close_database, open_database

    open_database(path)
    try:
        start = time.perf_counter()
        fill_demo()
        return time.perf_counter() - start
    finally:
        close_database()


def _floor(source: Path, target: Path) -> float:
    """Copy every row of `source` into an empty file of the same schema, plainly."""
    from goodbye_desktop.store.database import close_database, open_database

    open_database(target)
    close_database()
    read = sqlite3.connect(source)
    rows = {table: read.execute(f"SELECT * FROM {table}").fetchall() for table in _TABLES}
    read.close()
    write = sqlite3.connect(target, isolation_level=None)
    start = time.perf_counter()
    write.execute("BEGIN")
    for table, values in rows.items():
        if values:
            marks = ", ".join("?" * len(values[0]))
            write.executemany(f"INSERT INTO {table} VALUES ({marks})", values)
    write.execute("COMMIT")
    elapsed = time.perf_counter() - start
    write.close()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=5, help="runs of each (default 5)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-sample-"))
    fills, floors = [], []
    for run in range(args.n):
        filled = folder / f"sample-{run}.sqlite"
        fills.append(_fill(filled))
        floors.append(_floor(filled, folder / f"floor-{run}.sqlite"))
    fill, floor = statistics.median(fills), statistics.median(floors)
    ratio = fill / floor
    print(f"fill_demo: median {fill * 1000:.0f} ms over {args.n} runs")
    print(f"floor (plain executemany of the same rows): median {floor * 1000:.0f} ms")
    print(f"ratio {ratio:.1f}x (target at most {RATIO_TARGET:.0f}x)")
    return 0 if ratio <= RATIO_TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
