"""The pre-flight's form: what a letter still needs, in plain words, with a field for each.

Shown before a letter is previewed when the pre-flight (correspondence.preflight) finds
facts the records do not hold: the proposed interview times, what the client said and what
changes, the referral, the news. `ask()` shows it and returns the facts typed (the keys of
`produce(extras=...)`), or None when the owner cancelled.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from goodbye_desktop.correspondence.preflight import Problem
from goodbye_desktop.ui.error_text import error_text


class LetterFactsDialog(QDialog):
    """One labelled field per missing fact; OK only once every field has text."""

    def __init__(self, parent: QWidget | None, problems: list[Problem]) -> None:
        super().__init__(parent)
        self.setObjectName("letterFactsDialog")
        self.setWindowTitle(self.tr("A little more for this letter"))
        self.problems = [p for p in problems if p.extra]
        intro = QLabel(self.tr("Before this letter can print, it needs:"), self)
        intro.setWordWrap(True)
        self.messages = QLabel(self)
        self.messages.setObjectName("preflightMessages")
        self.messages.setTextFormat(Qt.TextFormat.PlainText)
        self.messages.setWordWrap(True)
        self.messages.setText("\n".join(f"• {error_text(p)}" for p in problems))
        form = QFormLayout()
        self.fields: dict[str, QPlainTextEdit] = {}
        labels = self._labels()
        hints = {"interview_times": self.tr("One time per line, e.g. 2026-12-08 10:00")}
        for problem in self.problems:
            edit = QPlainTextEdit(self)
            edit.setObjectName(f"fact_{problem.extra}")
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(64)
            edit.setPlaceholderText(hints.get(problem.extra, ""))
            text = labels.get(problem.extra, problem.extra)
            edit.setAccessibleName(text.replace("&", ""))
            label = QLabel(text, self)
            label.setBuddy(edit)
            label.setWordWrap(True)
            form.addRow(label, edit)
            edit.textChanged.connect(self._update_ok)
            self.fields[problem.extra] = edit
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("&Write the letter"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.messages)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(560, min(600, 160 + 90 * len(self.problems)))
        self._update_ok()

    def _labels(self) -> dict[str, str]:
        return {
            "interview_times": self.tr("Proposed interview &times:"),
            "feedback_summary": self.tr("What the client &told you:"),
            "improvement": self.tr("What you are &changing because of it:"),
            "referral": self.tr("The provider you &recommend:"),
            "news": self.tr("The &news to share:"),
            "interviewer": self.tr("Who will &ask the questions:"),
        }

    def _update_ok(self) -> None:
        ready = all(edit.toPlainText().strip() for edit in self.fields.values())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def values(self) -> dict[str, str]:
        """The facts typed, by their extras key."""
        return {key: edit.toPlainText().strip() for key, edit in self.fields.items()}

    @classmethod
    def ask(cls, parent: QWidget | None, problems: list[Problem]) -> dict[str, str] | None:
        """Show the form; the facts typed, or None when cancelled."""
        dialog = cls(parent, problems)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.values()
        finally:
            dialog.deleteLater()
