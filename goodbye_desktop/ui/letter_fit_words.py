"""The app's words for whether a letter fits the client's situation (core.letter_fit).

The rules are core's; here each reason code becomes a question or an explanation the owner
reads, through tr(), with the client's name in it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from goodbye_desktop.core.letter_fit import Fit
from goodbye_desktop.vocabulary import (
    FIT_CLIENT_ENDED,
    FIT_CURRENT_AGAIN,
    FIT_INTERVIEW_DECLINED,
    FIT_INTERVIEW_HELD,
    FIT_INTERVIEW_SCHEDULED,
    FIT_NEEDS_DEPARTURE,
    FIT_NO_CONSENT,
    FIT_NOT_ENDED,
    FIT_OWNER_ENDED,
)


def tr(text: str) -> str:
    return QCoreApplication.translate("letter_fit", text)


def fit_question(result: Fit, client_name: str) -> str:
    """Why the kind does not fit, ending in the question whether to write the better one
    (or, when no other kind fits better, whether to write it anyway)."""
    from goodbye_desktop.ui.departure.common import label_for

    better = label_for("letter", result.better or "")
    asked = label_for("letter", result.kind)
    texts = {
        FIT_CURRENT_AGAIN: tr("%1 is a current client again: write “%2” instead?"),
        FIT_OWNER_ENDED: tr("You ended the work with %1, and “%3” thanks a client for their "
                            "decision to leave: write “%2” instead?"),
        FIT_CLIENT_ENDED: tr("“%3” explains your own decision to end the work, and the work "
                             "with %1 ended otherwise: write “%2” instead?"),
        FIT_NOT_ENDED: tr("The work with %1 has not ended yet, and “%3” is meant for after "
                          "the transition: write “%2” instead?"),
        FIT_INTERVIEW_HELD: tr("%1 has had the exit interview already, and “%3” asks for "
                               "one: write “%2” instead?"),
        FIT_INTERVIEW_DECLINED: tr("%1 declined the exit interview, and “%3” would ask again. "
                                   "Write it anyway?"),
        FIT_INTERVIEW_SCHEDULED: tr("The exit interview with %1 is already arranged, and “%3” "
                                    "would ask for it again. Write it anyway?"),
        FIT_NO_CONSENT: tr("%1 has not agreed to stay in touch, and “%3” would go against "
                           "that. Write it anyway?"),
    }
    text = texts.get(result.reason, tr("“%3” may not suit %1: write “%2” instead?"))
    return text.replace("%1", client_name).replace("%2", better).replace("%3", asked)


def needs_departure(client_name: str) -> str:
    """Why the departure letters are not offered, and how to get them."""
    return tr("%1 has no departure on record. Farewell, parting-ways, transition plan, exit "
              "interview and check-in letters speak of one: start a departure first "
              "(Client ▸ Start a departure).").replace("%1", client_name)


def is_needs_departure(result: Fit) -> bool:
    return result.reason == FIT_NEEDS_DEPARTURE
