"""Client record writes: validation names the field, and a failed write leaves nothing."""

from datetime import date, datetime
from pathlib import Path

import pytest

from goodbye_desktop import clock
from goodbye_desktop.errors import NotFoundError, ValidationError
from goodbye_desktop.store import records
from goodbye_desktop.store.database import close_database, open_database
from goodbye_desktop.store.models import Client, Contact, Interaction, Revenue, database_proxy

# The records of these tests are dated around 25 November 2026.
pytestmark = pytest.mark.frozen_at("2026-11-25T10:00")


@pytest.fixture
def store(tmp_path: Path):
    open_database(tmp_path / "records.sqlite")
    yield
    close_database()


def test_client_needs_a_name(store) -> None:
    with pytest.raises(ValidationError) as caught:
        records.create_client(name="   ")
    assert caught.value.field == "name"
    assert Client.select().count() == 0


def test_end_date_before_start_is_refused_even_against_the_stored_start(store) -> None:
    cid = records.create_client(name="Zoë", started_on=date(2024, 5, 1))
    with pytest.raises(ValidationError) as caught:
        records.update_client(cid, ended_on=date(2024, 1, 1))
    assert caught.value.field == "ended_on"
    assert Client.get_by_id(cid).ended_on is None


def test_status_must_be_known(store) -> None:
    with pytest.raises(ValidationError, match="Status must be one of") as caught:
        records.create_client(name="A", status="gone")
    assert caught.value.field == "status"


def test_negative_and_absurd_amounts_are_refused(store) -> None:
    cid = records.create_client(name="A")
    with pytest.raises(ValidationError, match="cannot be negative"):
        records.set_revenue(cid, date(2026, 10, 1), -1)
    with pytest.raises(ValidationError, match="too large"):
        records.set_revenue(cid, date(2026, 10, 1), 10**19)
    assert Revenue.select().count() == 0


def test_interaction_for_a_missing_client_is_a_clear_error_and_writes_nothing(store) -> None:
    with pytest.raises(ValidationError, match="does not exist"):
        records.add_interaction(999, datetime(2026, 11, 1, 9), "call", minutes=5)
    assert Interaction.select().count() == 0


def test_a_failure_inside_a_write_rolls_the_whole_action_back(store) -> None:
    cid = records.create_client(name="Łukasiewicz Logistics")
    records.set_revenue(cid, date(2026, 10, 1), 5000)
    # set_revenue replaces the month: it deletes the old row, then inserts the new
    # one. Make the insert fail inside SQLite itself, after the delete has run.
    database_proxy.obj.execute_sql(
        "CREATE TRIGGER refuse BEFORE INSERT ON revenue BEGIN SELECT RAISE(ABORT, 'no'); END")
    with pytest.raises(ValidationError):
        records.set_revenue(cid, date(2026, 10, 1), 7000)
    assert list(Revenue.select(Revenue.amount_cents).tuples()) == [(5000,)]
    assert Client.get_by_id(cid).revenue_12m_cents == 5000


def test_derived_columns_follow_the_records(store) -> None:
    cid = records.create_client(name="Renée & <Sons>", tags="bakery, print")
    records.save_contact(cid, name="Łukasz Nowak", email="LUKASZ@example.com")
    records.add_interaction(cid, datetime(2026, 11, 2, 10), "email")
    records.add_interaction(cid, datetime(2026, 10, 2, 10), "call")
    records.set_revenue(cid, date(2026, 11, 1), 1000)
    records.set_revenue(cid, date(2025, 12, 1), 200)  # inside the 12-month window
    records.set_revenue(cid, date(2025, 11, 1), 99999)  # just outside it
    row = Client.get_by_id(cid)
    assert row.sort_name == "renee & <sons>"
    assert "lukasz nowak" in row.search_text and "lukasz@example.com" in row.search_text
    assert "bakery" in row.search_text
    assert row.last_contact_at == datetime(2026, 11, 2, 10)
    assert row.revenue_12m_cents == 1200


