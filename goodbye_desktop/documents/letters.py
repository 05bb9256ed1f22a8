"""The letters: one function per kind, a dispatcher, and the plain text of a letter.

Every function takes plain values and returns the PDF as bytes:

    pdf = farewell(sender, recipient, facts)                 # default template
    pdf = render_letter("check_in", sender, recipient, facts, template=owner_text)

`compose()` gives the filled subject and body as plain text, without rendering: the app
logs it as the letter's interaction, and a preview can show it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from goodbye_desktop import clock
from goodbye_desktop.documents import i18n
from goodbye_desktop.documents.markup import as_sentence, one_line
from goodbye_desktop.documents.templates import (
    Placeholder,
    check_template,
    default_template,
    fill,
    shown_parts,
)
from goodbye_desktop.documents.values import LetterFacts, PlanStep, Recipient, Sender
from goodbye_desktop.error_words import Words
from goodbye_desktop.errors import ValidationError
from goodbye_desktop.vocabulary import LETTER_KINDS as _KINDS
from goodbye_desktop.words import word

# Every kind, in the order the app offers them, with its one name (goodbye_desktop.words):
# the PDF's subject and a batch's.
LETTER_KINDS: dict[str, str] = {kind: word("letter", kind) for kind in _KINDS}

# Titles short enough for a prefix
_TITLES_ONLY = {"Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Herr", "Frau", "M", "Mme", "Sr", "Sra"}


@dataclass(frozen=True)
class ComposedLetter:
    """A letter's text after filling: what gets printed (and logged as the interaction)."""

    kind: str
    subject: str
    closing: str
    body: str


def first_name(full_name: str) -> str:
    """The first name for a greeting: "Dr. Zoë Łukasiewicz" -> "Zoë"; "山田太郎" stays whole."""
    tokens = one_line(full_name).split(" ")
    while len(tokens) > 1 and tokens[0].rstrip(".") in _TITLES_ONLY:
        tokens = tokens[1:]
    return tokens[0] if tokens else ""


def _bullets(items: list[str]) -> str:
    return "\n".join(f"• {item}" for item in items if item)


# Plan step statuses that count as finished (PlanStep.status is free text).
_FINISHED = {"done", "completed", "finished", "skipped", "cancelled", "canceled"}


def greeting(sender: Sender, recipient: Recipient) -> str:
    """The greeting without its comma: the contact's salutation, else "Dear" and their first
    name, else the profile's greeting for an organisation ("Dear {client_name} team" unless
    the owner wrote another), else "Dear" and the person's name."""
    client = one_line(recipient.client_name)
    salutation = one_line(recipient.salutation)
    contact = one_line(recipient.contact_name)
    candidates = [salutation,
                  f"Dear {first_name(contact) or contact}" if contact else "",
                  f"Dear {client}" if recipient.is_person else ""]
    for candidate in candidates:
        # A name entirely in characters no font has would print as "Dear ,": skip it.
        if candidate and _prints_a_name(candidate):
            return candidate
    pattern = one_line(sender.greeting) or "Dear {client_name} team"
    return pattern.replace("{client_name}", client)


def _prints_a_name(greeting_text: str) -> bool:
    from goodbye_desktop.documents.fonts import unprintable

    missing = set(unprintable(greeting_text))
    words = greeting_text.split(" ", 1)
    rest = words[1] if len(words) > 1 else words[0]
    return any(ch.isalnum() and ch not in missing for ch in rest)


def situation_flags(facts: LetterFacts, recipient: Recipient,
                    steps: tuple[PlanStep, ...]) -> dict[str, bool]:
    """Which of templates.CONDITIONS hold for this letter."""
    today = facts.today or clock.today()
    end = facts.end_date
    if steps:
        open_steps = any(s.status.casefold() not in _FINISHED for s in steps)
        all_done = not open_steps
    else:
        open_steps, all_done = bool(facts.transition_steps), False
    return {
        "before_end": bool(end and today < end),
        "on_end": bool(end and today == end),
        "after_end": bool(end and today > end),
        "ended": bool(end and today >= end),
        "plan_open": open_steps and bool(facts.transition_steps or steps),
        "plan_done": all_done,
        "current_again": facts.current_again,
        "client_closed": facts.client_closed,
        "client_decided": facts.ended_by == "client",
        "owner_decided": facts.ended_by == "owner",
        "agreed_together": facts.ended_by == "mutual",
        "outside_events": facts.ended_by == "outside" or facts.client_closed,
        "is_person": recipient.is_person,
        "is_company": not recipient.is_person,
        "has_contact": bool(one_line(recipient.contact_name)),
        "one_time": len(facts.interview_times) == 1,
    }


