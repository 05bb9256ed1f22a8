"""`goodbye-desktop departures [--year Y] [--json]`: the departures the departed view lists.

The rows come from the same store query as the window (`store.departures.list_departures`):
client, last day, tenure, who ended it, kind, reasons and state. The terminal gets an
aligned table (wide CJK characters count as two columns); `--json` a JSON array with ISO
dates, for scripts.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from goodbye_desktop.commands.clients import _fit, display_width, format_tenure
from goodbye_desktop.errors import ValidationError
from goodbye_desktop.safe_files import escape_for_terminal

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
        raise ValidationError(f"--year must be a year such as 2026 (got {args.year}).",
                              field="year")
    from goodbye_desktop.store.departures import list_departures

    rows = list_departures(args.year, include_closed=not args.open)
    if args.json:
        json.dump([row.as_json() for row in rows], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(as_table(rows))
    return 0


def _ended_by(row: DepartureRow) -> str:
    return f"{row.ended_by} ({row.outside_event})" if row.outside_event else row.ended_by


def as_table(rows: list[DepartureRow]) -> str:
    if not rows:
        return "No departures.\n"
    header = ("Client", "Last day", "Tenure", "Ended by", "Kind", "Reasons", "State")
    body = [(escape_for_terminal(row.client_name),
             row.effective_on.isoformat() if row.effective_on else "–",
             format_tenure(row.tenure_days), _ended_by(row), row.kind or "–",
             ", ".join(row.reasons) or "–", row.state) for row in rows]
    widths = [min(NAME_WIDTH, max(display_width(r[0]) for r in [header, *body]))]
    widths += [max(display_width(r[i]) for r in [header, *body]) for i in range(1, len(header))]

    def line(cells: tuple[str, ...]) -> str:
        return "  ".join(_fit(cell, widths[i]) for i, cell in enumerate(cells)).rstrip() + "\n"

    out = [line(header), "  ".join("-" * w for w in widths) + "\n"]
    out.extend(line(cells) for cells in body)
    out.append(f"{len(rows)} departure{'s' if len(rows) != 1 else ''}\n")
    return "".join(out)
