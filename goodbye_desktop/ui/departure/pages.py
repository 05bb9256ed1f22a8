"""The departure wizard's pages, one QWizardPage class per step (DOMAIN.md section 4).

Every page shows part of the wizard's `DepartureDraft`: `load(draft)` puts the draft's
values in the widgets, `save(draft)` writes them back. The widgets stay as the owner
left them when they go Back and Next; `validatePage` checks the page through
`core.departure.validate_page` and says, in red at the bottom, what is missing (each
issue's code worded through `ui/error_text.py`).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from goodbye_desktop import clock
from goodbye_desktop.core import departure as rules
from goodbye_desktop.core.assessment import Assessment, assess
from goodbye_desktop.core.signs import ClientFacts
from goodbye_desktop.error_words import SAID
from goodbye_desktop.store import departures as store
from goodbye_desktop.store.records import get_profile
from goodbye_desktop.ui import sign_words
from goodbye_desktop.ui.departure.common import (
    DATE,
    TEXT,
    WARN_COLOR,
    ErrorLabel,
    RowsEditor,
    hint,
    kind_guidance,
    label_for,
    labels,
    qdate,
    qdatetime,
    to_date,
    to_datetime,
    tr,
)
from goodbye_desktop.ui.detail.common import format_minutes
from goodbye_desktop.ui.error_text import error_text
from goodbye_desktop.ui.formatting import money, short_date, tenure

if TYPE_CHECKING:
    from goodbye_desktop.core.departure import DepartureDraft

PAGE_IDS = {key: index for index, key in enumerate(rules.PAGES)}


def _plain_text(parent: QWidget, lines: int = 3) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)  # Tab moves on, as in every other field
    height = edit.fontMetrics().lineSpacing() * lines + 14
    edit.setMaximumHeight(height)
    edit.setMinimumHeight(height)
    return edit


def _date_edit(parent: QWidget) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    return edit


def _two_lines(label: QLabel) -> QLabel:
    """Keep room for a second line: a wrapped hint in a grid is otherwise cut in half."""
    label.setMinimumHeight(label.fontMetrics().lineSpacing() * 2 + 2)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    return label


class DeparturePage(QWizardPage):
    """Common ground: a key into `rules.PAGES`, an error line, a map from fields to widgets."""

    key = ""
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors = ErrorLabel(self)
        self._field_widgets: dict[str, QWidget] = {}

    @property
    def draft(self) -> DepartureDraft:
        return self.wizard().draft

    def load(self, draft: DepartureDraft) -> None:
        """Show the draft's values (called with change signals blocked by the wizard)."""

    def save(self, draft: DepartureDraft) -> None:
        """Write the widgets' values into the draft."""

    def _labelled(self, text: str, widget: QWidget, accessible: str | None = None) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(widget)
        widget.setAccessibleName(accessible or label.text().replace("&", ""))
        return label

    def _watch(self, *signals) -> None:
        for signal in signals:
            signal.connect(self._emit_changed)

    def _emit_changed(self, *_args: object) -> None:
        self.changed.emit()

    def validatePage(self) -> bool:
        wizard = self.wizard()
        wizard.collect()
        issues = rules.validate_page(wizard.draft, self.key) + self.extra_issues()
        self.errors.show_messages([error_text(issue) for issue in issues])
        if issues:
            widget = self._field_widgets.get(issues[0].field)
            if widget is not None:
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        return True

    def extra_issues(self) -> list[rules.Issue]:
        """Checks that need the wizard's today (the draft's rules do not know the date)."""
        return []


# --- 1. who ended it and why --------------------------------------------------------------

