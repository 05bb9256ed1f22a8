"""The Revenue tab: what was billed to a client month by month, and the form for a month."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QDateEdit, QLabel, QLineEdit, QWidget

from goodbye_desktop.store import detail, records
from goodbye_desktop.store.detail import RevenueRow
from goodbye_desktop.ui.detail.common import (
    Column,
    RecordForm,
    RecordTab,
    format_amount,
    format_money,
    format_month,
    money_placeholder,
    parse_money,
    qdate,
    to_date,
)
from goodbye_desktop.ui.formatting import today_qdate


class RevenueForm(RecordForm):
    """A month and the amount billed in it; saving replaces what the month had."""

    def __init__(self, client_id: int, currency: str, existing: dict[date, int],
                 row: RevenueRow | None = None, parent: QWidget | None = None) -> None:
        self.client_id = client_id
        self.currency = currency
        self.existing = existing
        super().__init__(self.values, self._save, parent)
        self.setObjectName("revenueForm")
        self.setWindowTitle(self.tr("Revenue for a month") if row is None
                            else self.tr("Change a month's revenue"))
        self.month_edit = QDateEdit()
        self.month_edit.setDisplayFormat("MMMM yyyy")
        self.month_edit.setCalendarPopup(True)
        today = today_qdate()
        self.month_edit.setDate(qdate(row.month) if row else QDate(today.year(), today.month(), 1))
        self.add_field("month", self.tr("&Month:"), self.month_edit, self.tr("Month"))
        self.month_edit.setEnabled(row is None)  # to move an amount, remove it and add it again
        self.amount_edit = QLineEdit()
        self.amount_edit.setPlaceholderText(money_placeholder())
        self.amount_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.add_field("amount_cents", self.tr("&Amount billed:"), self.amount_edit,
                       self.tr("Amount billed"))
        self.replace_hint = QLabel()
        self.replace_hint.setWordWrap(True)
        self.replace_hint.setTextFormat(Qt.TextFormat.PlainText)
        self.replace_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.form.addRow("", self.replace_hint)
        if row is not None:
            self.amount_edit.setText(format_amount(row.amount_cents))
        self.month_edit.dateChanged.connect(self._update_hint)
        self._update_hint()

    def _update_hint(self, *_args: Any) -> None:
        month = to_date(self.month_edit.date()).replace(day=1)
        amount = self.existing.get(month)
        if amount is not None and self.month_edit.isEnabled():
            self.replace_hint.setText(self.tr("%1 already has %2; saving replaces it.")
                                      .replace("%1", format_month(month))
                                      .replace("%2", format_money(amount, self.currency)))
            self.replace_hint.setVisible(True)
        else:
            self.replace_hint.setVisible(False)

    def values(self) -> dict[str, Any]:
        return {
            "month": to_date(self.month_edit.date()).replace(day=1),
            "amount_cents": parse_money(self.amount_edit.text(), field="amount_cents"),
        }

    def _save(self, values: dict[str, Any]) -> None:
        records.set_revenue(self.client_id, values["month"], values["amount_cents"])


class RevenueTab(RecordTab):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(detail.revenue_by_month, parent)
        self.setObjectName("revenueTab")
        self.table.setObjectName("revenueTable")
        self.table.setAccessibleName(self.tr("Revenue by month"))
        self.model.set_columns([
            Column(self.tr("Month"), lambda r: format_month(r.month)),
            Column(self.tr("Amount"), lambda r: format_money(r.amount_cents, self.currency),
                   align_right=True),
        ])
        self.add_button(self.tr("&Add month…"), "addRevenue", self.add_revenue)
        self.add_button(self.tr("&Edit…"), "editRevenue", self.edit_revenue,
                        needs_selection=True)
        self.add_button(self.tr("&Remove…"), "removeRevenue", self.remove_revenue,
                        needs_selection=True)

    def empty_text(self) -> str:
        return self.tr("No revenue recorded yet.")

    def activated(self) -> None:
        self.edit_revenue()

    def _open(self, row: RevenueRow | None) -> RevenueForm | None:
        if self.client_id is None:
            return None
        existing = {r.month: r.amount_cents for r in self.model.rows()}
        form = RevenueForm(self.client_id, self.currency, existing, row, self)
        self.open_form(form)
        return form

    def add_revenue(self) -> RevenueForm | None:
        """Open the form for a month's amount (window-modal); returns it."""
        return self._open(None)

    def edit_revenue(self) -> RevenueForm | None:
        row = self.selected_row()
        return self._open(row) if row is not None else None

    def remove_revenue(self) -> bool:
        """Remove the selected month's amount once the user confirms; True if removed."""
        row: RevenueRow | None = self.selected_row()
        client_id = self.client_id
        if row is None or client_id is None or not self.confirm(
                self.tr("Remove revenue"),
                self.tr("Remove the revenue of %1 (%2)?")
                .replace("%1", format_month(row.month))
                .replace("%2", format_money(row.amount_cents, self.currency)),
                self.tr("Remove")):
            return False
        return self.run_write(lambda: records.delete_revenue(client_id, row.month))
