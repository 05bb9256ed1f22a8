"""The client form: adding and changing a client, and what it says when something is wrong."""

from datetime import date
from functools import partial

import pytest
from helpers import type_text
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QWidget

from goodbye_desktop.store import queries, records
from goodbye_desktop.ui import alerts
from goodbye_desktop.ui.dialogs.client_form import ClientFormDialog, OptionalDateEdit


@pytest.fixture
def form(qtbot, db_path):
    dialog = ClientFormDialog(save=records.create_client)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def click_ok(qtbot, dialog: ClientFormDialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)


def test_a_new_client_is_saved_with_every_field(qtbot, form):
    type_text(form.name, "Renée & <Sons> Bakery")
    form.kind.setCurrentIndex(form.kind.findData(True))
    form.status.setCurrentIndex(form.status.findData("prospect"))
    form.started_on.set_value(date(2021, 3, 4))
    type_text(form.address, "12 Rue du Four")
    qtbot.keyClick(form.address, Qt.Key.Key_Return)
    type_text(form.address, "75006 Paris")
    qtbot.keyClicks(form.tags, "bakery, retainer")
    qtbot.keyClicks(form.source, "A referral from Ingrid")
    form.acquired_on.set_value(date(2025, 2, 1))
    type_text(form.acquirer, "Łukasiewicz Holding")
    form.keep_in_touch.setChecked(True)
    type_text(form.notes, "Prefers letters to email. 山田さんの紹介")
    click_ok(qtbot, form)

    assert form.result() == form.DialogCode.Accepted
    saved = records.get_client(form.saved)
    assert saved["name"] == "Renée & <Sons> Bakery"
    assert saved["is_person"] is True
    assert saved["status"] == "prospect"
    assert saved["started_on"] == date(2021, 3, 4)
    assert saved["ended_on"] is None
    assert saved["address"] == "12 Rue du Four\n75006 Paris"
    assert saved["tags"] == "bakery, retainer"
    assert saved["source"] == "A referral from Ingrid"
    assert saved["acquired_on"] == date(2025, 2, 1)
    assert saved["acquirer"] == "Łukasiewicz Holding"
    assert saved["keep_in_touch"] is True
    assert saved["notes"] == "Prefers letters to email. 山田さんの紹介"


def test_an_empty_name_is_refused_next_to_the_field_and_nothing_is_saved(qtbot, form):
    qtbot.keyClicks(form.tags, "design")
    qtbot.keyClicks(form.name, "   ")
    click_ok(qtbot, form)
    assert form.isVisible()
    assert form.error_text("name") == "Please enter a name."
    assert form.findChild(QLabel, "nameError").isVisible()
    assert form.name.hasFocus()
    assert queries.count_clients() == 0


def test_an_end_before_the_start_is_refused_next_to_the_end_date(qtbot, form):
    qtbot.keyClicks(form.name, "Acme")
    form.started_on.set_value(date(2024, 5, 1))
    form.ended_on.set_value(date(2024, 4, 30))
    click_ok(qtbot, form)
    assert form.error_text("ended_on") == "The end date cannot be before the start date."
    assert form.error_text("name") == ""
    assert form.ended_on.edit.hasFocus()
    assert queries.count_clients() == 0


def test_every_problem_is_shown_at_once_and_the_first_field_focused(qtbot, form):
    form.started_on.set_value(date(2024, 5, 1))
    form.ended_on.set_value(date(2024, 4, 30))
    click_ok(qtbot, form)
    assert form.error_text("name") == "Please enter a name."
    assert form.error_text("ended_on") == "The end date cannot be before the start date."
    assert form.name.hasFocus()


def test_errors_go_away_once_corrected(qtbot, form):
    click_ok(qtbot, form)
    assert form.error_text("name")
    qtbot.keyClicks(form.name, "Acme")
    click_ok(qtbot, form)
    assert form.error_text("name") == ""
    assert queries.count_clients() == 1


def test_a_date_is_optional_until_ticked(qtbot, form):
    assert not form.started_on.edit.isEnabled()
    assert form.started_on.value() is None
    qtbot.mouseClick(form.started_on.check, Qt.MouseButton.LeftButton)
    assert form.started_on.edit.isEnabled()
    assert form.started_on.value() == form.started_on.edit.date().toPython()


def test_editing_shows_the_client_and_saves_changes(qtbot, db_path):
    client_id = records.create_client(name="Zoë Papadopoulou", is_person=True,
                                      started_on=date(2022, 1, 1), tags="web")
    dialog = ClientFormDialog(None, client_id, save=partial(records.update_client, client_id))
    qtbot.addWidget(dialog)
    assert dialog.name.text() == "Zoë Papadopoulou"
    assert dialog.kind.currentData() is True
    assert dialog.started_on.value() == date(2022, 1, 1)
    assert dialog.ended_on.value() is None
    dialog.name.clear()
    type_text(dialog.name, "Zoë Papadopoulou-Ellis")
    dialog.ended_on.set_value(date(2025, 1, 31))
    dialog.status.setCurrentIndex(dialog.status.findData("departed"))
    click_ok(qtbot, dialog)
    saved = records.get_client(client_id)
    assert (saved["name"], saved["ended_on"], saved["status"], saved["tags"]) == (
        "Zoë Papadopoulou-Ellis", date(2025, 1, 31), "departed", "web")


def _answer_dialog(qtbot, fill) -> None:
    """Fill the dialog that is about to open modally, once it is on screen."""
    def answer():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ClientFormDialog):
            QTimer.singleShot(10, answer)
            return
        fill(dialog)
    QTimer.singleShot(0, answer)


def test_create_returns_the_new_id(qtbot, db_path):
    def fill(dialog):
        type_text(dialog.name, "山田デザイン事務所")
        click_ok(qtbot, dialog)
    _answer_dialog(qtbot, fill)
    client_id = ClientFormDialog.create(None, records.create_client)
    assert client_id is not None
    assert records.get_client(client_id)["name"] == "山田デザイン事務所"


def test_create_returns_none_when_cancelled(qtbot, db_path):
    def fill(dialog):
        qtbot.keyClicks(dialog.name, "Never saved")
        dialog.reject()
    _answer_dialog(qtbot, fill)
    assert ClientFormDialog.create(None, records.create_client) is None
    assert queries.count_clients() == 0


def test_edit_of_a_missing_client_says_so(qtbot, db_path):
    with alerts.intercept() as seen:
        assert ClientFormDialog.edit(None, 4242, partial(records.update_client, 4242)) is False
    assert [alert.kind for alert in seen] == ["error"]
    assert "4242" in seen[0].text


def test_every_input_has_an_accessible_name_and_a_label_with_a_mnemonic(qtbot, form):
    buddies = {label.buddy(): label.text() for label in form.findChildren(QLabel)
               if label.buddy() is not None}
    for field, widget in form._inputs.items():
        if isinstance(widget, OptionalDateEdit):
            assert widget.check.text().count("&") == 1, field
            assert widget.check.accessibleName() and widget.edit.accessibleName(), field
            continue
        assert widget.accessibleName(), field
        label = buddies.get(widget, getattr(widget, "text", lambda: "")())
        assert "&" in label, field


def test_alt_mnemonic_moves_to_the_field(qtbot, form):
    qtbot.keyClick(form, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
    assert form.tags.hasFocus()


def test_tab_order_follows_the_form(qtbot, form):
    form.name.setFocus()
    seen: list[QWidget] = [form.name]
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == [form.name, form.kind, form.status, form.started_on.check,
                    form.ended_on.check]
