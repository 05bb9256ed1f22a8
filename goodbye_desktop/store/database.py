"""Opening the SQLite file: where it lives, what it is, the pragmas and the upgrade.

`open_database` is called once at start (and by each test with its own file). Before
a single byte is written it finds out what the path holds (`inspect_file`): a new
name, our own file (recognised by its `PRAGMA application_id`, or by its tables for
files of versions that set none), or something to refuse with one clear sentence
and leave exactly as it was: a folder, a pipe, an empty or truncated file, a file
that is not SQLite, another program's database, a file from a newer version, or a
file SQLite's quick check finds damaged. A rollback journal left by a crash is
rolled back by SQLite itself on a read-write connection (the data is intact).

A new database is built under a temporary name beside its final one and renamed into
place when complete, so a crash during the very first start leaves no half-made file.
Every file is created readable by the owner only. No ORM is imported here, so the
window can open on plain SQL.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from goodbye_desktop import APP_NAME, safe_files
from goodbye_desktop.error_words import Words
from goodbye_desktop.errors import DatabaseError, SchemaTooNewError
from goodbye_desktop.store import connection, migrations, upkeep

ENV_VAR = "GOODBYE_DESKTOP_DB"
FILE_NAME = "goodbye-desktop.sqlite"
# "GBDk": stamped into every file this program creates (PRAGMA application_id).
APPLICATION_ID = 0x4742446B
_SQLITE_HEADER = b"SQLite format 3\x00"
# Tables every version of our schema has; a file without an application id that holds
# them was made by a version that did not stamp one yet.
_OUR_TABLES = {"app_meta", "business_profile", "client"}
QUICK_CHECK_WHOLE_FILE_BYTES = 16 * 1024 * 1024


class DamagedDatabaseError(DatabaseError):
    """The file is an SQLite database of ours, but damaged; `newest_backup` may help."""

    def __init__(self, code: str, newest_backup: Path | None = None, **values: Any) -> None:
        super().__init__(code, **values)
        self.newest_backup = newest_backup


@dataclass(frozen=True)
class FileState:
    """What `inspect_file` found: a new name, or our file at `version`."""

    new: bool
    version: int = 0
    stamped: bool = True  # carries our application id already


def default_path(cli_path: str | os.PathLike | None = None) -> Path:
    """`--db PATH`, else $GOODBYE_DESKTOP_DB, else the platform's user data folder.

    An empty `--db ''` is refused rather than quietly meaning the default file.
    """
    if cli_path is not None:
        if not os.fspath(cli_path).strip():
            raise DatabaseError("db.empty_option")
        return Path(cli_path).expanduser()
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR]).expanduser()
    # Imported here: platformdirs is only needed when no path was given.
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / FILE_NAME


def _not_ours(path: Path, why: Words) -> DatabaseError:
    return DatabaseError("db.not_ours", path=path, why=why)


def _damaged(path: Path, what: Words) -> DamagedDatabaseError:
    from goodbye_desktop.store import backup

    newest = backup.newest_good_backup(path)
    offer = Words("db.restore_offer", backup=newest, path=path) if newest else ""
    return DamagedDatabaseError("db.damaged", newest, path=path, what=what, offer=offer)


def _journal_files(path: Path) -> dict[str, Path]:
    return {suffix: path.with_name(path.name + suffix) for suffix in ("-journal", "-wal")}


def _refuse_orphaned_journals(path: Path) -> None:
    """A missing database with a journal or WAL of its own left: never start afresh there."""
    for suffix, leftover in _journal_files(path).items():
        if leftover.exists() and leftover.stat().st_size > 0:
            raise DatabaseError("db.orphaned_journal", path=path, suffix=suffix,
                                leftover=leftover)


def inspect_file(path: Path) -> FileState:
    """What `path` holds, without writing to it (but for SQLite's own crash recovery).

    Raises DatabaseError (or SchemaTooNewError, DamagedDatabaseError) for everything
    that is not a new name or our own, healthy file.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        _refuse_orphaned_journals(path)
        return FileState(new=True)
    except OSError as exc:
        raise DatabaseError("db.cannot_open", path=path, reason=exc.strerror or str(exc)) from exc
    if stat.S_ISDIR(info.st_mode):
        raise DatabaseError("db.is_folder", path=path)
    if not stat.S_ISREG(info.st_mode):
        # Never opened: reading a named pipe would wait for a writer for ever.
        raise _not_ours(path, Words("db.why_device"))
    journal = _journal_files(path)["-journal"]
    cut_short = journal.exists() and journal.stat().st_size > 0
    if info.st_size and cut_short:
        # A crash in the middle of a write: SQLite puts the file back as it was before it.
        _roll_back(path)
        info = os.stat(path)
    if info.st_size == 0:
        wal = _journal_files(path)["-wal"]
        if (cut_short or journal.exists()) and not (wal.exists() and wal.stat().st_size):
            # A first start that was cut short: the journal belongs to an empty file.
            return FileState(new=True)
        raise _not_ours(path, Words("db.why_empty"))
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        raise DatabaseError("db.cannot_open", path=path, reason=exc.strerror or str(exc)) from exc
    if not header.startswith(_SQLITE_HEADER):
        raise _not_ours(path, Words("db.why_not_sqlite"))
    if len(header) < 100:
        raise _damaged(path, Words("db.damage_cut_short"))
    return _inspect_sqlite(path)


def _roll_back(path: Path) -> None:
    """Let SQLite roll back the journal a crash left beside `path` (a read does it)."""
    with contextlib.suppress(sqlite3.Error):
        conn = sqlite3.connect(f"{path.as_uri()}?mode=rw", uri=True, isolation_level=None)
        try:
            conn.execute("PRAGMA query_only = 1")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()


def is_ours(conn: sqlite3.Connection) -> bool:
    """True for a file of this program: our application id, or our tables and none set."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    if app_id == APPLICATION_ID:
        return True
    tables = {name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    return app_id == 0 and tables >= _OUR_TABLES


def _inspect_sqlite(path: Path) -> FileState:
    try:
        # Read-write, so that SQLite can roll back a journal a crash left behind; but
        # query_only, so that nothing else is ever written by this look.
        conn = sqlite3.connect(f"{path.as_uri()}?mode=rw", uri=True, isolation_level=None)
    except sqlite3.Error as exc:
        raise DatabaseError("db.cannot_open", path=path, reason=str(exc)) from exc
    try:
        conn.execute("PRAGMA query_only = 1")
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if not is_ours(conn):
            raise _not_ours(path, Words("db.why_other_program"))
        if version > migrations.LATEST_VERSION:
            raise SchemaTooNewError("db.too_new", path=path, app=APP_NAME, version=version,
                                    latest=migrations.LATEST_VERSION)
        problems = _quick_check(conn, path)
        if problems:
            raise _damaged(path, Words("db.damage_check", problem=problems[0]))
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise DatabaseError("db.busy", path=path) from exc
        raise DatabaseError("db.cannot_open", path=path, reason=str(exc)) from exc
    except sqlite3.DatabaseError as exc:
        # "file is not a database", "database disk image is malformed", ...
        raise _damaged(path, Words("db.damage_sqlite", sqlite=str(exc))) from exc
    finally:
        conn.close()
    return FileState(new=False, version=version, stamped=app_id == APPLICATION_ID)


def _quick_check(conn: sqlite3.Connection, path: Path) -> list[str]:
    """SQLite's quick check at open: whole for files up to 16 MB (a few thousand clients,
    well under a second); for bigger ones the file's length and the small tables, since
    the daily backup and `check` read every page anyway."""
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    wal = path.with_name(path.name + "-wal")
    size = path.stat().st_size
    if not (wal.exists() and wal.stat().st_size) and size < pages * page_size:
        return [f"the file is cut short: {size} of {pages * page_size} bytes"]
    if size <= QUICK_CHECK_WHOLE_FILE_BYTES:
        checks = ["PRAGMA quick_check(5)"]
    else:
        checks = [f"PRAGMA quick_check({table})" for table in
                  ("app_meta", "business_profile", "letter_template")]
    for check in checks:
        rows = [row[0] for row in conn.execute(check)]
        if rows != ["ok"]:
            return rows
    return []


def _create(path: Path) -> None:
    """Build a new, complete database under a temporary name, then rename it to `path`."""
    for stale in path.parent.glob(f".{glob_escape(path.name)}.*.creating*"):
        # Left by a first start that was stopped; never renamed in, so nothing of value.
        with contextlib.suppress(OSError):
            stale.unlink()
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.",
                                     suffix=".creating")
    os.close(fd)
    temp = Path(temp_name)
    safe_files.chmod_private(temp)
    try:
        conn = sqlite3.connect(temp, isolation_level=None)
        try:
            # A file nobody else knows about yet: no syncing step by step (the whole file is
            # synced once before it is renamed into place), the journal in memory.
            conn.execute("PRAGMA synchronous = off")
            conn.execute("PRAGMA journal_mode = memory")
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            migrations.migrate(conn)
            # Currency and paper from the system's locale (upkeep.insert_profile).
            upkeep.insert_profile(conn)
            conn.execute("PRAGMA journal_mode = wal")
        finally:
            conn.close()  # the last connection: the WAL is checkpointed and removed
        with open(temp, "rb+") as handle:
            os.fsync(handle.fileno())
        for leftover in _journal_files(path).values():
            # Only reached for an empty file whose journal a cut-short start left.
            leftover.unlink(missing_ok=True)
        os.replace(temp, path)
    except BaseException:
        for name in (temp, *(_journal_files(temp).values())):
            with contextlib.suppress(OSError):
                name.unlink()
        raise


def glob_escape(text: str) -> str:
    return "".join(f"[{ch}]" if ch in "*?[" else ch for ch in text)


def upgrade_copy_path(path: Path, version: int) -> Path:
    return path.with_name(f"{path.stem}.before-v{migrations.LATEST_VERSION}-from-v{version}"
                          f"{path.suffix or '.sqlite'}")


def backup_copy(path: Path, version: int) -> Path:
    """Copy the file aside before an upgrade, so an upgrade can always be undone."""
    from goodbye_desktop.store import backup

    target = upgrade_copy_path(path, version)
    try:
        backup.copy_file(path, target)
    except (OSError, sqlite3.Error) as exc:
        raise DatabaseError("db.upgrade_copy_failed", path=path, target=target,
                            reason=getattr(exc, "strerror", None) or str(exc)) from exc
    return target


def _tighten(path: Path) -> None:
    """Files of older versions were readable by everyone: make them the owner's alone."""
    for name in safe_files.store_files(path)[:3]:
        with contextlib.suppress(OSError):
            mode = stat.S_IMODE(os.stat(name).st_mode)
            if mode & 0o077:
                os.chmod(name, mode & 0o700)


