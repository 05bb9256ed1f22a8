"""Which letters suit which departures: the one place these rules live.

A farewell thanks a client who decided to leave; a parting-ways letter explains the owner's
decision; a check-in follows a finished transition; none of them suits a client who has come
back. An exit-interview request asks only while the interview is neither held, declined nor
arranged; a keep-in-touch note goes to a client that has left only with its consent.

Every place that offers a letter kind (the departure wizard, the Departure tab, the
client's "Write a letter", the due letters, the command line) asks `fit()` and `ordered()`
and words the answer itself.

Plain values in, plain values out: `Situation` is built by the correspondence package from
the records, `Fit` carries a reason code (vocabulary.FIT_*) and, when there is one, a kind
that suits better.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from goodbye_desktop.vocabulary import (
    FIT_CLIENT_ENDED,
    FIT_CURRENT_AGAIN,
    FIT_INTERVIEW_DECLINED,
    FIT_INTERVIEW_HELD,
    FIT_INTERVIEW_SCHEDULED,
    FIT_NEEDS_DEPARTURE,
    FIT_NO_CONSENT,
    FIT_NOT_ENDED,
    FIT_OK,
    FIT_OWNER_ENDED,
    LETTER_KINDS,
)

# Kinds that speak of a departure (its end date, its plan, its reasons).
NEEDS_DEPARTURE = ("farewell", "parting_ways", "transition_plan", "exit_interview_request",
                   "check_in")
# Who ended it -> the letter that says so.
_ENDING_LETTER = {"client": "farewell", "mutual": "farewell", "outside": "farewell",
                  "owner": "parting_ways"}
# Where the exit interview stands -> why a request no longer fits, and what fits instead.
_INTERVIEW_ANSWERED = {"held": (FIT_INTERVIEW_HELD, "feedback_thanks"),
                       "declined": (FIT_INTERVIEW_DECLINED, None),
                       "scheduled": (FIT_INTERVIEW_SCHEDULED, None)}


@dataclass(frozen=True)
class Situation:
    """What a letter to one client would be written into."""

    has_departure: bool
    ended_by: str = ""  # vocabulary.ENDED_BY, "" without a departure
    state: str = ""  # vocabulary.DEPARTURE_STATES, "" without a departure
    current_again: bool = False  # came back: status returned, or the departure won back
    end_date: date | None = None
    today: date | None = None
    interview_status: str = ""  # vocabulary.INTERVIEW_STATUSES, "" without a departure
    # The client stays on the mailing list (its record, or consent given at the departure).
    keep_in_touch: bool = True

    @property
    def ended(self) -> bool:
        """The last day is today or has passed."""
        return bool(self.end_date and self.today and self.end_date <= self.today)


@dataclass(frozen=True)
class Fit:
    """Whether `kind` suits the situation; if not, why (a FIT_* code) and what suits better."""

    kind: str
    fits: bool
    reason: str = FIT_OK
    better: str | None = None

    @property
    def offered(self) -> bool:
        """False for a kind that cannot be written at all here (it needs a departure)."""
        return self.reason != FIT_NEEDS_DEPARTURE


def fit(kind: str, situation: Situation) -> Fit:
    """Whether a letter of `kind` suits `situation` (see the module docstring)."""
    if kind in NEEDS_DEPARTURE and not situation.has_departure:
        return Fit(kind, False, FIT_NEEDS_DEPARTURE, "keep_in_touch")
    if situation.current_again and kind in NEEDS_DEPARTURE:
        return Fit(kind, False, FIT_CURRENT_AGAIN, "keep_in_touch")
    if kind == "farewell" and situation.ended_by == "owner":
        return Fit(kind, False, FIT_OWNER_ENDED, "parting_ways")
    if kind == "parting_ways" and situation.ended_by in ("client", "mutual", "outside"):
        return Fit(kind, False, FIT_CLIENT_ENDED, "farewell")
    if kind == "exit_interview_request" and situation.interview_status in _INTERVIEW_ANSWERED:
        reason, better = _INTERVIEW_ANSWERED[situation.interview_status]
        return Fit(kind, False, reason, better)
    if kind == "keep_in_touch" and situation.has_departure and not situation.keep_in_touch:
        return Fit(kind, False, FIT_NO_CONSENT)
    if kind == "check_in" and not situation.ended:
        better = _ENDING_LETTER.get(situation.ended_by, "transition_plan")
        return Fit(kind, False, FIT_NOT_ENDED, better)
    return Fit(kind, True)


def ordered(situation: Situation, kinds: tuple[str, ...] = LETTER_KINDS) -> list[Fit]:
    """The kinds that can be written here, those that fit first (each group in app order);
    kinds that need a departure are left out when there is none."""
    fits = [fit(kind, situation) for kind in kinds]
    offered = [f for f in fits if f.offered]
    return [f for f in offered if f.fits] + [f for f in offered if not f.fits]
