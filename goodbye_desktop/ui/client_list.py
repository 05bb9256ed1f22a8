"""The client list: a lazy table model over the store's list queries, and its pane.

`ClientListModel` never holds more than the ids of the clients it shows: on each
change (a keystroke in the search, a sort, a filter) it asks the store for the
matching ids in one query and resets. The rows themselves are fetched a page at
a time, only when the view first asks for one of their cells, and kept in a page
cache until the next reset. Sorting and filtering are done by SQL: a
QSortFilterProxyModel over 100,000 rows would call `data()` in Python for every
comparison.

`ClientListPane` is the left side of the main window: the search field, the
status filter, "Show archived" and the table view.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QFont,
    QHideEvent,
    QKeySequence,
    QPainter,
    QPalette,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from goodbye_desktop import clock
from goodbye_desktop.store import queries
from goodbye_desktop.store.queries import ClientFilter, ClientRow
from goodbye_desktop.ui import formatting, icons, sign_words
from goodbye_desktop.ui.first_paint import after_first_paint
from goodbye_desktop.ui.timers import stop_with_database

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


_CURRENT = ("active", "returned")
# The status filter's entry for clients with warning signs (not a status of its own).
AT_RISK = "at_risk"
# The roles `data()` answers (UserRole + 1 is the model's SignKeysRole). A view asks each
# cell for seven roles as it paints; the others are turned away before any lookup.
_DATA_ROLES = frozenset((
    *(int(role) for role in (
        Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.UserRole)),
    int(Qt.ItemDataRole.UserRole) + 1))


class ClientListModel(QAbstractTableModel):
    """The clients that match a `ClientFilter`, in its order, rows fetched page by page."""

    NAME, STATUS, REVENUE, TENURE, LAST_CONTACT, SIGNS = range(6)
    COLUMN_COUNT = 6
    PAGE_SIZE = 100
    # The store's sort key for each column; the warning signs are counted here, not in SQL.
    SORT_KEYS: tuple[str | None, ...] = ("name", "status", "revenue", "tenure", "last_contact",
                                         None)
    # The sign keys of a row, in the order they are drawn (for the signs column's delegate).
    SignKeysRole = Qt.ItemDataRole.UserRole + 1

    # Emitted after every reset with the number of rows now shown.
    countChanged = Signal(int)

    def __init__(self, parent: Any = None, *, today: Callable[[], date] = clock.today) -> None:
        super().__init__(parent)
        self._today = today
        self._filter = ClientFilter()
        self._ids: Sequence[int] = []
        self._count = 0
        self._pages: dict[int, tuple[list[int], dict[int, ClientRow]]] = {}
        # Warning signs by client, read a page at a time (a few grouped queries) when the
        # column shows. A search or a sort does not change them, so they are kept until a
        # reload after a write.
        self._signs: dict[int, list[Any]] = {}
        self._signs_read: set[int] = set()
        # Pages whose signs a paint asked for before they were read (read just after it).
        self._signs_pending: set[int] = set()
        self._signs_timer: QTimer | None = None
        self._currency = "EUR"
        self._today_value = today()
        self._italic: QFont | None = None
        # Filters and orders the store cannot do: both need every current client's signs.
        self._at_risk_only = False
        self._signs_order: Qt.SortOrder | None = None
        # While held, the signs column shows nothing and reads nothing (see hold_signs).
        self._signs_held = False
        # Public counter: how many pages were read from the store since the model was made.
        self.pages_fetched = 0

    # --- what is shown ------------------------------------------------------------------

    @property
    def filter(self) -> ClientFilter:
        return self._filter

    @property
    def shown_for(self) -> date:
        """The day the shown list was read for (an order by tenure depends on it)."""
        return self._today_value

    def set_filter(self, flt: ClientFilter) -> None:
        """Show the clients matching `flt` (one query), unless it is what is shown already."""
        if flt != self._filter:
            self._filter = flt
            self._query()

    def set_search(self, text: str) -> None:
        self.set_filter(dataclasses.replace(self._filter, search=text))

    def set_status(self, status: str | None) -> None:
        self.set_filter(dataclasses.replace(self._filter, status=status))

    def set_include_archived(self, include: bool) -> None:
        self.set_filter(dataclasses.replace(self._filter, include_archived=include))

    def set_at_risk_only(self, at_risk: bool) -> None:
        """Show only clients with one or more warning signs (the "At risk" filter)."""
        self.set_status_or_at_risk(self._filter.status, at_risk=at_risk)

    def set_status_or_at_risk(self, status: str | None, *, at_risk: bool) -> None:
        """A status, or the clients at risk (or both), in one reset."""
        flt = dataclasses.replace(self._filter, status=status)
        if flt != self._filter or at_risk != self._at_risk_only:
            self._filter, self._at_risk_only = flt, at_risk
            self._query()

    @property
    def at_risk_only(self) -> bool:
        return self._at_risk_only

    def reload(self) -> None:
        """Ask the store again for what the filter matches and for the currency (after writes)."""
        self._currency = queries.profile_currency()
        self._signs, self._signs_read = {}, set()
        self._query()

    def _query(self) -> None:
        # The one query of a keystroke, a sort or a filter: nothing else on this path.
        self._today_value = self._today()
        ids = queries.client_ids(self._filter, self._today_value)
        if self._at_risk_only or self._signs_order is not None:
            ids = self._by_signs(list(ids))
        count = len(ids)
        self.beginResetModel()
        self._ids = ids
        self._count = count
        self._pages = {}
        self.endResetModel()
        self.countChanged.emit(count)

    def hold_signs(self) -> None:
        """Leave the warning signs blank until `release_signs`.

        Reading them (a few grouped queries and the rules' modules) is the costliest
        part of the list's first paint; the pane holds them until its rows are shown.
        """
        self._signs_held = True

    def release_signs(self) -> None:
        """Show the warning signs again (read for the rows in view as they repaint)."""
        if not self._signs_held or not queries.database_is_open():
            return  # a list whose database has closed stays as it was painted
        self._signs_held = False
        if self._count:
            self.dataChanged.emit(self.index(0, self.SIGNS),
                                  self.index(self._count - 1, self.SIGNS))

    def _by_signs(self, ids: list[int]) -> list[int]:
        """`ids` narrowed to the clients at risk and/or ordered by their number of signs.

        Once the day's check has run (store.at_risk), the counts come from its table in
        one query; before that, from the facts of every client shown (a few grouped
        queries per 500 clients). The list's own order breaks ties.
        """
        from goodbye_desktop.store import at_risk

        if at_risk.is_current(self._today_value):
            counts = at_risk.sign_counts()
            return self._narrow_and_order(ids, counts)
        from goodbye_desktop.core.signs import ClientFacts
        from goodbye_desktop.core.signs import signs as signs_for
        from goodbye_desktop.store.client_facts import facts_for_clients

        rows = queries.client_rows(ids)
        unread = [i for i in ids if i not in self._signs_read]
        current = [i for i in unread if i in rows and rows[i].status in _CURRENT]
        for i, facts in facts_for_clients(current, self._today_value).items():
            self._signs[i] = signs_for(ClientFacts(**facts))
        self._signs_read.update(unread)
        counts = {i: len(found) for i, found in self._signs.items() if found}
        return self._narrow_and_order(ids, counts)

    def _narrow_and_order(self, ids: list[int], counts: dict[int, int]) -> list[int]:
        if self._at_risk_only:
            ids = [i for i in ids if counts.get(i)]
        if self._signs_order is not None:
            most_first = self._signs_order == Qt.SortOrder.DescendingOrder
            ids.sort(key=lambda i: counts.get(i, 0), reverse=most_first)
        return ids

    def loaded_pages(self) -> set[int]:
        """The page numbers currently held in the cache."""
        return set(self._pages)

    # --- lookups for the view and the window --------------------------------------------

    def client_id(self, row: int) -> int | None:
        if not 0 <= row < self._count:
            return None
        return self._page(row // self.PAGE_SIZE)[0][row % self.PAGE_SIZE]

    def row_of(self, client_id: int) -> int | None:
        try:
            return self._ids.index(client_id)
        except ValueError:
            return None

    def client_row(self, row: int) -> ClientRow | None:
        """The values shown on `row` (fetching its page if needed)."""
        if not 0 <= row < self._count:
            return None
        ids, rows = self._page(row // self.PAGE_SIZE)
        return rows.get(ids[row % self.PAGE_SIZE])

    def _page(self, page_number: int) -> tuple[list[int], dict[int, ClientRow]]:
        """One page of ids and their rows: a slice of the ids and one query for the rows.

        The store may hand over the ids lazily (read from SQL a page at a time), so the
        page keeps its own ids: a single id is never looked up by itself.
        """
        page = self._pages.get(page_number)
        if page is None:
            start = page_number * self.PAGE_SIZE
            ids = list(self._ids[start:start + self.PAGE_SIZE])
            page = (ids, queries.client_rows(ids))
            self._pages[page_number] = page
            self.pages_fetched += 1
        return page

    def signs_of(self, row: int) -> list[Any]:
        """The warning signs (core.signs.Sign) of the client on `row`, for current clients."""
        if self._signs_held or not 0 <= row < self._count:
            return []
        client_id = self.client_id(row)
        if client_id not in self._signs_read and not queries.database_is_open():
            return []  # a repaint after the database closed (the window is going away)
        if client_id not in self._signs_read:
            from goodbye_desktop.core.signs import ClientFacts
            from goodbye_desktop.core.signs import signs as signs_for
            from goodbye_desktop.store.client_facts import facts_for_clients

            ids, rows = self._page(row // self.PAGE_SIZE)
            unread = [i for i in ids if i not in self._signs_read]
            # Signs warn about clients you still have: not prospects, not those leaving.
            current = [i for i in unread if i in rows and rows[i].status in _CURRENT]
            for i, facts in facts_for_clients(current, self._today_value).items():
                self._signs[i] = signs_for(ClientFacts(**facts))
            self._signs_read.update(unread)
        return self._signs.get(client_id, [])

    def _signs_for_paint(self, row: int) -> list[Any]:
        """The signs of `row` if already read; else none for now, and a read just after
        this paint: the rows of a keystroke show without waiting for their signs (a page's
        facts take 10 to 20 ms at 100,000 clients), which follow a moment later."""
        if self._signs_held or not 0 <= row < self._count:
            return []
        client_id = self.client_id(row)
        if client_id in self._signs_read:
            return self._signs.get(client_id, [])
        if self._signs_timer is None:
            # A child of the model: it goes with the model, never firing after it is gone.
            self._signs_timer = QTimer(self)
            self._signs_timer.setSingleShot(True)
            self._signs_timer.setInterval(0)
            self._signs_timer.timeout.connect(self._read_pending_signs)
            stop_with_database(self._signs_timer)
        self._signs_pending.add(row // self.PAGE_SIZE)
        self._signs_timer.start()
        return []

    def _read_pending_signs(self) -> None:
        pages, self._signs_pending = self._signs_pending, set()
        if not queries.database_is_open():
            return
        for page_number in sorted(pages):
            start = page_number * self.PAGE_SIZE
            if start >= self._count:
                continue  # a reset since: the rows asked for are gone
            stop = min(start + self.PAGE_SIZE, self._count) - 1
            self.signs_of(start)  # reads the whole page's
            if not shiboken6.isValid(self):
                # The read ran Python code, and a collection it set off may have freed the
                # window that owned this model (a window already closed): nothing to show.
                return
            self.dataChanged.emit(self.index(start, self.SIGNS), self.index(stop, self.SIGNS))

    # --- Qt model interface -------------------------------------------------------------

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Name"), self.tr("Status"), self.tr("Revenue"),
                    self.tr("Tenure"), self.tr("Last contact"), self.tr("Signs"))[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                self.tr("The client's name; click to sort"),
                self.tr("Where the client stands: prospect, active, departing, departed or "
                        "returned"),
                self.tr("Revenue of the last 12 months: amounts billed over the current month "
                        "and the eleven before it"),
                self.tr("How long the client has been with you (years and months)"),
                self.tr("The last call, email, meeting or note you logged"),
                self.tr("Warning signs, one icon each, and how many: silence, an acquisition, "
                        "a contact who left, repeated complaints, a client earning less an "
                        "hour than your target, falling revenue. Point at them for the "
                        "reasons and next steps; click to sort by how many."),
            )[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section == self.REVENUE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | \
            Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _DATA_ROLES or not index.isValid() or index.parent().isValid():
            return None
        if role == Qt.ItemDataRole.UserRole:
            return self.client_id(index.row())
        if role == self.SignKeysRole:
            return [sign.key for sign in self._signs_for_paint(index.row())] \
                if index.column() == self.SIGNS else None
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == self.REVENUE:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        row = self.client_row(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.FontRole:
            return self._archived_font() if row.archived else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, index)
        if column == self.SIGNS:
            signs = self._signs_for_paint(index.row())
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return ", ".join(sign_words.title(sign.key) for sign in signs)
            # The delegate draws an icon per sign beside this count.
            return QLocale().toString(len(signs)) if signs else ""
        return self._display(row, column)

    def _archived_font(self) -> QFont:
        if self._italic is None:
            self._italic = QFont()
            self._italic.setItalic(True)
        return self._italic

    def _tooltip(self, row: ClientRow, index: _Index) -> str | None:
        column = index.column()
        if column == self.SIGNS:
            return formatting.plain_tooltip("\n".join(
                sign_words.line(sign, self._currency)
                for sign in self._signs_for_paint(index.row()))) or None
        if column == self.NAME and row.archived:
            return formatting.plain_tooltip(self.tr("%1 (archived)").replace("%1", row.name))
        if column == self.NAME:
            return formatting.plain_tooltip(row.name)
        return None

    def _display(self, row: ClientRow, column: int) -> str:
        if column == self.NAME:
            return row.name
        if column == self.STATUS:
            return formatting.status_label(row.status)
        if column == self.REVENUE:
            return formatting.money(row.revenue_12m_cents, self._currency)
        if column == self.TENURE:
            return formatting.tenure(row.started_on, row.ended_on, self._today_value)
        if column == self.LAST_CONTACT:
            if row.last_contact_at is None:
                return self.tr("never")
            return formatting.short_date(row.last_contact_at)
        return ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column in SQL (one query), keeping the search and the filters.

        The warning signs are counted per client: those sort by count, the list's own
        order within the same count.
        """
        if not 0 <= column < self.COLUMN_COUNT:
            return
        if column == self.SIGNS:
            self._signs_order = order
            self._query()
            return
        changed = self._signs_order is not None
        self._signs_order = None
        flt = dataclasses.replace(self._filter, sort_key=self.SORT_KEYS[column],
                                  descending=order == Qt.SortOrder.DescendingOrder)
        if changed and flt == self._filter:
            self._query()
        else:
            self.set_filter(flt)

    def sort_column(self) -> int:
        if self._signs_order is not None:
            return self.SIGNS
        return self.SORT_KEYS.index(self._filter.sort_key)


class SignsDelegate(QStyledItemDelegate):
    """Draws the signs column: one small icon per warning sign, then their number."""

    ICON = 16

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        keys = index.data(ClientListModel.SignKeysRole) or []
        # The background, selection and focus as for any cell, without the text.
        plain = QStyleOptionViewItem(option)
        self.initStyleOption(plain, index)
        plain.text = ""
        style = plain.widget.style() if plain.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, plain, painter, plain.widget)
        if not keys:
            return
        rect = option.rect.adjusted(4, 0, -2, 0)
        top = rect.top() + (rect.height() - self.ICON) // 2
        x = rect.left()
        for key in keys:
            if x + self.ICON > rect.right() - option.fontMetrics.horizontalAdvance("9") - 4:
                break  # the count still says how many; the tooltip names them all
            icons.sign_icon(key).paint(painter, QRect(x, top, self.ICON, self.ICON))
            x += self.ICON + 2
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(option.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text))
        painter.drawText(QRect(x + 2, rect.top(), rect.right() - x, rect.height()),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         index.data(Qt.ItemDataRole.DisplayRole) or "")
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        keys = index.data(ClientListModel.SignKeysRole) or []
        return QSize(8 + len(keys) * (self.ICON + 2) + option.fontMetrics.horizontalAdvance("9"),
                     self.ICON + 4)


