"""Before a letter is previewed: the kind that fits, and the facts it lacks, in the app."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from letter_records import TODAY, business_profile, client_with_contact, departure_for

from goodbye_desktop.core.departure import DepartureDraft, default_plan
from goodbye_desktop.correspondence import preflight
from goodbye_desktop.correspondence.produce import inputs_for, keep
from goodbye_desktop.store import departures, records
from goodbye_desktop.ui import alerts
from goodbye_desktop.ui.detail.contacts_tab import ContactForm
from goodbye_desktop.ui.dialogs.document_preview import DocumentPreviewDialog
from goodbye_desktop.ui.dialogs.letter_facts import LetterFactsDialog

pytestmark = pytest.mark.frozen_at(TODAY)


@pytest.fixture
def left(db_path: Path) -> int:
    business_profile()
    client_id = client_with_contact("Left Ltd")
    departure_for(client_id, interview_times="")
    return client_id


def let_go(client_id: int) -> None:
    end = date(2026, 6, 30)
    departures.finish(DepartureDraft(
        client_id=client_id, client_name="", client_started_on=date(2021, 3, 1),
        ended_by="owner", reasons=["unprofitable"], kind="no_follow_through",
        decided_on=TODAY, effective_on=end, decision="let_go",
        steps=default_plan(end, TODAY)), TODAY)


@pytest.mark.parametrize(("kind", "facts"), [
    ("exit_interview_request", {"interview_times": "the proposed interview times"}),
    ("feedback_thanks", {"feedback_summary": "what the client told you",
                         "improvement": "what you are changing because of it"}),
    ("keep_in_touch", {"news": "the news to share"}),
])
def test_the_form_lists_each_missing_fact(qtbot, left, kind, facts) -> None:
    problems = preflight.check(kind, inputs_for(kind, left))
    dialog = LetterFactsDialog(None, problems)
    qtbot.addWidget(dialog)
    shown = dialog.messages.text()
    for key, words in facts.items():
        assert words in shown
        edit = dialog.fields[key]
        assert edit.accessibleName()
    ok = dialog.buttons.buttons()[0]
    assert not ok.isEnabled()  # nothing typed yet
    for edit in dialog.fields.values():
        edit.setPlainText("2026-06-08 10:00")
    assert ok.isEnabled()
    assert set(dialog.values()) == set(facts)


def test_the_facts_typed_go_into_the_letter(qtbot, left, monkeypatch) -> None:
    asked: list[list[str]] = []

    def answer(cls, parent, problems):
        asked.append([p.fact for p in problems])
        return {"interview_times": "2026-06-08 10:00\n2026-06-10 14:30"}

    monkeypatch.setattr(DocumentPreviewDialog, "ask_facts", classmethod(answer))
    produced = DocumentPreviewDialog.produce_asking(None, "exit_interview_request", left)
    assert asked == [["interview_times"]]
    assert produced is not None and produced.kind == "exit_interview_request"


def test_a_fact_only_the_records_hold_is_explained(qtbot, left) -> None:
    from goodbye_desktop.store.documents import save_template

    save_template("check_in", "Subject: Hello\n\n{greeting},\n\nWe began on {start_date}.")
    client_id = client_with_contact("No Start Ltd")
    records.update_client(client_id, started_on=None)
    departure_for(client_id, end=date(2026, 5, 1))
    with alerts.intercept() as seen:
        assert DocumentPreviewDialog.produce_asking(None, "check_in", client_id) is None
    [alert] = seen
    assert alert.kind == "error" and "the client's start date" in alert.text


def test_an_unfitting_kind_is_asked_about(qtbot, left) -> None:
    client_id = client_with_contact("Let Go Ltd")
    let_go(client_id)
    with alerts.intercept(choice=0) as seen:
        produced = DocumentPreviewDialog.produce_asking(None, "farewell", client_id)
    assert seen[0].kind == "question"
    assert "You ended the work with Let Go Ltd" in seen[0].text
    assert produced is not None and produced.kind == "parting_ways"  # the better one
    with alerts.intercept(choice=1):
        produced = DocumentPreviewDialog.produce_asking(None, "farewell", client_id)
    assert produced is not None and produced.kind == "farewell"  # anyway, as asked
    with alerts.intercept(choice=None):
        assert DocumentPreviewDialog.produce_asking(None, "farewell", client_id) is None


def test_a_kind_with_nothing_better_is_offered_only_as_it_is(qtbot, left) -> None:
    from goodbye_desktop.store.connection import current

    departure_id = current().execute(
        "SELECT id FROM departure WHERE client_id = ?", (left,)).fetchone()[0]
    departures.update_departure(departure_id, interview_status="declined")
    with alerts.intercept(choice=0) as seen:
        kind = DocumentPreviewDialog.fitting_kind(None, "exit_interview_request", left)
    assert "Left Ltd declined the exit interview" in seen[0].text
    assert seen[0].details == "Write “Exit interview request” anyway"  # the one option
    assert kind == "exit_interview_request"


def test_an_unprintable_name_is_named_beside_the_preview(qtbot, db_path) -> None:
    business_profile()
    client_id = client_with_contact("Anna 🦄 Berg Ltd")
    departure_for(client_id)
    produced = DocumentPreviewDialog.produce_asking(None, "farewell", client_id)
    assert produced is not None
    dialog = DocumentPreviewDialog(None, produced, keep=keep)
    qtbot.addWidget(dialog)
    assert not dialog.notesLabel.isHidden()
    assert "🦄" in dialog.notesLabel.text() and "Anna 🦄 Berg Ltd" in dialog.notesLabel.text()


def test_the_contact_form_suggests_a_greeting(qtbot, left) -> None:
    from helpers import type_text

    form = ContactForm(left)
    qtbot.addWidget(form)
    type_text(form.name_edit, "Nguyễn Văn An")
    assert form.salutation_edit.text() == "Dear An"
    assert form.salutation_note.isHidden()
    form.name_edit.clear()
    type_text(form.name_edit, "山田太郎")
    assert form.salutation_edit.text() == "Dear 山田太郎"
    assert not form.salutation_note.isHidden()  # the order is not known: please check
    form.salutation_edit.setText("山田様")
    type_text(form.name_edit, "x")
    assert form.values()["salutation"] == "山田様"  # the owner's words stay
