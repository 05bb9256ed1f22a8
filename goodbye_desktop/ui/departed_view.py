"""Departed clients (`DepartedView`) and a client's folder (`ClientFolderDialog`).

The view lists departures, a year at a time or all of them, with tenure, reasons, kind
and who ended it, through the same query as `goodbye-desktop departures`
(`store.departures.list_departures`). Opening a row shows the client's folder: every
letter, call, note, document, the interview and the plan, in time order.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from goodbye_desktop import clock
from goodbye_desktop.store import departures as store
from goodbye_desktop.ui.departure.common import label_for, tr
from goodbye_desktop.ui.folder_words import kind_title, title_and_detail
from goodbye_desktop.ui.formatting import plain_tooltip, short_date, tenure
from goodbye_desktop.ui.screen_fit import fit_to_screen


def _item(text: str, data=None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setToolTip(text)  # a narrow column shows the rest here
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    return item


def _read_only_table(columns: list[str], parent: QWidget) -> QTableWidget:
    table = QTableWidget(0, len(columns), parent)
    table.setHorizontalHeaderLabels(columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)
    table.verticalHeader().setVisible(False)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    return table


class DepartedView(QWidget):
    """Departures with tenure, reasons, kind and who ended it; opens a client's folder."""

    clientActivated = Signal(int)
    # What the page shows, in words ("15 departures"), for the window's status bar.
    countChanged = Signal(str)

    COLUMNS = ("client", "last_day", "tenure", "ended_by", "kind", "reasons", "state")

    def __init__(self, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("departedView")
        self._today = today
        self.year = QComboBox(self)
        self.year.setAccessibleName(tr("Year the departure took effect"))
        year_label = QLabel(tr("&Year:"), self)
        year_label.setBuddy(self.year)
        self.include_closed = QCheckBox(tr("Show &won back and undone"), self)
        self.include_closed.setAccessibleName(tr("Show won back and undone departures"))
        self.include_closed.setChecked(True)
        self.table = _read_only_table(
            [tr("Client"), tr("Last day"), tr("Tenure"), tr("Ended by"), tr("Kind"),
             tr("Reasons"), tr("State")], self)
        self.table.setAccessibleName(tr("Departed clients"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The long texts share what is left, so the reasons are never squeezed to nothing.
        for column in (3, 5, 6):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        table_label = QLabel(tr("&Departures:"), self)
        table_label.setBuddy(self.table)
        self.open_button = QPushButton(tr("Open &folder…"), self)
        self.open_button.clicked.connect(self.open_current)
        self.table.itemActivated.connect(self._item_activated)
        self.table.currentCellChanged.connect(self._update_button)
        self.count = QLabel(self)
        # An empty list says so in the middle of the page, where the eye looks.
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("departedEmpty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.empty_label.setText(tr(
            "No departures here yet. When a client leaves, or you decide to part, select the "
            "client and choose Client > Start a departure… (Ctrl+Shift+D)."))
        empty_page = QWidget(self)
        empty_layout = QVBoxLayout(empty_page)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_label)
        empty_layout.addStretch(2)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(empty_page)

        top = QHBoxLayout()
        top.addWidget(year_label)
        top.addWidget(self.year)
        top.addSpacing(16)
        top.addWidget(self.include_closed)
        top.addStretch(1)
        top.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(table_label)
        layout.addWidget(self.stack, 1)
        # The window's status bar shows the count (countChanged); not a second time here.
        self.count.hide()
        self.year.currentIndexChanged.connect(self._choice_changed)
        self.include_closed.toggled.connect(self._choice_changed)
        self.reload_years()

    @property
    def today(self) -> date:
        return self._today or clock.today()

    def reload_years(self) -> None:
        """Refill the year choice from the departures, keeping the chosen year if it exists."""
        chosen = self.year.currentData()
        self.year.blockSignals(True)
        self.year.clear()
        self.year.addItem(tr("All years"), None)
        for year in store.departure_years():
            self.year.addItem(str(year), year)
        self.year.setCurrentIndex(max(self.year.findData(chosen), 0) if chosen else 0)
        self.year.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        rows = store.list_departures(self.year.currentData(),
                                     include_closed=self.include_closed.isChecked())
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            ended = label_for("ended_by", row.ended_by)
            if row.outside_event:
                ended += f" ({label_for('outside_event', row.outside_event).lower()})"
            values = (
                row.client_name, short_date(row.effective_on),
                tenure(row.started_on, row.effective_on, self.today), ended,
                label_for("kind", row.kind),
                ", ".join(label_for("reason", r) for r in row.reasons),
                self._state_text(row),
            )
            for column, text in enumerate(values):
                self.table.setItem(index, column, _item(text, row.client_id))
        if rows and self.table.currentRow() < 0:
            self.table.setCurrentCell(0, 0)
        self.stack.setCurrentIndex(0 if rows else 1)
        leaving = sum(1 for row in rows if self._still_a_client(row))
        if not rows:
            text = tr("No departures")
        elif len(rows) == 1:
            text = tr("1 departure")
        else:
            text = tr("%1 departures").replace("%1", str(len(rows)))
        if leaving:
            text = tr("%1; %2 with the last day still ahead").replace("%1", text).replace(
                "%2", str(leaving))
        self.count.setText(text if rows else "")
        self.countChanged.emit(text)
        self._update_button()

    def _still_a_client(self, row) -> bool:
        # The last day is still a working day: the client is one through it.
        return row.state == "decided" and row.effective_on is not None \
            and row.effective_on >= self.today

    def _state_text(self, row) -> str:
        """The departure's state; one whose last day is ahead says the client is still one."""
        if self._still_a_client(row):
            return tr("Still a client, until %1").replace("%1", short_date(row.effective_on))
        from goodbye_desktop.core.departure import shown_state

        return label_for("state", shown_state(row.state, row.effective_on, self.today))

    def current_client_id(self) -> int | None:
        item = self.table.item(self.table.currentRow(), 0)
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def open_current(self) -> ClientFolderDialog | None:
        client_id = self.current_client_id()
        if client_id is None:
            return None
        self.clientActivated.emit(client_id)
        return ClientFolderDialog.open_for(self, client_id)

    def _item_activated(self, *_args: object) -> None:
        self.open_current()

    def _choice_changed(self, *_args: object) -> None:
        self.refresh()

    def _update_button(self, *_args: object) -> None:
        self.open_button.setEnabled(self.current_client_id() is not None)


class ClientFolderDialog(QDialog):
    """A client's folder: everything in one place, in time order."""

    def __init__(self, parent: QWidget | None, client_id: int) -> None:
        super().__init__(parent)
        self.setObjectName("clientFolder")
        name = store.client_summary(client_id)["name"]
        self.setWindowTitle(tr("Folder of %1").replace("%1", name))
        self.table = _read_only_table([tr("When"), tr("What"), tr("Title"), tr("Detail")], self)
        self.table.setAccessibleName(tr("Everything about the client, oldest first"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # "&" marks the shortcut letter: one in the client's name must print as itself.
        label = QLabel(tr("&Everything about %1, oldest first:")
                       .replace("%1", name.replace("&", "&&")), self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setBuddy(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.entries = store.client_folder(client_id)
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            title, detail = title_and_detail(entry)
            for column, text in enumerate((short_date(entry.when), kind_title(entry.kind),
                                           title, detail)):
                item = _item(text)
                item.setToolTip(plain_tooltip(detail or title))
                self.table.setItem(row, column, item)
        if self.entries:
            self.table.setCurrentCell(0, 0)
        fit_to_screen(self, 860, 520)

    @classmethod
    def open_for(cls, parent: QWidget | None, client_id: int) -> ClientFolderDialog:
        """Show the folder without blocking; returns the dialog (closed with the parent)."""
        dialog = cls(parent, client_id)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog
