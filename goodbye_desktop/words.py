"""The English words for every stored code, in one place.

The command line prints them as they are; the window shows them through Qt's translation
(`QCoreApplication.translate("words", text)`), so a translator works from this one list
and the terminal and the window name a reason, a kind or a state alike. Codes themselves
live in `goodbye_desktop.vocabulary`; a test checks every code has its words here.
"""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "status": {
        "prospect": "Prospect", "active": "Active", "departing": "Departing",
        "departed": "Departed", "returned": "Returned",
    },
    "ended_by": {
        "client": "The client", "owner": "You (the owner)", "mutual": "Mutual",
        "outside": "Outside events",
    },
    "outside_event": {
        "closed": "The client closed down", "acquired": "The client was acquired",
        "moved": "The client moved away",
    },
    "reason": {
        "price": "Price", "results": "Results", "service": "Service", "fit": "Fit",
        "needs_fulfilled": "Needs fulfilled", "budget": "Budget", "acquisition": "Acquisition",
        "contact_turnover": "Contact turnover", "competitor": "Competitor",
        "out_of_business": "Out of business", "unprofitable": "Unprofitable",
        "conduct": "Conduct", "other": "Other",
    },
    "kind": {
        "fulfilled": "Fulfilled", "scattered": "Scattered",
        "no_follow_through": "Did not follow through", "": "Not sure yet",
    },
    "decision": {"keep": "Try to keep", "let_go": "Let go gracefully", "accept": "Accept"},
    "channel": {
        "email": "Email", "call": "Call", "meeting": "Meeting", "letter": "Letter",
        "other": "Other",
    },
    "letter": {
        "farewell": "Farewell letter", "parting_ways": "Parting-ways letter",
        "transition_plan": "Transition plan", "exit_interview_request": "Exit interview request",
        "check_in": "Check-in letter", "keep_in_touch": "Keep-in-touch note",
        "feedback_thanks": "Feedback thanks",
    },
    "interview_status": {
        "not_asked": "Not asked", "requested": "Requested", "scheduled": "Scheduled",
        "held": "Held", "declined": "Declined",
    },
    "answer": {"": "Not known", "yes": "Yes", "no": "No", "maybe": "Maybe"},
    # "completed" is shown, never stored: a decided departure whose last day has passed.
    "state": {"draft": "Draft", "decided": "Decided", "won_back": "Won back",
              "undone": "Undone", "completed": "Completed"},
    "step_status": {"todo": "To do", "done": "Done", "skipped": "Skipped"},
}


def word(group: str, code: str) -> str:
    """The English words for a code; the code itself when it is unknown."""
    return WORDS.get(group, {}).get(code, code)
