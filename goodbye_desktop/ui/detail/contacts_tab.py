"""The Contacts tab: the people at a client, and the form to add or change one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QWidget

from goodbye_desktop.core.names import suggested_salutation
from goodbye_desktop.errors import ValidationError
from goodbye_desktop.store import detail, records
from goodbye_desktop.store.detail import ContactRow
from goodbye_desktop.ui.detail.common import (
    WARN_COLOR,
    Column,
    OptionalDate,
    RecordForm,
    RecordTab,
    format_date,
)


class ContactForm(RecordForm):
    """Name (required), how they are greeted, role, email (checked), phone, primary, left on,
    new employer.

    The greeting is suggested from the name (core.names): "Dear An" for Nguyễn Văn An,
    where the name order is known; otherwise the whole name, with a note asking the owner
    to check it. Only what the owner leaves in the field is stored.
    """

    def __init__(self, client_id: int, contact: ContactRow | None = None,
                 parent: QWidget | None = None) -> None:
        self.client_id = client_id
        self.contact = contact
        super().__init__(self.values, self._save, parent)
        self.setWindowTitle(self.tr("New contact") if contact is None else self.tr("Edit contact"))
        self.setObjectName("contactForm")
        self.name_edit = self.add_field("name", self.tr("&Name:"), QLineEdit(),
                                        self.tr("Contact name"))
        self.salutation_edit = self.add_field("salutation", self.tr("&Greeting:"), QLineEdit(),
                                              self.tr("How to greet them in a letter"))
        self.salutation_edit.setPlaceholderText(self.tr("e.g. Dear An, Dear Dr Okafor"))
        self.salutation_note = QLabel(self)
        self.salutation_note.setObjectName("salutationNote")
        self.salutation_note.setTextFormat(Qt.TextFormat.PlainText)
        self.salutation_note.setWordWrap(True)
        self.salutation_note.setStyleSheet(f"color: {WARN_COLOR};")
        self.salutation_note.hide()
        self.form.addRow("", self.salutation_note)
        # The suggestion follows the name until the owner types a greeting of their own.
        self._suggested = ""
        self.name_edit.textEdited.connect(self._suggest_salutation)
        self.role_edit = self.add_field("role", self.tr("&Role:"), QLineEdit(), self.tr("Role"))
        self.role_edit.setPlaceholderText(self.tr("e.g. Office manager"))
        self.email_edit = self.add_field("email", self.tr("&Email:"), QLineEdit(),
                                         self.tr("Email address"))
        self.phone_edit = self.add_field("phone", self.tr("&Phone:"), QLineEdit(),
                                         self.tr("Phone number"))
        self.primary_check = QCheckBox(self.tr("Pr&imary contact for this client"))
        self.add_field("primary", "", self.primary_check, self.tr("Primary contact"))
        self.left_on = OptionalDate(self.tr("&Left the client on:"),
                                    self.tr("Date the contact left the client"))
        self.add_field("left_on", self.left_on.check, self.left_on,
                       self.tr("Date the contact left the client"), focus=self.left_on.edit)
        self.employer_edit = self.add_field("new_employer", self.tr("New e&mployer:"),
                                            QLineEdit(), self.tr("New employer"))
        self.employer_edit.setPlaceholderText(self.tr("Where they went, if you know"))
        if contact is not None:
            self.name_edit.setText(contact.name)
            self.role_edit.setText(contact.role)
            self.email_edit.setText(contact.email)
            self.phone_edit.setText(contact.phone)
            self.primary_check.setChecked(contact.primary)
            self.left_on.set_value(contact.left_on)
            self.employer_edit.setText(contact.new_employer)
            self.salutation_edit.setText(contact.salutation)

    def _suggest_salutation(self, name: str) -> None:
        current = self.salutation_edit.text().strip()
        if current and current != self._suggested:
            return  # the owner's own words stay
        guess = suggested_salutation(name.strip())
        self._suggested = guess.name
        self.salutation_edit.setText(guess.name)
        self.salutation_note.setText("" if guess.confident or not guess.name else self.tr(
            "Please check the greeting: the order of given and family name is not known "
            "for this name."))
        self.salutation_note.setVisible(bool(guess.name) and not guess.confident)

    def values(self) -> dict[str, Any]:
        name = self.name_edit.text().strip()
        if not name:
            raise ValidationError(self.tr("Please enter the contact's name."), field="name")
        email = self.email_edit.text().strip()
        local, at, domain = email.partition("@")
        if email and (not at or not local or not domain or " " in email):
            raise ValidationError(
                self.tr("This does not look like an email address (name@example.com)."),
                field="email")
        return {
            "name": name,
            "role": self.role_edit.text().strip(),
            "email": email,
            "phone": self.phone_edit.text().strip(),
            "primary": self.primary_check.isChecked(),
            "left_on": self.left_on.value(),
            "new_employer": self.employer_edit.text().strip(),
            "salutation": " ".join(self.salutation_edit.text().split()),
        }

    def _save(self, values: dict[str, Any]) -> int:
        contact_id = self.contact.id if self.contact else None
        return records.save_contact(self.client_id, contact_id, **values)


class ContactsTab(RecordTab):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(detail.contacts, parent)
        tr = self.tr
        self.model.set_columns([
            Column(tr("Name"), lambda r: r.name, keep=True),
            Column(tr("Role"), lambda r: r.role),
            Column(tr("Email"), lambda r: r.email, stretch=True),
            Column(tr("Phone"), lambda r: r.phone),
            Column(tr("Primary"), lambda r: "✓" if r.primary else "", narrow=True,
                   tip=tr("The main contact, greeted in letters")),
            Column(tr("Left on"), lambda r: format_date(r.left_on),
                   color=lambda r: WARN_COLOR if r.left_on else None),
            Column(tr("New employer"), lambda r: r.new_employer),
        ])
        self.setObjectName("contactsTab")
        self.table.setObjectName("contactsTable")
        self.table.setAccessibleName(self.tr("Contacts"))
        self.add_button(self.tr("&Add…"), "addContact", self.add_contact)
        self.add_button(self.tr("&Edit…"), "editContact", self.edit_contact, needs_selection=True)
        self.add_button(self.tr("&Remove…"), "removeContact", self.remove_contact,
                        needs_selection=True)

    def empty_text(self) -> str:
        return self.tr("No contacts yet.")

    def activated(self) -> None:
        self.edit_contact()

    def _open(self, contact: ContactRow | None) -> ContactForm | None:
        if self.client_id is None:
            return None
        form = ContactForm(self.client_id, contact, self)
        self.open_form(form)
        return form

    def add_contact(self) -> ContactForm | None:
        """Open the form for a new contact (window-modal); returns it."""
        return self._open(None)

    def edit_contact(self) -> ContactForm | None:
        contact = self.selected_row()
        return self._open(contact) if contact is not None else None

    def remove_contact(self) -> bool:
        """Remove the selected contact once the user confirms; True if removed."""
        contact = self.selected_row()
        if contact is None or not self.confirm(
                self.tr("Remove contact"),
                self.tr("Remove %1 from this client's contacts? This cannot be undone. "
                        "If they only moved on, set the date they left instead.")
                .replace("%1", contact.name),
                self.tr("Remove")):
            return False
        return self.run_write(lambda: records.delete_contact(contact.id))
