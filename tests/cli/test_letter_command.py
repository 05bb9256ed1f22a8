"""`goodbye-desktop letter`: a letter to a client as a PDF, from a fresh process."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from letter_records import TODAY, business_profile, client_with_contact, departure_for
from pypdf import PdfReader

from goodbye_desktop.commands.letter import KINDS
from goodbye_desktop.documents.letters import LETTER_KINDS
from goodbye_desktop.safe_files import safe_file_name
from goodbye_desktop.store import documents
from goodbye_desktop.store.database import close_database, open_database
from goodbye_desktop.store.detail import interactions

# The records of these tests are dated around TODAY: the clock is frozen there.
pytestmark = pytest.mark.frozen_at(TODAY)


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "goodbye_desktop", *args], capture_output=True,
                          timeout=120, cwd=cwd, env={**os.environ, "PYTHONIOENCODING": "utf-8"})


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "letters.sqlite"
    open_database(path)
    business_profile()
    departure_for(client_with_contact())
    client_with_contact("Renée & <Sons> Bakery", contact="")
    client_with_contact("Łukasz Nowak", contact="")
    close_database()
    return path


def test_the_commands_kinds_are_the_letter_kinds() -> None:
    assert tuple(LETTER_KINDS) == KINDS


def test_a_farewell_is_written_kept_and_logged(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.pdf"
    done = run_cli("--db", str(db), "letter", "farewell", "--client", "Renée & <Sons>",
                   "-o", str(out))
    assert done.returncode == 0, done.stderr.decode()
    text = " ".join(PdfReader(io.BytesIO(out.read_bytes())).pages[0].extract_text().split())
    assert "Renée & <Sons>" in text and "I respect your decision" in text
    open_database(db)
    try:
        client_id = next(c for c in (1, 2, 3) if documents.list_documents(c))
        [kept] = documents.list_documents(client_id)
        assert documents.get_document_pdf(kept.id) == out.read_bytes()
        assert [i.kind for i in interactions(client_id)] == ["letter"]
    finally:
        close_database()


def test_a_unique_search_finds_the_client_and_names_the_file(db: Path, tmp_path: Path) -> None:
    done = run_cli("--db", str(db), "letter", "keep_in_touch", "--client", "lukasz",
                   "--news", "Spring fair", cwd=tmp_path)
    assert done.returncode == 0, done.stderr.decode()
    assert (tmp_path / "Łukasz Nowak-keep_in_touch.pdf").exists()


def test_unknown_and_ambiguous_names_exit_2_with_one_clear_line(db: Path) -> None:
    done = run_cli("--db", str(db), "letter", "farewell", "--client", "Nobody At All")
    assert done.returncode == 2
    err = done.stderr.decode("utf-8")
    assert err.startswith("goodbye-desktop: No client matches 'Nobody At All'")
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    done = run_cli("--db", str(db), "letter", "farewell", "--client", "renee")
    assert done.returncode == 2
    err = done.stderr.decode("utf-8")
    assert "2 clients match 'renee'" in err
    assert "Renée & <Sons> (id 1)" in err and "Renée & <Sons> Bakery (id 2)" in err


def test_a_missing_fact_exits_2_and_says_how_to_give_it(db: Path, tmp_path: Path) -> None:
    done = run_cli("--db", str(db), "letter", "keep_in_touch", "--client", "Łukasz Nowak",
                   cwd=tmp_path)
    assert done.returncode == 2
    assert "--news" in done.stderr.decode("utf-8")
    assert list(tmp_path.glob("*.pdf")) == []


def test_safe_file_names_keep_every_script() -> None:
    assert safe_file_name("Renée & <Sons>") == "Renée & _Sons_"
    assert safe_file_name("山田/デザイン: 事務所?") == "山田_デザイン_ 事務所_"
    assert safe_file_name(" .. ", fallback="letter") == "letter"
    assert safe_file_name("CON") == "_CON"
    assert len(safe_file_name("x" * 400, "-farewell.pdf")) == 255
