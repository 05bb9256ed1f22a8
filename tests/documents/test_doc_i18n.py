"""Dates, durations, money and page sizes in the owner's locale."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from goodbye_desktop.documents import i18n

DAY = date(2026, 11, 25)


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("en_GB", "25 November 2026"),
        ("en_US", "November 25, 2026"),
        ("de_DE", "25. November 2026"),
        ("de-AT", "25. November 2026"),
        ("fr_FR", "25 novembre 2026"),
        ("es_ES", "25 de noviembre de 2026"),
        ("nl_NL", "25 november 2026"),
        ("it_IT", "25 novembre 2026"),
        ("pl_PL", "25 listopada 2026"),
        ("xx_YY", "25 November 2026"),
        ("", "25 November 2026"),
    ],
)
def test_format_date(locale: str, expected: str) -> None:
    assert i18n.format_date(DAY, locale) == expected


def test_french_first_of_the_month() -> None:
    assert i18n.format_date(date(2026, 12, 1), "fr_FR") == "1er décembre 2026"


def test_format_datetime() -> None:
    when = datetime(2026, 12, 1, 14, 5)
    assert i18n.format_datetime(when, "en_GB") == "Tuesday 1 December 2026, 14:05"
    assert i18n.format_datetime(when, "en_US") == "Tuesday, December 1, 2026, 2:05 PM"
    assert i18n.format_datetime(when, "de_DE") == "Dienstag, 1. Dezember 2026, 14:05"


@pytest.mark.parametrize(
    ("locale", "size"),
    [("en_US", "Letter"), ("en_CA", "Letter"), ("fr_CA", "Letter"), ("es_MX", "Letter"),
     ("en_GB", "A4"), ("de_DE", "A4"), ("fr_FR", "A4"), ("", "A4")],
)
def test_default_page_size(locale: str, size: str) -> None:
    assert i18n.default_page_size(locale) == size


def test_tenure_and_money() -> None:
    assert i18n.format_tenure(date(2023, 9, 1), DAY, "en_GB") == "3 years and 2 months"
    assert i18n.format_tenure(date(2026, 11, 1), DAY, "en_GB") == "less than a month"
    # Letters say it in words that read naturally after "for".
    assert i18n.letter_tenure(date(2023, 9, 1), DAY, "en_GB") == "three years and two months"
    assert i18n.letter_tenure(date(2025, 2, 1), DAY, "en_GB") == "a year and nine months"
    assert i18n.letter_tenure(date(2025, 11, 1), DAY, "en_GB") == "a year"
    assert i18n.letter_tenure(date(2026, 10, 1), DAY, "en_GB") == "a month"
    assert i18n.letter_tenure(date(2026, 11, 1), DAY, "en_GB") == "a few weeks"
    assert i18n.letter_tenure(date(2023, 9, 1), DAY, "de_DE") == "3 Jahre und 2 Monate"
    assert i18n.format_tenure(date(2025, 11, 25), DAY, "pl_PL") == "1 rok"
    # Whole months alone (a median tenure has no dates of its own), the same words.
    assert i18n.format_months(57, "en_GB") == "4 years and 9 months"
    assert i18n.format_months(0, "en_GB") == "less than a month"
    assert i18n.format_months(14, "pl_PL") == "1 rok i 2 miesiące"
    assert i18n.format_money(Decimal("1234.5"), "en_GB", "GBP") == "£1,234.50"
    assert i18n.format_money(Decimal("1234.5"), "de_DE", "EUR") == "1.234,50\u00a0€"
