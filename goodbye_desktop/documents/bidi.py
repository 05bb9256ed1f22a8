"""Right-to-left text (Arabic, Hebrew ...) in a left-to-right letter.

ReportLab draws characters left to right in the order given.  A Hebrew or Arabic name in
logical order would then print backwards, and PDF text extractors (which reverse
right-to-left runs to get reading order back) would return it reversed too.  So each
right-to-left segment of a line is put in visual order here: the characters reversed, digit
groups kept as they are, brackets mirrored.  The code points are never changed (no Arabic
reshaping: that swaps letters for presentation forms and breaks search and copy), so the
extracted text is the name as typed.  A simplification of the Unicode bidi algorithm for a
left-to-right paragraph; a right-to-left segment that wraps over two lines keeps its words
on the lines where they fall.

When HarfBuzz shapes the text (`by_words=True`, see shaping.py), it lays each word out right
to left itself and joins its letters: then only the order of the words is reversed here,
and each word is handed over as typed.
"""

from __future__ import annotations

import re
import unicodedata

# Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic, Arabic extended; presentation
# forms; historic right-to-left scripts in the supplementary planes.
_RTL_RE = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\U00010800-\U00010fff"
                     "\U0001e800-\U0001efff]")
_MIRROR = {"(": ")", ")": "(", "[": "]", "]": "[", "{": "}", "}": "{", "<": ">", ">": "<",
           "«": "»", "»": "«", "‹": "›", "›": "‹"}


def has_rtl(text: str) -> bool:
    return _RTL_RE.search(text) is not None


def _kind(ch: str) -> str:
    bidi = unicodedata.bidirectional(ch)
    if bidi in ("R", "AL"):
        return "R"
    if bidi == "L":
        return "L"
    if bidi in ("EN", "AN"):
        return "D"
    return "N"


def visual(text: str, by_words: bool = False) -> str:
    """`text` (one line, logical order) with its right-to-left segments in visual order.

    With `by_words`, a segment's words change places but keep their letters in typed order.
    """
    if not has_rtl(text):
        return text
    kinds = [_kind(ch) for ch in text]
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        if kinds[i] != "R":
            out.append(text[i])
            i += 1
            continue
        # A segment runs from this R to the last R before the next L character.
        j, last_r = i, i
        while j < n and kinds[j] != "L":
            if kinds[j] == "R":
                last_r = j
            j += 1
        segment = text[i : last_r + 1]
        if by_words:
            out.append("".join(reversed(re.split(r"(\s+)", segment))))
        else:
            out.append(_reverse(segment, kinds[i : last_r + 1]))
        i = last_r + 1
    return "".join(out)


def _reverse(segment: str, kinds: list[str]) -> str:
    # Group digit runs (with the separators between digits) so they stay left to right.
    groups: list[str] = []
    k = 0
    while k < len(segment):
        if kinds[k] == "D":
            m = k
            while m + 1 < len(segment) and (kinds[m + 1] == "D" or (
                    segment[m + 1] in ".,:/" and m + 2 < len(segment) and kinds[m + 2] == "D")):
                m += 1
            groups.append(segment[k : m + 1])
            k = m + 1
        else:
            groups.append(_MIRROR.get(segment[k], segment[k]))
            k += 1
    return "".join(reversed(groups))
