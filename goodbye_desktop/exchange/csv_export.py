"""Export every record to CSV: one documented file per record kind, in one folder.

The files are UTF-8 (no byte-order mark), comma-separated, quoted where needed, with a
header row of the column names the README lists (they come from store.exchange_rows).
Kept letters go beside them as `letters/<id>.pdf`. Each file is written through
safe_files (temporary name, then renamed; owner-only), and all of them show the same
moment of the records.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from goodbye_desktop import safe_files
from goodbye_desktop.errors import GoodbyeError
from goodbye_desktop.store import exchange_rows

Progress = Callable[[str, int], None]  # (file name, rows written so far)


@dataclass
class ExportSummary:
    folder: Path
    counts: dict[str, int] = field(default_factory=dict)  # file name -> rows
    letters: int = 0

    def describe(self) -> str:
        parts = ", ".join(f"{name} ({count})" for name, count in self.counts.items())
        return f"Exported to {self.folder}: {parts}; {self.letters} letter PDFs."


def export_csv(folder: str | os.PathLike, *, letters: bool = True,
               progress: Progress | None = None) -> ExportSummary:
    """Write every record kind's CSV file (and the letters' PDFs) into `folder`."""
    folder = Path(folder).expanduser()
    summary = ExportSummary(folder)
    try:
        safe_files.check_output_path(folder / "clients.csv")
        safe_files.make_private_dir(folder)
        with exchange_rows.snapshot() as conn:
            for table in exchange_rows.TABLES:
                summary.counts[table.file_name] = _write_table(
                    conn, table, folder / table.file_name, progress)
            if letters:
                summary.letters = _write_letters(conn, folder / "letters")
    except OSError as exc:
        raise GoodbyeError("export.failed", folder=folder,
                           reason=exc.strerror or str(exc)) from exc
    return summary


def _write_table(conn, table: exchange_rows.Table, path: Path,
                 progress: Progress | None) -> int:
    count = 0
    text = io.StringIO()
    writer = csv.writer(text)

    def write_rows(rows: list[tuple]) -> None:
        writer.writerows(rows)
        out.write(text.getvalue().encode("utf-8"))
        text.seek(0)
        text.truncate()

    with safe_files.atomic_file(path, "wb") as out:
        write_rows([table.columns])
        # The lines come ready from SQLite, quoted as csv.writer quotes, in UTF-8.
        cursor = exchange_rows.lines(conn, table.kind)
        if cursor is None:  # (a NUL in a cell, or a UTF-16 file: the same, row by row)
            cursor = exchange_rows.rows(conn, table.kind)
            write = write_rows
        else:
            def write(batch: list[tuple[bytes]]) -> None:
                out.write(b"".join([line for (line,) in batch]))
        while batch := cursor.fetchmany(5000):
            write(batch)
            count += len(batch)
            if progress:
                progress(table.file_name, count)
    return count


def _write_letters(conn, folder: Path) -> int:
    count = 0
    for letter_id, pdf in exchange_rows.letter_pdfs(conn):
        if not count:
            safe_files.make_private_dir(folder)
        safe_files.write_atomic(folder / f"{letter_id}.pdf", pdf)
        count += 1
    return count
