"""Settings > Business profile: what every letter's letterhead and closing are made from.

Name, owner, postal address, email, phone, website, a logo and a signature image (PNG or
JPEG, with a small preview), the page size (automatic from the locale, A4 or US Letter),
the locale letters are dated in, the currency, the target hourly rate and the days of
silence before a client is flagged. The dialog checks what it can and hands the values
to `save`, the caller's one store call (`records.update_profile`), as keyword arguments;
a value refused (or a save that fails) is explained under the form, its field gets the
focus, and everything stays as typed.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from goodbye_desktop.errors import GoodbyeError, ValidationError
from goodbye_desktop.store import records
from goodbye_desktop.ui.detail.common import parse_money
from goodbye_desktop.ui.error_text import error_text
from goodbye_desktop.ui.screen_fit import fit_to_screen

LOCALES = ("en_GB", "en_US", "en_CA", "en_AU", "en_IE", "en_NZ", "de_DE", "de_AT", "de_CH",
           "fr_FR", "fr_BE", "fr_CA", "es_ES", "es_MX", "it_IT", "nl_NL", "pt_PT", "pt_BR",
           "pl_PL", "sv_SE", "da_DK", "nb_NO")
CURRENCIES = ("EUR", "GBP", "USD", "CAD", "AUD", "CHF", "PLN", "SEK", "DKK", "NOK", "JPY")
MAX_IMAGE_BYTES = 5 * 1024 * 1024
_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"


class ImagePicker(QWidget):
    """A small preview of an image with Choose… and Clear; holds the file's bytes."""

    def __init__(self, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.what = what
        self.data: bytes | None = None
        self.preview = QLabel(self)
        self.preview.setFixedSize(180, 60)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet("QLabel { background: white; border: 1px solid #bbb; }")
        self.chooseButton = QPushButton(self.tr("Choose…"), self)
        self.clearButton = QPushButton(self.tr("Clear"), self)
        self.chooseButton.clicked.connect(self._choose)
        self.clearButton.clicked.connect(self._clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preview)
        layout.addWidget(self.chooseButton)
        layout.addWidget(self.clearButton)
        layout.addStretch(1)
        self.set_data(None)

    def _clear(self, *_args: object) -> None:
        self.set_data(None)

    def set_data(self, data: bytes | None) -> None:
        self.data = data
        self.clearButton.setEnabled(data is not None)
        if data is None:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("None"))
            return
        image = QImage.fromData(data)
        self.preview.setPixmap(QPixmap.fromImage(image).scaled(
            self.preview.size(), Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation))

    def load(self, path: Path) -> None:
        """Take the image at `path`; ValidationError when it is not a readable PNG or JPEG."""
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise ValidationError(self.tr("%1 cannot be read: %2.").replace("%1", str(path))
                                  .replace("%2", str(exc.strerror or exc)),
                                  field=self.what) from exc
        if len(data) > MAX_IMAGE_BYTES:
            raise ValidationError(self.tr("%1 is larger than 5 MB; a smaller image prints "
                                          "just as well.").replace("%1", Path(path).name),
                                  field=self.what)
        if not data.startswith((_PNG, _JPEG)) or QImage.fromData(data).isNull():
            raise ValidationError(self.tr("%1 is not a PNG or JPEG image.")
                                  .replace("%1", Path(path).name), field=self.what)
        self.set_data(data)

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose an image"), str(Path.home()),
                                              self.tr("Images (*.png *.jpg *.jpeg)"))
        if not path:
            return
        dialog = self.window()
        try:
            self.load(Path(path))
        except ValidationError as exc:
            if isinstance(dialog, BusinessProfileDialog):
                dialog.show_problem(exc)


# The caller's store call: takes the profile's fields as keyword arguments.
SaveProfile = Callable[..., Any]


