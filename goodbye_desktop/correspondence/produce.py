"""Produce a letter for a client from its records, and keep it on the client's timeline.

    produced = produce("farewell", client_id)          # the owner's template if any
    document_id = keep(produced)                       # PDF kept + letter interaction logged

`produce` only renders: nothing is written until the owner prints, saves or emails the
letter and the caller calls `keep`, which saves the exact bytes and logs the letter in one
transaction. The app, the command line and the batch of due letters all come through here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from goodbye_desktop.correspondence.values_from_records import (
    LetterInputs,
    inputs_for_client,
    inputs_from_sources,
    sample_inputs,
    with_extras,
)
from goodbye_desktop.documents.letters import LETTER_KINDS, render_composed
from goodbye_desktop.errors import ValidationError
from goodbye_desktop.store.documents import (
    DepartureSource,
    StepSource,
    get_template,
    letter_sources,
    save_document,
)
from goodbye_desktop.words import word

# How a kept letter is named on the client's timeline, before its subject line: the kind's
# one name (goodbye_desktop.words).
KIND_LABELS: dict[str, str] = {kind: word("letter", kind) for kind in LETTER_KINDS}

# Facts the records do not hold: the owner gives them when a letter needs them.
EXTRA_FACTS: dict[str, str] = {
    "news": "Something of interest to the client",
    "feedback_summary": "What the client told you",
    "improvement": "What you are changing because of it",
    "referral": "Another provider you recommend",
    "interview_times": "The proposed interview times",
}


@dataclass(frozen=True)
class ProducedDocument:
    """A rendered letter, not yet kept: the PDF and what it will be logged as."""

    pdf: bytes
    title: str
    kind: str
    client_id: int
    departure_id: int | None
    subject: str = ""
    contact_email: str = ""
    client_name: str = ""
    notes: tuple[str, ...] = ()  # the pre-flight's warnings, shown beside the preview


def check_kind(kind: str) -> None:
    if kind not in LETTER_KINDS:
        raise ValidationError("letter.no_such_kind", field="kind", kind=kind,
                              kinds=LETTER_KINDS)


def title_for(kind: str, subject: str) -> str:
    """The timeline's line for a letter: its kind, then its subject unless it says the same."""
    label = KIND_LABELS.get(kind, kind)
    if not subject or label.casefold() in subject.casefold():
        return subject or label
    return f"{label}: {subject}"


def template_for(kind: str) -> str | None:
    """The owner's template for `kind`, or None for the shipped default."""
    return get_template(kind)


# `{interview_times}` as a placeholder, not inside a literal `{{...}}`.
_TIMES_PLACEHOLDER = re.compile(r"(?<!\{)\{interview_times\}(?!\})")


def _times_as_typed(kind: str, inputs: LetterInputs, template: str | None) -> str | None:
    """A template with the interview times written in, when some are not dates.

    The wizard lets the owner type times freely ("Tuesday morning"); the documents package
    formats dates only, so times it cannot read are printed as typed, in the same list.
    """
    if kind != "exit_interview_request" or not inputs.unreadable_times:
        return template
    from goodbye_desktop.documents.i18n import format_datetime
    from goodbye_desktop.documents.markup import one_line
    from goodbye_desktop.documents.templates import default_template

    text = template if template is not None else default_template(kind)
    readable = [format_datetime(t, inputs.sender.locale) for t in inputs.facts.interview_times]
    typed = [one_line(t) for t in inputs.unreadable_times]
    listing = "\n".join(f"• {t}" for t in readable + typed if t)
    literal = listing.replace("{", "{{").replace("}", "}}")
    return _TIMES_PLACEHOLDER.sub(lambda _match: literal, text)


def render(kind: str, inputs: LetterInputs, template: str | None = None) -> tuple[bytes, str]:
    """Render with given values: the PDF and the filled subject line."""
    check_kind(kind)
    template = _times_as_typed(kind, inputs, template)
    pdf, letter = render_composed(kind, inputs.sender, inputs.recipient, inputs.facts, template)
    return pdf, letter.subject


def inputs_for(kind: str, client_id: int, *, departure_id: int | None = None,
               today: date | None = None, extras: dict[str, str] | None = None,
               ) -> LetterInputs:
    """The values a letter of `kind` would be made from (for the pre-flight and the fit)."""
    check_kind(kind)
    inputs = inputs_for_client(client_id, departure_id, today)
    return with_extras(inputs, **(extras or {}))


def _require_departure(kind: str, inputs: LetterInputs) -> None:
    """A letter about a departure is refused for a client who has none (core.letter_fit)."""
    from goodbye_desktop.core.letter_fit import fit
    from goodbye_desktop.vocabulary import FIT_NEEDS_DEPARTURE

    if fit(kind, inputs.situation).reason == FIT_NEEDS_DEPARTURE:
        raise ValidationError("letter.needs_departure", field="departure",
                              name=inputs.recipient.client_name)


