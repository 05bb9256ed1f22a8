"""The departure draft: page checks name their field, defaults are dated right, JSON round-trips."""

from datetime import date, datetime, timedelta

import pytest

from goodbye_desktop.core.assessment import assess
from goodbye_desktop.core.departure import (
    DEFAULT_QUESTIONS,
    DepartureDraft,
    FollowUp,
    KeepMeeting,
    PendingItem,
    PlanStep,
    add_months,
    default_follow_ups,
    default_letters,
    default_plan,
    pages_for,
    pending_after_end,
    redate_plan,
    validate_all,
    validate_page,
)
from goodbye_desktop.core.signs import ClientFacts
from goodbye_desktop.error_words import say


def complete_draft(**changes) -> DepartureDraft:
    draft = DepartureDraft(
        client_id=1, client_name="Renée & <Sons>", client_started_on=date(2020, 3, 1),
        ended_by="client", reasons=["price"], kind="fulfilled", decided_on=date(2026, 5, 4),
        effective_on=date(2026, 6, 30), decision="let_go",
        pending=[PendingItem("Last newsletter", date(2026, 6, 15))],
        steps=default_plan(date(2026, 6, 30), date(2026, 5, 4)),
        interviewer="Łukasz", letters=["farewell"],
        follow_ups=default_follow_ups(date(2026, 6, 30)),
    )
    for key, value in changes.items():
        setattr(draft, key, value)
    return draft


def fields(issues) -> list[str]:
    return [issue.field for issue in issues]


def test_a_complete_draft_has_no_issue() -> None:
    assert validate_all(complete_draft()) == []


def test_who_page_names_each_missing_field() -> None:
    draft = DepartureDraft(client_id=1)
    assert fields(validate_page(draft, "who")) == ["ended_by", "reasons", "decided_on",
                                                    "effective_on"]


def test_outside_events_need_the_event() -> None:
    draft = complete_draft(ended_by="outside", outside_event="")
    assert fields(validate_page(draft, "who")) == ["outside_event"]
    draft.outside_event = "acquired"
    assert validate_page(draft, "who") == []


def test_other_reason_needs_words() -> None:
    draft = complete_draft(reasons=["other"], reason_text="  ")
    assert fields(validate_page(draft, "who")) == ["reason_text"]


@pytest.mark.parametrize(
    ("effective_on", "message"),
    [(date(2026, 5, 3), "before the decision"), (date(2019, 1, 1), "before the decision"),
     (None, "last day")],
)
def test_end_date_is_checked(effective_on, message) -> None:
    issues = validate_page(complete_draft(effective_on=effective_on), "who")
    assert fields(issues) == ["effective_on"]
    assert message in say(issues[0])


def test_end_before_the_client_started_is_refused() -> None:
    draft = complete_draft(decided_on=date(2019, 1, 1), effective_on=date(2019, 2, 1))
    assert "started" in say(validate_page(draft, "who")[0])


def test_decision_is_required_and_keep_needs_a_meeting() -> None:
    assert fields(validate_page(complete_draft(decision=""), "assessment")) == ["decision"]
    draft = complete_draft(decision="keep")
    assert pages_for(draft) == ("who", "assessment", "meeting")
    assert fields(validate_all(draft)) == ["meeting_when"]
    draft.meeting = KeepMeeting(datetime(2026, 5, 6, 15, 0), "call", "")
    assert validate_all(draft) == []


def test_pending_plan_interview_and_follow_ups_name_the_row() -> None:
    draft = complete_draft(pending=[PendingItem("", date(2026, 6, 1))],
                           steps=[PlanStep("Hand over", None, "Me")],
                           questions=["Why?", ""],
                           follow_ups=[FollowUp("Check in", None)])
    assert [say(i) for i in validate_all(draft)] == [
        "Job 1 needs a description (or remove it).",
        "Step 1 needs a date.",
        "Remove the empty question.",
        "Follow-up 1 needs a date.",
    ]


def test_no_interview_needs_no_interviewer_but_then_no_request_letter() -> None:
    draft = complete_draft(interview_ask=False, interviewer="",
                           letters=["farewell", "exit_interview_request"])
    assert fields(validate_all(draft)) == ["letters"]


