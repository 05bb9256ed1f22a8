"""Every page, tab and dialog fits a 1024x640 screen, and the window never falls back to C.

The offscreen platform fixes its screen size when the application starts, so each check
runs tests/ui/screen_probe.py in a fresh process with a screen of its own, on the sample
data, at the test's frozen moment.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from goodbye_desktop import clock

PROBE = Path(__file__).with_name("screen_probe.py")


def probe(tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> dict:
    environment = dict(os.environ if env is None else env)
    environment["GOODBYE_DESKTOP_TEST_NOW"] = clock.now().isoformat()
    result = subprocess.run(
        [sys.executable, str(PROBE), *args[:2], str(tmp_path / "probe.sqlite"), *args[2:]],
        env=environment, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.slow
def test_every_view_and_dialog_fits_1024_by_640(tmp_path: Path) -> None:
    report = probe(tmp_path, "1024", "640")
    assert report["screen"] == [1024, 640]
    # Larger than the screen, a button off it, or a client's name cut: none of them.
    assert report["problems"] == []
    assert report["steps"] == 8  # the wizard was walked through all of its pages


@pytest.mark.slow
def test_without_lang_dates_and_money_follow_the_profile_locale(tmp_path: Path) -> None:
    bare = {key: value for key, value in os.environ.items()
            if not key.startswith("LC_") and key not in ("LANG", "LANGUAGE")}
    report = probe(tmp_path, "1366", "768", "--locale", "de_DE", "--quick", env=bare)
    texts = report["texts"]
    assert texts["system_locale"] == "C"  # Qt saw no locale at all...
    german = QLocale("de_DE")  # ...and the window wrote as the profile says
    last = date.fromisoformat(texts["list_last_contact_iso"])
    from goodbye_desktop.ui.formatting import currency_symbol, qdate

    assert texts["list_last_contact"] == german.toString(qdate(last),
                                                         QLocale.FormatType.ShortFormat)
    cents = int(texts["list_revenue_cents"])
    symbol = currency_symbol(texts["currency"], german)
    assert texts["list_revenue"] == german.toCurrencyString(cents / 100, symbol, 2)
    assert "," in texts["revenue"] and texts["revenue"].endswith(symbol)
