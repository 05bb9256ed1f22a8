"""The At-risk and Due pages in the window, and the notice of due promises at start-up."""

from datetime import date, datetime, timedelta

import pytest
from helpers import type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from goodbye_desktop import clock
from goodbye_desktop.store import at_risk, due, records
from goodbye_desktop.store.connection import current
from goodbye_desktop.ui.main_window import MainWindow


def make_window(qtbot, db_path) -> MainWindow:
    window = MainWindow(db_path)
    qtbot.addWidget(window)
    window.resize(1024, 640)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def quiet(db_path) -> int:
    """A client not heard from for 100 days, and one heard from yesterday."""
    now = clock.local_now()
    cid = records.create_client(name="Renée & <Sons>", started_on=date(2020, 1, 1))
    records.add_interaction(cid, now - timedelta(days=100), "call")
    fine = records.create_client(name="山田商店", started_on=date(2020, 1, 1))
    records.add_interaction(fine, now - timedelta(days=1), "call")
    return cid


def at_risk_page(qtbot, window: MainWindow):
    window.daily.at_risk_action.trigger()
    view = window.daily.at_risk_view
    qtbot.waitUntil(lambda: not view.is_working() and view.model.rowCount() > 0)
    return view


def test_the_at_risk_list_shows_the_client_with_its_sign(qtbot, db_path, quiet) -> None:
    window = make_window(qtbot, db_path)
    view = at_risk_page(qtbot, window)
    assert view.objectName() == "atRiskList"
    assert window.daily.tabs.currentWidget() is window.daily.at_risk_page
    assert view.model.rowCount() == 1
    assert view.model.index(0, 0).data() == "Renée & <Sons>"
    assert view.current_client().id == quiet
    assert view.card("silence") is not None


def test_make_a_promise_from_the_at_risk_list(qtbot, db_path, quiet) -> None:
    window = make_window(qtbot, db_path)
    view = at_risk_page(qtbot, window)
    qtbot.mouseClick(view.card("silence").promise_button, Qt.MouseButton.LeftButton)
    form = view.current_form
    assert form is not None and form.isVisible()
    assert form.description_edit.text() == "Check in with Renée & <Sons>"
    assert form.channel_combo.currentData() == "call"
    assert form.due_edit.dateTime().time().hour() == 10
    form.description_edit.clear()
    type_text(form.description_edit, "Call Zoë about the spring plans")
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    row = current().execute("SELECT client_id, description, channel FROM promise").fetchone()
    assert row == (quiet, "Call Zoë about the spring plans", "call")
    episode = at_risk.risk_history(quiet)[0]
    assert (episode.save_kind, episode.save_on) == ("promise", clock.today())
    assert "save tried" in view.history_label.text()


def test_an_empty_promise_is_refused_beside_its_field(qtbot, db_path, quiet) -> None:
    window = make_window(qtbot, db_path)
    view = at_risk_page(qtbot, window)
    form = view.promise_from(view.card("silence").sign)
    form.description_edit.clear()
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    assert form.isVisible() and form.error_text("description")
    assert current().execute("SELECT count(*) FROM promise").fetchone() == (0,)
    form.reject()


def test_acknowledge_a_sign(qtbot, db_path, quiet) -> None:
    window = make_window(qtbot, db_path)
    view = at_risk_page(qtbot, window)
    qtbot.mouseClick(view.card("silence").ack_button, Qt.MouseButton.LeftButton)
    form = view.current_form
    type_text(form.note_edit, "Spoke to Łukasz, back in March")
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.model.rowCount() == 0)
    assert "No client shows a warning sign" in view.summary.text()
    until, note = current().execute("SELECT until, note FROM sign_ack").fetchone()
    assert date.fromisoformat(until) == clock.today() + timedelta(days=30)
    assert note == "Spoke to Łukasz, back in March"
    kind, summary = current().execute(
        "SELECT kind, summary FROM interaction WHERE client_id = ? ORDER BY id DESC LIMIT 1",
        (quiet,)).fetchone()
    assert kind == "note" and "Spoke to Łukasz, back in March" in summary


