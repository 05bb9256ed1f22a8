"""The main window: list and detail together, the first-run welcome, archive and undo,
shortcuts, remembered geometry, and the app's start-up."""

import sqlite3
from datetime import date

import pytest
from helpers import type_text
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget

from goodbye_desktop import app as goodbye_app
from goodbye_desktop.store import queries, records
from goodbye_desktop.store.database import APPLICATION_ID, close_database
from goodbye_desktop.ui import alerts
from goodbye_desktop.ui.dialogs.client_form import ClientFormDialog
from goodbye_desktop.ui.main_window import MainWindow


def make_window(qtbot, db_path) -> MainWindow:
    window = MainWindow(db_path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def clients(db_path):
    return {
        "renee": records.create_client(name="Renée & <Sons>", started_on=date(2020, 1, 1)),
        "lukasz": records.create_client(name="Łukasz Nowak", is_person=True),
        "yamada": records.create_client(name="山田", status="prospect"),
        "mohammed": records.create_client(name="محمد", status="departing"),
    }


@pytest.fixture
def window(qtbot, clients, db_path):
    return make_window(qtbot, db_path)


def shown_names(window: MainWindow) -> list[str]:
    model = window.client_list.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def answer_modal(kind: type, respond, tries: int = 500) -> None:
    """Respond to the modal dialog of type `kind` once it is open (give up after `tries`)."""
    def check(left: int) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            respond(dialog)
        elif left > 0:
            QTimer.singleShot(10, lambda: check(left - 1))
    QTimer.singleShot(0, lambda: check(tries))


# --- layout and places --------------------------------------------------------------------

def test_the_window_shows_the_list_beside_the_detail(qtbot, window, db_path, clients):
    assert window.objectName() == "mainWindow"
    assert window.windowTitle() == "Goodbye Desktop — test.sqlite"
    assert window.findChild(QWidget, "clientTable") is window.client_list.table
    assert window.findChild(QWidget, "clientSearch") is window.client_list.search
    assert window.findChild(QWidget, "statusFilter") is window.client_list.status_filter
    assert window.findChild(QWidget, "clientDetail") is window.client_detail
    assert not window.is_empty_state_shown()
    assert window.count_label.text() == "4 clients"

    window.client_list.select_client(clients["lukasz"])
    assert window.current_client_id() == clients["lukasz"]
    assert window.client_detail.client_id() == clients["lukasz"]


def test_dashboard_place_and_page_shortcuts(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.dashboard_page
    assert window.findChild(QWidget, "dashboard") is window.dashboard
    qtbot.waitUntil(lambda: window.dashboard.figures is not None)
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == window.CLIENTS_PAGE


def test_ctrl_f_goes_to_the_search(qtbot, window):
    window.client_list.table.setFocus()
    qtbot.keyClick(window.client_list.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.client_list.search.hasFocus()
    type_text(window.client_list.search, "łuk")
    assert shown_names(window) == ["Łukasz Nowak"]
    assert window.count_label.text() == "1 client"


def test_a_change_in_the_detail_refreshes_the_list(qtbot, window, clients):
    from goodbye_desktop.ui.client_list import ClientListModel

    window.client_list.select_client(clients["renee"])
    model = window.client_list.model
    row = model.row_of(clients["renee"])
    assert model.index(row, ClientListModel.LAST_CONTACT).data() == "never"
    # Log a call through the detail pane's own form, as the owner would.
    form = window.client_detail.timeline_tab.log_interaction()
    with qtbot.waitSignal(window.client_detail.clientChanged):
        qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    row = model.row_of(clients["renee"])
    assert model.index(row, ClientListModel.LAST_CONTACT).data() != "never"
    assert window.current_client_id() == clients["renee"]


# --- first run ----------------------------------------------------------------------------

def test_an_empty_file_shows_the_welcome(qtbot, db_path):
    window = make_window(qtbot, db_path)
    assert window.is_empty_state_shown()
    assert window.empty_state.isVisible()
    assert window.empty_state.add_button.isVisible()
    assert window.empty_state.sample_button.isVisible()


def test_add_your_first_client_through_the_form(qtbot, db_path):
    window = make_window(qtbot, db_path)

    def fill(dialog: ClientFormDialog):
        type_text(dialog.name, "Zoë Papadopoulou")
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)
    answer_modal(ClientFormDialog, fill)
    qtbot.mouseClick(window.empty_state.add_button, Qt.MouseButton.LeftButton)

    assert not window.is_empty_state_shown()
    assert shown_names(window) == ["Zoë Papadopoulou"]
    assert window.client_list.current_row().name == "Zoë Papadopoulou"


def test_a_new_client_hidden_by_the_search_is_still_shown(qtbot, window):
    qtbot.keyClicks(window.client_list.search, "renee")

    def fill(dialog: ClientFormDialog):
        qtbot.keyClicks(dialog.name, "Acme Widgets")
        dialog.accept()
    answer_modal(ClientFormDialog, fill)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)

    assert window.client_list.search.text() == ""
    assert window.client_list.current_row().name == "Acme Widgets"
    assert len(shown_names(window)) == 5


def test_load_sample_data_from_the_welcome(qtbot, db_path):
    window = make_window(qtbot, db_path)
    qtbot.mouseClick(window.empty_state.sample_button, Qt.MouseButton.LeftButton)
    assert not window.is_empty_state_shown()
    assert window.client_list.model.rowCount() >= 40
    assert "sample clients" in window.statusBar().currentMessage()


def test_sample_data_is_not_mixed_into_real_clients_without_asking(qtbot, window):
    with alerts.intercept(answer=False) as seen:
        window.sample_action.trigger()
    assert [alert.kind for alert in seen] == ["question"]
    assert queries.count_clients() == 4


def test_loading_the_sample_again_adds_no_twins(qtbot, db_path):
    window = make_window(qtbot, db_path)
    window.load_sample_data()
    count = queries.count_clients()
    with alerts.intercept(answer=True):
        window.load_sample_data()
    assert queries.count_clients() == count
    assert "nothing was added" in window.statusBar().currentMessage()


# --- editing ------------------------------------------------------------------------------

def test_edit_client_from_the_menu_updates_the_list(qtbot, window, clients):
    window.client_list.select_client(clients["renee"])

    def change(dialog: ClientFormDialog):
        dialog.name.clear()
        type_text(dialog.name, "Renée & <Daughters>")
        dialog.accept()
    answer_modal(ClientFormDialog, change)
    window.edit_action.trigger()
    assert "Renée & <Daughters>" in shown_names(window)
    assert window.current_client_id() == clients["renee"]


# --- archive and undo ---------------------------------------------------------------------

def test_archive_with_del_then_undo_with_ctrl_z(qtbot, window, clients):
    table = window.client_list.table
    window.client_list.select_client(clients["renee"])
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Delete)

    assert "Renée & <Sons>" not in shown_names(window)
    assert records.get_client(clients["renee"])["archived"] is True
    assert window.statusBar().currentMessage() == "Archived “Renée & <Sons>”"
    assert window.current_client_id() is not None  # the next client took the row
    assert window.count_label.text() == "3 clients"

    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Renée & <Sons>" in shown_names(window)
    assert records.get_client(clients["renee"])["archived"] is False
    assert window.current_client_id() == clients["renee"]

    window.redo_action.trigger()
    assert records.get_client(clients["renee"])["archived"] is True
    assert queries.count_clients() == 4  # nothing is ever deleted


