"""Kill the program at random moments and check that no confirmed record is ever lost.

A separate process (the "zygote") loads the program's store once, then forks a worker
for each round: the worker writes records in a loop (a client, its contact, an
interaction, a month of revenue, each its own transaction) and every few records
creates a new database, writing a line to its log after each step is confirmed. The
harness SIGKILLs the worker at a random moment, waits for it to be gone, and checks
every database the worker touched: SQLite's integrity check passes, the program opens
it, and every record whose write had been confirmed is there.

Used by tests/safety/test_kill.py (50 kills, a few seconds) and by
benchmarks/kill_test.py (500 kills and more, with figures).
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


@dataclass
class KillFigures:
    kills: int = 0
    databases: int = 0
    databases_cut_short: int = 0  # killed while being created: no file, or a whole one
    confirmed: int = 0
    found: int = 0
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def describe(self) -> str:
        return (f"{self.kills} kills in {self.seconds:.1f} s: {self.databases} databases "
                f"({self.databases_cut_short} killed while being created), "
                f"{self.confirmed} confirmed records, {self.found} found after the kills, "
                f"{len(self.failures)} failures")


def _worker(folder: Path, seed: int, log_path: Path) -> None:
    """Write records until killed; log each confirmed step (runs in the forked child)."""
    from datetime import date, datetime

    from goodbye_desktop.store import records
    from goodbye_desktop.store.database import close_database, open_database

    rng = random.Random(seed)
    log = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)

    def say(text: str) -> None:
        os.write(log, (text + "\n").encode("utf-8"))

    number = 0
    while True:
        # Mostly a database that exists already (opening it is quick), sometimes a new
        # one (its creation takes a while, so many kills land in the middle of it).
        if number == 0 and rng.random() < 0.7:
            path = folder / f"shared-{seed % 3}.sqlite"
        else:
            path = folder / f"db-{seed}-{number}.sqlite"
        say(f"new\t{path}")
        open_database(path)
        say(f"opened\t{path}")
        for i in range(rng.randint(3, 12)):
            name = f"Client {seed}-{number}-{i} Łódź 山田"
            cid = records.create_client(name=name, started_on=date(2025, 1, 1))
            say(f"ok\t{path}\t{name}")
            records.save_contact(cid, name=f"Contact {i}", email=f"c{i}@example.com")
            records.add_interaction(cid, datetime(2025, 2, 1, 10), "call", minutes=15)
            records.set_revenue(cid, date(2025, 3, 1), 1000 + i)
        close_database()
        number += 1


def zygote() -> None:
    """Read `run FOLDER SEED` / `wait PID` lines; fork workers, report pids and deaths."""
    import tempfile

    from goodbye_desktop.store import records
    from goodbye_desktop.store.database import close_database, open_database

    # Load every module a worker needs once, here, by using them on a throwaway file:
    # then a forked worker starts writing within a millisecond. No connection is left
    # open across the fork.
    with tempfile.TemporaryDirectory() as scratch:
        open_database(Path(scratch) / "warm.sqlite")
        records.create_client(name="warm-up")
        close_database()

    for line in sys.stdin:
        command, *rest = line.split()
        if command == "run":
            folder, seed = Path(rest[0]), int(rest[1])
            pid = os.fork()
            if pid == 0:
                try:
                    _worker(folder, seed, folder / f"log-{seed}.txt")
                finally:
                    os._exit(1)
            print(f"pid {pid}", flush=True)
        elif command == "wait":
            os.waitpid(int(rest[0]), 0)
            print("dead", flush=True)


def _read_log(path: Path) -> tuple[list[Path], dict[Path, list[str]], set[Path]]:
    started, confirmed, opened = [], {}, set()
    if not path.exists():
        return started, confirmed, opened
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if parts[0] == "new" and len(parts) == 2:
            started.append(Path(parts[1]))
        elif parts[0] == "opened" and len(parts) == 2:
            opened.add(Path(parts[1]))
        elif parts[0] == "ok" and len(parts) == 3:
            confirmed.setdefault(Path(parts[1]), []).append(parts[2])
    return started, confirmed, opened


def check_round(log: Path, figures: KillFigures,
                confirmed_so_far: dict[Path, list[str]]) -> None:
    """Check every database of one round, against all records ever confirmed in it."""
    from goodbye_desktop.errors import GoodbyeError
    from goodbye_desktop.store.database import close_database, open_database

    started, confirmed, opened = _read_log(log)
    for path, names in confirmed.items():
        confirmed_so_far.setdefault(path, []).extend(names)
        figures.confirmed += len(names)
    for path in dict.fromkeys(started):
        figures.databases += 1
        if path not in opened:
            figures.databases_cut_short += 1
            if not path.exists():
                continue
        if not path.exists():
            figures.failures.append(f"{path}: confirmed as opened, but gone")
            continue
        conn = sqlite3.connect(path)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            conn.close()
        if result != "ok":
            figures.failures.append(f"{path}: integrity check: {result}")
            continue
        try:
            conn = open_database(path)
        except GoodbyeError as exc:
            figures.failures.append(f"{path}: does not open: {exc}")
            continue
        try:
            names = {name for (name,) in conn.execute("SELECT name FROM client")}
        finally:
            close_database()
        wanted = confirmed_so_far.get(path, [])
        missing = [name for name in wanted if name not in names]
        figures.found += len(confirmed.get(path, [])) - len(
            [n for n in confirmed.get(path, []) if n not in names])
        if missing:
            figures.failures.append(f"{path}: {len(missing)} confirmed records lost")


def run_kills(folder: Path, kills: int, *, seed: int = 1, max_delay: float = 0.15
              ) -> KillFigures:
    """Kill `kills` workers at random moments; the figures of what was checked."""
    rng = random.Random(seed)
    figures = KillFigures()
    confirmed_so_far: dict[Path, list[str]] = {}
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("QT_QPA_PLATFORM", None)
    start = time.perf_counter()
    with subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "zygote"],
                          stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                          env=env) as zyg:
        try:
            for round_number in range(kills):
                round_seed = seed * 100_000 + round_number
                zyg.stdin.write(f"run {folder} {round_seed}\n")
                zyg.stdin.flush()
                pid = int(zyg.stdout.readline().split()[1])
                time.sleep(rng.uniform(0.0, max_delay))
                os.kill(pid, signal.SIGKILL)
                zyg.stdin.write(f"wait {pid}\n")
                zyg.stdin.flush()
                assert zyg.stdout.readline().strip() == "dead"
                figures.kills += 1
                check_round(folder / f"log-{round_seed}.txt", figures, confirmed_so_far)
        finally:
            zyg.stdin.close()
            zyg.wait(timeout=30)
    figures.seconds = time.perf_counter() - start
    return figures


if __name__ == "__main__" and sys.argv[1:] == ["zygote"]:
    zygote()
