"""Records for the letter tests: a client with a contact, and a departure made the real way.

Shared by tests/correspondence, tests/store/test_documents.py, tests/ui (letters) and
tests/cli/test_letter_command.py. Everything goes through the store's public functions.
"""

from __future__ import annotations

from datetime import date, datetime

from goodbye_desktop.core.departure import DepartureDraft, default_follow_ups, default_plan
from goodbye_desktop.store import departures, records

TODAY = date(2026, 5, 15)
END = date(2026, 6, 30)
HARD_NAME = "Renée & <Sons>"


def business_profile() -> None:
    records.update_profile(business_name="Bright & <Bold> Studio", owner_name="Alex Morgan",
                           address="Bright & <Bold> Studio\n1 Quay Street\nFalmouth TR11 3XX",
                           email="alex@bright.example", locale="en_GB", currency="GBP")


def client_with_contact(name: str = HARD_NAME, *, contact: str = "Zoë Łukasiewicz",
                        email: str = "zoe@example.org") -> int:
    client_id = records.create_client(name=name, started_on=date(2021, 3, 1),
                                      address=f"{name}\n12 Mill Lane\nOldtown OT3 4RS")
    if contact:
        records.save_contact(client_id, name=contact, email=email, primary=True)
    return client_id


def departure_for(client_id: int, *, interview_times: str = "2026-06-10 10:00\n2026-06-12",
                  end: date = END, today: date = TODAY) -> int:
    """A decided departure with the default plan and follow-ups, saved by the store."""
    draft = DepartureDraft(
        client_id=client_id, client_name="", client_started_on=date(2021, 3, 1),
        ended_by="client", reasons=["price"], reason_text="Found someone closer to home",
        kind="fulfilled", decided_on=today, effective_on=end, decision="accept",
        steps=default_plan(end, today), interviewer="Sam Okafor",
        interview_times=interview_times, letters=["farewell", "transition_plan"],
        mailing_consent=True, follow_ups=default_follow_ups(end),
    )
    return departures.finish(draft, today)


def at(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour)
