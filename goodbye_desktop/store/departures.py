"""Departures in the database (DOMAIN.md section 4): drafts, the one-piece save, what follows.

- `client_facts(client_id, today)`: the figures the assessment and the warning signs need,
  in a few SQL aggregates, as a plain dict (the keys of `core.signs.ClientFacts`).
- `save_draft` / `load_draft` / `discard_draft`: one draft per client (a unique partial
  index in the schema), kept as the wizard's JSON so a closed or killed program loses little.
- `finish(draft)`: the departure with its reasons, pending work, plan, questions, letters,
  every follow-up promise and the client's new status, in ONE transaction; `keep_client`
  writes the "try to keep" meeting instead.
- After: `apply_effective_dates`, `mark_returned`, `undo_departure`, and the panel's edits.
- Reads: `departure_for_client`, `departure_detail`, `list_departures`, `client_folder`.

The store does not import `core`: `finish` reads the draft by attribute (a
`core.departure.DepartureDraft`), and facts go out as a dict.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from goodbye_desktop import clock
from goodbye_desktop.core import client_figures
from goodbye_desktop.errors import NotFoundError, ValidationError
from goodbye_desktop.store.at_risk import record_save_attempt
from goodbye_desktop.store.client_facts import facts_for_clients
from goodbye_desktop.store.models import (
    Client,
    Departure,
    DepartureReason,
    InterviewQuestion,
    PendingWork,
    Promise,
    TransitionStep,
    database_proxy,
)

# Re-exported: the departures' effect on client status lives with the light client writes,
# so start-up need not import this module.
from goodbye_desktop.store.records import apply_effective_dates as apply_effective_dates
from goodbye_desktop.store.sql_values import as_date, as_datetime
from goodbye_desktop.store.transaction import user_action
from goodbye_desktop.vocabulary import ANSWERS, INTERVIEW_STATUSES, STEP_STATUSES

OPEN_STATES = ("decided",)



def _db():
    return database_proxy.obj


# --- facts for the assessment -------------------------------------------------------------

def client_facts(client_id: int, today: date) -> dict[str, Any]:
    """Everything `core.signs.ClientFacts` needs about one client, with its revenue share."""
    facts = facts_for_clients([client_id], today, with_share=True).get(client_id)
    if facts is None:
        raise NotFoundError("client.not_found", client_id=client_id)
    return facts


def client_summary(client_id: int) -> dict[str, Any]:
    """Name, status, start date and the open departure of a client (what the wizard opens on)."""
    row = (Client.select(Client.id, Client.name, Client.status, Client.started_on,
                         Client.ended_on)
           .where(Client.id == client_id).dicts().first())
    if row is None:
        raise NotFoundError("client.not_found", client_id=client_id)
    row["open_departure_id"] = (Departure.select(Departure.id)
                                .where((Departure.client == client_id)
                                       & (Departure.state == "decided")).scalar())
    return row


# --- drafts -------------------------------------------------------------------------------

def save_draft(client_id: int, draft_json: str) -> None:
    """Keep the wizard's draft for this client (one per client, replaced on each save)."""
    now = clock.local_now()
    with user_action("draft.keep"):
        updated = (Departure.update(draft_json=draft_json, updated_at=now)
                   .where((Departure.client == client_id) & (Departure.state == "draft"))
                   .execute())
        if not updated:
            Departure.create(client=client_id, state="draft", draft_json=draft_json,
                             created_at=now, updated_at=now)


def load_draft(client_id: int) -> str | None:
    """The draft JSON kept for this client, or None."""
    return (Departure.select(Departure.draft_json)
            .where((Departure.client == client_id) & (Departure.state == "draft"))
            .scalar())


def discard_draft(client_id: int) -> bool:
    """Forget the client's draft; True if there was one."""
    with user_action("draft.discard"):
        return bool(Departure.delete()
                    .where((Departure.client == client_id) & (Departure.state == "draft"))
                    .execute())


def clients_with_drafts() -> list[int]:
    return [r[0] for r in Departure.select(Departure.client)
            .where(Departure.state == "draft").tuples()]


# --- finishing ----------------------------------------------------------------------------

