"""Writing an import: checked plain rows in, one transaction, the derived figures after.

The rows were checked by exchange.importer; this writes them with plain SQL in batches
(so 100,000 clients take seconds), calls `progress(done, total)` between batches and
stops, rolling everything back, when `cancelled()` says so. Then the affected clients'
derived columns (search and sort text, last contact, revenue and minutes of the last 12
months) are recomputed, set-based, in the same transaction. With `own_connection` the work runs
on a connection of its own, so that the window's thread keeps its connection.
"""

from __future__ import annotations

import gc
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from goodbye_desktop import clock
from goodbye_desktop.core.windows import last_12_months
from goodbye_desktop.errors import GoodbyeError
from goodbye_desktop.store import connection
from goodbye_desktop.store.folding import fold
from goodbye_desktop.store.sql_errors import explain
from goodbye_desktop.store.upkeep import stored_minutes_window

BATCH = 5000


class ImportCancelledError(GoodbyeError):
    """The owner stopped the import; nothing was written."""


@dataclass
class ExistingIndex:
    """What an import compares its rows with: every client's name and contact emails."""

    names: dict[int, str] = field(default_factory=dict)
    by_name: dict[str, list[int]] = field(default_factory=dict)  # folded name -> ids
    by_email: dict[str, int] = field(default_factory=dict)  # lower-case email -> client id


@dataclass
class ImportResult:
    added: dict[str, int] = field(default_factory=dict)  # table -> rows added
    merged: int = 0
    skipped: int = 0

    def describe(self) -> str:
        parts = [f"{n} {table}" for table, n in self.added.items() if n]
        text = "Imported " + (", ".join(parts) if parts else "nothing new")
        if self.merged:
            text += f"; {self.merged} merged into clients you had"
        if self.skipped:
            text += f"; {self.skipped} skipped as already there"
        return text + "."


