"""What waits for the window's first paint: the client list's warning signs; and the
command line's quick path to the window."""

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from goodbye_desktop.cli import window_only_db
from goodbye_desktop.store import queries, records
from goodbye_desktop.ui.client_list import ClientListModel, ClientListPane
from goodbye_desktop.ui.first_paint import after_first_paint


def signs_shown(model: ClientListModel) -> str:
    """The first row's warning signs as a screen reader hears them."""
    return model.index(0, ClientListModel.SIGNS).data(Qt.ItemDataRole.AccessibleTextRole)


def test_a_callback_runs_once_after_the_first_paint(qtbot) -> None:
    label = QLabel("Renée & <Sons>")
    qtbot.addWidget(label)
    calls: list[bool] = []
    after_first_paint(label, lambda: calls.append(label.isVisible()))
    QApplication.processEvents()  # nothing is shown yet: nothing painted, nothing called
    assert calls == []
    label.show()
    qtbot.waitUntil(lambda: calls == [True])
    label.repaint()
    QApplication.processEvents()
    assert calls == [True]


def test_the_warning_signs_fill_in_once_the_rows_are_shown(qtbot, db_path) -> None:
    # Quiet since 2020: silence on any date the suite runs.
    quiet = records.create_client(name="Łukasz", status="active", started_on=date(2019, 1, 1))
    records.add_interaction(quiet, datetime(2020, 1, 10, 10), "call")
    pane = ClientListPane()
    qtbot.addWidget(pane)
    model = pane.model
    assert model.index(0, ClientListModel.NAME).data() == "Łukasz"
    assert signs_shown(model) == ""  # held until the list has painted
    pane.resize(900, 400)
    pane.show()
    qtbot.waitUntil(lambda: signs_shown(model) == "Silence")


def test_a_page_asked_for_shows_its_signs_just_after(qtbot, db_path) -> None:
    quiet = records.create_client(name="Łukasz", status="active", started_on=date(2019, 1, 1))
    records.add_interaction(quiet, datetime(2020, 1, 10, 10), "call")
    model = ClientListModel()
    model.reload()
    # A paint asking for signs not yet read gets none, and the page's are read after it.
    with qtbot.waitSignal(model.dataChanged) as changed:
        assert signs_shown(model) == ""
    assert changed.args[0].column() == ClientListModel.SIGNS
    assert signs_shown(model) == "Silence"
    # Once read they are kept: asked again, they show at once.
    model.set_search("łuk")
    assert signs_shown(model) == "Silence"


@pytest.mark.parametrize(("argv", "expected"), [
    ([], (True, None)),
    (["--db", "/tmp/Renée & Sons.sqlite"], (True, "/tmp/Renée & Sons.sqlite")),
    (["--db=山田.sqlite"], (True, "山田.sqlite")),
    (["--db", ""], (True, "")),
    (["clients"], (False, None)),
    (["--db", "x.sqlite", "clients"], (False, None)),
    (["--help"], (False, None)),
    (["--version"], (False, None)),
    (["--db"], (False, None)),
    (["--db", "--version"], (False, None)),
    (["--d", "x.sqlite"], (False, None)),
])
def test_only_a_plain_window_start_skips_the_full_parser(argv, expected) -> None:
    assert window_only_db(argv) == expected


def test_the_list_count_leaves_the_archived_out(db_path) -> None:
    assert not queries.has_clients()
    assert queries.count_clients(include_archived=False) == 0
    kept = records.create_client(name="محمد")
    gone = records.create_client(name="अनीता")
    records.create_client(name="山田")
    records.set_archived([gone], True)
    assert queries.has_clients()
    assert queries.count_clients() == 3
    assert queries.count_clients(include_archived=False) == 2
    assert len(queries.client_ids(queries.ClientFilter())) == 2
    assert len(queries.client_ids(queries.ClientFilter(include_archived=True))) == 3
    records.set_archived([kept], True)
    records.set_archived([gone], False)
    assert len(queries.client_ids(queries.ClientFilter())) == 2


def test_signs_held_past_the_database_stay_blank(qtbot, db_path) -> None:
    from goodbye_desktop.store.database import close_database

    quiet = records.create_client(name="Łukasz", status="active", started_on=date(2019, 1, 1))
    records.add_interaction(quiet, datetime(2020, 1, 10, 10), "call")
    model = ClientListModel()
    model.reload()
    model.index(0, ClientListModel.NAME).data()  # the row is read while the file is open
    model.hold_signs()
    close_database()
    model.release_signs()  # the window is closing: nothing is read from a closed file
    assert signs_shown(model) == ""
