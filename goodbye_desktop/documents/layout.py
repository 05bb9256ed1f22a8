"""Page layout shared by every document: letterhead, address window, date, closing, numbering.

Geometry
- A4 (DIN 5008, form B): the address field is 85 x 45 mm, 20 mm from the left edge and
  45 mm from the top; its first 17.7 mm hold a small underlined return-address line, the
  recipient's address follows.  That is where a DL or C5/6 window envelope shows it.  Fold
  marks at 105 and 210 mm and a punch mark at 148.5 mm sit on the left edge.
- US Letter: the address sits where a #10 window envelope shows it, 7/8" from the left and
  2" from the top, in a 4" x 1 1/8" box (text inset by 1/8").
The page size comes from the profile, else from the locale (see i18n.default_page_size).

"Page x of y" is printed only when a letter runs past one page.  The canvas (`_PagedCanvas`)
keeps every page until the end and then knows the count; each page remembers which letter of
a batch it belongs to, so every letter of a batch is numbered on its own.
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass, field
from datetime import date

from reportlab import rl_config  # noqa: E402
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch, mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    ActionFlowable,
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)

from goodbye_desktop import clock
from goodbye_desktop.documents import i18n, shaping
from goodbye_desktop.documents.bidi import visual
from goodbye_desktop.documents.fonts import (
    SANS,
    SANS_BOLD,
    register_fonts,
    seed_document,
    split_runs,
)
from goodbye_desktop.documents.markup import clean_text, lines, one_line, paragraphs, to_markup
from goodbye_desktop.documents.values import Recipient, Sender
from goodbye_desktop.errors import ValidationError

# ASCII85-encoding the font streams costs time and 25 % in size for nothing: PDFs are binary.
rl_config.useA85 = 0

CREATOR = "Goodbye Desktop"
GREY = colors.Color(0.35, 0.35, 0.35)
LIGHT = colors.Color(0.75, 0.75, 0.75)
_BULLETS = ("• ", "- ", "* ", "– ")


@dataclass(frozen=True)
class PageSpec:
    """Where things go on a page size; lengths in points, `*_top` measured from the top."""

    name: str
    size: tuple[float, float]
    left: float
    right: float
    top: float
    bottom: float
    window_left: float  # the address text's left edge
    window_top: float  # top of the recipient's address lines
    window_width: float
    window_height: float  # room for the recipient's address lines
    return_line_top: float | None  # baseline of the return-address line (A4 only)
    date_top: float  # baseline of the date line
    body_top: float  # where the first page's text starts
    head_bottom: float  # the letterhead must end above this (clear of the window)
    fold_marks: tuple[float, ...] = ()

    @property
    def width(self) -> float:
        return self.size[0]

    @property
    def height(self) -> float:
        return self.size[1]

    @property
    def text_width(self) -> float:
        return self.size[0] - self.left - self.right


_A4_SPEC = PageSpec(
    name="A4",
    size=A4,
    left=25 * mm,
    right=20 * mm,
    top=20 * mm,
    bottom=22 * mm,
    window_left=25 * mm,  # field at 20 mm, text inset 5 mm as DIN 5008 shows it
    window_top=(45 + 17.7) * mm,
    window_width=75 * mm,
    window_height=27.3 * mm,
    return_line_top=(45 + 15.5) * mm,
    date_top=98.5 * mm,
    body_top=106 * mm,
    head_bottom=42 * mm,
    fold_marks=(105 * mm, 148.5 * mm, 210 * mm),
)

_LETTER_SPEC = PageSpec(
    name="Letter",
    size=LETTER,
    left=1.0 * inch,
    right=1.0 * inch,
    top=0.8 * inch,
    bottom=0.9 * inch,
    window_left=1.0 * inch,  # window at 7/8", text inset 1/8"
    window_top=2.0 * inch + 4,
    window_width=3.75 * inch,
    window_height=1.125 * inch - 8,
    return_line_top=None,
    date_top=3.5 * inch,
    body_top=3.8 * inch,
    head_bottom=1.85 * inch,
)


def page_spec(sender: Sender) -> PageSpec:
    """The page geometry for a sender: its page size, or its locale's usual paper."""
    size = sender.page_size or i18n.default_page_size(sender.locale)
    if size.lower() == "letter":
        return _LETTER_SPEC
    if size.upper() == "A4":
        return _A4_SPEC
    raise ValidationError("print.unknown_page_size", field="page_size", size=size)


