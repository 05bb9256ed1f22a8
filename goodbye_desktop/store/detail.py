"""Read queries for one client's detail pane: its header figures and the records of each tab.

Everything comes back as frozen dataclasses of plain values (dates, datetimes, integer
cents), so the screen never holds a model object. The 12-month figures are aggregates in
SQL over the same window as the client list's revenue column: the current month and the
eleven before it, through today (`core.windows.last_12_months`). The interaction index on
(client_id, occurred_at, minutes, complaint) covers the minutes and complaints sums.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from peewee import SQL, Case, fn

from goodbye_desktop import clock
from goodbye_desktop.core import client_figures
from goodbye_desktop.core.windows import last_12_months
from goodbye_desktop.errors import NotFoundError
from goodbye_desktop.store.models import (
    Client,
    Contact,
    Interaction,
    Promise,
    Proposal,
    Revenue,
)

DEFAULT_PAGE = 100


@dataclass(frozen=True)
class ClientSummary:
    """The header of the detail pane: who the client is and its figures of the last 12 months."""

    id: int
    name: str
    status: str
    started_on: date | None
    ended_on: date | None
    archived: bool
    window_start: date  # first day of the 12-month window the figures cover
    revenue_12m_cents: int
    minutes_12m: int
    complaints_12m: int
    interactions_12m: int
    last_contact_at: datetime | None
    lifetime_revenue_cents: int = 0  # every month ever billed (what a departed client brought)

    @property
    def revenue_per_hour_cents(self) -> int | None:
        """Revenue / (minutes / 60) in whole cents (core.client_figures)."""
        return client_figures.revenue_per_hour_cents(self.revenue_12m_cents, self.minutes_12m)

    def tenure_months(self, today: date) -> int | None:
        """Whole months with the business (core.client_figures)."""
        return client_figures.tenure_months(self.started_on, self.ended_on, today)


@dataclass(frozen=True)
class ContactRow:
    id: int
    name: str
    role: str
    email: str
    phone: str
    primary: bool
    left_on: date | None
    new_employer: str
    salutation: str = ""


@dataclass(frozen=True)
class InteractionRow:
    id: int
    occurred_at: datetime
    kind: str
    direction: str
    minutes: int
    summary: str
    complaint: bool


@dataclass(frozen=True)
class RevenueRow:
    month: date  # the first day of the month
    amount_cents: int


@dataclass(frozen=True)
class ProposalRow:
    id: int
    title: str
    sent_on: date
    amount_cents: int | None
    hourly_rate_cents: int | None
    outcome: str
    decided_on: date | None


@dataclass(frozen=True)
class PromiseRow:
    id: int
    description: str
    due_at: datetime
    channel: str
    done_at: datetime | None
    cancelled_at: datetime | None
    departure_id: int | None
    letter_kind: str


def client_summary(client_id: int, today: date | None = None) -> ClientSummary:
    """The header figures of one client; NotFoundError if there is no such client."""
    today = today or clock.today()
    window = last_12_months(today)
    start = window.first_month
    client = (Client.select(Client.id, Client.name, Client.status, Client.started_on,
                            Client.ended_on, Client.archived, Client.last_contact_at)
              .where(Client.id == client_id).tuples().first())
    if client is None:
        raise NotFoundError("client.not_found", client_id=client_id)
    minutes, complaints, count = (
        Interaction.select(
            fn.COALESCE(fn.SUM(Interaction.minutes), 0),
            fn.COALESCE(fn.SUM(Case(None, [(Interaction.complaint, 1)], 0)), 0),
            fn.COUNT(Interaction.id),
        )
        .where((Interaction.client == client_id)
               & (Interaction.occurred_at >= datetime.combine(start, time()))
               & (Interaction.occurred_at < datetime.combine(window.after_last, time())))
        .tuples().get()
    )
    revenue = (Revenue.select(fn.COALESCE(fn.SUM(Revenue.amount_cents), 0))
               .where((Revenue.client == client_id)
                      & Revenue.month.between(start, window.last_month)).scalar())
    lifetime = (Revenue.select(fn.COALESCE(fn.SUM(Revenue.amount_cents), 0))
                .where(Revenue.client == client_id).scalar())
    return ClientSummary(
        lifetime_revenue_cents=int(lifetime),
        id=client[0], name=client[1], status=client[2], started_on=client[3],
        ended_on=client[4], archived=bool(client[5]), window_start=start,
        revenue_12m_cents=int(revenue), minutes_12m=int(minutes),
        complaints_12m=int(complaints), interactions_12m=int(count),
        last_contact_at=client[6],
    )


def contacts(client_id: int) -> list[ContactRow]:
    """The client's contacts: the primary first, then those still there, then by name."""
    query = (Contact.select(Contact.id, Contact.name, Contact.role, Contact.email,
                            Contact.phone, Contact.primary, Contact.left_on,
                            Contact.new_employer, Contact.salutation)
             .where(Contact.client == client_id)
             .order_by(Contact.primary.desc(), Contact.left_on.is_null(False),
                       Contact.name.collate("NOCASE"), Contact.id)
             .tuples())
    return [ContactRow(id=r[0], name=r[1], role=r[2], email=r[3], phone=r[4],
                       primary=bool(r[5]), left_on=r[6], new_employer=r[7],
                       salutation=r[8] or "") for r in query]


