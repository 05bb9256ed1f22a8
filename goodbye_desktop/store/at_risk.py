"""The current clients showing one or more warning signs (DOMAIN.md section 3).

A minimal reading for the dashboard's `at_risk` figure: current, unarchived clients with
their signs' codes, most signs first, then by name. The facts come from
`client_facts` in a few grouped queries per five hundred clients.
"""

from __future__ import annotations

from datetime import date

from goodbye_desktop.store.client_facts import facts_for_clients
from goodbye_desktop.store.connection import current
from goodbye_desktop.vocabulary import CURRENT_STATUSES


def at_risk_clients(today: date) -> list[tuple[int, str, tuple[str, ...]]]:
    """(id, name, sign codes) of every current client with a sign, most urgent first."""
    from goodbye_desktop.core.signs import ClientFacts, signs

    marks = ",".join("?" * len(CURRENT_STATUSES))
    names = dict(current().execute(
        f"SELECT id, name FROM client WHERE archived = 0 AND status IN ({marks})",
        CURRENT_STATUSES).fetchall())
    out = []
    for client_id, facts in facts_for_clients(list(names), today).items():
        found = tuple(sign.key for sign in signs(ClientFacts(**facts)))
        if found:
            out.append((client_id, names[client_id], found))
    out.sort(key=lambda row: (-len(row[2]), row[1].casefold(), row[0]))
    return out
