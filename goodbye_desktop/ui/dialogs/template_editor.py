"""Settings > Letter templates: the owner's own words for each kind of letter.

One kind at a time: its template text, the placeholders it knows (double-click inserts one
at the cursor), and a live preview of the letter, re-rendered a moment after typing stops,
with sample values or the client selected in the main window. Saving refuses a template
with an unknown placeholder or a stray brace, and says which and where next to the text,
which stays as typed. "Reset to default" brings back the shipped text.

The editor reads the templates but writes none: its caller hands it `save(kind, text)`
and `reset(kind)` (`store.documents.save_template` and `reset_template`), each one store
call; a save that fails is said next to the text, which stays as typed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QHideEvent, QShowEvent, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from goodbye_desktop.correspondence.produce import preview_pdf
from goodbye_desktop.documents.letters import LETTER_KINDS
from goodbye_desktop.documents.templates import (
    CONDITIONS,
    check_template,
    default_template,
    placeholders_for,
)
from goodbye_desktop.errors import GoodbyeError
from goodbye_desktop.store import documents as store_documents
from goodbye_desktop.ui import alerts
from goodbye_desktop.ui.departure.common import label_for
from goodbye_desktop.ui.dialogs.document_preview import PdfPane
from goodbye_desktop.ui.error_text import error_text
from goodbye_desktop.ui.screen_fit import fit_to_screen
from goodbye_desktop.ui.timers import stop_with_database

PREVIEW_DELAY_MS = 300
_KIND_ROLE = Qt.ItemDataRole.UserRole
_NAME_ROLE = Qt.ItemDataRole.UserRole + 1


def _labelled(text: str, buddy: QWidget, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setBuddy(buddy)
    return label


# The caller's store calls: keep the owner's text for a kind; forget it (the default again).
SaveTemplate = Callable[[str, str], Any]
ResetTemplate = Callable[[str], Any]


class TemplateEditorDialog(QDialog):
    """Edit, check, preview and save the template of each letter kind."""

    def __init__(self, parent: QWidget | None = None, client_id: int | None = None, *,
                 save: SaveTemplate, reset: ResetTemplate) -> None:
        super().__init__(parent)
        self.setObjectName("templateEditor")
        self.setWindowTitle(self.tr("Letter templates"))
        fit_to_screen(self, 1280, 820)
        self._client_id = client_id
        self._save_template = save
        self._reset_template = reset
        self._kind = ""
        self._saved_text = ""
        self.preview_count = 0  # how many previews were rendered (tests wait on it)

        self.kindList = QListWidget(self)
        self.kindList.setObjectName("kindList")
        self.kindList.setAccessibleName(self.tr("Letter kinds"))
        for kind in LETTER_KINDS:
            item = QListWidgetItem(label_for("letter", kind), self.kindList)
            item.setData(_KIND_ROLE, kind)
        self.kindList.setMaximumWidth(230)

        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("templateText")
        self.editor.setAccessibleName(self.tr("Template text"))
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
        font.setStyleHint(QFont.StyleHint.SansSerif)
        self.editor.setFont(font)
        self.errorLabel = QLabel(self)
        self.errorLabel.setObjectName("templateError")
        self.errorLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet("color: #b3261e;")
        self.errorLabel.setAccessibleName(self.tr("Problems in the template"))
        self.errorLabel.hide()
        help_text = QLabel(self.tr(
            "The first line is the subject (Subject: …); a Closing: line may follow. After a "
            "blank line comes the letter. A name in braces, such as {client_name}, is "
            "replaced by its value; write {{ or }} to print a brace."), self)
        help_text.setWordWrap(True)
        help_text.setTextFormat(Qt.TextFormat.PlainText)

        self.placeholderList = QListWidget(self)
        self.placeholderList.setObjectName("placeholderList")
        self.placeholderList.setAccessibleName(self.tr("Placeholders"))
        self.placeholderList.setWordWrap(True)
        self.placeholderList.setMaximumHeight(200)

        self.previewWith = QComboBox(self)
        self.previewWith.setObjectName("previewWith")
        self.previewWith.setAccessibleName(self.tr("Preview with"))
        self.previewWith.addItem(self.tr("Sample values"), None)
        if client_id is not None:
            name = self._client_name(client_id)
            if name:
                self.previewWith.addItem(self.tr("The selected client: %1").replace("%1", name),
                                         client_id)
                self.previewWith.setCurrentIndex(1)
        self.preview = PdfPane(self)
        self.preview.setObjectName("templatePreview")
        self.preview.setMinimumWidth(420)

        self.saveButton = QPushButton(self.tr("&Save"), self)
        self.saveButton.setObjectName("saveTemplate")
        self.resetButton = QPushButton(self.tr("&Reset to default"), self)
        self.resetButton.setObjectName("resetTemplate")
        self.resetButton.setToolTip(self.tr("Bring back the text the program came with."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.saveButton, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.resetButton, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.rejected.connect(self.reject)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(_labelled(self.tr("&Letter:"), self.kindList, self))
        left_layout.addWidget(self.kindList)
        middle = QWidget(self)
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(_labelled(self.tr("&Template:"), self.editor, self))
        middle_layout.addWidget(self.editor, 3)
        middle_layout.addWidget(self.errorLabel)
        middle_layout.addWidget(help_text)
        middle_layout.addWidget(_labelled(
            self.tr("&Placeholders (double-click to insert):"), self.placeholderList, self))
        middle_layout.addWidget(self.placeholderList, 1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        with_row = QHBoxLayout()
        with_row.addWidget(_labelled(self.tr("Preview &with:"), self.previewWith, self))
        with_row.addWidget(self.previewWith, 1)
        right_layout.addLayout(with_row)
        right_layout.addWidget(self.preview, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        for pane in (left, middle, right):
            splitter.addWidget(pane)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 3)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.preview_now)
        stop_with_database(self._timer)
        self._preview_pending = False  # a preview was due when the dialog hid
        self.editor.textChanged.connect(self._timer.start)
        self.editor.textChanged.connect(self._update_title)
        self.previewWith.currentIndexChanged.connect(self._preview_soon)
        self.kindList.currentItemChanged.connect(self._kind_chosen)
        self.placeholderList.itemDoubleClicked.connect(self._insert_placeholder)
        self.saveButton.clicked.connect(self.save)
        self.resetButton.clicked.connect(self.reset_to_default)

        self._mark_customised()
        self.kindList.setCurrentRow(0)

    # --- public -------------------------------------------------------------------------------

    @classmethod
    def run(cls, parent: QWidget | None, save: SaveTemplate, reset: ResetTemplate) -> None:
        """Show the editor, saving with `save` and `reset`; previews use the main window's
        selected client, if any."""
        client_id = None
        current = getattr(parent, "current_client_id", None)
        if callable(current):
            client_id = current()
        dialog = cls(parent, client_id, save=save, reset=reset)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def current_kind(self) -> str:
        return self._kind

    def select_kind(self, kind: str) -> None:
        for row in range(self.kindList.count()):
            if self.kindList.item(row).data(_KIND_ROLE) == kind:
                self.kindList.setCurrentRow(row)
                return
        raise KeyError(kind)

    def has_changes(self) -> bool:
        return self.editor.toPlainText() != self._saved_text

    def save(self) -> bool:
        """Check the template and hand it to `save` (the shipped text to `reset`); on a
        problem say what and where, keep the text."""
        text = self.editor.toPlainText()
        try:
            check_template(self._kind, text)
            if text == default_template(self._kind):
                self._reset_template(self._kind)
            else:
                self._save_template(self._kind, text)
        except GoodbyeError as exc:
            self._show_problem(error_text(exc))
            return False
        self._saved_text = text
        self._show_problem("")
        self._mark_customised()
        self._update_title()
        return True

    def reset_to_default(self) -> None:
        """Bring back the shipped text (the owner's version is forgotten once confirmed)."""
        if store_documents.get_template(self._kind) is not None and not alerts.question(
            self, self.tr("Replace your text for this letter with the text the program came "
                          "with? Your version will be gone."),
            title=self.tr("Reset to default"), yes=self.tr("Reset"), no=self.tr("Keep mine"),
        ):
            return
        try:
            self._reset_template(self._kind)
        except GoodbyeError as exc:
            alerts.error(self, error_text(exc))
            return
        self._load(self._kind)
        self._mark_customised()

    def reject(self) -> None:
        if self.has_changes() and not alerts.question(
            self, self.tr("Your changes to this letter are not saved. Close anyway?"),
            title=self.tr("Unsaved changes"), yes=self.tr("Discard changes"),
            no=self.tr("Keep editing"),
        ):
            return
        super().reject()

    def done(self, result: int) -> None:
        # A preview still waiting must not run once the dialog (or the database) is gone.
        self._timer.stop()
        super().done(result)

    def hideEvent(self, event: QHideEvent) -> None:
        # No preview while hidden; it is rendered when the dialog shows again.
        self._preview_pending = self._preview_pending or self._timer.isActive()
        self._timer.stop()
        super().hideEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._preview_pending:
            self._preview_pending = False
            self._timer.start()

    def preview_now(self) -> None:
        """Render the letter with the current text (called a moment after typing stops)."""
        self._timer.stop()
        text = self.editor.toPlainText()
        try:
            pdf = preview_pdf(self._kind, text, self.previewWith.currentData())
        except GoodbyeError as exc:
            # The last good preview stays; the problem is said next to the text.
            self._show_problem(error_text(exc))
            return
        self._show_problem("")
        self.preview.set_pdf(pdf)
        self.preview_count += 1

    # --- internals ----------------------------------------------------------------------------

    def _preview_soon(self, *_args: object) -> None:
        self._timer.start()

    @staticmethod
    def _client_name(client_id: int) -> str:
        from goodbye_desktop.store.records import get_client

        try:
            return get_client(client_id)["name"]
        except GoodbyeError:
            return ""

    def _kind_chosen(self, current: QListWidgetItem | None,
                     previous: QListWidgetItem | None) -> None:
        if current is None:
            return
        kind = current.data(_KIND_ROLE)
        if kind == self._kind:
            return
        if self._kind and self.has_changes() and not alerts.question(
            self, self.tr("Your changes to this letter are not saved. Leave them?"),
            title=self.tr("Unsaved changes"), yes=self.tr("Discard changes"),
            no=self.tr("Keep editing"),
        ):
            self.kindList.blockSignals(True)
            self.kindList.setCurrentItem(previous)
            self.kindList.blockSignals(False)
            return
        self._load(kind)

    def _load(self, kind: str) -> None:
        self._kind = kind
        text = store_documents.get_template(kind) or default_template(kind)
        self._saved_text = text
        self.placeholderList.clear()
        for name, description in placeholders_for(kind).items():
            item = QListWidgetItem(f"{{{name}}} – {description}", self.placeholderList)
            item.setData(_NAME_ROLE, name)
            item.setToolTip(description)
        # The situations a section can follow: double-click wraps the selection in one.
        for name, description in CONDITIONS.items():
            item = QListWidgetItem(f"{{?{name}}}…{{/{name}}} – {description}",
                                   self.placeholderList)
            item.setData(_NAME_ROLE, "?" + name)
            item.setToolTip(self.tr("A section printed only when: %1").replace("%1",
                                                                             description))
        self.editor.setPlainText(text)
        self._show_problem("")
        self._update_title()
        self.preview_now()

    def _insert_placeholder(self, item: QListWidgetItem) -> None:
        cursor: QTextCursor = self.editor.textCursor()
        name = item.data(_NAME_ROLE)
        if name.startswith("?"):
            selected = cursor.selectedText().replace("\u2029", "\n")
            cursor.insertText("{" + name + "}" + selected + "{/" + name[1:] + "}")
        else:
            cursor.insertText("{" + name + "}")
        self.editor.setFocus()

    def _show_problem(self, text: str) -> None:
        self.errorLabel.setText(text)
        self.errorLabel.setVisible(bool(text))

    def _mark_customised(self) -> None:
        own = store_documents.customised_kinds()
        for row in range(self.kindList.count()):
            item = self.kindList.item(row)
            kind = item.data(_KIND_ROLE)
            title = label_for("letter", kind)
            item.setText(self.tr("%1 (your text)").replace("%1", title) if kind in own
                         else title)

    def _update_title(self) -> None:
        title = self.tr("Letter templates")
        self.setWindowTitle(f"{title} *" if self.has_changes() else title)
