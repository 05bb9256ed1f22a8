"""Whether a letter kind fits a client's situation, from the records, and the words for it.

The rules are core.letter_fit's; this module builds their `Situation` from the records and
words a `Fit` for the command line (the app words the same reason codes through tr()).
"""

from __future__ import annotations

from datetime import date

from goodbye_desktop.core.letter_fit import Fit, Situation, fit, ordered
from goodbye_desktop.correspondence.values_from_records import situation_from_sources
from goodbye_desktop.store.documents import letter_sources
from goodbye_desktop.vocabulary import (
    FIT_CLIENT_ENDED,
    FIT_CURRENT_AGAIN,
    FIT_NEEDS_DEPARTURE,
    FIT_NOT_ENDED,
    FIT_OWNER_ENDED,
)

__all__ = ["Fit", "Situation", "fit", "ordered", "situation_for", "message", "kind_phrase"]


def situation_for(client_id: int, departure_id: int | None = None,
                  today: date | None = None) -> Situation:
    """The situation of a letter to this client (its latest departure, or the one named)."""
    from goodbye_desktop import clock

    return situation_from_sources(letter_sources(client_id, departure_id),
                                  today or clock.today())


def kind_phrase(kind: str) -> str:
    """"a farewell letter", "an exit interview request": a kind inside a sentence."""
    from goodbye_desktop.correspondence.produce import KIND_LABELS

    label = KIND_LABELS.get(kind, kind.replace("_", " "))
    label = label[0].lower() + label[1:]
    return ("an " if label[0] in "aeiou" else "a ") + label


def message(result: Fit, client_name: str) -> str:
    """One sentence on why the kind does not fit and what to write instead (command line)."""
    better = result.better
    instead = f"{kind_phrase(better)} ({better})" if better else ""
    asked = kind_phrase(result.kind)
    if result.reason == FIT_NEEDS_DEPARTURE:
        return (f"{client_name} has no departure on record, and {asked} speaks of one: start "
                "a departure in the app (the client's Departure tab), or write "
                f"{instead} instead.")
    if result.reason == FIT_CURRENT_AGAIN:
        return f"{client_name} is a current client again: write {instead} instead?"
    if result.reason == FIT_OWNER_ENDED:
        return (f"You ended the work with {client_name}: {instead} fits better than "
                f"{asked}.")
    if result.reason == FIT_CLIENT_ENDED:
        return f"{client_name} decided to leave: {instead} fits better than {asked}."
    if result.reason == FIT_NOT_ENDED:
        return (f"The work with {client_name} has not ended yet, and {asked} comes after "
                f"the transition: {instead} fits now.")
    return ""
