"""Opening the SQLite file: where it lives, pragmas, the lock, the version check.

`open_database` is called once at start (and by each test with its own file). It
refuses a file written by a newer program without writing a byte to it, copies
an older file aside before upgrading it, and makes the file the store's connection
(the models bind to it when they are first used). No ORM is imported here, so the
window can open on plain SQL.
"""

import os
import sqlite3
from pathlib import Path

from goodbye_desktop import APP_NAME
from goodbye_desktop.errors import DatabaseError, SchemaTooNewError
from goodbye_desktop.store import connection, migrations, upkeep

ENV_VAR = "GOODBYE_DESKTOP_DB"
FILE_NAME = "goodbye-desktop.sqlite"
_SQLITE_HEADER = b"SQLite format 3\x00"

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


def open_database(path: str | os.PathLike) -> sqlite3.Connection:
    """Open (creating if needed) and upgrade the file at `path`; return its connection."""
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

    try:
        conn = connection.open_connection(path)
        migrations.migrate(conn)
        upkeep.ensure_profile()
        upkeep.refresh_revenue_window()
    except sqlite3.DatabaseError as exc:
        connection.close_connection()
        raise DatabaseError(f"{path} cannot be opened: {exc}.") from exc
    except DatabaseError:
        connection.close_connection()
        raise
    return conn


def close_database() -> None:
    connection.close_connection()
