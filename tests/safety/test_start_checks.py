"""The checks after the window opens: the whole file's quick check and the day's backup,
off the GUI thread, told to the owner in the status bar or a dialog."""

import json
import os
import sqlite3
import subprocess
import sys
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from safety_helpers import fill

from goodbye_desktop import clock
from goodbye_desktop.app import QUIT_WHEN_SHOWN_ENV
from goodbye_desktop.store import backup, records, start_checks
from goodbye_desktop.store.database import close_database, open_database
from goodbye_desktop.store.start_checks import StartChecks, run_start_checks


def damage_deep_inside(path: Path) -> None:
    """Make the filled file at `path` too big for the whole check at open, and damage one
    of its tables' pages where opening never reads."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE padding (x BLOB)")
    conn.executemany("INSERT INTO padding VALUES (randomblob(4000))", [()] * 4500)
    conn.commit()
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'padding'").fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * 4096:(root - 1) * 4096 + 12] = b"\x07" * 12  # no such page type
    path.write_bytes(bytes(data))


def test_damage_the_open_did_not_read_is_found_and_not_backed_up(tmp_path: Path) -> None:
    path = tmp_path / "big.sqlite"
    fill(path, clients=10)
    damage_deep_inside(path)
    assert not start_checks.checked_whole_at_open(path)
    open_database(path)  # the part checked at open is sound
    try:
        found = run_start_checks(path, back_up=True)
    finally:
        close_database()
    assert found.problems and found.backed_up is None
    assert backup.list_backups(path) == []


def test_a_small_file_checked_whole_at_open_is_not_read_again(filled_db: Path) -> None:
    assert start_checks.checked_whole_at_open(filled_db)
    assert run_start_checks(filled_db, back_up=False) == StartChecks([])


def test_the_days_backup_is_made_on_a_thread_while_the_window_writes(filled_db: Path) -> None:
    open_database(filled_db)
    try:
        assert start_checks.backup_due(filled_db)
        results: list[StartChecks] = []
        worker = threading.Thread(target=lambda: results.append(
            run_start_checks(filled_db, back_up=True)))
        worker.start()
        added = [records.create_client(name=f"Łukasz {i}") for i in range(30)]
        worker.join()
        [done] = results
        assert done.problems == [] and done.backup_failed is None
        assert done.backed_up is not None and backup.problems_in(done.backed_up) == []
        assert [b.path for b in backup.list_backups(filled_db)] == [done.backed_up]
        assert all(records.get_client(cid)["name"].startswith("Łukasz") for cid in added)
        assert not start_checks.backup_due(filled_db)
        clock.advance(timedelta(hours=25))
        assert start_checks.backup_due(filled_db)
    finally:
        close_database()


def test_a_backup_that_cannot_be_written_is_told_not_raised(filled_db: Path) -> None:
    (filled_db.parent / "backups").write_text("a file where the folder would be")
    done = run_start_checks(filled_db, back_up=True)
    assert done.backed_up is None and done.backup_failed


def test_the_window_says_the_backup_is_saved(qtbot, filled_db: Path) -> None:
    from goodbye_desktop import app
    from goodbye_desktop.ui.start_checks import StartChecksRunner

    window = app.build_main_window(filled_db)
    qtbot.addWidget(window)
    window.show()
    runner = StartChecksRunner(filled_db, window)
    runner.finished.connect(window.show_start_checks)
    with qtbot.waitSignal(runner.finished, timeout=20_000):
        runner.start()
    runner.wait()
    [made] = backup.list_backups(filled_db)
    assert made.path.name in window.statusBar().currentMessage()


def test_the_window_offers_the_newest_backup_for_damage(qtbot, tmp_path: Path) -> None:
    from goodbye_desktop import app
    from goodbye_desktop.ui import alerts

    path = tmp_path / "big.sqlite"
    fill(path, clients=10)
    good = backup.backup_file(path, reason="manual")
    damage_deep_inside(path)
    window = app.build_main_window(path)
    qtbot.addWidget(window)
    found = run_start_checks(path, back_up=False)
    with alerts.intercept(answer=True) as seen:
        window.show_start_checks(found)
    assert [a.kind for a in seen] == ["question", "info"]  # offered, then restored
    assert "damage" in seen[0].text and good.name in seen[0].text
    # The window works on the good copy now: sound, without the damaged table.
    assert backup.problems_in(path) == []
    assert run_start_checks(path, back_up=False).problems == []


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX process start")
def test_the_real_command_backs_up_after_the_window_shows(filled_db: Path,
                                                         tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "cfg"),
               **{QUIT_WHEN_SHOWN_ENV: "started"})
    done = subprocess.run([sys.executable, "-m", "goodbye_desktop", "--db", str(filled_db)],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    report = json.loads(next(line for line in done.stdout.splitlines()
                             if line.startswith("{")))
    # Not made before the window painted: the start waits for no backup.
    assert "goodbye_desktop.store.backup" not in report["modules"]
    # Made after it, and finished before the program ended.
    [made] = backup.list_backups(filled_db)
    assert made.reason == "daily" and backup.problems_in(made.path) == []


def test_damage_found_while_a_dialog_is_open_is_told_once_it_closes(qtbot,
                                                                    tmp_path: Path) -> None:
    from PySide6.QtWidgets import QDialog

    from goodbye_desktop import app
    from goodbye_desktop.ui import alerts

    path = tmp_path / "big.sqlite"
    fill(path, clients=10)
    backup.backup_file(path, reason="manual")
    damage_deep_inside(path)
    window = app.build_main_window(path)
    qtbot.addWidget(window)
    window.show()
    found = run_start_checks(path, back_up=False)
    form = QDialog(window)
    form.setModal(True)
    form.open()  # the owner is typing in a form
    qtbot.waitUntil(lambda: form.isVisible())
    with alerts.intercept(answer=False) as seen:
        window.show_start_checks(found)
        assert seen == []  # no restore offered over the open form
        form.done(0)
        qtbot.waitUntil(lambda: len(seen) == 1, timeout=5000)
    assert seen[0].kind == "question" and "damage" in seen[0].text
