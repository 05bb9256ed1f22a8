"""Kept documents, letter templates and the reads letters are made from, on a real file."""

from datetime import date, datetime
from pathlib import Path

import pytest
from letter_records import END, TODAY, at, client_with_contact, departure_for

from goodbye_desktop.errors import NotFoundError, ValidationError
from goodbye_desktop.store import documents, records
from goodbye_desktop.store.database import close_database, open_database
from goodbye_desktop.store.detail import interactions

# The records of these tests are dated around TODAY: the clock is frozen there.
pytestmark = pytest.mark.frozen_at(TODAY)

PDF = b"%PDF-1.4\n% a tiny stand-in with \x00 binary \xff bytes\n%%EOF\n"


@pytest.fixture
def db_file(tmp_path: Path):
    path = tmp_path / "documents.sqlite"
    open_database(path)
    yield path
    close_database()


@pytest.fixture
def client_id(db_file) -> int:
    return client_with_contact()


def test_a_kept_document_is_the_exact_pdf_with_a_letter_on_the_timeline(client_id) -> None:
    when = datetime(2026, 5, 15, 9, 30)
    doc_id = documents.save_document(client_id, "farewell", "Farewell letter: Thank you", PDF,
                                     when=when)
    assert documents.get_document_pdf(doc_id) == PDF
    [row] = documents.list_documents(client_id)
    assert (row.id, row.kind, row.title, row.created_at, row.size) == (
        doc_id, "farewell", "Farewell letter: Thank you", when, len(PDF))
    [logged] = interactions(client_id)
    assert (logged.kind, logged.direction, logged.summary, logged.occurred_at) == (
        "letter", "out", "Farewell letter: Thank you", when)
    assert documents.document_for_interaction(logged.id) == doc_id
    assert records.get_client(client_id)["last_contact_at"] == when


def test_documents_are_listed_newest_first(client_id) -> None:
    first = documents.save_document(client_id, "farewell", "One", PDF, when=at(date(2026, 5, 1)))
    second = documents.save_document(client_id, "check_in", "Two", PDF, when=at(date(2026, 5, 9)))
    assert [d.id for d in documents.list_documents(client_id)] == [second, first]


def test_only_a_pdf_can_be_kept(client_id) -> None:
    with pytest.raises(ValidationError) as caught:
        documents.save_document(client_id, "farewell", "Not a PDF", b"hello")
    assert caught.value.field == "pdf"
    assert documents.list_documents(client_id) == []
    assert interactions(client_id) == []


def test_a_document_for_a_missing_client_leaves_nothing(db_file) -> None:
    with pytest.raises(NotFoundError):
        documents.save_document(999, "farewell", "Lost", PDF)
    with pytest.raises(NotFoundError):
        documents.get_document_pdf(1)


def test_a_batch_is_kept_whole_or_not_at_all(client_id) -> None:
    batch = [documents.NewDocument(client_id, "check_in", "Fine", PDF),
             documents.NewDocument(client_id + 100, "check_in", "Nobody", PDF)]
    with pytest.raises(NotFoundError):
        documents.save_documents(batch)
    assert documents.list_documents(client_id) == []
    assert interactions(client_id) == []


def test_keeping_a_follow_up_letter_marks_its_promise_done(client_id) -> None:
    departure_for(client_id)
    [due, *_] = documents.promises_due_with_letters(END, date(2026, 8, 31))
    when = datetime(2026, 7, 30, 11, 0)
    documents.save_document(client_id, due.letter_kind, "Check-in", PDF, when=when,
                            promise_id=due.promise_id)
    remaining = documents.promises_due_with_letters(END, date(2026, 8, 31))
    assert due.promise_id not in [r.promise_id for r in remaining]


def test_templates_are_stored_replaced_and_reset(db_file) -> None:
    assert documents.get_template("farewell") is None
    documents.save_template("farewell", "Subject: Hello {client_name}\n\nFirst.")
    text = "Subject: Bye {client_name}\n\nSecond, 山田 & <ok>."
    documents.save_template("farewell", text)
    assert documents.get_template("farewell") == text
    assert documents.customised_kinds() == {"farewell"}
    documents.reset_template("farewell")
    assert documents.get_template("farewell") is None
    with pytest.raises(ValidationError):
        documents.save_template("farewell", "   ")


def test_due_letters_are_open_promises_with_a_letter_in_the_range(client_id) -> None:
    other = client_with_contact("Łukasz Nowak", contact="")
    departure_for(client_id)
    records.add_promise(other, "Call about the invoice", at(date(2026, 7, 30)))  # no letter
    records.add_promise(other, "Note", at(date(2026, 7, 31)), "letter", letter_kind="check_in")
    cancelled = records.add_promise(other, "Note", at(date(2026, 7, 31)), "letter",
                                    letter_kind="keep_in_touch")
    records.cancel_promise(cancelled)
    rows = documents.promises_due_with_letters(date(2026, 7, 30), date(2026, 7, 31))
    assert [(r.client_name, r.letter_kind) for r in rows] == [
        ("Renée & <Sons>", "check_in"), ("Łukasz Nowak", "check_in")]
    assert rows[0].departure_id is not None and rows[1].departure_id is None
    # The end day counts whole: a promise at 10:00 on the last day is in.
    assert documents.promises_due_with_letters(date(2026, 7, 31), date(2026, 7, 31))
    records.set_archived([other], True)
    assert len(documents.promises_due_with_letters(date(2026, 7, 30), date(2026, 7, 31))) == 1
    with pytest.raises(ValidationError):
        documents.promises_due_with_letters(date(2026, 8, 1), date(2026, 7, 1))


def test_letter_sources_gather_the_client_contacts_and_latest_departure(client_id) -> None:
    records.save_contact(client_id, name="Old Friend", email="old@example.org",
                         left_on=date(2025, 1, 1))
    departure_id = departure_for(client_id)
    sources = documents.letter_sources(client_id)
    assert sources.client_name == "Renée & <Sons>"
    assert sources.contacts[0].name == "Zoë Łukasiewicz" and sources.contacts[0].primary
    assert sources.departure is not None and sources.departure.id == departure_id
    assert sources.departure.effective_on == END
    assert [s.description for s in sources.departure.steps][0] == "Finish the open work"
    assert documents.primary_email(client_id) == "zoe@example.org"
    with pytest.raises(NotFoundError):
        documents.letter_sources(client_id, departure_id + 1)
    with pytest.raises(NotFoundError):
        documents.letter_sources(client_id + 1)


def test_documents_folder_sits_beside_the_database(db_file) -> None:
    assert documents.documents_folder() == db_file.parent / "documents documents"
