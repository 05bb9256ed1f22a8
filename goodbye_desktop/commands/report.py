"""`goodbye-desktop report [--year Y] [-o FILE]`: the year in review as a PDF.

The same report the Dashboard tab previews, prints and saves: the year's figures against
your goals, the charts, the departures with their reasons and lessons, the clients won
back, the clients at risk and the revenue concentration, on your letterhead. The file
is written under a temporary name beside it and renamed, readable by you alone.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
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


def write_private(path: Path, data: bytes) -> None:
    """Write `data` to `path` whole or not at all (a temporary name, then a rename), 0600."""
    folder = path.parent if str(path.parent) else Path(".")
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.chmod(temp, 0o600)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def run(args: argparse.Namespace) -> int:
    from goodbye_desktop.commands.dashboard import checked_year
    from goodbye_desktop.correspondence.year_report import report_pdf

    year = checked_year(args.year)
    pdf, _ = report_pdf(year)
    output = args.output or Path(f"year-in-review-{year}.pdf")
    try:
        write_private(output, pdf)
    except OSError as exc:
        raise GoodbyeError(f"Cannot write {output}: {exc.strerror or exc}.") from exc
    print(f"Wrote {output} (the year {year} in review).", file=sys.stdout)
    return 0
