"""Importing records from CSV or vCard: check every row, show the matches, write all or nothing.

`prepare` reads nothing but the file and the store's index of existing clients: it
checks each row (dates, amounts, choices, the client each row belongs to) and collects
up to the first 20 problems with their line and column; one problem and nothing will
be imported (ImportFormatError, which names the file). Rows that match an existing
client (by name after folding, or by a contact's email) are listed, and the owner
chooses to merge them into the existing client or skip them: an import never makes a
silent twin. `apply` hands the checked rows to the store, which writes them in one
transaction (cancellable, with progress) and brings the derived figures up to date.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from goodbye_desktop import vocabulary
from goodbye_desktop.error_words import Words
from goodbye_desktop.errors import BadValueError, GoodbyeError, ImportFormatError
from goodbye_desktop.exchange import columns, values
from goodbye_desktop.exchange.csv_read import ImportFile, read_file
from goodbye_desktop.store import bulk_import
from goodbye_desktop.store.folding import fold

MAX_LISTED = 20
ON_MATCH = ("merge", "skip")


class ImportDecisionError(GoodbyeError):
    """Rows match existing clients and the owner has not said whether to merge or skip."""


@dataclass(frozen=True)
class Problem:
    """What is wrong with one cell: `problem` names it by code (its words in error_words)."""

    line: int
    column: str
    problem: Words | GoodbyeError

    @property
    def message(self) -> str:
        return str(self.problem)


@dataclass(frozen=True)
class Match:
    """A row that names a client already in the records."""

    line: int
    name: str
    client_id: int
    existing_name: str
    by: str  # "name" or "email"


@dataclass
class Prepared:
    """A checked file: its records (plain values), the matches, ready for `apply`."""

    file: ImportFile
    records: list[dict[str, Any]] = field(default_factory=list)
    matches: list[Match] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return self.file.kind


def _problems_error(name: str, problems: list[Problem], rows: int) -> ImportFormatError:
    listed = tuple(Words("import.cell", line=p.line, column=p.column, problem=p.problem)
                   for p in problems[:MAX_LISTED])
    more = (Words("list.and_more", count=len(problems) - MAX_LISTED)
            if len(problems) > MAX_LISTED else "")
    return ImportFormatError("import.problem" if len(problems) == 1 else "import.problems",
                             file=name, count=len(problems), rows=rows, listed=listed,
                             more=more)


class _Row:
    """One row's cells, read column by column, problems collected instead of raised.

    One of these serves every row of a file in turn (`start`): a 200,000-row import makes
    one, not 200,000."""

    __slots__ = ("line", "cells", "locale", "problems", "ok")

    def __init__(self, locale: str, problems: list[Problem]) -> None:
        self.locale, self.problems = locale, problems
        self.line, self.cells, self.ok = 0, {}, True

    def start(self, line: int, cells: dict[str, str]) -> None:
        self.line, self.cells, self.ok = line, cells, True

    def text(self, column: str, *, required: bool = False, default: str = "") -> str:
        value = self.cells.get(column)
        if value:
            if value[0] == "'":
                value = values.unneutralised(value)
            value = value.strip()
            if value:
                if "\x00" in value:
                    self.fail(column, Words("cell.nul"))
                    return ""
                return value
        if required:
            self.fail(column, Words("cell.required"))
        return default

    def fail(self, column: str, problem: Words | GoodbyeError) -> None:
        self.ok = False
        self.problems.append(Problem(self.line, column, problem))

    def read(self, column: str, reader: Callable[[str], Any], *, required: bool = False,
             default: Any = None) -> Any:
        if not required and not self.cells.get(column):
            return default  # the common case of an empty or absent cell, made quick
        raw = self.text(column, required=required)
        if not raw:
            return default
        try:
            return reader(raw)
        except BadValueError as exc:
            self.fail(column, exc)
        except ValueError as exc:
            self.fail(column, Words("cell.unreadable", reason=str(exc)))
            return default

    def date(self, column: str, **kw: Any) -> Any:
        value = self.cells.get(column)
        if value and len(value) == 10 and value[4] == "-":
            # The ISO form, the export's own: the quick way first.
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        return self.read(column, lambda t: values.parse_date(t, self.locale), **kw)

    def cents(self, column: str, **kw: Any) -> Any:
        return self.read(column, lambda t: values.parse_cents(t, self.locale), **kw)

    def flag(self, column: str) -> bool:
        value = self.cells.get(column)
        if not value or value == "0":
            return False
        if value == "1":
            return True
        return bool(self.read(column, values.parse_bool, default=False))

    def identity(self, column: str) -> int | None:
        """An id: a whole number from 1."""
        value = self.cells.get(column)
        if value and value.isdigit() and value.isascii() and len(value) < 10 \
                and value[0] != "0":
            return int(value)  # the usual cell, checked as parse_int would
        return self.read(column, _positive_int)

    def choice(self, column: str, choices: tuple[str, ...], default: str) -> str:
        value = self.text(column, default=default).lower()
        if value not in choices:
            self.fail(column, Words("cell.not_a_choice", value=value, choices=choices))
        return value

    def email(self, column: str) -> str:
        value = self.text(column)
        # (split() is True to str.isspace: more than one part means a space inside.)
        if value and ("@" not in value or value[0] == "@" or value[-1] == "@"
                      or len(value.split()) > 1):
            self.fail(column, Words("cell.not_an_email", value=value))
        return value


def _positive_int(text: str) -> int:
    return values.parse_int(text, minimum=1)


def prepare(imported: ImportFile, *, locale: str = "en_GB",
            existing: bulk_import.ExistingIndex | None = None,
            own_connection: bool = False) -> Prepared:
    """Check every row of `imported`; ImportFormatError (nothing imported) on any problem.

    With `own_connection` (a worker thread), the existing clients are read on a
    connection of its own."""
    if existing is None and own_connection:
        conn = bulk_import.reading_connection()
        try:
            existing = bulk_import.existing_index(conn)
        finally:
            conn.close()
    existing = existing or bulk_import.existing_index()
    prepared = Prepared(imported)
    problems: list[Problem] = []
    new_names: dict[str, int] = {}  # folded name -> line, for clients made by this file
    row = _Row(locale, problems)
    count = 0
    check = _CHECKS[imported.kind]
    with bulk_import.paused_gc():
        # (The rows are read from the file as they are checked: see ImportFile.)
        for line, cells in imported.rows:
            count += 1
            row.start(line, cells)
            if cells.get(columns.BOOK):
                record = _book_row(row, existing, prepared, new_names)
            else:
                record = check(row, existing, prepared, new_names)
            if row.ok and record is not None:
                record["line"] = line
                prepared.records.append(record)
    if not count:
        problems.append(Problem(1, "-", Words("import.no_records")))
    if problems:
        raise _problems_error(imported.path.name, problems, count)
    return prepared


def _match_client(row: _Row, name: str, email: str, existing, prepared: Prepared,
                  folded: str | None = None) -> None:
    folded = folded or fold(name)
    ids = existing.by_name.get(folded)
    if ids:
        prepared.matches.append(Match(row.line, name, ids[0], existing.names[ids[0]], "name"))
        return
    if email and email.lower() in existing.by_email:
        cid = existing.by_email[email.lower()]
        prepared.matches.append(Match(row.line, name, cid, existing.names[cid], "email"))


def _client_row(row: _Row, existing, prepared: Prepared, new_names) -> dict | None:
    name = row.text("name", required=True)
    record = {
        "name": name, "is_person": row.flag("is_person"),
        "status": row.choice("status", vocabulary.CLIENT_STATUSES, "active"),
        "started_on": row.date("started_on"), "ended_on": row.date("ended_on"),
        "address": row.text("address"), "notes": row.text("notes"), "tags": row.text("tags"),
        "source": row.text("source"), "acquired_on": row.date("acquired_on"),
        "acquirer": row.text("acquirer"), "keep_in_touch": row.flag("keep_in_touch"),
        "archived": row.flag("archived"),
        "client_id": row.identity("client_id"),
    }
    if record["started_on"] and record["ended_on"] and record["ended_on"] < record["started_on"]:
        row.fail("ended_on", Words("cell.before", other="started_on"))
    if not name:
        return None
    folded = record["folded"] = fold(name)
    if folded in new_names:
        row.fail("name", Words("cell.twin", row=new_names[folded]))
        return None
    new_names[folded] = row.line
    _match_client(row, name, "", existing, prepared, folded)
    return record


def _book_row(row: _Row, existing, prepared: Prepared, new_names) -> dict | None:
    """A person from Google Contacts, Outlook or a vCard: a contact and its client."""
    client_name = row.text("client_name", required=True)
    record = {"book": True, "client_name": client_name, "is_person": row.flag("is_person"),
              "name": row.text("name", required=True), "role": row.text("role"),
              "email": row.email("email"), "phone": row.text("phone"),
              "address": row.text("address"), "notes": row.text("notes"),
              "tags": row.text("tags")}
    if not client_name:
        return None
    folded = fold(client_name)
    if folded not in new_names:
        new_names[folded] = row.line
        _match_client(row, client_name, record["email"], existing, prepared, folded)
    return record


def _client_ref(row: _Row, existing, new_names) -> Any:
    """The id of the row's client (or its folded name when this import creates it)."""
    name = row.text("client_name")
    cid = row.identity("client_id")
    if cid is not None and cid in existing.names and (
            not name or fold(name) == fold(existing.names[cid])):
        return cid
    if not name:
        row.fail("client_id" if cid else "client_name",
                 Words("cell.no_client_id", client_id=cid) if cid else Words("cell.no_client"))
        return None
    ids = existing.by_name.get(fold(name), [])
    if len(ids) == 1:
        return ids[0]
    if len(ids) > 1:
        row.fail("client_name", Words("cell.many_clients", count=len(ids), name=name))
        return None
    row.fail("client_name", Words("cell.no_client_named", name=name))
    return None


