"""The At-risk page: every current client with a warning sign, most urgent first.

The list (`atRiskList`) reads `store.at_risk` a page at a time as rows scroll in. Beside
it, the selected client's signs, each with its reason, the suggested next step and two
buttons: make the step a promise (pre-filled, editable before saving) or set the sign
aside until a date with a note. The client's promise ledger and risk history show there
too. The signs are worked out once a day by the window's `DailyPass` (ui/daily_pass.py):
when the page is shown on a new day, the clients are gone through a hundred at a time on
a timer, with the previous list on screen until the new one is ready.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QHideEvent, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from goodbye_desktop import clock
from goodbye_desktop.core.promises import PromiseLedger, ledger
from goodbye_desktop.errors import GoodbyeError
from goodbye_desktop.store import at_risk, due, queries
from goodbye_desktop.store.at_risk import AtRiskClient
from goodbye_desktop.ui import alerts, sign_words
from goodbye_desktop.ui.daily_pass import DailyPass
from goodbye_desktop.ui.error_text import error_text
from goodbye_desktop.ui.formatting import plain_tooltip, qdate
from goodbye_desktop.ui.ledger_words import episode_text, kept_percent, ledger_text
from goodbye_desktop.ui.list_table import list_table

PAGE = 50  # about two screenfuls: a page is read as it scrolls in
_ROOT = QModelIndex()


class AtRiskModel(QAbstractTableModel):
    """The list's rows, fetched from the store a page at a time."""

    NAME, SIGNS, KEPT = range(3)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._count = 0
        self._pages: dict[int, list[AtRiskClient]] = {}
        self._ledgers: dict[int, PromiseLedger] = {}

    def reload(self) -> None:
        self.beginResetModel()
        self._pages.clear()
        self._ledgers.clear()
        self._count = at_risk.at_risk_count()
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else 3

    def item(self, row: int) -> AtRiskClient | None:
        if not 0 <= row < self._count:
            return None
        page = row // PAGE
        if page not in self._pages:
            items = at_risk.at_risk_page(page * PAGE, PAGE)
            self._pages[page] = items
            now = clock.local_now()
            moments = due.promise_moments([i.id for i in items])
            self._ledgers.update({i.id: ledger(moments[i.id], now) for i in items})
        items = self._pages[page]
        return items[row % PAGE] if row % PAGE < len(items) else None

    def ledger_of(self, client_id: int) -> PromiseLedger:
        return self._ledgers.get(client_id, PromiseLedger())

    def row_of(self, client_id: int) -> int | None:
        for page, items in self._pages.items():
            for offset, item in enumerate(items):
                if item.id == client_id:
                    return page * PAGE + offset
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item(index.row()) if index.isValid() else None
        if item is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                return item.name
            if column == self.SIGNS:
                return ", ".join(sign_words.title(s.key) for s in item.signs)
            return kept_percent(self.ledger_of(item.id))
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.SIGNS:
                return plain_tooltip("\n".join(sign_words.reason(s, "") for s in item.signs))
            if column == self.KEPT:
                return ledger_text(self.ledger_of(item.id))
            return plain_tooltip(item.name)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.KEPT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Client"), self.tr("Warning signs"), self.tr("Promises kept"))[section]


