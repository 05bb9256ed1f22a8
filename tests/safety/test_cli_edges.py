"""The command line's edges: Ctrl+C, control characters in names, SQLite's errors."""

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from safety_helpers import REPO

from goodbye_desktop.cli import main
from goodbye_desktop.store import records
from goodbye_desktop.store.database import close_database, open_database


@pytest.mark.skipif(os.name != "posix", reason="signals")
def test_ctrl_c_at_any_moment_ends_with_130_and_no_traceback(tmp_path: Path) -> None:
    rng = random.Random(130)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    statuses = []
    for attempt in range(8):
        db = tmp_path / f"shop{attempt}.sqlite"
        proc = subprocess.Popen([sys.executable, "-m", "goodbye_desktop", "--db", str(db),
                                 "demo"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                env=env)
        # A random moment: loading, opening, writing. (Python's own first milliseconds,
        # before any of the program runs, are out of its reach.)
        time.sleep(rng.uniform(0.25, 1.0))
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
        statuses.append(proc.returncode)
        # -2: stopped by the signal itself while Python was exiting, which the shell
        # reports as 130 too.
        assert proc.returncode in (130, -signal.SIGINT, 0), err
        assert b"Traceback" not in err, err.decode()
        if proc.returncode == 130 and db.exists():
            # Interrupted or not, the file is whole: it opens and passes the check.
            open_database(db)
            close_database()
    assert 130 in statuses


def test_names_cannot_send_control_characters_to_the_terminal(db_path: Path, capsys) -> None:
    records.create_client(name="Evil\x1b[2J\nCorp\u202eabc")
    close_database()
    assert main(["--db", str(db_path), "clients"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\u202e" not in out
    assert "Evil\\x1b[2J\\nCorp\\u202eabc" in out
    open_database(db_path)


def test_a_read_only_database_is_a_clear_error(tmp_path: Path, capsys) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes everywhere")
    db = tmp_path / "ro" / "shop.sqlite"
    open_database(db)
    close_database()
    db.chmod(0o400)
    db.parent.chmod(0o500)
    try:
        assert main(["--db", str(db), "demo"]) == 2
        err = capsys.readouterr().err
        assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    finally:
        db.parent.chmod(0o700)
        db.chmod(0o600)
