"""Being at risk over time: how urgent a client's signs are, and the stages of its history.

Plain rules over plain values. A client *becomes* at risk on the first day it shows a
sign; a *save* is attempted when the owner makes a promise from the At-risk list or
chooses "try to keep" in the departure wizard; the time at risk *ends* as recovered once
the client has shown no sign for `RECOVERED_AFTER_DAYS` days, or as lost when it leaves.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from goodbye_desktop.vocabulary import (
    SIGN_ACQUISITION,
    SIGN_CHRONIC_COMPLAINTS,
    SIGN_CONTACT_TURNOVER,
    SIGN_COSTLY,
    SIGN_REVENUE_DECLINE,
    SIGN_SILENCE,
)

RECOVERED_AFTER_DAYS = 60

# How much each sign weighs when the list puts the most urgent client first: complaints
# and a lost contact mean someone is already unhappy or gone; a quiet client may be busy.
SIGN_WEIGHTS = {
    SIGN_CHRONIC_COMPLAINTS: 5,
    SIGN_CONTACT_TURNOVER: 4,
    SIGN_REVENUE_DECLINE: 4,
    SIGN_ACQUISITION: 3,
    SIGN_COSTLY: 2,
    SIGN_SILENCE: 2,
}


def urgency(sign_keys: list[str]) -> int:
    """The weight of a client's signs together: the higher, the sooner it needs attention."""
    return sum(SIGN_WEIGHTS.get(key, 1) for key in sign_keys)


@dataclass(frozen=True)
class Episode:
    """One time at risk: when it began, when a save was tried, how and when it ended."""

    began_on: date
    last_seen_on: date
    save_on: date | None = None
    save_kind: str = ""
    ended_on: date | None = None
    outcome: str = ""

    @property
    def is_open(self) -> bool:
        return self.ended_on is None

    def stage_days(self, today: date) -> dict[str, int]:
        """Days spent at risk before a save was tried, and after it, up to the end or today."""
        end = self.ended_on or today
        if self.save_on is None:
            return {"at_risk": (end - self.began_on).days, "saving": 0}
        return {"at_risk": (self.save_on - self.began_on).days,
                "saving": (end - self.save_on).days}


def recovered_on(last_seen_on: date, today: date) -> date | None:
    """The day a client with no sign since `last_seen_on` counts as recovered, if reached."""
    day = last_seen_on + timedelta(days=RECOVERED_AFTER_DAYS)
    return day if day <= today else None


# The channel a sign's next step is best taken through: a quiet client gets a call, a
# new owner or a new contact a meeting.
SUGGESTED_CHANNELS = {
    SIGN_SILENCE: "call",
    SIGN_ACQUISITION: "meeting",
    SIGN_CONTACT_TURNOVER: "meeting",
    SIGN_CHRONIC_COMPLAINTS: "call",
    SIGN_COSTLY: "meeting",
    SIGN_REVENUE_DECLINE: "call",
}
SUGGESTED_HOUR = 10


def suggested_due(sign_key: str, now: datetime) -> datetime:
    """When to promise the next step: complaints tomorrow, anything else within two
    working days; at ten in the morning, never on a Saturday or Sunday."""
    days = 1 if sign_key == SIGN_CHRONIC_COMPLAINTS else 2
    day = now.date()
    while days:
        day += timedelta(days=1)
        if day.weekday() < 5:
            days -= 1
    return datetime.combine(day, time(SUGGESTED_HOUR, 0))
