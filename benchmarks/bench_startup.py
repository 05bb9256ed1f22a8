"""Benchmark the start-up a user sees: the real `goodbye-desktop --db FILE`, process start
to the window painted with the list filled, beside a bare QMainWindow started the same way.

    python benchmarks/bench_startup.py --db benchmarks/data/100k.sqlite [--runs 15]

Each run is a fresh process. The app runs as the installed `goodbye-desktop` entry point
(or `python -m goodbye_desktop` with `--module`, or when no entry point is installed) with
$GOODBYE_DESKTOP_QUIT_WHEN_SHOWN set to this script's `time.monotonic()` at spawn: the app
quits once its main window has first painted and prints the time since then
(goodbye_desktop/ui/first_paint.py). The floor is a `python -c` process that shows a bare
QMainWindow and quits the same way, through the same hook. The two alternate, so a busy
machine slows both alike; one of each is run first to warm the disk cache and write the
byte-code caches (in a temporary folder), as an installed program has them.

Two more processes, for reference only, written in plain PySide6 and sqlite3 with none of
the app's code: a window of the app's shape (LOOKALIKE_WINDOW), and a window holding only
a table over the same clients (TABLE_ONLY_WINDOW). They show what PySide6 itself costs
beyond the bare window, the part of the ratio no app code can remove: the second is the
least any window that lists the clients can cost.

Three figures for each: the time to the painted window (the target: the app's median at
most 1.5x the floor's), the whole process from spawn to exit, and its CPU time (user and
system, steadier than wall time when the machine is shared). Prints a table and writes
benchmarks/results/startup-<clients>.json; the exit status is 1 when the target is missed.
Qt runs offscreen unless QT_QPA_PLATFORM says otherwise; QSettings go to a temporary
folder, so the owner's saved window size plays no part.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"
TARGET_RATIO = 1.5
HOOK_ENV = "GOODBYE_DESKTOP_QUIT_WHEN_SHOWN"

# The floor: the least a Qt window costs, through the same quit-when-painted hook.
BARE_WINDOW = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1200, 760)
window.show()
import os
from goodbye_desktop.ui.first_paint import quit_when_painted
quit_when_painted(window, os.environ["GOODBYE_DESKTOP_QUIT_WHEN_SHOWN"])
sys.exit(app.exec())
"""


# The reference windows' common start: the count of current clients and their first page,
# read with sqlite3, and a table model over them.
_CLIENTS_MODEL = """
import sqlite3, sys
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication(sys.argv[:1])
db = sqlite3.connect(sys.argv[1])
count = db.execute("SELECT count(*) FROM client WHERE archived = 0").fetchone()[0]
page = db.execute("SELECT name, status, revenue_12m_cents, started_on, last_contact_at "
                  "FROM client WHERE archived = 0 ORDER BY sort_name, id LIMIT 100").fetchall()
class Model(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()): return 0 if parent.isValid() else count
    def columnCount(self, parent=QModelIndex()): return 0 if parent.isValid() else 6
    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return ("Name", "Status", "Revenue", "Tenure", "Last contact", "Signs")[section]
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and index.row() < len(page) and index.column() < 5:
            value = page[index.row()][index.column()]
            return "" if value is None else str(value)
"""
# ... and their common end: shown, and quit once painted, through the app's hook.
_SHOW_AND_QUIT = """
window.resize(1200, 760)
window.show()
import os
from goodbye_desktop.ui.first_paint import quit_when_painted
quit_when_painted(window, os.environ["GOODBYE_DESKTOP_QUIT_WHEN_SHOWN"], rows=lambda: count)
sys.exit(app.exec())
"""

