"""Letter templates: the owner's text with named placeholders; parse, check, fill.

Syntax (shown to the owner in the template editor):

    Subject: Thank you, {client_name}
    Closing: Warm regards,

    Dear {greeting_name},

    A paragraph.  Blank lines separate paragraphs; a single line break stays a line break.

- The first line is ``Subject: ...``.  An optional ``Closing: ...`` line may follow (default
  "Kind regards,").  Then one blank line, then the body.
- ``{name}`` is replaced by the value of the placeholder *name* (letters, digits and ``_``).
  ``placeholders_for(kind)`` lists the names a kind knows, with a description.
- ``{?name}...{/name}`` is a section printed only when *name* holds: a situation of the
  letter (``before_end``, ``on_end``, ``after_end``, ``plan_done``, ``current_again``,
  ``is_person`` ..., see ``CONDITIONS``) or a placeholder of the kind that has a value
  (``{?referral}I can recommend {referral}.{/referral}``).  ``{!name}...{/name}`` is
  printed when it does not hold.  Sections nest; a placeholder inside a section that is
  not printed needs no value.
- ``{{`` and ``}}`` print a literal ``{`` and ``}``.  Nothing else is special: no formats,
  no attributes, no expressions - so a template cannot reach into the program.
- Filling is a single pass: a value that itself contains ``{client_name}`` prints as is.

`check_template()` reports unknown placeholders and conditions, unclosed or mismatched
sections and unbalanced braces with their line and column; it is called when the owner
saves a template and again before every rendering.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass

from goodbye_desktop.error_words import Words
from goodbye_desktop.errors import TemplateError

DEFAULT_CLOSING = "Kind regards,"
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")

_COMMON: dict[str, str] = {
    "client_name": "The client's name (the organisation or the person)",
    "contact_name": "Full name of your contact at the client (may be empty)",
    "contact_first_name": "First name of your contact (empty when there is no contact)",
    "greeting": "The greeting, without its comma: the contact's salutation (\"Dear An\"), "
    "else one made from their name, else the greeting of your business profile",
    "greeting_name": "Who to greet: the contact's first name, or the client's name when "
    "there is no contact",
    "owner_name": "Your name, as on the business profile",
    "business_name": "Your business's name",
    "business_email": "Your business email address",
    "business_phone": "Your business phone number",
    "business_website": "Your business website",
    "today": "The letter's date, written in your locale",
    "start_date": "When the client started working with you",
    "end_date": "When the work together ends (or ended)",
    "tenure": "How long you have worked together, in words (\"two years\", \"a year and "
    "nine months\")",
}

# Situations a section can depend on ({?name}...{/name}), with what they mean.
CONDITIONS: dict[str, str] = {
    "before_end": "The letter is dated before the last day of the work together",
    "on_end": "The letter is dated on the last day",
    "after_end": "The letter is dated after the last day",
    "ended": "The last day is today or has passed",
    "plan_open": "Some steps of the transition plan are not done yet",
    "plan_done": "The transition plan has steps and all of them are done",
    "current_again": "The client has come back and is a current client again",
    "client_closed": "The client's business has closed (it ended the work)",
    "client_decided": "The client decided to end the work",
    "owner_decided": "You decided to end the work",
    "agreed_together": "You and the client agreed together to end the work",
    "outside_events": "Outside events ended the work (the client closed, was acquired or "
    "moved)",
    "is_person": "The client is a person, not an organisation",
    "is_company": "The client is an organisation",
    "has_contact": "There is a named person to write to",
    "one_time": "The letter proposes a single interview time",
    "interviewer_named": "Someone other than you will ask the interview's questions",
}

_BY_KIND: dict[str, dict[str, str]] = {
    "farewell": {
        "transition_steps": "The handover steps, one per line with a bullet",
    },
    "parting_ways": {
        "transition_steps": "The handover steps, one per line with a bullet",
        "notice_days": "Days of notice: from the letter's date to the end date",
        "notice": "The notice in words (\"24 days\", \"one day\"); none on or after the end",
        "referral": "Another provider you recommend",
        "final_invoice_amount": "The amount of the final invoice",
    },
    "transition_plan": {
        "step_count": "How many steps the plan has",
        "first_step_date": "The date of the first step",
        "last_step_date": "The date of the last step",
    },
    "exit_interview_request": {
        "interview_times": "The proposed times, one per line with a bullet",
        "interviewer": "Who will ask the questions (default: you)",
        "interview_minutes": "How long the conversation takes, in minutes",
    },
    "check_in": {},
    "keep_in_touch": {
        "news": "Something of interest to the client (an article, an event, a change)",
    },
    "feedback_thanks": {
        "feedback_summary": "What the client told you, in a sentence or two",
        "improvement": "What you are changing because of it",
    },
}

KINDS: tuple[str, ...] = tuple(_BY_KIND)


@dataclass(frozen=True)
class Placeholder:
    """A `{name}` found in a template, with its 1-based line and column."""

    name: str
    line: int
    column: int


@dataclass(frozen=True)
class Section:
    """`{?name}` (or `{!name}` when `negate`) opening a section, or `{/name}` closing one."""

    name: str
    negate: bool
    closing: bool
    line: int
    column: int


@dataclass(frozen=True)
class LetterTemplate:
    """A template split into its parts (still with placeholders)."""

    subject: str
    closing: str
    body: str
    body_line: int  # line number of the body's first line in the whole text


def placeholders_for(kind: str) -> dict[str, str]:
    """The placeholders a letter kind knows: name -> description, common ones first."""
    _check_kind(kind)
    return {**_COMMON, **_BY_KIND[kind]}


def _check_kind(kind: str) -> None:
    if kind not in _BY_KIND:
        raise TemplateError("letter.unknown_kind", field="kind", kind=kind)


# The characters that mean something; everything between them is literal text.
_TOKEN = re.compile(r"\{\{|\}\}|\{[^{}\n]*\}|[{}\n]")


def _parse(text: str, first_line: int = 1) -> tuple[list[str | Placeholder | Section],
                                                   list[Words]]:
    """Split text into literal strings and placeholders; also return the syntax errors."""
    parts, errors = _parse_cached(text, first_line)
    return list(parts), list(errors)


@functools.lru_cache(maxsize=256)
def _parse_cached(text: str, first_line: int) -> tuple[tuple[str | Placeholder | Section, ...],
                                                       tuple[Words, ...]]:
    # Cached: the same few templates are parsed for every letter of a batch.
    parts: list[str | Placeholder | Section] = []
    errors: list[Words] = []
    literal: list[str] = []
    line, line_start, pos = first_line, 0, 0
    for m in _TOKEN.finditer(text):
        literal.append(text[pos : m.start()])
        pos = m.end()
        token = m.group()
        column = m.start() - line_start + 1
        if token == "\n":
            literal.append(token)
            line, line_start = line + 1, m.end()
        elif token == "{{":
            literal.append("{")
        elif token == "}}":
            literal.append("}")
        elif token == "{":
            errors.append(Words("template.open_brace", line=line, column=column))
            literal.append(token)
        elif token == "}":
            errors.append(Words("template.close_brace", line=line, column=column))
            literal.append(token)
        elif token[1:2] in ("?", "!", "/") and _NAME.fullmatch(token[2:-1]):
            if literal:
                parts.append("".join(literal))
                literal = []
            parts.append(Section(token[2:-1], token[1] == "!", token[1] == "/", line, column))
        else:
            name = token[1:-1]
            if _NAME.fullmatch(name):
                if literal:
                    parts.append("".join(literal))
                    literal = []
                parts.append(Placeholder(name, line, column))
            else:
                errors.append(Words("template.bad_name", line=line, column=column,
                                    token=token))
                literal.append(token)
    literal.append(text[pos:])
    if any(literal):
        parts.append("".join(literal))
    return tuple(parts), tuple(errors)


def split_template(text: str) -> LetterTemplate:
    """Split a full template into subject, closing and body; raise TemplateError if malformed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    all_lines = text.split("\n")
    first = all_lines[0] if all_lines else ""
    key, sep, subject = first.partition(":")
    if not sep or key.strip().lower() != "subject":
        raise TemplateError("template.no_subject", field="template")
    closing = DEFAULT_CLOSING
    index = 1
    if len(all_lines) > 1:
        key, sep, value = all_lines[1].partition(":")
        if sep and key.strip().lower() == "closing":
            closing = value.strip()
            index = 2
    # The body starts after the blank line(s) following the header.
    while index < len(all_lines) and not all_lines[index].strip():
        index += 1
    body = "\n".join(all_lines[index:]).rstrip()
    return LetterTemplate(subject.strip(), closing, body, body_line=index + 1)


