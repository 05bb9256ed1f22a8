"""Writes to the client records (DOMAIN.md section 1), one transaction per user action.

Each function checks its input, raises `ValidationError` naming the field at
fault, and keeps the client's derived columns (search text, last contact,
revenue of the last 12 months) in step with what it wrote.
"""

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from peewee import fn

from goodbye_desktop import clock
from goodbye_desktop.errors import NotFoundError, ValidationError
from goodbye_desktop.store.connection import current
from goodbye_desktop.store.folding import fold
from goodbye_desktop.store.models import (
    CLIENT_STATUSES,
    DIRECTIONS,
    INTERACTION_KINDS,
    PROMISE_CHANNELS,
    PROPOSAL_OUTCOMES,
    BusinessProfile,
    Client,
    Contact,
    Interaction,
    Promise,
    Proposal,
    Revenue,
)
from goodbye_desktop.store.transaction import user_action

# Kept with the plain-SQL upkeep so start-up can run them without the ORM; re-exported
# here, where the rest of the client writes live.
from goodbye_desktop.store.upkeep import apply_effective_dates as apply_effective_dates
from goodbye_desktop.store.upkeep import refresh_revenue_window as refresh_revenue_window
from goodbye_desktop.store.upkeep import revenue_window

_CLIENT_FIELDS = {
    "name", "is_person", "status", "started_on", "ended_on", "address", "notes", "tags",
    "source", "acquired_on", "acquirer", "keep_in_touch",
}
_CONTACT_FIELDS = {"name", "role", "email", "phone", "primary", "left_on", "new_employer",
                   "salutation"}
_PROFILE_FIELDS = {
    "business_name", "owner_name", "address", "email", "phone", "website", "logo", "signature",
    "page_size", "locale", "currency", "target_hourly_rate_cents", "silence_days",
    "retention_target_pct", "reactivation_target", "letter_greeting",
}


# Ten trillion in any currency: far above any real invoice, far below SQLite's integer limit.
MAX_CENTS = 10**15



# --- checks -------------------------------------------------------------------------------

def _require_text(fields: Mapping[str, Any], name: str, label: str) -> None:
    if name in fields and not str(fields[name] or "").strip():
        raise ValidationError("field.required", field=name, label=label)


def _check_date(fields: Mapping[str, Any], name: str, label: str) -> None:
    value = fields.get(name)
    if value is not None and (not isinstance(value, date) or isinstance(value, datetime)):
        raise ValidationError("field.not_a_date", field=name, label=label)


def _check_choice(fields: Mapping[str, Any], name: str, label: str, choices) -> None:
    if name in fields and fields[name] not in choices:
        raise ValidationError("field.not_a_choice", field=name, label=label,
                              choices=tuple(choices), given=fields[name])


def _check_cents(fields: Mapping[str, Any], name: str, label: str) -> None:
    value = fields.get(name)
    if value is None:
        return
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValidationError("field.not_cents", field=name, label=label)
    if value < 0:
        raise ValidationError("field.negative", field=name, label=label)
    if value > MAX_CENTS:
        raise ValidationError("field.too_large", field=name, label=label)


def _unknown(fields: Mapping[str, Any], allowed: set[str]) -> None:
    extra = set(fields) - allowed
    if extra:
        raise ValidationError("field.unknown", field=sorted(extra)[0],
                              names=tuple(sorted(extra)))


def check_client_fields(fields: Mapping[str, Any], *, creating: bool) -> None:
    _unknown(fields, _CLIENT_FIELDS)
    if creating and "name" not in fields:
        raise ValidationError("field.required", field="name", label="client_name")
    _require_text(fields, "name", "client_name")
    _check_choice(fields, "status", "status", CLIENT_STATUSES)
    for name, label in (("started_on", "started_on"), ("ended_on", "ended_on"),
                        ("acquired_on", "acquired_on")):
        _check_date(fields, name, label)
    started, ended = fields.get("started_on"), fields.get("ended_on")
    if started and ended and ended < started:
        raise ValidationError("client.ends_before_start", field="ended_on")


# --- derived columns ----------------------------------------------------------------------

def _search_text(name: str, tags: str, contacts: Iterable[tuple[str, str]]) -> str:
    parts = [name, tags]
    for contact_name, email in contacts:
        parts.extend((contact_name, email))
    return "\n".join(fold(part) for part in parts if part)


