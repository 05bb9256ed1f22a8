"""The client form: add a new client or change one, in a dialog.

`ClientFormDialog.create(parent, save)` and `ClientFormDialog.edit(parent, client_id,
save)` show the dialog modally and return what happened, so callers (and tests) need no
knowledge of its widgets. The dialog never writes: it checks its fields, then hands them
to `save`, the caller's one store call (`records.create_client`, or
`records.update_client` for that client), as keyword arguments. Whatever is wrong (in
the form, or refused by the store) is said under the field at fault, which gets the
focus, and the dialog stays open with everything as typed; nothing is ever saved half.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from goodbye_desktop.errors import GoodbyeError, ValidationError
from goodbye_desktop.store import records
from goodbye_desktop.ui import alerts, formatting
from goodbye_desktop.ui.error_text import error_text


class OptionalDateEdit(QWidget):
    """A date that may be absent: a check box (the label, with its mnemonic) and a date edit."""

    def __init__(self, text: str, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(text, self)
        self.check.setAccessibleName(accessible_name)
        self.check.setToolTip(self.tr("Tick to give a date; leave empty when there is none"))
        self.edit = QDateEdit(self)
        self.edit.setAccessibleName(accessible_name)
        self.edit.setCalendarPopup(True)
        self.edit.setDate(formatting.today_qdate())
        self.edit.setEnabled(False)
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.toggled.connect(self._focus_edit)
        self.setFocusProxy(self.check)

    def _focus_edit(self, checked: bool) -> None:
        if checked and self.check.hasFocus():
            self.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def value(self) -> date | None:
        if not self.check.isChecked():
            return None
        return self.edit.date().toPython()

    def set_value(self, value: date | None) -> None:
        self.check.setChecked(value is not None)
        if value is not None:
            self.edit.setDate(formatting.qdate(value))


# The caller's store call: takes the client's fields as keyword arguments.
SaveClient = Callable[..., Any]


class ClientFormDialog(QDialog):
    """Add a client, or change one: every field of the client record but the derived ones."""

    # Where each field the store may complain about is shown.
    _FIELDS = ("name", "is_person", "status", "started_on", "ended_on", "address", "tags",
               "source", "acquired_on", "acquirer", "keep_in_touch", "notes")

    def __init__(self, parent: QWidget | None = None, client_id: int | None = None, *,
                 save: SaveClient) -> None:
        super().__init__(parent)
        self.setObjectName("clientForm")
        self.client_id = client_id
        self._save = save
        self.saved: Any = None  # what `save` returned (a new client's id)
        self.setWindowTitle(self.tr("New client") if client_id is None
                            else self.tr("Edit client"))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 36)

        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("Name"))
        self.name.setPlaceholderText(self.tr("A company, or a person's full name"))

        self.kind = QComboBox(self)
        self.kind.setAccessibleName(self.tr("Organisation or person"))
        self.kind.addItem(self.tr("Organisation"), False)
        self.kind.addItem(self.tr("Person"), True)

        self.status = QComboBox(self)
        self.status.setAccessibleName(self.tr("Status"))
        for status in formatting.STATUS_ORDER:
            self.status.addItem(formatting.status_label(status), status)
        self.status.setCurrentIndex(self.status.findData("active"))

        self.started_on = OptionalDateEdit(self.tr("&Started on"), self.tr("Started on"), self)
        self.ended_on = OptionalDateEdit(self.tr("&Ended on"), self.tr("Ended on"), self)

        self.address = QPlainTextEdit(self)
        self.address.setAccessibleName(self.tr("Postal address"))
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)

        self.tags = QLineEdit(self)
        self.tags.setAccessibleName(self.tr("Tags"))
        self.tags.setPlaceholderText(self.tr("Separated by commas, e.g. design, retainer"))

        self.source = QLineEdit(self)
        self.source.setAccessibleName(self.tr("How they found us"))
        self.source.setPlaceholderText(self.tr("A referral, the website, an event…"))

        self.acquired_on = OptionalDateEdit(self.tr("&Acquired on"), self.tr("Acquired on"), self)
        self.acquirer = QLineEdit(self)
        self.acquirer.setAccessibleName(self.tr("Acquired by"))
        self.acquirer.setPlaceholderText(self.tr("The company that bought them"))

        self.keep_in_touch = QCheckBox(self.tr("&Keep in touch (stays on your mailing list after "
                                               "leaving)"), self)
        self.keep_in_touch.setAccessibleName(self.tr("Keep in touch"))

        self.notes = QPlainTextEdit(self)
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)

        self._errors: dict[str, QLabel] = {}
        self._inputs: dict[str, QWidget] = {
            "name": self.name, "is_person": self.kind, "status": self.status,
            "started_on": self.started_on, "ended_on": self.ended_on, "address": self.address,
            "tags": self.tags, "source": self.source, "acquired_on": self.acquired_on,
            "acquirer": self.acquirer, "keep_in_touch": self.keep_in_touch, "notes": self.notes,
        }

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._add_row(form, self.tr("&Name:"), "name")
        self._add_row(form, self.tr("&Type:"), "is_person")
        self._add_row(form, self.tr("Stat&us:"), "status")
        form.addRow(self.started_on.check, self._field_box("started_on", self.started_on.edit))
        form.addRow(self.ended_on.check, self._field_box("ended_on", self.ended_on.edit))
        self._add_row(form, self.tr("A&ddress:"), "address")
        self._add_row(form, self.tr("Ta&gs:"), "tags")
        self._add_row(form, self.tr("How they &found us:"), "source")
        form.addRow(self.acquired_on.check,
                    self._field_box("acquired_on", self.acquired_on.edit))
        self._add_row(form, self.tr("Ac&quired by:"), "acquirer")
        form.addRow("", self._field_box("keep_in_touch", self.keep_in_touch))
        self._add_row(form, self.tr("N&otes:"), "notes")

        # Errors the store reports about no field in particular.
        self.general_error = self._error_label()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Add client") if client_id is None else self.tr("Save changes"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

        order = [self.name, self.kind, self.status, self.started_on.check, self.started_on.edit,
                 self.ended_on.check, self.ended_on.edit, self.address, self.tags, self.source,
                 self.acquired_on.check, self.acquired_on.edit, self.acquirer,
                 self.keep_in_touch, self.notes, self.buttons]
        for first, second in zip(order, order[1:], strict=False):
            self.setTabOrder(first, second)

        if client_id is not None:
            self._load(client_id)
        self.name.setFocus()

    # --- building -----------------------------------------------------------------------

    def _error_label(self) -> QLabel:
        label = QLabel(self)
        label.setTextFormat(Qt.TextFormat.PlainText)  # messages may quote names
        label.setWordWrap(True)
        palette = label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#c0262d"))
        label.setPalette(palette)
        label.hide()
        return label

    def _field_box(self, field: str, widget: QWidget) -> QWidget:
        """The input with its error label right under it."""
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        if isinstance(widget, QDateEdit):
            # Dates are short: do not stretch them across the dialog.
            row = QHBoxLayout()
            row.addWidget(widget)
            row.addStretch(1)
            column.addLayout(row)
        else:
            column.addWidget(widget)
        error = self._error_label()
        error.setObjectName(f"{field}Error")
        column.addWidget(error)
        self._errors[field] = error
        return box

    def _add_row(self, form: QFormLayout, text: str, field: str) -> None:
        label = QLabel(text, self)
        widget = self._inputs[field]
        label.setBuddy(widget)
        form.addRow(label, self._field_box(field, widget))

    def _load(self, client_id: int) -> None:
        client = records.get_client(client_id)
        self.name.setText(client["name"])
        self.kind.setCurrentIndex(1 if client["is_person"] else 0)
        index = self.status.findData(client["status"])
        self.status.setCurrentIndex(max(index, 0))
        self.started_on.set_value(client["started_on"])
        self.ended_on.set_value(client["ended_on"])
        self.address.setPlainText(client["address"] or "")
        self.tags.setText(client["tags"] or "")
        self.source.setText(client["source"] or "")
        self.acquired_on.set_value(client["acquired_on"])
        self.acquirer.setText(client["acquirer"] or "")
        self.keep_in_touch.setChecked(bool(client["keep_in_touch"]))
        self.notes.setPlainText(client["notes"] or "")

    # --- values and errors --------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """The client's fields as the store takes them."""
        return {
            "name": self.name.text().strip(),
            "is_person": bool(self.kind.currentData()),
            "status": self.status.currentData(),
            "started_on": self.started_on.value(),
            "ended_on": self.ended_on.value(),
            "address": self.address.toPlainText().strip(),
            "tags": self.tags.text().strip(),
            "source": self.source.text().strip(),
            "acquired_on": self.acquired_on.value(),
            "acquirer": self.acquirer.text().strip(),
            "keep_in_touch": self.keep_in_touch.isChecked(),
            "notes": self.notes.toPlainText().strip(),
        }

    def error_text(self, field: str) -> str:
        """The message shown under a field ("" when none)."""
        label = self._errors.get(field, self.general_error)
        return label.text() if not label.isHidden() else ""

    def clear_errors(self) -> None:
        for label in (*self._errors.values(), self.general_error):
            label.clear()
            label.hide()
        for widget in self._inputs.values():
            targets = ((widget.check, widget.edit) if isinstance(widget, OptionalDateEdit)
                       else (widget,))
            for target in targets:
                target.setAccessibleDescription("")

    def show_error(self, field: str | None, message: str) -> None:
        """Say what is wrong under the field at fault, and put the cursor there."""
        label = self._errors.get(field or "", self.general_error)
        label.setText(message)
        label.show()
        widget = self._inputs.get(field or "")
        if isinstance(widget, OptionalDateEdit):
            widget = widget.edit if widget.check.isChecked() else widget.check
        if widget is not None:
            # Screen readers read the message with the field, not only the red text.
            widget.setAccessibleDescription(message)
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _check(self, values: dict[str, Any]) -> list[tuple[str, str]]:
        """Every problem at once, in the order of the form, so nothing surprises twice."""
        problems = []
        if not values["name"]:
            problems.append(("name", self.tr("Please enter a name.")))
        started, ended = values["started_on"], values["ended_on"]
        if started and ended and ended < started:
            problems.append(("ended_on", self.tr("The end date cannot be before the start date.")))
        return problems

    def accept(self) -> None:
        self.clear_errors()
        values = self.values()
        problems = self._check(values)
        if problems:
            # The cursor goes to the first field at fault.
            for field, message in reversed(problems):
                self.show_error(field, message)
            return
        try:
            self.saved = self._save(**values)
        except ValidationError as exc:
            self.show_error(exc.field if exc.field in self._FIELDS else None, error_text(exc))
            return
        except GoodbyeError as exc:
            alerts.error(self, error_text(exc), title=self.tr("The client was not saved"))
            return
        super().accept()

    # --- entry points -------------------------------------------------------------------

    @classmethod
    def create(cls, parent: QWidget | None, save: SaveClient) -> int | None:
        """Ask for a new client and save it with `save` (which returns its id); the id,
        or None when cancelled."""
        dialog = cls(parent, save=save)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.saved
            return None
        finally:
            dialog.deleteLater()

    @classmethod
    def edit(cls, parent: QWidget | None, client_id: int, save: SaveClient) -> bool:
        """Change a client and save the fields with `save`; True when they were saved."""
        try:
            dialog = cls(parent, client_id, save=save)
        except GoodbyeError as exc:
            alerts.error(parent, error_text(exc), title=QCoreApplication.translate(
                "ClientFormDialog", "The client cannot be opened"))
            return False
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()