def test_del_in_the_search_field_does_not_archive(qtbot, window, clients):
    window.client_list.select_client(clients["lukasz"])
    search = window.client_list.search
    qtbot.keyClicks(search, "ab")
    search.setCursorPosition(0)
    qtbot.keyClick(search, Qt.Key.Key_Delete)
    assert search.text() == "b"
    assert all(not records.get_client(i)["archived"] for i in clients.values())


def test_restore_an_archived_client_and_undo_it(qtbot, window, clients):
    records.set_archived([clients["mohammed"]], True)
    window.refresh_clients()
    assert "محمد" not in shown_names(window)
    window.show_archived_action.trigger()
    assert window.client_list.show_archived.isChecked()
    window.client_list.select_client(clients["mohammed"])
    assert window.restore_action.isVisible() and window.restore_action.isEnabled()
    assert not window.archive_action.isVisible()

    window.restore_action.trigger()
    assert records.get_client(clients["mohammed"])["archived"] is False
    assert window.statusBar().currentMessage() == "Restored “محمد”"
    window.undo_action.trigger()
    assert records.get_client(clients["mohammed"])["archived"] is True


def test_context_menu_offers_what_fits_the_client(qtbot, window, clients):
    window.client_list.select_client(clients["lukasz"])
    texts = [action.text() for action in window.client_list.context_menu().actions()
             if not action.isSeparator()]
    assert texts == ["&Edit client…", "&Archive client", "Start a &departure…"]


