"""The window's data actions: back up, restore, export, import with preview, delete for good."""

import os
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication

from goodbye_desktop import clock
from goodbye_desktop.exchange.csv_read import read_file
from goodbye_desktop.exchange.importer import prepare
from goodbye_desktop.store import backup, connection, records
from goodbye_desktop.ui import alerts
from goodbye_desktop.ui.dialogs.backups import RestoreDialog
from goodbye_desktop.ui.dialogs.import_preview import ImportChoice, ImportPreviewDialog
from goodbye_desktop.ui.main_window import MainWindow

SHOTS = os.environ.get("GOODBYE_DESKTOP_SHOTS")


@pytest.fixture
def window(qtbot, db_path):
    records.create_client(name="Renée & <Sons>", started_on=date(2020, 1, 1))
    cid = records.create_client(name="Łukasz Nowak", is_person=True)
    records.save_contact(cid, name="Łukasz Nowak", email="lukasz@example.com")
    window = MainWindow(db_path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def names(window: MainWindow) -> list[str]:
    model = window.client_list.model
    return sorted(model.index(row, 0).data() for row in range(model.rowCount()))


def test_the_menus_hold_the_data_actions(window: MainWindow) -> None:
    texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    for text in ("&Import CSV or vCard…", "&Export as CSV files…", "&Back up now",
                 "&Restore from a backup…"):
        assert text in texts


def test_back_up_now_then_restore_brings_the_records_back(window: MainWindow, qtbot) -> None:
    with alerts.intercept() as shown:
        made = window.data.backup_now()
    assert made is not None and backup.problems_in(made) == []
    assert shown[-1].title == "Backed up"
    records.create_client(name="Zoë")
    window.refresh_clients()
    assert "Zoë" in names(window)
    clock.advance(timedelta(minutes=1))
    with alerts.intercept() as shown:
        assert window.data.restore(chosen=made)
    assert "Zoë" not in names(window)
    assert shown[-1].title == "Restored"
    assert len(backup.list_backups(window.db_path)) == 2  # the one made before restoring


def test_the_restore_list_shows_date_size_and_clients(window: MainWindow, qtbot) -> None:
    backup.make_backup()
    dialog = RestoreDialog(backup.list_backups(window.db_path), window)
    qtbot.addWidget(dialog)
    item = dialog.list.topLevelItem(0)
    assert item.text(1) == "Made by you" and item.text(3) == "2"
    assert dialog.chosen() == backup.list_backups(window.db_path)[0].path
    dialog.show()
    if SHOTS:
        dialog.grab().save(f"{SHOTS}/restore-dialog.png")


def test_import_with_preview_merges_the_match(window: MainWindow, qtbot, tmp_path: Path,
                                              monkeypatch) -> None:
    path = tmp_path / "google.csv"
    path.write_text("First Name,Last Name,Organization Name,E-mail 1 - Value\n"
                    "Anna,Kowalczyk,Harbour Lane Ltd,anna@example.com\n"
                    "Łukasz,Nowak,,lukasz@example.com\n", encoding="utf-8")
    asked = []

    def answer(parent, prepared):
        asked.append([m.name for m in prepared.matches])
        return ImportChoice("merge")

    monkeypatch.setattr(ImportPreviewDialog, "ask", answer)
    with alerts.intercept() as shown:
        assert window.data.import_file(path=path, kind="clients")
    assert asked == [["Łukasz Nowak"]]
    assert names(window) == ["Harbour Lane Ltd", "Renée & <Sons>", "Łukasz Nowak"]
    assert shown[-1].title == "Imported"
    assert [b.reason for b in backup.list_backups(window.db_path)] == ["before-import"]


def test_a_bad_file_says_so_and_imports_nothing(window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "clients.csv"
    path.write_text("name,status\nNew,asleep\n", encoding="utf-8")
    with alerts.intercept() as shown:
        assert not window.data.import_file(path=path, kind="clients")
    assert shown[-1].title == "Nothing was imported"
    assert "row 2, column status" in shown[-1].text
    assert "New" not in names(window)


def test_the_preview_waits_for_merge_or_skip_and_fits_the_screen(window, qtbot,
                                                                   tmp_path: Path) -> None:
    path = tmp_path / "clients.csv"
    path.write_text("name,notes\nrenee & <sons>,again\nFresh Start Ltd,\n", encoding="utf-8")
    prepared = prepare(read_file(path, "clients"))
    dialog = ImportPreviewDialog(prepared, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.import_button.isEnabled()
    dialog.skip.setChecked(True)
    assert dialog.import_button.isEnabled()
    assert dialog.choice() == ImportChoice("skip")
    screen = QGuiApplication.primaryScreen().availableGeometry()
    assert dialog.frameGeometry().height() <= max(screen.height(), 640)
    for width, height in ((1366, 768), (1024, 640)):
        dialog.resize(min(width, dialog.width()), min(height - 40, dialog.height()))
        if SHOTS:
            dialog.grab().save(f"{SHOTS}/import-preview-{width}.png")


def test_delete_for_good_asks_and_backs_up_first(window: MainWindow) -> None:
    cid = connection.current().execute(
        "SELECT id FROM client WHERE name = 'Łukasz Nowak'").fetchone()[0]
    window.client_list.select_client(cid)
    with alerts.intercept(answer=False) as shown:
        assert not window.data.delete_client()
    assert "1 contact" in shown[0].text and "Łukasz Nowak" in names(window)
    with alerts.intercept(answer=True):
        assert window.data.delete_client()
    assert "Łukasz Nowak" not in names(window)
    assert [b.reason for b in backup.list_backups(window.db_path)] == ["before-delete"]


def test_a_damaged_file_at_start_offers_the_newest_backup(qtbot, tmp_path: Path) -> None:
    from goodbye_desktop import app as goodbye_app
    from goodbye_desktop.store.database import close_database, open_database

    path = tmp_path / "shop.sqlite"
    open_database(path)
    records.create_client(name="Zoë")
    made = backup.make_backup()
    close_database()
    data = bytearray(path.read_bytes())
    data[4096 * 2:4096 * 3] = b"\xff" * 4096
    path.write_bytes(bytes(data))
    with alerts.intercept(answer=False) as shown:
        assert goodbye_app.run(path) == goodbye_app.EXIT_DATABASE_ERROR
    assert shown[0].kind == "question" and str(made) in shown[0].text
    assert path.read_bytes() == bytes(data)  # refused, untouched
    with alerts.intercept(answer=True):
        window = goodbye_app._offer_backup(path, _damaged_error(path))
    qtbot.addWidget(window)
    assert names(window) == ["Zoë"]
    close_database()


def _damaged_error(path: Path):
    from goodbye_desktop.store.database import DamagedDatabaseError, inspect_file

    try:
        inspect_file(path)
    except DamagedDatabaseError as exc:
        return exc
    raise AssertionError("not damaged")
