"""The sample departures as the departure wizard would have made them, and what followed.

`draft_for(...)` builds the `DepartureDraft` the owner would have finished in the wizard
(the default plan and follow-ups dated from the last day, the letters that fit who ended
it); the other functions say what happened after the decision, as plain values: which
steps and jobs were done and when, how the exit interview went, which follow-ups were kept.
The writer stores the draft through the store's `finish` and these through its edits.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from goodbye_desktop.core.departure import (
    DepartureDraft,
    PendingItem,
    default_follow_ups,
    default_letters,
    default_plan,
    validate_all,
)
from goodbye_desktop.errors import GoodbyeError
from goodbye_desktop.sample.cast import Leaving, Seed
from goodbye_desktop.sample.history import Span, at

# A friend of the studio who never worked on the accounts: the client can speak freely.
INTERVIEWER = "Sam Patel"
STAFF_TOLD = "Jo Trevithick (freelance developer)"


def interview_times(decided: date) -> str:
    """Two times to offer, as the wizard stores them: the Tuesday at 10:00 at least a week
    after the decision, and the Thursday after it at 15:00."""
    tuesday = decided + timedelta(days=7 + (1 - decided.weekday()) % 7)
    thursday = tuesday + timedelta(days=2)
    return f"{tuesday.isoformat()}T10:00\n{thursday.isoformat()}T15:00"


def draft_for(seed: Seed, client_id: int, span: Span, assessment: dict) -> DepartureDraft:
    """The finished wizard draft of a leaving client."""
    leaving = seed.leaving
    assert leaving is not None and span.last_day is not None
    draft = DepartureDraft(
        client_id=client_id, client_name=seed.name, client_started_on=span.started,
        page="summary", ended_by=leaving.ended_by, outside_event=leaving.outside_event,
        reasons=list(leaving.reasons), reason_text=leaving.reason_text, kind=leaving.kind,
        decided_on=span.decided, effective_on=span.last_day, assessment=assessment,
        decision=leaving.decision,
        # Due before the plan's "Finish the open work" step (14 days before the end), and
        # not before the decision.
        pending=[PendingItem(text, max(span.last_day - timedelta(days=20 - 3 * position),
                                       span.decided or span.last_day))
                 for position, text in enumerate(leaving.pending)],
        steps=default_plan(span.last_day, span.decided), plan_dated_for=span.last_day,
        interview_ask=leaving.interview != "not_asked",
        interviewer=INTERVIEWER if leaving.interview != "not_asked" else "",
        interview_times=(interview_times(span.decided or span.last_day)
                         if leaving.interview != "not_asked"
                         else ""),
        mailing_consent=leaving.ended_by != "owner" or "conduct" not in leaving.reasons,
        staff_told=STAFF_TOLD, lessons=leaving.lessons,
    )
    draft.letters = default_letters(draft)
    # No keeping in touch after a client was let go for its conduct.
    draft.follow_ups = [] if "conduct" in leaving.reasons else default_follow_ups(span.last_day)
    issues = validate_all(draft)
    if issues:
        raise GoodbyeError("sample.departure_incomplete", name=seed.name,
                           issues=tuple(issues))
    return draft


def considered_draft(seed: Seed, client_id: int, span: Span) -> DepartureDraft:
    """The costly client's departure the owner has started to think through, and kept."""
    return DepartureDraft(
        client_id=client_id, client_name=seed.name, client_started_on=span.started,
        page="assessment", ended_by="owner", reasons=["unprofitable"],
        reason_text="Small urgent jobs on a small budget: about half the studio's rate.",
    )


def done_on(due: date | None, today: date) -> date | None:
    """A step or job due before today was done on its day; later ones are still to do."""
    if due is None or due >= today:
        return None
    return due


def interview(leaving: Leaving, span: Span, today: date) -> dict:
    """The departure's interview fields after the decision (what `update_departure` takes)."""
    if leaving.interview in ("not_asked", "requested"):
        return {}
    fields: dict = {"interview_status": leaving.interview}
    if leaving.interview == "held":
        assert span.last_day is not None
        fields.update(interview_held_on=min(span.last_day + timedelta(days=12),
                                            today - timedelta(days=1)),
                      would_return=leaving.would_return, would_refer=leaving.would_refer,
                      decided_when=f"About {leaving.decided // 7 + 2} weeks before telling us")
    return fields


_ANSWER_WORDS = {"yes": "Yes, gladly.", "maybe": "Perhaps, if our needs change.",
                 "no": "Probably not."}


def answers(leaving: Leaving) -> list[str]:
    """The client's answers to the default questions, in their order (held interviews only)."""
    if leaving.interview != "held":
        return []
    return [
        f"A few weeks before we told you. {leaving.reason_text}",
        "Quick, friendly, and the work always looked like us.",
        "Check in more often when things are quiet.",
        "Not really: it was about us, not about the studio." if leaving.kind != "scattered"
        else "Perhaps, if we had talked about our plans earlier.",
        _ANSWER_WORDS.get(leaving.would_return, ""),
        _ANSWER_WORDS.get(leaving.would_refer, ""),
    ]


def follow_up_fate(due_at: datetime, today: date,
                   rng: random.Random) -> tuple[datetime | None, datetime | None]:
    """(done_at, cancelled_at) of a departure's follow-up: kept when due, a few late."""
    if due_at.date() >= today:
        return None, None
    late = rng.random() < 0.15
    done = due_at + timedelta(days=rng.randint(1, 3)) if late else due_at - timedelta(hours=1)
    return min(done, at(today - timedelta(days=1), 17)), None
