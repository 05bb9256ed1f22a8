"""Import and export at scale: 100,000 clients and 200,000 contacts in, the 100k database out.

    python benchmarks/bench_exchange.py --export-db benchmarks/data/100k.sqlite --runs 3

Writes clients.csv (100,000 rows) and contacts.csv (200,000 rows) in the program's own
format, imports them into an empty database with `goodbye-desktop import-csv` (a fresh
process each, as a user runs it: read, check, back up, write, derived columns), then
exports the database made by generate.py with `export-csv --no-letters`. Each is timed
(wall and CPU of the child) with its peak resident memory; the figures are medians of
`--runs` runs, each import into a new empty database, each export into a new folder.

The floors, measured in the same run:
- import: a bare script that reads the same two files with `csv.reader` and inserts their
  rows as they stand with one `executemany` per file, in one transaction committed, into
  a copy of the same empty database (the app's schema with its indexes and foreign keys
  checked; the client table's change-counter triggers suspended, as the importer
  suspends them). No checks, no matching, no derived columns, no backup, no process
  start.
- export: a bare script that runs the export's row SELECTs (store.exchange_rows `sql`:
  the same columns, neutralising and order, the client name by a join) on a plain
  sqlite3 connection and writes their rows with `csv.writer` to plain files: the same
  files, byte for byte (checked). No process start, no temporary names, no fsync.
  The app itself has SQLite make each line (`line_sql`), which beats that floor; so a
  second one is measured: the same bare script writing the lines of `line_sql`
  (`export_lines_floor_s`), the least the app's own way can cost.

Targets: import at most 10 s, export at most 5 s, at most 300 MB each. Results go to
benchmarks/results/bench_exchange.json; exit status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import csv
import filecmp
import json
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
TARGETS = {"import_s": 10.0, "export_s": 5.0, "memory_mb": 300.0}
FIRST = ["Anna", "Łukasz", "Zoë", "Renée", "José", "Björn", "Søren", "Aoife", "Ngozi",
         "Priya", "Kenji", "花子", "Дмитрий", "محمد"]
LAST = ["Kowalczyk", "Nowak", "Müller", "Dubois", "Lindqvist", "Okafor", "Rossi", "Yılmaz",
        "山田", "Соколов", "العلي"]


def write_csvs(folder: Path, clients: int, contacts: int) -> tuple[Path, Path]:
    rng = random.Random(100_000)
    clients_csv, contacts_csv = folder / "clients.csv", folder / "contacts.csv"
    with open(clients_csv, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["client_id", "name", "is_person", "status", "started_on", "address",
                         "notes", "tags", "source"])
        for i in range(1, clients + 1):
            writer.writerow([i, f"{rng.choice(FIRST)} {rng.choice(LAST)} {i}", i % 3 == 0,
                             rng.choice(("active", "active", "prospect", "departed")),
                             f"{rng.randint(2015, 2026)}-{rng.randint(1, 12):02d}-01",
                             f"{i} High Street\nTown", "", "print, web", "referral"])
    with open(contacts_csv, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["client_id", "client_name", "name", "role", "email", "phone",
                         "primary"])
        for i in range(contacts):
            client = i % clients + 1
            writer.writerow([client, "", f"{rng.choice(FIRST)} {rng.choice(LAST)}", "Owner",
                             f"person{i}@example.com", "+44 7700 900000", int(i < clients)])
    return clients_csv, contacts_csv


def timed(args: list[str]) -> dict[str, float]:
    """Wall seconds, CPU seconds and peak resident MB of the program run as a fresh
    process."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "goodbye_desktop", *args], env=env,
                            stdout=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"{' '.join(args)} failed with status {proc.returncode}")
    return {"s": seconds, "cpu_s": usage.ru_utime + usage.ru_stime,
            "mb": usage.ru_maxrss / 1024}


def _cpu() -> float:
    return time.process_time()


