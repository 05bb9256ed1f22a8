"""The departure wizard, driven like an owner would: by mouse, by keyboard, with a crash or two."""

from datetime import date, datetime, timedelta

import pytest
from helpers import type_text
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTableWidget,
    QWidget,
    QWizard,
)

from goodbye_desktop.core.departure import DepartureDraft
from goodbye_desktop.store import departures, records
from goodbye_desktop.store.models import Client, Departure, Promise, database_proxy
from goodbye_desktop.ui import alerts
from goodbye_desktop.ui.departure.common import label_for
from goodbye_desktop.ui.departure_wizard import DISCARD, KEEP, CancelQuestion, DepartureWizard

TODAY = date(2026, 5, 15)
NAME = "Renée & <Sons> 山田"


@pytest.fixture
def client_id(db_path) -> int:
    cid = records.create_client(name=NAME, started_on=date(2021, 3, 1))
    records.set_revenue(cid, date(2026, 2, 1), 120000)
    records.add_interaction(cid, datetime(2026, 4, 1, 10), "meeting", minutes=90)
    return cid


def open_wizard(qtbot, client_id: int) -> DepartureWizard:
    wizard = DepartureWizard(client_id, today=TODAY)
    # At teardown the wizard is closed as if already answered: no question left on screen.
    qtbot.addWidget(wizard, before_close_func=lambda w: setattr(w, "_closing", True))
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard)
    return wizard


def cell_editor(table: QTableWidget) -> QWidget:
    """The editor open on the table's current cell."""
    editor = table.indexWidget(table.currentIndex())
    assert editor is not None
    return editor


def click(qtbot, wizard: DepartureWizard, which: QWizard.WizardButton) -> None:
    qtbot.mouseClick(wizard.button(which), Qt.MouseButton.LeftButton)


def next_page(qtbot, wizard: DepartureWizard) -> str:
    before = wizard.currentId()
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentId() != before, wizard.currentPage().errors.text()
    return wizard.currentPage().key


