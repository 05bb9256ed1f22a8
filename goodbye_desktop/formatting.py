"""How values are written, one formatter per kind of value, for the window, the command line
and the letters alike: money, dates, tenure, durations and shares.

Plain Python (no Qt, no ReportLab), each taking the locale string of the business profile
("en_GB", "de_DE", "fr-CA" ...), so the same client's tenure or revenue reads the same in
the list, in the terminal and on paper. Languages covered for dates and amounts: en, de,
fr, es, nl, it, pl, pt, sv, da, nb; anything else falls back to British English. Words
that the window translates (the short tenure "3 y 2 m", "1 h 05 min") take a `translate`
function, which the window gives as Qt's `tr` and the command line leaves as is.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING

from goodbye_desktop.core.client_figures import whole_months

if TYPE_CHECKING:
    # Imported where amounts are written: the window opens without the decimal module.
    from decimal import Decimal

_MONTHS: dict[str, tuple[str, ...]] = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "de": ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
           "September", "Oktober", "November", "Dezember"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"),
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
    "it": ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
           "settembre", "ottobre", "novembre", "dicembre"),
    # Polish dates use the genitive: "25 listopada 2026".
    "pl": ("stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia",
           "września", "października", "listopada", "grudnia"),
    "pt": ("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
           "setembro", "outubro", "novembro", "dezembro"),
    "sv": ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
           "september", "oktober", "november", "december"),
    "da": ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
           "september", "oktober", "november", "december"),
    "nb": ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august",
           "september", "oktober", "november", "desember"),
}

_WEEKDAYS: dict[str, tuple[str, ...]] = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "de": ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
    "it": ("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"),
    "pl": ("poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela"),
    "pt": ("segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira",
           "sábado", "domingo"),
    "sv": ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"),
    "da": ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
    "nb": ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
}

# Countries where US Letter is the usual paper (and #10 envelopes the usual envelope).
_LETTER_COUNTRIES = frozenset(
    {"US", "CA", "MX", "PH", "CL", "CO", "VE", "CR", "GT", "PR", "PA", "DO", "SV", "NI", "HN"}
)
# English-speaking countries writing "November 25, 2026".
_MONTH_FIRST = frozenset({"US", "CA", "PH"})

# (one, many) and for Polish (one, few, many): years, months.
_DURATION_WORDS: dict[str, tuple[tuple[str, ...], tuple[str, ...], str, str]] = {
    "en": (("year", "years"), ("month", "months"), "and", "less than a month"),
    "de": (("Jahr", "Jahre"), ("Monat", "Monate"), "und", "weniger als ein Monat"),
    "fr": (("an", "ans"), ("mois", "mois"), "et", "moins d’un mois"),
    "es": (("año", "años"), ("mes", "meses"), "y", "menos de un mes"),
    "nl": (("jaar", "jaar"), ("maand", "maanden"), "en", "minder dan een maand"),
    "it": (("anno", "anni"), ("mese", "mesi"), "e", "meno di un mese"),
    "pl": (("rok", "lata", "lat"), ("miesiąc", "miesiące", "miesięcy"), "i",
           "niecały miesiąc"),
}

_CURRENCY_SYMBOLS = {"GBP": "£", "EUR": "€", "USD": "$", "CAD": "$", "AUD": "$", "JPY": "¥",
                     "CHF": "CHF", "PLN": "zł", "SEK": "kr", "DKK": "kr", "NOK": "kr"}


def split_locale(locale: str | None) -> tuple[str, str]:
    """"de_DE" / "de-de" / "de_DE.UTF-8" -> ("de", "DE"); "" -> ("en", "GB")."""
    text = (locale or "").split(".")[0].split("@")[0].replace("-", "_")
    lang, _, country = text.partition("_")
    lang = lang.lower() or "en"
    country = country.upper()
    if not country and lang == "en":
        country = "GB"
    return lang, country


def language(locale: str | None) -> str:
    """The language code, falling back to "en" when we have no words for it."""
    lang, _ = split_locale(locale)
    return lang if lang in _MONTHS else "en"


def default_page_size(locale: str | None) -> str:
    """"Letter" in the Americas' Letter countries (en_US, en_CA, fr_CA, es_MX ...), else "A4"."""
    _, country = split_locale(locale)
    return "Letter" if country in _LETTER_COUNTRIES else "A4"


def format_date(d: date, locale: str | None) -> str:
    """A date written out: "25 November 2026" (en_GB), "November 25, 2026" (en_US),
    "25. November 2026" (de), "1er novembre 2026" (fr), "25 de noviembre de 2026" (es)."""
    lang, country = split_locale(locale)
    if lang not in _MONTHS:
        lang, country = "en", "GB"
    month = _MONTHS[lang][d.month - 1]
    if lang == "en":
        if country in _MONTH_FIRST:
            return f"{month} {d.day}, {d.year}"
        return f"{d.day} {month} {d.year}"
    if lang in ("de", "da", "nb"):
        return f"{d.day}. {month} {d.year}"
    if lang in ("es", "pt"):
        return f"{d.day} de {month} de {d.year}"
    if lang == "fr" and d.day == 1:
        return f"1er {month} {d.year}"
    return f"{d.day} {month} {d.year}"


