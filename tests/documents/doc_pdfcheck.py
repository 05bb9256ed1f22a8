"""Helpers for the documents tests: read real PDFs back (pypdf, poppler), sample values.

Named with a `doc_` prefix: test folders are not packages, so module names must be unique.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import date, timedelta

import pypdf
import pytest

from goodbye_desktop.documents.values import PlanStep, Sender

_BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e]")


def norm(text: str) -> str:
    """Whitespace folded to single spaces, bidi control marks (pdftotext adds them) removed."""
    return " ".join(_BIDI_MARKS.sub("", text).split())


def reader(pdf: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(pdf))


def page_texts(pdf: bytes) -> list[str]:
    """Each page's text as pypdf extracts it, whitespace folded."""
    return [norm(page.extract_text() or "") for page in reader(pdf).pages]


def pdf_text(pdf: bytes) -> str:
    return " ".join(page_texts(pdf))


def poppler_text(pdf: bytes) -> str:
    """The text as pdftotext (poppler) extracts it; skips the test when poppler is missing."""
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils (pdftotext) is not installed")
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf,
                         capture_output=True, check=True)
    return norm(out.stdout.decode("utf-8"))


def make_sender(**changes: object) -> Sender:
    values: dict[str, object] = dict(
        business_name="Harbour Lane Studio",
        owner_name="Alex Morgan",
        address="14 Harbour Lane\nFalmouth\nTR11 3XX\nUnited Kingdom",
        email="alex@harbourlane.example",
        phone="+44 1326 555 010",
        website="harbourlane.example",
        locale="en_GB",
    )
    values.update(changes)
    return Sender(**values)  # type: ignore[arg-type]


def make_steps(count: int) -> tuple[PlanStep, ...]:
    start = date(2026, 12, 1)
    owners = ("Alex Morgan", "Zoë Łukasiewicz")
    statuses = ("planned", "done", "in_progress")
    return tuple(
        PlanStep(start + timedelta(days=i), f"Step {i + 1}: hand over the design files, "
                 "fonts and the logins for the hosting account", owners[i % 2],
                 statuses[i % 3])
        for i in range(count)
    )


