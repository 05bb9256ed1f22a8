"""The sample business's cast, read from resources/demo/: who the clients are and their story.

`load_cast()` reads `cast.toml` (one table per client, with how it left when it did) and
`load_summaries()` the everyday interaction summaries; both return plain values and check
them, so a mistyped seed fails with a clear message instead of a half-written sample.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from goodbye_desktop.errors import GoodbyeError
from goodbye_desktop.resources import resources_dir
from goodbye_desktop.vocabulary import (
    DECISIONS,
    DEPARTING_KINDS,
    ENDED_BY,
    INTERVIEW_STATUSES,
    OUTSIDE_EVENTS,
    REASONS,
)

# What happens to a client over the years; README.md in resources/demo tells each one.
STORIES = (
    "steady", "dominant", "costly", "complaints", "silent", "quiet", "declining", "acquired",
    "turnover", "departed", "departing", "returned", "prospect", "archived",
)
# The stories of a client that has (or had) a departure.
LEAVING_STORIES = ("departed", "departing", "returned")


@dataclass(frozen=True)
class Leaving:
    """How a client left (or is leaving), counted back from the day the sample is made."""

    ended_by: str
    reasons: tuple[str, ...]
    kind: str
    decision: str
    decided: int  # days between the decision and the last day
    left: int | None = None  # months ago the last day was
    ahead: int | None = None  # days until the last day, for a client still leaving
    returned: int | None = None  # months ago the client came back
    outside_event: str = ""
    interview: str = "not_asked"
    would_return: str = ""
    would_refer: str = ""
    reason_text: str = ""
    lessons: str = ""
    pending: tuple[str, ...] = ()


@dataclass(frozen=True)
class Seed:
    """One client of the cast (see the header of cast.toml for each field)."""

    name: str
    story: str
    is_person: bool = False
    since: int | None = None
    hours: float = 0.0
    rate: int = 0
    gap: int = 14
    contacts: tuple[tuple[str, str], ...] = ()
    tags: str = ""
    source: str = ""
    notes: str = ""
    domain: str = ""
    leaving: Leaving | None = field(default=None)


def seeds_dir() -> Path:
    """The sample data seeds: resources/demo."""
    return resources_dir() / "demo"


def _read(name: str) -> str:
    path = seeds_dir() / name
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise GoodbyeError("sample.unreadable", path=path, reason=exc.strerror) from exc


def _bad(name: str, what: str) -> GoodbyeError:
    # `what` stays English: it speaks of the shipped cast.toml, to whoever packaged it.
    return GoodbyeError("sample.bad_client", name=name, what=what)


def _leaving(name: str, raw: dict) -> Leaving:
    reasons = tuple(raw.get("reasons", ()))
    checks = (
        (raw.get("ended_by") in ENDED_BY, "has no known ended_by"),
        (bool(reasons) and set(reasons) <= set(REASONS), "has an unknown reason"),
        (raw.get("kind") in DEPARTING_KINDS, "has an unknown kind"),
        (raw.get("decision") in DECISIONS, "has an unknown decision"),
        (raw.get("interview", "not_asked") in INTERVIEW_STATUSES,
         "has an unknown interview status"),
        (raw.get("ended_by") != "outside" or raw.get("outside_event") in OUTSIDE_EVENTS,
         "needs an outside_event"),
        ((raw.get("left") is None) != (raw.get("ahead") is None), "needs left or ahead"),
    )
    for ok, what in checks:
        if not ok:
            raise _bad(name, what)
    fields = {key: value for key, value in raw.items() if key not in ("reasons", "pending")}
    return Leaving(reasons=reasons, pending=tuple(raw.get("pending", ())), **fields)


def _seed(raw: dict) -> Seed:
    name = raw.get("name", "")
    if raw.get("story") not in STORIES:
        raise _bad(name, f"has an unknown story {raw.get('story')!r}")
    contacts = []
    for text in raw.get("contacts", ()):
        person, _, role = text.partition(",")
        contacts.append((person.strip(), role.strip()))
    if not contacts:
        raise _bad(name, "has no contact")
    leaving = raw.get("departure")
    if (leaving is not None) != (raw["story"] in LEAVING_STORIES):
        raise _bad(name, "needs a departure table exactly when its story is a leaving")
    fields = {key: value for key, value in raw.items()
              if key not in ("kind", "contacts", "departure")}
    return Seed(is_person=raw.get("kind") == "person", contacts=tuple(contacts),
                leaving=_leaving(name, leaving) if leaving else None, **fields)


def load_cast() -> list[Seed]:
    """Every client of the sample business, in the order of cast.toml."""
    try:
        raw = tomllib.loads(_read("cast.toml"))
    except tomllib.TOMLDecodeError as exc:
        raise GoodbyeError("sample.invalid", reason=str(exc)) from exc
    try:
        cast = [_seed(entry) for entry in raw.get("client", [])]
    except TypeError as exc:  # a field the cast does not know
        raise GoodbyeError("sample.unknown_field", reason=str(exc)) from exc
    people = [person for seed in cast if not seed.is_person for person, _ in seed.contacts]
    if len(people) != len(set(people)):
        raise GoodbyeError("sample.shared_contact")
    return cast


def load_summaries() -> dict[str, list[str]]:
    """Everyday interaction summaries by kind (`complaint` for complaints)."""
    result: dict[str, list[str]] = {}
    for line in _read("summaries.tsv").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, text = line.split("\t", 1)
            result.setdefault(kind, []).append(text)
    return result
