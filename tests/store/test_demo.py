"""The sample data: enough clients, every status and warning sign, names in many scripts,
deterministic, and never poured into a database that already has the owner's clients."""

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from goodbye_desktop.core.signs import SIGN_KEYS, ClientFacts, signs
from goodbye_desktop.core.windows import last_12_months
from goodbye_desktop.errors import GoodbyeError
from goodbye_desktop.store import records
from goodbye_desktop.store.database import close_database, open_database
from goodbye_desktop.store.demo import DemoSummary, fill_demo
from goodbye_desktop.store.departures import client_facts
from goodbye_desktop.store.models import CLIENT_STATUSES, database_proxy
from goodbye_desktop.store.queries import ClientFilter, client_list

TODAY = date(2026, 3, 18)

# The records of these tests are dated around TODAY: the clock is frozen there.
pytestmark = pytest.mark.frozen_at(TODAY)


def sql(query: str, *params) -> list[tuple]:
    return database_proxy.obj.execute_sql(query, params).fetchall()


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DemoSummary]:
    """One demo database for the tests that only read it (filling takes most of a second)."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    open_database(path)
    try:
        return path, fill_demo(TODAY)
    finally:
        close_database()


@pytest.fixture
def demo(demo_file: tuple[Path, DemoSummary]) -> Iterator[DemoSummary]:
    path, summary = demo_file
    open_database(path)
    yield summary
    close_database()


def test_summary_counts_what_was_written(demo) -> None:
    assert demo.clients == sql("SELECT count(*) FROM client")[0][0] >= 45
    assert demo.contacts == sql("SELECT count(*) FROM contact")[0][0] >= demo.clients
    assert demo.interactions == sql("SELECT count(*) FROM interaction")[0][0] > 1000
    assert demo.revenue_months == sql("SELECT count(*) FROM revenue")[0][0] > 500
    assert demo.proposals == sql("SELECT count(*) FROM proposal")[0][0]
    assert demo.promises == sql("SELECT count(*) FROM promise")[0][0]
    assert demo.departures == sql("SELECT count(*) FROM departure")[0][0]
    line = demo.describe()
    assert "Harbour Lane Studio" in line and "\n" not in line


def test_profile_is_the_studio(demo) -> None:
    profile = records.get_profile()
    assert profile["business_name"] == "Harbour Lane Studio"
    assert profile["owner_name"] == "Morgan Ellis"
    assert profile["currency"] == "EUR" and profile["locale"] == "en_GB"
    assert profile["target_hourly_rate_cents"] == 8500
    assert all(profile[key] for key in ("address", "email", "phone", "website"))


def test_statuses_in_usual_proportions_over_five_years(demo) -> None:
    counts = dict(sql("SELECT status, count(*) FROM client GROUP BY status"))
    assert set(counts) == set(CLIENT_STATUSES)
    assert counts["active"] > counts["departed"] > counts["departing"]
    assert counts["returned"] >= 1
    first_start = date.fromisoformat(sql("SELECT min(started_on) FROM client")[0][0])
    assert TODAY - timedelta(days=5 * 366) <= first_start < TODAY - timedelta(days=4 * 365)
    years = {row[0] for row in sql("SELECT substr(ended_on, 1, 4) FROM client "
                                   "WHERE ended_on IS NOT NULL")}
    assert len(years) >= 3, "departures should spread over the years"


def test_names_in_many_scripts_are_searchable(demo) -> None:
    names = {row.name for row in client_list(ClientFilter(include_archived=True))}
    for name in ("Renée & <Sons> Bakery", "Łukasiewicz Logistics", "Zoë Papadopoulou",
                 "山田デザイン事務所", "مكتبة محمد", "Дмитрий Соколов", "Ελένη Αντωνίου",
                 "Café Müller"):
        assert name in names
    found = {row.name for row in client_list(ClientFilter(search="łuk"))}
    assert "Łukasiewicz Logistics" in found
    assert [row.name for row in client_list(ClientFilter(search="zoe papa"))] == [
        "Zoë Papadopoulou"]
    assert [row.name for row in client_list(ClientFilter(search="山田"))] == ["山田デザイン事務所"]


def test_derived_columns_are_filled(demo) -> None:
    stale = sql(
        "SELECT c.name FROM client c WHERE c.sort_name = '' OR c.revenue_12m_cents != "
        "coalesce((SELECT sum(amount_cents) FROM revenue r WHERE r.client_id = c.id "
        "AND r.month BETWEEN ? AND ?), 0) OR c.last_contact_at IS NOT "
        "(SELECT max(occurred_at) FROM interaction i WHERE i.client_id = c.id)",
        last_12_months(TODAY).first_month.isoformat(), TODAY.replace(day=1).isoformat(),
    )
    assert stale == []


def test_every_warning_sign_shows_on_some_client(demo) -> None:
    seen: dict[str, list[str]] = {}
    for client_id, name in sql("SELECT id, name FROM client WHERE status IN "
                               "('active', 'returned', 'departing')"):
        for sign in signs(ClientFacts(**client_facts(client_id, TODAY))):
            seen.setdefault(sign.key, []).append(name)
    assert set(seen) == set(SIGN_KEYS)
    assert seen["chronic_complaints"] == ["Harbourside Dental Care"]
    assert seen["costly"] == ["Café Müller"]
    # A handful at risk, not half the list: the demo must look like a business that works.
    at_risk = {name for names in seen.values() for name in names}
    assert len(at_risk) <= 10


def test_one_client_dominates_revenue(demo) -> None:
    rows = client_list(ClientFilter(sort_key="revenue", descending=True))
    total = sum(row.revenue_12m_cents for row in rows)
    assert rows[0].name == "Łukasiewicz Logistics"
    assert 0.15 < rows[0].revenue_12m_cents / total < 0.4
    assert rows[0].revenue_12m_cents > 2 * rows[1].revenue_12m_cents


def test_departures_are_complete(demo) -> None:
    departed = sql("SELECT c.id, c.ended_on, d.state, d.effective_on, d.ended_by, d.kind, "
                   "d.decision, (SELECT count(*) FROM departure_reason r WHERE "
                   "r.departure_id = d.id), (SELECT count(*) FROM transition_step s WHERE "
                   "s.departure_id = d.id), (SELECT count(*) FROM promise p WHERE "
                   "p.departure_id = d.id) FROM client c JOIN departure d ON d.client_id = c.id "
                   "WHERE c.status = 'departed'")
    assert len(departed) >= 8
    for _, ended_on, state, effective_on, ended_by, kind, decision, reasons, steps, follow in \
            departed:
        assert state == "decided" and ended_on == effective_on
        assert ended_by and kind and decision
        assert reasons >= 1 and steps >= 3 and follow == 4
    won_back = sql("SELECT d.returned_on, d.effective_on FROM departure d JOIN client c "
                   "ON c.id = d.client_id WHERE c.status = 'returned'")
    assert len(won_back) == 1
    returned_on, effective_on = won_back[0]
    assert returned_on > effective_on
    assert sql("SELECT state FROM departure d JOIN client c ON c.id = d.client_id "
               "WHERE c.status = 'returned'") == [("won_back",)]
    departing = sql("SELECT d.effective_on FROM departure d JOIN client c ON c.id = d.client_id"
                    " WHERE c.status = 'departing'")
    assert departing and all(row[0] > TODAY.isoformat() for row in departing)


def test_promises_of_every_kind(demo) -> None:
    now = datetime.combine(TODAY, datetime.min.time()).isoformat(sep=" ")
    open_due = sql("SELECT count(*) FROM promise WHERE done_at IS NULL AND cancelled_at IS NULL "
                   "AND due_at < ?", now)[0][0]
    kept = sql("SELECT count(*) FROM promise WHERE done_at <= due_at")[0][0]
    late = sql("SELECT count(*) FROM promise WHERE done_at > due_at")[0][0]
    upcoming = sql("SELECT count(*) FROM promise WHERE done_at IS NULL AND cancelled_at IS NULL"
                   " AND due_at >= ?", now)[0][0]
    broken = sql("SELECT count(*) FROM promise WHERE cancelled_at IS NOT NULL")[0][0]
    assert open_due >= 1 and kept > late >= 1 and upcoming >= 1 and broken >= 1
    done_in_future = sql("SELECT count(*) FROM promise WHERE done_at > ?", now)[0][0]
    assert done_in_future == 0, "nothing can be done after today"


def test_contacts_interactions_and_proposals(demo) -> None:
    assert sql("SELECT count(*) FROM contact WHERE left_on IS NOT NULL "
               "AND new_employer != ''")[0][0] >= 2
    kinds = {row[0] for row in sql("SELECT DISTINCT kind FROM interaction")}
    assert {"call", "email", "meeting", "support", "note"} <= kinds
    assert sql("SELECT min(minutes) > 0 FROM interaction")[0][0] == 1
    outcomes = dict(sql("SELECT outcome, count(*) FROM proposal GROUP BY outcome"))
    assert outcomes.keys() == {"pending", "won", "lost"}
    assert sql("SELECT count(*) FROM client WHERE acquired_on > ? AND acquirer != ''",
               (TODAY - timedelta(days=365)).isoformat())[0][0] == 1
    assert sql("SELECT count(*) FROM client WHERE archived")[0][0] >= 1


def test_same_seed_same_rows(tmp_path: Path) -> None:
    def snapshot(name: str, seed: int) -> list:
        open_database(tmp_path / name)
        try:
            fill_demo(TODAY, seed=seed)
            return [sql(f"SELECT * FROM {table} ORDER BY id")
                    for table in ("client", "contact", "interaction", "revenue", "proposal",
                                  "promise", "departure", "transition_step")]
        finally:
            close_database()

    first = snapshot("a.sqlite", 7)
    assert snapshot("b.sqlite", 7) == first
    assert snapshot("c.sqlite", 8) != first


def test_refuses_a_database_with_clients(db_path: Path) -> None:
    records.create_client(name="Ma première cliente")
    with pytest.raises(GoodbyeError, match="already holds clients"):
        fill_demo(TODAY)
    assert sql("SELECT name FROM client") == [("Ma première cliente",)]
    assert records.get_profile()["business_name"] == ""


def test_force_adds_beside_and_keeps_the_owners_words(db_path: Path) -> None:
    own = records.create_client(name="Ma première cliente")
    records.update_profile(business_name="Atelier Rose", owner_name="")
    summary = fill_demo(TODAY, force=True)
    assert sql("SELECT count(*) FROM client")[0][0] == summary.clients + 1
    assert records.get_client(own)["name"] == "Ma première cliente"
    profile = records.get_profile()
    assert profile["business_name"] == "Atelier Rose"
    assert profile["owner_name"] == "Morgan Ellis"
