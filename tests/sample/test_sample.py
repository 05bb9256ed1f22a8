"""The sample business tells one believable story, the same on any date.

Each warning sign shows on the client the story gives it and on no other; each kind of
departure is there; nothing is dated after now; the contacts work at one client each;
and `demo --force` never adds a second client of a name nor touches the owner's profile.
The sample is made at the suite's frozen clock, which CI moves to hard dates.
"""

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from goodbye_desktop import clock
from goodbye_desktop.core.signs import ClientFacts, signs
from goodbye_desktop.core.windows import last_12_months
from goodbye_desktop.errors import GoodbyeError
from goodbye_desktop.sample import PROFILE, DemoSummary, fill_demo
from goodbye_desktop.store import records
from goodbye_desktop.store.connection import current
from goodbye_desktop.store.database import close_database, open_database
from goodbye_desktop.store.departures import client_facts, client_folder, clients_with_drafts
from goodbye_desktop.store.queries import ClientFilter, client_list
from goodbye_desktop.vocabulary import CLIENT_STATUSES, DEPARTING_KINDS, ENDED_BY

# Which current clients show which sign, and why (resources/demo/README.md tells it).
EXPECTED_SIGNS = {
    "Café Müller": {"costly"},
    "Harbourside Dental Care": {"chronic_complaints", "costly"},
    "Дмитрий Соколов": {"silence"},
    "O'Connor Builders": {"silence"},
    "مكتبة محمد": {"revenue_decline"},
    "Nordlicht Architekten GmbH": {"acquisition"},
    "São Paulo Coffee Roasters": {"contact_turnover"},
}
CURRENT = ("active", "departing", "returned")

_made: dict[date, tuple[Path, DemoSummary]] = {}


def sql(query: str, *params) -> list[tuple]:
    return current().execute(query, params).fetchall()


@pytest.fixture
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoSummary]:
    """The sample made at today's (frozen) date, once per date, opened for the test."""
    today = clock.today()
    if today not in _made:
        path = tmp_path_factory.mktemp("sample") / "sample.sqlite"
        open_database(path)
        try:
            _made[today] = path, fill_demo()
        finally:
            close_database()
    path, summary = _made[today]
    open_database(path)
    yield summary
    close_database()


def story() -> set[tuple]:
    """What a reader of the list sees: each client's status, signs and departure states."""
    today = clock.today()
    states = dict(sql("SELECT c.name, group_concat(d.state) FROM client c "
                      "JOIN departure d ON d.client_id = c.id GROUP BY c.id"))
    seen = set()
    for row in client_list(ClientFilter(include_archived=True)):
        codes = tuple(sign.key for sign in signs(ClientFacts(**client_facts(row.id, today))))
        seen.add((row.name, row.status, codes if row.status in CURRENT else (),
                  states.get(row.name, "")))
    return seen


def test_summary_counts_what_was_written(demo: DemoSummary) -> None:
    assert demo.clients == sql("SELECT count(*) FROM client")[0][0] == 50
    assert demo.contacts == sql("SELECT count(*) FROM contact")[0][0] > demo.clients
    assert demo.interactions == sql("SELECT count(*) FROM interaction")[0][0] > 1000
    assert demo.revenue_months == sql("SELECT count(*) FROM revenue")[0][0] > 500
    assert demo.proposals == sql("SELECT count(*) FROM proposal")[0][0]
    assert demo.promises == sql("SELECT count(*) FROM promise")[0][0]
    assert demo.departures == sql("SELECT count(*) FROM departure WHERE state != 'draft'")[0][0]
    assert demo.profile_filled and not demo.skipped
    line = demo.describe()
    assert "Harbour Lane Studio" in line and "\n" not in line and "left as" not in line


def test_the_profile_is_a_uk_studio_billing_in_pounds(demo: DemoSummary) -> None:
    profile = records.get_profile()
    assert (profile["currency"], profile["locale"], profile["page_size"]) == ("GBP", "en_GB",
                                                                              "A4")
    assert profile["business_name"] == "Harbour Lane Studio"
    assert profile["target_hourly_rate_cents"] == 8500
    assert "United Kingdom" in profile["address"]


