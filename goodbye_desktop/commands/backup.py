"""`backup [DEST]`, `backups` and `restore FILE`: the database's backups from the command line.

`backup` copies the open database with SQLite's online backup API into the `backups`
folder beside it (or to DEST, a file or a folder such as a USB stick), checked after
writing. `backups` lists what is kept there. `restore` takes the lock (so never under a
window that has the file open), backs up the current file, and puts the backup in place
in one step.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from goodbye_desktop.commands.terminal import write_json


def register(subparsers: argparse._SubParsersAction) -> None:
    backup = subparsers.add_parser(
        "backup", help="back up the database now",
        description="Back up the database now, into the backups folder beside it, or to "
        "DEST (a file name, or a folder such as a USB stick). The copy is checked after "
        "writing.")
    backup.add_argument("dest", nargs="?", metavar="DEST",
                        help="where to write the backup (default: the backups folder)")
    backup.set_defaults(run=run_backup)

    listing = subparsers.add_parser(
        "backups", help="list the backups kept beside the database",
        description="List the backups in the backups folder beside the database, newest "
        "first: when, why, size and number of clients.")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    listing.set_defaults(run=run_backups, opens_store=False)

    restore = subparsers.add_parser(
        "restore", help="replace the database by a backup",
        description="Replace the database by the backup FILE. The current file is backed up "
        "first, the backup is checked, and it is put in place in one step. Refused while "
        "the window has the database open.")
    restore.add_argument("file", type=Path, metavar="FILE", help="the backup to restore")
    restore.set_defaults(run=run_restore, opens_store=False)


def _size(size: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return str(size)


def run_backup(args: argparse.Namespace) -> int:
    from goodbye_desktop.store.backup import make_backup

    written = make_backup("manual", args.dest)
    print(f"Backed up to {written} ({_size(written.stat().st_size)}).")
    return 0


def run_backups(args: argparse.Namespace) -> int:

    from goodbye_desktop.store.backup import list_backups

    found = list_backups(args.db_path)
    if args.json:
        write_json([{"path": str(b.path), "taken_at": b.taken_at.isoformat(),
                     "reason": b.reason, "size": b.size, "clients": b.clients}
                    for b in found])
        return 0
    if not found:
        print(f"No backups yet beside {args.db_path}.")
        return 0
    for b in found:
        clients = "unreadable" if b.clients is None else f"{b.clients} clients"
        print(f"{b.taken_at:%Y-%m-%d %H:%M}  {b.reason:<15} {_size(b.size):>10}  "
              f"{clients:>12}  {b.path}")
    print(f"{len(found)} backup{'s' if len(found) != 1 else ''}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from goodbye_desktop.errors import DatabaseError
    from goodbye_desktop.store.backup import restore
    from goodbye_desktop.store.database import close_database, open_database
    from goodbye_desktop.store.lock import StoreLock

    lock = StoreLock(args.db_path)
    try:
        held = lock.acquire()
    except OSError as exc:
        raise DatabaseError("backup.cannot_lock", path=args.db_path,
                            reason=exc.strerror or str(exc)) from exc
    if not held:
        raise DatabaseError("backup.store_open", path=args.db_path)
    try:
        kept = restore(args.file, args.db_path)
        open_database(args.db_path)  # upgrades a backup of an older version, and proves it opens
        from goodbye_desktop.store.connection import current

        clients = current().execute("SELECT count(*) FROM client").fetchone()[0]
        close_database()
    finally:
        lock.release()
    where = f"; the file it replaced is kept as {kept}" if kept else ""
    print(f"Restored {args.db_path} from {args.file} ({clients} clients){where}.")
    return 0
