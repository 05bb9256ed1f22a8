"""The document preview: a letter shown as it will print, then printed, saved or emailed.

Nothing is written while the owner only looks. The first time the letter is printed,
saved or emailed it is handed to `keep`, the caller's store call
(`correspondence.produce.keep`), which keeps the exact PDF and logs it on the client's
timeline; the dialog itself writes PDF files, never the database. Should keeping fail,
the dialog says so and stays open, and the next Print, Save or Email tries again. A kept
document reopened later (`show_kept`) prints and saves the same bytes again without
logging a second letter.

Like every dialog of the app, it has classmethods that show it and return the result
(`show_for`, `show_kept`), and public methods that do the work behind each button
(`save_to`, `print_to`, `email_to`) so tests drive it without the file and print dialogs.

QtPdf renders pages onto a transparent image, so printing paints each page on white.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QRect,
    QSize,
    Qt,
    QUrl,
)
from PySide6.QtGui import QColor, QDesktopServices, QImage, QKeySequence, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from goodbye_desktop import safe_files
from goodbye_desktop.correspondence.produce import (
    ProducedDocument,
    produce,
    produce_for_draft,
    template_for,
)
from goodbye_desktop.errors import GoodbyeError
from goodbye_desktop.safe_files import safe_file_name
from goodbye_desktop.ui import alerts
from goodbye_desktop.ui.error_text import error_text
from goodbye_desktop.ui.screen_fit import fit_to_screen

# Printers report up to 1200 dpi; a page at that size is half a gigabyte of pixels, so
# pages are rendered and painted in bands of at most this many pixel rows.
_BAND_ROWS = 1024
_ROOM = " (999).pdf"  # what unused_path may add to a stem

# The caller's store call: keeps a letter and logs it on the timeline; returns its id.
KeepLetter = Callable[[ProducedDocument], int]


def safe_file_stem(text: str, fallback: str = "letter") -> str:
    """A file name any common file system accepts; letters of every script are kept,
    controls and bidi characters go, and room is left for a " (12).pdf" ending."""
    return safe_file_name(text, _ROOM, fallback=fallback)[:-len(_ROOM)]


def unused_path(folder: Path, stem: str, suffix: str = ".pdf") -> Path:
    """`folder/stem.pdf`, or `stem (2).pdf` and so on when that name is taken."""
    stem = safe_files.cut_to_bytes(stem, 255 - len(f" (999){suffix}".encode()))
    candidate = folder / f"{stem}{suffix}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem} ({number}){suffix}"
        number += 1
    return candidate


class PdfPane(QWidget):
    """A PDF shown from bytes, page after page, fitted to the width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        # A grey desk around white pages, so each sheet stands out as paper.
        self.view.setStyleSheet("QPdfView { background: #8a8f98; }")
        self.view.setPageSpacing(12)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def set_pdf(self, pdf: bytes) -> int:
        """Show `pdf`; return its page count (0 if it cannot be read)."""
        old = self._buffer
        buffer = QBuffer(self)
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        self._buffer = buffer
        if old is not None:
            old.close()
            old.deleteLater()
        return self.document.pageCount()

    def page_count(self) -> int:
        return self.document.pageCount()