def test_start_a_departure_opens_the_wizard(qtbot, window, clients):
    window.client_list.select_client(clients["lukasz"])
    opened = []

    def close(wizard):
        opened.append(wizard.objectName())
        wizard.reject()
    from goodbye_desktop.ui.departure_wizard import DepartureWizard

    answer_modal(DepartureWizard, close)
    with alerts.intercept(answer=False):  # "keep the draft?" if the wizard asks
        qtbot.keyClick(window, Qt.Key.Key_D,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert opened == ["departureWizard"]


# --- geometry -----------------------------------------------------------------------------

def test_geometry_and_splitter_are_remembered(qtbot, db_path, clients, settings):
    first = make_window(qtbot, db_path)
    # The offscreen screen is 800 pixels wide: restoring clamps a window that wide or
    # wider to the screen's available width, so stay below it.
    width = max(first.minimumSizeHint().width(), 700)
    first.resize(width, 640)
    qtbot.waitUntil(lambda: first.size().width() == width)
    first.splitter.setSizes([300, width])
    sizes = first.splitter.sizes()
    fresh = MainWindow(db_path)
    qtbot.addWidget(fresh)
    assert sizes != fresh.splitter.sizes()  # not what a new window shows
    first.close()
    assert list(settings.rglob("*.ini"))  # written in the test's folder, not the user's

    second = make_window(qtbot, db_path)
    assert (second.width(), second.height()) == (width, 640)
    assert second.splitter.sizes() == sizes
    assert QSettings().fileName().startswith(str(settings))


# --- start-up -----------------------------------------------------------------------------

def test_build_main_window_opens_a_new_file(qtbot, tmp_path):
    path = tmp_path / "new" / "goodbye.sqlite"
    try:
        window = goodbye_app.build_main_window(path)
        qtbot.addWidget(window)
        assert path.exists()
        assert window.is_empty_state_shown()
        families = QApplication.font().families()
        assert families[:2] == ["DejaVu Sans", "WenQuanYi Micro Hei"]
        assert QApplication.desktopFileName() == "io.github.goodbye_desktop.GoodbyeDesktop"
    finally:
        close_database()


def test_run_refuses_a_file_from_a_newer_version_with_a_message(qtbot, tmp_path):
    path = tmp_path / "future.sqlite"
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")  # a newer version of ours
    connection.execute("PRAGMA user_version = 99")
    connection.close()
    before = path.read_bytes()
    with alerts.intercept() as seen:
        assert goodbye_app.run(path) == 2
    assert [alert.kind for alert in seen] == ["error"]
    assert "newer version" in seen[0].text
    assert path.read_bytes() == before


# --- menus, help and icons ----------------------------------------------------------------

def test_sample_data_is_offered_only_while_the_file_is_empty(qtbot, db_path):
    window = make_window(qtbot, db_path)
    assert window.sample_action.isVisible()
    records.create_client(name="Renée & <Sons>")
    window.refresh_clients()
    assert not window.sample_action.isVisible()


def test_the_welcome_offers_the_business_profile(qtbot, db_path):
    from goodbye_desktop.ui.dialogs.business_profile import BusinessProfileDialog

    window = make_window(qtbot, db_path)
    assert window.empty_state.profile_button.isVisible()
    seen = []
    answer_modal(BusinessProfileDialog, lambda dialog: (seen.append(dialog), dialog.reject()))
    qtbot.mouseClick(window.empty_state.profile_button, Qt.MouseButton.LeftButton)
    assert seen


def test_help_has_a_user_guide_and_the_keyboard_shortcuts(qtbot, window):
    help_menu = window.menuBar().actions()[-1].menu()
    assert [a.objectName() for a in help_menu.actions() if not a.isSeparator()] == [
        "userGuideAction", "shortcutsAction", "aboutAction"]
    from goodbye_desktop.ui.dialogs.help_dialog import HelpDialog

    guide = HelpDialog.show_guide(window)
    qtbot.addWidget(guide)
    assert "Warning signs" in guide.browser.toPlainText()
    shortcuts = HelpDialog.show_shortcuts(window, window._shortcut_actions())
    qtbot.addWidget(shortcuts)
    text = shortcuts.browser.toPlainText()
    assert "New client" in text and "Ctrl+N" in text and "Ctrl+Shift+D" in text


def test_every_menu_and_toolbar_action_has_an_icon(qtbot, window):
    window.fill_letter_menu()
    missing = []
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            if action.isSeparator() or action.menu() is not None:
                continue
            if action.icon().isNull():
                missing.append(action.text())
    for action in window.toolbar.actions():
        if not action.isSeparator() and action.icon().isNull():
            missing.append(action.text())
    assert missing == []
