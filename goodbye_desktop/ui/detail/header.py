"""The header of the client detail pane: the name, a status badge and the client's figures.

Figures of the last 12 months (DOMAIN.md section 2): revenue, time spent, revenue per hour
against the owner's target, complaints; plus tenure and the share of promises kept on time.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from goodbye_desktop.core.promises import KeptShare, PromiseLedger
from goodbye_desktop.core.risk import Episode
from goodbye_desktop.store.detail import ClientSummary
from goodbye_desktop.ui.detail.common import (
    ERROR_COLOR,
    GOOD_COLOR,
    WARN_COLOR,
    format_date,
    format_minutes,
    format_money,
    format_month,
)
from goodbye_desktop.ui.formatting import status_label, tenure_from_months

STATUS_COLORS = {
    "prospect": "#1565c0",
    "active": "#2e7d32",
    "departing": "#b26a00",
    "departed": "#616161",
    "returned": "#00796b",
}


class Figure(QWidget):
    """One figure of the header: a small caption, the value, and a short note under it."""

    def __init__(self, caption: str, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.caption = QLabel(caption)
        self.caption.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.value = QLabel()
        self.value.setObjectName(f"{object_name}Value")
        self.value.setTextFormat(Qt.TextFormat.PlainText)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.value.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.value.setFont(font)
        self.note = QLabel()
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        small = QFont(self.note.font())
        small.setPointSizeF(small.pointSizeF() * 0.9)
        self.note.setFont(small)
        self.caption.setFont(small)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 12, 0)
        layout.setSpacing(1)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.note)
        layout.addStretch(1)

    def set(self, value: str, note: str = "", color: str | None = None) -> None:
        self.value.setText(value)
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self.note.setStyleSheet(f"color: {color};" if color else "")
        self.setAccessibleName(f"{self.caption.text()}: {value} {note}".strip())


class ClientHeader(QWidget):
    """Name, status, the Edit… button, and six figures in a grid."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clientHeader")
        self.name_label = QLabel()
        self.name_label.setObjectName("clientName")
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)  # "<Sons>" is a name, not a tag
        self.name_label.setWordWrap(True)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name_label.setSizePolicy(QSizePolicy.Policy.Expanding,
                                      QSizePolicy.Policy.Preferred)
        font = QFont(self.name_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.name_label.setFont(font)
        self.status_badge = QLabel()
        self.status_badge.setObjectName("statusBadge")
        self.archived_badge = QLabel(self.tr("Archived"))
        self.archived_badge.setObjectName("archivedBadge")
        self._badge(self.archived_badge, "#616161")
        self.edit_button = QPushButton(self.tr("Ed&it client…"))
        self.edit_button.setObjectName("editClient")

        title_row = QHBoxLayout()
        title_row.addWidget(self.name_label, 1)
        title_row.addWidget(self.status_badge, 0, Qt.AlignmentFlag.AlignVCenter)
        title_row.addWidget(self.archived_badge, 0, Qt.AlignmentFlag.AlignVCenter)
        title_row.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignVCenter)

        self.since_label = QLabel()
        self.since_label.setObjectName("clientSince")
        self.since_label.setTextFormat(Qt.TextFormat.PlainText)
        self.since_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.tenure = Figure(self.tr("Client for"), "tenureFigure")
        self.revenue = Figure(self.tr("Revenue, last 12 months"), "revenueFigure")
        self.minutes = Figure(self.tr("Time spent, last 12 months"), "minutesFigure")
        self.rate = Figure(self.tr("Revenue per hour"), "rateFigure")
        self.promises = Figure(self.tr("Promises kept on time"), "promisesFigure")
        self.complaints = Figure(self.tr("Complaints, last 12 months"), "complaintsFigure")
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(8)
        for index, figure in enumerate((self.revenue, self.minutes, self.rate, self.tenure,
                                        self.promises, self.complaints)):
            grid.addWidget(figure, index // 3, index % 3)
        for column in range(3):
            grid.setColumnStretch(column, 1)

        self.risk_label = QLabel()
        self.risk_label.setObjectName("clientRiskHistory")
        self.risk_label.setTextFormat(Qt.TextFormat.PlainText)
        self.risk_label.setWordWrap(True)
        self.risk_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.risk_label.setVisible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.addLayout(title_row)
        layout.addWidget(self.since_label)
        layout.addWidget(self.risk_label)
        layout.addSpacing(6)
        layout.addLayout(grid)

    @staticmethod
    def _badge(label: QLabel, color: str) -> None:
        # White on a strong colour reads the same in the light and the dark scheme.
        label.setStyleSheet(f"QLabel {{ background: {color}; color: white; border-radius: 8px;"
                            " padding: 2px 10px; font-weight: bold; }")

    def _tenure_text(self, months: int) -> str:
        # Written as in the client list, so one client's tenure reads the same everywhere.
        return tenure_from_months(months)

    def show_summary(self, summary: ClientSummary, share: KeptShare, currency: str,
                     target_cents: int, today: date, now: datetime) -> None:
        tr = self.tr
        locale = QLocale()
        self.name_label.setText(summary.name)
        self.status_badge.setText(status_label(summary.status))
        self._badge(self.status_badge, STATUS_COLORS.get(summary.status, "#616161"))
        self.archived_badge.setVisible(summary.archived)

        since = []
        if summary.started_on:
            since.append(tr("Client since %1").replace("%1", format_date(summary.started_on)))
        if summary.ended_on:
            since.append(tr("until %1").replace("%1", format_date(summary.ended_on)))
        if summary.last_contact_at:
            days = (now.date() - summary.last_contact_at.date()).days
            if days <= 0:
                when = tr("today")
            elif days == 1:
                when = tr("yesterday")
            else:
                when = tr("%n days ago", "", days)
            since.append(tr("last contact %1").replace("%1", when))
        else:
            since.append(tr("no contact logged yet"))
        self.since_label.setText(" · ".join(since))

        months = summary.tenure_months(today)
        if months is None:
            self.tenure.set("—", tr("No start date recorded"))
        else:
            self.tenure.set(self._tenure_text(months))

        self.revenue.set(format_money(summary.revenue_12m_cents, currency),
                         tr("since %1").replace("%1", format_month(summary.window_start)))
        count = summary.interactions_12m
        self.minutes.set(format_minutes(summary.minutes_12m),
                         tr("%n interaction", "", count) if count == 1
                         else tr("%n interactions", "", count))

        rate = summary.revenue_per_hour_cents
        if rate is None:
            self.rate.set("—", tr("No time logged in the last 12 months"))
        elif target_cents <= 0:
            self.rate.set(format_money(rate, currency),
                          tr("Set a target hourly rate in the business profile"))
        elif rate < target_cents:
            self.rate.set(format_money(rate, currency),
                          tr("Below your target of %1: this client costs more than it pays")
                          .replace("%1", format_money(target_cents, currency)), ERROR_COLOR)
        else:
            self.rate.set(format_money(rate, currency),
                          tr("At or above your target of %1")
                          .replace("%1", format_money(target_cents, currency)), GOOD_COLOR)

        if share.percent is None:
            self.promises.set("—", tr("None due yet"))
        else:
            color = GOOD_COLOR if share.percent >= 90 else (
                WARN_COLOR if share.percent >= 70 else ERROR_COLOR)
            self.promises.set(tr("%1 %").replace("%1", locale.toString(share.percent)),
                              tr("kept %1 of the %2 due so far")
                              .replace("%1", locale.toString(share.kept))
                              .replace("%2", locale.toString(share.settled)), color)

        complaints = summary.complaints_12m
        self.complaints.set(locale.toString(complaints))

    def show_daily(self, book: PromiseLedger, episodes: list[Episode], today: date) -> None:
        """The promise ledger under the promises figure, and the client's times at risk."""
        from goodbye_desktop.ui.ledger_words import episode_text, kept_percent, ledger_note

        if book.settled or book.overdue:
            percent = book.percent("kept")
            color = None if percent is None else GOOD_COLOR if percent >= 90 else (
                WARN_COLOR if percent >= 70 else ERROR_COLOR)
            self.promises.set(kept_percent(book), ledger_note(book), color)
        self.risk_label.setText("\n".join(episode_text(e, today) for e in episodes[:3]))
        self.risk_label.setVisible(bool(episodes))
