"""Light or dark, as the system says: the Fusion style with a palette to match.

Qt 6 reports the desktop's colour scheme through the style hints; the app follows
it at start and whenever it changes while running.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

_connected = False


def is_dark(app: QGuiApplication) -> bool:
    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


def dark_palette() -> QPalette:
    """A calm dark palette for Fusion: enough contrast, no pure black."""
    palette = QPalette()
    window, base, text = QColor("#2b2d30"), QColor("#1f2023"), QColor("#e6e6e6")
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    palette.setColor(role.Window, window)
    palette.setColor(role.WindowText, text)
    palette.setColor(role.Base, base)
    palette.setColor(role.AlternateBase, QColor("#27292c"))
    palette.setColor(role.ToolTipBase, QColor("#3a3d41"))
    palette.setColor(role.ToolTipText, text)
    palette.setColor(role.PlaceholderText, QColor("#8c8f94"))
    palette.setColor(role.Text, text)
    palette.setColor(role.Button, QColor("#35373b"))
    palette.setColor(role.ButtonText, text)
    palette.setColor(role.BrightText, QColor("#ff6b6b"))
    palette.setColor(role.Link, QColor("#6cb4ff"))
    palette.setColor(role.Highlight, QColor("#3d6fb4"))
    palette.setColor(role.HighlightedText, QColor("#ffffff"))
    palette.setColor(role.Light, QColor("#45484d"))
    palette.setColor(role.Midlight, QColor("#3a3d41"))
    palette.setColor(role.Mid, QColor("#303236"))
    palette.setColor(role.Dark, QColor("#1b1c1f"))
    palette.setColor(role.Shadow, QColor("#111214"))
    for disabled_role in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(group.Disabled, disabled_role, QColor("#7d8085"))
    palette.setColor(group.Disabled, role.Base, window)
    return palette


def apply_palette(app: QApplication) -> None:
    """Set the palette that fits the system's current scheme."""
    if is_dark(app):
        app.setPalette(dark_palette())
    else:
        app.setPalette(app.style().standardPalette())


def _scheme_changed(_scheme: Qt.ColorScheme) -> None:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        apply_palette(app)


def apply_theme(app: QApplication) -> None:
    """Use Fusion, in light or dark as the system is, and follow later changes."""
    global _connected
    if app.style().name().casefold() != "fusion":
        # Making a style anew and repolishing costs a few milliseconds of every start.
        app.setStyle("Fusion")
    apply_palette(app)
    if not _connected:
        app.styleHints().colorSchemeChanged.connect(_scheme_changed)
        _connected = True
