"""How a client's folder reads on screen: each entry's title and detail, in the owner's words.

The store hands the folder as codes and values (`store.departures.FolderEntry`); here they
become translated words, with the one duration formatter and the one list of words for
codes, so the folder reads like the timeline and the Departure tab.
"""

from __future__ import annotations

from goodbye_desktop.store.departures import FolderEntry
from goodbye_desktop.ui.departure.common import label_for, tr
from goodbye_desktop.ui.formatting import duration


def kind_title(kind: str) -> str:
    """The folder's "What" column: the kind of entry."""
    return {
        "call": tr("Call"), "email": tr("Email"), "meeting": tr("Meeting"),
        "support": tr("Support request"), "letter": tr("Letter"), "note": tr("Note"),
        "document": tr("Document"), "decision": tr("Departure"), "pending": tr("Pending work"),
        "step": tr("Transition step"), "interview": tr("Exit interview"),
        "question": tr("Interview answer"), "follow_up": tr("Follow-up"),
        "departure_note": tr("Notes"), "returned": tr("Came back"), "undone": tr("Undone"),
        "promise": tr("Promise"),
    }.get(kind, kind)


def _interaction_detail(kind: str, facts: dict) -> str:
    # A meeting or a note is neither sent nor received: only messages have a direction.
    parts = [] if kind in ("meeting", "note") else [
        tr("received") if facts.get("direction") == "in" else tr("sent")]
    if facts.get("minutes"):
        parts.append(duration(facts["minutes"]))
    if facts.get("complaint"):
        parts.append(tr("complaint"))
    return ", ".join(parts)


def title_and_detail(entry: FolderEntry) -> tuple[str, str]:
    """What the entry is about, and the detail beside it."""
    facts, text = entry.facts, entry.text
    kind = entry.kind
    if kind in ("call", "email", "meeting", "support", "letter", "note"):
        return text or kind_title(kind), _interaction_detail(kind, facts)
    if kind == "document":
        return text or label_for("letter", facts.get("letter_kind", "")), \
            label_for("letter", facts.get("letter_kind", ""))
    if kind == "decision":
        reasons = ", ".join(label_for("reason", r) for r in facts.get("reasons", ()))
        title = tr("Departure decided (%1)").replace(
            "%1", label_for("ended_by", facts.get("ended_by", "")))
        detail = tr("Reasons: %1.").replace("%1", reasons) if reasons else ""
        return title, " ".join(x for x in (detail, text) if x)
    if kind == "pending":
        return text, tr("done") if facts.get("done") else tr("open")
    if kind == "step":
        status = label_for("step_status", facts.get("status", ""))
        return text, " · ".join(x for x in (facts.get("owner", ""), status) if x)
    if kind == "interview":
        return tr("Exit interview (%1)").replace(
            "%1", label_for("interview_status", facts.get("status", ""))), text
    if kind == "question":
        return text, facts.get("answer", "")
    if kind in ("follow_up", "promise"):
        return text, label_for("channel", facts.get("channel", ""))
    if kind == "departure_note":
        lessons = facts.get("lessons", "")
        detail = "\n".join(x for x in (text, lessons and tr("Lessons: %1").replace(
            "%1", lessons)) if x)
        return tr("Notes on the departure"), detail
    if kind == "returned":
        return tr("Came back"), ""
    if kind == "undone":
        return tr("Departure undone"), ""
    return text or kind_title(kind), ""
