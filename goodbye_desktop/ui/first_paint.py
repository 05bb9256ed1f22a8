"""Quit once a window has first painted, saying how long that took (for benchmarks).

`benchmarks/bench_startup.py` starts the real `goodbye-desktop` command, and a bare
QMainWindow the same way, with $GOODBYE_DESKTOP_QUIT_WHEN_SHOWN set to its own
`time.monotonic()` at the moment it spawned the process. On Linux that clock is shared
by every process, so the difference is the time from process start to a painted window.
Nothing here runs unless that variable is set.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstPaint(QObject):
    """Waits for the window's first paint, then for that paint to finish, then quits."""

    def __init__(self, window: QWidget, started: float | None,
                 rows: Callable[[], int] | None) -> None:
        super().__init__(window)
        self._window, self._started, self._rows = window, started, rows
        self._seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._seen and watched is self._window and event.type() == QEvent.Type.Paint:
            self._seen = True
            # A zero timer runs once the whole paint (every child widget) is done.
            QTimer.singleShot(0, self._done)
        return False

    def _done(self) -> None:
        shown = time.monotonic()
        report = {"shown_s": None if self._started is None else shown - self._started,
                  "rows": self._rows() if self._rows is not None else 0}
        print(json.dumps(report), flush=True, file=sys.stdout)
        QCoreApplication.quit()


def quit_when_painted(window: QWidget, started: str,
                      rows: Callable[[], int] | None = None) -> None:
    """Quit the event loop after `window`'s first paint, printing the time since `started`.

    `started` is a `time.monotonic()` value as text; anything else prints no time.
    """
    try:
        since: float | None = float(started)
    except ValueError:
        since = None
    watcher = _FirstPaint(window, since, rows)
    window.installEventFilter(watcher)
