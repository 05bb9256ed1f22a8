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


def fold(text: str) -> str:
    """Return `text` without case or accents: "Łukasz Zoë" -> "lukasz zoe"."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    # Recompose what is left so Hangul and other composed scripts compare as typed.
    return unicodedata.normalize("NFC", stripped.translate(_EXTRA))
