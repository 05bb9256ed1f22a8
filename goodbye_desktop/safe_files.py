"""Writing files safely: private, whole or not at all, never over the store, with safe names.

Every file the app writes (letters, batches, CSV and vCard exports, backups, calendars,
reports) goes through `write_atomic` or `atomic_file`: the bytes go to a temporary file
in the destination's own folder, are flushed to the disk, made readable by the owner
only (0600) and renamed into place. A crash or a full disk leaves the previous file as
it was and never half a new one. Folders the app makes are 0700 (`make_private_dir`).

`check_output_path` refuses a destination that is the open database, its `-wal`,
`-shm`, `-journal` or `.lock`, or anything inside its `backups` folder: the store
registers those with `protect_store` when it opens a file. `safe_file_name` turns a
client's name into a file name any common file system accepts, within 255 bytes.

Plain Python: this module imports nothing of the app but its errors, so every room
(store, documents, exchange, ui, commands) may use it.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from goodbye_desktop.errors import GoodbyeError

FILE_MODE = 0o600
DIR_MODE = 0o700
MAX_NAME_BYTES = 255
# What SQLite and the app keep beside the database file.
STORE_SUFFIXES = ("", "-wal", "-shm", "-journal", ".lock")
BACKUPS_FOLDER = "backups"

# Bidirectional controls: they can make "invoice‮fdp.exe" read as "invoiceexe.pdf".
_BIDI = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Characters no common file system accepts in a name.
_FORBIDDEN = set('<>:"/\\|?*')
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                     *(f"LPT{i}" for i in range(1, 10))}

_protected: dict[Path, Path] = {}  # database file -> its backups folder


class OutputPathError(GoodbyeError):
    """A destination the app must not write to (the database itself, its backups...)."""


def _real(path: str | os.PathLike) -> Path:
    """The absolute path with links and `..` resolved (the file need not exist)."""
    return Path(os.path.realpath(os.path.abspath(os.fspath(path))))


def store_files(db_path: str | os.PathLike) -> list[Path]:
    """The database and every file SQLite or the app keeps beside it."""
    db = _real(db_path)
    return [db.with_name(db.name + suffix) for suffix in STORE_SUFFIXES]


def backups_folder(db_path: str | os.PathLike) -> Path:
    """The `backups` folder beside the database."""
    return _real(db_path).parent / BACKUPS_FOLDER


def protect_store(db_path: str | os.PathLike) -> None:
    """From now on, refuse every output path that would land on this store."""
    _protected[_real(db_path)] = backups_folder(db_path)


def unprotect_store(db_path: str | os.PathLike) -> None:
    _protected.pop(_real(db_path), None)


def check_output_path(path: str | os.PathLike) -> Path:
    """`path` as given, or OutputPathError when writing there would damage a store."""
    target = _real(path)
    for db, backups in _protected.items():
        for kept in store_files(db):
            if target == kept or _same_file(target, kept):
                raise OutputPathError("output.is_database", path=path)
        if target == backups or backups in target.parents:
            raise OutputPathError("output.in_backups", path=path, backups=backups)
    if target.is_dir():
        raise OutputPathError("output.is_folder", path=path)
    return Path(path)


def _same_file(a: Path, b: Path) -> bool:
    """Hard links to the database are the database too."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def make_private_dir(path: str | os.PathLike) -> Path:
    """Create the folder (and missing parents) as 0700 whatever the umask; its Path.

    Folders that already exist keep their mode: they are the owner's to choose.
    """
    folder = Path(path)
    missing = []
    probe = folder
    while not probe.exists():
        missing.append(probe)
        if probe.parent == probe:
            break
        probe = probe.parent
    folder.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    for made in missing:
        with contextlib.suppress(OSError):
            os.chmod(made, DIR_MODE)
    return folder


def private_mode_like(source: str | os.PathLike) -> int:
    """The mode for a copy of `source`: owner-only, and no looser than the source itself."""
    try:
        return stat.S_IMODE(os.stat(source).st_mode) & FILE_MODE
    except OSError:
        return FILE_MODE


