"""The Promises tab: what the owner promised a client, by when, and whether it was kept.

The state of each promise (open, kept, late, broken) comes from `core.promises`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QLineEdit, QWidget

from goodbye_desktop import clock
from goodbye_desktop.core.promises import PromiseState, promise_state
from goodbye_desktop.errors import ValidationError
from goodbye_desktop.store import detail, records
from goodbye_desktop.store.choices import PROMISE_CHANNELS
from goodbye_desktop.store.detail import PromiseRow
from goodbye_desktop.ui.detail.common import (
    ERROR_COLOR,
    GOOD_COLOR,
    WARN_COLOR,
    Column,
    RecordForm,
    RecordTab,
    format_datetime,
    qdatetime,
    to_datetime,
)

STATE_COLORS = {PromiseState.KEPT: GOOD_COLOR, PromiseState.LATE: WARN_COLOR,
                PromiseState.BROKEN: ERROR_COLOR}


def channel_labels(tr) -> dict[str, str]:
    return {"email": tr("Email"), "call": tr("Call"), "meeting": tr("Meeting"),
            "letter": tr("Letter"), "other": tr("Other")}


def state_labels(tr) -> dict[PromiseState, str]:
    return {PromiseState.OPEN: tr("Open"), PromiseState.KEPT: tr("Kept"),
            PromiseState.LATE: tr("Late"), PromiseState.BROKEN: tr("Broken")}


class PromiseForm(RecordForm):
    """What was promised, due when (date and time), through which channel."""

    def __init__(self, client_id: int, parent: QWidget | None = None,
                 now: datetime | None = None, existing: PromiseRow | None = None) -> None:
        self.client_id = client_id
        self.existing = existing
        super().__init__(self.values, self._save, parent)
        self.setObjectName("promiseForm")
        self.setWindowTitle(self.tr("New promise") if existing is None
                            else self.tr("Edit promise"))
        self.description_edit = self.add_field("description", self.tr("&Promise:"), QLineEdit(),
                                               self.tr("What was promised"))
        self.description_edit.setPlaceholderText(self.tr("e.g. Email the quarterly figures"))
        # Most promises are for a day or two ahead; start at tomorrow, on the hour.
        due = (now or clock.local_now()).replace(minute=0, second=0, microsecond=0)
        due += timedelta(days=1)
        self.due_edit = QDateTimeEdit(qdatetime(due))
        self.due_edit.setCalendarPopup(True)
        self.add_field("due_at", self.tr("&Due:"), self.due_edit, self.tr("Due date and time"))
        self.channel_combo = QComboBox()
        for channel in PROMISE_CHANNELS:
            self.channel_combo.addItem(channel_labels(self.tr)[channel], channel)
        self.add_field("channel", self.tr("&Channel:"), self.channel_combo, self.tr("Channel"))
        if existing is not None:
            self.description_edit.setText(existing.description)
            self.due_edit.setDateTime(qdatetime(existing.due_at))
            self.channel_combo.setCurrentIndex(
                max(self.channel_combo.findData(existing.channel), 0))

    def values(self) -> dict[str, Any]:
        description = self.description_edit.text().strip()
        if not description:
            raise ValidationError(self.tr("Please say what you promised."), field="description")
        return {
            "description": description,
            "due_at": to_datetime(self.due_edit.dateTime()),
            "channel": self.channel_combo.currentData(),
        }

    def _save(self, values: dict[str, Any]) -> int:
        if self.existing is not None:
            records.update_promise(self.existing.id, values["description"], values["due_at"],
                                   values["channel"])
            return self.existing.id
        return records.add_promise(self.client_id, values["description"], values["due_at"],
                                   values["channel"])


class PromisesTab(RecordTab):
    def __init__(self, parent: QWidget | None = None,
                 now: Callable[[], datetime] = clock.local_now) -> None:
        super().__init__(detail.promises, parent)
        self.now = now
        self.setObjectName("promisesTab")
        self.table.setObjectName("promisesTable")
        self.table.setAccessibleName(self.tr("Promises"))
        channels = channel_labels(self.tr)
        self.model.set_columns([
            Column(self.tr("Promise"), lambda r: r.description, stretch=True),
            Column(self.tr("Due"), lambda r: format_datetime(r.due_at)),
            Column(self.tr("State"), lambda r: self.state_text(r),
                   color=lambda r: STATE_COLORS.get(self.state_of(r))),
            Column(self.tr("Channel"), lambda r: channels.get(r.channel, r.channel)),
            Column(self.tr("Settled"),
                   lambda r: format_datetime(r.cancelled_at or r.done_at),
                   tip=self.tr("When it was done or cancelled")),
        ])
        self.add_button(self.tr("&Add…"), "addPromise", self.add_promise)
        self.add_button(self.tr("&Edit…"), "editPromise", self.edit_promise,
                        needs_selection=True)
        self.done_button = self.add_button(self.tr("Mark &done"), "markPromiseDone",
                                           self.mark_done, needs_selection=True)
        self.cancel_button = self.add_button(self.tr("Ca&ncel promise"), "cancelPromise",
                                             self.cancel, needs_selection=True)
        self.reopen_button = self.add_button(self.tr("&Reopen"), "reopenPromise",
                                             self.reopen, needs_selection=True)
        # Reopen takes Cancel's place once a promise is settled: four buttons fit a
        # narrow window where five did not.
        self.reopen_button.hide()

    def state_text(self, row: PromiseRow) -> str:
        """The state in words; an open promise past its due time is overdue, not broken."""
        state = self.state_of(row)
        if state is PromiseState.BROKEN and row.cancelled_at is None and row.done_at is None:
            # Still open: it can be done late. Broken is a promise cancelled or given up.
            return self.tr("Overdue")
        return state_labels(self.tr)[state]

    def state_of(self, row: PromiseRow) -> PromiseState:
        return promise_state(row.due_at, row.done_at, row.cancelled_at, self.now())

    def empty_text(self) -> str:
        return self.tr("No promises yet.")

    def selection_changed(self, row: PromiseRow | None) -> None:
        if row is None:
            return
        settled = row.done_at is not None or row.cancelled_at is not None
        self.done_button.setEnabled(row.done_at is None or row.cancelled_at is not None)
        self.cancel_button.setEnabled(not settled)
        self.reopen_button.setEnabled(settled)
        self.cancel_button.setVisible(not settled)
        self.reopen_button.setVisible(settled)

    def add_promise(self) -> PromiseForm | None:
        """Open the form for a new promise (window-modal); returns it."""
        if self.client_id is None:
            return None
        form = PromiseForm(self.client_id, self)
        self.open_form(form)
        return form

    def edit_promise(self) -> PromiseForm | None:
        """Open the selected promise in the form to change it (window-modal); returns it."""
        row: PromiseRow | None = self.selected_row()
        if row is None or self.client_id is None:
            return None
        form = PromiseForm(self.client_id, self, existing=row)
        self.open_form(form)
        return form

    def _on_selected(self, action: Callable[[int], None]) -> bool:
        row = self.selected_row()
        if row is None:
            return False
        position = self.model.rows().index(row)
        done = self.run_write(lambda: action(row.id))
        # Keep the same promise selected, wherever it moved to.
        for index, other in enumerate(self.model.rows()):
            if other.id == row.id:
                self.select_row(index)
                break
        else:
            self.select_row(min(position, self.model.rowCount() - 1))
        return done

    def _now(self) -> datetime:
        return self.now().replace(microsecond=0)

    def mark_done(self) -> bool:
        return self._on_selected(lambda pid: records.mark_promise_done(pid, self._now()))

    def cancel(self) -> bool:
        return self._on_selected(lambda pid: records.cancel_promise(pid, self._now()))

    def reopen(self) -> bool:
        return self._on_selected(records.reopen_promise)
