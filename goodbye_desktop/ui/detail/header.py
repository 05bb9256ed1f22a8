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
        self.caption.setWordWrap(True)  # a narrow window wraps a caption rather than cut it
        self.value = QLabel()
        self.value.setObjectName(f"{object_name}Value")
        self.value.setTextFormat(Qt.TextFormat.PlainText)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.value.setWordWrap(True)
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

    def set(self, value: str, note: str = "", color: str | None = None, *,
            caption: str | None = None) -> None:
        if caption is not None:
            self.caption.setText(caption)
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
        self.since_label.setWordWrap(True)  # never wider than the pane it sits in
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

        # The client's warning signs, each with its reason and a next step.
        self.signs_box = QWidget()
        self.signs_box.setObjectName("clientSigns")
        self.signs_layout = QVBoxLayout(self.signs_box)
        self.signs_layout.setContentsMargins(0, 4, 0, 0)
        self.signs_layout.setSpacing(2)
        self.signs_box.hide()
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
        layout.addWidget(self.signs_box)

    @staticmethod
    def _badge(label: QLabel, color: str) -> None:
        # White on a strong colour reads the same in the light and the dark scheme.
        label.setStyleSheet(f"QLabel {{ background: {color}; color: white; border-radius: 8px;"
                            " padding: 2px 10px; font-weight: bold; }")

    def _tenure_text(self, months: int) -> str:
        # Written as in the client list, so one client's tenure reads the same everywhere.
        return tenure_from_months(months)

    def sign_lines(self) -> list[str]:
        """The warning signs shown, one line each (for tests and accessibility)."""
        return [label.text() for label in self.signs_box.findChildren(QLabel, "signLine")]

    def _show_signs(self, signs: list, currency: str) -> None:
        from goodbye_desktop.ui import icons, sign_words

        while self.signs_layout.count():
            old = self.signs_layout.takeAt(0).widget()
            if old is not None:
                old.deleteLater()
        for sign in signs:
            line = QWidget(self.signs_box)
            row = QHBoxLayout(line)
            row.setContentsMargins(0, 0, 0, 0)
            picture = QLabel()
            picture.setPixmap(icons.sign_icon(sign.key).pixmap(16, 16))
            picture.setAlignment(Qt.AlignmentFlag.AlignTop)
            text = QLabel()
            text.setObjectName("signLine")
            text.setTextFormat(Qt.TextFormat.PlainText)  # an acquirer's name is data
            text.setWordWrap(True)
            text.setText(self.tr("%1: %2 %3").replace("%1", sign_words.title(sign.key))
                         .replace("%2", sign_words.reason(sign, currency))
                         .replace("%3", sign_words.next_step(sign)))
            text.setStyleSheet(f"color: {WARN_COLOR};")
            row.addWidget(picture, 0, Qt.AlignmentFlag.AlignTop)
            row.addWidget(text, 1)
            self.signs_layout.addWidget(line)
        self.signs_box.setVisible(bool(signs))
        self.signs_box.setAccessibleName(self.tr("Warning signs: %1").replace(
            "%1", "; ".join(sign_words.title(sign.key) for sign in signs)))

    def _rate_note(self, rate: int, target_cents: int, currency: str) -> tuple[str, str]:
        """Revenue per hour against the target, worded in proportion to the gap."""
        target = format_money(target_cents, currency)
        if rate >= target_cents:
            return self.tr("At or above your target of %1").replace("%1", target), GOOD_COLOR
        gap = round((target_cents - rate) * 100 / target_cents)
        if gap < 10:
            return (self.tr("Just under your target of %1 (%2 % less)")
                    .replace("%1", target).replace("%2", str(max(gap, 1))), WARN_COLOR)
        if gap < 40:
            return (self.tr("Below your target of %1 (%2 % less)")
                    .replace("%1", target).replace("%2", str(gap)), WARN_COLOR)
        return (self.tr("Well below your target of %1 (%2 % less): the time this client "
                        "takes is worth more than it pays").replace("%1", target)
                .replace("%2", str(gap)), ERROR_COLOR)

    def show_summary(self, summary: ClientSummary, share: KeptShare, currency: str,
                     target_cents: int, today: date, now: datetime, *,
                     signs: list | None = None, departure: dict | None = None) -> None:
        """Fill the header. `signs`: the client's warning signs (core.signs.Sign);
        `departure`: the departure shown on the Departure tab, for a departed client."""
        tr = self.tr
        locale = QLocale()
        self.name_label.setText(summary.name)
        self.status_badge.setText(status_label(summary.status))
        self._badge(self.status_badge, STATUS_COLORS.get(summary.status, "#616161"))
        self.archived_badge.setVisible(summary.archived)
        self._show_signs(list(signs or []), currency)
        if summary.status == "departed":
            self._show_departed(summary, share, currency, today, departure)
            return

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
        if summary.status == "prospect":
            self.tenure.set("—", tr("A prospect: not a client yet"), caption=tr("Client for"))
        elif months is None:
            self.tenure.set("—", tr("No start date recorded"), caption=tr("Client for"))
        else:
            self.tenure.set(self._tenure_text(months), caption=tr("Client for"))

        self.revenue.set(format_money(summary.revenue_12m_cents, currency),
                         tr("since %1").replace("%1", format_month(summary.window_start)),
                         caption=tr("Revenue, last 12 months"))
        count = summary.interactions_12m
        self.minutes.set(format_minutes(summary.minutes_12m),
                         tr("%n interaction", "", count) if count == 1
                         else tr("%n interactions", "", count),
                         caption=tr("Time spent, last 12 months"))

        rate = summary.revenue_per_hour_cents
        caption = tr("Revenue per hour")
        if summary.status == "prospect" and not summary.revenue_12m_cents:
            # Time spent winning a prospect is not a rate: there is nothing billed yet.
            self.rate.set("—", tr("Nothing billed yet"), caption=caption)
        elif rate is None:
            self.rate.set("—", tr("No time logged in the last 12 months"), caption=caption)
        elif target_cents <= 0:
            self.rate.set(format_money(rate, currency),
                          tr("Set a target hourly rate in the business profile"),
                          caption=caption)
        else:
            note, color = self._rate_note(rate, target_cents, currency)
            self.rate.set(format_money(rate, currency), note, color, caption=caption)

        self._show_promises(share, locale)
        complaints = summary.complaints_12m
        self.complaints.set(locale.toString(complaints), caption=tr("Complaints, last 12 months"))

    def _show_promises(self, share: KeptShare, locale: QLocale) -> None:
        tr = self.tr
        caption = tr("Promises kept on time")
        if share.percent is None:
            self.promises.set("—", tr("None due yet"), caption=caption)
        else:
            color = GOOD_COLOR if share.percent >= 90 else (
                WARN_COLOR if share.percent >= 70 else ERROR_COLOR)
            self.promises.set(tr("%1 %").replace("%1", locale.toString(share.percent)),
                              tr("kept %1 of the %2 due so far")
                              .replace("%1", locale.toString(share.kept))
                              .replace("%2", locale.toString(share.settled)), color,
                              caption=caption)

    def _show_departed(self, summary: ClientSummary, share: KeptShare, currency: str,
                       today: date, departure: dict | None) -> None:
        """What matters once a client has gone: when and why, what they brought, how long."""
        from goodbye_desktop.ui.departure.common import label_for

        tr = self.tr
        locale = QLocale()
        since = []
        if summary.started_on:
            since.append(tr("Client from %1 to %2").replace("%1", format_date(summary.started_on))
                         .replace("%2", format_date(summary.ended_on) if summary.ended_on
                                  else tr("an unrecorded day")))
        if summary.last_contact_at:
            since.append(tr("last contact on %1").replace(
                "%1", format_date(summary.last_contact_at.date())))
        self.since_label.setText(" · ".join(since))

        ended = summary.ended_on or (departure or {}).get("effective_on")
        who = ""
        if departure:
            who = label_for("ended_by", departure.get("ended_by") or "")
            if departure.get("outside_event"):
                who = label_for("outside_event", departure["outside_event"])
            who = tr("Ended by: %1").replace("%1", who) if who else ""
        self.minutes.set(format_date(ended) if ended else "—", who, caption=tr("Left on"))

        reasons = [label_for("reason", r) for r in (departure or {}).get("reasons", [])]
        kind = (departure or {}).get("kind") or ""
        self.rate.set(", ".join(reasons) or "—",
                      tr("Kind of client: %1").replace("%1", label_for("kind", kind))
                      if departure else tr("No departure recorded"),
                      caption=tr("Why they left"))

        self.revenue.set(format_money(summary.lifetime_revenue_cents, currency),
                         tr("everything billed while a client"), caption=tr("Lifetime revenue"))
        months = summary.tenure_months(today)
        self.tenure.set(self._tenure_text(months) if months is not None else "—",
                        caption=tr("Was a client for"))
        self._show_promises(share, locale)
        state = (departure or {}).get("state") or ""
        state_note = ""
        if state == "decided":
            open_follow_ups = sum(1 for p in (departure or {}).get("follow_ups", [])
                                  if not p.get("done_at") and not p.get("cancelled_at"))
            state_note = (tr("%n follow-up still to do", "", open_follow_ups)
                          if open_follow_ups == 1 else
                          tr("%n follow-ups still to do", "", open_follow_ups)) \
                if open_follow_ups else tr("Nothing left to do")
        from goodbye_desktop.core.departure import shown_state

        shown = shown_state(state, (departure or {}).get("effective_on"), today)
        self.complaints.set(label_for("state", shown) if state else "—", state_note,
                            caption=tr("Departure"))

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
