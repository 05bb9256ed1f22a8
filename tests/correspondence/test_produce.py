"""Producing letters from the records and keeping them: the PDF read back, the timeline, the
exact bytes, and one transaction for the document and its interaction."""

import io
from datetime import date
from pathlib import Path

import peewee
import pytest
from letter_records import TODAY, business_profile, client_with_contact, departure_for
from pypdf import PdfReader

from goodbye_desktop.correspondence.produce import KIND_LABELS, keep, preview_pdf, produce
from goodbye_desktop.correspondence.values_from_records import inputs_for_client, sample_inputs
from goodbye_desktop.documents.letters import LETTER_KINDS
from goodbye_desktop.errors import TemplateError, ValidationError
from goodbye_desktop.store import documents, records
from goodbye_desktop.store.database import close_database, open_database
from goodbye_desktop.store.detail import interactions
from goodbye_desktop.store.models import database_proxy

# The records of these tests are dated around TODAY: the clock is frozen there.
pytestmark = pytest.mark.frozen_at(TODAY)


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def store(tmp_path: Path):
    open_database(tmp_path / "letters.sqlite")
    business_profile()
    yield
    close_database()


@pytest.fixture
def client_id(store) -> int:
    client_id = client_with_contact()
    departure_for(client_id)
    return client_id


def test_kind_labels_cover_every_letter_kind() -> None:
    assert set(KIND_LABELS) == set(LETTER_KINDS)


def test_a_farewell_names_the_client_and_says_the_key_sentence(client_id) -> None:
    produced = produce("farewell", client_id, today=TODAY)
    text = flat(text_of(produced.pdf))
    assert "Renée & <Sons>" in text
    assert "Dear Zoë," in text
    assert "I respect your decision" in text
    assert "30 June 2026" in text  # the departure's end date, in the owner's locale
    assert "Hand over files and accounts" in text  # the departure's plan, as a list
    assert produced.title == "Farewell letter: Thank you, and a smooth handover"
    assert produced.departure_id is not None
    assert produced.contact_email == "zoe@example.org"


def test_the_name_is_printed_once_in_the_address_even_when_typed_twice(client_id) -> None:
    text = text_of(produce("check_in", client_id, today=TODAY).pdf)
    address = text.split("15 May 2026")[0]
    assert address.count("Renée & <Sons>") == 1
    assert address.count("Bright & <Bold> Studio") == 2  # letterhead + return line


def test_the_transition_plan_lists_the_steps_with_the_owner_for_me(client_id) -> None:
    text = flat(text_of(produce("transition_plan", client_id, today=TODAY).pdf))
    assert "Finish the open work" in text and "Send the final invoice" in text
    assert "Alex Morgan" in text
    assert " Me " not in f" {text} "


def test_keep_saves_the_exact_bytes_and_logs_a_letter(client_id) -> None:
    produced = produce("farewell", client_id, today=TODAY)
    document_id = keep(produced)
    assert documents.get_document_pdf(document_id) == produced.pdf
    [logged] = interactions(client_id)
    assert logged.kind == "letter" and logged.direction == "out"
    assert logged.summary == produced.title
    assert documents.document_for_interaction(logged.id) == document_id
    assert documents.list_documents(client_id)[0].departure_id == produced.departure_id


def test_producing_alone_writes_nothing(client_id) -> None:
    produce("farewell", client_id, today=TODAY)
    assert documents.list_documents(client_id) == []
    assert interactions(client_id) == []


def test_a_failure_while_logging_leaves_neither_document_nor_interaction(client_id) -> None:
    produced = produce("farewell", client_id, today=TODAY)
    # The document is written after the interaction: fail on the document, so the
    # interaction must be rolled back with it.
    database_proxy.obj.execute_sql(
        "CREATE TRIGGER refuse_documents BEFORE INSERT ON document "
        "BEGIN SELECT RAISE(ABORT, 'disk says no'); END")
    with pytest.raises(ValidationError):
        keep(produced)
    assert documents.list_documents(client_id) == []
    assert interactions(client_id) == []
    database_proxy.obj.execute_sql("DROP TRIGGER refuse_documents")
    database_proxy.obj.execute_sql(
        "CREATE TRIGGER refuse_letters BEFORE INSERT ON interaction "
        "BEGIN SELECT RAISE(ABORT, 'disk says no'); END")
    with pytest.raises((ValidationError, peewee.IntegrityError)):
        keep(produced)
    assert documents.list_documents(client_id) == []
    assert interactions(client_id) == []


