"""The window's At-risk and Due pages, their shortcuts, and the calm notice of due promises.

Kept out of `main_window` so the window only places them: `DailyPages.add_to(tabs)` adds
the two pages (built the first time each is shown, so the window opens without them),
a View-menu action for each (Ctrl+4, Ctrl+5), and, in the tab bar's corner, a button
that says how many promises are due or overdue and opens the Due page. Nothing modal:
the owner sees it, and goes there when it suits.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QPushButton, QTabWidget, QVBoxLayout, QWidget

from goodbye_desktop import clock
from goodbye_desktop.errors import GoodbyeError
from goodbye_desktop.store import due
from goodbye_desktop.ui import icons


class DailyPages(QObject):
    """Owns the At-risk and Due pages of the main window."""

    def __init__(self, window: QWidget, open_client: Callable[[int], None],
                 written: Callable[[], None]) -> None:
        super().__init__(window)
        self.window = window
        self._open_client = open_client
        self._written = written
        self.at_risk_view = None
        self.due_view = None
        self._daily_pass = None  # made when a page that shows the signs is first built
        self.tabs: QTabWidget | None = None
        self.at_risk_page = self._page("atRiskPage")
        self.due_page = self._page("duePage")
        tr = self.tr
        self.at_risk_action = QAction(tr("&At-risk clients"), window)
        self.at_risk_action.setObjectName("atRiskPageAction")
        self.at_risk_action.setIcon(icons.icon("dialog-warning"))
        self.at_risk_action.setShortcut(QKeySequence("Ctrl+4"))
        self.at_risk_action.setStatusTip(tr("Clients showing warning signs, most urgent first"))
        self.at_risk_action.triggered.connect(self.show_at_risk)
        self.due_action = QAction(tr("D&ue promises"), window)
        self.due_action.setObjectName("duePageAction")
        self.due_action.setIcon(icons.icon("appointment-soon"))
        self.due_action.setShortcut(QKeySequence("Ctrl+5"))
        self.due_action.setStatusTip(tr("Promises overdue, due today and in the next 7 days"))
        self.due_action.triggered.connect(self.show_due)
        self.notice = QPushButton()
        self.notice.setObjectName("dueNotice")
        self.notice.setFlat(True)
        self.notice.setCursor(Qt.CursorShape.PointingHandCursor)
        self.notice.clicked.connect(self.show_due)
        self.notice.setVisible(False)

    def _page(self, name: str) -> QWidget:
        page = QWidget(self.window)
        page.setObjectName(name)
        QVBoxLayout(page).setContentsMargins(0, 0, 0, 0)
        return page

    def add_to(self, tabs: QTabWidget) -> None:
        self.tabs = tabs
        tabs.addTab(self.at_risk_page, self.tr("At risk"))
        tabs.addTab(self.due_page, self.tr("Due"))
        tabs.setCornerWidget(self.notice, Qt.Corner.TopRightCorner)
        tabs.currentChanged.connect(self.tab_changed)
        self.update_notice()

    # --- pages --------------------------------------------------------------------------

    def ensure_at_risk_view(self):
        if self.at_risk_view is None:
            from goodbye_desktop.ui.at_risk_view import AtRiskView

            self.at_risk_view = AtRiskView(self.at_risk_page, self.daily_pass())
            self.at_risk_view.openClient.connect(self._open_client)
            self.at_risk_view.clientWritten.connect(self._client_written)
            self.at_risk_page.layout().addWidget(self.at_risk_view)
        return self.at_risk_view

    def daily_pass(self):
        """The day's pass over the clients' warning signs, shared by At risk and Dashboard."""
        if self._daily_pass is None:
            from goodbye_desktop.ui.daily_pass import DailyPass

            self._daily_pass = DailyPass(self)
            self._daily_pass.failed.connect(self._pass_failed)
        return self._daily_pass

    def _pass_failed(self, exc: GoodbyeError) -> None:
        from goodbye_desktop.ui import alerts
        from goodbye_desktop.ui.error_text import error_text

        alerts.error(self.window, error_text(exc))

    def ensure_due_view(self):
        if self.due_view is None:
            from goodbye_desktop.ui.due_view import DueView

            self.due_view = DueView(self.due_page)
            self.due_view.openClient.connect(self._open_client)
            self.due_view.promisesChanged.connect(self._promises_changed)
            self.due_page.layout().addWidget(self.due_view)
        return self.due_view

    def show_at_risk(self) -> None:
        assert self.tabs is not None
        self.ensure_at_risk_view()
        self.tabs.setCurrentWidget(self.at_risk_page)

    def show_due(self) -> None:
        assert self.tabs is not None
        self.ensure_due_view()
        self.tabs.setCurrentWidget(self.due_page)

    def tab_changed(self, _index: int) -> None:
        assert self.tabs is not None
        if self.tabs.currentWidget() is self.at_risk_page:
            self.ensure_at_risk_view()
        elif self.tabs.currentWidget() is self.due_page:
            self.ensure_due_view()
        self.update_notice()

    # --- keeping up ---------------------------------------------------------------------

    def update_notice(self) -> None:
        """Say how many promises are due today or overdue; nothing when there are none."""
        try:
            counts = due.promise_counts(clock.now())
        except GoodbyeError:
            self.notice.setVisible(False)
            return
        count = counts["due_today"] + counts["overdue"]
        on_due_page = self.tabs is not None and self.tabs.currentWidget() is self.due_page
        if not count or on_due_page:
            self.notice.setVisible(False)
            return
        text = (self.tr("%n promise due or overdue — show", "", count) if count == 1
                else self.tr("%n promises due or overdue — show", "", count))
        self.notice.setText(text)
        self.notice.setAccessibleName(text)
        self.notice.setToolTip(self.tr("Open the Due page (Ctrl+5)"))
        self.notice.setVisible(True)

    def new_day(self, _today: date | None = None) -> None:
        """The date changed: due groups move on, and the signs are worked out again."""
        self.update_notice()
        if self.due_view is not None and self.due_view.isVisible():
            self.due_view.refresh()
        if self.at_risk_view is not None and self.at_risk_view.isVisible():
            self.at_risk_view.refresh()

    def client_changed(self, client_id: int | None) -> None:
        """A write elsewhere (the client page, the wizard): keep both pages true."""
        if self.at_risk_view is not None:
            self.at_risk_view.client_changed(client_id)
        else:
            from goodbye_desktop.store import at_risk

            if client_id is not None:
                # A failed read here is caught up by the next daily pass.
                with contextlib.suppress(GoodbyeError):
                    at_risk.refresh_client(client_id, clock.today())
        self.update_notice()
        if self.due_view is not None and self.due_view.isVisible():
            self.due_view.refresh()

    def _client_written(self, _client_id: int) -> None:
        self.update_notice()
        self._written()

    def _promises_changed(self) -> None:
        self.update_notice()
        self._written()
