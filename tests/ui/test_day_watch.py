"""The window follows the app's clock over midnight: the 12-month revenue and minutes move on
when the month turns, and a departing client whose last day has passed becomes departed."""

from datetime import date, datetime, timedelta

import pytest

from goodbye_desktop import clock
from goodbye_desktop.core.departure import DepartureDraft, default_plan
from goodbye_desktop.store import departures, records
from goodbye_desktop.ui.client_list import ClientListModel
from goodbye_desktop.ui.main_window import MainWindow

# Half a minute before the month turns.
pytestmark = pytest.mark.frozen_at("2026-11-30T23:59:30")


def cell(window: MainWindow, name: str, column: int) -> str:
    model = window.client_list.model
    for row in range(model.rowCount()):
        if model.index(row, ClientListModel.NAME).data() == name:
            return model.index(row, column).data()
    raise AssertionError(f"{name} is not in the list")


def test_the_window_follows_the_clock_over_midnight(qtbot, db_path) -> None:
    old = records.create_client(name="Renée & <Sons>", started_on=date(2020, 1, 1))
    records.set_revenue(old, date(2025, 12, 1), 50_000)  # leaves the window on 1 December
    records.add_interaction(old, datetime(2025, 12, 3, 9), "call", minutes=40)  # leaves too
    records.add_interaction(old, datetime(2026, 12, 1, 9), "meeting", minutes=25)  # tomorrow
    records.update_profile(currency="EUR")
    leaving = records.create_client(name="Łukasz Nowak", started_on=date(2021, 1, 1))
    end = date(2026, 11, 30)  # the last day is today: departed from tomorrow on
    departures.finish(DepartureDraft(
        client_id=leaving, client_name="Łukasz Nowak", client_started_on=date(2021, 1, 1),
        ended_by="client", reasons=["price"], kind="fulfilled", decided_on=date(2026, 11, 2),
        effective_on=end, decision="accept", steps=default_plan(end, date(2026, 11, 2))))

    window = MainWindow(db_path)
    qtbot.addWidget(window)
    window.show()
    assert "500" in cell(window, "Renée & <Sons>", ClientListModel.REVENUE)
    assert records.get_client(leaving)["status"] == "departing"
    assert records.get_client(old)["minutes_12m"] == 40

    clock.advance(timedelta(minutes=1))
    with qtbot.waitSignal(window.day_watch.dayChanged, timeout=3000):
        window.day_watch.check()
    assert clock.local_now() == datetime(2026, 12, 1, 0, 0, 30)
    qtbot.waitUntil(lambda: "500" not in cell(window, "Renée & <Sons>",
                                              ClientListModel.REVENUE))
    assert records.get_client(leaving)["status"] == "departed"
    assert records.get_client(old)["revenue_12m_cents"] == 0
    assert records.get_client(old)["minutes_12m"] == 25


def test_the_same_date_is_no_new_day(qtbot, db_path) -> None:
    window = MainWindow(db_path)
    qtbot.addWidget(window)
    seen = []
    window.day_watch.dayChanged.connect(seen.append)
    clock.advance(timedelta(seconds=20))
    assert window.day_watch.check() is False
    clock.advance(timedelta(seconds=20))
    assert window.day_watch.check() is True
    assert seen == [date(2026, 12, 1)]
