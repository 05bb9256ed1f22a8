"""Small forms of the daily habit: a promise from a sign, setting a sign aside, moving a promise.

Each form returns what the owner entered; the caller hands in the one store call that
saves it (`submit`), so a refused value shows beside its field and nothing is written.
The forms are window-modal, opened with `open()`, and deleted when closed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QDateTimeEdit, QLabel, QLineEdit, QWidget

from goodbye_desktop import clock
from goodbye_desktop.core import risk
from goodbye_desktop.errors import ValidationError
from goodbye_desktop.ui import sign_words
from goodbye_desktop.ui.detail.common import RecordForm, qdatetime, to_date, to_datetime
from goodbye_desktop.ui.detail.promises_tab import channel_labels
from goodbye_desktop.ui.formatting import qdate
from goodbye_desktop.vocabulary import PROMISE_CHANNELS

# How long a sign is set aside unless the owner says otherwise.
DEFAULT_ACK_DAYS = 30


def _intro(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # names are data, not markup
    label.setWordWrap(True)
    return label


class _Form(RecordForm):
    """The forms of a sign: each subclass gives `values()`, what the owner entered."""

    def __init__(self, submit: Callable[[dict[str, Any]], Any], parent: QWidget | None) -> None:
        super().__init__(self.values, submit, parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wide = self.fontMetrics().horizontalAdvance("M") * 46
        self.setMinimumWidth(max(self.minimumWidth(), wide))

    def set_intro(self, text: str) -> None:
        """The line on top saying which client and sign the form is about."""
        self.layout().insertWidget(0, _intro(text))
        self.layout().insertSpacing(1, 8)


def suggested_text(sign_key: str, client_name: str) -> str:
    """What to promise for a sign's next step, in the owner's words."""
    tr = sign_words._tr
    text = {
        "silence": tr("Check in with %1"),
        "acquisition": tr("Meet the new owners of %1"),
        "contact_turnover": tr("Meet a second contact at %1"),
        "chronic_complaints": tr("Talk the complaints through with %1"),
        "costly": tr("Talk to %1 about the scope or the price"),
        "revenue_decline": tr("Ask %1 about their plans"),
    }.get(sign_key, tr("Get in touch with %1"))
    return text.replace("%1", client_name)


class SignPromiseForm(_Form):
    """A sign's next step as a promise: what, due when, which channel; pre-filled."""

    def __init__(self, client_name: str, sign: Any,
                 submit: Callable[[dict[str, Any]], Any], parent: QWidget | None = None,
                 now: datetime | None = None) -> None:
        super().__init__(submit, parent)
        self.sign = sign
        self.setObjectName("signPromiseForm")
        self.setWindowTitle(self.tr("Promise a next step"))
        now = now or clock.local_now()
        self.set_intro(
            self.tr("%1 — %2. Suggested: %3")
            .replace("%1", client_name).replace("%2", sign_words.title(sign.key))
            .replace("%3", sign_words.next_step(sign)))
        self.description_edit = self.add_field(
            "description", self.tr("&Promise:"), QLineEdit(suggested_text(sign.key, client_name)),
            self.tr("What you promise"))
        self.due_edit = QDateTimeEdit(qdatetime(risk.suggested_due(sign.key, now)))
        self.due_edit.setCalendarPopup(True)
        self.add_field("due_at", self.tr("&Due:"), self.due_edit, self.tr("Due date and time"))
        self.channel_combo = QComboBox()
        for channel in PROMISE_CHANNELS:
            self.channel_combo.addItem(channel_labels(self.tr)[channel], channel)
        self.channel_combo.setCurrentIndex(self.channel_combo.findData(
            risk.SUGGESTED_CHANNELS.get(sign.key, "email")))
        self.add_field("channel", self.tr("&Channel:"), self.channel_combo, self.tr("Channel"))

    def values(self) -> dict[str, Any]:
        description = self.description_edit.text().strip()
        if not description:
            raise ValidationError(self.tr("Please say what you promise."), field="description")
        return {"description": description, "due_at": to_datetime(self.due_edit.dateTime()),
                "channel": self.channel_combo.currentData()}


class AcknowledgeForm(_Form):
    """Set a sign aside until a date, with a short note ("spoke to her, back in March")."""

    def __init__(self, client_name: str, sign: Any,
                 submit: Callable[[dict[str, Any]], Any], parent: QWidget | None = None,
                 today: date | None = None) -> None:
        super().__init__(submit, parent)
        self.sign = sign
        self.setObjectName("acknowledgeForm")
        self.setWindowTitle(self.tr("Set a sign aside"))
        self.today = today or clock.today()
        self.set_intro(
            self.tr("%1 — %2. It leaves the At-risk list until the date you choose, and the "
                    "note is kept on the client's timeline.")
            .replace("%1", client_name).replace("%2", sign_words.title(sign.key)))
        self.ok_button.setText(self.tr("Set &aside"))
        self.until_edit = QDateEdit(qdate(self.today + timedelta(days=DEFAULT_ACK_DAYS)))
        self.until_edit.setCalendarPopup(True)
        self.until_edit.setMinimumDate(qdate(self.today))
        self.add_field("until", self.tr("&Until:"), self.until_edit,
                       self.tr("Set aside until"))
        self.note_edit = self.add_field("note", self.tr("&Note:"), QLineEdit(),
                                        self.tr("Note"))
        self.note_edit.setPlaceholderText(self.tr("e.g. Spoke to her, back in March"))
        self.note_edit.setMaxLength(200)

    def values(self) -> dict[str, Any]:
        until = to_date(self.until_edit.date())
        if until < self.today:
            raise ValidationError(self.tr("Choose a date from today on."), field="until")
        return {"until": until, "note": self.note_edit.text().strip()}


class MovePromiseForm(_Form):
    """A new due time for a promise."""

    def __init__(self, description: str, due_at: datetime,
                 submit: Callable[[dict[str, Any]], Any], parent: QWidget | None = None) -> None:
        super().__init__(submit, parent)
        self.setObjectName("movePromiseForm")
        self.setWindowTitle(self.tr("Move a promise"))
        self.set_intro(description)
        self.due_edit = QDateTimeEdit(qdatetime(due_at))
        self.due_edit.setCalendarPopup(True)
        self.add_field("due_at", self.tr("&Due:"), self.due_edit, self.tr("New due date and time"))

    def values(self) -> dict[str, Any]:
        return {"due_at": to_datetime(self.due_edit.dateTime())}
