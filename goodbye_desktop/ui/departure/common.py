"""What the departure screens share: the words for stored codes, an editable rows table, dates.

- `label_for(kind, code)` turns a stored code ("no_follow_through") into the words shown.
- `RowsEditor` is a small table of rows (text and date columns) with Add, Remove, Move up
  and Move down; Tab leaves the table, arrows move between cells, typing edits a cell.
- `ErrorLabel` is the red line at the bottom of a page that says what is missing.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from goodbye_desktop.words import WORDS

ERROR_COLOR = "#c62828"
WARN_COLOR = "#b26a00"
HINT_STYLE = "color: palette(placeholder-text);"


def tr(text: str, disambiguation: str | None = None) -> str:
    return QCoreApplication.translate("departure", text, disambiguation)


def qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def to_date(value: QDate) -> date | None:
    if not value.isValid():
        return None
    return date(value.year(), value.month(), value.day())


def qdatetime(value: datetime) -> QDateTime:
    return QDateTime(qdate(value.date()), QTime(value.hour, value.minute))


def to_datetime(value: QDateTime) -> datetime:
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


# --- words for stored codes -----------------------------------------------------------------

def _labels() -> dict[str, dict[str, str]]:
    # Built on each call so a translation installed later is picked up; the English words
    # are the one list in goodbye_desktop.words, shared with the command line.
    return {group: {code: QCoreApplication.translate("words", text)
                    for code, text in table.items()}
            for group, table in WORDS.items()}


def label_for(kind: str, code: str) -> str:
    """The words shown for a stored code; the code itself when it is unknown."""
    return _labels().get(kind, {}).get(code, code)


def labels(kind: str) -> dict[str, str]:
    return dict(_labels()[kind])


def kind_guidance() -> dict[str, str]:
    """One line of guidance on each kind of departing client (DOMAIN.md section 4)."""
    return {
        "fulfilled": tr("Came for one need, got it, and left satisfied: a likely source of "
                        "referrals."),
        "scattered": tr("Needed the service but was pulled in too many directions: may come "
                        "back later."),
        "no_follow_through": tr("A known pattern: a plan was agreed, their side of it was not "
                                "carried out, and the results disappointed."),
        "": tr("You can decide this later from the client's detail."),
    }


# --- widgets ----------------------------------------------------------------------------------

class ErrorLabel(QLabel):
    """A red, wrapped message under a form; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageErrors")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet(f"color: {ERROR_COLOR};")
        self.setAccessibleName(tr("What is missing"))
        self.hide()

    def show_messages(self, messages: list[str]) -> None:
        self.setText("\n".join(messages))
        self.setVisible(bool(messages))


def hint(text: str, parent: QWidget | None = None) -> QLabel:
    """A grey line of guidance under an input."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet(HINT_STYLE)
    return label


TEXT, DATE = "text", "date"


class RowsEditor(QWidget):
    """An editable table of rows with Add, Remove, Move up and Move down buttons.

    `columns` is a list of (header, TEXT or DATE). A row is a list of values: str for
    text, `date | None` for dates. `extra` keeps hidden per-row values (such as a
    follow-up's channel) that travel with the row when it moves.
    """

    changed = Signal()

    def __init__(self, columns: list[tuple[str, str]], *, noun: str, add_text: str,
                 new_row=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kinds = [kind for _, kind in columns]
        self._noun = noun
        self._new_row = new_row or (lambda: ["" if k == TEXT else None for k in self._kinds])
        self._extra: list[object] = []
        self.table = QTableWidget(0, len(columns), self)
        self.table.setHorizontalHeaderLabels([header for header, _ in columns])
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers
                                   & ~QAbstractItemView.EditTrigger.CurrentChanged)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(columns)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.table.itemChanged.connect(self._on_item_changed)

        self.add_button = QPushButton(add_text, self)
        self.remove_button = QPushButton(tr("&Remove"), self)
        self.up_button = QPushButton(tr("Move &up"), self)
        self.down_button = QPushButton(tr("Move do&wn"), self)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button.clicked.connect(self._move_up)
        self.down_button.clicked.connect(self._move_down)
        for button, name in ((self.remove_button, tr("Remove the selected %1")),
                             (self.up_button, tr("Move the selected %1 up")),
                             (self.down_button, tr("Move the selected %1 down"))):
            button.setAccessibleName(name.replace("%1", noun))

        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.table.currentCellChanged.connect(self._update_buttons)
        self._update_buttons()

    # --- values -----------------------------------------------------------------------------

    def rows(self) -> list[list]:
        result = []
        for row in range(self.table.rowCount()):
            values = []
            for column, kind in enumerate(self._kinds):
                item = self.table.item(row, column)
                if kind == DATE:
                    value = item.data(Qt.ItemDataRole.EditRole) if item else None
                    values.append(to_date(value) if isinstance(value, QDate) else None)
                else:
                    values.append(item.text() if item else "")
            result.append(values)
        return result

    def extras(self) -> list[object]:
        return list(self._extra)

    def set_rows(self, rows: list[list], extras: list[object] | None = None) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        self._extra = []
        for index, values in enumerate(rows):
            self._insert(self.table.rowCount(), values,
                         extras[index] if extras is not None else None)
        self.table.blockSignals(False)
        self._update_buttons()

    def _item(self, kind: str, value) -> QTableWidgetItem:
        item = QTableWidgetItem()
        if kind == DATE:
            # A QDate in the edit role: Qt's default delegate edits it with a QDateEdit
            # and shows it in the locale's short format.
            item.setData(Qt.ItemDataRole.EditRole, qdate(value) if value else QDate())
        else:
            item.setText(value or "")
        return item

    def _insert(self, row: int, values: list, extra) -> None:
        self.table.insertRow(row)
        for column, kind in enumerate(self._kinds):
            self.table.setItem(row, column, self._item(kind, values[column]))
        self._extra.insert(row, extra)

    # --- actions ----------------------------------------------------------------------------

    def add_row(self) -> None:
        row = self.table.rowCount()
        values, extra = self._new_row(), None
        if isinstance(values, tuple):
            values, extra = values
        self.table.blockSignals(True)
        self._insert(row, values, extra)
        self.table.blockSignals(False)
        self.table.setCurrentCell(row, 0)
        self.table.setFocus()
        self.table.editItem(self.table.item(row, 0))
        self._update_buttons()
        self.changed.emit()

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        self.table.removeRow(row)
        del self._extra[row]
        if self.table.rowCount():
            self.table.setCurrentCell(min(row, self.table.rowCount() - 1), 0)
        self._update_buttons()
        self.changed.emit()

    def _move_up(self, *_args: object) -> None:
        self.move_current(-1)

    def _move_down(self, *_args: object) -> None:
        self.move_current(1)

    def move_current(self, delta: int) -> None:
        row, column = self.table.currentRow(), max(self.table.currentColumn(), 0)
        target = row + delta
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        rows, extras = self.rows(), self.extras()
        rows[row], rows[target] = rows[target], rows[row]
        extras[row], extras[target] = extras[target], extras[row]
        self.set_rows(rows, extras)
        self.table.setCurrentCell(target, column)
        self.changed.emit()

    def _on_item_changed(self, _item) -> None:
        self.changed.emit()

    def _update_buttons(self, *_args: object) -> None:
        row, count = self.table.currentRow(), self.table.rowCount()
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)
