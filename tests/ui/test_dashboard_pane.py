"""The Dashboard tab with qtbot: the year picker, the drill-down to a client, the empty
sentences, the charts' text alternatives and the year in review."""

from __future__ import annotations

import os
from datetime import date

import pytest
from dashboard_records import build_small_business, client
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget

from goodbye_desktop.ui.main_window import MainWindow

pytestmark = pytest.mark.frozen_at("2026-11-25T10:00")


@pytest.fixture
def window(qtbot, db_path):
    ids = build_small_business()
    window = MainWindow(db_path)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.ids = ids
    yield window
    if window.dashboard is not None:
        window.dashboard.shutdown()


def open_dashboard(qtbot, window):
    window.show_page(window.DASHBOARD_PAGE)
    pane = window.dashboard
    qtbot.waitUntil(lambda: pane.figures is not None and not pane.is_computing())
    return pane


def value(pane, key: str) -> str:
    return pane.buttons[key].value_label.text()


def test_the_pane_shows_the_year_and_changes_it(qtbot, window) -> None:
    pane = open_dashboard(qtbot, window)
    assert window.findChild(QWidget, "dashboard") is pane
    assert pane.selected_year() == 2026 and pane.figures.year == 2026
    assert value(pane, "active_start") == "5" and value(pane, "lost") == "3"
    assert "goal" in pane.buttons["retention"].note_label.text()
    # The median tenure reads as the list writes a tenure (Birch: June 2021 to March 2026).
    assert value(pane, "tenure") == "4 y 9 m"
    with qtbot.waitSignal(pane.computedYear, timeout=10_000) as signal:
        pane.set_year(2025)
        # The figures stay on screen until the new ones arrive.
        assert pane.figures.year == 2026 and value(pane, "lost") == "3"
        assert "2025" in pane.status.text()
    assert signal.args == [2025]
    assert value(pane, "lost") == "1" and value(pane, "active_end") == "5"
    assert pane.status.text() == ""
    assert [pane.year.itemData(i) for i in range(pane.year.count())][-1] == 2018


def test_drill_down_from_a_figure_to_a_client(qtbot, window) -> None:
    pane = open_dashboard(qtbot, window)
    qtbot.mouseClick(pane.buttons["lost"], Qt.MouseButton.LeftButton)
    names = [pane.drill_list.item(i).text() for i in range(pane.drill_list.count())]
    assert names == ["Cedar", "Birch", "Elder"]  # last day first
    assert pane.drill_box.isVisible()
    pane.drill_list.setCurrentRow(1)
    with qtbot.waitSignal(pane.clientRequested) as signal:
        qtbot.mouseClick(pane.open_button, Qt.MouseButton.LeftButton)
    assert signal.args == [window.ids["birch"]]
    assert window.tabs.currentIndex() == window.CLIENTS_PAGE
    assert window.current_client_id() == window.ids["birch"]


def test_an_archived_client_opens_in_the_list_too(qtbot, window) -> None:
    pane = open_dashboard(qtbot, window)
    pane.drill_down("gained")
    names = [pane.drill_list.item(i).text() for i in range(pane.drill_list.count())]
    assert names == ["Cedar", "Ivy"]
    pane.drill_list.setCurrentRow(1)
    pane.open_selected()
    assert window.current_client_id() == window.ids["ivy"]  # archived: the list shows them


def test_a_bar_lists_its_clients_and_a_year_column_picks_the_year(qtbot, window) -> None:
    pane = open_dashboard(qtbot, window)
    views = {view.key: view for view in pane.chart_views if view.isVisible()}
    assert set(views) == {"history", "reasons", "kinds", "ended_by", "concentration",
                          "pareto"}
    reasons = views["reasons"]
    # Every chart says its numbers to a screen reader.
    assert reasons.accessibleName() == "Reasons for leaving"
    assert "Needs fulfilled: 1" in reasons.accessibleDescription()
    # Time spent reads as on the client's page (Alder: 300 minutes), not in bare minutes.
    assert "Alder: 5 h" in views["pareto"].accessibleDescription()
    assert "300 min" not in views["pareto"].accessibleDescription()
    row = [r[0] for r in pane._charts["reasons"].chart.rows].index("Price")
    y = round((22 + 16 * row + 5) * 1.1)
    qtbot.mouseClick(reasons, Qt.MouseButton.LeftButton, pos=QPoint(60, y))
    assert [pane.drill_list.item(i).text() for i in range(pane.drill_list.count())] == [
        "Birch"]
    history = views["history"]
    with qtbot.waitSignal(pane.computedYear, timeout=10_000):
        qtbot.mouseClick(history, Qt.MouseButton.LeftButton,
                         pos=QPoint(history.width() // 10, history.height() // 2))
    assert pane.selected_year() == 2022


def test_an_empty_database_says_so(qtbot, db_path) -> None:
    window = MainWindow(db_path)
    qtbot.addWidget(window)
    window.show()
    pane = open_dashboard(qtbot, window)
    assert "no clients yet" in pane.sentence.text()
    assert not any(button.isVisible() for button in pane.buttons.values())
    assert not any(view.isVisible() for view in pane.chart_views)


def test_one_client_and_a_year_before_it(qtbot, db_path) -> None:
    client("山田デザイン事務所", date(2024, 3, 1))
    window = MainWindow(db_path)
    qtbot.addWidget(window)
    window.show()
    pane = open_dashboard(qtbot, window)
    assert "single client" in pane.sentence.text()
    assert value(pane, "retention") == "100.0\u202f%"
    assert value(pane, "win_rate") == "–"  # no proposals: nothing to divide
    assert pane.year.count() == 3  # 2026, 2025, 2024


def test_the_year_in_review_is_previewed_and_saved(qtbot, window, tmp_path) -> None:
    pane = open_dashboard(qtbot, window)
    qtbot.mouseClick(pane.review_button, Qt.MouseButton.LeftButton)

    def preview():
        return next((w for w in QApplication.topLevelWidgets()
                     if w.objectName() == "yearReviewPreview" and w.isVisible()), None)

    qtbot.waitUntil(lambda: preview() is not None, timeout=20_000)
    dialog = preview()
    assert dialog.pages >= 2
    screen = dialog.screen().availableGeometry()
    assert dialog.width() <= screen.width() and dialog.height() <= screen.height()
    target = tmp_path / "review.pdf"
    assert dialog.save_to(target)
    assert target.read_bytes().startswith(b"%PDF")
    assert os.stat(target).st_mode & 0o777 == 0o600
    dialog.close()
