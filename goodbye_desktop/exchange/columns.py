"""The columns an import understands, and how other programs' headers map onto them.

The app's own columns are those of its export (store.exchange_rows), so an export
imports back as it was. Address books are people: a row of Google Contacts, of Outlook
or a vCard becomes a contact, and its client is the person's organisation (or, without
one, the person). Their published headers are mapped here:

- Google Contacts (current and older CSV): `First Name`, `Middle Name`, `Last Name` (or
  `Name`, `Given Name`, `Family Name`), `Organization Name` / `Organization 1 - Name`,
  `Organization Title` / `Organization 1 - Title`, `E-mail 1 - Value`, `Phone 1 - Value`,
  `Address 1 - Formatted`, `Notes`, `Labels` / `Group Membership`.
- Outlook: `First Name`, `Middle Name`, `Last Name`, `Company`, `Job Title`,
  `E-mail Address`, `Business Phone` / `Mobile Phone` / `Primary Phone` / `Home Phone`,
  `Business Street`, `Business City`, `Business State`, `Business Postal Code`,
  `Business Country/Region`, `Notes`, `Categories`.
"""

from __future__ import annotations

from collections.abc import Callable

from goodbye_desktop.store.exchange_rows import TABLES_BY_KIND

IMPORT_KINDS = ("clients", "contacts", "interactions", "revenue", "proposals")
# Columns without which a row of the app's own kind means nothing.
REQUIRED = {
    "clients": ("name",),
    "contacts": ("name",),
    "interactions": ("occurred_at", "kind"),
    "revenue": ("month", "amount"),
    "proposals": ("sent_on",),
}
# Columns an owner can map in the import dialog, per kind (ids are the export's own).
MAPPABLE = {kind: tuple(c for c in TABLES_BY_KIND[kind].columns if not c.endswith("_id")
                        or c == "client_id") for kind in IMPORT_KINDS}
BOOK = "address_book"  # the marker of a row that came from an address book

Converter = Callable[[dict[str, str]], dict[str, str]]


def own_columns(kind: str) -> tuple[str, ...]:
    return TABLES_BY_KIND[kind].columns


def from_address_book(*, name: str, org: str, title: str, email: str, phone: str,
                      address: str, notes: str, tags: str) -> dict[str, str]:
    """One person of an address book, as a contact and their client."""
    name, org = " ".join(name.split()), " ".join(org.split())
    return {BOOK: "1", "client_name": org or name, "is_person": "0" if org else "1",
            "name": name or org, "role": title.strip(), "email": email.strip(),
            "phone": phone.strip(), "address": address.strip(), "notes": notes.strip(),
            "tags": tags.strip()}


def _first(cells: dict[str, str], *names: str) -> str:
    for name in names:
        value = (cells.get(name) or "").strip()
        if value:
            return value
    return ""


def _joined(cells: dict[str, str], *names: str, sep: str = " ") -> str:
    return sep.join(v for n in names if (v := (cells.get(n) or "").strip()))


def _google(cells: dict[str, str]) -> dict[str, str]:
    name = _joined(cells, "First Name", "Middle Name", "Last Name") or _first(
        cells, "Name", "File As") or _joined(cells, "Given Name", "Additional Name",
                                             "Family Name")
    labels = _first(cells, "Labels", "Group Membership")
    tags = ", ".join(t.strip().lstrip("* ") for t in labels.split(":::")
                     if t.strip() and t.strip().lstrip("* ") != "myContacts")
    return from_address_book(
        name=name, org=_first(cells, "Organization Name", "Organization 1 - Name"),
        title=_first(cells, "Organization Title", "Organization 1 - Title"),
        email=_first(cells, "E-mail 1 - Value", "E-mail 2 - Value"),
        phone=_first(cells, "Phone 1 - Value", "Phone 2 - Value"),
        address=_first(cells, "Address 1 - Formatted") or _joined(
            cells, "Address 1 - Street", "Address 1 - City", "Address 1 - Postal Code",
            "Address 1 - Country", sep="\n"),
        notes=_first(cells, "Notes"), tags=tags)


def _outlook(cells: dict[str, str]) -> dict[str, str]:
    return from_address_book(
        name=_joined(cells, "First Name", "Middle Name", "Last Name"),
        org=_first(cells, "Company"), title=_first(cells, "Job Title"),
        email=_first(cells, "E-mail Address", "E-mail 2 Address"),
        phone=_first(cells, "Business Phone", "Mobile Phone", "Primary Phone", "Home Phone"),
        address=_joined(cells, "Business Street", "Business City", "Business State",
                        "Business Postal Code", "Business Country/Region", sep="\n"),
        notes=_first(cells, "Notes"),
        tags=", ".join(t.strip() for t in _first(cells, "Categories").split(";") if t.strip()))


def _is_google(headers: set[str]) -> bool:
    return bool({"E-mail 1 - Value", "Organization 1 - Name", "Organization Name",
                 "Given Name", "Phone 1 - Value"} & headers)


def _is_outlook(headers: set[str]) -> bool:
    return "E-mail Address" in headers or ({"First Name", "Company", "Job Title"} <= headers)


def recognise(kind: str, headers: list[str],
              mapping: dict[str, str] | None = None) -> tuple[str, Converter | None]:
    """(format name, converter of a row's cells to our columns), or (name, None)."""
    present = set(headers)
    if mapping:
        unknown = [theirs for theirs in mapping.values() if theirs and theirs not in present]
        if unknown:
            return "mapped", None
        pairs = [(ours, theirs) for ours, theirs in mapping.items() if theirs]

        def mapped(cells: dict[str, str]) -> dict[str, str]:
            return {ours: cells.get(theirs, "") for ours, theirs in pairs}

        return "mapped", mapped
    ours = set(own_columns(kind))
    if set(REQUIRED[kind]) <= present and present & ours == present - {""}:
        keep = [h for h in headers if h in ours]
        return "goodbye", lambda cells: {h: cells.get(h, "") for h in keep}
    if kind in ("clients", "contacts"):
        if _is_google(present):
            return "google", _google
        if _is_outlook(present):
            return "outlook", _outlook
    if set(REQUIRED[kind]) <= present:
        # Our columns with some of another program's beside them: those are left out.
        keep = [h for h in headers if h in ours]
        return "goodbye", lambda cells: {h: cells.get(h, "") for h in keep}
    return "unknown", None
