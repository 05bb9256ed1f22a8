"""Closed dialogs are gone: none stays alive, none keeps a timer running.

Each top-level dialog is opened and closed three times the way the app opens it (from the
main window, a detail tab or the departure panel) on a real database. Afterwards no
instance of its class is left among the application's widgets or the window's children,
no Python reference to one survives, and no timer that lived in one is still active: a
stray timer would fire after the database has closed. Timers also stop when their widget
hides and when the database closes.
"""

from __future__ import annotations

import gc
import weakref
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
import shiboken6
from helpers import type_text
from letter_records import business_profile, client_with_contact, departure_for
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from goodbye_desktop.correspondence.produce import keep, produce
from goodbye_desktop.store import documents
from goodbye_desktop.store.database import close_database, open_database
from goodbye_desktop.ui.dashboard_report import ReportPreviewDialog
from goodbye_desktop.ui.departed_view import ClientFolderDialog
from goodbye_desktop.ui.departure_panel import ReturnDateDialog
from goodbye_desktop.ui.departure_wizard import KEEP, CancelQuestion, DepartureWizard
from goodbye_desktop.ui.detail.common import RecordForm
from goodbye_desktop.ui.detail.contacts_tab import ContactForm
from goodbye_desktop.ui.detail.promises_tab import PromiseForm
from goodbye_desktop.ui.detail.proposals_tab import ProposalForm
from goodbye_desktop.ui.detail.revenue_tab import RevenueForm
from goodbye_desktop.ui.detail.timeline_tab import InteractionForm
from goodbye_desktop.ui.dialogs.business_profile import BusinessProfileDialog
from goodbye_desktop.ui.dialogs.client_form import ClientFormDialog
from goodbye_desktop.ui.dialogs.document_preview import DocumentPreviewDialog
from goodbye_desktop.ui.dialogs.due_letters import DueLettersDialog
from goodbye_desktop.ui.dialogs.letter_facts import LetterFactsDialog
from goodbye_desktop.ui.dialogs.sign_actions import (
    AcknowledgeForm,
    MovePromiseForm,
    SignPromiseForm,
)
from goodbye_desktop.ui.dialogs.template_editor import TemplateEditorDialog
from goodbye_desktop.ui.main_window import MainWindow

OPENINGS = 3


class Records:
    """What the openers need: the window, a client without a departure, one with."""

    def __init__(self, window: MainWindow, client_id: int, departed_id: int,
                 departure_id: int, document_id: int) -> None:
        self.window = window
        self.client_id = client_id
        self.departed_id = departed_id
        self.departure_id = departure_id
        self.document_id = document_id
        self.closed: list[weakref.ref] = []  # every dialog closed, weakly
        self.timers: list[QTimer] = []  # every timer that lived in one

    def note(self, dialog: QWidget) -> None:
        self.closed.append(weakref.ref(dialog))
        self.timers.extend(dialog.findChildren(QTimer))

    def close_modal(self, dialog_type: type, before_close: Callable[[QWidget], None]
                    | None = None) -> list:
        """Schedule the closing of the next modal dialog; returns the types it closed.

        Any other modal dialog that shows first is closed too (and noted in the result,
        which then fails the test's check) rather than left to block the test.
        """
        seen: list = []

        def close_when_shown(tries: int = 500) -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is None:
                if tries > 0:
                    QTimer.singleShot(10, lambda: close_when_shown(tries - 1))
                return
            seen.append(type(dialog))
            if isinstance(dialog, dialog_type):
                if before_close is not None:
                    before_close(dialog)
                self.note(dialog)
            dialog.reject()
            if not isinstance(dialog, dialog_type) and tries > 0:
                QTimer.singleShot(10, lambda: close_when_shown(tries - 1))

        QTimer.singleShot(0, close_when_shown)
        return seen


