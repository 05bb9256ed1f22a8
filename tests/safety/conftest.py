"""Fixtures for the data-safety tests: a real database file holding records."""

from pathlib import Path

import pytest
from safety_helpers import fill


@pytest.fixture
def filled_db(tmp_path: Path) -> Path:
    path = tmp_path / "shop.sqlite"
    fill(path)
    return path
