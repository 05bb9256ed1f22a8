"""Promises coming due: how many are due today, overdue, and due in the next seven days.

A promise is overdue when its due time has passed and it is still open (neither done nor
cancelled); `next_7_days` counts the open ones due from now up to seven days ahead;
`due_today` the open ones due later today.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from goodbye_desktop.store.connection import current


def promise_counts(now: datetime) -> dict[str, int]:
    """{"due_today", "overdue", "next_7_days"} at `now` (the records' local wall time)."""
    wall = now.replace(tzinfo=None, microsecond=0)
    end_of_day = datetime.combine(wall.date() + timedelta(days=1), time(0, 0))
    week = wall + timedelta(days=7)
    stamp = (wall.isoformat(sep=" "), end_of_day.isoformat(sep=" "), week.isoformat(sep=" "))
    overdue, today, week_count = current().execute(
        "SELECT coalesce(sum(due_at < :now), 0),"
        " coalesce(sum(due_at >= :now AND due_at < :eod), 0),"
        " coalesce(sum(due_at >= :now AND due_at <= :week), 0)"
        " FROM promise WHERE done_at IS NULL AND cancelled_at IS NULL AND due_at <= :week",
        {"now": stamp[0], "eod": stamp[1], "week": stamp[2]}).fetchone()
    return {"due_today": today, "overdue": overdue, "next_7_days": week_count}
