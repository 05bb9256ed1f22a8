"""The departure wizard (`departureWizard`): a client's whole leaving, decided and planned.

`DepartureWizard.run(parent, client_id)` shows it modally and returns True when
something was saved. The pages (in `ui/departure/pages.py`) fill one `DepartureDraft`;
the wizard keeps it safe and hands it to the store:

- Autosave: as the owner types (after a short pause) and on every page change, the
  draft goes to `store.departures.save_draft`, so a crash loses a few seconds at most.
- Resume: an open draft for the client is loaded with everything as it was, on its page.
- Cancel asks "Keep a draft to finish later?" (Keep draft / Discard / Go back).
- Finish writes everything through `store.departures.finish` (or `keep_client` for
  "try to keep") in one transaction; on failure a message says why, nothing is left
  behind, and the wizard stays open with the input intact.

Messages go through `ui.alerts` (tests answer them with `alerts.intercept()`); the
three-way cancel question through `CancelQuestion.ask`, which tests answer with
`CancelQuestion.answering(...)`.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from typing import ClassVar

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer
from PySide6.QtGui import QHideEvent, QPalette
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget, QWizard

from goodbye_desktop import clock
from goodbye_desktop.core import departure as rules
from goodbye_desktop.core.departure import DepartureDraft
from goodbye_desktop.errors import GoodbyeError
from goodbye_desktop.store import departures as store
from goodbye_desktop.ui import alerts
from goodbye_desktop.ui.departure.pages import PAGE_CLASSES, PAGE_IDS, DeparturePage
from goodbye_desktop.ui.error_text import error_text
from goodbye_desktop.ui.screen_fit import fit_to_screen
from goodbye_desktop.ui.timers import stop_with_database

AUTOSAVE_MS = 1500
DEFAULT_NOTICE_DAYS = 30

KEEP, DISCARD, GO_BACK = "keep", "discard", "back"


def _tr(text: str) -> str:
    return QCoreApplication.translate("DepartureWizard", text)


class CancelQuestion:
    """ "Keep a draft to finish later?" — answered KEEP, DISCARD or GO_BACK.

    Tests answer it with `CancelQuestion.answering(KEEP)`; the questions asked are
    counted in `asked`.
    """

    _answer: ClassVar[str | None] = None
    asked: ClassVar[int] = 0

    @classmethod
    @contextmanager
    def answering(cls, answer: str) -> Iterator[None]:
        previous, cls._answer = cls._answer, answer
        try:
            yield
        finally:
            cls._answer = previous

    @classmethod
    def ask(cls, parent: QWidget) -> str:
        cls.asked += 1
        if cls._answer is not None:
            return cls._answer
        box = QMessageBox(QMessageBox.Icon.Question, _tr("Close the departure wizard"),
                          _tr("Keep a draft to finish later?"), QMessageBox.StandardButton.NoButton,
                          parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(_tr("A kept draft opens with everything as you left it the next "
                                   "time you start a departure for this client."))
        keep = box.addButton(_tr("&Keep draft"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(_tr("&Discard"), QMessageBox.ButtonRole.DestructiveRole)
        back = box.addButton(_tr("&Go back"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(back)
        box.exec()
        clicked = box.clickedButton()
        box.deleteLater()
        if clicked is keep:
            return KEEP
        if clicked is discard:
            return DISCARD
        return GO_BACK


class DepartureWizard(QWizard):
    """One client's departure, page by page; see the module docstring."""

    def __init__(self, client_id: int, parent: QWidget | None = None, *,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("departureWizard")
        self.client_id = client_id
        self.today = today or clock.today()
        self.saved = False
        self.departure_id: int | None = None
        self._loading = False
        self._dirty = False
        self._closing = False

        client = store.client_summary(client_id)
        stored = store.load_draft(client_id)
        self.resumed = bool(stored and stored.strip() not in ("", "{}"))
        if self.resumed:
            self.draft = DepartureDraft.from_json(stored)
            # A draft kept before its dates were given starts from a new one's dates, not
            # from the date field's empty value (1 January 2000).
            if self.draft.decided_on is None:
                self.draft.decided_on = self.today
            if self.draft.effective_on is None:
                self.draft.effective_on = self.today + timedelta(days=DEFAULT_NOTICE_DAYS)
        else:
            self.draft = DepartureDraft(
                client_id=client_id, decided_on=self.today,
                effective_on=self.today + timedelta(days=DEFAULT_NOTICE_DAYS))
        # The name and start date are the client's as they are now.
        self.draft.client_id = client_id
        self.draft.client_name = client["name"]
        self.draft.client_started_on = client["started_on"]

        self.setWindowTitle(_tr("Departure of %1").replace("%1", client["name"]))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self.pages: dict[str, DeparturePage] = {}
        for key, cls in PAGE_CLASSES.items():
            page = cls(self)
            self.setPage(PAGE_IDS[key], page)
            self.pages[key] = page
            page.changed.connect(self._on_changed)
        self.setStartId(PAGE_IDS["who"])
        self._load_all()

        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_draft_now)
        stop_with_database(self._autosave)
        self.currentIdChanged.connect(self._on_page_changed)
        # Where the owner is among the steps, and whose departure it is, on every page.
        self.steps_label = QLabel(self)
        self.steps_label.setObjectName("wizardSteps")
        self.steps_label.setTextFormat(Qt.TextFormat.RichText)
        self.steps_label.setWordWrap(True)
        self.steps_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.steps_label.setContentsMargins(4, 8, 12, 4)
        self.steps_label.setFixedWidth(self.fontMetrics().horizontalAdvance("M") * 12)
        self.setSideWidget(self.steps_label)
        self.currentIdChanged.connect(self._show_steps)

        left_on = self.draft.page
        self._loading = True  # no autosave while the pages are set up
        try:
            self.restart()
        finally:
            self._loading = False
        if self.resumed:
            self._go_to(left_on)
        self._show_steps()
        preferred = self.sizeHint().expandedTo(QSize(820, 640))
        fit_to_screen(self, preferred.width(), preferred.height())

    # --- the shown-modally entry point ------------------------------------------------------

    @classmethod
    def run(cls, parent: QWidget | None, client_id: int) -> bool:
        """Show the wizard for `client_id` modally; True when a departure or meeting was saved."""
        try:
            client = store.client_summary(client_id)
            if client["open_departure_id"]:
                alerts.info(parent, _tr("%1 already has a departure in progress: you will find "
                                        "it on the client's Departure tab.")
                            .replace("%1", client["name"]))
                return False
            wizard = cls(client_id, parent)
        except GoodbyeError as exc:
            alerts.error(parent, error_text(exc))
            return False
        try:
            wizard.exec()
            saved, departure_id, letters = wizard.saved, wizard.departure_id, wizard.draft.letters
        finally:
            wizard.deleteLater()
        if saved and departure_id is not None and letters:
            cls.offer_letters(parent, client_id, departure_id, letters)
        return saved

    @classmethod
    def offer_letters(cls, parent: QWidget | None, client_id: int, departure_id: int,
                      kinds: list[str]) -> int:
        """After Finish: open each chosen letter to print, save or email; the count kept."""
        if len(kinds) == 1:
            text = _tr("The departure is saved. Open the chosen document now to print, save "
                       "or email it? You can also do it later from the client's Departure tab.")
        else:
            text = _tr("The departure is saved. Open the %1 chosen documents now to print, "
                       "save or email them? You can also do it later from the client's "
                       "Departure tab.").replace("%1", str(len(kinds)))
        if not alerts.question(
                parent, text,
                title=_tr("Letters"), yes=_tr("Open them"), no=_tr("Later")):
            return 0
        from goodbye_desktop.correspondence.produce import keep
        from goodbye_desktop.ui.dialogs.document_preview import DocumentPreviewDialog

        return sum(DocumentPreviewDialog.show_for(parent, kind, client_id, departure_id,
                                                  keep=keep)
                   for kind in kinds)

    # --- draft <-> pages --------------------------------------------------------------------

    def _load_all(self) -> None:
        self._loading = True
        try:
            for page in self.pages.values():
                page.load(self.draft)
        finally:
            self._loading = False

    def reload(self, page: DeparturePage) -> None:
        """Show the draft again on one page (after the page filled in its defaults)."""
        self._loading = True
        try:
            page.load(self.draft)
        finally:
            self._loading = False

    def collect(self) -> DepartureDraft:
        """Write every page's widgets into the draft; return it."""
        for page in self.pages.values():
            page.save(self.draft)
        key = self._current_key()
        if key:
            self.draft.page = key
        return self.draft

    def _current_key(self) -> str | None:
        page = self.currentPage()
        return page.key if isinstance(page, DeparturePage) else None

    def _go_to(self, key: str) -> None:
        """Walk forward to the page the draft was left on (pages before it were complete)."""
        target = PAGE_IDS.get(key)
        self._loading = True
        try:
            with alerts.intercept():
                while target is not None and self.currentId() != target:
                    before = self.currentId()
                    self.next()
                    if self.currentId() == before:
                        break
        finally:
            self._loading = False

    # --- autosave -----------------------------------------------------------------------------

    def _on_changed(self) -> None:
        if self._loading:
            return
        self._dirty = True
        self._autosave.start()

    def step_titles(self) -> list[str]:
        """The titles of the steps this departure goes through, in order."""
        return [self.pages[key].title() for key in rules.pages_for(self.draft)]

    def _show_steps(self, *_args: object) -> None:
        current = self.currentPage()
        keys = list(rules.pages_for(self.draft))
        here = next((i for i, key in enumerate(keys) if self.pages[key] is current), 0)
        later = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
        lines = [f"<p><b>{html.escape(self.draft.client_name)}</b></p>"]
        for number, key in enumerate(keys):
            title = html.escape(self.pages[key].title())
            if number == here:
                lines.append(f"<p><b>▸ {number + 1}. {title}</b></p>")
            elif number < here:
                lines.append(f"<p>✓ {number + 1}. {title}</p>")
            else:
                lines.append(f"<p style='color:{later}'>"
                             f"&nbsp;&nbsp;{number + 1}. {title}</p>")
        self.steps_label.setText("".join(lines))
        self.steps_label.setAccessibleName(
            _tr("Step %1 of %2: %3").replace("%1", str(here + 1))
            .replace("%2", str(len(keys))).replace("%3", self.pages[keys[here]].title()))

    def _on_page_changed(self, _page_id: int) -> None:
        if self._loading or self._closing or not (self._dirty or self.resumed):
            return
        self.save_draft_now()

    def save_draft_now(self) -> bool:
        """Write the draft now; a failure is told once and the wizard carries on."""
        self._autosave.stop()
        if self.saved:
            return True
        try:
            store.save_draft(self.client_id, self.collect().to_json())
        except GoodbyeError as exc:
            alerts.error(self, _tr("The draft could not be kept: %1")
                         .replace("%1", error_text(exc)))
            return False
        return True

    # --- finishing and cancelling -------------------------------------------------------------

    def save_now(self) -> bool:
        """Finish: write the departure (or the meeting) in one transaction; False on failure."""
        draft = self.collect()
        try:
            if draft.is_keep:
                store.keep_client(draft)
            else:
                self.departure_id = store.finish(draft, today=self.today)
        except GoodbyeError as exc:
            alerts.error(self, error_text(exc), title=_tr("Not saved"))
            return False
        self._autosave.stop()
        self.saved = True
        return True

    def reject(self) -> None:
        if self.saved or self._closing:
            super().reject()
            return
        if not (self._dirty or self.resumed):
            self._close(discard=False)
            return
        answer = CancelQuestion.ask(self)
        if answer == KEEP:
            if self.save_draft_now():
                self._close(discard=False)
        elif answer == DISCARD:
            try:
                store.discard_draft(self.client_id)
            except GoodbyeError as exc:
                # The draft stays; the owner can discard it next time.
                alerts.error(self, error_text(exc), title=_tr("The draft was not discarded"))
            self._close(discard=True)

    def _close(self, *, discard: bool) -> None:
        self._autosave.stop()
        self._closing = True
        super().reject()

    def done(self, result: int) -> None:
        self._autosave.stop()
        super().done(result)

    def hideEvent(self, event: QHideEvent) -> None:
        # A draft due to be kept in a moment is kept now: no timer runs while hidden.
        if self._autosave.isActive():
            self.save_draft_now()
        super().hideEvent(event)
