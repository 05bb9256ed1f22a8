"""Fonts for the documents: registration with ReportLab and per-script runs.

ReportLab has no glyph fallback: a character the current font lacks prints as an empty box.
So every piece of text is split into *runs*, each with the font that covers it: CJK, Hangul,
Kana and full-width forms go to WenQuanYi Micro Hei; Arabic, Hebrew, Devanagari and Thai to
their Noto Sans faces (shaped by HarfBuzz, see shaping.py); everything else to DejaVu Sans
(Latin, Greek, Cyrillic, Armenian, Georgian and many symbols).  `unprintable()` names the
characters no shipped face has (an emoji), so the pre-flight can say so before printing.

Registration is done once per process (a module-level guard) and the CJK font, a 5 MB TTC
that takes ~0.2 s to parse, is only loaded the first time a run needs it.  Importing this
module is cheap: ReportLab's font machinery is imported on first registration.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from pathlib import Path

# Font names as registered with ReportLab.  Kept short: they end up in every PDF.
SANS = "GDSans"
SANS_BOLD = "GDSans-Bold"
CJK = "GDCJK"
ARABIC = "GDArabic"
HEBREW = "GDHebrew"
DEVANAGARI = "GDDevanagari"
THAI = "GDThai"

# The complex-script faces: (registered name, file, blocks it takes over from DejaVu Sans).
# Regular only: a bold subject line prints these scripts in the regular weight, as CJK.
_SCRIPT_FONTS: tuple[tuple[str, str, tuple[tuple[int, int], ...]], ...] = (
    (ARABIC, "NotoSansArabic-Regular.ttf",
     ((0x0600, 0x06FF), (0x0750, 0x077F), (0x0870, 0x08FF), (0xFB50, 0xFDFF),
      (0xFE70, 0xFEFE))),
    (HEBREW, "NotoSansHebrew-Regular.ttf", ((0x0590, 0x05FF), (0xFB1D, 0xFB4F))),
    (DEVANAGARI, "NotoSansDevanagari-Regular.ttf", ((0x0900, 0x097F), (0xA8E0, 0xA8FF),
                                                    (0x1CD0, 0x1CFF))),
    (THAI, "NotoSansThai-Regular.ttf", ((0x0E00, 0x0E7F),)),
)
_script_registered: set[str] = set()

_lock = threading.Lock()
_base_registered = False
_cjk_registered = False

# Unicode blocks WenQuanYi covers and DejaVu Sans does not (or covers poorly).
# (start, end) inclusive; sorted, so the test below can stop early.
_CJK_RANGES: tuple[tuple[int, int], ...] = (
    (0x1100, 0x11FF),  # Hangul Jamo
    (0x2E80, 0x2FFF),  # CJK radicals, Kangxi radicals, ideographic description
    (0x3000, 0x303F),  # CJK symbols and punctuation (ideographic space, 「」, 。)
    (0x3040, 0x30FF),  # Hiragana, Katakana
    (0x3100, 0x31FF),  # Bopomofo, Hangul compatibility Jamo, Kanbun, CJK strokes, Kana ext.
    (0x3200, 0x33FF),  # Enclosed CJK letters, CJK compatibility
    (0x3400, 0x4DBF),  # CJK unified ideographs extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xA960, 0xA97F),  # Hangul Jamo extended A
    (0xAC00, 0xD7FF),  # Hangul syllables, Jamo extended B
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # Half-width and full-width forms
    (0x20000, 0x3134F),  # CJK extensions B to G and compatibility supplement
)
_CJK_LOW = _CJK_RANGES[0][0]
# One regex for "is there any CJK at all": most text has none and skips the per-character loop.
_CJK_RE = re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in _CJK_RANGES) + "]")
# Any character that is not set in DejaVu Sans: most text has none and takes the fast path.
_SPECIAL_RE = re.compile("[" + "".join(
    f"{chr(a)}-{chr(b)}" for a, b in (*_CJK_RANGES,
                                      *(r for _, _, ranges in _SCRIPT_FONTS for r in ranges)))
    + "]")

# Characters that belong to the run they follow, whatever their block: joiners and
# variation selectors would otherwise start a one-character run in the wrong font.
_ATTACHING = {0x200C, 0x200D, *range(0xFE00, 0xFE10)}


def fonts_dir() -> Path:
    from goodbye_desktop.resources import resources_dir

    return resources_dir() / "fonts"


def register_fonts() -> None:
    """Register DejaVu Sans (regular and bold) with ReportLab; safe to call often."""
    global _base_registered
    if _base_registered:  # the fast path, no lock: a plain bool read
        return
    with _lock:
        if _base_registered:
            return
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        _fix_to_unicode_cmap()
        folder = fonts_dir()
        # Parsing a face costs about 30 ms: only the two the documents use are read.
        for name, file in ((SANS, "DejaVuSans.ttf"), (SANS_BOLD, "DejaVuSans-Bold.ttf")):
            font = TTFont(name, str(folder / file))
            _cache_subsets(font)
            pdfmetrics.registerFont(font)
        # The family lets <b> (and <i>) inside a paragraph pick a face. No document uses
        # italics, so they print upright rather than cost a third face at every start.
        addMapping(SANS, 0, 0, SANS)
        addMapping(SANS, 1, 0, SANS_BOLD)
        addMapping(SANS, 0, 1, SANS)
        addMapping(SANS, 1, 1, SANS_BOLD)
        _base_registered = True


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap, writing characters beyond U+FFFF as UTF-16 pairs.

    ReportLab writes them as five hex digits, which is invalid: extractors then drop or
    garble the character *and the text after it*, so a name with an emoji loses its end.
    """
    cmap = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{i:02X}> <{chr(v).encode('utf-16-be', 'surrogatepass').hex().upper()}>"
          for i, v in enumerate(subset)),
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]
    return "\n".join(cmap)


