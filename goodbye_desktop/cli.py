"""The `goodbye-desktop` command: global options, the window, and the headless commands.

With no command it opens the window (Qt is imported only then, so the other commands
start fast and work without a display). Each command lives in its own module under
`goodbye_desktop.commands` and is listed in `COMMAND_MODULES`; its `register(subparsers)`
adds a parser with `set_defaults(run=...)`. This module opens the database before a
command runs, and turns every error a user can cause into one line on stderr and exit
status 2.
"""

from __future__ import annotations

import contextlib
import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from goodbye_desktop import __version__
from goodbye_desktop.errors import DatabaseError, GoodbyeError

if TYPE_CHECKING:
    import argparse

PROG = "goodbye-desktop"

# One module per command under goodbye_desktop/commands/; add yours here.
COMMAND_MODULES = ("demo", "clients", "letter", "departures", "at_risk", "due", "dashboard",
                   "report", "backup", "check", "export_csv", "export_vcard", "import_csv",
                   "delete_client")

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
    from goodbye_desktop.commands.terminal import safe as escape_for_terminal

    # One line, whatever a client's name in it holds.
    print(f"{PROG}: {escape_for_terminal(message)}", file=sys.stderr)
    return EXIT_USER_ERROR


def _run_window(db_path: Path) -> int:
    import gc
    import signal

    # Start-up makes tens of thousands of objects that live as long as the window (Qt's
    # types and enums, the modules): collecting among them finds nothing and cost 55
    # collections, 8 ms. The window turns collection back on once it has painted.
    gc.disable()

    if signal.getsignal(signal.SIGINT) is _exit_130:
        # Qt's event loop runs no Python for long stretches, so a Python handler could
        # wait: Ctrl+C in the terminal ends the window at once (status 130 in the shell).
        # Every change is already saved whole, and the system releases the lock.
        signal.signal(signal.SIGINT, signal.SIG_DFL)
    # The list's queries before Qt (app imports Qt first): once PySide6 is loaded it
    # reads the source of every module imported after it, looking for `__feature__`.
    # Qt itself loads here, only when the window is wanted.
    import goodbye_desktop.store.queries  # noqa: F401
    from goodbye_desktop import app

    return app.run(db_path)


def _run_command(args: argparse.Namespace, db_path: Path) -> int:
    from goodbye_desktop.store import sql_errors
    from goodbye_desktop.store.database import close_database, open_database

    args.db_path = db_path
    try:
        if not getattr(args, "opens_store", True):
            # restore and check work on the file itself, open or damaged.
            with _interruptible():
                return args.run(args)
        open_database(db_path)
        try:
            with _interruptible():
                return args.run(args)
        finally:
            close_database()
    except GoodbyeError:
        raise
    except OSError as exc:
        # A file we may not read or write (permissions, a full or broken disk).
        reason = exc.strerror or str(exc)
        if exc.filename:
            raise DatabaseError("os.failed_at", reason=reason, path=exc.filename) from exc
        raise DatabaseError("os.failed", reason=reason) from exc
    except Exception as exc:
        if sql_errors.is_database_error(exc):
            raise sql_errors.explain(exc) from exc
        raise


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
    as_program = argv is None  # tests call main([...]) and keep their own Ctrl+C
    if as_program:
        # While modules load and the file opens, a Ctrl+C ends the program at once: a
        # KeyboardInterrupt inside an import can be swallowed by Python and print a
        # traceback. Nothing is lost: every write to the file is atomic.
        import signal

        signal.signal(signal.SIGINT, _exit_130)
    try:
        status = _main(argv)
    except KeyboardInterrupt:
        # Ctrl+C while the parser or a command's modules were still loading.
        status = EXIT_INTERRUPTED
    if as_program and status == EXIT_INTERRUPTED:
        # The command has rolled back and cleaned up as it unwound. Leave now: a Ctrl+C
        # that landed inside Python's own context-manager code can leave a transaction's
        # generator suspended, and finalising it after the store has closed would print a
        # traceback. (SQLite needs nothing more: an unfinished transaction never counts.)
        import os

        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):
                stream.flush()
        os._exit(EXIT_INTERRUPTED)
    return status


@contextlib.contextmanager
def _interruptible() -> Iterator[None]:
    """While a command runs, Ctrl+C raises KeyboardInterrupt, so the command cleans up
    (rolls back, removes its temporary files) as it stops; status 130 all the same."""
    import signal

    if signal.getsignal(signal.SIGINT) is not _exit_130:
        yield
        return
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, _exit_130)


def _exit_130(signum: int, frame: object) -> None:
    import os

    os._exit(EXIT_INTERRUPTED)


def _main(argv: list[str] | None) -> int:
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
