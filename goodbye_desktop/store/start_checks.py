"""What the window checks and saves once it is open, off the GUI thread: SQLite's quick
check of the whole file, and the day's backup.

At open, `database.inspect_file` checks a big file only in part (its length and the small
tables): the whole check of a 340 MB file (100,000 clients) takes 0.6 s and more, and the
day's backup five seconds; neither should keep the owner from the window every morning.
Both run here instead, on connections of their own, while the owner works: in WAL mode
the backup copies one moment of the file and the window's writes wait for nothing.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from goodbye_desktop.store import backup
from goodbye_desktop.store.database import QUICK_CHECK_WHOLE_FILE_BYTES


@dataclass(frozen=True)
class StartChecks:
    """What the checks after opening found and did."""

    # What SQLite's quick check found in the whole file ([] when sound, or when the
    # file was small enough to be checked whole at open).
    problems: list[str]
    # The day's backup, when one was due and was made.
    backed_up: Path | None = None
    # Why the day's backup could not be made (the next start tries again).
    backup_failed: str | None = None


def checked_whole_at_open(path: Path) -> bool:
    """True when opening ran the quick check over the whole file (small files)."""
    try:
        return path.stat().st_size <= QUICK_CHECK_WHOLE_FILE_BYTES
    except OSError:
        return True


def backup_due(path: str | Path) -> bool:
    """True when the day's backup is due (the newest is over a day old, or there is none)."""
    return backup.daily_backup_due(path)


def run_start_checks(path: str | Path, *, back_up: bool) -> StartChecks:
    """The whole-file quick check (for a big file), then the day's backup if `back_up`.

    Safe to call on any thread: it never touches the window's connection. A damaged file
    is not backed up (the copy would fail its own check, and the backups must stay good).
    """
    path = Path(path).absolute()
    problems = [] if checked_whole_at_open(path) else backup.problems_in(path, quick=True)
    if problems:
        return StartChecks(problems)
    if not back_up:
        return StartChecks([])
    try:
        made = backup.backup_file(path, reason="daily", own_connection=True)
    except (OSError, sqlite3.Error) as exc:
        return StartChecks([], backup_failed=getattr(exc, "strerror", None) or str(exc))
    return StartChecks([], backed_up=made)
