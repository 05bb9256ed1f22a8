"""A new business profile starts from the system's locale: its currency and its paper."""

import pytest

from goodbye_desktop.core.locale_defaults import (
    ProfileDefaults,
    defaults_for,
    system_defaults,
    system_locale_name,
)


@pytest.mark.parametrize(("name", "expected"), [
    ("en_US", ProfileDefaults("en_US", "USD", "Letter")),
    ("en_GB", ProfileDefaults("en_GB", "GBP", "A4")),
    ("de_DE", ProfileDefaults("de_DE", "EUR", "A4")),
    ("fr_CA", ProfileDefaults("fr_CA", "CAD", "Letter")),
    ("pl_PL", ProfileDefaults("pl_PL", "PLN", "A4")),
    ("ja_JP", ProfileDefaults("ja_JP", "JPY", "A4")),
    ("eo", ProfileDefaults("en_GB", "EUR", None)),  # no territory: the program's defaults
])
def test_the_territory_gives_currency_and_paper(name, expected):
    assert defaults_for(name) == expected


def test_the_system_locale_is_read_as_posix_orders_it():
    assert system_locale_name({"LANG": "en_US.UTF-8"}) == "en_US"
    assert system_locale_name({"LANG": "en_US.UTF-8", "LC_MONETARY": "de_CH.UTF-8"}) == "de_CH"
    assert system_locale_name({"LC_ALL": "pt_BR.utf8", "LANG": "en_US.UTF-8"}) == "pt_BR"
    assert system_locale_name({"LANG": "sr_RS@latin"}) == "sr_RS"
    for bare in ({}, {"LANG": "C"}, {"LANG": "C.UTF-8"}, {"LC_ALL": "POSIX"}):
        assert system_locale_name(bare) == ""
        assert system_defaults(bare) == ProfileDefaults("en_GB", "EUR", None)