def placeholders_in(text: str, first_line: int = 1) -> list[Placeholder]:
    """The placeholders used in `text` (syntax errors are ignored here)."""
    parts, _ = _parse(text, first_line)
    return [p for p in parts if isinstance(p, Placeholder)]


def check_template(kind: str, text: str) -> LetterTemplate:
    """Check an owner's template for `kind`; return its parts or raise TemplateError.

    The error's message lists every problem, one per line, each with its line and column:
    unknown placeholders (by name) and unbalanced braces.
    """
    _check_kind(kind)
    parts = split_template(text)
    known = placeholders_for(kind)
    problems: list[Words] = []
    # Lines 1 and 2 (subject, closing) are parsed whole so that columns count from the key.
    header = text.replace("\r\n", "\n").split("\n", 2)
    sections = [(header[0], 1)]
    if _has_closing_line(text):
        sections.append((header[1], 2))
    sections.append((parts.body, parts.body_line))
    for section, first_line in sections:
        found, errors = _parse(section, first_line)
        problems.extend(errors)
        problems.extend(_section_problems(found, known))
        for item in found:
            if isinstance(item, Placeholder) and item.name not in known:
                problems.append(Words("template.unknown_placeholder", line=item.line,
                                      column=item.column, name=item.name,
                                      suggestion=_suggestion(item.name, known)))
    if not parts.body.strip():
        problems.append(Words("template.no_body"))
    if problems:
        raise TemplateError("template.problems", field="template", lines=tuple(problems))
    return parts