# For reference, not the target: a window of the app's shape in plain PySide6 and sqlite3,
# with none of the app's code: the menus and toolbar, the tab bar over the pages, the list
# pane (search, filter, a table over every client, its first page read), the detail's
# tabs, the status bar. What PySide6 costs for such a window, beyond the bare one.
LOOKALIKE_WINDOW = _CLIENTS_MODEL + """
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QSplitter, QStackedWidget, QTabBar, QTabWidget,
    QVBoxLayout, QWidget)
window = QMainWindow()
for menu_name in ("&File", "&Edit", "&Client", "&Letters", "&View", "&Settings", "&Help"):
    menu = window.menuBar().addMenu(menu_name)
    for n in range(6):
        action = QAction(f"{menu_name} action {n}", window)
        action.setShortcut(QKeySequence(f"Ctrl+Shift+{n}"))
        menu.addAction(action)
toolbar = window.addToolBar("Main")
for n in range(8):
    toolbar.addAction(QAction(f"Tool {n}", window))
central = QWidget()
outer = QVBoxLayout(central)
tabs = QTabBar()
for name in ("Clients", "At risk", "Due", "Dashboard", "Departed"):
    tabs.addTab(name)
outer.addWidget(tabs)
pages = QStackedWidget()
outer.addWidget(pages, 1)
splitter = QSplitter()
pane = QWidget()
column = QVBoxLayout(pane)
filters = QHBoxLayout()
filters.addWidget(QLabel("&Search:"))
filters.addWidget(QLineEdit(), 1)
status = QComboBox()
status.addItems(["All current", "Active", "Departing", "Departed", "Prospects", "At risk"])
filters.addWidget(status)
filters.addWidget(QCheckBox("Show &archived"))
column.addLayout(filters)
table = QTableView()
table.setModel(Model())
table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
table.verticalHeader().hide()
column.addWidget(table, 1)
splitter.addWidget(pane)
detail = QTabWidget()
for name in ("Overview", "Contacts", "Timeline", "Promises", "Departure"):
    page_widget = QWidget()
    QVBoxLayout(page_widget).addWidget(QLabel(name))
    detail.addTab(page_widget, name)
splitter.addWidget(detail)
pages.addWidget(splitter)
window.setCentralWidget(central)
window.statusBar().addPermanentWidget(QLabel(f"{count} clients"))
""" + _SHOW_AND_QUIT

# For reference, not the target: the least a window listing the clients can be, the table
# alone. The Qt namespace (the item roles) and the rows' text are what it costs beyond the
# bare window.
TABLE_ONLY_WINDOW = _CLIENTS_MODEL + """
window = QMainWindow()
table = QTableView()
table.setModel(Model())
window.setCentralWidget(table)
""" + _SHOW_AND_QUIT


def app_command(db: Path, *, module: bool) -> list[str]:
    """The command a user runs: the entry point beside this Python, else `-m`."""
    entry = Path(sys.executable).with_name("goodbye-desktop")
    if not module and entry.exists():
        return [str(entry), "--db", str(db)]
    found = shutil.which("goodbye-desktop")
    if not module and found:
        return [found, "--db", str(db)]
    return [sys.executable, "-m", "goodbye_desktop", "--db", str(db)]


def bare_command() -> list[str]:
    return [sys.executable, "-c", BARE_WINDOW]


def lookalike_command(db: Path) -> list[str]:
    return [sys.executable, "-c", LOOKALIKE_WINDOW, str(db)]


def table_only_command(db: Path) -> list[str]:
    return [sys.executable, "-c", TABLE_ONLY_WINDOW, str(db)]


def _cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_once(command: list[str], env: dict[str, str]) -> dict:
    """One fresh process: seconds to the painted window, to exit, and CPU seconds."""
    cpu_before = _cpu_of_children()
    started = time.monotonic()
    done = subprocess.run(command, capture_output=True, text=True, timeout=300,
                          env={**env, HOOK_ENV: repr(started)})
    exited = time.monotonic() - started
    cpu = _cpu_of_children() - cpu_before
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr}")
    reports = [line for line in done.stdout.splitlines() if line.startswith('{"shown_s"')]
    if not reports:
        raise SystemExit(f"{' '.join(command)} printed no start-up time:\n{done.stdout}"
                         f"\n{done.stderr}")
    report = json.loads(reports[-1])
    return {"shown_s": report["shown_s"], "exit_s": exited, "cpu_s": cpu,
            "rows": report["rows"]}


def summary(samples: list[float]) -> dict:
    ordered = sorted(samples)
    p95 = (statistics.quantiles(ordered, n=20, method="inclusive")[-1]
           if len(ordered) > 1 else ordered[0])
    return {"median": statistics.median(ordered), "p95": p95, "min": ordered[0],
            "max": ordered[-1], "runs": len(ordered)}