def create_private_file(path: str | os.PathLike, mode: int = FILE_MODE) -> bool:
    """Create an empty file with `mode` whatever the umask; False when it already exists."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    except FileExistsError:
        return False
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, mode)
    finally:
        os.close(fd)
    return True


def chmod_private(path: str | os.PathLike, mode: int = FILE_MODE) -> None:
    """Make an existing file owner-only; silently kept as is where that cannot be done."""
    with contextlib.suppress(OSError):
        os.chmod(path, mode)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no folder handles)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def atomic_file(path: str | os.PathLike, mode: str = "wb", *, file_mode: int = FILE_MODE,
                encoding: str | None = None, newline: str | None = None,
                check: bool = True) -> Iterator[IO]:
    """Write `path` whole or not at all: yields a file open on a temporary name beside it.

    On a clean exit the file is flushed, synced, set to `file_mode` and renamed over
    `path`; on an exception it is removed and `path` is left as it was. `check=False`
    skips the store guard (only the store's own backups use it).
    """
    if mode not in ("wb", "w"):
        raise ValueError("atomic_file writes new files only: mode 'wb' or 'w'")
    target = check_output_path(path) if check else Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    fd, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{_short(target.name)}.",
                                     suffix=".part")
    temp = Path(temp_name)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, file_mode)
        handle = os.fdopen(fd, mode, encoding=encoding if "b" not in mode else None,
                           newline=newline if "b" not in mode else None)
    except BaseException:
        os.close(fd)
        temp.unlink(missing_ok=True)
        raise
    try:
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _fsync_folder(folder)


def write_atomic(path: str | os.PathLike, data: bytes | str, *, file_mode: int = FILE_MODE,
                 encoding: str = "utf-8", check: bool = True) -> Path:
    """Write `data` to `path` whole or not at all, owner-only (see `atomic_file`)."""
    if isinstance(data, str):
        data = data.encode(encoding)
    with atomic_file(path, "wb", file_mode=file_mode, check=check) as handle:
        handle.write(data)
    return Path(path)


def write_atomic_or_fail(path: str | os.PathLike, data: bytes | str, what: str = "file"
                         ) -> Path:
    """`write_atomic`, with a failure of the disk (full, read-only, no such folder) worded;
    `what` is "file" or "letter" (`error_words.PHRASES["what"]`)."""
    try:
        return write_atomic(path, data)
    except OSError as exc:
        raise GoodbyeError("file.cannot_write_what", what=what, path=path,
                           reason=exc.strerror or str(exc)) from exc


def _short(name: str) -> str:
    """A temporary name's stem: short enough that `.<stem>.XXXXXXXX.part` fits 255 bytes."""
    return cut_to_bytes(name, 200)


def cut_to_bytes(text: str, limit: int) -> str:
    """`text` cut to at most `limit` UTF-8 bytes, on a character boundary (and not
    between a letter and its combining marks)."""
    encoded = text.encode("utf-8")
    if len(encoded) <= limit:
        return text
    cut = encoded[:limit].decode("utf-8", errors="ignore")
    while cut and unicodedata.combining(cut[-1]):
        cut = cut[:-1]
    return cut


def clean_text(text: str) -> str:
    """`text` without control, format-control and bidi characters (for names and terminals)."""
    return "".join(ch for ch in text
                   if ch not in _BIDI and unicodedata.category(ch) not in ("Cc", "Cs"))


def safe_file_name(text: str, suffix: str = "", fallback: str = "document") -> str:
    """A file name for `text` + `suffix` that any common file system accepts.

    Letters of every script are kept; control and bidi characters are removed, characters
    file systems refuse become `_`, runs of spaces become one, and the whole name
    (suffix included) is cut to 255 bytes on a character boundary.
    """
    # Line breaks and tabs separate words: they become spaces before controls go.
    spaced = "".join(" " if ch in "\n\r\t\v\f" else ch for ch in text)
    name = "".join("_" if ch in _FORBIDDEN else ch for ch in clean_text(spaced))
    # Zero-width and other invisible format characters other than ZWJ/ZWNJ (which
    # shape Indic and Persian words) would make two names look the same.
    name = "".join(ch for ch in name
                   if unicodedata.category(ch) != "Cf" or ch in "\u200c\u200d")
    name = " ".join(name.split()).strip(" .")
    if name.split(".")[0].upper() in _WINDOWS_RESERVED:
        name = "_" + name
    name = cut_to_bytes(name, MAX_NAME_BYTES - len(suffix.encode("utf-8"))).rstrip(" .")
    return (name or fallback) + suffix
