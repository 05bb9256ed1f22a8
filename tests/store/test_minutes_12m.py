"""Each client's minutes of the last 12 months, kept on the client (migration step 9), equal
what the interactions give after every kind of write, as the days and months pass, after a
restore and after the upgrade of an existing file; `check` finds a wrong one."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest

from goodbye_desktop import clock
from goodbye_desktop.core.figures import pareto_count
from goodbye_desktop.store import records, upkeep
from goodbye_desktop.store.connection import current
from goodbye_desktop.store.dashboard import Reader

DATA = Path(__file__).parent / "data"


def from_scratch(conn: sqlite3.Connection | None = None) -> dict[int, int]:
    """Every client's minutes in today's 12 months, summed from the interactions."""
    first, until = upkeep.minutes_window(clock.today())
    return dict((conn or current()).execute(
        "SELECT c.id, coalesce((SELECT sum(minutes) FROM interaction i WHERE i.client_id = c.id"
        " AND i.occurred_at >= ? AND i.occurred_at < ?), 0) FROM client c", (first, until)))


def kept(conn: sqlite3.Connection | None = None) -> dict[int, int]:
    return dict((conn or current()).execute("SELECT id, minutes_12m FROM client"))


def assert_kept(expected: dict[int, int]) -> None:
    """The column holds `expected`, which is also what the interactions give today, and the
    dashboard's Pareto of effort from the column is the one summed from the interactions."""
    assert kept() == from_scratch() == expected
    reader = Reader()
    today = clock.today()
    assert reader._minutes_kept(today)
    rows, n, total = reader._scanned_effort(today)
    assert reader.effort(today, pareto_count) == (rows[:pareto_count(n)], n, total)


def meeting(client_id: int, when: datetime, spent: int) -> int:
    return records.add_interaction(client_id, when, "meeting", minutes=spent)


@pytest.mark.frozen_at("2026-03-15T10:00")
def test_every_write_of_an_interaction_keeps_the_minutes(db_path) -> None:
    # Today's 12 months: 1 April 2025 to 15 March 2026.
    alder = records.create_client(name="Renée & <Sons>", started_on=date(2024, 1, 1))
    birch = records.create_client(name="山田デザイン", started_on=date(2024, 1, 1))
    assert_kept({alder: 0, birch: 0})
    first = meeting(alder, datetime(2026, 3, 15, 9), 30)
    meeting(alder, datetime(2025, 3, 31, 23, 59), 40)  # the day before the window
    meeting(alder, datetime(2026, 3, 16, 9), 50)  # tomorrow: not yet
    meeting(birch, datetime(2025, 4, 1, 0, 0), 20)  # the window's first minute
    assert_kept({alder: 30, birch: 20})
    records.add_interactions(birch, [
        {"occurred_at": datetime(2025, 12, 24, 9), "kind": "call", "minutes": 15},
        {"occurred_at": datetime(2024, 12, 24, 9), "kind": "call", "minutes": 100},
        {"occurred_at": datetime(2026, 1, 5, 9), "kind": "email"}])
    assert_kept({alder: 30, birch: 35})
    records.update_interaction(first, datetime(2026, 3, 15, 9), "meeting", minutes=45)
    assert_kept({alder: 45, birch: 35})
    records.update_interaction(first, datetime(2025, 2, 1, 9), "meeting", minutes=45)
    assert_kept({alder: 0, birch: 35})
    records.update_interaction(first, datetime(2026, 2, 1, 9), "meeting", minutes=10)
    assert_kept({alder: 10, birch: 35})
    # A raw change of the client (a repair by hand, a future edit) is counted as well.
    current().execute("UPDATE interaction SET client_id = ? WHERE id = ?", (birch, first))
    assert_kept({alder: 0, birch: 45})
    records.delete_interaction(first)
    assert_kept({alder: 0, birch: 35})
    from goodbye_desktop.store import deleting

    deleting.delete_client(alder)
    assert_kept({birch: 35})