@functools.cache
def styles() -> dict[str, ParagraphStyle]:
    """The paragraph styles, built once (fonts registered first: styles name them)."""
    register_fonts()
    body = ParagraphStyle("body", fontName=SANS, fontSize=10.5, leading=15, spaceAfter=7.5)
    made = {
        "body": body,
        "bullet": ParagraphStyle(
            "bullet", parent=body, leftIndent=14, bulletIndent=3, spaceAfter=2,
            bulletFontName=SANS,
        ),
        "subject": ParagraphStyle(
            "subject", parent=body, fontName=SANS_BOLD, fontSize=11, leading=15, spaceAfter=12
        ),
        "closing": ParagraphStyle("closing", parent=body, spaceBefore=6, spaceAfter=0),
        "signed": ParagraphStyle("signed", parent=body, spaceAfter=0),
        "signed_small": ParagraphStyle(
            "signed_small", parent=body, fontSize=9, leading=12, textColor=GREY, spaceAfter=0
        ),
        "head_name": ParagraphStyle(
            "head_name", fontName=SANS_BOLD, fontSize=15, leading=18, spaceAfter=0
        ),
        "head_small": ParagraphStyle(
            "head_small", fontName=SANS, fontSize=8, leading=10.5, textColor=GREY
        ),
        "return_line": ParagraphStyle(
            "return_line", fontName=SANS, fontSize=6.5, leading=7.5, textColor=GREY
        ),
        "address": ParagraphStyle("address", fontName=SANS, fontSize=10, leading=12),
        "date": ParagraphStyle(
            "date", fontName=SANS, fontSize=10.5, leading=13, alignment=TA_RIGHT
        ),
        "footer": ParagraphStyle("footer", fontName=SANS, fontSize=8, textColor=GREY),
        "cell": ParagraphStyle("cell", fontName=SANS, fontSize=9, leading=11.5),
        "cell_head": ParagraphStyle(
            "cell_head", fontName=SANS_BOLD, fontSize=9, leading=11.5
        ),
    }
    return made


_shaping_styles: dict[int, ParagraphStyle] = {}


def paragraph(markup: str, style: ParagraphStyle, **kwargs: object) -> Paragraph:
    """A Paragraph of markup; shaped by HarfBuzz when it holds a complex-script run.

    Only then: ReportLab sets a shaping paragraph word by word, which costs a plain letter
    a measurable share of its time for nothing.
    """
    if shaping.SHAPED_FONTS and shaping.available() and any(
            f'name="{name}"' in markup for name in shaping.SHAPED_FONTS):
        shaped = _shaping_styles.get(id(style))
        if shaped is None:
            shaping.install()
            shaped = ParagraphStyle(style.name + "-shaped", parent=style, shaping=1)
            _shaping_styles[id(style)] = shaped
        style = shaped
    return Paragraph(markup, style, **kwargs)


def para(text: str, style: str | ParagraphStyle) -> Paragraph:
    """A Paragraph of plain text (escaped, script runs in their fonts)."""
    st = styles()[style] if isinstance(style, str) else style
    return paragraph(to_markup(text, st.fontName), st)


def text_width(text: str, font: str, size: float) -> float:
    """Width of one line of plain text set in `font` (CJK runs measured in their own font)."""
    return sum(stringWidth(run, name, size) for name, run in split_runs(text, font))


def draw_text(canv: Canvas, x: float, y: float, text: str, font: str = SANS,
              size: float = 10, align: str = "left", max_width: float | None = None,
              min_size: float = 5) -> float:
    """Draw one line of plain text at baseline y, run by run; return the size used.

    Much cheaper than a Paragraph for the fixed one-line parts of a page (date, return
    address, labels).  A line wider than `max_width` is set smaller, down to `min_size`.
    """
    runs = split_runs(visual(text, by_words=shaping.available()), font)
    widths = [shaping.shaped_line(run, name, size)[1] for name, run in runs]
    total = sum(widths)
    if max_width and total > max_width:
        new_size = max(min_size, size * max_width / total)
        widths = [w * new_size / size for w in widths]
        total, size = sum(widths), new_size
    if align == "right":
        x -= total
    elif align == "centre":
        x -= total / 2
    for (name, run), w in zip(runs, widths, strict=True):
        canv.setFont(name, size)
        canv.drawString(x, y, shaping.shaped_line(run, name, size)[0])
        x += w
    return size


# --- images -------------------------------------------------------------------------------


@functools.lru_cache(maxsize=16)
def _image_reader(data: bytes) -> ImageReader:
    # Decoding a PNG is the slowest part of a letter with a logo: keep the decoded image.
    return ImageReader(io.BytesIO(data))


