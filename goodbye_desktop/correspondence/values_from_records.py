"""The plain values of a letter (sender, recipient, facts) built from the client's records.

- Sender: the business profile.
- Recipient: the client's name, its primary contact who has not left (else another contact
  who is still there, else nobody), and the client's postal address.
- LetterFacts: the client's dates and its latest departure (or the one named): the end
  date, the proposed interview times and the interviewer, the transition plan's steps.

`sample_inputs` gives values for every placeholder without touching a client: the template
editor previews with them when no client is chosen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from goodbye_desktop import clock
from goodbye_desktop.core.contacts import still_there
from goodbye_desktop.core.letter_fit import Situation
from goodbye_desktop.core.names import suggested_salutation
from goodbye_desktop.documents.values import LetterFacts, PlanStep, Recipient, Sender
from goodbye_desktop.store.documents import LetterSources, StepSource, letter_sources
from goodbye_desktop.store.records import get_profile

# Steps the owner marked as skipped are not promised to the client.
_SKIPPED = {"skipped", "cancelled", "canceled"}
_ME = {"me", "myself", "i"}
# Interview times are stored as the wizard wrote them: one per line (or separated by ";").
_TIME_SEPARATORS = re.compile(r"[\n;]+")


@dataclass(frozen=True)
class LetterInputs:
    """Everything one letter needs, and where it came from."""

    sender: Sender
    recipient: Recipient
    facts: LetterFacts
    client_id: int | None
    departure_id: int | None
    contact_email: str = ""
    unreadable_times: tuple[str, ...] = ()  # interview times that are not dates
    # Interview times already past on the letter's date: left out of the letter.
    past_times: tuple[datetime | date, ...] = ()
    situation: Situation = Situation(has_departure=False)


def address_without_name(address: str, name: str) -> str:
    """The postal address without a first line that repeats the name above it.

    Owners often type the name into the address too; printed under the name it would
    appear twice in the envelope window.
    """
    lines = (address or "").replace("\r\n", "\n").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    if lines and " ".join(lines[0].split()).casefold() == " ".join(name.split()).casefold():
        lines.pop(0)
    return "\n".join(lines).strip("\n")


def sender_from_profile(profile: dict) -> Sender:
    """The letterhead's values from the business profile row."""
    business = profile.get("business_name") or ""
    return Sender(
        business_name=business,
        owner_name=profile.get("owner_name") or "",
        address=address_without_name(profile.get("address") or "", business),
        email=profile.get("email") or "",
        phone=profile.get("phone") or "",
        website=profile.get("website") or "",
        logo=bytes(profile["logo"]) if profile.get("logo") else None,
        signature=bytes(profile["signature"]) if profile.get("signature") else None,
        page_size=profile.get("page_size") or None,
        locale=profile.get("locale") or "en_GB",
        greeting=profile.get("letter_greeting") or "",
    )


def parse_interview_times(text: str) -> tuple[tuple[datetime | date, ...], tuple[str, ...]]:
    """Split stored interview times into moments (or days) and the pieces that are neither."""
    times: list[datetime | date] = []
    unreadable: list[str] = []
    for piece in _TIME_SEPARATORS.split(text or ""):
        piece = piece.strip()
        if not piece:
            continue
        try:
            if len(piece) <= 10:
                times.append(date.fromisoformat(piece))
            else:
                times.append(datetime.fromisoformat(piece))
        except ValueError:
            unreadable.append(piece)
    return tuple(times), tuple(unreadable)


def with_open_work(steps: tuple[StepSource, ...], pending: tuple[StepSource, ...]
                   ) -> list[StepSource]:
    """The plan's steps with the departure's open jobs among them, so that the plan and the
    letters name the work still to finish: each job, by due date, before the first step due
    after it (after the steps without a later date)."""
    out = list(steps)
    for job in sorted(pending, key=lambda j: j.due_on or date.max):
        at = next((i for i, step in enumerate(out) if step.due_on and job.due_on
                   and step.due_on > job.due_on), len(out))
        out.insert(at, job)
    return out


