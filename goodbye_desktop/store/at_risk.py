"""The At-risk list: every current client with a warning sign, most urgent first.

Working the signs out needs a pass over every client's interactions, contacts and
revenue (`client_facts.facts_for_clients`, a page of clients per grouped query). That is
done once a day, and again for a client whenever its records change, into the
`risk_client` table; the list then reads that table through its index, a page at a time,
so it opens at once at 100,000 clients. Acknowledged signs (`sign_ack`, until a date)
are left out of the list. The same pass keeps each client's risk history
(`risk_episode`): when it became at risk, when a save was tried, how it ended.
Plain SQL on the shared connection: the window can show the list without the ORM.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from goodbye_desktop.core import risk
from goodbye_desktop.core.signs import ClientFacts, Sign, signs
from goodbye_desktop.errors import NotFoundError, ValidationError
from goodbye_desktop.store.client_facts import facts_for_clients
from goodbye_desktop.store.connection import current, transaction
from goodbye_desktop.store.sql_values import as_date
from goodbye_desktop.vocabulary import CURRENT_STATUSES, RISK_SAVE_KINDS, SIGNS

_CHUNK = 500
_CURRENT = "(" + ",".join(f"'{status}'" for status in CURRENT_STATUSES) + ")"
_LEAVING = "('departing', 'departed')"


@dataclass(frozen=True)
class AtRiskClient:
    """One line of the At-risk list: the client and its signs not acknowledged."""

    id: int
    name: str
    signs: list[Sign]
    score: int = 0
    revenue_12m_cents: int = 0
    acknowledged: list[str] = field(default_factory=list)  # codes of signs set aside

    @property
    def sign_keys(self) -> list[str]:
        return [sign.key for sign in self.signs]


# --- signs kept as JSON -------------------------------------------------------------------

def _encode(value: Any) -> Any:
    if isinstance(value, date):
        return {"date": value.isoformat()}
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict) and set(value) == {"date"}:
        return date.fromisoformat(value["date"])
    return value


def _signs_json(found: list[Sign]) -> str:
    return json.dumps([{"key": s.key, "title": s.title, "reason": s.reason,
                        "next_step": s.next_step, "case": s.case,
                        "values": {k: _encode(v) for k, v in s.values.items()}}
                       for s in found], ensure_ascii=False)


def _signs_from(text: str) -> list[Sign]:
    return [Sign(item["key"], item["title"], item["reason"], item["next_step"], item["case"],
                 {k: _decode(v) for k, v in item["values"].items()})
            for item in json.loads(text or "[]")]


# --- keeping the table current ------------------------------------------------------------

def is_current(today: date) -> bool:
    """True when every client's signs were worked out today (or later)."""
    row = current().execute(
        "SELECT value FROM app_meta WHERE key = 'risk_checked_on'").fetchone()
    return bool(row) and row[0] >= today.isoformat()


def sign_counts() -> dict[int, int]:
    """Each current client's number of warning signs as of the day's check (see
    `is_current`), acknowledged ones included; clients without a sign are left out."""
    # The client list shows signs for active and returned clients: one leaving is past them.
    return dict(current().execute(
        "SELECT r.client_id, json_array_length(r.signs_json) FROM risk_client r "
        "JOIN client c ON c.id = r.client_id "
        "WHERE r.signs_json != '[]' AND c.status IN ('active', 'returned')").fetchall())


def stale_client_ids(today: date) -> list[int]:
    """Current clients whose signs were last worked out before `today` (or never)."""
    return [row[0] for row in current().execute(
        f"SELECT c.id FROM client c LEFT JOIN risk_client r ON r.client_id = c.id "
        f"WHERE c.status IN {_CURRENT} AND c.archived = 0 "
        f"AND (r.checked_on IS NULL OR r.checked_on < ?) ORDER BY c.id",
        (today.isoformat(),))]


def ensure_current(today: date) -> None:
    """Work out the signs of every client not yet done today (nothing when all are)."""
    if is_current(today):
        return
    refresh(today, stale_client_ids(today))
    finish_day(today)


