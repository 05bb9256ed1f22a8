"""Rules about the people at a client, over plain values.

A contact is still at the client until the day they leave: `left_on` is the first day
they are gone, so a leaving date still ahead means they are there today. The store's SQL
states the same rule (`left_on IS NULL OR left_on > today`).
"""

from __future__ import annotations

from datetime import date


def still_there(left_on: date | None, today: date) -> bool:
    """True while the contact works at the client."""
    return left_on is None or left_on > today
