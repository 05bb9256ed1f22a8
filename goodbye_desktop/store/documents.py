"""Kept documents, the owner's letter templates, and the reads letters are made from.

Every letter the program produces is kept as the exact PDF that went out, together with a
`letter` interaction on the client's timeline, in one transaction (`save_document`), so it
can be reopened and reprinted as it was sent. The owner's own template text for a letter
kind lives here too; without one, the shipped default applies.

`letter_sources` gathers, in a handful of queries, everything a letter is filled from (the
business profile, the client, its contacts, its departure and transition steps) as plain
values, so the correspondence package never touches a model object.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from peewee import fn

from goodbye_desktop import clock
from goodbye_desktop.errors import NotFoundError, ValidationError
from goodbye_desktop.store.models import (
    Client,
    Contact,
    Departure,
    Document,
    LetterTemplate,
    PendingWork,
    Promise,
    TransitionStep,
    database_proxy,
)
from goodbye_desktop.store.records import add_interaction, get_profile
from goodbye_desktop.store.transaction import user_action

DOCUMENTS_FOLDER_SUFFIX = " documents"



# --- kept documents -------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentRow:
    """A kept document, without its PDF bytes (those come from `get_document_pdf`)."""

    id: int
    client_id: int
    departure_id: int | None
    interaction_id: int | None
    kind: str
    title: str
    created_at: datetime
    size: int  # bytes of the PDF


def save_document(
    client_id: int,
    kind: str,
    title: str,
    pdf: bytes,
    departure_id: int | None = None,
    when: datetime | None = None,
    *,
    promise_id: int | None = None,
) -> int:
    """Keep `pdf` and log a `letter` interaction (summary = title), in one transaction.

    With `promise_id`, the promise the letter fulfils (a departure's follow-up note) is
    marked done in the same transaction. Returns the document's id.
    """
    if not isinstance(pdf, bytes | bytearray) or not bytes(pdf).startswith(b"%PDF"):
        raise ValidationError("document.not_pdf", field="pdf")
    if not kind.strip():
        raise ValidationError("document.kind_empty", field="kind")
    when = when or clock.local_now()
    with user_action("letter.keep"):
        if not Client.select().where(Client.id == client_id).exists():
            raise NotFoundError("client.not_found", client_id=client_id)
        interaction_id = add_interaction(client_id, when, "letter", direction="out",
                                         summary=title)
        document = Document.create(client=client_id, departure=departure_id,
                                   interaction=interaction_id, kind=kind, title=title,
                                   created_at=when, pdf=bytes(pdf))
        if promise_id is not None:
            (Promise.update(done_at=when, cancelled_at=None)
             .where((Promise.id == promise_id) & (Promise.client == client_id)
                    & Promise.done_at.is_null())
             .execute())
    return document.id


@dataclass(frozen=True)
class NewDocument:
    """One document to keep with `save_documents` (the arguments of `save_document`)."""

    client_id: int
    kind: str
    title: str
    pdf: bytes
    departure_id: int | None = None
    promise_id: int | None = None


def save_documents(documents: list[NewDocument], when: datetime | None = None) -> list[int]:
    """Keep several documents (a batch of letters) in one transaction: all or none."""
    when = when or clock.local_now()
    with user_action("letters.keep"):
        return [save_document(d.client_id, d.kind, d.title, d.pdf, d.departure_id, when,
                              promise_id=d.promise_id) for d in documents]


def _document_rows(where) -> list[DocumentRow]:
    query = (Document.select(Document.id, Document.client, Document.departure,
                             Document.interaction, Document.kind, Document.title,
                             Document.created_at, fn.LENGTH(Document.pdf))
             .where(where).order_by(Document.created_at.desc(), Document.id.desc()).tuples())
    return [DocumentRow(id=r[0], client_id=r[1], departure_id=r[2], interaction_id=r[3],
                        kind=r[4], title=r[5], created_at=r[6], size=r[7] or 0)
            for r in query]


def list_documents(client_id: int) -> list[DocumentRow]:
    """The client's kept documents, newest first."""
    return _document_rows(Document.client == client_id)


def get_document(document_id: int) -> DocumentRow:
    rows = _document_rows(Document.id == document_id)
    if not rows:
        raise NotFoundError("document.not_found", document_id=document_id)
    return rows[0]


def get_document_pdf(document_id: int) -> bytes:
    """The exact bytes of a kept document, as they were printed, saved or emailed."""
    pdf = Document.select(Document.pdf).where(Document.id == document_id).scalar()
    if pdf is None:
        raise NotFoundError("document.not_found", document_id=document_id)
    return bytes(pdf)


def document_for_interaction(interaction_id: int) -> int | None:
    """The kept document logged as this interaction (a letter on the timeline), if any."""
    return (Document.select(Document.id).where(Document.interaction == interaction_id)
            .scalar())


def documents_folder() -> Path:
    """The folder beside the database where emailed documents are saved (not created here)."""
    path = Path(database_proxy.obj.database)
    return path.with_name(path.stem + DOCUMENTS_FOLDER_SUFFIX)


# --- letter templates ---------------------------------------------------------------------


def get_template(kind: str) -> str | None:
    """The owner's template for a letter kind, or None when the default applies."""
    return LetterTemplate.select(LetterTemplate.text).where(LetterTemplate.kind == kind).scalar()


def save_template(kind: str, text: str) -> None:
    """Store the owner's template (checked by the caller: the documents package knows how)."""
    if not text.strip():
        raise ValidationError("template.empty", field="template")
    with user_action("template.save"):
        now = clock.local_now()
        (LetterTemplate.insert(kind=kind, text=text, updated_at=now)
         .on_conflict(conflict_target=[LetterTemplate.kind],
                      update={LetterTemplate.text: text, LetterTemplate.updated_at: now})
         .execute())


def reset_template(kind: str) -> None:
    """Forget the owner's template for a kind: the shipped default applies again."""
    with user_action("template.reset"):
        LetterTemplate.delete().where(LetterTemplate.kind == kind).execute()


def customised_kinds() -> set[str]:
    """The letter kinds the owner has written their own template for."""
    return {row[0] for row in LetterTemplate.select(LetterTemplate.kind).tuples()}


# --- what letters are made from -------------------------------------------------------------


@dataclass(frozen=True)
class ContactSource:
    name: str
    email: str
    primary: bool
    left_on: date | None
    salutation: str = ""


@dataclass(frozen=True)
class StepSource:
    description: str
    due_on: date | None
    owner: str
    status: str


@dataclass(frozen=True)
class DepartureSource:
    id: int | None  # None for a departure still being prepared in the wizard
    state: str
    ended_by: str
    decided_on: date | None
    effective_on: date | None
    interviewer: str
    interview_times: str
    lessons: str
    steps: tuple[StepSource, ...]
    outside_event: str = ""  # closed, acquired, moved (when outside events ended it)
    interview_status: str = "not_asked"
    mailing_consent: bool = False  # agreed at the departure to stay on the mailing list
    # The open jobs to finish before the end (status "done" once finished), in their order.
    pending: tuple[StepSource, ...] = ()


@dataclass(frozen=True)
class LetterSources:
    """Everything a letter to one client can be filled from, as plain values."""

    profile: dict[str, Any]
    client_id: int
    client_name: str
    client_address: str
    started_on: date | None
    ended_on: date | None
    contacts: tuple[ContactSource, ...]  # the primary first, then by name
    departure: DepartureSource | None
    status: str = "active"
    is_person: bool = False
    keep_in_touch: bool = False  # the client's record keeps it on the mailing list


def letter_sources(client_id: int, departure_id: int | None = None) -> LetterSources:
    """The records a letter is made from; the client's latest departure unless one is named.

    A departure that was undone is not "the latest" one: its letters no longer apply; nor
    is the wizard's unfinished draft (see correspondence.produce.produce_for_draft).
    """
    client = (Client.select(Client.id, Client.name, Client.address, Client.started_on,
                            Client.ended_on, Client.status, Client.is_person,
                            Client.keep_in_touch)
              .where(Client.id == client_id).tuples().first())
    if client is None:
        raise NotFoundError("client.not_found", client_id=client_id)
    contacts = tuple(
        ContactSource(name=r[0], email=r[1], primary=bool(r[2]), left_on=r[3],
                      salutation=r[4] or "")
        for r in (Contact.select(Contact.name, Contact.email, Contact.primary, Contact.left_on,
                                 Contact.salutation)
                  .where(Contact.client == client_id)
                  .order_by(Contact.primary.desc(), Contact.name, Contact.id).tuples())
    )
    query = Departure.select(
        Departure.id, Departure.state, Departure.ended_by, Departure.decided_on,
        Departure.effective_on, Departure.interviewer, Departure.interview_times,
        Departure.lessons, Departure.outside_event, Departure.interview_status,
        Departure.mailing_consent,
    ).where(Departure.client == client_id)
    if departure_id is not None:
        query = query.where(Departure.id == departure_id)
    else:
        # A draft is not a departure yet, and an undone one no longer applies.
        query = (query.where(Departure.state.not_in(("undone", "draft")))
                 .order_by(Departure.created_at.desc(), Departure.id.desc()))
    row = query.tuples().first()
    if departure_id is not None and row is None:
        raise NotFoundError("departure.not_of_client", name=client[1],
                            departure_id=departure_id)
    departure = None
    if row is not None:
        steps = tuple(
            StepSource(description=s[0], due_on=s[1], owner=s[2], status=s[3])
            for s in (TransitionStep.select(TransitionStep.description, TransitionStep.due_on,
                                            TransitionStep.owner, TransitionStep.status)
                      .where(TransitionStep.departure == row[0])
                      .order_by(TransitionStep.position, TransitionStep.id).tuples())
        )
        pending = tuple(
            StepSource(description=p[0], due_on=p[1], owner="me",
                       status="done" if p[2] else "todo")
            for p in (PendingWork.select(PendingWork.description, PendingWork.due_on,
                                         PendingWork.done_on)
                      .where(PendingWork.departure == row[0])
                      .order_by(PendingWork.position, PendingWork.id).tuples())
        )
        departure = DepartureSource(id=row[0], state=row[1], ended_by=row[2], decided_on=row[3],
                                    effective_on=row[4], interviewer=row[5],
                                    interview_times=row[6], lessons=row[7], steps=steps,
                                    outside_event=row[8] or "",
                                    interview_status=row[9] or "not_asked",
                                    mailing_consent=bool(row[10]), pending=pending)
    return LetterSources(profile=get_profile(), client_id=client[0], client_name=client[1],
                         client_address=client[2], started_on=client[3], ended_on=client[4],
                         contacts=contacts, departure=departure, status=client[5],
                         is_person=bool(client[6]), keep_in_touch=bool(client[7]))


def primary_email(client_id: int) -> str:
    """The email of the client's primary contact who is still there ("" if none)."""
    today = clock.today()
    row = (Contact.select(Contact.email)
           .where((Contact.client == client_id)
                  & (Contact.left_on.is_null() | (Contact.left_on > today))
                  & (Contact.email != ""))
           .order_by(Contact.primary.desc(), Contact.name, Contact.id).tuples().first())
    return row[0] if row else ""


# --- promises that are letters ----------------------------------------------------------------


@dataclass(frozen=True)
class DueLetterRow:
    """An open promise due in a date range that is a letter to print (a follow-up note)."""

    promise_id: int
    client_id: int
    client_name: str
    departure_id: int | None
    letter_kind: str
    due_at: datetime
    description: str


def next_letter_due_after(day: date) -> date | None:
    """The day the next open promise carrying a letter falls due after `day`, if any."""
    after = datetime.combine(day, datetime.max.time())
    due = (Promise.select(fn.MIN(Promise.due_at)).join(Client)
           .where((Promise.letter_kind != "") & Promise.done_at.is_null()
                  & Promise.cancelled_at.is_null() & (Promise.due_at > after)
                  & ~Client.archived).scalar())
    if due is None:
        return None
    return (due if isinstance(due, datetime) else datetime.fromisoformat(str(due))).date()


def promises_due_with_letters(start: date, end: date) -> list[DueLetterRow]:
    """Open promises carrying a letter kind, due from `start` to `end` (both included)."""
    if end < start:
        raise ValidationError("due.range_reversed", field="end")
    first = datetime.combine(start, datetime.min.time())
    last = datetime.combine(end, datetime.max.time())
    query = (Promise.select(Promise.id, Promise.client, Client.name, Promise.departure,
                            Promise.letter_kind, Promise.due_at, Promise.description)
             .join(Client)
             .where((Promise.letter_kind != "") & Promise.done_at.is_null()
                    & Promise.cancelled_at.is_null() & (Promise.due_at >= first)
                    & (Promise.due_at <= last) & ~Client.archived)
             .order_by(Promise.due_at, Client.sort_name, Promise.id).tuples())
    return [DueLetterRow(promise_id=r[0], client_id=r[1], client_name=r[2], departure_id=r[3],
                         letter_kind=r[4], due_at=r[5], description=r[6]) for r in query]
