"""Undoable user actions for Edit > Undo (a QUndoStack in the main window).

Archiving and restoring clients are the undoable actions: nothing is ever
deleted, so undoing is writing the flag back, again in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from goodbye_desktop.errors import GoodbyeError


def _short(name: str, limit: int = 32) -> str:
    """A name short enough for a menu entry and the toolbar's Undo button."""
    return name if len(name) <= limit else name[:limit - 1].rstrip() + "…"


class SetArchivedCommand(QUndoCommand):
    """Archive (hide) or restore clients; undo writes the opposite.

    The first write happens in `apply()` before the command is pushed, so a failure
    is reported to the user and never lands on the undo stack. Later redo/undo
    failures (the file became read-only, say) go to `on_error`. After each write,
    `on_change(client_ids, archived)` tells the window what is now true.
    """

    def __init__(self, client_ids: Sequence[int], names: Sequence[str], archived: bool,
                 on_change: Callable[[list[int], bool], None],
                 on_error: Callable[[GoodbyeError], None]) -> None:
        self.client_ids = list(client_ids)
        self.names = list(names)
        self.archived = archived
        self._on_change = on_change
        self._on_error = on_error
        self._applied = False
        super().__init__(self._describe())

    def _describe(self) -> str:
        tr = QCoreApplication.translate
        if len(self.names) == 1:
            text = (tr("undo", "Archive “%1”") if self.archived
                    else tr("undo", "Restore “%1”"))
            return text.replace("%1", _short(self.names[0]))
        text = (tr("undo", "Archive %1 clients") if self.archived
                else tr("undo", "Restore %1 clients"))
        return text.replace("%1", str(len(self.names)))

    def apply(self) -> None:
        """Do the first write; raises the store's error if it cannot be done."""
        from goodbye_desktop.store import records

        records.set_archived(self.client_ids, self.archived)
        self._applied = True

    def _write(self, archived: bool) -> None:
        try:
            from goodbye_desktop.store import records

            records.set_archived(self.client_ids, archived)
        except GoodbyeError as exc:
            self._on_error(exc)
            # A command that cannot be carried out must not be pretended done.
            self.setObsolete(True)
            return
        self._on_change(self.client_ids, archived)

    def redo(self) -> None:
        if self._applied:
            # QUndoStack.push calls redo() at once; the write was already done by apply().
            self._applied = False
            self._on_change(self.client_ids, self.archived)
            return
        self._write(self.archived)

    def undo(self) -> None:
        self._write(not self.archived)
