"""The due letters dialog: letters due in a range listed, previewed, saved and kept."""

import io
from datetime import date
from pathlib import Path

import pytest
from helpers import type_text
from letter_records import TODAY, at, business_profile, client_with_contact, departure_for
from pypdf import PdfReader
from PySide6.QtCore import Qt

from goodbye_desktop.correspondence.due_letters import keep_batch
from goodbye_desktop.store import documents, records
from goodbye_desktop.ui.dialogs.due_letters import DueLettersDialog


@pytest.fixture
def clients(db_path: Path) -> tuple[int, int]:
    business_profile()
    first = client_with_contact()
    departure_for(first)  # a check-in due on 2026-07-30
    second = client_with_contact("Дмитрий Соколов", contact="")
    records.add_promise(second, "A note", at(date(2026, 7, 25)), "letter",
                        letter_kind="keep_in_touch")
    return first, second


@pytest.fixture
def dialog(qtbot, clients) -> DueLettersDialog:
    dialog = DueLettersDialog(None, today=TODAY, keep=keep_batch)
    qtbot.addWidget(dialog)
    dialog.set_range(date(2026, 7, 20), date(2026, 7, 31))
    return dialog


def test_the_default_range_is_the_next_two_weeks(qtbot, clients) -> None:
    dialog = DueLettersDialog(None, today=date(2026, 7, 20), keep=keep_batch)
    qtbot.addWidget(dialog)
    assert dialog.toDate.date().toPython() == date(2026, 8, 3)
    assert [d.client_name for d in dialog.chosen()] == ["Дмитрий Соколов", "Renée & <Sons>"]


def test_a_note_without_news_is_left_out_and_said_why(dialog) -> None:
    assert dialog.letterList.topLevelItemCount() == 2
    batch = dialog.build()
    assert batch is not None and len(batch.written) == 1
    assert "Left out: Дмитрий Соколов" in dialog.resultLabel.text()
    type_text(dialog.news, "The harbour festival is back in August.")
    assert len(dialog.build().written) == 2


def test_saving_writes_letters_and_labels_and_keeps_each_letter(dialog, clients,
                                                                tmp_path) -> None:
    first, second = clients
    dialog.letterList.topLevelItem(0).setCheckState(0, Qt.CheckState.Unchecked)
    dialog.set_companion("labels-A4")
    letters, labels = dialog.save_to(tmp_path / "due.pdf")
    assert len(PdfReader(io.BytesIO(letters.read_bytes())).pages) == 1
    assert labels.name == "due - labels-A4.pdf"
    assert "Renée & <Sons>" in PdfReader(io.BytesIO(labels.read_bytes())).pages[0].extract_text()
    assert [d.kind for d in documents.list_documents(first)] == ["check_in"]
    assert documents.list_documents(second) == []
    # The saved letter is no longer due; the unticked one still is.
    assert [d.client_name for d in dialog.chosen()] == ["Дмитрий Соколов"]


def test_an_empty_range_says_when_the_next_letter_is_due(qtbot, clients) -> None:
    from PySide6.QtCore import QDate, QLocale

    dialog = DueLettersDialog(None, today=TODAY, keep=keep_batch)
    qtbot.addWidget(dialog)
    dialog.set_range(date(2026, 7, 1), date(2026, 7, 10))
    dialog.refresh()
    assert dialog.letterList.topLevelItemCount() == 0
    next_day = QLocale().toString(QDate(2026, 7, 25), QLocale.FormatType.LongFormat)
    assert dialog.emptyLabel.text() == (
        f"No follow-up letters are due in this range. The next one is due on {next_day}.")
    dialog.set_range(date(2028, 1, 1), date(2028, 1, 31))
    dialog.refresh()
    assert dialog.emptyLabel.text() == "No follow-up letters are due in this range, nor later."
