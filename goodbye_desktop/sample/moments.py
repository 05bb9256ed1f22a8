"""The scripted moments of the sample story: what a reader sees on a client's timeline that
explains its warning sign or its departure (the acquisition call, the contact who left,
the complaints, the owner's note), and the promises the owner made about it.

Plain values only, dated back from `today`; `writer.py` stores them.
"""

from __future__ import annotations

from datetime import date, timedelta

from goodbye_desktop.core.windows import add_months
from goodbye_desktop.sample.cast import Seed
from goodbye_desktop.sample.history import (
    ACQUIRED_DAYS_AGO,
    COMPLAINT_DAYS_AGO,
    CONTACT_LEFT_DAYS_AGO,
    DECLINE_MONTHS,
    PlannedInteraction,
    PlannedPromise,
    Span,
    at,
)

ACQUIRER = "Meridian Holdings plc"
OVERDUE_AT = "Smith & Jones Solicitors"  # the client of the one promise that slipped

_COMPLAINTS = (
    "Karen: the proofs for the new leaflet arrived a day later than promised",
    "Karen: the colours of the appointment cards look off against the sign",
    "Karen: waited two days for a reply about an urgent website change",
    "Karen: the price list page still showed last year's fees",
)

# Where contacts who left went (a relationship worth following).
_NEW_EMPLOYERS = {"turnover": "Atlas Retail Group", "departed": "Bright Path Consulting"}


def acquisition(seed: Seed, today: date) -> tuple[date | None, str]:
    """The acquisition date and the acquirer, for the acquired client only."""
    if seed.story != "acquired":
        return None, ""
    return today - timedelta(days=ACQUIRED_DAYS_AGO), ACQUIRER


def contact_left(seed: Seed, today: date, span: Span) -> tuple[date, str] | None:
    """When the primary contact left and where to, for the stories that have one."""
    if seed.story == "turnover":
        return today - timedelta(days=CONTACT_LEFT_DAYS_AGO), _NEW_EMPLOYERS["turnover"]
    leaving = seed.leaving
    if leaving and "contact_turnover" in leaving.reasons and span.decided is not None:
        return span.decided - timedelta(days=50), _NEW_EMPLOYERS["departed"]
    return None


def _primary(seed: Seed) -> str:
    return seed.contacts[0][0].split()[0]


def interactions(seed: Seed, today: date, span: Span) -> list[PlannedInteraction]:
    """The moments that explain the client's sign or departure, as timeline entries."""
    story = seed.story
    found: list[PlannedInteraction] = []
    if story == "acquired":
        found.append(PlannedInteraction(
            at(today - timedelta(days=ACQUIRED_DAYS_AGO), 11), "call", "in", 25,
            f"{seed.contacts[1][0]} called: {ACQUIRER} has bought the practice; the new "
            "owners will review every supplier"))
    elif story == "turnover":
        who, role = seed.contacts[0]
        found.append(PlannedInteraction(
            at(today - timedelta(days=CONTACT_LEFT_DAYS_AGO + 5), 15), "email", "in", 10,
            f"{who} ({role}) is leaving for {_NEW_EMPLOYERS['turnover']}; "
            f"{seed.contacts[1][0]} takes over marketing for now"))
    elif story == "complaints":
        found.append(PlannedInteraction(
            at(today - timedelta(days=110), 10), "meeting", "out", 60,
            f"Met {seed.contacts[1][0]}, the new practice manager: she wants same-day "
            "replies to every request"))
        for days_ago, text in zip(COMPLAINT_DAYS_AGO, _COMPLAINTS, strict=True):
            found.append(PlannedInteraction(at(today - timedelta(days=days_ago), 9, 30),
                                            "call", "in", 45, text, complaint=True))
    elif story == "declining":
        month = add_months(today.replace(day=1), -DECLINE_MONTHS - 1)
        found.append(PlannedInteraction(
            at(month + timedelta(days=20), 14), "meeting", "out", 60,
            f"{_primary(seed)}: moving most sales online, so far less print from next month"))
    elif story == "costly":
        found.append(PlannedInteraction(
            at(today - timedelta(days=35), 17, 30), "note", "out", 5,
            "Third urgent menu change this week, each too small to bill; "
            "worked out the rate for the year: about half the studio's"))
    elif story == "silent":
        found.append(PlannedInteraction(
            at(span.last_contact, 12), "email", "out", 20,
            "Sent the new price list proofs for approval"))
    elif story == "quiet":
        found.append(PlannedInteraction(
            at(span.last_contact, 12), "meeting", "out", 90,
            "Delivered the site boards for the harbour flats"))
    return found + _leaving_moments(seed, today, span)


def _leaving_moments(seed: Seed, today: date, span: Span) -> list[PlannedInteraction]:
    leaving = seed.leaving
    if leaving is None or span.decided is None:
        return []
    who = _primary(seed)
    words = leaving.reason_text
    first = {
        "client": ("call", "in", f"{who} called to say they will stop working with us. "
                                 f"{words}"),
        "owner": ("meeting", "out", f"Told {who} I will end our work together and hand "
                                    f"everything over with care. {words}"),
        "mutual": ("meeting", "out", f"Agreed with {who} to end the work. {words}"),
        "outside": ("email", "in", f"News from {who}. {words}"),
    }[leaving.ended_by]
    found = [PlannedInteraction(at(span.decided, 11), first[0], first[1], 30, first[2])]
    letter = "parting-ways letter" if leaving.ended_by == "owner" else "farewell letter"
    posted = min(span.decided + timedelta(days=1), today - timedelta(days=1))
    found.append(PlannedInteraction(at(posted, 16), "letter", "out", 30,
                                    f"Posted the {letter} and the transition plan"))
    if span.returned is not None:
        found.append(PlannedInteraction(
            at(span.returned, 10), "call", "in", 40,
            f"{who} is back: the other agency missed the launch dates; restarting the "
            "monthly work"))
    return found


def promises(seed: Seed, today: date) -> list[PlannedPromise]:
    """What the owner promised about a client's sign, and the one promise that slipped."""
    story = seed.story
    if story == "acquired":
        return [PlannedPromise(f"Meet the new owners at {ACQUIRER}",
                               at(today + timedelta(days=6), 11), "meeting")]
    if story == "complaints":
        return [PlannedPromise(f"Call {seed.contacts[1][0]} to agree reply times for urgent "
                               "requests", at(today + timedelta(days=2), 10), "call")]
    if story == "turnover":
        return [PlannedPromise(f"Coffee with {seed.contacts[1][0]} to hear his plans",
                               at(today + timedelta(days=9), 10), "meeting")]
    if seed.name == OVERDUE_AT:
        # One promise slipped: the due list and the client's page show an overdue one.
        return [PlannedPromise("Email the figures for the quarterly report",
                               at(today - timedelta(days=3), 16), "email")]
    return []
