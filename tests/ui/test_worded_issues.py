"""The window words what the core and the letters name by code: a wizard page's issues and
a letter's pre-flight problems go through Qt's translation ("errors") like any error."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from helpers import installed_translator
from letter_records import TODAY, business_profile, client_with_contact, departure_for
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard

from goodbye_desktop.core.departure import Issue
from goodbye_desktop.correspondence import preflight
from goodbye_desktop.correspondence.produce import inputs_for
from goodbye_desktop.store import records
from goodbye_desktop.ui import alerts
from goodbye_desktop.ui.departure_wizard import DepartureWizard
from goodbye_desktop.ui.dialogs.document_preview import DocumentPreviewDialog
from goodbye_desktop.ui.dialogs.letter_facts import LetterFactsDialog
from goodbye_desktop.ui.error_text import error_text

GERMAN = {
    "Choose who ended the relationship.": "Wählen Sie, wer die Zusammenarbeit beendet hat.",
    "Step {number} needs a date.": "Schritt {number} braucht ein Datum.",
    "The letter needs {fact}.": "Der Brief braucht {fact}.",
    "the news to share": "die Neuigkeiten",
    "the client's start date (set it in the client's record)":
        "das Startdatum des Kunden (im Kundendatensatz)",
    "{name} has no postal address: the envelope window will be empty (add it in the "
    "client's record).": "{name} hat keine Postanschrift.",
}


@pytest.fixture
def german(qapp):
    """A few of the catalogue's words in German, for the test."""
    with installed_translator(GERMAN) as translator:
        yield translator


def test_an_issue_is_worded_with_its_values(german) -> None:
    assert error_text(Issue("steps", "draft.step_due", number=3)) == (
        "Schritt 3 braucht ein Datum.")
    # Words with no translation yet stay English, filled.
    assert error_text(Issue("pending", "draft.job_due", number=2)) == (
        "Job 2 needs a due date.")


def test_a_wizard_page_shows_its_issues_translated(qtbot, german, db_path: Path) -> None:
    client_id = records.create_client(name="Renée & <Sons> 山田", started_on=date(2021, 3, 1))
    wizard = DepartureWizard(client_id, today=date(2026, 5, 15))
    qtbot.addWidget(wizard, before_close_func=lambda w: setattr(w, "_closing", True))
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton),
                     Qt.MouseButton.LeftButton)
    page = wizard.pages["who"]
    assert wizard.currentPage() is page
    shown = page.errors.text().split("\n")
    assert "Wählen Sie, wer die Zusammenarbeit beendet hat." in shown
    assert "Tick at least one reason." in shown  # not translated: the English
    assert page.errors.isVisible()


@pytest.fixture
def left(db_path: Path) -> int:
    business_profile()
    client_id = client_with_contact("Left Ltd")
    departure_for(client_id, interview_times="")
    return client_id


@pytest.mark.frozen_at(TODAY)
def test_the_preflight_form_shows_its_problems_worded(qtbot, german, left) -> None:
    problems = preflight.check("keep_in_touch", inputs_for("keep_in_touch", left))
    dialog = LetterFactsDialog(None, problems)
    qtbot.addWidget(dialog)
    assert "• Der Brief braucht die Neuigkeiten." in dialog.messages.text().split("\n")
    assert set(dialog.fields) == {"news"}


@pytest.mark.frozen_at(TODAY)
def test_a_fact_only_the_records_hold_is_explained_translated(qtbot, german, left) -> None:
    from goodbye_desktop.store.documents import save_template

    save_template("check_in", "Subject: Hello\n\n{greeting},\n\nWe began on {start_date}.")
    client_id = client_with_contact("No Start Ltd")
    records.update_client(client_id, started_on=None, address="")
    departure_for(client_id, end=date(2026, 5, 1))
    with alerts.intercept() as seen:
        assert DocumentPreviewDialog.produce_asking(None, "check_in", client_id) is None
    [alert] = seen
    assert alert.kind == "error"
    assert alert.text == "Der Brief braucht das Startdatum des Kunden (im Kundendatensatz)."


@pytest.mark.frozen_at(TODAY)
def test_a_warning_beside_the_preview_is_worded(qtbot, german, db_path: Path) -> None:
    business_profile()
    client_id = client_with_contact("Ohne Adresse GmbH")
    records.update_client(client_id, address="")
    departure_for(client_id)
    produced = DocumentPreviewDialog.produce_asking(None, "farewell", client_id)
    assert produced is not None
    assert "Ohne Adresse GmbH hat keine Postanschrift." in produced.notes
