"""The main window: the client list beside the client's detail, menus, toolbar, status bar.

`MainWindow` holds the app's actions (each in a menu, the most used ones in the
toolbar too), the undo stack for archiving, the "Clients" and "Dashboard"
places, and a welcome panel for a first run with no clients. Window geometry and
the splitter are remembered with QSettings.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QFont, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from goodbye_desktop import APP_NAME, __version__
from goodbye_desktop.errors import GoodbyeError
from goodbye_desktop.store import queries
from goodbye_desktop.ui import alerts, formatting, icons
from goodbye_desktop.ui.client_detail import ClientDetail
from goodbye_desktop.ui.client_list import ClientListPane
from goodbye_desktop.ui.daily_pages import DailyPages
from goodbye_desktop.ui.data_menu import DataActions
from goodbye_desktop.ui.day_watch import DayWatch
from goodbye_desktop.ui.error_text import error_text
from goodbye_desktop.ui.screen_fit import fit_to_screen
from goodbye_desktop.ui.undo import SetArchivedCommand


def centred_panel(parent: QWidget, content: QWidget, *, into: QWidget | None = None) -> QWidget:
    """`content` at a readable width in the middle of a page (`into`, or a new widget)."""
    page = into if into is not None else QWidget(parent)
    # A fixed width lets wrapped text compute its height (a maximum alone clips it).
    content.setFixedWidth(content.fontMetrics().horizontalAdvance("M") * 44)
    # Stretches rather than an alignment flag: aligned widgets get their size hint's
    # height, which is too short for wrapped text.
    middle = QHBoxLayout()
    middle.addStretch(1)
    middle.addWidget(content)
    middle.addStretch(1)
    outer = QVBoxLayout(page)
    outer.addStretch(1)
    outer.addLayout(middle)
    outer.addStretch(2)
    return page


class EmptyState(QFrame):
    """What a first run shows: what the app is for, and two ways to begin."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")

        title = QLabel(self.tr("Welcome to Goodbye Desktop"), self)
        title.setObjectName("emptyStateTitle")
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)

        text = QLabel(self.tr(
            "Keep your client records in one place, notice early when a client starts to "
            "drift away, and when someone leaves, handle it with care: the hand-over, the "
            "letters, and a door left open.\n\n"
            "Everything stays on this computer. Start with your business profile (your name, "
            "address and letterhead for letters, and the hourly rate you aim for), then your "
            "first client; or look around with a sample studio's clients first."), self)
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.profile_button = QPushButton(self.tr("Your &business profile…"), self)
        self.profile_button.setObjectName("setUpProfile")
        self.profile_button.setToolTip(self.tr(
            "Name, address, letterhead, currency and target hourly rate: letters and the "
            "Costly warning sign need them"))
        self.add_button = QPushButton(self.tr("&Add your first client"), self)
        self.add_button.setObjectName("addFirstClient")
        self.add_button.setDefault(True)
        self.sample_button = QPushButton(self.tr("&Load sample data"), self)
        self.sample_button.setObjectName("loadSampleData")

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.profile_button)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.sample_button)
        buttons.addStretch(1)

        panel = QWidget(self)
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(title)
        column.addSpacing(12)
        column.addWidget(text)
        column.addSpacing(18)
        column.addLayout(buttons)
        centred_panel(self, panel, into=self)


