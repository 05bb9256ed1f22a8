"""Shared parts of the detail tabs: locale formatting, money entry, a table model, forms.

- Dates, minutes and money are shown with `QLocale` (the user's locale); money is kept as
  integer cents and parsed through `Decimal`, never through a float.
- `RecordTableModel` is a small read-only table over a list of plain rows.
- `RecordForm` is the base of every record form: a label with a mnemonic for each field, a
  red message under the field at fault, and one store call on OK (nothing half-saved).
- `RecordTab` is the base of every tab: a row of buttons above a table of one client's records.
- Confirmations and errors go through `ui.alerts`, like every message box of the app.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QDateTime,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from goodbye_desktop.errors import GoodbyeError, ValidationError
from goodbye_desktop.ui import alerts
from goodbye_desktop.ui.error_text import error_text
from goodbye_desktop.ui.formatting import duration, money, plain_tooltip, qdate, today_qdate
from goodbye_desktop.ui.screen_fit import fit_to_screen

ERROR_COLOR = "#c62828"
# Colours readable on both a light and a dark window background.
GOOD_COLOR = "#2e7d32"
WARN_COLOR = "#b26a00"


def _tr(text: str) -> str:
    return QCoreApplication.translate("detail", text)


# --- formatting ---------------------------------------------------------------------------

def qdatetime(value: datetime) -> QDateTime:
    return QDateTime(qdate(value.date()), QTime(value.hour, value.minute, value.second))


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def to_datetime(value: QDateTime) -> datetime:
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


def format_date(value: date | None) -> str:
    if value is None:
        return ""
    return QLocale().toString(qdate(value), QLocale.FormatType.ShortFormat)


def format_datetime(value: datetime | None) -> str:
    if value is None:
        return ""
    return QLocale().toString(qdatetime(value), QLocale.FormatType.ShortFormat)


def format_month(value: date) -> str:
    """"May 2026": the standalone month name (not the genitive some languages use in dates)."""
    locale = QLocale()
    return f"{locale.standaloneMonthName(value.month)} {locale.toString(qdate(value), 'yyyy')}"


def format_minutes(minutes: int) -> str:
    """"45 min", "2 h 05 min", "12 h" (the one duration formatter, translated)."""
    return duration(minutes)


def format_amount(cents: int) -> str:
    """Integer cents as a plain number with two decimals ("1,234.50"), as one would type it."""
    locale = QLocale()
    sign = locale.negativeSign() if cents < 0 else ""
    whole, frac = divmod(abs(cents), 100)
    return (sign + locale.toString(whole) + locale.decimalPoint()
            + locale.toString(frac).rjust(2, locale.zeroDigit()))


def format_money(cents: int | None, currency: str) -> str:
    """Money as the rest of the app shows it (`ui.formatting.money`); "" for no amount."""
    return "" if cents is None else money(cents, currency)


def money_placeholder() -> str:
    """An example amount in the locale's way of writing it, for empty money fields."""
    locale = QLocale()
    return locale.toString(1234) + locale.decimalPoint() + locale.toString(50)