def _reject_if_open(client_id: int) -> None:
    summary = client_summary(client_id)
    if summary["open_departure_id"]:
        raise ValidationError("departure.in_progress", field="client", name=summary["name"])


def finish(draft: Any, today: date | None = None) -> int:
    """Write the whole departure of `draft` (a core DepartureDraft) at once; return its id.

    Everything happens in one transaction: if any row is refused, nothing is left behind
    (not even half a plan) and a GoodbyeError says why. The client's draft is removed.
    """
    today = today or clock.today()
    client_id = draft.client_id
    _reject_if_open(client_id)
    effective_on = draft.effective_on
    now = clock.local_now()
    assessment = json.dumps(draft.assessment or {}, default=str, ensure_ascii=False)
    with user_action("departure.save"):
        Departure.delete().where((Departure.client == client_id)
                                 & (Departure.state == "draft")).execute()
        departure = Departure.create(
            client=client_id, state="decided", ended_by=draft.ended_by,
            outside_event=draft.outside_event if draft.ended_by == "outside" else "",
            reason_text=draft.reason_text, kind=draft.kind, decision=draft.decision,
            decided_on=draft.decided_on or today, effective_on=effective_on,
            assessment_json=assessment,
            interview_status="requested" if draft.interview_ask else "not_asked",
            interviewer=draft.interviewer if draft.interview_ask else "",
            interview_times=draft.interview_times if draft.interview_ask else "",
            letters=",".join(draft.letters or []),
            mailing_consent=bool(draft.mailing_consent), staff_told=draft.staff_told,
            lessons=draft.lessons, created_at=now, updated_at=now,
        )
        did = departure.id
        for reason in draft.reasons:
            DepartureReason.create(departure=did, reason=reason)
        for position, item in enumerate(draft.pending):
            PendingWork.create(departure=did, position=position,
                               description=item.description, due_on=item.due_on)
        for position, step in enumerate(draft.steps):
            TransitionStep.create(departure=did, position=position,
                                  description=step.description, due_on=step.due_on,
                                  owner=step.owner)
        if draft.interview_ask:
            for position, question in enumerate(draft.questions):
                InterviewQuestion.create(departure=did, position=position,
                                         question=question)
        for item in draft.follow_ups or []:
            Promise.create(client=client_id, departure=did, description=item.description,
                           due_at=item.due_at, channel=item.channel,
                           letter_kind=item.letter_kind)
        # The last day is still a working day: the client has left from the day after.
        status = "departed" if effective_on < today else "departing"
        Client.update(status=status, ended_on=effective_on,
                      keep_in_touch=bool(draft.mailing_consent), updated_at=now
                      ).where(Client.id == client_id).execute()
    return did


def keep_client(draft: Any) -> int:
    """"Try to keep": write the meeting as a promise, record no departure; return its id."""
    meeting = draft.meeting
    note = meeting.note.strip()
    description = "Meeting to talk about staying" + (f": {note}" if note else "")
    with user_action("meeting.save"):
        Departure.delete().where((Departure.client == draft.client_id)
                                 & (Departure.state == "draft")).execute()
        promise_id = Promise.create(client=draft.client_id, description=description,
                                    due_at=meeting.when, channel=meeting.channel).id
        # The client's risk history notes the attempt to keep it.
        record_save_attempt(draft.client_id, "keep", clock.today())
        return promise_id


# --- after the decision -------------------------------------------------------------------

def _open_departure(departure_id: int) -> Departure:
    departure = Departure.get_or_none(Departure.id == departure_id)
    if departure is None or departure.state == "draft":
        raise NotFoundError("departure.not_found", departure_id=departure_id)
    if departure.state != "decided":
        raise ValidationError("departure.closed_won_back" if departure.state == "won_back"
                              else "departure.closed_undone", field="state")
    return departure


def _cancel_open_follow_ups(departure_id: int, now: datetime) -> int:
    return (Promise.update(cancelled_at=now)
            .where((Promise.departure == departure_id) & Promise.done_at.is_null()
                   & Promise.cancelled_at.is_null())
            .execute())


