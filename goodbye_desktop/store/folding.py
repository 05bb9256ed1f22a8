"""Text folding for search: case and accents removed, in every script.

SQLite's LIKE folds ASCII only, so each client keeps a folded search column and
the search term is folded the same way before it is looked up.
"""

import unicodedata

# Letters whose accent-free form is not reachable by decomposition alone.
_EXTRA = str.maketrans(
    {
        "ł": "l",
        "đ": "d",
        "ø": "o",
        "ħ": "h",
        "ı": "i",
        "ŀ": "l",
        "ŧ": "t",
        "æ": "ae",
        "œ": "oe",
        "þ": "th",
        "ð": "d",
    }
)


class _MarksTable(dict):
    """str.translate's table, filled as characters are first met: a combining mark maps
    to None (dropped), an _EXTRA letter to its plain form, anything else to itself."""

    def __missing__(self, code: int) -> str | None:
        char = chr(code)
        value = None if unicodedata.combining(char) else _EXTRA.get(code, char)
        self[code] = value
        return value


_MARKS_AND_EXTRA = _MarksTable()


def fold(text: str) -> str:
    """Return `text` without case or accents: "Łukasz Zoë" -> "lukasz zoe"."""
    if not text:
        return ""
    if text.isascii():
        # The same answer, without the Unicode passes (most emails and many names).
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    # One pass in C: combining marks dropped, the _EXTRA letters replaced.
    stripped = decomposed.translate(_MARKS_AND_EXTRA)
    # Recompose what is left so Hangul and other composed scripts compare as typed.
    return unicodedata.normalize("NFC", stripped)
