"""The letter template editor: unknown placeholders refused with their name, good templates
saved and used by the next letter, a live preview, reset to the shipped text."""

import io
from pathlib import Path

import pytest
from helpers import type_text
from letter_records import TODAY, business_profile, client_with_contact, departure_for
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from goodbye_desktop.correspondence.produce import produce
from goodbye_desktop.documents.templates import default_template
from goodbye_desktop.store import documents
from goodbye_desktop.ui import alerts
from goodbye_desktop.ui.dialogs.template_editor import TemplateEditorDialog


@pytest.fixture
def client_id(db_path: Path) -> int:
    business_profile()
    client_id = client_with_contact()
    departure_for(client_id)
    return client_id


@pytest.fixture
def editor(qtbot, client_id: int) -> TemplateEditorDialog:
    dialog = TemplateEditorDialog(None, client_id, save=documents.save_template,
                                  reset=documents.reset_template)
    qtbot.addWidget(dialog)
    dialog.select_kind("check_in")
    return dialog


def type_at_end(editor: TemplateEditorDialog, text: str) -> None:
    editor.editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(editor.editor, text)


def test_an_unknown_placeholder_is_refused_with_its_name(editor) -> None:
    type_at_end(editor, "\n\nSee you soon, {clent_name} — Łukasz")
    typed = editor.editor.toPlainText()
    assert not editor.save()
    assert not editor.errorLabel.isHidden()
    problem = editor.errorLabel.text()
    last_line = typed.count("\n") + 1
    assert f"line {last_line}, column 15: unknown placeholder {{clent_name}}" in problem
    assert "{client_name}" in problem  # the likely intended name is suggested
    assert editor.editor.toPlainText() == typed
    assert documents.get_template("check_in") is None


def test_a_good_template_is_saved_and_used_by_the_next_letter(editor, client_id) -> None:
    type_at_end(editor, "\n\nP.S. Greetings to everyone at {client_name}, 山田 & <co>.")
    assert editor.save()
    assert editor.errorLabel.isHidden()
    assert "P.S. Greetings" in documents.get_template("check_in")
    assert editor.kindList.currentItem().text().endswith("(your text)")
    pdf = produce("check_in", client_id, today=TODAY).pdf
    text = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert "P.S. Greetings to everyone at Renée & <Sons>, 山田 & <co>." in text


def test_the_preview_follows_the_text_after_a_pause(qtbot, editor) -> None:
    before = editor.preview_count
    type_at_end(editor, "\n\nOne more line.")
    # Typing many characters renders once, after the pause.
    qtbot.waitUntil(lambda: editor.preview_count == before + 1, timeout=3000)
    assert editor.preview.page_count() == 1


def test_double_clicking_a_placeholder_inserts_it(qtbot, editor) -> None:
    editor.editor.moveCursor(QTextCursor.MoveOperation.End)
    item = editor.placeholderList.findItems("{owner_name}", Qt.MatchFlag.MatchStartsWith)[0]
    editor.placeholderList.itemDoubleClicked.emit(item)
    assert editor.editor.toPlainText().endswith("{owner_name}")


def test_double_clicking_a_situation_wraps_the_selection_in_a_section(qtbot, editor) -> None:
    editor.editor.moveCursor(QTextCursor.MoveOperation.End)
    type_at_end(editor, "\n\nSee you soon.")
    cursor = editor.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock,
                        QTextCursor.MoveMode.KeepAnchor)
    editor.editor.setTextCursor(cursor)
    item = editor.placeholderList.findItems("{?before_end}", Qt.MatchFlag.MatchStartsWith)[0]
    editor.placeholderList.itemDoubleClicked.emit(item)
    assert editor.editor.toPlainText().endswith("{?before_end}See you soon.{/before_end}")


def test_reset_brings_back_the_shipped_text(editor) -> None:
    type_at_end(editor, "\n\nMine.")
    assert editor.save()
    with alerts.intercept(answer=True) as seen:
        editor.reset_to_default()
    assert [a.kind for a in seen] == ["question"]
    assert editor.editor.toPlainText() == default_template("check_in")
    assert documents.get_template("check_in") is None


def test_leaving_unsaved_changes_asks_first(editor) -> None:
    type_at_end(editor, "\n\nNot saved.")
    with alerts.intercept(answer=False):
        editor.select_kind("farewell")
    assert editor.current_kind() == "check_in"
    with alerts.intercept(answer=True):
        editor.select_kind("farewell")
    assert editor.current_kind() == "farewell"
    assert editor.editor.toPlainText() == default_template("farewell")
