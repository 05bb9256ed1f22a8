"""The year in review, previewed as it will print, then printed or saved as a PDF.

Shown by the Dashboard tab's "Year in review…" button once the report has been written
off the GUI thread. `save_to` and `print_to` do the work behind the buttons, so tests
drive them without the file and print dialogs.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from goodbye_desktop.errors import GoodbyeError
from goodbye_desktop.ui import alerts
from goodbye_desktop.ui.dialogs.document_preview import PdfPane, chosen_printer, paint_pages
from goodbye_desktop.ui.error_text import error_text


class ReportPreviewDialog(QDialog):
    """The year in review: Print…, Save as PDF…, Close."""

    def __init__(self, parent: QWidget | None, pdf: bytes, year: int) -> None:
        super().__init__(parent)
        self.setObjectName("yearReviewPreview")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.pdf, self.year = pdf, year
        self.setWindowTitle(self.tr("%1 in review").replace("%1", str(year)))
        screen = (parent.screen() if parent else None) or QGuiApplication.primaryScreen()
        room = screen.availableGeometry()
        self.resize(min(780, room.width() - 40), min(900, room.height() - 60))

        self.pane = PdfPane(self)
        self.pages = self.pane.set_pdf(pdf)
        self.status = QLabel(self)
        self.status.setObjectName("reportStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.print_button.setObjectName("printButton")
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.save_button = QPushButton(self.tr("&Save as PDF…"), self)
        self.save_button.setObjectName("saveButton")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        for button in (self.print_button, self.save_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.print_report)
        self.save_button.clicked.connect(self.save_report)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pane, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

    @classmethod
    def show_report(cls, parent: QWidget | None, pdf: bytes, year: int) -> ReportPreviewDialog:
        dialog = cls(parent, pdf, year)
        dialog.open()
        return dialog

    def save_report(self) -> None:
        suggested = Path.home() / self.tr("year-in-review-%1.pdf").replace("%1", str(self.year))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the year in review"),
                                              str(suggested), self.tr("PDF files (*.pdf)"))
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        from goodbye_desktop.correspondence.year_report import save_pdf

        try:
            save_pdf(path, self.pdf)
        except OSError as exc:
            alerts.error(self, self.tr("The report could not be saved to %1: %2")
                         .replace("%1", str(path)).replace("%2", exc.strerror or str(exc)))
            return False
        self.status.setText(self.tr("Saved to %1.").replace("%1", str(path)))
        return True

    def print_report(self) -> None:
        printer = chosen_printer(self, self.windowTitle())
        if printer is not None:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> bool:
        try:
            pages = paint_pages(self.pane.document, printer)
        except GoodbyeError as exc:
            alerts.error(self, error_text(exc))
            return False
        self.status.setText(self.tr("Sent to the printer (%1 pages).").replace("%1", str(pages)))
        return pages > 0
