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

from goodbye_desktop import clock
from goodbye_desktop.documents import i18n
from goodbye_desktop.documents.markup import clean_text, one_line
from goodbye_desktop.documents.templates import check_template, default_template, fill
from goodbye_desktop.documents.values import LetterFacts, PlanStep, Recipient, Sender
from goodbye_desktop.errors import ValidationError

# In the order the departure wizard offers them, with the titles it shows.
LETTER_KINDS: dict[str, str] = {
    "farewell": "Farewell (the client is leaving)",
    "parting_ways": "Parting ways (you end the work)",
    "transition_plan": "Transition plan",
    "exit_interview_request": "Exit interview request",
    "check_in": "Check-in after the transition",
    "keep_in_touch": "Keep in touch",
    "feedback_thanks": "Thank you for your feedback",
}

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


def _values(kind: str, sender: Sender, recipient: Recipient, facts: LetterFacts,
            steps: tuple[PlanStep, ...]) -> tuple[dict[str, str], dict[str, tuple[str, str]]]:
    """Placeholder values, and the placeholders that have no value: name -> (field, why)."""
    loc = sender.locale
    today = facts.today or clock.today()
    contact = one_line(recipient.contact_name)
    client = one_line(recipient.client_name)
    values: dict[str, str] = {
        "client_name": client,
        "contact_name": contact,
        "contact_first_name": first_name(contact) if contact else "",
        "greeting_name": (first_name(contact) if contact else "") or client,
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
        "news": clean_text(facts.news).strip(),
        "feedback_summary": clean_text(facts.feedback_summary).strip(),
        "improvement": clean_text(facts.improvement).strip(),
        "step_count": str(len(steps)),
    }
    missing: dict[str, tuple[str, str]] = {}
    if facts.start_date:
        values["start_date"] = i18n.format_date(facts.start_date, loc)
    else:
        missing["start_date"] = ("start_date", "the client's start date is not set")
    if facts.end_date:
        values["end_date"] = i18n.format_date(facts.end_date, loc)
        values["notice_days"] = str(max(0, (facts.end_date - today).days))
    else:
        missing["end_date"] = ("end_date", "no end date is set")
        missing["notice_days"] = ("end_date", "no end date is set")
    if facts.tenure.strip():
        values["tenure"] = one_line(facts.tenure)
    elif facts.start_date:
        values["tenure"] = i18n.format_tenure(facts.start_date, facts.end_date or today, loc)
    else:
        missing["tenure"] = ("start_date", "the client's start date is not set")
    if facts.interview_times:
        values["interview_times"] = _bullets(
            [i18n.format_datetime(t, loc) for t in facts.interview_times]
        )
    else:
        missing["interview_times"] = ("interview_times", "no interview times are proposed")
    if facts.final_invoice_amount is not None:
        values["final_invoice_amount"] = i18n.format_money(
            facts.final_invoice_amount, loc, facts.currency
        )
    else:
        missing["final_invoice_amount"] = ("final_invoice_amount", "no amount is given")
    if not values["news"]:
        missing["news"] = ("news", "there is no news to share")
    if steps:
        ordered = sorted(s.due_on for s in steps)
        values["first_step_date"] = i18n.format_date(ordered[0], loc)
        values["last_step_date"] = i18n.format_date(ordered[-1], loc)
    else:
        missing["first_step_date"] = missing["last_step_date"] = ("steps", "the plan is empty")
    for name in missing:
        values.pop(name, None)
    return values, missing


def compose(kind: str, sender: Sender, recipient: Recipient, facts: LetterFacts,
            template: str | None = None, steps: tuple[PlanStep, ...] | None = None,
            ) -> ComposedLetter:
    """Check the template, fill it, and return the letter's plain text.

    Raises TemplateError for a broken template and ValidationError (with `field` set to the
    fact it needs) when the template uses a placeholder whose value is missing.
    """
    if kind not in LETTER_KINDS:
        raise ValidationError(f"Unknown kind of letter: {kind!r}", field="kind")
    text = default_template(kind) if template is None else template
    parts = check_template(kind, text)
    steps = facts.plan_steps if steps is None else tuple(steps)
    values, missing = _values(kind, sender, recipient, facts, steps)
    used = _used_names(parts.subject) | _used_names(parts.body) | _used_names(parts.closing)
    for name in sorted(used & missing.keys()):
        fact, why = missing[name]
        raise ValidationError(f"The letter uses {{{name}}}, but {why}.", field=fact)
    return ComposedLetter(
        kind=kind,
        subject=one_line(fill(parts.subject, values)),
        closing=one_line(fill(parts.closing, values)),
        body=fill(parts.body, values),
    )


def _used_names(text: str) -> set[str]:
    from goodbye_desktop.documents.templates import placeholders_in

    return {p.name for p in placeholders_in(text)}


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
    story += layout.closing_flowables(sender, letter.closing)
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
