"""The transition plan: a cover letter, then the dated steps as a table with who does what.

The table's header row repeats on every page and its cells wrap, so a plan of any length
prints cleanly; past one page the pages are numbered like any letter.
"""

from __future__ import annotations

from collections.abc import Iterable

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from goodbye_desktop.documents import i18n
from goodbye_desktop.documents.fonts import SANS, SANS_BOLD
from goodbye_desktop.documents.layout import LIGHT, para, styles, text_width
from goodbye_desktop.documents.markup import one_line
from goodbye_desktop.documents.values import PlanStep

_HEAD_FILL = colors.Color(0.92, 0.92, 0.92)
_ZEBRA = colors.Color(0.975, 0.975, 0.975)
_KNOWN_STATUSES = {
    "planned": "planned", "todo": "planned", "open": "planned", "pending": "planned",
    "in_progress": "in_progress", "in progress": "in_progress", "doing": "in_progress",
    "done": "done", "completed": "done", "finished": "done",
    "skipped": "skipped", "cancelled": "skipped", "canceled": "skipped",
}


def status_text(status: str, locale: str) -> str:
    """A status word for print: known keys in the locale's words, anything else as typed."""
    key = _KNOWN_STATUSES.get(one_line(status).casefold())
    return i18n.label(key, locale) if key else one_line(status)


def plan_table(steps: Iterable[PlanStep], locale: str, width: float) -> list[Flowable]:
    """The steps, in date order, as a table that fills `width` (empty list if no steps)."""
    ordered = sorted(steps, key=lambda s: s.due_on)
    if not ordered:
        return []
    st = styles()
    head = [para(i18n.label(k, locale), st["cell_head"]) for k in ("date", "step", "who",
                                                                   "status")]
    rows: list[list[Flowable]] = [head]
    for step in ordered:
        rows.append([
            para(i18n.format_date(step.due_on, locale), st["cell"]),
            para(step.description, st["cell"]),
            para(one_line(step.owner), st["cell"]),
            para(status_text(step.status, locale), st["cell"]),
        ])
    # Date, who and status are short: each column is as wide as its longest entry (within
    # bounds, so a long name wraps rather than squeezing the step); the step takes the rest.
    pad = 8 + 1  # cell padding left and right, and a point of slack

    def column(texts: list[str], font: str, low: float, high: float) -> float:
        widest = max(text_width(t, font, st["cell"].fontSize) for t in texts) + pad
        return min(high, max(low, widest))

    date_w = column([i18n.format_date(s.due_on, locale) for s in ordered]
                    + [i18n.label("date", locale)], SANS, 20 * mm, 45 * mm)
    who_w = column([one_line(s.owner) or "-" for s in ordered]
                   + [i18n.label("who", locale)], SANS, 15 * mm, 40 * mm)
    status_w = column([status_text(s.status, locale) or "-" for s in ordered]
                      + [i18n.label("status", locale)], SANS_BOLD, 15 * mm, 30 * mm)
    table = Table(rows, colWidths=[date_w, width - date_w - who_w - status_w, who_w,
                                   status_w], repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        # The table sets its cells' font before drawing them; left at ReportLab's default it
        # would add an unembedded Helvetica to the PDF.
        ("FONTNAME", (0, 0), (-1, -1), SANS),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), _HEAD_FILL),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, _ZEBRA]),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.Color(0.5, 0.5, 0.5)),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, LIGHT),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]))
    return [Spacer(1, 4), table, Spacer(1, 8)]