@pytest.fixture
def records(qtbot, db_path: Path) -> Records:
    business_profile()
    departed_id = client_with_contact("Łukasz & <Söhne>", contact="Anna Kowalska",
                                      email="anna@example.org")
    departure_id = departure_for(departed_id)
    document_id = keep(produce("farewell", departed_id, departure_id=departure_id))
    client_id = client_with_contact()
    window = MainWindow(db_path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.client_list.select_client(client_id)
    return Records(window, client_id, departed_id, departure_id, document_id)


# --- one opening and closing of each dialog, the way the app opens it -----------------------

def _by_action(action_name: str, dialog_type: type) -> Callable[[Records], None]:
    def open_and_close(r: Records) -> None:
        seen = r.close_modal(dialog_type)
        getattr(r.window, action_name).trigger()
        assert seen == [dialog_type]
    return open_and_close


def _start_preview_timer(editor: TemplateEditorDialog) -> None:
    # The "Preview with" choice changes: a preview is due in a moment.
    editor.previewWith.setCurrentIndex(1 - editor.previewWith.currentIndex())
    assert editor.findChild(QTimer).isActive()


def open_template_editor(r: Records) -> None:
    seen = r.close_modal(TemplateEditorDialog, _start_preview_timer)
    r.window.templates_action.trigger()
    assert seen == [TemplateEditorDialog]


def open_letter_preview(r: Records) -> None:
    with pytest.MonkeyPatch.context() as patch:
        # The facts the records do not hold are answered as the owner would.
        patch.setattr(DocumentPreviewDialog, "ask_facts", classmethod(
            lambda cls, parent, problems: {p.extra: "Our new studio opens in May."
                                           for p in problems if p.extra}))
        seen = r.close_modal(DocumentPreviewDialog)
        assert r.window.write_letter("keep_in_touch") is False
    assert seen == [DocumentPreviewDialog]


def open_kept_letter(r: Records) -> None:
    seen = r.close_modal(DocumentPreviewDialog)
    DocumentPreviewDialog.show_kept(r.window, r.document_id)
    assert seen == [DocumentPreviewDialog]


def open_departure_letter(r: Records) -> None:
    r.window.client_detail.show_client(r.departed_id)
    seen = r.close_modal(DocumentPreviewDialog)
    assert r.window.client_detail.departure_panel.prepare_letter("farewell") is False
    assert seen == [DocumentPreviewDialog]


def open_edit_client(r: Records) -> None:
    seen = r.close_modal(ClientFormDialog)
    r.window.edit_action.trigger()
    assert seen == [ClientFormDialog]


def open_wizard(r: Records) -> None:
    seen = r.close_modal(DepartureWizard)
    r.window.departure_action.trigger()
    assert seen == [DepartureWizard]


def open_cancel_question(r: Records) -> None:
    seen = r.close_modal(QMessageBox)
    CancelQuestion.ask(r.window)
    assert seen == [QMessageBox]


def open_return_date(r: Records) -> None:
    seen = r.close_modal(ReturnDateDialog)
    assert ReturnDateDialog.ask(r.window, date(2026, 9, 1)) is None
    assert seen == [ReturnDateDialog]


def open_folder(r: Records) -> None:
    r.window.client_detail.show_client(r.departed_id)
    r.window.client_detail.departure_panel.open_folder()
    shown = [d for d in r.window.findChildren(ClientFolderDialog) if d.isVisible()]
    assert len(shown) == 1
    dialog = shown[0]
    r.note(dialog)
    dialog.reject()


def _form_opener(tab_name: str, method: str, select: bool = False) -> Callable[[Records], None]:
    def open_and_close(r: Records) -> None:
        detail = r.window.client_detail
        detail.show_client(r.client_id)
        tab = getattr(detail, tab_name)
        if select:
            tab.select_row(0)
        form = getattr(tab, method)()
        assert isinstance(form, RecordForm) and form.isVisible()
        r.note(form)
        form.reject()
    return open_and_close


def _seed_records(r: Records) -> None:
    """One record on each tab, so that every edit form has something to edit."""
    from goodbye_desktop import clock
    from goodbye_desktop.store import records

    now = clock.local_now()
    records.add_interaction(r.client_id, now, "call", summary="Called about the catalogue")
    records.add_promise(r.client_id, "Send the figures", now)
    records.save_proposal(r.client_id, title="Spring catalogue", sent_on=clock.today())
    records.set_revenue(r.client_id, clock.today().replace(day=1), 12_000)
    r.window.client_detail.show_client(r.client_id)


def _seed_daily(r: Records) -> None:
    """A client silent for 100 days (at risk) with a promise overdue by two hours."""
    from datetime import timedelta

    from goodbye_desktop import clock
    from goodbye_desktop.store import records

    now = clock.local_now().replace(second=0, microsecond=0)
    records.add_interaction(r.client_id, now - timedelta(days=100), "call")
    records.add_promise(r.client_id, "Email the figures", now - timedelta(hours=2))
    r.window.daily.client_changed(r.client_id)


def _at_risk_opener(method: str) -> Callable[[Records], None]:
    def open_and_close(r: Records) -> None:
        r.window.daily.at_risk_action.trigger()
        view = r.window.daily.at_risk_view
        wait_until(lambda: not view.is_working() and view.model.rowCount() > 0)
        form = getattr(view, method)(view.card("silence").sign)
        assert isinstance(form, RecordForm) and form.isVisible()
        r.note(form)
        form.reject()
        assert view.current_form is None
    return open_and_close


def open_move_promise(r: Records) -> None:
    r.window.daily.due_action.trigger()
    form = r.window.daily.due_view.move()
    assert isinstance(form, RecordForm) and form.isVisible()
    r.note(form)
    form.reject()
    assert r.window.daily.due_view.current_form is None


def open_letter_facts(r: Records) -> None:
    seen = r.close_modal(LetterFactsDialog)
    assert r.window.write_letter("feedback_thanks") is False  # what did the client say?
    assert seen == [LetterFactsDialog]


def open_year_review(r: Records) -> None:
    pdf = produce("farewell", r.departed_id, departure_id=r.departure_id).pdf
    dialog = ReportPreviewDialog.show_report(r.window, pdf, 2026)
    assert dialog.isVisible()
    r.note(dialog)
    dialog.reject()


def open_print_dialog(r: Records) -> None:
    produced = produce("farewell", r.departed_id, departure_id=r.departure_id)
    preview = DocumentPreviewDialog(r.window, produced, keep=keep)
    preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    preview.show()
    seen = r.close_modal(QPrintDialog)
    preview.print_document()
    assert seen == [QPrintDialog]
    preview.close()


def wait_until(condition: Callable[[], bool], timeout_ms: int = 5000) -> None:
    from PySide6.QtCore import QDeadlineTimer

    deadline = QDeadlineTimer(timeout_ms)
    while not condition():
        assert not deadline.hasExpired(), "timed out"
        QCoreApplication.processEvents()


OPENERS = {
    "business profile": (BusinessProfileDialog,
                         _by_action("profile_action", BusinessProfileDialog)),
    "template editor": (TemplateEditorDialog, open_template_editor),
    "due letters": (DueLettersDialog, _by_action("due_letters_action", DueLettersDialog)),
    "letter preview": (DocumentPreviewDialog, open_letter_preview),
    "kept letter": (DocumentPreviewDialog, open_kept_letter),
    "departure letter": (DocumentPreviewDialog, open_departure_letter),
    "new client": (ClientFormDialog, _by_action("new_action", ClientFormDialog)),
    "edit client": (ClientFormDialog, open_edit_client),
    "about box": (QMessageBox, _by_action("about_action", QMessageBox)),
    "departure wizard": (DepartureWizard, open_wizard),
    "keep a draft question": (QMessageBox, open_cancel_question),
    "return date": (ReturnDateDialog, open_return_date),
    "client folder": (ClientFolderDialog, open_folder),
    "new contact": (ContactForm, _form_opener("contacts_tab", "add_contact")),
    "edit contact": (ContactForm, _form_opener("contacts_tab", "edit_contact", True)),
    "log interaction": (InteractionForm, _form_opener("timeline_tab", "log_interaction")),
    "edit interaction": (InteractionForm, _form_opener("timeline_tab", "edit_interaction",
                                                       True)),
    "new revenue": (RevenueForm, _form_opener("revenue_tab", "add_revenue")),
    "edit revenue": (RevenueForm, _form_opener("revenue_tab", "edit_revenue", True)),
    "new proposal": (ProposalForm, _form_opener("proposals_tab", "add_proposal")),
    "edit proposal": (ProposalForm, _form_opener("proposals_tab", "edit_proposal", True)),
    "new promise": (PromiseForm, _form_opener("promises_tab", "add_promise")),
    "edit promise": (PromiseForm, _form_opener("promises_tab", "edit_promise", True)),
    "promise from a sign": (SignPromiseForm, _at_risk_opener("promise_from")),
    "sign set aside": (AcknowledgeForm, _at_risk_opener("acknowledge")),
    "move a due promise": (MovePromiseForm, open_move_promise),
    "letter facts": (LetterFactsDialog, open_letter_facts),
    "year in review": (ReportPreviewDialog, open_year_review),
    "print": (QPrintDialog, open_print_dialog),
}
DAILY = {"promise from a sign", "sign set aside", "move a due promise"}


def live(dialog_type: type) -> list[QWidget]:
    """The instances of `dialog_type` still alive once deferred deletions have run."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    # By the meta-object's class name: once Python has let go of a dialog that Qt still
    # holds, its wrapper comes back as a plain QDialog, never as the Python class.
    return [w for w in QApplication.allWidgets() if w.inherits(dialog_type.__name__)]


@pytest.mark.parametrize("name", OPENERS)
def test_a_closed_dialog_is_gone_with_its_timers(records: Records, name: str) -> None:
    dialog_type, open_and_close = OPENERS[name]
    if name.startswith("edit ") and dialog_type is not ClientFormDialog:
        _seed_records(records)
    if name in DAILY:
        _seed_daily(records)
    before = len(live(dialog_type))
    for _ in range(OPENINGS):
        open_and_close(records)
    assert len(records.closed) == OPENINGS
    assert len(live(dialog_type)) == before
    assert [w for w in records.window.findChildren(QWidget)
            if w.inherits(dialog_type.__name__)] == []
    gc.collect()
    assert [ref for ref in records.closed if ref() is not None] == []
    assert [t for t in records.timers if shiboken6.isValid(t) and t.isActive()] == []


def test_the_template_preview_waits_no_longer_than_its_dialog(qtbot, records: Records) -> None:
    editor = TemplateEditorDialog(records.window, records.client_id,
                                  save=documents.save_template, reset=documents.reset_template)
    qtbot.addWidget(editor)
    editor.show()
    timer = editor.findChild(QTimer)
    _start_preview_timer(editor)
    editor.hide()
    assert not timer.isActive()
    editor.show()
    _start_preview_timer(editor)
    close_database()
    assert not timer.isActive()


def test_the_wizard_autosave_stops_when_the_database_closes(qtbot, records: Records,
                                                            db_path: Path) -> None:
    wizard = DepartureWizard(records.client_id, records.window)
    qtbot.addWidget(wizard)
    wizard.show()
    timer = wizard.findChild(QTimer)
    type_text(wizard.pages["who"].reason_text, "Moved abroad")  # a draft is due to be kept
    assert timer.isActive()
    close_database()
    assert not timer.isActive()
    open_database(db_path)
    with CancelQuestion.answering(KEEP):
        wizard.reject()
    assert not wizard.isVisible()


def test_the_letter_menu_refilled_keeps_one_action_per_letter(records: Records) -> None:
    window = records.window
    for _ in range(OPENINGS):
        window.letter_menu.aboutToShow.emit()  # the menu is filled each time it opens
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    shown = [a.objectName() for a in window.letter_menu.actions()
             if a.objectName().startswith("letter_")]
    owned = [a.objectName() for a in window.findChildren(QAction)
             if a.objectName().startswith("letter_")]
    assert shown and sorted(owned) == sorted(shown)
    assert window.departure_action in window.letter_menu.actions()