def refresh_client(client_id: int) -> None:
    """Recompute one client's derived columns from its records.

    Plain SQL on the shared connection: it runs after every write, and building these
    five statements through the ORM took ten times longer than running them.
    """
    conn = current()
    row = conn.execute("SELECT name, tags FROM client WHERE id = ?", (client_id,)).fetchone()
    if row is None:
        return
    name, tags = row
    contacts = conn.execute("SELECT name, email FROM contact WHERE client_id = ? ORDER BY id",
                            (client_id,)).fetchall()
    last = conn.execute("SELECT max(occurred_at) FROM interaction WHERE client_id = ?",
                        (client_id,)).fetchone()[0]
    window = revenue_window()
    revenue = conn.execute(
        "SELECT coalesce(sum(amount_cents), 0) FROM revenue WHERE client_id = ? "
        "AND month BETWEEN ? AND ?",
        (client_id, window.first_month.isoformat(), window.last_month.isoformat())
    ).fetchone()[0]
    conn.execute(
        "UPDATE client SET search_text = ?, sort_name = ?, last_contact_at = ?, "
        "revenue_12m_cents = ? WHERE id = ?",
        (_search_text(name, tags, contacts), fold(name), last, revenue, client_id))


# --- clients ------------------------------------------------------------------------------

def create_client(**fields: Any) -> int:
    """Create a client (and nothing else); return its id."""
    check_client_fields(fields, creating=True)
    now = clock.local_now()
    with user_action("client.add"):
        client = Client.create(created_at=now, updated_at=now, **fields)
        refresh_client(client.id)
    return client.id


def update_client(client_id: int, **fields: Any) -> None:
    check_client_fields(fields, creating=False)
    if ("started_on" in fields) != ("ended_on" in fields):
        stored = get_client(client_id)
        check_client_fields({"started_on": fields.get("started_on", stored["started_on"]),
                             "ended_on": fields.get("ended_on", stored["ended_on"])},
                            creating=False)
    with user_action("client.save"):
        count = (Client.update(updated_at=clock.local_now(), **fields)
                 .where(Client.id == client_id).execute())
        if not count:
            raise NotFoundError("client.not_found", client_id=client_id)
        refresh_client(client_id)


def set_archived(client_ids: Iterable[int], archived: bool) -> int:
    """Archive (hide) or bring back clients; nothing is ever deleted. Returns the count."""
    ids = list(client_ids)
    with user_action("client.archive"):
        return (Client.update(archived=archived, updated_at=clock.local_now())
                .where(Client.id.in_(ids)).execute())


def get_client(client_id: int) -> dict[str, Any]:
    row = Client.select().where(Client.id == client_id).dicts().first()
    if row is None:
        raise NotFoundError("client.not_found", client_id=client_id)
    return row


# --- contacts -----------------------------------------------------------------------------

def _check_contact(fields: Mapping[str, Any], *, creating: bool) -> None:
    _unknown(fields, _CONTACT_FIELDS)
    if creating and "name" not in fields:
        raise ValidationError("field.required", field="name", label="contact_name")
    _require_text(fields, "name", "contact_name")
    _check_date(fields, "left_on", "left_on")
    email = str(fields.get("email") or "")
    if email and ("@" not in email or email.startswith("@") or email.endswith("@")):
        raise ValidationError("field.not_an_email", field="email", email=email)


def save_contact(client_id: int, contact_id: int | None = None, **fields: Any) -> int:
    """Add a contact (contact_id None) or change one; a new primary demotes the others."""
    _check_contact(fields, creating=contact_id is None)
    with user_action("contact.save"):
        if fields.get("primary"):
            (Contact.update(primary=False)
             .where((Contact.client == client_id) & (Contact.id != (contact_id or 0))).execute())
        if contact_id is None:
            contact_id = Contact.create(client=client_id, **fields).id
        elif fields:
            Contact.update(**fields).where(Contact.id == contact_id).execute()
        refresh_client(client_id)
    return contact_id


def delete_contact(contact_id: int) -> None:
    with user_action("contact.remove"):
        contact = Contact.get_or_none(Contact.id == contact_id)
        if contact is None:
            raise NotFoundError("contact.not_found", contact_id=contact_id)
        contact.delete_instance()
        refresh_client(contact.client_id)


# --- interactions -------------------------------------------------------------------------

def _check_interaction(occurred_at: Any, kind: str, direction: str, minutes: Any) -> None:
    fields = {"kind": kind, "direction": direction}
    _check_choice(fields, "kind", "kind", INTERACTION_KINDS)
    _check_choice(fields, "direction", "direction", DIRECTIONS)
    if not isinstance(occurred_at, datetime):
        raise ValidationError("interaction.when_not_a_time", field="occurred_at")
    if not isinstance(minutes, int) or isinstance(minutes, bool) or minutes < 0:
        raise ValidationError("interaction.minutes_negative", field="minutes")