def image(data: bytes, field_name: str) -> ImageReader:
    """A decoded PNG/JPEG; a ValidationError naming the profile field if it is not one."""
    try:
        reader = _image_reader(data)
        reader.getSize()
    except Exception as exc:  # PIL raises many types for a broken file
        raise ValidationError("profile.image_unreadable", field=field_name,
                              image=field_name) from exc
    return reader


def _fit(data: ImageReader, max_w: float, max_h: float) -> tuple[float, float]:
    w, h = data.getSize()
    scale = min(max_w / w, max_h / h)
    return w * scale, h * scale


class ImageFlowable(Flowable):
    """A decoded image at a fixed size, left-aligned (the signature)."""

    def __init__(self, reader: ImageReader, width: float, height: float) -> None:
        super().__init__()
        self.reader, self.width, self.height = reader, width, height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.canv.drawImage(self.reader, 0, 0, self.width, self.height, mask="auto")


# --- one letter's fixed parts ---------------------------------------------------------------


@dataclass
class LetterContext:
    """What the first page of one letter draws around the text, and its numbering key."""

    sender: Sender
    recipient: Recipient | None
    spec: PageSpec
    date_text: str
    number: int = 0  # which letter of the document (pages are numbered per letter)
    _cache: dict[str, object] = field(default_factory=dict, repr=False)


def make_context(sender: Sender, recipient: Recipient | None, when: date | None) -> LetterContext:
    spec = page_spec(sender)
    if sender.logo:
        # Checked now: inside the build, ReportLab rewraps exceptions and loses our field.
        image(sender.logo, "logo")
    when = when or clock.today()
    return LetterContext(sender, recipient, spec, i18n.format_date(when, sender.locale))


def recipient_lines(recipient: Recipient, locale: str) -> list[str]:
    """The address block's lines: person then organisation (organisation first in German)."""
    client = one_line(recipient.client_name)
    contact = one_line(recipient.contact_name)
    names = [client]
    if contact and contact.casefold() != client.casefold():
        lang, _ = i18n.split_locale(locale)
        names = [client, contact] if lang == "de" else [contact, client]
    return [n for n in names if n] + lines(recipient.address)


def return_address(sender: Sender) -> str:
    """One line: business name and postal address, for the return-address line."""
    return " · ".join([one_line(sender.business_name), *lines(sender.address)])


def _fitted_block(text_lines: list[str], style: ParagraphStyle, width: float,
                  height: float, min_size: float = 7) -> Paragraph:
    """A multi-line block shrunk, down to `min_size`, until it fits width x height."""
    markup = "<br/>".join(to_markup(line, style.fontName) for line in text_lines)
    size = style.fontSize
    while True:
        st = ParagraphStyle("fit", parent=style, fontSize=size, leading=size * 1.2)
        p = paragraph(markup, st)
        _, h = p.wrap(width, height)
        if h <= height + 0.5 or size <= min_size:
            return p
        size -= 0.5


def _draw_letterhead(canv: Canvas, ctx: LetterContext) -> None:
    spec, sender = ctx.spec, ctx.sender
    st = styles()
    top = spec.height - (12 * mm if spec.name == "A4" else 0.6 * inch)
    room = spec.text_width
    lowest = top  # the lowest point of the letterhead so far (text or logo)
    if sender.logo:
        logo = image(sender.logo, "logo")
        w, h = _fit(logo, 45 * mm, 20 * mm)
        canv.drawImage(logo, spec.width - spec.right - w, top - h, w, h, mask="auto")
        room -= w + 6 * mm
        lowest = top - h
    y = top
    name = one_line(sender.business_name)
    if name:
        p = paragraph(to_markup(name, SANS_BOLD), st["head_name"])
        _, h = p.wrap(room, 60)
        p.drawOn(canv, spec.left, y - h)
        y -= h + 1.5
    small = [" · ".join(lines(sender.address))]
    small.append(" · ".join(one_line(v) for v in (sender.email, sender.phone, sender.website)
                            if one_line(v)))
    head_small = st["head_small"]
    for line in small:
        if not line:
            continue
        if text_width(line, SANS, head_small.fontSize) <= room:
            canv.setFillColor(GREY)
            draw_text(canv, spec.left, y - head_small.fontSize, line, SANS, head_small.fontSize)
            canv.setFillColor(colors.black)
            y -= head_small.leading
        else:  # a long address wraps
            p = paragraph(to_markup(line), head_small)
            _, h = p.wrap(room, 40)
            p.drawOn(canv, spec.left, y - h)
            y -= h
    # A hairline under the letterhead, clear of the address field below it.
    canv.setStrokeColor(LIGHT)
    canv.setLineWidth(0.5)
    rule = max(min(y, lowest) - 3 * mm, spec.height - spec.head_bottom)
    canv.line(spec.left, rule, spec.width - spec.right, rule)


