"""Backups, restore and the integrity check, with SQLite's online backup API.

A backup is a complete database file, made page by page from a live connection (so a
backup taken while the window is open holds exactly the last committed state), written
under a temporary name, checked with `PRAGMA integrity_check`, made owner-only (or
stricter, as the database itself is) and renamed into place. Backups live in `backups/`
beside the database, named `<stem>-<YYYY-MM-DD>T<HHMMSS>-<reason>.sqlite`; the newest of
each of the last 10 days and of each of the last 12 months are kept.

They are taken at start-up when the last is over a day old, before an upgrade, an import,
a restore and a real delete, and whenever the owner asks. A restore first backs up the
current file, then copies the chosen backup to a temporary file beside the database,
checks it and renames it over the database, in one step.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from goodbye_desktop import clock, safe_files
from goodbye_desktop.errors import DatabaseError
from goodbye_desktop.store import connection

KEEP_DAILY = 10
KEEP_MONTHLY = 12
REASONS = ("daily", "manual", "before-upgrade", "before-import", "before-restore",
           "before-delete")
_NAME = re.compile(r"-(\d{4}-\d{2}-\d{2})T(\d{6})-([a-z-]+?)(?:-\d+)?\.sqlite$")


@dataclass(frozen=True)
class BackupInfo:
    """One backup file as the list shows it."""

    path: Path
    taken_at: datetime
    size: int
    clients: int | None  # None when the file cannot be read
    reason: str


def backups_folder(db_path: str | os.PathLike) -> Path:
    return safe_files.backups_folder(db_path)


def _source_connection(path: Path, *, own: bool = False) -> tuple[sqlite3.Connection, bool]:
    """The open store connection when `path` is the open database, else (or with `own`,
    for a backup made off the GUI thread) a new one."""
    if not own and connection.is_open() and _same(connection.current_path(), path):
        return connection.current(), False
    conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=rw", uri=True,
                           isolation_level=None)
    conn.execute("PRAGMA query_only = 1")
    return conn, True


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return Path(a).absolute() == Path(b).absolute()


def problems_in(path: Path, *, quick: bool = False, ours: bool = True) -> list[str]:
    """What SQLite's integrity check (or quick check) finds in the file; [] when sound.

    With `ours`, a file that is not a Goodbye Desktop database is a problem too.
    """
    from goodbye_desktop.store.database import is_ours

    try:
        conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return [str(exc)]
    try:
        rows = [r[0] for r in conn.execute(
            "PRAGMA quick_check(20)" if quick else "PRAGMA integrity_check(20)")]
        if rows != ["ok"]:
            return rows
        if ours and not is_ours(conn):
            return ["not a Goodbye Desktop database"]
        return []
    except sqlite3.Error as exc:
        return [str(exc)]
    finally:
        conn.close()


def copy_file(source: Path, dest: Path, *, check_dest: bool = False,
              own_connection: bool = False) -> Path:
    """Copy the database `source` to `dest` whole, verified, owner-only; `dest`.

    With `own_connection` the copy reads through a connection of its own (another thread
    may copy so while the window works on: in WAL mode the copy is of one moment, and
    the window's writes wait for nothing). Raises OSError or sqlite3.Error when it cannot
    be done; `dest` is then unchanged.
    """
    source, dest = Path(source).absolute(), Path(dest).absolute()
    if check_dest:
        safe_files.check_output_path(dest)
    safe_files.make_private_dir(dest.parent)
    fd, temp_name = tempfile.mkstemp(dir=dest.parent, prefix=f".{dest.name[:150]}.",
                                     suffix=".part")
    os.close(fd)
    temp = Path(temp_name)
    try:
        safe_files.chmod_private(temp, safe_files.private_mode_like(source))
        src, owned = _source_connection(source, own=own_connection)
        try:
            target = sqlite3.connect(temp)
            try:
                src.backup(target)
                # The copy is a plain file: no -wal beside it to lose on the way.
                target.execute("PRAGMA journal_mode = delete")
            finally:
                target.close()
        finally:
            if owned:
                src.close()
        with open(temp, "rb+") as handle:
            os.fsync(handle.fileno())
        problems = problems_in(temp, ours=False)
        if problems:
            raise sqlite3.DatabaseError(f"the copy failed its check: {problems[0]}")
        os.replace(temp, dest)
    except BaseException:
        for name in (temp, temp.with_name(temp.name + "-journal")):
            with contextlib.suppress(OSError):
                name.unlink()
        raise
    return dest


def _new_backup_path(db_path: Path, reason: str) -> Path:
    folder = backups_folder(db_path)
    stamp = clock.local_now().strftime("%Y-%m-%dT%H%M%S")
    candidate = folder / f"{db_path.stem}-{stamp}-{reason}.sqlite"
    number = 2
    while candidate.exists():
        candidate = folder / f"{db_path.stem}-{stamp}-{reason}-{number}.sqlite"
        number += 1
    return candidate


def backup_file(db_path: str | os.PathLike, *, reason: str = "manual",
                dest: str | os.PathLike | None = None, own_connection: bool = False) -> Path:
    """Back up the database at `db_path` into its backups folder (or to `dest`); the path.

    A `dest` that is a folder (or ends with a slash) gets a dated file name inside it.
    Backups in the folder are pruned afterwards; a `dest` elsewhere (a USB stick, say)
    is the owner's to keep. OSError / sqlite3.Error when it cannot be written.
    """
    db_path = Path(db_path).absolute()
    if dest is None:
        written = copy_file(db_path, _new_backup_path(db_path, reason),
                            own_connection=own_connection)
        prune(db_path)
        return written
    as_folder = str(dest).endswith(("/", os.sep))
    dest = Path(dest).expanduser().absolute()
    if as_folder:
        safe_files.make_private_dir(dest)
    if dest.is_dir():
        dest = dest / f"{db_path.stem}-{clock.local_now().strftime('%Y-%m-%dT%H%M%S')}.sqlite"
    return copy_file(db_path, dest, check_dest=True)


def make_backup(reason: str = "manual", dest: str | os.PathLike | None = None) -> Path:
    """Back up the open database; DatabaseError with the reason when it cannot be done."""
    db_path = connection.current_path()
    try:
        return backup_file(db_path, reason=reason, dest=dest)
    except (OSError, sqlite3.Error) as exc:
        where = dest or backups_folder(db_path)
        raise DatabaseError("backup.write_failed", where=where,
                            reason=getattr(exc, "strerror", None) or str(exc)) from exc


def _taken_at(path: Path) -> tuple[datetime, str]:
    match = _NAME.search(path.name)
    if match:
        with contextlib.suppress(ValueError):
            # fromisoformat, not strptime: the start-up's check of the last backup
            # would import the _strptime machinery for this one name.
            day, time = match[1], match[2]
            return (datetime.fromisoformat(f"{day}T{time[:2]}:{time[2:4]}:{time[4:]}"),
                    match[3])
    modified = datetime.fromtimestamp(path.stat().st_mtime, tz=UTC).astimezone()
    return modified.replace(tzinfo=None, microsecond=0), ""


def _client_count(path: Path) -> int | None:
    try:
        conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        return conn.execute("SELECT count(*) FROM client").fetchone()[0]
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def _backup_files(db_path: Path) -> list[tuple[datetime, str, Path]]:
    folder = backups_folder(db_path)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob(f"{glob_escape(db_path.stem)}-*.sqlite"):
        if path.is_file() and _NAME.search(path.name):
            taken, reason = _taken_at(path)
            found.append((taken, reason, path))
    found.sort(key=lambda item: (item[0], item[2].name), reverse=True)
    return found


def glob_escape(text: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", text)


def list_backups(db_path: str | os.PathLike) -> list[BackupInfo]:
    """The backups kept beside the database, newest first, with size and client count."""
    db_path = Path(db_path).absolute()
    return [BackupInfo(path, taken, path.stat().st_size, _client_count(path), reason)
            for taken, reason, path in _backup_files(db_path)]


def newest_good_backup(db_path: str | os.PathLike) -> Path | None:
    """The newest backup that passes SQLite's check, or None."""
    for _taken, _reason, path in _backup_files(Path(db_path).absolute()):
        if not problems_in(path, quick=True):
            return path
    return None


def daily_backup_due(db_path: str | os.PathLike) -> bool:
    """True when the newest backup is more than a day old (or there is none)."""
    found = _backup_files(Path(db_path).absolute())
    return not found or clock.local_now() - found[0][0] > timedelta(days=1)


def prune(db_path: str | os.PathLike) -> list[Path]:
    """Delete backups beyond the newest of each of the last 10 days and 12 months.

    Every backup of the last 24 hours is kept too: the one made before this morning's
    import must survive the one made before this afternoon's delete.
    """
    found = _backup_files(Path(db_path).absolute())
    recent = clock.local_now() - timedelta(days=1)
    keep: set[Path] = {path for taken, _reason, path in found if taken >= recent}
    days: set = set()
    months: set = set()
    for taken, _reason, path in found:  # newest first
        if taken.date() not in days and len(days) < KEEP_DAILY:
            days.add(taken.date())
            keep.add(path)
        month = (taken.year, taken.month)
        if month not in months and len(months) < KEEP_MONTHLY:
            months.add(month)
            keep.add(path)
    removed = []
    for _taken, _reason, path in found:
        if path not in keep:
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    # Temporary files of a backup cut short by a crash.
    for stale in backups_folder(db_path).glob(".*.part"):
        with contextlib.suppress(OSError):
            if clock.now().timestamp() - stale.stat().st_mtime > 3600:
                stale.unlink()
    return removed


def restore(backup: str | os.PathLike, db_path: str | os.PathLike) -> Path:
    """Replace the database at `db_path` by `backup`, after backing the current file up.

    The caller holds the store lock and has closed the store. Returns the backup made of
    the file that was replaced (or, for a file too damaged to copy, its raw copy).
    """
    backup, db_path = Path(backup).expanduser().absolute(), Path(db_path).absolute()
    if not backup.is_file():
        raise DatabaseError("backup.missing", backup=backup)
    problems = problems_in(backup)
    if problems:
        raise DatabaseError("backup.unsound", backup=backup, problem=problems[0])
    if _same(backup, db_path):
        raise DatabaseError("backup.is_the_database", backup=backup)
    if connection.is_open() and _same(connection.current_path(), db_path):
        raise RuntimeError("close the store before restoring")  # our bug, not the user's
    try:
        kept = _keep_current(db_path)
        fd, temp_name = tempfile.mkstemp(dir=db_path.parent, prefix=f".{db_path.name}.",
                                         suffix=".restoring")
        os.close(fd)
        temp = Path(temp_name)
        try:
            # Checked by copy_file; the store switches it back to WAL when it opens it.
            copy_file(backup, temp)
            # The old file's WAL is in the backup just made; left beside the restored file,
            # SQLite would replay it into it.
            for name in safe_files.store_files(db_path)[1:4]:
                name.unlink(missing_ok=True)
            os.replace(temp, db_path)
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
    except (OSError, sqlite3.Error) as exc:
        raise DatabaseError("backup.restore_failed",
                            reason=getattr(exc, "strerror", None) or str(exc)) from exc
    return kept


def _keep_current(db_path: Path) -> Path | None:
    """A backup of the file about to be replaced: verified if it can be, raw if damaged."""
    if not db_path.exists():
        return None
    try:
        return backup_file(db_path, reason="before-restore")
    except (OSError, sqlite3.Error):
        pass
    # Too damaged for SQLite to copy: keep the bytes as they are, under a name the
    # backup list does not offer.
    target = _new_backup_path(db_path, "before-restore").with_suffix(".damaged")
    safe_files.make_private_dir(target.parent)
    with open(db_path, "rb") as source:
        safe_files.write_atomic(target, source.read(), check=False,
                                file_mode=safe_files.private_mode_like(db_path))
    return target


def restore_open_store(backup: str | os.PathLike) -> Path | None:
    """Restore `backup` over the open database (the window's): close, restore, reopen.

    The client index learns that everything changed: the change counter is set past both
    files' counters. Returns what `restore` returns.
    """
    from goodbye_desktop.store.database import close_database, open_database

    db_path = connection.current_path()
    generation = _generation(connection.current())
    close_database()
    try:
        kept = restore(backup, db_path)
    finally:
        conn = open_database(db_path)
    with connection.transaction():
        conn.execute("UPDATE app_meta SET value = CAST(value AS INTEGER) + ? + 1 "
                     "WHERE key = 'client_generation'", (generation,))
    return kept


def _generation(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT value FROM app_meta WHERE key = 'client_generation'").fetchone()
    return int(row[0]) if row else 0
