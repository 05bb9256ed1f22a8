"""Every message box of the app goes through here.

One place decides how errors, notices and yes/no questions look, and one public
hook lets tests answer them without patching Qt: inside `intercept()`, alerts are
recorded instead of shown, and questions get the answer the test chose. QMessageBox is
imported when a box is first shown: the window opens without it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


@dataclass
class Alert:
    """One alert as it would have been shown: its kind, title and text."""

    kind: str  # "error", "warning", "info" or "question"
    title: str
    text: str
    details: str = ""


class _Recorder(list):
    """The alerts seen inside `intercept()`, and the answer given to questions."""

    def __init__(self, answer: bool, choice: int | None) -> None:
        super().__init__()
        self.answer = answer
        self.choice = choice


_recorder: _Recorder | None = None


@contextmanager
def intercept(answer: bool = True, choice: int | None = 0) -> Iterator[list[Alert]]:
    """Record alerts instead of showing them; questions are answered with `answer`, choices
    (see `choose`) with the option numbered `choice` (None: cancelled)."""
    global _recorder
    previous, _recorder = _recorder, _Recorder(answer, choice)
    try:
        yield _recorder
    finally:
        _recorder = previous


def _tr(text: str) -> str:
    return QCoreApplication.translate("alerts", text)


def _show(parent: QWidget | None, icon: str, title: str, text: str, details: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    # Details go into the same plain text: the informative label would guess at markup.
    body = f"{text}\n\n{details}" if details else text
    box = QMessageBox(getattr(QMessageBox.Icon, icon), title, body,
                      QMessageBox.StandardButton.Ok, parent)
    # Names and messages are data: never let Qt read markup into them.
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()
    box.deleteLater()


def error(parent: QWidget | None, text: str, *, title: str | None = None,
          details: str = "") -> None:
    """Something the user asked for could not be done; `text` says why."""
    title = title or _tr("Something went wrong")
    if _recorder is not None:
        _recorder.append(Alert("error", title, text, details))
        return
    _show(parent, "Critical", title, text, details)


def warning(parent: QWidget | None, text: str, *, title: str | None = None,
            details: str = "") -> None:
    title = title or _tr("Please check")
    if _recorder is not None:
        _recorder.append(Alert("warning", title, text, details))
        return
    _show(parent, "Warning", title, text, details)


def info(parent: QWidget | None, text: str, *, title: str | None = None,
         details: str = "") -> None:
    title = title or _tr("For your information")
    if _recorder is not None:
        _recorder.append(Alert("info", title, text, details))
        return
    _show(parent, "Information", title, text, details)


def question(parent: QWidget | None, text: str, *, title: str | None = None,
             yes: str | None = None, no: str | None = None) -> bool:
    """Ask a yes/no question; True when the user chose `yes` (default button: no)."""
    title = title or _tr("Please confirm")
    if _recorder is not None:
        _recorder.append(Alert("question", title, text))
        return _recorder.answer
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton,
                      parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    yes_button = box.addButton(yes or _tr("Yes"), QMessageBox.ButtonRole.YesRole)
    no_button = box.addButton(no or _tr("No"), QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(no_button)
    box.setEscapeButton(no_button)
    box.exec()
    answer = box.clickedButton() is yes_button
    box.deleteLater()
    return answer


def choose(parent: QWidget | None, text: str, options: list[str], *,
           title: str | None = None) -> int | None:
    """Ask the user to pick one of `options` (button texts, the first is the default);
    the index chosen, or None when they cancelled."""
    title = title or _tr("Please choose")
    if _recorder is not None:
        _recorder.append(Alert("question", title, text, "\n".join(options)))
        return _recorder.choice
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton,
                      parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    buttons = [box.addButton(option, QMessageBox.ButtonRole.AcceptRole) for option in options]
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    if buttons:
        box.setDefaultButton(buttons[0])
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    return buttons.index(clicked) if clicked in buttons else None
