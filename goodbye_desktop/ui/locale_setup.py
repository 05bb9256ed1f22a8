"""The locale the window formats dates and money in when the system names none.

A fresh machine or a desktop session without LANG gives Qt its "C" locale, which writes
"20 11 2026" and "13367.00€". The business profile names the owner's locale (the one
letters are dated in); the window falls back to it, never to C. A system that does
name a locale keeps it: that is the owner's own choice for their desktop.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale


def system_names_a_locale() -> bool:
    """False when the system gives only the C locale (LANG unset, C or POSIX)."""
    return QLocale.system().language() != QLocale.Language.C


def apply_profile_locale(profile_locale: str) -> QLocale:
    """Make the profile's locale the default when the system names none; the one in use."""
    if not system_names_a_locale() and profile_locale:
        chosen = QLocale(profile_locale)
        if chosen.language() != QLocale.Language.C:
            QLocale.setDefault(chosen)
    return QLocale()
