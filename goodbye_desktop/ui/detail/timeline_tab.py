"""The Timeline tab: a client's interactions newest first, and the form to log one.

The timeline fetches a page of interactions at a time as it scrolls, so a client with
years of correspondence opens as fast as a new one.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateTimeEdit, QPlainTextEdit, QSpinBox, QWidget

from goodbye_desktop import clock
from goodbye_desktop.store import detail, records
from goodbye_desktop.store.choices import DIRECTIONS, INTERACTION_KINDS
from goodbye_desktop.store.detail import InteractionRow
from goodbye_desktop.ui.detail.common import (
    Column,
    RecordForm,
    RecordTab,
    RecordTableModel,
    format_datetime,
    format_minutes,
    qdatetime,
    to_datetime,
)
from goodbye_desktop.ui.icons import sign_icon

PAGE = 100


def kind_labels(tr) -> dict[str, str]:
    return {"call": tr("Call"), "email": tr("Email"), "meeting": tr("Meeting"),
            "support": tr("Support request"), "letter": tr("Letter"), "note": tr("Note")}


def direction_labels(tr) -> dict[str, str]:
    return {"in": tr("From the client"), "out": tr("To the client")}


class InteractionForm(RecordForm):
    """When (default now), kind, direction, minutes (>= 0), summary, complaint."""

    def __init__(self, client_id: int, parent: QWidget | None = None,
                 now: datetime | None = None, existing: InteractionRow | None = None) -> None:
        self.client_id = client_id
        self.existing = existing
        super().__init__(self.values, self._save, parent)
        self.setObjectName("interactionForm")
        self.setWindowTitle(self.tr("Log an interaction") if existing is None
                            else self.tr("Edit an interaction"))
        now = (now or clock.local_now()).replace(second=0, microsecond=0)
        self.when_edit = QDateTimeEdit(qdatetime(now))
        self.when_edit.setCalendarPopup(True)
        self.add_field("occurred_at", self.tr("&When:"), self.when_edit, self.tr("When"))
        self.kind_combo = QComboBox()
        for kind in INTERACTION_KINDS:
            self.kind_combo.addItem(kind_labels(self.tr)[kind], kind)
        self.add_field("kind", self.tr("&Kind:"), self.kind_combo, self.tr("Kind"))
        self.direction_combo = QComboBox()
        for direction in DIRECTIONS:
            self.direction_combo.addItem(direction_labels(self.tr)[direction], direction)
        self.direction_combo.setCurrentIndex(DIRECTIONS.index("out"))
        self.add_field("direction", self.tr("&Direction:"), self.direction_combo,
                       self.tr("Direction"))
        self.minutes_spin = QSpinBox()
        self.minutes_spin.setRange(0, 24 * 60 * 7)
        self.minutes_spin.setSingleStep(5)
        self.minutes_spin.setSuffix(self.tr(" min"))
        self.add_field("minutes", self.tr("&Minutes spent:"), self.minutes_spin,
                       self.tr("Minutes spent"))
        self.summary_edit = QPlainTextEdit()
        self.summary_edit.setTabChangesFocus(True)
        self.summary_edit.setPlaceholderText(self.tr("What was it about?"))
        self.summary_edit.setFixedHeight(self.summary_edit.fontMetrics().lineSpacing() * 5)
        self.add_field("summary", self.tr("S&ummary:"), self.summary_edit, self.tr("Summary"))
        self.complaint_check = QCheckBox(self.tr("The client &complained"))
        self.add_field("complaint", "", self.complaint_check, self.tr("Complaint"))
        if existing is not None:
            self.when_edit.setDateTime(qdatetime(existing.occurred_at))
            self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(existing.kind), 0))
            self.direction_combo.setCurrentIndex(
                max(self.direction_combo.findData(existing.direction), 0))
            self.minutes_spin.setValue(existing.minutes)
            self.summary_edit.setPlainText(existing.summary)
            self.complaint_check.setChecked(existing.complaint)

    def values(self) -> dict[str, Any]:
        return {
            "occurred_at": to_datetime(self.when_edit.dateTime()),
            "kind": self.kind_combo.currentData(),
            "direction": self.direction_combo.currentData(),
            "minutes": self.minutes_spin.value(),
            "summary": self.summary_edit.toPlainText().strip(),
            "complaint": self.complaint_check.isChecked(),
        }

    def _save(self, values: dict[str, Any]) -> int:
        occurred_at, kind = values.pop("occurred_at"), values.pop("kind")
        if self.existing is not None:
            records.update_interaction(self.existing.id, occurred_at, kind, **values)
            return self.existing.id
        return records.add_interaction(self.client_id, occurred_at, kind, **values)


class TimelineModel(RecordTableModel):
    """The interactions of one client, fetched a page at a time as the view scrolls."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__((), parent)
        self.client_id: int | None = None
        self.total = 0

    def load_first_page(self, client_id: int | None) -> None:
        self.client_id = client_id
        if client_id is None:
            self.total = 0
            self.set_rows([])
            return
        self.total = detail.interaction_count(client_id)
        self.set_rows(detail.interactions(client_id, limit=PAGE))

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self.rowCount() < self.total

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if self.client_id is None or parent.isValid():
            return
        self.append_rows(detail.interactions(self.client_id, limit=PAGE,
                                             offset=self.rowCount()))


