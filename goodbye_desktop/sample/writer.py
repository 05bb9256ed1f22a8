"""Writes the sample business into the open database, through the store's public functions.

`fill_demo()` adds Harbour Lane Studio's clients as an owner would have entered them:
each client, its contacts, interactions, revenue, proposals and promises through
`store.records`, each departure through the wizard's own `store.departures.finish` and
the edits that follow it. All of it is one transaction: a failure leaves the file as it was.

It never overwrites the owner's words: the business profile is filled only while it is
untouched on a database without clients, and a client whose name is already in the file
is left alone (running it twice adds nothing the second time).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from goodbye_desktop import clock
from goodbye_desktop.core.assessment import assess
from goodbye_desktop.core.signs import ClientFacts
from goodbye_desktop.errors import GoodbyeError
from goodbye_desktop.sample import history, leaving, moments
from goodbye_desktop.sample.cast import Seed, load_cast, load_summaries
from goodbye_desktop.store import departures, records
from goodbye_desktop.store.folding import fold
from goodbye_desktop.store.queries import ClientFilter, client_list
from goodbye_desktop.store.transaction import user_action

BUSINESS_NAME = "Harbour Lane Studio"

# A studio in Cornwall: British English, pounds, A4 paper; £85 an hour is the owner's target.
PROFILE = {
    "business_name": BUSINESS_NAME,
    "owner_name": "Morgan Ellis",
    "address": "Harbour Lane Studio\n14 Harbour Lane\nFalmouth\nTR11 3XX\nUnited Kingdom",
    "email": "hello@harbourlane.example",
    "phone": "+44 1326 555 014",
    "website": "https://harbourlane.example",
    "page_size": "A4",
    "locale": "en_GB",
    "currency": "GBP",
    "target_hourly_rate_cents": 8500,
}

_TOWNS = (("Falmouth", "TR11"), ("Penryn", "TR10"), ("Truro", "TR1"), ("St Ives", "TR26"),
          ("Penzance", "TR18"), ("Helston", "TR13"))
_STREETS = ("High Street", "Market Strand", "Quay Road", "Church Lane", "Station Road",
            "Harbour Terrace", "Killigrew Street", "Lemon Street")


@dataclass(frozen=True)
class DemoSummary:
    """What `fill_demo` added, and what it left as it was."""

    clients: int
    contacts: int
    interactions: int
    revenue_months: int
    proposals: int
    promises: int
    departures: int
    skipped: int = 0  # sample clients already in the file, left alone
    profile_filled: bool = False

    def describe(self) -> str:
        """One line for the command line and the status bar."""
        if not self.clients:
            return (f"The sample business {BUSINESS_NAME} is already in this file: nothing "
                    "was added.")
        line = (f"Added the sample business {BUSINESS_NAME}: {self.clients} clients, "
                f"{self.contacts} contacts, {self.interactions} interactions, "
                f"{self.revenue_months} months of revenue, {self.proposals} proposals, "
                f"{self.promises} promises and {self.departures} departures.")
        if self.skipped:
            line += (f" {self.skipped} sample clients were already there and were left as "
                     "they were.")
        if not self.profile_filled:
            line += " Your business profile was left as it was."
        return line


def _slug(text: str) -> str:
    return "".join(ch for ch in fold(text) if ch.isascii() and ch.isalnum())[:24]


class _Writer:
    """Writes one client after another, counting what it wrote."""

    def __init__(self, today: date, seed_number: int) -> None:
        self.today = today
        self.number = seed_number
        self.summaries = load_summaries()
        self.counts = dict.fromkeys(("clients", "contacts", "interactions", "revenue_months",
                                     "proposals", "promises", "departures"), 0)

    def add(self, seed: Seed) -> None:
        today = self.today
        span = history.span(seed, today)
        acquired_on, acquirer = moments.acquisition(seed, today)
        rng = history.rng_for(seed, "client", self.number)
        town, postcode = rng.choice(_TOWNS)
        client_id = records.create_client(
            name=seed.name, is_person=seed.is_person,
            status="prospect" if seed.story in ("prospect", "archived") else "active",
            started_on=span.started,
            address=f"{seed.name}\n{rng.randint(1, 120)} {rng.choice(_STREETS)}\n{town}\n"
                    f"{postcode} {rng.randint(1, 9)}{rng.choice('ABDEFGHJ')}"
                    f"{rng.choice('LNPQRSTUW')}",
            notes=seed.notes, tags=seed.tags, source=seed.source,
            acquired_on=acquired_on, acquirer=acquirer)
        self.counts["clients"] += 1
        self._contacts(client_id, seed, span, rng)
        # The everyday work is billed; the moments of the story (complaints, rework) are not.
        billable = self._interactions(client_id, seed, span)
        self.counts["revenue_months"] += records.set_revenue_months(
            client_id, history.revenue(seed, today, billable))
        for proposal in history.proposals(seed, today, self.number):
            records.save_proposal(
                client_id, title=proposal.title, sent_on=proposal.sent_on,
                outcome=proposal.outcome, amount_cents=proposal.amount_cents,
                hourly_rate_cents=proposal.hourly_rate_cents, decided_on=proposal.decided_on)
            self.counts["proposals"] += 1
        for promise in (history.promises(seed, today, self.number)
                        + moments.promises(seed, today)):
            self._promise(client_id, promise)
        if seed.leaving is not None:
            self._departure(client_id, seed, span)
        elif seed.story == "costly":
            departures.save_draft(client_id,
                                  leaving.considered_draft(seed, client_id, span).to_json())
        if seed.story == "archived":
            records.set_archived([client_id], True)

    def _contacts(self, client_id: int, seed: Seed, span: history.Span, rng) -> None:
        domain = (seed.domain or _slug(seed.name) or f"client{client_id}") + ".example"
        left = moments.contact_left(seed, self.today, span)
        for position, (name, role) in enumerate(seed.contacts):
            fields = {}
            if position == 0 and left is not None:
                fields = {"left_on": left[0], "new_employer": left[1]}
            records.save_contact(
                client_id, name=name, role=role, primary=position == 0,
                email=f"{_slug(name.split()[0]) or 'hello'}@{domain}",
                phone=f"+44 7700 900{rng.randint(0, 999):03d}", **fields)
            self.counts["contacts"] += 1

    def _interactions(self, client_id: int, seed: Seed,
                      span: history.Span) -> list[history.PlannedInteraction]:
        billable = history.interactions(seed, self.today, self.summaries, self.number)
        planned = billable + moments.interactions(seed, self.today, span)
        self.counts["interactions"] += records.add_interactions(client_id, (
            {"occurred_at": item.at, "kind": item.kind, "direction": item.direction,
             "minutes": item.minutes, "summary": item.summary, "complaint": item.complaint}
            for item in sorted(planned, key=lambda item: item.at)))
        return billable

    def _promise(self, client_id: int, promise: history.PlannedPromise) -> None:
        promise_id = records.add_promise(client_id, promise.description, promise.due_at,
                                         promise.channel)
        if promise.done_at is not None:
            records.mark_promise_done(promise_id, promise.done_at)
        elif promise.cancelled_at is not None:
            records.cancel_promise(promise_id, promise.cancelled_at)
        self.counts["promises"] += 1

    def _departure(self, client_id: int, seed: Seed, span: history.Span) -> None:
        story = seed.leaving
        assert story is not None and span.decided is not None
        # The figures as they stood on the day of the decision, as the wizard keeps them.
        facts = ClientFacts(**departures.client_facts(client_id, span.decided))
        draft = leaving.draft_for(seed, client_id, span, assess(facts).to_dict())
        departure_id = departures.finish(draft, self.today)
        self.counts["departures"] += 1
        detail = departures.departure_detail(departure_id)
        for step in detail["steps"]:
            if (day := leaving.done_on(step["due_on"], self.today)) is not None:
                departures.set_step_status(step["id"], "done", on=day)
        for job in detail["pending"]:
            if (day := leaving.done_on(job["due_on"], self.today)) is not None:
                departures.set_pending_done(job["id"], day)
        fields = leaving.interview(story, span, self.today)
        replies = leaving.answers(story)
        if fields or replies:
            departures.update_departure(
                departure_id, answers={question["id"]: reply for question, reply
                                       in zip(detail["questions"], replies, strict=False)},
                **fields)
        rng = history.rng_for(seed, "follow-ups", self.number)
        kept = []
        for follow_up in detail["follow_ups"]:
            self.counts["promises"] += 1
            done_at, _ = leaving.follow_up_fate(follow_up["due_at"], self.today, rng)
            if done_at is None or (span.returned and done_at.date() >= span.returned):
                continue
            records.mark_promise_done(follow_up["id"], done_at)
            kept.append({"occurred_at": done_at, "minutes": 15, "direction": "out",
                         "kind": "letter" if follow_up["channel"] == "letter" else "email",
                         "summary": follow_up["description"]})
        self.counts["interactions"] += records.add_interactions(client_id, kept)
        if span.returned is not None:
            departures.mark_returned(departure_id, span.returned)


def _existing_names() -> set[str]:
    return {row.name.strip().casefold()
            for row in client_list(ClientFilter(include_archived=True))}


def fill_demo(today: date | None = None, *, force: bool = False,
              seed: int = 7) -> DemoSummary:
    """Add the Harbour Lane Studio sample business to the open database; say what was added.

    `today` (default: the clock's) anchors every date of the story. Refuses
    (GoodbyeError) when the database already holds clients, unless `force`: then the
    sample clients whose names are not taken are added beside the owner's. Nothing is
    deleted or changed, and the business profile is filled only while it is untouched
    on a database that had no clients.
    """
    today = today or clock.today()
    existing = _existing_names()
    if existing and not force:
        raise GoodbyeError("sample.not_empty")
    cast = load_cast()
    writer = _Writer(today, seed)
    skipped = 0
    with user_action("sample.add"):
        fill_profile = not existing and records.profile_is_untouched()
        if fill_profile:
            records.update_profile(**PROFILE)
        for member in cast:
            if member.name.strip().casefold() in existing:
                skipped += 1
                continue
            writer.add(member)
    return DemoSummary(**writer.counts, skipped=skipped, profile_filled=fill_profile)

