"""File > Import CSV or vCard: the preview, the column mapping and what to do with matches.

Shown after the file has been read and checked (off the GUI thread, by the caller):
the kind of records, the format and encoding found, how each of our columns is filled
(the owner can map any file column to it and check again), the first rows as they will
be imported, and the rows that match clients already in the records, with the choice to
merge or skip them. `ask(parent, prepared, headers)` returns an ImportChoice or None;
the caller saves through the store. The dialog writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QRadioButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from goodbye_desktop.exchange import columns
from goodbye_desktop.exchange.importer import Prepared

PREVIEW_ROWS = 50


@dataclass(frozen=True)
class ImportChoice:
    """What the owner decided: go ahead (`remap` None) or check again with a mapping."""

    on_match: str | None
    remap: dict[str, str] | None = None


class ImportPreviewDialog(QDialog):
    def __init__(self, prepared: Prepared, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prepared = prepared
        self.setObjectName("importPreviewDialog")
        self.setWindowTitle(self.tr("Import %1").replace("%1", prepared.file.path.name))
        layout = QVBoxLayout(self)
        formats = {"goodbye": self.tr("Goodbye Desktop export"),
                   "google": self.tr("Google Contacts export"),
                   "outlook": self.tr("Outlook export"), "vcard": self.tr("vCard"),
                   "mapped": self.tr("your column mapping")}
        summary = QLabel(self.tr("%1 rows of %2, read as %3 (%4). Nothing is written until "
                                 "you choose Import.")
                         .replace("%1", str(len(prepared.records)))
                         .replace("%2", prepared.kind)
                         .replace("%3", formats.get(prepared.file.format,
                                                    prepared.file.format))
                         .replace("%4", prepared.file.encoding), self)
        summary.setWordWrap(True)
        layout.addWidget(summary)
        layout.addWidget(self._mapping_box())
        layout.addWidget(self._preview_table())
        self.merge = QRadioButton(self.tr("&Merge them into those clients"), self)
        self.skip = QRadioButton(self.tr("&Skip them"), self)
        if prepared.matches:
            layout.addWidget(self._matches_box())
        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(self.tr("&Import"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.recheck_button = self.buttons.addButton(self.tr("Check &again with this mapping"),
                                                     QDialogButtonBox.ButtonRole.ApplyRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.recheck_button.clicked.connect(self._recheck)
        layout.addWidget(self.buttons)
        self._remap: dict[str, str] | None = None
        self._update_import()
        self.resize(900, 560)

    def _mapping_box(self) -> QScrollArea:
        box = QGroupBox(self.tr("Which file column fills each of ours"), self)
        grid = QGridLayout(box)
        self.mapping: dict[str, QComboBox] = {}
        file_columns = [h for h in self.prepared.file.headers if h]
        for number, ours in enumerate(columns.MAPPABLE[self.prepared.kind]):
            combo = QComboBox(box)
            combo.setObjectName(f"map_{ours}")
            combo.setAccessibleName(self.tr("File column for %1").replace("%1", ours))
            combo.addItem(self.tr("(none)"), "")
            for theirs in file_columns:
                combo.addItem(theirs, theirs)
            if ours in file_columns:
                combo.setCurrentIndex(combo.findData(ours))
            label = QLabel(f"&{ours}:", box)
            label.setBuddy(combo)
            # Two pairs to a line, so that the preview keeps its room on a small screen.
            row, column = divmod(number, 2)
            grid.addWidget(label, row, column * 2)
            grid.addWidget(combo, row, column * 2 + 1)
            self.mapping[ours] = combo
        scroll = QScrollArea(self)
        scroll.setWidget(box)
        scroll.setWidgetResizable(True)
        scroll.setMaximumHeight(190)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return scroll

    def _preview_table(self) -> QTableWidget:
        shown = [c for c in ("name", "client_name", "email", "occurred_at", "kind", "month",
                             "amount_cents", "sent_on", "status", "role", "phone")
                 if any(c in r for r in self.prepared.records[:1])]
        table = QTableWidget(min(len(self.prepared.records), PREVIEW_ROWS), len(shown) + 1,
                             self)
        table.setObjectName("importPreview")
        table.setAccessibleName(self.tr("The first rows as they will be imported"))
        table.setHorizontalHeaderLabels([self.tr("Row"), *shown])
        table.verticalHeader().hide()
        table.setMinimumHeight(140)
        matched = {m.line for m in self.prepared.matches}
        for i, record in enumerate(self.prepared.records[:PREVIEW_ROWS]):
            line = str(record["line"]) + (" ≈" if record["line"] in matched else "")
            table.setItem(i, 0, QTableWidgetItem(line))
            for j, column in enumerate(shown, start=1):
                value = record.get(column)
                table.setItem(i, j, QTableWidgetItem("" if value is None else str(value)))
        table.resizeColumnsToContents()
        return table

    def _matches_box(self) -> QGroupBox:
        matches = self.prepared.matches
        box = QGroupBox(self.tr("Rows that match clients you already have (marked ≈): %1")
                        .replace("%1", str(len(matches))), self)
        layout = QVBoxLayout(box)
        listed = "\n".join(self.tr("Row %1: %2 is %3 (by %4)")
                           .replace("%1", str(m.line)).replace("%2", m.name)
                           .replace("%3", m.existing_name).replace("%4", m.by)
                           for m in matches[:8])
        more = len(matches) - 8
        text = QLabel(listed + (("\n" + self.tr("and %1 more").replace("%1", str(more)))
                                if more > 0 else ""), box)
        layout.addWidget(text)
        group = QButtonGroup(box)
        for button in (self.merge, self.skip):
            group.addButton(button)
            layout.addWidget(button)
            button.toggled.connect(self._update_import)
        return box

    def _update_import(self, *_args: object) -> None:
        decided = not self.prepared.matches or self.merge.isChecked() or self.skip.isChecked()
        self.import_button.setEnabled(decided)

    def _recheck(self) -> None:
        self._remap = {ours: combo.currentData() for ours, combo in self.mapping.items()
                       if combo.currentData()}
        self.accept()

    def choice(self) -> ImportChoice:
        if self._remap is not None:
            return ImportChoice(None, self._remap)
        on_match = "merge" if self.merge.isChecked() else "skip" if self.skip.isChecked() \
            else None
        return ImportChoice(on_match)

    @classmethod
    def ask(cls, parent: QWidget | None, prepared: Prepared) -> ImportChoice | None:
        dialog = cls(prepared, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.choice()
            return None
        finally:
            dialog.deleteLater()
