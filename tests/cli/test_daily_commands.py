"""`goodbye-desktop at-risk` and `due [--ics FILE]`; the .ics file read back with icalendar."""

import json
import os
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from goodbye_desktop import clock
from goodbye_desktop.cli import main
from goodbye_desktop.store import due, records
from goodbye_desktop.store.database import close_database, open_database


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """Three clients: one quiet for 100 days, one fine; five promises, three of them open."""
    path = tmp_path / "daily.sqlite"
    open_database(path)
    now = clock.local_now().replace(second=0)
    quiet = records.create_client(name="Renée & <Sons>", started_on=date(2020, 1, 1))
    records.add_interaction(quiet, now - timedelta(days=100), "call")
    fine = records.create_client(name="山田商店", started_on=date(2020, 1, 1))
    records.add_interaction(fine, now - timedelta(days=2), "call")
    records.add_promise(quiet, "Send the figures", now - timedelta(hours=3))
    records.add_promise(fine, "Call about spring", now + timedelta(days=2), "call")
    records.add_promise(fine, "Much later", now + timedelta(days=40), "meeting")
    records.mark_promise_done(records.add_promise(fine, "Done", now + timedelta(days=1)), now)
    records.cancel_promise(records.add_promise(quiet, "Dropped", now + timedelta(days=1)), now)
    close_database()
    return path


def test_at_risk_json(db: Path, capsys) -> None:
    assert main(["--db", str(db), "at-risk", "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert [(i["name"], [s["key"] for s in i["signs"]]) for i in items] == [
        ("Renée & <Sons>", ["silence"])]
    assert items[0]["ledger"]["broken"] == 1 and items[0]["ledger"]["overdue"] == 1


def test_at_risk_text(db: Path, capsys) -> None:
    assert main(["--db", str(db), "at-risk"]) == 0
    out = capsys.readouterr().out
    assert "Renée & <Sons>" in out and "Schedule a meaningful check-in." in out
    assert "山田商店" not in out


def test_due_lists_groups(db: Path, capsys) -> None:
    assert main(["--db", str(db), "due"]) == 0
    out = capsys.readouterr().out
    assert "Overdue (1)" in out and "Send the figures" in out
    assert "Call about spring" in out and "Much later" not in out


def _events(path: Path) -> list:
    cal = Calendar.from_ical(path.read_bytes())
    return [c for c in cal.walk("VEVENT")]


def test_ics_every_open_promise_once_with_stable_uids_and_alarms(db: Path, tmp_path: Path,
                                                                  capsys) -> None:
    first, second = tmp_path / "one.ics", tmp_path / "two.ics"
    assert main(["--db", str(db), "due", "--ics", str(first)]) == 0
    clock.advance(timedelta(minutes=5))
    assert main(["--db", str(db), "due", "--ics", str(second)]) == 0
    events = _events(first)
    assert sorted(str(e["summary"]) for e in events) == [
        "Call about spring — 山田商店", "Much later — 山田商店",
        "Send the figures — Renée & <Sons>"]
    uids = [str(e["uid"]) for e in events]
    assert len(set(uids)) == 3
    assert uids == [str(e["uid"]) for e in _events(second)]
    for event in events:
        alarm = event.subcomponents[0]
        assert alarm.name == "VALARM" and alarm["trigger"].dt == timedelta(minutes=-15)
    assert os.stat(first).st_mode & 0o777 == 0o600


def test_ics_times_in_the_owners_zone(db: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("TZ", "Europe/Paris")
    out = tmp_path / "paris.ics"
    assert main(["--db", str(db), "due", "--ics", str(out)]) == 0
    cal = Calendar.from_ical(out.read_bytes())
    assert [str(tz["tzid"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/Paris"]
    open_database(db)
    try:
        stored = {p.description: p.due_at for p in due.open_promises()}
    finally:
        close_database()
    for event in _events(out):
        start = event["dtstart"].dt
        assert start.tzinfo == ZoneInfo("Europe/Paris")
        description = str(event["summary"]).split(" — ")[0]
        assert start.replace(tzinfo=None) == stored[description]


def test_ics_to_a_folder_that_does_not_exist_is_a_clear_error(db: Path, tmp_path: Path,
                                                               capsys) -> None:
    assert main(["--db", str(db), "due", "--ics", str(tmp_path / "nope" / "x.ics")]) == 2
    assert "Could not write" in capsys.readouterr().err


@pytest.mark.frozen_at("2027-03-28T00:30")
def test_ics_across_the_clock_change(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("TZ", "Europe/London")
    path = tmp_path / "dst.sqlite"
    open_database(path)
    cid = records.create_client(name="Łukasz")
    records.add_promise(cid, "After the change", datetime(2027, 3, 28, 10, 0))
    close_database()
    out = tmp_path / "dst.ics"
    assert main(["--db", str(path), "due", "--ics", str(out)]) == 0
    (event,) = _events(out)
    assert event["dtstart"].dt.utcoffset() == timedelta(hours=1)


def test_a_name_that_holds_terminal_codes_is_shown_not_obeyed(tmp_path: Path,
                                                              capsys) -> None:
    path = tmp_path / "codes.sqlite"
    open_database(path)
    now = clock.local_now().replace(second=0)
    odd = records.create_client(name="Acme\x1b[2J Ltd", started_on=date(2020, 1, 1))
    records.add_interaction(odd, now - timedelta(days=100), "call")
    records.set_revenue(odd, now.date().replace(day=1), 50_000)
    records.add_promise(odd, "Call\x1b]0;owned\x07 back", now + timedelta(hours=2))
    close_database()
    for command in (["at-risk"], ["due"], ["dashboard"]):
        assert main(["--db", str(path), *command]) == 0
        out = capsys.readouterr().out
        assert "\x1b" not in out and "\x07" not in out, command
        assert "Acme\\x1b[2J Ltd" in out, command
