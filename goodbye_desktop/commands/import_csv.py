"""`goodbye-desktop import-csv KIND FILE`: records from CSV (or vCard), all or nothing.

KIND is clients, contacts, interactions, revenue or proposals. The file is the app's
own export, a Google Contacts or Outlook CSV export, or a vCard file (clients and
contacts). Every row is checked first: one problem and nothing is imported, with the
file, line, column and reason of the first 20. Rows that match clients already in the
records need `--on-match merge` or `--on-match skip`. The database is backed up first.
"""

from __future__ import annotations

import argparse
from pathlib import Path

KINDS = ("clients", "contacts", "interactions", "revenue", "proposals")


def _mapping(text: str) -> tuple[str, str]:
    ours, sep, theirs = text.partition("=")
    if not sep or not ours.strip():
        raise argparse.ArgumentTypeError(f"{text!r}: write OUR_COLUMN=FILE_COLUMN")
    return ours.strip(), theirs.strip()


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import-csv", help="import clients, contacts, interactions, revenue or proposals",
        description="Import records of KIND from FILE: the program's own CSV export, a "
        "Google Contacts or Outlook CSV export, or a vCard file (3.0 or 4.0; clients and "
        "contacts). UTF-8 (with or without BOM), UTF-16 and Windows-1252 are read; dates "
        "ISO or in your locale's order, amounts with your locale's separators. One bad row "
        "and nothing is imported. The database is backed up first.")
    parser.add_argument("kind", choices=KINDS, metavar="KIND", help=", ".join(KINDS))
    parser.add_argument("file", type=Path, metavar="FILE", help="the CSV or vCard file")
    parser.add_argument("--on-match", choices=("merge", "skip"),
                        help="what to do with rows that match clients you already have "
                        "(by name or email): merge them into those clients, or skip them")
    parser.add_argument("--map", type=_mapping, action="append", metavar="OURS=THEIRS",
                        help="fill our column OURS from the file's column THEIRS (repeat "
                        "for each column; the others are left empty)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from goodbye_desktop.commands.terminal import safe as escape_for_terminal
    from goodbye_desktop.exchange.importer import import_file

    mapping = dict(args.map) if args.map else None
    result = import_file(args.file, args.kind, on_match=args.on_match, mapping=mapping)
    print(escape_for_terminal(result.describe()))
    return 0
