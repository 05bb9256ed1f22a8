"""The year in review: a PDF report of the dashboard's year, on the business letterhead.

Plain values in (the caller words everything in the owner's language and formats the
numbers): a title, the figures against their goals, the charts (the very drawings the
screen shows, from documents.charts), and tables (departures with reasons and lessons,
clients won back, clients at risk, the concentration). The letters' fonts and letterhead
(documents.layout), the date in the owner's locale, "Page x of y" on every page.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from goodbye_desktop.documents import i18n
from goodbye_desktop.documents.charts import Chart
from goodbye_desktop.documents.fonts import SANS, register_fonts
from goodbye_desktop.documents.layout import (
    CREATOR,
    GREY,
    LIGHT,
    LetterContext,
    PagedCanvas,
    draw_letterhead,
    draw_text,
    page_spec,
    para,
    styles,
)
from goodbye_desktop.documents.markup import one_line
from goodbye_desktop.documents.values import Sender


@dataclass(frozen=True)
class Figure:
    """One figure of the year: its name, its value as text, and its goal as text (or "")."""

    label: str
    value: str
    goal: str = ""


@dataclass(frozen=True)
class Table:
    """A titled table of text; `empty` is the sentence printed when it has no rows."""

    title: str
    header: tuple[str, ...]
    rows: Sequence[tuple[str, ...]]
    empty: str = ""
    widths: tuple[float, ...] = ()  # shares of the text width; even by default


@dataclass(frozen=True)
class Report:
    title: str
    subtitle: str
    figures_title: str
    figures: Sequence[Figure]
    charts_title: str
    charts: Sequence[Chart]
    tables: Sequence[Table] = field(default_factory=tuple)
    note: str = ""  # a sentence in place of the figures (an empty year)
    goal_head: str = "Goal"


def _styles():
    from reportlab.lib.styles import ParagraphStyle

    base = styles()
    return {
        "title": ParagraphStyle("report_title", parent=base["subject"], fontSize=16,
                                leading=20, spaceAfter=2),
        "subtitle": ParagraphStyle("report_subtitle", parent=base["body"], textColor=GREY,
                                   spaceAfter=10),
        "heading": ParagraphStyle("report_heading", parent=base["subject"], fontSize=12,
                                  spaceBefore=10, spaceAfter=6),
        "body": base["body"], "cell": base["cell"], "cell_head": base["cell_head"],
    }


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], width: float,
           widths: Sequence[float] = ()) -> object:
    from reportlab.platypus import Table as RLTable
    from reportlab.platypus import TableStyle

    st = _styles()
    shares = list(widths) or [1 / len(header)] * len(header)
    data = [[para(text, st["cell_head"]) for text in header]]
    data += [[para(text, st["cell"]) for text in row] for row in rows]
    table = RLTable(data, colWidths=[width * s for s in shares], repeatRows=1)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), SANS),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, GREY),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, LIGHT),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def _first_page(canv, doc) -> None:
    ctx: LetterContext = doc.gd_context
    canv._gd_letter = 0
    canv._gd_locale = ctx.sender.locale
    draw_letterhead(canv, ctx)


def _later_page(canv, doc) -> None:
    ctx: LetterContext = doc.gd_context
    canv._gd_letter = 0
    canv._gd_locale = ctx.sender.locale
    canv.setFillColor(GREY)
    head = " · ".join(b for b in (one_line(ctx.sender.business_name), doc.gd_title,
                                  ctx.date_text) if b)
    draw_text(canv, ctx.spec.left, ctx.spec.height - ctx.spec.top + 4, head, SANS, 8,
              max_width=ctx.spec.text_width)


def render(report: Report, sender: Sender, when: date) -> bytes:
    """The report as PDF bytes (the page size and date follow the business profile)."""
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        BaseDocTemplate,
        CondPageBreak,
        Frame,
        KeepTogether,
        PageTemplate,
        Spacer,
    )

    register_fonts()
    spec = page_spec(sender)
    ctx = LetterContext(sender, None, spec, i18n.format_date(when, sender.locale))
    first_top = spec.head_bottom + 4 * mm
    frames = [Frame(spec.left, spec.bottom, spec.text_width, spec.height - first_top
                    - spec.bottom, id="first", leftPadding=0, rightPadding=0, topPadding=0,
                    bottomPadding=0),
              Frame(spec.left, spec.bottom, spec.text_width, spec.height - spec.top - 4 * mm
                    - spec.bottom, id="later", leftPadding=0, rightPadding=0, topPadding=0,
                    bottomPadding=0)]
    buf = io.BytesIO()
    lang, country = i18n.split_locale(sender.locale)
    doc = BaseDocTemplate(buf, pagesize=spec.size, title=one_line(report.title),
                          author=one_line(sender.business_name), subject=report.subtitle,
                          creator=CREATOR, producer=CREATOR, initialFontName=SANS,
                          lang=f"{lang}-{country}" if country else lang, displayDocTitle=True)
    doc.addPageTemplates([
        PageTemplate("first", [frames[0]], onPage=_first_page, autoNextPageTemplate="later"),
        PageTemplate("later", [frames[1]], onPage=_later_page)])
    doc.gd_context, doc.gd_title = ctx, one_line(report.title)
    st = _styles()
    width = spec.text_width
    story: list = [para(report.title, st["title"]),
                   para(report.subtitle, st["subtitle"]),
                   para(report.figures_title, st["heading"])]
    if report.note:
        story.append(para(report.note, st["body"]))
    if report.figures:
        story.append(_table(("", "", report.goal_head),
                            [(f.label, f.value, f.goal) for f in report.figures], width,
                            (0.5, 0.25, 0.25)))
    for i, chart in enumerate(report.charts):
        # Every bar carries its number as text, so the chart needs no table beside it;
        # the heading stays with the first chart.
        head = [para(report.charts_title, st["heading"])] if i == 0 else []
        story.append(KeepTogether([*head, _scaled(chart.drawing, width), Spacer(1, 12)]))
    for table in report.tables:
        story += [CondPageBreak(40 * mm), para(table.title, st["heading"])]
        if table.rows:
            story.append(_table(table.header, table.rows, width, table.widths))
        else:
            story.append(para(table.empty, st["body"]))
    doc.build(story, canvasmaker=PagedCanvas)
    return buf.getvalue()


def _scaled(drawing, width: float):
    """The drawing at the text width (charts are drawn 360 points wide)."""
    if drawing.width <= width:
        return drawing
    factor = width / drawing.width
    drawing.scale(factor, factor)
    drawing.width, drawing.height = drawing.width * factor, drawing.height * factor
    return drawing
