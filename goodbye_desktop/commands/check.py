"""`goodbye-desktop check`: is the database sound? SQLite's full check and the app's own.

Works on the file as it is, without opening it as the store (a damaged file must be
checkable); prints what it found and exits 0 when all is well, 1 when not.
"""

from __future__ import annotations

import argparse

EXIT_PROBLEMS = 1


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "check",
        help="check the database for damage and inconsistencies",
        description="Run SQLite's full integrity check and the program's own checks "
        "(rows pointing at missing records, derived figures that disagree with the records) "
        "and say what was found. Nothing is changed. Exit status 1 when something is wrong.",
    )
    parser.set_defaults(run=run, opens_store=False)


def run(args: argparse.Namespace) -> int:
    from goodbye_desktop.commands.terminal import safe as escape_for_terminal
    from goodbye_desktop.errors import DatabaseError
    from goodbye_desktop.store.checks import check_file
    from goodbye_desktop.store.database import inspect_file

    if not args.db_path.exists():
        raise DatabaseError("cli.db_missing", path=args.db_path)
    try:
        inspect_file(args.db_path)
    except DatabaseError as exc:
        # Damaged files are what `check` is for: go on and list what is wrong; the rest
        # (a folder, a pipe, another program's file) cannot be checked.
        from goodbye_desktop.store.database import DamagedDatabaseError

        if not isinstance(exc, DamagedDatabaseError):
            raise
    report = check_file(args.db_path)
    if report.ok:
        print(f"{args.db_path}: no problems found ({report.clients} clients).")
        return 0
    print(f"{args.db_path}: {len(report.problems)} problem(s) found:")
    for problem in report.problems:
        print(f"  - {escape_for_terminal(problem)}")
    print("`goodbye-desktop backups` lists the backups you can restore.")
    return EXIT_PROBLEMS