class WhoPage(DeparturePage):
    key = "who"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(tr("Who ended it, and why"))
        self.setSubTitle(tr("Write it down as it happened: it helps you decide well and "
                            "learn for next time."))

        self.ended_by = QButtonGroup(self)
        ended_row = QHBoxLayout()
        self.ended_radios: dict[str, QRadioButton] = {}
        for code, text in (("client", tr("The &client")), ("owner", tr("&You (the owner)")),
                           ("mutual", tr("M&utual")), ("outside", tr("Outside &events"))):
            radio = QRadioButton(text, self)
            radio.setAccessibleName(tr("Ended by: %1").replace("%1", text.replace("&", "")))
            self.ended_by.addButton(radio)
            self.ended_radios[code] = radio
            ended_row.addWidget(radio)
        ended_row.addStretch(1)
        ended_label = QLabel(tr("Who ended it?"), self)

        self.outside_event = QComboBox(self)
        self.outside_event.addItem(tr("Choose what happened"), "")
        for code, text in labels("outside_event").items():
            self.outside_event.addItem(text, code)
        outside_label = self._labelled(tr("&What happened:"), self.outside_event)

        self.reasons = QListWidget(self)
        self.reasons.setFlow(QListView.Flow.LeftToRight)
        self.reasons.setWrapping(True)
        self.reasons.setResizeMode(QListView.ResizeMode.Adjust)
        metrics = self.reasons.fontMetrics()
        widest = max(metrics.horizontalAdvance(text) for text in labels("reason").values())
        # Room for the check box and a gap; rows a little taller than the text.
        cell = QSize(widest + 48, metrics.height() + 10)
        self.reasons.setGridSize(cell)
        self.reasons.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        for code, text in labels("reason").items():
            item = QListWidgetItem(text, self.reasons)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setSizeHint(cell)
        self._fit_reasons(4)
        # As tall as the rows the reasons wrap into at the page's width: all of them,
        # "Other" included, stay in view without a scroll bar.
        self.reasons.installEventFilter(self)
        reasons_label = self._labelled(tr("&Reasons:"), self.reasons,
                                       tr("Reasons (space ticks one)"))

        self.reason_text = _plain_text(self, 2)
        self.reason_text.setPlaceholderText(tr("What was said, in their words or yours"))
        reason_text_label = self._labelled(tr("In &their words:"), self.reason_text)

        self.kind = QButtonGroup(self)
        kind_box = QGridLayout()
        kind_box.setColumnStretch(1, 1)
        self.kind_radios: dict[str, QRadioButton] = {}
        guidance = kind_guidance()
        for row, (code, text) in enumerate((
                ("fulfilled", tr("&Fulfilled")), ("scattered", tr("&Scattered")),
                ("no_follow_through", tr("&Did not follow through")),
                ("", tr("Not sure &yet")))):
            radio = QRadioButton(text, self)
            radio.setAccessibleName(tr("Kind: %1").replace("%1", text.replace("&", "")))
            radio.setAccessibleDescription(guidance[code])
            self.kind.addButton(radio)
            self.kind_radios[code] = radio
            kind_box.addWidget(radio, row, 0, Qt.AlignmentFlag.AlignTop)
            kind_box.addWidget(_two_lines(hint(guidance[code], self)), row, 1)
        kind_label = QLabel(tr("Kind of client:"), self)

        self.decided_on = _date_edit(self)
        self.effective_on = _date_edit(self)
        dates = QHBoxLayout()
        decided_label = self._labelled(tr("Dec&ided on:"), self.decided_on)
        effective_label = self._labelled(tr("&Last day:"), self.effective_on,
                                         tr("Last day of the relationship"))
        dates.addWidget(self.decided_on)
        dates.addSpacing(24)
        dates.addWidget(effective_label)
        dates.addWidget(self.effective_on)
        dates.addStretch(1)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(ended_label, ended_row)
        form.addRow(outside_label, self.outside_event)
        form.addRow(reasons_label, self.reasons)
        form.addRow(reason_text_label, self.reason_text)
        form.addRow(kind_label, kind_box)
        form.addRow(decided_label, dates)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.errors)

        self._field_widgets = {
            "ended_by": self.ended_radios["client"], "outside_event": self.outside_event,
            "reasons": self.reasons, "reason_text": self.reason_text, "kind": self.kind_radios[""],
            "decided_on": self.decided_on, "effective_on": self.effective_on,
        }
        self.ended_by.buttonToggled.connect(self._update_outside)
        self._watch(self.ended_by.buttonToggled, self.outside_event.currentIndexChanged,
                    self.reasons.itemChanged, self.reason_text.textChanged,
                    self.kind.buttonToggled, self.decided_on.dateChanged,
                    self.effective_on.dateChanged)

    def _fit_reasons(self, rows: int) -> None:
        self.reasons.setFixedHeight(self.reasons.gridSize().height() * rows
                                    + 2 * self.reasons.frameWidth() + 4)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.reasons and event.type() == QEvent.Type.Resize:
            width = self.reasons.width() - 2 * self.reasons.frameWidth() - 4
            columns = max(1, width // self.reasons.gridSize().width())
            rows = -(-self.reasons.count() // columns)
            if self.reasons.height() != self.reasons.gridSize().height() * rows \
                    + 2 * self.reasons.frameWidth() + 4:
                self._fit_reasons(rows)
        return super().eventFilter(watched, event)

    def _update_outside(self, *_args: object) -> None:
        self.outside_event.setEnabled(self.ended_radios["outside"].isChecked())

    def extra_issues(self) -> list[rules.Issue]:
        decided = self.wizard().draft.decided_on
        if decided is not None and decided > self.wizard().today:
            return [rules.Issue("decided_on", SAID, text=tr(
                "The decision date is in the future: give the day it was decided (today at "
                "the latest). The last day can be ahead."))]
        return []

    def load(self, draft: DepartureDraft) -> None:
        for code, radio in self.ended_radios.items():
            radio.setChecked(code == draft.ended_by)
        if draft.ended_by not in self.ended_radios:
            self.ended_by.setExclusive(False)
            for radio in self.ended_radios.values():
                radio.setChecked(False)
            self.ended_by.setExclusive(True)
        self.outside_event.setCurrentIndex(max(self.outside_event.findData(draft.outside_event),
                                               0))
        for row in range(self.reasons.count()):
            item = self.reasons.item(row)
            checked = item.data(Qt.ItemDataRole.UserRole) in draft.reasons
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.reason_text.setPlainText(draft.reason_text)
        self.kind_radios.get(draft.kind, self.kind_radios[""]).setChecked(True)
        if draft.decided_on:
            self.decided_on.setDate(qdate(draft.decided_on))
        if draft.effective_on:
            self.effective_on.setDate(qdate(draft.effective_on))
        self._update_outside()

    def save(self, draft: DepartureDraft) -> None:
        draft.ended_by = next((code for code, radio in self.ended_radios.items()
                               if radio.isChecked()), "")
        draft.outside_event = self.outside_event.currentData() or ""
        draft.reasons = [self.reasons.item(row).data(Qt.ItemDataRole.UserRole)
                         for row in range(self.reasons.count())
                         if self.reasons.item(row).checkState() == Qt.CheckState.Checked]
        draft.reason_text = self.reason_text.toPlainText()
        draft.kind = next((code for code, radio in self.kind_radios.items()
                           if radio.isChecked()), "")
        draft.decided_on = to_date(self.decided_on.date())
        draft.effective_on = to_date(self.effective_on.date())


# --- 2. assessment --------------------------------------------------------------------------

class AssessmentPage(DeparturePage):
    key = "assessment"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(tr("Assessment"))
        self.setSubTitle(tr("The client's figures, from your records, before you decide."))
        self.assessment: Assessment | None = None

        self.figures: dict[str, QLabel] = {}
        figures = QFormLayout()
        for key, text in (("share", tr("Share of your revenue:")),
                          ("revenue", tr("Revenue, last 12 months:")),
                          ("minutes", tr("Time spent, last 12 months:")),
                          ("rate", tr("Revenue per hour:")),
                          ("complaints", tr("Complaints:")),
                          ("tenure", tr("Client for:"))):
            value = QLabel(self)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setObjectName(f"figure_{key}")
            figures.addRow(QLabel(text, self), value)
            self.figures[key] = value
        self.signs = QLabel(self)
        self.signs.setObjectName("figure_signs")
        self.signs.setWordWrap(True)
        self.signs.setTextFormat(Qt.TextFormat.PlainText)
        figures.addRow(QLabel(tr("Warning signs:"), self), self.signs)

        self.decision = QButtonGroup(self)
        self.decision_radios: dict[str, QRadioButton] = {}
        self.decision_hints: dict[str, QLabel] = {}
        decision_box = QGridLayout()
        decision_box.setColumnStretch(1, 1)
        for row, (code, text, guidance) in enumerate((
                ("keep", tr("&Try to keep"),
                 tr("Meet the client first: the wizard schedules the meeting and records no "
                    "departure.")),
                ("let_go", tr("&Let go gracefully"),
                 tr("You end it, or agree to end it, and help the client move on well.")),
                ("accept", tr("&Accept"),
                 tr("The client has decided; you respect it and make the leaving easy.")))):
            radio = QRadioButton(text, self)
            radio.setAccessibleName(tr("Decision: %1").replace("%1", text.replace("&", "")))
            radio.setAccessibleDescription(guidance)
            self.decision.addButton(radio)
            self.decision_radios[code] = radio
            decision_box.addWidget(radio, row, 0, Qt.AlignmentFlag.AlignTop)
            self.decision_hints[code] = _two_lines(hint(guidance, self))
            decision_box.addWidget(self.decision_hints[code], row, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(figures)
        layout.addSpacing(12)
        layout.addWidget(QLabel(tr("What will you do?"), self))
        layout.addLayout(decision_box)
        layout.addStretch(1)
        layout.addWidget(self.errors)
        self._field_widgets = {"decision": self.decision_radios["keep"]}
        self._watch(self.decision.buttonToggled)

    def initializePage(self) -> None:
        wizard = self.wizard()
        # Letting go is the owner's move: not offered when the client ended it.
        client_ended = wizard.draft.ended_by == "client"
        let_go = self.decision_radios["let_go"]
        if client_ended and let_go.isChecked():
            self.decision.setExclusive(False)
            let_go.setChecked(False)
            self.decision.setExclusive(True)
        let_go.setVisible(not client_ended)
        self.decision_hints["let_go"].setVisible(not client_ended)
        facts = ClientFacts(**store.client_facts(wizard.client_id, wizard.today))
        self.assessment = assess(facts)
        wizard.draft.assessment = self.assessment.to_dict()
        self._show(self.assessment, facts, get_profile()["currency"])

    def _show(self, a: Assessment, facts: ClientFacts, currency: str) -> None:
        f = self.figures
        f["share"].setText(tr("%1 %").replace("%1", f"{a.revenue_share_pct:g}")
                           if a.revenue_share_pct is not None else tr("No revenue recorded"))
        f["revenue"].setText(money(a.revenue_12m_cents, currency))
        f["minutes"].setText(format_minutes(a.minutes_12m))
        if a.revenue_per_hour_cents is None:
            rate = tr("No time recorded")
        else:
            rate = money(a.revenue_per_hour_cents, currency)
            if a.target_rate_cents:
                target = money(a.target_rate_cents, currency)
                rate += " " + (tr("(below your target of %1)") if a.below_target
                               else tr("(at or above your target of %1)")).replace("%1", target)
        f["rate"].setText(rate)
        f["complaints"].setText(tr("%1 in the last 90 days, %2 in the last 12 months")
                                .replace("%1", str(a.complaints_90d))
                                .replace("%2", str(a.complaints_12m)))
        f["tenure"].setText(tenure(facts.started_on, None, facts.today)
                            if facts.started_on else tr("Start date not recorded"))
        if a.signs:
            self.signs.setText("\n".join(f"• {sign_words.line(s, currency)}"
                                         for s in a.signs))
            self.signs.setStyleSheet(f"color: {WARN_COLOR};")
        else:
            self.signs.setText(tr("None"))
            self.signs.setStyleSheet("")

    def nextId(self) -> int:
        if self.decision_radios["keep"].isChecked():
            return PAGE_IDS["meeting"]
        return PAGE_IDS["pending"]

    def load(self, draft: DepartureDraft) -> None:
        for code, radio in self.decision_radios.items():
            radio.setChecked(code == draft.decision)

    def save(self, draft: DepartureDraft) -> None:
        draft.decision = next((code for code, radio in self.decision_radios.items()
                               if radio.isChecked()), "")


# --- 2b. try to keep: the meeting -----------------------------------------------------------

class MeetingPage(DeparturePage):
    key = "meeting"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(tr("Try to keep: schedule the meeting"))
        self.setSubTitle(tr("A conversation before anything is decided. Finish saves it as a "
                            "promise; no departure is recorded."))
        self.when = QDateTimeEdit(self)
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat(self.locale().dateTimeFormat(
            self.locale().FormatType.ShortFormat))
        self.channel = QComboBox(self)
        for code, text in labels("channel").items():
            self.channel.addItem(text, code)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(tr("What you want to talk about"))
        form = QFormLayout()
        # Only the note grows: a date or a channel needs no full width.
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self._labelled(tr("&When:"), self.when, tr("Meeting date and time")),
                    self.when)
        form.addRow(self._labelled(tr("&How:"), self.channel, tr("Meeting channel")),
                    self.channel)
        form.addRow(self._labelled(tr("N&ote:"), self.note, tr("Meeting note")), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.errors)
        self._field_widgets = {"meeting_when": self.when, "meeting_channel": self.channel}
        self._watch(self.when.dateTimeChanged, self.channel.currentIndexChanged,
                    self.note.textChanged)

    def nextId(self) -> int:
        return -1

    def load(self, draft: DepartureDraft) -> None:
        when = draft.meeting.when or datetime.combine(
            (draft.decided_on or clock.today()) + timedelta(days=2), rules.FOLLOW_UP_TIME)
        self.when.setDateTime(qdatetime(when))
        self.channel.setCurrentIndex(max(self.channel.findData(draft.meeting.channel), 0))
        self.note.setText(draft.meeting.note)

    def save(self, draft: DepartureDraft) -> None:
        draft.meeting = rules.KeepMeeting(to_datetime(self.when.dateTime()),
                                          self.channel.currentData(), self.note.text())

    def validatePage(self) -> bool:
        return super().validatePage() and self.wizard().save_now()


# --- 3. pending work -------------------------------------------------------------------------

class PendingPage(DeparturePage):
    key = "pending"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(tr("Pending work"))
        self.setSubTitle(tr("The open jobs to finish before the end, each with a due date, so "
                            "nothing is left hanging. Leave the list empty if there is none."))
        self.editor = RowsEditor([(tr("Job"), TEXT), (tr("Due"), DATE)], noun=tr("job"),
                                 add_text=tr("&Add a job"), new_row=self._new_row, parent=self)
        label = self._labelled(tr("O&pen jobs:"), self.editor.table, tr("Open jobs"))
        self.warning = QLabel(self)
        self.warning.setObjectName("pendingWarning")
        self.warning.setWordWrap(True)
        self.warning.setTextFormat(Qt.TextFormat.PlainText)
        self.warning.setStyleSheet(f"color: {WARN_COLOR};")
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.warning)
        layout.addWidget(self.errors)
        self._field_widgets = {"pending": self.editor.table}
        self._watch(self.editor.changed)
        self.editor.changed.connect(self._update_warning)

    def _new_row(self) -> list:
        return ["", self.wizard().draft.effective_on]

    def initializePage(self) -> None:
        self._update_warning()

    def _update_warning(self) -> None:
        wizard = self.wizard()
        if wizard is None:
            return
        end = wizard.draft.effective_on
        late = [text for text, due in self.editor.rows() if due and end and due > end]
        if late:
            self.warning.setText(
                tr("Due after the last day (%1): %2. Move the date, or agree it with the "
                   "client.").replace("%1", short_date(end)).replace("%2", ", ".join(late)))
        self.warning.setVisible(bool(late))

    def load(self, draft: DepartureDraft) -> None:
        self.editor.set_rows([[item.description, item.due_on] for item in draft.pending])

    def save(self, draft: DepartureDraft) -> None:
        draft.pending = [rules.PendingItem(text, due) for text, due in self.editor.rows()]


# --- 4. transition plan ----------------------------------------------------------------------

class PlanPage(DeparturePage):
    key = "plan"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(tr("Transition plan"))
        self.setSubTitle(tr("Dated steps that ease the client out. Edit, reorder and add to "
                            "them; say who does each."))
        self.editor = RowsEditor([(tr("Step"), TEXT), (tr("Date"), DATE), (tr("Who"), TEXT)],
                                 noun=tr("step"), add_text=tr("&Add a step"),
                                 new_row=self._new_row, parent=self)
        label = self._labelled(tr("&Steps:"), self.editor.table, tr("Transition steps"))
        self.note = hint("", self)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.errors)
        self._field_widgets = {"steps": self.editor.table}
        self._watch(self.editor.changed)

    def _new_row(self) -> list:
        return ["", self.wizard().draft.effective_on, tr("Me")]

    def initializePage(self) -> None:
        wizard = self.wizard()
        draft = wizard.draft
        end = draft.effective_on
        self.note.setText(tr("The last day is %1.").replace("%1", short_date(end)))
        if not draft.steps and draft.plan_dated_for is None:
            draft.steps = rules.default_plan(end, draft.decided_on)
            draft.plan_dated_for = end
            wizard.reload(self)
        elif draft.plan_dated_for is not None and draft.plan_dated_for != end:
            draft.steps = rules.redate_plan(draft.steps, draft.plan_dated_for, end)
            draft.plan_dated_for = end
            wizard.reload(self)
            self.note.setText(tr("The last day moved to %1; the steps moved with it.")
                              .replace("%1", short_date(end)))

    def load(self, draft: DepartureDraft) -> None:
        self.editor.set_rows([[s.description, s.due_on, s.owner] for s in draft.steps])

    def save(self, draft: DepartureDraft) -> None:
        draft.steps = [rules.PlanStep(text, due, who) for text, due, who in self.editor.rows()]