def _fix_to_unicode_cmap() -> None:
    # ttfonts looks the function up by its module-level name when it writes a font, so
    # replacing it there is enough.  Only documents/ uses ReportLab in this app.
    from reportlab.pdfbase import ttfonts

    if hasattr(ttfonts, "makeToUnicodeCMap"):
        ttfonts.makeToUnicodeCMap = _to_unicode_cmap


# --- subset cache ---------------------------------------------------------------------------
#
# Embedding a font costs ~2.5 ms per font and document (ReportLab builds the subset font in
# Python, then compresses it): half the time of a whole letter.  ReportLab numbers the
# characters of a document in order of first use, 256 to a subset, so two letters rarely
# produce the same subset.  `seed_document()` makes the first subset the same for every
# document - ASCII plus the 159 most useful Latin characters - and the face's subset builder
# below keeps the finished, compressed font program of such a subset.  Characters outside
# it go to a second, small subset, built as usual.

_SEED = (
    # Latin-1: Western European letters and the common signs.
    "¡¢£¥§©«®°±µ¶·»¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ"
    # Typography: dashes, quotes, ellipsis, bullet, euro, trade mark.
    "–—‘’“”„…•€™"
    # Central European, Baltic, Turkish, Romanian letters.
    "ĄąĆćČčĎďĐđĘęĚěĞğİıŁłŃńŇňŐőŒœŘřŚśŞşŠšŢţŤťŮůŰűŸŹźŻżŽžȘșȚțĀāĒēĪīŪūĖėĮįŲų"
)
_SUBSET_SLOTS = 159  # codes 1-31 and 128-255 of the first subset (32-127 are ASCII)
_subset_cache: dict[tuple[str, tuple[int, ...]], tuple[bytes, int]] = {}
_SUBSET_CACHE_MAX = 16


