"""Fixtures for the whole test suite: a real SQLite file per test, settings kept apart.

Every test gets QSettings redirected to a temporary folder (so no test reads or
writes the real user's window geometry), and tests that need the store ask for
`db_path`: a fresh database file in tmp_path, opened and closed around the test.
"""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from goodbye_desktop import APP_NAME, clock
from goodbye_desktop.store.database import close_database, open_database
from goodbye_desktop.ui.qtcompat import guard_singletons

# PySide6 6.12 on Python 3.11 loses references to None and True with every signal; without
# this guard a long test run aborts at exit (see goodbye_desktop/ui/qtcompat.py).
guard_singletons()

# Harmless notices of the headless "offscreen" platform, not of our code; every other Qt
# warning still fails the test (qt_log_level_fail = WARNING).
_QT_NOISE = (
    "This plugin does not support propagateSizeHints()",
)


# The moment every test runs at unless it asks for another: $GOODBYE_DESKTOP_TEST_NOW
# (ISO, e.g. 2028-02-29T23:59:30 or 2027-03-28T01:30Z; CI runs the suite at several such
# dates) or the wall clock when the session starts. No test may depend on which it is.
SESSION_NOW = clock._as_instant(os.environ.get("GOODBYE_DESKTOP_TEST_NOW") or clock.now())
# Programs the tests start as processes of their own run at that moment too (module-scoped
# fixtures start them before any test's own freeze).
os.environ[clock.ENV_VAR] = SESSION_NOW.isoformat()


def pytest_report_header(config: pytest.Config) -> str:
    return f"goodbye-desktop clock frozen at {SESSION_NOW.isoformat()} unless a test says"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        item.add_marker(pytest.mark.qt_log_ignore(*_QT_NOISE))


@pytest.fixture(autouse=True)
def frozen_clock(request: pytest.FixtureRequest,
                 monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test runs on a frozen clock: its `frozen_at` marker's moment, else SESSION_NOW.

    The program started as a process of its own (the command-line tests) gets the same
    moment through $GOODBYE_DESKTOP_CLOCK."""
    marker = request.node.get_closest_marker("frozen_at")
    clock.freeze(marker.args[0] if marker else SESSION_NOW)
    monkeypatch.setenv(clock.ENV_VAR, clock.now().isoformat())
    yield
    clock.unfreeze()


@pytest.fixture(autouse=True)
def program_locale_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    """A new database starts from the system's locale (currency, paper); in the tests it
    starts from the program's own defaults (en_GB, EUR) whatever the machine says."""
    for variable in ("LC_ALL", "LC_MONETARY", "LC_PAPER"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture(autouse=True)
def settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Point QSettings at a fresh folder for each test; yield that folder."""
    folder = tmp_path_factory.mktemp("settings")
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder / scope.name))
    yield folder


@pytest.fixture
def db_path(tmp_path: Path) -> Iterator[Path]:
    """A new, empty database file in tmp_path, opened for the test and closed after."""
    path = tmp_path / "test.sqlite"
    open_database(path)
    yield path
    close_database()
