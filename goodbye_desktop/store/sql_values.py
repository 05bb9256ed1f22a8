"""Dates as SQLite hands them back (ISO text, or already converted), made Python values."""

from datetime import date, datetime
from typing import Any


def as_date(value: Any) -> date | None:
    """A date from a DATE or DATETIME column; None for NULL or empty text."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def as_datetime(value: Any) -> datetime | None:
    """A datetime from a DATETIME column (a bare date is taken at midnight)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime.combine(value, datetime.min.time())
    return datetime.fromisoformat(str(value))