def mark_returned(departure_id: int, on: date) -> None:
    """The client came back on `on`: client `returned`, departure closed as won back."""
    departure = _open_departure(departure_id)
    if departure.effective_on and on < departure.effective_on:
        raise ValidationError("departure.returned_before", field="returned_on")
    now = clock.local_now()
    with user_action("client.mark_returned"):
        Departure.update(state="won_back", returned_on=on, updated_at=now).where(
            Departure.id == departure_id).execute()
        # A returned client counts as active: no end date while they are with us again.
        Client.update(status="returned", ended_on=None, updated_at=now).where(
            Client.id == departure.client_id).execute()
        _cancel_open_follow_ups(departure_id, now)


def undo_departure(departure_id: int, on: date | None = None) -> None:
    """The client stayed after all: keep the departure's history, marked undone."""
    departure = _open_departure(departure_id)
    now = clock.local_now()
    with user_action("departure.undo"):
        Departure.update(state="undone", undone_on=on or clock.today(), updated_at=now).where(
            Departure.id == departure_id).execute()
        Client.update(status="active", ended_on=None, updated_at=now).where(
            Client.id == departure.client_id).execute()
        _cancel_open_follow_ups(departure_id, now)


def set_step_status(step_id: int, status: str, on: date | None = None) -> None:
    if status not in STEP_STATUSES:
        raise ValidationError("step.unknown_status", field="status", status=status)
    with user_action("step.save"):
        TransitionStep.update(status=status,
                              done_on=(on or clock.today()) if status == "done" else None
                              ).where(TransitionStep.id == step_id).execute()


def set_pending_done(item_id: int, done_on: date | None) -> None:
    with user_action("pending_work.save"):
        PendingWork.update(done_on=done_on).where(PendingWork.id == item_id).execute()


_EDITABLE = {"interview_status", "interview_held_on", "decided_when", "would_return",
             "would_refer", "notes", "lessons", "staff_told", "interviewer"}


def update_departure(departure_id: int, answers: dict[int, str] | None = None,
                     **fields: Any) -> None:
    """Save what the owner edits on the client's detail: interview, answers, notes, lessons."""
    extra = set(fields) - _EDITABLE
    if extra:
        raise ValidationError("field.unknown", field=sorted(extra)[0],
                              names=tuple(sorted(extra)))
    if "interview_status" in fields and fields["interview_status"] not in INTERVIEW_STATUSES:
        raise ValidationError("departure.interview_status", field="interview_status")
    for name in ("would_return", "would_refer"):
        if name in fields and fields[name] not in ANSWERS:
            raise ValidationError("departure.answer", field=name)
    if Departure.get_or_none(Departure.id == departure_id) is None:
        raise NotFoundError("departure.not_found", departure_id=departure_id)
    with user_action("departure.save"):
        if fields:
            Departure.update(updated_at=clock.local_now(), **fields).where(
                Departure.id == departure_id).execute()
        for question_id, answer in (answers or {}).items():
            (InterviewQuestion.update(answer=answer)
             .where((InterviewQuestion.id == question_id)
                    & (InterviewQuestion.departure == departure_id)).execute())


# --- reads --------------------------------------------------------------------------------

def departure_for_client(client_id: int) -> int | None:
    """The departure to show on a client's detail: the open one, else the latest closed one."""
    return (Departure.select(Departure.id)
            .where((Departure.client == client_id) & (Departure.state != "draft"))
            .order_by((Departure.state == "decided").desc(), Departure.created_at.desc(),
                      Departure.id.desc())
            .scalar())


