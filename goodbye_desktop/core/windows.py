"""What each time window of the figures and warning signs means, defined once.

Every figure that speaks of "the last 12 months", "the last 3 months" or "the last 90
days" takes its window from here: the client list's revenue column, the client header,
the departure's assessment, the warning signs, the letters and the dashboard. Each
window has an upper bound: nothing dated after today counts (revenue entered ahead for
next year, a meeting logged for next week). The README's "Time windows" section says
the same in words.

- **The last 12 months**: from the first day of the month eleven months before this one,
  through today. The current month counts as far as it has gone, so revenue billed this
  month shows at once; for monthly revenue that is this month and the eleven before.
- **Revenue decline** compares the last 3 *complete* months (this month is not over, and
  is seldom billed yet) with the 3 months before them.
- **Complaints**: from the same date 90 days ago through today.
- **Contact turnover**: the primary contact left within the 180 days up to today.
- **A year's last 12 months** (the dashboard): for a past year, the 12 months ending on
  31 December; for the current year, the last 12 months as above.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

COMPLAINT_DAYS = 90
TURNOVER_DAYS = 180


@dataclass(frozen=True)
class Window:
    """A span of days, both ends included."""

    first: date
    last: date

    def __contains__(self, day: date) -> bool:
        return self.first <= day <= self.last

    @property
    def after_last(self) -> date:
        """The day after the window: an exclusive bound for times of day (`< after_last`)."""
        return self.last + timedelta(days=1)

    @property
    def first_month(self) -> date:
        """The first day of the window's first month (monthly figures such as revenue)."""
        return self.first.replace(day=1)

    @property
    def last_month(self) -> date:
        """The first day of the window's last month."""
        return self.last.replace(day=1)


def add_months(day: date, months: int) -> date:
    """The same day `months` later (negative: earlier), or the month's last day when it is
    shorter (31 January + 1 month = 28 or 29 February); the 1st stays the 1st."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def month_end(day: date) -> date:
    """The last day of `day`'s month."""
    return add_months(day.replace(day=1), 1) - timedelta(days=1)


def last_12_months(today: date) -> Window:
    """This month (through today) and the eleven months before it."""
    return Window(add_months(today.replace(day=1), -11), today)


def last_3_complete_months(today: date) -> Window:
    """The three whole months before this one."""
    this_month = today.replace(day=1)
    return Window(add_months(this_month, -3), this_month - timedelta(days=1))


def previous_3_complete_months(today: date) -> Window:
    """The three whole months before `last_3_complete_months`."""
    this_month = today.replace(day=1)
    return Window(add_months(this_month, -6), add_months(this_month, -3) - timedelta(days=1))


def complaint_window(today: date) -> Window:
    """From the same date 90 days ago through today."""
    return Window(today - timedelta(days=COMPLAINT_DAYS), today)


def turnover_window(today: date) -> Window:
    """From the same date 180 days ago through today."""
    return Window(today - timedelta(days=TURNOVER_DAYS), today)


def year_last_12_months(year: int, today: date) -> Window:
    """The 12 months that end with year `year`: on 31 December, or today for this year."""
    return last_12_months(min(date(year, 12, 31), today))
