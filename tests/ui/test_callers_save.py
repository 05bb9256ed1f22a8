"""Dialogs return what the owner entered; whoever opened them saves it through the store.

Each dialog is answered through the classmethod its caller uses (or the caller's own
action), and what was saved is read back from the SQLite file with a connection of its
own. When the save fails (the file locked by another program), the owner's input is still
in the dialog, and saving again once the file is free works.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
from helpers import type_text
from letter_records import END, TODAY, business_profile, client_with_contact, departure_for
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox

from goodbye_desktop.core.departure import DepartureDraft, default_plan
from goodbye_desktop.documents.templates import default_template as documents_default
from goodbye_desktop.errors import ValidationError
from goodbye_desktop.store import connection, documents, records
from goodbye_desktop.ui import alerts
from goodbye_desktop.ui.departure.pages import preview_letter
from goodbye_desktop.ui.departure_panel import DeparturePanel
from goodbye_desktop.ui.departure_wizard import DepartureWizard
from goodbye_desktop.ui.dialogs.business_profile import BusinessProfileDialog
from goodbye_desktop.ui.dialogs.client_form import ClientFormDialog
from goodbye_desktop.ui.dialogs.document_preview import DocumentPreviewDialog
from goodbye_desktop.ui.dialogs.due_letters import DueLettersDialog
from goodbye_desktop.ui.dialogs.template_editor import TemplateEditorDialog
from goodbye_desktop.ui.main_window import MainWindow


def read_back(db_path: Path, sql: str, *params: object) -> list[tuple]:
    """Rows read from the file by a connection of its own (not the app's)."""
    with sqlite3.connect(db_path) as other:
        return other.execute(sql, params).fetchall()


@contextmanager
def locked(db_path: Path) -> Iterator[None]:
    """Another program holds the file: every write fails at once (no 5 s wait)."""
    connection.current().execute("PRAGMA busy_timeout = 0")
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()
        connection.current().execute("PRAGMA busy_timeout = 5000")


def answer_modal(kind: type, respond: Callable, tries: int = 500) -> None:
    """Call `respond(dialog)` once a modal dialog of type `kind` is open; should `respond`
    fail (pytest-qt reports it), the dialog is closed so that the test goes on."""
    def check(left: int) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            try:
                respond(dialog)
            finally:
                if dialog.isVisible():
                    QDialog.done(dialog, QDialog.DialogCode.Rejected)
        elif left > 0:
            QTimer.singleShot(10, lambda: check(left - 1))
    QTimer.singleShot(0, lambda: check(tries))


@pytest.fixture
def window(qtbot, db_path: Path) -> MainWindow:
    window = MainWindow(db_path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


# --- the client form ------------------------------------------------------------------------

def click_ok(qtbot, dialog: ClientFormDialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)


def test_the_client_form_hands_its_fields_to_the_save_it_was_given(qtbot, db_path) -> None:
    given: list[dict] = []

    def fill(dialog: ClientFormDialog) -> None:
        type_text(dialog.name, "Renée & <Sons>")
        dialog.keep_in_touch.setChecked(True)
        click_ok(qtbot, dialog)

    answer_modal(ClientFormDialog, fill)
    assert ClientFormDialog.create(None, lambda **values: given.append(values) or 7) == 7
    [values] = given
    assert (values["name"], values["keep_in_touch"]) == ("Renée & <Sons>", True)
    # The dialog itself saved nothing.
    assert read_back(db_path, "SELECT count(*) FROM client") == [(0,)]


def test_a_value_the_save_refuses_is_said_under_its_field(qtbot, db_path) -> None:
    def save(**values: object) -> int:
        if "retainer" in str(values["tags"]):
            raise ValidationError("Tags: “retainer” is kept for the invoices.", field="tags")
        return records.create_client(**values)

    def fill(dialog: ClientFormDialog) -> None:
        type_text(dialog.name, "Anita अनीता")
        type_text(dialog.tags, "retainer")
        click_ok(qtbot, dialog)
        assert dialog.isVisible()
        assert dialog.error_text("tags") == "Tags: “retainer” is kept for the invoices."
        assert dialog.name.text() == "Anita अनीता" and dialog.tags.text() == "retainer"
        dialog.tags.clear()
        type_text(dialog.tags, "design")
        click_ok(qtbot, dialog)

    answer_modal(ClientFormDialog, fill)
    client_id = ClientFormDialog.create(None, save)
    assert read_back(db_path, "SELECT id, name, tags FROM client") == [
        (client_id, "Anita अनीता", "design")]


def test_a_new_client_is_saved_by_the_main_window(qtbot, window, db_path) -> None:
    def fill(dialog: ClientFormDialog) -> None:
        type_text(dialog.name, "山田 & <Søn>")
        click_ok(qtbot, dialog)

    answer_modal(ClientFormDialog, fill)
    window.new_action.trigger()
    assert read_back(db_path, "SELECT name FROM client") == [("山田 & <Søn>",)]
    assert window.client_list.current_row().name == "山田 & <Søn>"


def test_a_failed_save_keeps_the_form_open_with_what_was_typed(qtbot, window,
                                                             db_path) -> None:
    outcome: list[str] = []

    def fill(dialog: ClientFormDialog) -> None:
        type_text(dialog.name, "Łukasz & <Córki>")
        type_text(dialog.notes, "محمد introduced us")
        with locked(db_path), alerts.intercept() as seen:
            click_ok(qtbot, dialog)
        outcome.extend(alert.title for alert in seen)
        assert dialog.isVisible()
        assert dialog.name.text() == "Łukasz & <Córki>"
        assert dialog.notes.toPlainText() == "محمد introduced us"
        assert read_back(db_path, "SELECT count(*) FROM client") == [(0,)]
        click_ok(qtbot, dialog)  # the file is free again

    answer_modal(ClientFormDialog, fill)
    window.new_client()
    assert outcome == ["The client was not saved"]
    assert read_back(db_path, "SELECT name, notes FROM client") == [
        ("Łukasz & <Córki>", "محمد introduced us")]


def test_a_changed_client_is_saved_by_the_client_detail(qtbot, window, db_path) -> None:
    client_id = records.create_client(name="Zoë Papadopoulou", tags="web")
    window.refresh_clients()
    window.open_client(client_id)

    def change(dialog: ClientFormDialog) -> None:
        dialog.tags.clear()
        type_text(dialog.tags, "web, अनीता")
        click_ok(qtbot, dialog)

    answer_modal(ClientFormDialog, change)
    assert window.client_detail.edit_client()
    assert read_back(db_path, "SELECT name, tags FROM client") == [
        ("Zoë Papadopoulou", "web, अनीता")]


# --- the business profile -------------------------------------------------------------------

def click_save(qtbot, dialog: BusinessProfileDialog) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)


def test_the_profile_is_saved_by_the_main_window(qtbot, window, db_path) -> None:
    def fill(dialog: BusinessProfileDialog) -> None:
        type_text(dialog.businessName, "Renée & <Sons> Design")
        type_text(dialog.hourlyRate, "85.50")
        click_save(qtbot, dialog)

    answer_modal(BusinessProfileDialog, fill)
    window.profile_action.trigger()
    assert read_back(db_path, "SELECT business_name, target_hourly_rate_cents "
                              "FROM business_profile") == [("Renée & <Sons> Design", 8550)]


def test_a_failed_profile_save_keeps_what_was_typed(qtbot, window, db_path) -> None:
    seen: list[str] = []

    def fill(dialog: BusinessProfileDialog) -> None:
        type_text(dialog.ownerName, "محمد Łukasz")
        with locked(db_path):
            click_save(qtbot, dialog)
        seen.append(dialog.errorLabel.text())
        assert dialog.isVisible() and not dialog.errorLabel.isHidden()
        assert dialog.ownerName.text() == "محمد Łukasz"
        assert read_back(db_path, "SELECT owner_name FROM business_profile") == [("",)]
        click_save(qtbot, dialog)

    answer_modal(BusinessProfileDialog, fill)
    window.business_profile()
    assert "locked" in seen[0] or "busy" in seen[0], seen  # the reason, under the form
    assert read_back(db_path, "SELECT owner_name FROM business_profile") == [("محمد Łukasz",)]


# --- the letter templates -------------------------------------------------------------------

def type_at_end(editor: TemplateEditorDialog, text: str) -> None:
    editor.editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(editor.editor, text)


def test_a_template_is_saved_by_the_main_window_and_kept_through_a_failure(
        qtbot, window, db_path) -> None:
    outcome: list[str] = []

    def edit(editor: TemplateEditorDialog) -> None:
        editor.select_kind("check_in")
        type_at_end(editor, "\n\nP.S. Greetings to {client_name}, 山田 & <co>.")
        typed = editor.editor.toPlainText()
        with locked(db_path):
            qtbot.mouseClick(editor.saveButton, Qt.MouseButton.LeftButton)
        outcome.append(editor.errorLabel.text())
        assert editor.editor.toPlainText() == typed and editor.has_changes()
        assert read_back(db_path, "SELECT count(*) FROM letter_template") == [(0,)]
        qtbot.mouseClick(editor.saveButton, Qt.MouseButton.LeftButton)
        assert not editor.has_changes()
        editor.reject()

    answer_modal(TemplateEditorDialog, edit)
    window.templates_action.trigger()
    assert "locked" in outcome[0] or "busy" in outcome[0], outcome
    [(kind, text)] = read_back(db_path, "SELECT kind, text FROM letter_template")
    assert kind == "check_in" and text.endswith("P.S. Greetings to {client_name}, 山田 & <co>.")


def test_reset_to_default_is_done_by_the_main_window(qtbot, window, db_path) -> None:
    documents.save_template("farewell", documents_default("farewell") + "\n\nMine.")

    def reset(editor: TemplateEditorDialog) -> None:
        editor.select_kind("farewell")
        with alerts.intercept(answer=True):
            qtbot.mouseClick(editor.resetButton, Qt.MouseButton.LeftButton)
        editor.reject()

    answer_modal(TemplateEditorDialog, reset)
    window.letter_templates()
    assert read_back(db_path, "SELECT count(*) FROM letter_template") == [(0,)]


# --- the due letters ------------------------------------------------------------------------

@pytest.mark.frozen_at(TODAY.isoformat())
def test_due_letters_are_kept_by_the_main_window_once_the_file_is_free(
        qtbot, window, db_path, tmp_path) -> None:
    business_profile()
    client_id = client_with_contact()
    departure_for(client_id)  # a check-in due on 2026-07-30
    outcome: list[list[str]] = []

    def save(dialog: DueLettersDialog) -> None:
        dialog.set_range(date(2026, 7, 20), date(2026, 7, 31))
        dialog.set_companion("none")
        type_text(dialog.news, "The harbour festival is back — 山田 & <co>.")
        with locked(db_path), alerts.intercept() as seen:
            assert dialog.save_to(tmp_path / "due.pdf") == [tmp_path / "due.pdf"]
        outcome.append([alert.title for alert in seen])
        # Nothing kept; the letter is still due and chosen, the news still there.
        assert read_back(db_path, "SELECT count(*) FROM document") == [(0,)]
        assert [d.client_id for d in dialog.chosen()] == [client_id]
        assert dialog.news.toPlainText() == "The harbour festival is back — 山田 & <co>."
        assert dialog.save_to(tmp_path / "due.pdf")
        assert dialog.chosen() == []  # kept: no longer due
        dialog.reject()

    answer_modal(DueLettersDialog, save)
    window.due_letters_action.trigger()
    assert outcome == [["The letters were not logged"]]
    assert read_back(db_path, "SELECT client_id, kind FROM document") == [
        (client_id, "check_in")]
    # Logged once on the client's timeline, its follow-up done.
    assert read_back(db_path, "SELECT client_id, kind FROM interaction") == [
        (client_id, "letter")]
    assert read_back(db_path, "SELECT done_at IS NOT NULL FROM promise "
                              "WHERE letter_kind = 'check_in'") == [(1,)]


# --- the letter preview ---------------------------------------------------------------------

def save_twice(tmp_path: Path, db_path: Path, outcome: list) -> Callable:
    """Save the previewed letter with the file locked (not kept), then once it is free."""
    def save(dialog: DocumentPreviewDialog) -> None:
        with locked(db_path), alerts.intercept() as seen:
            assert not dialog.save_to(tmp_path / "letter.pdf")
        outcome.append([alert.title for alert in seen])
        # The PDF is on disk; nothing is in the records, and the letter is still shown.
        assert (tmp_path / "letter.pdf").read_bytes() == dialog.produced.pdf
        assert read_back(db_path, "SELECT count(*) FROM document") == [(0,)]
        assert dialog.document_id is None and "Nothing is kept" in dialog.statusLabel.text()
        assert dialog.save_to(tmp_path / "letter.pdf")
        outcome.append(dialog.statusLabel.text())
        dialog.reject()
    return save


@pytest.mark.frozen_at(TODAY.isoformat())
def test_a_letter_is_kept_by_the_departure_panel(qtbot, db_path, tmp_path) -> None:
    business_profile()
    client_id = client_with_contact()
    departure_id = departure_for(client_id)
    panel = DeparturePanel()
    qtbot.addWidget(panel)
    panel.show_client(client_id)
    outcome: list = []
    answer_modal(DocumentPreviewDialog, save_twice(tmp_path, db_path, outcome))
    assert panel.prepare_letter("transition_plan")
    assert outcome[0] == ["The letter was not logged"]
    assert "Kept and logged" in outcome[1]
    assert read_back(db_path, "SELECT client_id, departure_id, kind FROM document") == [
        (client_id, departure_id, "transition_plan")]
    assert read_back(db_path, "SELECT kind FROM interaction") == [("letter",)]


@pytest.mark.frozen_at(TODAY.isoformat())
def test_a_letter_is_kept_by_the_main_window(qtbot, window, db_path, tmp_path) -> None:
    business_profile()
    client_id = client_with_contact("山田 & <Søn>")
    departure_for(client_id)
    window.refresh_clients()
    window.open_client(client_id)
    outcome: list = []
    answer_modal(DocumentPreviewDialog, save_twice(tmp_path, db_path, outcome))
    assert window.write_letter("farewell")
    assert outcome[0] == ["The letter was not logged"]
    assert read_back(db_path, "SELECT client_id, kind FROM document") == [
        (client_id, "farewell")]


@pytest.mark.frozen_at(TODAY.isoformat())
def test_a_letter_from_the_wizard_draft_is_kept_by_the_letters_page(qtbot, db_path,
                                                                   tmp_path) -> None:
    business_profile()
    client_id = client_with_contact()
    draft = DepartureDraft(client_id=client_id, ended_by="owner", reasons=["fit"],
                           decided_on=TODAY, effective_on=END, decision="let_go",
                           steps=default_plan(END, TODAY), interviewer="Sam Okafor",
                           interview_times="2026-06-10 10:00")
    outcome: list = []
    answer_modal(DocumentPreviewDialog, save_twice(tmp_path, db_path, outcome))
    preview_letter(None, draft, "transition_plan")
    assert outcome[0] == ["The letter was not logged"]
    assert read_back(db_path, "SELECT client_id, departure_id, kind FROM document") == [
        (client_id, None, "transition_plan")]


@pytest.mark.frozen_at(TODAY.isoformat())
def test_the_offer_after_finish_keeps_what_is_saved(qtbot, db_path, tmp_path) -> None:
    business_profile()
    client_id = client_with_contact()
    departure_id = departure_for(client_id)

    def save(dialog: DocumentPreviewDialog) -> None:
        assert dialog.save_to(tmp_path / "farewell.pdf")
        dialog.reject()

    answer_modal(DocumentPreviewDialog, save)
    with alerts.intercept(answer=True):
        assert DepartureWizard.offer_letters(None, client_id, departure_id, ["farewell"]) == 1
    assert read_back(db_path, "SELECT kind FROM document") == [("farewell",)]
