"""Due promises: overdue, due today and in the next seven days, counted and listed."""

from datetime import datetime

import pytest

from goodbye_desktop import clock
from goodbye_desktop.core.promises import ledger
from goodbye_desktop.store import due, records


@pytest.mark.frozen_at("2026-11-25T10:00")
def test_counts_and_groups_follow_the_rules(db_path) -> None:
    cid = records.create_client(name="Renée & <Sons>")
    at = datetime
    overdue = records.add_promise(cid, "Figures", at(2026, 11, 25, 9, 59))
    today = records.add_promise(cid, "Call back", at(2026, 11, 25, 16))
    week = records.add_promise(cid, "Send the draft", at(2026, 12, 2, 10))
    records.add_promise(cid, "Too far", at(2026, 12, 2, 10, 1))
    done = records.add_promise(cid, "Done already", at(2026, 11, 25, 12))
    records.mark_promise_done(done, at(2026, 11, 25, 9))
    cancelled = records.add_promise(cid, "Cancelled", at(2026, 11, 20, 12))
    records.cancel_promise(cancelled, at(2026, 11, 21))
    assert due.promise_counts(clock.now()) == {"due_today": 1, "overdue": 1, "next_7_days": 2}
    listed = due.due_promises(clock.now())
    assert [(p.id, p.group) for p in listed] == [
        (overdue, "overdue"), (today, "today"), (week, "week")]
    assert listed[0].client_name == "Renée & <Sons>"
    assert len(due.open_promises()) == 4


def test_counts_on_any_date(db_path) -> None:
    cid = records.create_client(name="Łukasz")
    records.add_promise(cid, "Soon", clock.local_now().replace(microsecond=0))
    counts = due.promise_counts(clock.now())
    assert counts["overdue"] + counts["next_7_days"] == 1


def test_ledger_shares() -> None:
    at = datetime
    moments = [
        (at(2026, 1, 1, 10), at(2026, 1, 1, 9), None),   # kept
        (at(2026, 1, 1, 10), at(2026, 1, 2, 9), None),   # late
        (at(2026, 1, 1, 10), None, at(2026, 1, 1, 8)),   # broken
        (at(2026, 1, 1, 10), at(2026, 1, 1, 10), None),  # kept, on the minute
        (at(2026, 1, 1, 10), None, None),                # overdue
        (at(2026, 3, 1, 10), None, None),                # open
    ]
    book = ledger(moments, at(2026, 2, 1))
    assert (book.kept, book.late, book.broken, book.overdue, book.open) == (2, 1, 1, 1, 1)
    assert book.percent("kept") == 50 and book.share("broken") == 0.25
    assert ledger([], at(2026, 2, 1)).percent("kept") is None
