"""The figures at decision time (DOMAIN.md section 4, "Assessment"), from plain values.

`assess(facts)` turns a client's `ClientFacts` into what the owner weighs before
deciding: the share of revenue, revenue and minutes of 12 months, revenue per hour
against the target, complaints, tenure and the warning signs. `Assessment.to_dict()`
is the snapshot kept with the departure.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from goodbye_desktop.core import client_figures
from goodbye_desktop.core.signs import ClientFacts, Sign, signs


@dataclass(frozen=True)
class Assessment:
    revenue_12m_cents: int
    revenue_share_pct: float | None  # of all revenue of the last 12 months; None if none
    minutes_12m: int
    revenue_per_hour_cents: int | None
    target_rate_cents: int
    below_target: bool
    complaints_90d: int
    complaints_12m: int
    tenure_days: int | None
    tenure_months: int | None  # whole calendar months
    signs: list[Sign] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


def assess(facts: ClientFacts) -> Assessment:
    share = None
    if facts.all_revenue_12m_cents > 0:
        share = round(100 * facts.revenue_12m_cents / facts.all_revenue_12m_cents, 1)
    rate = facts.revenue_per_hour_cents
    tenure = client_figures.tenure_days(facts.started_on, None, facts.today)
    months = client_figures.tenure_months(facts.started_on, None, facts.today)
    return Assessment(
        revenue_12m_cents=facts.revenue_12m_cents,
        revenue_share_pct=share,
        minutes_12m=facts.minutes_12m,
        revenue_per_hour_cents=rate,
        target_rate_cents=facts.target_rate_cents,
        below_target=bool(facts.target_rate_cents and rate is not None
                          and rate < facts.target_rate_cents),
        complaints_90d=facts.complaints_90d,
        complaints_12m=facts.complaints_12m,
        tenure_days=tenure,
        tenure_months=months,
        signs=signs(facts),
    )
