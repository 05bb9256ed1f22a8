"""Kill the program 500 times (or --kills N) at random moments and check what survives.

    python benchmarks/kill_test.py --kills 500

Each round starts a worker process that writes records and creates new databases,
SIGKILLs it at a random moment, and checks every database it touched: SQLite's integrity
check, the program's own open, and every record whose write had been confirmed (see
kill_harness.py). Prints the figures and writes them to benchmarks/results/kill_test.json;
the exit status is 1 when anything failed.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kill_harness import run_kills  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=500)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--max-delay", type=float, default=0.25,
                        help="the longest wait before a kill, in seconds")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        figures = run_kills(Path(folder), args.kills, seed=args.seed,
                            max_delay=args.max_delay)
    print(figures.describe())
    for failure in figures.failures[:20]:
        print("  FAILED:", failure)
    results = Path(__file__).resolve().parent / "results"
    results.mkdir(exist_ok=True)
    (results / "kill_test.json").write_text(json.dumps({
        "kills": figures.kills, "databases": figures.databases,
        "databases_cut_short": figures.databases_cut_short,
        "confirmed_records": figures.confirmed, "found_records": figures.found,
        "failures": figures.failures, "seconds": round(figures.seconds, 1)}, indent=2) + "\n",
        encoding="utf-8")
    return 1 if figures.failures else 0


if __name__ == "__main__":
    sys.exit(main())
