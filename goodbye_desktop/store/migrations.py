"""Ordered schema steps. The file's version is SQLite's `PRAGMA user_version`.

Each step is frozen SQL, written once and never edited after it has shipped:
a later change is a new step. A step and its version bump run in one
transaction, so a failed upgrade leaves the file exactly as it was.
"""

import sqlite3
from collections.abc import Callable

_V1 = """
CREATE TABLE app_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE business_profile (
    id INTEGER PRIMARY KEY,
    business_name TEXT NOT NULL DEFAULT '',
    owner_name TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    website TEXT NOT NULL DEFAULT '',
    logo BLOB,
    signature BLOB,
    page_size VARCHAR(255) CHECK (page_size IS NULL OR page_size IN ('A4', 'Letter')),
    locale VARCHAR(255) NOT NULL DEFAULT 'en_GB',
    currency VARCHAR(255) NOT NULL DEFAULT 'EUR',
    target_hourly_rate_cents INTEGER NOT NULL DEFAULT 0 CHECK (target_hourly_rate_cents >= 0),
    silence_days INTEGER NOT NULL DEFAULT 45 CHECK (silence_days > 0),
    retention_target_pct INTEGER NOT NULL DEFAULT 90
        CHECK (retention_target_pct BETWEEN 0 AND 100),
    reactivation_target INTEGER NOT NULL DEFAULT 2 CHECK (reactivation_target >= 0)
);
CREATE TABLE client (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    is_person INTEGER NOT NULL DEFAULT 0,
    status VARCHAR(255) NOT NULL DEFAULT 'active'
        CHECK (status IN ('prospect', 'active', 'departing', 'departed', 'returned')),
    started_on DATE,
    ended_on DATE,
    address TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    acquired_on DATE,
    acquirer TEXT NOT NULL DEFAULT '',
    keep_in_touch INTEGER NOT NULL DEFAULT 0,
    archived INTEGER NOT NULL DEFAULT 0,
    search_text TEXT NOT NULL DEFAULT '',
    sort_name TEXT NOT NULL DEFAULT '',
    last_contact_at DATETIME,
    revenue_12m_cents INTEGER NOT NULL DEFAULT 0,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    CHECK (ended_on IS NULL OR started_on IS NULL OR ended_on >= started_on)
);
CREATE INDEX client_sort_name ON client (archived, sort_name);
CREATE INDEX client_status ON client (status);
CREATE INDEX client_revenue ON client (archived, revenue_12m_cents);
CREATE INDEX client_last_contact ON client (archived, last_contact_at);
CREATE TABLE contact (
    id INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    role TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    "primary" INTEGER NOT NULL DEFAULT 0,
    left_on DATE,
    new_employer TEXT NOT NULL DEFAULT ''
);
CREATE INDEX contact_client_id ON contact (client_id);
CREATE TABLE interaction (
    id INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    occurred_at DATETIME NOT NULL,
    kind VARCHAR(255) NOT NULL
        CHECK (kind IN ('call', 'email', 'meeting', 'support', 'letter', 'note')),
    direction VARCHAR(255) NOT NULL DEFAULT 'out' CHECK (direction IN ('in', 'out')),
    minutes INTEGER NOT NULL DEFAULT 0 CHECK (minutes >= 0),
    summary TEXT NOT NULL DEFAULT '',
    complaint INTEGER NOT NULL DEFAULT 0
);
-- Covering indexes: the 12-month aggregates read only the index, never the table.
CREATE INDEX interaction_client_time ON interaction (client_id, occurred_at, minutes, complaint);
CREATE TABLE revenue (
    id INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    month DATE NOT NULL CHECK (substr(month, 9, 2) = '01'),
    amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0)
);
CREATE UNIQUE INDEX revenue_client_month ON revenue (client_id, month, amount_cents);
CREATE INDEX revenue_month ON revenue (month, client_id, amount_cents);
CREATE TABLE proposal (
    id INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    title TEXT NOT NULL DEFAULT '',
    sent_on DATE NOT NULL,
    amount_cents INTEGER CHECK (amount_cents IS NULL OR amount_cents >= 0),
    hourly_rate_cents INTEGER CHECK (hourly_rate_cents IS NULL OR hourly_rate_cents >= 0),
    outcome VARCHAR(255) NOT NULL DEFAULT 'pending'
        CHECK (outcome IN ('pending', 'won', 'lost')),
    decided_on DATE
);
CREATE INDEX proposal_client_id ON proposal (client_id);
CREATE INDEX proposal_sent_on ON proposal (sent_on);
CREATE TABLE promise (
    id INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    description TEXT NOT NULL CHECK (length(trim(description)) > 0),
    due_at DATETIME NOT NULL,
    channel VARCHAR(255) NOT NULL DEFAULT 'email',
    done_at DATETIME,
    cancelled_at DATETIME
);
CREATE INDEX promise_client_id ON promise (client_id);
CREATE INDEX promise_due_at ON promise (due_at);
"""