def test_statuses_over_five_years(demo: DemoSummary) -> None:
    counts = dict(sql("SELECT status, count(*) FROM client GROUP BY status"))
    assert set(counts) == set(CLIENT_STATUSES)
    assert counts["active"] > counts["departed"] > counts["departing"] >= 2
    assert counts["returned"] == 1
    first = date.fromisoformat(sql("SELECT min(started_on) FROM client")[0][0])
    assert 4 <= (clock.today() - first).days / 365.25 <= 5
    years = sql("SELECT DISTINCT substr(effective_on, 1, 4) FROM departure "
                "WHERE effective_on IS NOT NULL")
    assert len(years) >= 3, "departures spread over the years"
    assert sql("SELECT count(*) FROM client WHERE archived")[0][0] == 1


def test_each_warning_sign_shows_where_the_story_puts_it(demo: DemoSummary) -> None:
    seen = {name: set(codes) for name, status, codes, _ in story() if codes}
    assert seen == EXPECTED_SIGNS


def test_costly_means_something(demo: DemoSummary) -> None:
    """Most clients earn well above the £85 target; the two costly ones clearly below."""
    target = PROFILE["target_hourly_rate_cents"]
    rates = {}
    for client_id, name in sql("SELECT id, name FROM client WHERE status IN "
                               "('active', 'departing', 'returned')"):
        rates[name] = ClientFacts(**client_facts(client_id, clock.today())).revenue_per_hour_cents
    below = {name for name, rate in rates.items() if rate < target}
    assert below == {"Café Müller", "Harbourside Dental Care"}
    assert rates["Café Müller"] < 0.6 * target
    assert all(rate >= 1.15 * target for name, rate in rates.items() if name not in below)
    assert max(rates.values()) < 2.2 * target


def test_one_client_dominates_revenue(demo: DemoSummary) -> None:
    rows = client_list(ClientFilter(sort_key="revenue", descending=True))
    total = sum(row.revenue_12m_cents for row in rows)
    assert rows[0].name == "Łukasiewicz Logistics"
    assert 0.15 < rows[0].revenue_12m_cents / total < 0.4


def test_every_kind_of_departure(demo: DemoSummary) -> None:
    today = clock.today().isoformat()
    rows = sql("SELECT c.name, c.status, d.state, d.ended_by, d.kind, d.decided_on, "
               "d.effective_on, d.interview_status, (SELECT count(*) FROM interview_question q"
               " WHERE q.departure_id = d.id AND q.answer != '') FROM departure d "
               "JOIN client c ON c.id = d.client_id WHERE d.state != 'draft'")
    assert {row[3] for row in rows} == set(ENDED_BY)
    assert {row[4] for row in rows} == set(DEPARTING_KINDS)
    assert [row[0] for row in rows if row[2] == "won_back"] == ["Ελένη Αντωνίου"]
    leaving = {row[0] for row in rows if row[1] == "departing"}
    assert leaving == {"Chez Hélène Bistro", "Hartley Family Law"}
    for name, status, _, _, _, decided_on, effective_on, interview, answered in rows:
        assert decided_on < today, f"{name}: decided in the future"
        assert (effective_on >= today) == (status == "departing"), name
        if interview in ("requested", "scheduled", "declined", "not_asked"):
            assert answered == 0, f"{name}: answers to an interview not held"
        if interview == "held":
            assert answered == 6, name
    assert {row[7] for row in rows} >= {"requested", "scheduled", "held", "declined"}
    names = dict(sql("SELECT id, name FROM client"))
    assert [names[client_id] for client_id in clients_with_drafts()] == ["Café Müller"]
    # A departed client's hand-over is done; a client still leaving has steps ahead.
    assert sql("SELECT count(*) FROM transition_step s JOIN departure d ON d.id = "
               "s.departure_id JOIN client c ON c.id = d.client_id WHERE c.status = 'departed' "
               "AND s.status != 'done'") == [(0,)]
    assert sql("SELECT count(*) FROM transition_step s JOIN departure d ON d.id = "
               "s.departure_id JOIN client c ON c.id = d.client_id WHERE c.status = "
               "'departing' AND s.status = 'todo'")[0][0] > 0