def format_datetime(value: datetime | date, locale: str | None) -> str:
    """A proposed time with its weekday: "Tuesday 1 December 2026, 10:00" (en_GB),
    "Tuesday, December 1, 2026, 10:00 AM" (en_US), "Dienstag, 1. Dezember 2026, 10:00"."""
    lang, country = split_locale(locale)
    if lang not in _MONTHS:
        lang, country = "en", "GB"
    weekday = _WEEKDAYS[lang][value.weekday()]
    day = value.date() if isinstance(value, datetime) else value
    us = lang == "en" and country in _MONTH_FIRST
    # British and Dutch/Italian/French/Scandinavian usage puts no comma after the weekday.
    sep = ", " if us or lang in ("de", "es", "pl", "pt") else " "
    text = f"{weekday}{sep}{format_date(day, locale if lang != 'en' or us else 'en_GB')}"
    if isinstance(value, datetime):
        if us:
            hour = value.hour % 12 or 12
            text += f", {hour}:{value.minute:02d} {'AM' if value.hour < 12 else 'PM'}"
        else:
            text += f", {value.hour:02d}:{value.minute:02d}"
    return text


def format_money(amount: Decimal, locale: str | None, currency: str = "") -> str:
    """"£1,234.50" (en), "1.234,50 €" (de), "1 234,50 €" (fr, pl, sv ...); two decimals."""
    from decimal import ROUND_HALF_UP, Decimal

    lang = language(locale)
    quantised = Decimal(amount).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    sign = "-" if quantised < 0 else ""
    whole, _, cents = f"{abs(quantised):.2f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    if lang == "en":
        thousands, decimal_mark = ",", "."
    elif lang in ("de", "es", "it", "nl", "pt", "da"):
        thousands, decimal_mark = ".", ","
    else:  # fr, pl, sv, nb, ...: a (no-break) space groups thousands
        thousands, decimal_mark = "\u00a0", ","
    number = f"{thousands.join(groups)}{decimal_mark}{cents}"
    code = currency.upper()
    if not code:
        return sign + number
    symbol = _CURRENCY_SYMBOLS.get(code, code)
    if lang == "en":
        return f"{sign}{symbol}{number}" if len(symbol) == 1 else f"{sign}{symbol} {number}"
    return f"{sign}{number}\u00a0{symbol}"


def _plural(words: tuple[str, ...], n: int, lang: str) -> str:
    if n == 1:
        return words[0]
    if lang == "pl":
        few = n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14)
        return words[1] if few else words[2]
    return words[1]


def format_tenure(start: date, end: date, locale: str | None) -> str:
    """How long from `start` to `end` in words: "3 years and 2 months", "5 months"."""
    return format_months(whole_months(start, end), locale)


def format_months(months: int, locale: str | None) -> str:
    """Whole months in words: "3 years and 2 months", "5 months", "less than a month"."""
    lang, _ = split_locale(locale)
    years_w, months_w, conj, short = _DURATION_WORDS.get(lang, _DURATION_WORDS["en"])
    if lang not in _DURATION_WORDS:
        lang = "en"
    if months < 1:
        return short
    years, months = divmod(months, 12)
    parts = []
    if years:
        parts.append(f"{years} {_plural(years_w, years, lang)}")
    if months:
        parts.append(f"{months} {_plural(months_w, months, lang)}")
    return f" {conj} ".join(parts)


def _same(text: str) -> str:
    return text


def tenure_short(months: int, translate: Callable[[str], str] = _same) -> str:
    """Whole months as a short tenure: "3 y 2 m", "2 y", "5 m" (the list and the terminal)."""
    years, rest = divmod(max(months, 0), 12)
    if years and rest:
        return translate("%1 y %2 m").replace("%1", str(years)).replace("%2", str(rest))
    if years:
        return translate("%1 y").replace("%1", str(years))
    return translate("%1 m").replace("%1", str(rest))


def duration(minutes: int, translate: Callable[[str], str] = _same) -> str:
    """Minutes spent: "45 min", "1 h 54 min", "12 h"."""
    hours, rest = divmod(max(minutes, 0), 60)
    if not hours:
        return translate("%1 min").replace("%1", str(rest))
    if not rest:
        return translate("%1 h").replace("%1", str(hours))
    return translate("%1 h %2 min").replace("%1", str(hours)).replace("%2", f"{rest:02d}")


def money_cents(cents: int, locale: str | None, currency: str = "") -> str:
    """Integer cents written as an amount in the owner's locale and currency."""
    from decimal import Decimal

    return format_money(Decimal(cents) / 100, locale, currency)


def share(fraction: float | None, locale: str | None = None) -> str:
    """A share from 0 to 1 as a whole percentage: 0.125 -> "13 %"; "–" for none."""
    if fraction is None:
        return "–"
    from decimal import ROUND_HALF_UP, Decimal

    lang = language(locale)
    percent = Decimal(str(fraction * 100)).quantize(Decimal("1"), rounding=ROUND_HALF_UP)
    # English writes "13%"; most of the others leave a (no-break) space before the sign.
    return f"{percent}%" if lang == "en" else f"{percent}\u00a0%"
