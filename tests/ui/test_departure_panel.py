"""The departure on the client's detail: ticking off, interview answers, returned, undo, folder."""

from datetime import date, datetime

import pytest
from helpers import type_text
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget

from goodbye_desktop.core.departure import DepartureDraft, PendingItem, default_follow_ups
from goodbye_desktop.core.departure import default_plan as plan
from goodbye_desktop.store import departures, records
from goodbye_desktop.store.models import Client, Promise
from goodbye_desktop.ui import alerts
from goodbye_desktop.ui.departed_view import ClientFolderDialog, DepartedView
from goodbye_desktop.ui.departure_panel import DeparturePanel, ReturnDateDialog

TODAY = date(2026, 5, 15)
END = date(2026, 6, 30)


@pytest.fixture
def client_id(db_path) -> int:
    return records.create_client(name="Łukasz & <Sons> محمد", started_on=date(2021, 3, 1))


@pytest.fixture
def departure_id(client_id) -> int:
    draft = DepartureDraft(
        client_id=client_id, ended_by="client", reasons=["price"], reason_text="山田 was cheaper",
        kind="scattered", decided_on=TODAY, effective_on=END, decision="accept",
        pending=[PendingItem("Spring catalogue", date(2026, 6, 1))], steps=plan(END, TODAY),
        interviewer="Ana", letters=["farewell"], follow_ups=default_follow_ups(END),
    )
    return departures.finish(draft, today=TODAY)


@pytest.fixture
def panel(qtbot) -> DeparturePanel:
    widget = DeparturePanel(today=date(2026, 7, 10))
    qtbot.addWidget(widget)
    widget.resize(760, 900)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def tick(qtbot, table, row: int, column: int) -> None:
    """Click a check box cell on its indicator."""
    rect = table.visualItemRect(table.item(row, column))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(rect.left() + 10, rect.center().y()))


def test_without_a_departure_the_panel_says_so(panel, client_id) -> None:
    panel.show_client(client_id)
    assert panel.empty.isVisible() and "No departure recorded" in panel.empty.text()
    departures.save_draft(client_id, "{}")
    panel.show_client(client_id)
    assert "kept as a draft" in panel.empty.text()
    panel.show_client(None)
    assert "Choose a client" in panel.empty.text()


def test_shows_the_departure_with_any_text(panel, client_id, departure_id) -> None:
    panel.show_client(client_id)
    assert not panel.empty.isVisible()
    header = panel.header.text()
    # Its last day (30 June) has passed by 10 July: the departure is completed.
    assert "Completed — ended by the client" in header and "“山田 was cheaper”" in header
    assert panel.steps.rowCount() == 5 and panel.pending.rowCount() == 1
    assert panel.answers.rowCount() == 6


def test_ticking_a_step_and_a_job_writes_at_once(qtbot, panel, client_id, departure_id) -> None:
    panel.show_client(client_id)
    with qtbot.waitSignal(panel.clientChanged) as changed:
        tick(qtbot, panel.steps, 0, 3)
    assert changed.args == [client_id]
    with qtbot.waitSignal(panel.clientChanged):
        tick(qtbot, panel.pending, 0, 2)
    d = departures.departure_detail(departure_id)
    assert (d["steps"][0]["status"], d["steps"][0]["done_on"]) == ("done", date(2026, 7, 10))
    assert d["pending"][0]["done_on"] == date(2026, 7, 10)
    with qtbot.waitSignal(panel.clientChanged):
        tick(qtbot, panel.steps, 0, 3)
    assert departures.departure_detail(departure_id)["steps"][0]["status"] == "todo"


def test_interview_answers_notes_and_lessons_are_saved(qtbot, panel, client_id,
                                                       departure_id) -> None:
    panel.show_client(client_id)
    panel.interview_status.setCurrentIndex(panel.interview_status.findData("held"))
    assert panel.held_on.isEnabled()
    panel.would_return.setCurrentIndex(panel.would_return.findData("maybe"))
    panel.answers.item(0, 1).setText("In March — 山田 offered less")
    panel.notes.setFocus()
    type_text(panel.notes, "Parted on good terms <3")
    panel.lessons.setFocus()
    type_text(panel.lessons, "Talk price sooner")
    with qtbot.waitSignal(panel.clientChanged):
        qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    d = departures.departure_detail(departure_id)
    assert (d["interview_status"], d["interview_held_on"]) == ("held", date(2026, 7, 10))
    assert d["would_return"] == "maybe"
    assert d["questions"][0]["answer"] == "In March — 山田 offered less"
    assert (d["notes"], d["lessons"]) == ("Parted on good terms <3", "Talk price sooner")
    panel.show_client(client_id)
    assert panel.answers.item(0, 1).text() == "In March — 山田 offered less"


def test_mark_returned(qtbot, panel, client_id, departure_id) -> None:
    departures.apply_effective_dates(date(2026, 7, 1))
    panel.show_client(client_id)
    with ReturnDateDialog.answering(date(2026, 9, 1)), qtbot.waitSignal(panel.clientChanged):
        qtbot.mouseClick(panel.returned_button, Qt.MouseButton.LeftButton)
    client = Client.get_by_id(client_id)
    assert (client.status, client.ended_on) == ("returned", None)
    assert departures.departure_detail(departure_id)["state"] == "won_back"
    assert "Came back on" in panel.header.text()
    assert not panel.returned_button.isEnabled() and not panel.undo_button.isEnabled()


