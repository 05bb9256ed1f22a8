"""The window's data-safety actions: back up, restore, export, import, delete for good.

`DataActions(window)` makes the actions and their slots; the main window puts them in
its File and Client menus. Long work (reading and checking a big file, writing an
import) runs on a worker thread with a progress dialog that can cancel it; everything
is saved through the store, which backs the database up before an import, a restore
and a real delete.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QProgressDialog, QWidget

from goodbye_desktop.errors import GoodbyeError
from goodbye_desktop.ui import alerts, icons
from goodbye_desktop.ui.error_text import error_text


class Job(QThread):
    """A function run off the GUI thread; `result` or `error` once it has finished."""

    progressed = Signal(int, int)

    def __init__(self, work: Callable[..., Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.work = work
        self.result: Any = None
        self.error: BaseException | None = None
        self.stop = threading.Event()

    def run(self) -> None:
        try:
            self.result = self.work(self.report, self.stop.is_set)
        except BaseException as exc:  # handed to the GUI thread, which words it
            self.error = exc

    def report(self, done: int, total: int) -> None:
        self.progressed.emit(done, total)

    def cancel(self) -> None:
        self.stop.set()


_jobs_running = 0


def job_running() -> bool:
    """True while a `run_with_progress` job (an import, say) is at work."""
    return _jobs_running > 0


def run_with_progress(parent: QWidget, label: str, work: Callable[..., Any]) -> Any:
    """Run `work(progress, cancelled)` on a thread behind a cancellable progress dialog;
    its result, or its exception raised here."""
    global _jobs_running
    _jobs_running += 1
    try:
        return _run_with_progress(parent, label, work)
    finally:
        _jobs_running -= 1


def _run_with_progress(parent: QWidget, label: str, work: Callable[..., Any]) -> Any:
    dialog = QProgressDialog(label, QProgressDialog.tr("Cancel"), 0, 0, parent)
    dialog.setObjectName("progressDialog")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    job = Job(work, parent)
    loop = QEventLoop()
    job.finished.connect(loop.quit)
    job.progressed.connect(_Progress(dialog).update)
    dialog.canceled.connect(job.cancel)
    job.start()
    loop.exec()
    job.wait()
    dialog.close()
    dialog.deleteLater()
    job.deleteLater()
    if job.error is not None:
        raise job.error
    return job.result


class _Progress(QObject):
    def __init__(self, dialog: QProgressDialog) -> None:
        super().__init__(dialog)
        self.dialog = dialog

    def update(self, done: int, total: int) -> None:
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, total))


class DataActions(QObject):
    """The actions of the File and Client menus that keep the owner's data safe."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        tr = self.tr
        self.backup_action = self._action(tr("&Back up now"), self.backup_now,
                                          "backupNowAction",
                                          tr("Back up the database into its backups folder"))
        self.backup_to_action = self._action(tr("Back up &to…"), self.backup_to,
                                             "backupToAction",
                                             tr("Back up the database to a place you choose, "
                                                "such as a USB stick"))
        self.restore_action = self._action(tr("&Restore from a backup…"), self.restore,
                                           "restoreBackupAction",
                                           tr("Go back to one of the backups"))
        self.export_csv_action = self._action(tr("&Export as CSV files…"), self.export_csv,
                                              "exportCsvAction",
                                              tr("Every record as CSV files in a folder"))
        self.export_vcard_action = self._action(tr("Export contacts as &vCard…"),
                                                self.export_vcard, "exportVcardAction",
                                                tr("Your contacts for an address book"))
        self.import_action = self._action(tr("&Import CSV or vCard…"), self.import_file,
                                          "importAction",
                                          tr("Clients, contacts, interactions, revenue or "
                                             "proposals from a file"))
        self.delete_action = self._action(tr("De&lete client for good…"), self.delete_client,
                                          "deleteClientAction",
                                          tr("Delete the selected client and all its records, "
                                             "after a backup"))

    # Freedesktop icon names; the shipped set stands in where the theme has none.
    ICONS = {
        "backupNowAction": "document-save", "backupToAction": "document-save-as",
        "restoreBackupAction": "document-revert", "exportCsvAction": "document-export",
        "exportVcardAction": "x-office-address-book", "importAction": "document-import",
        "deleteClientAction": "edit-delete",
    }

    def _action(self, text: str, slot: Callable[[], Any], name: str, tip: str) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        if name in self.ICONS:
            action.setIcon(icons.icon(self.ICONS[name]))
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.triggered.connect(slot)
        return action

    def file_actions(self) -> list[QAction | None]:
        """For the File menu, None where a separator goes."""
        return [self.import_action, self.export_csv_action, self.export_vcard_action, None,
                self.backup_action, self.backup_to_action, self.restore_action]

    # --- backups ------------------------------------------------------------------------

    def backup_now(self, *_args: object, dest: Path | None = None) -> Path | None:
        from goodbye_desktop.store.backup import make_backup

        try:
            made = make_backup("manual", dest)
        except GoodbyeError as exc:
            alerts.error(self.window, error_text(exc))
            return None
        alerts.info(self.window, self.tr("Backed up to %1.").replace("%1", str(made)),
                    title=self.tr("Backed up"))
        return made

    def backup_to(self, *_args: object) -> Path | None:
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Back up to"))
        return self.backup_now(dest=Path(folder)) if folder else None

    def restore(self, *_args: object, chosen: Path | None = None) -> bool:
        from goodbye_desktop.store.backup import restore_open_store
        from goodbye_desktop.ui.dialogs.backups import RestoreDialog

        chosen = chosen or RestoreDialog.choose(self.window, self.window.db_path)
        if chosen is None:
            return False
        try:
            kept = restore_open_store(chosen)
        except GoodbyeError as exc:
            alerts.error(self.window, error_text(exc))
            return False
        self._records_changed()
        alerts.info(self.window, self.tr("Restored from %1. The file it replaced is kept as "
                                         "%2.").replace("%1", str(chosen))
                    .replace("%2", str(kept)), title=self.tr("Restored"))
        return True

    # --- export -------------------------------------------------------------------------

    def export_csv(self, *_args: object, folder: Path | None = None) -> bool:
        from goodbye_desktop.exchange.csv_export import export_csv

        if folder is None:
            chosen = QFileDialog.getExistingDirectory(self.window,
                                                      self.tr("Export CSV files into"))
            if not chosen:
                return False
            folder = Path(chosen)
        try:
            summary = export_csv(folder)
        except GoodbyeError as exc:
            alerts.error(self.window, error_text(exc))
            return False
        alerts.info(self.window, self.tr("Exported %1 files and %2 letters into %3.")
                    .replace("%1", str(len(summary.counts)))
                    .replace("%2", str(summary.letters)).replace("%3", str(folder)),
                    title=self.tr("Exported"))
        return True

    def export_vcard(self, *_args: object, path: Path | None = None) -> bool:
        from goodbye_desktop.exchange.vcard import export_vcard

        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self.window, self.tr("Export contacts as vCard"),
                str(Path.home() / "contacts.vcf"), self.tr("vCard files (*.vcf)"))
            if not chosen:
                return False
            path = Path(chosen)
        try:
            count = export_vcard(path)
        except GoodbyeError as exc:
            alerts.error(self.window, error_text(exc))
            return False
        alerts.info(self.window, self.tr("Wrote %1 contacts to %2.")
                    .replace("%1", str(count)).replace("%2", str(path)),
                    title=self.tr("Exported"))
        return True

    # --- import -------------------------------------------------------------------------

    def import_file(self, *_args: object, path: Path | None = None,
                    kind: str | None = None) -> bool:
        from goodbye_desktop.exchange import columns

        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self.window, self.tr("Import"), str(Path.home()),
                self.tr("CSV and vCard files (*.csv *.tsv *.txt *.vcf);;All files (*)"))
            if not chosen:
                return False
            path = Path(chosen)
        if kind is None:
            labels = {"clients": self.tr("Clients"), "contacts": self.tr("Contacts"),
                      "interactions": self.tr("Interactions"), "revenue": self.tr("Revenue"),
                      "proposals": self.tr("Proposals")}
            label, ok = QInputDialog.getItem(self.window, self.tr("Import"),
                                             self.tr("What does the file hold?"),
                                             [labels[k] for k in columns.IMPORT_KINDS], 0,
                                             False)
            if not ok:
                return False
            kind = next(k for k, v in labels.items() if v == label)
        return self._import(path, kind)

    def _import(self, path: Path, kind: str) -> bool:
        from goodbye_desktop.exchange.importer import apply
        from goodbye_desktop.store.backup import make_backup
        from goodbye_desktop.store.records import get_profile
        from goodbye_desktop.ui.dialogs.import_preview import ImportPreviewDialog

        locale = get_profile().get("locale") or "en_GB"
        mapping: dict[str, str] | None = None
        try:
            while True:
                prepared = run_with_progress(self.window, self.tr("Reading %1…")
                                             .replace("%1", path.name),
                                             _Reader(path, kind, mapping, locale).run)
                choice = ImportPreviewDialog.ask(self.window, prepared)
                if choice is None:
                    return False
                if choice.remap is None:
                    break
                mapping = choice.remap
            make_backup("before-import")
            result = run_with_progress(self.window, self.tr("Importing %1…")
                                       .replace("%1", path.name),
                                       _Writer(prepared, choice.on_match, apply).run)
        except GoodbyeError as exc:
            alerts.error(self.window, error_text(exc), title=self.tr("Nothing was imported"))
            return False
        self._records_changed()
        alerts.info(self.window, result.describe(), title=self.tr("Imported"))
        return True

    # --- delete -------------------------------------------------------------------------

    def delete_client(self, *_args: object) -> bool:
        from goodbye_desktop.store.deleting import delete_client, what_goes_with

        client_id = self.window.current_client_id()
        if client_id is None:
            return False
        try:
            going = what_goes_with(client_id)
            if not alerts.question(self.window, self.tr(
                    "%1\n\nArchiving hides a client and keeps everything; this cannot be "
                    "undone except by restoring the backup made just before.")
                    .replace("%1", going.describe()), title=self.tr("Delete for good?"),
                    yes=self.tr("Delete for good"), no=self.tr("Keep")):
                return False
            backup = delete_client(client_id)
        except GoodbyeError as exc:
            alerts.error(self.window, error_text(exc))
            return False
        self._records_changed()
        alerts.info(self.window, self.tr("Deleted. The backup made just before is %1.")
                    .replace("%1", str(backup)), title=self.tr("Deleted"))
        return True

    def _records_changed(self) -> None:
        self.window.refresh_clients()
        self.window.client_detail.show_client(self.window.current_client_id())


class _Reader:
    """Read and check a file on the worker thread (its own connection)."""

    def __init__(self, path: Path, kind: str, mapping: dict[str, str] | None,
                 locale: str) -> None:
        self.path, self.kind, self.mapping, self.locale = path, kind, mapping, locale

    def run(self, progress: Callable[[int, int], None], cancelled: Callable[[], bool]):
        from goodbye_desktop.exchange.csv_read import read_file
        from goodbye_desktop.exchange.importer import prepare

        imported = read_file(self.path, self.kind, self.mapping)
        return prepare(imported, locale=self.locale, own_connection=True)


class _Writer:
    """Write a checked import on the worker thread, reporting progress, cancellable."""

    def __init__(self, prepared, on_match: str | None, apply) -> None:
        self.prepared, self.on_match, self.apply = prepared, on_match, apply

    def run(self, progress: Callable[[int, int], None], cancelled: Callable[[], bool]):
        return self.apply(self.prepared, on_match=self.on_match, progress=progress,
                          cancelled=cancelled, own_connection=True)
