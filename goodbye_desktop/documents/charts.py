"""The dashboard's charts as ReportLab drawings: SVG for the screen, the same drawing in the PDF.

Plain values in (labels already worded by the caller, numbers, the text of each number),
a `Chart` out: its drawing, and its numbers as rows of text (the text alternative the
screen gives to screen readers and the report prints beside it). Two shapes serve every
chart: bars across (reasons, kinds, who ended it, the top clients' shares, effort) and
paired columns (gained against lost over five years).

Colours are the Okabe-Ito palette, told apart by people with any common colour vision:
dark blue and vermilion on a light page, sky blue and orange on a dark screen, with the
text and grid lines to match. Bars carry their number as text too, never colour alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from goodbye_desktop.documents.bidi import visual
from goodbye_desktop.documents.fonts import (
    CJK,
    SANS,
    SANS_BOLD,
    needs_cjk,
    register_cjk_font,
    register_fonts,
)


@dataclass(frozen=True)
class Scheme:
    first: str
    second: str
    text: str
    grid: str
    # The PDF needs right-to-left text in visual order; the screen orders it itself.
    visual_order: bool = False


PRINT = Scheme(first="#0072B2", second="#D55E00", text="#1f1f1f", grid="#b0b0b0",
               visual_order=True)
LIGHT = Scheme(first="#0072B2", second="#D55E00", text="#1f1f1f", grid="#b0b0b0")
DARK = Scheme(first="#56B4E9", second="#E69F00", text="#ececec", grid="#6a6a6a")

TITLE_SIZE = 10
LABEL_SIZE = 8
MAX_LABEL = 30  # characters of a name beside a bar; the table has the whole name


@dataclass(frozen=True)
class Chart:
    """A drawing and its numbers as text: (label, value text) per bar, or per year."""

    title: str
    drawing: object  # reportlab.graphics.shapes.Drawing (a Flowable in the PDF)
    header: tuple[str, ...]
    rows: list[tuple[str, ...]]

    def text_alternative(self) -> str:
        """The chart's numbers in plain lines, for a screen reader or a tooltip."""
        lines = [self.title]
        lines += [": ".join((row[0], ", ".join(row[1:]))) for row in self.rows]
        return "\n".join(lines)


def _font_for(text: str, bold: bool = False) -> str:
    if any(needs_cjk(ch) for ch in text):
        register_cjk_font()
        return CJK
    return SANS_BOLD if bold else SANS


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_LABEL else text[:MAX_LABEL - 1] + "…"


def _string(x: float, y: float, text: str, size: float, scheme: Scheme,
            anchor: str = "start", bold: bool = False):
    from reportlab.graphics.shapes import String
    from reportlab.lib.colors import HexColor

    shown = visual(text) if scheme.visual_order else text
    return String(x, y, shown, fontName=_font_for(shown, bold), fontSize=size,
                  fillColor=HexColor(scheme.text), textAnchor=anchor)


def _fit(text: str, room: float, size: float = LABEL_SIZE) -> str:
    """`text` cut (with an ellipsis) to fit `room` points."""
    if _width(text, size) <= room:
        return text
    while len(text) > 1 and _width(text + "…", size) > room:
        text = text[:-1]
    return text.rstrip() + "…"


