"""The main window reaches every part: letters, settings, departed clients."""

from helpers import close_modal_when_shown
from letter_records import TODAY, business_profile, client_with_contact, departure_for
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QTableWidget

from goodbye_desktop.ui.dialogs.document_preview import DocumentPreviewDialog
from goodbye_desktop.ui.main_window import MainWindow


def make_window(qtbot, db_path) -> MainWindow:
    window = MainWindow(db_path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def menu_titles(window: MainWindow) -> list[str]:
    return [action.text().replace("&", "") for action in window.menuBar().actions()]


def test_settings_and_due_letters_open_their_dialogs(qtbot, db_path) -> None:
    from goodbye_desktop.ui.dialogs.business_profile import BusinessProfileDialog
    from goodbye_desktop.ui.dialogs.due_letters import DueLettersDialog
    from goodbye_desktop.ui.dialogs.template_editor import TemplateEditorDialog

    window = make_window(qtbot, db_path)
    assert "Settings" in menu_titles(window)
    for action, dialog_type in ((window.profile_action, BusinessProfileDialog),
                                (window.templates_action, TemplateEditorDialog),
                                (window.due_letters_action, DueLettersDialog)):
        seen: list = []
        QTimer.singleShot(0, lambda t=dialog_type, s=seen: close_modal_when_shown(
            t, s, lambda d: type(d)))
        action.trigger()
        assert seen == [dialog_type]


def test_departed_clients_page_lists_departures(qtbot, db_path) -> None:
    business_profile()
    client_id = client_with_contact()
    departure_for(client_id, today=TODAY)
    window = make_window(qtbot, db_path)
    assert window.departed_page_action.shortcut() == QKeySequence("Ctrl+3")
    window.departed_page_action.trigger()
    assert window.tabs.currentIndex() == window.DEPARTED_PAGE
    view = window.departed_view
    assert view is not None and view.objectName() == "departedView"
    table = view.findChild(QTableWidget)
    qtbot.waitUntil(lambda: table.rowCount() == 1)
    assert table.item(0, 0).text() == "Renée & <Sons>"


def test_write_a_letter_to_the_selected_client(qtbot, db_path, monkeypatch) -> None:
    business_profile()
    client_id = client_with_contact()
    window = make_window(qtbot, db_path)
    assert window.client_list.select_client(client_id)
    window.fill_letter_menu()
    names = [a.objectName() for a in window.letter_menu.actions()]
    # No departure: the letters that need none, then the way to start one.
    assert names[:2] == ["letter_keep_in_touch_action", "letter_feedback_thanks_action"]
    assert not any(n.startswith("letter_farewell") for n in names)
    assert names[-2:] == ["needsDepartureNote", "startDepartureAction"]
    assert window.letter_menu.isEnabled()
    # The pre-flight's form is answered as the owner would.
    monkeypatch.setattr(DocumentPreviewDialog, "ask_facts", classmethod(
        lambda cls, parent, problems: {"feedback_summary": "Too slow.",
                                       "improvement": "Faster now."}))

    seen: list[str] = []
    QTimer.singleShot(0, lambda: close_modal_when_shown(DocumentPreviewDialog, seen,
                                                        lambda d: d.produced.client_name))
    assert window.write_letter("feedback_thanks") is False  # closed without keeping it
    assert seen == ["Renée & <Sons>"]


def test_no_letter_without_a_selected_client(qtbot, db_path) -> None:
    client_with_contact()
    window = make_window(qtbot, db_path)
    window.client_list.select_client(None)
    assert not window.letter_menu.isEnabled()
    assert window.write_letter("farewell") is False
    assert window.tabs.tabText(window.DEPARTED_PAGE) == "Departed"
    assert window.departed_view is None  # nothing read until the page is opened


def test_departed_page_says_what_to_do_when_empty(qtbot, db_path) -> None:
    client_with_contact()
    window = make_window(qtbot, db_path)
    window.departed_page_action.trigger()
    view = window.departed_view
    assert "Start a departure" in view.empty_label.text()
    assert view.stack.currentWidget() is view.empty_label.parentWidget()
    # Centred: the message sits in the middle of the page, not at its bottom edge.
    assert view.empty_label.alignment() & Qt.AlignmentFlag.AlignHCenter
    assert window.count_label.text() == "No departures"  # the page's count, not the list's
    window.clients_page_action.trigger()
    assert window.count_label.text() == "1 client"


def test_an_empty_search_result_says_so(qtbot, db_path) -> None:
    client_with_contact()
    window = make_window(qtbot, db_path)
    window.client_list.search.setText("<b>nobody</b>")
    assert window.count_label.text() == "No client matches “<b>nobody</b>”. Esc clears the search."
    window.client_list.search.clear()
    assert window.count_label.text() == "1 client"
