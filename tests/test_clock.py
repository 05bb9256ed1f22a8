"""The one clock: frozen in tests, moved by hand, and given to programs started apart."""

import os
import subprocess
import sys
from datetime import date, datetime, timedelta

import pytest

from goodbye_desktop import clock


@pytest.mark.frozen_at("2028-02-29T23:59:30")
def test_a_frozen_clock_stands_still_and_moves_when_told() -> None:
    assert clock.today() == date(2028, 2, 29)
    assert clock.local_now() == datetime(2028, 2, 29, 23, 59, 30)
    assert clock.now().tzinfo is not None
    assert clock.next_midnight() == datetime(2028, 3, 1)
    clock.advance(timedelta(seconds=45))
    assert clock.today() == date(2028, 3, 1)


def test_frozen_puts_back_what_was_there() -> None:
    before = clock.now()
    with clock.frozen(date(2030, 1, 1)):
        assert clock.today() == date(2030, 1, 1)
        assert clock.local_now().hour == 12  # a bare date is taken at noon
    assert clock.now() == before


def run(env_value: str) -> subprocess.CompletedProcess:
    env = {**os.environ, clock.ENV_VAR: env_value}
    return subprocess.run([sys.executable, "-c",
                           "from goodbye_desktop import clock; print(clock.today())"],
                          env=env, capture_output=True, text=True, timeout=60, check=True)


def test_a_program_started_apart_runs_at_the_moment_it_is_given() -> None:
    assert run("2027-01-01T00:00:30").stdout.strip() == "2027-01-01"


def test_a_moment_that_is_no_date_is_said_and_the_real_clock_used() -> None:
    done = run("next tuesday")
    assert "is not an ISO date and time" in done.stderr
    assert date.fromisoformat(done.stdout.strip())