# --- 5. exit interview -----------------------------------------------------------------------

class InterviewPage(DeparturePage):
    key = "interview"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(tr("Exit interview"))
        self.setSubTitle(tr("A short conversation to learn what to keep and what to change. "
                            "You enter the answers later, on the client's detail."))
        self.ask = QCheckBox(tr("As&k the client for an exit interview"), self)
        self.interviewer = QLineEdit(self)
        self.interviewer.setPlaceholderText(tr("Name"))
        interviewer_hint = hint(tr("Best someone who did not work with the client, so they "
                                   "can speak freely."), self)
        self.times = QLineEdit(self)
        self.times.setPlaceholderText(tr("For example: Tuesday 10:00 or Thursday 15:00"))
        self.editor = RowsEditor([(tr("Question"), TEXT)], noun=tr("question"),
                                 add_text=tr("&Add a question"), parent=self)
        self.editor.table.horizontalHeader().setVisible(False)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        who = QVBoxLayout()
        who.setSpacing(2)
        who.addWidget(self.interviewer)
        who.addWidget(interviewer_hint)
        form.addRow(self._labelled(tr("&Who asks:"), self.interviewer,
                                   tr("Who asks the questions")), who)
        form.addRow(self._labelled(tr("&Proposed times:"), self.times), self.times)
        form.addRow(self._labelled(tr("&Questions:"), self.editor.table,
                                   tr("Interview questions")), self.editor)
        self.details = QWidget(self)
        self.details.setLayout(form)
        form.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.addWidget(self.ask)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.errors)
        self._field_widgets = {"interviewer": self.interviewer, "questions": self.editor.table}
        self.ask.toggled.connect(self.details.setEnabled)
        self._watch(self.ask.toggled, self.interviewer.textChanged, self.times.textChanged,
                    self.editor.changed)

    def load(self, draft: DepartureDraft) -> None:
        self.ask.setChecked(draft.interview_ask)
        self.details.setEnabled(draft.interview_ask)
        self.interviewer.setText(draft.interviewer)
        self.times.setText(draft.interview_times)
        self.editor.set_rows([[q] for q in draft.questions])

    def save(self, draft: DepartureDraft) -> None:
        draft.interview_ask = self.ask.isChecked()
        draft.interviewer = self.interviewer.text()
        draft.interview_times = self.times.text()
        draft.questions = [row[0] for row in self.editor.rows()]


