"""`goodbye-desktop report [--year Y] [-o FILE]`: the year in review as a PDF.

The same report the Dashboard tab previews, prints and saves: the year's figures against
your goals, the charts, the departures with their reasons and lessons, the clients won
back, the clients at risk and the revenue concentration, on your letterhead. The file
is written under a temporary name beside it and renamed, readable by you alone.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from goodbye_desktop.errors import GoodbyeError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "report", help="write the year in review as a PDF",
        description="Write the year in review (default: this year) as a PDF: the figures "
        "against your goals, the charts, departures, win-backs, clients at risk and the "
        "revenue concentration, on your letterhead.")
    parser.add_argument("--year", metavar="Y", type=int, help="the year (default: this year)")
    parser.add_argument("-o", "--output", metavar="FILE", type=Path,
                        help="the PDF to write (default: year-in-review-Y.pdf here)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from goodbye_desktop.commands.dashboard import checked_year
    from goodbye_desktop.correspondence.year_report import report_pdf, save_pdf

    year = checked_year(args.year)
    pdf, _ = report_pdf(year)
    output = args.output or Path(f"year-in-review-{year}.pdf")
    try:
        save_pdf(output, pdf)
    except OSError as exc:
        raise GoodbyeError("file.cannot_write", path=output,
                           reason=exc.strerror or str(exc)) from exc
    print(f"Wrote {output} (the year {year} in review).", file=sys.stdout)
    return 0
