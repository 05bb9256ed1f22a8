"""One program at a time on a database file: `<database>.lock`, held by the kernel.

The window holds the lock while it is open; a restore takes it before replacing the
file. The lock is an advisory lock on an owner-only file (`flock` on POSIX, `msvcrt`
on Windows), which the system releases by itself when the process ends, however it
ends: a lock is never left behind by a crash, so there is nothing stale to take over.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from goodbye_desktop import safe_files


class StoreLock:
    """The lock on one database file. `acquire()` is True when this process holds it."""

    def __init__(self, db_path: str | os.PathLike) -> None:
        db = Path(db_path).absolute()
        self.path = db.with_name(db.name + ".lock")
        self._fd: int | None = None

    def acquire(self) -> bool:
        """Take the lock without waiting; False when another process holds it.

        OSError when no lock file can be made there (a read-only folder, say).
        """
        if self._fd is not None:
            return True
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, safe_files.FILE_MODE)
        try:
            if hasattr(os, "fchmod"):
                os.fchmod(fd, safe_files.FILE_MODE)
            if not _try_lock(fd):
                os.close(fd)
                return False
            # Who holds it, for a person looking at the folder.
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
        except BaseException:
            with contextlib.suppress(OSError):
                os.close(fd)
            raise
        self._fd = fd
        return True

    def is_locked(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        with contextlib.suppress(OSError):
            _unlock(fd)
        os.close(fd)

    def __enter__(self) -> StoreLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
