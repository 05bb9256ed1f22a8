"""Keeping the derived data current: at open, at midnight, as the month turns.

Plain SQL on the shared connection (no ORM), so the window can run it before
peewee is imported: the 12-month revenue of every client when the month has
turned, the 12-month minutes as the day turns, and departures that took effect since
the last run.
"""

import sqlite3
from datetime import date

from goodbye_desktop import clock
from goodbye_desktop.core.locale_defaults import ProfileDefaults, system_defaults
from goodbye_desktop.core.windows import Window, last_12_months
from goodbye_desktop.errors import DatabaseError
from goodbye_desktop.store.connection import current, transaction


def ensure_profile(defaults: ProfileDefaults | None = None) -> None:
    """The business profile is one row, id 1, there from the first open.

    A new profile starts with the system locale's locale, currency and paper size
    (`defaults`, else read from the environment); an existing one is left as it is.
    """
    with transaction() as conn:
        insert_profile(conn, defaults)


def insert_profile(conn: sqlite3.Connection, defaults: ProfileDefaults | None = None) -> None:
    """Add the profile row to a file that has none, starting from the system's locale."""
    if conn.execute("SELECT 1 FROM business_profile WHERE id = 1").fetchone():
        return
    start = defaults or system_defaults()
    conn.execute(
        "INSERT INTO business_profile (id, locale, currency, page_size) VALUES (1, ?, ?, ?)",
        (start.locale, start.currency, start.page_size))


def revenue_window() -> Window:
    """The 12-month window of the clients' revenue column, moved on first if the month
    has turned since it was last computed (so a write never mixes two windows)."""
    window = last_12_months(clock.today())
    refresh_revenue_window(window)
    return window


def refresh_revenue_window(window: Window | None = None) -> bool:
    """Recompute every client's 12-month revenue when the month has turned; True if it ran."""
    window = window or last_12_months(clock.today())
    key = window.first_month.isoformat()
    conn = current()
    row = conn.execute("SELECT value FROM app_meta WHERE key = 'revenue_window'").fetchone()
    if row and row[0] == key:
        return False
    try:
        _move_revenue_window(conn, window)
    except sqlite3.Error as exc:
        raise DatabaseError("upkeep.revenue_window", sqlite=str(exc)) from exc
    return True


def _move_revenue_window(conn: sqlite3.Connection, window: Window) -> None:
    with transaction():
        conn.execute(
            "UPDATE client SET revenue_12m_cents = COALESCE((SELECT SUM(amount_cents) "
            "FROM revenue r WHERE r.client_id = client.id AND r.month BETWEEN ? AND ?), 0)",
            (window.first_month.isoformat(), window.last_month.isoformat()),
        )
        conn.execute(
            "INSERT INTO app_meta (key, value) VALUES ('revenue_window', ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (window.first_month.isoformat(),),
        )


def minutes_window(today: date | None = None) -> tuple[str, str]:
    """The times the clients' 12-month minutes count for `today`: from the window's first
    day (included) to the day after today (excluded), as `interaction.occurred_at` compares."""
    window = last_12_months(today or clock.today())
    return window.first.isoformat(), window.after_last.isoformat()


def stored_minutes_window(conn: sqlite3.Connection) -> tuple[str, str] | None:
    """The window the clients' `minutes_12m` counts now, None before it was first filled."""
    rows = dict(conn.execute("SELECT key, value FROM app_meta "
                             "WHERE key IN ('minutes_from', 'minutes_until')").fetchall())
    if len(rows) != 2:
        return None
    return rows["minutes_from"], rows["minutes_until"]


def refresh_minutes_window(today: date | None = None) -> bool:
    """Move every client's 12-month minutes on to today's window; True if anything ran.

    Between two writes the interaction triggers (migration step 9) keep the column, for
    the window stored beside it; here the window itself moves. Moving on, only the minutes
    of the days that left the window (a month, when the month turns) are taken away and
    those of the days that came into it (ahead-dated ones, seldom any) added; the first
    time, after a jump of over a year, or when the clock went back, every client is
    recomputed.
    """
    first, until = minutes_window(today)
    conn = current()
    stored = stored_minutes_window(conn)
    if stored == (first, until):
        return False
    try:
        with transaction():
            if stored is not None and stored[0] <= first <= stored[1] <= until:
                conn.execute(
                    "UPDATE client SET minutes_12m = minutes_12m + t.m FROM (SELECT client_id,"
                    " sum(m) AS m FROM (SELECT client_id, -minutes AS m FROM interaction"
                    "  WHERE occurred_at >= ? AND occurred_at < ? UNION ALL"
                    "  SELECT client_id, minutes FROM interaction"
                    "  WHERE occurred_at >= ? AND occurred_at < ?) GROUP BY client_id) AS t"
                    " WHERE client.id = t.client_id AND t.m != 0",
                    (stored[0], first, stored[1], until))
            else:
                recompute_minutes(conn, first, until)
            conn.executemany(
                "INSERT INTO app_meta (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (("minutes_from", first), ("minutes_until", until)))
    except sqlite3.Error as exc:
        raise DatabaseError("upkeep.minutes_window", sqlite=str(exc)) from exc
    return True


def recompute_minutes(conn: sqlite3.Connection, first: str, until: str) -> None:
    """Every client's minutes from `first` to `until` (excluded), from the interactions;
    only the clients whose figure changed are written."""
    conn.execute(
        "UPDATE client SET minutes_12m = coalesce(t.m, 0) FROM client AS c"
        " LEFT JOIN (SELECT client_id, sum(minutes) AS m FROM interaction"
        "  WHERE occurred_at >= ? AND occurred_at < ? GROUP BY client_id) AS t"
        " ON t.client_id = c.id"
        " WHERE c.id = client.id AND client.minutes_12m IS NOT coalesce(t.m, 0)",
        (first, until))


def apply_effective_dates(today: date | None = None) -> int:
    """Turn `departing` clients whose last day has passed into `departed`.

    A departure's `effective_on` is the client's last day, still a working day: the
    client is departed from the day after it."""
    today = today or clock.today()
    now = clock.local_now()
    try:
        with transaction() as conn:
            return conn.execute(
                # From the few departing clients to their own departures (the unary
                # plus keeps SQLite on the client_id index: the state and date index
                # would read every decided departure first, 4 ms against 1 ms at
                # 10,000 departures, at every start).
                "UPDATE client SET status = 'departed', updated_at = ? "
                "WHERE status = 'departing' AND EXISTS (SELECT 1 FROM departure d "
                "WHERE d.client_id = client.id AND +d.state = 'decided' "
                "AND +d.effective_on < ?)",
                (now.isoformat(sep=" "), today.isoformat()),
            ).rowcount
    except sqlite3.Error as exc:
        raise DatabaseError("upkeep.departures", sqlite=str(exc)) from exc
