"""Dates, money, durations and the few printed labels in the owner's locale, without Qt.

Letters are written in the owner's language (the templates are theirs); what the program
itself prints - the date, "Page 2 of 3", the plan's column headers - follows the locale
string of the business profile ("en_GB", "de_DE", "fr-CA" ...).  Languages covered: en, de,
fr, es, nl, it, pl, pt, sv, da, nb; anything else falls back to British English.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

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

_LABELS: dict[str, dict[str, str]] = {
    "en": {"page": "Page {page} of {pages}", "date": "Date", "step": "Step", "who": "Who",
           "status": "Status", "planned": "Planned", "in_progress": "In progress",
           "done": "Done", "skipped": "Skipped"},
    "de": {"page": "Seite {page} von {pages}", "date": "Datum", "step": "Schritt",
           "who": "Wer", "status": "Status", "planned": "Geplant", "in_progress": "In Arbeit",
           "done": "Erledigt", "skipped": "Entfällt"},
    "fr": {"page": "Page {page} sur {pages}", "date": "Date", "step": "Étape", "who": "Qui",
           "status": "Statut", "planned": "Prévu", "in_progress": "En cours", "done": "Fait",
           "skipped": "Annulé"},
    "es": {"page": "Página {page} de {pages}", "date": "Fecha", "step": "Paso",
           "who": "Quién", "status": "Estado", "planned": "Previsto",
           "in_progress": "En curso", "done": "Hecho", "skipped": "Omitido"},
    "nl": {"page": "Pagina {page} van {pages}", "date": "Datum", "step": "Stap",
           "who": "Wie", "status": "Status", "planned": "Gepland", "in_progress": "Bezig",
           "done": "Klaar", "skipped": "Vervallen"},
    "it": {"page": "Pagina {page} di {pages}", "date": "Data", "step": "Passo",
           "who": "Chi", "status": "Stato", "planned": "Previsto", "in_progress": "In corso",
           "done": "Fatto", "skipped": "Annullato"},
    "pl": {"page": "Strona {page} z {pages}", "date": "Data", "step": "Krok", "who": "Kto",
           "status": "Status", "planned": "Zaplanowane", "in_progress": "W toku",
           "done": "Zrobione", "skipped": "Pominięte"},
}

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


def label(key: str, locale: str | None, **kwargs: object) -> str:
    lang, _ = split_locale(locale)
    text = _LABELS.get(lang, _LABELS["en"]).get(key) or _LABELS["en"].get(key, key)
    return text.format(**kwargs) if kwargs else text


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


_EN_NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
               "ten", "eleven", "twelve")


def _english_tenure(years: int, months: int) -> str:
    """"two years", "a year and nine months", "nine months", "a month": words a sentence
    can take after "for" or "Thank you for ... of working together"."""
    def count(n: int, word: str) -> str:
        if n == 1:
            return f"a {word}"
        return f"{_EN_NUMBERS[n] if n < len(_EN_NUMBERS) else n} {word}s"

    parts = [count(years, "year")] if years else []
    if months:
        parts.append(count(months, "month"))
    return " and ".join(parts)


def format_tenure(start: date, end: date, locale: str | None) -> str:
    """How long from `start` to `end` in words: "two years and three months", "a year and
    nine months", "five months", "a few weeks" (English); "3 Jahre und 2 Monate" (German)."""
    lang, _ = split_locale(locale)
    years_w, months_w, conj, short = _DURATION_WORDS.get(lang, _DURATION_WORDS["en"])
    if lang not in _DURATION_WORDS:
        lang = "en"
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if end.day < start.day:
        months -= 1
    if months < 1:
        return "a few weeks" if lang == "en" else short
    years, months = divmod(months, 12)
    if lang == "en":
        return _english_tenure(years, months)
    parts = []
    if years:
        parts.append(f"{years} {_plural(years_w, years, lang)}")
    if months:
        parts.append(f"{months} {_plural(months_w, months, lang)}")
    return f" {conj} ".join(parts)
