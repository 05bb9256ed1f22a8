"""Start the desktop app: the QApplication, fonts, colours, the store and the main window.

`run(db_path)` is what `goodbye-desktop` with no command calls; `build_main_window`
is the same start-up without the event loop, for tests and benchmarks. Only what
the first screen needs is imported, so the window shows quickly even with
100,000 clients.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from goodbye_desktop import APP_ID, APP_NAME, __version__
from goodbye_desktop.errors import DatabaseError, GoodbyeError
from goodbye_desktop.ui.error_text import error_text

if TYPE_CHECKING:
    from goodbye_desktop.store.lock import StoreLock
    from goodbye_desktop.ui.main_window import MainWindow

EXIT_DATABASE_ERROR = 2
# For benchmarks/bench_startup.py: set to the starter's time.monotonic() at spawn, the
# window quits once it has first painted and prints, as JSON, how long that took.
QUIT_WHEN_SHOWN_ENV = "GOODBYE_DESKTOP_QUIT_WHEN_SHOWN"
_prepared = False


def prepare_application(app: QApplication) -> None:
    """Names, desktop id, fonts and colours: once per process."""
    global _prepared
    if _prepared:
        return
    from goodbye_desktop.ui import fonts, theme

    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    QGuiApplication.setApplicationDisplayName(APP_NAME)
    QGuiApplication.setDesktopFileName(APP_ID)
    theme.apply_theme(app)
    fonts.apply_app_font(app)
    _prepared = True


def application() -> QApplication:
    """The running QApplication, made (and prepared) if there is none yet."""
    from goodbye_desktop.ui.qtcompat import guard_singletons

    guard_singletons()
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    prepare_application(app)
    return app


def build_main_window(db_path: Path) -> MainWindow:
    """Open the store at `db_path` and build the main window (not shown yet).

    Raises the store's DatabaseError (SchemaTooNewError included) when the file cannot
    be used; `run` shows it in a dialog.
    """
    application()
    from goodbye_desktop.store.database import open_database

    # The day's backup is made once the window is up (ui.start_checks), not before it.
    open_database(db_path)
    # Departures whose end date has come while the app was closed.
    from goodbye_desktop.store import upkeep

    upkeep.apply_effective_dates()
    from goodbye_desktop.store import queries
    from goodbye_desktop.ui.locale_setup import apply_profile_locale

    # Without a system locale, dates and money follow the owner's profile, not Qt's "C".
    apply_profile_locale(queries.profile_locale())
    from goodbye_desktop.ui.main_window import MainWindow

    return MainWindow(Path(db_path))


def run(db_path: Path) -> int:
    """Show the main window on the database at `db_path`; the exit status."""
    app = application()
    from goodbye_desktop.ui import alerts, crash

    db_path = Path(db_path).expanduser().absolute()
    crash.install(db_path.parent)
    lock = single_instance_lock(db_path)
    if lock is None:
        collect_from_now_on()
        alerts.error(None, QCoreApplication.translate(
            "app", "Goodbye Desktop is already open with %1. Switch to that window, or "
            "close it first; two windows on one file could undo each other's work.")
            .replace("%1", str(db_path)),
            title=QCoreApplication.translate("app", "Already open"))
        return EXIT_DATABASE_ERROR
    try:
        window = build_main_window(db_path)
    except GoodbyeError as exc:
        collect_from_now_on()
        window = _offer_backup(db_path, exc)
        if window is None:
            title = (QCoreApplication.translate("app", "The database cannot be opened")
                     if isinstance(exc, DatabaseError)
                     else QCoreApplication.translate("app", "Goodbye Desktop cannot start"))
            alerts.error(None, error_text(exc), title=title)
            lock.release()
            return EXIT_DATABASE_ERROR
    from goodbye_desktop.ui.first_paint import after_first_paint, quit_when_painted
    from goodbye_desktop.ui.start_checks import StartChecksRunner

    # Each runs just after the first paint, the one installed last first; all are installed
    # before the window shows, so a platform that paints within show() is not missed.
    # The whole file's check and the day's backup, on a thread once the window is up.
    checks = StartChecksRunner(db_path)
    checks.finished.connect(window.show_start_checks)
    after_first_paint(window, checks.start)
    if os.environ.get(QUIT_WHEN_SHOWN_ENV):
        quit_when_painted(window, os.environ[QUIT_WHEN_SHOWN_ENV],
                          rows=window.client_list.model.rowCount)
    # The benchmark's report sees collection back on.
    after_first_paint(window, collect_from_now_on)
    window.show()
    try:
        status = app.exec()
    finally:
        collect_from_now_on()
        checks.stop_telling()
        checks.wait()
    from goodbye_desktop.store.database import close_database

    close_database()
    lock.release()
    return status


def collect_from_now_on() -> None:
    """Turn Python's garbage collection back on (the command line turns it off while the
    window starts), leaving what start-up made out of every later collection."""
    import gc

    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def _offer_backup(db_path: Path, exc: GoodbyeError) -> MainWindow | None:
    """For a damaged file with a good backup: offer to restore it; the window if done."""
    from goodbye_desktop.store import backup
    from goodbye_desktop.store.database import DamagedDatabaseError
    from goodbye_desktop.ui import alerts

    if not isinstance(exc, DamagedDatabaseError) or exc.newest_backup is None:
        return None
    if not alerts.question(None, QCoreApplication.translate(
            "app", "%1\n\nRestore the newest good backup now? The damaged file is kept in "
            "the backups folder.").replace("%1", error_text(exc)),
            title=QCoreApplication.translate("app", "The database is damaged"),
            yes=QCoreApplication.translate("app", "Restore the backup"),
            no=QCoreApplication.translate("app", "Quit")):
        return None
    try:
        backup.restore(exc.newest_backup, db_path)
        return build_main_window(db_path)
    except GoodbyeError as again:
        alerts.error(None, str(again))
        return None


def single_instance_lock(db_path: Path) -> StoreLock | None:
    """Hold `<database>.lock` while the window is open; None when another program holds it.

    The system releases the lock of a program that crashed, so none is ever stale. Where
    no lock can be made at all (a read-only folder, say), the app runs without one and
    opening the database says what is wrong.
    """
    from goodbye_desktop.safe_files import make_private_dir
    from goodbye_desktop.store.lock import StoreLock

    # Where the folder cannot be made, opening the database will say why.
    with contextlib.suppress(OSError):
        make_private_dir(db_path.parent)
    lock = StoreLock(db_path)
    try:
        return lock if lock.acquire() else None
    except OSError:
        return lock