class MainWindow(QMainWindow):
    """The app's one window. The store must be open (see `app.build_main_window`)."""

    CLIENTS_PAGE, DASHBOARD_PAGE, DEPARTED_PAGE = 0, 1, 2
    STATUS_TIMEOUT_MS = 10_000

    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # What the checks after opening found, kept while a dialog is open (show_start_checks).
        self._start_checks_waiting: object | None = None
        self.setObjectName("mainWindow")
        self.db_path = Path(db_path)
        self.setWindowTitle(self.tr("%1 — %2").replace("%1", APP_NAME)
                            .replace("%2", self.db_path.name))
        self.undo_stack = QUndoStack(self)
        self._action_slots: dict[QAction, Callable[[], object]] = {}

        self.client_list = ClientListPane(self)
        self.client_detail = ClientDetail(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("clientSplitter")
        self.splitter.addWidget(self.client_list)
        self.splitter.addWidget(self.client_detail)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        self.empty_state = EmptyState(self)
        self.clients_stack = QStackedWidget(self)
        self.clients_stack.addWidget(self.empty_state)
        self.clients_stack.addWidget(self.splitter)

        # Built the first time it is shown (ui/dashboard.py): the window opens without it.
        self.dashboard_page = QWidget(self)
        self.dashboard_page.setObjectName("dashboardPage")
        QVBoxLayout(self.dashboard_page).setContentsMargins(0, 0, 0, 0)
        self.dashboard = None

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.clients_stack, self.tr("Clients"))
        self.tabs.addTab(self.dashboard_page, self.tr("Dashboard"))
        # Built the first time it is shown: the window opens without reading departures.
        self.departed_page = QWidget(self)
        self.departed_page.setObjectName("departedPage")
        QVBoxLayout(self.departed_page).setContentsMargins(0, 0, 0, 0)
        self.departed_view = None
        self.tabs.addTab(self.departed_page, self.tr("Departed"))
        # The daily habit: the At-risk and Due pages, and the notice of due promises.
        self.daily = DailyPages(self, self.open_client, self.refresh_clients)
        self.daily.add_to(self.tabs)
        self.setCentralWidget(self.tabs)

        self.count_label = QLabel(self)
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)  # a search is data, not markup
        self.count_label.setObjectName("clientCount")
        self.statusBar().addPermanentWidget(self.count_label)

        self._make_actions()
        self._make_menus()
        self._make_toolbar()
        self.client_list.set_context_actions([
            self.edit_action, self.archive_action, self.restore_action,
            self._separator(), self.departure_action])

        self.client_list.clientSelected.connect(self._client_selected)
        self.client_list.clientActivated.connect(self.edit_client)
        self.client_list.model.countChanged.connect(self._count_changed)
        self.client_list.show_archived.toggled.connect(self.show_archived_action.setChecked)
        self.client_detail.clientChanged.connect(self._detail_changed)
        self.empty_state.add_button.clicked.connect(self.new_client)
        self.empty_state.profile_button.clicked.connect(self.business_profile)
        self.empty_state.sample_button.clicked.connect(self.load_sample_data)
        self.tabs.currentChanged.connect(self._tab_changed)

        self._count_changed(self.client_list.model.rowCount())
        self._update_empty_state()
        self._update_actions()
        self._restore_settings()

        # Departures turn into "departed" on their effective date, also while the app runs.
        self.day_watch = DayWatch(self)
        self.day_watch.dayChanged.connect(self._new_day)
        self.day_watch.dayChanged.connect(self.daily.new_day)

    # --- actions ------------------------------------------------------------------------

    def _action(self, text: str, slot, shortcut: QKeySequence | str | None = None, *,
                icon: str = "", tip: str = "", name: str = "", data: object = None) -> QAction:
        """An action that calls `slot()` (without the checked flag); `data` rides along."""
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon:
            action.setIcon(icons.icon(icon))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        if name:
            action.setObjectName(name)
        if data is not None:
            action.setData(data)
        # One bound slot for all actions: a lambda here would keep the window alive.
        self._action_slots[action] = slot
        action.triggered.connect(self._action_triggered)
        return action

    def _action_triggered(self, *_args: object) -> None:
        self._action_slots[self.sender()]()

    def _show_page_of_action(self) -> None:
        self.show_page(self.sender().data())

    def _write_letter_of_action(self) -> None:
        self.write_letter(self.sender().data())

    def _separator(self) -> QAction:
        action = QAction(self)
        action.setSeparator(True)
        return action

    def _make_actions(self) -> None:
        tr = self.tr
        self.new_action = self._action(
            tr("&New client…"), self.new_client, QKeySequence.StandardKey.New,
            icon="contact-new", tip=tr("Add a client or a prospect"), name="newClientAction")
        self.sample_action = self._action(
            tr("&Load sample data…"), self.load_sample_data, icon="document-import",
            tip=tr("Fill the file with a sample studio's clients to look around"),
            name="loadSampleAction")
        self.quit_action = self._action(
            tr("&Quit"), self.close, QKeySequence.StandardKey.Quit, icon="application-exit",
            name="quitAction")

        self.undo_action = self.undo_stack.createUndoAction(self, tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setIcon(icons.icon("edit-undo"))
        self.undo_action.setObjectName("undoAction")
        self.redo_action = self.undo_stack.createRedoAction(self, tr("&Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.redo_action.setIcon(icons.icon("edit-redo"))
        self.redo_action.setObjectName("redoAction")
        self.find_action = self._action(
            tr("&Find…"), self.client_list.focus_search, QKeySequence.StandardKey.Find,
            icon="edit-find", tip=tr("Search clients by name, contact, email or tag"),
            name="findAction")
        self.edit_action = self._action(
            tr("&Edit client…"), self.edit_client, "Ctrl+E", icon="document-edit",
            tip=tr("Change the selected client's details"), name="editClientAction")
        self.archive_action = self._action(
            tr("&Archive client"), self.archive_client, QKeySequence.StandardKey.Delete,
            icon="archive-insert",
            tip=tr("Hide the selected client from the list; nothing is deleted"),
            name="archiveClientAction")
        # Del archives only from the table: in the search field it must delete a character.
        self.archive_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.client_list.table.addAction(self.archive_action)
        self.restore_action = self._action(
            tr("&Restore client"), self.restore_client, icon="archive-remove",
            tip=tr("Bring the selected archived client back into the list"),
            name="restoreClientAction")

        self.departure_action = self._action(
            tr("Start a &departure…"), self.start_departure, "Ctrl+Shift+D",
            icon="go-next", tip=tr("Walk through a client's departure step by step"),
            name="startDepartureAction")

        self.show_archived_action = QAction(tr("Show &archived clients"), self)
        self.show_archived_action.setObjectName("showArchivedAction")
        self.show_archived_action.setCheckable(True)
        self.show_archived_action.setIcon(icons.icon("view-list-details"))
        self.show_archived_action.toggled.connect(self.client_list.show_archived.setChecked)
        self.clients_page_action = self._action(
            tr("&Clients"), self._show_page_of_action, "Ctrl+1",
            icon="x-office-address-book",
            name="clientsPageAction", data=self.CLIENTS_PAGE)
        self.dashboard_page_action = self._action(
            tr("&Dashboard"), self._show_page_of_action, "Ctrl+2",
            icon="office-chart-bar",
            name="dashboardPageAction", data=self.DASHBOARD_PAGE)
        self.departed_page_action = self._action(
            tr("De&parted clients"), self._show_page_of_action, "Ctrl+3",
            icon="go-previous-view",
            name="departedPageAction", data=self.DEPARTED_PAGE)
        self.about_action = self._action(
            tr("&About Goodbye Desktop"), self.about, icon="help-about", name="aboutAction")
        self.guide_action = self._action(
            tr("&User guide"), self.user_guide, QKeySequence.StandardKey.HelpContents,
            icon="help-contents", tip=tr("How to use Goodbye Desktop, in a few pages"),
            name="userGuideAction")
        self.shortcuts_action = self._action(
            tr("&Keyboard shortcuts"), self.keyboard_shortcuts, icon="preferences-desktop-keyboard",
            tip=tr("Every key that does something in the window"), name="shortcutsAction")

        self.due_letters_action = self._action(
            tr("&Due follow-up letters…"), self.due_letters, icon="document-print",
            tip=tr("Print the follow-up letters of departures due in a date range, "
                   "with envelopes or labels"), name="dueLettersAction")
        self.profile_action = self._action(
            tr("&Business profile…"), self.business_profile, icon="document-properties",
            tip=tr("Your letterhead, page size, currency and hourly rate"),
            name="businessProfileAction")
        self.templates_action = self._action(
            tr("Letter &templates…"), self.letter_templates, icon="preferences-desktop-font",
            tip=tr("Edit the wording of each kind of letter"), name="letterTemplatesAction")

    def _make_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.sample_action)
        file_menu.addSeparator()
        file_menu.addAction(self.due_letters_action)
        file_menu.addSeparator()
        self.data = DataActions(self)  # import, export, backups, restore, delete for good
        for action in self.data.file_actions():
            if action is None:
                file_menu.addSeparator()
            else:
                file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.edit_action)
        edit_menu.addAction(self.archive_action)
        edit_menu.addAction(self.restore_action)

        client_menu = bar.addMenu(self.tr("&Client"))
        client_menu.addAction(self.departure_action)
        client_menu.addAction(self.data.delete_action)
        self.letter_menu = client_menu.addMenu(self.tr("&Write a letter"))
        self.letter_menu.setObjectName("writeLetterMenu")
        # Filled when first opened: the letter kinds live in modules the start need not load.
        self.letter_menu.aboutToShow.connect(self.fill_letter_menu)

        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addAction(self.show_archived_action)
        view_menu.addSeparator()
        view_menu.addAction(self.clients_page_action)
        view_menu.addAction(self.dashboard_page_action)
        view_menu.addAction(self.departed_page_action)
        view_menu.addAction(self.daily.at_risk_action)
        view_menu.addAction(self.daily.due_action)

        settings_menu = bar.addMenu(self.tr("&Settings"))
        settings_menu.addAction(self.profile_action)
        settings_menu.addAction(self.templates_action)

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.guide_action)
        help_menu.addAction(self.shortcuts_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

    def _make_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Main toolbar"), self)
        toolbar.setObjectName("mainToolBar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.new_action, self.edit_action, self.archive_action,
                       self.restore_action, self.undo_action, None, self.departure_action):
            if action is None:
                toolbar.addSeparator()
            else:
                toolbar.addAction(action)
        self.addToolBar(toolbar)
        self.toolbar = toolbar

    # --- public -------------------------------------------------------------------------

    def current_client_id(self) -> int | None:
        return self.client_list.current_client_id()

    def refresh_clients(self) -> None:
        """Read the list again (after any write), keeping the selection."""
        self.client_list.refresh()
        self._update_empty_state()
        self._update_actions()

    def show_page(self, page: int) -> None:
        self.tabs.setCurrentIndex(page)

    def ensure_departed_view(self):
        """The departed clients' view, built on first use (and refreshed on every show)."""
        if self.departed_view is None:
            from goodbye_desktop.ui.departed_view import DepartedView

            self.departed_view = DepartedView(self.departed_page)
            self.departed_page.layout().addWidget(self.departed_view)
            self.departed_view.countChanged.connect(self._departed_count_changed)
            self._departed_count_changed(self.departed_view.count.text()
                                         or self.tr("No departures"))
        else:
            self.departed_view.reload_years()
        return self.departed_view

    def ensure_dashboard(self):
        """The dashboard pane, built on first use (it refreshes itself on every show)."""
        if self.dashboard is None:
            from goodbye_desktop.ui.dashboard import DashboardPane

            self.dashboard = DashboardPane(self.db_path, self.dashboard_page,
                                           daily_pass=self.daily.daily_pass())
            self.dashboard.clientRequested.connect(self.open_client)
            self.dashboard_page.layout().addWidget(self.dashboard)
        return self.dashboard

    def fill_letter_menu(self) -> None:
        """The kinds of letter for the selected client, those that suit its situation first
        (core.letter_fit); without a departure, the way to start one instead of the letters
        that need it. Filled each time it opens: the client may have changed."""
        from goodbye_desktop.core.letter_fit import NEEDS_DEPARTURE
        from goodbye_desktop.ui.departure.common import label_for

        for previous in self.letter_menu.actions():
            # The window owns the letter actions: the last opening's go, not just their entries.
            if previous is not self.departure_action and self._action_slots.pop(previous, None):
                previous.deleteLater()
        self.letter_menu.clear()
        client_id = self.current_client_id()
        fits = self._letter_fits(client_id)
        suited = [f for f in fits if f.fits]
        for position, result in enumerate(fits):
            if position == len(suited) and suited:
                self.letter_menu.addSeparator()
                self.letter_menu.addAction(self.tr("Less suited now:")).setEnabled(False)
            self.letter_menu.addAction(self._action(
                label_for("letter", result.kind) + "…", self._write_letter_of_action,
                icon="mail-send",
                name=f"letter_{result.kind}_action", data=result.kind))
        if client_id is not None and not any(f.kind in NEEDS_DEPARTURE for f in fits):
            self.letter_menu.addSeparator()
            note = self.letter_menu.addAction(self.tr(
                "Farewell, parting-ways and the other departure letters need a departure"))
            note.setObjectName("needsDepartureNote")
            note.setEnabled(False)
            self.letter_menu.addAction(self.departure_action)

    def _letter_fits(self, client_id: int | None) -> list:
        from goodbye_desktop.core.letter_fit import Fit, ordered
        from goodbye_desktop.correspondence.fit import situation_for
        from goodbye_desktop.vocabulary import LETTER_KINDS

        if client_id is None:
            return [Fit(kind, True) for kind in LETTER_KINDS]
        try:
            return ordered(situation_for(client_id))
        except GoodbyeError:
            return [Fit(kind, True) for kind in LETTER_KINDS]

    def write_letter(self, kind: str) -> bool:
        """Prepare a letter of `kind` to the selected client; True when it was kept."""
        client_id = self.current_client_id()
        if client_id is None:
            return False
        from goodbye_desktop.correspondence.produce import keep
        from goodbye_desktop.ui.dialogs.document_preview import DocumentPreviewDialog

        kept = DocumentPreviewDialog.show_for(self, kind, client_id, keep=keep)
        if kept:
            self.client_detail.show_client(client_id)
        return kept

    def due_letters(self) -> None:
        from goodbye_desktop.correspondence.due_letters import keep_batch
        from goodbye_desktop.ui.dialogs.due_letters import DueLettersDialog

        DueLettersDialog.run(self, keep_batch)
        self.client_detail.show_client(self.current_client_id())

    def business_profile(self) -> None:
        from goodbye_desktop.store import records
        from goodbye_desktop.ui.dialogs.business_profile import BusinessProfileDialog

        if BusinessProfileDialog.run(self, records.update_profile):
            from goodbye_desktop.ui.locale_setup import apply_profile_locale

            apply_profile_locale(queries.profile_locale())
            self.refresh_clients()
            self.client_detail.show_client(self.current_client_id())

    def letter_templates(self) -> None:
        from goodbye_desktop.store import documents
        from goodbye_desktop.ui.dialogs.template_editor import TemplateEditorDialog

        TemplateEditorDialog.run(self, documents.save_template, documents.reset_template)

    def is_empty_state_shown(self) -> bool:
        return self.clients_stack.currentWidget() is self.empty_state

    # --- slots: clients -----------------------------------------------------------------

    def new_client(self) -> None:
        from goodbye_desktop.store import records
        from goodbye_desktop.ui.dialogs.client_form import ClientFormDialog

        client_id = ClientFormDialog.create(self, records.create_client)
        if client_id is None:
            return
        self.refresh_clients()
        # The search or the status filter may hide the new client: open_client shows it.
        self.open_client(client_id)
        self.statusBar().showMessage(self.tr("Added a new client."), self.STATUS_TIMEOUT_MS)

    def edit_client(self, client_id: int | None = None) -> None:
        client_id = client_id if client_id is not None else self.current_client_id()
        if client_id is None:
            return
        from functools import partial

        from goodbye_desktop.store import records
        from goodbye_desktop.ui.dialogs.client_form import ClientFormDialog

        if ClientFormDialog.edit(self, client_id, partial(records.update_client, client_id)):
            self.refresh_clients()
            self.client_detail.show_client(self.current_client_id())
            self.daily.client_changed(client_id)

    def archive_client(self) -> None:
        row = self.client_list.current_row()
        if row is None or row.archived:
            return
        position = self.client_list.table.currentIndex().row()
        self._set_archived([row.id], [row.name], True)
        if self.current_client_id() is None:
            # Keep the keyboard user's place: select the client that took the row.
            count = self.client_list.model.rowCount()
            if count:
                self.client_list.select_client(
                    self.client_list.model.client_id(min(position, count - 1)))
        self.statusBar().showMessage(self.tr("Archived “%1”").replace("%1", row.name),
                                     self.STATUS_TIMEOUT_MS)

    def restore_client(self) -> None:
        row = self.client_list.current_row()
        if row is None or not row.archived:
            return
        self._set_archived([row.id], [row.name], False)
        self.statusBar().showMessage(self.tr("Restored “%1”").replace("%1", row.name),
                                     self.STATUS_TIMEOUT_MS)

    def _set_archived(self, ids: list[int], names: list[str], archived: bool) -> None:
        command = SetArchivedCommand(ids, names, archived, self._archived_changed,
                                     self._store_error)
        try:
            command.apply()
        except GoodbyeError as exc:
            self._store_error(exc)
            return
        self.undo_stack.push(command)

    def _archived_changed(self, client_ids: list[int], archived: bool) -> None:
        self.refresh_clients()
        for client_id in client_ids:
            # An archived client leaves the At-risk list; a restored one may come back.
            self.daily.client_changed(client_id)
        if not archived and self.current_client_id() not in client_ids:
            # Undoing an archive: show the client that came back.
            self.client_list.select_client(client_ids[0])

    def _store_error(self, exc: GoodbyeError) -> None:
        alerts.error(self, error_text(exc), title=self.tr("That could not be saved"))
        self.refresh_clients()

    def start_departure(self) -> None:
        client_id = self.current_client_id()
        if client_id is None:
            return
        # Imported on use: the wizard is big and most sessions never open it.
        from goodbye_desktop.ui.departure_wizard import DepartureWizard

        if DepartureWizard.run(self, client_id):
            self.refresh_clients()
            self.client_detail.show_client(self.current_client_id())
            self.daily.client_changed(client_id)

    def load_sample_data(self) -> None:
        from goodbye_desktop import sample

        force = False
        if queries.count_clients() > 0:
            force = alerts.question(
                self, self.tr("This file already holds clients. Add the sample studio's clients "
                              "beside your own? They cannot be told apart afterwards, so this "
                              "is best done in a separate file."),
                title=self.tr("Load sample data"), yes=self.tr("Add sample clients"),
                no=self.tr("Cancel"))
            if not force:
                return
        try:
            summary = sample.fill_demo(force=force)
        except GoodbyeError as exc:
            alerts.error(self, error_text(exc), title=self.tr("The sample data was not loaded"))
            return
        self.refresh_clients()
        self.show_page(self.CLIENTS_PAGE)
        message = (self.tr("Added %1 sample clients.").replace("%1", str(summary.clients))
                   if summary.clients else
                   self.tr("The sample clients are already in this file: nothing was added."))
        self.statusBar().showMessage(message, self.STATUS_TIMEOUT_MS)

    def user_guide(self) -> None:
        from goodbye_desktop.ui.dialogs.help_dialog import HelpDialog

        HelpDialog.show_guide(self)

    def keyboard_shortcuts(self) -> None:
        from goodbye_desktop.ui.dialogs.help_dialog import HelpDialog

        HelpDialog.show_shortcuts(self, self._shortcut_actions())

    def _shortcut_actions(self) -> list[QAction]:
        """The window's actions that have a key, in menu order."""
        found: list[QAction] = []
        for menu_action in self.menuBar().actions():
            menu = menu_action.menu()
            if menu is None:
                continue
            for action in menu.actions():
                if not action.isSeparator() and not action.shortcut().isEmpty() \
                        and action not in found:
                    found.append(action)
        return found

    def about(self) -> None:
        alerts.info(self, self.tr(
            "%1 %2\n\nClient records, early warnings and careful departures for a solo "
            "business. Your data stays in one file on this computer:\n%3")
            .replace("%1", APP_NAME).replace("%2", __version__)
            .replace("%3", str(self.db_path)), title=self.tr("About %1").replace("%1", APP_NAME))

    # --- internal updates ---------------------------------------------------------------

    def _client_selected(self, client_id: int | None) -> None:
        self.client_detail.show_client(client_id)
        self._update_actions()

    def _detail_changed(self, client_id: int) -> None:
        self.refresh_clients()
        self.daily.client_changed(client_id)

    def open_client(self, client_id: int) -> None:
        """Show a client in the list and its detail (a new client, or one chosen on the
        At-risk, Due or Dashboard page), clearing a search or filter that hides it."""
        self.show_page(self.CLIENTS_PAGE)
        if not self.client_list.select_client(client_id):
            # The search or the status filter hides it: show everyone.
            self.client_list.search.clear()
            self.client_list.status_filter.setCurrentIndex(0)
            if not self.client_list.select_client(client_id):
                # An archived client (the dashboard counts them): show the archived too.
                self.client_list.show_archived.setChecked(True)
                self.client_list.select_client(client_id)

    def _count_changed(self, count: int) -> None:
        flt = self.client_list.model.filter
        if count == 0 and flt.search.strip():
            # Say why the list is empty, and the way back.
            self.count_label.setText(self.tr("No client matches “%1”. Esc clears the search.")
                                     .replace("%1", flt.search.strip()))
        elif count == 0 and self.client_list.model.at_risk_only:
            self.count_label.setText(self.tr("No client shows a warning sign."))
        elif count == 0 and flt.status:
            self.count_label.setText(self.tr("No client has this status."))
        else:
            self.count_label.setText(formatting.count_clients_text(count))

    def _departed_count_changed(self, text: str) -> None:
        if self.tabs.currentIndex() == self.DEPARTED_PAGE:
            self.count_label.setText(text)

    def _tab_changed(self, index: int) -> None:
        if index == self.DEPARTED_PAGE:
            self.ensure_departed_view()
        elif index == self.DASHBOARD_PAGE:
            self.ensure_dashboard()
        if index != self.DEPARTED_PAGE:
            # The status bar counts what the page shows: the clients, on the list.
            self._count_changed(self.client_list.model.rowCount())
        # The other pages say their own counts; the list's would only mislead there.
        self.count_label.setVisible(index in (self.CLIENTS_PAGE, self.DEPARTED_PAGE)
                                    and queries.has_clients())
        self._update_actions()

    def _update_empty_state(self) -> None:
        empty = not queries.has_clients()
        self.clients_stack.setCurrentWidget(self.empty_state if empty else self.splitter)
        self.count_label.setVisible(not empty)
        # Sample clients are for looking around an empty file, never mixed into real ones.
        self.sample_action.setVisible(empty)

    def _update_actions(self) -> None:
        row = self.client_list.current_row()
        on_list = (self.tabs.currentIndex() == self.CLIENTS_PAGE
                   and not self.is_empty_state_shown())
        selected = row is not None and on_list
        self.edit_action.setEnabled(selected)
        self.departure_action.setEnabled(selected and not row.archived)
        self.letter_menu.setEnabled(selected)
        self.archive_action.setEnabled(selected and not row.archived)
        self.archive_action.setVisible(row is None or not row.archived)
        self.restore_action.setEnabled(selected and row.archived)
        self.restore_action.setVisible(row is not None and row.archived)
        self.data.delete_action.setEnabled(selected)
        self.find_action.setEnabled(not self.is_empty_state_shown())

    def _new_day(self, today: date) -> None:
        from goodbye_desktop.store import upkeep

        try:
            upkeep.apply_effective_dates(today)
            # On the first of a month the 12-month revenue moves on by one month; the
            # 12-month minutes move on every day.
            upkeep.refresh_revenue_window()
            upkeep.refresh_minutes_window(today)
        except GoodbyeError as exc:
            self._store_error(exc)
            return
        self.refresh_clients()
        if self.dashboard is not None and self.dashboard.isVisible():
            self.dashboard.refresh()  # today's figures, and the new day's pass over the signs

    # --- settings -----------------------------------------------------------------------

    def show_start_checks(self, result: object) -> None:
        """What the checks after opening found (ui.start_checks): a line or a dialog.

        Never inside another dialog or while an import works: a restore offered then would
        swap the file under it. The result waits until the window is free again."""
        from goodbye_desktop.ui import data_menu, start_checks

        if QApplication.activeModalWidget() is not None or data_menu.job_running():
            self._start_checks_waiting = result
            QTimer.singleShot(1000, self, self._start_checks_again)
            return
        start_checks.tell(self, result, timeout_ms=self.STATUS_TIMEOUT_MS)

    def _start_checks_again(self) -> None:
        result, self._start_checks_waiting = self._start_checks_waiting, None
        if result is not None:
            self.show_start_checks(result)

    def _restore_settings(self) -> None:
        settings = QSettings()
        geometry = settings.value("mainWindow/geometry")
        if isinstance(geometry, QByteArray) and self.restoreGeometry(geometry):
            # Remembered from a bigger screen, perhaps: never larger than this one.
            fit_to_screen(self, self.width(), self.height())
        else:
            fit_to_screen(self, 1200, 760)
        state = settings.value("mainWindow/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        splitter = settings.value("mainWindow/splitter")
        if not (isinstance(splitter, QByteArray) and self.splitter.restoreState(splitter)):
            # The list a little wider than the detail; halves on a small screen, where
            # the detail needs the room for its figures and tables.
            width = max(self.width(), 800)
            share = 58 if width >= 1200 else 50
            self.splitter.setSizes([width * share // 100, width * (100 - share) // 100])

    def save_settings(self) -> None:
        settings = QSettings()
        settings.setValue("mainWindow/geometry", self.saveGeometry())
        settings.setValue("mainWindow/state", self.saveState())
        settings.setValue("mainWindow/splitter", self.splitter.saveState())
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.dashboard is not None:
            self.dashboard.shutdown()  # its figures are read on threads of their own
        self.save_settings()
        super().closeEvent(event)

