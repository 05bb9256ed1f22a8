"""How values look on screen: money, dates, tenure and statuses, in the user's locale.

Money arrives as integer cents and is shown with QLocale in the owner's currency
(from the business profile); dates with QLocale's short format. Every word goes
through Qt's translation so the app can be translated.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from goodbye_desktop import clock
from goodbye_desktop import formatting as formats
from goodbye_desktop.core import client_figures
from goodbye_desktop.words import word

# Symbols for the currencies an owner is most likely to use. Anything else shows its
# ISO code, which every reader understands ("CHF 1,200.00").
_SYMBOLS = {
    "EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥", "CNY": "¥", "INR": "₹", "KRW": "₩",
    "PLN": "zł", "RUB": "₽", "UAH": "₴", "TRY": "₺", "ILS": "₪", "NGN": "₦", "BRL": "R$",
    "CAD": "CA$", "AUD": "A$", "NZD": "NZ$", "MXN": "MX$", "SEK": "kr", "NOK": "kr",
    "DKK": "kr",
}

STATUS_ORDER = ("prospect", "active", "departing", "departed", "returned")


def _tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate("formatting", text, disambiguation, n)


def currency_symbol(code: str, locale: QLocale | None = None) -> str:
    """The symbol to show for an ISO 4217 currency code."""
    locale = locale or QLocale()
    code = (code or "").upper()
    if code and locale.currencySymbol(QLocale.CurrencySymbolFormat.CurrencyIsoCode) == code:
        return locale.currencySymbol(QLocale.CurrencySymbolFormat.CurrencySymbol)
    return _SYMBOLS.get(code, code)


def money(cents: int, currency: str, locale: QLocale | None = None) -> str:
    """Integer cents as the locale writes an amount: 123456, "EUR" -> "€1,234.56"."""
    locale = locale or QLocale()
    # A float only for display: any amount below 2**53 cents converts exactly enough
    # for two decimals, and QLocale places the symbol, grouping and sign correctly.
    return locale.toCurrencyString(cents / 100, currency_symbol(currency, locale), 2)


def qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def today_qdate() -> QDate:
    """Today as the app's clock has it (never Qt's own clock, which tests cannot freeze)."""
    return qdate(clock.today())


def short_date(value: date | datetime | None, locale: QLocale | None = None) -> str:
    """A date in the locale's short format; "" for no date."""
    if value is None:
        return ""
    locale = locale or QLocale()
    return locale.toString(qdate(value), QLocale.FormatType.ShortFormat)


def tenure(started_on: date | None, ended_on: date | None, today: date) -> str:
    """How long a client has been (or was) with the business: "3 y 2 m", "5 m"; "" if unknown."""
    months = client_figures.tenure_months(started_on, ended_on, today)
    if months is None:
        return ""
    return tenure_from_months(months)


def tenure_from_months(months: int) -> str:
    """Whole months as the list writes a tenure: "3 y 2 m", "2 y", "5 m" (translated)."""
    return formats.tenure_short(months, _tr)


def duration(minutes: int) -> str:
    """Minutes spent: "45 min", "1 h 54 min", "12 h" (translated)."""
    return formats.duration(minutes, _tr)


def status_label(status: str) -> str:
    """The word shown for a client status (goodbye_desktop.words, translated)."""
    return QCoreApplication.translate("words", word("status", status))


def count_clients_text(count: int) -> str:
    """ "1 client", "42 clients", with the locale's digit grouping."""
    if count == 1:
        return _tr("1 client")
    return _tr("%1 clients", "number of clients shown").replace(
        "%1", QLocale().toString(count))


def plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` exactly as written.

    Qt guesses whether a tooltip is rich text, so a client called "<b>Sons</b>" would
    turn bold; escaped inside a paragraph, every character shows as typed (line breaks
    kept). Empty text stays empty, so no tooltip appears.
    """
    if not text:
        return ""
    import html  # on the first tooltip: the window opens without it

    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"
