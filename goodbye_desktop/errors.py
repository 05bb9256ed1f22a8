"""The app's own exceptions: every error a user can cause is one of these.

They are caught at the edge (a dialog in the UI, one line and exit status 2 on the
command line) and never shown as a traceback.
"""


class GoodbyeError(Exception):
    """Base of every error a user can cause; its message is meant to be shown as is."""


class DatabaseError(GoodbyeError):
    """The database file cannot be opened, is damaged, locked or too new."""


class SchemaTooNewError(DatabaseError):
    """The file was written by a newer version of the program; we refuse to touch it."""


class ValidationError(GoodbyeError):
    """Input that does not make sense. `field` names where, so forms can show it there."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


class NotFoundError(GoodbyeError):
    """A record the user asked for does not exist."""


class TemplateError(ValidationError):
    """A letter template with an unknown placeholder or broken syntax."""


class ImportFormatError(GoodbyeError):
    """A CSV file that cannot be read: the message names the file, row and column."""
