"""SQLite's and peewee's errors as the app's own, for the edges (CLI, dialogs).

A damaged page, a full disk, a file locked by another program or made read-only: each
becomes a `DatabaseError` whose code says what happened (its words say what to do),
never a traceback. Recognised by class name and module, so that the command line can
ask without importing peewee.
"""

from __future__ import annotations

from goodbye_desktop.errors import DatabaseError

_MODULES = ("sqlite3", "peewee", "_sqlite3")
# SQLite's own text -> our codes for it, alone and after "Could not <action>"; the first
# that matches wins.
_CODES = (
    (("malformed", "not a database", "corrupt"), "sql.damaged", "sql.action_damaged"),
    (("disk is full", "database or disk is full"), "sql.disk_full", "sql.action_disk_full"),
    (("locked", "busy"), "sql.busy", "sql.action_busy"),
    (("readonly", "read-only"), "sql.read_only", "sql.action_read_only"),
    (("disk i/o error", "unable to open"), "sql.io", "sql.action_io"),
)


def is_database_error(exc: BaseException) -> bool:
    """True for an error raised by SQLite or peewee (rather than by the app)."""
    return any(type(exc).__module__ == module or any(
        base.__module__ == module for base in type(exc).__mro__) for module in _MODULES)


def explain(exc: BaseException, action: str = "") -> DatabaseError:
    """The app's own error for an SQLite or peewee error.

    With an `action` (a code of `error_words.PHRASES["action"]`) the words say what could
    not be done and that nothing was changed. SQLite's own text is kept as `sqlite`.
    """
    text = str(exc).lower()
    alone, after = next(((alone, after) for markers, alone, after in _CODES
                         if any(m in text for m in markers)),
                        ("sql.reported", "sql.action_reported"))
    if action:
        return DatabaseError(after, action=action, sqlite=str(exc))
    return DatabaseError(alone, sqlite=str(exc))
