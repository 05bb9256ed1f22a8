"""`goodbye-desktop export-csv DIR`: every record as CSV files (and letters as PDFs)."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export-csv", help="export every record to CSV files in a folder",
        description="Write one CSV file per kind of record (clients.csv, contacts.csv, "
        "interactions.csv, revenue.csv, proposals.csv, promises.csv, departures.csv and "
        "more; see the README for every column) into DIR, created if needed, with the kept "
        "letters as PDFs in DIR/letters. UTF-8, with a header row.")
    parser.add_argument("dir", type=Path, metavar="DIR", help="the folder to write into")
    parser.add_argument("--no-letters", action="store_true",
                        help="leave out the letters' PDF files")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from goodbye_desktop.exchange.csv_export import export_csv

    summary = export_csv(args.dir, letters=not args.no_letters)
    print(summary.describe())
    return 0
