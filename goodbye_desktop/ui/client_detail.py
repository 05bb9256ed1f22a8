"""The client detail pane (`clientDetail`): a header of figures and one tab per kind of record.

`ClientDetail.show_client(id)` fills the header and the tabs (Contacts, Timeline, Revenue,
Proposals, Promises and Departure, built when the first client is shown);
`show_client(None)` shows a calm placeholder. After every write made from the pane it
refreshes itself and emits `clientChanged(client_id)` so the client list can refresh too.
The tabs live in `ui/detail/`, one module each with its form.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QLabel, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from goodbye_desktop import clock
from goodbye_desktop.errors import GoodbyeError, NotFoundError
from goodbye_desktop.ui import alerts
from goodbye_desktop.ui.error_text import error_text


class ClientDetail(QWidget):
    """Everything about one client: figures on top, records in tabs."""

    clientChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clientDetail")
        self.setAccessibleName(self.tr("Client detail"))
        self._client_id: int | None = None
        self._currency = "EUR"

        self.placeholder = QWidget()
        self.placeholder.setObjectName("detailPlaceholder")
        title = QLabel(self.tr("Select a client"))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        title.setFont(font)
        hint = QLabel(self.tr("Choose a client in the list to see their contacts, timeline, "
                              "revenue, proposals and promises."))
        hint.setWordWrap(True)
        for label in (title, hint):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        placeholder_layout = QVBoxLayout(self.placeholder)
        placeholder_layout.addStretch(1)
        placeholder_layout.addWidget(title)
        placeholder_layout.addWidget(hint)
        placeholder_layout.addStretch(2)

        # The header and tabs are built when the first client is shown: the window then
        # opens without importing and laying out five tabs and their forms.
        self.content: QWidget | None = None

        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    def _ensure_content(self) -> QWidget:
        """Build the header and the tabs once, on first use."""
        if self.content is not None:
            return self.content
        from goodbye_desktop.ui.departure_panel import DeparturePanel
        from goodbye_desktop.ui.detail.contacts_tab import ContactsTab
        from goodbye_desktop.ui.detail.header import ClientHeader
        from goodbye_desktop.ui.detail.promises_tab import PromisesTab
        from goodbye_desktop.ui.detail.proposals_tab import ProposalsTab
        from goodbye_desktop.ui.detail.revenue_tab import RevenueTab
        from goodbye_desktop.ui.detail.timeline_tab import TimelineTab

        self.header = ClientHeader()
        self.header.edit_button.clicked.connect(self.edit_client)
        self.contacts_tab = ContactsTab()
        self.timeline_tab = TimelineTab()
        self.revenue_tab = RevenueTab()
        self.proposals_tab = ProposalsTab()
        self.promises_tab = PromisesTab()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("clientDetailTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.contacts_tab, self.tr("&Contacts"))
        self.tabs.addTab(self.timeline_tab, self.tr("&Timeline"))
        self.tabs.addTab(self.revenue_tab, self.tr("Re&venue"))
        self.tabs.addTab(self.proposals_tab, self.tr("Pr&oposals"))
        self.tabs.addTab(self.promises_tab, self.tr("Pro&mises"))
        self.departure_panel = DeparturePanel()
        self.tabs.addTab(self.departure_panel, self.tr("De&parture"))
        self.departure_panel.clientChanged.connect(self._written)
        for tab in self._record_tabs():
            tab.changed.connect(self._written)

        self.content = QWidget()
        content_layout = QVBoxLayout(self.content)
        content_layout.addWidget(self.header)
        content_layout.addWidget(self.tabs, 1)

        self.stack.addWidget(self.content)
        return self.content

    def _record_tabs(self):
        return (self.contacts_tab, self.timeline_tab, self.revenue_tab, self.proposals_tab,
                self.promises_tab)

    def client_id(self) -> int | None:
        """The client shown, or None when the placeholder is."""
        return self._client_id

    def show_client(self, client_id: int | None) -> None:
        """Show one client's detail, or the placeholder for None (or a client gone)."""
        self._client_id = client_id
        if client_id is not None:
            self._ensure_content()
            try:
                self._refresh_header()
            except NotFoundError:
                self._client_id = client_id = None
        if client_id is None:
            if self.content is not None:
                for tab in self._record_tabs():
                    tab.show_client(None)
            self.stack.setCurrentWidget(self.placeholder)
            return
        for tab in self._record_tabs():
            tab.show_client(client_id, self._currency)
        self.departure_panel.show_client(client_id)
        self.stack.setCurrentWidget(self.content)

    def refresh(self) -> None:
        """Reload what is shown (after a change made elsewhere, such as the list)."""
        self.show_client(self._client_id)

    def _refresh_header(self) -> None:
        client_id = self._client_id
        assert client_id is not None
        from goodbye_desktop.store import records

        profile = records.get_profile()
        self._currency = profile.get("currency") or "EUR"
        now = clock.local_now()
        from goodbye_desktop.core.promises import kept_share, ledger, promise_state
        from goodbye_desktop.store import at_risk, detail

        summary = detail.client_summary(client_id, today=now.date())
        rows = detail.promises(client_id)
        share = kept_share(promise_state(p.due_at, p.done_at, p.cancelled_at, now)
                           for p in rows)
        self.header.show_summary(summary, share, self._currency,
                                 profile.get("target_hourly_rate_cents") or 0,
                                 today=now.date(), now=now, signs=self._signs(summary),
                                 departure=self._departure(summary))
        # The promise ledger (kept, late, broken) and the client's times at risk.
        self.header.show_daily(ledger(((p.due_at, p.done_at, p.cancelled_at) for p in rows),
                                      now), at_risk.risk_history(client_id), now.date())

    def _signs(self, summary) -> list:
        """The warning signs of a current client, as the list computes them."""
        if summary.status not in ("active", "returned"):
            return []
        from goodbye_desktop.core.signs import ClientFacts, signs
        from goodbye_desktop.store.client_facts import facts_for_clients

        facts = facts_for_clients([summary.id], clock.today()).get(summary.id)
        return signs(ClientFacts(**facts)) if facts else []

    def _departure(self, summary) -> dict | None:
        """The departure of a departed client, for the header's "when and why"."""
        if summary.status != "departed":
            return None
        from goodbye_desktop.store import departures

        departure_id = departures.departure_for_client(summary.id)
        return departures.departure_detail(departure_id) if departure_id else None

    def _written(self, *_args: object) -> None:
        if self._client_id is None:
            return
        try:
            self._refresh_header()
        except GoodbyeError as exc:
            alerts.error(self, error_text(exc))
        self.clientChanged.emit(self._client_id)

    def edit_client(self) -> bool:
        """Open the client form for the client shown; refresh and tell the list if saved."""
        if self._client_id is None:
            return False
        # Imported here: the form is another module's, and only needed on demand.
        from functools import partial

        from goodbye_desktop.store import records
        from goodbye_desktop.ui.dialogs.client_form import ClientFormDialog

        client_id = self._client_id
        if not ClientFormDialog.edit(self, client_id, partial(records.update_client, client_id)):
            return False
        self.show_client(client_id)
        self.clientChanged.emit(client_id)
        return True