class BusinessProfileDialog(QDialog):
    """Edit the business profile; `save()` hands it to the caller's `save` in one call."""

    def __init__(self, parent: QWidget | None = None, *, save: SaveProfile) -> None:
        super().__init__(parent)
        self.setObjectName("businessProfile")
        self.setWindowTitle(self.tr("Business profile"))
        self._save = save
        profile = records.get_profile()

        def line(name: str, value: str, accessible: str) -> QLineEdit:
            edit = QLineEdit(value or "", self)
            edit.setObjectName(name)
            edit.setAccessibleName(accessible)
            return edit

        self.businessName = line("businessName", profile["business_name"],
                                 self.tr("Business name"))
        self.ownerName = line("ownerName", profile["owner_name"], self.tr("Your name"))
        self.letterGreeting = line("letterGreeting", profile.get("letter_greeting") or "",
                                   self.tr("Greeting in letters to an organisation without "
                                           "a contact"))
        self.letterGreeting.setPlaceholderText(self.tr("Dear {client_name} team"))
        self.letterGreeting.setToolTip(self.tr(
            "How a letter greets a client that is an organisation when nobody there is named: "
            "{client_name} stands for the client's name."))
        self.address = QPlainTextEdit(profile["address"] or "", self)
        self.address.setObjectName("address")
        self.address.setAccessibleName(self.tr("Postal address"))
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        self.email = line("email", profile["email"], self.tr("Email"))
        self.phone = line("phone", profile["phone"], self.tr("Phone"))
        self.website = line("website", profile["website"], self.tr("Website"))
        self.logo = ImagePicker("logo", self)
        self.logo.setAccessibleName(self.tr("Logo"))
        self.logo.set_data(bytes(profile["logo"]) if profile["logo"] else None)
        self.signature = ImagePicker("signature", self)
        self.signature.setAccessibleName(self.tr("Signature"))
        self.signature.set_data(bytes(profile["signature"]) if profile["signature"] else None)

        self.pageSize = QComboBox(self)
        self.pageSize.setObjectName("pageSize")
        self.pageSize.setAccessibleName(self.tr("Page size"))
        self.pageSize.addItem(self.tr("Automatic (from the locale)"), None)
        self.pageSize.addItem(self.tr("A4"), "A4")
        self.pageSize.addItem(self.tr("US Letter"), "Letter")
        self.pageSize.setCurrentIndex(max(0, self.pageSize.findData(profile["page_size"])))

        self.locale = QComboBox(self)
        self.locale.setObjectName("locale")
        self.locale.setAccessibleName(self.tr("Locale for letters"))
        for code in LOCALES:
            qt_locale = QLocale(code)
            self.locale.addItem(f"{qt_locale.nativeLanguageName()} "
                                f"({qt_locale.nativeTerritoryName()}) – {code}", code)
        index = self.locale.findData(profile["locale"])
        if index < 0:
            self.locale.addItem(profile["locale"], profile["locale"])
            index = self.locale.count() - 1
        self.locale.setCurrentIndex(index)

        self.currency = QComboBox(self)
        self.currency.setObjectName("currency")
        self.currency.setAccessibleName(self.tr("Currency"))
        self.currency.setEditable(True)
        self.currency.addItems(CURRENCIES)
        self.currency.setCurrentText(profile["currency"] or "EUR")

        self.hourlyRate = QLineEdit(self)
        self.hourlyRate.setObjectName("hourlyRate")
        self.hourlyRate.setAccessibleName(self.tr("Target hourly rate"))
        cents = profile["target_hourly_rate_cents"] or 0
        self.hourlyRate.setText(f"{Decimal(cents) / 100:.2f}" if cents else "")
        self.hourlyRate.setPlaceholderText(self.tr("for example 85.00"))

        self.silenceDays = QSpinBox(self)
        self.silenceDays.setObjectName("silenceDays")
        self.silenceDays.setAccessibleName(self.tr("Days of silence before a warning"))
        self.silenceDays.setRange(1, 3650)
        self.silenceDays.setSuffix(self.tr(" days"))
        self.silenceDays.setValue(profile["silence_days"] or 45)

        # The year's goals the Dashboard measures retention and win-backs against.
        self.retentionGoal = QSpinBox(self)
        self.retentionGoal.setObjectName("retentionGoal")
        self.retentionGoal.setAccessibleName(self.tr("Retention goal, in percent"))
        self.retentionGoal.setRange(0, 100)
        self.retentionGoal.setSuffix(self.tr(" % retention"))
        self.retentionGoal.setValue(profile["retention_target_pct"]
                                    if profile["retention_target_pct"] is not None else 90)
        self.winBackGoal = QSpinBox(self)
        self.winBackGoal.setObjectName("winBackGoal")
        self.winBackGoal.setAccessibleName(self.tr("Clients to win back each year"))
        self.winBackGoal.setRange(0, 999)
        self.winBackGoal.setSuffix(self.tr(" won back"))
        self.winBackGoal.setValue(profile["reactivation_target"]
                                  if profile["reactivation_target"] is not None else 2)
        goals = QWidget(self)
        goals_row = QHBoxLayout(goals)
        goals_row.setContentsMargins(0, 0, 0, 0)
        goals_row.addWidget(self.retentionGoal)
        goals_row.addWidget(self.winBackGoal)
        goals_row.addStretch(1)

        self.errorLabel = QLabel(self)
        self.errorLabel.setObjectName("profileError")
        self.errorLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet("color: #b3261e;")
        self.errorLabel.hide()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for text, widget in (
            (self.tr("Business &name:"), self.businessName),
            (self.tr("&Your name:"), self.ownerName),
            (self.tr("Postal &address:"), self.address),
            (self.tr("&Email:"), self.email),
            (self.tr("&Phone:"), self.phone),
            (self.tr("&Website:"), self.website),
            (self.tr("Greeting wi&thout a contact:"), self.letterGreeting),
            (self.tr("&Logo:"), self.logo),
            (self.tr("Si&gnature:"), self.signature),
            (self.tr("Pa&ge size:"), self.pageSize),
            (self.tr("Lo&cale for letters:"), self.locale),
            (self.tr("C&urrency:"), self.currency),
            (self.tr("Target &hourly rate:"), self.hourlyRate),
            (self.tr("&Silence warning after:"), self.silenceDays),
            (self.tr("Yearly g&oals:"), goals),
        ):
            label = QLabel(text, self)
            buddy = (widget.chooseButton if isinstance(widget, ImagePicker)
                     else self.retentionGoal if widget is goals else widget)
            label.setBuddy(buddy)
            form.addRow(label, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._save_and_close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errorLabel)
        layout.addWidget(buttons)
        fit_to_screen(self, 620)
        self._fields = {
            "business_name": self.businessName, "owner_name": self.ownerName,
            "address": self.address, "email": self.email, "phone": self.phone,
            "website": self.website, "letter_greeting": self.letterGreeting,
            "logo": self.logo.chooseButton,
            "signature": self.signature.chooseButton, "page_size": self.pageSize,
            "locale": self.locale, "currency": self.currency,
            "target_hourly_rate_cents": self.hourlyRate, "silence_days": self.silenceDays,
            "retention_target_pct": self.retentionGoal,
            "reactivation_target": self.winBackGoal,
        }

    @classmethod
    def run(cls, parent: QWidget | None, save: SaveProfile) -> bool:
        """Show the dialog and save the profile with `save`; True when it was saved."""
        dialog = cls(parent, save=save)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()

    def _hourly_rate_cents(self) -> int:
        # An empty rate means no target: the "costly" sign stays off.
        if not self.hourlyRate.text().strip():
            return 0
        try:
            return parse_money(self.hourlyRate.text(), field="target_hourly_rate_cents")
        except ValidationError as exc:
            raise ValidationError(self.tr("Target hourly rate: %1").replace("%1", error_text(exc)),
                                  field="target_hourly_rate_cents") from exc

    def values(self) -> dict:
        """The profile as typed, ready for records.update_profile; ValidationError if not."""
        currency = self.currency.currentText().strip().upper()
        if len(currency) != 3 or not currency.isalpha():
            raise ValidationError(self.tr("The currency is a three-letter code, such as EUR "
                                          "or GBP."), field="currency")
        email = self.email.text().strip()
        if email and ("@" not in email or email.startswith("@") or email.endswith("@")):
            raise ValidationError(self.tr("“%1” does not look like an email address.")
                                  .replace("%1", email), field="email")
        return {
            "business_name": self.businessName.text().strip(),
            "owner_name": self.ownerName.text().strip(),
            "address": self.address.toPlainText().strip(),
            "email": email,
            "phone": self.phone.text().strip(),
            "website": self.website.text().strip(),
            "letter_greeting": " ".join(self.letterGreeting.text().split()),
            "logo": self.logo.data,
            "signature": self.signature.data,
            "page_size": self.pageSize.currentData(),
            "locale": self.locale.currentData(),
            "currency": currency,
            "target_hourly_rate_cents": self._hourly_rate_cents(),
            "silence_days": self.silenceDays.value(),
            "retention_target_pct": self.retentionGoal.value(),
            "reactivation_target": self.winBackGoal.value(),
        }

    def save(self) -> bool:
        """Hand the profile to `save`; on a problem say it under the form, focus the field."""
        try:
            self._save(**self.values())
        except GoodbyeError as exc:
            self.show_problem(exc)
            return False
        self.errorLabel.hide()
        return True

    def show_problem(self, exc: GoodbyeError) -> None:
        self.errorLabel.setText(error_text(exc))
        self.errorLabel.show()
        widget = self._fields.get(getattr(exc, "field", None) or "")
        if widget is not None:
            widget.setFocus()

    def _save_and_close(self) -> None:
        if self.save():
            self.accept()