def finish_day(today: date) -> None:
    """Once every client is done: drop rows of former clients, close lost times at risk."""
    with transaction() as conn:
        conn.execute(
            f"DELETE FROM risk_client WHERE client_id IN (SELECT id FROM client "
            f"WHERE status NOT IN {_CURRENT} OR archived = 1)")
        _close_lost(conn, None, today)
        conn.execute(
            "INSERT INTO app_meta (key, value) VALUES ('risk_checked_on', ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (today.isoformat(),))


def refresh(today: date, client_ids: list[int]) -> int:
    """Work out the signs of `client_ids` as of `today`; return how many are at risk."""
    at_risk = 0
    for start in range(0, len(client_ids), _CHUNK):
        at_risk += _refresh_chunk(today, client_ids[start:start + _CHUNK])
    return at_risk


def refresh_client(client_id: int, today: date) -> None:
    """After a write: one client's signs again, and whether it left (lost) or came back."""
    refresh(today, [client_id])


def _acknowledged(conn, ids: list[int], today: date) -> dict[int, set[str]]:
    marks = ",".join("?" * len(ids))
    found: dict[int, set[str]] = {}
    for client_id, sign in conn.execute(
            f"SELECT client_id, sign FROM sign_ack WHERE client_id IN ({marks}) AND until >= ?",
            (*ids, today.isoformat())):
        found.setdefault(client_id, set()).add(sign)
    return found


def _refresh_chunk(today: date, ids: list[int]) -> int:
    if not ids:
        return 0
    conn = current()
    marks = ",".join("?" * len(ids))
    # `+status`: look the ids up by key; the index on status would scan every client.
    clients = {row[0]: row[1] for row in conn.execute(
        f"SELECT id, revenue_12m_cents FROM client WHERE id IN ({marks}) "
        f"AND +status IN {_CURRENT} AND +archived = 0", ids)}
    facts = facts_for_clients(list(clients), today)
    acks = _acknowledged(conn, list(clients), today) if clients else {}
    rows, flagged, clear = [], [], []
    for client_id, revenue in clients.items():
        found = signs(ClientFacts(**facts[client_id]))
        visible = [s.key for s in found if s.key not in acks.get(client_id, set())]
        rows.append((client_id, _signs_json(found), ",".join(visible), risk.urgency(visible),
                     revenue, today.isoformat()))
        (flagged if found else clear).append(client_id)
    day = today.isoformat()
    with transaction() as conn:
        conn.execute(f"DELETE FROM risk_client WHERE client_id IN ({marks})", ids)
        conn.executemany("INSERT INTO risk_client (client_id, signs_json, visible, score, "
                         "revenue_12m_cents, checked_on) VALUES (?,?,?,?,?,?)", rows)
        # Still at risk: the open time at risk goes on; newly at risk: one begins.
        conn.executemany("UPDATE risk_episode SET last_seen_on = ? "
                         "WHERE client_id = ? AND ended_on IS NULL",
                         [(day, cid) for cid in flagged])
        conn.executemany("INSERT OR IGNORE INTO risk_episode (client_id, began_on, "
                         "last_seen_on) VALUES (?, ?, ?)", [(cid, day, day) for cid in flagged])
        _close_recovered(conn, clear, today)
        _close_lost(conn, [cid for cid in ids if cid not in clients], today)
    return len(flagged)


def _close_recovered(conn, ids: list[int], today: date) -> None:
    for start in range(0, len(ids), _CHUNK):
        part = ids[start:start + _CHUNK]
        marks = ",".join("?" * len(part))
        for episode_id, last_seen in conn.execute(
                f"SELECT id, last_seen_on FROM risk_episode WHERE ended_on IS NULL "
                f"AND client_id IN ({marks})", part).fetchall():
            ended = risk.recovered_on(as_date(last_seen), today)
            if ended is not None:
                conn.execute("UPDATE risk_episode SET ended_on = ?, outcome = 'recovered' "
                             "WHERE id = ?", (ended.isoformat(), episode_id))


def _close_lost(conn, ids: list[int] | None, today: date) -> None:
    """A client at risk that is leaving ends its time at risk as lost, on the decision day."""
    where, params = "", []
    if ids is not None:
        if not ids:
            return
        where = f"AND e.client_id IN ({','.join('?' * len(ids))})"
        params = list(ids)
    conn.execute(
        f"UPDATE risk_episode AS e SET outcome = 'lost', ended_on = max(e.began_on, "
        f"coalesce((SELECT max(d.decided_on) FROM departure d WHERE d.client_id = e.client_id "
        f"AND d.state = 'decided'), ?)) WHERE e.ended_on IS NULL {where} AND e.client_id IN "
        f"(SELECT id FROM client WHERE status IN {_LEAVING})", (today.isoformat(), *params))


# --- reading the list ---------------------------------------------------------------------

# CROSS JOIN keeps risk_client the outer loop, read in order through its partial index, so
# a page stops after its rows (a plain JOIN lets the planner start from the client table).
_LIST_SQL = (
    f"SELECT r.client_id, c.name, r.signs_json, r.visible, r.score, r.revenue_12m_cents "
    f"FROM risk_client r CROSS JOIN client c ON c.id = r.client_id "
    f"WHERE r.score > 0 AND c.status IN {_CURRENT} AND c.archived = 0 "
    f"ORDER BY r.score DESC, r.revenue_12m_cents DESC, r.client_id")


def _item(row: tuple) -> AtRiskClient:
    client_id, name, signs_json, visible, score, revenue = row
    keys = visible.split(",") if visible else []
    every = _signs_from(signs_json)
    shown = [s for s in every if s.key in keys]
    return AtRiskClient(client_id, name, shown, score, revenue,
                        [s.key for s in every if s.key not in keys])


def at_risk_count() -> int:
    """How many clients the At-risk list holds (as last worked out).

    The table holds current clients only (a client that leaves or is archived is taken
    out when its records are refreshed), so the count needs no join.
    """
    return current().execute(
        "SELECT count(*) FROM risk_client WHERE score > 0").fetchone()[0]


def at_risk_page(offset: int, limit: int) -> list[AtRiskClient]:
    """A page of the At-risk list, most urgent first (as last worked out)."""
    return [_item(row) for row in current().execute(
        _LIST_SQL + " LIMIT ? OFFSET ?", (limit, offset))]


def at_risk_clients(today: date) -> list[AtRiskClient]:
    """Every current client with a sign not acknowledged on `today`, most urgent first.

    Each item has `id`, `name` and `signs` (core.signs.Sign objects; `sign_keys` gives
    their codes). Works out what is not yet worked out for `today` first.
    """
    ensure_current(today)
    return [_item(row) for row in current().execute(_LIST_SQL)]


def signs_of(client_id: int) -> list[Sign]:
    """Every sign of one client as last worked out, acknowledged ones included."""
    row = current().execute("SELECT signs_json FROM risk_client WHERE client_id = ?",
                            (client_id,)).fetchone()
    return _signs_from(row[0]) if row else []


# --- acknowledging, saving ----------------------------------------------------------------

def acknowledge_sign(client_id: int, sign: str, until: date, note: str, summary: str,
                     today: date, when: datetime) -> int:
    """Set a sign aside until `until` with a note, kept on the timeline; return its id.

    `summary` is the timeline entry's text as the screen words it (the note inside it).
    """
    from goodbye_desktop.store.records import add_interaction
    from goodbye_desktop.store.transaction import user_action

    if sign not in SIGNS:
        raise ValidationError("sign.unknown", field="sign", sign=sign)
    if not isinstance(until, date) or until < today:
        raise ValidationError("sign.until_past", field="until")
    with user_action("sign.acknowledge"):
        if current().execute("SELECT 1 FROM client WHERE id = ?", (client_id,)).fetchone() \
                is None:
            raise NotFoundError("client.not_found", client_id=client_id)
        interaction = add_interaction(client_id, when, "note", summary=summary)
        ack = current().execute(
            "INSERT INTO sign_ack (client_id, sign, until, note, interaction_id, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (client_id, sign, until.isoformat(), note.strip(), interaction,
             when.isoformat(sep=" "))).lastrowid
        refresh_client(client_id, today)
    return ack


