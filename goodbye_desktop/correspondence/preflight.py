"""Pre-flight: before a letter is previewed or printed, the facts it needs are checked.

    problems = check(kind, inputs, template)
    blocking = [p for p in problems if p.blocking]

A problem says in plain words what is missing and how to give it: `option` is the command
line's option (`--times`, `--feedback`, `--improvement`, `--referral`, `--news`) and `extra`
the key of the fact in `produce(extras=...)`, which the preview dialog's form fills; a fact
that only the records hold (an end date, an address) says where to set it. Blocking
problems stop the letter (it would print with a hole); the others are warnings shown
beside the preview: a missing postal address, characters no font can print.
"""

from __future__ import annotations

from dataclasses import dataclass

from goodbye_desktop.correspondence.values_from_records import LetterInputs
from goodbye_desktop.documents.fonts import unprintable
from goodbye_desktop.documents.letters import gaps
from goodbye_desktop.documents.markup import one_line


@dataclass(frozen=True)
class Problem:
    """One fact a letter lacks (or cannot print), worded for the owner."""

    fact: str  # the fact's field ("interview_times", "end_date", "address", "unprintable" ...)
    message: str  # a sentence: what is missing and where it is given
    option: str = ""  # the command line option that gives it, if any
    extra: str = ""  # the key for produce(extras=...) (the preview form's field), if any
    blocking: bool = True


# fact -> (what is missing, in words; the command line option; the extras key)
_FACTS: dict[str, tuple[str, str, str]] = {
    "interview_times": ("the proposed interview times", "--times", "interview_times"),
    "feedback_summary": ("what the client told you", "--feedback", "feedback_summary"),
    "improvement": ("what you are changing because of it", "--improvement", "improvement"),
    "referral": ("the provider you recommend", "--referral", "referral"),
    "news": ("the news to share", "--news", "news"),
    "interviewer": ("who will ask the questions", "", "interviewer"),
}
# Facts only the records hold: where the owner sets them.
_RECORDS: dict[str, str] = {
    "end_date": "the last day of the work together (set it in the client's departure)",
    "start_date": "the client's start date (set it in the client's record)",
    "steps": "the steps of the transition plan (add them in the client's departure)",
    "contact": "a contact at the client (add one on the Contacts tab)",
    "final_invoice_amount": "the final invoice amount",
    "owner_name": "your name (set it in the business profile)",
    "business_name": "your business name (set it in the business profile)",
    "email": "your email address (set it in the business profile)",
    "phone": "your phone number (set it in the business profile)",
    "website": "your website (set it in the business profile)",
    "client_name": "the client's name",
}


def describe(fact: str) -> tuple[str, str, str]:
    """What a missing fact is called, its command line option and its extras key."""
    if fact in _FACTS:
        return _FACTS[fact]
    return _RECORDS.get(fact, fact.replace("_", " ")), "", ""


def check(kind: str, inputs: LetterInputs, template: str | None = None) -> list[Problem]:
    """Everything a letter of `kind` lacks with these inputs, blocking problems first.

    Raises TemplateError for a broken template (the template editor says where).
    """
    problems: list[Problem] = []
    seen: set[str] = set()
    facts = inputs.facts
    if inputs.unreadable_times and not facts.interview_times:
        # Times typed as words ("Tuesday morning") print as typed: they count as given.
        from dataclasses import replace

        facts = replace(facts, interview_times=(facts.today,) if facts.today else ())
    for gap in gaps(kind, inputs.sender, inputs.recipient, facts, template):
        if gap.field in seen:
            continue
        seen.add(gap.field)
        words, option, extra = describe(gap.field)
        # Said without the command line's option: the app asks in its form, the command
        # line names the option (one_line_summary).
        problems.append(Problem(gap.field, f"The letter needs {words}.", option, extra))
    recipient = inputs.recipient
    if not recipient.address.strip():
        problems.append(Problem(
            "address", f"{one_line(recipient.client_name)} has no postal address: the "
            "envelope window will be empty (add it in the client's record).", blocking=False))
    printed = {"the client's name": recipient.client_name,
               "the contact's name": recipient.contact_name,
               "the greeting": recipient.salutation, "the address": recipient.address}
    for what, text in printed.items():
        missing = unprintable(one_line(text))
        if missing:
            problems.append(Problem(
                "unprintable", f"{what.capitalize()} “{one_line(text)}” has characters no "
                f"font of the letter can print, which will be left out: {' '.join(missing)}",
                blocking=False))
    return problems


def one_line_summary(problems: list[Problem]) -> str:
    """The blocking problems as one line for the command line."""
    needed = []
    for p in problems:
        if not p.blocking:
            continue
        words, option, _ = describe(p.fact)
        needed.append(f"{words} ({option})" if option else words)
    if not needed:
        return ""
    return "The letter needs " + "; ".join(needed) + "."