def choose(qtbot, button: QAbstractButton) -> None:
    """Click a radio button or check box on its indicator, as a person aims."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def tick_reason(wizard: DepartureWizard, code: str) -> None:
    reasons = wizard.pages["who"].reasons
    for row in range(reasons.count()):
        item = reasons.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == code:
            item.setCheckState(Qt.CheckState.Checked)


def fill_who(qtbot, wizard: DepartureWizard, ended_by: str, reason: str) -> None:
    page = wizard.pages["who"]
    choose(qtbot, page.ended_radios[ended_by])
    if ended_by == "outside":
        page.outside_event.setCurrentIndex(page.outside_event.findData("acquired"))
    tick_reason(wizard, reason)
    page.reason_text.setFocus()
    type_text(page.reason_text, "Łukasz said: “<too dear>” — محمد")
    choose(qtbot, page.kind_radios["fulfilled"])


def walk_to_summary(qtbot, wizard: DepartureWizard, decision: str = "accept") -> None:
    assert next_page(qtbot, wizard) == "assessment"
    choose(qtbot, wizard.pages["assessment"].decision_radios[decision])
    assert next_page(qtbot, wizard) == "pending"
    pending = wizard.pages["pending"]
    qtbot.mouseClick(pending.editor.add_button, Qt.MouseButton.LeftButton)
    editor = cell_editor(pending.editor.table)
    type_text(editor, "Spring catalogue")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert next_page(qtbot, wizard) == "plan"
    assert next_page(qtbot, wizard) == "interview"
    interview = wizard.pages["interview"]
    interview.interviewer.setFocus()
    type_text(interview.interviewer, "Zoë Ångström")
    assert next_page(qtbot, wizard) == "letters"
    assert next_page(qtbot, wizard) == "keep_in_touch"
    choose(qtbot, wizard.pages["keep_in_touch"].consent)
    assert next_page(qtbot, wizard) == "summary"


@pytest.mark.parametrize(("ended_by", "reason", "letter"), [
    ("client", "price", "farewell"),
    ("owner", "unprofitable", "parting_ways"),
    ("mutual", "fit", "farewell"),
    ("outside", "acquisition", "farewell"),
])
def test_each_way_a_departure_ends_is_saved_whole(qtbot, client_id, ended_by, reason,
                                                  letter) -> None:
    wizard = open_wizard(qtbot, client_id)
    fill_who(qtbot, wizard, ended_by, reason)
    walk_to_summary(qtbot, wizard)
    summary = wizard.pages["summary"].view.toPlainText()
    assert NAME in summary and "“<too dear>”" in summary and "Spring catalogue" in summary
    # The letters page marks the ending letter that does not suit who ended it.
    notes = wizard.pages["letters"].fit_notes
    unsuited = "farewell" if ended_by == "owner" else "parting_ways"
    assert not notes[unsuited].isHidden() and notes[letter].isHidden()
    assert label_for("letter", letter) in notes[unsuited].text()

    click(qtbot, wizard, QWizard.WizardButton.FinishButton)

    assert wizard.saved and not wizard.isVisible()
    did = departures.departure_for_client(client_id)
    d = departures.departure_detail(did)
    assert (d["ended_by"], d["reasons"], d["kind"], d["decision"]) == (
        ended_by, [reason], "fulfilled", "accept")
    assert d["outside_event"] == ("acquired" if ended_by == "outside" else "")
    assert d["reason_text"] == "Łukasz said: “<too dear>” — محمد"
    assert d["effective_on"] == TODAY + timedelta(days=30)
    assert [p["description"] for p in d["pending"]] == ["Spring catalogue"]
    assert len(d["steps"]) == 5 and len(d["questions"]) == 6
    assert d["interviewer"] == "Zoë Ångström"
    assert d["letters"] == [letter, "transition_plan", "exit_interview_request"]
    assert len(d["follow_ups"]) == 4 and d["mailing_consent"]
    assert d["assessment"]["revenue_12m_cents"] == 120000
    assert Client.get_by_id(client_id).status == "departing"
    assert departures.load_draft(client_id) is None


def test_try_to_keep_schedules_a_meeting_and_records_no_departure(qtbot, client_id) -> None:
    wizard = open_wizard(qtbot, client_id)
    fill_who(qtbot, wizard, "client", "price")
    assert next_page(qtbot, wizard) == "assessment"
    choose(qtbot, wizard.pages["assessment"].decision_radios["keep"])
    assert next_page(qtbot, wizard) == "meeting"
    meeting = wizard.pages["meeting"]
    assert wizard.currentPage().isFinalPage()
    meeting.channel.setCurrentIndex(meeting.channel.findData("call"))
    meeting.note.setFocus()
    type_text(meeting.note, "Ask about 山田's plans")
    click(qtbot, wizard, QWizard.WizardButton.FinishButton)

    assert wizard.saved
    assert Departure.select().count() == 0
    promise = Promise.get()
    assert promise.description == "Meeting to talk about staying: Ask about 山田's plans"
    assert promise.channel == "call"
    assert promise.due_at == datetime(2026, 5, 17, 10, 0)
    assert Client.get_by_id(client_id).status == "active"


def test_each_page_says_what_is_missing_and_stays(qtbot, client_id) -> None:
    wizard = open_wizard(qtbot, client_id)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    page = wizard.pages["who"]
    assert wizard.currentPage() is page
    assert "Choose who ended the relationship." in page.errors.text()
    assert "Tick at least one reason." in page.errors.text()
    assert page.errors.isVisible()


def test_back_and_next_keep_input(qtbot, client_id) -> None:
    wizard = open_wizard(qtbot, client_id)
    fill_who(qtbot, wizard, "owner", "conduct")
    next_page(qtbot, wizard)
    choose(qtbot, wizard.pages["assessment"].decision_radios["let_go"])
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    plan = wizard.pages["plan"].editor
    plan.table.item(0, 0).setText("Finish the logo — 山田")
    click(qtbot, wizard, QWizard.WizardButton.BackButton)
    click(qtbot, wizard, QWizard.WizardButton.BackButton)
    click(qtbot, wizard, QWizard.WizardButton.BackButton)
    assert wizard.currentPage().key == "who"
    assert wizard.pages["who"].reason_text.toPlainText() == "Łukasz said: “<too dear>” — محمد"
    assert wizard.pages["who"].ended_radios["owner"].isChecked()
    for expected in ("assessment", "pending", "plan"):
        assert next_page(qtbot, wizard) == expected
    assert wizard.pages["assessment"].decision_radios["let_go"].isChecked()
    assert plan.rows()[0][0] == "Finish the logo — 山田"


def test_moving_the_last_day_moves_the_plan(qtbot, client_id) -> None:
    wizard = open_wizard(qtbot, client_id)
    fill_who(qtbot, wizard, "client", "price")
    next_page(qtbot, wizard)
    choose(qtbot, wizard.pages["assessment"].decision_radios["accept"])
    next_page(qtbot, wizard)
    assert next_page(qtbot, wizard) == "plan"
    assert wizard.pages["plan"].editor.rows()[3][1] == TODAY + timedelta(days=30)
    for _ in range(3):
        click(qtbot, wizard, QWizard.WizardButton.BackButton)
    effective = wizard.pages["who"].effective_on
    effective.setDate(effective.date().addDays(10))
    for _ in range(3):
        next_page(qtbot, wizard)
    assert wizard.pages["plan"].editor.rows()[3][1] == TODAY + timedelta(days=40)
    assert "moved" in wizard.pages["plan"].note.text()


def test_pending_work_after_the_last_day_is_warned_about(qtbot, client_id) -> None:
    wizard = open_wizard(qtbot, client_id)
    fill_who(qtbot, wizard, "client", "price")
    next_page(qtbot, wizard)
    choose(qtbot, wizard.pages["assessment"].decision_radios["accept"])
    next_page(qtbot, wizard)
    editor = wizard.pages["pending"].editor
    editor.set_rows([["Annual report", TODAY + timedelta(days=45)]])
    editor.changed.emit()
    warning = wizard.pages["pending"].warning
    assert warning.isVisible() and "Annual report" in warning.text()
    assert next_page(qtbot, wizard) == "plan"  # a warning, not a refusal


def test_cancel_keeps_a_draft_that_resumes_as_it_was(qtbot, client_id) -> None:
    wizard = open_wizard(qtbot, client_id)
    fill_who(qtbot, wizard, "mutual", "budget")
    next_page(qtbot, wizard)
    choose(qtbot, wizard.pages["assessment"].decision_radios["let_go"])
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    wizard.pages["plan"].editor.table.item(1, 2).setText("Ana")
    asked = CancelQuestion.asked
    with CancelQuestion.answering(KEEP):
        click(qtbot, wizard, QWizard.WizardButton.CancelButton)
    assert CancelQuestion.asked == asked + 1
    assert not wizard.isVisible() and not wizard.saved
    assert DepartureDraft.from_json(departures.load_draft(client_id)).page == "plan"

    again = open_wizard(qtbot, client_id)
    assert again.resumed and again.currentPage().key == "plan"
    assert again.pages["plan"].editor.rows()[1][2] == "Ana"
    assert again.pages["who"].ended_radios["mutual"].isChecked()
    assert again.pages["who"].reason_text.toPlainText() == "Łukasz said: “<too dear>” — محمد"
    assert again.pages["assessment"].decision_radios["let_go"].isChecked()
    click(qtbot, again, QWizard.WizardButton.BackButton)
    assert again.currentPage().key == "pending"
    assert departures.departure_for_client(client_id) is None


def test_cancel_can_discard_or_go_back(qtbot, client_id) -> None:
    wizard = open_wizard(qtbot, client_id)
    fill_who(qtbot, wizard, "client", "price")
    with CancelQuestion.answering("back"):
        click(qtbot, wizard, QWizard.WizardButton.CancelButton)
    assert wizard.isVisible()
    departures.save_draft(client_id, wizard.collect().to_json())
    with CancelQuestion.answering(DISCARD):
        click(qtbot, wizard, QWizard.WizardButton.CancelButton)
    assert not wizard.isVisible()
    assert departures.load_draft(client_id) is None


def test_cancel_without_input_asks_nothing(qtbot, client_id) -> None:
    wizard = open_wizard(qtbot, client_id)
    asked = CancelQuestion.asked
    click(qtbot, wizard, QWizard.WizardButton.CancelButton)
    assert CancelQuestion.asked == asked and not wizard.isVisible()
    assert departures.load_draft(client_id) is None


def test_autosave_keeps_the_draft_while_typing(qtbot, client_id) -> None:
    wizard = open_wizard(qtbot, client_id)
    page = wizard.pages["who"]
    page.reason_text.setFocus()
    type_text(page.reason_text, "They found someone cheaper")
    qtbot.waitUntil(lambda: departures.load_draft(client_id) is not None, timeout=4000)
    draft = DepartureDraft.from_json(departures.load_draft(client_id))
    assert draft.reason_text == "They found someone cheaper"
    # A page change saves at once.
    tick_reason(wizard, "price")
    choose(qtbot, page.ended_radios["client"])
    next_page(qtbot, wizard)
    assert DepartureDraft.from_json(departures.load_draft(client_id)).page == "assessment"


def test_a_failed_save_leaves_nothing_and_keeps_the_wizard_open(qtbot, client_id) -> None:
    wizard = open_wizard(qtbot, client_id)
    fill_who(qtbot, wizard, "client", "price")
    walk_to_summary(qtbot, wizard)
    # The last row written is an interview question; without its table the save fails late.
    database_proxy.obj.execute_sql("DROP TABLE interview_question")
    with alerts.intercept() as shown:
        click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert [a.kind for a in shown] == ["error"]
    assert "Nothing was changed" in shown[0].text
    assert wizard.isVisible() and wizard.currentPage().key == "summary" and not wizard.saved
    assert Departure.select().where(Departure.state != "draft").count() == 0
    assert Promise.select().count() == 0
    assert Client.get_by_id(client_id).status == "active"
    assert wizard.pages["who"].reason_text.toPlainText() == "Łukasz said: “<too dear>” — محمد"


def test_a_constraint_violation_on_a_row_leaves_nothing(qtbot, client_id) -> None:
    wizard = open_wizard(qtbot, client_id)
    fill_who(qtbot, wizard, "owner", "conduct")
    walk_to_summary(qtbot, wizard)
    # Blank a step behind the plan page's back: only the schema's CHECK can catch it now.
    wizard.pages["plan"].editor.table.item(4, 0).setText("   ")
    with alerts.intercept() as shown:
        click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert shown and shown[0].title == "Not saved"
    assert wizard.isVisible()
    assert Departure.select().where(Departure.state != "draft").count() == 0
    assert Promise.select().count() == 0
    # Fixing the step and finishing again works.
    wizard.pages["plan"].editor.table.item(4, 0).setText("End access")
    click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert wizard.saved and Promise.select().count() == 4


def test_the_whole_flow_by_keyboard_alone(qtbot, client_id) -> None:
    wizard = open_wizard(qtbot, client_id)

    def alt(key: Qt.Key) -> None:
        QTest.keyClick(QApplication.focusWidget() or wizard, key, Qt.KeyboardModifier.AltModifier)

    def page() -> str:
        return wizard.currentPage().key

    def go_next(expected: str) -> None:
        alt(Qt.Key.Key_N)  # a mnemonic clicks after a short animation: wait for the page
        qtbot.waitUntil(lambda: page() == expected)

    who = wizard.pages["who"]
    alt(Qt.Key.Key_C)  # The client (a mnemonic clicks its button after a short animation)
    qtbot.waitUntil(who.ended_radios["client"].isChecked)
    alt(Qt.Key.Key_R)  # Reasons: the list takes focus on its first reason
    assert QApplication.focusWidget() is who.reasons
    QTest.keyClick(who.reasons, Qt.Key.Key_Space)
    QTest.keyClick(who.reasons, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is who.reason_text
    type_text(who.reason_text, "Budget cut — 山田")
    go_next("assessment")
    alt(Qt.Key.Key_A)  # Accept
    qtbot.waitUntil(wizard.pages["assessment"].decision_radios["accept"].isChecked)
    go_next("pending")
    alt(Qt.Key.Key_A)  # Add a job: the new row opens for typing
    qtbot.waitUntil(lambda: wizard.pages["pending"].editor.table.rowCount() == 1)
    editor = cell_editor(wizard.pages["pending"].editor.table)
    assert QApplication.focusWidget() is editor
    type_text(editor, "Send the artwork")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    go_next("plan")
    go_next("interview")
    alt(Qt.Key.Key_W)  # Who asks
    assert QApplication.focusWidget() is wizard.pages["interview"].interviewer
    type_text(QApplication.focusWidget(), "Ana")
    go_next("letters")
    go_next("keep_in_touch")
    alt(Qt.Key.Key_M)  # mailing list consent
    qtbot.waitUntil(wizard.pages["keep_in_touch"].consent.isChecked)
    go_next("summary")
    QTest.keyClick(QApplication.focusWidget() or wizard, Qt.Key.Key_Return)  # Finish
    qtbot.waitUntil(lambda: wizard.saved)

    assert wizard.saved
    d = departures.departure_detail(departures.departure_for_client(client_id))
    assert d["reasons"] == ["price"] and d["reason_text"] == "Budget cut — 山田"
    assert [p["description"] for p in d["pending"]] == ["Send the artwork"]
    assert d["interviewer"] == "Ana" and d["mailing_consent"]


def test_every_input_has_an_accessible_name_and_a_labelled_mnemonic(qtbot, client_id) -> None:
    wizard = open_wizard(qtbot, client_id)
    buddies = {label.buddy() for label in wizard.findChildren(QLabel)
               if label.buddy() is not None and "&" in label.text()}
    inputs = (QLineEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox, QListWidget, QTableWidget)
    for page in wizard.pages.values():
        for widget in page.findChildren(QWidget):
            if not isinstance(widget, inputs):
                continue
            inner = isinstance(widget.parent(), QComboBox | QAbstractSpinBox)
            if isinstance(widget, QLineEdit) and inner:
                continue  # the line edit inside a combo or date box
            assert widget.accessibleName(), (page.key, widget)
            assert widget in buddies, (page.key, widget.accessibleName())
        for button in page.findChildren(QAbstractButton):
            if button.isCheckable():
                # Check boxes and radio buttons carry their own label and mnemonic.
                assert "&" in button.text(), (page.key, button.text())


def test_run_shows_the_wizard_modally_and_returns_whether_saved(qtbot, client_id) -> None:
    def close_it() -> None:
        wizard = QApplication.activeModalWidget()
        assert wizard.objectName() == "departureWizard"
        wizard.reject()

    QTimer.singleShot(0, close_it)
    assert DepartureWizard.run(None, client_id) is False


def test_run_on_an_unknown_client_says_so(qtbot, db_path) -> None:
    with alerts.intercept() as shown:
        assert DepartureWizard.run(None, 404) is False
    assert "no client" in shown[0].text


def test_run_for_a_client_already_leaving_points_to_the_departure(qtbot, client_id) -> None:
    wizard = open_wizard(qtbot, client_id)
    fill_who(qtbot, wizard, "client", "price")
    walk_to_summary(qtbot, wizard)
    click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    with alerts.intercept() as shown:
        assert DepartureWizard.run(None, client_id) is False
    assert shown[0].kind == "info" and "already has a departure" in shown[0].text


# --- what each page says and offers -------------------------------------------------------

def test_the_step_list_names_the_client_and_the_current_step(qtbot, client_id):
    wizard = open_wizard(qtbot, client_id)
    steps = wizard.steps_label
    assert steps.isVisible()
    assert "Renée &amp; &lt;Sons&gt; 山田" in steps.text()  # the name, as text not markup
    assert steps.accessibleName() == "Step 1 of 8: Who ended it, and why"
    choose(qtbot, wizard.pages["who"].ended_radios["owner"])
    tick_reason(wizard, "fit")
    assert next_page(qtbot, wizard) == "assessment"
    assert steps.accessibleName() == "Step 2 of 8: Assessment"
    assert "✓ 1." in steps.text()


def test_letting_go_is_not_offered_when_the_client_ended_it(qtbot, client_id):
    wizard = open_wizard(qtbot, client_id)
    choose(qtbot, wizard.pages["who"].ended_radios["client"])
    tick_reason(wizard, "budget")
    next_page(qtbot, wizard)
    radios = wizard.pages["assessment"].decision_radios
    assert radios["let_go"].isHidden()
    assert not radios["accept"].isHidden() and not radios["keep"].isHidden()
    click(qtbot, wizard, QWizard.WizardButton.BackButton)
    choose(qtbot, wizard.pages["who"].ended_radios["owner"])
    next_page(qtbot, wizard)
    assert not radios["let_go"].isHidden()


def test_a_decision_date_in_the_future_is_refused(qtbot, client_id):
    wizard = open_wizard(qtbot, client_id)
    who = wizard.pages["who"]
    choose(qtbot, who.ended_radios["owner"])
    tick_reason(wizard, "fit")
    who.decided_on.setDate(who.decided_on.date().addDays(3))
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is who
    assert "in the future" in who.errors.text()
    who.decided_on.setDate(who.decided_on.date().addDays(-3))
    assert next_page(qtbot, wizard) == "assessment"


def test_the_exit_interview_request_previews_only_when_chosen(qtbot, client_id):
    wizard = open_wizard(qtbot, client_id)
    letters = wizard.pages["letters"]
    check = letters.checks["exit_interview_request"]
    button = letters.preview_buttons["exit_interview_request"]
    check.setEnabled(True)
    check.setChecked(False)
    assert not button.isEnabled()
    check.setChecked(True)
    assert button.isEnabled()


def test_did_not_follow_through_is_described_as_a_pattern(qtbot, client_id):
    from goodbye_desktop.ui.departure.common import kind_guidance

    text = kind_guidance()["no_follow_through"]
    assert "pattern" in text
    assert "blames" not in text and "not an ideal client" not in text


def test_a_draft_kept_without_dates_resumes_with_a_new_departures_dates(qtbot,
                                                                        client_id) -> None:
    from goodbye_desktop.ui.departure.common import to_date
    from goodbye_desktop.ui.departure_wizard import DEFAULT_NOTICE_DAYS

    departures.save_draft(client_id, DepartureDraft(
        client_id=client_id, page="assessment", ended_by="owner",
        reasons=["unprofitable"]).to_json())
    wizard = open_wizard(qtbot, client_id)
    who = wizard.pages["who"]
    assert to_date(who.decided_on.date()) == TODAY
    assert to_date(who.effective_on.date()) == TODAY + timedelta(days=DEFAULT_NOTICE_DAYS)
    assert who.ended_radios["owner"].isChecked()
    # It opens where the owner left it, and nothing on the first page stands in the way.
    assert wizard.currentPage().key == "assessment"
    click(qtbot, wizard, QWizard.WizardButton.BackButton)
    assert wizard.currentPage().key == "who" and not who.errors.isVisible()
    assert next_page(qtbot, wizard) == "assessment"