def parse_money(text: str, field: str = "amount_cents") -> int:
    """The amount a person typed, in integer cents, read the locale's way.

    "1,234.50" in English and "1.234,50" or "1234,50" in German are all 123450 cents; a lone
    separator followed by one or two digits ("1234,50" typed in English) is taken as the
    decimal point, since no one groups digits by two. Raises ValidationError(field=field).
    """
    locale = QLocale()
    point, group = locale.decimalPoint(), locale.groupSeparator()
    # Spaces of every kind (the French group separator is a narrow no-break space) go.
    cleaned = "".join(ch for ch in text if not unicodedata.category(ch).startswith("Z"))
    cleaned = cleaned.strip("\u200e\u200f\u061c")  # direction marks around Arabic numbers
    for symbol in {locale.currencySymbol(QLocale.CurrencySymbolFormat.CurrencySymbol),
                   locale.currencySymbol(QLocale.CurrencySymbolFormat.CurrencyIsoCode),
                   "€", "$", "£", "¥"} - {""}:
        cleaned = cleaned.replace(symbol, "")
    if not cleaned:
        raise ValidationError(_tr("Enter an amount."), field=field)
    if cleaned[0] in ("-", "\u2212", locale.negativeSign()) or cleaned.startswith("("):
        raise ValidationError(_tr("The amount cannot be negative."), field=field)
    if cleaned.startswith("+"):
        cleaned = cleaned[1:]

    if point in cleaned:
        whole, _, frac = cleaned.rpartition(point)
    elif group and group in cleaned and len(cleaned.rpartition(group)[2]) in (1, 2):
        whole, _, frac = cleaned.rpartition(group)
    else:
        whole, frac = cleaned, ""
    if group:
        whole = whole.replace(group, "")
    example = money_placeholder()
    if len(frac) > 2:
        raise ValidationError(_tr("Use at most two decimal places, as in %1.")
                              .replace("%1", example), field=field)
    if not whole and not frac:
        raise ValidationError(_tr("Enter an amount."), field=field)
    number = f"{whole or '0'}.{frac or '0'}"
    if not all(ch.isdecimal() or ch == "." for ch in number):
        raise ValidationError(_tr("Write the amount as a number, such as %1.")
                              .replace("%1", example), field=field)
    try:
        # Decimal reads digits of every script ("١٢٣" too), never through a float.
        value = Decimal(number)
    except InvalidOperation as exc:
        raise ValidationError(_tr("Write the amount as a number, such as %1.")
                              .replace("%1", example), field=field) from exc
    return int(value * 100)


# --- table model --------------------------------------------------------------------------

@dataclass(frozen=True)
class Column:
    """One column of a record table: its header and how a row shows in it."""

    header: str
    text: Callable[[Any], str]
    align_right: bool = False
    color: Callable[[Any], str | None] | None = None  # a foreground colour, or None
    stretch: bool = False  # takes the room left over (the free text of the record)
    icon: Callable[[Any], QIcon | None] | None = None  # a small picture instead of words
    tip: str = ""  # the header's tooltip (a narrow column says there what it holds)
    narrow: bool = False  # as wide as its icon or header, never wider
    keep: bool = False  # never trimmed to make room (a person's name)


class RecordTableModel(QAbstractTableModel):
    """A read-only table over a list of plain rows (dataclasses from store.detail)."""

    def __init__(self, columns: Sequence[Column], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[Any] = []

    def set_columns(self, columns: Sequence[Column]) -> None:
        self.beginResetModel()
        self._columns = list(columns)
        self.endResetModel()

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def append_rows(self, rows: Sequence[Any]) -> None:
        if not rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def columns(self) -> list[Column]:
        return list(self._columns)

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        column = self._columns[index.column()]
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if column.icon is not None else column.text(row)
        if role == Qt.ItemDataRole.DecorationRole and column.icon is not None:
            return column.icon(row)
        if role == Qt.ItemDataRole.AccessibleTextRole and column.icon is not None:
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(column.text(row))
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column.color is not None:
            color = column.color(row)
            return QColor(color) if color else None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].header
        if role == Qt.ItemDataRole.ToolTipRole and self._columns[section].tip:
            return self._columns[section].tip
        return None


# --- forms --------------------------------------------------------------------------------

