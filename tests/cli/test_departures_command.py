"""`goodbye-desktop departures`: the same rows as the departed view, as a table or JSON."""

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from goodbye_desktop.cli import main
from goodbye_desktop.core.departure import DepartureDraft, default_follow_ups, default_plan
from goodbye_desktop.store import departures, records
from goodbye_desktop.store.database import close_database, open_database


def leave(client_id: int, end: date, ended_by: str, reasons: list[str]) -> int:
    draft = DepartureDraft(
        client_id=client_id, ended_by=ended_by, reasons=reasons, kind="fulfilled",
        decided_on=end.replace(day=1), effective_on=end, decision="accept",
        steps=default_plan(end), interview_ask=False, letters=["farewell"],
        follow_ups=default_follow_ups(end),
    )
    return departures.finish(draft, today=date(2026, 5, 15))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "cli.sqlite"
    open_database(path)
    a = records.create_client(name="山田商店", started_on=date(2020, 1, 1))
    b = records.create_client(name="Renée & <Sons>", started_on=date(2023, 6, 1))
    c = records.create_client(name="Zoë", started_on=date(2022, 2, 1))
    leave(a, date(2025, 11, 30), "client", ["price", "competitor"])
    leave(b, date(2026, 3, 31), "outside", ["acquisition"])
    departures.undo_departure(leave(c, date(2026, 4, 30), "owner", ["unprofitable"]))
    close_database()
    return path


def test_json_lists_every_departure_newest_first(db, capsys) -> None:
    assert main(["--db", str(db), "departures", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["client"] for r in rows] == ["Zoë", "Renée & <Sons>", "山田商店"]
    assert rows[2]["reasons"] == ["price", "competitor"]
    assert rows[2]["effective_on"] == "2025-11-30" and rows[2]["tenure_days"] == 2160
    assert rows[0]["state"] == "undone"


def test_year_and_open_filters(db, capsys) -> None:
    assert main(["--db", str(db), "departures", "--year", "2026", "--open", "--json"]) == 0
    assert [r["client"] for r in json.loads(capsys.readouterr().out)] == ["Renée & <Sons>"]


def test_table_aligns_names_in_any_script(db, capsys) -> None:
    assert main(["--db", str(db), "departures", "--year", "2025"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("Client")
    assert out[2].startswith("山田商店  2025-11-30")
    assert "Price, Competitor" in out[2] and out[-1] == "1 departure"


def test_no_departures(tmp_path, capsys) -> None:
    assert main(["--db", str(tmp_path / "empty.sqlite"), "departures"]) == 0
    assert capsys.readouterr().out == "No departures.\n"


def test_a_silly_year_is_one_line_and_status_2(db, capsys) -> None:
    assert main(["--db", str(db), "departures", "--year", "12"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("goodbye-desktop: --year must be a year") and "Traceback" not in err


def test_runs_as_a_program_with_utf8_output(db) -> None:
    done = subprocess.run([sys.executable, "-m", "goodbye_desktop", "--db", str(db),
                           "departures", "--json"], capture_output=True, timeout=120,
                          env={**os.environ, "PYTHONIOENCODING": "latin-1"})
    assert done.returncode == 0, done.stderr.decode()
    assert "山田商店" in done.stdout.decode("utf-8")
