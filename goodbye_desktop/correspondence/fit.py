"""Whether a letter kind fits a client's situation, from the records, and the words for it.

The rules are core.letter_fit's; this module builds their `Situation` from the records and
names why a `Fit` does not fit as `Words` (codes "fit.*" of `goodbye_desktop.error_words`):
the command line prints their English, the due letters' dialog words them through
`ui/error_text.py` (the preview's question has its own words, ui/letter_fit_words.py).
"""

from __future__ import annotations

from datetime import date

from goodbye_desktop.core.letter_fit import Fit, Situation, fit, ordered
from goodbye_desktop.correspondence.values_from_records import situation_from_sources
from goodbye_desktop.error_words import Words
from goodbye_desktop.store.documents import letter_sources
from goodbye_desktop.vocabulary import (
    FIT_CLIENT_ENDED,
    FIT_CURRENT_AGAIN,
    FIT_INTERVIEW_DECLINED,
    FIT_INTERVIEW_HELD,
    FIT_INTERVIEW_SCHEDULED,
    FIT_NEEDS_DEPARTURE,
    FIT_NO_CONSENT,
    FIT_NOT_ENDED,
    FIT_OWNER_ENDED,
)

__all__ = ["Fit", "Situation", "fit", "ordered", "situation_for", "why"]


def situation_for(client_id: int, departure_id: int | None = None,
                  today: date | None = None) -> Situation:
    """The situation of a letter to this client (its latest departure, or the one named)."""
    from goodbye_desktop import clock

    return situation_from_sources(letter_sources(client_id, departure_id),
                                  today or clock.today())


# reason -> the code of its words; each takes the client's `name`, the kind asked for
# (`a_letter`, a code of PHRASES["a_letter"]) and what to write `instead`.
CODES = {
    FIT_NEEDS_DEPARTURE: "fit.needs_departure",
    FIT_CURRENT_AGAIN: "fit.current_again",
    FIT_OWNER_ENDED: "fit.owner_ended",
    FIT_CLIENT_ENDED: "fit.client_ended",
    FIT_NOT_ENDED: "fit.not_ended",
    FIT_INTERVIEW_HELD: "fit.interview_held",
    FIT_INTERVIEW_DECLINED: "fit.interview_declined",
    FIT_INTERVIEW_SCHEDULED: "fit.interview_scheduled",
    FIT_NO_CONSENT: "fit.no_consent",
}


def why(result: Fit, client_name: str) -> Words:
    """Why the kind does not fit and what to write instead, named by code."""
    better = result.better
    instead = Words("fit.instead", a_letter=better, kind=better) if better else ""
    code = CODES.get(result.reason, "fit.unsuited")
    return Words(code, name=client_name, a_letter=result.kind, instead=instead)
