"""The At-risk list: who is on it, in which order, acknowledgements, and the risk history."""

from datetime import date, datetime, timedelta

import pytest

from goodbye_desktop import clock
from goodbye_desktop.store import at_risk, records
from goodbye_desktop.store.connection import current

pytestmark = pytest.mark.frozen_at("2026-11-25T10:00")
TODAY = date(2026, 11, 25)


def _client(name: str, *, last_contact_days: int | None = 5, status: str = "active",
            complaints: int = 0) -> int:
    cid = records.create_client(name=name, status=status, started_on=date(2024, 1, 10))
    if last_contact_days is not None:
        records.add_interaction(cid, datetime(2026, 11, 25, 9) - timedelta(days=last_contact_days),
                                "call", minutes=10)
    for n in range(complaints):
        records.add_interaction(cid, datetime(2026, 11, 1 + n, 9), "email", complaint=True)
    return cid


def test_current_clients_with_signs_most_urgent_first(db_path) -> None:
    quiet = _client("Renée & <Sons>", last_contact_days=100)
    unhappy = _client("山田 デザイン事務所", complaints=3)
    _client("Fine Ltd")
    _client("Gone Ltd", last_contact_days=300, status="departed")
    _client("Prospect Ltd", last_contact_days=300, status="prospect")
    items = at_risk.at_risk_clients(TODAY)
    assert [item.id for item in items] == [unhappy, quiet]
    assert items[0].name == "山田 デザイン事務所"
    assert items[0].sign_keys == ["chronic_complaints"]
    assert items[1].signs[0].key == "silence" and items[1].signs[0].values["days"] == 100


def test_the_list_is_worked_out_once_a_day_and_follows_a_write(db_path) -> None:
    cid = _client("Łukasz Nowak", last_contact_days=60)
    assert [item.id for item in at_risk.at_risk_clients(TODAY)] == [cid]
    assert at_risk.is_current(TODAY)
    records.add_interaction(cid, datetime(2026, 11, 24, 9), "call")
    assert at_risk.at_risk_count() == 1  # not yet worked out again
    at_risk.refresh_client(cid, TODAY)
    assert at_risk.at_risk_count() == 0
    assert not at_risk.is_current(TODAY + timedelta(days=1))


def test_an_acknowledged_sign_leaves_the_list_until_its_date_and_stays_on_the_timeline(
        db_path) -> None:
    cid = _client("محمد", last_contact_days=60, complaints=3)
    at_risk.ensure_current(TODAY)
    at_risk.acknowledge_sign(cid, "chronic_complaints", date(2026, 12, 20),
                             "spoke to him, fixed", "Set aside: spoke to him, fixed", TODAY,
                             clock.local_now())
    assert at_risk.at_risk_clients(TODAY) == []
    assert [s.key for s in at_risk.signs_of(cid)] == ["chronic_complaints"]
    note = current().execute("SELECT kind, summary FROM interaction WHERE client_id = ? "
                             "ORDER BY id DESC LIMIT 1", (cid,)).fetchone()
    assert note == ("note", "Set aside: spoke to him, fixed")
    # After the date it is back.
    later = date(2026, 12, 21)
    at_risk.refresh(later, [cid])
    assert "chronic_complaints" in [s.key for s in at_risk.at_risk_page(0, 10)[0].signs]


def test_acknowledging_needs_a_known_sign_and_a_date_ahead(db_path) -> None:
    cid = _client("A")
    from goodbye_desktop.errors import ValidationError
    with pytest.raises(ValidationError):
        at_risk.acknowledge_sign(cid, "moody", TODAY, "", "", TODAY, clock.local_now())
    with pytest.raises(ValidationError):
        at_risk.acknowledge_sign(cid, "silence", TODAY - timedelta(days=1), "", "", TODAY,
                                 clock.local_now())
    assert current().execute("SELECT count(*) FROM sign_ack").fetchone() == (0,)


def test_risk_history_began_saved_recovered(db_path) -> None:
    cid = _client("Zoë", last_contact_days=50)
    at_risk.ensure_current(TODAY)
    at_risk.promise_to_save(cid, "Call about the spring plans", datetime(2026, 11, 27, 10),
                            "call", date(2026, 11, 26))
    records.add_interaction(cid, datetime(2026, 11, 28, 10), "call")
    at_risk.refresh(date(2026, 11, 28), [cid])
    records.add_interaction(cid, datetime(2027, 1, 10, 10), "call")  # kept in touch
    # Last seen at risk on 25 November: 59 days later it is still open, 60 days later over.
    at_risk.refresh(date(2027, 1, 23), [cid])
    assert at_risk.risk_history(cid)[0].is_open
    at_risk.refresh(date(2027, 1, 27), [cid])
    episode = at_risk.risk_history(cid)[0]
    assert (episode.began_on, episode.save_on, episode.save_kind) == (
        TODAY, date(2026, 11, 26), "promise")
    assert (episode.ended_on, episode.outcome) == (date(2027, 1, 24), "recovered")
    assert episode.stage_days(date(2027, 2, 1)) == {"at_risk": 1, "saving": 59}


def test_a_client_at_risk_that_leaves_is_lost(db_path) -> None:
    cid = _client("Ελένη", last_contact_days=90)
    at_risk.ensure_current(TODAY)
    records.update_client(cid, status="departed", ended_on=TODAY)
    at_risk.refresh_client(cid, TODAY)
    episode = at_risk.risk_history(cid)[0]
    assert (episode.outcome, episode.ended_on) == ("lost", TODAY)
    assert at_risk.at_risk_clients(TODAY) == []


def _check_list(table_sql: str, column: str) -> set[str]:
    import re

    found = re.search(rf"{column} VARCHAR\(255\)[^,]*?CHECK \({column} IN \(([^)]*)\)\)",
                      table_sql, re.S)
    assert found, column
    return {word.strip().strip("'") for word in found.group(1).split(",")} - {""}


def test_the_schema_checks_the_vocabulary(db_path) -> None:
    from goodbye_desktop import vocabulary

    sql = dict(current().execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'"))
    assert _check_list(sql["sign_ack"], "sign") == set(vocabulary.SIGNS)
    assert _check_list(sql["risk_episode"], "save_kind") == set(vocabulary.RISK_SAVE_KINDS)
    assert _check_list(sql["risk_episode"], "outcome") == set(vocabulary.RISK_OUTCOMES)
