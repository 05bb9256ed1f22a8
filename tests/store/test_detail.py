"""The detail pane's read queries: one client's records and its 12-month figures."""

from datetime import date, datetime

import pytest

from goodbye_desktop.errors import NotFoundError
from goodbye_desktop.store import detail, records
from goodbye_desktop.store.database import close_database, open_database

TODAY = date(2026, 5, 20)

# The records of these tests are dated around TODAY: the clock is frozen there.
pytestmark = pytest.mark.frozen_at(TODAY)


@pytest.fixture
def detail_store(tmp_path):
    db = open_database(tmp_path / "detail.sqlite")
    yield db
    close_database()


@pytest.fixture
def client_id(detail_store):
    return records.create_client(name="Renée & <Sons>", started_on=date(2023, 2, 25))


def test_summary_sums_the_last_twelve_months_only(client_id):
    other = records.create_client(name="山田")
    records.add_interaction(client_id, datetime(2026, 5, 1, 9), "call", minutes=30,
                            complaint=True)
    records.add_interaction(client_id, datetime(2025, 6, 1, 0, 0), "meeting", minutes=90)
    # Before the window (June 2025 .. May 2026): not counted.
    records.add_interaction(client_id, datetime(2025, 5, 31, 23, 59), "call", minutes=600,
                            complaint=True)
    records.add_interaction(other, datetime(2026, 5, 2, 9), "call", minutes=45)
    records.set_revenue(client_id, date(2026, 5, 1), 100_000)
    records.set_revenue(client_id, date(2025, 6, 1), 50_000)
    records.set_revenue(client_id, date(2025, 5, 1), 999_999)
    records.set_revenue(other, date(2026, 4, 1), 1)

    summary = detail.client_summary(client_id, today=TODAY)

    assert summary.name == "Renée & <Sons>"
    assert summary.window_start == date(2025, 6, 1)
    assert summary.minutes_12m == 120
    assert summary.complaints_12m == 1
    assert summary.interactions_12m == 2
    assert summary.revenue_12m_cents == 150_000
    # 1,500.00 over 2 hours
    assert summary.revenue_per_hour_cents == 75_000
    assert summary.last_contact_at == datetime(2026, 5, 1, 9)
    assert summary.tenure_months(TODAY) == 38


def test_summary_without_records_has_zero_figures_and_no_rate(client_id):
    summary = detail.client_summary(client_id, today=TODAY)
    assert (summary.minutes_12m, summary.revenue_12m_cents, summary.complaints_12m) == (0, 0, 0)
    assert summary.revenue_per_hour_cents is None
    assert summary.last_contact_at is None


def test_revenue_per_hour_rounds_to_whole_cents(client_id):
    records.add_interaction(client_id, datetime(2026, 5, 1, 9), "call", minutes=7)
    records.set_revenue(client_id, date(2026, 5, 1), 1_000)
    # 10.00 over 7 minutes = 85.714... per hour
    assert detail.client_summary(client_id, today=TODAY).revenue_per_hour_cents == 8_571


def test_summary_of_a_missing_client_is_not_found(detail_store):
    with pytest.raises(NotFoundError):
        detail.client_summary(4242, today=TODAY)


def test_contacts_primary_first_then_current_then_by_name(client_id):
    records.save_contact(client_id, name="Zoë", left_on=date(2026, 1, 1), new_employer="Acme")
    records.save_contact(client_id, name="łukasz")
    records.save_contact(client_id, name="Anna", email="anna@example.org")
    records.save_contact(client_id, name="محمد", primary=True)
    rows = detail.contacts(client_id)
    assert [r.name for r in rows] == ["محمد", "Anna", "łukasz", "Zoë"]
    assert rows[0].primary and not any(r.primary for r in rows[1:])
    assert rows[3].left_on == date(2026, 1, 1)
    assert rows[3].new_employer == "Acme"


def test_interactions_newest_first_in_pages(client_id):
    for day in range(1, 8):
        records.add_interaction(client_id, datetime(2026, 4, day, 10), "email",
                                summary=f"day {day}")
    first = detail.interactions(client_id, limit=3)
    second = detail.interactions(client_id, limit=3, offset=3)
    assert [r.summary for r in first] == ["day 7", "day 6", "day 5"]
    assert [r.summary for r in second] == ["day 4", "day 3", "day 2"]
    assert detail.interaction_count(client_id) == 7
    assert isinstance(first[0].occurred_at, datetime)


def test_revenue_by_month_newest_first(client_id):
    records.set_revenue(client_id, date(2026, 1, 15), 1_000)
    records.set_revenue(client_id, date(2026, 3, 1), 3_000)
    records.set_revenue(client_id, date(2026, 1, 1), 1_500)  # replaces January
    assert detail.revenue_by_month(client_id) == [
        detail.RevenueRow(date(2026, 3, 1), 3_000),
        detail.RevenueRow(date(2026, 1, 1), 1_500),
    ]


def test_proposals_most_recent_first(client_id):
    records.save_proposal(client_id, title="Website", sent_on=date(2025, 1, 5),
                          amount_cents=500_000, outcome="won", decided_on=date(2025, 2, 1))
    records.save_proposal(client_id, title="Retainer", sent_on=date(2026, 2, 5),
                          hourly_rate_cents=9_500)
    rows = detail.proposals(client_id)
    assert [r.title for r in rows] == ["Retainer", "Website"]
    assert rows[0].hourly_rate_cents == 9_500 and rows[0].amount_cents is None
    assert rows[0].outcome == "pending"
    assert rows[1].decided_on == date(2025, 2, 1)


def test_promises_unsettled_first_soonest_due_then_settled_latest_due(client_id):
    late = records.add_promise(client_id, "Figures", datetime(2026, 5, 1, 16))
    records.add_promise(client_id, "Call back", datetime(2026, 6, 3, 9), "call")
    records.add_promise(client_id, "Draft", datetime(2026, 5, 25, 12))
    done = records.add_promise(client_id, "Invoice", datetime(2026, 5, 10, 12))
    records.mark_promise_done(done, datetime(2026, 5, 9, 12))
    records.mark_promise_done(late, datetime(2026, 5, 2, 12))
    rows = detail.promises(client_id)
    assert [r.description for r in rows] == ["Draft", "Call back", "Invoice", "Figures"]
    assert rows[1].channel == "call"
    assert rows[2].done_at == datetime(2026, 5, 9, 12)
    assert rows[0].departure_id is None
