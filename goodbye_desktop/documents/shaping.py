"""Shaped text for Arabic, Hebrew, Devanagari and Thai: HarfBuzz through ReportLab, done right.

ReportLab 5 shapes TrueType text with `uharfbuzz` (Arabic letters joined, Devanagari
conjuncts and vowel signs in place) when a paragraph style asks for it. Two things are
mended here, once per process (`install()`):

- ReportLab shapes a whole word with the font of its first piece, so "محمد," (a name in
  the Arabic face, then a comma in DejaVu Sans) printed the comma as a wrong glyph. Words
  are shaped here piece by piece, each with its own font, and only the pieces set in one
  of the complex-script faces: Latin text stays as cheap as it was.
- A shaped glyph (a conjunct, a ligature, a reordered vowel sign) has no character of its
  own; copied or extracted, the name came out with holes. Each shaped piece is written
  inside a marked-content span whose /ActualText is the text as typed, which extractors
  (pdftotext, Acrobat, screen readers) read instead of the glyphs.
"""

from __future__ import annotations

import threading

from goodbye_desktop.documents.bidi import has_rtl

_lock = threading.Lock()
_installed = False
_FEATURES = {"kern": True, "liga": True}
# Fonts (names as registered) whose text is shaped; filled by fonts.register_fonts.
SHAPED_FONTS: set[str] = set()


def available() -> bool:
    """Whether HarfBuzz can be used (uharfbuzz installed and seen by ReportLab)."""
    from reportlab.pdfbase import ttfonts

    return ttfonts.uharfbuzz is not None


def install() -> None:
    """Patch ReportLab's shaping entry points once; safe to call often."""
    global _installed
    if _installed:
        return
    with _lock:
        if _installed:
            return
        from reportlab.pdfbase import ttfonts
        from reportlab.pdfgen import textobject
        from reportlab.platypus import paragraph

        original = ttfonts.shapeFragWord
        if not available():  # ReportLab's stand-in returns the word unchanged
            _installed = True
            return

        def shape_frag_word(w, features=None, force=False):
            return _shape_frag_word(original, w, features, force)

        ttfonts.shapeFragWord = shape_frag_word
        paragraph.shapeFragWord = shape_frag_word
        _carry_actual_text(ttfonts.ShapedStr)
        format_text = textobject.PDFTextObject._formatText

        def formatted(self, text):
            code = format_text(self, text)
            actual = getattr(text, "_gd_actual", None)
            if not actual:
                return code
            hexed = "FEFF" + actual.encode("utf-16-be", "surrogatepass").hex().upper()
            return f"/Span <</ActualText <{hexed}>>> BDC {code} EMC"

        textobject.PDFTextObject._formatText = formatted
        _installed = True


def shaped_line(text: str, font: str, size: float) -> tuple[str, float]:
    """One run of text for Canvas.drawString: shaped when its font is a complex-script face.

    Returns the text to draw and its width in points.
    """
    from reportlab.pdfbase import ttfonts
    from reportlab.pdfbase.pdfmetrics import stringWidth

    width = stringWidth(text, font, size)
    if font not in SHAPED_FONTS or not available() or not text:
        return text, width
    install()
    from reportlab.lib.abag import ABag

    word = ttfonts.shapeFragWord([width, (ABag(fontName=font, fontSize=size), text)])
    if len(word) != 2:
        return text, width
    return word[1][1], word[0]


def _shape_frag_word(original, w, features, force):
    """Shape a frag word ([width, (frag, text), ...]) piece by piece, each in its own font."""
    pieces = w[1:]
    if any(hasattr(f, "cbDefn") for f, _ in pieces):
        return w  # links and anchors inside a name: leave ReportLab's word alone
    if not any(getattr(f, "fontName", "") in SHAPED_FONTS for f, _ in pieces):
        return w
    if any(hasattr(text, "__shapeData__") for _, text in pieces):
        # Shaped already: a paragraph measured once more (kept together with the closing)
        # brings back the glyphs it was given, with their width.
        return w
    from reportlab.pdfbase import ttfonts
    from reportlab.pdfbase.pdfmetrics import stringWidth

    out: list = [0.0]
    changed = False
    for f, text in pieces:
        if getattr(f, "fontName", "") not in SHAPED_FONTS or not text:
            out.append((f, text))
            out[0] += stringWidth(text, f.fontName, f.fontSize)
            continue
        # Kerning and the standard ligatures; not the discretionary ones (dlig), which in
        # Noto Sans Arabic turn "محمد" into a vowelled calligraphic sign the name was not
        # typed with.
        kwargs = {"features": features or _FEATURES, "force": force}
        shaped = original([stringWidth(text, f.fontName, f.fontSize), (f, text)], **kwargs)
        if shaped is None or len(shaped) < 2:
            out.append((f, text))
            out[0] += stringWidth(text, f.fontName, f.fontSize)
            continue
        changed = changed or shaped[1][1] != text or len(shaped) != 2
        for piece in shaped[1:]:
            glyphs = piece[1]
            if hasattr(glyphs, "__shapeData__"):
                # Extractors read the typed text instead of the glyphs (see the docstring).
                # They lay it out like the glyphs it stands for and then put right-to-left
                # letters back in reading order, so a right-to-left word is given reversed.
                glyphs._gd_actual = text[::-1] if has_rtl(text) else text
                changed = True
            out.append(piece)
        out[0] += shaped[0]
    if not changed:
        return w
    # Keep the word's own class (ReportLab marks hyphenation and split words by class).
    return ttfonts.makeShapedFragWord(w)(out)


def _carry_actual_text(shaped_str: type) -> None:
    """Keep the typed text when ReportLab joins shaped words into one line."""

    def actual(s: object) -> str:
        return getattr(s, "_gd_actual", None) or str(s)

    add, radd = shaped_str.__add__, shaped_str.__radd__

    def joined(self, other):
        result = add(self, other)
        if getattr(self, "_gd_actual", None) or getattr(other, "_gd_actual", None):
            result._gd_actual = actual(self) + actual(other)
        return result

    def rjoined(self, other):
        result = radd(self, other)
        if getattr(self, "_gd_actual", None) or getattr(other, "_gd_actual", None):
            result._gd_actual = actual(other) + actual(self)
        return result

    shaped_str.__add__ = joined
    shaped_str.__radd__ = rjoined
