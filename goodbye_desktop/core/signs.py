"""Warning signs (DOMAIN.md section 3): computed from a client's facts, never typed in.

`ClientFacts` holds the plain values the store aggregates for one client; `signs(facts)`
returns the signs that apply, each with a one-line reason a person can read and a
suggested next step. A client with one or more signs is at risk.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from goodbye_desktop.core import client_figures, windows

SILENCE = "silence"
ACQUISITION = "acquisition"
CONTACT_TURNOVER = "contact_turnover"
CHRONIC_COMPLAINTS = "chronic_complaints"
COSTLY = "costly"
REVENUE_DECLINE = "revenue_decline"
SIGN_KEYS = (SILENCE, ACQUISITION, CONTACT_TURNOVER, CHRONIC_COMPLAINTS, COSTLY, REVENUE_DECLINE)

DEFAULT_SILENCE_DAYS = 45
USUAL_GAP_MIN_INTERACTIONS = 5
TURNOVER_DAYS = windows.TURNOVER_DAYS
COMPLAINT_DAYS = windows.COMPLAINT_DAYS
COMPLAINT_COUNT = 3
DECLINE_RATIO = 0.6


@dataclass(frozen=True)
class ClientFacts:
    """What the signs (and the assessment) need to know about one client, as plain values.

    Revenue is in cents. "Last 3 months" are the three complete months before the
    current one (the current month is seldom billed yet); "previous 3" the three before.
    """

    today: date
    started_on: date | None = None
    last_interaction_on: date | None = None
    interaction_count: int = 0
    usual_gap_days: float | None = None  # the median gap between interactions
    acquired_on: date | None = None
    acquirer: str = ""
    contact_count: int = 0
    contacts_remaining: int = 0  # contacts who have not left the client's company
    primary_left_on: date | None = None
    complaints_90d: int = 0
    complaints_12m: int = 0
    minutes_12m: int = 0
    revenue_12m_cents: int = 0
    all_revenue_12m_cents: int = 0  # every client's, for the share
    revenue_last_3m_cents: int = 0
    revenue_prev_3m_cents: int = 0
    target_rate_cents: int = 0  # the owner's target revenue per hour; 0 = not set
    silence_days: int = DEFAULT_SILENCE_DAYS

    @property
    def revenue_per_hour_cents(self) -> int | None:
        """Revenue / (minutes / 60), or None when no time was recorded."""
        return client_figures.revenue_per_hour_cents(self.revenue_12m_cents, self.minutes_12m)


@dataclass(frozen=True)
class Sign:
    """One warning sign: its key, words in English, and the figures behind the words.

    `case` names which reason applies (a sign may have several) and `values` holds its
    figures as plain values (days, dates, cents, a share), so a screen can word the
    reason in the owner's language and format money and dates the owner's way.
    """

    key: str
    title: str
    reason: str
    next_step: str
    case: str = ""
    values: dict = field(default_factory=dict, compare=False)


def _money(cents: int) -> str:
    # Core stays locale-free; the screen formats amounts with QLocale where it shows them.
    # Decimal, never a float: money is exact to the cent.
    return f"{Decimal(cents) / 100:,.2f}"


def silence(f: ClientFacts) -> Sign | None:
    last = f.last_interaction_on
    if last is None:
        if f.started_on is None or (f.today - f.started_on).days <= f.silence_days:
            return None
        days = (f.today - f.started_on).days
        return Sign(SILENCE, "Silence",
                    f"No interaction recorded since the client started {days} days ago.",
                    "Schedule a meaningful check-in.", "never", {"days": days})
    days = (f.today - last).days
    if days > f.silence_days:
        return Sign(SILENCE, "Silence",
                    f"No interaction for {days} days (more than {f.silence_days}).",
                    "Schedule a meaningful check-in.", "days",
                    {"days": days, "limit": f.silence_days})
    if (f.interaction_count >= USUAL_GAP_MIN_INTERACTIONS and f.usual_gap_days
            and days > 2 * f.usual_gap_days):
        return Sign(SILENCE, "Silence",
                    f"No interaction for {days} days, more than twice the usual gap of "
                    f"{f.usual_gap_days:g} days.",
                    "Schedule a meaningful check-in.", "usual_gap",
                    {"days": days, "usual_gap": f.usual_gap_days})
    return None


def acquisition(f: ClientFacts) -> Sign | None:
    if f.acquired_on is None or f.acquired_on not in windows.last_12_months(f.today):
        return None
    by = f" by {f.acquirer}" if f.acquirer else ""
    return Sign(ACQUISITION, "Acquisition",
                f"Acquired{by} on {f.acquired_on.isoformat()}: new owners review suppliers.",
                "Meet the acquirer.", "acquired",
                {"acquirer": f.acquirer, "on": f.acquired_on})


def contact_turnover(f: ClientFacts) -> Sign | None:
    if f.contact_count > 0 and f.contacts_remaining == 0:
        return Sign(CONTACT_TURNOVER, "Contact turnover",
                    "None of your contacts is still at the client.",
                    "Build a new contact, and a second one.", "none_left")
    left = f.primary_left_on
    if left is not None and left in windows.turnover_window(f.today):
        return Sign(CONTACT_TURNOVER, "Contact turnover",
                    f"Your main contact left on {left.isoformat()}.",
                    "Build a second contact.", "primary_left", {"on": left})
    return None


def chronic_complaints(f: ClientFacts) -> Sign | None:
    if f.complaints_90d < COMPLAINT_COUNT:
        return None
    return Sign(CHRONIC_COMPLAINTS, "Chronic complaints",
                f"{f.complaints_90d} complaints in the last {COMPLAINT_DAYS} days.",
                "Review the relationship.", "complaints",
                {"count": f.complaints_90d, "days": COMPLAINT_DAYS})


def costly(f: ClientFacts) -> Sign | None:
    rate = f.revenue_per_hour_cents
    if f.target_rate_cents <= 0 or rate is None or rate >= f.target_rate_cents:
        return None
    return Sign(COSTLY, "Costly",
                f"Earns {_money(rate)} an hour over 12 months, below your target of "
                f"{_money(f.target_rate_cents)}.",
                "Review the relationship: the scope or the price.", "below_target",
                {"rate_cents": rate, "target_cents": f.target_rate_cents})


def revenue_decline(f: ClientFacts) -> Sign | None:
    before = f.revenue_prev_3m_cents
    if before <= 0 or f.revenue_last_3m_cents >= DECLINE_RATIO * before:
        return None
    share = round(100 * f.revenue_last_3m_cents / before)
    return Sign(REVENUE_DECLINE, "Revenue decline",
                f"The last 3 months brought {share} % of the 3 months before.",
                "Schedule a meaningful check-in about their plans.", "declined",
                {"share": share})


_RULES = (silence, acquisition, contact_turnover, chronic_complaints, costly, revenue_decline)


def signs(facts: ClientFacts) -> list[Sign]:
    """Every warning sign that applies to the client, in the order of DOMAIN.md section 3."""
    return [sign for rule in _RULES if (sign := rule(facts)) is not None]


def usual_gap(dates: list[date]) -> float | None:
    """The median number of days between consecutive interactions (None under 2 dates)."""
    ordered = sorted(dates)
    gaps = sorted((b - a).days for a, b in zip(ordered, ordered[1:], strict=False))
    if not gaps:
        return None
    middle = len(gaps) // 2
    if len(gaps) % 2:
        return float(gaps[middle])
    return (gaps[middle - 1] + gaps[middle]) / 2
