"""The facts the warning signs and the assessment need, for many clients in a few queries.

`facts_for_clients(ids, today)` answers a page of the client list (a hundred ids) with
five grouped queries, whatever the page size: never a query per client. Plain SQL on
the shared connection, so the list can show signs without loading the ORM.
The values are dicts with the fields of `core.signs.ClientFacts`.
"""

import statistics
from collections import defaultdict
from datetime import date
from typing import Any

from goodbye_desktop.core import windows
from goodbye_desktop.store.connection import current
from goodbye_desktop.store.sql_values import as_date

# The usual gap is the median over the last 50 interactions: plenty to know a rhythm.
_RECENT = 50
_CHUNK = 500  # far below SQLite's limit on bound parameters


def facts_for_clients(ids: list[int], today: date, *,
                      with_share: bool = False) -> dict[int, dict[str, Any]]:
    """Facts for every existing client of `ids`; `with_share` adds everyone's revenue."""
    result: dict[int, dict[str, Any]] = {}
    for start in range(0, len(ids), _CHUNK):
        result.update(_facts(ids[start:start + _CHUNK], today))
    if with_share and result:
        window = windows.last_12_months(today)
        everyone = current().execute(
            "SELECT coalesce(sum(amount_cents), 0) FROM revenue WHERE month BETWEEN ? AND ?",
            (window.first_month.isoformat(), window.last_month.isoformat())).fetchone()[0]
        for facts in result.values():
            facts["all_revenue_12m_cents"] = everyone
    return result


def _facts(ids: list[int], today: date) -> dict[int, dict[str, Any]]:
    if not ids:
        return {}
    db = current()
    marks = ",".join("?" * len(ids))
    target, silence_days = db.execute(
        "SELECT target_hourly_rate_cents, silence_days FROM business_profile WHERE id = 1"
    ).fetchone() or (0, 45)
    facts: dict[int, dict[str, Any]] = {}
    for client_id, started_on, acquired_on, acquirer in db.execute(
            f"SELECT id, started_on, acquired_on, acquirer FROM client WHERE id IN ({marks})",
            ids):
        facts[client_id] = {
            "today": today, "started_on": as_date(started_on),
            "last_interaction_on": None, "interaction_count": 0, "usual_gap_days": None,
            "acquired_on": as_date(acquired_on), "acquirer": acquirer or "",
            "contact_count": 0, "contacts_remaining": 0, "primary_left_on": None,
            "complaints_90d": 0, "complaints_12m": 0, "minutes_12m": 0,
            "revenue_12m_cents": 0, "all_revenue_12m_cents": 0,
            "revenue_last_3m_cents": 0, "revenue_prev_3m_cents": 0,
            "target_rate_cents": target or 0, "silence_days": silence_days or 45,
        }
    if not facts:
        return facts

    year = windows.last_12_months(today)
    complaints = windows.complaint_window(today)
    # Nothing dated after today counts: a meeting logged ahead is not yet a contact.
    tomorrow = year.after_last.isoformat()
    # One pass over the page's interactions (the covering index answers it).
    for client_id, count, last, c90, c12, minutes in db.execute(
            "SELECT client_id, count(*), max(occurred_at), "
            "coalesce(sum(complaint AND occurred_at >= ?), 0), "
            "coalesce(sum(complaint AND occurred_at >= ?), 0), "
            "coalesce(sum(CASE WHEN occurred_at >= ? THEN minutes ELSE 0 END), 0) "
            f"FROM interaction WHERE client_id IN ({marks}) AND occurred_at < ? "
            "GROUP BY client_id",
            (complaints.first.isoformat(), year.first.isoformat(), year.first.isoformat(),
             *ids, tomorrow)):
        facts[client_id].update(interaction_count=count, last_interaction_on=as_date(last),
                                complaints_90d=c90, complaints_12m=c12, minutes_12m=minutes)

    recent: dict[int, list[date]] = defaultdict(list)
    for client_id, occurred_at in db.execute(
            "SELECT client_id, occurred_at FROM (SELECT client_id, occurred_at, row_number() "
            "OVER (PARTITION BY client_id ORDER BY occurred_at DESC) AS n FROM interaction "
            f"WHERE client_id IN ({marks}) AND occurred_at < ?) WHERE n <= {_RECENT} "
            "ORDER BY client_id, occurred_at DESC", (*ids, tomorrow)):
        recent[client_id].append(as_date(occurred_at))
    for client_id, days in recent.items():
        gaps = [(a - b).days for a, b in zip(days, days[1:], strict=False)]
        facts[client_id]["usual_gap_days"] = float(statistics.median(gaps)) if gaps else None

    # A contact is still there until the day they leave (see core.contacts.still_there).
    for client_id, count, remaining, primary_left in db.execute(
            "SELECT client_id, count(*), coalesce(sum(left_on IS NULL OR left_on > ?), 0), "
            "max(CASE WHEN \"primary\" THEN left_on END) "
            f"FROM contact WHERE client_id IN ({marks}) GROUP BY client_id",
            (today.isoformat(), *ids)):
        facts[client_id].update(contact_count=count, contacts_remaining=remaining,
                                primary_left_on=as_date(primary_left))

    last3 = windows.last_3_complete_months(today)
    prev3 = windows.previous_3_complete_months(today)
    for client_id, mine, last_3m, prev_3m in db.execute(
            "SELECT client_id, "
            "coalesce(sum(CASE WHEN month >= ? THEN amount_cents END), 0), "
            "coalesce(sum(CASE WHEN month BETWEEN ? AND ? THEN amount_cents END), 0), "
            "coalesce(sum(CASE WHEN month BETWEEN ? AND ? THEN amount_cents END), 0) "
            f"FROM revenue WHERE client_id IN ({marks}) AND month BETWEEN ? AND ? "
            "GROUP BY client_id",
            (year.first_month.isoformat(),
             last3.first_month.isoformat(), last3.last_month.isoformat(),
             prev3.first_month.isoformat(), prev3.last_month.isoformat(),
             *ids, min(year.first_month, prev3.first_month).isoformat(),
             year.last_month.isoformat())):
        facts[client_id].update(revenue_12m_cents=mine, revenue_last_3m_cents=last_3m,
                                revenue_prev_3m_cents=prev_3m)
    return facts