class ClientListPane(QWidget):
    """Search, status filter, "Show archived" and the client table, side by side with the detail."""

    # The selected client's id, or None when nothing is selected.
    clientSelected = Signal(object)
    # A double click or Enter on a client: the main window opens the client form.
    clientActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None, *,
                 today: Callable[[], date] = clock.today) -> None:
        super().__init__(parent)
        self.setObjectName("clientListPane")
        self._current_id: int | None = None
        self._context_actions: list[QAction] = []
        self._restoring = False

        self.model = ClientListModel(self, today=today)

        self.search = QLineEdit(self)
        self.search.setObjectName("clientSearch")
        self.search.setPlaceholderText(self.tr("Name, contact, email, tag"))
        self.search.setToolTip(self.tr("Search clients by name, contact name, email or tag; "
                                       "case and accents do not matter. Esc clears it."))
        self.search.setAccessibleName(self.tr("Search clients"))
        # Room for the whole placeholder: a cut hint reads as a broken window.
        self.search.setMinimumWidth(self.search.fontMetrics().horizontalAdvance(
            self.search.placeholderText()) + 3 * self.search.fontMetrics().horizontalAdvance("M"))
        self.search.setClearButtonEnabled(True)
        search_label = QLabel(self.tr("&Search:"), self)
        search_label.setBuddy(self.search)

        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.setAccessibleName(self.tr("Show clients with status"))
        self.status_filter.addItem(self.tr("All statuses"), None)
        self.status_filter.addItem(self.tr("At risk"), AT_RISK)
        self.status_filter.setItemData(1, self.tr("Current clients with one or more warning "
                                                  "signs"), Qt.ItemDataRole.ToolTipRole)
        self.status_filter.insertSeparator(2)
        for status in formatting.STATUS_ORDER:
            self.status_filter.addItem(formatting.status_label(status), status)
        status_label = QLabel(self.tr("S&tatus:"), self)
        status_label.setBuddy(self.status_filter)

        self.show_archived = QCheckBox(self.tr("Show a&rchived"), self)
        self.show_archived.setObjectName("showArchived")
        self.show_archived.setAccessibleName(self.tr("Show archived clients"))

        self.table = QTableView(self)
        self.table.setObjectName("clientTable")
        self.table.setAccessibleName(self.tr("Clients"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.verticalHeader().hide()
        self.signs_delegate = SignsDelegate(self.table)
        self.table.setItemDelegateForColumn(ClientListModel.SIGNS, self.signs_delegate)
        # Fixed heights and widths: sizing to contents would read every row of the list.
        vertical = self.table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ClientListModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        # The indicator first: enabling sorting sorts at once by whatever it shows, and the
        # model is already in that order (an extra query on 100,000 rows otherwise).
        header.setSortIndicator(ClientListModel.NAME, Qt.SortOrder.AscendingOrder)
        header.setSortIndicatorShown(True)
        self.table.setSortingEnabled(True)
        em = self.fontMetrics().horizontalAdvance("M")
        self._size_columns()
        header.setMinimumSectionSize(4 * em)

        filters = QHBoxLayout()
        filters.addWidget(search_label)
        filters.addWidget(self.search, 1)
        filters.addSpacing(em // 2)
        filters.addWidget(status_label)
        filters.addWidget(self.status_filter)
        # "Show archived" sits under the list: the filter row then fits a narrow window.
        below = QHBoxLayout()
        below.addWidget(self.show_archived)
        below.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 2, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(below)
        self.setTabOrder(self.search, self.status_filter)
        self.setTabOrder(self.status_filter, self.show_archived)
        self.setTabOrder(self.show_archived, self.table)

        # Made before any signal can hide or show the pane. Once the window is up and
        # idle, the store reads what a search needs, so the
        # first keystroke is as quick as the next ones.
        self._warm_up = QTimer(self)
        self._warm_up.setSingleShot(True)
        self._warm_up.setInterval(400)
        self._warm_up.timeout.connect(self._prepare_search)
        stop_with_database(self._warm_up)
        self._warmed_up = False

        clear = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search)
        clear.setContext(Qt.ShortcutContext.WidgetShortcut)
        clear.activated.connect(self.search.clear)

        self.search.textChanged.connect(self._search_changed)
        self.status_filter.currentIndexChanged.connect(self._status_changed)
        self.show_archived.toggled.connect(self._archived_toggled)
        header.sortIndicatorChanged.connect(self._sort_indicator_changed)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.activated.connect(self._activated)
        self.model.modelAboutToBeReset.connect(self._before_reset)
        self.model.modelReset.connect(self._after_reset)
        self.model.reload()
        # The rows first, the warning signs a moment later: the window shows sooner.
        self.model.hold_signs()
        after_first_paint(self.table, self.model.release_signs)


    def _size_columns(self) -> None:
        """Widths from the header and a wide sample value, never from reading the rows."""
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        header_metrics = header.fontMetrics()
        samples = {
            ClientListModel.STATUS: [formatting.status_label(s) for s in formatting.STATUS_ORDER],
            ClientListModel.REVENUE: [formatting.money(99_999_999, "EUR")],
            ClientListModel.TENURE: [formatting.tenure(date(2000, 1, 1), date(2048, 12, 1),
                                                       date(2049, 1, 1))],
            ClientListModel.LAST_CONTACT: [formatting.short_date(date(2028, 12, 28))],
        }
        em = metrics.horizontalAdvance("M")
        for column, texts in samples.items():
            title = self.model.headerData(column, Qt.Orientation.Horizontal)
            # The header needs room for the sort arrow; cells only for their margins.
            width = max([header_metrics.horizontalAdvance(title) + em + 10]
                        + [metrics.horizontalAdvance(text) + em for text in texts])
            header.resizeSection(column, width)
        # Icons for two signs and the count; more than two still show their count.
        signs_title = self.model.headerData(ClientListModel.SIGNS, Qt.Orientation.Horizontal)
        header.resizeSection(ClientListModel.SIGNS, max(
            header_metrics.horizontalAdvance(signs_title) + em + 10,
            8 + 2 * (SignsDelegate.ICON + 2) + 2 * metrics.horizontalAdvance("9")))

    # --- public -------------------------------------------------------------------------

    def current_client_id(self) -> int | None:
        return self._current_id

    def current_row(self) -> ClientRow | None:
        index = self.table.currentIndex()
        return self.model.client_row(index.row()) if index.isValid() else None

    def select_client(self, client_id: int | None) -> bool:
        """Select a client if the list shows it; True when it does."""
        row = self.model.row_of(client_id) if client_id is not None else None
        if row is None:
            self.table.clearSelection()
            self.table.setCurrentIndex(QModelIndex())
            self._set_current(None)
            return False
        index = self.model.index(row, ClientListModel.NAME)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        return True

    def refresh(self) -> None:
        """Read the list again after a write, keeping the selected client selected."""
        self.model.reload()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def set_context_actions(self, actions: Sequence[QAction]) -> None:
        """The actions offered when the table is right-clicked (hidden ones are left out)."""
        self._context_actions = list(actions)

    def context_menu(self) -> QMenu:
        """The menu a right click shows, built from the visible context actions."""
        menu = QMenu(self)
        for action in self._context_actions:
            if action.isSeparator():
                menu.addSeparator()
            elif action.isVisible():
                menu.addAction(action)
        return menu

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._warmed_up:
            self._warm_up.start()

    def hideEvent(self, event: QHideEvent) -> None:
        # A pane closed before its warm-up must not touch a database closed after it.
        # (While the window is being torn down the pane may already have lost its timer.)
        timer = getattr(self, "_warm_up", None)
        if timer is not None:
            timer.stop()
        super().hideEvent(event)

    def _prepare_search(self) -> None:
        self._warmed_up = True
        if not self.search.text() and queries.database_is_open():
            queries.prepare_search(self.model.filter, self.model.shown_for)

    # --- slots --------------------------------------------------------------------------

    def _search_changed(self, text: str) -> None:
        self.model.set_search(text)

    def _status_changed(self, _index: int) -> None:
        chosen = self.status_filter.currentData()
        if chosen == AT_RISK:
            self.model.set_status_or_at_risk(None, at_risk=True)
        else:
            self.model.set_status_or_at_risk(chosen, at_risk=False)

    def _archived_toggled(self, checked: bool) -> None:
        self.model.set_include_archived(checked)

    def _sort_indicator_changed(self, column: int, order: Qt.SortOrder) -> None:
        if column != ClientListModel.SIGNS and ClientListModel.SORT_KEYS[column] is None:
            # Not sortable: put the indicator back where the list is really sorted.
            flt = self.model.filter
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(
                self.model.sort_column(),
                Qt.SortOrder.DescendingOrder if flt.descending else Qt.SortOrder.AscendingOrder)
            header.blockSignals(False)

    def _before_reset(self) -> None:
        self._restoring = True

    def _after_reset(self) -> None:
        # The reset dropped the selection; put it back on the same client if still shown.
        previous = self._current_id
        try:
            if previous is not None and self.model.row_of(previous) is not None:
                self.select_client(previous)
        finally:
            self._restoring = False
        if self._warmed_up and not self.model.filter.search and self.isVisible():
            # A new order or filter: its search texts are read ahead too, so the first
            # keystroke in it scans texts already lined up in that order.
            self._warm_up.start()
        index = self.table.currentIndex()
        if not index.isValid():
            # The selected client is filtered out: start from the top, not part way down.
            self.table.scrollToTop()
        self._set_current(self.model.client_id(index.row()) if index.isValid() else None)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._restoring:
            return
        self._set_current(self.model.client_id(current.row()) if current.isValid() else None)

    def _set_current(self, client_id: int | None) -> None:
        if client_id != self._current_id:
            self._current_id = client_id
            self.clientSelected.emit(client_id)

    def _activated(self, index: QModelIndex) -> None:
        client_id = self.model.client_id(index.row())
        if client_id is not None:
            self.clientActivated.emit(client_id)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if index.isValid():
            self.table.setCurrentIndex(index)
        if not self._context_actions:
            return
        menu = self.context_menu()
        menu.exec(self.table.viewport().mapToGlobal(pos))
        menu.deleteLater()