def test_nothing_is_dated_after_now(demo: DemoSummary) -> None:
    now = clock.local_now().isoformat(sep=" ")
    today = clock.today().isoformat()
    for query in ("SELECT max(occurred_at) FROM interaction",
                  "SELECT max(done_at) FROM promise", "SELECT max(cancelled_at) FROM promise"):
        assert sql(query)[0][0] < now, query
    for query in ("SELECT max(sent_on) FROM proposal", "SELECT max(decided_on) FROM proposal",
                  "SELECT max(started_on) FROM client", "SELECT max(acquired_on) FROM client",
                  "SELECT max(left_on) FROM contact", "SELECT max(done_on) FROM transition_step",
                  "SELECT max(interview_held_on) FROM departure",
                  "SELECT max(month) FROM revenue"):
        assert sql(query)[0][0] < today, query


def test_promises_of_every_kind(demo: DemoSummary) -> None:
    now = clock.local_now().isoformat(sep=" ")
    overdue = sql("SELECT count(*) FROM promise WHERE done_at IS NULL AND cancelled_at IS NULL "
                  "AND due_at < ?", now)[0][0]
    ahead = sql("SELECT count(*) FROM promise WHERE done_at IS NULL AND cancelled_at IS NULL "
                "AND due_at >= ?", now)[0][0]
    kept = sql("SELECT count(*) FROM promise WHERE done_at <= due_at")[0][0]
    late = sql("SELECT count(*) FROM promise WHERE done_at > due_at")[0][0]
    broken = sql("SELECT count(*) FROM promise WHERE cancelled_at IS NOT NULL")[0][0]
    assert overdue == 1 and ahead >= 5 and kept > late >= 1 and broken >= 1


def test_each_person_works_at_one_client(demo: DemoSummary) -> None:
    assert sql("SELECT name FROM contact GROUP BY name HAVING count(DISTINCT client_id) > 1") \
        == []
    # "luk" finds the one company whose name or people hold it.
    assert [row.name for row in client_list(ClientFilter(search="luk"))] == [
        "Łukasiewicz Logistics"]
    assert sql("SELECT c.name FROM contact p JOIN client c ON c.id = p.client_id "
               "WHERE p.name = 'Łukasz Nowak'") == [("Łukasiewicz Logistics",)]


def test_names_in_many_scripts_are_searchable(demo: DemoSummary) -> None:
    names = {row.name for row in client_list(ClientFilter(include_archived=True))}
    assert {"Renée & <Sons> Bakery", "Zoë Papadopoulou", "山田デザイン事務所", "مكتبة محمد",
            "Дмитрий Соколов", "Ελένη Αντωνίου", "अनीता शर्मा", "서울 플라워 스튜디오",
            "מאפיית כהן"} <= names
    assert [row.name for row in client_list(ClientFilter(search="zoe papa"))] == [
        "Zoë Papadopoulou"]
    assert [row.name for row in client_list(ClientFilter(search="山田"))] == ["山田デザイン事務所"]


def test_derived_columns_are_filled(demo: DemoSummary) -> None:
    window = last_12_months(clock.today())
    stale = sql(
        "SELECT c.name FROM client c WHERE c.sort_name = '' OR c.revenue_12m_cents != "
        "coalesce((SELECT sum(amount_cents) FROM revenue r WHERE r.client_id = c.id "
        "AND r.month BETWEEN ? AND ?), 0) OR c.last_contact_at IS NOT "
        "(SELECT max(occurred_at) FROM interaction i WHERE i.client_id = c.id)",
        window.first_month.isoformat(), window.last_month.isoformat())
    assert stale == []


