"""The window words the store's errors: code, field and values reach `error_text` whole,
its template goes through Qt's translation, and dates follow the owner's locale."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from helpers import installed_translator
from PySide6.QtCore import QLocale

from goodbye_desktop import error_words
from goodbye_desktop.errors import GoodbyeError, ValidationError
from goodbye_desktop.store import records
from goodbye_desktop.ui.dialogs.business_profile import BusinessProfileDialog
from goodbye_desktop.ui.error_text import error_text

GERMAN = {
    "{label} is required.": "{label} ist erforderlich.",
    "Name": "Der Name",
    "There is no client with id {client_id}.": "Es gibt keinen Kunden mit der Nummer "
                                               "{client_id}.",
}


@pytest.fixture
def german(qapp):
    """A few of the errors' words in German, for the test."""
    with installed_translator(GERMAN) as translator:
        yield translator


def _refusal(**fields) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        records.create_client(**fields)
    return caught.value


def test_a_client_with_an_empty_name_is_worded_and_names_the_field(qapp, db_path: Path):
    error = _refusal(name="   ")
    assert (error.code, error.field, error.values) == (
        "field.required", "name", {"label": "client_name"})
    assert error_text(error) == "Name is required." == str(error)


def test_the_words_go_through_the_translation_with_the_values(german, db_path: Path):
    error = _refusal(name="")
    assert error_text(error) == "Der Name ist erforderlich."
    assert str(error) == "Name is required."  # the command line and the log keep English
    with pytest.raises(GoodbyeError) as caught:
        records.get_client(4711)
    assert error_text(caught.value) == "Es gibt keinen Kunden mit der Nummer 4711."


def test_words_the_window_wrote_itself_are_shown_as_they_are(german):
    assert error_text(ValidationError("Bitte sagen Sie, was Sie versprechen.")) == (
        "Bitte sagen Sie, was Sie versprechen.")


def test_a_date_among_the_values_is_written_as_the_locale_writes_it(qapp, monkeypatch):
    monkeypatch.setitem(error_words.ERROR_WORDS, "test.dated", "Due on {due}.")
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        error = GoodbyeError("test.dated", due=date(2026, 3, 15))
        assert error_text(error) == "Due on 15.03.26."
        assert str(error) == "Due on 2026-03-15."
    finally:
        QLocale.setDefault(previous)


def test_anything_else_shows_its_own_text(qapp):
    assert error_text(OSError("No space left on device")) == "No space left on device"


def test_the_profile_dialog_shows_the_stores_refusal_under_the_form(qtbot, db_path: Path):
    dialog = BusinessProfileDialog(None, save=records.update_profile)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    with pytest.raises(ValidationError) as caught:
        records.update_profile(page_size="B5")
    dialog.show_problem(caught.value)
    assert dialog.errorLabel.text() == "Page size must be A4 or Letter."
    assert dialog.focusWidget() is dialog.pageSize
