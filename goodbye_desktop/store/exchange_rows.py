"""The records as rows for export: one documented table per record kind, in plain SQL.

Each kind's columns are named here, in their order, and the SQL gives them ready to
write: ISO dates, money as `1234.56` (from integer cents, no floats), yes/no as 1/0,
and text that would begin with `=`, `+`, `-`, `@`, a tab or a carriage return
prefixed with an apostrophe, so that no spreadsheet ever runs a cell as a formula (the
importer takes the apostrophe off again). `rows(kind)` streams a cursor, so a
100,000-client export never holds the whole table in memory.

`lines(kind)` gives the same rows as CSV lines, made by SQLite in one printf a row:
each cell quoted as Python's `csv.writer` quotes it (only when it holds a comma, a
double quote or a line break; its double quotes doubled), joined by commas, ended by
CRLF. Columns that hold only numbers, ISO dates and times or words the schema holds to
their lists (`_n`, `_date`, `_stamp`, `_money`) skip the quoting check. The file is the
one `csv.writer` writes from `rows(kind)`, byte for byte, in about a third less time
for a million rows (no Python object per cell); a table with a NUL character in a cell
(which printf would cut short) is left to `rows`. The client name that most files
repeat on every row is neutralised and quoted once per client, in a temporary table of
the snapshot (`client_cells`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from goodbye_desktop.store import connection

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# The same as code points: unicode() reads a cell's first one without copying it out.
_FORMULA_CODES = ", ".join(str(ord(start)) for start in FORMULA_STARTS)


class _Plain(str):
    """An expression whose values are only digits, ISO dates and times, or words of the
    vocabulary that the schema holds to their lists: never a comma, a quote or a line
    break, so its cells are written without the quoting check. In a line it is written
    as printf's `spec` of `arg` (the same text, made in the one printf of the line)."""

    spec: str
    arg: str


def _n(expr: str, spec: str = "%s", arg: str | None = None) -> str:
    plain = _Plain(expr)
    plain.spec, plain.arg = spec, arg or expr
    return plain


class _Text(str):
    """Text neutralised for spreadsheets; `raw` is the column before it was."""

    raw: str


def _t(expr: str) -> str:
    """Text, neutralised for spreadsheets."""
    text = _Text(f"CASE WHEN unicode({expr}) IN ({_FORMULA_CODES}) "
                 f"THEN '''' || {expr} ELSE {expr} END")
    text.raw = expr
    return text


def _cell(expr: str) -> str:
    """A value as a CSV cell: quoted (its quotes doubled) when it holds a comma, a double
    quote, a carriage return or a line feed, as csv.writer's minimal quoting does."""
    # Neutralised text is looked at before its apostrophe (which is none of those).
    probe = expr.raw if isinstance(expr, _Text) else expr
    return (f"CASE WHEN {probe} GLOB '*[,\"' || char(10, 13) || ']*' "
            f"THEN '\"' || replace({expr}, '\"', '\"\"') || '\"' ELSE {expr} END")


def _money(expr: str, *, not_null: bool = False) -> str:
    """Integer cents as `1234.56`; a column the schema keeps NOT NULL is formatted by the
    line's own printf."""
    money = _n(f"CASE WHEN {expr} IS NULL THEN NULL ELSE "
               f"printf('%d.%02d', {expr} / 100, {expr} % 100) END")
    if not_null:
        money.spec, money.arg = "%d.%02d", f"{expr} / 100, {expr} % 100"
    return money


def _date(expr: str, length: int = 10) -> str:
    # (printf's ! counts characters, as substr does.)
    return _n(f"substr({expr}, 1, {length})", f"%!.{length}s", expr)


def _stamp(expr: str) -> str:
    """A stored date-time as ISO 8601 to the second (`2026-11-25T10:00:00`)."""
    return _n(f"replace(substr({expr}, 1, 19), ' ', 'T')")


@dataclass(frozen=True)
class Table:
    """One exported file: its kind, file name, columns, the SQL that gives its rows and
    the SQL that gives the same rows as CSV lines."""

    kind: str
    file_name: str
    columns: tuple[str, ...]
    sql: str
    line_sql: str
    nul_sql: str  # whether a cell to be quoted holds a NUL (which printf would cut short)


_CLIENT_NAME = ("client_name", _t("c.name"))
_CLIENT_JOIN = "JOIN client c ON c.id = "