def _contact_row(row: _Row, existing, prepared, new_names) -> dict | None:
    return {"client_id": _client_ref(row, existing, new_names),
            "name": row.text("name", required=True), "role": row.text("role"),
            "email": row.email("email"), "phone": row.text("phone"),
            "primary": row.flag("primary"), "left_on": row.date("left_on"),
            "new_employer": row.text("new_employer")}


def _interaction_row(row: _Row, existing, prepared, new_names) -> dict | None:
    return {"client_id": _client_ref(row, existing, new_names),
            "occurred_at": row.read("occurred_at",
                                    lambda t: values.parse_datetime(t, row.locale),
                                    required=True),
            "kind": row.choice("kind", vocabulary.INTERACTION_KINDS, ""),
            "direction": row.choice("direction", vocabulary.DIRECTIONS, "out"),
            "minutes": row.read("minutes", values.parse_int, default=0),
            "summary": row.text("summary"), "complaint": row.flag("complaint")}


def _revenue_row(row: _Row, existing, prepared, new_names) -> dict | None:
    return {"client_id": _client_ref(row, existing, new_names),
            "month": row.read("month", lambda t: values.parse_month(t, row.locale),
                              required=True),
            "amount_cents": row.cents("amount", required=True)}


def _proposal_row(row: _Row, existing, prepared, new_names) -> dict | None:
    record = {"client_id": _client_ref(row, existing, new_names), "title": row.text("title"),
              "sent_on": row.date("sent_on", required=True),
              "amount_cents": row.cents("amount"), "hourly_rate_cents": row.cents("hourly_rate"),
              "outcome": row.choice("outcome", vocabulary.PROPOSAL_OUTCOMES, "pending"),
              "decided_on": row.date("decided_on")}
    if record["sent_on"] and record["decided_on"] and record["decided_on"] < record["sent_on"]:
        row.fail("decided_on", Words("cell.before", other="sent_on"))
    return record