def floor_import(empty_db: Path, db: Path, clients_csv: Path, contacts_csv: Path
                 ) -> dict[str, float]:
    shutil.copyfile(empty_db, db)
    start, cpu = time.perf_counter(), _cpu()
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = 1")
    conn.execute("PRAGMA synchronous = normal")  # as the app's connection
    conn.execute("BEGIN IMMEDIATE")
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                "AND name LIKE 'client_generation_%'").fetchall():
        conn.execute(f'DROP TRIGGER "{name}"')
    with open(clients_csv, encoding="utf-8", newline="") as f:
        rows = csv.reader(f)
        next(rows)
        conn.executemany(
            "INSERT INTO client (id, name, is_person, status, started_on, address, notes, "
            "tags, source, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "'2026-01-01 00:00:00', '2026-01-01 00:00:00')",
            ((cid, name, person == "True", *rest) for cid, name, person, *rest in rows))
    with open(contacts_csv, encoding="utf-8", newline="") as f:
        rows = csv.reader(f)
        next(rows)
        conn.executemany(
            'INSERT INTO contact (client_id, name, role, email, phone, "primary") '
            "VALUES (?, ?, ?, ?, ?, ?)",
            ((cid, name, role, email, phone, primary)
             for cid, _client, name, role, email, phone, primary in rows))
    conn.execute("COMMIT")  # (a copy thrown away after: its triggers need not come back)
    conn.close()
    return {"s": time.perf_counter() - start, "cpu_s": _cpu() - cpu}