def test_a_return_before_the_last_day_is_refused_with_a_message(qtbot, panel, client_id,
                                                                departure_id) -> None:
    panel.show_client(client_id)
    with ReturnDateDialog.answering(date(2026, 6, 1)), alerts.intercept() as shown:
        assert panel.mark_returned() is False
    assert "undo the departure instead" in shown[0].text
    assert panel.error.isVisible()
    assert departures.departure_detail(departure_id)["state"] == "decided"


def test_cancelling_the_return_date_changes_nothing(panel, client_id, departure_id) -> None:
    panel.show_client(client_id)
    with ReturnDateDialog.answering(None):
        assert panel.mark_returned() is False
    assert departures.departure_detail(departure_id)["state"] == "decided"


def test_undo_asks_then_keeps_history(qtbot, panel, client_id, departure_id) -> None:
    panel.show_client(client_id)
    with alerts.intercept(answer=False) as shown:
        qtbot.mouseClick(panel.undo_button, Qt.MouseButton.LeftButton)
    assert shown[0].kind == "question"
    assert departures.departure_detail(departure_id)["state"] == "decided"
    with alerts.intercept(answer=True), qtbot.waitSignal(panel.clientChanged):
        qtbot.mouseClick(panel.undo_button, Qt.MouseButton.LeftButton)
    d = departures.departure_detail(departure_id)
    assert d["state"] == "undone" and len(d["steps"]) == 5
    assert Client.get_by_id(client_id).status == "active"
    assert Promise.select().where(Promise.cancelled_at.is_null()).count() == 0
    assert "Undone on" in panel.header.text()


def test_departed_view_and_the_folder(qtbot, client_id, departure_id) -> None:
    other = records.create_client(name="山田", started_on=date(2019, 1, 1))
    records.add_interaction(client_id, datetime(2026, 5, 20, 9), "letter",
                            summary="Farewell letter sent")
    view = DepartedView(today=TODAY)
    qtbot.addWidget(view)
    view.show()
    assert view.table.rowCount() == 1
    assert view.table.item(0, 0).text() == "Łukasz & <Sons> محمد"
    assert view.table.item(0, 2).text() == "5 y 3 m"
    assert view.table.item(0, 5).text() == "Price"
    assert [view.year.itemText(i) for i in range(view.year.count())] == ["All years", "2026"]
    assert other not in [view.table.item(r, 0).data(Qt.ItemDataRole.UserRole)
                         for r in range(view.table.rowCount())]

    view.table.setCurrentCell(0, 0)
    with qtbot.waitSignal(view.clientActivated) as activated:
        dialog = view.open_current()
    assert activated.args == [client_id]
    qtbot.addWidget(dialog)
    assert isinstance(dialog, ClientFolderDialog)
    titles = [dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())]
    assert titles[0].startswith("Departure decided")
    assert "Farewell letter sent" in titles and "Send the final invoice" in titles
    dialog.close()

    departures.undo_departure(departure_id)
    view.include_closed.setChecked(False)
    assert view.table.rowCount() == 0


def test_panel_inputs_have_labels_and_names(panel, client_id, departure_id) -> None:
    from PySide6.QtWidgets import (
        QAbstractSpinBox,
        QComboBox,
        QLabel,
        QLineEdit,
        QPlainTextEdit,
        QTableWidget,
    )

    panel.show_client(client_id)
    buddies = {label.buddy() for label in panel.findChildren(QLabel)
               if label.buddy() is not None and "&" in label.text()}
    inputs = (QLineEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox, QTableWidget)
    for widget in panel.findChildren(QWidget):
        if not isinstance(widget, inputs):
            continue
        if isinstance(widget, QLineEdit) and isinstance(widget.parent(),
                                                        QComboBox | QAbstractSpinBox):
            continue
        assert widget.accessibleName(), widget
        assert widget in buddies, widget.accessibleName()


def test_an_active_client_gets_a_start_button_and_the_save_bar_stays_in_view(
        qtbot, panel, client_id) -> None:
    panel.show_client(client_id)
    assert panel.start_button.isVisible() and panel.start_button.text() == "&Start a departure…"
    assert not panel.save_bar.isVisible()
    seen = []
    from goodbye_desktop.ui.departure_wizard import DepartureWizard

    original = DepartureWizard.run
    DepartureWizard.run = classmethod(lambda cls, parent, cid: seen.append(cid) or False)
    try:
        qtbot.mouseClick(panel.start_button, Qt.MouseButton.LeftButton)
    finally:
        DepartureWizard.run = original
    assert seen == [client_id]


def test_the_save_bar_sits_below_the_form_and_done_is_said_once(
        panel, client_id, departure_id) -> None:
    panel.show_client(client_id)
    assert panel.save_bar.isVisible()
    assert panel.save_button.parentWidget() is panel.save_bar  # not inside the scroll area
    assert panel.steps.item(0, 3).text() == ""  # the header says "Done", not every row


def test_a_departure_whose_last_day_is_ahead_shows_a_client_still(
        qtbot, client_id, departure_id) -> None:
    view = DepartedView(today=date(2026, 6, 1))
    qtbot.addWidget(view)
    # The date is written in the locale's short format.
    assert view.table.item(0, 6).text().startswith("Still a client, until ")
    counted = []
    view.countChanged.connect(counted.append)
    view.refresh()
    assert counted == ["1 departure; 1 with the last day still ahead"]
    after = DepartedView(today=date(2026, 7, 1))
    qtbot.addWidget(after)
    assert after.table.item(0, 6).text() == "Completed"  # the last day has passed
