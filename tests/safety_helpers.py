"""Helpers for the data-safety tests (tests/safety): a real database with records, the CLI
as a separate process."""

import os
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

from goodbye_desktop.store import records
from goodbye_desktop.store.database import close_database, open_database

REPO = Path(__file__).resolve().parents[2]
NAMES = ("Renée & <Sons>", "Łukasz Nowak", "山田デザイン事務所", "مكتبة محمد", "अनीता शर्मा",
         "Zoë's Café", "Harbour Lane Ltd", "Ελένη Αντωνίου")


def fill(path: Path, clients: int = 40) -> None:
    """Open `path` (creating it) and add `clients` clients with contacts, interactions,
    revenue; closed afterwards."""
    open_database(path)
    try:
        for i in range(clients):
            cid = records.create_client(name=f"{NAMES[i % len(NAMES)]} {i}",
                                        started_on=date(2024, 1, 1), tags="print, web")
            records.save_contact(cid, name=f"Contact {i}", email=f"c{i}@example.com",
                                 primary=True)
            records.add_interaction(cid, datetime(2025, 3, 1 + i % 28, 10), "call",
                                    minutes=30, summary="Catch-up " * 20)
            records.set_revenue(cid, date(2025, 3, 1), 12345 + i)
    finally:
        close_database()


def run_cli(*args: str, timeout: float = 60, **kwargs) -> subprocess.CompletedProcess:
    """The program as a separate process, as a user runs it."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("QT_QPA_PLATFORM", None)
    return subprocess.run([sys.executable, "-m", "goodbye_desktop", *args],
                          capture_output=True, timeout=timeout, env=env, **kwargs)


def one_line_error(done: subprocess.CompletedProcess) -> str:
    """The single stderr line of a refused command (exit status 2), checked as such."""
    err = done.stderr.decode()
    assert done.returncode == 2, err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("goodbye-desktop: "), err
    return lines[0]