_CHECKS = {"clients": _client_row, "contacts": _contact_row,
           "interactions": _interaction_row, "revenue": _revenue_row,
           "proposals": _proposal_row}


def decision_needed(prepared: Prepared) -> ImportDecisionError:
    """The error that asks the owner whether to merge the matching rows or skip them."""
    shown = tuple(Words("import.match_by_name" if m.by == "name" else "import.match_by_email",
                        line=m.line, name=m.name, existing=m.existing_name)
                  for m in prepared.matches[:MAX_LISTED])
    more = (Words("list.and_more", count=len(prepared.matches) - MAX_LISTED)
            if len(prepared.matches) > MAX_LISTED else "")
    return ImportDecisionError("import.matches", file=prepared.file.path.name,
                               count=len(prepared.matches), shown=shown, more=more)


def apply(prepared: Prepared, *, on_match: str | None = None,
          progress: Callable[[int, int], None] | None = None,
          cancelled: Callable[[], bool] | None = None,
          own_connection: bool = False) -> bulk_import.ImportResult:
    """Write the checked records in one transaction; ImportDecisionError when rows match
    existing clients and `on_match` is not "merge" or "skip"."""
    if prepared.matches and on_match not in ON_MATCH:
        raise decision_needed(prepared)
    matched = {m.line: m.client_id for m in prepared.matches}
    return bulk_import.apply(prepared.kind, prepared.records, matched=matched,
                             merge=on_match == "merge", progress=progress,
                             cancelled=cancelled, own_connection=own_connection)


def import_file(path: str | os.PathLike, kind: str, *, on_match: str | None = None,
                mapping: dict[str, str] | None = None,
                progress: Callable[[int, int], None] | None = None
                ) -> bulk_import.ImportResult:
    """Read, check, back up the database, write: the command line's whole import."""
    from goodbye_desktop.store import backup
    from goodbye_desktop.store.records import get_profile

    imported = read_file(path, kind, mapping)
    prepared = prepare(imported, locale=get_profile().get("locale") or "en_GB")
    if prepared.matches and on_match not in ON_MATCH:
        raise decision_needed(prepared)
    backup.make_backup("before-import")
    return apply(prepared, on_match=on_match, progress=progress)
