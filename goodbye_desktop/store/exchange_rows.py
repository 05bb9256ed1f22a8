"""The records as rows for export: one documented table per record kind, in plain SQL.

Each kind's columns are named here, in their order, and the SQL gives them ready to
write: ISO dates, money as `1234.56` (from integer cents, no floats), yes/no as 1/0,
and text that would begin with `=`, `+`, `-`, `@`, a tab or a carriage return
prefixed with an apostrophe, so that no spreadsheet ever runs a cell as a formula (the
importer takes the apostrophe off again). `rows(kind)` streams a cursor, so a
100,000-client export never holds the whole table in memory.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from goodbye_desktop.store import connection

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _t(expr: str) -> str:
    """Text, neutralised for spreadsheets."""
    return (f"CASE WHEN substr({expr}, 1, 1) IN ('=', '+', '-', '@', char(9), char(13)) "
            f"THEN '''' || {expr} ELSE {expr} END")


def _money(expr: str) -> str:
    return (f"CASE WHEN {expr} IS NULL THEN NULL ELSE "
            f"printf('%d.%02d', {expr} / 100, {expr} % 100) END")


def _date(expr: str) -> str:
    return f"substr({expr}, 1, 10)"


def _stamp(expr: str) -> str:
    """A stored date-time as ISO 8601 to the second (`2026-11-25T10:00:00`)."""
    return f"replace(substr({expr}, 1, 19), ' ', 'T')"


@dataclass(frozen=True)
class Table:
    """One exported file: its kind, file name, columns and the SQL that fills them."""

    kind: str
    file_name: str
    columns: tuple[str, ...]
    sql: str


def _table(kind: str, source: str, columns: list[tuple[str, str]], order: str) -> Table:
    select = ", ".join(expr for _name, expr in columns)
    return Table(kind, f"{kind}.csv", tuple(name for name, _expr in columns),
                 f"SELECT {select} FROM {source} ORDER BY {order}")


_CLIENT_NAME = ("client_name", _t("c.name"))

TABLES: tuple[Table, ...] = (
    _table("clients", "client c", [
        ("client_id", "c.id"), ("name", _t("c.name")), ("is_person", "c.is_person"),
        ("status", "c.status"), ("started_on", _date("c.started_on")),
        ("ended_on", _date("c.ended_on")), ("address", _t("c.address")),
        ("notes", _t("c.notes")), ("tags", _t("c.tags")), ("source", _t("c.source")),
        ("acquired_on", _date("c.acquired_on")), ("acquirer", _t("c.acquirer")),
        ("keep_in_touch", "c.keep_in_touch"), ("archived", "c.archived"),
    ], "c.id"),
    _table("contacts", "contact x JOIN client c ON c.id = x.client_id", [
        ("contact_id", "x.id"), ("client_id", "x.client_id"), _CLIENT_NAME,
        ("name", _t("x.name")), ("role", _t("x.role")), ("email", _t("x.email")),
        ("phone", _t("x.phone")), ("primary", 'x."primary"'), ("left_on", _date("x.left_on")),
        ("new_employer", _t("x.new_employer")),
    ], "x.id"),
    _table("interactions", "interaction x JOIN client c ON c.id = x.client_id", [
        ("interaction_id", "x.id"), ("client_id", "x.client_id"), _CLIENT_NAME,
        ("occurred_at", _stamp("x.occurred_at")), ("kind", "x.kind"),
        ("direction", "x.direction"), ("minutes", "x.minutes"), ("summary", _t("x.summary")),
        ("complaint", "x.complaint"),
    ], "x.id"),
    _table("revenue", "revenue x JOIN client c ON c.id = x.client_id", [
        ("client_id", "x.client_id"), _CLIENT_NAME, ("month", "substr(x.month, 1, 7)"),
        ("amount", _money("x.amount_cents")),
    ], "x.client_id, x.month"),
    _table("proposals", "proposal x JOIN client c ON c.id = x.client_id", [
        ("proposal_id", "x.id"), ("client_id", "x.client_id"), _CLIENT_NAME,
        ("title", _t("x.title")), ("sent_on", _date("x.sent_on")),
        ("amount", _money("x.amount_cents")), ("hourly_rate", _money("x.hourly_rate_cents")),
        ("outcome", "x.outcome"), ("decided_on", _date("x.decided_on")),
    ], "x.id"),
    _table("promises", "promise x JOIN client c ON c.id = x.client_id", [
        ("promise_id", "x.id"), ("client_id", "x.client_id"), _CLIENT_NAME,
        ("description", _t("x.description")), ("due_at", _stamp("x.due_at")),
        ("channel", "x.channel"), ("done_at", _stamp("x.done_at")),
        ("cancelled_at", _stamp("x.cancelled_at")), ("departure_id", "x.departure_id"),
        ("letter_kind", "x.letter_kind"),
    ], "x.id"),
    _table("departures", "departure x JOIN client c ON c.id = x.client_id", [
        ("departure_id", "x.id"), ("client_id", "x.client_id"), _CLIENT_NAME,
        ("state", "x.state"), ("ended_by", "x.ended_by"), ("outside_event", "x.outside_event"),
        ("reasons", "(SELECT group_concat(reason, ';') FROM (SELECT reason FROM "
                    "departure_reason r WHERE r.departure_id = x.id ORDER BY reason))"),
        ("reason_text", _t("x.reason_text")), ("kind", "x.kind"), ("decision", "x.decision"),
        ("decided_on", _date("x.decided_on")), ("effective_on", _date("x.effective_on")),
        ("interview_status", "x.interview_status"), ("interviewer", _t("x.interviewer")),
        ("interview_times", _t("x.interview_times")),
        ("interview_held_on", _date("x.interview_held_on")),
        ("decided_when", _t("x.decided_when")), ("would_return", "x.would_return"),
        ("would_refer", "x.would_refer"), ("letters", "x.letters"),
        ("mailing_consent", "x.mailing_consent"), ("staff_told", _t("x.staff_told")),
        ("lessons", _t("x.lessons")), ("notes", _t("x.notes")),
        ("returned_on", _date("x.returned_on")), ("undone_on", _date("x.undone_on")),
    ], "x.id"),
    _table("transition_steps", "transition_step x JOIN departure d ON d.id = x.departure_id "
           "JOIN client c ON c.id = d.client_id", [
               ("departure_id", "x.departure_id"), _CLIENT_NAME, ("position", "x.position"),
               ("description", _t("x.description")), ("due_on", _date("x.due_on")),
               ("owner", _t("x.owner")), ("status", "x.status"),
               ("done_on", _date("x.done_on")),
           ], "x.departure_id, x.position, x.id"),
    _table("pending_work", "pending_work x JOIN departure d ON d.id = x.departure_id "
           "JOIN client c ON c.id = d.client_id", [
               ("departure_id", "x.departure_id"), _CLIENT_NAME, ("position", "x.position"),
               ("description", _t("x.description")), ("due_on", _date("x.due_on")),
               ("done_on", _date("x.done_on")),
           ], "x.departure_id, x.position, x.id"),
    _table("interview_questions", "interview_question x JOIN departure d ON "
           "d.id = x.departure_id JOIN client c ON c.id = d.client_id", [
               ("departure_id", "x.departure_id"), _CLIENT_NAME, ("position", "x.position"),
               ("question", _t("x.question")), ("answer", _t("x.answer")),
           ], "x.departure_id, x.position, x.id"),
    _table("letters", "document x JOIN client c ON c.id = x.client_id", [
        ("letter_id", "x.id"), ("client_id", "x.client_id"), _CLIENT_NAME,
        ("kind", "x.kind"), ("title", _t("x.title")), ("created_at", _stamp("x.created_at")),
        ("departure_id", "x.departure_id"), ("file", "printf('letters/%d.pdf', x.id)"),
    ], "x.id"),
    _table("business_profile", "business_profile", [
        ("business_name", _t("business_name")), ("owner_name", _t("owner_name")),
        ("address", _t("address")), ("email", _t("email")), ("phone", _t("phone")),
        ("website", _t("website")), ("page_size", "page_size"), ("locale", "locale"),
        ("currency", "currency"), ("target_hourly_rate", _money("target_hourly_rate_cents")),
        ("silence_days", "silence_days"), ("retention_target_pct", "retention_target_pct"),
        ("reactivation_target", "reactivation_target"),
    ], "id"),
    _table("letter_templates", "letter_template", [
        ("kind", "kind"), ("text", _t("text")), ("updated_at", _stamp("updated_at")),
    ], "kind"),
)
TABLES_BY_KIND = {table.kind: table for table in TABLES}


@contextmanager
def snapshot() -> Iterator[sqlite3.Connection]:
    """One read transaction: every file of an export shows the same moment."""
    conn = connection.current()
    conn.execute("BEGIN")
    try:
        yield conn
    finally:
        conn.execute("COMMIT")


def rows(conn: sqlite3.Connection, kind: str) -> sqlite3.Cursor:
    """A cursor over the rows of `kind`, in the columns of TABLES_BY_KIND[kind]."""
    return conn.execute(TABLES_BY_KIND[kind].sql)


def letter_pdfs(conn: sqlite3.Connection) -> Iterator[tuple[int, bytes]]:
    """Every kept letter's PDF, by id (one at a time: letters can be large)."""
    for (letter_id,) in conn.execute("SELECT id FROM document ORDER BY id").fetchall():
        row = conn.execute("SELECT pdf FROM document WHERE id = ?", (letter_id,)).fetchone()
        if row is not None:
            yield letter_id, bytes(row[0])


def vcard_contacts(conn: sqlite3.Connection) -> sqlite3.Cursor:
    """Contacts with what an address book wants: (id, name, role, email, phone, client
    name, client is a person, client address, left_on, new employer)."""
    return conn.execute(
        'SELECT x.id, x.name, x.role, x.email, x.phone, c.name, c.is_person, c.address, '
        'x.left_on, x.new_employer FROM contact x JOIN client c ON c.id = x.client_id '
        'ORDER BY c.sort_name, x.name')
