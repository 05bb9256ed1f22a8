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


def close_modal_when_shown(dialog_type: type, seen: list, attribute=lambda d: d,
                           tries: int = 500) -> None:
    """Wait for a modal dialog of `dialog_type`, note `attribute(dialog)` in `seen`, close it.

    For code that shows a dialog with exec(): schedule this with QTimer.singleShot(0, ...)
    before the call; it checks again every few milliseconds until the dialog is up, and
    gives up after `tries` checks (the test's own assertion on `seen` then fails), so it
    never polls on into the tests that follow.
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    dialog = QApplication.activeModalWidget()
    if isinstance(dialog, dialog_type):
        seen.append(attribute(dialog))
        dialog.reject()
    elif tries > 0:
        QTimer.singleShot(10, lambda: close_modal_when_shown(dialog_type, seen, attribute,
                                                             tries - 1))