def _draw_address(canv: Canvas, ctx: LetterContext) -> None:
    spec, st = ctx.spec, styles()
    if spec.return_line_top is not None:
        text = return_address(ctx.sender)
        if text:
            base = spec.height - spec.return_line_top
            canv.setFillColor(GREY)
            draw_text(canv, spec.window_left, base + 1.5, text, SANS, 6.5,
                      max_width=spec.window_width, min_size=4)
            canv.setFillColor(colors.black)
            canv.setStrokeColor(GREY)
            canv.setLineWidth(0.3)
            canv.line(spec.window_left, base, spec.window_left + spec.window_width, base)
    if ctx.recipient is None:
        return
    address = recipient_lines(ctx.recipient, ctx.sender.locale)
    style = st["address"]
    fits = len(address) * style.leading <= spec.window_height and all(
        text_width(line, SANS, style.fontSize) <= spec.window_width for line in address
    )
    if fits:  # the usual case: plain lines, no Paragraph needed
        y = spec.height - spec.window_top - style.fontSize
        for line in address:
            draw_text(canv, spec.window_left, y, line, SANS, style.fontSize)
            y -= style.leading
    else:  # long names wrap, and the block shrinks to stay inside the window
        block = _fitted_block(address, style, spec.window_width, spec.window_height,
                              min_size=6)
        _, h = block.wrap(spec.window_width, spec.window_height)
        block.drawOn(canv, spec.window_left, spec.height - spec.window_top - h)


def _draw_first_page(canv: Canvas, doc: BaseDocTemplate) -> None:
    ctx: LetterContext = doc.gd_context
    canv._gd_letter = ctx.number  # read by _PagedCanvas.save for per-letter numbering
    canv._gd_locale = ctx.sender.locale
    _draw_letterhead(canv, ctx)
    _draw_address(canv, ctx)
    spec = ctx.spec
    draw_text(canv, spec.width - spec.right, spec.height - spec.date_top, ctx.date_text, SANS,
              styles()["date"].fontSize, align="right", max_width=spec.text_width)
    if spec.fold_marks:
        canv.setStrokeColor(LIGHT)
        canv.setLineWidth(0.4)
        for y in spec.fold_marks:
            canv.line(4 * mm, spec.height - y, 9 * mm, spec.height - y)


def _draw_later_page(canv: Canvas, doc: BaseDocTemplate) -> None:
    ctx: LetterContext = doc.gd_context
    canv._gd_letter = ctx.number
    canv._gd_locale = ctx.sender.locale
    spec = ctx.spec
    # A quiet running head so a loose second page can be matched to its letter.
    bits = [one_line(ctx.sender.business_name)]
    if ctx.recipient is not None:
        bits.append(one_line(ctx.recipient.client_name)[:80])
    bits.append(ctx.date_text)
    canv.setFillColor(GREY)
    draw_text(canv, spec.left, spec.height - 14 * mm, " · ".join(b for b in bits if b), SANS,
              8, max_width=spec.text_width)
    canv.setFillColor(colors.black)