def _cache_subsets(font: object) -> None:
    """Give this font's face a subset builder that reuses compressed font programs."""
    face = font.face  # type: ignore[attr-defined]
    original = face.addSubsetObjects
    filename = font.fontName  # type: ignore[attr-defined]

    def add_subset_objects(doc, fontname, subset):  # ReportLab's signature
        key = (filename, tuple(subset))
        if len(subset) < 256 or not doc.compression:
            return original(doc, fontname, subset)  # not a seeded subset: build as usual
        from reportlab.pdfbase import pdfdoc

        cached = _subset_cache.get(key)
        if cached is None:
            import zlib

            program = face.makeSubset(subset)
            cached = (zlib.compress(program), len(program))
            if len(_subset_cache) >= _SUBSET_CACHE_MAX:
                _subset_cache.pop(next(iter(_subset_cache)))
            _subset_cache[key] = cached
        stream = pdfdoc.PDFStream(content=cached[0])
        # A "Filter" already in the dictionary tells ReportLab the content is encoded.
        stream.dictionary["Filter"] = pdfdoc.PDFArray([pdfdoc.PDFName("FlateDecode")])
        stream.dictionary["Length1"] = cached[1]
        ref = doc.Reference(stream, f"fontFile:{face.filename}({fontname})")
        descriptor = pdfdoc.PDFDictionary({
            "Type": "/FontDescriptor",
            "Ascent": face.ascent,
            "CapHeight": face.capHeight,
            "Descent": face.descent,
            "Flags": (face.flags & ~32) | 4,  # symbolic, as ReportLab marks its subsets
            "FontBBox": pdfdoc.PDFArray(face.bbox),
            "FontName": pdfdoc.PDFName(fontname),
            "ItalicAngle": face.italicAngle,
            "StemV": face.stemV,
            "FontFile2": ref,
            "MissingWidth": face.defaultWidth,
        })
        return doc.Reference(descriptor, "fontDescriptor:" + fontname)

    required = ("ascent", "capHeight", "descent", "flags", "bbox", "italicAngle", "stemV",
                "defaultWidth", "filename", "makeSubset")
    if all(hasattr(face, attr) for attr in required):  # else: a ReportLab we do not know
        face.addSubsetObjects = add_subset_objects


def seed_document(pdf_doc: object, names: tuple[str, ...] = (SANS, SANS_BOLD)) -> None:
    """Fill the first subset of these fonts in a new PDF document with the fixed seed.

    Call right after the canvas is made, before any text; only for fonts the document
    will use (a seeded font is embedded even if no text uses it).
    """
    from reportlab.pdfbase import pdfmetrics

    register_fonts()
    for name in names:
        font = pdfmetrics.getFont(name)
        cmap = _covered(name)
        seed = [ch for ch in _SEED if ord(ch) in cmap][:_SUBSET_SLOTS]
        if len(seed) < _SUBSET_SLOTS:
            extra = (chr(cp) for cp in range(0x180, 0x250) if cp in cmap)
            seed += [next(extra) for _ in range(_SUBSET_SLOTS - len(seed))]
        font.splitString(" " + "".join(seed), pdf_doc)
        font.getSubsetInternalName(0, pdf_doc)  # registers the font for embedding


def register_cjk_font() -> None:
    """Register WenQuanYi Micro Hei (the first face of the TTC); only done when needed."""
    global _cjk_registered
    if _cjk_registered:
        return
    register_fonts()
    with _lock:
        if _cjk_registered:
            return
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        font = TTFont(CJK, str(fonts_dir() / "wqy-microhei.ttc"), subfontIndex=0)
        pdfmetrics.registerFont(font)
        # WenQuanYi has a single weight: bold and italic CJK text use the same face.
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(CJK, bold, italic, CJK)
        _cjk_registered = True


def register_script_font(name: str) -> None:
    """Register one complex-script face (Arabic, Hebrew, Devanagari, Thai) on first use."""
    if name in _script_registered:
        return
    register_fonts()
    with _lock:
        if name in _script_registered:
            return
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        from goodbye_desktop.documents import shaping

        file = next(f for n, f, _ in _SCRIPT_FONTS if n == name)
        pdfmetrics.registerFont(TTFont(name, str(fonts_dir() / file)))
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(name, bold, italic, name)
        shaping.SHAPED_FONTS.add(name)
        shaping.install()
        _script_registered.add(name)


