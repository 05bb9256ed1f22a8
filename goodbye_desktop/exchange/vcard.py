"""vCard: contacts out to an address book (4.0), and in from one (3.0 and 4.0).

Export writes one card per contact: its name (FN and a best-effort N), the client as
organisation (unless the client is a person), role, email, phone and the client's
address, with a stable UID. Text is escaped as RFC 6350 says and lines are folded at 75
bytes without splitting a character. Import (`parse_vcards`) unfolds and unescapes and
gives plain dictionaries for the importer to check.
"""

from __future__ import annotations

import os
import re
import uuid
from pathlib import Path

from goodbye_desktop import safe_files
from goodbye_desktop.errors import GoodbyeError, ImportFormatError
from goodbye_desktop.store import connection, exchange_rows

_NAMESPACE = uuid.UUID("6f1d8a52-43c4-4b8e-9a51-8f0f3c2b7d10")


def escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
            .replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n"))


def unescape(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            out.append("\n" if nxt in "nN" else nxt)
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def fold(line: str) -> str:
    """Fold a content line at 75 octets, never inside a UTF-8 character."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts, current, size, limit = [], "", 0, 75
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = "", 0, 74  # continuation lines start with a space
        current += ch
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def _split_name(name: str) -> tuple[str, str]:
    """(family, given) for N: the last word as family name, a guess an owner can fix."""
    words = name.split()
    if len(words) < 2:
        return name, ""
    return words[-1], " ".join(words[:-1])


def card(contact_id: int, name: str, role: str, email: str, phone: str, client: str,
         client_is_person: bool, address: str) -> str:
    family, given = _split_name(name)
    lines = ["BEGIN:VCARD", "VERSION:4.0",
             f"UID:urn:uuid:{uuid.uuid5(_NAMESPACE, f'contact-{contact_id}')}",
             f"FN:{escape(name)}", f"N:{escape(family)};{escape(given)};;;"]
    if client and not client_is_person:
        lines.append(f"ORG:{escape(client)}")
    if role:
        lines.append(f"TITLE:{escape(role)}")
    if email:
        lines.append(f"EMAIL;TYPE=work:{escape(email)}")
    if phone:
        lines.append(f"TEL;TYPE=work;VALUE=text:{escape(phone)}")
    if address.strip():
        lines.append(f"ADR;TYPE=work:;;{escape(address.strip())};;;;")
    lines.append("END:VCARD")
    return "".join(fold(line) + "\r\n" for line in lines)


def export_vcard(path: str | os.PathLike) -> int:
    """Write every contact (current ones; those who left the client are skipped) to one
    .vcf file; the number of cards."""
    path = Path(path).expanduser()
    count = 0
    try:
        with safe_files.atomic_file(path, "w", encoding="utf-8", newline="") as out:
            for (cid, name, role, email, phone, client, is_person, address, left_on,
                 _new_employer) in exchange_rows.vcard_contacts(connection.current()):
                if left_on:
                    continue
                out.write(card(cid, name, role, email, phone, client, bool(is_person),
                               address))
                count += 1
    except OSError as exc:
        raise GoodbyeError("file.cannot_write", path=path, reason=exc.strerror or str(exc)) from exc
    return count


_PROPERTY = re.compile(r"^(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9-]+)((?:;[^:]*)?):(.*)$")


_KEPT = ("FN", "ORG", "TITLE", "EMAIL", "TEL", "NOTE", "N", "ADR", "ROLE")


def _property_value(name: str, value: str) -> str:
    """One property's text: N as "Given Family", ADR one part a line, ORG its first part."""
    if name not in ("N", "ADR", "ORG"):
        return unescape(value)
    fields = [unescape(part) for part in re.split(r"(?<!\\);", value)]
    if name == "N":
        return " ".join(p for p in (fields[1:2] + fields[:1]) if p)
    if name == "ADR":
        return "\n".join(p for p in fields if p.strip())
    return fields[0]


def parse_vcards(text: str, file_name: str = "the file") -> list[dict[str, str]]:
    """The cards of a vCard 3.0 or 4.0 file as {FN, N, ORG, TITLE, EMAIL, TEL, ADR, NOTE}."""
    unfolded = re.sub(r"\r?\n[ \t]", "", text.replace("\r\n", "\n"))
    cards: list[dict[str, str]] = []
    current: dict[str, str] | None = None
    for number, line in enumerate(unfolded.split("\n"), start=1):
        if not line.strip():
            continue
        match = _PROPERTY.match(line)
        if not match:
            raise ImportFormatError("vcard.bad_line", file=file_name, line=number,
                                    text=line[:60])
        name, params, value = match[1].upper(), match[2].upper(), match[3]
        if name == "BEGIN" and value.strip().upper() == "VCARD":
            current = {}
            continue
        if current is None:
            raise ImportFormatError("vcard.outside_card", file=file_name, line=number,
                                    name=name)
        if name == "END":
            cards.append(current)
            current = None
            continue
        if name == "VERSION" and value.strip() not in ("3.0", "4.0"):
            raise ImportFormatError("vcard.version", file=file_name, line=number,
                                    version=value.strip())
        if "ENCODING=QUOTED-PRINTABLE" in params:
            raise ImportFormatError("vcard.quoted_printable", file=file_name, line=number)
        if name in _KEPT and name not in current:  # the first email / phone is kept
            current[name] = _property_value(name, value)
    if current is not None:
        raise ImportFormatError("vcard.unended", file=file_name)
    return cards
