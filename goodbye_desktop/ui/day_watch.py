"""The window's one timer on the app's clock: it says when the owner's date has changed.

At midnight (and when the app becomes active again, after a laptop slept through the
night) the date is read from `goodbye_desktop.clock`; when it differs from the last one
seen, `dayChanged` is emitted with the new date. The window then moves the 12-month
revenue on, turns departing clients whose last day has passed into departed ones, and
refreshes what shows due promises. Nothing here reads Qt's own clock.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication

from goodbye_desktop import clock
from goodbye_desktop.ui.timers import stop_with_database

# A few seconds past midnight, so the new date is certain; and a look at least every hour,
# so a clock changed by hand or a sleep the timer slept through is noticed soon.
_AFTER_MIDNIGHT_MS = 2_000
_AT_MOST_MS = 3_600_000


class DayWatch(QObject):
    """Emits `dayChanged(date)` once the app's clock shows a new date."""

    dayChanged = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.day: date = clock.today()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.check)
        stop_with_database(self._timer)  # the day's upkeep writes to the open database
        app = QGuiApplication.instance()
        if app is not None:
            app.applicationStateChanged.connect(self._state_changed)
        self._schedule()

    def check(self) -> bool:
        """Read the clock now; emit `dayChanged` and return True when the date moved on."""
        self._schedule()
        today = clock.today()
        if today == self.day:
            return False
        self.day = today
        self.dayChanged.emit(today)
        return True

    def stop(self) -> None:
        self._timer.stop()

    def _schedule(self) -> None:
        until = (clock.next_midnight() - clock.local_now()).total_seconds() * 1000
        self._timer.start(int(min(max(until + _AFTER_MIDNIGHT_MS, 1_000), _AT_MOST_MS)))

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.check()
