"""Many at once: letters in one PDF, envelopes, and sheets of address labels.

- `letters_batch`: each letter starts on a new page and keeps its own letterhead, address
  and "Page x of y" numbering (only on letters longer than a page).
- `envelopes`: one envelope per page, DL (220 x 110 mm) or US #10 (9 1/2 x 4 1/8 in),
  landscape, return address top left, recipient right of centre where franking machines
  and postal scanners expect it.
- `address_labels`: common label sheets, filled left to right, top to bottom; `skip`
  leaves the first labels of a partly used sheet empty.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import inch, mm
from reportlab.pdfgen.canvas import Canvas

from goodbye_desktop.documents.fonts import SANS, SANS_BOLD, register_fonts
from goodbye_desktop.documents.layout import (
    CREATOR,
    GREY,
    LetterPart,
    _fitted_block,
    build_pdf,
    draw_text,
    recipient_lines,
    styles,
    text_width,
)
from goodbye_desktop.documents.markup import lines, one_line
from goodbye_desktop.documents.values import LetterItem, Recipient, Sender
from goodbye_desktop.errors import ValidationError

ENVELOPE_SIZES: dict[str, tuple[float, float]] = {
    "DL": (220 * mm, 110 * mm),
    "#10": (9.5 * inch, 4.125 * inch),
}


@dataclass(frozen=True)
class LabelSheet:
    """A label sheet's geometry: page size, grid, label size, first label's corner, pitch."""

    page: tuple[float, float]
    columns: int
    rows: int
    width: float
    height: float
    left: float  # left edge of the first column
    top: float  # top edge of the first row, from the top of the page
    pitch_x: float  # from one label's left edge to the next one's
    pitch_y: float


LABEL_SHEETS: dict[str, LabelSheet] = {
    # Avery L7160 and its many equivalents: 21 labels of 63.5 x 38.1 mm.
    "A4": LabelSheet(A4, 3, 7, 63.5 * mm, 38.1 * mm, 7.2 * mm, 15.15 * mm, 66.0 * mm,
                     38.1 * mm),
    # 21 labels of 70 x 42.3 mm edge to edge (Avery 3652-like, Herma 4453).
    "A4-70x42": LabelSheet(A4, 3, 7, 70 * mm, 42.3 * mm, 0, 0.3 * mm, 70 * mm, 42.3 * mm),
    # Avery 5160 and equivalents: 30 labels of 2 5/8 x 1 in.
    "Letter": LabelSheet(LETTER, 3, 10, 2.625 * inch, 1 * inch, 0.1875 * inch, 0.5 * inch,
                         2.75 * inch, 1 * inch),
}


def letters_batch(items: Iterable[LetterItem]) -> bytes:
    """Many letters in one PDF, each from a new page with its own page numbering."""
    from goodbye_desktop.documents.letters import LETTER_KINDS, letter_part

    chosen = list(items)
    if not chosen:
        raise ValidationError("print.no_letters")
    parts: list[LetterPart] = []
    for item in chosen:
        part, _ = letter_part(item.kind, item.sender, item.recipient, item.facts,
                              item.template, item.steps or None)
        parts.append(part)
    subject = ", ".join(dict.fromkeys(LETTER_KINDS[item.kind] for item in chosen))
    return build_pdf(parts, title=f"Letters ({len(parts)})", subject=subject)


def _canvas(buf: io.BytesIO, size: tuple[float, float], title: str, author: str) -> Canvas:
    register_fonts()
    canv = Canvas(buf, pagesize=size, initialFontName=SANS)
    canv.setTitle(title)
    canv.setAuthor(author)
    canv.setCreator(CREATOR)
    canv.setProducer(CREATOR)
    return canv


def envelopes(sender: Sender, recipients: Iterable[Recipient], size: str = "DL") -> bytes:
    """One envelope per page: `size` is "DL" (A4 countries) or "#10" (US)."""
    if size not in ENVELOPE_SIZES:
        raise ValidationError("print.unknown_envelope", field="size", size=size)
    people = list(recipients)
    if not people:
        raise ValidationError("print.no_recipients")
    width, height = ENVELOPE_SIZES[size]
    buf = io.BytesIO()
    canv = _canvas(buf, (width, height), "Envelopes", one_line(sender.business_name))
    edge = 10 * mm
    # Return address: small, top left.
    ret = [one_line(sender.business_name), *lines(sender.address)]
    ret = [line for line in ret if line]
    # Recipient: left edge right of centre, top a little above the middle.
    addr_left = width * (0.45 if size == "DL" else 0.42)
    addr_top = height * 0.45
    addr_width = width - addr_left - edge
    addr_height = height - addr_top - edge
    size_pt = 11
    big = styles()["address"].clone("envelope", fontSize=size_pt, leading=size_pt * 1.25)
    for person in people:
        y = height - edge - 8
        for i, line in enumerate(ret[:6]):
            canv.setFillColor(colors.black if i == 0 else GREY)
            draw_text(canv, edge, y, line, SANS_BOLD if i == 0 else SANS, 8,
                      max_width=width * 0.4)
            y -= 10
        canv.setFillColor(colors.black)
        address = recipient_lines(person, sender.locale)
        fits = len(address) * size_pt * 1.25 <= addr_height and all(
            text_width(line, SANS, size_pt) <= addr_width for line in address)
        if fits:
            y = height - addr_top - size_pt
            for line in address:
                draw_text(canv, addr_left, y, line, SANS, size_pt)
                y -= size_pt * 1.25
        else:
            block = _fitted_block(address, big, addr_width, addr_height)
            _, h = block.wrap(addr_width, addr_height)
            block.drawOn(canv, addr_left, height - addr_top - h)
        canv.showPage()
    canv.save()
    return buf.getvalue()


def address_labels(recipients: Iterable[Recipient], sheet: str = "A4", skip: int = 0,
                   locale: str = "en_GB") -> bytes:
    """Address labels on a sheet: "A4" (63.5 x 38.1 mm, 3 x 7), "A4-70x42" (70 x 42.3 mm,
    3 x 7) or "Letter" (2 5/8 x 1 in, 3 x 10).  `skip` labels are left blank at the start."""
    if sheet not in LABEL_SHEETS:
        raise ValidationError("print.unknown_sheet", field="sheet", sheet=sheet,
                              sheets=tuple(LABEL_SHEETS))
    people = list(recipients)
    if not people:
        raise ValidationError("print.no_recipients")
    geo = LABEL_SHEETS[sheet]
    per_page = geo.columns * geo.rows
    skip = max(0, skip) % per_page
    buf = io.BytesIO()
    canv = _canvas(buf, geo.page, "Address labels", "")
    style = styles()["address"].clone("label", fontSize=9.5, leading=11.5)
    # Printers do not print to the edge of a label: keep text well inside it.
    inset_x = 5 * mm if geo.width > 60 * mm else 4 * mm
    inset_y = 3 * mm
    room_w = geo.width - 2 * inset_x
    room_h = geo.height - 2 * inset_y
    page_height = geo.page[1]
    for n, person in enumerate(people, start=skip):
        slot = n % per_page
        if n and slot == 0:
            canv.showPage()
        col, row = slot % geo.columns, slot // geo.columns
        left = geo.left + col * geo.pitch_x
        top = page_height - geo.top - row * geo.pitch_y
        address = recipient_lines(person, locale)
        block = _fitted_block(address, style, room_w, room_h, min_size=6)
        _, h = block.wrap(room_w, room_h)
        # Centred vertically: labels look tidy whatever the number of lines.
        block.drawOn(canv, left + inset_x, top - inset_y - (room_h - h) / 2 - h)
    canv.showPage()
    canv.save()
    return buf.getvalue()
