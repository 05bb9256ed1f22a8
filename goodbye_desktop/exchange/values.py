"""Reading one cell: dates, times, amounts, numbers and yes/no, the ISO way or the locale's.

Each reader returns the value or raises ValueError with a short reason the importer
puts next to the file, row and column. Dates are ISO (`2026-11-25`) or the owner's
locale order (`25/11/2026` in most of the world, `11/25/2026` in the United States,
`25.11.2026`); amounts take the locale's decimal separator (`1.234,56` or `1,234.56`),
spaces and currency signs, and become integer cents without passing through floats.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from goodbye_desktop.errors import BadValueError
from goodbye_desktop.store.exchange_rows import FORMULA_STARTS

# Locales that write the month before the day.
_MONTH_FIRST = {"en_US", "en_PH", "en_CA_US", "es_US", "en_UM", "en_AS", "en_GU"}
# Languages whose decimal separator is the point; elsewhere it is the comma.
_POINT_LANGUAGES = {"en", "ja", "zh", "ko", "he", "th", "hi", "ms", "ga", "cy", "mt", "fil",
                    "sw", "ta", "te", "ur", "bn"}
_CURRENCY = re.compile(r"[€$£¥₹₩₽₺₪¤]|\b[A-Z]{3}\b")
_TRUE = {"1", "yes", "y", "true", "t", "x", "ja", "oui", "sí", "si"}
_FALSE = {"0", "no", "n", "false", "f", "", "nein", "non"}


def unneutralised(text: str) -> str:
    """The cell as written before export guarded it against spreadsheet formulas."""
    if len(text) > 1 and text[0] == "'" and text[1] in FORMULA_STARTS:
        return text[1:]
    return text


def month_first(locale: str) -> bool:
    return locale in _MONTH_FIRST


def decimal_comma(locale: str) -> bool:
    return locale.split("_")[0] not in _POINT_LANGUAGES


def parse_date(text: str, locale: str) -> date:
    text = text.strip()
    if len(text) == 10 and text[4] == "-":
        # The ISO form, the export's own: the quick way first.
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    match = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", text)
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})", text)
        if not match:
            raise BadValueError("value.not_a_date", text=text)
        first, second, year = (int(g) for g in match.groups())
        day, month = (second, first) if month_first(locale) and "." not in text else (
            first, second)
    try:
        return date(year, month, day)
    except ValueError:
        raise BadValueError("value.no_such_date", text=text) from None


def parse_datetime(text: str, locale: str) -> datetime:
    text = text.strip()
    match = re.fullmatch(r"(.+?)(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?", text)
    if not match:
        raise BadValueError("value.not_a_datetime", text=text)
    day = parse_date(match[1], locale)
    hour, minute, second = (int(g) if g else 0 for g in match.groups()[1:])
    try:
        return datetime(day.year, day.month, day.day, hour, minute, second)
    except ValueError:
        raise BadValueError("value.no_such_time", text=text) from None


def parse_month(text: str, locale: str) -> date:
    """`2026-11`, `11/2026` or a whole date; the first of that month."""
    text = text.strip()
    match = re.fullmatch(r"(\d{4})[-/.](\d{1,2})", text) or None
    if match:
        year, month = int(match[1]), int(match[2])
    else:
        match = re.fullmatch(r"(\d{1,2})[-/.](\d{4})", text)
        if match:
            month, year = int(match[1]), int(match[2])
        else:
            return parse_date(text, locale).replace(day=1)
    if not 1 <= month <= 12:
        raise BadValueError("value.not_a_month", text=text)
    return date(year, month, 1)


def parse_cents(text: str, locale: str) -> int:
    """An amount as integer cents: `1234.56`, `1,234.56`, `1.234,56`, `€ 1 234,56`."""
    raw = text
    text = _CURRENCY.sub("", text).replace("\u00a0", "").replace("\u202f", "")
    text = text.replace(" ", "").replace("'", "")
    if not text:
        raise BadValueError("value.amount_empty")
    if text.startswith("-"):
        raise BadValueError("value.amount_negative", text=raw.strip())
    point, comma = text.rfind("."), text.rfind(",")
    if point >= 0 and comma >= 0:
        decimal_sep = "." if point > comma else ","
    elif point >= 0 or comma >= 0:
        sep = "." if point >= 0 else ","
        ours = "," if decimal_comma(locale) else "."
        parts = text.split(sep)
        # "1.234" in German, "1,234" in English: a thousands separator; else decimals.
        if sep != ours and len(parts) == 2 and len(parts[1]) == 3:
            decimal_sep = ours
        elif len(parts) > 2:
            decimal_sep = ours if sep != ours else "?"
        else:
            decimal_sep = sep
    else:
        decimal_sep = "."
    thousands = "," if decimal_sep == "." else "."
    plain = text.replace(thousands, "")
    if decimal_sep == ",":
        plain = plain.replace(",", ".")
    if not re.fullmatch(r"\d+(\.\d{1,2})?", plain):
        raise BadValueError("value.not_an_amount", text=raw.strip())
    try:
        cents = int((Decimal(plain) * 100).to_integral_exact())
    except InvalidOperation:
        raise BadValueError("value.not_an_amount_plain", text=raw.strip()) from None
    if cents > 10**15:
        raise BadValueError("value.amount_too_large", text=raw.strip())
    return cents


def parse_int(text: str, *, minimum: int = 0) -> int:
    text = text.strip()
    # (isdecimal is True to the regular expression's \d: any decimal digit, as int reads.)
    if not (0 < len(text) <= 9 and text.isdecimal()):
        raise BadValueError("value.not_a_whole_number", text=text)
    value = int(text)
    if value < minimum:
        raise BadValueError("value.below", value=value, minimum=minimum)
    return value


def parse_bool(text: str) -> bool:
    value = text.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise BadValueError("value.not_yes_or_no", text=text)
