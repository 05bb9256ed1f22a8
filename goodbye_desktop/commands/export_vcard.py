"""`goodbye-desktop export-vcard FILE`: the contacts as one vCard 4.0 file."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export-vcard", help="export the contacts as a vCard file for an address book",
        description="Write every current contact (people who left a client are left out) "
        "to FILE as vCard 4.0, with the client as organisation, role, email, phone and "
        "address.")
    parser.add_argument("file", type=Path, metavar="FILE", help="the .vcf file to write")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from goodbye_desktop.exchange.vcard import export_vcard

    count = export_vcard(args.file)
    print(f"Wrote {count} contact{'s' if count != 1 else ''} to {args.file}.")
    return 0