def test_revenue_window_moves_with_the_month(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    open_database(path)
    cid = records.create_client(name="A")
    records.set_revenue(cid, date(2025, 12, 1), 300)
    close_database()
    clock.freeze("2027-01-03T09:00")
    open_database(path)
    try:
        assert Client.get_by_id(cid).revenue_12m_cents == 0
    finally:
        close_database()


def test_a_write_after_the_month_turned_moves_the_whole_window_first(store) -> None:
    """The month turns while the app is open, before the midnight timer: the first write
    moves every client's 12-month revenue on, so the column never mixes two windows."""
    a = records.create_client(name="A")
    b = records.create_client(name="B")
    records.set_revenue(a, date(2025, 12, 1), 300)
    records.set_revenue(b, date(2025, 12, 1), 500)
    clock.freeze("2026-12-01T08:00")
    records.set_revenue(a, date(2026, 12, 1), 10)
    assert Client.get_by_id(a).revenue_12m_cents == 10
    assert Client.get_by_id(b).revenue_12m_cents == 0


def test_revenue_after_today_does_not_count(store) -> None:
    cid = records.create_client(name="A")
    records.set_revenue(cid, date(2026, 11, 1), 100)
    records.set_revenue(cid, date(2030, 1, 1), 99999)
    records.set_revenue(cid, date(2026, 12, 1), 77777)
    assert Client.get_by_id(cid).revenue_12m_cents == 100


def test_one_amount_per_client_and_month(store) -> None:
    cid = records.create_client(name="A")
    records.set_revenue(cid, date(2026, 10, 1), 100)
    records.set_revenue(cid, date(2026, 10, 15), 250)
    assert [r.amount_cents for r in Revenue.select().where(Revenue.client == cid)] == [250]


def test_one_primary_contact_per_client(store) -> None:
    cid = records.create_client(name="A")
    first = records.save_contact(cid, name="Ana", primary=True)
    second = records.save_contact(cid, name="Bo", primary=True)
    primaries = [c.id for c in Contact.select().where(Contact.primary == True)]  # noqa: E712
    assert primaries == [second] and first != second


def test_contact_email_is_checked(store) -> None:
    cid = records.create_client(name="A")
    with pytest.raises(ValidationError) as caught:
        records.save_contact(cid, name="Ana", email="ana.example.com")
    assert caught.value.field == "email"


def test_archiving_hides_and_never_deletes(store) -> None:
    cid = records.create_client(name="A")
    assert records.set_archived([cid], True) == 1
    assert Client.get_by_id(cid).archived is True
    records.set_archived([cid], False)
    assert Client.get_by_id(cid).archived is False


def test_missing_client_is_reported(store) -> None:
    with pytest.raises(NotFoundError):
        records.update_client(42, name="B")


def test_an_interaction_is_corrected_and_the_last_contact_follows(store) -> None:
    cid = records.create_client(name="Zoë")
    first = records.add_interaction(cid, datetime(2026, 11, 2, 10), "call", minutes=5)
    records.add_interaction(cid, datetime(2026, 10, 2, 10), "email")
    records.update_interaction(first, datetime(2026, 9, 1, 9), "meeting", minutes=90,
                               summary="Łódź workshop & <plans>", complaint=True)
    row = Interaction.get_by_id(first)
    assert (row.kind, row.minutes, row.summary, row.complaint) == (
        "meeting", 90, "Łódź workshop & <plans>", True)
    assert Client.get_by_id(cid).last_contact_at == datetime(2026, 10, 2, 10)
    with pytest.raises(ValidationError) as caught:
        records.update_interaction(first, datetime(2026, 9, 1, 9), "meeting", minutes=-1)
    assert caught.value.field == "minutes"
    with pytest.raises(NotFoundError):
        records.update_interaction(999, datetime(2026, 9, 1, 9), "call")


def test_a_promise_is_changed_with_its_checks(store) -> None:
    from goodbye_desktop.store.models import Promise

    cid = records.create_client(name="A")
    pid = records.add_promise(cid, "Send the figures", datetime(2026, 12, 1, 16))
    records.update_promise(pid, "Send the figures & <notes>", datetime(2026, 12, 2, 9), "call")
    row = Promise.get_by_id(pid)
    assert (row.description, row.due_at, row.channel) == (
        "Send the figures & <notes>", datetime(2026, 12, 2, 9), "call")
    with pytest.raises(ValidationError) as caught:
        records.update_promise(pid, "  ", datetime(2026, 12, 2, 9))
    assert caught.value.field == "description"
    with pytest.raises(NotFoundError):
        records.update_promise(999, "x", datetime(2026, 12, 2, 9))
