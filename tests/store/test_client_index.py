"""The in-memory search index belongs to the open database, never to the one before."""

from pathlib import Path

import pytest

from goodbye_desktop.store import records
from goodbye_desktop.store.database import close_database, open_database
from goodbye_desktop.store.queries import ClientFilter, client_list, prepare_search


def names(search: str) -> list[str]:
    return [row.name for row in client_list(ClientFilter(search=search))]


def fill(path: Path, word: str) -> None:
    open_database(path)
    for n in range(3):
        records.create_client(name=f"{word} {n}")


@pytest.mark.parametrize("read_ahead", [False, True])
def test_two_databases_in_turn_each_search_their_own_clients(tmp_path: Path,
                                                              read_ahead: bool) -> None:
    fill(tmp_path / "a.sqlite", "Alpha")
    try:
        if read_ahead:
            prepare_search()  # a read of A's texts, still pending when A closes
        else:
            assert names("alpha") == ["Alpha 0", "Alpha 1", "Alpha 2"]
    finally:
        close_database()
    # B has made exactly as many changes as A, so its change counter matches A's.
    fill(tmp_path / "b.sqlite", "Beta")
    try:
        assert names("beta") == ["Beta 0", "Beta 1", "Beta 2"]
        assert names("alpha") == []
    finally:
        close_database()
