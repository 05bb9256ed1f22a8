"""`check`: SQLite's full integrity check and the app's own consistency checks.

Besides SQLite's view of the pages, the records must agree with themselves: rows that
point at a client or departure that is gone (orphans), and the client's derived columns
(search and sort text, last contact, revenue and minutes of the last 12 months) that must
equal what the records give. Read-only: the file is checked as it is, damaged or not.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from goodbye_desktop.store.folding import fold


@dataclass
class CheckReport:
    """What `check_file` found: `problems` empty means the file is sound."""

    path: Path
    clients: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_file(path: Path) -> CheckReport:
    """Check the database at `path` without writing to it."""
    from goodbye_desktop.store.database import is_ours

    report = CheckReport(Path(path))
    try:
        conn = sqlite3.connect(f"{Path(path).absolute().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        report.problems.append(f"SQLite cannot open the file: {exc}")
        return report
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check(50)")]
        if rows != ["ok"]:
            report.problems.extend(f"SQLite: {row}" for row in rows)
            return report
        if not is_ours(conn):
            report.problems.append("not a Goodbye Desktop database")
            return report
        report.clients = conn.execute("SELECT count(*) FROM client").fetchone()[0]
        orphans: dict[tuple[str, str], int] = {}
        for table, _rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check"):
            orphans[(table, parent)] = orphans.get((table, parent), 0) + 1
        for (table, parent), count in orphans.items():
            report.problems.append(f"{count} {table} row(s) point at a missing {parent}")
        _derived(conn, report)
    except sqlite3.Error as exc:
        report.problems.append(f"SQLite: {exc}")
    finally:
        conn.close()
    return report


def _derived(conn: sqlite3.Connection, report: CheckReport) -> None:
    from goodbye_desktop import clock
    from goodbye_desktop.core.windows import last_12_months
    from goodbye_desktop.store.upkeep import stored_minutes_window

    stored = conn.execute(
        "SELECT value FROM app_meta WHERE key = 'revenue_window'").fetchone()
    window = last_12_months(clock.today())
    checks = [
        ("last contact", "SELECT c.id, c.name FROM client c WHERE c.last_contact_at IS NOT "
         "(SELECT MAX(occurred_at) FROM interaction i WHERE i.client_id = c.id)", ()),
    ]
    if stored and stored[0] == window.first_month.isoformat():
        # (A file not opened since the month turned is moved on at its next open.)
        checks.append((
            "revenue of the last 12 months",
            "SELECT c.id, c.name FROM client c WHERE c.revenue_12m_cents != COALESCE((SELECT "
            "SUM(amount_cents) FROM revenue r WHERE r.client_id = c.id AND r.month "
            "BETWEEN ? AND ?), 0)",
            (window.first_month.isoformat(), window.last_month.isoformat())))
    minutes = stored_minutes_window(conn)
    if minutes is not None:
        # The window the column counts, whichever day it was: the triggers keep that one.
        checks.append((
            "minutes of the last 12 months",
            "SELECT c.id, c.name FROM client c WHERE c.minutes_12m != COALESCE((SELECT "
            "SUM(minutes) FROM interaction i WHERE i.client_id = c.id AND i.occurred_at >= ? "
            "AND i.occurred_at < ?), 0)", minutes))
    for what, sql, params in checks:
        wrong = conn.execute(sql, params).fetchall()
        if wrong:
            names = ", ".join(name for _id, name in wrong[:5])
            report.problems.append(f"{len(wrong)} client(s) with a wrong {what}: {names}")
    wrong_sort = [name for name, sort_name in
                  conn.execute("SELECT name, sort_name FROM client") if fold(name) != sort_name]
    if wrong_sort:
        report.problems.append(f"{len(wrong_sort)} client(s) with a wrong sort name: "
                               + ", ".join(wrong_sort[:5]))
