"""The transition plan (long tables, page numbers) and batches: letters, envelopes, labels."""

from __future__ import annotations

import pytest
from doc_pdfcheck import make_sender, make_steps, page_texts, pdf_text, reader

from goodbye_desktop.documents import batch, letters
from goodbye_desktop.documents.values import LetterItem, PlanStep, Recipient
from goodbye_desktop.errors import ValidationError

MM = 72 / 25.4


def test_long_plan_repeats_the_header_and_numbers_pages(sender, recipient, facts) -> None:
    steps = make_steps(60)
    pdf = letters.transition_plan(sender, recipient, facts, steps)
    pages = page_texts(pdf)
    total = len(pages)
    assert total >= 3
    assert f"Page 1 of {total}" in pages[0]
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {total}" in text
    # The header row is repeated at the top of the table on page 2.
    assert "Date Step Who Status" in pages[1]
    assert "Date Step Who Status" in pages[0]
    everything = " ".join(pages)
    for i in (1, 30, 60):
        assert f"Step {i}: hand over" in everything
    assert "Alex Morgan" in pages[-1]  # the closing and signature come after the table


def test_plan_steps_are_sorted_and_statuses_worded(sender, recipient, facts) -> None:
    from datetime import date

    steps = [PlanStep(date(2026, 12, 20), "Final invoice", "Alex", "done"),
             PlanStep(date(2026, 12, 2), "Hand over <files> & logins", "Zoë", "in_progress"),
             PlanStep(date(2026, 12, 10), "Introduce Bright Path", "", "waiting on client")]
    text = pdf_text(letters.transition_plan(sender, recipient, facts, steps))
    assert text.index("Hand over <files> & logins") < text.index("Introduce Bright Path")
    assert text.index("Introduce Bright Path") < text.index("Final invoice")
    assert "In progress" in text and "Done" in text and "waiting on client" in text
    assert "Page 1 of" not in text


def test_plan_header_in_german(recipient, facts) -> None:
    text = pdf_text(letters.transition_plan(make_sender(locale="de_DE"), recipient, facts))
    assert "Datum Schritt Wer Status" in text
    assert "1. Dezember 2026" in text


def test_letters_batch_numbers_each_letter_on_its_own(sender, facts) -> None:
    people = [Recipient("First Client Ltd", "Ann"), Recipient("Second Client Ltd", "Ben"),
              Recipient("Third Client Ltd", "")]
    items = [
        LetterItem("farewell", sender, people[0], facts),
        LetterItem("transition_plan", sender, people[1], facts, steps=make_steps(60)),
        LetterItem("check_in", sender, people[2], facts),
    ]
    pdf = batch.letters_batch(items)
    pages = page_texts(pdf)
    assert "First Client Ltd" in pages[0] and "Page" not in pages[0]
    plan_pages = [p for p in pages if "Second Client Ltd" in p]
    n = len(plan_pages)
    assert n >= 3
    for number, text in enumerate(plan_pages, start=1):
        assert f"Page {number} of {n}" in text
    assert "Third Client Ltd" in pages[-1] and "Page" not in pages[-1]
    assert len(pages) == n + 2
    assert reader(pdf).metadata.creator == "Goodbye Desktop"


def test_empty_batch_is_refused() -> None:
    with pytest.raises(ValidationError):
        batch.letters_batch([])


@pytest.mark.parametrize(("size", "width", "height"),
                         [("DL", 220 * MM, 110 * MM), ("#10", 9.5 * 72, 4.125 * 72)])
def test_envelopes_one_per_page(size, width, height, sender) -> None:
    people = [Recipient("Renée & <Sons> Ltd", "Zoë Łukasiewicz", "Unit 4\nPenryn"),
              Recipient("山田商事", "山田太郎", "東京都千代田区")]
    pdf = batch.envelopes(sender, people, size)
    pages = reader(pdf).pages
    assert len(pages) == 2
    assert float(pages[0].mediabox.width) == pytest.approx(width, abs=0.1)
    assert float(pages[0].mediabox.height) == pytest.approx(height, abs=0.1)
    texts = page_texts(pdf)
    assert "Renée & <Sons> Ltd" in texts[0] and "Harbour Lane Studio" in texts[0]
    assert "山田太郎" in texts[1]


@pytest.mark.parametrize(("sheet", "per_page"), [("A4", 21), ("A4-70x42", 21), ("Letter", 30)])
def test_address_labels_fill_sheets(sheet, per_page) -> None:
    people = [Recipient(f"Client {i:02d} & <Co>", "", f"{i} Street\nTown") for i in range(45)]
    pdf = batch.address_labels(people, sheet)
    pages = page_texts(pdf)
    assert len(pages) == -(-45 // per_page)
    assert "Client 00 & <Co>" in pages[0]
    assert f"Client {per_page - 1:02d} & <Co>" in pages[0]
    assert f"Client {per_page:02d} & <Co>" in pages[1]


def test_labels_skip_used_ones() -> None:
    pdf = batch.address_labels([Recipient(f"C{i}") for i in range(3)], "Letter", skip=28)
    pages = page_texts(pdf)
    assert len(pages) == 2
    assert "C0" in pages[0] and "C1" in pages[0] and "C2" in pages[1]


def test_unknown_sizes_are_refused(sender) -> None:
    with pytest.raises(ValidationError):
        batch.envelopes(sender, [Recipient("A")], "C4")
    with pytest.raises(ValidationError):
        batch.address_labels([Recipient("A")], "A3")