def test_the_list_follows_a_write_on_the_client_page(qtbot, db_path, quiet) -> None:
    window = make_window(qtbot, db_path)
    view = at_risk_page(qtbot, window)
    records.add_interaction(quiet, clock.local_now(), "call")
    window.daily.client_changed(quiet)
    assert view.model.rowCount() == 0


@pytest.fixture
def promises(db_path) -> dict[str, int]:
    now = clock.local_now().replace(second=0)
    cid = records.create_client(name="Renée & <Sons>")
    other = records.create_client(name="محمد")
    return {
        "overdue": records.add_promise(cid, "Email the figures", now - timedelta(hours=2)),
        "week": records.add_promise(other, "Post the brochures", now + timedelta(days=3),
                                    "letter"),
        "later": records.add_promise(other, "Far ahead", now + timedelta(days=30)),
    }


def test_the_start_up_notice_says_how_many_and_opens_the_due_page(qtbot, db_path,
                                                                  promises) -> None:
    window = make_window(qtbot, db_path)
    notice = window.daily.notice
    assert notice.isVisible()
    assert notice.text().startswith("1 promise due or overdue")
    assert not any(w.isModal() and w.isVisible() for w in window.findChildren(type(window)))
    qtbot.mouseClick(notice, Qt.MouseButton.LeftButton)
    view = window.daily.due_view
    assert window.daily.tabs.currentWidget() is window.daily.due_page
    assert view.objectName() == "dueList"
    assert not notice.isVisible()  # it has done its job while the page is shown


def test_no_notice_when_nothing_is_due(qtbot, db_path) -> None:
    records.add_promise(records.create_client(name="Zoë"), "Later",
                        clock.local_now() + timedelta(days=3))
    window = make_window(qtbot, db_path)
    assert not window.daily.notice.isVisible()


def test_mark_a_due_promise_done(qtbot, db_path, promises) -> None:
    window = make_window(qtbot, db_path)
    window.daily.due_action.trigger()
    view = window.daily.due_view
    assert view.selected_id() == promises["overdue"]  # the most pressing one is chosen
    assert sorted(view._promises) == sorted([promises["overdue"], promises["week"]])
    qtbot.mouseClick(view.done_button, Qt.MouseButton.LeftButton)
    done = current().execute("SELECT done_at FROM promise WHERE id = ?",
                             (promises["overdue"],)).fetchone()[0]
    assert done is not None
    assert list(view._promises) == [promises["week"]]
    assert not window.daily.notice.isVisible()
    assert due.promise_counts(clock.now())["overdue"] == 0


def test_move_and_cancel_in_one_click(qtbot, db_path, promises) -> None:
    window = make_window(qtbot, db_path)
    window.daily.due_action.trigger()
    view = window.daily.due_view
    before = current().execute("SELECT due_at FROM promise WHERE id = ?",
                               (promises["overdue"],)).fetchone()[0]
    qtbot.mouseClick(view.tomorrow_button, Qt.MouseButton.LeftButton)
    after = datetime.fromisoformat(current().execute(
        "SELECT due_at FROM promise WHERE id = ?", (promises["overdue"],)).fetchone()[0])
    assert after.date() == clock.today() + timedelta(days=1)
    assert after.time() == datetime.fromisoformat(before).time()
    assert view.select_promise(promises["week"])
    qtbot.mouseClick(view.cancel_button, Qt.MouseButton.LeftButton)
    assert current().execute("SELECT cancelled_at IS NOT NULL FROM promise WHERE id = ?",
                             (promises["week"],)).fetchone() == (1,)


def test_move_to_a_chosen_time(qtbot, db_path, promises) -> None:
    window = make_window(qtbot, db_path)
    window.daily.due_action.trigger()
    view = window.daily.due_view
    form = view.move()
    target = (clock.local_now() + timedelta(days=2)).replace(hour=9, minute=30, second=0,
                                                             microsecond=0)
    from goodbye_desktop.ui.detail.common import qdatetime
    form.due_edit.setDateTime(qdatetime(target))
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    stored = current().execute("SELECT due_at FROM promise WHERE id = ?",
                               (promises["overdue"],)).fetchone()[0]
    assert datetime.fromisoformat(stored) == target