@pytest.mark.frozen_at("2026-03-15T10:00")
def test_an_import_keeps_the_minutes(db_path, tmp_path) -> None:
    from goodbye_desktop.exchange.importer import import_file

    oak = records.create_client(name="Łukasz Oak", started_on=date(2024, 1, 1))
    meeting(oak, datetime(2026, 1, 1, 9), 5)
    path = tmp_path / "interactions.csv"
    path.write_text("client_name,occurred_at,kind,minutes\n"
                    "Łukasz Oak,2026-02-01 10:00,call,25\n"
                    "Łukasz Oak,2025-01-01 10:00,call,70\n"
                    "łukasz oak,2026-03-20 10:00,meeting,60\n", encoding="utf-8")
    import_file(path, "interactions")
    assert_kept({oak: 30})
    meeting(oak, datetime(2026, 3, 2, 9), 1)  # the triggers held back by the import are back
    assert_kept({oak: 31})
    path.write_text("name,started_on\nمحمد,2024-01-01\n", encoding="utf-8")
    import_file(path, "clients")
    [new] = [cid for cid in kept() if cid != oak]
    assert_kept({oak: 31, new: 0})


@pytest.mark.frozen_at("2026-03-15T10:00")
def test_the_day_and_the_month_turning_move_the_minutes_on(db_path) -> None:
    oak = records.create_client(name="Oak", started_on=date(2024, 1, 1))
    meeting(oak, datetime(2025, 4, 10, 9), 20)  # leaves the window when May begins
    meeting(oak, datetime(2026, 3, 15, 9), 30)
    meeting(oak, datetime(2026, 3, 16, 9), 50)  # logged ahead for tomorrow
    meeting(oak, datetime(2026, 4, 2, 9), 7)
    assert_kept({oak: 50})
    clock.freeze("2026-03-16T00:00:05")
    assert upkeep.refresh_minutes_window()
    assert not upkeep.refresh_minutes_window()  # once a day
    assert_kept({oak: 100})
    clock.freeze("2026-05-01T00:00:05")  # a month later: April 2025 has left the window
    upkeep.refresh_minutes_window()
    assert_kept({oak: 87})
    clock.freeze("2026-03-15T10:00")  # a clock set back by hand
    upkeep.refresh_minutes_window()
    assert_kept({oak: 50})
    clock.freeze("2027-04-03T10:00")  # a file left closed for over a year
    upkeep.refresh_minutes_window()
    assert_kept({oak: 0})
    meeting(oak, datetime(2027, 4, 1, 9), 8)
    assert_kept({oak: 8})


def test_an_open_on_a_new_day_moves_the_minutes_on(tmp_path) -> None:
    from goodbye_desktop.store.database import close_database, open_database

    clock.freeze("2026-03-15T10:00")
    open_database(tmp_path / "x.sqlite")
    try:
        oak = records.create_client(name="Oak", started_on=date(2024, 1, 1))
        meeting(oak, datetime(2026, 3, 17, 9), 50)
    finally:
        close_database()
    clock.freeze("2026-03-17T08:00")
    open_database(tmp_path / "x.sqlite")
    try:
        assert_kept({oak: 50})
    finally:
        close_database()


@pytest.mark.frozen_at("2026-03-15T10:00")
def test_a_restore_brings_its_own_minutes(db_path) -> None:
    from goodbye_desktop.store import backup

    oak = records.create_client(name="Oak", started_on=date(2024, 1, 1))
    meeting(oak, datetime(2026, 3, 1, 9), 30)
    saved = backup.backup_file(db_path)
    meeting(oak, datetime(2026, 3, 2, 9), 40)
    assert_kept({oak: 70})
    backup.restore_open_store(saved)
    assert_kept({oak: 30})


@pytest.mark.frozen_at("2026-11-25T10:00")
def test_upgrade_from_v8_fills_the_minutes(tmp_path) -> None:
    from goodbye_desktop.store.database import close_database, open_database

    old = tmp_path / "v8.sqlite"
    shutil.copy(DATA / "schema_v8.sqlite", old)
    open_database(old)
    try:
        # December 2025 to today: 25 + 90 for the first client (40 before the window), 15
        # for the second (60 a year ahead).
        assert_kept({1: 115, 2: 15})
        records.add_interaction(2, datetime(2026, 11, 24, 9), "call", minutes=5)
        assert_kept({1: 115, 2: 20})
    finally:
        close_database()


@pytest.mark.frozen_at("2026-03-15T10:00")
def test_check_finds_wrong_minutes(db_path) -> None:
    from goodbye_desktop.store.checks import check_file

    oak = records.create_client(name="Oak", started_on=date(2024, 1, 1))
    meeting(oak, datetime(2026, 3, 1, 9), 30)
    assert check_file(db_path).ok
    current().execute("UPDATE client SET minutes_12m = 31 WHERE id = ?", (oak,))
    problems = check_file(db_path).problems
    assert problems == ["1 client(s) with a wrong minutes of the last 12 months: Oak"]
