"""Letters around a departure in the app: the panel's Letters menu and the offer after Finish."""

from helpers import close_modal_when_shown
from letter_records import TODAY, business_profile, client_with_contact, departure_for
from PySide6.QtCore import QTimer

from goodbye_desktop.store import documents
from goodbye_desktop.ui import alerts
from goodbye_desktop.ui.departure_panel import DeparturePanel
from goodbye_desktop.ui.departure_wizard import DepartureWizard
from goodbye_desktop.ui.dialogs.document_preview import DocumentPreviewDialog


def close_preview_when_shown(seen: list[str]) -> None:
    close_modal_when_shown(DocumentPreviewDialog, seen, lambda d: d.produced.kind)


def test_the_panel_offers_every_letter_with_the_chosen_ones_first(qtbot, db_path) -> None:
    business_profile()
    client_id = client_with_contact()
    departure_for(client_id, today=TODAY)
    panel = DeparturePanel()
    qtbot.addWidget(panel)
    panel.show_client(client_id)
    kinds = [a.data() for a in panel.letters_menu.actions() if a.data()]
    assert kinds[:2] == ["farewell", "transition_plan"]
    assert len(kinds) == 7 and "keep_in_touch" in kinds

    seen: list[str] = []
    QTimer.singleShot(0, lambda: close_preview_when_shown(seen))
    assert panel.prepare_letter("transition_plan") is False  # closed without printing
    assert seen == ["transition_plan"]
    assert documents.list_documents(client_id) == []


def test_after_finish_the_chosen_letters_can_wait(qtbot, db_path) -> None:
    business_profile()
    client_id = client_with_contact()
    departure_id = departure_for(client_id, today=TODAY)
    with alerts.intercept(answer=False) as shown:
        opened = DepartureWizard.offer_letters(None, client_id, departure_id,
                                               ["farewell", "transition_plan"])
    assert opened == 0
    assert "2 chosen documents" in shown[0].text


def test_after_finish_each_chosen_letter_opens(qtbot, db_path) -> None:
    business_profile()
    client_id = client_with_contact()
    departure_id = departure_for(client_id, today=TODAY)
    seen: list[str] = []

    def close_each() -> None:
        close_preview_when_shown(seen)
        if len(seen) < 2:
            QTimer.singleShot(20, close_each)

    QTimer.singleShot(0, close_each)
    with alerts.intercept(answer=True):
        DepartureWizard.offer_letters(None, client_id, departure_id,
                                      ["farewell", "transition_plan"])
    assert seen == ["farewell", "transition_plan"]
