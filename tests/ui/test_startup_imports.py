"""The window opens on plain SQL: the ORM, the letters and the dialogs load only when used.

Two starts are checked, each in a fresh process: `app.build_main_window` shown (what the
tests and the in-process benchmark use), and the real command, `python -m goodbye_desktop
--db FILE`, which quits once its window has first painted ($GOODBYE_DESKTOP_QUIT_WHEN_SHOWN,
the hook of benchmarks/bench_startup.py) and lists the modules loaded by then.
"""

import json
import os
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from goodbye_desktop.app import QUIT_WHEN_SHOWN_ENV
from goodbye_desktop.store import records
from goodbye_desktop.store.database import close_database, open_database

PROGRAM = """
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
qapp = QApplication(sys.argv[:1])
from goodbye_desktop import app
window = app.build_main_window(Path(sys.argv[1]))
window.show()
qapp.processEvents()
print(json.dumps({"rows": window.client_list.model.rowCount(),
                  "loaded": sorted(m for m in ("peewee", "reportlab") if m in sys.modules)}))
"""

# Modules the first screen must not need: the ORM and what is built on it, ReportLab and
# the letters, the dialogs, the wizard, the command line's commands.
HEAVY = ("peewee", "reportlab", "goodbye_desktop.store.models",
         "goodbye_desktop.store.records", "goodbye_desktop.store.demo",
         "goodbye_desktop.documents", "goodbye_desktop.correspondence",
         "goodbye_desktop.commands", "goodbye_desktop.ui.dialogs",
         "goodbye_desktop.ui.departure", "goodbye_desktop.ui.departure_wizard",
         "goodbye_desktop.ui.detail")


def heavy_among(modules: list[str]) -> list[str]:
    return sorted(m for m in modules
                  if any(m == heavy or m.startswith(heavy + ".") for heavy in HEAVY))


@pytest.fixture
def db_with_a_client(tmp_path: Path) -> Path:
    path = tmp_path / "start.sqlite"
    open_database(path)
    client = records.create_client(name="Renée & <Sons>", started_on=date(2020, 1, 1))
    records.add_interaction(client, datetime(2020, 2, 1, 10, 0), "call")
    close_database()
    return path


def _env(tmp_path: Path) -> dict[str, str]:
    # A settings folder of its own: the owner's saved window plays no part.
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "cfg"))


def test_the_window_opens_without_the_orm(db_with_a_client: Path, tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-c", PROGRAM, str(db_with_a_client)],
                            env=_env(tmp_path), check=True, capture_output=True, text=True,
                            timeout=120)
    shown = json.loads(result.stdout.strip().splitlines()[-1])
    assert shown == {"rows": 1, "loaded": []}


def test_the_real_command_shows_the_window_without_the_heavy_modules(
        db_with_a_client: Path, tmp_path: Path) -> None:
    env = dict(_env(tmp_path), **{QUIT_WHEN_SHOWN_ENV: "started"})
    result = subprocess.run([sys.executable, "-m", "goodbye_desktop", "--db",
                             str(db_with_a_client)], env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    report = json.loads(next(line for line in result.stdout.splitlines()
                             if line.startswith("{")))
    assert report["rows"] == 1
    assert report["shown_s"] is None  # "started" is no clock reading: no time is claimed
    modules = report["modules"]
    assert "goodbye_desktop.ui.main_window" in modules  # the report is the window's
    assert heavy_among(modules) == []
    # The warning signs are read just after the first paint, not before it.
    assert "goodbye_desktop.core.signs" not in modules
    # Garbage collection, off while the window starts, is back on once it has painted.
    assert report["collecting"] is True


def test_the_check_names_what_it_forbids() -> None:
    assert heavy_among(["peewee", "goodbye_desktop.ui.dialogs.client_form", "goodbye_desktop.ui",
                        "reportlab.platypus", "goodbye_desktop.store.queries",
                        "goodbye_desktop.ui.detail_panel"]) == [
        "goodbye_desktop.ui.dialogs.client_form", "peewee", "reportlab.platypus"]
