"""The checks after the window opens (store.start_checks) run on a thread; here they are
started, and what they found is told to the owner.

A sound file and a backup made: a line in the status bar. A backup that failed: a line
too (the next start tries again). Damage found by the whole-file check: a dialog that
says so and offers the newest good backup, since every later change would be made to a
damaged file.
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from goodbye_desktop.ui import alerts

if TYPE_CHECKING:
    from goodbye_desktop.store.start_checks import StartChecks
    from goodbye_desktop.ui.main_window import MainWindow


class StartChecksRunner(QObject):
    """Runs `store.start_checks.run_start_checks` on a thread; `finished` carries the result
    (a StartChecks) to the GUI thread.

    Made without a parent: the thread holds it for as long as it runs, so it outlives a
    window closed meanwhile (`stop_telling` first cuts it off from the window).
    """

    finished = Signal(object)

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db_path = Path(db_path)
        self._thread: threading.Thread | None = None
        self._backing_up = False

    def start(self) -> None:
        """Start the checks (once). Whether a backup is due is decided here, so `wait` knows."""
        if self._thread is not None:
            return
        from goodbye_desktop.store.start_checks import backup_due

        self._backing_up = backup_due(self._db_path)
        self._thread = threading.Thread(target=self._work, name="start-checks", daemon=True)
        self._thread.start()

    def stop_telling(self) -> None:
        """Tell no one any more (the window is closing): the result goes nowhere."""
        with contextlib.suppress(RuntimeError, TypeError):
            self.finished.disconnect()

    def wait(self) -> None:
        """Until a backup under way is finished: it is never cut short by closing the
        window. A check alone is not waited for (it only reads; the next start checks)."""
        if self._thread is not None and self._backing_up:
            self._thread.join()

    def _work(self) -> None:
        from goodbye_desktop.store.start_checks import StartChecks, run_start_checks

        try:
            result = run_start_checks(self._db_path, back_up=self._backing_up)
        except Exception as exc:  # noqa: BLE001 - told in the status bar, never a crash
            if not self._backing_up:
                return  # only the check ran: the next start checks again
            result = StartChecks([], backup_failed=str(exc))
        # Emitted from this thread: Qt queues it to the window's thread. A window already
        # closed and gone has no one to tell.
        with contextlib.suppress(RuntimeError):
            self.finished.emit(result)


def tell(window: MainWindow, result: StartChecks, *, timeout_ms: int = 10_000) -> None:
    """Say what the checks after opening found: the status bar, or a dialog for damage."""
    tr = window.tr
    if result.problems:
        from goodbye_desktop.store.backup import newest_good_backup

        newest = newest_good_backup(window.db_path)
        text = tr("SQLite's check of %1 found damage: %2\n\nChanges made now may be lost. "
                  "Restore the newest good backup, or copy the file somewhere safe and "
                  "run “goodbye-desktop check” on it.").replace(
            "%1", str(window.db_path)).replace("%2", result.problems[0])
        title = tr("The database is damaged")
        if newest is None:
            alerts.error(window, text, title=title)
        elif alerts.question(window, text + "\n\n" + tr("The newest good backup is %1.")
                             .replace("%1", newest.name), title=title,
                             yes=tr("Restore the backup"), no=tr("Not now")):
            window.data.restore(chosen=newest)
    elif result.backup_failed:
        window.statusBar().showMessage(
            tr("Today's backup could not be made (%1); the next start tries again.")
            .replace("%1", result.backup_failed), timeout_ms)
    elif result.backed_up is not None:
        window.statusBar().showMessage(
            tr("Today's backup is saved: %1.").replace("%1", result.backed_up.name),
            timeout_ms)
