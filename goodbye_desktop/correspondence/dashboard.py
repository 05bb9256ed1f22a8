"""The dashboard for a year, from the records: the pane, the command and the report ask here.

The store counts in SQL (`store.dashboard.Reader`), the core makes the figures
(`core.figures.build`); the at-risk clients and the promises due come from their own
store modules. Give `db` a reading connection of its own to compute off the GUI thread.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

from goodbye_desktop import clock
from goodbye_desktop.core.figures import Dashboard, build


def dashboard(year: int | None = None, *, today: date | None = None,
              now: datetime | None = None, db: sqlite3.Connection | None = None,
              limit: int | None = None) -> Dashboard:
    """Every figure of `year` (default: the current one) as of the clock's today; `limit`
    keeps only the first clients of the long lists (see core.figures.build)."""
    from goodbye_desktop.store.at_risk import at_risk_clients
    from goodbye_desktop.store.dashboard import Reader
    from goodbye_desktop.store.due import promise_counts

    now = now or clock.now()
    today = today or now.date()
    return build(year or today.year, today, Reader(db), at_risk=at_risk_clients(today),
                 promises=promise_counts(now), limit=limit)
