"""Letters greet people as they like: the contact's salutation, the profile's greeting."""

from __future__ import annotations

import pytest
from letter_records import TODAY, business_profile, client_with_contact, departure_for

from goodbye_desktop.errors import ValidationError
from goodbye_desktop.store import records
from goodbye_desktop.store.detail import contacts

pytestmark = pytest.mark.frozen_at(TODAY)


def body(client_id: int, kind: str = "keep_in_touch") -> str:
    from goodbye_desktop.correspondence.produce import inputs_for
    from goodbye_desktop.documents.letters import compose

    inputs = inputs_for(kind, client_id, extras={"news": "A fair."})
    return compose(kind, inputs.sender, inputs.recipient, inputs.facts).body


def test_the_contacts_salutation_is_the_greeting(db_path) -> None:
    business_profile()
    client_id = client_with_contact("Okafor Legal", contact="Samuel Okafor")
    [contact] = contacts(client_id)
    records.save_contact(client_id, contact.id, salutation="Dear Dr  Okafor")
    assert contacts(client_id)[0].salutation == "Dear Dr  Okafor"
    assert body(client_id).startswith("Dear Dr Okafor,")


def test_a_vietnamese_name_is_greeted_by_the_given_name(db_path) -> None:
    business_profile()
    from datetime import date

    client_id = records.create_client(name="Nguyễn Văn An", is_person=True,
                                      address="1 Road", started_on=date(2023, 2, 1))
    departure_for(client_id)
    text = body(client_id, "farewell")
    assert text.startswith("Dear An,")
    assert "everyone at" not in text and "working with you for" in text


def test_the_profiles_greeting_for_an_organisation_without_a_contact(db_path) -> None:
    business_profile()
    client_id = client_with_contact("Kestrel Drone Surveys", contact="")
    assert body(client_id).startswith("Dear Kestrel Drone Surveys team,")
    records.update_profile(letter_greeting="Hello, friends at {client_name}")
    assert body(client_id).startswith("Hello, friends at Kestrel Drone Surveys,")
    with pytest.raises(ValidationError) as caught:
        records.update_profile(letter_greeting="Dear {contact} team")
    assert caught.value.field == "letter_greeting"