def _notice(days: int) -> str:
    return "one day" if days == 1 else f"{days} days"


def _dates(facts: LetterFacts, today: date, loc: str, values: dict[str, str],
           missing: dict[str, tuple[str, Words]]) -> None:
    """The start and end dates, the notice and the tenure, or why each is missing."""
    if facts.start_date:
        values["start_date"] = i18n.format_date(facts.start_date, loc)
    else:
        missing["start_date"] = ("start_date", Words("missing.start_date"))
    if facts.end_date:
        values["end_date"] = i18n.format_date(facts.end_date, loc)
        days = (facts.end_date - today).days
        values["notice_days"] = str(max(0, days))
        if days > 0:
            values["notice"] = _notice(days)
        else:
            missing["notice"] = ("end_date", Words("missing.no_notice"))
    else:
        missing["end_date"] = missing["notice_days"] = missing["notice"] = (
            "end_date", Words("missing.end_date"))
    if facts.tenure.strip():
        values["tenure"] = one_line(facts.tenure)
    elif facts.start_date:
        values["tenure"] = i18n.letter_tenure(facts.start_date, facts.end_date or today, loc)
    else:
        missing["tenure"] = ("start_date", Words("missing.start_date"))


def _values(kind: str, sender: Sender, recipient: Recipient, facts: LetterFacts,
            steps: tuple[PlanStep, ...]) -> tuple[dict[str, str], dict[str, tuple[str, Words]]]:
    """Placeholder values, and the placeholders that have no value: name -> (field, why),
    why named by code (`goodbye_desktop.error_words`, codes "missing.*")."""
    loc = sender.locale
    today = facts.today or clock.today()
    contact = one_line(recipient.contact_name)
    client = one_line(recipient.client_name)
    values: dict[str, str] = {
        "client_name": client,
        "contact_name": contact,
        "contact_first_name": first_name(contact) if contact else "",
        "greeting_name": (first_name(contact) if contact else "") or client,
        "greeting": greeting(sender, recipient),
        "owner_name": one_line(sender.owner_name),
        "business_name": one_line(sender.business_name),
        "business_email": one_line(sender.email),
        "business_phone": one_line(sender.phone),
        "business_website": one_line(sender.website),
        "today": i18n.format_date(today, loc),
        "transition_steps": _bullets([one_line(s) for s in facts.transition_steps]),
        "interviewer": one_line(facts.interviewer) or one_line(sender.owner_name),
        "interview_minutes": str(facts.interview_minutes),
        "referral": one_line(facts.referral),
        "news": as_sentence(facts.news),
        "feedback_summary": as_sentence(facts.feedback_summary),
        "improvement": as_sentence(facts.improvement),
        "step_count": str(len(steps)),
    }
    missing: dict[str, tuple[str, Words]] = {}
    _dates(facts, today, loc, values, missing)
    if facts.interview_times:
        values["interview_times"] = _bullets(
            [i18n.format_datetime(t, loc) for t in facts.interview_times]
        )
    else:
        missing["interview_times"] = ("interview_times", Words("missing.interview_times"))
    if facts.final_invoice_amount is not None:
        values["final_invoice_amount"] = i18n.format_money(
            facts.final_invoice_amount, loc, facts.currency
        )
    else:
        missing["final_invoice_amount"] = ("final_invoice_amount", Words("missing.amount"))
    if not values["news"]:
        missing["news"] = ("news", Words("missing.news"))
    if steps:
        ordered = sorted(s.due_on for s in steps)
        values["first_step_date"] = i18n.format_date(ordered[0], loc)
        values["last_step_date"] = i18n.format_date(ordered[-1], loc)
    else:
        missing["first_step_date"] = missing["last_step_date"] = ("steps",
                                                               Words("missing.plan_empty"))
    # A placeholder never prints empty: a value with nothing in it is a missing fact.
    for name, value in values.items():
        if not value.strip() and name not in missing:
            missing[name] = (_EMPTY_FIELDS.get(name, name),
                             _EMPTY_WHY.get(name) or Words("missing.empty"))
    for name in missing:
        values.pop(name, None)
    return values, missing


