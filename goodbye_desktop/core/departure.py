"""The departure draft (DOMAIN.md section 4): its parts, its checks, its defaults.

A `DepartureDraft` is what the departure wizard fills in, page by page. It is plain
values only, so it can be checked here, written to JSON for the autosave, and handed
to the store in one piece when the owner presses Finish.

- `validate_page(draft, page)` says, per wizard page, what is missing, naming the field.
- `default_plan(...)` dates the usual transition steps back from the end date.
- `default_follow_ups(...)`: a check-in one month after the end, notes at 3, 6 and 12 months.
- `DEFAULT_QUESTIONS`: the exit interview questions the owner starts from.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from goodbye_desktop.core.windows import add_months
from goodbye_desktop.vocabulary import (  # the departure's words, re-exported
    DECISIONS,
    DEPARTURE_LETTERS,
    ENDED_BY,
    OUTSIDE_EVENTS,
    REASONS,
)
from goodbye_desktop.vocabulary import DEPARTING_KINDS as KINDS
from goodbye_desktop.vocabulary import PROMISE_CHANNELS as CHANNELS

PAGES = (
    "who", "assessment", "meeting", "pending", "plan", "interview", "letters", "keep_in_touch",
    "summary",
)

# Follow-ups are due at a civil hour, not at midnight.
FOLLOW_UP_TIME = time(10, 0)

DEFAULT_QUESTIONS = (
    "When did you decide to stop working with us, and what led to it?",
    "What did we do well?",
    "What should we have done differently?",
    "Was there a moment when we could have changed your mind?",
    "Would you work with us again, if your needs change?",
    "Would you recommend us to someone you know?",
)


@dataclass
class PendingItem:
    """An open job to finish before the end."""

    description: str = ""
    due_on: date | None = None


@dataclass
class PlanStep:
    """One dated step of the transition plan, and who does it."""

    description: str = ""
    due_on: date | None = None
    owner: str = ""


@dataclass
class FollowUp:
    """A promise to write or call after the end (a check-in, a keep-in-touch note)."""

    description: str = ""
    due_at: datetime | None = None
    channel: str = "email"
    letter_kind: str = ""


@dataclass
class KeepMeeting:
    """The meeting an owner schedules when they decide to try to keep the client."""

    when: datetime | None = None
    channel: str = "meeting"
    note: str = ""


@dataclass
class Issue:
    """What is missing or wrong on a page: the field it is about, a code and its values.

    `Issue("pending", "draft.job_description", number=2)`. The words for the code are in
    `goodbye_desktop.error_words` (the core words nothing): the wizard shows them through
    `ui/error_text.py`, the command line and the sample data take the English.
    """

    field: str
    code: str
    values: dict[str, Any]

    def __init__(self, field: str, code: str, **values: Any) -> None:
        self.field = field
        self.code = code
        self.values = values


@dataclass
class DepartureDraft:
    """Everything the wizard knows so far about one client's departure."""

    client_id: int
    client_name: str = ""
    client_started_on: date | None = None
    page: str = "who"
    # Who ended it and why
    ended_by: str = ""
    outside_event: str = ""
    reasons: list[str] = field(default_factory=list)
    reason_text: str = ""
    kind: str = ""
    decided_on: date | None = None
    effective_on: date | None = None
    # Assessment
    assessment: dict[str, Any] = field(default_factory=dict)
    decision: str = ""
    meeting: KeepMeeting = field(default_factory=KeepMeeting)
    # Work, plan, interview
    pending: list[PendingItem] = field(default_factory=list)
    steps: list[PlanStep] = field(default_factory=list)
    plan_dated_for: date | None = None  # the end date the steps were dated from
    interview_ask: bool = True
    interviewer: str = ""
    interview_times: str = ""
    questions: list[str] = field(default_factory=lambda: list(DEFAULT_QUESTIONS))
    # Letters and keeping in touch (None: not chosen yet, the page proposes a choice)
    letters: list[str] | None = None
    mailing_consent: bool = False
    follow_ups: list[FollowUp] | None = None
    staff_told: str = ""
    lessons: str = ""

    # --- JSON round trip for the autosave -------------------------------------------------

    def to_json(self) -> str:
        return json.dumps(asdict(self), default=_encode, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> DepartureDraft:
        """Rebuild a draft written by `to_json`; unknown keys (from a newer build) are ignored."""
        raw = json.loads(text)
        known = {name for name in cls.__dataclass_fields__}
        data = {key: value for key, value in raw.items() if key in known}
        for name in ("client_started_on", "decided_on", "effective_on", "plan_dated_for"):
            data[name] = _date(data.get(name))
        data["pending"] = [PendingItem(item.get("description", ""), _date(item.get("due_on")))
                           for item in data.get("pending", [])]
        data["steps"] = [PlanStep(item.get("description", ""), _date(item.get("due_on")),
                                  item.get("owner", ""))
                         for item in data.get("steps", [])]
        if data.get("follow_ups") is not None:
            data["follow_ups"] = [
                FollowUp(item.get("description", ""), _datetime(item.get("due_at")),
                         item.get("channel", "email"), item.get("letter_kind", ""))
                for item in data["follow_ups"]
            ]
        meeting = data.get("meeting") or {}
        data["meeting"] = KeepMeeting(_datetime(meeting.get("when")),
                                      meeting.get("channel", "meeting"), meeting.get("note", ""))
        return cls(**data)

    @property
    def is_keep(self) -> bool:
        return self.decision == "keep"


def _encode(value: Any) -> str:
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(f"Cannot write {type(value).__name__} to a draft.")


def _date(value: Any) -> date | None:
    return date.fromisoformat(value) if value else None


def _datetime(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


# --- dates ----------------------------------------------------------------------------------

# --- defaults -------------------------------------------------------------------------------

# (description, days before the end date, who) — the usual order of a tidy handover.
_DEFAULT_STEPS = (
    ("Finish the open work", 14, "Me"),
    ("Introduce a better-suited provider", 10, "Me"),
    ("Hand over files and accounts", 7, "Me"),
    ("Send the final invoice", 0, "Me"),
    ("End access to shared systems and accounts", 0, "Me"),
)


def shown_state(state: str, last_day: date | str | None, today: date) -> str:
    """The state a departure is shown in: a decided one whose last day has passed is
    "completed" (the stored state stays "decided")."""
    if isinstance(last_day, str):
        last_day = date.fromisoformat(last_day) if last_day else None
    if state == "decided" and last_day is not None and last_day < today:
        return "completed"
    return state


def default_plan(effective_on: date, decided_on: date | None = None) -> list[PlanStep]:
    """The default transition plan, dated back from the end date (never before the decision);
    a step before the end that would fall at a weekend is moved to a working day."""
    steps = []
    for description, days_before, owner in _DEFAULT_STEPS:
        due = effective_on - timedelta(days=days_before)
        if decided_on is not None and due < decided_on:
            due = min(decided_on, effective_on)
        if due < effective_on:
            due = _working_day(due, decided_on, effective_on)
        steps.append(PlanStep(description, due, owner))
    return steps


def _working_day(day: date, earliest: date | None, latest: date) -> date:
    """`day`, or for a Saturday or Sunday the Friday before (the Monday after when the
    Friday is before `earliest`, and the day itself when neither fits)."""
    if day.weekday() < 5:
        return day
    friday = day - timedelta(days=day.weekday() - 4)
    monday = day + timedelta(days=7 - day.weekday())
    if earliest is None or friday >= earliest:
        return friday
    return monday if monday <= latest else day


def redate_plan(steps: list[PlanStep], old_end: date, new_end: date) -> list[PlanStep]:
    """Move every dated step by as much as the end date moved (the owner's own steps too)."""
    shift = new_end - old_end
    return [PlanStep(s.description, s.due_on + shift if s.due_on else None, s.owner)
            for s in steps]


def default_follow_ups(effective_on: date) -> list[FollowUp]:
    """A check-in one month after the end, then keep-in-touch notes at 3, 6 and 12 months."""
    def at(months: int) -> datetime:
        return datetime.combine(add_months(effective_on, months), FOLLOW_UP_TIME)

    follow_ups = [FollowUp("Check in: did the transition go well?", at(1), "email", "check_in")]
    for months in (3, 6, 12):
        follow_ups.append(FollowUp(f"Keep-in-touch note ({months} months after the end)",
                                   at(months), "letter", "keep_in_touch"))
    return follow_ups


def default_letters(draft: DepartureDraft) -> list[str]:
    """A parting-ways letter when the owner ends it, else a farewell; the plan; the request."""
    letters = ["parting_ways" if draft.ended_by == "owner" else "farewell", "transition_plan"]
    if draft.interview_ask:
        letters.append("exit_interview_request")
    return letters


def pending_after_end(draft: DepartureDraft) -> list[PendingItem]:
    """Pending work due after the end date: the wizard warns, it does not refuse."""
    if draft.effective_on is None:
        return []
    return [item for item in draft.pending if item.due_on and item.due_on > draft.effective_on]


# --- validation -----------------------------------------------------------------------------

def validate_page(draft: DepartureDraft, page: str) -> list[Issue]:
    """What keeps the owner from leaving `page`; an empty list when it is complete."""
    check = _CHECKS.get(page)
    if check is None:
        raise ValueError(f"Unknown page {page!r}")
    return check(draft)


def pages_for(draft: DepartureDraft) -> tuple[str, ...]:
    """The pages a draft goes through: "try to keep" stops at the meeting."""
    if draft.is_keep:
        return ("who", "assessment", "meeting")
    return tuple(page for page in PAGES if page != "meeting")


def validate_all(draft: DepartureDraft) -> list[Issue]:
    """Every issue on every page this draft goes through (the check before saving)."""
    issues: list[Issue] = []
    for page in pages_for(draft):
        issues.extend(validate_page(draft, page))
    return issues


def _check_who(d: DepartureDraft) -> list[Issue]:
    issues = []
    if d.ended_by not in ENDED_BY:
        issues.append(Issue("ended_by", "draft.ended_by"))
    elif d.ended_by == "outside" and d.outside_event not in OUTSIDE_EVENTS:
        issues.append(Issue("outside_event", "draft.outside_event"))
    unknown = [reason for reason in d.reasons if reason not in REASONS]
    if unknown:
        issues.append(Issue("reasons", "draft.unknown_reasons", reasons=tuple(unknown)))
    elif not d.reasons:
        issues.append(Issue("reasons", "draft.no_reason"))
    elif "other" in d.reasons and not d.reason_text.strip():
        issues.append(Issue("reason_text", "draft.other_reason"))
    if d.kind and d.kind not in KINDS:
        issues.append(Issue("kind", "draft.unknown_kind", kind=d.kind))
    if d.decided_on is None:
        issues.append(Issue("decided_on", "draft.decided_on"))
    if d.effective_on is None:
        issues.append(Issue("effective_on", "draft.effective_on"))
    elif d.decided_on is not None and d.effective_on < d.decided_on:
        issues.append(Issue("effective_on", "draft.ends_before_decision"))
    elif d.client_started_on is not None and d.effective_on < d.client_started_on:
        issues.append(Issue("effective_on", "draft.ends_before_start"))
    return issues


def _check_assessment(d: DepartureDraft) -> list[Issue]:
    if d.decision not in DECISIONS:
        return [Issue("decision", "draft.decision")]
    return []


def _check_meeting(d: DepartureDraft) -> list[Issue]:
    issues = []
    if d.meeting.when is None:
        issues.append(Issue("meeting_when", "draft.meeting_when"))
    elif d.decided_on is not None and d.meeting.when.date() < d.decided_on:
        issues.append(Issue("meeting_when", "draft.meeting_before_decision"))
    if d.meeting.channel not in CHANNELS:
        issues.append(Issue("meeting_channel", "draft.meeting_channel"))
    return issues


def _check_pending(d: DepartureDraft) -> list[Issue]:
    issues = []
    for number, item in enumerate(d.pending, 1):
        if not item.description.strip():
            issues.append(Issue("pending", "draft.job_description", number=number))
        elif item.due_on is None:
            issues.append(Issue("pending", "draft.job_due", number=number))
    return issues


def _check_plan(d: DepartureDraft) -> list[Issue]:
    issues = []
    if not d.steps:
        issues.append(Issue("steps", "draft.no_step"))
    for number, step in enumerate(d.steps, 1):
        if not step.description.strip():
            issues.append(Issue("steps", "draft.step_description", number=number))
        elif step.due_on is None:
            issues.append(Issue("steps", "draft.step_due", number=number))
    return issues


def _check_interview(d: DepartureDraft) -> list[Issue]:
    if not d.interview_ask:
        return []
    issues = []
    if not d.interviewer.strip():
        issues.append(Issue("interviewer", "draft.interviewer"))
    questions = [q for q in d.questions if q.strip()]
    if not questions:
        issues.append(Issue("questions", "draft.no_question"))
    elif len(questions) != len(d.questions):
        issues.append(Issue("questions", "draft.empty_question"))
    return issues


def _check_letters(d: DepartureDraft) -> list[Issue]:
    unknown = [kind for kind in d.letters or [] if kind not in DEPARTURE_LETTERS]
    if unknown:
        return [Issue("letters", "draft.unknown_letters", kinds=tuple(unknown))]
    if d.letters and "exit_interview_request" in d.letters and not d.interview_ask:
        return [Issue("letters", "draft.request_without_interview")]
    return []


def _check_keep_in_touch(d: DepartureDraft) -> list[Issue]:
    issues = []
    for number, item in enumerate(d.follow_ups or [], 1):
        if not item.description.strip():
            issues.append(Issue("follow_ups", "draft.follow_up_description", number=number))
        elif item.due_at is None:
            issues.append(Issue("follow_ups", "draft.follow_up_due", number=number))
        elif item.channel not in CHANNELS:
            issues.append(Issue("follow_ups", "draft.follow_up_channel", number=number))
    return issues


_CHECKS = {
    "who": _check_who,
    "assessment": _check_assessment,
    "meeting": _check_meeting,
    "pending": _check_pending,
    "plan": _check_plan,
    "interview": _check_interview,
    "letters": _check_letters,
    "keep_in_touch": _check_keep_in_touch,
    "summary": lambda d: [],
}