def script_font(ch: str) -> str | None:
    """The complex-script face for `ch`, or None when DejaVu Sans or CJK sets it."""
    cp = ord(ch)
    if cp < 0x0590:
        return None
    for name, _, ranges in _SCRIPT_FONTS:
        for start, end in ranges:
            if start <= cp <= end:
                return name
    return None


def unprintable(text: str) -> str:
    """The characters of `text` that no shipped face has, once each, in order of appearance.

    Whitespace, joiners and variation selectors are not counted: they print as nothing.
    """
    seen: list[str] = []
    for font, run in split_runs(text, keep_missing=True):
        cmap = _covered(font)
        for ch in run:
            if (ord(ch) not in cmap and not ch.isspace() and ord(ch) not in _ATTACHING
                    and ch not in seen and unicodedata.category(ch) not in ("Cf", "Mn")):
                seen.append(ch)
    return "".join(seen)


def cjk_registered() -> bool:
    """Whether the CJK font has been loaded in this process (for tests and benchmarks)."""
    return _cjk_registered


def needs_cjk(ch: str) -> bool:
    """True when `ch` should be set in the CJK font."""
    cp = ord(ch)
    if cp < _CJK_LOW:
        return False
    for start, end in _CJK_RANGES:
        if cp < start:
            return False
        if cp <= end:
            return True
    return False


_cmaps: dict[str, dict[int, int]] = {}


def _covered(name: str) -> dict[int, int]:
    """The character map of a registered font (code point -> glyph)."""
    cmap = _cmaps.get(name)
    if cmap is None:
        from reportlab.pdfbase import pdfmetrics

        cmap = _cmaps[name] = pdfmetrics.getFont(name).face.charToGlyph
    return cmap


def _keep_covered(name: str, run: str) -> str:
    # A character the font lacks would be written as glyph 0, which maps to U+0000 in the
    # text layer: extractors then stop or garble the rest of the line.  Leave it out instead
    # (an emoji the fonts do not have, a skin-tone modifier, a variation selector).
    if run.isascii():
        return run
    cmap = _covered(name)
    return "".join(ch for ch in run if ord(ch) in cmap or ch == "\u00a0")


def split_runs(text: str, font: str = SANS,
               keep_missing: bool = False) -> list[tuple[str, str]]:
    """Split `text` into (font name, text) runs so each character gets a font that has it.

    `font` is the Latin face to use for the non-CJK runs (SANS or SANS_BOLD).
    Characters the chosen font does not have (most emoji, CJK extension B) are left out:
    written as ReportLab's glyph 0 they would turn into U+0000 in the PDF's text layer and
    cut the rest of the line off for copy, search and screen readers.
    Registers the fonts it names (the CJK and script ones lazily, on their first use).
    With `keep_missing`, uncovered characters stay in their runs (see `unprintable`).
    """
    register_fonts()
    if not _SPECIAL_RE.search(text):
        if not keep_missing:
            text = _keep_covered(font, text)
        return [(font, text)] if text else []
    runs: list[tuple[str, str]] = []
    current: str | None = None
    buf: list[str] = []
    for ch in text:
        if current is not None and (ord(ch) in _ATTACHING or unicodedata.combining(ch)):
            # Combining accents and joiners stay with their base character.
            buf.append(ch)
            continue
        wanted = CJK if needs_cjk(ch) else (script_font(ch) or font)
        if wanted != current:
            if buf:
                runs.append((current, "".join(buf)))  # type: ignore[arg-type]
            buf = [ch]
            current = wanted
        else:
            buf.append(ch)
    if buf:
        runs.append((current, "".join(buf)))  # type: ignore[arg-type]
    for name in {name for name, _ in runs}:
        if name == CJK:
            register_cjk_font()
        elif name not in (SANS, SANS_BOLD):
            register_script_font(name)
    if keep_missing:
        return runs
    covered = ((name, _keep_covered(name, run)) for name, run in runs)
    return [(name, run) for name, run in covered if run]
