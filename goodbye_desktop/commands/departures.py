"""`goodbye-desktop departures [--year Y] [--json]`: the departures the departed view lists.

The rows come from the same store query as the window (`store.departures.list_departures`):
client, last day, tenure, who ended it, kind, reasons and state. The terminal gets an
aligned table (wide CJK characters count as two columns); `--json` a JSON array with ISO
dates, for scripts.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from goodbye_desktop.commands.clients import tenure_text
from goodbye_desktop.commands.terminal import table, write_json
from goodbye_desktop.errors import ValidationError
from goodbye_desktop.words import word

if TYPE_CHECKING:
    from goodbye_desktop.store.departures import DepartureRow

NAME_WIDTH = 36


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "departures",
        help="list the departures",
        description="List the clients' departures (newest last day first): client, last day, "
        "tenure, who ended it, kind of client, reasons and state (decided, won_back, undone).",
    )
    parser.add_argument("--year", metavar="Y", type=int,
                        help="only departures whose last day falls in year Y")
    parser.add_argument("--open", action="store_true",
                        help="leave out departures closed as won back or undone")
    parser.add_argument("--json", action="store_true", help="print a JSON array (ISO dates)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.year is not None and not 1900 <= args.year <= 9999:
        raise ValidationError("cli.year_such_as", field="year", given=args.year)
    from goodbye_desktop.store.departures import list_departures

    rows = list_departures(args.year, include_closed=not args.open)
    if args.json:
        write_json([row.as_json() for row in rows])
    else:
        sys.stdout.write(as_table(rows))
    return 0


def _ended_by(row: DepartureRow) -> str:
    ended_by = word("ended_by", row.ended_by) if row.ended_by else "–"
    return f"{ended_by} ({word('outside_event', row.outside_event)})" \
        if row.outside_event else ended_by


def as_table(rows: list[DepartureRow]) -> str:
    from goodbye_desktop import clock
    from goodbye_desktop.core.departure import shown_state

    today = clock.today()
    if not rows:
        return "No departures.\n"
    header = ("Client", "Last day", "Tenure", "Ended by", "Kind", "Reasons", "State")
    body = [(row.client_name, row.effective_on.isoformat() if row.effective_on else "–",
             tenure_text(row.started_on, row.effective_on, row.effective_on)
             if row.effective_on else "–",
             _ended_by(row), word("kind", row.kind) if row.kind else "–",
             ", ".join(word("reason", r) for r in row.reasons) or "–",
             word("state", shown_state(row.state, row.effective_on, today))) for row in rows]
    count = f"{len(rows)} departure{'s' if len(rows) != 1 else ''}\n"
    return table(header, body, first_width=NAME_WIDTH) + count