# The fact behind a placeholder, and why it has no value, when the value is empty.
_EMPTY_FIELDS = {"contact_name": "contact", "contact_first_name": "contact",
                 "greeting_name": "client_name", "client_name": "client_name",
                 "transition_steps": "steps", "feedback_summary": "feedback_summary",
                 "improvement": "improvement", "referral": "referral", "news": "news",
                 "owner_name": "owner_name", "business_name": "business_name",
                 "business_email": "email", "business_phone": "phone",
                 "business_website": "website", "interviewer": "interviewer"}
_EMPTY_WHY = {"contact_name": Words("missing.contact"),
              "contact_first_name": Words("missing.contact"),
              "transition_steps": Words("missing.open_steps"),
              "feedback_summary": Words("missing.feedback"),
              "improvement": Words("missing.improvement"),
              "referral": Words("missing.referral"), "news": Words("missing.news"),
              "owner_name": Words("missing.owner_name"),
              "business_email": Words("missing.email"),
              "business_phone": Words("missing.phone"),
              "business_website": Words("missing.website")}


def compose(kind: str, sender: Sender, recipient: Recipient, facts: LetterFacts,
            template: str | None = None, steps: tuple[PlanStep, ...] | None = None,
            ) -> ComposedLetter:
    """Check the template, fill it, and return the letter's plain text.

    Raises TemplateError for a broken template and ValidationError (with `field` set to the
    fact it needs) when the template uses a placeholder whose value is missing.
    """
    if kind not in LETTER_KINDS:
        raise ValidationError("letter.unknown_kind", field="kind", kind=kind)
    text = default_template(kind) if template is None else template
    parts = check_template(kind, text)
    steps = facts.plan_steps if steps is None else tuple(steps)
    values, missing = _values(kind, sender, recipient, facts, steps)
    holds = _holds(values, facts, recipient, steps)
    for name in sorted(missing_facts(parts, values, missing, holds)):
        fact, why = missing[name]
        raise ValidationError("letter.fact_missing", field=fact, placeholder=name, why=why)
    return ComposedLetter(
        kind=kind,
        subject=one_line(fill(parts.subject, values, holds)),
        closing=one_line(fill(parts.closing, values, holds)),
        body=fill(parts.body, values, holds),
    )


def _holds(values: dict[str, str], facts: LetterFacts, recipient: Recipient,
           steps: tuple[PlanStep, ...]) -> dict[str, bool]:
    holds = {name: bool(value.strip()) for name, value in values.items()}
    holds.update(situation_flags(facts, recipient, steps))
    # Someone other than the owner asks the questions: the client can speak freely.
    asker = one_line(facts.interviewer).casefold()
    holds["interviewer_named"] = bool(asker) and asker != values.get(
        "owner_name", "").strip().casefold()
    return holds


def missing_facts(parts, values: dict[str, str], missing: dict[str, tuple[str, Words]],
                  holds: dict[str, bool]) -> set[str]:
    """The placeholders that would print (in a section that is shown) but have no value."""
    used: set[str] = set()
    for text in (parts.subject, parts.closing, parts.body):
        used |= {p.name for p in shown_parts(text, holds) if isinstance(p, Placeholder)}
    return used & missing.keys()


@dataclass(frozen=True)
class Gap:
    """A fact the letter needs and does not have: the placeholder, the fact, why (by code)."""

    placeholder: str
    field: str
    why: Words


def gaps(kind: str, sender: Sender, recipient: Recipient, facts: LetterFacts,
         template: str | None = None, steps: tuple[PlanStep, ...] | None = None,
         ) -> list[Gap]:
    """Every missing fact of a letter at once (compose stops at the first), for a pre-flight.

    Raises TemplateError for a broken template.
    """
    text = default_template(kind) if template is None else template
    parts = check_template(kind, text)
    steps = facts.plan_steps if steps is None else tuple(steps)
    values, missing = _values(kind, sender, recipient, facts, steps)
    holds = _holds(values, facts, recipient, steps)
    return [Gap(name, *missing[name])
            for name in sorted(missing_facts(parts, values, missing, holds))]


