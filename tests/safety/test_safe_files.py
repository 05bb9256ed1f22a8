"""The one way files are written: atomic, private, never over the store, with safe names."""

import os
import stat
from pathlib import Path

import pytest

from goodbye_desktop import safe_files
from goodbye_desktop.safe_files import (
    OutputPathError,
    atomic_file,
    check_output_path,
    make_private_dir,
    safe_file_name,
    write_atomic,
)


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_a_written_file_is_private_and_whole(tmp_path: Path, umask_022) -> None:
    target = tmp_path / "letter.pdf"
    write_atomic(target, b"%PDF-1.4 new")
    assert target.read_bytes() == b"%PDF-1.4 new"
    assert mode_of(target) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["letter.pdf"]


def test_a_failed_write_keeps_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "clients.csv"
    target.write_text("the good copy", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_file(target, "w", encoding="utf-8") as out:
        out.write("half of a new")
        raise RuntimeError("the disk is full")
    assert target.read_text(encoding="utf-8") == "the good copy"
    assert [p.name for p in tmp_path.iterdir()] == ["clients.csv"]


def test_folders_are_made_private(tmp_path: Path, umask_022) -> None:
    made = make_private_dir(tmp_path / "a" / "b")
    assert mode_of(made) == 0o700 and mode_of(tmp_path / "a") == 0o700


def test_the_store_and_its_backups_are_never_an_output(tmp_path: Path) -> None:
    db = tmp_path / "shop.sqlite"
    db.write_bytes(b"records")
    safe_files.protect_store(db)
    try:
        for name in ("shop.sqlite", "shop.sqlite-wal", "shop.sqlite-shm", "shop.sqlite.lock",
                     "backups/daily.sqlite", "sub/../shop.sqlite"):
            with pytest.raises(OutputPathError):
                write_atomic(tmp_path / name, b"%PDF")
        os.link(db, tmp_path / "alias.pdf")
        with pytest.raises(OutputPathError, match="your database"):
            check_output_path(tmp_path / "alias.pdf")
        assert db.read_bytes() == b"records"
        check_output_path(tmp_path / "letter.pdf")
    finally:
        safe_files.unprotect_store(db)


@pytest.mark.parametrize("text", ["山田" * 200, "é" * 300, "a" * 400, "Zoë" + "\u0301" * 300])
def test_long_names_fit_255_bytes(text: str) -> None:
    name = safe_file_name(text, "-farewell.pdf")
    assert len(name.encode("utf-8")) <= 255
    assert name.endswith("-farewell.pdf")
    assert name.encode("utf-8").decode("utf-8") == name


def test_names_lose_controls_and_bidi_but_keep_their_letters() -> None:
    assert safe_file_name("Renée & <Sons>\u202e\n\x1b[2J") == "Renée & _Sons_ [2J"
    assert safe_file_name("محمد\u200f") == "محمد"
    assert safe_file_name("CON") == "_CON"
    assert safe_file_name("\x00\x01", ".pdf") == "document.pdf"
