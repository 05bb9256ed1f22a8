"""Peewee models: one per record of DOMAIN.md sections 1 and 4, plus kept documents.

The models describe the newest schema. The tables themselves are created and
changed only by `migrations`, in order, so an old file and a new one end up alike.
Money is integer cents (`*_cents`), dates are dates, moments are datetimes.
"""

import sqlite3
from pathlib import Path

from peewee import (
    BlobField,
    BooleanField,
    CharField,
    DatabaseProxy,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    SqliteDatabase,
    TextField,
)

from goodbye_desktop.store import connection
from goodbye_desktop.store.choices import (  # noqa: F401  (the models' words, re-exported)
    CLIENT_STATUSES,
    DIRECTIONS,
    INTERACTION_KINDS,
    PROMISE_CHANNELS,
    PROPOSAL_OUTCOMES,
)

database_proxy = DatabaseProxy()


class _SharedSqlite(SqliteDatabase):
    """Peewee on the connection the store opened (see store.connection), never its own."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        super().__init__(str(path), check_same_thread=False)
        self._shared = conn

    def _connect(self) -> sqlite3.Connection:
        return self._shared

    def _close(self, conn: sqlite3.Connection) -> None:
        # store.connection owns the connection and closes it.
        pass


def _bind(conn: sqlite3.Connection, path: Path) -> None:
    db = _SharedSqlite(conn, path)
    db.connect()
    database_proxy.initialize(db)


def _unbind() -> None:
    if database_proxy.obj is not None and not database_proxy.obj.is_closed():
        database_proxy.obj.close()
    database_proxy.initialize(None)


connection.on_open(_bind, _unbind)


class BaseModel(Model):
    class Meta:
        database = database_proxy
        legacy_table_names = False


class BusinessProfile(BaseModel):
    """The owner's business: one row, id 1."""

    business_name = TextField(default="")
    owner_name = TextField(default="")
    address = TextField(default="")
    email = TextField(default="")
    phone = TextField(default="")
    website = TextField(default="")
    logo = BlobField(null=True)
    signature = BlobField(null=True)
    page_size = CharField(null=True)  # "A4", "Letter", or None for the locale's
    locale = CharField(default="en_GB")
    currency = CharField(default="EUR")
    target_hourly_rate_cents = IntegerField(default=0)
    silence_days = IntegerField(default=45)
    retention_target_pct = IntegerField(default=90)
    reactivation_target = IntegerField(default=2)
    letter_greeting = TextField(default="")  # "Dear {client_name} team" when empty


class Client(BaseModel):
    name = TextField()
    is_person = BooleanField(default=False)
    status = CharField(default="active", index=True)
    started_on = DateField(null=True)
    ended_on = DateField(null=True)
    address = TextField(default="")
    notes = TextField(default="")
    tags = TextField(default="")  # comma separated, as typed
    source = TextField(default="")  # how they found the business
    acquired_on = DateField(null=True)
    acquirer = TextField(default="")
    keep_in_touch = BooleanField(default=False)
    archived = BooleanField(default=False)
    # Derived columns kept by the store so the list needs no aggregate per keystroke.
    search_text = TextField(default="")
    sort_name = TextField(default="")
    last_contact_at = DateTimeField(null=True)
    revenue_12m_cents = IntegerField(default=0)
    minutes_12m = IntegerField(default=0)
    created_at = DateTimeField()
    updated_at = DateTimeField()


class Contact(BaseModel):
    client = ForeignKeyField(Client, backref="contacts", on_delete="CASCADE")
    name = TextField()
    role = TextField(default="")
    email = TextField(default="")
    phone = TextField(default="")
    primary = BooleanField(default=False)
    left_on = DateField(null=True)
    new_employer = TextField(default="")
    salutation = TextField(default="")  # "Dear An", "Dear Dr Okafor"; empty: from the name


class Interaction(BaseModel):
    client = ForeignKeyField(Client, backref="interactions", on_delete="CASCADE")
    occurred_at = DateTimeField()
    kind = CharField()
    direction = CharField(default="out")
    minutes = IntegerField(default=0)
    summary = TextField(default="")
    complaint = BooleanField(default=False)


