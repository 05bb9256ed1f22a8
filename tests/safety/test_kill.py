"""Killed at random moments (SIGKILL), the program never loses a confirmed record.

Fifty kills of a process that writes records and creates new databases; after each, the
files pass SQLite's integrity check, open, and hold every record whose write had been
confirmed (benchmarks/kill_harness.py; benchmarks/kill_test.py does 500 and more).
"""

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from kill_harness import run_kills  # noqa: E402


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the harness forks its workers")
def test_fifty_random_kills_lose_nothing_confirmed(tmp_path: Path) -> None:
    figures = run_kills(tmp_path, 50, seed=7)
    assert figures.failures == []
    assert figures.kills == 50
    # Kills landed both between confirmed writes and while databases were being made.
    assert figures.confirmed > 0 and figures.found == figures.confirmed
    assert figures.databases_cut_short > 0
