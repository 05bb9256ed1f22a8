"""The first search of a session finds the list's order and texts read ahead on a thread."""

from goodbye_desktop.store import records
from goodbye_desktop.store.client_index import client_index
from goodbye_desktop.store.connection import current
from goodbye_desktop.store.queries import ClientFilter, client_ids, client_list, prepare_search


def names(flt: ClientFilter) -> list[str]:
    return [row.name for row in client_list(flt)]


def make_clients() -> None:
    for name in ("Łukasz Nowak", "Zoë Łukasiewicz", "山田 太郎", "محمد علي", "Renée & <Sons>"):
        records.create_client(name=name)


def test_the_first_search_reads_no_order_from_the_database(db_path) -> None:
    make_clients()
    shown = ClientFilter(sort_key="name")
    assert len(client_ids(shown)) == 5  # the list as it opens: its count, no whole order
    prepare_search(shown)
    statements: list[str] = []
    current().set_trace_callback(statements.append)
    try:
        found = names(ClientFilter(sort_key="name", search="łuk"))
    finally:
        current().set_trace_callback(None)
    assert found == ["Łukasz Nowak", "Zoë Łukasiewicz"]
    assert [s for s in statements if "ORDER BY" in s or "search_text" in s] == []


def test_the_order_read_ahead_is_the_lists_own(db_path) -> None:
    make_clients()
    for sort_key in ("name", "status", "revenue", "tenure", "last_contact"):
        for descending in (False, True):
            flt = ClientFilter(sort_key=sort_key, descending=descending)
            expected = list(client_ids(flt))
            client_ids(flt)
            prepare_search(flt)
            searched = list(client_ids(ClientFilter(sort_key=sort_key, descending=descending,
                                                    search="a")))
            assert searched == [i for i in expected if i in set(searched)]
            assert len(searched) == len(names(ClientFilter(search="a")))


def test_a_change_after_the_read_ahead_is_never_missed(db_path) -> None:
    make_clients()
    shown = ClientFilter()
    client_ids(shown)
    prepare_search(shown)
    added = records.create_client(name="Łukas Weber")
    assert names(ClientFilter(search="łuk")) == ["Łukas Weber", "Łukasz Nowak",
                                                 "Zoë Łukasiewicz"]
    records.set_archived([added], True)
    prepare_search(shown)
    assert names(ClientFilter(search="łuk")) == ["Łukasz Nowak", "Zoë Łukasiewicz"]
    assert client_index()._loader is None


def test_typing_on_finds_what_a_fresh_search_finds(db_path) -> None:
    # Words whose longer forms first occur later in a text than their beginnings do.
    for name in ("Anna Banana", "Ban Ananas", "Nana & Ann", "Bananarama", "ab abc abcd",
                 "Łukasz Łuk", "山田 山田太郎", "abc", "Renée & <Sons>"):
        records.create_client(name=name)
    typed = ["a", "an", "ana", "anan", "anana", "ananas", "b", "ba", "ban", "bana",
             "a", "ab", "abc", "abcd", "ł", "łu", "łuk", "łuka", "山", "山田", "山田太",
             "an a", "an an", "an ana", "nana", "ann", "anna b"]
    by_typing = [names(ClientFilter(search=text)) for text in typed]
    client_index().clear()
    fresh = [names(ClientFilter(search=text)) for text in typed]
    assert by_typing == fresh
    assert fresh[typed.index("anana")] == ["Anna Banana", "Ban Ananas", "Bananarama"]
    assert fresh[typed.index("abcd")] == ["ab abc abcd"]
