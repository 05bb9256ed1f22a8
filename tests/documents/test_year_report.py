"""The year in review read back: its figures, client names, charts and embedded fonts."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from dashboard_records import build_small_business
from doc_pdfcheck import page_texts, poppler_text, reader

from goodbye_desktop.correspondence.year_report import report_pdf
from goodbye_desktop.documents import charts
from goodbye_desktop.store import records

pytestmark = pytest.mark.frozen_at("2026-11-25T10:00")


@pytest.fixture
def pdf(db_path) -> bytes:
    ids = build_small_business()
    records.update_client(ids["alder"], name="Renée & <Sons> 山田")
    records.update_profile(business_name="Harbour Lane Studio", locale="en_GB",
                           currency="GBP")
    return report_pdf(2026)[0]


def test_the_figures_and_the_names_are_in_the_text(pdf) -> None:
    text = poppler_text(pdf)
    assert "2026 in review" in text and "Harbour Lane Studio" in text
    assert "Retention 80.0 % 90 %" in text  # against the goal
    assert "Logo churn 40.0 %" in text
    assert "Clients gained / lost / net 2 / 3 / -1" in text
    assert "£1,950.00" in text  # revenue lost: 550.00 + 1,400.00
    # The median tenure in words, as the letters say a tenure (Birch: June 2021 to March 2026).
    assert "Median tenure of departed clients 4 years and 9 months" in text
    for name in ("Birch", "Cedar", "Elder", "Damson", "Renée & <Sons> 山田"):
        assert name in text
    assert "Page 1 of" in text


def test_the_charts_are_drawn_in_it(pdf) -> None:
    text = poppler_text(pdf)
    for title in ("Clients gained and lost, five years", "Reasons for leaving",
                  "Who ended it", "Top clients' share of revenue (12 months)"):
        assert title in text
    # A bar is a filled rectangle in the chart's colour (0072B2: 0 0.447 0.698 rg).
    content = b"".join(page.get_contents().get_data() for page in reader(pdf).pages)
    assert b"0 .447059 .698039 rg" in content or b"0 0.447059 0.698039 rg" in content


def test_every_font_is_embedded(pdf, tmp_path) -> None:
    if shutil.which("pdffonts") is None:
        pytest.skip("poppler-utils (pdffonts) is not installed")
    path = tmp_path / "review.pdf"
    path.write_bytes(pdf)
    lines = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    assert lines and all(line.split()[-5] == "yes" for line in lines), lines


def test_an_empty_year_prints_a_sentence(db_path) -> None:
    pdf = report_pdf(2026)[0]
    text = " ".join(page_texts(pdf))
    assert "There are no clients in the records yet." in text


def test_a_chart_has_its_numbers_as_text() -> None:
    chart = charts.bars("Reasons", [("Price", 2.0, "2"), ("محمد", 1.0, "1")])
    assert chart.text_alternative() == "Reasons\nPrice: 2\nمحمد: 1"
    svg = charts.svg(chart).decode()
    assert "clipPath" not in svg and "محمد" not in svg  # the PDF scheme: visual order
    screen = charts.svg(charts.bars("Reasons", [("محمد", 1.0, "1")], scheme=charts.DARK))
    assert "محمد".encode() in screen and b"33%,70%,91%" in screen  # sky blue, logical order
