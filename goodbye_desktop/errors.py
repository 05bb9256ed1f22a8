"""The app's own exceptions: every error a user can cause is one of these.

Each carries a `code` (a short stable name such as "client.name_required"), the `field`
it is about (or None) and the plain `values` its words need (names, paths, line
numbers, limits). The words themselves live in `goodbye_desktop.error_words`: `str()`
gives the English (the command line prints it, logs keep it), and the window words the
same code through Qt's translation (`ui/error_text.py`). They are caught at the edge (a
dialog in the UI, one line and exit status 2 on the command line) and never shown as a
traceback.
"""

from __future__ import annotations

from typing import Any

from goodbye_desktop.error_words import ERROR_WORDS, SAID, english


class GoodbyeError(Exception):
    """Base of every error a user can cause.

    `GoodbyeError("db.busy", path=path)` names its words by code. A caller that has
    worded its message already (the window, through `tr()`) may pass the words instead
    of a code: they are kept as they are, under the code "said".
    """

    def __init__(self, code: str, field: str | None = None, **values: Any) -> None:
        if code not in ERROR_WORDS:
            code, values = SAID, {"text": code}
        super().__init__(code)
        self.code = code
        self.field = field
        self.values: dict[str, Any] = values

    def __str__(self) -> str:
        return english(self.code, self.values)

    @property
    def message(self) -> str:
        """The English words (the same as `str()`)."""
        return str(self)


class DatabaseError(GoodbyeError):
    """The database file cannot be opened, is damaged, locked or too new."""


class SchemaTooNewError(DatabaseError):
    """The file was written by a newer version of the program; we refuse to touch it."""


class ValidationError(GoodbyeError):
    """Input that does not make sense. `field` names where, so forms can show it there."""


class NotFoundError(GoodbyeError):
    """A record the user asked for does not exist."""


class TemplateError(ValidationError):
    """A letter template with an unknown placeholder or broken syntax."""


class ImportFormatError(GoodbyeError):
    """A CSV file that cannot be read: the values name the file, row and column."""


class BadValueError(GoodbyeError, ValueError):
    """A cell or argument that cannot be read as the value it should hold.

    A `ValueError` as well, so that the readers of values stay usable wherever a plain
    `ValueError` is expected; the importer keeps it as one row's problem.
    """