_V2 = """
CREATE TABLE departure (
    id INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    state VARCHAR(255) NOT NULL DEFAULT 'draft'
        CHECK (state IN ('draft', 'decided', 'won_back', 'undone')),
    ended_by VARCHAR(255) NOT NULL DEFAULT ''
        CHECK (ended_by IN ('', 'client', 'owner', 'mutual', 'outside')),
    outside_event VARCHAR(255) NOT NULL DEFAULT '',
    reason_text TEXT NOT NULL DEFAULT '',
    kind VARCHAR(255) NOT NULL DEFAULT ''
        CHECK (kind IN ('', 'fulfilled', 'scattered', 'no_follow_through')),
    decision VARCHAR(255) NOT NULL DEFAULT ''
        CHECK (decision IN ('', 'keep', 'let_go', 'accept')),
    decided_on DATE,
    effective_on DATE,
    assessment_json TEXT NOT NULL DEFAULT '{}',
    interview_status VARCHAR(255) NOT NULL DEFAULT 'not_asked',
    interviewer TEXT NOT NULL DEFAULT '',
    interview_times TEXT NOT NULL DEFAULT '',
    interview_held_on DATE,
    decided_when TEXT NOT NULL DEFAULT '',
    would_return VARCHAR(255) NOT NULL DEFAULT '',
    would_refer VARCHAR(255) NOT NULL DEFAULT '',
    letters TEXT NOT NULL DEFAULT '',
    mailing_consent INTEGER NOT NULL DEFAULT 0,
    staff_told TEXT NOT NULL DEFAULT '',
    lessons TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    returned_on DATE,
    undone_on DATE,
    draft_json TEXT NOT NULL DEFAULT '',
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    CHECK (state = 'draft' OR effective_on IS NOT NULL)
);
CREATE INDEX departure_client_id ON departure (client_id);
CREATE INDEX departure_effective_on ON departure (state, effective_on);
-- At most one draft per client, so resuming is never ambiguous.
CREATE UNIQUE INDEX departure_one_draft ON departure (client_id) WHERE state = 'draft';
CREATE TABLE departure_reason (
    id INTEGER PRIMARY KEY,
    departure_id INTEGER NOT NULL REFERENCES departure (id) ON DELETE CASCADE,
    reason VARCHAR(255) NOT NULL CHECK (reason IN (
        'price', 'results', 'service', 'fit', 'needs_fulfilled', 'budget', 'acquisition',
        'contact_turnover', 'competitor', 'out_of_business', 'unprofitable', 'conduct', 'other'))
);
CREATE UNIQUE INDEX departure_reason_unique ON departure_reason (departure_id, reason);
CREATE TABLE pending_work (
    id INTEGER PRIMARY KEY,
    departure_id INTEGER NOT NULL REFERENCES departure (id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    description TEXT NOT NULL CHECK (length(trim(description)) > 0),
    due_on DATE,
    done_on DATE
);
CREATE INDEX pending_work_departure_id ON pending_work (departure_id);
CREATE TABLE transition_step (
    id INTEGER PRIMARY KEY,
    departure_id INTEGER NOT NULL REFERENCES departure (id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    description TEXT NOT NULL CHECK (length(trim(description)) > 0),
    due_on DATE,
    owner TEXT NOT NULL DEFAULT '',
    status VARCHAR(255) NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'done', 'skipped')),
    done_on DATE
);
CREATE INDEX transition_step_departure_id ON transition_step (departure_id);
CREATE TABLE interview_question (
    id INTEGER PRIMARY KEY,
    departure_id INTEGER NOT NULL REFERENCES departure (id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    question TEXT NOT NULL CHECK (length(trim(question)) > 0),
    answer TEXT NOT NULL DEFAULT ''
);
CREATE INDEX interview_question_departure_id ON interview_question (departure_id);
ALTER TABLE promise ADD COLUMN departure_id INTEGER
    REFERENCES departure (id) ON DELETE SET NULL;
ALTER TABLE promise ADD COLUMN letter_kind VARCHAR(255) NOT NULL DEFAULT '';
CREATE INDEX promise_departure_id ON promise (departure_id);
"""

_V3 = """
CREATE TABLE document (
    id INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    departure_id INTEGER REFERENCES departure (id) ON DELETE SET NULL,
    interaction_id INTEGER REFERENCES interaction (id) ON DELETE SET NULL,
    kind VARCHAR(255) NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    created_at DATETIME NOT NULL,
    pdf BLOB NOT NULL
);
CREATE INDEX document_client_id ON document (client_id);
CREATE TABLE letter_template (
    id INTEGER PRIMARY KEY,
    kind VARCHAR(255) NOT NULL UNIQUE,
    text TEXT NOT NULL,
    updated_at DATETIME NOT NULL
);
"""

