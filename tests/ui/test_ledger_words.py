"""How a time at risk is worded on the client's page and in the At-risk list."""

from datetime import date

from goodbye_desktop.core.risk import Episode
from goodbye_desktop.ui.ledger_words import episode_text

TODAY = date(2026, 12, 2)


def test_a_time_at_risk_that_began_today_says_so() -> None:
    assert episode_text(Episode(began_on=TODAY, last_seen_on=TODAY), TODAY) == \
        "At risk since today"


def test_an_older_time_at_risk_gives_its_date_and_its_days() -> None:
    text = episode_text(Episode(began_on=date(2026, 11, 2), last_seen_on=TODAY), TODAY)
    assert text.startswith("At risk since ") and text.endswith("(30 days)")
    ended = episode_text(Episode(began_on=date(2026, 11, 2), last_seen_on=date(2026, 11, 20),
                                 ended_on=TODAY, outcome="recovered"), TODAY)
    assert ended.startswith("At risk from ") and "recovered on" in ended