def add_interaction(
    client_id: int,
    occurred_at: datetime,
    kind: str,
    *,
    direction: str = "out",
    minutes: int = 0,
    summary: str = "",
    complaint: bool = False,
) -> int:
    _check_interaction(occurred_at, kind, direction, minutes)
    with user_action("interaction.log"):
        row = Interaction.create(client=client_id, occurred_at=occurred_at, kind=kind,
                                 direction=direction, minutes=minutes, summary=summary,
                                 complaint=complaint)
        Client.update(last_contact_at=fn.MAX(fn.COALESCE(Client.last_contact_at, occurred_at),
                                             occurred_at)).where(Client.id == client_id).execute()
    return row.id


def add_interactions(client_id: int, entries: Iterable[Mapping[str, Any]]) -> int:
    """Log many interactions of one client at once (a history brought in: sample data, an
    import); each entry has the keywords of `add_interaction`. Returns how many."""
    rows = []
    for entry in entries:
        occurred_at, kind = entry.get("occurred_at"), entry.get("kind", "")
        direction, minutes = entry.get("direction", "out"), entry.get("minutes", 0)
        _check_interaction(occurred_at, kind, direction, minutes)
        rows.append((client_id, occurred_at.isoformat(sep=" "), kind, direction, minutes,
                     str(entry.get("summary", "")), int(bool(entry.get("complaint")))))
    with user_action("interactions.log"):
        # One executemany: building each row's SQL through the ORM costs far more.
        current().executemany(
            "INSERT INTO interaction (client_id, occurred_at, kind, direction, minutes, "
            "summary, complaint) VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
        refresh_client(client_id)
    return len(rows)


def update_interaction(
    interaction_id: int,
    occurred_at: datetime,
    kind: str,
    *,
    direction: str = "out",
    minutes: int = 0,
    summary: str = "",
    complaint: bool = False,
) -> None:
    """Correct a logged interaction (a typo, the minutes, the complaint flag)."""
    _check_interaction(occurred_at, kind, direction, minutes)
    with user_action("interaction.save"):
        row = Interaction.get_or_none(Interaction.id == interaction_id)
        if row is None:
            raise NotFoundError("interaction.not_found", interaction_id=interaction_id)
        (Interaction.update(occurred_at=occurred_at, kind=kind, direction=direction,
                            minutes=minutes, summary=summary, complaint=complaint)
         .where(Interaction.id == interaction_id).execute())
        refresh_client(row.client_id)


def delete_interaction(interaction_id: int) -> None:
    with user_action("interaction.delete"):
        row = Interaction.get_or_none(Interaction.id == interaction_id)
        if row is None:
            raise NotFoundError("interaction.not_found", interaction_id=interaction_id)
        row.delete_instance()
        refresh_client(row.client_id)


# --- revenue ------------------------------------------------------------------------------

def set_revenue(client_id: int, month: date, amount_cents: int) -> None:
    """Set the amount billed to a client in a month (replacing what was there)."""
    if not isinstance(month, date):
        raise ValidationError("field.not_a_date", field="month", label="month")
    _check_cents({"amount_cents": amount_cents}, "amount_cents", "amount")
    month = month.replace(day=1)
    with user_action("revenue.save"):
        Revenue.delete().where((Revenue.client == client_id) & (Revenue.month == month)).execute()
        Revenue.create(client=client_id, month=month, amount_cents=amount_cents)
        refresh_client(client_id)


def set_revenue_months(client_id: int, amounts: Mapping[date, int]) -> int:
    """Set the amounts billed to a client in many months at once (replacing what was there
    in those months); returns how many months were set."""
    rows = []
    for month, amount_cents in amounts.items():
        if not isinstance(month, date):
            raise ValidationError("field.not_a_date", field="month", label="month")
        _check_cents({"amount_cents": amount_cents}, "amount_cents", "amount")
        rows.append((client_id, month.replace(day=1).isoformat(), amount_cents))
    with user_action("revenue.save"):
        conn = current()
        conn.executemany("DELETE FROM revenue WHERE client_id = ? AND month = ?",
                         [row[:2] for row in rows])
        conn.executemany("INSERT INTO revenue (client_id, month, amount_cents) "
                         "VALUES (?, ?, ?)", rows)
        refresh_client(client_id)
    return len(rows)


def delete_revenue(client_id: int, month: date) -> None:
    with user_action("revenue.remove"):
        (Revenue.delete()
         .where((Revenue.client == client_id) & (Revenue.month == month.replace(day=1)))
         .execute())
        refresh_client(client_id)


# --- proposals ----------------------------------------------------------------------------

def save_proposal(client_id: int, proposal_id: int | None = None, **fields: Any) -> int:
    _unknown(fields, {"title", "sent_on", "amount_cents", "hourly_rate_cents", "outcome",
                      "decided_on"})
    if proposal_id is None and not isinstance(fields.get("sent_on"), date):
        raise ValidationError("field.not_a_date", field="sent_on", label="sent_on")
    _check_date(fields, "sent_on", "sent_on")
    _check_date(fields, "decided_on", "decided_on")
    _check_cents(fields, "amount_cents", "amount")
    _check_cents(fields, "hourly_rate_cents", "rate")
    _check_choice(fields, "outcome", "outcome", PROPOSAL_OUTCOMES)
    with user_action("proposal.save"):
        if proposal_id is None:
            return Proposal.create(client=client_id, **fields).id
        Proposal.update(**fields).where(Proposal.id == proposal_id).execute()
        return proposal_id


# --- promises -----------------------------------------------------------------------------

def add_promise(
    client_id: int,
    description: str,
    due_at: datetime,
    channel: str = "email",
    *,
    departure_id: int | None = None,
    letter_kind: str = "",
) -> int:
    if not description.strip():
        raise ValidationError("promise.description_empty", field="description")
    if not isinstance(due_at, datetime):
        raise ValidationError("promise.due_not_a_time", field="due_at")
    _check_choice({"channel": channel}, "channel", "channel", PROMISE_CHANNELS)
    with user_action("promise.add"):
        return Promise.create(client=client_id, description=description, due_at=due_at,
                              channel=channel, departure=departure_id,
                              letter_kind=letter_kind).id


def update_promise(promise_id: int, description: str, due_at: datetime,
                   channel: str = "email") -> None:
    """Change what was promised, when it is due, or the channel."""
    if not description.strip():
        raise ValidationError("promise.description_empty", field="description")
    if not isinstance(due_at, datetime):
        raise ValidationError("promise.due_not_a_time", field="due_at")
    _check_choice({"channel": channel}, "channel", "channel", PROMISE_CHANNELS)
    with user_action("promise.save"):
        count = (Promise.update(description=description, due_at=due_at, channel=channel)
                 .where(Promise.id == promise_id).execute())
        if not count:
            raise NotFoundError("promise.not_found", promise_id=promise_id)


def mark_promise_done(promise_id: int, done_at: datetime | None = None) -> None:
    with user_action("promise.done"):
        Promise.update(done_at=done_at or clock.local_now(), cancelled_at=None).where(
            Promise.id == promise_id).execute()


def cancel_promise(promise_id: int, when: datetime | None = None) -> None:
    with user_action("promise.cancel"):
        (Promise.update(cancelled_at=when or clock.local_now())
         .where(Promise.id == promise_id).execute())


def reopen_promise(promise_id: int) -> None:
    with user_action("promise.reopen"):
        Promise.update(done_at=None, cancelled_at=None).where(Promise.id == promise_id).execute()


# --- business profile ---------------------------------------------------------------------

def get_profile() -> dict[str, Any]:
    return BusinessProfile.select().where(BusinessProfile.id == 1).dicts().get()


def profile_is_untouched() -> bool:
    """True while every field of the business profile still holds its default: the owner
    has filled nothing in (nor cleared anything), so sample data may fill it."""
    profile = get_profile()
    return all(profile[name] == getattr(BusinessProfile, name).default
               for name in _PROFILE_FIELDS)


def update_profile(**fields: Any) -> None:
    _unknown(fields, _PROFILE_FIELDS)
    if "page_size" in fields and fields["page_size"] not in (None, "A4", "Letter"):
        raise ValidationError("profile.page_size", field="page_size")
    _check_cents(fields, "target_hourly_rate_cents", "target_hourly_rate")
    greeting = str(fields.get("letter_greeting") or "")
    if greeting.replace("{client_name}", "").count("{") or "}" in greeting.replace(
            "{client_name}", ""):
        raise ValidationError("profile.greeting_braces", field="letter_greeting")
    with user_action("profile.save"):
        BusinessProfile.update(**fields).where(BusinessProfile.id == 1).execute()
