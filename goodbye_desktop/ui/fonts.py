"""The fonts shipped in resources/fonts, registered with Qt so every script shows.

DejaVu Sans covers Latin, Greek, Cyrillic, Arabic and Hebrew; WenQuanYi Micro Hei
covers Chinese, Japanese and Korean. Registering both and naming them as the
application font's families gives a client called 山田 or محمد real glyphs even on
a system with no such fonts installed (Qt would draw boxes otherwise).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from goodbye_desktop.resources import resources_dir

SANS_FAMILY = "DejaVu Sans"
CJK_FAMILY = "WenQuanYi Micro Hei"
_FONT_SUFFIXES = (".ttf", ".ttc", ".otf")

_registered: list[str] | None = None


def fonts_dir() -> Path:
    """The app's resources/fonts folder, next to the package."""
    return resources_dir() / "fonts"


def register_fonts() -> list[str]:
    """Register every font file of resources/fonts once; return the families Qt found."""
    global _registered
    if _registered is not None:
        return _registered
    families: list[str] = []
    folder = fonts_dir()
    for path in sorted(folder.iterdir()) if folder.is_dir() else ():
        if path.suffix.lower() in _FONT_SUFFIXES:
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id >= 0:
                families.extend(QFontDatabase.applicationFontFamilies(font_id))
    _registered = families
    return families


def apply_app_font(app: QGuiApplication) -> QFont:
    """Make DejaVu Sans the app's font, with WenQuanYi Micro Hei for what it lacks."""
    families = register_fonts()
    font = QFont(app.font())
    chosen = [family for family in (SANS_FAMILY, CJK_FAMILY) if family in families]
    if chosen:
        # Keep the system's size; only the families change.
        font.setFamilies([*chosen, *[f for f in font.families() if f not in chosen]])
        app.setFont(font)
    return font
