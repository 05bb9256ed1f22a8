"""The client detail pane, driven through its real widgets on a real SQLite file."""

from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pytest
from helpers import type_text
from PySide6.QtCore import QLocale, Qt

from goodbye_desktop import clock
from goodbye_desktop.errors import ValidationError
from goodbye_desktop.store import detail, records
from goodbye_desktop.ui import alerts
from goodbye_desktop.ui.client_detail import ClientDetail
from goodbye_desktop.ui.detail.common import parse_money


@pytest.fixture
def english() -> Iterator[None]:
    """Fix the locale so amounts and separators are predictable."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(before)


@pytest.fixture
def client_id(db_path) -> int:
    return records.create_client(name="Renée & <Sons>", started_on=date(2022, 1, 10))


@pytest.fixture
def pane(qtbot, client_id, english) -> ClientDetail:
    widget = ClientDetail()
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show_client(client_id)
    widget.show()
    return widget


def click_save(qtbot, form) -> None:
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)


def test_placeholder_without_a_client(qtbot, db_path):
    widget = ClientDetail()
    qtbot.addWidget(widget)
    widget.show_client(None)
    assert widget.objectName() == "clientDetail"
    assert widget.stack.currentWidget() is widget.placeholder
    assert widget.client_id() is None


def test_a_missing_client_shows_the_placeholder(qtbot, db_path):
    widget = ClientDetail()
    qtbot.addWidget(widget)
    widget.show_client(987)
    assert widget.stack.currentWidget() is widget.placeholder


def test_showing_a_client_fills_header_and_tabs(pane, client_id):
    records.save_contact(client_id, name="山田 太郎", primary=True)
    records.add_interaction(client_id, clock.local_now() - timedelta(days=2), "call", minutes=90)
    records.set_revenue(client_id, clock.today(), 45_000)
    records.save_proposal(client_id, title="Retainer", sent_on=clock.today(),
                          hourly_rate_cents=9_000)
    records.add_promise(client_id, "Send the figures", clock.local_now() + timedelta(days=1))
    records.update_profile(currency="EUR", target_hourly_rate_cents=40_000)

    pane.show_client(client_id)

    assert pane.stack.currentWidget() is pane.content
    assert pane.header.name_label.text() == "Renée & <Sons>"
    assert pane.header.status_badge.text() == "Active"
    assert pane.header.minutes.value.text() == "1 h 30 min"
    assert pane.header.revenue.value.text() == "€450.00"
    # 450.00 over 1.5 hours = 300.00 an hour, below the 400.00 target
    assert pane.header.rate.value.text() == "€300.00"
    assert "Below your target of €400.00" in pane.header.rate.note.text()
    assert pane.contacts_tab.model.rowCount() == 1
    assert pane.timeline_tab.model.rowCount() == 1
    assert pane.revenue_tab.model.rowCount() == 1
    assert pane.proposals_tab.model.rowCount() == 1
    assert pane.promises_tab.model.rowCount() == 1
    price = pane.proposals_tab.model.index(0, 2).data()
    assert price == "€90.00 per hour"


def test_add_a_contact_through_the_form(qtbot, pane, client_id):
    form = pane.contacts_tab.add_contact()
    type_text(form.name_edit, "Łukasz Żółć محمد")
    type_text(form.email_edit, "lukasz@example.org")
    form.left_on.check.setChecked(True)
    form.left_on.edit.setDate(form.left_on.edit.date().addDays(-3))
    form.employer_edit.setText("Zoë & <Co>")
    with qtbot.waitSignal(pane.clientChanged) as signal:
        click_save(qtbot, form)
    assert signal.args == [client_id]
    [row] = detail.contacts(client_id)
    assert row.name == "Łukasz Żółć محمد"
    assert row.email == "lukasz@example.org"
    assert row.left_on == clock.today() - timedelta(days=3)
    assert row.new_employer == "Zoë & <Co>"
    assert pane.contacts_tab.model.index(0, 0).data() == "Łukasz Żółć محمد"


def test_a_contact_without_name_or_with_a_bad_email_is_refused_next_to_the_field(
        qtbot, pane, client_id):
    form = pane.contacts_tab.add_contact()
    form.email_edit.setText("not an address")
    click_save(qtbot, form)
    assert form.isVisible()
    assert "name" in form.error_text("name")
    assert form.focusWidget() is form.name_edit

    form.name_edit.setText("Anna")
    click_save(qtbot, form)
    assert form.error_text("name") == ""
    assert "email address" in form.error_text("email")
    assert detail.contacts(client_id) == []
    form.reject()


def test_making_a_contact_primary_demotes_the_other(qtbot, pane, client_id):
    records.save_contact(client_id, name="Anna", primary=True)
    records.save_contact(client_id, name="Bruno")
    pane.show_client(client_id)
    tab = pane.contacts_tab
    bruno = [r.name for r in tab.model.rows()].index("Bruno")
    tab.select_row(bruno)
    form = tab.edit_contact()
    assert form.name_edit.text() == "Bruno"
    assert not form.primary_check.isChecked()
    form.primary_check.setChecked(True)
    with qtbot.waitSignal(pane.clientChanged):
        click_save(qtbot, form)
    primaries = {r.name: r.primary for r in detail.contacts(client_id)}
    assert primaries == {"Anna": False, "Bruno": True}
    assert tab.model.index(0, 0).data() == "Bruno"  # the primary is listed first
    assert tab.model.index(0, 4).data() == "✓"


def test_remove_a_contact_after_confirming(qtbot, pane, client_id):
    records.save_contact(client_id, name="Anna")
    pane.show_client(client_id)
    pane.contacts_tab.select_row(0)
    with alerts.intercept(answer=False) as seen:
        assert not pane.contacts_tab.remove_contact()
    assert "Anna" in seen[0].text
    assert len(detail.contacts(client_id)) == 1

    with alerts.intercept(answer=True), qtbot.waitSignal(pane.clientChanged):
        assert pane.contacts_tab.remove_contact()
    assert detail.contacts(client_id) == []
    assert pane.contacts_tab.model.rowCount() == 0


def test_log_an_interaction_it_comes_first_and_the_minutes_change(qtbot, pane, client_id):
    records.add_interaction(client_id, clock.local_now() - timedelta(days=5), "email",
                            minutes=15, summary="older")
    pane.show_client(client_id)
    assert pane.header.minutes.value.text() == "15 min"

    form = pane.timeline_tab.log_interaction()
    form.kind_combo.setCurrentIndex(form.kind_combo.findData("support"))
    form.direction_combo.setCurrentIndex(form.direction_combo.findData("in"))
    form.minutes_spin.setValue(50)
    type_text(form.summary_edit, "Le site est en panne — 山田")
    form.complaint_check.setChecked(True)
    with qtbot.waitSignal(pane.clientChanged, timeout=2000):
        click_save(qtbot, form)

    model = pane.timeline_tab.model
    assert model.rowCount() == 2
    first = model.row_at(0)
    assert (first.kind, first.direction, first.minutes, first.complaint) == (
        "support", "in", 50, True)
    assert first.summary == "Le site est en panne — 山田"
    assert model.index(0, 1).data() == "Support request"
    assert model.index(0, 2).data() == "Le site est en panne — 山田"  # the summary has room
    assert model.index(0, 5).data(Qt.ItemDataRole.AccessibleTextRole) == "Complaint"
    assert not model.index(0, 5).data(Qt.ItemDataRole.DecorationRole).isNull()
    assert pane.header.minutes.value.text() == "1 h 05 min"
    assert pane.header.complaints.value.text() == "1"


def test_correct_a_logged_interaction(qtbot, pane, client_id):
    records.add_interaction(client_id, clock.local_now() - timedelta(days=2), "call",
                            minutes=10, summary="Quick call")
    pane.show_client(client_id)
    pane.timeline_tab.select_row(0)
    form = pane.timeline_tab.edit_interaction()
    assert form.summary_edit.toPlainText() == "Quick call"
    assert form.kind_combo.currentData() == "call" and form.minutes_spin.value() == 10
    form.minutes_spin.setValue(40)
    form.summary_edit.clear()
    type_text(form.summary_edit, "Long call about Łódź & <the plan>")
    with qtbot.waitSignal(pane.clientChanged, timeout=2000):
        click_save(qtbot, form)
    model = pane.timeline_tab.model
    assert model.rowCount() == 1
    assert (model.row_at(0).minutes, model.row_at(0).summary) == (
        40, "Long call about Łódź & <the plan>")
    assert pane.header.minutes.value.text() == "40 min"


def test_delete_an_interaction_after_confirming(qtbot, pane, client_id):
    records.add_interaction(client_id, clock.local_now(), "call", minutes=10)
    pane.show_client(client_id)
    pane.timeline_tab.select_row(0)
    with alerts.intercept(answer=True) as seen, qtbot.waitSignal(pane.clientChanged):
        assert pane.timeline_tab.delete_interaction()
    assert seen[0].kind == "question"
    assert detail.interaction_count(client_id) == 0
    assert pane.timeline_tab.model.rowCount() == 0
    assert pane.header.minutes.value.text() == "0 min"


def test_the_timeline_fetches_more_as_it_scrolls(qtbot, pane, client_id):
    start = datetime(2026, 1, 1, 9)
    for minute in range(130):
        records.add_interaction(client_id, start + timedelta(minutes=minute), "note")
    pane.show_client(client_id)
    model = pane.timeline_tab.model
    assert model.rowCount() == 100
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 130
    assert not model.canFetchMore()
    assert model.row_at(0).occurred_at == start + timedelta(minutes=129)


def test_negative_revenue_is_refused_next_to_the_field_and_nothing_saved(
        qtbot, pane, client_id):
    form = pane.revenue_tab.add_revenue()
    type_text(form.amount_edit, "-120.00")
    click_save(qtbot, form)
    assert form.isVisible()
    assert form.error_text("amount_cents") == "The amount cannot be negative."
    assert detail.revenue_by_month(client_id) == []

    form.amount_edit.setText("1,234.50")
    with qtbot.waitSignal(pane.clientChanged):
        click_save(qtbot, form)
    assert detail.revenue_by_month(client_id) == [
        detail.RevenueRow(clock.today().replace(day=1), 123_450)]
    assert pane.revenue_tab.model.index(0, 1).data() == "€1,234.50"
    assert pane.header.revenue.value.text() == "€1,234.50"


def test_editing_a_month_replaces_its_amount(qtbot, pane, client_id):
    records.set_revenue(client_id, date(2026, 3, 1), 10_000)
    pane.show_client(client_id)
    pane.revenue_tab.select_row(0)
    form = pane.revenue_tab.edit_revenue()
    assert form.amount_edit.text() == "100.00"
    assert not form.month_edit.isEnabled()
    form.amount_edit.setText("99")
    with qtbot.waitSignal(pane.clientChanged):
        click_save(qtbot, form)
    assert detail.revenue_by_month(client_id) == [detail.RevenueRow(date(2026, 3, 1), 9_900)]


def test_remove_a_month_after_confirming(qtbot, pane, client_id):
    records.set_revenue(client_id, clock.today(), 5_000)
    pane.show_client(client_id)
    pane.revenue_tab.select_row(0)
    with alerts.intercept(answer=True) as seen, qtbot.waitSignal(pane.clientChanged):
        assert pane.revenue_tab.remove_revenue()
    assert "€50.00" in seen[0].text
    assert detail.revenue_by_month(client_id) == []
    assert pane.header.revenue.value.text() == "€0.00"


def test_a_store_refusal_shows_under_the_field_it_names(qtbot, pane, client_id):
    form = pane.proposals_tab.add_proposal()
    form.title_edit.setText("Retainer")
    form.pricing_combo.setCurrentIndex(form.pricing_combo.findData("rate"))
    form.amount_edit.setText("99999999999999999")  # more than the store accepts
    click_save(qtbot, form)
    assert form.isVisible()
    assert "too large" in form.error_text("amount_cents")
    assert detail.proposals(client_id) == []
    form.reject()


def test_proposal_decided_before_it_was_sent_is_refused(qtbot, pane, client_id):
    form = pane.proposals_tab.add_proposal()
    form.title_edit.setText("Brochure & <flyer>")
    form.amount_edit.setText("2500")
    form.outcome_combo.setCurrentIndex(form.outcome_combo.findData("won"))
    assert form.decided.check.isChecked()  # a decision is dated today unless changed
    form.decided.edit.setDate(form.sent_edit.date().addDays(-1))
    click_save(qtbot, form)
    assert "before it was sent" in form.error_text("decided_on")
    assert detail.proposals(client_id) == []

    form.decided.edit.setDate(form.sent_edit.date())
    with qtbot.waitSignal(pane.clientChanged):
        click_save(qtbot, form)
    [row] = detail.proposals(client_id)
    assert (row.title, row.amount_cents, row.hourly_rate_cents, row.outcome) == (
        "Brochure & <flyer>", 250_000, None, "won")


def promise_state_text(pane, description: str) -> str:
    model = pane.promises_tab.model
    row = [r.description for r in model.rows()].index(description)
    return model.index(row, 2).data()


def select_promise(pane, description: str) -> None:
    rows = pane.promises_tab.model.rows()
    pane.promises_tab.select_row([r.description for r in rows].index(description))


def test_a_promise_done_before_its_due_time_is_kept_after_it_late(qtbot, pane, client_id):
    form = pane.promises_tab.add_promise()
    type_text(form.description_edit, "Envoyer les chiffres à Zoë")
    form.channel_combo.setCurrentIndex(form.channel_combo.findData("call"))
    with qtbot.waitSignal(pane.clientChanged):
        click_save(qtbot, form)
    records.add_promise(client_id, "Call back", clock.local_now() - timedelta(hours=2), "call")
    pane.show_client(client_id)
    assert promise_state_text(pane, "Envoyer les chiffres à Zoë") == "Open"
    assert promise_state_text(pane, "Call back") == "Overdue"  # open, past its due time

    select_promise(pane, "Envoyer les chiffres à Zoë")
    with qtbot.waitSignal(pane.clientChanged):
        pane.promises_tab.done_button.click()
    assert promise_state_text(pane, "Envoyer les chiffres à Zoë") == "Kept"

    select_promise(pane, "Call back")
    with qtbot.waitSignal(pane.clientChanged):
        pane.promises_tab.done_button.click()
    assert promise_state_text(pane, "Call back") == "Late"
    assert pane.header.promises.value.text() == "50 %"

    select_promise(pane, "Call back")
    assert pane.promises_tab.reopen_button.isEnabled()
    assert not pane.promises_tab.cancel_button.isEnabled()
    assert not pane.promises_tab.reopen_button.isHidden()
    assert pane.promises_tab.cancel_button.isHidden()  # Reopen takes its place
    pane.promises_tab.reopen_button.click()
    assert promise_state_text(pane, "Call back") == "Overdue"
    select_promise(pane, "Call back")
    assert not pane.promises_tab.cancel_button.isHidden()
    pane.promises_tab.cancel_button.click()
    assert promise_state_text(pane, "Call back") == "Broken"
    [cancelled] = [p for p in detail.promises(client_id) if p.description == "Call back"]
    assert cancelled.cancelled_at is not None and cancelled.done_at is None


def test_a_promise_can_be_moved_and_reworded(qtbot, pane, client_id):
    due = datetime(2026, 12, 1, 16, 0)
    records.add_promise(client_id, "Email the figures", due, "email")
    pane.show_client(client_id)
    pane.promises_tab.select_row(0)
    form = pane.promises_tab.edit_promise()
    assert form.description_edit.text() == "Email the figures"
    form.description_edit.clear()
    type_text(form.description_edit, "Call Zoë about the figures")
    form.due_edit.setDateTime(form.due_edit.dateTime().addDays(2))
    form.channel_combo.setCurrentIndex(form.channel_combo.findData("call"))
    with qtbot.waitSignal(pane.clientChanged, timeout=2000):
        click_save(qtbot, form)
    [promise] = detail.promises(client_id)
    assert (promise.description, promise.due_at, promise.channel) == (
        "Call Zoë about the figures", datetime(2026, 12, 3, 16, 0), "call")


def test_a_promise_needs_a_description(qtbot, pane, client_id):
    form = pane.promises_tab.add_promise()
    click_save(qtbot, form)
    assert form.error_text("description") == "Please say what you promised."
    assert detail.promises(client_id) == []
    form.reject()


@pytest.mark.parametrize(
    ("locale", "text", "cents"),
    [
        (QLocale.Language.English, "1,234.50", 123_450),
        (QLocale.Language.English, "1234,50", 123_450),  # a lone comma with two digits
        (QLocale.Language.English, "€ 12", 1_200),
        (QLocale.Language.English, "0.5", 50),
        (QLocale.Language.German, "1.234,50", 123_450),
        (QLocale.Language.German, "1234,50", 123_450),
        (QLocale.Language.German, "1 234,5 €", 123_450),
        (QLocale.Language.French, "1\u202f234,50", 123_450),
    ],
)
def test_money_is_read_the_locale_way_into_cents(locale, text, cents):
    before = QLocale()
    QLocale.setDefault(QLocale(locale))
    try:
        assert parse_money(text) == cents
    finally:
        QLocale.setDefault(before)


@pytest.mark.parametrize("text", ["", "abc", "12.345", "-3", "1e5"])
def test_money_that_is_not_an_amount_is_refused(english, text):
    with pytest.raises(ValidationError) as caught:
        parse_money(text, field="amount_cents")
    assert caught.value.field == "amount_cents"


def test_edit_client_refreshes_the_header_and_tells_the_list(qtbot, pane, client_id):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from goodbye_desktop.ui.dialogs.client_form import ClientFormDialog

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ClientFormDialog)
        dialog.name.clear()
        type_text(dialog.name, "Zoë Łukasiewicz")
        dialog.accept()

    QTimer.singleShot(0, answer)
    with qtbot.waitSignal(pane.clientChanged) as signal:
        assert pane.edit_client()
    assert signal.args == [client_id]
    assert pane.header.name_label.text() == "Zoë Łukasiewicz"
