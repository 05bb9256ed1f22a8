"""Pre-flight: before a letter is previewed or printed, the facts it needs are checked.

    problems = check(kind, inputs, template)
    blocking = [p for p in problems if p.blocking]

A problem names what is missing by code (`words`, a `Words` of `goodbye_desktop.error_words`,
worded by the preview dialog through `ui/error_text.py` and by the `letter` command in
English); `option` is the command line's option (`--times`, `--feedback`,
`--improvement`, `--referral`, `--news`) and `extra` the key of the fact in
`produce(extras=...)`, which the preview dialog's form fills; a fact that only the records
hold (an end date, an address) says where to set it. Blocking problems stop the letter (it
would print with a hole); the others are warnings shown beside the preview: a missing
postal address, characters no font can print.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from goodbye_desktop.correspondence.values_from_records import LetterInputs
from goodbye_desktop.documents.fonts import unprintable
from goodbye_desktop.documents.letters import gaps
from goodbye_desktop.documents.markup import one_line
from goodbye_desktop.error_words import PHRASES, Words


@dataclass(frozen=True)
class Problem:
    """One fact a letter lacks (or cannot print), named by code with its values."""

    fact: str  # the fact's field ("interview_times", "end_date", "address", "unprintable" ...)
    words: Words  # what is missing and where it is given
    option: str = ""  # the command line option that gives it, if any
    extra: str = ""  # the key for produce(extras=...) (the preview form's field), if any
    blocking: bool = True

    @property
    def code(self) -> str:
        return self.words.code

    @property
    def values(self) -> Mapping[str, Any]:
        return self.words.values


# fact -> (the command line option; the extras key). What each fact is called is
# error_words.PHRASES["fact"]; a fact only the records hold has neither.
_FACTS: dict[str, tuple[str, str]] = {
    "interview_times": ("--times", "interview_times"),
    "feedback_summary": ("--feedback", "feedback_summary"),
    "improvement": ("--improvement", "improvement"),
    "referral": ("--referral", "referral"),
    "news": ("--news", "news"),
    "interviewer": ("", "interviewer"),
}


def describe(fact: str) -> tuple[str, str, str]:
    """What a missing fact is called (a code of PHRASES["fact"], else its own words), its
    command line option and its extras key."""
    option, extra = _FACTS.get(fact, ("", ""))
    return (fact if fact in PHRASES["fact"] else fact.replace("_", " ")), option, extra


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
        fact, option, extra = describe(gap.field)
        # Said without the command line's option: the app asks in its form, the command
        # line names the option (one_line_summary).
        problems.append(Problem(gap.field, Words("preflight.needs", fact=fact), option, extra))
    if inputs.past_times and kind == "exit_interview_request":
        problems.append(Problem(
            "interview_times", Words("preflight.past_times", times=tuple(
                _moment(t) for t in inputs.past_times)), "--times", "interview_times",
            blocking=False))
    recipient = inputs.recipient
    if not recipient.address.strip():
        problems.append(Problem(
            "address", Words("preflight.no_address", name=one_line(recipient.client_name)),
            blocking=False))
    printed = {"client_name": recipient.client_name, "contact_name": recipient.contact_name,
               "salutation": recipient.salutation, "address": recipient.address}
    for part, text in printed.items():
        missing = unprintable(one_line(text))
        if missing:
            problems.append(Problem(
                "unprintable", Words("preflight.unprintable", part=part, text=one_line(text),
                                     characters=" ".join(missing)),
                blocking=False))
    return problems


def _moment(value: object) -> str:
    """A proposed time as the command line writes it: "2026-11-30 10:00", or the day."""
    from datetime import datetime

    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return str(value)


def one_line_summary(problems: list[Problem]) -> Words | None:
    """The blocking problems as one line for the command line (None when there are none)."""
    needed = []
    for p in problems:
        if not p.blocking:
            continue
        fact, option, _ = describe(p.fact)
        needed.append(Words("preflight.needed_option", fact=fact, option=option) if option
                      else Words("preflight.needed", fact=fact))
    if not needed:
        return None
    return Words("preflight.summary", needed=tuple(needed))
