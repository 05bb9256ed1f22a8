"""Deleting a client for good: what goes with it, and the backup made first.

Archiving is the normal way to put a client away. A real delete removes the client and,
through the schema's cascades, every record that belongs to it; it is only done after a
backup of the whole database has been written and checked, so it can always be undone
by a restore.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from goodbye_desktop.errors import NotFoundError
from goodbye_desktop.store import backup, connection
from goodbye_desktop.store.transaction import user_action

# Table -> the words for its rows, in the order they are listed.
_BELONGINGS = (
    ("contact", "contact", "contacts"),
    ("interaction", "interaction", "interactions"),
    ("document", "letter", "letters"),
    ("revenue", "month of revenue", "months of revenue"),
    ("proposal", "proposal", "proposals"),
    ("promise", "promise", "promises"),
    ("departure", "departure", "departures"),
)


@dataclass(frozen=True)
class Belongings:
    """A client and the count of each kind of record that would go with it."""

    client_id: int
    name: str
    counts: dict[str, int]

    def describe(self) -> str:
        parts = [f"{n} {one if n == 1 else many}" for table, one, many in _BELONGINGS
                 if (n := self.counts.get(table, 0))]
        with_it = ", ".join(parts) if parts else "no other records"
        return f"{self.name}: the client and {with_it} will be deleted."


def what_goes_with(client_id: int) -> Belongings:
    conn = connection.current()
    row = conn.execute("SELECT name FROM client WHERE id = ?", (client_id,)).fetchone()
    if row is None:
        raise NotFoundError("client.not_found", client_id=client_id)
    counts = {table: conn.execute(f"SELECT count(*) FROM {table} WHERE client_id = ?",
                                  (client_id,)).fetchone()[0]
              for table, _one, _many in _BELONGINGS}
    return Belongings(client_id, row[0], counts)


def delete_client(client_id: int) -> Path:
    """Back up the database, then delete the client and all it holds; the backup's path."""
    what_goes_with(client_id)  # NotFoundError before any backup is made
    made = backup.make_backup("before-delete")
    with user_action("client.delete"):
        connection.current().execute("DELETE FROM client WHERE id = ?", (client_id,))
    return made
