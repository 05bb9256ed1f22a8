"""The command line prints an error's English words from the one catalogue, on one line,
and exits with status 2."""

from pathlib import Path

import pytest

from goodbye_desktop import error_words
from goodbye_desktop.cli import main


@pytest.mark.frozen_at("2026-03-15T10:00")
def test_an_error_is_printed_in_its_words_with_its_values(tmp_path: Path, capsys) -> None:
    db = tmp_path / "records.sqlite"
    assert main(["--db", str(db), "dashboard", "--year", "1800"]) == 2
    captured = capsys.readouterr()
    assert captured.err == ("goodbye-desktop: --year must be a year from 1900 to 2026 "
                            "(got 1800).\n")
    assert captured.out == ""


@pytest.mark.frozen_at("2026-03-15T10:00")
def test_the_words_come_from_the_catalogue(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setitem(error_words.ERROR_WORDS, "cli.year_range",
                        "Pick a year up to {latest}, not {given}.")
    assert main(["--db", str(tmp_path / "records.sqlite"), "dashboard", "--year", "1800"]) == 2
    assert capsys.readouterr().err.endswith(": Pick a year up to 2026, not 1800.\n")
