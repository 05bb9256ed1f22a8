"""Departures in the store: facts in SQL, drafts, the one-piece save, and what comes after."""

from datetime import date, datetime
from pathlib import Path

import peewee
import pytest

from goodbye_desktop.core.assessment import assess
from goodbye_desktop.core.departure import (
    DepartureDraft,
    KeepMeeting,
    PendingItem,
    PlanStep,
    default_follow_ups,
    default_plan,
)
from goodbye_desktop.core.signs import ClientFacts
from goodbye_desktop.errors import DatabaseError, GoodbyeError, NotFoundError, ValidationError
from goodbye_desktop.store import departures, records
from goodbye_desktop.store.database import close_database, open_database
from goodbye_desktop.store.models import (
    Client,
    Departure,
    DepartureReason,
    InterviewQuestion,
    PendingWork,
    Promise,
    TransitionStep,
)

TODAY = date(2026, 5, 15)

# The records of these tests are dated around TODAY: the clock is frozen there.
pytestmark = pytest.mark.frozen_at(TODAY)


@pytest.fixture
def store(tmp_path: Path):
    open_database(tmp_path / "departures.sqlite")
    yield
    close_database()


@pytest.fixture
def client_id(store) -> int:
    return records.create_client(name="Renée & <Sons>", started_on=date(2021, 3, 1))


def draft_for(client_id: int, **changes) -> DepartureDraft:
    end = date(2026, 6, 30)
    draft = DepartureDraft(
        client_id=client_id, client_name="Renée & <Sons>", client_started_on=date(2021, 3, 1),
        ended_by="client", reasons=["price", "competitor"], reason_text="山田 offered less",
        kind="scattered", decided_on=TODAY, effective_on=end, decision="accept",
        assessment={"revenue_share_pct": 12.5}, pending=[PendingItem("Spring catalogue",
                                                                     date(2026, 6, 1))],
        steps=default_plan(end, TODAY), interviewer="Łukasz", interview_times="Tue 10:00",
        letters=["farewell", "transition_plan"], mailing_consent=True,
        follow_ups=default_follow_ups(end), staff_told="Ana, محمد", lessons="Say no sooner.",
    )
    for key, value in changes.items():
        setattr(draft, key, value)
    return draft


def counts() -> dict[str, int]:
    return {model.__name__: model.select().count() for model in (
        Departure, DepartureReason, PendingWork, TransitionStep, InterviewQuestion, Promise)}


# --- facts ------------------------------------------------------------------------------

def test_client_facts_aggregate_the_records(client_id) -> None:
    other = records.create_client(name="Other")
    records.update_profile(target_hourly_rate_cents=10000, silence_days=30)
    for month, amount in ((date(2025, 11, 1), 30000), (date(2026, 1, 1), 30000),
                          (date(2026, 3, 1), 10000), (date(2026, 5, 1), 5000)):
        records.set_revenue(client_id, month, amount)
    records.set_revenue(other, date(2026, 2, 1), 25000)
    records.set_revenue(client_id, date(2024, 1, 1), 99999)  # outside the 12 months
    records.add_interaction(client_id, datetime(2026, 4, 20, 9), "call", minutes=90,
                            complaint=True)
    records.add_interaction(client_id, datetime(2026, 1, 2, 9), "email", minutes=30,
                            complaint=True)
    records.add_interaction(client_id, datetime(2024, 1, 2, 9), "meeting", minutes=600)
    records.save_contact(client_id, name="Zoë", primary=True, left_on=date(2026, 3, 1))
    records.save_contact(client_id, name="Ana")
    records.update_client(client_id, acquired_on=date(2026, 2, 1), acquirer="Big Co")

    f = departures.client_facts(client_id, TODAY)
    assert f["revenue_12m_cents"] == 75000
    assert f["all_revenue_12m_cents"] == 100000
    # last 3 complete months: Feb-Apr 2026 (10,000); the 3 before: Nov 2025-Jan 2026
    assert (f["revenue_last_3m_cents"], f["revenue_prev_3m_cents"]) == (10000, 60000)
    assert (f["minutes_12m"], f["complaints_90d"], f["complaints_12m"]) == (120, 1, 2)
    assert f["interaction_count"] == 3 and f["last_interaction_on"] == date(2026, 4, 20)
    assert (f["contact_count"], f["contacts_remaining"]) == (2, 1)
    assert f["primary_left_on"] == date(2026, 3, 1)
    assert (f["target_rate_cents"], f["silence_days"]) == (10000, 30)

    result = assess(ClientFacts(**f))
    assert result.revenue_share_pct == 75.0
    assert [s.key for s in result.signs] == ["acquisition", "contact_turnover", "revenue_decline"]