def split_past(times: tuple[datetime | date, ...], today: date
               ) -> tuple[tuple[datetime | date, ...], tuple[datetime | date, ...]]:
    """(the times on or after `today`, those before it): a letter offers no day gone by."""
    def day(moment: datetime | date) -> date:
        return moment.date() if isinstance(moment, datetime) else moment

    return (tuple(t for t in times if day(t) >= today),
            tuple(t for t in times if day(t) < today))


def _contact(sources: LetterSources, today: date) -> tuple[str, str, str]:
    """Name, email and salutation of the person to write to: the primary contact still
    there, else the first contact still there; a contact who has left is never the addressee.
    """
    present = [c for c in sources.contacts if still_there(c.left_on, today)]
    if not present:
        return "", "", ""
    chosen = next((c for c in present if c.primary), present[0])
    return chosen.name, chosen.email, chosen.salutation


def salutation_for(name: str, salutation: str = "") -> str:
    """The greeting for a person: theirs if the owner wrote one, else "Dear" and the given
    name where the name order is known ("Dear An" for Nguyễn Văn An), else the whole name."""
    if salutation.strip():
        return " ".join(salutation.split())
    return suggested_salutation(name).name


def situation_from_sources(sources: LetterSources, today: date) -> Situation:
    """The situation a letter to this client is written into (see core.letter_fit)."""
    departure = sources.departure
    end = (departure.effective_on if departure else None) or sources.ended_on
    # A client who came back: the departure was won back, or the client returned and no
    # new departure is being prepared or decided since.
    back = bool(departure and departure.state == "won_back") or (
        sources.status == "returned"
        and not (departure and departure.state in ("draft", "decided")))
    return Situation(has_departure=departure is not None,
                     ended_by=departure.ended_by if departure else "",
                     state=departure.state if departure else "",
                     current_again=back, end_date=end if departure else None, today=today,
                     interview_status=departure.interview_status if departure else "",
                     keep_in_touch=sources.keep_in_touch
                     or bool(departure and departure.mailing_consent))


def inputs_from_sources(sources: LetterSources, today: date | None = None) -> LetterInputs:
    """Build a letter's values from records already read (see store.documents.letter_sources)."""
    today = today or clock.today()
    profile = sources.profile
    contact_name, contact_email, salutation = _contact(sources, today)
    if contact_name:
        salutation = salutation_for(contact_name, salutation)
    elif sources.is_person:
        salutation = salutation_for(sources.client_name)
    recipient = Recipient(client_name=sources.client_name, contact_name=contact_name,
                          address=address_without_name(sources.client_address or "",
                                                       sources.client_name),
                          is_person=sources.is_person, salutation=salutation)
    departure = sources.departure
    owner_name = (profile.get("owner_name") or "").strip()
    end_date = sources.ended_on
    interviewer = ""
    times: tuple[datetime | date, ...] = ()
    unreadable: tuple[str, ...] = ()
    plan: list[PlanStep] = []
    lines: list[str] = []
    if departure is not None:
        end_date = departure.effective_on or end_date
        interviewer = departure.interviewer
        times, unreadable = parse_interview_times(departure.interview_times)
        for step in with_open_work(departure.steps, departure.pending):
            if step.status.casefold() in _SKIPPED:
                continue
            if step.status.casefold() != "done":
                # The steps a letter lists are the ones still to do.
                lines.append(step.description)
            # A step with no date of its own is due by the end of the work together.
            due = step.due_on or end_date or today
            # The wizard's default plan says "Me"; the client reads the owner's name.
            who = owner_name if step.owner.strip().casefold() in _ME and owner_name else step.owner
            plan.append(PlanStep(due_on=due, description=step.description, owner=who,
                                 status=step.status))
    times, past = split_past(times, today)
    facts = LetterFacts(
        today=today,
        start_date=sources.started_on,
        end_date=end_date,
        interviewer=interviewer,
        interview_times=times,
        transition_steps=tuple(lines),
        plan_steps=tuple(plan),
        currency=profile.get("currency") or "",
        current_again=situation_from_sources(sources, today).current_again,
        client_closed=bool(departure and departure.ended_by == "outside"
                           and departure.outside_event == "closed"),
        ended_by=departure.ended_by if departure else "",
    )
    return LetterInputs(sender=sender_from_profile(profile), recipient=recipient, facts=facts,
                        client_id=sources.client_id,
                        departure_id=departure.id if departure else None,
                        contact_email=contact_email or "", unreadable_times=unreadable,
                        past_times=past,
                        situation=situation_from_sources(sources, today))