def _section_problems(found: list, known: Mapping[str, object] | None) -> list[Words]:
    """Unknown conditions, sections closed without being opened, or never closed."""
    problems: list[Words] = []
    names = None if known is None else {**CONDITIONS, **known}
    stack: list[Section] = []
    for item in found:
        if not isinstance(item, Section):
            continue
        if not item.closing:
            if names is not None and item.name not in names:
                mark = "!" if item.negate else "?"
                problems.append(Words("template.unknown_condition", line=item.line,
                                      column=item.column, mark=mark,
                                      name=item.name,
                                      suggestion=_suggestion(item.name, names)))
            stack.append(item)
        elif not stack:
            problems.append(Words("template.close_unopened", line=item.line,
                                  column=item.column, name=item.name))
        elif stack[-1].name != item.name:
            problems.append(Words("template.close_other", line=item.line,
                                  column=item.column, name=item.name,
                                  open_name=stack[-1].name, open_line=stack[-1].line,
                                  open_column=stack[-1].column))
            stack.pop()
        else:
            stack.pop()
    for item in stack:
        mark = "!" if item.negate else "?"
        problems.append(Words("template.not_closed", line=item.line, column=item.column,
                              mark=mark, name=item.name))
    return problems


def shown_parts(text: str, holds: Mapping[str, bool]) -> list[str | Placeholder]:
    """The literal text and placeholders of `text` that print, given which conditions hold.

    A condition missing from `holds` does not hold.  Raises TemplateError for broken
    braces or sections (check_template says where).
    """
    parts, errors = _parse(text)
    problems = list(errors) + _section_problems(parts, None)
    if problems:
        raise TemplateError("template.problems", field="template", lines=tuple(problems))
    out: list[str | Placeholder] = []
    showing: list[bool] = [True]
    for item in parts:
        if isinstance(item, Section):
            if item.closing:
                showing.pop()
            else:
                wanted = bool(holds.get(item.name, False)) != item.negate
                showing.append(showing[-1] and wanted)
        elif showing[-1]:
            out.append(item)
    return out


def _has_closing_line(text: str) -> bool:
    lines = text.replace("\r\n", "\n").split("\n")
    return len(lines) > 1 and lines[1].partition(":")[0].strip().lower() == "closing"


def _suggestion(name: str, known: Mapping[str, str]) -> Words | str:
    import difflib

    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.75)
    return Words("template.did_you_mean", name=close[0]) if close else ""


def fill(text: str, values: Mapping[str, object],
         holds: Mapping[str, bool] | None = None) -> str:
    """Replace each `{name}` in `text` by `values[name]` in one pass; `{{`/`}}` become braces.

    Sections print when their condition holds: `holds[name]`, else a placeholder of that
    name with a non-empty value.  Lines left empty by a section that did not print are
    folded away, so no paragraph gap is doubled.
    Raises TemplateError for broken braces or sections, or a printed placeholder with no
    value in `values`.
    """
    conditions = {name: value not in (None, "") for name, value in values.items()}
    conditions.update(holds or {})
    parts = shown_parts(text, conditions)
    out: list[str] = []
    for item in parts:
        if isinstance(item, str):
            out.append(item)
        elif item.name in values:
            value = values[item.name]
            out.append("" if value is None else str(value))
        else:
            raise TemplateError("template.unknown_placeholder", field="template",
                                line=item.line, column=item.column, name=item.name,
                                suggestion="")
    filled = "".join(out)
    if not any(isinstance(item, Section) for item in _parse(text)[0]):
        return filled
    return _fold_blank_lines(filled)


_SPACES_AT_END = re.compile(r"[ \t]+\n")
_MANY_BLANKS = re.compile(r"\n{3,}")


def _fold_blank_lines(text: str) -> str:
    text = _SPACES_AT_END.sub("\n", text)
    return _MANY_BLANKS.sub("\n\n", text).strip("\n")


@functools.cache
def default_template(kind: str) -> str:
    """The default text of a letter kind, from resources/letters/<kind>.txt."""
    _check_kind(kind)
    from goodbye_desktop.resources import resources_dir

    return (resources_dir() / "letters" / f"{kind}.txt").read_text(encoding="utf-8")