class SignCard(QFrame):
    """One sign of the selected client: what, why, the next step, and what to do about it."""

    promise = Signal(object)
    acknowledge = Signal(object)

    def __init__(self, sign: Any, currency: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sign = sign
        self.setObjectName(f"signCard_{sign.key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        title = QLabel(sign_words.title(sign.key))
        font = QFont(title.font())
        font.setBold(True)
        title.setFont(font)
        reason = QLabel(sign_words.reason(sign, currency))
        step = QLabel(self.tr("Next step: %1").replace("%1", sign_words.next_step(sign)))
        for label in (title, reason, step):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
        self.promise_button = QPushButton(self.tr("&Promise this…"))
        self.promise_button.setObjectName(f"promise_{sign.key}")
        self.promise_button.setToolTip(self.tr("Make the next step a promise with a due time"))
        self.ack_button = QPushButton(self.tr("Set &aside…"))
        self.ack_button.setObjectName(f"acknowledge_{sign.key}")
        self.ack_button.setToolTip(self.tr("Leave this sign out of the list until a date"))
        self.promise_button.clicked.connect(self._promise)
        self.ack_button.clicked.connect(self._acknowledge)
        buttons = QHBoxLayout()
        buttons.addWidget(self.promise_button)
        buttons.addWidget(self.ack_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(reason)
        layout.addWidget(step)
        layout.addLayout(buttons)

    def _promise(self) -> None:
        self.promise.emit(self.sign)

    def _acknowledge(self) -> None:
        self.acknowledge.emit(self.sign)


class AtRiskView(QWidget):
    """The page: a summary line, the list, and the selected client's signs."""

    openClient = Signal(int)
    clientWritten = Signal(int)

    def __init__(self, parent: QWidget | None = None,
                 daily_pass: DailyPass | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("atRiskList")
        self.currency = "EUR"
        # The window's pass, shared with the Dashboard; a page on its own makes its own.
        self.daily_pass = daily_pass if daily_pass is not None else DailyPass(self)
        self.daily_pass.progressed.connect(self._update_summary)
        self.daily_pass.finished.connect(self._day_worked_out)
        if daily_pass is None:
            self.daily_pass.failed.connect(self._pass_failed)
        self._client: AtRiskClient | None = None
        self.current_form = None
        self._sized = False

        self.summary = QLabel()
        self.summary.setObjectName("atRiskSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)

        self.model = AtRiskModel(self)
        self.table = list_table(self, "atRiskTable", self.tr("Clients at risk"), self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(AtRiskModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(AtRiskModel.SIGNS, QHeaderView.ResizeMode.Interactive)
        # Fixed widths, never ResizeToContents: that would read every row of the list.
        header.setSectionResizeMode(AtRiskModel.KEPT, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(AtRiskModel.SIGNS, self.fontMetrics().horizontalAdvance("M") * 16)
        header.resizeSection(AtRiskModel.KEPT, max(
            self.fontMetrics().horizontalAdvance(self.model.headerData(
                AtRiskModel.KEPT, Qt.Orientation.Horizontal)) + 24,
            self.fontMetrics().horizontalAdvance("100 %") + 24))
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.activated.connect(self._activated)

        self.client_title = QLabel()
        self.client_title.setObjectName("atRiskClientName")
        self.client_title.setTextFormat(Qt.TextFormat.PlainText)
        self.client_title.setWordWrap(True)
        font = QFont(self.client_title.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.client_title.setFont(font)
        self.ledger_label = QLabel()
        self.ledger_label.setObjectName("atRiskLedger")
        self.history_label = QLabel()
        self.history_label.setObjectName("atRiskHistory")
        for label in (self.ledger_label, self.history_label):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.open_button = QPushButton(self.tr("&Open client"))
        self.open_button.setObjectName("openAtRiskClient")
        self.open_button.clicked.connect(self._open_current)
        self.cards = QVBoxLayout()
        side = QWidget()
        side_layout = QVBoxLayout(side)
        title_row = QHBoxLayout()
        title_row.addWidget(self.client_title, 1)
        title_row.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)
        side_layout.addLayout(title_row)
        side_layout.addWidget(self.ledger_label)
        side_layout.addWidget(self.history_label)
        side_layout.addLayout(self.cards)
        side_layout.addStretch(1)
        self.side = QScrollArea()
        self.side.setObjectName("atRiskDetail")
        self.side.setWidgetResizable(True)
        self.side.setWidget(side)
        self.side.setFrameShape(QFrame.Shape.NoFrame)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.side)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.summary)
        layout.addWidget(self.splitter, 1)

        self._show_client(None)

    # --- the daily pass -----------------------------------------------------------------

    def refresh(self) -> None:
        """Show the list as last worked out, and start today's pass if it is not done."""
        self.currency = queries.profile_currency()
        self.daily_pass.prepare()
        self.reload()
        if self.isVisible():
            self.daily_pass.resume()

    def is_working(self) -> bool:
        return self.daily_pass.is_working()

    def _day_worked_out(self) -> None:
        if self.isVisible():
            self.reload()

    def _pass_failed(self, exc: GoodbyeError) -> None:
        alerts.error(self, error_text(exc))

    def client_changed(self, client_id: int | None) -> None:
        """After a write about a client: its signs again, the list read again if shown."""
        if client_id is None:
            return
        try:
            at_risk.refresh_client(client_id, clock.today())
        except GoodbyeError:
            return  # the list catches up with the daily pass
        if self.isVisible():
            self.reload(keep=client_id)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:
            # The signs' cards need room to read: the list gets a little over half.
            self._sized = True
            width = max(self.splitter.width(), 600)
            self.splitter.setSizes([width * 11 // 20, width * 9 // 20])
        self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        self.daily_pass.pause()
        super().hideEvent(event)

    # --- showing ------------------------------------------------------------------------

    def reload(self, keep: int | None = None) -> None:
        keep = keep if keep is not None else (self._client.id if self._client else None)
        self.model.reload()
        self._update_summary()
        row = None
        if keep is not None:
            self.model.item(0)
            row = self.model.row_of(keep)
        if row is None and self.model.rowCount():
            row = 0
        if row is None:
            self._show_client(None)
        else:
            self._client = None
            self.table.selectRow(row)  # shows the client through currentRowChanged
            if self._client is None:
                self._show_client(self.model.item(row))

    def _update_summary(self) -> None:
        count = self.model.rowCount()
        if self.daily_pass.is_working():
            text = self.tr("Working out today's warning signs… %1 clients to go.").replace(
                "%1", str(self.daily_pass.remaining()))
        elif count == 0:
            text = self.tr("No client shows a warning sign today. Signs you set aside come "
                           "back on the date you chose.")
        else:
            text = (self.tr("%n client shows warning signs, the most urgent first. Choose one "
                            "to see why and what to do.", "", count) if count == 1 else
                    self.tr("%n clients show warning signs, the most urgent first. Choose one "
                            "to see why and what to do.", "", count))
        self.summary.setText(text)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_client(self.model.item(current.row()) if current.isValid() else None)

    def _clear_cards(self) -> None:
        while self.cards.count():
            widget = self.cards.takeAt(0).widget()
            if widget is not None:
                # Hidden at once: deleteLater waits for the event loop.
                widget.hide()
                widget.deleteLater()

    def _show_client(self, item: AtRiskClient | None) -> None:
        self._client = item
        self._clear_cards()
        self.open_button.setEnabled(item is not None)
        if item is None:
            self.client_title.setText("")
            self.ledger_label.setText("")
            self.history_label.setText("")
            return
        self.client_title.setText(item.name)
        self.ledger_label.setText(self.tr("Promises: %1").replace(
            "%1", ledger_text(self.model.ledger_of(item.id))))
        today = clock.today()
        history = at_risk.risk_history(item.id)
        self.history_label.setText("\n".join(episode_text(e, today) for e in history[:3]))
        for sign in item.signs:
            card = SignCard(sign, self.currency)
            card.promise.connect(self.promise_from)
            card.acknowledge.connect(self.acknowledge)
            self.cards.addWidget(card)

    def select_client(self, client_id: int) -> bool:
        for row in range(self.model.rowCount()):
            item = self.model.item(row)
            if item is not None and item.id == client_id:
                self.table.selectRow(row)
                return True
        return False

    def current_client(self) -> AtRiskClient | None:
        return self._client

    def card(self, key: str) -> SignCard | None:
        return self.findChild(SignCard, f"signCard_{key}")

    def _activated(self, index: QModelIndex) -> None:
        item = self.model.item(index.row())
        if item is not None:
            self.openClient.emit(item.id)

    def _open_current(self) -> None:
        if self._client is not None:
            self.openClient.emit(self._client.id)

    # --- acting on a sign ---------------------------------------------------------------

    def promise_from(self, sign: Any):
        """Open the pre-filled promise form for a sign of the selected client; returns it."""
        from goodbye_desktop.ui.dialogs.sign_actions import SignPromiseForm

        if self._client is None:
            return None
        return self._open_form(SignPromiseForm(self._client.name, sign, self._save_promise,
                                               self))

    def _save_promise(self, values: dict[str, Any]) -> int:
        assert self._client is not None
        return at_risk.promise_to_save(self._client.id, values["description"],
                                       values["due_at"], values["channel"], clock.today())

    def acknowledge(self, sign: Any):
        """Open the form that sets a sign aside until a date; returns it."""
        from goodbye_desktop.ui.dialogs.sign_actions import AcknowledgeForm

        if self._client is None:
            return None
        return self._open_form(AcknowledgeForm(self._client.name, sign, self._save_ack, self))

    def _open_form(self, form: Any) -> Any:
        """Show a sign's form without blocking; it is deleted once closed."""
        form.saved.connect(self._written)
        self.current_form = form
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.finished.connect(self._form_closed)
        form.open()
        return form

    def _save_ack(self, values: dict[str, Any]) -> int:
        assert self._client is not None and self.current_form is not None
        sign = self.current_form.sign
        until, note = values["until"], values["note"]
        summary = self.tr("Set the warning sign “%1” aside until %2.").replace(
            "%1", sign_words.title(sign.key)).replace("%2", _long_date(until))
        if note:
            summary += " " + note
        return at_risk.acknowledge_sign(self._client.id, sign.key, until, note, summary,
                                        clock.today(), clock.local_now())

    def _form_closed(self, *_args: Any) -> None:
        self.current_form = None  # the form deletes itself once closed

    def _written(self, _result: Any) -> None:
        self.current_form = None
        if self._client is None:
            return
        client_id = self._client.id
        self.reload(keep=client_id)
        self.clientWritten.emit(client_id)


def _long_date(value: date) -> str:
    return QLocale().toString(qdate(value), QLocale.FormatType.LongFormat)
