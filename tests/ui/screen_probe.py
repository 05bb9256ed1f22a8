"""Open every page, tab and dialog of the window on a screen of a given size and report.

Run by tests/ui/test_fits_screen.py in a fresh process, because the offscreen platform's
screen size is fixed when the QApplication starts:

    python tests/ui/screen_probe.py WIDTH HEIGHT DB_PATH [--shots DIR] [--locale L] [--quick]

It fills DB_PATH with the sample data, builds the window as the app does, and prints one
JSON object: the screen's available geometry, the problems found (a window larger than
the screen, a button outside it, a label that cuts a client's name) and a few texts
formatted by the window (a date and an amount). `--shots DIR` also saves every view as
a PNG, to look at; `--locale L` sets the business profile's locale first; `--quick`
stops after the main window (for the locale check).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path


def _configure_screen(width: int, height: int) -> None:
    config = Path(tempfile.mkdtemp()) / "screen.json"
    config.write_text(json.dumps({"screens": [{
        "name": "probe", "x": 0, "y": 0, "width": width, "height": height,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


def main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("width", type=int)
    parser.add_argument("height", type=int)
    parser.add_argument("db", type=Path)
    parser.add_argument("--shots", type=Path)
    parser.add_argument("--locale", default="")
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv[1:])
    width, height, db_path, shots = args.width, args.height, args.db, args.shots
    _configure_screen(width, height)
    # Window sizes remembered by another run must not decide this one's.
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp()

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

    from goodbye_desktop import app as goodbye_app
    from goodbye_desktop import sample
    from goodbye_desktop.store import queries
    from goodbye_desktop.store.database import close_database, open_database

    open_database(db_path)
    sample.fill_demo()
    if args.locale:
        from goodbye_desktop.store import records

        records.update_profile(locale=args.locale)
    close_database()

    window = goodbye_app.build_main_window(db_path)
    qapp = QApplication.instance()
    area = qapp.primaryScreen().availableGeometry()
    # As on a first start: the window sizes itself to the screen.
    window.move(area.topLeft())
    window.show()
    problems: list[str] = []
    names = [row.name for row in queries.client_list(queries.ClientFilter())]

    def pump() -> None:
        for _ in range(4):
            qapp.processEvents()

    def shoot(widget: QWidget, name: str) -> None:
        if shots is not None:
            shots.mkdir(parents=True, exist_ok=True)
            widget.grab().save(str(shots / f"{name}.png"))

    def check(widget: QWidget, name: str) -> None:
        pump()
        frame = widget.frameGeometry()
        if frame.width() > area.width() or frame.height() > area.height():
            problems.append(f"{name}: {frame.width()}x{frame.height()} is larger than the "
                            f"screen's {area.width()}x{area.height()}")
        for button in widget.findChildren(QAbstractButton):
            if not button.isVisibleTo(widget) or button.window() is not widget.window():
                continue
            top_left = button.mapToGlobal(button.rect().topLeft())
            bottom_right = button.mapToGlobal(button.rect().bottomRight())
            if not (area.contains(top_left) and area.contains(bottom_right)):
                problems.append(f"{name}: the button {button.text()!r} is outside the screen")
        for label in widget.findChildren(QLabel):
            text = label.text()
            if not label.isVisibleTo(widget) or not any(n and n in text for n in names):
                continue
            metrics = label.fontMetrics()
            if label.wordWrap():
                if label.heightForWidth(label.width()) > label.height() + 1:
                    problems.append(f"{name}: the label {text!r} is cut at the bottom")
            elif max(metrics.horizontalAdvance(line) for line in text.splitlines() or [""]) \
                    > label.contentsRect().width() + 1:
                problems.append(f"{name}: the label {text!r} is cut at the right")
        shoot(widget, name)

    def dialog(name: str, make) -> None:
        shown = make()
        shown.show()
        check(shown, name)
        shown.close()
        shown.deleteLater()
        pump()

    check(window, "main")
    model = window.client_list.model
    by_status: dict[str, int] = {}
    for row in range(model.rowCount()):
        client = model.client_row(row)
        by_status.setdefault(client.status, client.id)
    texts: dict[str, str] = {}
    for status, client_id in sorted(by_status.items()):
        window.client_list.select_client(client_id)
        pump()
        tabs = window.client_detail.tabs
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            check(window, f"client-{status}-tab{index}")
        tabs.setCurrentIndex(0)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        check(window, f"page{index}")
    window.tabs.setCurrentIndex(0)

    active = by_status["active"]
    window.client_list.select_client(active)
    pump()
    header = window.client_detail.header
    texts["revenue"] = header.revenue.value.text()
    texts["since"] = header.since_label.text()
    texts["list_last_contact"] = model.index(0, model.LAST_CONTACT).data()
    first = model.client_row(0)
    texts["list_last_contact_iso"] = first.last_contact_at.date().isoformat()
    texts["list_revenue"] = model.index(0, model.REVENUE).data()
    texts["list_revenue_cents"] = str(first.revenue_12m_cents)
    texts["currency"] = queries.profile_currency()
    texts["system_locale"] = __import__("PySide6.QtCore").QtCore.QLocale.system().name()
    if args.quick:
        print(json.dumps({"screen": [area.width(), area.height()], "problems": problems,
                          "texts": texts}))
        window.close()
        close_database()
        return 0

    from functools import partial

    from goodbye_desktop.correspondence.due_letters import keep_batch
    from goodbye_desktop.correspondence.produce import keep
    from goodbye_desktop.store import documents, records
    from goodbye_desktop.ui.departed_view import ClientFolderDialog
    from goodbye_desktop.ui.departure_panel import ReturnDateDialog
    from goodbye_desktop.ui.departure_wizard import DepartureWizard
    from goodbye_desktop.ui.detail.contacts_tab import ContactForm
    from goodbye_desktop.ui.detail.promises_tab import PromiseForm
    from goodbye_desktop.ui.detail.proposals_tab import ProposalForm
    from goodbye_desktop.ui.detail.revenue_tab import RevenueForm
    from goodbye_desktop.ui.detail.timeline_tab import InteractionForm
    from goodbye_desktop.ui.dialogs.business_profile import BusinessProfileDialog
    from goodbye_desktop.ui.dialogs.client_form import ClientFormDialog
    from goodbye_desktop.ui.dialogs.document_preview import DocumentPreviewDialog
    from goodbye_desktop.ui.dialogs.due_letters import DueLettersDialog
    from goodbye_desktop.ui.dialogs.help_dialog import HelpDialog
    from goodbye_desktop.ui.dialogs.template_editor import TemplateEditorDialog

    dialog("business-profile", lambda: BusinessProfileDialog(
        window, save=records.update_profile))
    dialog("client-form-new", lambda: ClientFormDialog(window, save=records.create_client))
    dialog("client-form-edit", lambda: ClientFormDialog(
        window, active, save=partial(records.update_client, active)))
    dialog("letter-templates", lambda: TemplateEditorDialog(
        window, save=documents.save_template, reset=documents.reset_template))
    dialog("due-letters", lambda: DueLettersDialog(window, keep=keep_batch))
    dialog("client-folder", lambda: ClientFolderDialog(window, by_status["departed"]))
    dialog("return-date", lambda: ReturnDateDialog(window, window.client_detail
                                                   .departure_panel.today))
    dialog("form-contact", lambda: ContactForm(active, parent=window))
    dialog("form-interaction", lambda: InteractionForm(active, window))
    dialog("form-revenue", lambda: RevenueForm(active, "EUR", {}, parent=window))
    dialog("form-proposal", lambda: ProposalForm(active, parent=window))
    dialog("form-promise", lambda: PromiseForm(active, window))
    produced = DocumentPreviewDialog.produce_asking(window, "farewell", by_status["departing"])
    dialog("letter-preview", lambda: DocumentPreviewDialog(window, produced, keep=keep))
    dialog("user-guide", lambda: HelpDialog.show_guide(window))
    dialog("shortcuts", lambda: HelpDialog.show_shortcuts(window, window._shortcut_actions()))

    wizard = DepartureWizard(active, window)
    # The wizard asks before closing; say "discard" to whatever it asks.
    answer = QTimer()
    answer.timeout.connect(lambda: _dismiss(qapp, wizard))
    answer.start(50)
    wizard.show()
    check(wizard, "wizard-step1")
    who = wizard.currentPage()
    who.ended_radios["owner"].setChecked(True)
    who.reasons.item(0).setCheckState(who.reasons.item(0).checkState().Checked)
    step = 1
    while wizard.nextId() != -1:
        page = wizard.currentPage()
        if hasattr(page, "decision_radios"):
            page.decision_radios["let_go"].setChecked(True)
        if hasattr(page, "interviewer") and not page.interviewer.text():
            page.interviewer.setText("Sam Carter")
        before = wizard.currentId()
        wizard.next()
        pump()
        if wizard.currentId() == before:
            problems.append(f"wizard: could not leave step {step}")
            break
        step += 1
        check(wizard, f"wizard-step{step}")
    wizard.reject()
    answer.stop()
    pump()

    print(json.dumps({"screen": [area.width(), area.height()], "problems": problems,
                      "texts": texts, "steps": step}))
    window.close()
    close_database()
    return 0


def _dismiss(qapp, wizard) -> None:
    from PySide6.QtWidgets import QMessageBox

    modal = qapp.activeModalWidget()
    if isinstance(modal, QMessageBox):
        modal.reject()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
