"""Every fixed word of the app, in one place: the codes the records store and check.

Plain constants only: codes, never display text. The screen words a code through `tr()`
(in `ui/`), the letters through their locale, the command line through the same words
as the screen. The schema's CHECK lists are tested against these tuples, so a word added
here and not to a migration (or the other way round) fails the tests.
"""

from __future__ import annotations

# --- records (DOMAIN.md section 1) --------------------------------------------------------
CLIENT_STATUSES = ("prospect", "active", "departing", "departed", "returned")
# Statuses of a client the owner still works for (a returned client counts as active).
CURRENT_STATUSES = ("active", "departing", "returned")
INTERACTION_KINDS = ("call", "email", "meeting", "support", "letter", "note")
DIRECTIONS = ("in", "out")
PROPOSAL_OUTCOMES = ("pending", "won", "lost")
PROMISE_CHANNELS = ("email", "call", "meeting", "letter", "other")
# Open, kept (done by its due time), late (done after it), broken (cancelled), and an open
# promise whose due time has passed is overdue (not broken: it can still be kept late).
PROMISE_STATES = ("open", "overdue", "kept", "late", "broken")
PAGE_SIZES = ("A4", "Letter")

# --- warning signs (DOMAIN.md section 3) --------------------------------------------------
SIGN_SILENCE = "silence"
SIGN_ACQUISITION = "acquisition"
SIGN_CONTACT_TURNOVER = "contact_turnover"
SIGN_CHRONIC_COMPLAINTS = "chronic_complaints"
SIGN_COSTLY = "costly"
SIGN_REVENUE_DECLINE = "revenue_decline"
SIGNS = (SIGN_SILENCE, SIGN_ACQUISITION, SIGN_CONTACT_TURNOVER, SIGN_CHRONIC_COMPLAINTS,
         SIGN_COSTLY, SIGN_REVENUE_DECLINE)

# --- departures (DOMAIN.md section 4) -----------------------------------------------------
DEPARTURE_STATES = ("draft", "decided", "won_back", "undone")
ENDED_BY = ("client", "owner", "mutual", "outside")
OUTSIDE_EVENTS = ("closed", "acquired", "moved")
REASONS = (
    "price", "results", "service", "fit", "needs_fulfilled", "budget", "acquisition",
    "contact_turnover", "competitor", "out_of_business", "unprofitable", "conduct", "other",
)
# A departure is unavoidable when any of its reasons is one of these (or it was ended by
# outside events); every other departure is avoidable.
UNAVOIDABLE_REASONS = ("needs_fulfilled", "acquisition", "out_of_business")
DEPARTING_KINDS = ("fulfilled", "scattered", "no_follow_through")
DECISIONS = ("keep", "let_go", "accept")
INTERVIEW_STATUSES = ("not_asked", "requested", "scheduled", "held", "declined")
ANSWERS = ("", "yes", "no", "maybe")
STEP_STATUSES = ("todo", "done", "skipped")

# --- letters (DOMAIN.md section 5) --------------------------------------------------------
# In the order the app offers them.
LETTER_KINDS = (
    "farewell", "parting_ways", "transition_plan", "exit_interview_request", "check_in",
    "keep_in_touch", "feedback_thanks",
)
# The letters the departure wizard can produce for a departure.
DEPARTURE_LETTERS = ("farewell", "parting_ways", "transition_plan", "exit_interview_request")

# --- the daily habit: at-risk list, risk history (issue 11) -------------------------------
# How a save was attempted: a promise made from the At-risk list, or "try to keep" in the
# departure wizard.
RISK_SAVE_KINDS = ("promise", "keep")
# How a time at risk ended: recovered (no sign for 60 days) or lost (a departure).
RISK_OUTCOMES = ("recovered", "lost")
# The groups of the Due view, in the order it shows them.
DUE_GROUPS = ("overdue", "today", "week")

# --- letters that fit the departure (core.letter_fit) -------------------------------------
# Why a letter kind does or does not suit a client's situation.
FIT_OK = "ok"
FIT_NEEDS_DEPARTURE = "needs_departure"  # the kind speaks of a departure and there is none
FIT_CURRENT_AGAIN = "current_again"  # the client came back: no goodbye letters
FIT_OWNER_ENDED = "owner_ended"  # a farewell thanks a client who left; the owner ended it
FIT_CLIENT_ENDED = "client_ended"  # parting ways explains the owner's decision; it was not
FIT_NOT_ENDED = "not_ended"  # a check-in follows the transition, which is not over yet
# The exit interview was held, declined or is arranged: a request would ask again.
FIT_INTERVIEW_HELD = "interview_held"
FIT_INTERVIEW_DECLINED = "interview_declined"
FIT_INTERVIEW_SCHEDULED = "interview_scheduled"
FIT_NO_CONSENT = "no_consent"  # a keep-in-touch note to a client who did not agree to it
FIT_REASONS = (FIT_OK, FIT_NEEDS_DEPARTURE, FIT_CURRENT_AGAIN, FIT_OWNER_ENDED,
               FIT_CLIENT_ENDED, FIT_NOT_ENDED, FIT_INTERVIEW_HELD, FIT_INTERVIEW_DECLINED,
               FIT_INTERVIEW_SCHEDULED, FIT_NO_CONSENT)
