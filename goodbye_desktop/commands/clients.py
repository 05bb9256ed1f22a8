"""`goodbye-desktop clients`: print the client list, as the window's list shows it.

The rows come from the same store query as the window (`store.queries.client_list`), so
the search ignores case and accents in every script here too. The terminal gets a table
with aligned columns (wide CJK characters count as two columns); `--json` prints a JSON
array with ISO dates and amounts in cents, for scripts.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from datetime import date
from typing import Any

from goodbye_desktop import clock
from goodbye_desktop.store.choices import CLIENT_STATUSES
from goodbye_desktop.store.queries import LIST_SORT_KEYS, ClientFilter, ClientRow, client_list
from goodbye_desktop.store.records import get_profile

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
    currency = get_profile()["currency"]
    if args.json:
        json.dump([as_json(row, today, currency) for row in rows], sys.stdout,
                  ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(as_table(rows, today, currency))
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

def display_width(text: str) -> int:
    """Columns a terminal gives `text`: wide (CJK) characters take two, accents none."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def _fit(text: str, width: int) -> str:
    """Cut `text` to `width` columns (with an ellipsis) and pad it to exactly that."""
    if display_width(text) > width:
        cut = ""
        for ch in text:
            if display_width(cut + ch) > width - 1:
                break
            cut += ch
        text = cut + "…"
    return text + " " * (width - display_width(text))


def format_cents(cents: int) -> str:
    """1234567 -> '12,345.67': the terminal has no locale of the owner's to follow."""
    return f"{cents // 100:,}.{cents % 100:02d}"


def format_tenure(days: int | None) -> str:
    if days is None:
        return "–"
    if days < 31:
        return f"{days} d"
    months = round(days / 30.44)
    years, months = divmod(months, 12)
    if not years:
        return f"{months} mo"
    return f"{years} yr {months} mo" if months else f"{years} yr"


def as_table(rows: list[ClientRow], today: date, currency: str) -> str:
    """The list as aligned text, one client a line, with a count at the end."""
    if not rows:
        return "No clients match.\n"
    header = ("Name", "Status", f"Revenue 12 m ({currency})", "Tenure", "Last contact")
    body = []
    for row in rows:
        status = row.status + (" (archived)" if row.archived else "")
        last = row.last_contact_at.date().isoformat() if row.last_contact_at else "–"
        body.append((row.name, status, format_cents(row.revenue_12m_cents),
                     format_tenure(row.tenure_days(today)), last))
    name_width = min(NAME_WIDTH, max(display_width(r[0]) for r in [header, *body]))
    widths = [name_width] + [max(display_width(r[i]) for r in [header, *body])
                             for i in range(1, len(header))]
    right = {2, 3}  # amounts and durations line up on the right

    def line(cells: tuple[str, ...]) -> str:
        parts = []
        for i, cell in enumerate(cells):
            if i in right:
                parts.append(" " * (widths[i] - display_width(cell)) + cell)
            else:
                parts.append(_fit(cell, widths[i]))
        return "  ".join(parts).rstrip() + "\n"

    out = [line(header), "  ".join("-" * w for w in widths) + "\n"]
    out.extend(line(cells) for cells in body)
    out.append(f"{len(rows)} client{'s' if len(rows) != 1 else ''}\n")
    return "".join(out)
