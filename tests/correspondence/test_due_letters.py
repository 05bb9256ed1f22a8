"""The follow-up letters due in a range: one PDF, envelopes or labels, each letter kept."""

import io
from datetime import date
from pathlib import Path

import pytest
from letter_records import TODAY, at, business_profile, client_with_contact, departure_for
from pypdf import PdfReader

from goodbye_desktop.correspondence.due_letters import build_batch, find_due, keep_batch
from goodbye_desktop.errors import ValidationError
from goodbye_desktop.store import documents, records
from goodbye_desktop.store.database import close_database, open_database
from goodbye_desktop.store.detail import interactions

# The records of these tests are dated around TODAY: the clock is frozen there.
pytestmark = pytest.mark.frozen_at(TODAY)


def pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


@pytest.fixture
def store(tmp_path: Path):
    open_database(tmp_path / "due.sqlite")
    business_profile()
    yield
    close_database()


@pytest.fixture
def two_clients(store) -> tuple[int, int]:
    first = client_with_contact()
    departure_for(first)  # check-in due 2026-07-30, notes from 2026-09-30
    second = client_with_contact("Ελένη Αντωνίου", contact="")
    records.update_client(second, ended_on=date(2026, 6, 1))
    records.add_promise(second, "Check in", at(date(2026, 7, 20)), "letter",
                        letter_kind="check_in")
    return first, second


def test_due_letters_print_in_one_pdf_with_envelopes(two_clients) -> None:
    due = find_due(date(2026, 7, 1), date(2026, 7, 31))
    assert [d.client_name for d in due] == ["Ελένη Αντωνίου", "Renée & <Sons>"]
    batch = build_batch(due, envelope_size="DL", today=TODAY)
    letters = pages(batch.letters_pdf)
    assert len(letters) == 2
    assert "Ελένη Αντωνίου" in letters[0] and "Renée & <Sons>" in letters[1]
    envelopes = pages(batch.companion_pdf)
    assert batch.companion == "envelopes-DL" and len(envelopes) == 2
    assert "Renée & <Sons>" in envelopes[1] and "Bright & <Bold> Studio" in envelopes[1]
    box = PdfReader(io.BytesIO(batch.companion_pdf)).pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (
        220, 110)


def test_labels_on_a_letter_sheet(two_clients) -> None:
    batch = build_batch(find_due(date(2026, 7, 1), date(2026, 7, 31)), label_sheet="Letter",
                        today=TODAY)
    [sheet] = PdfReader(io.BytesIO(batch.companion_pdf)).pages
    assert (float(sheet.mediabox.width), float(sheet.mediabox.height)) == (612, 792)
    assert "Ελένη Αντωνίου" in sheet.extract_text()


def test_keeping_the_batch_keeps_each_letter_and_closes_its_promise(two_clients) -> None:
    first, second = two_clients
    batch = build_batch(find_due(date(2026, 7, 1), date(2026, 7, 31)), today=TODAY)
    ids = keep_batch(batch)
    assert len(ids) == 2
    kept = documents.list_documents(first)
    assert [d.kind for d in kept] == ["check_in"]
    assert documents.get_document_pdf(kept[0].id) == batch.written[1][1].pdf
    assert [i.kind for i in interactions(second)] == ["letter"]
    assert find_due(date(2026, 7, 1), date(2026, 7, 31)) == []


def test_a_letter_missing_a_fact_is_left_out_and_said_why(two_clients) -> None:
    due = find_due(date(2026, 7, 1), date(2026, 10, 31))
    assert [d.kind for d in due].count("keep_in_touch") == 1
    batch = build_batch(due, envelope_size=None, today=TODAY)
    assert batch.companion_pdf is None
    assert len(batch.written) == 2
    [(skipped, why)] = batch.skipped
    assert skipped.kind == "keep_in_touch" and "news" in str(why)
    with_news = build_batch(due, today=TODAY, extras={"news": "The harbour festival"})
    assert len(with_news.written) == 3 and not with_news.skipped


def test_nothing_due_is_said_plainly(store) -> None:
    with pytest.raises(ValidationError, match="none is due"):
        build_batch([], today=TODAY)
    with pytest.raises(ValidationError):
        build_batch([], envelope_size="C4")


def test_a_follow_up_of_a_client_who_came_back_is_left_out(two_clients) -> None:
    from goodbye_desktop.store import departures

    first, _ = two_clients
    departure_id = departures.departure_for_client(first)
    departures.mark_returned(departure_id, date(2026, 7, 5))
    records.add_promise(first, "Check in", at(date(2026, 7, 25)), "letter",
                        letter_kind="check_in", departure_id=departure_id)
    due = [d for d in find_due(date(2026, 7, 1), date(2026, 7, 31)) if d.client_id == first]
    assert due
    batch = build_batch(due + find_due(date(2026, 7, 20), date(2026, 7, 20)), today=TODAY)
    [(letter, why)] = [s for s in batch.skipped if s[0].client_id == first]
    assert "is a current client again" in str(why) and "keep-in-touch note" in str(why)