@pytest.mark.parametrize("moment", [
    "2026-11-25T10:00", "2027-11-25T10:00",  # a year apart
    "2027-01-01T00:00:30", "2028-02-29T23:59:30", "2028-03-31T12:00",
])
def test_the_same_story_on_any_date(demo: DemoSummary, tmp_path: Path, moment: str) -> None:
    expected = story()
    close_database()
    with clock.frozen(moment):
        open_database(tmp_path / "other.sqlite")
        try:
            fill_demo()
            assert story() == expected
        finally:
            close_database()
    open_database(_made[clock.today()][0])  # for the fixture to close


def test_the_same_rows_for_the_same_day(demo: DemoSummary, tmp_path: Path) -> None:
    def rows() -> list:
        return [sql("SELECT client_id, occurred_at, kind, minutes, summary FROM interaction "
                    "ORDER BY id"), sql("SELECT * FROM revenue ORDER BY id")]

    expected = rows()
    close_database()
    open_database(tmp_path / "again.sqlite")
    try:
        fill_demo()
        assert rows() == expected
    finally:
        close_database()
    open_database(_made[clock.today()][0])


def test_refuses_a_database_with_clients(db_path: Path) -> None:
    records.create_client(name="Ma première cliente")
    with pytest.raises(GoodbyeError, match="already holds clients"):
        fill_demo()
    assert sql("SELECT name FROM client") == [("Ma première cliente",)]
    assert records.profile_is_untouched()


def test_force_adds_each_sample_client_once_and_leaves_the_profile(db_path: Path) -> None:
    own = records.create_client(name="Ma première cliente")
    records.update_profile(business_name="Atelier Rose")
    before = records.get_profile()
    first = fill_demo(force=True)
    assert first.clients == 50 and not first.profile_filled
    assert "profile was left as it was" in first.describe()
    assert records.get_profile() == before
    assert records.get_client(own)["name"] == "Ma première cliente"

    again = fill_demo(force=True)
    assert (again.clients, again.skipped, again.interactions) == (0, 50, 0)
    assert "nothing was added" in again.describe()
    assert sql("SELECT count(*) FROM client")[0][0] == 51
    assert sql("SELECT name FROM client GROUP BY name HAVING count(*) > 1") == []


def test_force_beside_clients_leaves_even_an_untouched_profile(db_path: Path) -> None:
    records.create_client(name="Café Müller")  # the owner's own client of that name
    summary = fill_demo(force=True)
    assert summary.skipped == 1 and summary.clients == 49
    assert records.profile_is_untouched()
    assert sql("SELECT count(*) FROM client WHERE name = 'Café Müller'") == [(1,)]
    assert sql("SELECT count(*) FROM departure WHERE state = 'draft'") == [(0,)]


def test_a_profile_the_owner_began_is_kept(db_path: Path) -> None:
    records.update_profile(currency="USD", page_size="Letter")
    before = records.get_profile()
    summary = fill_demo()
    assert summary.clients == 50 and not summary.profile_filled
    assert records.get_profile() == before


def test_done_promises_are_not_after_their_client_came_back(demo: DemoSummary) -> None:
    returned_on = sql("SELECT returned_on FROM departure WHERE state = 'won_back'")[0][0]
    done = sql("SELECT max(p.done_at) FROM promise p JOIN departure d ON d.id = "
               "p.departure_id WHERE d.state = 'won_back'")[0][0]
    assert done is None or datetime.fromisoformat(done).date().isoformat() < returned_on


def test_a_meeting_in_the_folder_is_neither_sent_nor_received(demo: DemoSummary) -> None:
    from goodbye_desktop.ui.folder_words import title_and_detail

    client_id = sql("SELECT id FROM client WHERE name = 'Hartley Family Law'")[0][0]
    entries = client_folder(client_id)
    meetings = [title_and_detail(e)[1] for e in entries if e.kind in ("meeting", "note")]
    emails = [title_and_detail(e)[1] for e in entries if e.kind == "email"]
    assert meetings and emails
    assert not any("sent" in detail or "received" in detail for detail in meetings)
    assert all(detail.split(",")[0] in ("sent", "received") for detail in emails)
