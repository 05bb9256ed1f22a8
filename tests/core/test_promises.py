"""The promise state rule and the share of promises kept on time."""

from datetime import datetime, timedelta

import pytest

from goodbye_desktop.core.promises import KeptShare, PromiseState, kept_share, promise_state

DUE = datetime(2026, 3, 10, 16, 0)


@pytest.mark.parametrize(
    ("done_at", "cancelled_at", "now", "expected"),
    [
        (None, None, DUE - timedelta(days=1), PromiseState.OPEN),
        (None, None, DUE, PromiseState.OPEN),  # due at 16:00 is still open at 16:00
        (None, None, DUE + timedelta(minutes=1), PromiseState.BROKEN),
        (DUE - timedelta(hours=2), None, DUE + timedelta(days=9), PromiseState.KEPT),
        (DUE, None, DUE + timedelta(days=9), PromiseState.KEPT),
        (DUE + timedelta(minutes=1), None, DUE + timedelta(days=9), PromiseState.LATE),
        (None, DUE - timedelta(days=2), DUE - timedelta(days=3), PromiseState.BROKEN),
        (DUE - timedelta(hours=1), DUE, DUE + timedelta(days=1), PromiseState.BROKEN),
    ],
)
def test_promise_state(done_at, cancelled_at, now, expected):
    assert promise_state(DUE, done_at, cancelled_at, now) is expected


def test_kept_share_counts_only_settled_promises():
    states = [PromiseState.KEPT, PromiseState.KEPT, PromiseState.LATE, PromiseState.BROKEN,
              PromiseState.OPEN, PromiseState.OPEN]
    share = kept_share(states)
    assert share == KeptShare(kept=2, settled=4)
    assert share.share == 0.5
    assert share.percent == 50


def test_kept_share_rounds_half_up_and_is_empty_without_settled_promises():
    assert kept_share([PromiseState.KEPT, PromiseState.LATE, PromiseState.KEPT]).percent == 67
    assert kept_share([PromiseState.KEPT] * 7 + [PromiseState.LATE]).percent == 88  # 87.5
    empty = kept_share([PromiseState.OPEN])
    assert empty.settled == 0
    assert empty.share is None
    assert empty.percent is None