# --- 6. letters ------------------------------------------------------------------------------

# Shows a "Preview…" button beside each letter: preview(parent_widget, draft, letter_kind)
# renders it from the draft and shows it (None hides the buttons).
PreviewHandler = Callable[[QWidget, "DepartureDraft", str], None]


def preview_letter(parent: QWidget, draft: DepartureDraft, kind: str) -> None:
    """Render a letter from the unsaved draft and show it, ready to print, save or email."""
    from goodbye_desktop.correspondence.produce import keep
    from goodbye_desktop.ui.dialogs.document_preview import DocumentPreviewDialog

    DocumentPreviewDialog.show_for_draft(parent, kind, draft, keep=keep)


class LettersPage(DeparturePage):
    key = "letters"
    preview_handler: PreviewHandler | None = preview_letter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(tr("Letters"))
        self.setSubTitle(tr("Which documents to prepare. Preview one now; after Finish you "
                            "can print, save or email each, and it is logged with the "
                            "client's correspondence."))
        descriptions = {
            "farewell": tr("The client is leaving: thanks, respect for the decision, the "
                           "transition, an open door."),
            "parting_ways": tr("You end it: civil, no blame, the notice and end date, help "
                               "with the transition, a referral."),
            "transition_plan": tr("The plan's steps as a dated table with who does what."),
            "exit_interview_request": tr("Why you ask, the proposed times, and who will ask."),
        }
        texts = {"farewell": tr("Fare&well letter"), "parting_ways": tr("&Parting-ways letter"),
                 "transition_plan": tr("&Transition plan"),
                 "exit_interview_request": tr("&Exit interview request")}
        self.checks: dict[str, QCheckBox] = {}
        self.preview_buttons: dict[str, QPushButton] = {}
        self.fit_notes: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        for row, kind in enumerate(rules.DEPARTURE_LETTERS):
            check = QCheckBox(texts[kind], self)
            check.setAccessibleDescription(descriptions[kind])
            self.checks[kind] = check
            grid.addWidget(check, row, 0, Qt.AlignmentFlag.AlignTop)
            cell = QVBoxLayout()
            cell.setSpacing(0)
            cell.addWidget(hint(descriptions[kind], self))
            # Said when the kind does not suit this departure (core.letter_fit).
            note = QLabel(self)
            note.setObjectName(f"fitNote_{kind}")
            note.setTextFormat(Qt.TextFormat.PlainText)
            note.setWordWrap(True)
            note.setStyleSheet(f"color: {WARN_COLOR};")
            note.hide()
            self.fit_notes[kind] = note
            cell.addWidget(note)
            grid.addLayout(cell, row, 1)
            if self.preview_handler is not None:
                button = QPushButton(tr("Preview…"), self)
                button.setAccessibleName(tr("Preview the %1").replace(
                    "%1", label_for("letter", kind).lower()))
                button.setProperty("letterKind", kind)
                button.clicked.connect(self._preview_clicked)
                self.preview_buttons[kind] = button
                grid.addWidget(button, row, 2, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addStretch(1)
        layout.addWidget(self.errors)
        self._field_widgets = {"letters": self.checks["farewell"]}
        self._watch(*(check.toggled for check in self.checks.values()))
        self.checks["exit_interview_request"].toggled.connect(self._update_previews)
        self._update_previews()

    def _preview_clicked(self, *_args: object) -> None:
        # Each Preview button carries its letter kind (set above).
        self._preview(self.sender().property("letterKind"))

    def _preview(self, kind: str) -> None:
        wizard = self.wizard()
        wizard.collect()
        type(self).preview_handler(self, wizard.draft, kind)

    def initializePage(self) -> None:
        wizard = self.wizard()
        draft = wizard.draft
        if draft.letters is None:
            draft.letters = rules.default_letters(draft)
            wizard.reload(self)
        self.checks["exit_interview_request"].setEnabled(draft.interview_ask)
        if not draft.interview_ask:
            self.checks["exit_interview_request"].setChecked(False)
        self.show_fit(draft)
        self._update_previews()

    def _update_previews(self, *_args: object) -> None:
        # The exit interview request previews only once it is asked for and chosen.
        check = self.checks["exit_interview_request"]
        button = self.preview_buttons.get("exit_interview_request")
        if button is not None:
            button.setEnabled(check.isEnabled() and check.isChecked())

    def show_fit(self, draft: DepartureDraft) -> None:
        """Mark the letters that do not suit who ended it, with the one that does."""
        from goodbye_desktop.core.letter_fit import Situation, fit

        situation = Situation(has_departure=True, ended_by=draft.ended_by, state="draft",
                              end_date=draft.effective_on, today=clock.today())
        for kind, note in self.fit_notes.items():
            result = fit(kind, situation)
            if result.fits or not result.better:
                note.hide()
                continue
            note.setText(tr("Less suited to this departure: “%1” fits better.")
                         .replace("%1", label_for("letter", result.better)))
            note.show()

    def load(self, draft: DepartureDraft) -> None:
        for kind, check in self.checks.items():
            check.setChecked(kind in (draft.letters or []))

    def save(self, draft: DepartureDraft) -> None:
        if draft.letters is None and not any(c.isChecked() for c in self.checks.values()):
            return  # the page was not shown yet: leave the choice to its defaults
        draft.letters = [kind for kind, check in self.checks.items() if check.isChecked()]


# --- 7. keeping in touch ---------------------------------------------------------------------

class KeepInTouchPage(DeparturePage):
    key = "keep_in_touch"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(tr("Keeping in touch"))
        self.setSubTitle(tr("Leave the door open: each follow-up becomes a promise with a "
                            "date, so it is not forgotten."))
        self.consent = QCheckBox(tr("The client agreed to stay on my &mailing list"), self)
        self.editor = RowsEditor([(tr("Follow-up"), TEXT), (tr("Date"), DATE)],
                                 noun=tr("follow-up"), add_text=tr("A&dd a follow-up"),
                                 new_row=self._new_row, parent=self)
        self.staff = QLineEdit(self)
        self.staff.setPlaceholderText(tr("Names, separated by commas"))
        self.lessons = _plain_text(self, 3)
        self.lessons.setPlaceholderText(tr("What you would do differently next time"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self._labelled(tr("F&ollow-ups:"), self.editor.table, tr("Follow-ups")),
                    self.editor)
        form.addRow(self._labelled(tr("&Staff told:"), self.staff,
                                   tr("Staff who worked with the client and were told")),
                    self.staff)
        form.addRow(self._labelled(tr("&Lessons learned:"), self.lessons), self.lessons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.consent)
        layout.addLayout(form, 1)
        layout.addWidget(self.errors)
        self._field_widgets = {"follow_ups": self.editor.table}
        self._watch(self.consent.toggled, self.editor.changed, self.staff.textChanged,
                    self.lessons.textChanged)

    def _new_row(self):
        end = self.wizard().draft.effective_on or clock.today()
        return ["", rules.add_months(end, 1)], ("email", "")

    def initializePage(self) -> None:
        wizard = self.wizard()
        if wizard.draft.follow_ups is None:
            wizard.draft.follow_ups = rules.default_follow_ups(wizard.draft.effective_on)
            wizard.reload(self)

    def load(self, draft: DepartureDraft) -> None:
        self.consent.setChecked(draft.mailing_consent)
        follow_ups = draft.follow_ups or []
        self.editor.set_rows([[f.description, f.due_at.date() if f.due_at else None]
                              for f in follow_ups],
                             [(f.channel, f.letter_kind) for f in follow_ups])
        self.staff.setText(draft.staff_told)
        self.lessons.setPlainText(draft.lessons)

    def save(self, draft: DepartureDraft) -> None:
        draft.mailing_consent = self.consent.isChecked()
        if draft.follow_ups is not None or self.editor.table.rowCount():
            draft.follow_ups = [
                rules.FollowUp(text, datetime.combine(due, rules.FOLLOW_UP_TIME) if due else None,
                               *(extra or ("email", "")))
                for (text, due), extra in zip(self.editor.rows(), self.editor.extras(),
                                              strict=True)
            ]
        draft.staff_told = self.staff.text()
        draft.lessons = self.lessons.toPlainText()


# --- 8. summary -------------------------------------------------------------------------------

class SummaryPage(DeparturePage):
    key = "summary"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(tr("Summary"))
        self.setSubTitle(tr("Everything on one page. Finish saves it all at once; Back changes "
                            "anything."))
        self.view = QTextBrowser(self)
        self.view.setObjectName("departureSummary")
        self.view.setOpenLinks(False)
        self.view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        label = self._labelled(tr("&Summary:"), self.view, tr("Summary of the departure"))
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.errors)

    def initializePage(self) -> None:
        wizard = self.wizard()
        wizard.collect()
        self.view.setHtml(summary_html(wizard.draft))

    def validatePage(self) -> bool:
        return super().validatePage() and self.wizard().save_now()


def summary_html(d: DepartureDraft) -> str:
    """The draft as simple HTML; every value escaped (names and text are data)."""
    e = html.escape

    def row(label: str, value: str) -> str:
        return f"<tr><th align='left' valign='top'>{e(label)}</th><td>{value}</td></tr>"

    def lines(items: list[str]) -> str:
        return "<br>".join(items) if items else e(tr("None"))

    ended = label_for("ended_by", d.ended_by)
    if d.ended_by == "outside" and d.outside_event:
        ended += f" ({label_for('outside_event', d.outside_event)})"
    reasons = ", ".join(label_for("reason", r) for r in d.reasons)
    parts = [
        f"<h3>{e(d.client_name)}</h3><table cellspacing='4'>",
        row(tr("Ended by"), e(ended)),
        row(tr("Reasons"), e(reasons) + (f"<br><i>{e(d.reason_text)}</i>"
                                          if d.reason_text.strip() else "")),
        row(tr("Kind of client"), e(label_for("kind", d.kind))),
        row(tr("Decided on"), e(short_date(d.decided_on))),
        row(tr("Last day"), e(short_date(d.effective_on))),
        row(tr("Decision"), e(label_for("decision", d.decision))),
        row(tr("Pending work"), lines([f"{e(short_date(p.due_on))} — {e(p.description)}"
                                       for p in d.pending])),
        row(tr("Transition plan"), lines([
            f"{e(short_date(s.due_on))} — {e(s.description)}"
            + (f" ({e(s.owner)})" if s.owner else "") for s in d.steps])),
    ]
    if d.interview_ask:
        interview = [e(tr("Asked by %1").replace("%1", d.interviewer))]
        if d.interview_times.strip():
            interview.append(e(tr("Proposed times: %1").replace("%1", d.interview_times)))
        interview += [f"• {e(q)}" for q in d.questions]
        parts.append(row(tr("Exit interview"), "<br>".join(interview)))
    else:
        parts.append(row(tr("Exit interview"), e(tr("Not asked"))))
    parts += [
        row(tr("Letters"), lines([e(label_for("letter", k)) for k in d.letters or []])),
        row(tr("Mailing list"), e(tr("Yes, they agreed") if d.mailing_consent else tr("No"))),
        row(tr("Follow-ups"), lines([f"{e(short_date(f.due_at))} — {e(f.description)}"
                                     for f in d.follow_ups or []])),
        row(tr("Staff told"), e(d.staff_told) or e(tr("None"))),
        row(tr("Lessons learned"), e(d.lessons).replace("\n", "<br>") or e(tr("None"))),
        "</table>",
    ]
    return "".join(parts)


PAGE_CLASSES: dict[str, type[DeparturePage]] = {
    "who": WhoPage, "assessment": AssessmentPage, "meeting": MeetingPage,
    "pending": PendingPage, "plan": PlanPage, "interview": InterviewPage,
    "letters": LettersPage, "keep_in_touch": KeepInTouchPage, "summary": SummaryPage,
}

