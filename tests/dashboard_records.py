"""Small businesses for the dashboard's tests, written through the store (departures in SQL,
as the wizard leaves them: the client's end date is the open departure's last day)."""

from __future__ import annotations

from datetime import date, datetime

from goodbye_desktop import clock
from goodbye_desktop.store import records
from goodbye_desktop.store.connection import current, transaction


def client(name: str, started_on: date | None, status: str = "active", **fields) -> int:
    return records.create_client(name=name, started_on=started_on, status=status, **fields)


def depart(client_id: int, last_day: date, *, state: str = "decided",
           returned_on: date | None = None, reasons: tuple[str, ...] = ("price",),
           ended_by: str = "client", kind: str = "", lessons: str = "") -> int:
    """A departure as the wizard and the departure tab leave it."""
    stamp = clock.local_now().isoformat(sep=" ")
    with transaction() as db:
        did = db.execute(
            "INSERT INTO departure (client_id, state, ended_by, kind, decided_on, effective_on,"
            " returned_on, lessons, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (client_id, state, ended_by, kind, last_day.isoformat(), last_day.isoformat(),
             returned_on.isoformat() if returned_on else None, lessons, stamp, stamp)
        ).lastrowid
        for reason in reasons:
            db.execute("INSERT INTO departure_reason (departure_id, reason) VALUES (?, ?)",
                       (did, reason))
        if state == "decided":
            status = "departed" if last_day <= clock.today() else "departing"
            db.execute("UPDATE client SET status = ?, ended_on = ? WHERE id = ?",
                       (status, last_day.isoformat(), client_id))
        else:
            status = "returned" if state == "won_back" else "active"
            db.execute("UPDATE client SET status = ?, ended_on = NULL WHERE id = ?",
                       (status, client_id))
    return did


def revenue(client_id: int, first: date, months: int, cents: int) -> None:
    """`cents` in each of `months` months from `first`."""
    index = first.year * 12 + first.month - 1
    for n in range(months):
        records.set_revenue(client_id, date((index + n) // 12, (index + n) % 12 + 1, 1), cents)


def minutes(client_id: int, when: datetime, spent: int) -> None:
    records.add_interaction(client_id, when, "meeting", minutes=spent)


def count(table: str) -> int:
    return current().execute(f"SELECT count(*) FROM {table}").fetchone()[0]
