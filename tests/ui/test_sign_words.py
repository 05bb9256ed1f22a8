"""Warning signs worded for the screen: from their figures, with the locale's money and dates."""

from datetime import date

import pytest
from PySide6.QtCore import QLocale

from goodbye_desktop.core.signs import ClientFacts, signs
from goodbye_desktop.ui import sign_words

TODAY = date(2026, 11, 25)


@pytest.fixture(autouse=True)
def en_gb():
    before = QLocale()
    QLocale.setDefault(QLocale("en_GB"))
    yield
    QLocale.setDefault(before)


def worded(**facts) -> dict[str, str]:
    return {s.key: sign_words.line(s, "EUR") for s in signs(ClientFacts(today=TODAY, **facts))}


def test_every_sign_is_worded_from_its_figures() -> None:
    lines = worded(
        started_on=date(2020, 1, 1), last_interaction_on=date(2026, 9, 1), interaction_count=3,
        acquired_on=date(2026, 3, 1), acquirer="Łukasiewicz & <Co>",
        contact_count=2, contacts_remaining=1, primary_left_on=date(2026, 10, 1),
        complaints_90d=4, minutes_12m=600, revenue_12m_cents=30_000, target_rate_cents=8_500,
        revenue_last_3m_cents=1_000, revenue_prev_3m_cents=10_000)
    assert lines["silence"] == ("Silence: No interaction for 85 days (more than 45). "
                                "Schedule a meaningful check-in.")
    # Dates and money the owner's way, not as the core's plain text writes them.
    assert "Acquired by Łukasiewicz & <Co> on 01/03/2026" in lines["acquisition"]
    assert "left on 01/10/2026" in lines["contact_turnover"]
    assert lines["chronic_complaints"].startswith("Complaints: 4 complaints in the last 90 days")
    assert "Earns €30.00 an hour" in lines["costly"] and "target of €85.00" in lines["costly"]
    assert "brought 10 % of the 3 months before" in lines["revenue_decline"]


def test_the_other_cases_of_silence_and_turnover() -> None:
    never = worded(started_on=date(2026, 1, 1))
    assert "since the client started 328 days ago" in never["silence"]
    rhythm = worded(started_on=date(2024, 1, 1), last_interaction_on=date(2026, 10, 25),
                    interaction_count=10, usual_gap_days=7.0)
    assert "more than twice the usual gap of 7 days" in rhythm["silence"]
    nobody = worded(started_on=date(2026, 11, 1), last_interaction_on=TODAY,
                    contact_count=2, contacts_remaining=0)
    assert nobody["contact_turnover"] == (
        "Contact turnover: None of your contacts is still at the client. "
        "Build a new contact, and a second one.")