def bench(db: Path, runs: int, *, module: bool) -> dict:
    app, bare = app_command(db, module=module), bare_command()
    lookalike, table_only = lookalike_command(db), table_only_command(db)
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as config:
        env = dict(os.environ)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        env["XDG_CONFIG_HOME"] = config
        # Byte-code caches as an installed program has them (the warm-up runs write them),
        # kept in the temporary folder rather than beside the sources.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(Path(config) / "pycache")
        run_once(bare, env)  # warm the disk cache for both
        run_once(app, env)
        run_once(lookalike, env)
        run_once(table_only, env)
        app_runs, bare_runs, lookalike_runs, table_runs = [], [], [], []
        for _ in range(runs):
            bare_runs.append(run_once(bare, env))
            app_runs.append(run_once(app, env))
            lookalike_runs.append(run_once(lookalike, env))
            table_runs.append(run_once(table_only, env))
    figures = {}
    for key in ("shown_s", "exit_s", "cpu_s"):
        a = summary([r[key] for r in app_runs])
        b = summary([r[key] for r in bare_runs])
        look = summary([r[key] for r in lookalike_runs])
        table = summary([r[key] for r in table_runs])
        figures[key] = {"app": a, "bare": b, "ratio": a["median"] / b["median"],
                        "lookalike": look, "lookalike_ratio": look["median"] / b["median"],
                        "table_only": table, "table_only_ratio": table["median"] / b["median"]}
    return {"command": app, "figures": figures, "rows_shown": app_runs[-1]["rows"],
            "runs": {"app": app_runs, "bare": bare_runs, "lookalike": lookalike_runs,
                     "table_only": table_runs}}


def _client_count(db: Path) -> int:
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM client").fetchone()[0]
    finally:
        conn.close()


def report(result: dict) -> str:
    names = {"shown_s": "process start to painted window", "exit_s": "process start to exit",
             "cpu_s": "CPU time of the process"}
    header = ("measure", "app median", "app p95", "bare median", "bare p95", "ratio",
              "look-alike", "its ratio", "table only", "its ratio")
    table = [header]
    for key, name in names.items():
        f = result["figures"][key]
        table.append((name, f"{f['app']['median']:.3f} s", f"{f['app']['p95']:.3f} s",
                      f"{f['bare']['median']:.3f} s", f"{f['bare']['p95']:.3f} s",
                      f"{f['ratio']:.2f}x", f"{f['lookalike']['median']:.3f} s",
                      f"{f['lookalike_ratio']:.2f}x", f"{f['table_only']['median']:.3f} s",
                      f"{f['table_only_ratio']:.2f}x"))
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i])
                       for i, cell in enumerate(row)) for row in table]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True, help="a database from generate.py")
    parser.add_argument("--runs", type=int, default=15, help="runs of each kind (at least 11)")
    parser.add_argument("--module", action="store_true",
                        help="start the app as `python -m goodbye_desktop`")
    parser.add_argument("--name", default=None,
                        help="results file name (default: startup-<clients>)")
    args = parser.parse_args(argv)
    if not args.db.exists():
        print(f"bench: {args.db} does not exist; make it with benchmarks/generate.py",
              file=sys.stderr)
        return 2
    if args.runs < 11:
        parser.error("--runs must be at least 11")
    db = args.db.resolve()
    clients = _client_count(db)
    result = bench(db, args.runs, module=args.module)
    shown = result["figures"]["shown_s"]
    result.update({
        "name": args.name or f"startup-{clients}",
        "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "db": str(db), "clients": clients,
        "versions": {"python": platform.python_version(), "machine": platform.platform(),
                     "cpus": str(os.cpu_count()),
                     "qpa": os.environ.get("QT_QPA_PLATFORM", "offscreen")},
        "target": {"ratio": TARGET_RATIO, "value": shown["ratio"],
                   "met": shown["ratio"] <= TARGET_RATIO},
    })
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"{result['name']}.json"
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{clients:,} clients, {result['rows_shown']:,} rows shown; "
          f"{args.runs} runs of each, alternating; command: {' '.join(result['command'])}")
    print(report(result))
    print(f"target: the painted window at most {TARGET_RATIO:g}x the bare window's median: "
          f"{'met' if result['target']['met'] else 'NOT met'} ({shown['ratio']:.2f}x)")
    print(f"written to {out}")
    return 0 if result["target"]["met"] else 1


if __name__ == "__main__":
    sys.exit(main())
