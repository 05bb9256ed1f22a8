"""Reading an import file: its encoding, its delimiter, its format and its rows.

Text is UTF-8 (with or without a byte-order mark), UTF-16 (with a byte-order mark, as
some address books write it) or, failing those, Windows-1252, and is refused with a
clear sentence otherwise. The delimiter is the comma, semicolon or tab that the header
line uses most. The format is recognised from the headers: the app's own export, Google
Contacts, Outlook, or a vCard file (by its first line); `mapping` lets the owner say
which file column fills which of ours instead.
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from goodbye_desktop.error_words import Words
from goodbye_desktop.errors import ImportFormatError
from goodbye_desktop.exchange import columns

MAX_BYTES = 2_000_000_000
_VCARD = re.compile(r"\s*BEGIN:VCARD", re.IGNORECASE)


@dataclass
class ImportFile:
    """A file read and recognised: rows as {our column: text}, numbered as in the file.

    A CSV file's rows are read as they are asked for (each time they are), so that a
    200,000-row file is never held as 200,000 dictionaries beside its records; a broken
    line raises ImportFormatError there."""

    path: Path
    kind: str
    format: str  # "goodbye", "google", "outlook", "vcard" or "mapped"
    encoding: str
    headers: list[str]
    rows: Iterable[tuple[int, dict[str, str]]] = field(default_factory=list)  # (row, values)


def decode(data: bytes, name: str) -> tuple[str, str]:
    """(text, encoding name) of a file's bytes; ImportFormatError when it is not text."""
    if data.startswith(b"\xef\xbb\xbf"):
        encoding, body = "UTF-8", data[3:]
        codec = "utf-8"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding, body, codec = "UTF-16", data, "utf-16"
    else:
        encoding, body, codec = "UTF-8", data, "utf-8"
        if len(data) >= 4 and data[1:4:2] == b"\x00\x00" and data[0:1] != b"\x00":
            encoding, codec = "UTF-16", "utf-16-le"
    try:
        text = body.decode(codec)
    except UnicodeDecodeError as exc:
        if codec != "utf-8":
            raise ImportFormatError("import.wrong_encoding", file=name, encoding=encoding,
                                    byte=exc.start) from exc
        try:
            text, encoding = body.decode("cp1252"), "Windows-1252"
        except UnicodeDecodeError:
            raise ImportFormatError("import.not_text", file=name, byte=exc.start) from exc
    if "\x00" in text:
        raise ImportFormatError("import.nul", file=name)
    return text, encoding


def _lines(text: str) -> Iterator[str]:
    """The lines of `text` with their endings, one at a time (no second copy of a big
    file in memory, as a list of lines or a StringIO would be)."""
    start, size = 0, len(text)
    while start < size:
        end = text.find("\n", start)
        if end < 0:
            yield text[start:]
            return
        yield text[start:end + 1]
        start = end + 1


def _delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _read_bytes(path: Path) -> bytes:
    """The whole file, or an ImportFormatError saying why it cannot be read."""
    try:
        if path.is_dir():
            raise ImportFormatError("import.is_folder", path=path)
        if path.stat().st_size > MAX_BYTES:
            raise ImportFormatError("import.too_large", file=path.name)
        return path.read_bytes()
    except OSError as exc:
        raise ImportFormatError("import.cannot_read", path=path,
                                reason=exc.strerror or str(exc)) from exc


def read_file(path: str | os.PathLike, kind: str,
              mapping: dict[str, str] | None = None) -> ImportFile:
    """Read `path` as records of `kind`; ImportFormatError names what cannot be read."""
    path = Path(path)
    name = path.name
    if kind not in columns.IMPORT_KINDS:
        raise ImportFormatError("import.unknown_kind", kind=kind,
                                kinds=tuple(columns.IMPORT_KINDS))
    text, encoding = decode(_read_bytes(path), name)
    # (Looked at without a copy of the whole text: a big file is held once.)
    if _VCARD.match(text):
        return _from_vcard(path, kind, text, encoding)
    if not text or text.isspace():
        raise ImportFormatError("import.empty", file=name)
    reader = csv.reader(_lines(text), delimiter=_delimiter(text[:text.find("\n")]),
                        strict=True)
    try:
        headers = [h.strip() for h in next(reader)]
    except csv.Error as exc:
        raise ImportFormatError("import.broken_csv", file=name, line=reader.line_num,
                                csv=str(exc)) from exc
    fmt, to_ours = columns.recognise(kind, headers, mapping)
    if to_ours is None:
        raise ImportFormatError("import.columns_unknown", file=name, kind=kind,
                                found=tuple(headers[:8]) or Words("import.no_columns"))
    # The file's own columns are ours already: no second dictionary per row.
    as_is = fmt == "goodbye" and set(headers) <= set(columns.own_columns(kind))
    return ImportFile(path, kind, fmt, encoding, headers,
                      _CsvRows(name, text, reader.dialect.delimiter, headers,
                               None if as_is else to_ours))


@dataclass(frozen=True)
class _CsvRows:
    """The data rows of a CSV text, read as they are iterated."""

    name: str
    text: str
    delimiter: str
    headers: list[str]
    to_ours: Callable[[dict[str, str]], dict[str, str]] | None

    def __iter__(self) -> Iterator[tuple[int, dict[str, str]]]:
        name, headers, to_ours = self.name, self.headers, self.to_ours
        width = len(headers)
        reader = csv.reader(_lines(self.text), delimiter=self.delimiter, strict=True)
        try:
            next(reader)
            # Rows are numbered as a spreadsheet shows them: the header is row 1.
            for line, row in enumerate(reader, start=2):
                if not (row and (row[0].strip() or "".join(row).strip())):
                    continue  # blank lines are no records
                if len(row) > width and "".join(row[width:]).strip():
                    raise ImportFormatError("import.too_many_cells", file=name, row=line,
                                            cells=len(row), width=width)
                cells = dict(zip(headers, row, strict=False))
                yield line, cells if to_ours is None else to_ours(cells)
        except csv.Error as exc:
            raise ImportFormatError("import.broken_csv", file=name, line=reader.line_num,
                                    csv=str(exc)) from exc


def _from_vcard(path: Path, kind: str, text: str, encoding: str) -> ImportFile:
    from goodbye_desktop.exchange.vcard import parse_vcards

    if kind not in ("clients", "contacts"):
        raise ImportFormatError("import.vcard_kind", file=path.name)
    cards = parse_vcards(text, path.name)
    imported = ImportFile(path, kind, "vcard", encoding, ["FN", "ORG", "TITLE", "EMAIL",
                                                          "TEL", "ADR", "NOTE"])
    for number, card in enumerate(cards, start=1):
        imported.rows.append((number, columns.from_address_book(
            name=card.get("FN") or card.get("N", ""), org=card.get("ORG", ""),
            title=card.get("TITLE") or card.get("ROLE", ""), email=card.get("EMAIL", ""),
            phone=card.get("TEL", ""), address=card.get("ADR", ""),
            notes=card.get("NOTE", ""), tags="")))
    return imported
