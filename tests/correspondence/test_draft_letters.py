"""Letters from the departure wizard's unsaved draft: its facts, not the records', and
nothing written until the owner prints, saves or emails."""

import io
from datetime import date
from pathlib import Path

import pytest
from letter_records import END, TODAY, business_profile, client_with_contact, departure_for
from pypdf import PdfReader

from goodbye_desktop.core.departure import DepartureDraft, PlanStep, default_plan
from goodbye_desktop.correspondence.produce import produce, produce_for_draft
from goodbye_desktop.errors import ValidationError
from goodbye_desktop.store import departures, documents
from goodbye_desktop.store.database import close_database, open_database

# The records of these tests are dated around TODAY: the clock is frozen there.
pytestmark = pytest.mark.frozen_at(TODAY)


def flat_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


@pytest.fixture
def client_id(tmp_path: Path):
    open_database(tmp_path / "draft-letters.sqlite")
    business_profile()
    yield client_with_contact()
    close_database()


def draft_for(client_id: int) -> DepartureDraft:
    steps = default_plan(END, TODAY)
    steps.append(PlanStep("Send the brand book to Łukasz & <Co>", date(2026, 6, 20), "Me"))
    return DepartureDraft(client_id=client_id, ended_by="owner", reasons=["fit"],
                          decided_on=TODAY, effective_on=END, decision="let_go", steps=steps,
                          interviewer="Sam Okafor", interview_times="2026-06-10 10:00")


def test_a_plan_from_the_draft_carries_its_steps_and_writes_nothing(client_id) -> None:
    draft = draft_for(client_id)
    departures.save_draft(client_id, draft.to_json())
    produced = produce_for_draft("transition_plan", draft, today=TODAY)
    text = flat_text(produced.pdf)
    assert "Renée & <Sons>" in text
    assert "Send the brand book to Łukasz & <Co>" in text
    assert "Alex Morgan" in text  # "Me" is printed as the owner's name
    assert produced.departure_id is None
    assert documents.list_documents(client_id) == []


def test_the_draft_end_date_is_the_one_printed(client_id) -> None:
    produced = produce_for_draft("parting_ways", draft_for(client_id), today=TODAY)
    assert "30 June 2026" in flat_text(produced.pdf)


def test_letters_from_the_records_ignore_an_open_draft(client_id) -> None:
    departure_id = departure_for(client_id)
    departures.undo_departure(departure_id)
    other = draft_for(client_id)
    other.effective_on = date(2026, 9, 30)
    departures.save_draft(client_id, other.to_json())
    # The draft row must not pass for "the latest departure" (it has no plan rows yet).
    with pytest.raises(ValidationError, match="no departure"):
        produce("parting_ways", client_id, today=TODAY)