def _table(kind: str, source: str, columns: list[tuple[str, str]], order: str) -> Table:
    select = ", ".join(expr for _name, expr in columns)
    specs, cells, probes = [], [], []
    for column in columns:
        expr = column[1]
        if column == _CLIENT_NAME:
            specs.append("%s")
            cells.append("c.cell")  # neutralised and quoted once per client
        elif isinstance(expr, _Plain):
            specs.append(expr.spec)
            cells.append(expr.arg)
        else:
            specs.append("%s")
            cells.append(_cell(expr if isinstance(expr, _Text) else f"({expr})"))
            probes.append(f"instr({expr.raw if isinstance(expr, _Text) else expr}, char(0))")
    # printf's %s writes NULL as nothing, as csv.writer writes None. The line comes as its
    # UTF-8 bytes (a blob): written as they are, never decoded and encoded again.
    line = f"printf('{','.join(specs)}' || char(13, 10), {', '.join(cells)})"
    lines_from = (source.replace(_CLIENT_JOIN, "JOIN temp.client_cells c ON c.id = ")
                  if _CLIENT_NAME in columns else source)
    # The cells' own table is enough to look in (the client names are looked at once).
    nul = (f"SELECT EXISTS (SELECT 1 FROM {source.split(' JOIN ')[0]} WHERE "
           f"{' OR '.join(probes)})" if probes else "SELECT 0")
    return Table(kind, f"{kind}.csv", tuple(name for name, _expr in columns),
                 f"SELECT {select} FROM {source} ORDER BY {order}",
                 f"SELECT CAST({line} AS BLOB) FROM {lines_from} ORDER BY {order}", nul)

