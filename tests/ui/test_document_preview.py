"""The document preview: a real PDF shown, saved, printed and mailed; kept only then."""

import io
from pathlib import Path

import pytest
from letter_records import TODAY, business_profile, client_with_contact, departure_for
from pypdf import PdfReader
from PySide6.QtCore import QUrl, QUrlQuery
from PySide6.QtPrintSupport import QPrinter

from goodbye_desktop.correspondence.produce import keep, produce
from goodbye_desktop.store import documents
from goodbye_desktop.store.detail import interactions
from goodbye_desktop.ui import alerts
from goodbye_desktop.ui.dialogs.document_preview import DocumentPreviewDialog


@pytest.fixture
def client_id(db_path: Path) -> int:
    business_profile()
    client_id = client_with_contact()
    departure_for(client_id)
    return client_id


@pytest.fixture
def dialog(qtbot, client_id: int) -> DocumentPreviewDialog:
    produced = produce("transition_plan", client_id, today=TODAY)
    dialog = DocumentPreviewDialog(None, produced, keep=keep)
    qtbot.addWidget(dialog)
    return dialog


def test_the_preview_shows_the_pdf_and_keeps_nothing(dialog, client_id) -> None:
    assert dialog.pane.page_count() == 1
    assert dialog.pageCountLabel.text() == "1 page"
    assert "Nothing is kept" in dialog.statusLabel.text()
    assert documents.list_documents(client_id) == []


def test_save_as_writes_the_file_and_keeps_the_letter(dialog, client_id, tmp_path) -> None:
    target = tmp_path / "Renée & Sons plan.pdf"
    assert dialog.save_to(target)
    assert target.read_bytes() == dialog.produced.pdf
    [kept] = documents.list_documents(client_id)
    assert documents.get_document_pdf(kept.id) == target.read_bytes()
    assert [i.summary for i in interactions(client_id)] == [dialog.produced.title]
    # Saving again does not log the same letter twice.
    assert dialog.save_to(tmp_path / "again.pdf")
    assert len(documents.list_documents(client_id)) == 1
    assert "Kept and logged" in dialog.statusLabel.text()


def test_printing_paints_every_page_and_keeps_the_letter(dialog, client_id, tmp_path) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert dialog.print_to(printer)
    printed = PdfReader(io.BytesIO((tmp_path / "printed.pdf").read_bytes()))
    assert len(printed.pages) == 1
    assert len(documents.list_documents(client_id)) == 1


def test_email_saves_beside_the_database_and_opens_a_draft(dialog, client_id, db_path) -> None:
    opened: list[QUrl] = []
    dialog.open_url = opened.append
    path = dialog.email_to(documents.documents_folder())
    assert path is not None and path.parent == db_path.parent / "test documents"
    assert path.read_bytes() == dialog.produced.pdf
    mail, folder = opened
    assert mail.scheme() == "mailto" and mail.path() == "zoe@example.org"
    query = QUrlQuery(mail)
    full = QUrl.ComponentFormattingOption.FullyDecoded
    assert query.queryItemValue("subject", full) == "Transition plan for Renée & <Sons>"
    assert str(path) in query.queryItemValue("body", full)
    assert folder == QUrl.fromLocalFile(str(path.parent))
    assert len(documents.list_documents(client_id)) == 1
    # A second email of the same letter gets a file of its own.
    assert dialog.email_to(documents.documents_folder()) != path


def test_a_kept_document_reopens_as_it_was_sent(qtbot, dialog, client_id, tmp_path) -> None:
    dialog.save_to(tmp_path / "sent.pdf")
    [kept] = documents.list_documents(client_id)
    again = DocumentPreviewDialog(None, dialog.produced, document_id=kept.id)
    qtbot.addWidget(again)
    assert "exactly as it was sent" in again.statusLabel.text()
    assert again.save_to(tmp_path / "reprint.pdf")
    assert (tmp_path / "reprint.pdf").read_bytes() == (tmp_path / "sent.pdf").read_bytes()
    assert len(documents.list_documents(client_id)) == 1


def test_a_letter_that_cannot_be_written_is_explained(qtbot, db_path) -> None:
    bare = client_with_contact("Łukasz Nowak", contact="")
    with alerts.intercept() as seen:
        assert DocumentPreviewDialog.produce_asking(None, "farewell", bare) is None
    [alert] = seen
    # A farewell speaks of a departure: without one it is not written, and the owner is
    # told how to start one.
    assert alert.kind == "info" and "Łukasz Nowak has no departure" in alert.text
    assert "Start a departure" in alert.text
