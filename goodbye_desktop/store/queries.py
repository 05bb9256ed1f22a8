"""Named read queries the rest of the app asks for; aggregates are done in SQL.

The client list asks for the ids that match (the order from SQL once per sort and
filter, the search narrowed in memory by client_index) and then for the rows it
shows, a page at a time, as they scroll in.
Rows come back as plain tuples: loading 100,000 model objects costs five times more.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from goodbye_desktop import clock
from goodbye_desktop.core import client_figures
from goodbye_desktop.errors import ValidationError
from goodbye_desktop.store.choices import CLIENT_STATUSES
from goodbye_desktop.store.client_index import OrderedIds, client_index
from goodbye_desktop.store.connection import current, is_open
from goodbye_desktop.store.sql_values import as_date, as_datetime

LIST_SORT_KEYS = ("name", "status", "revenue", "tenure", "last_contact")

# Each sort key is an SQL expression over the client table; `?` is today's date.
_SORT_SQL = {
    "name": "sort_name",
    "status": "status",
    "revenue": "revenue_12m_cents",
    # To the last day when one is set, else to today (core.client_figures.tenure_end).
    "tenure": "julianday(COALESCE(ended_on, ?)) - julianday(started_on)",
    "last_contact": "last_contact_at",
}


_NULLABLE = ("tenure", "last_contact")


@dataclass(frozen=True)
class ClientFilter:
    """What the client list shows: a search text, a status, archived or not, an order."""

    search: str = ""
    status: str | None = None  # one of CLIENT_STATUSES, or None for every status
    include_archived: bool = False
    sort_key: str = "name"
    descending: bool = False


@dataclass(frozen=True)
class ClientRow:
    """One line of the client list, as plain values."""

    id: int
    name: str
    status: str
    revenue_12m_cents: int
    started_on: date | None
    ended_on: date | None
    last_contact_at: datetime | None
    archived: bool

    def tenure_days(self, today: date) -> int | None:
        return client_figures.tenure_days(self.started_on, self.ended_on, today)


def _where(flt: ClientFilter) -> tuple[str, list[Any]]:
    clauses, params = [], []
    if not flt.include_archived:
        clauses.append("archived = 0")
    if flt.status:
        if flt.status not in CLIENT_STATUSES:
            raise ValidationError("list.unknown_status", field="status", status=flt.status,
                                  statuses=CLIENT_STATUSES)
        clauses.append("status = ?")
        params.append(flt.status)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _count_sql(flt: ClientFilter) -> tuple[str, list[Any]]:
    if not flt.include_archived and not flt.status:
        # The list as it opens. Counting `archived = 0` reads every entry of an index
        # (40 ms at 100,000 clients); the whole table's count and the few archived
        # ones are quick (7 ms), and give the same number.
        return ("SELECT (SELECT count(*) FROM client)"
                " - (SELECT count(*) FROM client WHERE archived > 0)"
                " - (SELECT count(*) FROM client WHERE archived < 0)"), []
    where, params = _where(flt)
    return f"SELECT count(*) FROM client{where}", params


def ordered_ids_sql(flt: ClientFilter, today: date) -> tuple[str, list[Any]]:
    """The SQL (and its parameters) for the list's ids in order, before any search."""
    if flt.sort_key not in _SORT_SQL:
        raise ValidationError("list.unknown_sort", field="sort", key=flt.sort_key,
                              keys=tuple(LIST_SORT_KEYS))
    where, params = _where(flt)
    order = _SORT_SQL[flt.sort_key]
    if "?" in order:
        params = [today.isoformat(), *params]
        select = f"SELECT id, {order} AS k FROM client"
        order = "k"
    else:
        select = "SELECT id FROM client"
    direction = "DESC" if flt.descending else "ASC"
    if flt.sort_key == "name":
        # Exactly the index's order, so SQLite reads it without sorting anything.
        return f"{select}{where} ORDER BY sort_name {direction}, id {direction}", params
    # Empty values sort last in either direction; the name, then the id, break ties.
    nulls_last = f"({order}) IS NULL, " if flt.sort_key in _NULLABLE else ""
    sql = (f"{select}{where} ORDER BY {nulls_last}{order} {direction}, "
           f"sort_name {direction}, id")
    return sql, params


def client_ids(flt: ClientFilter, today: date | None = None) -> Sequence[int]:
    """The ids of the clients the list shows, in the order it shows them.

    The order comes from SQL once per sort and filter, read a page at a time until a
    search needs it whole; the search narrows it in memory (see client_index), so a
    keystroke costs no scan of the client table.
    """
    today = today or clock.today()
    sql, params = ordered_ids_sql(flt, today)
    count_sql, count_params = _count_sql(flt)

    def load() -> OrderedIds:
        return OrderedIds(sql, params, count_sql, count_params)

    key = (sql, tuple(params))
    return client_index().ids(key, load, flt.search)


def database_is_open() -> bool:
    return is_open()


def prepare_search(flt: ClientFilter | None = None, today: date | None = None) -> None:
    """Read the search texts ahead of the first keystroke, off the calling thread.

    With `flt` (what the list shows), its order is read ahead too, so the first keystroke
    only filters.
    """
    if flt is None:
        client_index().warm_up()
        return
    sql, params = ordered_ids_sql(flt, today or clock.today())
    client_index().warm_up((sql, tuple(params)))


def client_rows(ids: list[int]) -> dict[int, ClientRow]:
    """The list's columns for the given ids (a page of the list)."""
    if not ids:
        return {}
    result: dict[int, ClientRow] = {}
    # SQLite limits the number of bound parameters; 500 is far below every build's limit.
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        cursor = current().execute(
            "SELECT id, name, status, revenue_12m_cents, started_on, ended_on, last_contact_at,"
            f" archived FROM client WHERE id IN ({marks})",
            chunk,
        )
        for row in cursor.fetchall():
            result[row[0]] = ClientRow(
                id=row[0], name=row[1], status=row[2], revenue_12m_cents=row[3],
                started_on=as_date(row[4]), ended_on=as_date(row[5]),
                last_contact_at=as_datetime(row[6]), archived=bool(row[7]),
            )
    return result


def client_list(flt: ClientFilter, today: date | None = None) -> list[ClientRow]:
    """Every row the list would show, in order (for the command line and exports)."""
    ids = list(client_ids(flt, today))
    rows = client_rows(ids)
    return [rows[i] for i in ids]


def profile_currency() -> str:
    """The currency the owner bills in (ISO code), for showing amounts."""
    row = current().execute("SELECT currency FROM business_profile WHERE id = 1").fetchone()
    return (row[0] if row else "") or "EUR"


def profile_locale() -> str:
    """The owner's locale from the business profile ("en_GB"), for dates and amounts."""
    row = current().execute("SELECT locale FROM business_profile WHERE id = 1").fetchone()
    return (row[0] if row else "") or "en_GB"


def count_clients(include_archived: bool = True) -> int:
    if include_archived:
        return current().execute("SELECT count(*) FROM client").fetchone()[0]
    return current().execute(_count_sql(ClientFilter())[0]).fetchone()[0]


def has_clients() -> bool:
    """Whether the file holds any client at all, archived ones included (no count)."""
    return bool(current().execute("SELECT EXISTS (SELECT 1 FROM client)").fetchone()[0])
