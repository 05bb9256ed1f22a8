"""Import and export at scale: 100,000 clients and 200,000 contacts in, the 100k database out.

    python benchmarks/bench_exchange.py --export-db benchmarks/data/100k.sqlite

Writes clients.csv (100,000 rows) and contacts.csv (200,000 rows) in the program's own
format, imports them into an empty database with `goodbye-desktop import-csv` (a fresh
process each, as a user runs it), then exports the database made by generate.py with
`export-csv`. Each is timed with its peak resident memory. The floors, measured in the
same run, are a bare `csv` read of the same files and a bare sqlite3-to-csv copy of the
same tables. Targets: import at most 10 s, export at most 5 s, at most 300 MB each.
Results go to benchmarks/results/bench_exchange.json; exit status 1 when a target is
missed.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
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


def timed(args: list[str]) -> tuple[float, float]:
    """(seconds, peak resident MB) of the program run as a fresh process."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "goodbye_desktop", *args], env=env,
                            stdout=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"{' '.join(args)} failed with status {proc.returncode}")
    return seconds, usage.ru_maxrss / 1024


def floor_read(paths: list[Path]) -> float:
    start = time.perf_counter()
    for path in paths:
        with open(path, encoding="utf-8", newline="") as f:
            for _row in csv.reader(f):
                pass
    return time.perf_counter() - start


def floor_export(db: Path, folder: Path) -> float:
    start = time.perf_counter()
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    for table in ("client", "contact", "interaction", "revenue", "proposal"):
        with open(folder / f"{table}.csv", "w", encoding="utf-8", newline="") as out:
            cursor = conn.execute(f"SELECT * FROM {table}")
            writer = csv.writer(out)
            while batch := cursor.fetchmany(5000):
                writer.writerows(batch)
    conn.close()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument("--contacts", type=int, default=200_000)
    parser.add_argument("--export-db", type=Path, default=REPO / "benchmarks/data/100k.sqlite",
                        help="the database to export (benchmarks/generate.py makes one)")
    args = parser.parse_args()
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        clients_csv, contacts_csv = write_csvs(folder, args.clients, args.contacts)
        db = folder / "imported.sqlite"
        timed(["--db", str(db), "clients"])  # created before the clock starts
        s1, m1 = timed(["--db", str(db), "import-csv", "clients", str(clients_csv)])
        s2, m2 = timed(["--db", str(db), "import-csv", "contacts", str(contacts_csv)])
        results.update(import_clients_s=s1, import_contacts_s=s2, import_s=s1 + s2,
                       import_memory_mb=max(m1, m2),
                       import_floor_s=floor_read([clients_csv, contacts_csv]))
        if args.export_db.exists():
            out = folder / "export"
            s3, m3 = timed(["--db", str(args.export_db), "export-csv", str(out),
                            "--no-letters"])
            floor_dir = folder / "floor"
            floor_dir.mkdir()
            results.update(export_s=s3, export_memory_mb=m3,
                           export_floor_s=floor_export(args.export_db, floor_dir))
    print(f"Import {args.clients:,} clients: {results['import_clients_s']:.2f} s; "
          f"{args.contacts:,} contacts: {results['import_contacts_s']:.2f} s; "
          f"together {results['import_s']:.2f} s (target {TARGETS['import_s']} s), peak "
          f"{results['import_memory_mb']:.0f} MB; floor (csv read only) "
          f"{results['import_floor_s']:.2f} s")
    if "export_s" in results:
        print(f"Export {args.export_db.name}: {results['export_s']:.2f} s (target "
              f"{TARGETS['export_s']} s), peak {results['export_memory_mb']:.0f} MB; floor "
              f"(bare sqlite3 to csv) {results['export_floor_s']:.2f} s")
    out_dir = REPO / "benchmarks" / "results"
    out_dir.mkdir(exist_ok=True)
    (out_dir / "bench_exchange.json").write_text(
        json.dumps({k: round(v, 2) for k, v in results.items()}, indent=2) + "\n",
        encoding="utf-8")
    missed = (results["import_s"] > TARGETS["import_s"]
              or results.get("export_s", 0) > TARGETS["export_s"]
              or max(results["import_memory_mb"], results.get("export_memory_mb", 0))
              > TARGETS["memory_mb"])
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
