"""Letters > Due follow-up letters: every check-in and keep-in-touch note due in a date range.

The owner picks the range (today to two weeks ahead by default), ticks the letters to
write, adds a piece of news for keep-in-touch notes if any are due, and chooses what goes
with them: envelopes (DL or #10) or a sheet of address labels (A4 or US Letter). Preview
renders them all into one PDF; Save writes the letters and their envelopes or labels and
hands the batch to `keep`, the caller's one store call (`correspondence.due_letters.
keep_batch`), which keeps each letter on its client's timeline and marks its follow-up
done. The dialog writes files, never the database; when keeping fails it says so and
stays open with the letters still chosen.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from goodbye_desktop import clock, safe_files
from goodbye_desktop.correspondence.due_letters import (
    DueBatch,
    DueLetter,
    build_batch,
    find_due,
    next_due_after,
)
from goodbye_desktop.errors import GoodbyeError
from goodbye_desktop.ui import alerts
from goodbye_desktop.ui.departure.common import label_for
from goodbye_desktop.ui.dialogs.document_preview import PdfPane, unused_path
from goodbye_desktop.ui.error_text import error_text
from goodbye_desktop.ui.formatting import plain_tooltip
from goodbye_desktop.ui.screen_fit import fit_to_screen

DEFAULT_DAYS = 14
_LETTER_ROLE = Qt.ItemDataRole.UserRole
# What goes with the letters: key -> (title, envelope size, label sheet).
# The titles are marked for translation here and translated where they are shown.
COMPANIONS: dict[str, tuple[str, str | None, str | None]] = {
    "envelopes-DL": (QT_TRANSLATE_NOOP("DueLettersDialog", "Envelopes, DL (220 × 110 mm)"),
                     "DL", None),
    "envelopes-#10": (QT_TRANSLATE_NOOP("DueLettersDialog", "Envelopes, #10 (9½ × 4⅛ in)"),
                      "#10", None),
    "labels-A4": (QT_TRANSLATE_NOOP("DueLettersDialog", "Address labels, A4 sheet (3 × 7)"),
                  None, "A4"),
    "labels-Letter": (QT_TRANSLATE_NOOP("DueLettersDialog",
                                        "Address labels, US Letter sheet (3 × 10)"),
                      None, "Letter"),
    "none": (QT_TRANSLATE_NOOP("DueLettersDialog", "Nothing else"), None, None),
}


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


# The caller's store call: keeps every letter of a saved batch, in one transaction.
KeepBatch = Callable[[DueBatch], Any]


class DueLettersDialog(QDialog):
    """Find, preview and save the follow-up letters due in a range."""

    def __init__(self, parent: QWidget | None = None, today: date | None = None, *,
                 keep: KeepBatch) -> None:
        super().__init__(parent)
        self.setObjectName("dueLetters")
        self.setWindowTitle(self.tr("Due follow-up letters"))
        fit_to_screen(self, 1100, 760)
        self.today = today or clock.today()
        self._keep = keep
        self.batch: DueBatch | None = None
        locale = QLocale()

        self.fromDate = QDateEdit(_qdate(self.today), self)
        self.toDate = QDateEdit(_qdate(self.today + timedelta(days=DEFAULT_DAYS)), self)
        for edit, name in ((self.fromDate, self.tr("From")), (self.toDate, self.tr("To"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(locale.dateFormat(QLocale.FormatType.ShortFormat))
            edit.setAccessibleName(name)
            edit.dateChanged.connect(self.refresh)

        self.letterList = QTreeWidget(self)
        self.letterList.setObjectName("dueLetterList")
        self.letterList.setAccessibleName(self.tr("Letters due"))
        self.letterList.setHeaderLabels([self.tr("Due"), self.tr("Client"), self.tr("Letter"),
                                         self.tr("Follow-up")])
        self.letterList.setRootIsDecorated(False)
        self.letterList.setColumnWidth(0, 110)
        self.letterList.setColumnWidth(1, 200)
        self.letterList.setColumnWidth(2, 150)
        self.emptyLabel = QLabel(self)
        self.emptyLabel.setWordWrap(True)

        self.news = QPlainTextEdit(self)
        self.news.setObjectName("dueNews")
        self.news.setAccessibleName(self.tr("News for keep-in-touch notes"))
        self.news.setPlaceholderText(self.tr(
            "Keep-in-touch notes share something of interest: an article, an event, a change "
            "at your business. Write it here; it goes into every note of this batch."))
        self.news.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)

        self.companion = QComboBox(self)
        self.companion.setObjectName("dueCompanion")
        self.companion.setAccessibleName(self.tr("With the letters"))
        for key, (text, _envelope, _sheet) in COMPANIONS.items():
            self.companion.addItem(self.tr(text), key)
        # US Letter businesses use #10 envelopes; everyone else DL.
        if QLocale().territory() in (QLocale.Country.UnitedStates, QLocale.Country.Canada):
            self.companion.setCurrentIndex(1)

        self.preview = PdfPane(self)
        self.preview.setMinimumWidth(420)
        self.resultLabel = QLabel(self)
        self.resultLabel.setObjectName("dueResult")
        self.resultLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.resultLabel.setWordWrap(True)

        self.previewButton = QPushButton(self.tr("&Preview"), self)
        self.saveButton = QPushButton(self.tr("&Save…"), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.previewButton, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.saveButton, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.previewButton.clicked.connect(self.show_preview)
        self.saveButton.clicked.connect(self._save_clicked)

        def labelled(text: str, buddy: QWidget) -> QLabel:
            label = QLabel(text, self)
            label.setBuddy(buddy)
            return label

        dates = QHBoxLayout()
        dates.addWidget(labelled(self.tr("&From:"), self.fromDate))
        dates.addWidget(self.fromDate)
        dates.addWidget(labelled(self.tr("&To:"), self.toDate))
        dates.addWidget(self.toDate)
        dates.addStretch(1)
        form = QFormLayout()
        form.addRow(labelled(self.tr("&News for keep-in-touch notes:"), self.news))
        form.addRow(self.news)
        form.addRow(labelled(self.tr("&With the letters:"), self.companion), self.companion)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(dates)
        left_layout.addWidget(labelled(self.tr("&Letters due (untick to leave one out):"),
                                       self.letterList))
        left_layout.addWidget(self.letterList, 1)
        left_layout.addWidget(self.emptyLabel)
        left_layout.addLayout(form)
        left_layout.addWidget(self.resultLabel)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.refresh()

    @classmethod
    def run(cls, parent: QWidget | None, keep: KeepBatch) -> None:
        """Show the dialog; each batch saved is kept with `keep`."""
        dialog = cls(parent, keep=keep)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    @classmethod
    def ask_save_path(cls, parent: QWidget | None, suggested: Path) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(parent, cls.tr("Save the letters as PDF"),
                                              str(suggested), cls.tr("PDF documents (*.pdf)"))
        if not path:
            return None
        result = Path(path)
        return result if result.suffix.lower() == ".pdf" else result.with_suffix(".pdf")

    # --- public -----------------------------------------------------------------------------

    def set_range(self, start: date, end: date) -> None:
        self.fromDate.setDate(_qdate(start))
        self.toDate.setDate(_qdate(end))

    def set_companion(self, key: str) -> None:
        """Choose what goes with the letters: a key of COMPANIONS."""
        self.companion.setCurrentIndex(self.companion.findData(key))

    def refresh(self) -> None:
        """List the letters due in the chosen range (each ticked)."""
        self.batch = None
        self.letterList.clear()
        start, end = _pydate(self.fromDate.date()), _pydate(self.toDate.date())
        try:
            due = find_due(start, end)
        except GoodbyeError as exc:
            self.emptyLabel.setText(error_text(exc))
            due = []
        locale = QLocale()
        for letter in due:
            item = QTreeWidgetItem(self.letterList, [
                locale.toString(_qdate(letter.due_at.date()), QLocale.FormatType.ShortFormat),
                letter.client_name, label_for("letter", letter.kind),
                letter.description])
            item.setData(0, _LETTER_ROLE, letter)
            item.setCheckState(0, Qt.CheckState.Checked)
            item.setToolTip(1, plain_tooltip(letter.client_name))
        if due:
            self.emptyLabel.setText(self.tr("%1 letters due.").replace("%1", str(len(due)))
                                    if len(due) != 1 else self.tr("1 letter due."))
        elif start <= end:
            self.emptyLabel.setText(self._nothing_due_text(end))
        self._update_buttons()

    def _nothing_due_text(self, end: date) -> str:
        """No letter in the range, and when the next one falls due (so the owner can widen
        the range), or that none is waiting at all."""
        try:
            following = next_due_after(end)
        except GoodbyeError:
            following = None
        if following is None:
            return self.tr("No follow-up letters are due in this range, nor later.")
        return self.tr("No follow-up letters are due in this range. The next one is due on "
                       "%1.").replace("%1", QLocale().toString(_qdate(following),
                                                                QLocale.FormatType.LongFormat))

    def chosen(self) -> list[DueLetter]:
        return [self.letterList.topLevelItem(i).data(0, _LETTER_ROLE)
                for i in range(self.letterList.topLevelItemCount())
                if self.letterList.topLevelItem(i).checkState(0) == Qt.CheckState.Checked]

    def build(self) -> DueBatch | None:
        """Write the chosen letters (and their envelopes or labels); None with a message."""
        _title, envelope, labels = COMPANIONS[self.companion.currentData()]
        news = self.news.toPlainText().strip()
        try:
            batch = build_batch(self.chosen(), envelope_size=envelope, label_sheet=labels,
                                today=self.today, extras={"news": news} if news else None)
        except GoodbyeError as exc:
            self.resultLabel.setText(error_text(exc))
            return None
        self.batch = batch
        count = len(batch.written)
        lines = [self.tr("1 letter ready.") if count == 1
                 else self.tr("%1 letters ready.").replace("%1", str(count))]
        for letter, why in batch.skipped:
            lines.append(self.tr("Left out: %1 (%2): %3").replace("%1", letter.client_name)
                         .replace("%2", label_for("letter", letter.kind))
                         .replace("%3", error_text(why)))
        if any(letter.kind == "keep_in_touch" for letter, _ in batch.skipped):
            lines.append(self.tr("Write some news above and preview again to include the "
                                 "keep-in-touch notes."))
        self.resultLabel.setText("\n".join(lines))
        return batch

    def show_preview(self) -> None:
        batch = self.build()
        if batch is not None:
            self.preview.set_pdf(batch.letters_pdf)

    def save_to(self, path: Path) -> list[Path]:
        """Save the letters to `path` (and the envelopes or labels beside it); keep them all."""
        batch = self.build()
        if batch is None:
            return []
        path = Path(path)
        written = [path]
        try:
            safe_files.write_atomic(path, batch.letters_pdf)
            if batch.companion_pdf is not None:
                companion = unused_path(path.parent, f"{path.stem} - {batch.companion}")
                safe_files.write_atomic(companion, batch.companion_pdf)
                written.append(companion)
        except GoodbyeError as exc:
            alerts.error(self, error_text(exc))
            return []
        except OSError as exc:
            alerts.error(self, self.tr("The letters could not be saved: %1")
                         .replace("%1", exc.strerror or str(exc)))
            return []
        try:
            self._keep(batch)
        except GoodbyeError as exc:
            alerts.error(self, error_text(exc), title=self.tr("The letters were not logged"))
            return written
        self.resultLabel.setText(self.tr(
            "Saved %1. Each letter is kept on its client's timeline and its follow-up is "
            "marked done.").replace("%1", ", ".join(str(p) for p in written)))
        self.refresh_keep_result()
        return written

    def refresh_keep_result(self) -> None:
        """The saved letters are no longer due: list what is left, keep the message."""
        message = self.resultLabel.text()
        self.refresh()
        self.resultLabel.setText(message)

    # --- internals ----------------------------------------------------------------------------

    def _update_buttons(self) -> None:
        has_letters = self.letterList.topLevelItemCount() > 0
        self.previewButton.setEnabled(has_letters)
        self.saveButton.setEnabled(has_letters)

    def _save_clicked(self) -> None:
        start = _pydate(self.fromDate.date())
        suggested = Path.home() / f"Follow-up letters {start.isoformat()}.pdf"
        path = self.ask_save_path(self, suggested)
        if path is not None:
            self.save_to(path)
