"""`goodbye-desktop at-risk [--json]`: the At-risk list, as the window shows it.

Every current client with a warning sign not acknowledged today, most urgent first, each
sign with its one-line reason and suggested next step, and the client's promise ledger.
`--json` prints a JSON array of `{id, name, signs: [{key, reason, next_step}], ledger}`.
"""

from __future__ import annotations

import argparse
import sys

from goodbye_desktop import clock
from goodbye_desktop.commands.terminal import safe, write_json


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "at-risk", help="list the clients showing warning signs",
        description="List every current client showing a warning sign, most urgent first, "
        "with the reason and a suggested next step. Signs acknowledged in the window until "
        "a later date are left out.")
    parser.add_argument("--json", action="store_true", help="print a JSON array")
    parser.set_defaults(run=run)


def _ledger_json(book) -> dict:
    return {"kept": book.kept, "late": book.late, "broken": book.broken,
            "overdue": book.overdue, "open": book.open,
            "kept_share": book.share("kept"), "late_share": book.share("late"),
            "broken_share": book.share("broken")}


def run(args: argparse.Namespace) -> int:
    from goodbye_desktop.core.promises import ledger
    from goodbye_desktop.store.at_risk import at_risk_clients
    from goodbye_desktop.store.due import promise_moments

    items = at_risk_clients(clock.today())
    moments = promise_moments([item.id for item in items])
    now = clock.local_now()
    books = {item.id: ledger(moments[item.id], now) for item in items}
    if args.json:
        write_json([{"id": item.id, "name": item.name,
                     "signs": [{"key": s.key, "reason": s.reason, "next_step": s.next_step}
                               for s in item.signs],
                     "ledger": _ledger_json(books[item.id])} for item in items])
        return 0
    if not items:
        sys.stdout.write("No client shows a warning sign today.\n")
        return 0
    for item in items:
        book = books[item.id]
        kept = book.percent("kept")
        promises = f"  (promises kept on time: {kept} %)" if kept is not None else ""
        # Names, and the reasons and steps that quote them, are shown, never obeyed.
        sys.stdout.write(safe(f"{item.name}{promises}") + "\n")
        for sign in item.signs:
            sys.stdout.write(safe(f"  - {sign.title}: {sign.reason} Next: {sign.next_step}")
                             + "\n")
    sys.stdout.write(f"\n{len(items)} clients at risk.\n")
    return 0
