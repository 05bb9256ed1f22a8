"""`goodbye-desktop clients`: print the client list, as the window's list shows it.

The rows come from the same store query as the window (`store.queries.client_list`), so
the search ignores case and accents in every script here too. The terminal gets a table
with aligned columns (wide CJK characters count as two columns); `--json` prints a JSON
array with ISO dates and amounts in cents, for scripts.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Any

from goodbye_desktop import clock
from goodbye_desktop.commands.terminal import table, write_json
from goodbye_desktop.core import client_figures
from goodbye_desktop.formatting import money_cents, tenure_short
from goodbye_desktop.store.choices import CLIENT_STATUSES
from goodbye_desktop.store.queries import LIST_SORT_KEYS, ClientFilter, ClientRow, client_list
from goodbye_desktop.store.records import get_profile
from goodbye_desktop.words import word

NAME_WIDTH = 36


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "clients",
        help="print the client list",
        description="Print the client list as the window shows it: name, status, revenue of "
        "the last 12 months, tenure and last contact. Archived clients are left out unless "
        "--archived.",
    )
    parser.add_argument(
        "--search", metavar="TEXT", default="",
        help="only clients whose name, tags, contact names or emails contain every word "
        "(case and accents ignored: 'luk' finds 'Łukasiewicz')",
    )
    parser.add_argument(
        "--status", metavar="S",
        help=f"only clients with this status: {', '.join(CLIENT_STATUSES)}",
    )
    parser.add_argument("--archived", action="store_true", help="include archived clients")
    parser.add_argument(
        "--sort", metavar="KEY", default="name",
        help=f"order by {', '.join(LIST_SORT_KEYS)} (default: name)",
    )
    parser.add_argument("--descending", action="store_true", help="reverse the order")
    parser.add_argument("--json", action="store_true",
                        help="print a JSON array (ISO dates, amounts in cents)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    today = clock.today()
    flt = ClientFilter(
        search=args.search,
        status=args.status or None,
        include_archived=args.archived,
        sort_key=args.sort,
        descending=args.descending,
    )
    rows = client_list(flt, today)
    profile = get_profile()
    currency = profile["currency"]
    if args.json:
        write_json([as_json(row, today, currency) for row in rows])
    else:
        sys.stdout.write(as_table(rows, today, currency, profile["locale"]))
    return 0


# --- JSON ---------------------------------------------------------------------------------

def as_json(row: ClientRow, today: date, currency: str) -> dict[str, Any]:
    """One client as plain JSON values: ISO dates, integer cents."""
    return {
        "id": row.id,
        "name": row.name,
        "status": row.status,
        "archived": row.archived,
        "revenue_12m_cents": row.revenue_12m_cents,
        "currency": currency,
        "started_on": row.started_on.isoformat() if row.started_on else None,
        "ended_on": row.ended_on.isoformat() if row.ended_on else None,
        "tenure_days": row.tenure_days(today),
        "last_contact_at": row.last_contact_at.isoformat() if row.last_contact_at else None,
    }


# --- table --------------------------------------------------------------------------------

def format_cents(cents: int, locale: str = "en_GB", currency: str = "") -> str:
    """An amount as the window and the letters write it (goodbye_desktop.formatting):
    1234567 -> '12,345.67', or '£12,345.67' with the currency."""
    return money_cents(cents, locale, currency)


def tenure_text(started_on: date | None, ended_on: date | None, today: date) -> str:
    """The tenure as the window's list writes it ("2 y 9 m"), "–" without a start date."""
    months = client_figures.tenure_months(started_on, ended_on, today)
    return "–" if months is None else tenure_short(months)


def as_table(rows: list[ClientRow], today: date, currency: str,
             locale: str = "en_GB") -> str:
    """The list as aligned text, one client a line, with a count at the end."""
    if not rows:
        return "No clients match.\n"
    header = ("Name", "Status", "Revenue 12 m", "Tenure", "Last contact")
    body = []
    for row in rows:
        status = word("status", row.status) + (" (archived)" if row.archived else "")
        last = row.last_contact_at.date().isoformat() if row.last_contact_at else "–"
        body.append((row.name, status, format_cents(row.revenue_12m_cents, locale, currency),
                     tenure_text(row.started_on, row.ended_on, today), last))
    count = f"{len(rows)} client{'s' if len(rows) != 1 else ''}\n"
    return table(header, body, first_width=NAME_WIDTH, right=(2, 3)) + count
