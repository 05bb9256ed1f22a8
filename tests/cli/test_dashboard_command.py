"""`goodbye-desktop dashboard` and `goodbye-desktop report` on a small business."""

from __future__ import annotations

import json
import os

import pytest
from dashboard_records import build_small_business

from goodbye_desktop.cli import main
from goodbye_desktop.store.database import close_database, open_database

pytestmark = pytest.mark.frozen_at("2026-11-25T10:00")

KEYS = {
    "year", "as_of", "active_start", "active_end", "gained", "lost", "net", "logo_churn",
    "retention", "retention_goal", "history", "revenue_lost_cents", "concentration",
    "reasons", "kinds", "ended_by", "avoidable", "unavoidable", "median_tenure_days",
    "median_tenure_months",
    "reactivated", "reactivation_goal", "median_months_away", "proposals", "pareto",
    "at_risk", "promises",
}


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "cli.sqlite"
    open_database(path)
    build_small_business()
    close_database()
    return path


def test_json_holds_every_key(db, capsys) -> None:
    assert main(["--db", str(db), "dashboard", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == KEYS
    assert (data["year"], data["as_of"], data["lost"], data["gained"]) == (
        2026, "2026-11-25", 3, 2)
    assert data["retention"] == 0.8 and data["logo_churn"] == 0.4
    assert data["revenue_lost_cents"] == 195000
    assert data["reasons"]["needs_fulfilled"] == 1 and data["ended_by"]["owner"] == 1
    assert [y["year"] for y in data["history"]] == [2022, 2023, 2024, 2025, 2026]
    assert data["median_months_away"] == 7.0 and data["reactivated"] == 2
    assert (data["median_tenure_days"], data["median_tenure_months"]) == (1764, 57)
    assert data["concentration"]["clients"][0]["name"] == "Alder"
    assert data["pareto"]["clients"] == [{"id": 1, "name": "Alder", "minutes": 300}]
    # The At-risk list's clients: Alder has not been heard from since March.
    alder = next(a for a in data["at_risk"] if a["name"] == "Alder")
    assert set(alder) == {"id", "name", "signs"} and "silence" in alder["signs"]
    assert set(data["promises"]) == {"due_today", "overdue", "next_7_days"}


def test_a_past_year_and_the_text_summary(db, capsys) -> None:
    assert main(["--db", str(db), "dashboard", "--year", "2025"]) == 0
    out = capsys.readouterr().out
    assert "Dashboard for 2025, up to 2025-12-31" in out
    assert "Retention: 83.3 % (goal 90 %)" in out


def test_the_text_summary_gives_the_median_tenure_as_the_list_does(db, capsys) -> None:
    assert main(["--db", str(db), "dashboard"]) == 0
    # Birch, the middle of three leavers, was a client from June 2021 to March 2026.
    out = capsys.readouterr().out
    assert "median tenure: 4 y 9 m" in out
    # Reasons, kinds and who ended it in words, amounts as the window writes them.
    assert "Reasons: Price 1, Service 1, Needs fulfilled 1" in out
    assert "Kinds: Fulfilled 1, Scattered 1" in out and "needs_fulfilled" not in out
    assert "Ended by: The client 2, You (the owner) 1" in out
    assert "Revenue lost with the departures: €1,950.00" in out


def test_a_year_still_ahead_is_refused(db, capsys) -> None:
    assert main(["--db", str(db), "dashboard", "--year", "2027"]) == 2
    assert "--year must be a year from 1900 to 2026" in capsys.readouterr().err


def test_an_empty_database_in_words(tmp_path, capsys) -> None:
    assert main(["--db", str(tmp_path / "empty.sqlite"), "dashboard"]) == 0
    assert "There are no clients yet" in capsys.readouterr().out


def test_report_writes_a_private_pdf(db, tmp_path, capsys) -> None:
    target = tmp_path / "out" / "review.pdf"
    target.parent.mkdir()
    assert main(["--db", str(db), "report", "--year", "2026", "-o", str(target)]) == 0
    assert target.read_bytes().startswith(b"%PDF")
    assert os.stat(target).st_mode & 0o777 == 0o600
    assert list(target.parent.iterdir()) == [target]  # no temporary file left behind
    assert "Wrote" in capsys.readouterr().out