def departure_detail(departure_id: int) -> dict[str, Any]:
    """A departure with its reasons, pending work, steps, questions and follow-ups."""
    row = (Departure.select(Departure, Client.name.alias("client_name"),
                            Client.started_on.alias("client_started_on"))
           .join(Client).where(Departure.id == departure_id).dicts().first())
    if row is None:
        raise NotFoundError("departure.not_found", departure_id=departure_id)
    row["client_id"] = row.pop("client")
    row["assessment"] = json.loads(row.pop("assessment_json") or "{}")
    row["letters"] = [kind for kind in row["letters"].split(",") if kind]
    row["reasons"] = [r[0] for r in DepartureReason.select(DepartureReason.reason)
                      .where(DepartureReason.departure == departure_id)
                      .order_by(DepartureReason.id).tuples()]
    row["pending"] = list(PendingWork.select().where(PendingWork.departure == departure_id)
                          .order_by(PendingWork.position, PendingWork.id).dicts())
    row["steps"] = list(TransitionStep.select()
                        .where(TransitionStep.departure == departure_id)
                        .order_by(TransitionStep.position, TransitionStep.id).dicts())
    row["questions"] = list(InterviewQuestion.select()
                            .where(InterviewQuestion.departure == departure_id)
                            .order_by(InterviewQuestion.position, InterviewQuestion.id).dicts())
    row["follow_ups"] = list(Promise.select().where(Promise.departure == departure_id)
                             .order_by(Promise.due_at, Promise.id).dicts())
    return row


@dataclass(frozen=True)
class DepartureRow:
    """One line of the departures list (the CLI and the departed view)."""

    id: int
    client_id: int
    client_name: str
    state: str
    ended_by: str
    outside_event: str
    kind: str
    decision: str
    reasons: tuple[str, ...]
    started_on: date | None
    decided_on: date | None
    effective_on: date | None
    returned_on: date | None
    client_status: str

    @property
    def tenure_days(self) -> int | None:
        if self.effective_on is None:
            return None
        return client_figures.tenure_days(self.started_on, self.effective_on, self.effective_on)

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "client_id": self.client_id, "client": self.client_name,
            "state": self.state, "ended_by": self.ended_by, "outside_event": self.outside_event,
            "kind": self.kind, "decision": self.decision, "reasons": list(self.reasons),
            "started_on": _iso(self.started_on), "decided_on": _iso(self.decided_on),
            "effective_on": _iso(self.effective_on), "returned_on": _iso(self.returned_on),
            "tenure_days": self.tenure_days, "client_status": self.client_status,
        }


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def list_departures(year: int | None = None, *, include_closed: bool = True) -> list[DepartureRow]:
    """Departures (no drafts) taking effect in `year` (every year if None), newest first.

    Closed ones (won back, undone) are included unless `include_closed` is False.
    One query, reasons gathered with group_concat.
    """
    clauses = ["d.state != 'draft'"]
    params: list[Any] = []
    if year is not None:
        clauses.append("d.effective_on >= ? AND d.effective_on < ?")
        params += [f"{year:04d}-01-01", f"{year + 1:04d}-01-01"]
    if not include_closed:
        clauses.append("d.state = 'decided'")
    sql = (
        "SELECT d.id, d.client_id, c.name, d.state, d.ended_by, d.outside_event, d.kind, "
        "d.decision, (SELECT group_concat(reason, ',') FROM (SELECT reason FROM "
        "departure_reason r WHERE r.departure_id = d.id ORDER BY r.id)), c.started_on, "
        "d.decided_on, d.effective_on, d.returned_on, c.status "
        "FROM departure d JOIN client c ON c.id = d.client_id WHERE "
        + " AND ".join(clauses) + " ORDER BY d.effective_on DESC, c.sort_name, d.id"
    )
    return [
        DepartureRow(
            id=r[0], client_id=r[1], client_name=r[2], state=r[3], ended_by=r[4],
            outside_event=r[5], kind=r[6], decision=r[7],
            reasons=tuple(x for x in (r[8] or "").split(",") if x), started_on=as_date(r[9]),
            decided_on=as_date(r[10]), effective_on=as_date(r[11]),
            returned_on=as_date(r[12]), client_status=r[13],
        )
        for r in _db().execute_sql(sql, params).fetchall()
    ]


def departure_years() -> list[int]:
    """The years in which departures took effect, newest first (for a year filter)."""
    return [int(r[0]) for r in _db().execute_sql(
        "SELECT DISTINCT substr(effective_on, 1, 4) FROM departure "
        "WHERE state != 'draft' AND effective_on IS NOT NULL ORDER BY 1 DESC").fetchall()]


