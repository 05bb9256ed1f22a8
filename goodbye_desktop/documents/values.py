"""The plain values the documents are made from.

The UI and the CLI fill these from the store; the documents package never reads the
database.  All are frozen: a letter is a pure function of its inputs.  Sequences are kept
as tuples (lists passed in are converted) so the values stay hashable and immutable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

PAGE_SIZES = ("A4", "Letter")


def _freeze(obj: object, name: str) -> None:
    """Turn a list given for a tuple field into a tuple (frozen dataclasses need __setattr__)."""
    value = getattr(obj, name)
    if value is None:
        object.__setattr__(obj, name, ())
    elif not isinstance(value, tuple):
        object.__setattr__(obj, name, tuple(value))


@dataclass(frozen=True)
class Sender:
    """The business profile as printed on the letterhead.

    `address` is multi-line text as the owner typed it.  `logo` and `signature` are PNG or
    JPEG bytes.  `page_size` is "A4", "Letter" or None (then it follows `locale`, e.g.
    "en_GB", "en_US", "de_DE"), which also sets how dates are written.
    """

    business_name: str
    owner_name: str = ""
    address: str = ""
    email: str = ""
    phone: str = ""
    website: str = ""
    logo: bytes | None = None
    signature: bytes | None = None
    page_size: str | None = None
    locale: str = "en_GB"
    # How to greet an organisation when there is nobody to write to by name; "{client_name}"
    # in it is the client's name. Empty: "Dear {client_name} team".
    greeting: str = ""


@dataclass(frozen=True)
class Recipient:
    """Who the letter goes to: the client, the person there (may be empty), the postal address.

    `is_person`: the client is a person (letters then speak to them, not to "the team").
    `salutation`: how the contact likes to be greeted ("Dear An", "Dear Dr Okafor"); when
    empty a greeting is made from the name.
    """

    client_name: str
    contact_name: str = ""
    address: str = ""
    is_person: bool = False
    salutation: str = ""


@dataclass(frozen=True)
class PlanStep:
    """One dated step of a transition plan: what, by when, who does it, and where it stands.

    `status` is free text; the usual values "planned", "in_progress", "done", "skipped"
    are printed as words ("In progress").
    """

    due_on: date
    description: str
    owner: str = ""
    status: str = "planned"


@dataclass(frozen=True)
class LetterFacts:
    """The facts a letter's placeholders are filled from (see templates.placeholders_for).

    Everything is optional; a template that uses a placeholder whose fact is missing is
    refused with a ValidationError naming the field, rather than printed with a hole.
    - `today`: the letter's date (default: the day it is rendered).
    - `start_date` / `end_date`: when the relationship started and ends (or ended).
    - `tenure`: how long it lasted, as words; computed from the two dates when empty.
    - `interview_times`: proposed exit-interview slots (datetimes, or dates for a day).
    - `interviewer`: who will ask the questions (default: the owner).
    - `transition_steps`: short lines for a list inside a letter ("Hand over the files").
    - `plan_steps`: the transition plan's dated steps (used by the transition plan).
    - `referral`: another provider the owner recommends.
    - `news`: something of interest to the client, for a keep-in-touch note.
    - `feedback_summary` / `improvement`: what the client told us and what changes now.
    - `final_invoice_amount`: money, if a letter mentions it; formatted without currency
      symbol unless `currency` is given (an ISO code such as "EUR" or "GBP").
    - `current_again`: the client left and has come back (a departure won back).
    - `client_closed`: the client's business closed (the departure's outside event).
    - `ended_by`: who ended the work (vocabulary.ENDED_BY), "" when no departure says.
    """

    today: date | None = None
    start_date: date | None = None
    end_date: date | None = None
    tenure: str = ""
    interview_times: tuple[datetime | date, ...] = ()
    interview_minutes: int = 30
    interviewer: str = ""
    transition_steps: tuple[str, ...] = ()
    plan_steps: tuple[PlanStep, ...] = ()
    referral: str = ""
    news: str = ""
    feedback_summary: str = ""
    improvement: str = ""
    final_invoice_amount: Decimal | None = None
    currency: str = ""
    current_again: bool = False
    client_closed: bool = False
    ended_by: str = ""

    def __post_init__(self) -> None:
        for name in ("interview_times", "transition_steps", "plan_steps"):
            _freeze(self, name)


@dataclass(frozen=True)
class LetterItem:
    """One letter of a batch: its kind (see letters.LETTER_KINDS) and everything it needs.

    `template` is the owner's edited text ("Subject: ..." line, blank line, body) or None
    for the default.  `steps` is only read for a transition plan (default: facts.plan_steps).
    """

    kind: str
    sender: Sender
    recipient: Recipient
    facts: LetterFacts = field(default_factory=LetterFacts)
    template: str | None = None
    steps: tuple[PlanStep, ...] = ()

    def __post_init__(self) -> None:
        _freeze(self, "steps")
