"""The words of the app are in one place: the schema checks the same codes as
`goodbye_desktop.vocabulary`, and `goodbye_desktop.words` names every one of them."""

import re
import sqlite3
from pathlib import Path

import pytest

from goodbye_desktop import vocabulary as v
from goodbye_desktop.words import WORDS

# (table, column) -> the vocabulary its CHECK must hold (an empty code means "not set").
CHECKED = {
    ("client", "status"): v.CLIENT_STATUSES,
    ("interaction", "kind"): v.INTERACTION_KINDS,
    ("interaction", "direction"): v.DIRECTIONS,
    ("proposal", "outcome"): v.PROPOSAL_OUTCOMES,
    ("departure", "state"): v.DEPARTURE_STATES,
    ("departure", "ended_by"): ("", *v.ENDED_BY),
    ("departure", "kind"): ("", *v.DEPARTING_KINDS),
    ("departure", "decision"): ("", *v.DECISIONS),
    ("departure_reason", "reason"): v.REASONS,
    ("transition_step", "status"): v.STEP_STATUSES,
    ("business_profile", "page_size"): v.PAGE_SIZES,
}


def checked_codes(conn: sqlite3.Connection, table: str, column: str) -> tuple[str, ...]:
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                       (table,)).fetchone()[0]
    quoted = re.escape(column)
    found = re.search(rf'"?{quoted}"?\s+IN\s*\(([^)]*)\)', sql)
    assert found, f"no CHECK list for {table}.{column}"
    return tuple(re.findall(r"'([^']*)'", found.group(1)))


@pytest.mark.parametrize(("table", "column"), sorted(CHECKED))
def test_the_schema_checks_the_vocabulary(db_path: Path, table: str, column: str) -> None:
    conn = sqlite3.connect(db_path)
    try:
        assert checked_codes(conn, table, column) == CHECKED[table, column]
    finally:
        conn.close()


@pytest.mark.parametrize(("group", "codes"), [
    ("status", v.CLIENT_STATUSES), ("ended_by", v.ENDED_BY), ("outside_event", v.OUTSIDE_EVENTS),
    ("reason", v.REASONS), ("kind", v.DEPARTING_KINDS), ("decision", v.DECISIONS),
    ("channel", v.PROMISE_CHANNELS), ("letter", v.LETTER_KINDS),
    ("interview_status", v.INTERVIEW_STATUSES), ("answer", v.ANSWERS),
    ("state", v.DEPARTURE_STATES), ("step_status", v.STEP_STATUSES),
])
def test_every_code_has_its_words(group: str, codes: tuple[str, ...]) -> None:
    assert set(codes) <= set(WORDS[group]), set(codes) - set(WORDS[group])
    assert all(WORDS[group][code].strip() for code in codes)