def interactions(client_id: int, limit: int = DEFAULT_PAGE, offset: int = 0
                 ) -> list[InteractionRow]:
    """One page of the client's timeline, newest first."""
    query = (Interaction.select(Interaction.id, Interaction.occurred_at, Interaction.kind,
                                Interaction.direction, Interaction.minutes,
                                Interaction.summary, Interaction.complaint)
             .where(Interaction.client == client_id)
             .order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
             .limit(limit).offset(offset)
             .tuples())
    return [InteractionRow(id=r[0], occurred_at=r[1], kind=r[2], direction=r[3],
                           minutes=r[4], summary=r[5], complaint=bool(r[6])) for r in query]


def interaction_count(client_id: int) -> int:
    return Interaction.select().where(Interaction.client == client_id).count()


def revenue_by_month(client_id: int) -> list[RevenueRow]:
    """The amounts billed to the client, one row per month, newest month first."""
    query = (Revenue.select(Revenue.month, Revenue.amount_cents)
             .where(Revenue.client == client_id)
             .order_by(Revenue.month.desc())
             .tuples())
    return [RevenueRow(month=r[0], amount_cents=r[1]) for r in query]


def proposals(client_id: int) -> list[ProposalRow]:
    """The offers made to the client, the most recent first."""
    query = (Proposal.select(Proposal.id, Proposal.title, Proposal.sent_on,
                             Proposal.amount_cents, Proposal.hourly_rate_cents,
                             Proposal.outcome, Proposal.decided_on)
             .where(Proposal.client == client_id)
             .order_by(Proposal.sent_on.desc(), Proposal.id.desc())
             .tuples())
    return [ProposalRow(id=r[0], title=r[1], sent_on=r[2], amount_cents=r[3],
                        hourly_rate_cents=r[4], outcome=r[5], decided_on=r[6]) for r in query]


def promises(client_id: int) -> list[PromiseRow]:
    """The client's promises: the unsettled ones first, soonest due first; then the
    settled ones (done or cancelled), most recently due first."""
    settled = SQL("(done_at IS NOT NULL OR cancelled_at IS NOT NULL)")
    query = (Promise.select(Promise.id, Promise.description, Promise.due_at, Promise.channel,
                            Promise.done_at, Promise.cancelled_at, Promise.departure,
                            Promise.letter_kind)
             .where(Promise.client == client_id)
             .order_by(settled,
                       SQL("CASE WHEN done_at IS NULL AND cancelled_at IS NULL "
                           "THEN julianday(due_at) ELSE -julianday(due_at) END"),
                       Promise.id)
             .tuples())
    return [PromiseRow(id=r[0], description=r[1], due_at=r[2], channel=r[3], done_at=r[4],
                       cancelled_at=r[5], departure_id=r[6], letter_kind=r[7])
            for r in query]
