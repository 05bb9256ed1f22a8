"""Files readable by the owner only; backups made, listed, pruned and restored; the lock."""

import os
import stat
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from safety_helpers import REPO, fill, one_line_error, run_cli

from goodbye_desktop import clock
from goodbye_desktop.store import backup
from goodbye_desktop.store.database import close_database, open_database
from goodbye_desktop.store.lock import StoreLock
from goodbye_desktop.store.models import Client


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_everything_is_created_private_under_umask_022(tmp_path: Path, umask_022, qtbot) -> None:
    from goodbye_desktop import app
    from goodbye_desktop.ui import crash

    db = tmp_path / "data" / "shop.sqlite"
    lock = app.single_instance_lock(db)
    try:
        fill(db, clients=3)
        open_database(db)
        from goodbye_desktop.store.records import create_client

        create_client(name="Zoë")  # the -wal and -shm are there while it is open
        files = [db, db.with_name("shop.sqlite-wal"), db.with_name("shop.sqlite-shm"),
                 db.with_name("shop.sqlite.lock")]
        assert all(f.exists() for f in files)
        assert {f.name: mode(f) for f in files} == {f.name: 0o600 for f in files}
        assert mode(db.parent) == 0o700
        made = backup.make_backup()
        assert mode(made) == 0o600 and mode(made.parent) == 0o700
        try:
            raise KeyError("a bug")
        except KeyError as exc:
            log = crash.write_report(tmp_path / "logs", KeyError, exc, exc.__traceback__)
        assert mode(log) == 0o600 and mode(log.parent) == 0o700
    finally:
        close_database()
        lock.release()


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_a_copy_keeps_a_stricter_mode(filled_db: Path, umask_022) -> None:
    filled_db.chmod(0o400)
    made = backup.backup_file(filled_db)
    assert mode(made) == 0o400


def test_backups_are_listed_newest_first_with_size_and_clients(filled_db: Path) -> None:
    first = backup.backup_file(filled_db, reason="manual")
    clock.advance(timedelta(hours=2))
    second = backup.backup_file(filled_db, reason="before-import")
    listed = backup.list_backups(filled_db)
    assert [b.path for b in listed] == [second, first]
    assert listed[0].clients == 40 and listed[0].size == second.stat().st_size
    assert listed[0].reason == "before-import"
    assert backup.problems_in(second) == []


def test_the_daily_backup_is_made_when_the_last_is_over_a_day_old(filled_db: Path) -> None:
    open_database(filled_db, daily_backup=True)
    close_database()
    assert len(backup.list_backups(filled_db)) == 1
    clock.advance(timedelta(hours=23))
    open_database(filled_db, daily_backup=True)
    close_database()
    assert len(backup.list_backups(filled_db)) == 1
    clock.advance(timedelta(hours=2))
    open_database(filled_db, daily_backup=True)
    close_database()
    assert len(backup.list_backups(filled_db)) == 2


def test_ten_daily_and_twelve_monthly_backups_are_kept(filled_db: Path) -> None:
    import shutil

    made = backup.backup_file(filled_db, reason="daily")
    start = clock.local_now()
    for day in range(1, 400):  # a backup a day for more than a year, by name
        when = start - timedelta(days=day)
        shutil.copy(made, made.with_name(f"shop-{when:%Y-%m-%dT%H%M%S}-daily.sqlite"))
    backup.prune(filled_db)
    kept = backup.list_backups(filled_db)
    days = {b.taken_at.date() for b in kept}
    months = {(b.taken_at.year, b.taken_at.month) for b in kept}
    assert len(kept) == len(days) <= 10 + 12
    assert len(months) >= 12
    assert all(start.date() - timedelta(days=d) in days for d in range(10))


def test_restore_backs_up_first_and_brings_the_records_back(filled_db: Path) -> None:
    good = backup.backup_file(filled_db)
    open_database(filled_db)
    Client.delete().where(Client.name.startswith("Renée")).execute()
    assert Client.select().count() < 40
    close_database()
    clock.advance(timedelta(minutes=1))
    kept = backup.restore(good, filled_db)
    open_database(filled_db)
    try:
        assert Client.select().count() == 40
    finally:
        close_database()
    assert kept is not None and backup.problems_in(kept) == []
    assert len(backup.list_backups(filled_db)) == 2


def test_restore_refuses_a_file_that_is_not_a_sound_backup(filled_db: Path, tmp_path) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + os.urandom(8000))
    before = filled_db.read_bytes()
    from goodbye_desktop.errors import DatabaseError

    with pytest.raises(DatabaseError, match="Nothing was changed"):
        backup.restore(bad, filled_db)
    assert filled_db.read_bytes() == before


def test_a_backup_onto_the_database_or_into_the_backups_folder_is_refused(filled_db) -> None:
    for dest in (filled_db, filled_db.with_name("shop.sqlite-wal"),
                 filled_db.parent / "backups" / "mine.sqlite"):
        done = run_cli("--db", str(filled_db), "backup", str(dest))
        one_line_error(done)
    assert backup.problems_in(filled_db) == []


def test_a_letter_onto_the_database_or_its_wal_is_refused(filled_db: Path) -> None:
    before = filled_db.read_bytes()
    for dest in ("shop.sqlite", "shop.sqlite-wal", "shop.sqlite-shm"):
        done = run_cli("--db", str(filled_db), "letter", "check_in", "--client", "Renée & <Sons> 0",
                       "-o", str(filled_db.parent / dest))
        assert "your database" in one_line_error(done)
    assert filled_db.read_bytes() == before


def test_the_lock_keeps_a_second_program_away_and_goes_with_a_crash(filled_db: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from goodbye_desktop.store.lock import "
         "StoreLock; lock = StoreLock(sys.argv[1]); assert lock.acquire(); print('held', "
         "flush=True); time.sleep(60)", str(filled_db)],
        stdout=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(REPO)})
    try:
        assert holder.stdout.readline().strip() == b"held"
        assert not StoreLock(filled_db).acquire()
        done = run_cli("--db", str(filled_db), "restore", str(filled_db))
        assert "open in Goodbye Desktop" in one_line_error(done)
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()
    with StoreLock(filled_db) as lock:
        assert lock.acquire()


def test_backup_backups_restore_and_check_from_the_command_line(filled_db: Path,
                                                               tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    done = run_cli("--db", str(filled_db), "backup", f"{usb}/")
    assert done.returncode == 0, done.stderr
    copy = next(usb.iterdir())
    listing = run_cli("--db", str(filled_db), "backups")
    assert listing.returncode == 0 and b"No backups yet" in listing.stdout
    restored = run_cli("--db", str(filled_db), "restore", str(copy))
    assert restored.returncode == 0, restored.stderr
    assert b"(40 clients)" in restored.stdout
    listing = run_cli("--db", str(filled_db), "backups")
    assert b"before-restore" in listing.stdout and b"40 clients" in listing.stdout
    checked = run_cli("--db", str(filled_db), "check")
    assert checked.returncode == 0 and b"no problems found (40 clients)" in checked.stdout


def test_check_reports_inconsistent_records(filled_db: Path) -> None:
    import sqlite3

    conn = sqlite3.connect(filled_db)
    conn.execute("UPDATE client SET revenue_12m_cents = 1 WHERE id = 3")
    conn.execute("INSERT INTO contact (client_id, name) VALUES (999, 'Nobody''s')")
    conn.commit()
    conn.close()
    done = run_cli("--db", str(filled_db), "check")
    out = done.stdout.decode()
    assert done.returncode == 1
    assert "wrong revenue of the last 12 months" in out and "missing client" in out
