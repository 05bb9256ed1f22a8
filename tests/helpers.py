"""Helpers shared by the Qt tests.

`qtbot.keyClicks` aborts the whole test process on any non-ASCII character with
PySide6 6.9 to 6.12, so text in any script is typed one character at a time here.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, Qt, QTranslator
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


class ErrorWordsTranslator(QTranslator):
    """A translator for the "errors" context from a dict of English -> translated words.

    Anything else answers None (a null string), as a loaded translation says "not
    translated": Qt then keeps the English, where an empty string would be taken as the
    translation."""

    def __init__(self, words: dict[str, str]) -> None:
        super().__init__()
        self.words = words

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ARG002
        return self.words.get(source) if context == "errors" else None


@contextmanager
def installed_translator(words: dict[str, str]) -> Iterator[QTranslator]:
    """An ErrorWordsTranslator installed for the block."""
    translator = ErrorWordsTranslator(words)
    QCoreApplication.installTranslator(translator)
    try:
        yield translator
    finally:
        QCoreApplication.removeTranslator(translator)