TABLES: tuple[Table, ...] = (
    _table("clients", "client c", [
        ("client_id", _n("c.id")), ("name", _t("c.name")), ("is_person", _n("c.is_person")),
        ("status", _n("c.status")), ("started_on", _date("c.started_on")),
        ("ended_on", _date("c.ended_on")), ("address", _t("c.address")),
        ("notes", _t("c.notes")), ("tags", _t("c.tags")), ("source", _t("c.source")),
        ("acquired_on", _date("c.acquired_on")), ("acquirer", _t("c.acquirer")),
        ("keep_in_touch", _n("c.keep_in_touch")), ("archived", _n("c.archived")),
    ], "c.id"),
    _table("contacts", "contact x JOIN client c ON c.id = x.client_id", [
        ("contact_id", _n("x.id")), ("client_id", _n("x.client_id")), _CLIENT_NAME,
        ("name", _t("x.name")), ("role", _t("x.role")), ("email", _t("x.email")),
        ("phone", _t("x.phone")), ("primary", _n('x."primary"')), ("left_on", _date("x.left_on")),
        ("new_employer", _t("x.new_employer")),
    ], "x.id"),
    _table("interactions", "interaction x JOIN client c ON c.id = x.client_id", [
        ("interaction_id", _n("x.id")), ("client_id", _n("x.client_id")), _CLIENT_NAME,
        ("occurred_at", _stamp("x.occurred_at")), ("kind", _n("x.kind")),
        ("direction", _n("x.direction")), ("minutes", _n("x.minutes")),
        ("summary", _t("x.summary")),
        ("complaint", _n("x.complaint")),
    ], "x.id"),
    _table("revenue", "revenue x JOIN client c ON c.id = x.client_id", [
        ("client_id", _n("x.client_id")), _CLIENT_NAME, ("month", _date("x.month", 7)),
        ("amount", _money("x.amount_cents", not_null=True)),
    ], "x.client_id, x.month"),
    _table("proposals", "proposal x JOIN client c ON c.id = x.client_id", [
        ("proposal_id", _n("x.id")), ("client_id", _n("x.client_id")), _CLIENT_NAME,
        ("title", _t("x.title")), ("sent_on", _date("x.sent_on")),
        ("amount", _money("x.amount_cents")), ("hourly_rate", _money("x.hourly_rate_cents")),
        ("outcome", _n("x.outcome")), ("decided_on", _date("x.decided_on")),
    ], "x.id"),
    _table("promises", "promise x JOIN client c ON c.id = x.client_id", [
        ("promise_id", _n("x.id")), ("client_id", _n("x.client_id")), _CLIENT_NAME,
        ("description", _t("x.description")), ("due_at", _stamp("x.due_at")),
        ("channel", "x.channel"), ("done_at", _stamp("x.done_at")),
        ("cancelled_at", _stamp("x.cancelled_at")), ("departure_id", _n("x.departure_id")),
        ("letter_kind", "x.letter_kind"),
    ], "x.id"),
    _table("departures", "departure x JOIN client c ON c.id = x.client_id", [
        ("departure_id", _n("x.id")), ("client_id", _n("x.client_id")), _CLIENT_NAME,
        ("state", _n("x.state")), ("ended_by", _n("x.ended_by")),
        ("outside_event", "x.outside_event"),
        ("reasons", "(SELECT group_concat(reason, ';') FROM (SELECT reason FROM "
                    "departure_reason r WHERE r.departure_id = x.id ORDER BY reason))"),
        ("reason_text", _t("x.reason_text")), ("kind", _n("x.kind")),
        ("decision", _n("x.decision")),
        ("decided_on", _date("x.decided_on")), ("effective_on", _date("x.effective_on")),
        ("interview_status", "x.interview_status"), ("interviewer", _t("x.interviewer")),
        ("interview_times", _t("x.interview_times")),
        ("interview_held_on", _date("x.interview_held_on")),
        ("decided_when", _t("x.decided_when")), ("would_return", "x.would_return"),
        ("would_refer", "x.would_refer"), ("letters", "x.letters"),
        ("mailing_consent", _n("x.mailing_consent")), ("staff_told", _t("x.staff_told")),
        ("lessons", _t("x.lessons")), ("notes", _t("x.notes")),
        ("returned_on", _date("x.returned_on")), ("undone_on", _date("x.undone_on")),
    ], "x.id"),
    _table("transition_steps", "transition_step x JOIN departure d ON d.id = x.departure_id "
           "JOIN client c ON c.id = d.client_id", [
               ("departure_id", _n("x.departure_id")), _CLIENT_NAME, ("position", _n("x.position")),
               ("description", _t("x.description")), ("due_on", _date("x.due_on")),
               ("owner", _t("x.owner")), ("status", "x.status"),
               ("done_on", _date("x.done_on")),
           ], "x.departure_id, x.position, x.id"),
    _table("pending_work", "pending_work x JOIN departure d ON d.id = x.departure_id "
           "JOIN client c ON c.id = d.client_id", [
               ("departure_id", _n("x.departure_id")), _CLIENT_NAME, ("position", _n("x.position")),
               ("description", _t("x.description")), ("due_on", _date("x.due_on")),
               ("done_on", _date("x.done_on")),
           ], "x.departure_id, x.position, x.id"),
    _table("interview_questions", "interview_question x JOIN departure d ON "
           "d.id = x.departure_id JOIN client c ON c.id = d.client_id", [
               ("departure_id", _n("x.departure_id")), _CLIENT_NAME, ("position", _n("x.position")),
               ("question", _t("x.question")), ("answer", _t("x.answer")),
           ], "x.departure_id, x.position, x.id"),
    _table("letters", "document x JOIN client c ON c.id = x.client_id", [
        ("letter_id", _n("x.id")), ("client_id", _n("x.client_id")), _CLIENT_NAME,
        ("kind", "x.kind"), ("title", _t("x.title")), ("created_at", _stamp("x.created_at")),
        ("departure_id", _n("x.departure_id")), ("file", "printf('letters/%d.pdf', x.id)"),
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
        conn.execute("DROP TABLE IF EXISTS temp.client_cells")
        conn.execute("COMMIT")


def rows(conn: sqlite3.Connection, kind: str) -> sqlite3.Cursor:
    """A cursor over the rows of `kind`, in the columns of TABLES_BY_KIND[kind]."""
    return conn.execute(TABLES_BY_KIND[kind].sql)


def lines(conn: sqlite3.Connection, kind: str) -> sqlite3.Cursor | None:
    """A cursor over the rows of `kind` as CSV lines (one UTF-8 `bytes` each, CRLF-ended),
    inside a `snapshot`; None when a cell holds a NUL character (SQLite's printf would
    cut it short there) or the file keeps its text in UTF-16, and the file is to be
    written from `rows` instead."""
    table = TABLES_BY_KIND[kind]
    if conn.execute("PRAGMA encoding").fetchone()[0] != "UTF-8":
        return None
    if "temp.client_cells" in table.line_sql:
        if not conn.execute("SELECT 1 FROM temp.sqlite_master "
                            "WHERE name = 'client_cells'").fetchone():
            conn.execute("CREATE TEMP TABLE client_cells (id INTEGER PRIMARY KEY, "
                         "cell TEXT, nul INTEGER)")
            conn.execute(f"INSERT INTO temp.client_cells SELECT c.id, "
                         f"{_cell(_CLIENT_NAME[1])}, instr(c.name, char(0)) FROM client c")
        if conn.execute("SELECT EXISTS (SELECT 1 FROM temp.client_cells WHERE nul)"
                        ).fetchone()[0]:
            return None
    if conn.execute(table.nul_sql).fetchone()[0]:
        return None
    return conn.execute(table.line_sql)


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
