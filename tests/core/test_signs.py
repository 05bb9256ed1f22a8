"""Warning signs: each of the six applies exactly at its threshold, with a reason and a step."""

from datetime import date, timedelta

from goodbye_desktop.core.assessment import assess
from goodbye_desktop.core.signs import ClientFacts, signs, usual_gap

TODAY = date(2026, 5, 15)


def keys(facts: ClientFacts) -> list[str]:
    return [sign.key for sign in signs(facts)]


def facts(**values) -> ClientFacts:
    base = {"today": TODAY, "started_on": date(2020, 1, 1),
            "last_interaction_on": TODAY - timedelta(days=3)}
    base.update(values)
    return ClientFacts(**base)


def test_a_quiet_healthy_client_has_no_sign() -> None:
    assert signs(facts()) == []


def test_silence_after_n_days() -> None:
    assert keys(facts(last_interaction_on=TODAY - timedelta(days=45))) == []
    found = signs(facts(last_interaction_on=TODAY - timedelta(days=46)))
    assert [s.key for s in found] == ["silence"]
    assert "46 days" in found[0].reason
    assert found[0].next_step == "Schedule a meaningful check-in."
    assert keys(facts(silence_days=10, last_interaction_on=TODAY - timedelta(days=11))) == [
        "silence"]


def test_silence_against_the_clients_own_rhythm_needs_five_interactions() -> None:
    quick = {"last_interaction_on": TODAY - timedelta(days=9), "usual_gap_days": 4.0}
    assert keys(facts(interaction_count=4, **quick)) == []
    found = signs(facts(interaction_count=5, **quick))
    assert "twice the usual gap of 4 days" in found[0].reason
    assert keys(facts(interaction_count=5, last_interaction_on=TODAY - timedelta(days=8),
                      usual_gap_days=4.0)) == []


def test_no_interaction_ever_counts_from_the_start() -> None:
    assert keys(facts(last_interaction_on=None, started_on=TODAY - timedelta(days=60))) == [
        "silence"]
    assert keys(facts(last_interaction_on=None, started_on=TODAY - timedelta(days=10))) == []


def test_acquisition_within_twelve_months() -> None:
    found = signs(facts(acquired_on=TODAY - timedelta(days=100), acquirer="Łukasz & Co"))
    assert found[0].key == "acquisition" and "Łukasz & Co" in found[0].reason
    assert found[0].next_step == "Meet the acquirer."
    assert keys(facts(acquired_on=TODAY - timedelta(days=400))) == []


def test_contact_turnover() -> None:
    assert keys(facts(contact_count=2, contacts_remaining=1,
                      primary_left_on=TODAY - timedelta(days=30))) == ["contact_turnover"]
    assert keys(facts(contact_count=2, contacts_remaining=1,
                      primary_left_on=TODAY - timedelta(days=200))) == []
    assert keys(facts(contact_count=2, contacts_remaining=0)) == ["contact_turnover"]
    assert keys(facts(contact_count=0, contacts_remaining=0)) == []


def test_chronic_complaints_from_three() -> None:
    assert keys(facts(complaints_90d=2)) == []
    assert keys(facts(complaints_90d=3)) == ["chronic_complaints"]


def test_costly_below_target_rate() -> None:
    # 1,000.00 over 12 hours = 83.33 an hour, under a target of 90.00
    low = facts(revenue_12m_cents=100000, minutes_12m=720, target_rate_cents=9000)
    assert keys(low) == ["costly"]
    assert "below your target" in signs(low)[0].reason
    assert keys(facts(revenue_12m_cents=100000, minutes_12m=720, target_rate_cents=8000)) == []
    assert keys(facts(revenue_12m_cents=100000, minutes_12m=720, target_rate_cents=0)) == []
    assert keys(facts(revenue_12m_cents=0, minutes_12m=0, target_rate_cents=9000)) == []


def test_revenue_decline_under_sixty_percent() -> None:
    assert keys(facts(revenue_prev_3m_cents=10000, revenue_last_3m_cents=6000)) == []
    found = signs(facts(revenue_prev_3m_cents=10000, revenue_last_3m_cents=5999))
    assert [s.key for s in found] == ["revenue_decline"]
    assert "60 %" in found[0].reason
    assert keys(facts(revenue_prev_3m_cents=0, revenue_last_3m_cents=0)) == []


def test_usual_gap_is_the_median() -> None:
    days = [date(2026, 1, d) for d in (1, 3, 5, 15)]
    assert usual_gap(days) == 2.0
    assert usual_gap(days[:3] + [date(2026, 1, 9)]) == 2.0
    assert usual_gap([date(2026, 1, 1)]) is None


def test_assessment_figures() -> None:
    result = assess(facts(revenue_12m_cents=250000, all_revenue_12m_cents=1000000,
                          minutes_12m=1500, target_rate_cents=12000, complaints_90d=3,
                          complaints_12m=5, started_on=date(2024, 5, 15)))
    assert result.revenue_share_pct == 25.0
    assert result.revenue_per_hour_cents == 10000
    assert result.below_target is True
    assert result.tenure_days == 730 and result.tenure_months == 24
    assert [s.key for s in result.signs] == ["chronic_complaints", "costly"]
    assert result.to_dict()["signs"][0]["key"] == "chronic_complaints"


def test_assessment_without_revenue_or_time() -> None:
    result = assess(ClientFacts(today=TODAY))
    assert result.revenue_share_pct is None
    assert result.revenue_per_hour_cents is None
    assert result.below_target is False
    assert result.tenure_days is None and result.tenure_months is None
    assert assess(facts(started_on=date(2026, 4, 16))).tenure_months == 0
