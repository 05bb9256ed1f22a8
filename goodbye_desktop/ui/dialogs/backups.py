"""File > Restore from a backup: the backups beside the database, to choose one from.

Shows each backup's date, why it was made, its size and how many clients it holds,
newest first. `choose(parent, db_path)` shows the list and returns the chosen file (or
None); the caller asks the store to restore it. The dialog writes nothing itself.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from goodbye_desktop.store.backup import BackupInfo, list_backups

_PATH_ROLE = Qt.ItemDataRole.UserRole

# Why a backup was made, in words (the codes are in the backup's file name).
_REASONS = {
    "daily": "Daily",
    "manual": "Made by you",
    "before-upgrade": "Before an upgrade",
    "before-import": "Before an import",
    "before-restore": "Before a restore",
    "before-delete": "Before a delete",
}


class RestoreDialog(QDialog):
    def __init__(self, backups: list[BackupInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore from a backup"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Choose the backup to go back to. The file you have now is backed up first, so "
            "a restore can be undone too."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        label = QLabel(self.tr("&Backups:"), self)
        self.list = QTreeWidget(self)
        self.list.setObjectName("backupList")
        self.list.setAccessibleName(self.tr("Backups"))
        label.setBuddy(self.list)
        self.list.setHeaderLabels([self.tr("Date"), self.tr("Why"), self.tr("Size"),
                                   self.tr("Clients")])
        self.list.setRootIsDecorated(False)
        locale = QLocale()
        for info in backups:
            when = QDateTime(info.taken_at.date(), info.taken_at.time())
            clients = (self.tr("unreadable") if info.clients is None
                       else locale.toString(info.clients))
            item = QTreeWidgetItem([
                locale.toString(when, QLocale.FormatType.ShortFormat),
                QCoreApplication.translate("RestoreDialog", _REASONS.get(info.reason,
                                                                         info.reason)),
                locale.formattedDataSize(info.size), clients])
            item.setData(0, _PATH_ROLE, str(info.path))
            item.setToolTip(0, str(info.path))
            self.list.addTopLevelItem(item)
        for column in range(4):
            self.list.resizeColumnToContents(column)
        layout.addWidget(label)
        layout.addWidget(self.list)
        self.buttons = QDialogButtonBox(self)
        self.restore_button = self.buttons.addButton(self.tr("&Restore"),
                                                     QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.list.currentItemChanged.connect(self._selection_changed)
        if backups:
            self.list.setCurrentItem(self.list.topLevelItem(0))
        self._selection_changed()
        self.resize(640, 380)

    def _selection_changed(self, *_args: object) -> None:
        self.restore_button.setEnabled(self.list.currentItem() is not None)

    def chosen(self) -> Path | None:
        item = self.list.currentItem()
        return Path(item.data(0, _PATH_ROLE)) if item is not None else None

    @classmethod
    def choose(cls, parent: QWidget | None, db_path: Path) -> Path | None:
        """Show the backups of `db_path`; the one chosen, or None."""
        dialog = cls(list_backups(db_path), parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.chosen()
            return None
        finally:
            dialog.deleteLater()
