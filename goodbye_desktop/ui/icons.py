"""Icons for actions and warning signs: the desktop theme's, else the app's own SVGs.

A desktop without an icon theme (a minimal install, the offscreen platform) would show
toolbar buttons as bare text beside dialog buttons with icons. `icon(name)` asks the
theme first (freedesktop names) and falls back to `resources/icons/<name>.svg`, a small
CC0 set shipped with the program.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon

from goodbye_desktop.resources import resources_dir

# The icon drawn for each warning sign (core.signs keys).
SIGN_ICONS = {
    "silence": "sign-silence",
    "acquisition": "sign-acquisition",
    "contact_turnover": "sign-contact-turnover",
    "chronic_complaints": "sign-complaints",
    "costly": "sign-costly",
    "revenue_decline": "sign-revenue-decline",
}


def icons_dir() -> Path:
    return resources_dir() / "icons"


def fallback_path(name: str) -> Path:
    """The shipped SVG for `name` (it may not exist for names the set does not cover)."""
    return icons_dir() / f"{name}.svg"


@cache
def _fallback(name: str) -> QIcon:
    path = fallback_path(name)
    return QIcon(str(path)) if path.is_file() else QIcon()


def icon(name: str) -> QIcon:
    """The theme's icon called `name`, else the shipped one (an empty icon if neither)."""
    if QIcon.hasThemeIcon(name):
        return QIcon.fromTheme(name)
    return _fallback(name)


def sign_icon(key: str) -> QIcon:
    """The icon of a warning sign; always the app's own, so it means the same everywhere."""
    return _fallback(SIGN_ICONS.get(key, "sign-complaints"))