# A counter bumped by every change to the client table, whichever code made it, so the
# in-memory client index knows with one tiny query whether it is still current.
_V4 = """
INSERT OR IGNORE INTO app_meta (key, value) VALUES ('client_generation', '0');
CREATE TRIGGER client_generation_insert AFTER INSERT ON client BEGIN
    UPDATE app_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'client_generation';
END;
CREATE TRIGGER client_generation_update AFTER UPDATE ON client BEGIN
    UPDATE app_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'client_generation';
END;
CREATE TRIGGER client_generation_delete AFTER DELETE ON client BEGIN
    UPDATE app_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'client_generation';
END
"""

# Revenue is one amount per client and month. Files written before this step may hold two
# amounts for one month (the old unique index also covered the amount): the one entered
# last (the highest id) is kept. The 12-month column is recomputed at the next open.
_V5 = """
DELETE FROM revenue WHERE id NOT IN (SELECT max(id) FROM revenue GROUP BY client_id, month);
DROP INDEX revenue_client_month;
CREATE UNIQUE INDEX revenue_client_month ON revenue (client_id, month);
-- Covering: the 12-month sums per client read only the index.
CREATE INDEX revenue_client_month_amount ON revenue (client_id, month, amount_cents);
DELETE FROM app_meta WHERE key = 'revenue_window'
"""

# The daily habit (issue 11): warning signs kept per client as of the day they were last
# worked out (the At-risk list reads this instead of aggregating a million interactions),
# acknowledgements of a sign until a date, each client's risk history, and the index the
# Due view and the calendar read open promises by.
_V6 = """
CREATE TABLE risk_client (
    client_id INTEGER PRIMARY KEY REFERENCES client (id) ON DELETE CASCADE,
    signs_json TEXT NOT NULL DEFAULT '[]',
    visible TEXT NOT NULL DEFAULT '',
    score INTEGER NOT NULL DEFAULT 0,
    revenue_12m_cents INTEGER NOT NULL DEFAULT 0,
    checked_on DATE NOT NULL
);
CREATE INDEX risk_client_order ON risk_client (score DESC, revenue_12m_cents DESC, client_id)
    WHERE score > 0;
CREATE TABLE sign_ack (
    id INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    sign VARCHAR(255) NOT NULL CHECK (sign IN ('silence', 'acquisition', 'contact_turnover',
        'chronic_complaints', 'costly', 'revenue_decline')),
    until DATE NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    interaction_id INTEGER REFERENCES interaction (id) ON DELETE SET NULL,
    created_at DATETIME NOT NULL
);
CREATE INDEX sign_ack_client ON sign_ack (client_id, sign, until);
CREATE TABLE risk_episode (
    id INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    began_on DATE NOT NULL,
    last_seen_on DATE NOT NULL,
    save_on DATE,
    save_kind VARCHAR(255) NOT NULL DEFAULT '' CHECK (save_kind IN ('', 'promise', 'keep')),
    ended_on DATE,
    outcome VARCHAR(255) NOT NULL DEFAULT '' CHECK (outcome IN ('', 'recovered', 'lost')),
    CHECK (ended_on IS NULL OR ended_on >= began_on)
);
CREATE INDEX risk_episode_client ON risk_episode (client_id, began_on);
CREATE UNIQUE INDEX risk_episode_one_open ON risk_episode (client_id) WHERE ended_on IS NULL;
-- Covering for the Due page and the calendar: open promises only, read without the table.
CREATE INDEX promise_open_due
    ON promise (due_at, id, client_id, channel, departure_id, description)
    WHERE done_at IS NULL AND cancelled_at IS NULL;
"""

# How a contact likes to be greeted in a letter ("Dear An"), and the owner's greeting for an
# organisation with nobody to write to by name ("Dear {client_name} team").
_V7 = """
ALTER TABLE contact ADD COLUMN salutation TEXT NOT NULL DEFAULT '';
ALTER TABLE business_profile ADD COLUMN letter_greeting TEXT NOT NULL DEFAULT ''
"""


# The dashboard's indexes: each year's figures read an index, never a whole table.
# Starts by day (active, gained), end dates entered without a departure, the returns of a
# year, the minutes of a 12-month window by time, and the clients by 12-month revenue
# with their names (the revenue concentration, largest first).
_V8 = """
CREATE INDEX client_started ON client (started_on, status);
CREATE INDEX client_ended ON client (ended_on, status, started_on) WHERE ended_on IS NOT NULL;
CREATE INDEX client_revenue_rank ON client (revenue_12m_cents DESC, sort_name, id, name)
    WHERE revenue_12m_cents > 0;
CREATE INDEX interaction_time ON interaction (occurred_at, client_id, minutes);
CREATE INDEX departure_returned ON departure (state, returned_on)
"""


