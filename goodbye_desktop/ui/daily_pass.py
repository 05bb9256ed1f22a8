"""Today's warning signs for every current client, worked out a batch at a time.

The signs are worked out once a day (store.at_risk). `DailyPass` goes through the clients
not yet done today a hundred at a time on a zero timer, so the window stays responsive
even at 100,000 clients. It runs while a page that shows its result is on screen: the
At-risk page and the Dashboard (whose "At risk today" card it keeps true) call `resume()`
when they show and `pause()` when they hide. One pass serves both, so the day is never
worked out twice.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, QTimer, Signal

from goodbye_desktop import clock
from goodbye_desktop.errors import GoodbyeError
from goodbye_desktop.store import at_risk
from goodbye_desktop.ui.timers import stop_with_database

# Clients worked out per tick (see benchmarks/bench_daily.py: about 6 ms at 100,000).
BATCH = 100


class DailyPass(QObject):
    """The day's pass over the clients whose signs are not yet worked out today."""

    progressed = Signal()  # a batch is done; `remaining()` is smaller
    finished = Signal()  # every current client is worked out for the day
    failed = Signal(object)  # the GoodbyeError that stopped the pass

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: list[int] = []
        self._day: date | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._work)
        stop_with_database(self._timer)

    def prepare(self) -> None:
        """On a new day, list the clients still to be worked out (none when all are)."""
        today = clock.today()
        if self._day != today and not at_risk.is_current(today):
            self._pending = at_risk.stale_client_ids(today)
            self._day = today

    def resume(self) -> None:
        """Work on while the caller's page is shown (a new day starts a new pass)."""
        self.prepare()
        if self._pending:
            self._timer.start()

    def pause(self) -> None:
        self._timer.stop()

    def remaining(self) -> int:
        return len(self._pending)

    def is_working(self) -> bool:
        return bool(self._pending)

    def _work(self) -> None:
        day = self._day or clock.today()
        batch, self._pending = self._pending[:BATCH], self._pending[BATCH:]
        try:
            at_risk.refresh(day, batch)
            if self._pending:
                self.progressed.emit()
                return
            self._timer.stop()
            at_risk.finish_day(day)
        except GoodbyeError as exc:
            self._timer.stop()
            self._pending = []
            self.failed.emit(exc)
            return
        self.finished.emit()
