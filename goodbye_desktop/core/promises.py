"""The state of a promise (DOMAIN.md section 1) and the share of promises kept on time.

A promise is *open* until it is due; *kept* when done by its due time; *late* when done
after it; *broken* when cancelled, or when it was never done and its due time has passed.
Plain values in, plain values out: the store gives the moments, the screen shows the result.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class PromiseState(StrEnum):
    OPEN = "open"
    KEPT = "kept"
    LATE = "late"
    BROKEN = "broken"


def promise_state(
    due_at: datetime,
    done_at: datetime | None,
    cancelled_at: datetime | None,
    now: datetime,
) -> PromiseState:
    """Where a promise stands at `now`.

    A cancelled promise is broken even if it had been marked done before: cancelling is
    the later, deliberate word on it (marking done again clears the cancellation).
    """
    if cancelled_at is not None:
        return PromiseState.BROKEN
    if done_at is not None:
        return PromiseState.KEPT if done_at <= due_at else PromiseState.LATE
    if now > due_at:
        return PromiseState.BROKEN
    return PromiseState.OPEN


@dataclass(frozen=True)
class KeptShare:
    """How many of the settled promises were kept on time.

    Open promises are not counted yet: they can still be kept.
    """

    kept: int
    settled: int

    @property
    def share(self) -> float | None:
        """Kept / settled between 0 and 1, or None when nothing is settled yet."""
        if self.settled == 0:
            return None
        return self.kept / self.settled

    @property
    def percent(self) -> int | None:
        """The share as a whole percentage, rounded half up; None when nothing is settled."""
        if self.settled == 0:
            return None
        return (200 * self.kept + self.settled) // (2 * self.settled)


def kept_share(states: Iterable[PromiseState]) -> KeptShare:
    """Count the promises kept on time among those settled (kept, late or broken)."""
    kept = settled = 0
    for state in states:
        if state is PromiseState.OPEN:
            continue
        settled += 1
        if state is PromiseState.KEPT:
            kept += 1
    return KeptShare(kept=kept, settled=settled)


@dataclass(frozen=True)
class PromiseLedger:
    """A client's record of keeping its word: kept on time, late, broken; open ones apart.

    Broken means cancelled. A promise still open after its due time is *overdue*: it is
    counted on its own and not in the shares, because it can still be kept (late).
    """

    kept: int = 0
    late: int = 0
    broken: int = 0
    overdue: int = 0
    open: int = 0

    @property
    def settled(self) -> int:
        return self.kept + self.late + self.broken

    def share(self, part: str) -> float | None:
        """`kept`, `late` or `broken` as a share of the settled promises (None if none)."""
        if self.settled == 0:
            return None
        return getattr(self, part) / self.settled

    def percent(self, part: str) -> int | None:
        """The share as a whole percentage, rounded half up (None if nothing is settled)."""
        if self.settled == 0:
            return None
        return (200 * getattr(self, part) + self.settled) // (2 * self.settled)


def ledger(
    moments: Iterable[tuple[datetime, datetime | None, datetime | None]],
    now: datetime,
) -> PromiseLedger:
    """The ledger of (due_at, done_at, cancelled_at) moments, all in the same wall time."""
    counts = {"kept": 0, "late": 0, "broken": 0, "overdue": 0, "open": 0}
    for due_at, done_at, cancelled_at in moments:
        if cancelled_at is not None:
            counts["broken"] += 1
        elif done_at is not None:
            counts["kept" if done_at <= due_at else "late"] += 1
        else:
            counts["overdue" if now > due_at else "open"] += 1
    return PromiseLedger(**counts)
