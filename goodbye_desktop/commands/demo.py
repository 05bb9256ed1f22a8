"""`goodbye-desktop demo`: fill the database with the Harbour Lane Studio sample data."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "demo",
        help="fill the database with realistic sample data",
        description="Fill the database with a sample design studio: fifty clients over "
        "five years, with contacts, interactions, revenue, proposals, promises and "
        "departures, dated back from today so the story is the same on any day. Refuses "
        "a database that already holds clients, unless --force.",
    )
    parser.add_argument(
        "--force", action="store_true",
        help="add the sample clients even when the database already holds clients: "
        "nothing is deleted or changed, a sample client whose name is already there is "
        "not added again, and your business profile is left as it is",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    # Imported here: building the parser for any other command need not load the seeds code.
    from goodbye_desktop.sample import fill_demo

    summary = fill_demo(force=args.force)
    print(summary.describe())
    return 0
