"""Window sizes that fit the screen: a preferred size, shrunk to the screen's free area.

A laptop at 1366x768 or a small screen at 1024x640 has less room than a dialog may
want (a letter preview would like a whole page). Every dialog asks `fit_to_screen`
for its size instead of calling `resize` with fixed numbers, so its buttons are never
below the bottom edge, and stays resizable so the owner can make it bigger.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QWidget

# Room a window manager takes around a window: a title bar and thin borders.
FRAME_WIDTH = 16
FRAME_HEIGHT = 48


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The free area (without panels and docks) of the screen `widget` is on."""
    # A dialog not shown yet opens on its parent's screen.
    target = widget.parentWidget() or widget if widget is not None else None
    screen = target.screen() if target is not None else None
    if screen is None:
        screen = QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fitted_size(preferred: QSize, widget: QWidget | None = None) -> QSize:
    """`preferred`, made no larger than the free area of the screen (less a frame)."""
    area = available_geometry(widget)
    return QSize(min(preferred.width(), area.width() - FRAME_WIDTH),
                 min(preferred.height(), area.height() - FRAME_HEIGHT))


def fit_to_screen(window: QWidget, width: int | None = None, height: int | None = None) -> None:
    """Size `window` to width x height (default: its size hint), within the screen.

    The minimum size is lowered to fit too (a layout's minimum would otherwise win), and
    dialogs get a size grip so they can be made bigger again.
    """
    hint = window.sizeHint()
    preferred = QSize(width if width is not None else hint.width(),
                      height if height is not None else hint.height())
    size = fitted_size(preferred, window)
    window.setMinimumSize(window.minimumSize().boundedTo(size))
    window.resize(size)
    if isinstance(window, QDialog):
        window.setSizeGripEnabled(True)
