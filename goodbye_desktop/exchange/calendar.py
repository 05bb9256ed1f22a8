"""Open promises (departure follow-ups included) as an iCalendar (.ics) file.

Each promise is one event with a UID made of its id and the database's own calendar id,
so importing a newer export into Google Calendar, Outlook or Thunderbird updates the
events instead of adding copies. The due time is written in the owner's time zone with
its VTIMEZONE, and each event has an alarm 15 minutes before. The file is written under
a temporary name in the same folder, made private (0600), then renamed into place.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable
from datetime import UTC, timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Alarm, Calendar, Event

from goodbye_desktop import __version__, clock, safe_files
from goodbye_desktop.errors import GoodbyeError
from goodbye_desktop.store.due import DuePromise

EVENT_LENGTH = timedelta(minutes=30)
ALARM_BEFORE = timedelta(minutes=15)


def local_zone() -> tzinfo:
    """The owner's time zone by its name ($TZ, else the system's), UTC when unknown."""
    names = [os.environ.get("TZ", "").lstrip(":")]
    try:
        target = os.readlink("/etc/localtime")
        names.append(target.split("zoneinfo/", 1)[1] if "zoneinfo/" in target else "")
    except OSError:
        pass
    with contextlib.suppress(OSError):
        names.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    for name in names:
        if not name:
            continue
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return ZoneInfo("UTC")


def uid(promise_id: int, calendar_id: str) -> str:
    """The event's UID: the same promise of the same file always gets the same one."""
    return f"promise-{promise_id}.{calendar_id}@goodbye-desktop"


def calendar_bytes(promises: Iterable[DuePromise], calendar_id: str,
                   describe: Callable[[DuePromise], tuple[str, str]],
                   zone: tzinfo | None = None) -> bytes:
    """The .ics text of `promises`; `describe` gives each one's summary and description."""
    zone = zone or local_zone()
    cal = Calendar()
    cal.add("prodid", f"-//Goodbye Desktop//{__version__}//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    stamp = clock.now().astimezone(UTC).replace(microsecond=0)
    items = list(promises)
    for promise in items:
        # The records hold local wall time; fold=0 picks the first of a repeated hour.
        start = promise.due_at.replace(tzinfo=zone)
        summary, description = describe(promise)
        event = Event()
        event.add("uid", uid(promise.id, calendar_id))
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", start + EVENT_LENGTH)
        event.add("summary", summary)
        event.add("description", description)
        event.add("categories", [promise.channel])
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", summary)
        alarm.add("trigger", -ALARM_BEFORE)
        event.add_component(alarm)
        cal.add_component(event)
    if items:
        # The zone's rules over the years the events span, not 1970 to 2038.
        first = min(p.due_at for p in items).date()
        last = max(p.due_at for p in items).date()
        cal.add_missing_timezones(first_date=first.replace(month=1, day=1),
                                  last_date=last.replace(year=last.year + 1, month=1, day=1))
    return cal.to_ical()


def write_private(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically, readable by the owner only (never onto the store)."""
    try:
        safe_files.write_atomic(path, data)
    except OSError as exc:
        raise GoodbyeError("file.could_not_write", path=path,
                           reason=exc.strerror or str(exc)) from exc


def export(path: Path, promises: Iterable[DuePromise], calendar_id: str,
           describe: Callable[[DuePromise], tuple[str, str]]) -> int:
    """Write the calendar of `promises` to `path`; return how many events it holds."""
    items = list(promises)
    write_private(path, calendar_bytes(items, calendar_id, describe))
    return len(items)
