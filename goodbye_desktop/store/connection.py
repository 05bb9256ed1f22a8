"""The process's one SQLite connection, opened without the ORM.

The client list, its search and the upkeep run at start need nothing but SQL, so the
window can open before peewee is imported. `models` binds peewee to this same
connection the first time it is imported, so ORM writes and plain SQL share one
connection and one transaction.
"""

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

_PRAGMAS = (
    "PRAGMA journal_mode = wal",
    "PRAGMA foreign_keys = 1",
    "PRAGMA synchronous = normal",  # safe with WAL: a power cut loses at most the last commit
    "PRAGMA busy_timeout = 5000",
    "PRAGMA cache_size = -8000",  # 8 MB: enough for the hot indexes, no bloat from a scan
)

_connection: sqlite3.Connection | None = None
_path: Path | None = None
_on_open: list[Callable[[sqlite3.Connection, Path], None]] = []
_on_close: list[Callable[[], None]] = []


def open_connection(path: Path) -> sqlite3.Connection:
    """Open `path` as the current connection (autocommit: transactions are explicit)."""
    global _connection, _path
    close_connection()
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    try:
        for pragma in _PRAGMAS:
            conn.execute(pragma)
    except sqlite3.DatabaseError:
        conn.close()
        raise
    _connection, _path = conn, path
    for listener in list(_on_open):
        listener(conn, path)
    return conn


def close_connection() -> None:
    global _connection, _path
    if _connection is None:
        return
    for listener in list(_on_close):
        listener()
    _connection.close()
    _connection, _path = None, None


def is_open() -> bool:
    return _connection is not None


def current() -> sqlite3.Connection:
    """The open connection; a clear error when no database is open."""
    if _connection is None:
        # Our bug, not the user's: every entry point opens the database first.
        raise RuntimeError("No database is open.")
    return _connection


def current_path() -> Path:
    current()
    assert _path is not None
    return _path


def on_open(listener: Callable[[sqlite3.Connection, Path], None],
            on_close: Callable[[], None]) -> None:
    """Call `listener` for every connection opened (and now, if one is open)."""
    _on_open.append(listener)
    _on_close.append(on_close)
    if _connection is not None and _path is not None:
        listener(_connection, _path)


@contextmanager
def transaction() -> Iterator[sqlite3.Connection]:
    """One transaction (a savepoint when one is already running), rolled back on error."""
    conn = current()
    if conn.in_transaction:
        conn.execute("SAVEPOINT upkeep")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK TO upkeep")
            conn.execute("RELEASE upkeep")
            raise
        conn.execute("RELEASE upkeep")
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:  # a Ctrl+C can land after the COMMIT
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