class OptionalDate(QWidget):
    """A date that may be unset: a check box (which is the row's label) and a date edit."""

    def __init__(self, label: str, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(label)
        self.check.setAccessibleName(accessible_name)
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDate(today_qdate())
        self.edit.setAccessibleName(accessible_name)
        self.edit.setEnabled(False)
        self.check.toggled.connect(self.edit.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addStretch(1)

    def value(self) -> date | None:
        return to_date(self.edit.date()) if self.check.isChecked() else None

    def set_value(self, value: date | None) -> None:
        self.check.setChecked(value is not None)
        if value is not None:
            self.edit.setDate(qdate(value))


class RecordForm(QDialog):
    """Base of the record forms.

    Subclasses add their fields with `add_field` (keyed by the store's field names) and
    hand over two functions: `read`, which returns the fields' values (raising
    ValidationError(field=...) for what it can check), and `submit`, the one store call
    that saves them. On OK the form reads, calls `submit`, and either closes (emitting
    `saved` with the result) or shows the message next to the field at fault and focuses
    it; the store wrote nothing then.
    """

    saved = Signal(object)

    def __init__(self, read: Callable[[], dict[str, Any]],
                 submit: Callable[[dict[str, Any]], Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._read = read
        self._submit = submit
        self._fields: dict[str, QWidget] = {}
        self._errors: dict[str, QLabel] = {}

        self.general_error = self._error_label()
        self.general_error.setObjectName("formError")
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Save"))
        self.ok_button.setObjectName("saveButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.general_error)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self._fitted = False

    @staticmethod
    def _error_label() -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setStyleSheet(f"color: {ERROR_COLOR};")
        label.setVisible(False)
        return label

    def add_field(self, name: str, label: str | QWidget, widget: QWidget,
                  accessible_name: str, focus: QWidget | None = None) -> QWidget:
        """Add a row: a label with a mnemonic (its buddy is the field), the field, and a
        hidden red message under the field for what is wrong with it."""
        widget.setAccessibleName(accessible_name)
        widget.setObjectName(f"{name}Field")
        if isinstance(label, str):
            label_widget: QWidget = QLabel(label)
            label_widget.setBuddy(focus or widget)
        else:
            label_widget = label
        error = self._error_label()
        error.setObjectName(f"{name}Error")
        error.setAccessibleName(self.tr("Problem with %1").replace("%1", accessible_name))
        cell = QWidget()
        box = QVBoxLayout(cell)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        box.addWidget(error)
        self.form.addRow(label_widget, cell)
        self._fields[name] = focus or widget
        self._errors[name] = error
        return widget

    def error_text(self, name: str) -> str:
        """The message shown under a field ("" when it is fine)."""
        label = self._errors.get(name, self.general_error)
        return "" if label.isHidden() else label.text()

    def clear_errors(self) -> None:
        for label in (*self._errors.values(), self.general_error):
            label.clear()
            label.setVisible(False)

    def show_field_error(self, name: str | None, message: str) -> None:
        label = self._errors.get(name or "")
        if label is None:
            label = self.general_error
        label.setText(message)
        label.setVisible(True)
        field = self._fields.get(name or "")
        if field is not None:
            field.setFocus(Qt.FocusReason.OtherFocusReason)
        # Make room for the message rather than squeezing the fields.
        self.layout().activate()
        if self.height() < self.sizeHint().height():
            self.resize(self.width(), self.sizeHint().height())

    def showEvent(self, event: QShowEvent) -> None:
        # The fields are added after this base is built: size to them when first shown,
        # within the screen, and keep the size grip for making it bigger.
        if not self._fitted:
            self._fitted = True
            fit_to_screen(self, max(self.width(), self.sizeHint().width()),
                          max(self.height(), self.sizeHint().height()))
        super().showEvent(event)

    def accept(self) -> None:
        self.clear_errors()
        try:
            result = self._submit(self._read())
        except ValidationError as exc:
            self.show_field_error(exc.field, error_text(exc))
            return
        except GoodbyeError as exc:
            self.show_field_error(None, error_text(exc))
            return
        self.saved.emit(result)
        super().accept()


# --- tabs ---------------------------------------------------------------------------------

class RecordTab(QWidget):
    """Base of the tabs: buttons above a table of one client's records.

    `load(client_id)` is the store read that gives the rows (one query per reload).
    `changed` is emitted after every write, so the pane can refresh its header and tell
    the list.
    """

    changed = Signal()

    def __init__(self, load: Callable[[int], Sequence[Any]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._load = load
        self.client_id: int | None = None
        self.currency = "EUR"
        self.model = RecordTableModel((), self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(self._activated)
        self.table.viewport().installEventFilter(self)

        self.button_row = QHBoxLayout()
        self.empty_label = QLabel()
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        # "No promises yet." must not widen the pane: it gives way to the buttons.
        self.empty_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.button_row.addWidget(self.empty_label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(self.button_row)
        layout.addWidget(self.table, 1)
        self._selection_buttons: list[QPushButton] = []
        self._button_slots: dict[QPushButton, Callable[[], Any]] = {}

    def add_button(self, text: str, object_name: str, slot: Callable[[], Any],
                   needs_selection: bool = False) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(object_name)
        # One bound slot for all buttons: a lambda here would keep the tab alive.
        self._button_slots[button] = slot
        button.clicked.connect(self._button_clicked)
        self.button_row.addWidget(button)
        if needs_selection:
            self._selection_buttons.append(button)
            button.setEnabled(False)
        return button

    def _button_clicked(self, *_args: Any) -> None:
        self._button_slots[self.sender()]()

    def open_form(self, form: RecordForm) -> RecordForm:
        """Show a record form over the tab; it is deleted once closed, a save reloads."""
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.saved.connect(self._form_saved)
        form.open()
        return form

    def _form_saved(self, *_args: Any) -> None:
        self.after_write()

    def selected_row(self) -> Any | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def show_client(self, client_id: int | None, currency: str = "EUR") -> None:
        self.client_id = client_id
        self.currency = currency
        self.reload()

    def reload(self) -> None:
        rows = self._load(self.client_id) if self.client_id is not None else []
        self.model.set_rows(rows)
        self.empty_label.setText(self.empty_text() if not rows else "")
        self.table.resizeColumnsToContents()
        self._fit_columns()
        self._update_buttons()

    def _fit_columns(self) -> None:
        # Long summaries or descriptions should not push the other columns off screen;
        # the record's free text takes what room is left, and at least a quarter of the
        # table: the other columns give way (their full text is in the tooltip).
        header = self.table.horizontalHeader()
        specs = self.model.columns()
        wanted: dict[int, int] = {}
        for column, spec in enumerate(specs):
            if spec.stretch:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            elif spec.narrow:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
                header.resizeSection(column, max(
                    header.fontMetrics().horizontalAdvance(spec.header) + 20, 28))
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                wanted[column] = min(header.sectionSize(column) + 8, 320)
        self._content_widths = wanted
        self._share_width()

    def _share_width(self) -> None:
        wanted = getattr(self, "_content_widths", {})
        if not wanted:
            return
        header = self.table.horizontalHeader()
        specs = self.model.columns()
        has_stretch = any(spec.stretch for spec in specs)
        narrow = sum(header.sectionSize(c) for c, spec in enumerate(specs) if spec.narrow)
        kept = {c: w for c, w in wanted.items() if specs[c].keep}
        wanted = {c: w for c, w in wanted.items() if not specs[c].keep}
        for column, width in kept.items():
            header.resizeSection(column, width)
        room = self.table.viewport().width() - narrow - sum(kept.values())
        if not wanted:
            return
        if has_stretch:
            room -= max(room // 4, 110)
        # The widest columns give way first: a date or a duration keeps its room while a
        # long kind or email is trimmed (its full text is in the tooltip).
        cap = max(wanted.values())
        if room > 0 and sum(wanted.values()) > room:
            widths = sorted(wanted.values())
            left, count = room, len(widths)
            for width in widths:
                if width * count > left:
                    cap = left // count
                    break
                left -= width
                count -= 1
        for column, width in wanted.items():
            # Never narrower than a few letters: the header's tooltip and the cell's say
            # the rest.
            header.resizeSection(column, max(min(width, cap), min(width, 48)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The table's visible width is known only once it is laid out: share it then.
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._share_width()
        return super().eventFilter(watched, event)

    def empty_text(self) -> str:
        return ""

    def _update_buttons(self, *_args: Any) -> None:
        row = self.selected_row()
        for button in self._selection_buttons:
            button.setEnabled(row is not None)
        self.selection_changed(row)

    def selection_changed(self, row: Any | None) -> None:
        """Hook for tabs whose buttons depend on the selected record."""

    def _activated(self, _index: QModelIndex) -> None:
        self.activated()

    def activated(self) -> None:
        """Hook for a double-click on a record (usually: edit it)."""

    def after_write(self) -> None:
        self.reload()
        self.changed.emit()

    def confirm(self, title: str, text: str, yes: str) -> bool:
        """Ask before something that cannot be undone (through `ui.alerts`)."""
        return alerts.question(self, text, title=title, yes=yes, no=self.tr("Cancel"))

    def run_write(self, action: Callable[[], Any]) -> bool:
        """Run one store write; on an error the user can cause, say why in a box."""
        try:
            action()
        except GoodbyeError as exc:
            alerts.error(self, error_text(exc), title=self.tr("Not saved"))
            return False
        self.after_write()
        return True
