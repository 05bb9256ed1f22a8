"""Every dashboard figure against values worked out by hand on small businesses.

Each test freezes the clock: the figures depend on today by definition.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from dashboard_records import build_small_business, client, depart, minutes, revenue

from goodbye_desktop.core import figures
from goodbye_desktop.correspondence.dashboard import dashboard
from goodbye_desktop.store import records
from goodbye_desktop.store.dashboard import Reader

JSON_KEYS = {
    "year", "as_of", "active_start", "active_end", "gained", "lost", "net", "logo_churn",
    "retention", "retention_goal", "history", "revenue_lost_cents", "concentration",
    "reasons", "kinds", "ended_by", "avoidable", "unavoidable", "median_tenure_days",
    "median_tenure_months",
    "reactivated", "reactivation_goal", "median_months_away", "proposals", "pareto",
    "at_risk", "promises",
}


@pytest.fixture
def small_business(db_path) -> dict[str, int]:
    return build_small_business()


@pytest.mark.frozen_at("2026-11-25T10:00")
def test_a_year_worked_out_by_hand(small_business) -> None:
    d = dashboard(2026)
    c = d.counts
    # Active on 1 January: Alder, Birch, Elder (back since 2024), Gorse, Holly.
    assert c.active_start == 5
    # Active today: Alder, Damson (back), Elder (back), Gorse (last day ahead), Holly, Ivy.
    assert c.active_end == 6
    assert (c.gained, c.lost, c.net) == (2, 3, -1)  # Cedar, Ivy; Birch, Cedar, Elder
    assert c.logo_churn == pytest.approx(2 / 5)  # Birch and Elder; Cedar was not there
    assert c.retention == pytest.approx(4 / 5)  # Birch is gone
    assert d.as_of == date(2026, 11, 25)
    dep = d.departures
    assert dep.reasons["price"] == 1 and dep.reasons["needs_fulfilled"] == 1
    assert dep.reasons["service"] == 1 and sum(dep.reasons.values()) == 3
    assert dep.kinds == {"fulfilled": 1, "scattered": 1, "no_follow_through": 0}
    assert dep.ended_by == {"client": 2, "owner": 1, "mutual": 0, "outside": 0}
    assert (dep.avoidable, dep.unavoidable) == (2, 1)
    assert dep.median_tenure_days == 1764  # Birch; Cedar 211, Elder 2816
    # In whole months, as the list counts a tenure: Birch 57 (4 y 9 m); Cedar 6, Elder 92.
    assert dep.median_tenure_months == 57
    # Birch: 11 months of 50.00; Cedar: 7 of 200.00; Elder: none.
    assert dep.revenue_lost_cents == 11 * 5000 + 7 * 20000
    # Won back in 2026: Damson (9.03 months away) and Elder (4.96): median 7.0.
    assert d.reactivated == 2
    assert d.median_months_away == 7.0
    reader = Reader()
    assert [name for _, name in reader.gained_clients(c.start, c.end)] == ["Cedar", "Ivy"]
    assert [name for _, name in reader.active_clients(c.start)] == [
        "Alder", "Birch", "Elder", "Gorse", "Holly"]


@pytest.mark.frozen_at("2026-11-25T10:00")
def test_concentration_and_effort_by_hand(small_business) -> None:
    d = dashboard(2026)
    conc = d.concentration
    # December 2025 to November 2026: Alder 3300.00, Cedar 1400.00, Birch 150.00.
    assert [(name, cents) for _, name, cents in conc.rows] == [
        ("Alder", 330000), ("Cedar", 140000), ("Birch", 15000)]
    assert conc.top1_share == pytest.approx(330000 / 485000)
    assert conc.top3_share == 1.0 and conc.clients_with_revenue == 3
    shortened = dashboard(2026, limit=1).concentration
    assert (shortened.hhi, shortened.top3_share) == (conc.hhi, 1.0)
    assert [name for _, name, _ in shortened.rows] == ["Alder"]
    assert conc.hhi == round((100 * 330000 / 485000) ** 2 + (100 * 140000 / 485000) ** 2
                             + (100 * 15000 / 485000) ** 2)
    # Five clients with minutes: the top 20 % is one client, Alder, with 300 of 600.
    assert [c.name for c in d.pareto.clients] == ["Alder"]
    assert d.pareto.top_share == 0.5
    assert (d.pareto.clients_with_minutes, d.pareto.total_minutes) == (5, 600)


@pytest.mark.frozen_at("2026-11-25T10:00")
def test_history_of_five_years(small_business) -> None:
    d = dashboard(2026)
    assert [y.year for y in d.history] == [2022, 2023, 2024, 2025, 2026]
    by_year = {y.year: y for y in d.history}
    # 2024: Elder left in January and came back in July; nobody new.
    assert (by_year[2024].gained, by_year[2024].lost) == (0, 1)
    assert by_year[2024].active_start == 6  # Alder, Birch, Damson, Elder, Gorse, Holly
    assert by_year[2024].retention == 1.0  # Elder was back by 31 December
    assert by_year[2024].logo_churn == pytest.approx(1 / 6)
    assert (by_year[2023].gained, by_year[2022].gained) == (1, 1)  # Holly, Gorse
    # 2025: Damson left in June.
    assert by_year[2025].retention == pytest.approx(5 / 6)
    assert by_year[2026].as_json() == {"year": 2026, "gained": 2, "lost": 3, "net": -1,
                                       "logo_churn": 0.4, "retention": 0.8}


@pytest.mark.frozen_at("2026-11-25T10:00")
def test_a_past_year_ends_on_31_december(small_business) -> None:
    d = dashboard(2025)
    assert d.as_of == date(2025, 12, 31)
    assert d.counts.active_end == 5  # Alder, Birch, Elder, Gorse, Holly; Damson away
    assert d.counts.lost == 1
    # The 12 months of 2025: Birch's eight months only.
    assert [(name, cents) for _, name, cents in d.concentration.rows] == [("Birch", 40000)]
    assert d.concentration.hhi == 10_000


@pytest.mark.frozen_at("2026-11-25T10:00")
def test_the_json_has_exactly_the_listed_keys(small_business) -> None:
    data = dashboard(2026).as_json()
    assert set(data) == JSON_KEYS
    assert set(data["concentration"]) == {"top1_share", "top3_share", "hhi", "clients"}
    assert set(data["proposals"]) == {"sent", "won", "lost", "win_rate",
                                      "avg_new_client_cents", "previous"}
    assert set(data["proposals"]["previous"]) == {"sent", "won", "lost", "win_rate",
                                                  "avg_new_client_cents"}
    assert set(data["pareto"]) == {"top_share", "clients"}
    assert set(data["promises"]) == {"due_today", "overdue", "next_7_days"}
    assert set(data["history"][0]) == {"year", "gained", "lost", "net", "logo_churn",
                                       "retention"}
    assert data["as_of"] == "2026-11-25" and data["retention_goal"] == 0.9
    assert data["concentration"]["clients"][0] == {"id": small_business["alder"],
                                                   "name": "Alder", "share": 0.6804}


@pytest.mark.frozen_at("2026-11-25T10:00")
def test_an_empty_database_divides_by_nothing(db_path) -> None:
    d = dashboard()
    assert d.clients_in_file == 0
    assert (d.counts.active_start, d.counts.active_end, d.counts.lost) == (0, 0, 0)
    assert d.counts.logo_churn is None and d.counts.retention is None
    assert d.concentration.hhi is None and d.concentration.rows == []
    assert d.pareto.top_share is None and d.pareto.clients == []
    assert d.departures.median_tenure_days is None and d.median_months_away is None
    assert d.proposals.win_rate is None and d.proposals.avg_new_client_cents is None
    data = d.as_json()
    assert data["logo_churn"] is None and data["concentration"]["top1_share"] is None
    assert len(data["history"]) == 5


@pytest.mark.frozen_at("2026-11-25T10:00")
def test_a_year_with_no_clients(db_path) -> None:
    client("Later Ltd", date(2024, 5, 1))
    d = dashboard(2020)
    assert (d.counts.active_start, d.counts.active_end, d.counts.gained) == (0, 0, 0)
    assert d.counts.retention is None and d.clients_in_file == 1


@pytest.mark.frozen_at("2028-06-01T09:00")
def test_a_last_day_on_29_february(db_path) -> None:
    leap = client("Leap Day Bakery", date(2027, 1, 4))
    depart(leap, date(2028, 2, 29), reasons=("budget",))
    revenue(leap, date(2027, 2, 1), 14, 1000)  # February 2027 to March 2028
    reader = Reader()
    day = reader.year_counts([(date(2028, 1, 1), date(2028, 2, 29)),
                              (date(2028, 1, 1), date(2028, 3, 1))])
    assert day[0]["active_end"] == 1  # still a client on its last day
    assert day[1]["active_end"] == 0  # gone the day after
    d = dashboard(2028)
    assert d.counts.lost == 1 and d.counts.logo_churn == 1.0
    # The 12 months before the last day: March 2027 to February 2028.
    assert d.departures.revenue_lost_cents == 12 * 1000
    assert d.departures.median_tenure_days == 421
    assert d.departures.median_tenure_months == 13  # 4 January 2027 to 29 February 2028


@pytest.mark.frozen_at("2026-11-25T10:00")
def test_ties_at_the_top_20_percent_are_broken_by_name(db_path) -> None:
    for name, spent in (("Cherry", 100), ("Ash", 100), ("Beech", 100), ("Damson", 50),
                        ("Elm", 50), ("Fig", 50)):
        minutes(client(name, date(2025, 1, 1)), datetime(2026, 6, 1, 9), spent)
    d = dashboard(2026)
    # Six clients: ceil(1.2) = 2, and three tied at 100 minutes: Ash and Beech by name.
    assert [c.name for c in d.pareto.clients] == ["Ash", "Beech"]
    assert d.pareto.top_share == pytest.approx(200 / 450)


@pytest.mark.frozen_at("2026-11-25T10:00")
def test_a_single_client_is_wholly_concentrated(db_path) -> None:
    only = client("山田デザイン事務所", date(2024, 1, 1))
    revenue(only, date(2026, 1, 1), 3, 12345)
    minutes(only, datetime(2026, 2, 1, 9), 30)
    d = dashboard(2026)
    assert d.concentration.hhi == 10_000 and d.concentration.top1_share == 1.0
    assert d.concentration.highly_concentrated
    assert [c.name for c in d.pareto.clients] == ["山田デザイン事務所"]
    assert d.pareto.top_share == 1.0
    assert d.counts.retention == 1.0 and d.counts.logo_churn == 0.0


@pytest.mark.frozen_at("2026-11-25T10:00")
def test_proposals_against_last_year(db_path) -> None:
    new = client("Newcomer", date(2026, 3, 1))
    old = client("Old Hand", date(2019, 3, 1))
    records.save_proposal(new, sent_on=date(2026, 2, 1), amount_cents=300000, outcome="won",
                          decided_on=date(2026, 2, 20))
    records.save_proposal(new, sent_on=date(2026, 5, 1), amount_cents=100001, outcome="won",
                          decided_on=date(2026, 5, 9))
    records.save_proposal(old, sent_on=date(2026, 4, 1), amount_cents=900000, outcome="won",
                          decided_on=date(2026, 4, 9))
    records.save_proposal(old, sent_on=date(2025, 12, 1), amount_cents=50000, outcome="lost",
                          decided_on=date(2026, 1, 9))
    records.save_proposal(old, sent_on=date(2026, 10, 1), amount_cents=50000)  # pending
    records.save_proposal(old, sent_on=date(2025, 6, 1), amount_cents=70000, outcome="won",
                          decided_on=date(2025, 6, 9))
    d = dashboard(2026)
    assert (d.proposals.sent, d.proposals.won, d.proposals.lost) == (4, 3, 1)
    assert d.proposals.win_rate == 0.75
    # Won by a client gained in 2026: (3000.00 + 1000.01) / 2, rounded half up.
    assert d.proposals.avg_new_client_cents == 200001
    prev = d.previous_proposals
    assert (prev.sent, prev.won, prev.lost, prev.win_rate) == (2, 1, 0, 1.0)
    assert prev.avg_new_client_cents is None  # Old Hand was not new in 2025


@pytest.mark.frozen_at("2026-11-25T10:00")
def test_an_end_date_without_a_departure_counts_as_one(db_path) -> None:
    client("Imported Ltd", date(2020, 1, 1), status="departed", ended_on=date(2026, 2, 28))
    d = dashboard(2026)
    assert (d.counts.active_start, d.counts.active_end, d.counts.lost) == (1, 0, 1)
    assert d.lost[0].departure_id is None and d.lost[0].reasons == ()
    assert d.departures.avoidable == 1


@pytest.mark.frozen_at("2026-11-25T10:00")
def test_old_returns_change_no_year_and_every_departure_is_lost(db_path) -> None:
    # Ash left in 2015 and was back in 2016, before the five years: active in each of them.
    ash = client("Ash", date(2010, 1, 1))
    depart(ash, date(2015, 6, 30), state="won_back", returned_on=date(2016, 1, 1))
    # Yew has no start date, so is never active; its departure is still lost in 2025.
    depart(client("Yew", None), date(2025, 5, 5))
    # Oak's departure takes effect next month: not lost yet.
    depart(client("Oak", date(2021, 1, 1)), date(2026, 12, 31))
    history = {y.year: y for y in dashboard(2026).history}
    assert [(y.active_start, y.active_end, y.retained, y.churned, y.gained, y.lost)
            for y in history.values()] == [
        (2, 2, 2, 0, 0, 0), (2, 2, 2, 0, 0, 0), (2, 2, 2, 0, 0, 0), (2, 2, 2, 0, 0, 1),
        (2, 2, 2, 0, 0, 0)]


def test_a_year_still_ahead_is_refused() -> None:
    with pytest.raises(ValueError):
        figures.build(2999, date(2026, 1, 1), None)  # type: ignore[arg-type]


def test_medians_and_shares() -> None:
    assert figures.share(1, 0) is None and figures.share(0, 4) == 0.0
    assert figures.median_whole([10, 13]) == 11  # 11.5, rounded down
    assert figures.median_whole([None]) is None
    assert figures.pareto_count(0) == 0 and figures.pareto_count(1) == 1
    assert figures.pareto_count(5) == 1 and figures.pareto_count(6) == 2
    assert figures.pareto_count(10) == 2 and figures.pareto_count(11) == 3
    assert figures.window_months(date(2028, 2, 29)) == (date(2027, 3, 1), date(2028, 2, 1))


def test_the_dashboard_indexes_are_in_a_new_file(db_path) -> None:
    from goodbye_desktop.store.connection import current

    names = {row[0] for row in current().execute(
        "SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"client_started", "client_ended", "client_revenue_rank", "interaction_time",
            "departure_returned"} <= names


def test_no_migration_step_is_defined_twice() -> None:
    # Two branches that each append "the next step" under the same name would silently
    # drop one of them at merge: every step's SQL must have a name of its own.
    import ast
    from pathlib import Path

    from goodbye_desktop.store import migrations

    tree = ast.parse(Path(migrations.__file__).read_text(encoding="utf-8"))
    names = [target.id for node in tree.body if isinstance(node, ast.Assign)
             for target in node.targets if isinstance(target, ast.Name)
             and target.id.startswith("_V")]
    assert len(names) == len(set(names)) == migrations.LATEST_VERSION
