"""The Proposals tab: offers made to a client, and the form to add or change one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QWidget

from goodbye_desktop import clock
from goodbye_desktop.errors import ValidationError
from goodbye_desktop.store import detail, records
from goodbye_desktop.store.choices import PROPOSAL_OUTCOMES
from goodbye_desktop.store.detail import ProposalRow
from goodbye_desktop.ui.detail.common import (
    ERROR_COLOR,
    GOOD_COLOR,
    Column,
    OptionalDate,
    RecordForm,
    RecordTab,
    format_amount,
    format_date,
    format_money,
    money_placeholder,
    parse_money,
    qdate,
    to_date,
)
from goodbye_desktop.ui.formatting import today_qdate


def outcome_labels(tr) -> dict[str, str]:
    return {"pending": tr("Pending"), "won": tr("Won"), "lost": tr("Lost")}


class ProposalForm(RecordForm):
    """Title, sent on, a fixed amount or an hourly rate, outcome and the date it was decided."""

    def __init__(self, client_id: int, row: ProposalRow | None = None,
                 parent: QWidget | None = None) -> None:
        self.client_id = client_id
        self.row = row
        super().__init__(self.values, self._save, parent)
        self.setObjectName("proposalForm")
        self.setWindowTitle(self.tr("New proposal") if row is None else self.tr("Edit proposal"))
        self.title_edit = self.add_field("title", self.tr("&Title:"), QLineEdit(),
                                         self.tr("Proposal title"))
        self.title_edit.setPlaceholderText(self.tr("e.g. Website redesign"))
        self.sent_edit = QDateEdit(today_qdate())
        self.sent_edit.setCalendarPopup(True)
        self.add_field("sent_on", self.tr("&Sent on:"), self.sent_edit, self.tr("Sent on"))
        self.pricing_combo = QComboBox()
        self.pricing_combo.addItem(self.tr("A fixed amount"), "amount")
        self.pricing_combo.addItem(self.tr("An hourly rate"), "rate")
        self.add_field("pricing", self.tr("&Priced as:"), self.pricing_combo,
                       self.tr("Priced as"))
        self.amount_edit = QLineEdit()
        self.amount_edit.setPlaceholderText(money_placeholder())
        self.amount_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.add_field("amount_cents", self.tr("&Amount:"), self.amount_edit,
                       self.tr("Amount or hourly rate"))
        self.amount_label = self.form.labelForField(self.amount_edit.parentWidget())
        self.pricing_combo.currentIndexChanged.connect(self._pricing_changed)
        self.outcome_combo = QComboBox()
        for outcome in PROPOSAL_OUTCOMES:
            self.outcome_combo.addItem(outcome_labels(self.tr)[outcome], outcome)
        self.add_field("outcome", self.tr("&Outcome:"), self.outcome_combo, self.tr("Outcome"))
        self.decided = OptionalDate(self.tr("&Decided on:"), self.tr("Date it was decided"))
        self.add_field("decided_on", self.decided.check, self.decided,
                       self.tr("Date it was decided"), focus=self.decided.edit)
        if row is not None:
            self.title_edit.setText(row.title)
            self.sent_edit.setDate(qdate(row.sent_on))
            if row.hourly_rate_cents is not None:
                self.pricing_combo.setCurrentIndex(1)
                self.amount_edit.setText(format_amount(row.hourly_rate_cents))
            elif row.amount_cents is not None:
                self.amount_edit.setText(format_amount(row.amount_cents))
            self.outcome_combo.setCurrentIndex(PROPOSAL_OUTCOMES.index(row.outcome))
            self.decided.set_value(row.decided_on)
        # A decision usually happens the day it is entered; the owner can change the date.
        self.outcome_combo.currentIndexChanged.connect(self._outcome_changed)

    def _pricing_changed(self, _index: int) -> None:
        by_rate = self.pricing_combo.currentData() == "rate"
        self.amount_label.setText(self.tr("&Rate per hour:") if by_rate else self.tr("&Amount:"))

    def _outcome_changed(self, _index: int) -> None:
        if self.outcome_combo.currentData() != "pending" and self.decided.value() is None:
            self.decided.set_value(clock.today())

    def values(self) -> dict[str, Any]:
        title = self.title_edit.text().strip()
        if not title:
            raise ValidationError(self.tr("Please give the proposal a title."), field="title")
        cents = None
        if self.amount_edit.text().strip():
            cents = parse_money(self.amount_edit.text(), field="amount_cents")
        sent_on = to_date(self.sent_edit.date())
        decided_on = self.decided.value()
        if decided_on is not None and decided_on < sent_on:
            raise ValidationError(self.tr("It cannot be decided before it was sent."),
                                  field="decided_on")
        by_rate = self.pricing_combo.currentData() == "rate"
        return {
            "title": title,
            "sent_on": sent_on,
            "amount_cents": None if by_rate else cents,
            "hourly_rate_cents": cents if by_rate else None,
            "outcome": self.outcome_combo.currentData(),
            "decided_on": decided_on,
        }

    def _save(self, values: dict[str, Any]) -> int:
        try:
            return records.save_proposal(self.client_id, self.row.id if self.row else None,
                                         **values)
        except ValidationError as exc:
            # Amount and rate share one field on the form.
            if exc.field == "hourly_rate_cents":
                exc.field = "amount_cents"
            raise


class ProposalsTab(RecordTab):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(detail.proposals, parent)
        self.setObjectName("proposalsTab")
        self.table.setObjectName("proposalsTable")
        self.table.setAccessibleName(self.tr("Proposals"))
        outcomes = outcome_labels(self.tr)
        colors = {"won": GOOD_COLOR, "lost": ERROR_COLOR}
        self.model.set_columns([
            Column(self.tr("Sent on"), lambda r: format_date(r.sent_on)),
            Column(self.tr("Title"), lambda r: r.title, stretch=True),
            Column(self.tr("Amount or rate"), self._price, align_right=True),
            Column(self.tr("Outcome"), lambda r: outcomes.get(r.outcome, r.outcome),
                   color=lambda r: colors.get(r.outcome)),
            Column(self.tr("Decided on"), lambda r: format_date(r.decided_on)),
        ])
        self.add_button(self.tr("&Add…"), "addProposal", self.add_proposal)
        self.add_button(self.tr("&Edit…"), "editProposal", self.edit_proposal,
                        needs_selection=True)

    def _price(self, row: ProposalRow) -> str:
        if row.hourly_rate_cents is not None:
            return self.tr("%1 per hour").replace(
                "%1", format_money(row.hourly_rate_cents, self.currency))
        return format_money(row.amount_cents, self.currency)

    def empty_text(self) -> str:
        return self.tr("No proposals yet.")

    def activated(self) -> None:
        self.edit_proposal()

    def _open(self, row: ProposalRow | None) -> ProposalForm | None:
        if self.client_id is None:
            return None
        form = ProposalForm(self.client_id, row, self)
        self.open_form(form)
        return form

    def add_proposal(self) -> ProposalForm | None:
        return self._open(None)

    def edit_proposal(self) -> ProposalForm | None:
        row = self.selected_row()
        return self._open(row) if row is not None else None
