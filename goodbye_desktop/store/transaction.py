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

# The constraint SQLite names -> our code; SQLite's own text stays a value.
_CONSTRAINTS = (
    ("FOREIGN KEY", "action.foreign_key"),
    ("UNIQUE", "action.unique"),
    ("NOT NULL", "action.not_null"),
    ("CHECK", "action.check"),
)


@contextmanager
def user_action(action: str) -> Iterator[None]:
    """Run the body as one transaction; `action` (a code of `error_words.PHRASES["action"]`)
    says in messages what could not be done."""
    try:
        with database_proxy.atomic():
            yield
    except (peewee.IntegrityError, sqlite3.IntegrityError) as exc:
        code = next((code for marker, code in _CONSTRAINTS if marker in str(exc)),
                    "action.constraint")
        raise ValidationError(code, action=action, sqlite=str(exc)) from exc
    except (peewee.DatabaseError, sqlite3.DatabaseError) as exc:
        # Locked, read-only, full or damaged: worded, never a traceback.
        raise explain(exc, action) from exc
