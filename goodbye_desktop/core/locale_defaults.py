"""What a new business profile starts with, from the system's locale: locale, currency, page.

A new database used to start with en_GB and EUR whatever the machine; an owner in
Chicago then had to find Settings before a letter came out on the right paper. The
system's locale (LC_ALL, LC_MONETARY, LC_PAPER or LANG, as POSIX orders them) names the
territory, and the territory gives the currency and the paper size. A machine without a
locale (C or POSIX) keeps the program's defaults.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

FALLBACK_LOCALE = "en_GB"
FALLBACK_CURRENCY = "EUR"

# Territories that print on US Letter; everyone else uses A4.
_LETTER_TERRITORIES = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "PR", "CR",
                                 "PA", "SV", "DO", "NI", "BZ"})

_EURO = frozenset({"AT", "BE", "CY", "DE", "EE", "ES", "FI", "FR", "GR", "HR", "IE", "IT",
                   "LT", "LU", "LV", "MT", "NL", "PT", "SI", "SK", "AD", "MC", "SM", "VA",
                   "ME", "XK"})

_CURRENCIES = {
    "GB": "GBP", "US": "USD", "CA": "CAD", "AU": "AUD", "NZ": "NZD", "CH": "CHF", "LI": "CHF",
    "JP": "JPY", "CN": "CNY", "HK": "HKD", "TW": "TWD", "KR": "KRW", "IN": "INR",
    "PL": "PLN", "CZ": "CZK", "HU": "HUF", "RO": "RON", "BG": "BGN", "SE": "SEK", "NO": "NOK",
    "DK": "DKK", "IS": "ISK", "TR": "TRY", "IL": "ILS", "RU": "RUB", "UA": "UAH", "BR": "BRL",
    "MX": "MXN", "AR": "ARS", "CL": "CLP", "CO": "COP", "ZA": "ZAR", "NG": "NGN", "KE": "KES",
    "EG": "EGP", "SA": "SAR", "AE": "AED", "SG": "SGD", "MY": "MYR", "TH": "THB", "VN": "VND",
    "ID": "IDR", "PH": "PHP",
}


@dataclass(frozen=True)
class ProfileDefaults:
    locale: str
    currency: str
    page_size: str | None  # "A4" or "Letter"; None keeps "automatic"


def system_locale_name(environ: Mapping[str, str] | None = None) -> str:
    """The locale the system asks for money and paper ("de_DE"), or "" for none (C, POSIX)."""
    env = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_MONETARY", "LC_PAPER", "LANG"):
        value = (env.get(variable) or "").strip()
        if value:
            name = value.split(".")[0].split("@")[0]
            return "" if name in ("C", "POSIX") else name
    return ""


def defaults_for(locale_name: str) -> ProfileDefaults:
    """The profile's starting values for a locale name such as "en_US" or "pl_PL"."""
    language, _, territory = locale_name.replace("-", "_").partition("_")
    territory = territory[:2].upper()
    if not language or not territory.isalpha() or len(territory) != 2:
        return ProfileDefaults(FALLBACK_LOCALE, FALLBACK_CURRENCY, None)
    currency = "EUR" if territory in _EURO else _CURRENCIES.get(territory, FALLBACK_CURRENCY)
    page = "Letter" if territory in _LETTER_TERRITORIES else "A4"
    return ProfileDefaults(f"{language.lower()}_{territory}", currency, page)


def system_defaults(environ: Mapping[str, str] | None = None) -> ProfileDefaults:
    """The profile's starting values for this machine."""
    name = system_locale_name(environ)
    return defaults_for(name) if name else ProfileDefaults(FALLBACK_LOCALE, FALLBACK_CURRENCY,
                                                           None)
