"""Benchmark: how long one letter takes to render, in process, once the fonts are loaded.

    python benchmarks/bench_letters.py            # 200 single renders, then 1,000 letters
    python benchmarks/bench_letters.py -n 500 --batch 2000

Prints the cold start (first letter: fonts registered, ReportLab imported), the median and
95th percentile of one farewell letter, a CJK letter (after the CJK font is loaded), a
60-step transition plan, and the total for 1,000 letters rendered one by one and as one
batch PDF.  The floor we hold: a median of about 10 ms for one letter.

Then the whole `goodbye-desktop letter` command as a fresh process (sample data in a
temporary database), beside two floors measured in the same run: a bare `python -c pass`
and `goodbye-desktop --version`. Target: the command in at most 0.3 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta

FLOOR_MS = 10.0
COMMAND_TARGET_S = 0.3


def _values():
    from goodbye_desktop.documents.values import LetterFacts, PlanStep, Recipient, Sender

    sender = Sender(
        business_name="Harbour Lane Studio",
        owner_name="Alex Morgan",
        address="14 Harbour Lane\nFalmouth\nTR11 3XX\nUnited Kingdom",
        email="alex@harbourlane.example",
        phone="+44 1326 555 010",
        website="harbourlane.example",
        locale="en_GB",
    )
    recipient = Recipient("Renée & <Sons> Ltd", "Zoë Łukasiewicz",
                          "Unit 4, Quay Street\nPenryn\nTR10 8AA")
    steps = tuple(
        PlanStep(date(2026, 12, 1) + timedelta(days=i), f"Step {i + 1}: hand over the files",
                 "Alex Morgan", "planned")
        for i in range(60)
    )
    facts = LetterFacts(
        today=date(2026, 11, 25), start_date=date(2023, 9, 1), end_date=date(2026, 12, 31),
        interview_times=(datetime(2026, 12, 8, 10, 0),), interviewer="Sam Patel",
        transition_steps=("Finish the catalogue", "Hand over the files", "Final invoice"),
        plan_steps=steps,
    )
    return sender, recipient, facts


def _time(fn: Callable[[], object], n: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds of n calls (CPU time is steadier on a busy machine)."""
    wall, cpu = [], []
    for _ in range(n):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return wall, cpu


def _report(name: str, times: tuple[list[float], list[float]]) -> float:
    wall, cpu = sorted(times[0]), sorted(times[1])
    median = statistics.median(wall)
    p95 = wall[min(len(wall) - 1, int(len(wall) * 0.95))]
    print(f"{name:<30} median {median:7.2f} ms  p95 {p95:7.2f} ms  "
          f"CPU median {statistics.median(cpu):7.2f} ms  (n={len(wall)})")
    return median


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=200, help="single renders to time")
    parser.add_argument("--batch", type=int, default=1000, help="letters for the total")
    parser.add_argument("--command-runs", type=int, default=15,
                        help="runs of the whole `letter` command (0 to skip)")
    args = parser.parse_args()

    start = time.perf_counter()
    from goodbye_desktop.documents import batch, letters
    from goodbye_desktop.documents.values import LetterItem, Recipient

    sender, recipient, facts = _values()
    letters.farewell(sender, recipient, facts)
    cold = (time.perf_counter() - start) * 1000
    print(f"cold start (import, fonts, first letter): {cold:.1f} ms")
    try:
        import reportlab.lib.rl_accel as accel

        fast = getattr(accel.fp_str, "__module__", "") != accel.__name__
    except ImportError:
        fast = False
    print(f"ReportLab C accelerator (rl_accel): {'yes' if fast else 'no'}")

    median = _report("farewell letter", _time(lambda: letters.farewell(sender, recipient,
                                                                       facts), args.n))
    cjk = Recipient("山田商事株式会社", "山田太郎", "東京都千代田区丸の内1-1-1")
    letters.check_in(sender, cjk, facts)  # loads the CJK font once
    _report("check-in letter, CJK names", _time(lambda: letters.check_in(sender, cjk, facts),
                                                max(10, args.n // 4)))
    _report("transition plan, 60 steps", _time(lambda: letters.transition_plan(
        sender, recipient, facts), max(5, args.n // 10)))

    start = time.perf_counter()
    for _ in range(args.batch):
        letters.farewell(sender, recipient, facts)
    one_by_one = time.perf_counter() - start
    print(f"{args.batch} letters one by one: {one_by_one:6.2f} s "
          f"({one_by_one / args.batch * 1000:.2f} ms each)")
    items = [LetterItem("farewell", sender, recipient, facts)] * args.batch
    start = time.perf_counter()
    pdf = batch.letters_batch(items)
    in_batch = time.perf_counter() - start
    print(f"{args.batch} letters in one PDF:  {in_batch:6.2f} s ({len(pdf) / 1e6:.1f} MB)")
    verdict = "within" if median <= FLOOR_MS else "OVER"
    print(f"one letter: {median:.2f} ms median, {verdict} the {FLOOR_MS:.0f} ms floor")
    if args.command_runs:
        _bench_command(args.command_runs)
    return 0


def _wall(argv: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return sorted(times)


def _bench_command(runs: int) -> None:
    """The `letter` command as a user runs it, against a bare interpreter's start."""
    with tempfile.TemporaryDirectory() as folder:
        db = os.path.join(folder, "bench.sqlite")
        program = [sys.executable, "-m", "goodbye_desktop", "--db", db]
        subprocess.run([*program, "demo"], check=True, stdout=subprocess.DEVNULL)
        letter = [*program, "letter", "farewell", "--client", "Chez Hélène Bistro",
                  "-o", os.path.join(folder, "letter.pdf")]
        _wall(letter, 1)  # compiles and caches bytecode, warms the disk cache
        rows = [("python -c pass", _wall([sys.executable, "-c", "pass"], runs)),
                ("goodbye-desktop --version", _wall([*program, "--version"], runs)),
                ("goodbye-desktop letter", _wall(letter, runs))]
    for name, times in rows:
        p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
        print(f"{name:<30} median {statistics.median(times):6.3f} s  p95 {p95:6.3f} s  "
              f"(n={runs})")
    command = statistics.median(rows[2][1])
    verdict = "within" if command <= COMMAND_TARGET_S else "OVER"
    print(f"letter command: {command:.3f} s median, {verdict} the {COMMAND_TARGET_S} s target")


if __name__ == "__main__":
    raise SystemExit(main())