def _width(text: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    shown = visual(text)
    return stringWidth(shown, _font_for(shown), size)


def _drawing(width: float, height: float):
    from reportlab.graphics.shapes import STATE_DEFAULTS, Drawing

    # A drawing starts in ReportLab's default font, Helvetica, which is never embedded:
    # start ours in the letters' font (every string names its own anyway).
    STATE_DEFAULTS["fontName"] = SANS
    return Drawing(width, height, initialFontName=SANS, initialFontSize=LABEL_SIZE)


def bars(title: str, rows: list[tuple[str, float, str]], *, width: float = 360,
         scheme: Scheme = PRINT, header: tuple[str, str] = ("", "")) -> Chart:
    """Bars across: one per (label, value, value text), longest value = full width."""
    from reportlab.graphics.shapes import Line, Rect
    from reportlab.lib.colors import HexColor

    register_fonts()
    bar_h, gap, top = 11.0, 5.0, 22.0
    height = top + len(rows) * (bar_h + gap) + 6
    drawing = _drawing(width, height)
    drawing.add(_string(0, height - 13, title, TITLE_SIZE, scheme, bold=True))
    labels = [_short(label) for label, _, _ in rows]
    label_w = min(max((_width(t, LABEL_SIZE) for t in labels), default=0) + 6, width * 0.42)
    value_w = max((_width(v, LABEL_SIZE) for _, _, v in rows), default=0) + 6
    bar_w = max(width - label_w - value_w, 20)
    peak = max((value for _, value, _ in rows), default=0) or 1
    drawing.add(Line(label_w, 4, label_w, height - top + 2, strokeColor=HexColor(scheme.grid),
                     strokeWidth=0.5))
    labels = [_fit(label, label_w - 6) for label in labels]
    for i, ((_, value, text), label) in enumerate(zip(rows, labels, strict=True)):
        y = height - top - (i + 1) * (bar_h + gap) + gap
        drawing.add(_string(label_w - 4, y + 2.5, label, LABEL_SIZE, scheme, "end"))
        length = bar_w * max(value, 0) / peak
        if length > 0:
            drawing.add(Rect(label_w, y, length, bar_h, fillColor=HexColor(scheme.first),
                             strokeColor=None))
        drawing.add(_string(label_w + length + 3, y + 2.5, text, LABEL_SIZE, scheme))
    return Chart(title, drawing, header, [(label, text) for label, _, text in rows])


def paired_columns(title: str, groups: list[str], series: list[tuple[str, list[int]]], *,
                   width: float = 360, height: float = 170, scheme: Scheme = PRINT,
                   header: tuple[str, ...] = ()) -> Chart:
    """Columns in pairs: for each group (a year), one column per series (gained, lost)."""
    from reportlab.graphics.shapes import Line, Rect
    from reportlab.lib.colors import HexColor

    register_fonts()
    colours = (scheme.first, scheme.second)
    drawing = _drawing(width, height)
    drawing.add(_string(0, height - 13, title, TITLE_SIZE, scheme, bold=True))
    # The legend: a swatch and a word per series, so colour is never the only key.
    x = 0.0
    for (name, _), colour in zip(series, colours, strict=False):
        drawing.add(Rect(x, height - 30, 9, 9, fillColor=HexColor(colour), strokeColor=None))
        drawing.add(_string(x + 12, height - 29, name, LABEL_SIZE, scheme))
        x += 12 + _width(name, LABEL_SIZE) + 14
    base, top = 28.0, height - 40
    peak = max((v for _, values in series for v in values), default=0) or 1
    drawing.add(Line(0, base, width, base, strokeColor=HexColor(scheme.grid), strokeWidth=0.5))
    slot = width / max(len(groups), 1)
    col_w = min(22.0, slot / (len(series) + 1))
    for g, group in enumerate(groups):
        left = g * slot + (slot - col_w * len(series)) / 2
        for s, ((_, values), colour) in enumerate(zip(series, colours, strict=False)):
            value = values[g]
            h = (top - base - 12) * value / peak
            cx = left + s * col_w
            if h > 0:
                drawing.add(Rect(cx, base, col_w - 2, h, fillColor=HexColor(colour),
                                 strokeColor=None))
            drawing.add(_string(cx + (col_w - 2) / 2, base + h + 2, str(value), LABEL_SIZE,
                                scheme, "middle"))
        drawing.add(_string(g * slot + slot / 2, base - 12, group, LABEL_SIZE, scheme,
                            "middle"))
    rows = [(group, *(str(values[g]) for _, values in series)) for g, group in enumerate(groups)]
    return Chart(title, drawing, header, rows)


def svg(chart: Chart) -> bytes:
    """The chart as SVG for the screen (transparent; fonts named as the screen has them)."""
    from reportlab.graphics import renderSVG

    text = renderSVG.drawToString(chart.drawing)
    # Qt draws SVG Tiny, which has no clip paths: it would paint the clip's rectangle
    # black. Nothing of a chart reaches past its edges, so the clip can go.
    text = re.sub(r"<clipPath id=\"clip\">.*?</clipPath>", "", text, flags=re.S)
    text = text.replace(' style="clip-path: url(#clip)"', "")
    # The PDF's font names mean nothing to the screen: name families it has.
    for name, family in ((SANS_BOLD, "DejaVu Sans; font-weight: bold"),
                         (SANS, "DejaVu Sans"), (CJK, "WenQuanYi Micro Hei")):
        text = text.replace(f"font-family: {name};", f"font-family: {family};")
    return text.encode("utf-8")
