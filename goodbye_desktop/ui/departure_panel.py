"""The departure on a client's detail (`DeparturePanel`): what was decided, and what follows.

The panel shows the client's open departure (or the latest closed one) and keeps it
editable: transition steps and pending work ticked off as they are done, the exit
interview's status and answers, notes and lessons. "Mark returned…" closes the
departure as won back; "Undo departure…" says the client stayed, keeping the history.
After every write it emits `clientChanged(client_id)` so the list and header refresh.

The return date is asked through `ReturnDateDialog.ask`, which tests answer with
`ReturnDateDialog.answering(date)`; confirmations and errors go through `ui.alerts`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any, ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from goodbye_desktop import clock
from goodbye_desktop.core.departure import shown_state
from goodbye_desktop.errors import GoodbyeError
from goodbye_desktop.store import departures as store
from goodbye_desktop.ui import alerts
from goodbye_desktop.ui.departure.common import (
    ERROR_COLOR,
    hint,
    label_for,
    labels,
    qdate,
    to_date,
    tr,
)
from goodbye_desktop.ui.error_text import error_text
from goodbye_desktop.ui.formatting import short_date


class ReturnDateDialog(QDialog):
    """Asks when a departed client came back; `ask` returns the date or None."""

    _answer: ClassVar[date | None | bool] = False  # False: really ask

    def __init__(self, parent: QWidget | None, default: date) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Mark returned"))
        self.date = QDateEdit(self)
        self.date.setCalendarPopup(True)
        self.date.setDate(qdate(default))
        self.date.setAccessibleName(tr("Date the client came back"))
        label = QLabel(tr("Came back &on:"), self)
        label.setBuddy(self.date)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(hint(tr("Welcome back! The departure closes as won back, and the client "
                            "counts as active again."), self))
        form.addRow(label, self.date)
        form.addRow(buttons)

    @classmethod
    @contextmanager
    def answering(cls, answer: date | None) -> Iterator[None]:
        previous, cls._answer = cls._answer, answer
        try:
            yield
        finally:
            cls._answer = previous

    @classmethod
    def ask(cls, parent: QWidget | None, default: date) -> date | None:
        if cls._answer is not False:
            return cls._answer  # type: ignore[return-value]
        dialog = cls(parent, default)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return to_date(dialog.date.date())
        finally:
            dialog.deleteLater()


def _table(columns: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(columns)
    table.setTabKeyNavigation(False)
    table.verticalHeader().setVisible(False)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column in range(1, len(columns)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return table


def _item(text: str, data: Any = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    return item


def _check_item(checked: bool, data: int) -> QTableWidgetItem:
    # The column's header says "Done"; the box alone says whether it is.
    item = QTableWidgetItem()
    item.setToolTip(tr("Done"))
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                  | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    item.setData(Qt.ItemDataRole.UserRole, data)
    return item


class DeparturePanel(QWidget):
    """The client's departure, editable; see the module docstring."""

    clientChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("departurePanel")
        self._today = today
        self.client_id: int | None = None
        self.departure_id: int | None = None
        self._filling = False

        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.empty.setObjectName("departureEmpty")

        self.header = QLabel(self)
        self.header.setObjectName("departureHeader")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.steps = _table([tr("Step"), tr("Date"), tr("Who"), tr("Done")])
        self.steps.setAccessibleName(tr("Transition steps (space ticks one done)"))
        steps_label = QLabel(tr("Transition &plan:"), self)
        steps_label.setBuddy(self.steps)
        self.pending = _table([tr("Job"), tr("Due"), tr("Done")])
        self.pending.setAccessibleName(tr("Pending work (space ticks one done)"))
        pending_label = QLabel(tr("Pending &work:"), self)
        pending_label.setBuddy(self.pending)
        self.steps.itemChanged.connect(self._step_ticked)
        self.pending.itemChanged.connect(self._pending_ticked)

        self.interview_status = QComboBox(self)
        for code, text in labels("interview_status").items():
            self.interview_status.addItem(text, code)
        self.held_on = QDateEdit(self)
        self.held_on.setCalendarPopup(True)
        self.decided_when = QLineEdit(self)
        self.decided_when.setPlaceholderText(tr("In their words"))
        self.would_return = QComboBox(self)
        self.would_refer = QComboBox(self)
        for combo in (self.would_return, self.would_refer):
            for code, text in labels("answer").items():
                combo.addItem(text, code)
        self.answers = _table([tr("Question"), tr("Answer")])
        self.answers.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers
                                     & ~QAbstractItemView.EditTrigger.CurrentChanged)
        self.answers.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch)
        interview = QGroupBox(tr("Exit interview"), self)
        form = QFormLayout(interview)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for text, widget, name in (
                (tr("S&tatus:"), self.interview_status, tr("Interview status")),
                (tr("&Held on:"), self.held_on, tr("Interview held on")),
                (tr("When did they &decide:"), self.decided_when, tr("When did they decide")),
                (tr("Would they &return:"), self.would_return, tr("Would they return")),
                (tr("Would they re&fer you:"), self.would_refer, tr("Would they refer you")),
                (tr("&Answers:"), self.answers, tr("Interview answers"))):
            label = QLabel(text, interview)
            label.setBuddy(widget)
            widget.setAccessibleName(name)
            form.addRow(label, widget)
        self.interview_status.currentIndexChanged.connect(self._update_held)

        self.notes = QPlainTextEdit(self)
        self.lessons = QPlainTextEdit(self)
        for edit, name in ((self.notes, tr("Notes on the departure")),
                           (self.lessons, tr("Lessons learned"))):
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 14)
            edit.setAccessibleName(name)
        notes_label = QLabel(tr("N&otes:"), self)
        notes_label.setBuddy(self.notes)
        lessons_label = QLabel(tr("&Lessons learned:"), self)
        lessons_label.setBuddy(self.lessons)

        self.save_button = QPushButton(tr("&Save changes"), self)
        self.save_button.clicked.connect(self.save)
        self.returned_button = QPushButton(tr("Mark r&eturned…"), self)
        self.returned_button.clicked.connect(self.mark_returned)
        self.undo_button = QPushButton(tr("&Undo departure…"), self)
        self.undo_button.clicked.connect(self.undo)
        self.folder_button = QPushButton(tr("Client's fol&der…"), self)
        self.folder_button.setToolTip(tr("Everything about this client in time order: "
                                         "correspondence, notes, letters, interview, plan"))
        self.folder_button.clicked.connect(self.open_folder)
        # Every letter kind is offered; the ones chosen in the wizard come first.
        self.letters_button = QPushButton(tr("Le&tters…"), self)
        self.letters_button.setObjectName("departureLetters")
        self.letters_button.setAccessibleName(tr("Prepare a letter for this departure"))
        self.letters_menu = QMenu(self.letters_button)
        self.letters_button.setMenu(self.letters_menu)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ERROR_COLOR};")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.hide()

        # Two short rows, so the pane fits beside the list without scrolling sideways.
        buttons = QVBoxLayout()
        for group in ((self.letters_button, self.folder_button),
                      (self.returned_button, self.undo_button)):
            row = QHBoxLayout()
            for button in group:
                row.addWidget(button)
            row.addStretch(1)
            buttons.addLayout(row)

        self.body = QWidget(self)
        body = QVBoxLayout(self.body)
        body.addWidget(self.header)
        body.addLayout(buttons)
        body.addWidget(self.error)
        body.addWidget(steps_label)
        body.addWidget(self.steps)
        body.addWidget(pending_label)
        body.addWidget(self.pending)
        body.addWidget(interview)
        notes_form = QFormLayout()
        notes_form.addRow(notes_label, self.notes)
        notes_form.addRow(lessons_label, self.lessons)
        body.addLayout(notes_form)
        body.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The save bar stays in view below the scrolling form, next to Notes and Lessons.
        self.save_bar = QWidget(self)
        self.save_bar.setObjectName("departureSaveBar")
        save_row = QHBoxLayout(self.save_bar)
        save_row.setContentsMargins(0, 4, 0, 0)
        save_hint = QLabel(tr("Saves the interview, its answers, notes and lessons. Ticks in "
                              "the plan and pending work are saved at once."), self.save_bar)
        save_hint.setWordWrap(True)
        save_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        save_row.addWidget(save_hint, 1)
        save_row.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignBottom)

        # With no departure yet: a sentence and the button that starts one.
        self.start_button = QPushButton(tr("&Start a departure…"), self)
        self.start_button.setObjectName("startDepartureButton")
        self.start_button.clicked.connect(self.start_departure)
        self.empty_page = QWidget(self)
        empty_layout = QVBoxLayout(self.empty_page)
        empty_layout.addStretch(1)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty_layout.addWidget(self.empty)
        start_row = QHBoxLayout()
        start_row.addStretch(1)
        start_row.addWidget(self.start_button)
        start_row.addStretch(1)
        empty_layout.addLayout(start_row)
        empty_layout.addStretch(2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty_page)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.save_bar)
        self._scroll = scroll
        self.show_client(None)

    @property
    def today(self) -> date:
        return self._today or clock.today()

    # --- showing ------------------------------------------------------------------------------

    def show_client(self, client_id: int | None) -> None:
        """Show the departure of `client_id` (None: nothing selected)."""
        self.client_id = client_id
        self.departure_id = store.departure_for_client(client_id) if client_id else None
        self.error.hide()
        if self.departure_id is None:
            self.start_button.setVisible(client_id is not None)
            self.start_button.setText(tr("&Start a departure…"))
            if client_id is None:
                self.empty.setText(tr("Choose a client to see their departure."))
            elif store.load_draft(client_id):
                self.empty.setText(tr("A departure was started and kept as a draft."))
                self.start_button.setText(tr("&Continue the departure…"))
            else:
                self.empty.setText(tr("No departure recorded for this client. If they leave, "
                                      "or you decide to part, the wizard walks you through "
                                      "it step by step."))
            self.empty_page.show()
            self._scroll.hide()
            self.save_bar.hide()
            return
        self.empty_page.hide()
        self._scroll.show()
        self.save_bar.show()
        self._fill(store.departure_detail(self.departure_id))

    def _fill(self, d: dict[str, Any]) -> None:
        self._filling = True
        try:
            self._fill_header(d)
            self.steps.setRowCount(0)
            for step in d["steps"]:
                row = self.steps.rowCount()
                self.steps.insertRow(row)
                self.steps.setItem(row, 0, _item(step["description"]))
                self.steps.setItem(row, 1, _item(short_date(step["due_on"])))
                self.steps.setItem(row, 2, _item(step["owner"]))
                self.steps.setItem(row, 3, _check_item(step["status"] == "done", step["id"]))
            self.pending.setRowCount(0)
            for job in d["pending"]:
                row = self.pending.rowCount()
                self.pending.insertRow(row)
                self.pending.setItem(row, 0, _item(job["description"]))
                self.pending.setItem(row, 1, _item(short_date(job["due_on"])))
                self.pending.setItem(row, 2, _check_item(job["done_on"] is not None, job["id"]))
            self.interview_status.setCurrentIndex(
                max(self.interview_status.findData(d["interview_status"]), 0))
            self.held_on.setDate(qdate(d["interview_held_on"] or self.today))
            self.decided_when.setText(d["decided_when"])
            self.would_return.setCurrentIndex(max(self.would_return.findData(d["would_return"]),
                                                  0))
            self.would_refer.setCurrentIndex(max(self.would_refer.findData(d["would_refer"]), 0))
            self.answers.setRowCount(0)
            for question in d["questions"]:
                row = self.answers.rowCount()
                self.answers.insertRow(row)
                self.answers.setItem(row, 0, _item(question["question"], question["id"]))
                answer = QTableWidgetItem(question["answer"])
                self.answers.setItem(row, 1, answer)
            self.notes.setPlainText(d["notes"])
            self.lessons.setPlainText(d["lessons"])
            for table in (self.steps, self.pending, self.answers):
                # Tall enough for every row: the panel scrolls, not each table.
                rows = max(table.rowCount(), 1)
                table.setFixedHeight(table.horizontalHeader().sizeHint().height()
                                     + rows * table.verticalHeader().defaultSectionSize()
                                     + 2 * table.frameWidth() + 4)
            self._fill_letters_menu(d["letters"])
            open_ = d["state"] == "decided"
            self.returned_button.setEnabled(open_)
            self.undo_button.setEnabled(open_)
            self._update_held()
        finally:
            self._filling = False

    def _fill_header(self, d: dict[str, Any]) -> None:
        ended = label_for("ended_by", d["ended_by"])
        if d["outside_event"]:
            ended += f" ({label_for('outside_event', d['outside_event']).lower()})"
        lines = [
            tr("%1 — ended by %2").replace("%1", label_for(
                "state", shown_state(d["state"], d["effective_on"], self.today)))
            .replace("%2", ended.lower()),
            tr("Decided on %1; last day %2.").replace("%1", short_date(d["decided_on"]))
            .replace("%2", short_date(d["effective_on"])),
            tr("Reasons: %1").replace("%1", ", ".join(label_for("reason", r)
                                                      for r in d["reasons"])),
        ]
        if d["reason_text"]:
            lines.append(f"“{d['reason_text']}”")
        lines.append(tr("Kind of client: %1. Decision: %2.")
                     .replace("%1", label_for("kind", d["kind"]))
                     .replace("%2", label_for("decision", d["decision"])))
        if d["letters"]:
            lines.append(tr("Letters chosen: %1").replace(
                "%1", ", ".join(label_for("letter", k) for k in d["letters"])))
        if d["returned_on"]:
            lines.append(tr("Came back on %1.").replace("%1", short_date(d["returned_on"])))
        if d["undone_on"]:
            lines.append(tr("Undone on %1: the client stayed.")
                         .replace("%1", short_date(d["undone_on"])))
        self.header.setText("\n".join(lines))

    def start_departure(self) -> bool:
        """Open the departure wizard on the client shown; True when something was saved."""
        if self.client_id is None:
            return False
        from goodbye_desktop.ui.departure_wizard import DepartureWizard

        client_id = self.client_id
        if not DepartureWizard.run(self, client_id):
            return False
        self.show_client(client_id)
        self.clientChanged.emit(client_id)
        return True

    def _update_held(self, *_args: Any) -> None:
        self.held_on.setEnabled(self.interview_status.currentData() == "held")

    # --- writing --------------------------------------------------------------------------

    def _write(self, action) -> bool:
        try:
            action()
        except GoodbyeError as exc:
            self.error.setText(error_text(exc))
            self.error.show()
            alerts.error(self, error_text(exc))
            return False
        self.error.hide()
        if self.client_id is not None:
            self.clientChanged.emit(self.client_id)
        return True

    def _step_ticked(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != 3:
            return
        done = item.checkState() == Qt.CheckState.Checked
        step_id = item.data(Qt.ItemDataRole.UserRole)
        self._write(lambda: store.set_step_status(step_id, "done" if done else "todo",
                                                  self.today))

    def _pending_ticked(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != 2:
            return
        done = item.checkState() == Qt.CheckState.Checked
        item_id = item.data(Qt.ItemDataRole.UserRole)
        self._write(lambda: store.set_pending_done(item_id, self.today if done else None))

    def save(self) -> bool:
        """Save the interview, its answers, notes and lessons."""
        if self.departure_id is None:
            return False
        status = self.interview_status.currentData()
        answers = {self.answers.item(row, 0).data(Qt.ItemDataRole.UserRole):
                   self.answers.item(row, 1).text() for row in range(self.answers.rowCount())}
        fields = {
            "interview_status": status,
            "interview_held_on": to_date(self.held_on.date()) if status == "held" else None,
            "decided_when": self.decided_when.text(),
            "would_return": self.would_return.currentData(),
            "would_refer": self.would_refer.currentData(),
            "notes": self.notes.toPlainText(),
            "lessons": self.lessons.toPlainText(),
        }
        departure_id = self.departure_id
        return self._write(lambda: store.update_departure(departure_id, answers, **fields))

    def mark_returned(self) -> bool:
        if self.departure_id is None:
            return False
        on = ReturnDateDialog.ask(self, self.today)
        if on is None:
            return False
        departure_id = self.departure_id
        if self._write(lambda: store.mark_returned(departure_id, on)):
            self.show_client(self.client_id)
            return True
        return False

    def undo(self) -> bool:
        if self.departure_id is None:
            return False
        if not alerts.question(
                self, tr("Undo this departure? The client becomes active again and the open "
                         "follow-ups are cancelled. The departure's history is kept."),
                title=tr("Undo departure"), yes=tr("Undo departure"), no=tr("Keep it")):
            return False
        departure_id = self.departure_id
        if self._write(lambda: store.undo_departure(departure_id, self.today)):
            self.show_client(self.client_id)
            return True
        return False

    def _fill_letters_menu(self, chosen: list[str]) -> None:
        """The letters chosen in the wizard, then the others that suit this departure, then
        those that do not (core.letter_fit), each group in the app's order."""
        from goodbye_desktop.core.letter_fit import ordered
        from goodbye_desktop.correspondence.fit import situation_for

        self.letters_menu.clear()
        try:
            fits = ordered(situation_for(self.client_id, self.departure_id))
        except GoodbyeError:
            fits = []
        suited = [f.kind for f in fits if f.fits]
        others = [f.kind for f in fits if not f.fits]
        first = [k for k in chosen if k in suited]
        groups = [first, [k for k in suited if k not in first], others]
        for group_index, group in enumerate(groups):
            if not group:
                continue
            if not self.letters_menu.isEmpty():
                self.letters_menu.addSeparator()
            if group_index == 2:
                self.letters_menu.addAction(tr("Less suited now:")).setEnabled(False)
            for kind in group:
                action = self.letters_menu.addAction(label_for("letter", kind) + "…")
                action.setData(kind)
                action.triggered.connect(self._letter_chosen)

    def _letter_chosen(self, *_args: Any) -> None:
        # The menu's actions carry their letter kind (set above).
        self.prepare_letter(self.sender().data())

    def prepare_letter(self, kind: str) -> bool:
        """Produce a letter of this departure and preview it; True when it was kept."""
        if self.client_id is None or self.departure_id is None:
            return False
        from goodbye_desktop.correspondence.produce import keep
        from goodbye_desktop.ui.dialogs.document_preview import DocumentPreviewDialog

        kept = DocumentPreviewDialog.show_for(self, kind, self.client_id, self.departure_id,
                                              keep=keep)
        if kept:
            self.clientChanged.emit(self.client_id)
        return kept

    def open_folder(self) -> None:
        if self.client_id is not None:
            from goodbye_desktop.ui.departed_view import ClientFolderDialog

            ClientFolderDialog.open_for(self, self.client_id)
