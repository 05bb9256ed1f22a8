"""Promises that are due: overdue, due today and in the next seven days (the Due view).

Rules (the dashboard's `promises` keys follow them):
- a promise is open while it is neither done nor cancelled;
- *overdue*: open, and its due time has passed;
- *due today*: open, due later today;
- *next 7 days*: open, due from now to seven days ahead (so it includes the rest of today).
Departure follow-ups are promises, so they are here too. The records hold the owner's
local wall-clock time, so `now` (aware) is compared as local wall time. One query over
the partial index of open promises (named: the planner would rather take the index on
every promise's due time and read each row); plain SQL, no ORM.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from goodbye_desktop.store.connection import current
from goodbye_desktop.store.sql_values import as_datetime

WEEK = timedelta(days=7)
_OPEN = "p.done_at IS NULL AND p.cancelled_at IS NULL"


@dataclass(frozen=True)
class DuePromise:
    """One line of the Due view."""

    id: int
    client_id: int
    client_name: str
    description: str
    due_at: datetime  # the owner's local wall-clock time
    channel: str
    group: str  # one of vocabulary.DUE_GROUPS: overdue, today, week
    departure_id: int | None = None


def _wall(now: datetime) -> datetime:
    """`now` as the owner's local wall-clock time, the way the records hold times."""
    if now.tzinfo is not None:
        now = now.astimezone().replace(tzinfo=None)
    return now.replace(microsecond=0)


def _text(moment: datetime) -> str:
    return moment.isoformat(sep=" ")


def promise_counts(now: datetime) -> dict[str, int]:
    """`due_today`, `overdue` and `next_7_days` as of `now` (see the rules above)."""
    wall = _wall(now)
    end_of_day = datetime.combine(wall.date() + timedelta(days=1), time(0, 0))
    overdue, today, week = current().execute(
        f"SELECT coalesce(sum(p.due_at < ?), 0), "
        f"coalesce(sum(p.due_at >= ? AND p.due_at < ?), 0), "
        f"coalesce(sum(p.due_at >= ? AND p.due_at <= ?), 0) "
        f"FROM promise p INDEXED BY promise_open_due WHERE {_OPEN} AND p.due_at <= ?",
        (_text(wall), _text(wall), _text(end_of_day), _text(wall), _text(wall + WEEK),
         _text(wall + WEEK))).fetchone()
    return {"due_today": today, "overdue": overdue, "next_7_days": week}


def due_promises(now: datetime) -> list[DuePromise]:
    """Open promises overdue or due within seven days of `now`: overdue first, then by time."""
    wall = _wall(now)
    end_of_day = datetime.combine(wall.date() + timedelta(days=1), time(0, 0))
    rows = current().execute(
        f"SELECT p.id, p.client_id, c.name, p.description, p.due_at, p.channel, "
        f"p.departure_id FROM promise p INDEXED BY promise_open_due "
        f"JOIN client c ON c.id = p.client_id "
        f"WHERE {_OPEN} AND p.due_at <= ? ORDER BY p.due_at, p.id",
        (_text(wall + WEEK),))
    result = []
    for pid, client_id, name, description, due_at, channel, departure_id in rows:
        due = as_datetime(due_at)
        group = "overdue" if due < wall else "today" if due < end_of_day else "week"
        result.append(DuePromise(pid, client_id, name, description, due, channel, group,
                                 departure_id))
    return result


def open_promises() -> list[DuePromise]:
    """Every open promise, whenever due (the calendar export), soonest first."""
    return [DuePromise(pid, client_id, name, description, as_datetime(due_at), channel, "",
                       departure_id)
            for pid, client_id, name, description, due_at, channel, departure_id
            in current().execute(
                f"SELECT p.id, p.client_id, c.name, p.description, p.due_at, p.channel, "
                f"p.departure_id FROM promise p JOIN client c ON c.id = p.client_id "
                f"WHERE {_OPEN} ORDER BY p.due_at, p.id")]


def promise_moments(client_ids: list[int]) -> dict[int, list[tuple]]:
    """(due_at, done_at, cancelled_at) of every promise of these clients, for the ledger."""
    found: dict[int, list[tuple]] = {client_id: [] for client_id in client_ids}
    for start in range(0, len(client_ids), 500):
        part = client_ids[start:start + 500]
        marks = ",".join("?" * len(part))
        for client_id, due_at, done_at, cancelled_at in current().execute(
                f"SELECT client_id, due_at, done_at, cancelled_at FROM promise "
                f"WHERE client_id IN ({marks})", part):
            found[client_id].append((as_datetime(due_at), as_datetime(done_at),
                                     as_datetime(cancelled_at)))
    return found


def calendar_id() -> str:
    """This file's own calendar id (made on first use), part of every event's UID."""
    import uuid

    from goodbye_desktop.store.connection import transaction

    with transaction() as conn:
        conn.execute("INSERT OR IGNORE INTO app_meta (key, value) VALUES ('calendar_id', ?)",
                     (uuid.uuid4().hex,))
        return conn.execute("SELECT value FROM app_meta WHERE key = 'calendar_id'").fetchone()[0]
