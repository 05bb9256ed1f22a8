"""The client list's queries: search across scripts and accents, filters and every sort."""

from datetime import date, datetime
from pathlib import Path

import pytest

from goodbye_desktop.errors import ValidationError
from goodbye_desktop.store import records
from goodbye_desktop.store.database import close_database, open_database
from goodbye_desktop.store.queries import (
    LIST_SORT_KEYS,
    ClientFilter,
    client_ids,
    client_list,
    client_rows,
)

TODAY = date(2026, 11, 25)

# The records of these tests are dated around TODAY: the clock is frozen there.
pytestmark = pytest.mark.frozen_at(TODAY)


@pytest.fixture
def clients(tmp_path: Path) -> dict[str, int]:
    open_database(tmp_path / "q.sqlite")
    ids = {
        "luk": records.create_client(name="Łukasiewicz Logistics", started_on=date(2020, 1, 1)),
        "zoe": records.create_client(name="Zoë Papadopoulou", started_on=date(2024, 6, 1),
                                     status="departing"),
        "yamada": records.create_client(name="山田デザイン事務所", started_on=date(2022, 3, 1)),
        "arabic": records.create_client(name="مكتبة محمد", tags="books"),
        "renee": records.create_client(name="Renée & <Sons>", status="prospect"),
    }
    records.save_contact(ids["renee"], name="Dmitri Sokolov", email="dmitri@bakery.example")
    records.set_revenue(ids["yamada"], date(2026, 10, 1), 90000)
    records.set_revenue(ids["luk"], date(2026, 10, 1), 1000)
    records.add_interaction(ids["zoe"], datetime(2026, 11, 20, 9), "call")
    yield ids
    close_database()


def names(flt: ClientFilter) -> list[str]:
    return [row.name for row in client_list(flt, TODAY)]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("łuk", "Łukasiewicz Logistics"),
        ("LUK", "Łukasiewicz Logistics"),
        ("zoe", "Zoë Papadopoulou"),
        ("ZOË", "Zoë Papadopoulou"),
        ("山田", "山田デザイン事務所"),
        ("محمد", "مكتبة محمد"),
        ("renee &", "Renée & <Sons>"),
        ("<sons>", "Renée & <Sons>"),
        ("sokolov", "Renée & <Sons>"),
        ("dmitri@bakery", "Renée & <Sons>"),
        ("books", "مكتبة محمد"),
    ],
)
def test_search_ignores_case_and_accents_in_every_script(clients, typed, expected) -> None:
    assert names(ClientFilter(search=typed)) == [expected]


def test_every_word_must_match(clients) -> None:
    assert names(ClientFilter(search="zoe papa")) == ["Zoë Papadopoulou"]
    assert names(ClientFilter(search="zoe logistics")) == []


def test_status_filter_and_archived(clients) -> None:
    assert names(ClientFilter(status="prospect")) == ["Renée & <Sons>"]
    records.set_archived([clients["renee"]], True)
    assert "Renée & <Sons>" not in names(ClientFilter())
    assert "Renée & <Sons>" in names(ClientFilter(include_archived=True))
    with pytest.raises(ValidationError):
        names(ClientFilter(status="lost"))


def test_sorts(clients) -> None:
    by_revenue = names(ClientFilter(sort_key="revenue", descending=True))
    assert by_revenue[:2] == ["山田デザイン事務所", "Łukasiewicz Logistics"]
    by_tenure = names(ClientFilter(sort_key="tenure", descending=True))
    assert by_tenure[:3] == ["Łukasiewicz Logistics", "山田デザイン事務所", "Zoë Papadopoulou"]
    # Clients without a start date sort last whichever way.
    assert set(by_tenure[3:]) == {"مكتبة محمد", "Renée & <Sons>"}
    by_contact = names(ClientFilter(sort_key="last_contact", descending=True))
    assert by_contact[0] == "Zoë Papadopoulou"
    for key in LIST_SORT_KEYS:
        for descending in (False, True):
            assert len(client_ids(ClientFilter(sort_key=key, descending=descending), TODAY)) == 5
    with pytest.raises(ValidationError):
        client_ids(ClientFilter(sort_key="shoe size"))


def test_rows_carry_plain_values(clients) -> None:
    row = client_rows([clients["luk"]])[clients["luk"]]
    assert row.revenue_12m_cents == 1000
    assert row.started_on == date(2020, 1, 1)
    assert row.tenure_days(TODAY) == (TODAY - date(2020, 1, 1)).days


def test_search_sees_every_change_to_the_clients(clients) -> None:
    assert names(ClientFilter(search="zoe")) == ["Zoë Papadopoulou"]
    records.update_client(clients["zoe"], name="Chloé Papadopoulou")
    assert names(ClientFilter(search="zoe")) == []
    assert names(ClientFilter(search="chloe")) == ["Chloé Papadopoulou"]
    # A change made by any code, even plain SQL, is seen: triggers count every write.
    from goodbye_desktop.store.models import database_proxy

    database_proxy.obj.execute_sql(
        "UPDATE client SET status = 'departed' WHERE id = ?", (clients["zoe"],))
    assert names(ClientFilter(search="chloe", status="departed")) == ["Chloé Papadopoulou"]
    new = records.create_client(name="Zoë Second")
    assert names(ClientFilter(search="zoe")) == ["Zoë Second"]
    records.set_archived([new], True)
    assert names(ClientFilter(search="zoe")) == []


def test_ids_read_by_page_agree_with_the_whole_list(clients) -> None:
    for key in LIST_SORT_KEYS:
        for descending in (False, True):
            flt = ClientFilter(sort_key=key, descending=descending)
            lazy = client_ids(flt, TODAY)
            whole = list(client_ids(flt, TODAY))
            fresh = client_ids(ClientFilter(sort_key=key, descending=not descending), TODAY)
            assert len(fresh) == 5
            assert [lazy[i] for i in range(5)] == whole
            assert lazy[1:3] == whole[1:3] and lazy[-1] == whole[-1]
            assert lazy.index(whole[3]) == 3 and whole[0] in lazy
    with pytest.raises(IndexError):
        client_ids(ClientFilter(), TODAY)[5]


def test_texts_read_ahead_on_a_thread_serve_the_first_search(clients) -> None:
    from goodbye_desktop.store.client_index import client_index
    from goodbye_desktop.store.queries import prepare_search

    prepare_search()
    assert names(ClientFilter(search="łuk")) == ["Łukasiewicz Logistics"]
    # A change made while (or after) the texts were read ahead is never missed.
    prepare_search()
    records.update_client(clients["luk"], name="Łódź Logistics")
    assert names(ClientFilter(search="lodz")) == ["Łódź Logistics"]
    assert names(ClientFilter(search="łuk")) == []
    assert client_index()._loader is None