def test_facts_of_an_unknown_client(store) -> None:
    with pytest.raises(NotFoundError):
        departures.client_facts(99, TODAY)


# --- drafts -----------------------------------------------------------------------------

def test_one_draft_per_client_replaced_and_discarded(client_id) -> None:
    assert departures.load_draft(client_id) is None
    departures.save_draft(client_id, draft_for(client_id, page="who").to_json())
    departures.save_draft(client_id, draft_for(client_id, page="plan").to_json())
    assert Departure.select().where(Departure.state == "draft").count() == 1
    assert DepartureDraft.from_json(departures.load_draft(client_id)).page == "plan"
    assert departures.clients_with_drafts() == [client_id]
    assert departures.discard_draft(client_id) is True
    assert departures.load_draft(client_id) is None
    assert departures.discard_draft(client_id) is False


def test_the_schema_refuses_a_second_draft(client_id) -> None:
    departures.save_draft(client_id, "{}")
    now = datetime(2026, 5, 15)
    with pytest.raises(peewee.IntegrityError, match="UNIQUE"):
        Departure.create(client=client_id, state="draft", created_at=now, updated_at=now)


def test_a_locked_file_is_a_clear_error_not_a_crash(client_id, tmp_path) -> None:
    import sqlite3

    from goodbye_desktop.store import connection

    departures.save_draft(client_id, "{}")
    connection.current().execute("PRAGMA busy_timeout = 0")  # fail at once, not in 5 s
    other = sqlite3.connect(connection.current_path(), isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        for write in (lambda: departures.discard_draft(client_id),
                      lambda: departures.save_draft(client_id, "{}")):
            with pytest.raises(DatabaseError, match="Could not .* draft"):
                write()
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert departures.discard_draft(client_id) is True


# --- finish -----------------------------------------------------------------------------

def test_finish_writes_everything_in_one_piece(client_id) -> None:
    departures.save_draft(client_id, "{}")
    did = departures.finish(draft_for(client_id), today=TODAY)

    assert departures.load_draft(client_id) is None
    d = departures.departure_detail(did)
    assert d["state"] == "decided" and d["client_name"] == "Renée & <Sons>"
    assert d["reasons"] == ["price", "competitor"]
    assert d["reason_text"] == "山田 offered less"
    assert d["assessment"] == {"revenue_share_pct": 12.5}
    assert [p["description"] for p in d["pending"]] == ["Spring catalogue"]
    assert [s["description"] for s in d["steps"]][0] == "Finish the open work"
    assert len(d["questions"]) == 6 and d["interview_status"] == "requested"
    assert d["letters"] == ["farewell", "transition_plan"]
    assert [p["letter_kind"] for p in d["follow_ups"]] == ["check_in"] + ["keep_in_touch"] * 3
    assert d["follow_ups"][0]["due_at"] == datetime(2026, 7, 30, 10)
    client = Client.get_by_id(client_id)
    assert (client.status, client.ended_on, client.keep_in_touch) == (
        "departing", date(2026, 6, 30), True)


def test_finish_with_an_end_date_already_passed_is_departed(client_id) -> None:
    departures.finish(draft_for(client_id, effective_on=date(2026, 5, 1),
                                decided_on=date(2026, 4, 1)), today=TODAY)
    assert Client.get_by_id(client_id).status == "departed"


def test_a_failure_on_the_last_row_leaves_nothing_behind(client_id) -> None:
    departures.save_draft(client_id, "{}")
    before = counts()
    # A step edited to blank in the draft slips past the pages but not the schema's CHECK.
    steps = [*default_plan(date(2026, 6, 30), TODAY), PlanStep("   ", date(2026, 6, 30))]
    with pytest.raises(GoodbyeError, match="Nothing was changed"):
        departures.finish(draft_for(client_id, steps=steps), today=TODAY)
    assert counts() == before
    assert departures.load_draft(client_id) == "{}"
    assert Client.get_by_id(client_id).status == "active"


def test_a_missing_table_fails_cleanly(client_id, store) -> None:
    from goodbye_desktop.store.models import database_proxy

    database_proxy.obj.execute_sql("DROP TABLE interview_question")
    with pytest.raises(DatabaseError):
        departures.finish(draft_for(client_id), today=TODAY)
    assert Departure.select().count() == 0 and Promise.select().count() == 0


def test_a_second_open_departure_is_refused(client_id) -> None:
    departures.finish(draft_for(client_id), today=TODAY)
    with pytest.raises(ValidationError, match="already has a departure"):
        departures.finish(draft_for(client_id), today=TODAY)


def test_without_interview_no_questions_are_written(client_id) -> None:
    did = departures.finish(draft_for(client_id, interview_ask=False), today=TODAY)
    d = departures.departure_detail(did)
    assert d["questions"] == [] and d["interview_status"] == "not_asked"


def test_keep_client_writes_the_meeting_only(client_id) -> None:
    departures.save_draft(client_id, "{}")
    draft = draft_for(client_id, decision="keep",
                      meeting=KeepMeeting(datetime(2026, 5, 20, 14, 30), "call", "Bring figures"))
    pid = departures.keep_client(draft)
    promise = Promise.get_by_id(pid)
    assert promise.description == "Meeting to talk about staying: Bring figures"
    assert (promise.due_at, promise.channel, promise.departure_id) == (
        datetime(2026, 5, 20, 14, 30), "call", None)
    assert Departure.select().count() == 0
    assert Client.get_by_id(client_id).status == "active"
    # The client's risk history notes the attempt to keep it.
    from goodbye_desktop import clock
    from goodbye_desktop.store.at_risk import risk_history

    (episode,) = risk_history(client_id)
    assert (episode.save_kind, episode.save_on, episode.is_open) == (
        "keep", clock.today(), True)


# --- after --------------------------------------------------------------------------------

def test_apply_effective_dates(client_id) -> None:
    other = records.create_client(name="Łukasz", started_on=date(2022, 1, 1))
    departures.finish(draft_for(client_id), today=TODAY)
    departures.finish(draft_for(other, effective_on=date(2026, 7, 31)), today=TODAY)
    # The last day (30 June) is still a working day; the client has left from 1 July.
    assert departures.apply_effective_dates(date(2026, 6, 30)) == 0
    assert departures.apply_effective_dates(date(2026, 7, 1)) == 1
    assert Client.get_by_id(client_id).status == "departed"
    assert Client.get_by_id(other).status == "departing"
    assert departures.apply_effective_dates(date(2026, 7, 1)) == 0


def test_mark_returned_closes_as_won_back(client_id) -> None:
    did = departures.finish(draft_for(client_id), today=TODAY)
    departures.apply_effective_dates(date(2026, 7, 1))
    with pytest.raises(ValidationError) as caught:
        departures.mark_returned(did, date(2026, 6, 1))
    assert caught.value.field == "returned_on"
    departures.mark_returned(did, date(2026, 9, 1))
    d = departures.departure_detail(did)
    assert (d["state"], d["returned_on"]) == ("won_back", date(2026, 9, 1))
    client = Client.get_by_id(client_id)
    assert (client.status, client.ended_on) == ("returned", None)
    assert all(p["cancelled_at"] for p in d["follow_ups"])
    with pytest.raises(ValidationError, match="already closed"):
        departures.undo_departure(did)


def test_undo_keeps_history_and_cancels_open_follow_ups(client_id) -> None:
    did = departures.finish(draft_for(client_id), today=TODAY)
    first = departures.departure_detail(did)["follow_ups"][0]["id"]
    records.mark_promise_done(first, datetime(2026, 5, 16))
    departures.undo_departure(did, date(2026, 5, 20))
    d = departures.departure_detail(did)
    assert (d["state"], d["undone_on"]) == ("undone", date(2026, 5, 20))
    assert len(d["steps"]) == 5  # history kept
    assert [p["cancelled_at"] is None for p in d["follow_ups"]] == [True, False, False, False]
    client = Client.get_by_id(client_id)
    assert (client.status, client.ended_on) == ("active", None)
    # The client can leave again later: a new departure is allowed.
    again = departures.finish(draft_for(client_id), today=TODAY)
    assert departures.departure_for_client(client_id) == again


def test_panel_edits(client_id) -> None:
    did = departures.finish(draft_for(client_id), today=TODAY)
    d = departures.departure_detail(did)
    departures.set_step_status(d["steps"][0]["id"], "done", date(2026, 5, 16))
    departures.set_pending_done(d["pending"][0]["id"], date(2026, 5, 17))
    departures.update_departure(did, answers={d["questions"][0]["id"]: "In March — 山田"},
                                interview_status="held", interview_held_on=date(2026, 7, 2),
                                would_return="maybe", notes="<b>kind</b>", lessons="Listen.")
    d = departures.departure_detail(did)
    assert (d["steps"][0]["status"], d["steps"][0]["done_on"]) == ("done", date(2026, 5, 16))
    assert d["pending"][0]["done_on"] == date(2026, 5, 17)
    assert d["questions"][0]["answer"] == "In March — 山田"
    assert (d["interview_status"], d["would_return"], d["notes"]) == ("held", "maybe",
                                                                      "<b>kind</b>")
    with pytest.raises(ValidationError) as caught:
        departures.update_departure(did, would_refer="perhaps")
    assert caught.value.field == "would_refer"
    with pytest.raises(ValidationError):
        departures.update_departure(did, state="draft")


def test_list_departures_by_year_and_the_folder(client_id) -> None:
    other = records.create_client(name="محمد", started_on=date(2020, 1, 1))
    a = departures.finish(draft_for(client_id), today=TODAY)
    departures.finish(draft_for(other, effective_on=date(2027, 1, 31), ended_by="owner",
                                reasons=["unprofitable"]), today=TODAY)
    rows = departures.list_departures()
    assert [r.client_name for r in rows] == ["محمد", "Renée & <Sons>"]
    assert [r.client_name for r in departures.list_departures(2026)] == ["Renée & <Sons>"]
    row = departures.list_departures(2026)[0]
    assert row.reasons == ("price", "competitor") and row.tenure_days == 1947
    assert row.as_json()["effective_on"] == "2026-06-30"
    assert departures.departure_years() == [2027, 2026]
    departures.undo_departure(a)
    assert departures.list_departures(2026, include_closed=False) == []

    records.add_interaction(client_id, datetime(2026, 5, 1, 9), "letter",
                            summary="Farewell letter")
    departures.update_departure(a, notes="Parted well")
    folder = departures.client_folder(client_id)
    whens = [e.when for e in folder]
    assert whens == sorted(whens)
    kinds = [e.kind for e in folder]
    assert kinds[0] == "letter" and "decision" in kinds and "step" in kinds
    assert "follow_up" in kinds and "departure_note" in kinds and "undone" in kinds
