"""The follow-up letters of departures that fall due in a date range, printed in one go.

A departure's keeping-in-touch schedule is a set of promises; those with a letter kind
(a check-in, a keep-in-touch note) are letters to print. `find_due` lists the open ones due
in a range; `build_batch` writes them all into one PDF, with matching envelopes (DL or #10)
or a sheet of address labels (A4 or Letter); `keep_batch` keeps each letter as its own PDF
on its client's timeline and marks its promise done, all in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from goodbye_desktop.core.letter_fit import fit
from goodbye_desktop.correspondence.fit import why as fit_why
from goodbye_desktop.correspondence.produce import (
    ProducedDocument,
    check_kind,
    render,
    template_for,
    title_for,
)
from goodbye_desktop.correspondence.values_from_records import (
    inputs_for_client,
    sender_from_profile,
    with_extras,
)
from goodbye_desktop.documents.batch import address_labels, envelopes, letters_batch
from goodbye_desktop.documents.values import LetterItem, Recipient
from goodbye_desktop.error_words import Words
from goodbye_desktop.errors import GoodbyeError, ValidationError
from goodbye_desktop.store.documents import (
    NewDocument,
    promises_due_with_letters,
    save_documents,
)
from goodbye_desktop.store.records import get_profile
from goodbye_desktop.vocabulary import FIT_CURRENT_AGAIN

ENVELOPE_SIZES = ("DL", "#10")
LABEL_SHEETS = ("A4", "Letter")


@dataclass(frozen=True)
class DueLetter:
    """A follow-up letter that falls due: the promise, the client and the kind."""

    promise_id: int
    client_id: int
    client_name: str
    departure_id: int | None
    kind: str
    due_at: datetime
    description: str


@dataclass
class DueBatch:
    """The letters written, their companion (envelopes or labels) and what was left out."""

    letters_pdf: bytes
    companion_pdf: bytes | None
    companion: str  # "envelopes-DL", "labels-A4", or "" for none
    written: list[tuple[DueLetter, ProducedDocument]] = field(default_factory=list)
    # What was left out and why, named by code (`str()` gives the English, the window
    # words it through ui/error_text.py).
    skipped: list[tuple[DueLetter, Words | GoodbyeError]] = field(default_factory=list)


def find_due(start: date, end: date) -> list[DueLetter]:
    """Open follow-up promises that are letters, due from `start` to `end` inclusive."""
    return [DueLetter(promise_id=r.promise_id, client_id=r.client_id, client_name=r.client_name,
                      departure_id=r.departure_id, kind=r.letter_kind, due_at=r.due_at,
                      description=r.description)
            for r in promises_due_with_letters(start, end)]


def next_due_after(day: date) -> date | None:
    """When the next follow-up letter falls due after `day` (None: none is waiting)."""
    from goodbye_desktop.store.documents import next_letter_due_after

    return next_letter_due_after(day)


def build_batch(
    due: list[DueLetter],
    *,
    envelope_size: str | None = "DL",
    label_sheet: str | None = None,
    today: date | None = None,
    extras: dict[str, str] | None = None,
) -> DueBatch:
    """Write every due letter into one PDF, plus envelopes or labels for those written.

    A letter that cannot be written (a fact is missing, e.g. no news for a keep-in-touch
    note) or no longer suits the client (a check-in to a client who came back, see
    core.letter_fit) is left out and listed in `skipped` with the reason; the others print.
    Raises ValidationError when not a single letter can be written.
    """
    if envelope_size is not None and envelope_size not in ENVELOPE_SIZES:
        raise ValidationError("print.envelope_sizes", field="envelopes")
    if label_sheet is not None and label_sheet not in LABEL_SHEETS:
        raise ValidationError("print.label_sheets", field="labels")
    items: list[LetterItem] = []
    recipients: list[Recipient] = []
    written: list[tuple[DueLetter, ProducedDocument]] = []
    skipped: list[tuple[DueLetter, Words | GoodbyeError]] = []
    templates: dict[str, str | None] = {}
    for letter in due:
        try:
            check_kind(letter.kind)
            if letter.kind not in templates:
                templates[letter.kind] = template_for(letter.kind)
            inputs = with_extras(inputs_for_client(letter.client_id, letter.departure_id, today),
                                 **(extras or {}))
            result = fit(letter.kind, inputs.situation)
            if result.reason == FIT_CURRENT_AGAIN:
                # A follow-up of a departure the client came back from: no goodbye letter.
                # (The other fit rules judge the day a letter is chosen; a follow-up was
                # chosen with its departure and is due after the last day.)
                skipped.append((letter, fit_why(result, letter.client_name)))
                continue
            pdf, subject = render(letter.kind, inputs, templates[letter.kind])
        except GoodbyeError as exc:
            skipped.append((letter, exc))
            continue
        items.append(LetterItem(kind=letter.kind, sender=inputs.sender,
                                recipient=inputs.recipient, facts=inputs.facts,
                                template=templates[letter.kind]))
        recipients.append(inputs.recipient)
        written.append((letter, ProducedDocument(
            pdf=pdf, title=title_for(letter.kind, subject), kind=letter.kind,
            client_id=letter.client_id, departure_id=inputs.departure_id, subject=subject,
            contact_email=inputs.contact_email, client_name=inputs.recipient.client_name)))
    if not items:
        reasons = tuple(Words("due.skipped", name=d.client_name, why=why)
                        for d, why in skipped[:3])
        if reasons:
            raise ValidationError("due.none_written", reasons=reasons)
        raise ValidationError("due.none_due")
    letters_pdf = letters_batch(items)
    companion_pdf, companion = None, ""
    if label_sheet is not None:
        profile = get_profile()
        companion_pdf = address_labels(recipients, label_sheet,
                                       locale=profile.get("locale") or "en_GB")
        companion = f"labels-{label_sheet}"
    elif envelope_size is not None:
        sender = sender_from_profile(get_profile())
        companion_pdf = envelopes(sender, recipients, envelope_size)
        companion = f"envelopes-{envelope_size}"
    return DueBatch(letters_pdf, companion_pdf, companion, written, skipped)


def keep_batch(batch: DueBatch, when: datetime | None = None) -> list[int]:
    """Keep each written letter (its own PDF) and mark its promise done; one transaction."""
    return save_documents([
        NewDocument(client_id=p.client_id, kind=p.kind, title=p.title, pdf=p.pdf,
                    departure_id=p.departure_id, promise_id=d.promise_id)
        for d, p in batch.written
    ], when)