@contextmanager
def paused_gc() -> Iterator[None]:
    """Python's cycle collector paused for a big import: the rows, records and batches
    are a million small dictionaries and tuples, none of them in a cycle, and the
    collector's passes over them (each over everything still held) cost a fifth of the
    import. Nothing is lost: it runs again at the end."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def reading_connection() -> sqlite3.Connection:
    """A connection of its own on the open database, for a worker thread."""
    conn = sqlite3.connect(connection.current_path(), isolation_level=None,
                           check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


def existing_index(conn: sqlite3.Connection | None = None) -> ExistingIndex:
    conn = conn or connection.current()
    index = ExistingIndex()
    for cid, name, sort_name in conn.execute("SELECT id, name, sort_name FROM client"):
        index.names[cid] = name
        index.by_name.setdefault(sort_name or fold(name), []).append(cid)
    for cid, email in conn.execute("SELECT client_id, lower(email) FROM contact "
                                   "WHERE email != ''"):
        index.by_email.setdefault(email, cid)
    return index


class _Writer:
    def __init__(self, conn: sqlite3.Connection, total: int,
                 progress: Callable[[int, int], None] | None,
                 cancelled: Callable[[], bool] | None) -> None:
        self.conn, self.total, self.done = conn, total, 0
        self.progress, self.cancelled = progress, cancelled
        self.now = clock.local_now().isoformat(sep=" ")
        self.touched: set[int] = set()
        self.result = ImportResult()

    def step(self, count: int) -> None:
        self.done += count
        if self.cancelled and self.cancelled():
            raise ImportCancelledError("import.cancelled")
        if self.progress:
            self.progress(self.done, self.total)

    def add(self, table: str, count: int) -> None:
        self.result.added[table] = self.result.added.get(table, 0) + count

    def many(self, label: str, table: str, sql: str, rows: Iterable[tuple],
             count: int) -> None:
        """Insert the `count` `rows` into `table` (made as they are needed: no second copy
        of a big import)."""
        rows = iter(rows)
        with _indexes_rebuilt_after(self.conn, table, count):
            while chunk := list(islice(rows, BATCH)):
                self.conn.executemany(sql, chunk)
                self.add(label, len(chunk))
                self.step(len(chunk))


_CLIENT_COLS = ("name", "is_person", "status", "started_on", "ended_on", "address", "notes",
                "tags", "source", "acquired_on", "acquirer", "keep_in_touch", "archived")


_DATES = {"started_on", "ended_on", "acquired_on"}


def _iso(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def _clients(w: _Writer, records: list[dict], matched: dict[int, int], merge: bool) -> None:
    taken = {cid for (cid,) in w.conn.execute("SELECT id FROM client")}
    # The derived text is written with the row: a new client has no contacts yet.
    insert = ("INSERT INTO client (id, name, is_person, status, started_on, ended_on, address, "
              "notes, tags, source, acquired_on, acquirer, keep_in_touch, archived, sort_name, "
              "search_text, created_at, updated_at) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
    rows, updates = [], []
    folded_tags: dict[str, str] = {}  # tags repeat from client to client
    now = w.now
    for r in records:
        if matched and r["line"] in matched:
            if merge:
                updates.append((r, matched[r["line"]]))
            else:
                w.result.skipped += 1
            continue
        wanted = r.get("client_id")
        cid = wanted if wanted and wanted not in taken else None
        if cid:
            taken.add(cid)
        sort_name = r.get("folded") or fold(r["name"])
        tags = r["tags"]
        if tags:
            if tags not in folded_tags:
                folded_tags[tags] = fold(tags)
            search = f"{sort_name}\n{folded_tags[tags]}"
        else:
            search = sort_name
        started, ended, acquired = r["started_on"], r["ended_on"], r["acquired_on"]
        rows.append((cid, r["name"], r["is_person"], r["status"],
                     started and started.isoformat(), ended and ended.isoformat(),
                     r["address"], r["notes"], tags, r["source"],
                     acquired and acquired.isoformat(), r["acquirer"], r["keep_in_touch"],
                     r["archived"], sort_name, search, now, now))
    with _indexes_rebuilt_after(w.conn, "client", len(rows)):
        for start in range(0, len(rows), BATCH):
            chunk = rows[start:start + BATCH]
            w.conn.executemany(insert, chunk)
            w.add("clients", len(chunk))
            w.step(len(chunk))
    for record, cid in updates:
        _merge_client(w, cid, record)


@contextmanager
def _indexes_rebuilt_after(conn: sqlite3.Connection, table: str, adding: int) -> Iterator[None]:
    """Inside the import's transaction: when the rows to add outnumber the table's own, its
    plain indexes are dropped and made again once the rows are in (one sort each instead
    of a hundred thousand scattered inserts: a third of the insert's time). Unique ones
    stay, to refuse a row as it comes. Rolled back with the import."""
    indexes = []
    if adding >= 10_000:
        have = conn.execute(f"SELECT count(*) FROM (SELECT 1 FROM {table} LIMIT ?)",
                            (adding,)).fetchone()[0]
        if have < adding:
            indexes = conn.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
                "AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'", (table,)).fetchall()
    for name, _sql in indexes:
        conn.execute(f'DROP INDEX "{name}"')
    yield
    for _name, sql in indexes:
        conn.execute(sql)


def _merge_client(w: _Writer, cid: int, record: dict) -> None:
    """Fill the existing client with the row's non-empty values (names stay as they are)."""
    fields = {c: _iso(record[c]) for c in _CLIENT_COLS if c != "name"
              and record.get(c) not in (None, "", False)}
    if fields:
        sets = ", ".join(f"{c} = ?" for c in fields)
        w.conn.execute(f"UPDATE client SET {sets}, updated_at = ? WHERE id = ?",
                       (*fields.values(), w.now, cid))
    w.touched.add(cid)
    w.result.merged += 1


def _book(w: _Writer, records: list[dict], matched: dict[int, int], merge: bool) -> None:
    """People of an address book: a client per organisation (or person), a contact each."""
    made: dict[str, int] = {}
    # Organisations matched and skipped: their other people are skipped too (the match is
    # found on an organisation's first row only), never made into a twin.
    skipped: set[str] = set()
    known = {(cid, email) for cid, email in w.conn.execute(
        "SELECT client_id, lower(email) FROM contact WHERE email != ''")}
    contacts = []
    for record in records:
        folded = fold(record["client_name"])
        cid = matched.get(record["line"]) or made.get(folded)
        if folded in skipped or (record["line"] in matched and not merge):
            skipped.add(folded)
            w.result.skipped += 1
            continue
        if record["line"] in matched:
            w.result.merged += 1
        elif cid is None:
            cid = w.conn.execute(
                "INSERT INTO client (name, is_person, status, address, notes, tags, "
                "created_at, updated_at) VALUES (?, ?, 'active', ?, ?, ?, ?, ?)",
                (record["client_name"], record["is_person"], record["address"],
                 record["notes"], record["tags"], w.now, w.now)).lastrowid
            w.add("clients", 1)
        made[folded] = cid
        w.touched.add(cid)
        if record["email"] and (cid, record["email"].lower()) in known:
            continue
        known.add((cid, record["email"].lower()))
        contacts.append((cid, record["name"], record["role"], record["email"],
                         record["phone"]))
        if len(contacts) % BATCH == 0:
            w.step(BATCH)
    w.conn.executemany('INSERT INTO contact (client_id, name, role, email, phone, "primary") '
                       "VALUES (?, ?, ?, ?, ?, 0)", contacts)
    w.add("contacts", len(contacts))
    # The first contact of a client that has no primary one becomes it.
    w.conn.execute('UPDATE contact SET "primary" = 1 WHERE id IN (SELECT MIN(id) FROM contact '
                   'GROUP BY client_id HAVING MAX("primary") = 0)')


def _children(w: _Writer, kind: str, records: list[dict], merge: bool) -> None:
    for record in records:
        w.touched.add(record["client_id"])
    if kind == "contacts":
        w.many("contacts", "contact", 'INSERT INTO contact (client_id, name, role, email, phone, '
               '"primary", left_on, new_employer) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
               ((r["client_id"], r["name"], r["role"], r["email"], r["phone"], r["primary"],
                 _iso(r["left_on"]), r["new_employer"]) for r in records), len(records))
    elif kind == "interactions":
        w.many("interactions", "interaction", "INSERT INTO interaction (client_id, "
               "occurred_at, kind, direction, minutes, summary, complaint) "
               "VALUES (?, ?, ?, ?, ?, ?, ?)",
               ((r["client_id"], r["occurred_at"].isoformat(sep=" "), r["kind"],
                 r["direction"], r["minutes"], r["summary"], r["complaint"])
                for r in records), len(records))
    elif kind == "revenue":
        # A month already recorded is replaced: the file is the newer word on it.
        rows = [(r["client_id"], r["month"].isoformat(), r["amount_cents"]) for r in records]
        w.conn.executemany("DELETE FROM revenue WHERE client_id = ? AND month = ?",
                           [row[:2] for row in rows])
        w.many("revenue months", "revenue", "INSERT INTO revenue (client_id, month, amount_cents) "
               "VALUES (?, ?, ?)", rows, len(rows))
    elif kind == "proposals":
        w.many("proposals", "proposal", "INSERT INTO proposal (client_id, title, sent_on, "
               "amount_cents, hourly_rate_cents, outcome, decided_on) "
               "VALUES (?, ?, ?, ?, ?, ?, ?)",
               ((r["client_id"], r["title"], _iso(r["sent_on"]), r["amount_cents"],
                 r["hourly_rate_cents"], r["outcome"], _iso(r["decided_on"]))
                for r in records), len(records))


# What each kind of record changes of its clients' derived columns: the search text
# (names, tags, contacts), the last contact and the 12-month minutes (interactions) and
# the 12-month revenue.
DERIVED = {
    "clients": ("texts",), "contacts": ("texts",),
    "interactions": ("last_contact", "minutes"), "revenue": ("revenue",), "proposals": (),
}


def refresh_derived(conn: sqlite3.Connection, client_ids: set[int],
                    parts: Iterable[str] = ("texts", "last_contact", "revenue", "minutes"),
                    ) -> None:
    """Recompute these clients' derived `parts` (of "texts", "last_contact", "revenue",
    "minutes")."""
    parts = set(parts)
    if not client_ids or not parts:
        return
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS import_touched (id INTEGER PRIMARY KEY)")
    conn.execute("DELETE FROM import_touched")
    conn.executemany("INSERT OR IGNORE INTO import_touched VALUES (?)",
                     [(cid,) for cid in sorted(client_ids)])
    if "texts" in parts:
        _refresh_texts(conn, sorted(client_ids))
    if "last_contact" in parts:
        conn.execute(
            "UPDATE client SET last_contact_at = (SELECT MAX(occurred_at) FROM interaction i "
            "WHERE i.client_id = client.id) WHERE id IN (SELECT id FROM import_touched)")
    if "revenue" in parts:
        # The window of today (the store moves every client's window on when the month
        # turns).
        window = last_12_months(clock.today())
        conn.execute(
            "UPDATE client SET revenue_12m_cents = COALESCE((SELECT SUM(amount_cents) FROM "
            "revenue r WHERE r.client_id = client.id AND r.month BETWEEN ? AND ?), 0) "
            "WHERE id IN (SELECT id FROM import_touched)",
            (window.first_month.isoformat(), window.last_month.isoformat()))
    minutes = stored_minutes_window(conn) if "minutes" in parts else None
    if minutes is not None:
        # The minutes of the window the column counts (upkeep moves it on; the import
        # held back the triggers that keep it row by row).
        conn.execute(
            "UPDATE client SET minutes_12m = COALESCE((SELECT SUM(minutes) FROM interaction i "
            "WHERE i.client_id = client.id AND i.occurred_at >= ? AND i.occurred_at < ?), 0) "
            "WHERE id IN (SELECT id FROM import_touched)", minutes)
    conn.execute("DELETE FROM import_touched")


def _refresh_texts(conn: sqlite3.Connection, ordered: list[int]) -> None:
    """Search and sort text from the name, the tags and the contacts (by id), as
    records.refresh_client makes them; the sort name is written only where it changed
    (it is indexed, the search text is not)."""
    folded: dict[str, str] = {}  # tags and people's names repeat from row to row
    # A batch of clients at a time, so that 100,000 clients' texts are never all held.
    for start in range(0, len(ordered), BATCH):
        if len(folded) > 50_000:
            folded.clear()
        low, high = ordered[start], ordered[min(start + BATCH, len(ordered)) - 1]
        texts: dict[int, list[str]] = {}
        renamed = []
        for cid, name, tags, sort_name in conn.execute(
                "SELECT c.id, c.name, c.tags, c.sort_name FROM client c JOIN import_touched t "
                "ON t.id = c.id WHERE c.id BETWEEN ? AND ?", (low, high)):
            folded_name = fold(name)  # (each client's own: nothing to remember)
            if folded_name != sort_name:
                renamed.append((folded_name, cid))
            if tags:
                folded_tags = folded.get(tags)
                if folded_tags is None:
                    folded_tags = folded[tags] = fold(tags)
                texts[cid] = [folded_name, folded_tags]
            else:
                texts[cid] = [folded_name]
        for cid, name, email in conn.execute(
                "SELECT x.client_id, x.name, x.email FROM contact x JOIN import_touched t "
                "ON t.id = x.client_id WHERE x.client_id BETWEEN ? AND ? "
                "ORDER BY x.client_id, x.id", (low, high)):
            text = texts[cid]
            if name:
                folded_name = folded.get(name)
                if folded_name is None:
                    folded_name = folded[name] = fold(name)
                text.append(folded_name)
            if email:
                text.append(email.lower() if email.isascii() else fold(email))
        conn.executemany("UPDATE client SET search_text = ? WHERE id = ?",
                         [("\n".join(text), cid) for cid, text in texts.items()])
        conn.executemany("UPDATE client SET sort_name = ? WHERE id = ?", renamed)


# Triggers an import holds back while it writes, doing their work once at the end: the
# client table's change counter, and the 12-month minutes of each interaction written.
_HELD_TRIGGERS = "name LIKE 'client_generation_%' OR name LIKE 'interaction_minutes_%'"


@contextmanager
def _one_change_count(conn: sqlite3.Connection) -> Iterator[None]:
    """Inside the import's transaction: the client table's change counter is bumped once,
    not once a row, and the minutes are summed per client once (`refresh_derived`), not
    added per interaction (the triggers, dropped and made again from their own SQL, cost
    several times the insert itself). Rolled back with the import, triggers and all."""
    triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND "
                            f"({_HELD_TRIGGERS})").fetchall()
    for name, _sql in triggers:
        conn.execute(f'DROP TRIGGER "{name}"')
    try:
        yield
    finally:
        for _name, sql in triggers:
            conn.execute(sql)
    conn.execute("UPDATE app_meta SET value = CAST(value AS INTEGER) + 1 "
                 "WHERE key = 'client_generation'")


