"""The Due page (`dueList`): promises overdue, due today and in the next seven days.

Each line says when, for which client, what and through which channel; the buttons mark
the selected promise done, move it to tomorrow or to a chosen time, or cancel it, each
in one click, and the whole of the open promises can be exported to a calendar file.
The page reads the store again when shown, after each change, and when the day changes.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from goodbye_desktop import clock
from goodbye_desktop.errors import GoodbyeError
from goodbye_desktop.store import due
from goodbye_desktop.store.due import DuePromise
from goodbye_desktop.ui import alerts
from goodbye_desktop.ui.detail.common import ERROR_COLOR
from goodbye_desktop.ui.detail.promises_tab import channel_labels
from goodbye_desktop.ui.error_text import error_text
from goodbye_desktop.ui.list_table import list_table
from goodbye_desktop.vocabulary import DUE_GROUPS

_ROOT = QModelIndex()


class DueModel(QAbstractTableModel):
    """The Due page's rows: a title row per group, then its promises; read as shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DuePromise | str] = []
        self._positions: dict[int, int] = {}
        self._channels: dict[str, str] = {}
        self._locale = QLocale()
        self._late = QBrush(QColor(ERROR_COLOR))
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(self, promises: list[DuePromise], titles: dict[str, str],
                 channels: dict[str, str]) -> None:
        self.beginResetModel()
        self._rows, self._channels, self._locale = [], channels, QLocale()
        for group in DUE_GROUPS:
            members = [p for p in promises if p.group == group]
            if members:
                self._rows.append(f"{titles[group]} ({len(members)})")
                self._rows.extend(members)
        self._positions = {item.id: row for row, item in enumerate(self._rows)
                           if not isinstance(item, str)}
        self.endResetModel()

    def head_rows(self) -> list[int]:
        return [row for row, item in enumerate(self._rows) if isinstance(item, str)]

    def promise_at(self, row: int) -> DuePromise | None:
        item = self._rows[row] if 0 <= row < len(self._rows) else None
        return None if item is None or isinstance(item, str) else item

    def row_of(self, promise_id: int) -> int | None:
        return self._positions.get(promise_id)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else 4

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if index.isValid() and isinstance(self._rows[index.row()], str):
            return Qt.ItemFlag.ItemIsEnabled  # a group's title is not a promise to act on
        return super().flags(index)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item, column = self._rows[index.row()], index.column()
        if isinstance(item, str):
            if role == Qt.ItemDataRole.DisplayRole and column == 0:
                return item
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return _when_text(self._locale, item.due_at, with_date=item.group != "today")
            if column == 1:
                return item.client_name
            if column == 2:
                return item.description
            return self._channels.get(item.channel, item.channel)
        if role == Qt.ItemDataRole.ForegroundRole and column == 0 and item.group == "overdue":
            return self._late
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("When"), self.tr("Client"), self.tr("What"), self.tr("Channel"))[section]