def open_database(path: str | os.PathLike, *, daily_backup: bool = False) -> sqlite3.Connection:
    """Open (creating if needed) and upgrade the file at `path`; return its connection.

    An existing file is backed up before an upgrade and, with `daily_backup` (the
    window's start), when the last backup is over a day old.
    """
    if not os.fspath(path).strip():
        raise DatabaseError("db.empty_path")
    # Absolute, so the URIs and the backup names work for a relative --db too.
    path = Path(path).expanduser().absolute()
    try:
        safe_files.make_private_dir(path.parent)
    except OSError as exc:
        raise DatabaseError("db.cannot_make_folder", folder=path.parent,
                            reason=exc.strerror) from exc

    state = inspect_file(path)
    if state.new:
        try:
            _create(path)
        except (OSError, sqlite3.Error) as exc:
            raise DatabaseError("db.cannot_create", path=path,
                                reason=getattr(exc, "strerror", None) or str(exc)) from exc
    elif state.version < migrations.LATEST_VERSION:
        backup_copy(path, state.version)
        _backup_or_fail(path, "before-upgrade")
    elif daily_backup:
        _daily_backup(path)

    try:
        _tighten(path)
        conn = connection.open_connection(path)
        if not state.stamped:
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        migrations.migrate(conn)
        upkeep.ensure_profile()
        upkeep.refresh_revenue_window()
        upkeep.refresh_minutes_window()
    except sqlite3.DatabaseError as exc:
        connection.close_connection()
        raise DatabaseError("db.cannot_open", path=path, reason=str(exc)) from exc
    except DatabaseError:
        connection.close_connection()
        raise
    safe_files.protect_store(path)
    return conn


def _daily_backup(path: Path) -> None:
    from goodbye_desktop.store import backup

    if backup.daily_backup_due(path):
        _backup_or_fail(path, "daily")


def _backup_or_fail(path: Path, reason: str) -> None:
    from goodbye_desktop.store import backup

    try:
        backup.backup_file(path, reason=reason)
    except (OSError, sqlite3.Error) as exc:
        if reason == "daily":
            # A missed daily backup must not keep the owner from their records; the
            # next start tries again.
            return
        raise DatabaseError("db.upgrade_backup_failed", path=path,
                            reason=getattr(exc, "strerror", None) or str(exc)) from exc


def close_database() -> None:
    if connection.is_open():
        safe_files.unprotect_store(connection.current_path())
    connection.close_connection()