# The dashboard without a scan of the year's interactions, and its other figures from
# indexes alone. Each client's minutes of the last 12 months are kept on the client, as its
# revenue is: the triggers add and take away the minutes of every interaction written inside
# the window the column counts (app_meta `minutes_from` to `minutes_until`, exclusive),
# whichever code writes it; the store moves the window on as the days pass
# (store.upkeep.refresh_minutes_window). No window is stored yet, so the triggers change
# nothing until the next open fills every client's column. The leavings, the returns and
# the proposals decided in a year read covering indexes, never the wide rows.
_V9 = """
ALTER TABLE client ADD COLUMN minutes_12m INTEGER NOT NULL DEFAULT 0;
CREATE INDEX client_minutes_rank ON client (minutes_12m DESC, sort_name, id, name)
    WHERE minutes_12m > 0;
DELETE FROM app_meta WHERE key IN ('minutes_from', 'minutes_until');
CREATE TRIGGER interaction_minutes_insert AFTER INSERT ON interaction
WHEN NEW.minutes > 0
    AND NEW.occurred_at >= (SELECT value FROM app_meta WHERE key = 'minutes_from')
    AND NEW.occurred_at < (SELECT value FROM app_meta WHERE key = 'minutes_until')
BEGIN
    UPDATE client SET minutes_12m = minutes_12m + NEW.minutes WHERE id = NEW.client_id;
END;
CREATE TRIGGER interaction_minutes_delete AFTER DELETE ON interaction
WHEN OLD.minutes > 0
    AND OLD.occurred_at >= (SELECT value FROM app_meta WHERE key = 'minutes_from')
    AND OLD.occurred_at < (SELECT value FROM app_meta WHERE key = 'minutes_until')
BEGIN
    UPDATE client SET minutes_12m = minutes_12m - OLD.minutes WHERE id = OLD.client_id;
END;
CREATE TRIGGER interaction_minutes_update AFTER UPDATE OF client_id, occurred_at, minutes
ON interaction BEGIN
    UPDATE client SET minutes_12m = minutes_12m - OLD.minutes WHERE id = OLD.client_id
        AND OLD.minutes > 0
        AND OLD.occurred_at >= (SELECT value FROM app_meta WHERE key = 'minutes_from')
        AND OLD.occurred_at < (SELECT value FROM app_meta WHERE key = 'minutes_until');
    UPDATE client SET minutes_12m = minutes_12m + NEW.minutes WHERE id = NEW.client_id
        AND NEW.minutes > 0
        AND NEW.occurred_at >= (SELECT value FROM app_meta WHERE key = 'minutes_from')
        AND NEW.occurred_at < (SELECT value FROM app_meta WHERE key = 'minutes_until');
END;
DROP INDEX departure_effective_on;
CREATE INDEX departure_effective_on ON departure (state, effective_on, client_id, returned_on);
DROP INDEX departure_returned;
CREATE INDEX departure_returned ON departure (state, returned_on, client_id, effective_on);
CREATE INDEX proposal_decided ON proposal (outcome, coalesce(decided_on, sent_on), client_id,
    amount_cents)
"""


def _script(sql: str) -> Callable[[sqlite3.Connection], None]:
    def step(conn: sqlite3.Connection) -> None:
        # executescript would COMMIT on its own; run statement by statement instead
        # so the step and its version bump share one transaction.
        for statement in _statements(sql):
            conn.execute(statement)

    return step


def _statements(sql: str) -> list[str]:
    """Split a script into statements; SQLite decides where one ends (triggers hold `;`)."""
    statements, buffer = [], ""
    for line in sql.splitlines():
        if line.strip().startswith("--"):
            continue
        buffer += line + "\n"
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip().rstrip(";"))
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip().rstrip(";"))
    return statements


# Index i holds the step that takes a file from version i to version i + 1.
STEPS: list[Callable[[sqlite3.Connection], None]] = [
    _script(_V1),
    _script(_V2),
    _script(_V3),
    _script(_V4),
    _script(_V5),
    _script(_V6),
    _script(_V7),
    _script(_V8),
    _script(_V9),
]
LATEST_VERSION = len(STEPS)


def current_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection, target: int = LATEST_VERSION) -> list[int]:
    """Apply the missing steps up to `target`; return the versions reached."""
    reached = []
    version = current_version(conn)
    while version < target:
        conn.execute("BEGIN IMMEDIATE")
        try:
            STEPS[version](conn)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            # A Ctrl+C can land just after the COMMIT: then there is nothing to undo.
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        version += 1
        reached.append(version)
    return reached