class DueView(QWidget):
    """The list of due promises in three groups, with one-click actions."""

    openClient = Signal(int)
    promisesChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dueList")
        self._promises: dict[int, DuePromise] = {}
        self.current_form = None
        self._moving: DuePromise | None = None

        self.summary = QLabel()
        self.summary.setObjectName("dueSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)

        self.model = DueModel(self)
        self.table = list_table(self, "dueTable", self.tr("Promises due"), self.model)
        self.table.setShowGrid(False)
        header = self.table.horizontalHeader()
        # Widths from the font, never ResizeToContents: that measures every row.
        metrics = self.fontMetrics()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, metrics.horizontalAdvance(_when_text(
            QLocale(), datetime(2026, 12, 28, 23, 59))) + 24)
        header.resizeSection(1, metrics.horizontalAdvance("M") * 16)
        header.resizeSection(3, metrics.horizontalAdvance("M") * 7)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.table.activated.connect(self._activated)

        tr = self.tr
        self.done_button = self._button(tr("Mark &done"), "dueDone", self.mark_done,
                                        tr("The promise is kept: mark it done now"))
        self.tomorrow_button = self._button(tr("&Tomorrow"), "dueTomorrow",
                                            self.move_to_tomorrow,
                                            tr("Move it to the same time tomorrow"))
        self.move_button = self._button(tr("&Move…"), "dueMove", self.move,
                                        tr("Choose a new due date and time"))
        self.cancel_button = self._button(tr("&Cancel promise"), "dueCancel", self.cancel,
                                          tr("It will not be done: mark it cancelled"))
        self.open_button = self._button(tr("&Open client"), "dueOpenClient", self._open,
                                        tr("Show the client in the client list"))
        self.export_button = self._button(tr("&Export to calendar…"), "dueExport",
                                          self.export_calendar,
                                          tr("Save every open promise as a calendar file "
                                             "(.ics) for Google Calendar, Outlook or "
                                             "Thunderbird"))
        buttons = QHBoxLayout()
        for button in (self.done_button, self.tomorrow_button, self.move_button,
                       self.cancel_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        QShortcut(QKeySequence("Ctrl+Return"), self.table, self.mark_done)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self._update_buttons()

    def _button(self, text: str, name: str, slot, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    # --- showing ------------------------------------------------------------------------

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh()

    def group_titles(self) -> dict[str, str]:
        return {"overdue": self.tr("Overdue"), "today": self.tr("Due today"),
                "week": self.tr("In the next 7 days")}

    def refresh(self) -> None:
        """Read the due promises again, keeping the selected one selected."""
        keep = self.selected_id()
        try:
            rows = due.due_promises(clock.now())
        except GoodbyeError as exc:
            alerts.error(self, error_text(exc))
            return
        self._promises = {p.id: p for p in rows}
        self.model.set_rows(rows, self.group_titles(), channel_labels(self.tr))
        self.table.clearSpans()
        for row in self.model.head_rows():
            self.table.setSpan(row, 0, 1, 4)
        # The promise worked on stays selected; else the most pressing one is.
        row = self.model.row_of(keep) if keep is not None else None
        if row is None and rows:
            row = 1
        if row is not None:
            self.table.selectRow(row)
        self._update_summary(rows)
        self._update_buttons()

    def _update_summary(self, rows: list[DuePromise]) -> None:
        overdue = sum(1 for p in rows if p.group == "overdue")
        today = sum(1 for p in rows if p.group == "today")
        if not rows:
            self.summary.setText(self.tr("Nothing is due in the next 7 days."))
            return
        week = len(rows) - overdue - today
        parts = []
        if overdue:
            parts.append(self.tr("%n overdue", "", overdue))
        if today:
            parts.append(self.tr("%n due later today", "", today))
        if week:
            parts.append(self.tr("%n in the next 7 days", "", week))
        self.summary.setText(self.tr("Promises: %1.").replace("%1", ", ".join(parts)))

    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        promise = self.model.promise_at(index.row()) if index.isValid() else None
        return promise.id if promise is not None else None

    def selected(self) -> DuePromise | None:
        pid = self.selected_id()
        return self._promises.get(pid) if pid is not None else None

    def select_promise(self, promise_id: int) -> bool:
        row = self.model.row_of(promise_id)
        if row is None:
            return False
        self.table.selectRow(row)
        return True

    def _update_buttons(self, *_args: Any) -> None:
        chosen = self.selected() is not None
        for button in (self.done_button, self.tomorrow_button, self.move_button,
                       self.cancel_button, self.open_button):
            button.setEnabled(chosen)

    def _activated(self, index: QModelIndex) -> None:
        promise = self.model.promise_at(index.row())
        if promise is not None:
            self.openClient.emit(promise.client_id)

    def _open(self) -> None:
        promise = self.selected()
        if promise is not None:
            self.openClient.emit(promise.client_id)

    # --- one-click actions --------------------------------------------------------------

    def _write(self, action, message: str) -> bool:
        promise = self.selected()
        if promise is None:
            return False
        try:
            action(promise)
        except GoodbyeError as exc:
            alerts.error(self, error_text(exc), title=self.tr("That could not be saved"))
            return False
        self._after_write(promise, message)
        return True

    def _after_write(self, promise: DuePromise, message: str) -> None:
        self.refresh()
        self.summary.setText(message.replace("%1", promise.description) + " "
                             + self.summary.text())
        self.promisesChanged.emit()

    def mark_done(self) -> bool:
        from goodbye_desktop.store import records

        return self._write(lambda p: records.mark_promise_done(p.id, clock.local_now()),
                           self.tr("Done: “%1”."))

    def cancel(self) -> bool:
        from goodbye_desktop.store import records

        return self._write(lambda p: records.cancel_promise(p.id, clock.local_now()),
                           self.tr("Cancelled: “%1”."))

    def move_to_tomorrow(self) -> bool:
        from goodbye_desktop.store import records

        def later(p: DuePromise) -> None:
            # Overdue by days: tomorrow at the same hour, not the day after the old date.
            day = max(p.due_at.date(), clock.today()) + timedelta(days=1)
            records.update_promise(p.id, p.description,
                                   datetime.combine(day, p.due_at.time()), p.channel)

        return self._write(later, self.tr("Moved to tomorrow: “%1”."))

    def move(self):
        """Open the form for a new due time of the selected promise; returns it."""
        from goodbye_desktop.ui.dialogs.sign_actions import MovePromiseForm

        promise = self.selected()
        if promise is None:
            return None
        form = MovePromiseForm(promise.description, promise.due_at, self._save_move, self)
        form.saved.connect(self._moved)
        self.current_form = form
        self._moving = promise
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.finished.connect(self._form_closed)
        form.open()
        return form

    def _save_move(self, values: dict[str, Any]) -> int:
        from goodbye_desktop.store import records

        p = self._moving
        assert p is not None
        records.update_promise(p.id, p.description, values["due_at"], p.channel)
        return p.id

    def _form_closed(self, *_args: Any) -> None:
        self.current_form = None  # the form deletes itself once closed

    def _moved(self, _result: Any) -> None:
        self.current_form = None
        if self._moving is not None:
            self._after_write(self._moving, self.tr("Moved: “%1”."))

    # --- calendar -----------------------------------------------------------------------

    def describe(self, promise: DuePromise) -> tuple[str, str]:
        """An event's summary and description in the owner's words."""
        channel = channel_labels(self.tr).get(promise.channel, promise.channel)
        text = (self.tr("Departure follow-up for %1. Channel: %2.") if promise.departure_id
                else self.tr("Promised to %1. Channel: %2."))
        return (self.tr("%1 — %2").replace("%1", promise.description)
                .replace("%2", promise.client_name),
                text.replace("%1", promise.client_name).replace("%2", channel))

    def export_calendar(self, path: Path | None = None) -> int | None:
        """Write every open promise to a .ics file (asked for when not given)."""
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export promises to a calendar"),
                str(Path.home() / "promises.ics"), self.tr("Calendar files (*.ics)"))
            if not chosen:
                return None
            path = Path(chosen if chosen.endswith(".ics") else chosen + ".ics")
        from goodbye_desktop.exchange.calendar import export

        try:
            count = export(path, due.open_promises(), due.calendar_id(), self.describe)
        except GoodbyeError as exc:
            alerts.error(self, error_text(exc), title=self.tr("The calendar was not saved"))
            return None
        self.summary.setText(self.tr("Saved %1 open promises to %2. Import the file again "
                                     "after changes: the events are updated, not doubled.")
                             .replace("%1", str(count)).replace("%2", str(path)))
        return count


def _when_text(locale: QLocale, moment: datetime, with_date: bool = True) -> str:
    """A due time the locale's short way; plain QDate and QTime, which are cheap to make."""
    time_text = locale.toString(QTime(moment.hour, moment.minute),
                                QLocale.FormatType.ShortFormat)
    if not with_date:
        return time_text
    day = locale.toString(QDate(moment.year, moment.month, moment.day),
                          QLocale.FormatType.ShortFormat)
    return f"{day} {time_text}"
