"""A client's own figures (DOMAIN.md section 2), over plain values: tenure and revenue per hour.

The client list, the client's header, the departure's assessment, the Departed page, the
command line and the letters all take these from here, so the same client shows the same
tenure and the same rate everywhere.
"""

from __future__ import annotations

from datetime import date


def whole_months(start: date, end: date) -> int:
    """Complete months from `start` to `end` (0 when `end` is before `start`)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day:
        months -= 1
    return max(months, 0)


def tenure_end(ended_on: date | None, today: date) -> date:
    """The day a tenure is counted to: the last day when one is set (a departing client's
    tenure is the length of the whole relationship), else today."""
    return ended_on if ended_on is not None else today


def tenure_months(started_on: date | None, ended_on: date | None, today: date) -> int | None:
    """Whole months with the business, to the last day or today; None without a start."""
    if started_on is None:
        return None
    return whole_months(started_on, tenure_end(ended_on, today))


def tenure_days(started_on: date | None, ended_on: date | None, today: date) -> int | None:
    """Days with the business, to the last day or today; None without a start."""
    if started_on is None:
        return None
    return max((tenure_end(ended_on, today) - started_on).days, 0)


def revenue_per_hour_cents(revenue_cents: int, minutes: int) -> int | None:
    """Revenue / (minutes / 60) in whole cents, rounded half up; None without time spent."""
    if minutes <= 0:
        return None
    return (revenue_cents * 60 * 2 + minutes) // (2 * minutes)
