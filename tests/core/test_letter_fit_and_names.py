"""Which letter suits which departure (core.letter_fit), and greeting people by name."""

from __future__ import annotations

from datetime import date

import pytest

from goodbye_desktop.core.letter_fit import Situation, fit, ordered
from goodbye_desktop.core.names import given_name, suggested_salutation
from goodbye_desktop.vocabulary import (
    ENDED_BY,
    FIT_CLIENT_ENDED,
    FIT_CURRENT_AGAIN,
    FIT_NEEDS_DEPARTURE,
    FIT_NOT_ENDED,
    FIT_OWNER_ENDED,
    FIT_REASONS,
    LETTER_KINDS,
)

END = date(2026, 12, 15)


def situation(ended_by: str = "client", *, state: str = "decided", today: date = END,
              back: bool = False, departure: bool = True) -> Situation:
    return Situation(has_departure=departure, ended_by=ended_by if departure else "",
                     state=state if departure else "", current_again=back,
                     end_date=END if departure else None, today=today)


@pytest.mark.parametrize("ended_by", ENDED_BY)
def test_the_ending_letter_follows_who_ended_it(ended_by) -> None:
    farewell, parting = fit("farewell", situation(ended_by)), fit("parting_ways",
                                                                 situation(ended_by))
    if ended_by == "owner":
        assert not farewell.fits and farewell.reason == FIT_OWNER_ENDED
        assert farewell.better == "parting_ways" and parting.fits
    else:
        assert farewell.fits
        assert not parting.fits and parting.reason == FIT_CLIENT_ENDED
        assert parting.better == "farewell"


def test_a_client_who_came_back_gets_no_goodbye() -> None:
    back = situation(state="won_back", back=True)
    for kind in ("farewell", "parting_ways", "transition_plan", "exit_interview_request",
                 "check_in"):
        result = fit(kind, back)
        assert not result.fits and result.reason == FIT_CURRENT_AGAIN
        assert result.better == "keep_in_touch"
    assert [f.kind for f in ordered(back) if f.fits] == ["keep_in_touch", "feedback_thanks"]


def test_without_a_departure_its_letters_are_not_offered() -> None:
    none = situation(departure=False)
    assert [f.kind for f in ordered(none)] == ["keep_in_touch", "feedback_thanks"]
    assert fit("farewell", none).reason == FIT_NEEDS_DEPARTURE
    assert not fit("farewell", none).offered


def test_a_check_in_comes_after_the_last_day() -> None:
    early = fit("check_in", situation(today=date(2026, 12, 1)))
    assert not early.fits and early.reason == FIT_NOT_ENDED and early.better == "farewell"
    assert fit("check_in", situation(today=END)).fits


def test_fitting_kinds_come_first_in_the_apps_order() -> None:
    kinds = [f.kind for f in ordered(situation("owner", today=date(2026, 12, 1)))]
    assert sorted(kinds) == sorted(LETTER_KINDS)
    assert kinds[-2:] == ["farewell", "check_in"]
    assert all(f.reason in FIT_REASONS for f in ordered(situation()))


@pytest.mark.parametrize(("name", "given", "confident"), [
    ("Nguyễn Văn An", "An", True),
    ("Trần Thị Mai", "Mai", True),
    ("Nagy Erzsébet", "Erzsébet", True),
    ("Zoë Łukasiewicz", "Zoë", True),
    ("Dr. Sam Okafor", "Sam", True),
    ("山田太郎", "山田太郎", False),
    ("김민준", "김민준", False),
    ("Madonna", "Madonna", False),
    ("", "", False),
])
def test_the_given_name_is_guessed_modestly(name, given, confident) -> None:
    guess = given_name(name)
    assert (guess.name, guess.confident) == (given, confident)


def test_a_salutation_is_suggested() -> None:
    assert suggested_salutation("Nguyễn Văn An").name == "Dear An"
    # A name written with a title keeps it, with the family name.
    assert suggested_salutation("Dr Amara Okafor").name == "Dear Dr Okafor"
    assert suggested_salutation("Prof. Nguyễn Văn An").name == "Dear Prof. Nguyễn"
    assert suggested_salutation("Dr Okafor").name == "Dear Dr Okafor"  # as written
    unsure = suggested_salutation("山田 太郎")
    assert unsure.name == "Dear 山田 太郎" and not unsure.confident


@pytest.mark.parametrize(("status", "reason", "better"), [
    ("held", "interview_held", "feedback_thanks"),
    ("declined", "interview_declined", None),
    ("scheduled", "interview_scheduled", None),
])
def test_an_interview_already_answered_is_not_asked_for_again(status, reason, better) -> None:
    from dataclasses import replace

    result = fit("exit_interview_request", replace(situation(), interview_status=status))
    assert (result.fits, result.reason, result.better) == (False, reason, better)
    assert reason in FIT_REASONS


@pytest.mark.parametrize("status", ["not_asked", "requested", ""])
def test_an_interview_not_yet_answered_can_be_asked_for(status) -> None:
    from dataclasses import replace

    assert fit("exit_interview_request", replace(situation(), interview_status=status)).fits


def test_keeping_in_touch_needs_the_clients_consent_once_it_has_a_departure() -> None:
    from dataclasses import replace

    refused = fit("keep_in_touch", replace(situation(), keep_in_touch=False))
    assert (refused.fits, refused.reason, refused.better) == (False, "no_consent", None)
    assert fit("keep_in_touch", replace(situation(), keep_in_touch=True)).fits
    # A client with no departure is not leaving: the note needs no consent.
    assert fit("keep_in_touch", replace(situation(departure=False), keep_in_touch=False)).fits