def floor_export(db: Path, folder: Path, *, lines: bool = False) -> dict[str, float]:
    from goodbye_desktop.store import exchange_rows

    start, cpu = time.perf_counter(), _cpu()
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, isolation_level=None)
    conn.execute("BEGIN")
    for table in exchange_rows.TABLES:
        if lines:
            with open(folder / table.file_name, "wb") as out:
                out.write((",".join(table.columns) + "\r\n").encode())
                cursor = exchange_rows.lines(conn, table.kind)
                while batch := cursor.fetchmany(5000):
                    out.write(b"".join([line for (line,) in batch]))
            continue
        with open(folder / table.file_name, "w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(table.columns)
            cursor = conn.execute(table.sql)
            while batch := cursor.fetchmany(5000):
                writer.writerows(batch)
    conn.close()
    return {"s": time.perf_counter() - start, "cpu_s": _cpu() - cpu}


def _same_files(a: Path, b: Path) -> None:
    names = sorted(p.name for p in a.iterdir())
    _same, differ, missing = filecmp.cmpfiles(a, b, names, shallow=False)
    if differ or missing or names != sorted(p.name for p in b.iterdir()):
        raise SystemExit(f"the floor wrote other files: {differ or missing}")


def _load() -> str:
    """The load average (1, 5 and 15 minutes), as `uptime` shows it."""
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _median(samples: list[dict[str, float]], key: str) -> float:
    return statistics.median(sample[key] for sample in samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument("--contacts", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--export-db", type=Path, default=REPO / "benchmarks/data/100k.sqlite",
                        help="the database to export (benchmarks/generate.py makes one)")
    args = parser.parse_args()
    results: dict[str, float | str] = {"runs": args.runs, "load_before": _load()}
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        clients_csv, contacts_csv = write_csvs(folder, args.clients, args.contacts)
        empty = folder / "empty.sqlite"
        timed(["--db", str(empty), "clients"])  # an empty database, made before any clock
        clients, contacts, floors = [], [], []
        for run in range(args.runs):
            db = folder / f"imported-{run}.sqlite"
            shutil.copyfile(empty, db)
            clients.append(timed(["--db", str(db), "import-csv", "clients", str(clients_csv)]))
            contacts.append(timed(["--db", str(db), "import-csv", "contacts",
                                   str(contacts_csv)]))
            floors.append(floor_import(empty, folder / "floor.sqlite", clients_csv,
                                       contacts_csv))
            shutil.rmtree(folder / "backups", ignore_errors=True)
            for path in folder.glob(f"imported-{run}.sqlite*"):
                path.unlink()
        both = [{"s": a["s"] + b["s"], "cpu_s": a["cpu_s"] + b["cpu_s"]}
                for a, b in zip(clients, contacts, strict=True)]
        results.update(
            import_clients_s=_median(clients, "s"), import_contacts_s=_median(contacts, "s"),
            import_s=_median(both, "s"), import_cpu_s=_median(both, "cpu_s"),
            import_memory_mb=max(max(r["mb"] for r in clients), max(r["mb"] for r in contacts)),
            import_floor_s=_median(floors, "s"), import_floor_cpu_s=_median(floors, "cpu_s"))
        results["import_ratio"] = results["import_s"] / results["import_floor_s"]
        if args.export_db.exists():
            exports, floors, line_floors = [], [], []
            for run in range(args.runs):
                out = folder / f"export-{run}"
                floor_dir, lines_dir = folder / f"floor-{run}", folder / f"lines-{run}"
                exports.append(timed(["--db", str(args.export_db), "export-csv", str(out),
                                      "--no-letters"]))
                floor_dir.mkdir()
                floors.append(floor_export(args.export_db, floor_dir))
                lines_dir.mkdir()
                line_floors.append(floor_export(args.export_db, lines_dir, lines=True))
                _same_files(out, floor_dir)
                _same_files(out, lines_dir)
                for done in (out, floor_dir, lines_dir):
                    shutil.rmtree(done)
            results.update(export_s=_median(exports, "s"), export_cpu_s=_median(exports, "cpu_s"),
                           export_memory_mb=max(r["mb"] for r in exports),
                           export_floor_s=_median(floors, "s"),
                           export_floor_cpu_s=_median(floors, "cpu_s"),
                           export_lines_floor_s=_median(line_floors, "s"),
                           export_lines_floor_cpu_s=_median(line_floors, "cpu_s"))
            results["export_ratio"] = results["export_s"] / results["export_floor_s"]
            results["export_lines_ratio"] = (results["export_s"]
                                             / results["export_lines_floor_s"])
    results["load_after"] = _load()
    print(f"Import {args.clients:,} clients: {results['import_clients_s']:.2f} s; "
          f"{args.contacts:,} contacts: {results['import_contacts_s']:.2f} s; "
          f"together {results['import_s']:.2f} s, CPU {results['import_cpu_s']:.2f} s "
          f"(target {TARGETS['import_s']} s), peak {results['import_memory_mb']:.0f} MB; "
          f"floor (csv.reader + executemany) {results['import_floor_s']:.2f} s "
          f"({results['import_ratio']:.2f}x)")
    if "export_s" in results:
        print(f"Export {args.export_db.name}: {results['export_s']:.2f} s, CPU "
              f"{results['export_cpu_s']:.2f} s (target {TARGETS['export_s']} s), peak "
              f"{results['export_memory_mb']:.0f} MB; floor (the row SELECTs, csv.writer, "
              f"the same files) {results['export_floor_s']:.2f} s "
              f"({results['export_ratio']:.2f}x); the same with the line SELECTs "
              f"{results['export_lines_floor_s']:.2f} s ({results['export_lines_ratio']:.2f}x)")
    print(f"Medians of {args.runs} runs; load average {results['load_before']} before, "
          f"{results['load_after']} after.")
    out_dir = REPO / "benchmarks" / "results"
    out_dir.mkdir(exist_ok=True)
    (out_dir / "bench_exchange.json").write_text(
        json.dumps({k: round(v, 2) if isinstance(v, float) else v
                    for k, v in results.items()}, indent=2) + "\n", encoding="utf-8")
    missed = (results["import_s"] > TARGETS["import_s"]
              or results.get("export_s", 0) > TARGETS["export_s"]
              or max(results["import_memory_mb"], results.get("export_memory_mb", 0))
              > TARGETS["memory_mb"])
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
