"""Schema versions: a file from every past version upgrades without losing a row."""

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from goodbye_desktop.errors import DatabaseError, SchemaTooNewError
from goodbye_desktop.store import migrations
from goodbye_desktop.store.database import APPLICATION_ID, close_database, open_database
from goodbye_desktop.store.models import ALL_MODELS, Client, Contact, Promise

DATA = Path(__file__).parent / "data"


def _schema(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        shape = {t: conn.execute(f"PRAGMA table_info('{t}')").fetchall() for t in tables}
        shape["_indexes"] = conn.execute(
            "SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' ORDER BY name"
        ).fetchall()
        return shape
    finally:
        conn.close()


@pytest.fixture
def v1_copy(tmp_path: Path) -> Path:
    target = tmp_path / "old.sqlite"
    shutil.copy(DATA / "schema_v1.sqlite", target)
    return target


def test_upgrade_from_v1_keeps_every_row(v1_copy: Path) -> None:
    open_database(v1_copy)
    try:
        names = sorted(Client.select(Client.name).tuples())
        assert names == [("Renée & <Sons>",), ("山田デザイン",)]
        contact = Contact.get()
        assert (contact.name, contact.email, contact.primary) == (
            "Łukasz Nowak", "lukasz@example.com", True)
        promise = Promise.get()
        assert promise.description == "Send the figures"
        assert promise.departure is None and promise.letter_kind == ""
        conn = sqlite3.connect(v1_copy)
        assert conn.execute("SELECT amount_cents FROM revenue").fetchone() == (123456,)
        assert conn.execute("SELECT minutes, complaint FROM interaction").fetchone() == (25, 1)
        assert conn.execute("PRAGMA user_version").fetchone() == (migrations.LATEST_VERSION,)
        conn.close()
    finally:
        close_database()


def test_upgrade_copies_the_old_file_aside_first(v1_copy: Path) -> None:
    before = v1_copy.read_bytes()
    open_database(v1_copy)
    close_database()
    copies = list(v1_copy.parent.glob("old.before-v*-from-v1.sqlite"))
    assert len(copies) == 1
    conn = sqlite3.connect(copies[0])
    assert conn.execute("PRAGMA user_version").fetchone() == (1,)
    assert conn.execute("SELECT count(*) FROM client").fetchone() == (2,)
    conn.close()
    assert before != v1_copy.read_bytes()


@pytest.mark.parametrize("saved", ["schema_v1.sqlite", "schema_v3.sqlite", "schema_v4.sqlite"])
def test_upgraded_schema_equals_a_fresh_one(saved: str, tmp_path: Path) -> None:
    old = tmp_path / "old.sqlite"
    shutil.copy(DATA / saved, old)
    fresh = tmp_path / "fresh.sqlite"
    open_database(fresh)
    close_database()
    open_database(old)
    close_database()
    assert _schema(old) == _schema(fresh)


def test_upgrade_from_v3_keeps_departures_documents_and_templates(tmp_path: Path) -> None:
    old = tmp_path / "v3.sqlite"
    shutil.copy(DATA / "schema_v3.sqlite", old)
    open_database(old)
    try:
        from goodbye_desktop.store import departures, documents, records
        from goodbye_desktop.store.queries import ClientFilter, client_list

        detail = departures.departure_detail(departures.departure_for_client(2))
        assert detail["reasons"] == ["needs_fulfilled"]
        assert [step["description"] for step in detail["steps"]] == ["Hand over the brand files"]
        [kept] = documents.list_documents(2)
        assert documents.get_document_pdf(kept.id) == b"%PDF-"
        assert documents.get_template("farewell").startswith("Subject: Thank you\n\n")
        # The v4 search index works on the upgraded file, and sees later changes.
        assert [r.name for r in client_list(ClientFilter(search="yamada"))] == []
        assert [r.name for r in client_list(ClientFilter(search="山田"))] == ["山田デザイン"]
        records.update_client(2, name="山田デザイン事務所")
        renamed = [r.name for r in client_list(ClientFilter(search="事務所"))]
        assert renamed == ["山田デザイン事務所"]
    finally:
        close_database()


@pytest.mark.frozen_at("2026-11-25T10:00")
def test_upgrade_from_v4_keeps_one_revenue_amount_per_month_the_latest(tmp_path: Path) -> None:
    old = tmp_path / "v4.sqlite"
    shutil.copy(DATA / "schema_v4.sqlite", old)
    conn = sqlite3.connect(old)
    twice = "SELECT count(*) FROM revenue WHERE month = '2026-09-01'"
    assert conn.execute(twice).fetchone() == (2,)
    conn.close()
    open_database(old)
    try:
        from goodbye_desktop.store import records

        conn = sqlite3.connect(old)
        assert conn.execute("SELECT amount_cents FROM revenue WHERE month = '2026-09-01'"
                            ).fetchall() == [(7000,)]
        conn.close()
        # The 12-month column was recomputed from what is left: October and September.
        assert records.get_client(1)["revenue_12m_cents"] == 123456 + 7000
        records.set_revenue(1, date(2026, 9, 1), 8000)
        assert records.get_client(1)["revenue_12m_cents"] == 123456 + 8000
        conn = sqlite3.connect(old)
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("INSERT INTO revenue (client_id, month, amount_cents) "
                         "VALUES (1, '2026-09-01', 1)")
        conn.close()
    finally:
        close_database()


def test_models_match_the_migrated_schema(tmp_path: Path) -> None:
    path = tmp_path / "fresh.sqlite"
    open_database(path)
    close_database()
    conn = sqlite3.connect(path)
    for model in ALL_MODELS:
        table = model._meta.table_name
        columns = {row[1] for row in conn.execute(f"PRAGMA table_info('{table}')")}
        assert columns, f"no table {table}"
        fields = {field.column_name for field in model._meta.sorted_fields}
        assert fields == columns, f"{table}: models {fields ^ columns} differ from the schema"
    conn.close()


def test_failed_step_leaves_the_file_at_its_old_version(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "x.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    migrations.migrate(conn, target=1)

    def broken(c: sqlite3.Connection) -> None:
        c.execute("CREATE TABLE half_done (id INTEGER)")
        raise sqlite3.OperationalError("disk full")

    monkeypatch.setattr(migrations, "STEPS", [migrations.STEPS[0], broken])
    with pytest.raises(sqlite3.OperationalError):
        migrations.migrate(conn, target=2)
    assert migrations.current_version(conn) == 1
    assert conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").fetchone() == (0,)
    conn.close()


def test_newer_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE something (id INTEGER)")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")  # a newer version of ours
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(SchemaTooNewError, match="newer version"):
        open_database(path)
    assert path.read_bytes() == before
    assert not path.with_name("future.sqlite-wal").exists()


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("shopping list", encoding="utf-8")
    with pytest.raises(DatabaseError, match="not a Goodbye Desktop database"):
        open_database(path)
    assert path.read_text(encoding="utf-8") == "shopping list"