def produce(
    kind: str,
    client_id: int,
    *,
    departure_id: int | None = None,
    today: date | None = None,
    extras: dict[str, str] | None = None,
    template: str | None = None,
) -> ProducedDocument:
    """Render a letter of `kind` to a client, with the owner's stored template if any.

    The facts come from the client's records and its latest departure (or `departure_id`).
    `extras` gives facts the records do not hold (see EXTRA_FACTS); `template` overrides the
    stored template (the template editor's preview). Raises ValidationError (its `field`
    names the missing fact) or TemplateError; writes nothing.
    """
    check_kind(kind)
    inputs = inputs_for_client(client_id, departure_id, today)
    inputs = with_extras(inputs, **(extras or {}))
    _require_departure(kind, inputs)
    text = template if template is not None else template_for(kind)
    pdf, subject = render(kind, inputs, text)
    return ProducedDocument(pdf=pdf, title=title_for(kind, subject), kind=kind,
                            client_id=client_id, departure_id=inputs.departure_id,
                            subject=subject, contact_email=inputs.contact_email,
                            client_name=inputs.recipient.client_name)


def inputs_for_draft(draft: Any, *, today: date | None = None,
                     extras: dict[str, str] | None = None) -> LetterInputs:
    """The values of a letter from the departure wizard's draft (its end date, plan,
    interviewer and times), for the pre-flight and the rendering."""
    sources = letter_sources(draft.client_id)
    departure = DepartureSource(
        id=None, state="draft", ended_by=draft.ended_by, decided_on=draft.decided_on,
        effective_on=draft.effective_on,
        interviewer=draft.interviewer if draft.interview_ask else "",
        interview_times=draft.interview_times if draft.interview_ask else "",
        lessons=draft.lessons,
        outside_event=getattr(draft, "outside_event", "") or "",
        interview_status="requested" if draft.interview_ask else "not_asked",
        mailing_consent=bool(getattr(draft, "mailing_consent", False)),
        pending=tuple(StepSource(description=item.description, due_on=item.due_on,
                                 owner="me", status="todo")
                      for item in draft.pending if item.description.strip()),
        steps=tuple(StepSource(description=step.description, due_on=step.due_on,
                               owner=step.owner, status="planned")
                    for step in draft.steps if step.description.strip()),
    )
    inputs = inputs_from_sources(replace(sources, departure=departure), today)
    inputs = with_extras(inputs, **(extras or {}))
    return inputs


def produce_for_draft(
    kind: str,
    draft: Any,
    *,
    today: date | None = None,
    extras: dict[str, str] | None = None,
) -> ProducedDocument:
    """Render a letter from the departure wizard's draft (core.departure.DepartureDraft),
    before anything is saved: its end date, plan, interviewer and times, not the records'.
    """
    check_kind(kind)
    inputs = inputs_for_draft(draft, today=today, extras=extras)
    pdf, subject = render(kind, inputs, template_for(kind))
    return ProducedDocument(pdf=pdf, title=title_for(kind, subject), kind=kind,
                            client_id=draft.client_id, departure_id=None, subject=subject,
                            contact_email=inputs.contact_email,
                            client_name=inputs.recipient.client_name)


def preview_pdf(kind: str, template: str, client_id: int | None = None,
                today: date | None = None) -> bytes:
    """A template rendered for preview: with a client's values, or believable sample ones.

    A client's record may lack a fact the template uses; sample values fill the gap then,
    so the owner sees the layout while writing.
    """
    check_kind(kind)
    sample = sample_inputs(today)
    if client_id is None:
        return render(kind, sample, template)[0]
    inputs = inputs_for_client(client_id, None, today)
    try:
        return render(kind, inputs, template)[0]
    except ValidationError as exc:
        if exc.field in (None, "template", "kind"):
            raise
    facts = inputs.facts
    filled = replace(
        facts,
        start_date=facts.start_date or sample.facts.start_date,
        end_date=facts.end_date or sample.facts.end_date,
        interview_times=facts.interview_times or sample.facts.interview_times,
        plan_steps=facts.plan_steps or sample.facts.plan_steps,
        transition_steps=facts.transition_steps or sample.facts.transition_steps,
        news=facts.news or sample.facts.news,
        final_invoice_amount=(facts.final_invoice_amount
                              if facts.final_invoice_amount is not None
                              else sample.facts.final_invoice_amount),
    )
    return render(kind, replace(inputs, facts=filled, unreadable_times=()), template)[0]


def keep(produced: ProducedDocument, *, promise_id: int | None = None,
         when: datetime | None = None) -> int:
    """Keep the exact PDF and log it as a letter on the client's timeline (one transaction).

    With `promise_id`, the follow-up promise the letter fulfils is marked done as well.
    """
    return save_document(produced.client_id, produced.kind, produced.title, produced.pdf,
                         departure_id=produced.departure_id, when=when, promise_id=promise_id)
