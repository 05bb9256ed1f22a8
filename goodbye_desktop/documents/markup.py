"""Plain text to ReportLab paragraph markup, safely.

A ReportLab `Paragraph` parses its text as markup: an unescaped `<Ltd>` vanishes without an
error and a stray `&` breaks the paragraph.  Names and the owner's template text are data,
never markup, so everything that reaches a Paragraph goes through `to_markup()` here: it
cleans the text, escapes it, and wraps each script run in the font that covers it.
"""

from __future__ import annotations

import re
import unicodedata

from goodbye_desktop.documents import shaping
from goodbye_desktop.documents.bidi import visual
from goodbye_desktop.documents.fonts import SANS, split_runs

# C0/C1 control characters other than tab and newline: they have no glyph, some PDF
# viewers choke on them, and a pasted name can carry them (\x0b from spreadsheets).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Lone surrogates (from a badly decoded file) cannot be encoded into the PDF at all.
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def escape(text: str) -> str:
    """The same as xml.sax.saxutils.escape (& < >), without its 50 ms import of urllib."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def clean_text(text: str | None) -> str:
    """Normalise line ends, turn tabs into spaces, drop control characters and lone surrogates."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _CONTROL.sub("", text)
    return _SURROGATE.sub("\ufffd", text)


# What may end a sentence already, in the scripts letters are written in (closing quotes
# and brackets after the mark count too).
_SENTENCE_ENDS = ".!?…。！？؟।"
_CLOSERS = "\"'”’»)]"
_FULL_STOP_SCRIPTS = ("CJK", "HIRAGANA", "KATAKANA")


def as_sentence(text: str | None) -> str:
    """The owner's own words for a sentence of a letter, cleaned, with a full stop when
    they end without one ("the reports came late" -> "the reports came late.")."""
    text = clean_text(text).strip()
    last = text.rstrip(_CLOSERS)[-1:]
    if last and last not in _SENTENCE_ENDS:
        # Chinese and Japanese end a sentence with their own full stop (Korean uses ".").
        text += "。" if unicodedata.name(last, "").startswith(_FULL_STOP_SCRIPTS) else "."
    return text


def one_line(text: str | None) -> str:
    """A value meant for one line (a name): cleaned, all whitespace runs folded to one space."""
    return " ".join(clean_text(text).split())


def lines(text: str | None) -> list[str]:
    """The non-empty lines of a multi-line value (an address), each folded to one line."""
    return [one_line(line) for line in clean_text(text).split("\n") if line.strip()]


def to_markup(text: str, font: str = SANS) -> str:
    """Escape `text` and wrap its script runs in <font> tags; newlines become line breaks.

    `font` is the paragraph style's own font: runs in it are left untagged, which keeps the
    markup short (the parser is a measurable share of a letter's rendering time).
    """
    out: list[str] = []
    for i, line in enumerate(clean_text(text).split("\n")):
        if i:
            out.append("<br/>")
        for name, run in split_runs(visual(line, by_words=shaping.available()), font):
            escaped = escape(run)
            out.append(escaped if name == font else f'<font name="{name}">{escaped}</font>')
    return "".join(out)


def paragraphs(text: str) -> list[str]:
    """Split text into paragraphs at blank lines; single newlines stay inside a paragraph."""
    text = clean_text(text).strip("\n")
    return [p.strip("\n") for p in _BLANK_LINE.split(text) if p.strip()]