def letter_part(kind: str, sender: Sender, recipient: Recipient, facts: LetterFacts,
                template: str | None = None, steps: tuple[PlanStep, ...] | None = None):
    """The laid-out parts of one letter, for a single PDF or a batch (see batch.py)."""
    from goodbye_desktop.documents import layout

    letter = compose(kind, sender, recipient, facts, template, steps)
    ctx = layout.make_context(sender, recipient, facts.today)
    story = layout.body_flowables(letter.subject, letter.body)
    if kind == "transition_plan":
        # Loaded with ReportLab, on first use: the letter command starts without it.
        from goodbye_desktop.documents.plans import plan_table

        plan = facts.plan_steps if steps is None else tuple(steps)
        story += plan_table(plan, sender.locale, ctx.spec.text_width)
    story += layout.closing_flowables(sender, letter.closing, layout.last_paragraph(story))
    return layout.LetterPart(ctx, story), letter


def render_composed(kind: str, sender: Sender, recipient: Recipient, facts: LetterFacts,
                    template: str | None = None) -> tuple[bytes, ComposedLetter]:
    """The PDF of a letter and its filled text (subject, body, closing), composed once."""
    from goodbye_desktop.documents import layout

    part, letter = letter_part(kind, sender, recipient, facts, template)
    return layout.build_pdf([part], title=letter.subject, subject=LETTER_KINDS[kind]), letter


def render_letter(kind: str, sender: Sender, recipient: Recipient, facts: LetterFacts,
                  template: str | None = None) -> bytes:
    """Render a letter of any kind (see LETTER_KINDS) as PDF bytes.

    For "transition_plan" the steps come from `facts.plan_steps`.
    """
    return render_composed(kind, sender, recipient, facts, template)[0]


def farewell(sender: Sender, recipient: Recipient, facts: LetterFacts,
             template: str | None = None) -> bytes:
    """The client is leaving: thanks, respect for the decision, the transition, an open door."""
    return render_letter("farewell", sender, recipient, facts, template)


def parting_ways(sender: Sender, recipient: Recipient, facts: LetterFacts,
                 template: str | None = None) -> bytes:
    """The owner ends the work: civil, no blame, notice and end date, help, a referral."""
    return render_letter("parting_ways", sender, recipient, facts, template)


def exit_interview_request(sender: Sender, recipient: Recipient, facts: LetterFacts,
                           template: str | None = None) -> bytes:
    """Asks for a short exit interview: why, the proposed times, who will ask."""
    return render_letter("exit_interview_request", sender, recipient, facts, template)


def check_in(sender: Sender, recipient: Recipient, facts: LetterFacts,
             template: str | None = None) -> bytes:
    """After the transition: hope it went well, nothing to sell."""
    return render_letter("check_in", sender, recipient, facts, template)


def keep_in_touch(sender: Sender, recipient: Recipient, facts: LetterFacts,
                  template: str | None = None) -> bytes:
    """An occasional note with something of interest (`facts.news`)."""
    return render_letter("keep_in_touch", sender, recipient, facts, template)


def feedback_thanks(sender: Sender, recipient: Recipient, facts: LetterFacts,
                    template: str | None = None) -> bytes:
    """Thanks for feedback (`facts.feedback_summary`, `facts.improvement`)."""
    return render_letter("feedback_thanks", sender, recipient, facts, template)


def transition_plan(sender: Sender, recipient: Recipient, facts: LetterFacts,
                    steps: Iterable[PlanStep] | None = None,
                    template: str | None = None) -> bytes:
    """The transition plan as PDF: cover text (template), the steps' table, the closing.

    `steps` defaults to `facts.plan_steps`.
    """
    from goodbye_desktop.documents import layout

    part, letter = letter_part("transition_plan", sender, recipient, facts, template,
                               None if steps is None else tuple(steps))
    return layout.build_pdf([part], title=letter.subject,
                            subject=LETTER_KINDS["transition_plan"])