class TimelineTab(RecordTab):
    def __init__(self, parent: QWidget | None = None) -> None:
        # The first page; the timeline's own model fetches the rest as it scrolls.
        super().__init__(lambda client_id: detail.interactions(client_id, limit=PAGE), parent)
        self.setObjectName("timelineTab")
        self.model = TimelineModel(self)
        self.table.setModel(self.model)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.setObjectName("timelineTable")
        self.table.setAccessibleName(self.tr("Timeline"))
        kinds, directions = kind_labels(self.tr), direction_labels(self.tr)
        complaint = self.tr("Complaint")
        # Short words for the direction: the summary, what happened, needs the room.
        short_directions = {"in": self.tr("In", "from the client"),
                            "out": self.tr("Out", "to the client")}
        self.model.set_columns([
            Column(self.tr("When"), lambda r: format_datetime(r.occurred_at)),
            Column(self.tr("Kind"), lambda r: kinds.get(r.kind, r.kind)),
            Column(self.tr("Summary"), lambda r: r.summary.replace("\n", " "),
                   stretch=True),
            Column(self.tr("Time"), lambda r: format_minutes(r.minutes) if r.minutes else "",
                   align_right=True, tip=self.tr("Time spent")),
            Column(self.tr("Dir."), lambda r: short_directions.get(r.direction, r.direction),
                   tip=self.tr("Direction: in (%1) or out (%2)")
                   .replace("%1", directions["in"].lower())
                   .replace("%2", directions["out"].lower())),
            Column("⚠", lambda r: complaint if r.complaint else "",
                   icon=lambda r: sign_icon("chronic_complaints") if r.complaint else None,
                   tip=complaint, narrow=True),
        ])
        self.add_button(self.tr("&Log…"), "logInteraction", self.log_interaction)
        self.add_button(self.tr("&Edit…"), "editInteraction", self.edit_interaction,
                        needs_selection=True)
        self.open_letter_button = self.add_button(self.tr("&Open letter…"), "openLetter",
                                                  self.open_letter)
        self.open_letter_button.setEnabled(False)
        self.add_button(self.tr("&Delete…"), "deleteInteraction", self.delete_interaction,
                        needs_selection=True)
        # A letter opens as it was sent; any other entry opens to be corrected.
        self.table.doubleClicked.connect(self._double_clicked)

    def reload(self) -> None:
        self.model.load_first_page(self.client_id)
        self.empty_label.setText(self.tr("Nothing logged yet.") if not self.model.total else "")
        self.table.resizeColumnsToContents()
        self._fit_columns()
        self._update_buttons()

    def _double_clicked(self, _index: QModelIndex) -> None:
        self.open_letter() or self.edit_interaction()

    def log_interaction(self) -> InteractionForm | None:
        """Open the form to log a call, email, meeting... (window-modal); returns it."""
        if self.client_id is None:
            return None
        form = InteractionForm(self.client_id, self)
        self.open_form(form)
        return form

    def edit_interaction(self) -> InteractionForm | None:
        """Open the selected entry in the form to correct it (window-modal); returns it."""
        row: InteractionRow | None = self.selected_row()
        if row is None or self.client_id is None:
            return None
        form = InteractionForm(self.client_id, self, existing=row)
        self.open_form(form)
        return form

    def selection_changed(self, row: InteractionRow | None) -> None:
        self.open_letter_button.setEnabled(row is not None and row.kind == "letter")

    def kept_document_id(self) -> int | None:
        """The kept PDF behind the selected entry, when it is a letter the app produced."""
        from goodbye_desktop.store.documents import document_for_interaction

        row: InteractionRow | None = self.selected_row()
        if row is None or row.kind != "letter":
            return None
        return document_for_interaction(row.id)

    def open_letter(self) -> bool:
        """Reopen the selected letter exactly as it was sent; False if it is not one."""
        document_id = self.kept_document_id()
        if document_id is None:
            return False
        from goodbye_desktop.ui.dialogs.document_preview import DocumentPreviewDialog

        DocumentPreviewDialog.show_kept(self, document_id)
        return True

    def delete_interaction(self) -> bool:
        """Delete the selected entry once the user confirms; True if deleted."""
        row: InteractionRow | None = self.selected_row()
        if row is None or not self.confirm(
                self.tr("Delete interaction"),
                self.tr("Delete this entry from the timeline? This cannot be undone.\n\n"
                        "%1, %2")
                .replace("%1", kind_labels(self.tr).get(row.kind, row.kind))
                .replace("%2", format_datetime(row.occurred_at)),
                self.tr("Delete")):
            return False
        return self.run_write(lambda: records.delete_interaction(row.id))

