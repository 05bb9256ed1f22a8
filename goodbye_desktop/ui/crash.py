"""When the program itself fails: the details go to a log file, the owner gets a calm word.

A user's own mistakes are `GoodbyeError`s, shown where they happen. Anything else that
escapes to Qt's event loop is our bug: `install(log_folder)` routes it here, writes the
traceback to `crash.log` beside the database (newest last) and says, in a dialog, that
the data is safe and where the details are. The program carries on where it can.
"""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication

from goodbye_desktop import __version__, clock, safe_files
from goodbye_desktop.errors import GoodbyeError
from goodbye_desktop.ui import alerts

LOG_NAME = "crash.log"
_MAX_LOG_BYTES = 1_000_000


def _tr(text: str) -> str:
    return QCoreApplication.translate("crash", text)


def write_report(folder: Path, kind: type[BaseException], value: BaseException,
                 tb: TracebackType | None) -> Path:
    """Append the traceback to the crash log (trimmed when it grows large); its path."""
    path = folder / LOG_NAME
    text = "".join(traceback.format_exception(kind, value, tb))
    entry = (f"--- {clock.local_now().isoformat()} Goodbye Desktop "
             f"{__version__}, Python {sys.version.split()[0]}\n{text}\n")
    # Owner-only: a traceback can quote a client's name.
    safe_files.make_private_dir(folder)
    if path.exists() and path.stat().st_size > _MAX_LOG_BYTES:
        safe_files.write_atomic(path, path.read_text(encoding="utf-8")[-_MAX_LOG_BYTES // 2:])
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, safe_files.FILE_MODE)
    safe_files.chmod_private(path)
    with os.fdopen(fd, "a", encoding="utf-8") as log:
        log.write(entry)
    return path


def handle(folder: Path, kind: type[BaseException], value: BaseException,
           tb: TracebackType | None) -> None:
    """Show a user's error as it is; log our bug and say so kindly."""
    if isinstance(value, GoodbyeError):
        alerts.error(None, str(value))
        return
    try:
        path = write_report(folder, kind, value, tb)
        where = _tr("The details are saved in %1.").replace("%1", str(path))
    except OSError:
        where = _tr("The details could not be saved.")
    alerts.error(None, _tr(
        "Goodbye Desktop ran into a problem of its own: this is a bug in the program, not "
        "something you did. Your records are safe: every change is saved whole or not at "
        "all.") + "\n\n" + where, title=_tr("Sorry, something went wrong"),
        details=f"{kind.__name__}: {value}")


def install(folder: Path) -> None:
    """Route uncaught exceptions to `handle`, with the log in `folder`."""
    sys.excepthook = lambda kind, value, tb: handle(folder, kind, value, tb)