class _PagedCanvas(Canvas):
    """A canvas that holds its pages until save() to write "Page x of y" on long letters."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        seed_document(self._doc)
        self._gd_pages: list[dict] = []
        self._gd_letter = 0
        self._gd_locale = "en_GB"

    def showPage(self) -> None:  # noqa: N802 - ReportLab's name
        self._gd_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        totals: dict[int, int] = {}
        for page in self._gd_pages:
            totals[page["_gd_letter"]] = totals.get(page["_gd_letter"], 0) + 1
        seen: dict[int, int] = {}
        for page in self._gd_pages:
            self.__dict__.update(page)
            key = self._gd_letter
            seen[key] = seen.get(key, 0) + 1
            if totals[key] > 1:
                self._draw_page_number(seen[key], totals[key])
            super().showPage()
        super().save()

    def _draw_page_number(self, page: int, pages: int) -> None:
        width = self._pagesize[0]
        self.setFillColor(GREY)
        text = i18n.label("page", self._gd_locale, page=page, pages=pages)
        draw_text(self, width / 2, 12 * mm, text, SANS, 8, align="centre")


class _SetContext(ActionFlowable):
    """Switches the document to the next letter of a batch (before its page break)."""

    def __init__(self, ctx: LetterContext) -> None:
        super().__init__()
        self.ctx = ctx

    def apply(self, doc: BaseDocTemplate) -> None:
        doc.gd_context = self.ctx


def _templates(spec: PageSpec) -> list[PageTemplate]:
    first = Frame(spec.left, spec.bottom, spec.text_width, spec.height - spec.body_top
                  - spec.bottom, id="first", leftPadding=0, rightPadding=0, topPadding=0,
                  bottomPadding=0)
    later = Frame(spec.left, spec.bottom, spec.text_width, spec.height - spec.top
                  - spec.bottom, id="later", leftPadding=0, rightPadding=0, topPadding=0,
                  bottomPadding=0)
    return [
        PageTemplate(f"first-{spec.name}", [first], onPage=_draw_first_page,
                     pagesize=spec.size, autoNextPageTemplate=f"later-{spec.name}"),
        PageTemplate(f"later-{spec.name}", [later], onPage=_draw_later_page,
                     pagesize=spec.size),
    ]


def body_flowables(subject: str, body: str) -> list[Flowable]:
    """The subject line and the body's paragraphs; bulleted paragraphs become lists."""
    st = styles()
    out: list[Flowable] = []
    if subject.strip():
        out.append(para(one_line(subject), "subject"))
    for block in paragraphs(body):
        block_lines = [line.strip() for line in block.split("\n")]
        if block_lines and all(line.startswith(_BULLETS) for line in block_lines):
            for item in block_lines:
                p = paragraph(to_markup(item[2:].strip()), st["bullet"], bulletText="•")
                out.append(p)
            out.append(Spacer(1, 6))
        else:
            out.append(paragraph(to_markup(block), st["body"]))
    return out


def closing_flowables(sender: Sender, closing: str,
                      lead: list[Flowable] | None = None) -> list[Flowable]:
    """Closing words, signature image (or room to sign), the owner's and business's names;
    `lead` (the letter's last paragraph) goes with them to the page they are on."""
    parts: list[Flowable] = [*(lead or ()), Spacer(1, 4)]
    if closing.strip():
        parts.append(para(clean_text(closing).strip(), "closing"))
    if sender.signature:
        sig = image(sender.signature, "signature")
        w, h = _fit(sig, 50 * mm, 16 * mm)
        parts += [Spacer(1, 2 * mm), ImageFlowable(sig, w, h), Spacer(1, 1 * mm)]
    else:
        parts.append(Spacer(1, 13 * mm))
    if one_line(sender.owner_name):
        parts.append(para(one_line(sender.owner_name), "signed"))
    if one_line(sender.business_name):
        parts.append(para(one_line(sender.business_name), "signed_small"))
    # The closing block is never split from itself, nor from the last paragraph: a
    # signature alone on a page looks lost.
    return [KeepTogether(parts)]


def last_paragraph(story: list[Flowable]) -> list[Flowable]:
    """Take the story's last paragraph off its end (for `closing_flowables`); [] when the
    story ends in something else (a table)."""
    if story and isinstance(story[-1], Paragraph):
        return [story.pop()]
    return []


@dataclass
class LetterPart:
    """One letter of a document: its fixed parts and its flowing text."""

    context: LetterContext
    story: list[Flowable]


def build_pdf(parts: list[LetterPart], title: str, subject: str = "") -> bytes:
    """Render letters into one PDF, each starting on a new page; return the bytes."""
    if not parts:
        raise ValidationError("print.empty_list")
    register_fonts()
    first = parts[0].context
    buf = io.BytesIO()
    lang, country = i18n.split_locale(first.sender.locale)
    doc = BaseDocTemplate(
        buf,
        pagesize=first.spec.size,
        title=one_line(title),
        author=one_line(first.sender.business_name),
        subject=one_line(subject),
        creator=CREATOR,
        producer=CREATOR,
        initialFontName=SANS,
        lang=f"{lang}-{country}" if country else lang,
        displayDocTitle=True,
    )
    # The first letter's templates come first: the document starts on pageTemplates[0].
    specs = {p.context.spec.name: p.context.spec for p in parts}
    doc.addPageTemplates([t for spec in specs.values() for t in _templates(spec)])
    story: list[Flowable] = []
    for i, part in enumerate(parts):
        part.context.number = i
        if i:
            story += [_SetContext(part.context),
                      NextPageTemplate(f"first-{part.context.spec.name}"), PageBreak()]
        story += part.story
    doc.gd_context = first
    doc.build(story, canvasmaker=_PagedCanvas)
    return buf.getvalue()


# Public names for the year in review (documents/report.py), which shares the letterhead
# and the "Page x of y" numbering with the letters.
draw_letterhead = _draw_letterhead
PagedCanvas = _PagedCanvas
