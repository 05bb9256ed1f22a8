"""The client page's header tells the truth: every warning sign, a rate worded to its gap,
nothing alarming for a prospect, and what matters once a client has gone."""

from collections.abc import Iterator
from datetime import date, datetime

import pytest
from PySide6.QtCore import QLocale

from goodbye_desktop.store import records
from goodbye_desktop.ui.client_detail import ClientDetail

pytestmark = pytest.mark.frozen_at("2026-11-25T10:00")


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale("en_GB"))
    yield
    QLocale.setDefault(before)


def shown(qtbot, client_id: int) -> ClientDetail:
    pane = ClientDetail()
    qtbot.addWidget(pane)
    pane.resize(700, 700)
    pane.show_client(client_id)
    return pane


def test_every_warning_sign_shows_with_its_reason_and_next_step(qtbot, db_path):
    records.update_profile(target_hourly_rate_cents=8500)
    client = records.create_client(name="Renée & <Sons>", started_on=date(2023, 1, 1))
    for month in (5, 6, 7):
        records.set_revenue(client, date(2026, month, 1), 100_000)
    for month in (8, 9, 10):
        records.set_revenue(client, date(2026, month, 1), 20_000)
    records.add_interaction(client, datetime(2026, 11, 20, 10), "meeting", minutes=3000)
    pane = shown(qtbot, client)  # kept: the pane owns the header
    header = pane.header

    lines = header.sign_lines()
    assert [line.split(":")[0] for line in lines] == ["Costly", "Revenue decline"]
    assert "below your target of €85.00" in lines[0] and "Review the relationship" in lines[0]
    assert "20 %" in lines[1] and "check-in" in lines[1]
    # €3,600 over 50 hours is €72.00 an hour: 15 % under the target, said as such.
    assert header.rate.value.text() == "€72.00"
    assert header.rate.note.text() == "Below your target of €85.00 (15 % less)"


def test_a_small_gap_is_not_called_a_loss(qtbot, db_path):
    records.update_profile(target_hourly_rate_cents=8500)
    client = records.create_client(name="Łukasz Nowak", started_on=date(2023, 1, 1))
    records.set_revenue(client, date(2026, 10, 1), 80_860)
    records.add_interaction(client, datetime(2026, 11, 20, 10), "call", minutes=600)
    pane = shown(qtbot, client)  # kept: the pane owns the header
    header = pane.header
    assert header.rate.value.text() == "€80.86"
    assert header.rate.note.text() == "Just under your target of €85.00 (5 % less)"
    assert "costs more" not in header.rate.note.text()


def test_a_prospect_with_time_but_no_revenue_has_no_rate_and_no_signs(qtbot, db_path):
    records.update_profile(target_hourly_rate_cents=8500)
    prospect = records.create_client(name="山田", status="prospect")
    records.add_interaction(prospect, datetime(2026, 11, 20, 10), "meeting", minutes=90)
    pane = shown(qtbot, prospect)  # kept: the pane owns the header
    header = pane.header
    assert header.rate.value.text() == "—"
    assert header.rate.note.text() == "Nothing billed yet"
    assert header.sign_lines() == []
    assert header.signs_box.isHidden()


def test_a_departed_client_shows_when_it_left_and_what_it_brought(qtbot, db_path):
    gone = records.create_client(name="محمد", status="departed", started_on=date(2021, 3, 1),
                                 ended_on=date(2023, 12, 7))
    for month in range(1, 13):
        records.set_revenue(gone, date(2023, month, 1), 150_000)
    records.add_interaction(gone, datetime(2023, 12, 7, 15), "email", minutes=10)
    pane = shown(qtbot, gone)  # kept: the pane owns the header
    header = pane.header
    assert header.since_label.text() == ("Client from 01/03/2021 to 07/12/2023 · "
                                         "last contact on 07/12/2023")
    assert (header.revenue.caption.text(), header.revenue.value.text()) == (
        "Lifetime revenue", "€18,000.00")
    assert (header.minutes.caption.text(), header.minutes.value.text()) == (
        "Left on", "07/12/2023")
    assert header.tenure.caption.text() == "Was a client for"
    assert header.tenure.value.text().startswith("2 y")
    everything = " ".join(label.text() for label in header.findChildren(type(header.since_label)))
    assert "0 min" not in everything and "days ago" not in everything
    assert "since January" not in everything