class Revenue(BaseModel):
    client = ForeignKeyField(Client, backref="revenue", on_delete="CASCADE")
    month = DateField()  # always the first day of the month
    amount_cents = IntegerField()


class Proposal(BaseModel):
    client = ForeignKeyField(Client, backref="proposals", on_delete="CASCADE")
    title = TextField(default="")
    sent_on = DateField()
    amount_cents = IntegerField(null=True)
    hourly_rate_cents = IntegerField(null=True)
    outcome = CharField(default="pending")
    decided_on = DateField(null=True)


class Departure(BaseModel):
    """One leaving of one client, with everything decided around it."""

    client = ForeignKeyField(Client, backref="departures", on_delete="CASCADE")
    state = CharField(default="draft")  # draft, decided, won_back, undone
    ended_by = CharField(default="")  # client, owner, mutual, outside
    outside_event = CharField(default="")  # closed, acquired, moved
    reason_text = TextField(default="")
    kind = CharField(default="")  # fulfilled, scattered, no_follow_through
    decision = CharField(default="")  # keep, let_go, accept
    decided_on = DateField(null=True)
    effective_on = DateField(null=True)
    assessment_json = TextField(default="{}")
    interview_status = CharField(default="not_asked")  # requested, scheduled, held, declined
    interviewer = TextField(default="")
    interview_times = TextField(default="")
    interview_held_on = DateField(null=True)
    decided_when = TextField(default="")
    would_return = CharField(default="")  # yes, no, maybe
    would_refer = CharField(default="")
    letters = TextField(default="")  # comma separated letter kinds chosen
    mailing_consent = BooleanField(default=False)
    staff_told = TextField(default="")
    lessons = TextField(default="")
    notes = TextField(default="")
    returned_on = DateField(null=True)
    undone_on = DateField(null=True)
    draft_json = TextField(default="")
    created_at = DateTimeField()
    updated_at = DateTimeField()


class DepartureReason(BaseModel):
    departure = ForeignKeyField(Departure, backref="reasons", on_delete="CASCADE")
    reason = CharField()


class PendingWork(BaseModel):
    departure = ForeignKeyField(Departure, backref="pending_work", on_delete="CASCADE")
    position = IntegerField(default=0)
    description = TextField()
    due_on = DateField(null=True)
    done_on = DateField(null=True)


class TransitionStep(BaseModel):
    departure = ForeignKeyField(Departure, backref="steps", on_delete="CASCADE")
    position = IntegerField(default=0)
    description = TextField()
    due_on = DateField(null=True)
    owner = TextField(default="")
    status = CharField(default="todo")  # todo, done, skipped
    done_on = DateField(null=True)


class InterviewQuestion(BaseModel):
    departure = ForeignKeyField(Departure, backref="questions", on_delete="CASCADE")
    position = IntegerField(default=0)
    question = TextField()
    answer = TextField(default="")


class Promise(BaseModel):
    client = ForeignKeyField(Client, backref="promises", on_delete="CASCADE")
    departure = ForeignKeyField(Departure, null=True, backref="promises", on_delete="SET NULL")
    description = TextField()
    due_at = DateTimeField()
    channel = CharField(default="email")
    letter_kind = CharField(default="")  # a follow-up that is a letter to print
    done_at = DateTimeField(null=True)
    cancelled_at = DateTimeField(null=True)


class Document(BaseModel):
    """A PDF as it was produced, kept so it can be reopened and reprinted."""

    client = ForeignKeyField(Client, backref="documents", on_delete="CASCADE")
    departure = ForeignKeyField(Departure, null=True, backref="documents", on_delete="SET NULL")
    interaction = ForeignKeyField(Interaction, null=True, on_delete="SET NULL")
    kind = CharField()
    title = TextField(default="")
    created_at = DateTimeField()
    pdf = BlobField()


class LetterTemplate(BaseModel):
    """The owner's own text for a letter kind; the shipped default applies when absent."""

    kind = CharField(unique=True)
    text = TextField()
    updated_at = DateTimeField()


ALL_MODELS = (
    BusinessProfile,
    Client,
    Contact,
    Interaction,
    Revenue,
    Proposal,
    Departure,
    DepartureReason,
    PendingWork,
    TransitionStep,
    InterviewQuestion,
    Promise,
    Document,
    LetterTemplate,
)
