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


def build_small_business() -> dict[str, int]:
    """Nine clients of one studio, as of 25 November 2026 (see each line)."""
    ids = {}
    # Alder: with us since 2020, throughout.
    ids["alder"] = client("Alder", date(2020, 3, 1))
    # Birch: left on 31 March 2026 (price), a scattered client the owner did not let go.
    ids["birch"] = client("Birch", date(2021, 6, 1))
    depart(ids["birch"], date(2026, 3, 31), reasons=("price",), kind="scattered")
    # Cedar: started and left within 2026, needs fulfilled (unavoidable).
    ids["cedar"] = client("Cedar", date(2026, 2, 1))
    depart(ids["cedar"], date(2026, 8, 31), reasons=("needs_fulfilled",), kind="fulfilled")
    # Damson: left in June 2025, came back on 1 April 2026.
    ids["damson"] = client("Damson", date(2019, 1, 10))
    depart(ids["damson"], date(2025, 6, 30), state="won_back", returned_on=date(2026, 4, 1))
    # Elder: came back twice; the second leaving (January 2026) counts as lost in 2026.
    ids["elder"] = client("Elder", date(2018, 5, 1))
    depart(ids["elder"], date(2024, 1, 31), state="won_back", returned_on=date(2024, 7, 1))
    depart(ids["elder"], date(2026, 1, 15), state="won_back", returned_on=date(2026, 6, 15),
           reasons=("service",), ended_by="owner")
    # Fir: a prospect, never a client.
    ids["fir"] = client("Fir", None, status="prospect")
    # Gorse: leaving on 20 December, still ahead: not lost yet.
    ids["gorse"] = client("Gorse", date(2022, 1, 1))
    depart(ids["gorse"], date(2026, 12, 20))
    # Holly: a departure that was undone.
    ids["holly"] = client("Holly", date(2023, 1, 1))
    depart(ids["holly"], date(2026, 5, 31), state="undone")
    # Ivy: new in October, no revenue at all.
    ids["ivy"] = client("Ivy", date(2026, 10, 1))
    records.set_archived([ids["ivy"]], True)  # archived clients still count

    # Revenue: Birch 50.00 a month April 2025 to March 2026 except December (11 months),
    # Cedar 200.00 a month February to August 2026, Alder 300.00 a month in 2026.
    revenue(ids["birch"], date(2025, 4, 1), 8, 5000)
    revenue(ids["birch"], date(2026, 1, 1), 3, 5000)
    revenue(ids["cedar"], date(2026, 2, 1), 7, 20000)
    revenue(ids["alder"], date(2026, 1, 1), 11, 30000)
    # Minutes of the last 12 months (December 2025 to today).
    minutes(ids["alder"], datetime(2026, 3, 2, 10), 300)
    minutes(ids["damson"], datetime(2026, 5, 4, 10), 100)
    minutes(ids["elder"], datetime(2026, 7, 6, 10), 100)
    minutes(ids["gorse"], datetime(2026, 9, 7, 10), 50)
    minutes(ids["holly"], datetime(2026, 11, 24, 10), 50)
    minutes(ids["holly"], datetime(2025, 11, 30, 10), 999)  # before the window
    return ids