def apply(kind: str, records: list[dict], *, matched: dict[int, int], merge: bool,
          progress: Callable[[int, int], None] | None = None,
          cancelled: Callable[[], bool] | None = None,
          own_connection: bool = False) -> ImportResult:
    """Write checked `records` of `kind` in one transaction; the counts."""
    if own_connection:
        conn = sqlite3.connect(connection.current_path(), isolation_level=None,
                               check_same_thread=False)
        conn.execute("PRAGMA foreign_keys = 1")
        conn.execute("PRAGMA busy_timeout = 5000")
    else:
        conn = connection.current()
    with paused_gc():
        return _apply(conn, kind, records, matched, merge, progress, cancelled,
                      own_connection)


def _apply(conn: sqlite3.Connection, kind: str, records: list[dict], matched: dict[int, int],
           merge: bool, progress: Callable[[int, int], None] | None,
           cancelled: Callable[[], bool] | None, own_connection: bool) -> ImportResult:
    writer = _Writer(conn, len(records), progress, cancelled)
    cache = conn.execute("PRAGMA cache_size").fetchone()[0]
    # A big transaction touching every client: room for its pages, or it spills to disk
    # page by page (several times slower at 100,000 clients).
    conn.execute("PRAGMA cache_size = -32000")
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            with _one_change_count(conn):
                book = [r for r in records if r.get("book")]
                if book:
                    _book(writer, book, matched, merge)
                plain = [r for r in records if not r.get("book")]
                if kind == "clients" and plain:
                    _clients(writer, plain, matched, merge)
                elif plain:
                    _children(writer, kind, plain, merge)
                refresh_derived(conn, writer.touched,
                                DERIVED[kind] + (("texts",) if book else ()))
            if cancelled and cancelled():
                raise ImportCancelledError("import.cancelled")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    except sqlite3.IntegrityError as exc:
        raise GoodbyeError("import.row_refused", sqlite=str(exc)) from exc
    except sqlite3.Error as exc:
        raise explain(exc, "file.import") from exc
    finally:
        if own_connection:
            conn.close()
        else:
            conn.execute(f"PRAGMA cache_size = {int(cache)}")
    return writer.result