def inputs_for_client(client_id: int, departure_id: int | None = None,
                      today: date | None = None) -> LetterInputs:
    """A letter's values for a client, from its records and its latest (or named) departure."""
    return inputs_from_sources(letter_sources(client_id, departure_id), today)


def with_extras(inputs: LetterInputs, **extras: str) -> LetterInputs:
    """The same inputs with facts the records do not hold (news, feedback, a referral...).

    `interview_times` is text as the wizard stores it (one time per line or ";"-separated,
    "2026-12-08T10:00"); it replaces the departure's times.
    """
    known = {"news", "feedback_summary", "improvement", "referral", "interviewer"}
    given = {k: v for k, v in extras.items() if k in known and v is not None}
    times_text = extras.get("interview_times")
    if times_text:
        times, unreadable = parse_interview_times(times_text)
        times, past = split_past(times, inputs.facts.today or clock.today())
        inputs = replace(inputs, facts=replace(inputs.facts, interview_times=times),
                         unreadable_times=unreadable, past_times=past)
    if not given:
        return inputs
    return replace(inputs, facts=replace(inputs.facts, **given))


def sample_inputs(today: date | None = None) -> LetterInputs:
    """Believable values for every placeholder, with the owner's own letterhead.

    The names are chosen to show that any name prints as written.
    """
    today = today or clock.today()
    sender = sender_from_profile(get_profile())
    if not sender.business_name.strip():
        sender = replace(sender, business_name="Your Business",
                         address="1 High Street\nYour Town AB1 2CD")
    if not sender.owner_name.strip():
        sender = replace(sender, owner_name="Your Name")
    end = today + timedelta(days=30)
    recipient = Recipient(client_name="Renée & <Sons> Ltd", contact_name="Zoë Łukasiewicz",
                          address="12 Mill Lane\nOldtown OT3 4RS")
    steps = (
        PlanStep(today + timedelta(days=7), "Finish the open work and send the results",
                 sender.owner_name, "in_progress"),
        PlanStep(today + timedelta(days=14), "Hand over the files and account access",
                 sender.owner_name),
        PlanStep(today + timedelta(days=21), "Introduce the new provider", "Zoë Łukasiewicz"),
        PlanStep(end, "Send the final invoice", sender.owner_name),
    )
    first_slot = datetime.combine(today + timedelta(days=10), time(10, 0))
    facts = LetterFacts(
        today=today,
        start_date=today - timedelta(days=3 * 365 + 70),
        end_date=end,
        interview_times=(first_slot, first_slot + timedelta(days=2, hours=4)),
        interviewer="Sam Okafor",
        transition_steps=tuple(s.description for s in steps),
        plan_steps=steps,
        referral="Northwind Partners",
        news="The regional business fair is on again in the spring; the programme looks "
             "strong this year, with a session on exporting that made me think of you.",
        feedback_summary="You told us that our monthly reports came too late to be useful.",
        improvement="From next month, every client receives them within three working days.",
        final_invoice_amount=Decimal("1250.00"),
        currency=get_profile().get("currency") or "",
    )
    return LetterInputs(sender=sender, recipient=recipient, facts=facts, client_id=None,
                        departure_id=None)
