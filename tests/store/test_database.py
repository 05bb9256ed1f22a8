"""Opening the file: where it lives, the pragmas, and creation on first run."""

from pathlib import Path

import pytest

from goodbye_desktop.errors import DatabaseError
from goodbye_desktop.store import database
from goodbye_desktop.store.database import close_database, default_path, open_database
from goodbye_desktop.store.models import BusinessProfile


def test_path_order_is_flag_then_environment_then_user_folder(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv(database.ENV_VAR, str(tmp_path / "env.sqlite"))
    assert default_path(tmp_path / "flag.sqlite") == tmp_path / "flag.sqlite"
    assert default_path(None) == tmp_path / "env.sqlite"
    monkeypatch.delenv(database.ENV_VAR)
    path = default_path(None)
    assert path.name == database.FILE_NAME
    assert "Goodbye Desktop" in str(path) or "goodbye" in str(path).lower()


def test_first_open_creates_folders_file_and_profile(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "data.sqlite"
    db = open_database(path)
    try:
        assert path.exists()
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert BusinessProfile.get_by_id(1).silence_days == 45
    finally:
        close_database()


def test_reopening_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "data.sqlite"
    open_database(path)
    BusinessProfile.update(business_name="Łódź Design").execute()
    close_database()
    open_database(path)
    try:
        assert BusinessProfile.get_by_id(1).business_name == "Łódź Design"
    finally:
        close_database()


def test_a_folder_is_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="is a folder"):
        open_database(tmp_path)


def test_a_relative_path_works(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    open_database(Path("relative.sqlite"))
    close_database()
    open_database("relative.sqlite")
    try:
        assert (tmp_path / "relative.sqlite").exists()
    finally:
        close_database()


def test_orm_and_plain_sql_share_one_connection_and_transaction(tmp_path: Path) -> None:
    from goodbye_desktop.store import connection, records
    from goodbye_desktop.store.models import Client, database_proxy

    conn = open_database(tmp_path / "shared.sqlite")
    try:
        assert database_proxy.obj.connection() is conn is connection.current()
        with pytest.raises(RuntimeError), database_proxy.atomic():
            records.create_client(name="Zoë")
            # Plain SQL inside the ORM's transaction sees its uncommitted row...
            assert conn.execute("SELECT name FROM client").fetchall() == [("Zoë",)]
            raise RuntimeError("the user's action failed further on")
        # ...and the rollback takes both away.
        assert Client.select().count() == 0
    finally:
        close_database()


def test_a_new_profile_starts_from_the_system_locale(tmp_path, monkeypatch):
    from goodbye_desktop.store import records
    from goodbye_desktop.store.database import close_database, open_database

    for variable in ("LC_ALL", "LC_MONETARY", "LC_PAPER"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    path = tmp_path / "new.sqlite"
    open_database(path)
    try:
        profile = records.get_profile()
        assert (profile["locale"], profile["currency"], profile["page_size"]) == (
            "en_US", "USD", "Letter")
    finally:
        close_database()
    # An existing profile is the owner's: another locale later changes nothing.
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    open_database(path)
    try:
        assert records.get_profile()["currency"] == "USD"
    finally:
        close_database()
