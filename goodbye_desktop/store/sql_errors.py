"""SQLite's and peewee's errors worded as the app's own, for the edges (CLI, dialogs).

A damaged page, a full disk, a file locked by another program or made read-only: each
becomes a `DatabaseError` whose message says what happened and what to do, never a
traceback. Recognised by class name and module, so that the command line can ask without
importing peewee.
"""

from __future__ import annotations

from goodbye_desktop.errors import DatabaseError

_MODULES = ("sqlite3", "peewee", "_sqlite3")
_WORDS = (
    (("malformed", "not a database", "corrupt"),
     "the database file is damaged; `goodbye-desktop check` says more, and "
     "`goodbye-desktop backups` lists the backups you can restore"),
    (("disk is full", "database or disk is full"),
     "the disk is full; free some space and try again (nothing was saved)"),
    (("locked", "busy"),
     "the database is busy in another program; close it and try again"),
    (("readonly", "read-only"),
     "the database file cannot be written (it or its folder is read-only)"),
    (("disk i/o error", "unable to open"),
     "the database file could not be read or written (is the disk still there?)"),
)


def is_database_error(exc: BaseException) -> bool:
    """True for an error raised by SQLite or peewee (rather than by the app)."""
    return any(type(exc).__module__ == module or any(
        base.__module__ == module for base in type(exc).__mro__) for module in _MODULES)


def explain(exc: BaseException, what: str = "", then: str = "") -> DatabaseError:
    """The app's own error for an SQLite or peewee error; `what` completes "Could not …",
    `then` is a sentence added after it."""
    text = str(exc).lower()
    words = next((said for markers, said in _WORDS if any(m in text for m in markers)),
                 f"the database reported: {exc}")
    lead = f"Could not {what}: " if what else ""
    message = lead + words + "."
    return DatabaseError(message[0].upper() + message[1:] + (f" {then}" if then else ""))