@dataclass(frozen=True)
class FolderEntry:
    """One thing in a client's folder, as codes and values for the screen to word.

    `kind` is an interaction kind or "document", "decision", "step", "pending",
    "interview", "question", "follow_up", "departure_note", "returned", "undone",
    "promise"; `text` is what the owner wrote (a summary's first line, a step, a
    question); `facts` holds the rest (direction, minutes, a status code, reasons ...).
    """

    when: datetime
    kind: str
    text: str = ""
    ref: int | None = None
    facts: dict[str, Any] = field(default_factory=dict, compare=False)


def client_folder(client_id: int) -> list[FolderEntry]:
    """Everything about a client in one place, in time order (oldest first)."""
    if Client.get_or_none(Client.id == client_id) is None:
        raise NotFoundError("client.not_found", client_id=client_id)
    db = _db()
    entries: list[FolderEntry] = []
    for iid, at, kind, direction, minutes, summary, complaint in db.execute_sql(
            "SELECT id, occurred_at, kind, direction, minutes, summary, complaint "
            "FROM interaction WHERE client_id = ?", (client_id,)).fetchall():
        entries.append(FolderEntry(as_datetime(at), kind,
                                   summary.splitlines()[0] if summary else "", iid,
                                   {"direction": direction, "minutes": minutes,
                                    "complaint": bool(complaint)}))
    for doc_id, at, kind, title in db.execute_sql(
            "SELECT id, created_at, kind, title FROM document WHERE client_id = ?",
            (client_id,)).fetchall():
        entries.append(FolderEntry(as_datetime(at), "document", title, doc_id,
                                   {"letter_kind": kind}))
    for did in [r[0] for r in db.execute_sql(
            "SELECT id FROM departure WHERE client_id = ? AND state != 'draft'",
            (client_id,)).fetchall()]:
        entries.extend(_departure_entries(departure_detail(did)))
    for pid, due, description, channel in db.execute_sql(
            "SELECT id, due_at, description, channel FROM promise "
            "WHERE client_id = ? AND departure_id IS NULL", (client_id,)).fetchall():
        entries.append(FolderEntry(as_datetime(due), "promise", description, pid,
                                   {"channel": channel}))
    entries.sort(key=lambda e: (e.when, e.kind, e.ref or 0))
    return entries


def _at(day: date | None, fallback: datetime) -> datetime:
    return datetime.combine(day, datetime.min.time()) if day else fallback


def _departure_entries(d: dict[str, Any]) -> list[FolderEntry]:
    created = as_datetime(d["created_at"])
    decided = _at(d["decided_on"], created)
    out = [FolderEntry(decided, "decision", d["reason_text"], d["id"],
                       {"ended_by": d["ended_by"], "reasons": tuple(d["reasons"])})]
    for item in d["pending"]:
        out.append(FolderEntry(_at(item["due_on"], decided), "pending", item["description"],
                               item["id"], {"done": item["done_on"] is not None}))
    for step in d["steps"]:
        out.append(FolderEntry(_at(step["due_on"], decided), "step", step["description"],
                               step["id"], {"owner": step["owner"], "status": step["status"]}))
    if d["interview_status"] != "not_asked":
        when = _at(d["interview_held_on"], decided)
        out.append(FolderEntry(when, "interview", d["interviewer"], d["id"],
                               {"status": d["interview_status"]}))
        for q in d["questions"]:
            if q["answer"]:
                out.append(FolderEntry(when, "question", q["question"], q["id"],
                                       {"answer": q["answer"]}))
    for p in d["follow_ups"]:
        out.append(FolderEntry(as_datetime(p["due_at"]), "follow_up", p["description"],
                               p["id"], {"channel": p["channel"]}))
    end = _at(d["effective_on"], decided)
    if d["notes"] or d["lessons"]:
        out.append(FolderEntry(end, "departure_note", d["notes"], d["id"],
                               {"lessons": d["lessons"]}))
    if d["returned_on"]:
        out.append(FolderEntry(_at(d["returned_on"], end), "returned", "", d["id"]))
    if d["undone_on"]:
        out.append(FolderEntry(_at(d["undone_on"], end), "undone", "", d["id"]))
    return out