def test_default_plan_is_dated_back_from_the_end_and_not_before_the_decision() -> None:
    steps = default_plan(date(2026, 6, 30), date(2026, 6, 22))
    assert [s.description for s in steps] == [
        "Finish the open work", "Introduce a better-suited provider",
        "Hand over files and accounts", "Send the final invoice",
        "End access to shared systems and accounts",
    ]
    assert [s.due_on for s in steps] == [date(2026, 6, 22), date(2026, 6, 22),
                                         date(2026, 6, 23), date(2026, 6, 30),
                                         date(2026, 6, 30)]
    moved = redate_plan(steps, date(2026, 6, 30), date(2026, 7, 10))
    assert moved[2].due_on == date(2026, 7, 3)


def test_default_plan_steps_before_the_end_fall_on_working_days() -> None:
    for offset in range(60):
        end = date(2026, 12, 1) + timedelta(days=offset)
        for decided in (None, end - timedelta(days=30), end - timedelta(days=9),
                        end - timedelta(days=1)):
            steps = default_plan(end, decided)
            dues = [s.due_on for s in steps]
            assert dues == sorted(dues), (end, decided)
            for due in dues:
                assert due <= end and (decided is None or due >= min(decided, end))
                # A weekend only when no working day fits between the decision and the end.
                if due < end and due.weekday() >= 5:
                    assert decided is not None and (end - decided).days < 3, (end, decided)
    # Sunday 13 December 2026 (14 days before Sunday 27th) moves to Friday 11th.
    assert default_plan(date(2026, 12, 27), date(2026, 11, 1))[0].due_on == date(2026, 12, 11)
    # Decided on a Saturday: the first steps wait for the Monday.
    assert default_plan(date(2026, 6, 30), date(2026, 6, 20))[0].due_on == date(2026, 6, 22)


def test_default_follow_ups_one_month_then_3_6_12() -> None:
    follow_ups = default_follow_ups(date(2026, 1, 31))
    assert [f.due_at for f in follow_ups] == [
        datetime(2026, 2, 28, 10), datetime(2026, 4, 30, 10), datetime(2026, 7, 31, 10),
        datetime(2027, 1, 31, 10),
    ]
    assert [f.letter_kind for f in follow_ups] == ["check_in"] + ["keep_in_touch"] * 3


def test_add_months_handles_short_months_and_years() -> None:
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2026, 11, 15), 3) == date(2027, 2, 15)


def test_default_letters_follow_who_ended_it() -> None:
    assert default_letters(complete_draft(ended_by="owner")) == [
        "parting_ways", "transition_plan", "exit_interview_request"]
    assert default_letters(complete_draft(ended_by="client", interview_ask=False)) == [
        "farewell", "transition_plan"]


def test_pending_work_due_after_the_end_is_reported() -> None:
    late = PendingItem("Annual report", date(2026, 7, 15))
    draft = complete_draft(pending=[PendingItem("Ok", date(2026, 6, 1)), late])
    assert pending_after_end(draft) == [late]
    assert validate_page(draft, "pending") == []  # a warning, not a refusal


def test_json_round_trip_keeps_everything_including_any_text() -> None:
    draft = complete_draft(
        reason_text="山田 said: “<b>too dear</b>” — محمد agreed", page="plan",
        meeting=KeepMeeting(datetime(2026, 5, 6, 15, 30), "call", "Zoë"),
        assessment=assess(ClientFacts(today=date(2026, 5, 4), revenue_12m_cents=120000,
                                      all_revenue_12m_cents=480000, minutes_12m=600,
                                      target_rate_cents=15000)).to_dict(),
        questions=[*DEFAULT_QUESTIONS, "Łukasz?"],
    )
    again = DepartureDraft.from_json(draft.to_json())
    assert again == draft


def test_json_from_a_newer_build_ignores_unknown_keys() -> None:
    text = complete_draft().to_json().replace('"kind":', '"mood": "fine", "kind":')
    assert DepartureDraft.from_json(text) == complete_draft()


def test_a_decided_departure_is_shown_completed_once_its_last_day_has_passed() -> None:
    from goodbye_desktop.core.departure import shown_state

    last = date(2026, 6, 30)
    assert shown_state("decided", last, date(2026, 6, 30)) == "decided"  # its last day
    assert shown_state("decided", last, date(2026, 7, 1)) == "completed"
    assert shown_state("decided", "2026-06-30", date(2026, 7, 1)) == "completed"
    assert shown_state("won_back", last, date(2026, 7, 1)) == "won_back"
    assert shown_state("decided", None, date(2026, 7, 1)) == "decided"
