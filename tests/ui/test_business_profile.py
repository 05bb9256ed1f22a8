"""The business profile dialog: typed values saved in one call, money as cents, images checked."""

from pathlib import Path

import pytest
from helpers import type_text
from PySide6.QtGui import QColor, QImage

from goodbye_desktop.errors import ValidationError
from goodbye_desktop.store import records
from goodbye_desktop.ui.detail.common import parse_money
from goodbye_desktop.ui.dialogs.business_profile import BusinessProfileDialog


@pytest.fixture
def dialog(qtbot, db_path: Path) -> BusinessProfileDialog:
    dialog = BusinessProfileDialog(None, save=records.update_profile)
    qtbot.addWidget(dialog)
    return dialog


def test_typed_values_are_saved(dialog, tmp_path) -> None:
    type_text(dialog.businessName, "Łukasz & <Córki> Studio")
    type_text(dialog.ownerName, "山田 花子")
    type_text(dialog.hourlyRate, "85,50")
    dialog.pageSize.setCurrentIndex(dialog.pageSize.findData("Letter"))
    dialog.locale.setCurrentIndex(dialog.locale.findData("en_US"))
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("navy"))
    image.save(str(tmp_path / "logo.png"))
    dialog.logo.load(tmp_path / "logo.png")
    assert dialog.save()
    profile = records.get_profile()
    assert profile["business_name"] == "Łukasz & <Córki> Studio"
    assert profile["owner_name"] == "山田 花子"
    assert profile["target_hourly_rate_cents"] == 8550
    assert (profile["page_size"], profile["locale"]) == ("Letter", "en_US")
    assert bytes(profile["logo"]) == (tmp_path / "logo.png").read_bytes()


def test_the_yearly_goals_are_set_here_and_measured_on_the_dashboard(qtbot, dialog) -> None:
    from PySide6.QtCore import Qt

    assert (dialog.retentionGoal.value(), dialog.winBackGoal.value()) == (90, 2)
    dialog.retentionGoal.setFocus()
    dialog.retentionGoal.selectAll()
    qtbot.keyClicks(dialog.retentionGoal, "75")
    dialog.winBackGoal.setValue(0)
    qtbot.keyClick(dialog.winBackGoal, Qt.Key.Key_Up)
    assert dialog.save()
    profile = records.get_profile()
    assert (profile["retention_target_pct"], profile["reactivation_target"]) == (75, 1)
    from goodbye_desktop.store.dashboard import Reader

    assert Reader().goals() == (75, 1)


def test_a_bad_rate_is_explained_and_nothing_is_saved(dialog) -> None:
    type_text(dialog.hourlyRate, "lots")
    type_text(dialog.ownerName, "Nobody")
    assert not dialog.save()
    assert "hourly rate" in dialog.errorLabel.text().lower()
    assert records.get_profile()["owner_name"] == ""


def test_only_png_or_jpeg_images_are_taken(dialog, tmp_path) -> None:
    (tmp_path / "notes.png").write_text("not an image")
    with pytest.raises(ValidationError) as caught:
        dialog.signature.load(tmp_path / "notes.png")
    assert caught.value.field == "signature"
    assert dialog.signature.data is None


@pytest.mark.parametrize(("locale", "text", "cents"), [
    ("en_GB", "85", 8500), ("en_GB", "85.5", 8550), ("en_GB", "1,250.00", 125000),
    ("en_GB", "£ 90", 9000), ("de_DE", "1.250,00", 125000), ("de_DE", "85,50", 8550),
])
def test_money_is_read_into_cents_the_locale_way(locale, text, cents) -> None:
    from PySide6.QtCore import QLocale

    before = QLocale()
    QLocale.setDefault(QLocale(locale))
    try:
        assert parse_money(text) == cents
    finally:
        QLocale.setDefault(before)


def test_money_with_three_decimals_is_refused() -> None:
    with pytest.raises(ValidationError):
        parse_money("85.555")
