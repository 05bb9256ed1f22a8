"""A read-only list of records as the pages show them: whole rows selected one at a time,
alternating rows, no row numbers, rows as tall as the font needs."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget


def list_table(parent: QWidget, object_name: str, accessible_name: str,
               model: QAbstractItemModel) -> QTableView:
    """A table over `model` for picking one record; widths are left to the caller."""
    table = QTableView(parent)
    table.setObjectName(object_name)
    table.setAccessibleName(accessible_name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(parent.fontMetrics().height() + 10)
    table.horizontalHeader().setHighlightSections(False)
    return table
