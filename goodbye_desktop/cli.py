"""The `goodbye-desktop` command: global options, the window, and the headless commands.

With no command it opens the window (Qt is imported only then, so the other commands
start fast and work without a display). Each command lives in its own module under
`goodbye_desktop.commands` and is listed in `COMMAND_MODULES`; its `register(subparsers)`
adds a parser with `set_defaults(run=...)`. This module opens the database before a
command runs, and turns every error a user can cause into one line on stderr and exit
status 2.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from goodbye_desktop import __version__
from goodbye_desktop.errors import DatabaseError, GoodbyeError

if TYPE_CHECKING:
    import argparse

PROG = "goodbye-desktop"

# One module per command under goodbye_desktop/commands/; add yours here.
COMMAND_MODULES = ("demo", "clients", "letter", "departures", "at_risk", "due")

EXIT_OK = 0
EXIT_USER_ERROR = 2
EXIT_INTERRUPTED = 130


def build_parser() -> argparse.ArgumentParser:
    """The full parser, with every command of COMMAND_MODULES registered."""
    import argparse  # here: the window's start needs no parser

    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Keep client records, notice early when clients drift away, and handle "
        "departures with care. With no command, the window opens.",
        epilog="Exit status: 0 on success, 2 when the command cannot be done as asked "
        "(the reason is printed on one line).",
    )
    parser.add_argument(
        "--db", metavar="PATH",
        help="the database file (default: $GOODBYE_DESKTOP_DB, else the user data folder); "
        "created if it does not exist",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    subparsers = parser.add_subparsers(title="commands", dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"goodbye_desktop.commands.{name}")
        module.register(subparsers)
    return parser


def _use_utf8(stream) -> None:
    """Names in any script must survive a pipe or a non-UTF-8 terminal."""
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
    if encoding == "utf8" or not hasattr(stream, "reconfigure"):
        return
    try:
        if stream.isatty():
            # A terminal that cannot show a glyph gets a '?', never a crash.
            stream.reconfigure(errors="replace")
        else:
            stream.reconfigure(encoding="utf-8")
    except (OSError, ValueError):
        pass


def _fail(message: str) -> int:
    print(f"{PROG}: {message}", file=sys.stderr)
    return EXIT_USER_ERROR


def _run_window(db_path: Path) -> int:
    # The list's queries before Qt (app imports Qt first): once PySide6 is loaded it
    # reads the source of every module imported after it, looking for `__feature__`.
    # Qt itself loads here, only when the window is wanted.
    import goodbye_desktop.store.queries  # noqa: F401
    from goodbye_desktop import app

    return app.run(db_path)


def _run_command(args: argparse.Namespace, db_path: Path) -> int:
    from goodbye_desktop.store.database import close_database, open_database

    try:
        open_database(db_path)
    except OSError as exc:
        # A file we may not read (permissions, a broken disk) is the user's to fix.
        raise DatabaseError(f"{db_path} cannot be opened: {exc.strerror or exc}.") from exc
    try:
        return args.run(args)
    finally:
        close_database()


def window_only_db(argv: list[str]) -> tuple[bool, str | None]:
    """(True, the --db value or None) when `argv` asks for nothing but the window.

    Only the plain forms: none, `--db PATH` and `--db=PATH`. Anything else (a command,
    --help, an abbreviation, a mistake) goes through the full parser, which would read
    the same from these forms.
    """
    if not argv:
        return True, None
    if len(argv) == 1 and argv[0].startswith("--db="):
        return True, argv[0].removeprefix("--db=")
    if len(argv) == 2 and argv[0] == "--db" and not argv[1].startswith("-"):
        return True, argv[1]
    return False, None


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    for stream in (sys.stdout, sys.stderr):
        _use_utf8(stream)
    argv = sys.argv[1:] if argv is None else list(argv)
    window, db = window_only_db(argv)
    # The window's start skips the commands' parsers: registering them loads every
    # command module, and with them the ORM, before the window could show.
    args = None if window else build_parser().parse_args(argv)
    if args is not None:
        db = args.db

    from goodbye_desktop.store.database import default_path

    try:
        # Absolute, so a relative --db names the same file whatever the store does with it.
        db_path = default_path(db).absolute()
        if args is None or getattr(args, "run", None) is None:
            return _run_window(db_path)
        return _run_command(args, db_path)
    except GoodbyeError as exc:
        return _fail(str(exc))
    except BrokenPipeError:
        # `goodbye-desktop clients | head`: the reader left; that is not an error.
        _silence_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED


def _silence_stdout() -> None:
    """Point stdout at /dev/null so Python's final flush does not complain again."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
