"""One transaction per user action, with database errors turned into the app's own.

A constraint the forms did not catch (a duplicate, a date out of order, a row
that points nowhere) comes back as a `ValidationError` that says what failed;
a locked or damaged file as a `DatabaseError`. Either way the transaction is
rolled back whole, so nothing is left half-written.
"""

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

import peewee

from goodbye_desktop.errors import ValidationError
from goodbye_desktop.store.models import database_proxy
from goodbye_desktop.store.sql_errors import explain

_EXPLAINED = (
    ("FOREIGN KEY", "it refers to a record that does not exist (any more)"),
    ("UNIQUE", "the same record already exists"),
    ("NOT NULL", "a required value is missing"),
    ("CHECK", "a value is out of range or in the wrong order"),
)


def _explain(exc: Exception) -> str:
    text = str(exc)
    for marker, words in _EXPLAINED:
        if marker in text:
            return words
    return text


@contextmanager
def user_action(what: str) -> Iterator[None]:
    """Run the body as one transaction; `what` completes "Could not …" in messages."""
    try:
        with database_proxy.atomic():
            yield
    except (peewee.IntegrityError, sqlite3.IntegrityError) as exc:
        raise ValidationError(
            f"Could not {what}: {_explain(exc)}. Nothing was changed.") from exc
    except (peewee.DatabaseError, sqlite3.DatabaseError) as exc:
        # Locked, read-only, full or damaged: worded, never a traceback.
        raise explain(exc, what, "Nothing was changed.") from exc
