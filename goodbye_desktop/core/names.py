"""How to greet a person by name: a modest guess at the given name, and how sure it is.

Name order differs: "Nguyễn Văn An" is greeted as An (family name first, given name last),
"Nagy Erzsébet" as Erzsébet, "Zoë Łukasiewicz" as Zoë. Without knowing where a person is
from, the order is only known for sure in a few cases; the rules here guess the given name
and say whether the guess is safe (`confident`). A guess that is not confident is offered to
the owner to confirm, and a letter then greets by the whole name instead.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

# Titles that come before a name ("Dr Zoë Łukasiewicz" -> Zoë).
_TITLES = {"mr", "mrs", "ms", "mx", "dr", "prof", "herr", "frau", "m", "mme", "sr", "sra",
           "sir", "dame"}

# Common family names of languages that put the family name first in Latin script. Seen as
# the first of two or more words, they make the order known: the given name is the last word.
_FAMILY_FIRST = {
    # Vietnamese (about 90 % of people carry one of these)
    "nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi",
    "đỗ", "hồ", "ngô", "dương", "lý", "đinh", "trương", "lâm", "mai", "trịnh", "đoàn",
    # Hungarian
    "nagy", "kovács", "tóth", "szabó", "horváth", "varga", "kiss", "molnár", "németh",
    "farkas", "balogh", "papp", "takács", "juhász", "lakatos", "mészáros", "oláh", "simon",
    "rácz", "fekete", "szilágyi", "török", "fehér", "balázs", "gál", "kis", "szűcs",
}


@dataclass(frozen=True)
class GivenName:
    """The guessed given name, and whether the name order is known well enough to use it."""

    name: str
    confident: bool


def _is_cjk(text: str) -> bool:
    for ch in text:
        name = unicodedata.name(ch, "")
        if name.startswith(("CJK", "HIRAGANA", "KATAKANA", "HANGUL")):
            return True
    return False


def given_name(full_name: str) -> GivenName:
    """The given name of `full_name` and whether it is safe to greet by it.

    - Family name first (a known Vietnamese or Hungarian family name leads): the last word.
    - Chinese, Japanese, Korean written in their scripts: not split (family and given
      names run together); the whole name, not confident.
    - One word only: that word, not confident (it may be a family name).
    - Otherwise (the usual given-name-first order): the first word after any title,
      confident.
    """
    words = [w for w in full_name.split() if w]
    while len(words) > 1 and words[0].rstrip(".").casefold() in _TITLES:
        words = words[1:]
    if not words:
        return GivenName("", False)
    if _is_cjk(full_name):
        return GivenName(" ".join(words), False)
    if len(words) == 1:
        return GivenName(words[0], False)
    if words[0].casefold() in _FAMILY_FIRST:
        return GivenName(words[-1], True)
    return GivenName(words[0], True)


def _titled(words: list[str]) -> str:
    """"Dr Okafor" for a name written with a title ("Dr Amara Okafor"), "" without one: the
    title and the family name (the first word after the title when a known family name
    leads, else the last)."""
    if len(words) < 3 or words[0].rstrip(".").casefold() not in _TITLES:
        return ""
    rest = words[1:]
    family = rest[0] if rest[0].casefold() in _FAMILY_FIRST else rest[-1]
    return f"{words[0]} {family}"


def suggested_salutation(full_name: str, opening: str = "Dear") -> GivenName:
    """A salutation for a contact form: a name written with a title keeps it ("Dear Dr
    Okafor": the person chose to be addressed so); else "Dear An" when the order is known,
    else the whole name ("Dear 山田太郎"), flagged for the owner to confirm."""
    guess = given_name(full_name)
    if not guess.name:
        return GivenName("", False)
    titled = _titled(full_name.split())
    if titled and not _is_cjk(full_name):
        return GivenName(f"{opening} {titled}", True)
    if guess.confident:
        return GivenName(f"{opening} {guess.name}", True)
    return GivenName(f"{opening} {' '.join(full_name.split())}", False)