def test_export_from_the_due_page(qtbot, db_path, promises, tmp_path) -> None:
    from icalendar import Calendar

    window = make_window(qtbot, db_path)
    window.daily.due_action.trigger()
    out = tmp_path / "promises.ics"
    assert window.daily.due_view.export_calendar(out) == 3
    events = list(Calendar.from_ical(out.read_bytes()).walk("VEVENT"))
    assert sorted(str(e["summary"]) for e in events) == [
        "Email the figures — Renée & <Sons>", "Far ahead — محمد", "Post the brochures — محمد"]


def test_the_due_page_follows_the_day(qtbot, db_path, promises) -> None:
    window = make_window(qtbot, db_path)
    window.daily.due_action.trigger()
    view = window.daily.due_view
    clock.advance(timedelta(days=4))
    window.day_watch.check()
    assert set(view._promises) == {promises["overdue"], promises["week"]}
    assert all(p.group == "overdue" for p in view._promises.values())


def test_the_client_header_shows_the_ledger_and_the_risk_history(qtbot, db_path,
                                                                 quiet) -> None:
    now = clock.local_now()
    kept = records.add_promise(quiet, "Kept", now - timedelta(days=5))
    records.mark_promise_done(kept, now - timedelta(days=6))
    late = records.add_promise(quiet, "Late", now - timedelta(days=5))
    records.mark_promise_done(late, now - timedelta(days=4))
    at_risk.ensure_current(clock.today())
    window = make_window(qtbot, db_path)
    window.client_list.select_client(quiet)
    header = window.client_detail.header
    assert header.promises.value.text() == "50 %"
    assert "late 50 %" in header.promises.note.text()
    assert header.risk_label.isVisible() and "At risk since" in header.risk_label.text()


def test_forms_fit_a_small_screen(qtbot, db_path, quiet) -> None:
    window = make_window(qtbot, db_path)
    view = at_risk_page(qtbot, window)
    screen = window.screen().availableGeometry()
    for open_form in (view.promise_from, view.acknowledge):
        form = open_form(view.card("silence").sign)
        assert form.width() <= min(screen.width(), 1024)
        assert form.height() <= min(screen.height(), 640)
        form.reject()


def test_the_dashboard_works_the_day_out_when_it_is_opened_first(qtbot, db_path,
                                                                 quiet) -> None:
    window = make_window(qtbot, db_path)
    assert not at_risk.is_current(clock.today())
    window.show_page(window.DASHBOARD_PAGE)
    pane = window.dashboard

    def card_says(value: str, note: str) -> bool:
        card = pane.buttons.get("at_risk")
        return (card is not None and card.value_label.text() == value
                and card.note_label.text() == note)

    # The card is true once the day's pass is done: one client at risk, no "still running".
    qtbot.waitUntil(lambda: not pane.is_computing() and card_says("1", ""), timeout=10_000)
    assert at_risk.is_current(clock.today())
    # The At-risk page shares the pass: nothing is left to work out when it opens.
    window.daily.at_risk_action.trigger()
    view = window.daily.at_risk_view
    assert view.daily_pass is pane.daily_pass and not view.is_working()
    assert view.model.rowCount() == 1
    pane.shutdown()


def test_the_pass_waits_while_no_page_that_needs_it_is_shown(qtbot, db_path) -> None:
    for n in range(250):  # three batches of the pass
        records.create_client(name=f"Client {n:03d}", started_on=date(2020, 1, 1))
    window = make_window(qtbot, db_path)
    window.daily.at_risk_action.trigger()
    daily_pass = window.daily.at_risk_view.daily_pass
    assert daily_pass.is_working()
    with qtbot.waitSignal(daily_pass.progressed, timeout=10_000):
        pass
    window.show_page(window.CLIENTS_PAGE)
    left = daily_pass.remaining()
    assert left > 0
    # Events go by on the Clients page (each would run a batch), and the pass stays...
    for _ in range(10):
        QApplication.processEvents()
    assert daily_pass.remaining() == left
    # ... then carries on when the At-risk page is shown again.
    with qtbot.waitSignal(daily_pass.finished, timeout=10_000):
        window.daily.at_risk_action.trigger()
    assert at_risk.is_current(clock.today()) and not daily_pass.is_working()
