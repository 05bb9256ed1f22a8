"""One client's numbers read the same in the window's list and in the terminal."""

from datetime import date

import pytest
from PySide6.QtCore import QLocale

from goodbye_desktop.cli import main
from goodbye_desktop.store import records
from goodbye_desktop.ui.client_list import ClientListModel

pytestmark = pytest.mark.frozen_at("2026-11-25T10:00")


def test_tenure_and_revenue_agree_between_the_list_and_the_terminal(qtbot, db_path, capsys):
    before = QLocale()
    QLocale.setDefault(QLocale("en_GB"))
    try:
        records.update_profile(currency="GBP", locale="en_GB")
        client = records.create_client(name="Renée & <Sons>", started_on=date(2025, 1, 30))
        records.set_revenue(client, date(2026, 10, 1), 123_456)
        model = ClientListModel(today=lambda: date(2026, 11, 25))
        model.reload()
        tenure = model.index(0, ClientListModel.TENURE).data()
        revenue = model.index(0, ClientListModel.REVENUE).data()
    finally:
        QLocale.setDefault(before)
    assert (tenure, revenue) == ("1 y 9 m", "£1,234.56")
    assert main(["--db", str(db_path), "clients"]) == 0
    row = capsys.readouterr().out.splitlines()[2]
    assert tenure in row and revenue in row
