"""The few labels the documents print themselves, in the owner's locale, without Qt.

Letters are written in the owner's language (the templates are theirs); what the program
itself prints - "Page 2 of 3", the plan's column headers - follows the locale string of
the business profile. Dates, amounts and durations are written by
`goodbye_desktop.formatting`, shared with the window and the command line (re-exported
here for the documents).
"""

from __future__ import annotations

from datetime import date

from goodbye_desktop.formatting import (  # noqa: F401  (the documents' formatters)
    default_page_size,
    format_date,
    format_datetime,
    format_money,
    format_months,
    format_tenure,
    language,
    split_locale,
)

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


def label(key: str, locale: str | None, **kwargs: object) -> str:
    lang, _ = split_locale(locale)
    text = _LABELS.get(lang, _LABELS["en"]).get(key) or _LABELS["en"].get(key, key)
    return text.format(**kwargs) if kwargs else text



_EN_NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
               "ten", "eleven", "twelve")


def letter_tenure(start: date, end: date, locale: str | None) -> str:
    """How long the work lasted, as a letter says it: in English "two years and three
    months", "a year and nine months", "five months", "a few weeks" (words that read after
    "for" or "Thank you for ... of working together", never "1 years"); in the other
    languages the durations of `format_tenure` ("3 Jahre und 2 Monate")."""
    from goodbye_desktop.formatting import whole_months

    lang, _ = split_locale(locale)
    if lang != "en":
        return format_tenure(start, end, locale)
    months = whole_months(start, end)
    if months < 1:
        return "a few weeks"
    years, months = divmod(months, 12)

    def count(n: int, word: str) -> str:
        if n == 1:
            return f"a {word}"
        return f"{_EN_NUMBERS[n] if n < len(_EN_NUMBERS) else n} {word}s"

    parts = [count(years, "year")] if years else []
    if months:
        parts.append(count(months, "month"))
    return " and ".join(parts)
