"""Help that works offline: the user guide shipped in resources/help, and the shortcuts.

`HelpDialog.show_guide(parent)` shows the guide; `HelpDialog.show_shortcuts(parent,
actions)` lists every action that has a key, read from the actions themselves so the
list never disagrees with the menus.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from goodbye_desktop.resources import resources_dir
from goodbye_desktop.ui.screen_fit import fit_to_screen


def _tr(text: str) -> str:
    return QCoreApplication.translate("HelpDialog", text)


def guide_html() -> str:
    """The user guide's text (HTML), as shipped."""
    return (resources_dir() / "help" / "guide.html").read_text(encoding="utf-8")


def _plain(text: str) -> str:
    """A menu text without its mnemonic ampersand and trailing dots."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


class HelpDialog(QDialog):
    """A page of help in a browser that opens links in the system's browser."""

    def __init__(self, parent: QWidget | None, title: str, body_html: str) -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(title)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("helpText")
        self.browser.setAccessibleName(title)
        self.browser.setOpenExternalLinks(True)
        self.browser.setHtml(body_html)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 680, 720)

    @classmethod
    def show_guide(cls, parent: QWidget | None) -> HelpDialog:
        """Open the user guide (not modal: it can stay open beside the window)."""
        dialog = cls(parent, _tr("User guide"), guide_html())
        dialog.show()
        return dialog

    @classmethod
    def show_shortcuts(cls, parent: QWidget | None, actions: Sequence[QAction]) -> HelpDialog:
        """Open the table of keyboard shortcuts of `actions`, plus the list's own keys."""
        rows = [(_plain(a.text()), a.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
                for a in actions]
        rows += [
            (_tr("Clear the search"), _tr("Esc (in Search)")),
            (_tr("Open the selected client's form"), _tr("Enter or double-click")),
        ]
        body = "".join(f"<tr><td>{html.escape(what)}</td><td><b>{html.escape(keys)}</b></td></tr>"
                       for what, keys in rows)
        page = (f"<h2>{html.escape(_tr('Keyboard shortcuts'))}</h2>"
                f"<table cellpadding='4'>{body}</table>")
        dialog = cls(parent, _tr("Keyboard shortcuts"), page)
        fit_to_screen(dialog, 480, 560)
        dialog.show()
        return dialog
