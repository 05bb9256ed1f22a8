"""Opening the SQLite file: where it lives, pragmas, the lock, the version check.

`open_database` is called once at start (and by each test with its own file). It
refuses a file written by a newer program without writing a byte to it, copies
an older file aside before upgrading it, and binds the models to the file.
"""

import os
import sqlite3
from datetime import date
from pathlib import Path

from peewee import SqliteDatabase

from goodbye_desktop import APP_NAME
from goodbye_desktop.errors import DatabaseError, SchemaTooNewError
from goodbye_desktop.store import migrations
from goodbye_desktop.store.models import BusinessProfile, database_proxy

ENV_VAR = "GOODBYE_DESKTOP_DB"
FILE_NAME = "goodbye-desktop.sqlite"
_SQLITE_HEADER = b"SQLite format 3\x00"

_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "normal",  # safe with WAL: a power cut loses at most the last commit
    "busy_timeout": 5000,
    "cache_size": -8000,  # 8 MB: enough for the hot indexes; a full scan must not bloat memory
}


def default_path(cli_path: str | os.PathLike | None = None) -> Path:
    """`--db PATH`, else $GOODBYE_DESKTOP_DB, else the platform's user data folder."""
    if cli_path:
        return Path(cli_path).expanduser()
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR]).expanduser()
    # Imported here: platformdirs is only needed when no path was given.
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / FILE_NAME


def _file_version(path: Path) -> int:
    """Read the schema version without changing the file (read-only, no WAL switch)."""
    with open(path, "rb") as handle:
        header = handle.read(16)
    if header and header != _SQLITE_HEADER:
        raise DatabaseError(f"{path} is not a Goodbye Desktop database (not an SQLite file).")
    if not header:
        return 0
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            return conn.execute("PRAGMA user_version").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{path} cannot be read: {exc}.") from exc


def backup_copy(path: Path, version: int) -> Path:
    """Copy the file aside before an upgrade, so an upgrade can always be undone."""
    target = path.with_name(f"{path.stem}.before-v{migrations.LATEST_VERSION}-from-v{version}"
                            f"{path.suffix or '.sqlite'}")
    source = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target


def open_database(path: str | os.PathLike, *, today: date | None = None) -> SqliteDatabase:
    """Open (creating if needed) and upgrade the file at `path`; bind the models to it."""
    # Absolute, so the read-only URI and the backup name work for a relative --db too.
    path = Path(path).expanduser().absolute()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(f"Cannot create the folder {path.parent}: {exc.strerror}.") from exc
    if path.is_dir():
        raise DatabaseError(f"{path} is a folder; give the path of a database file.")

    version = _file_version(path) if path.exists() else 0
    if version > migrations.LATEST_VERSION:
        raise SchemaTooNewError(
            f"{path} was written by a newer version of {APP_NAME} (schema {version}; this "
            f"program knows up to {migrations.LATEST_VERSION}). Please update the program; "
            "the file was not changed."
        )
    if 0 < version < migrations.LATEST_VERSION:
        backup_copy(path, version)

    db = SqliteDatabase(str(path), pragmas=_PRAGMAS, check_same_thread=False)
    try:
        db.connect()
        migrations.migrate(db.connection())
    except sqlite3.DatabaseError as exc:
        db.close()
        raise DatabaseError(f"{path} cannot be opened: {exc}.") from exc
    database_proxy.initialize(db)
    _ensure_profile()
    # Imported late: records imports this module's proxy through models.
    from goodbye_desktop.store.records import refresh_revenue_window

    refresh_revenue_window(today or date.today())
    return db


def close_database() -> None:
    db = database_proxy.obj
    if db is not None and not db.is_closed():
        db.close()


def _ensure_profile() -> None:
    if not BusinessProfile.select().where(BusinessProfile.id == 1).exists():
        BusinessProfile.insert(id=1).execute()

