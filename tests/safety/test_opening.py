"""Opening a file safely: what is not a healthy database of ours is refused and left as it was."""

import os
import random
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from safety_helpers import fill, one_line_error, run_cli

from goodbye_desktop.errors import DatabaseError, SchemaTooNewError
from goodbye_desktop.store import migrations
from goodbye_desktop.store.database import (
    APPLICATION_ID,
    DamagedDatabaseError,
    close_database,
    open_database,
)
from goodbye_desktop.store.models import Client


def folder_state(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def assert_refused_untouched(path: Path, match: str, error=DatabaseError) -> None:
    before = folder_state(path.parent)
    with pytest.raises(error, match=match):
        open_database(path)
    assert folder_state(path.parent) == before  # not written, no -wal, no journal, no copy


def test_a_new_database_carries_our_application_id(tmp_path: Path) -> None:
    conn = open_database(tmp_path / "new.sqlite")
    try:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST_VERSION
    finally:
        close_database()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.sqlite"]


@pytest.mark.parametrize("keep", [50, 99, 100, 1024, 4096, 0.5, -4096, -1])
def test_truncated_copies_are_refused(filled_db: Path, tmp_path: Path, keep) -> None:
    data = filled_db.read_bytes()
    size = int(len(data) * keep) if isinstance(keep, float) else keep % len(data)
    cut = tmp_path / "cut" / "shop.sqlite"
    cut.parent.mkdir()
    cut.write_bytes(data[:size])
    assert_refused_untouched(cut, "damaged|not a Goodbye Desktop")


def test_a_page_overwritten_with_random_bytes_is_refused(filled_db: Path, tmp_path: Path) -> None:
    data = filled_db.read_bytes()
    page = 4096
    rng = random.Random(10)
    for number in rng.sample(range(1, len(data) // page), 6):
        broken = bytearray(data)
        broken[number * page:(number + 1) * page] = rng.randbytes(page)
        path = tmp_path / f"page{number}" / "shop.sqlite"
        path.parent.mkdir()
        path.write_bytes(bytes(broken))
        assert_refused_untouched(path, "damaged", DamagedDatabaseError)


def test_the_newest_good_backup_is_offered_for_a_damaged_file(filled_db: Path) -> None:
    from goodbye_desktop.store.backup import backup_file

    made = backup_file(filled_db, reason="manual")
    data = bytearray(filled_db.read_bytes())
    data[4096 * 3:4096 * 4] = b"\xff" * 4096
    filled_db.write_bytes(bytes(data))
    with pytest.raises(DamagedDatabaseError) as caught:
        open_database(filled_db)
    assert caught.value.newest_backup == made
    assert f"restore {made}" in str(caught.value)


@pytest.mark.parametrize("content, match", [
    (b"", "empty"),
    (bytes(random.Random(3).randbytes(20000)), "not an SQLite file"),
    (b"Shopping list: bread, milk\n", "not an SQLite file"),
])
def test_files_that_are_not_databases_are_refused(tmp_path: Path, content, match) -> None:
    path = tmp_path / "shop.sqlite"
    path.write_bytes(content)
    assert_refused_untouched(path, match)


def test_another_programs_database_is_not_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE client (id INTEGER PRIMARY KEY, name TEXT)")  # a clashing name
    conn.execute("INSERT INTO client (name) VALUES ('theirs')")
    conn.commit()
    conn.close()
    assert_refused_untouched(path, "another program's SQLite database")
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()


def test_a_file_of_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("CREATE TABLE client (id INTEGER PRIMARY KEY)")
    conn.execute(f"PRAGMA user_version = {migrations.LATEST_VERSION + 1}")
    conn.commit()
    conn.close()
    assert_refused_untouched(path, "newer version", SchemaTooNewError)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="is a folder"):
        open_database(tmp_path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX pipes")
def test_a_named_pipe_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.sqlite"
    os.mkfifo(fifo)
    done = run_cli("--db", str(fifo), "clients", timeout=30)
    assert "pipe" in one_line_error(done)


def test_an_empty_db_path_is_refused() -> None:
    assert "empty path" in one_line_error(run_cli("--db", "", "clients"))


def _crash_mid_transaction(path: Path, sql: str) -> None:
    """A separate process that dies (without cleaning up) in the middle of a big write."""
    code = ("import os, sqlite3, sys; c = sqlite3.connect(sys.argv[1], isolation_level=None); "
            "c.execute('PRAGMA cache_size = 2'); c.execute('BEGIN'); "
            f"c.execute({sql!r}); os._exit(9)")
    subprocess.run([sys.executable, "-c", code, str(path)], check=False, timeout=60)


def test_a_journal_left_by_a_crash_is_rolled_back(filled_db: Path) -> None:
    conn = sqlite3.connect(filled_db)
    conn.execute("PRAGMA journal_mode = delete")  # as files of older versions were
    conn.close()
    _crash_mid_transaction(filled_db, "UPDATE interaction SET summary = summary || summary")
    journal = filled_db.with_name(filled_db.name + "-journal")
    assert journal.exists() and journal.stat().st_size > 0
    open_database(filled_db)
    try:
        assert Client.select().count() == 40
        assert not journal.exists()
    finally:
        close_database()


def test_a_first_start_cut_short_leaves_a_usable_file(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    _crash_mid_transaction(path, "CREATE TABLE t AS WITH RECURSIVE n(i) AS (SELECT 1 UNION "
                                 "ALL SELECT i + 1 FROM n LIMIT 20000) SELECT i, "
                                 "hex(randomblob(100)) AS x FROM n")
    assert path.with_name("new.sqlite-journal").exists()
    open_database(path)
    try:
        assert Client.select().count() == 0
    finally:
        close_database()


def test_a_file_of_an_older_version_is_stamped_and_kept_aside(tmp_path: Path) -> None:
    source = Path(__file__).parents[1] / "store" / "data" / "schema_v1.sqlite"
    path = tmp_path / "old.sqlite"
    shutil.copy(source, path)
    path.chmod(0o400 | 0o200)  # the owner had made it private
    conn = open_database(path)
    try:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    finally:
        close_database()
    copies = list(tmp_path.glob("old.before-v*-from-v1.sqlite"))
    assert len(copies) == 1 and copies[0].stat().st_mode & 0o777 == 0o600
    assert list((tmp_path / "backups").glob("old-*-before-upgrade.sqlite"))


def test_a_damaged_page_read_later_is_a_clear_cli_error(tmp_path: Path) -> None:
    """A file too big for the whole check at open, damaged deep inside a table."""
    path = tmp_path / "big.sqlite"
    fill(path, clients=10)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE padding (x BLOB)")
    conn.executemany("INSERT INTO padding VALUES (randomblob(4000))", [()] * 4500)
    conn.commit()
    conn.close()
    # The client table's root page: its data, damaged.
    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'client'").fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * 4096:(root - 1) * 4096 + 12] = b"\x07" * 12  # no such page type
    path.write_bytes(bytes(data))
    done = run_cli("--db", str(path), "clients")
    assert "damaged" in one_line_error(done)