def record_save_attempt(client_id: int, kind: str, on: date) -> None:
    """A save was tried for this client: the open time at risk notes it (one begins if none).

    Runs inside the caller's transaction (it is part of the promise's action).
    """
    if kind not in RISK_SAVE_KINDS:
        raise ValidationError("sign.unknown_save", field="kind", kind=kind)
    day = on.isoformat()
    with transaction() as conn:
        conn.execute("INSERT OR IGNORE INTO risk_episode (client_id, began_on, last_seen_on) "
                     "VALUES (?, ?, ?)", (client_id, day, day))
        conn.execute("UPDATE risk_episode SET save_on = ?, save_kind = ? WHERE client_id = ? "
                     "AND ended_on IS NULL AND save_on IS NULL", (day, kind, client_id))


def promise_to_save(client_id: int, description: str, due_at: datetime, channel: str,
                    today: date) -> int:
    """A promise made from the At-risk list: saved, and noted as a save attempt; its id."""
    from goodbye_desktop.store.records import add_promise
    from goodbye_desktop.store.transaction import user_action

    with user_action("promise.add"):
        promise_id = add_promise(client_id, description, due_at, channel)
        record_save_attempt(client_id, "promise", today)
    return promise_id


def risk_history(client_id: int) -> list[risk.Episode]:
    """The client's times at risk, the latest first."""
    return [risk.Episode(as_date(began), as_date(seen), as_date(save_on), save_kind or "",
                         as_date(ended), outcome or "")
            for began, seen, save_on, save_kind, ended, outcome in current().execute(
                "SELECT began_on, last_seen_on, save_on, save_kind, ended_on, outcome "
                "FROM risk_episode WHERE client_id = ? ORDER BY began_on DESC, id DESC",
                (client_id,))]
