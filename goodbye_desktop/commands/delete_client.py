"""`goodbye-desktop delete-client NAME`: delete a client for good, after a backup.

Archiving is the normal way to put a client away; this removes the client and everything
that goes with it (contacts, interactions, letters, revenue, proposals, promises,
departures). It says what will go, asks (unless --yes), and backs the database up first.
"""

from __future__ import annotations

import argparse
import sys


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "delete-client", help="delete a client and all its records, after a backup",
        description="Delete a client for good, with its contacts, interactions, letters, "
        "revenue, proposals, promises and departures. Says what will be deleted and asks "
        "first; a backup is made before anything is deleted. Archiving (in the app) hides "
        "a client without deleting anything.")
    parser.add_argument("name", metavar="NAME",
                        help="the client's name, exactly or a search that finds only one")
    parser.add_argument("--yes", action="store_true", help="do not ask")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from goodbye_desktop.commands.letter import find_client
    from goodbye_desktop.commands.terminal import safe as escape_for_terminal
    from goodbye_desktop.errors import GoodbyeError
    from goodbye_desktop.store.deleting import delete_client, what_goes_with

    client_id = find_client(args.name)
    going = what_goes_with(client_id)
    print(escape_for_terminal(going.describe()))
    if not args.yes:
        if not sys.stdin.isatty():
            raise GoodbyeError("cli.delete_unconfirmed")
        answer = input("Delete it for good? A backup is made first. [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("Nothing was deleted.")
            return 0
    backup = delete_client(client_id)
    print(escape_for_terminal(f"Deleted {going.name}. The backup made just before is {backup}."))
    return 0