def chosen_printer(parent: QWidget, doc_name: str, title: str | None = None) -> QPrinter | None:
    """Ask for a printer (the system's print dialog); the printer set up, or None."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(doc_name)
    dialog = QPrintDialog(printer, parent)
    if title:
        dialog.setWindowTitle(title)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    return printer if accepted else None


def paint_pages(document: QPdfDocument, printer: QPrinter) -> int:
    """Paint every page of `document` on white onto `printer`; return the pages printed."""
    pages = document.pageCount()
    if pages == 0:
        return 0
    painter = QPainter()
    if not painter.begin(printer):
        raise GoodbyeError(QCoreApplication.translate("DocumentPreviewDialog",
                                                      "The printer could not be started."))
    try:
        dpi = printer.resolution()
        for index in range(pages):
            if index:
                printer.newPage()
            points = document.pagePointSize(index)
            width = max(1, round(points.width() * dpi / 72))
            height = max(1, round(points.height() * dpi / 72))
            target = painter.viewport()
            # The page fills the printable area as it would at 100 %: same size, top left.
            scale = min(target.width() / width, target.height() / height, 1.0)
            for top in range(0, height, _BAND_ROWS):
                rows = min(_BAND_ROWS, height - top)
                options = QPdfDocumentRenderOptions()
                options.setScaledSize(QSize(width, height))
                options.setScaledClipRect(QRect(0, top, width, rows))
                band = document.render(index, QSize(width, rows), options)
                paper = QImage(band.size(), QImage.Format.Format_RGB32)
                paper.fill(QColor(Qt.GlobalColor.white))
                with_paper = QPainter(paper)
                with_paper.drawImage(0, 0, band)
                with_paper.end()
                painter.drawImage(QRect(0, round(top * scale), round(width * scale),
                                        round(rows * scale) + 1), paper)
    finally:
        painter.end()
    return pages


class DocumentPreviewDialog(QDialog):
    """A letter previewed before anything happens to it; Print, Save as PDF, Email."""

    # Replaced in tests that must not start a mail program (it is Qt's, not ours).
    open_url = staticmethod(QDesktopServices.openUrl)

    def __init__(
        self,
        parent: QWidget | None,
        produced: ProducedDocument,
        *,
        keep: KeepLetter | None = None,
        document_id: int | None = None,
    ) -> None:
        if keep is None and document_id is None:
            raise TypeError("a letter not kept yet needs `keep` to keep it")
        super().__init__(parent)
        self.setObjectName("documentPreview")
        self.produced = produced
        self._keep_letter = keep
        self.document_id = document_id  # set once the letter is kept
        self._already_kept = document_id is not None
        self.setWindowTitle(self.tr("Preview: %1").replace("%1", produced.title))
        fit_to_screen(self, 780, 900)

        self.pane = PdfPane(self)
        pages = self.pane.set_pdf(produced.pdf)
        self.pageCountLabel = QLabel(self)
        self.pageCountLabel.setObjectName("pageCountLabel")
        self.pageCountLabel.setText(self.tr("1 page") if pages == 1
                                    else self.tr("%1 pages").replace("%1", str(pages)))
        self.statusLabel = QLabel(self)
        self.statusLabel.setObjectName("keptLabel")
        self.statusLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.statusLabel.setWordWrap(True)
        self.notesLabel = QLabel(self)
        self.notesLabel.setObjectName("preflightNotes")
        self.notesLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.notesLabel.setWordWrap(True)
        self.notesLabel.setStyleSheet("color: #b26a00;")
        self.notesLabel.setText("\n".join(f"⚠ {note}" for note in produced.notes))
        self.notesLabel.setVisible(bool(produced.notes))
        who = QLabel(self)
        who.setTextFormat(Qt.TextFormat.PlainText)
        who.setText(produced.client_name)
        who.setStyleSheet("font-weight: bold;")

        self.printButton = QPushButton(self.tr("&Print…"), self)
        self.printButton.setObjectName("printButton")
        self.printButton.setShortcut(QKeySequence.StandardKey.Print)
        self.saveButton = QPushButton(self.tr("&Save as PDF…"), self)
        self.saveButton.setObjectName("saveButton")
        self.emailButton = QPushButton(self.tr("&Email…"), self)
        self.emailButton.setObjectName("emailButton")
        self.emailButton.setToolTip(self.tr(
            "Save the PDF beside your database and open a draft in your mail program, "
            "ready for you to attach it."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        for button in (self.printButton, self.saveButton, self.emailButton):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.printButton.clicked.connect(self.print_document)
        self.saveButton.clicked.connect(self.save_document)
        self.emailButton.clicked.connect(self.email_document)

        head = QHBoxLayout()
        head.addWidget(who, 1)
        head.addWidget(self.pageCountLabel)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.notesLabel)
        layout.addWidget(self.pane, 1)
        layout.addWidget(self.statusLabel)
        layout.addWidget(buttons)
        self._show_status()

    # --- classmethods that show it ----------------------------------------------------------

    @classmethod
    def show_for(cls, parent: QWidget | None, kind: str, client_id: int,
                 departure_id: int | None = None, *, keep: KeepLetter) -> bool:
        """Produce a letter, preview it; True when it was printed, saved or emailed, and
        kept with `keep`."""
        return cls._show_produced(parent, cls.produce_asking(parent, kind, client_id,
                                                             departure_id), keep)

    @classmethod
    def show_kept(cls, parent: QWidget | None, document_id: int) -> None:
        """Reopen a kept document exactly as it was sent (to look at, reprint or save)."""
        from goodbye_desktop.store.documents import get_document, get_document_pdf
        from goodbye_desktop.store.records import get_client

        try:
            row = get_document(document_id)
            pdf = get_document_pdf(document_id)
            client = get_client(row.client_id)
        except GoodbyeError as exc:
            alerts.error(parent, error_text(exc))
            return
        produced = ProducedDocument(pdf=pdf, title=row.title, kind=row.kind,
                                    client_id=row.client_id, departure_id=row.departure_id,
                                    client_name=client["name"])
        dialog = cls(parent, produced, document_id=document_id)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    @classmethod
    def show_for_draft(cls, parent: QWidget | None, kind: str, draft: Any, *,
                       keep: KeepLetter) -> bool:
        """Preview a letter from the departure wizard's unsaved draft; True when kept
        (with `keep`)."""
        return cls._show_produced(parent, cls.produce_asking(parent, kind, draft.client_id,
                                                             draft=draft), keep)

    @classmethod
    def _show_produced(cls, parent: QWidget | None, produced: ProducedDocument | None,
                       keep: KeepLetter) -> bool:
        if produced is None:
            return False
        dialog = cls(parent, produced, keep=keep)
        try:
            dialog.exec()
            return dialog.document_id is not None
        finally:
            dialog.deleteLater()

    @classmethod
    def produce_asking(cls, parent: QWidget | None, kind: str, client_id: int,
                       departure_id: int | None = None, *,
                       draft: Any = None) -> ProducedDocument | None:
        """Produce a letter after two checks, asking the owner where needed.

        1. The fit (core.letter_fit): a kind that speaks of a departure is refused for a
           client without one, with the way to start one; a kind that does not suit the
           departure (a farewell to a client you let go, any goodbye to a client who came
           back) asks whether to write the better one instead.
        2. The pre-flight (correspondence.preflight): facts the records do not hold are
           asked for in one form (LetterFactsDialog); facts only the records hold (an end
           date) are explained. Warnings (no postal address, characters no font prints)
           go with the preview.
        With `draft` (the departure wizard's), its facts are used instead of the records'.
        """
        try:
            chosen = cls.fitting_kind(parent, kind, client_id, departure_id, draft)
        except GoodbyeError as exc:
            alerts.error(parent, error_text(exc), title=cls.tr("The letter cannot be written"))
            return None
        if chosen is None:
            return None
        kind = chosen
        extras: dict[str, str] = {}
        try:
            while True:
                problems = cls.preflight(kind, client_id, departure_id, draft, extras)
                blocking = [p for p in problems if p.blocking]
                if not blocking:
                    break
                if any(not p.extra for p in blocking):
                    alerts.error(parent, "\n".join(error_text(p) for p in blocking),
                                 title=cls.tr("The letter cannot be written yet"))
                    return None
                given = cls.ask_facts(parent, blocking)
                if not given:
                    return None
                extras.update(given)
            if draft is not None:
                produced = produce_for_draft(kind, draft, extras=extras)
            else:
                produced = produce(kind, client_id, departure_id=departure_id, extras=extras)
        except GoodbyeError as exc:
            alerts.error(parent, error_text(exc), title=cls.tr("The letter cannot be written"))
            return None
        notes = tuple(error_text(p) for p in problems if not p.blocking)
        return replace(produced, notes=notes) if notes else produced

    @classmethod
    def situation(cls, client_id: int, departure_id: int | None, draft: Any):
        """The situation a letter is written into: the draft's, or the records'."""
        from goodbye_desktop import clock
        from goodbye_desktop.core.letter_fit import Situation
        from goodbye_desktop.correspondence.fit import situation_for

        if draft is not None:
            return Situation(has_departure=True, ended_by=draft.ended_by, state="draft",
                             end_date=draft.effective_on, today=clock.today())
        return situation_for(client_id, departure_id)

    @classmethod
    def fitting_kind(cls, parent: QWidget | None, kind: str, client_id: int,
                     departure_id: int | None = None, draft: Any = None) -> str | None:
        """The kind to write: `kind`, or the better one the owner chose; None to stop."""
        from goodbye_desktop.core.letter_fit import fit
        from goodbye_desktop.store.records import get_client
        from goodbye_desktop.ui.departure.common import label_for
        from goodbye_desktop.ui.letter_fit_words import (
            fit_question,
            is_needs_departure,
            needs_departure,
        )

        result = fit(kind, cls.situation(client_id, departure_id, draft))
        if result.fits:
            return kind
        name = get_client(client_id)["name"]
        if is_needs_departure(result):
            alerts.info(parent, needs_departure(name),
                        title=cls.tr("This letter needs a departure"))
            return None
        choices = [cls.tr("Write “%1” anyway").replace("%1", label_for("letter", kind))]
        if result.better:
            choices.insert(0, cls.tr("Write “%1”").replace("%1",
                                                            label_for("letter", result.better)))
        answer = alerts.choose(parent, fit_question(result, name), choices,
                               title=cls.tr("Does this letter suit %1?").replace("%1", name))
        if answer is None:
            return None
        return result.better if answer == 0 and result.better else kind

    @classmethod
    def preflight(cls, kind: str, client_id: int, departure_id: int | None, draft: Any,
                  extras: dict[str, str]) -> list:
        """The pre-flight's problems for this letter with the facts given so far."""
        from goodbye_desktop.correspondence import preflight
        from goodbye_desktop.correspondence.produce import inputs_for, inputs_for_draft

        if draft is not None:
            inputs = inputs_for_draft(draft, extras=extras)
        else:
            inputs = inputs_for(kind, client_id, departure_id=departure_id, extras=extras)
        return preflight.check(kind, inputs, template_for(kind))

    @classmethod
    def ask_facts(cls, parent: QWidget | None, problems: list) -> dict[str, str] | None:
        """Ask for the missing facts in one form; None when cancelled."""
        from goodbye_desktop.ui.dialogs.letter_facts import LetterFactsDialog

        return LetterFactsDialog.ask(parent, problems)

    @classmethod
    def ask_save_path(cls, parent: QWidget | None, suggested: Path) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(parent, cls.tr("Save the letter as PDF"),
                                              str(suggested), cls.tr("PDF documents (*.pdf)"))
        if not path:
            return None
        result = Path(path)
        return result if result.suffix.lower() == ".pdf" else result.with_suffix(".pdf")

    # --- what the buttons do ----------------------------------------------------------------

    def suggested_name(self) -> str:
        return safe_file_stem(f"{self.produced.client_name} - {self.produced.title}")

    def save_document(self) -> None:
        folder = Path.home()
        path = self.ask_save_path(self, folder / f"{self.suggested_name()}.pdf")
        if path is not None:
            self.save_to(path)

    def save_to(self, path: Path) -> bool:
        """Write the PDF to `path` and keep the letter; False (and a message) on failure."""
        try:
            safe_files.write_atomic(path, self.produced.pdf)
        except GoodbyeError as exc:
            alerts.error(self, error_text(exc))
            return False
        except OSError as exc:
            alerts.error(self, self.tr("The letter could not be saved to %1: %2")
                         .replace("%1", str(path)).replace("%2", exc.strerror or str(exc)))
            return False
        return self._keep(self.tr("Saved to %1.").replace("%1", str(path)))

    def print_document(self) -> None:
        printer = chosen_printer(self, self.produced.title, self.tr("Print the letter"))
        if printer is not None:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> bool:
        """Print every page on `printer` at its resolution, then keep the letter."""
        try:
            pages = paint_pages(self.pane.document, printer)
        except GoodbyeError as exc:
            alerts.error(self, error_text(exc))
            return False
        if pages == 0:
            alerts.error(self, self.tr("The letter has no pages to print."))
            return False
        return self._keep(self.tr("Sent to the printer."))

    def mailto_url(self, attachment: Path) -> QUrl:
        """A draft for the primary contact with the subject; mailto cannot attach files,
        so the body says where the PDF is."""
        def encoded(text: str, keep: bytes = b"") -> str:
            return bytes(QUrl.toPercentEncoding(text, keep)).decode("ascii")

        subject = self.produced.subject or self.produced.title
        body = self.tr(
            "Please find the letter attached.\n\n"
            "[Before sending: attach the PDF saved at %1]").replace("%1", str(attachment))
        # Built by hand: QUrlQuery would leave an "&" in a subject to split the query.
        text = (f"mailto:{encoded(self.produced.contact_email, b'@')}"
                f"?subject={encoded(subject)}&body={encoded(body)}")
        url = QUrl.fromEncoded(text.encode("ascii"))
        return url

    def email_document(self) -> None:
        from goodbye_desktop.store.documents import documents_folder

        self.email_to(documents_folder())

    def email_to(self, folder: Path) -> Path | None:
        """Save the PDF into `folder`, keep the letter, open the mail draft and the folder."""
        try:
            safe_files.make_private_dir(folder)
        except OSError as exc:
            alerts.error(self, self.tr("The folder %1 could not be created: %2")
                         .replace("%1", str(folder)).replace("%2", exc.strerror or str(exc)))
            return None
        path = unused_path(folder, self.suggested_name())
        if not self.save_to(path):
            return None
        self.statusLabel.setText(self.tr(
            "Saved to %1. Your mail program opens with a draft: attach this file before "
            "sending.").replace("%1", str(path)))
        self.open_url(self.mailto_url(path))
        self.open_url(QUrl.fromLocalFile(str(folder)))
        return path

    def _keep(self, done: str) -> bool:
        if self.document_id is None:
            try:
                self.document_id = self._keep_letter(self.produced)
            except GoodbyeError as exc:
                alerts.error(self, error_text(exc), title=self.tr("The letter was not logged"))
                return False
        self._show_status(done)
        return True

    def _show_status(self, done: str = "") -> None:
        if self._already_kept:
            note = self.tr("This is the letter exactly as it was sent.")
        elif self.document_id is not None:
            note = self.tr("Kept and logged on the client's timeline.")
        else:
            note = self.tr("Nothing is kept until you print, save or email the letter.")
        self.statusLabel.setText(f"{done} {note}".strip())
