"""Helpers shared by the Qt tests.

`qtbot.keyClicks` aborts the whole test process on any non-ASCII character with
PySide6 6.9 to 6.12, so text in any script is typed one character at a time here.
"""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget


def type_text(widget: QWidget, text: str) -> None:
    """Type `text` into `widget` as key presses, whatever the script."""
    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )
