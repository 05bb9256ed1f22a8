"""Letters on the timeline reopen exactly as they were sent."""

from datetime import date

from helpers import close_modal_when_shown
from PySide6.QtCore import QTimer

from goodbye_desktop.correspondence.produce import keep, produce
from goodbye_desktop.store import documents, records
from goodbye_desktop.ui.client_detail import ClientDetail
from goodbye_desktop.ui.dialogs.document_preview import DocumentPreviewDialog


def test_a_kept_letter_reopens_from_the_timeline(qtbot, db_path) -> None:
    client_id = records.create_client(name="Renée & <Sons>", started_on=date(2022, 1, 10))
    records.save_contact(client_id, name="Zoë Łukasiewicz", primary=True)
    document_id = keep(produce("feedback_thanks", client_id,
                               extras={"feedback_summary": "Reports came late.",
                                       "improvement": "They now come within three days."}))
    pane = ClientDetail()
    qtbot.addWidget(pane)
    pane.show_client(client_id)
    tab = pane.timeline_tab
    assert not tab.open_letter_button.isEnabled()
    tab.table.selectRow(0)
    assert tab.open_letter_button.isEnabled()
    assert tab.kept_document_id() == document_id

    seen: list[bytes] = []
    QTimer.singleShot(0, lambda: close_modal_when_shown(DocumentPreviewDialog, seen,
                                                        lambda d: d.produced.pdf))
    assert tab.open_letter() is True
    assert seen == [documents.get_document_pdf(document_id)]
    # Reopening logs nothing new: the timeline still holds the one letter.
    assert len(documents.list_documents(client_id)) == 1


def test_other_entries_are_not_letters(qtbot, db_path) -> None:
    from datetime import datetime

    client_id = records.create_client(name="山田デザイン")
    records.add_interaction(client_id, datetime(2026, 11, 1, 10), "call", minutes=10)
    pane = ClientDetail()
    qtbot.addWidget(pane)
    pane.show_client(client_id)
    pane.timeline_tab.table.selectRow(0)
    assert not pane.timeline_tab.open_letter_button.isEnabled()
    assert pane.timeline_tab.open_letter() is False
