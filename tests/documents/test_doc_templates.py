"""Templates: placeholders per kind, checking (names, braces, positions), filling, defaults."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from doc_pdfcheck import make_sender

from goodbye_desktop.documents.letters import LETTER_KINDS, compose
from goodbye_desktop.documents.templates import (
    KINDS,
    check_template,
    default_template,
    fill,
    placeholders_for,
    split_template,
)
from goodbye_desktop.documents.values import LetterFacts, Recipient
from goodbye_desktop.errors import TemplateError, ValidationError

COMMON = {"client_name", "contact_name", "contact_first_name", "owner_name", "business_name",
          "end_date", "start_date", "tenure", "today"}


def test_kinds_match_the_letters() -> None:
    assert list(KINDS) == list(LETTER_KINDS)
    assert len(LETTER_KINDS) == 7


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_has_the_common_placeholders_with_descriptions(kind: str) -> None:
    known = placeholders_for(kind)
    assert known.keys() >= COMMON
    assert all(isinstance(d, str) and d for d in known.values())


def test_exit_interview_placeholders() -> None:
    assert {"interview_times", "interviewer"} <= placeholders_for("exit_interview_request").keys()


@pytest.mark.parametrize("kind", KINDS)
def test_default_templates_are_valid_and_short(kind: str) -> None:
    text = default_template(kind)
    parts = check_template(kind, text)
    assert text.startswith("Subject: ")
    assert parts.subject and parts.body
    facts = LetterFacts(start_date=date(2023, 9, 1), end_date=date(2026, 12, 31),
                        transition_steps=["Files"], interview_times=[date(2026, 12, 8)],
                        news="News.", feedback_summary="Said.", improvement="Changed.")
    for today in (date(2026, 12, 1), date(2026, 12, 31), date(2027, 1, 20)):
        letter = compose(kind, make_sender(), Recipient("Acme", "An Le"),
                         replace(facts, today=today))
        assert len(letter.body.split()) < 220  # a letter fits one page


def test_unknown_placeholder_is_named_with_its_position() -> None:
    text = "Subject: Hello\n\nDear {clinet_name},\n\nThanks from {owner_name} and {boss}."
    with pytest.raises(TemplateError) as err:
        check_template("farewell", text)
    message = str(err.value)
    assert "{clinet_name}" in message
    assert "line 3, column 6" in message
    assert "did you mean {client_name}" in message
    assert "{boss}" in message and "line 5" in message
    assert "owner_name" not in message
    assert err.value.field == "template"


def test_unknown_placeholder_in_the_subject() -> None:
    with pytest.raises(TemplateError, match=r"line 1, column 16: unknown placeholder \{nope\}"):
        check_template("check_in", "Subject: Hello {nope}\n\nBody")


def test_kind_specific_placeholder_is_unknown_elsewhere() -> None:
    with pytest.raises(TemplateError, match="interview_times"):
        check_template("farewell", "Subject: x\n\nTimes: {interview_times}")


@pytest.mark.parametrize(
    ("body", "where"),
    [
        ("Dear {client_name,\n", "line 3, column 6: '{' is not closed"),
        ("Fine.\nA } here", "line 4, column 3: '}' without a matching '{'"),
        ("{client name}", "line 3, column 1: '{client name}' is not a placeholder name"),
        ("{}", "'{}' is not a placeholder name"),
    ],
)
def test_unbalanced_braces_are_reported_with_line_and_column(body: str, where: str) -> None:
    with pytest.raises(TemplateError) as err:
        check_template("farewell", "Subject: Hi\n\n" + body)
    assert where in str(err.value)


def test_literal_braces_and_single_pass_fill() -> None:
    text = "{{not a placeholder}} for {client_name}"
    assert fill(text, {"client_name": "{owner_name} & Co"}) == (
        "{not a placeholder} for {owner_name} & Co"
    )


def test_fill_refuses_a_name_without_value() -> None:
    with pytest.raises(TemplateError, match="unknown placeholder {x}"):
        fill("a {x}", {})


def test_subject_line_is_required() -> None:
    with pytest.raises(TemplateError, match="Subject"):
        check_template("farewell", "Dear {client_name},\n\nBody")


def test_closing_line_and_blank_lines() -> None:
    parts = split_template("Subject: S\nClosing: Warm wishes,\n\n\nBody line\n\nSecond")
    assert parts.closing == "Warm wishes,"
    assert parts.body == "Body line\n\nSecond"
    assert parts.body_line == 5


def test_compose_fills_names_dates_and_lists() -> None:
    sender = make_sender()
    recipient = Recipient("Renée & <Sons> Ltd", "Dr. Zoë Łukasiewicz", "")
    facts = LetterFacts(today=date(2026, 11, 25), start_date=date(2023, 9, 1),
                        end_date=date(2026, 12, 31), transition_steps=["Files", "Logins"])
    letter = compose("farewell", sender, recipient, facts)
    assert "Dear Zoë," in letter.body
    assert "for three years and three months" in letter.body
    assert "31 December 2026" in letter.body
    assert "• Files\n• Logins" in letter.body
    assert letter.closing == "With warm regards,"


def test_greeting_falls_back_to_the_client_name() -> None:
    letter = compose("check_in", make_sender(), Recipient("Acme {client_name}", ""),
                     LetterFacts(end_date=date(2026, 1, 31)))
    assert letter.body.startswith("Dear Acme {client_name} team,")


def test_missing_fact_names_its_field() -> None:
    with pytest.raises(ValidationError) as err:
        compose("farewell", make_sender(), Recipient("Acme"), LetterFacts(start_date=None),
                template="Subject: S\n\nWe began on {start_date} and end on {end_date}.")
    assert err.value.field in {"end_date", "start_date"}
    with pytest.raises(ValidationError) as err:
        compose("exit_interview_request", make_sender(), Recipient("Acme"),
                LetterFacts(end_date=date(2026, 1, 1)))
    assert err.value.field == "interview_times"


def test_owner_template_replaces_the_default() -> None:
    text = "Subject: Bye {client_name}\nClosing: Cheers,\n\nHello {contact_first_name}."
    letter = compose("check_in", make_sender(), Recipient("Acme", "Jo Bloggs"), LetterFacts(),
                     template=text)
    assert (letter.subject, letter.body, letter.closing) == ("Bye Acme", "Hello Jo.", "Cheers,")


def test_sections_print_by_the_situation() -> None:
    text = "A{?x} and B{/x}{!x} but C{/x}.{?y}{?x} Both.{/x}{/y}"
    assert fill(text, {}, {"x": True, "y": True}) == "A and B. Both."
    assert fill(text, {}, {"x": False, "y": True}) == "A but C."
    # A placeholder with a value holds; one without does not.
    assert fill("{?referral}See {referral}.{/referral}", {"referral": "Ann"}) == "See Ann."
    assert fill("{?referral}See {referral}.{/referral}", {"referral": ""}) == ""


def test_broken_sections_are_named_with_their_position() -> None:
    text = ("Subject: Hello\n\n{greeting},\n\n{?before_end}Until {end_date}.\n\n"
            "{?after_nd}Ended.{/after_nd} {/plan_done}")
    with pytest.raises(TemplateError) as err:
        check_template("farewell", text)
    message = str(err.value)
    assert "line 7, column 1: unknown condition {?after_nd} (did you mean {after_end}?)" \
        in message
    assert "line 7, column 30: {/plan_done} closes a section, but the open one is " \
        "{?before_end} (line 5, column 1)" in message
    with pytest.raises(TemplateError, match=r"line 3, column 1: the section \{!is_person\} "
                       r"is not closed"):
        check_template("farewell", "Subject: S\n\n{!is_person}Dear all,")
    with pytest.raises(TemplateError, match="closes a section that was not opened"):
        check_template("farewell", "Subject: S\n\nDear all,{/is_person}")


def test_a_section_that_does_not_print_needs_no_value() -> None:
    template = ("Subject: S\n\n{greeting},\n\n{?before_end}I work for you until {end_date}."
                "{/before_end}{!before_end}Thank you.{/before_end}")
    letter = compose("farewell", make_sender(), Recipient("Acme", "An Le"),
                     LetterFacts(today=date(2026, 12, 1)), template=template)
    assert letter.body == "Dear An,\n\nThank you."
