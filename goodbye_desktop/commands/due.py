"""`goodbye-desktop due [--ics FILE]`: promises overdue, due today and in the next 7 days.

With `--ics FILE`, every open promise (departure follow-ups included) is also written to
an iCalendar file: one event each, with a stable UID so that importing the file again
updates the events, the time in the owner's time zone and an alarm 15 minutes before.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from goodbye_desktop import clock
from goodbye_desktop.commands.terminal import safe

GROUP_TITLES = {"overdue": "Overdue", "today": "Due today", "week": "In the next 7 days"}
CHANNELS = {"email": "email", "call": "call", "meeting": "meeting", "letter": "letter",
            "other": "other"}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "due", help="list the promises that are due",
        description="List the open promises that are overdue, due today or due in the next "
        "7 days, with the client, what, when and the channel.")
    parser.add_argument("--ics", metavar="FILE", type=Path,
                        help="also write every open promise to FILE as a calendar (.ics)")
    parser.set_defaults(run=run)


def describe(promise) -> tuple[str, str]:
    """The event's summary and description, in the command line's words."""
    follow_up = " (departure follow-up)" if promise.departure_id else ""
    return (f"{promise.description} — {promise.client_name}",
            f"Promised to {promise.client_name}{follow_up}, by "
            f"{CHANNELS.get(promise.channel, promise.channel)}.")


def run(args: argparse.Namespace) -> int:
    from goodbye_desktop.store.due import due_promises

    promises = due_promises(clock.now())
    if not promises:
        sys.stdout.write("Nothing is due in the next 7 days.\n")
    for group, title in GROUP_TITLES.items():
        rows = [p for p in promises if p.group == group]
        if not rows:
            continue
        sys.stdout.write(f"{title} ({len(rows)})\n")
        for p in rows:
            # The name and the description are the owner's text: shown, never obeyed.
            sys.stdout.write(safe(f"  {p.due_at:%Y-%m-%d %H:%M}  {p.client_name}: "
                                  f"{p.description} [{CHANNELS.get(p.channel, p.channel)}]")
                             + "\n")
    if args.ics is not None:
        from goodbye_desktop.exchange.calendar import export
        from goodbye_desktop.store.due import calendar_id, open_promises

        count = export(args.ics, open_promises(), calendar_id(), describe)
        sys.stdout.write(f"Wrote {count} open promises to {args.ics}.\n")
    return 0
