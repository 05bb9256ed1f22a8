"""Start-up guards: one window per database file, and our own bugs reported kindly."""

import sys
from pathlib import Path

from goodbye_desktop import app as goodbye_app
from goodbye_desktop.errors import ValidationError
from goodbye_desktop.ui import alerts, crash


def test_a_second_window_on_the_same_file_is_refused(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "shop.sqlite"
    first = goodbye_app.single_instance_lock(path)
    assert first is not None and first.is_locked()
    assert goodbye_app.single_instance_lock(path) is None
    with alerts.intercept() as shown:
        assert goodbye_app.run(path) == goodbye_app.EXIT_DATABASE_ERROR
    assert shown[0].title == "Already open"
    assert str(path) in shown[0].text
    assert not path.exists()  # nothing was opened, nothing written
    first.release()
    again = goodbye_app.single_instance_lock(path)
    assert again is not None and again.is_locked()
    again.release()


def test_a_lock_that_cannot_be_made_does_not_block(qtbot, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    lock = goodbye_app.single_instance_lock(blocker / "inside" / "x.sqlite")
    assert lock is not None and not lock.is_locked()


def test_our_bug_is_logged_and_explained(qtbot, tmp_path: Path) -> None:
    try:
        {}["missing"]
    except KeyError:
        kind, value, tb = sys.exc_info()
    with alerts.intercept() as shown:
        crash.handle(tmp_path, kind, value, tb)
    log = (tmp_path / crash.LOG_NAME).read_text(encoding="utf-8")
    assert "KeyError: 'missing'" in log and "Traceback" in log
    assert "bug in the program" in shown[0].text
    assert str(tmp_path / crash.LOG_NAME) in shown[0].text
    assert "Your records are safe" in shown[0].text


def test_a_user_error_that_escapes_is_shown_as_it_is(qtbot, tmp_path: Path) -> None:
    error = ValidationError("The end date cannot be before the start date.")
    with alerts.intercept() as shown:
        crash.handle(tmp_path, ValidationError, error, None)
    assert shown[0].text == "The end date cannot be before the start date."
    assert not (tmp_path / crash.LOG_NAME).exists()
