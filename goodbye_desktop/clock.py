"""The one source of "today" and "now" for the whole app.

Every business date and time is read here: the records' time stamps, the warning signs,
the dashboard's figures, the letters' dates and every form's default. Nothing else reads
the wall clock (ruff's DTZ rules and a banned-API rule keep it so), which lets the tests
freeze time and pass on any date.

Dates are the owner's local dates: the system's time zone, or $TZ. `now()` is aware (for
calendars and anything that crosses zones); the records hold the owner's local wall-clock
time, so `local_now()` gives that, to the second.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time, timedelta

# A moment to run the whole program at, for tests that start it as a process of its own and
# for trying out a date: GOODBYE_DESKTOP_CLOCK=2028-02-29T23:59:30 goodbye-desktop ...
ENV_VAR = "GOODBYE_DESKTOP_CLOCK"

# An aware instant while the clock is frozen (tests, benchmarks); None means the wall clock.
_frozen: datetime | None = None


def now() -> datetime:
    """This moment, aware, in the local time zone."""
    if _frozen is not None:
        return _frozen.astimezone()
    return datetime.now(UTC).astimezone()


def local_now() -> datetime:
    """This moment as the owner's wall-clock time, to the second (what records store)."""
    return now().replace(tzinfo=None, microsecond=0)


def today() -> date:
    """The owner's date today."""
    return now().date()


def next_midnight() -> datetime:
    """The start of tomorrow, as local wall-clock time."""
    return datetime.combine(today() + timedelta(days=1), time(0, 0))


def _as_instant(moment: datetime | date | str) -> datetime:
    if isinstance(moment, str):
        text = moment.strip()
        moment = (datetime.fromisoformat(text.replace("Z", "+00:00")) if "T" in text
                  or " " in text else date.fromisoformat(text))
    if not isinstance(moment, datetime):
        # A bare date is taken at noon, far from either midnight.
        moment = datetime.combine(moment, time(12, 0))
    if moment.tzinfo is None:
        # Local wall-clock time; a time that does not exist locally (the hour skipped
        # when clocks go forward) is resolved as the platform does.
        moment = moment.astimezone()
    return moment


def freeze(moment: datetime | date | str) -> None:
    """Stop the clock at `moment` (a naive time is local wall-clock time)."""
    global _frozen
    _frozen = _as_instant(moment)


def advance(delta: timedelta) -> None:
    """Move a frozen clock on (or back) by `delta`."""
    global _frozen
    if _frozen is None:
        raise RuntimeError("advance() needs a frozen clock")
    _frozen = _frozen + delta


def unfreeze() -> None:
    """Let the clock follow the wall clock again."""
    global _frozen
    _frozen = None


def is_frozen() -> bool:
    return _frozen is not None


@contextmanager
def frozen(moment: datetime | date | str) -> Iterator[None]:
    """Freeze the clock at `moment` for the body, then put back what was there."""
    global _frozen
    before = _frozen
    freeze(moment)
    try:
        yield
    finally:
        _frozen = before


def _from_environment() -> None:
    text = os.environ.get(ENV_VAR, "").strip()
    if not text:
        return
    try:
        freeze(text)
    except ValueError:
        print(f"goodbye-desktop: {ENV_VAR}={text!r} is not an ISO date and time such as "
              "2028-02-29T23:59:30; the real clock is used.", file=sys.stderr)


_from_environment()
