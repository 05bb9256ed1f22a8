"""Timers that stop when the database closes.

A preview, an autosave or a look at the clock that is due in a moment reads or writes the
open database when it fires. Once that database has closed (the app quits, or a test ends)
the timer must not fire at all: it would fail on the closed file or, worse, touch the next
one. A widget hands such a timer to `stop_with_database`; the timers are held weakly, so a
deleted widget's timer simply drops out.
"""

from __future__ import annotations

import sqlite3
import weakref
from pathlib import Path

import shiboken6
from PySide6.QtCore import QTimer

from goodbye_desktop.store import connection

_timers: weakref.WeakSet[QTimer] = weakref.WeakSet()


def stop_with_database(timer: QTimer) -> QTimer:
    """Have `timer` stopped when the open database closes; returns the timer."""
    _timers.add(timer)
    return timer


def stop_all() -> None:
    """Stop every timer handed to `stop_with_database` (called as the database closes)."""
    for timer in list(_timers):
        if shiboken6.isValid(timer):
            timer.stop()


def _opened(_conn: sqlite3.Connection, _path: Path) -> None:
    # Nothing starts by itself on open: each timer starts again on its widget's next change.
    pass


connection.on_open(_opened, stop_all)