def test_the_owners_template_is_used(client_id) -> None:
    documents.save_template("check_in", "Subject: Hello again, {client_name}\n\n"
                            "Dear {greeting_name},\n\nA line only the owner wrote.")
    produced = produce("check_in", client_id, today=TODAY)
    text = flat(text_of(produced.pdf))
    assert "A line only the owner wrote." in text
    assert "Hello again, Renée & <Sons>" in text


def test_a_fact_the_records_lack_is_named(store) -> None:
    bare = client_with_contact("Łukasz Nowak", contact="")
    with pytest.raises(ValidationError) as caught:
        produce("farewell", bare, today=TODAY)
    assert caught.value.field == "departure"  # a farewell needs a departure
    with pytest.raises(ValidationError) as caught:
        produce("keep_in_touch", bare, today=TODAY)
    assert caught.value.field == "news"
    text = flat(text_of(produce("keep_in_touch", bare, today=TODAY,
                                extras={"news": "A fair <in> spring & more"}).pdf))
    assert "A fair <in> spring & more" in text
    # No contact: the organisation is greeted as the profile says (by default its team).
    assert "Dear Łukasz Nowak team," in text


def test_an_unknown_kind_is_refused(client_id) -> None:
    with pytest.raises(ValidationError) as caught:
        produce("love_letter", client_id)
    assert caught.value.field == "kind"


def test_interview_times_typed_as_words_are_printed_as_typed(store) -> None:
    client_id = client_with_contact()
    departure_for(client_id, interview_times="2026-06-10 10:00\nTuesday morning, 9 to 11")
    text = flat(text_of(produce("exit_interview_request", client_id, today=TODAY).pdf))
    assert "Wednesday 10 June 2026, 10:00" in text
    assert "Tuesday morning, 9 to 11" in text
    assert "Sam Okafor" in text


def test_the_addressee_is_the_primary_contact_who_has_not_left(store) -> None:
    client_id = client_with_contact(contact="")
    records.save_contact(client_id, name="Ana Left", primary=True, left_on=date(2026, 1, 1))
    records.save_contact(client_id, name="Ben Stayed", email="ben@example.org")
    inputs = inputs_for_client(client_id, today=TODAY)
    assert inputs.recipient.contact_name == "Ben Stayed"
    assert inputs.contact_email == "ben@example.org"
    assert inputs.recipient.address == "12 Mill Lane\nOldtown OT3 4RS"


def test_preview_fills_gaps_with_sample_values(store) -> None:
    bare = client_with_contact("山田 & <Partners>", contact="")
    template = "Subject: Until {end_date}\n\nDear {greeting_name}, we end on {end_date}."
    text = flat(text_of(preview_pdf("farewell", template, bare, today=TODAY)))
    assert "山田 & <Partners>" in text
    sample_end = sample_inputs(TODAY).facts.end_date
    assert f"{sample_end.day} " in text
    with pytest.raises(TemplateError) as caught:
        preview_pdf("farewell", "Subject: Hi\n\nDear {nobody}.", bare, today=TODAY)
    assert "{nobody}" in str(caught.value)


def test_every_kind_renders_for_a_departing_client(client_id) -> None:
    extras = {"news": "News", "feedback_summary": "You said", "improvement": "We changed"}
    for kind in LETTER_KINDS:
        pdf = produce(kind, client_id, today=TODAY, extras=extras).pdf
        assert "Renée & <Sons>" in text_of(pdf), kind


def test_the_open_work_is_in_the_plan_and_the_letters(store) -> None:
    from goodbye_desktop.core.departure import DepartureDraft, PendingItem, default_plan
    from goodbye_desktop.store import departures

    client_id = client_with_contact("Chez Hélène Bistro")
    end = date(2026, 6, 30)
    departures.finish(DepartureDraft(
        client_id=client_id, client_name="", client_started_on=date(2021, 3, 1),
        ended_by="client", reasons=["price"], kind="fulfilled", decided_on=TODAY,
        effective_on=end, decision="accept", steps=default_plan(end, TODAY),
        pending=[PendingItem("Deliver the final set of menu designs", date(2026, 6, 17)),
                 PendingItem("Export the newsletter subscriber list", date(2026, 6, 21))]),
        TODAY)
    plan = flat(text_of(produce("transition_plan", client_id).pdf))
    for job, day in (("Deliver the final set of menu designs", "17 June 2026"),
                     ("Export the newsletter subscriber list", "21 June 2026")):
        assert job in plan and day in plan
    # Among the steps by date: before the hand-over of the 23rd.
    assert plan.index("Deliver the final set") < plan.index("Hand over files and accounts")
    farewell = flat(text_of(produce("farewell", client_id).pdf))
    assert "Export the newsletter subscriber list" in farewell
