"""Writes the saved databases of past schema versions used by the migration tests.

Run once per new schema version (`python tests/store/make_schema_fixtures.py`) and
commit the file it writes; the files of past versions are never rewritten, so
every future schema is tested against real files of every past one.
"""

import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from goodbye_desktop.store import migrations  # noqa: E402

DATA = Path(__file__).parent / "data"

# Rows written in the v1 schema; the tests check each one survives every upgrade.
V1_ROWS = [
    "INSERT INTO business_profile (id, business_name, owner_name, target_hourly_rate_cents)"
    " VALUES (1, 'Harbour Lane Studio', 'Morgan Ellis', 8500)",
    "INSERT INTO client (id, name, status, started_on, tags, search_text, sort_name,"
    " revenue_12m_cents, created_at, updated_at) VALUES (1, 'Renée & <Sons>', 'active',"
    " '2021-03-01', 'bakery', 'renee & <sons>\nbakery', 'renee & <sons>', 0,"
    " '2021-03-01 09:00:00', '2021-03-01 09:00:00')",
    "INSERT INTO client (id, name, status, started_on, ended_on, search_text, sort_name,"
    " created_at, updated_at) VALUES (2, '山田デザイン', 'departed', '2019-05-01', '2023-02-01',"
    " '山田デザイン', '山田デザイン', '2019-05-01 09:00:00', '2023-02-01 09:00:00')",
    "INSERT INTO contact (client_id, name, email, \"primary\") VALUES"
    " (1, 'Łukasz Nowak', 'lukasz@example.com', 1)",
    "INSERT INTO interaction (client_id, occurred_at, kind, direction, minutes, summary,"
    " complaint) VALUES (1, '2026-10-01 10:00:00', 'call', 'in', 25, 'Asked about prices', 1)",
    "INSERT INTO revenue (client_id, month, amount_cents) VALUES (1, '2026-10-01', 123456)",
    "INSERT INTO proposal (client_id, title, sent_on, amount_cents, outcome) VALUES"
    " (1, 'Spring menu design', '2026-02-01', 250000, 'won')",
    "INSERT INTO promise (client_id, description, due_at, channel) VALUES"
    " (1, 'Send the figures', '2026-11-24 16:00:00', 'email')",
]


# Rows of the departures (v2) and kept documents (v3), written on top of the v1 rows.
V3_ROWS = [
    "INSERT INTO departure (id, client_id, state, ended_by, kind, decision, decided_on,"
    " effective_on, created_at, updated_at) VALUES (1, 2, 'decided', 'client', 'fulfilled',"
    " 'accept', '2023-01-05', '2023-02-01', '2023-01-05 09:00:00', '2023-01-05 09:00:00')",
    "INSERT INTO departure_reason (departure_id, reason) VALUES (1, 'needs_fulfilled')",
    "INSERT INTO transition_step (departure_id, position, description, due_on, owner)"
    " VALUES (1, 0, 'Hand over the brand files', '2023-01-20', 'Me')",
    "INSERT INTO promise (client_id, departure_id, description, due_at, channel, letter_kind)"
    " VALUES (2, 1, 'Check in', '2023-03-01 10:00:00', 'letter', 'check_in')",
    "INSERT INTO document (client_id, departure_id, kind, title, created_at, pdf) VALUES"
    " (2, 1, 'farewell', 'Farewell letter', '2023-01-06 10:00:00', X'255044462D')",
    "INSERT INTO letter_template (kind, text, updated_at) VALUES ('farewell',"
    " 'Subject: Thank you' || char(10) || char(10) || 'Dear {contact_first_name},',"
    " '2023-01-01 09:00:00')",
]

# Two amounts for one client and month, which schema v4 still allowed: the upgrade to v5
# keeps the one entered last.
V4_ROWS = [
    "INSERT INTO revenue (id, client_id, month, amount_cents) VALUES (10, 1, '2026-09-01', 5000)",
    "INSERT INTO revenue (id, client_id, month, amount_cents) VALUES (11, 1, '2026-09-01', 7000)",
]

# Minutes logged under schema v8, which kept no 12-month minutes on the client: the upgrade
# to v9 fills the column at the next open (in a test frozen in November 2026, the window is
# December 2025 to that day). One interaction is before the window, one is a year ahead.
V8_ROWS = [
    "INSERT INTO interaction (client_id, occurred_at, kind, direction, minutes) VALUES"
    " (1, '2026-11-02 09:30:00', 'meeting', 'out', 90)",
    "INSERT INTO interaction (client_id, occurred_at, kind, direction, minutes) VALUES"
    " (1, '2025-11-30 17:00:00', 'call', 'out', 40)",
    "INSERT INTO interaction (client_id, occurred_at, kind, direction, minutes) VALUES"
    " (2, '2025-12-01 08:00:00', 'meeting', 'out', 15)",
    "INSERT INTO interaction (client_id, occurred_at, kind, direction, minutes) VALUES"
    " (2, '2027-11-20 10:00:00', 'meeting', 'out', 60)",
]


def write(path: Path, *layers: tuple[int, list[str]]) -> None:
    """A file made by the schema steps one by one, with each layer's rows written at its
    version, as a program of that version would have left it."""
    if path.exists():
        path.unlink()
    conn = sqlite3.connect(path, isolation_level=None)
    for version, rows in layers:
        migrations.migrate(conn, target=version)
        for statement in rows:
            conn.execute(statement)
    conn.close()


FILES = {
    "schema_v1.sqlite": ((1, V1_ROWS),),
    "schema_v3.sqlite": ((1, V1_ROWS), (3, V3_ROWS)),
    "schema_v4.sqlite": ((1, V1_ROWS), (3, V3_ROWS), (4, V4_ROWS)),
    "schema_v8.sqlite": ((1, V1_ROWS), (3, V3_ROWS), (4, V4_ROWS), (8, V8_ROWS)),
}


if __name__ == "__main__":
    DATA.mkdir(exist_ok=True)
    for name, layers in FILES.items():
        if not (DATA / name).exists():  # the file of a past version is never rewritten
            write(DATA / name, *layers)
            print("wrote", DATA / name)
