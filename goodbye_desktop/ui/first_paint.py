"""Run something just after a widget has first painted; and the start-up benchmark's hook.

`after_first_paint(widget, callback)` lets the window show first and do what can wait
a moment afterwards (the client list reads its warning signs so, once its rows are on
the screen).

`quit_when_painted` serves `benchmarks/bench_startup.py`, which starts the real
`goodbye-desktop` command, and a bare QMainWindow the same way, with
$GOODBYE_DESKTOP_QUIT_WHEN_SHOWN set to its own `time.monotonic()` at the moment it
spawned the process. On Linux that clock is shared by every process, so the difference
is the time from process start to a painted window. Nothing of it runs unless that
variable is set.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstPaint(QObject):
    """Waits for a widget's first paint, then for that paint to finish, then calls back."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget, self._callback = widget, callback
        self._seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._seen and watched is self._widget and event.type() == QEvent.Type.Paint:
            self._seen = True
            # A zero timer runs once the whole paint (every child widget) is done.
            QTimer.singleShot(0, self, self._done)
        return False

    def _done(self) -> None:
        self._widget.removeEventFilter(self)
        self.deleteLater()
        self._callback()


def after_first_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """Call `callback` once, as soon as `widget` has finished its first paint."""
    widget.installEventFilter(_FirstPaint(widget, callback))


def quit_when_painted(window: QWidget, started: str,
                      rows: Callable[[], int] | None = None) -> None:
    """Quit the event loop after `window`'s first paint, printing the time since `started`.

    `started` is a `time.monotonic()` value as text; anything else prints no time. One
    line of JSON: {"shown_s": seconds or null, "rows": rows(), "modules": [loaded names],
    "collecting": whether Python's garbage collection is on}.
    """
    import gc
    import json
    import sys
    import time

    try:
        since: float | None = float(started)
    except ValueError:
        since = None

    def report() -> None:
        shown = time.monotonic()
        # The modules loaded by then: tests keep the start path free of the heavy ones.
        print(json.dumps({"shown_s": None if since is None else shown - since,
                          "rows": rows() if rows is not None else 0,
                          "modules": sorted(sys.modules), "collecting": gc.isenabled()}),
              flush=True, file=sys.stdout)
        # After whatever else waited for the first paint (the start's checks among them).
        QTimer.singleShot(0, QCoreApplication.quit)

    after_first_paint(window, report)
