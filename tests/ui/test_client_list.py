"""The client list: its lazy model over the store, and the pane the owner types into."""

from datetime import date, datetime

import pytest
from helpers import type_text
from PySide6.QtCore import QLocale, Qt

from goodbye_desktop.store import records
from goodbye_desktop.store.folding import fold
from goodbye_desktop.store.models import Client, database_proxy
from goodbye_desktop.store.queries import ClientFilter
from goodbye_desktop.ui.client_list import ClientListModel, ClientListPane

TODAY = date(2025, 6, 15)
pytestmark = pytest.mark.frozen_at(TODAY)


@pytest.fixture
def en_gb():
    """Show dates and money the British way, whatever the machine's locale."""
    previous = QLocale()
    QLocale.setDefault(QLocale("en_GB"))
    yield
    QLocale.setDefault(previous)


@pytest.fixture
def clients(db_path):
    """A small book of clients in several scripts, with contacts, tags and history."""
    ids = {}
    ids["lukasiewicz"] = records.create_client(
        name="Łukasiewicz Logistics", status="active", started_on=date(2020, 3, 1),
        tags="transport, poland")
    ids["zoe"] = records.create_client(
        name="Zoë Papadopoulou", is_person=True, status="departing",
        started_on=date(2022, 4, 10))
    ids["yamada"] = records.create_client(
        name="山田デザイン事務所", status="active", started_on=date(2019, 1, 20))
    ids["mohammed"] = records.create_client(
        name="مكتبة محمد", status="prospect")
    ids["renee"] = records.create_client(
        name="Renée & <Sons> Bakery", status="departed", started_on=date(2018, 5, 1),
        ended_on=date(2024, 11, 30), tags="food")
    ids["acme"] = records.create_client(
        name="Acme Widgets", status="returned", started_on=date(2023, 9, 1))
    records.save_contact(ids["acme"], name="Dmitri Sokolov", email="d.sokolov@example.org",
                         primary=True)
    records.save_contact(ids["yamada"], name="Ingrid Holm", email="ingrid@studio.example")
    records.add_interaction(ids["lukasiewicz"], datetime(2025, 6, 1, 10, 0), "call", minutes=30)
    records.add_interaction(ids["yamada"], datetime(2025, 2, 3, 9, 0), "email", minutes=10)
    records.add_interaction(ids["acme"], datetime(2024, 12, 24, 16, 0), "meeting", minutes=60)
    this_month = TODAY.replace(day=1)
    records.set_revenue(ids["lukasiewicz"], this_month, 120_000)
    records.set_revenue(ids["yamada"], this_month, 450_050)
    records.set_revenue(ids["acme"], this_month, 9_900)
    return ids


def names(model: ClientListModel) -> list[str]:
    return [model.index(row, ClientListModel.NAME).data() for row in range(model.rowCount())]


def make_model(qtbot, today: date = TODAY) -> ClientListModel:
    model = ClientListModel(today=lambda: today)
    model.reload()
    return model


# --- search -------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("łuk", ["Łukasiewicz Logistics"]),
    ("LUK", ["Łukasiewicz Logistics"]),
    ("zoe", ["Zoë Papadopoulou"]),
    ("ZOË", ["Zoë Papadopoulou"]),
    ("renee", ["Renée & <Sons> Bakery"]),
    ("<sons>", ["Renée & <Sons> Bakery"]),
    ("山田", ["山田デザイン事務所"]),
    ("محمد", ["مكتبة محمد"]),
    ("sokolov", ["Acme Widgets"]),  # a contact's name
    ("ingrid@studio", ["山田デザイン事務所"]),  # a contact's email
    ("poland", ["Łukasiewicz Logistics"]),  # a tag
    ("nobody at all", []),
])
def test_search_ignores_case_and_accents_in_every_script(qtbot, clients, text, expected):
    model = make_model(qtbot)
    model.set_search(text)
    assert names(model) == expected


def test_an_empty_search_shows_everyone_again(qtbot, clients):
    model = make_model(qtbot)
    model.set_search("zoe")
    assert model.rowCount() == 1
    model.set_search("")
    assert model.rowCount() == len(clients)


# --- sorting ------------------------------------------------------------------------------

def _values(model: ClientListModel, attribute):
    rows = [model.client_row(row) for row in range(model.rowCount())]
    return [attribute(row) for row in rows]


@pytest.mark.parametrize(("column", "key"), [
    (ClientListModel.NAME, lambda r: fold(r.name)),
    (ClientListModel.STATUS, lambda r: r.status),
    (ClientListModel.REVENUE, lambda r: r.revenue_12m_cents),
    (ClientListModel.TENURE, lambda r: r.tenure_days(TODAY)),
    (ClientListModel.LAST_CONTACT, lambda r: r.last_contact_at),
])
@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_sort_by_each_column_both_ways(qtbot, clients, column, key, order):
    model = make_model(qtbot)
    model.sort(column, order)
    values = _values(model, key)
    known = [v for v in values if v is not None]
    # Empty values (no start date, never contacted) come last in either direction.
    assert values == known + [None] * (len(values) - len(known))
    descending = order == Qt.SortOrder.DescendingOrder
    assert known == sorted(known, reverse=descending)
    assert len(set(known)) > 2  # the data really tells the orders apart


def test_sorting_keeps_the_search(qtbot, clients):
    model = make_model(qtbot)
    model.set_search("a")
    before = sorted(names(model))
    model.sort(ClientListModel.REVENUE, Qt.SortOrder.DescendingOrder)
    assert sorted(names(model)) == before


def signs_text(model: ClientListModel, row: int) -> str:
    """The signs a row shows once read, by name (the cell itself draws icons and a count).

    A paint asks for a page's signs and they follow just after it (see
    test_first_paint); `signs_of` reads them at once, as that follow-up does."""
    model.signs_of(row)
    return model.index(row, ClientListModel.SIGNS).data(Qt.ItemDataRole.AccessibleTextRole)


@pytest.fixture
def signs_book(db_path):
    """Clients with none, one and two warning signs, and a prospect."""
    two = records.create_client(name="Renée & <Sons>", started_on=date(2023, 1, 1))
    for day in (2, 9, 16):
        records.add_interaction(two, datetime(2025, 1, day, 10), "support", minutes=20,
                                complaint=True)
    records.save_contact(two, name="An Nguyen", primary=True, left_on=date(2025, 1, 20))
    one = records.create_client(name="Łukasz", started_on=date(2022, 1, 1))
    records.add_interaction(one, datetime(2024, 12, 1, 10), "call")
    calm = records.create_client(name="Aoife", started_on=date(2022, 1, 1))
    records.save_contact(calm, name="Aoife Murphy", primary=True)
    records.add_interaction(calm, datetime(2025, 1, 28, 10), "call")
    records.create_client(name="山田", status="prospect", started_on=date(2024, 1, 1))
    return {"two": two, "one": one, "calm": calm}


@pytest.mark.frozen_at("2025-02-01T10:00")
@pytest.mark.parametrize("checked_today", [False, True])
def test_warning_signs_sort_by_how_many(qtbot, signs_book, checked_today):
    if checked_today:
        from goodbye_desktop.store import at_risk

        at_risk.ensure_current(date(2025, 2, 1))
    model = make_model(qtbot, today=date(2025, 2, 1))
    model.sort(ClientListModel.SIGNS, Qt.SortOrder.DescendingOrder)
    assert model.sort_column() == ClientListModel.SIGNS
    assert names(model) == ["Renée & <Sons>", "Łukasz", "Aoife", "山田"]
    model.signs_of(0)  # as the read just after a paint does
    assert model.index(0, ClientListModel.SIGNS).data() == "2"
    assert model.index(0, ClientListModel.SIGNS).data(ClientListModel.SignKeysRole) == [
        "contact_turnover", "chronic_complaints"]
    model.sort(ClientListModel.SIGNS, Qt.SortOrder.AscendingOrder)
    assert names(model)[-2:] == ["Łukasz", "Renée & <Sons>"]
    # Back to a column the store sorts.
    model.sort(ClientListModel.NAME, Qt.SortOrder.AscendingOrder)
    assert names(model) == ["Aoife", "Łukasz", "Renée & <Sons>", "山田"]


@pytest.mark.frozen_at("2025-02-01T10:00")
@pytest.mark.parametrize("checked_today", [False, True])
def test_at_risk_filter_keeps_clients_with_signs(qtbot, signs_book, checked_today):
    if checked_today:
        # Once the day's check has run, the filter and the sort read its table instead.
        from goodbye_desktop.store import at_risk

        at_risk.ensure_current(date(2025, 2, 1))
        assert at_risk.is_current(date(2025, 2, 1))
    pane = ClientListPane(today=lambda: date(2025, 2, 1))
    qtbot.addWidget(pane)
    pane.status_filter.setCurrentIndex(pane.status_filter.findData("at_risk"))
    assert sorted(names(pane.model)) == ["Renée & <Sons>", "Łukasz"]
    pane.status_filter.setCurrentIndex(pane.status_filter.findData("active"))
    assert "Aoife" in names(pane.model)
    assert not pane.model.at_risk_only


def test_a_filter_that_hides_the_selection_scrolls_to_the_top(qtbot, db_path):
    for number in range(60):
        records.create_client(name=f"Client {number:02d}", status="active" if number % 2
                              else "prospect")
    pane = ClientListPane()
    qtbot.addWidget(pane)
    pane.resize(500, 300)
    pane.show()
    qtbot.waitExposed(pane)
    last = pane.model.client_id(pane.model.rowCount() - 1)
    pane.select_client(last)  # "Client 59", active, at the bottom
    assert pane.table.verticalScrollBar().value() > 0
    pane.status_filter.setCurrentIndex(pane.status_filter.findData("prospect"))
    assert pane.current_client_id() is None
    assert pane.table.verticalScrollBar().value() == 0


# --- filters ------------------------------------------------------------------------------

def test_status_filter(qtbot, clients):
    model = make_model(qtbot)
    model.set_status("active")
    assert sorted(names(model)) == ["Łukasiewicz Logistics", "山田デザイン事務所"]
    model.set_status("departing")
    assert names(model) == ["Zoë Papadopoulou"]
    model.set_status(None)
    assert model.rowCount() == len(clients)


def test_archived_clients_are_hidden_unless_asked_for(qtbot, clients):
    records.set_archived([clients["zoe"]], True)
    model = make_model(qtbot)
    assert "Zoë Papadopoulou" not in names(model)
    model.set_include_archived(True)
    assert "Zoë Papadopoulou" in names(model)
    row = model.row_of(clients["zoe"])
    assert model.index(row, 0).data(Qt.ItemDataRole.FontRole).italic()


# --- what the cells say ------------------------------------------------------------------

def test_cells_show_money_tenure_and_dates_in_the_locale(qtbot, clients, en_gb):
    model = make_model(qtbot)
    model.set_search("łuk")
    cell = [model.index(0, column).data() for column in range(model.columnCount())]
    assert cell == ["Łukasiewicz Logistics", "Active", "€1,200.00", "5 y 3 m", "01/06/2025", ""]
    model.set_search("محمد")
    assert model.index(0, ClientListModel.LAST_CONTACT).data() == "never"
    assert model.index(0, ClientListModel.TENURE).data() == ""


def test_revenue_follows_the_profile_currency(qtbot, clients, en_gb):
    records.update_profile(currency="GBP")
    model = make_model(qtbot)
    model.set_search("山田")
    assert model.index(0, ClientListModel.REVENUE).data() == "£4,500.50"


def test_warning_signs_header_names_the_signs(qtbot, clients):
    model = make_model(qtbot)
    tip = model.headerData(ClientListModel.SIGNS, Qt.Orientation.Horizontal,
                           Qt.ItemDataRole.ToolTipRole)
    assert "silence" in tip and "falling revenue" in tip


def test_warning_signs_show_with_their_reason(qtbot, db_path):
    complaining = records.create_client(name="Renée & <Sons>", started_on=date(2023, 1, 1))
    for day in (2, 9, 14):
        records.add_interaction(complaining, datetime(2025, 6, day, 10), "support",
                                minutes=20, complaint=True)
    quiet = records.create_client(name="Łukasz", started_on=date(2022, 1, 1))
    records.add_interaction(quiet, datetime(2025, 1, 10, 10), "call")
    records.create_client(name="山田", status="prospect", started_on=date(2024, 1, 1))
    model = make_model(qtbot)
    shown = {model.index(r, 0).data(): signs_text(model, r) for r in range(model.rowCount())}
    assert shown == {"Renée & <Sons>": "Complaints", "Łukasz": "Silence", "山田": ""}
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "Łukasz")
    model.signs_of(row)
    tip = model.index(row, ClientListModel.SIGNS).data(Qt.ItemDataRole.ToolTipRole)
    assert "No interaction for 156 days" in tip and "check-in" in tip


def test_model_passes_the_model_tester(qtbot, qtmodeltester, clients):
    model = make_model(qtbot)
    qtmodeltester.check(model)
    model.set_include_archived(True)
    model.sort(ClientListModel.REVENUE, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)


# --- lazy paging --------------------------------------------------------------------------

@pytest.fixture
def many_clients(db_path):
    """2,000 clients written in one statement (create_client one by one takes seconds)."""
    now = datetime(2025, 1, 1)
    rows = []
    for number in range(2000):
        name = f"Client {number:04d}"
        rows.append({"name": name, "started_on": date(2020, 1, 1), "search_text": fold(name),
                     "sort_name": fold(name), "created_at": now, "updated_at": now})
    with database_proxy.atomic():
        Client.insert_many(rows).execute()


def test_rows_are_fetched_a_page_at_a_time_as_they_scroll_in(qtbot, many_clients):
    pane = ClientListPane(today=lambda: TODAY)
    qtbot.addWidget(pane)
    model = pane.model
    assert model.rowCount() == 2000
    assert model.pages_fetched == 0  # counting rows reads no row

    pane.resize(700, 400)
    pane.show()
    qtbot.waitExposed(pane)
    qtbot.waitUntil(lambda: model.pages_fetched > 0)
    assert model.loaded_pages() == {0}

    pane.table.scrollToBottom()
    last_page = (2000 - 1) // ClientListModel.PAGE_SIZE
    qtbot.waitUntil(lambda: last_page in model.loaded_pages())
    # Only what was on screen was read: the first page and the last one or two.
    assert model.loaded_pages() <= {0, last_page - 1, last_page}
    assert model.index(1999, 0).data() == "Client 1999"


def test_showing_a_screenful_costs_a_few_statements_not_one_per_row(qtbot, many_clients):
    statements: list[str] = []
    connection = database_proxy.obj.connection()
    connection.set_trace_callback(statements.append)
    try:
        pane = ClientListPane(today=lambda: TODAY)
        qtbot.addWidget(pane)
        pane.resize(700, 600)
        pane.show()
        qtbot.waitExposed(pane)
        qtbot.waitUntil(lambda: pane.model.pages_fetched > 0)
        pane.table.scrollTo(pane.model.index(1500, 0))
        qtbot.waitUntil(lambda: 1500 // ClientListModel.PAGE_SIZE in pane.model.loaded_pages())
    finally:
        connection.set_trace_callback(None)
    # The index's change counter is one tiny read, asked again whenever the window is idle.
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")
               and "client_generation" not in s]
    # Two screens of 20-odd rows each: a handful of queries per page read (its rows, then
    # the facts behind its warning signs, grouped), far fewer than the rows shown.
    pages = len(pane.model.loaded_pages())
    assert pages <= 3
    assert len(selects) <= 6 + 7 * pages, selects


def test_a_search_is_one_query_and_drops_the_page_cache(qtbot, many_clients):
    model = make_model(qtbot)
    model.index(0, 0).data()
    assert model.loaded_pages() == {0}
    model.set_search("client 19")
    assert model.loaded_pages() == set()
    assert model.rowCount() == sum("19" in f"{n:04d}" for n in range(2000))


# --- the pane -----------------------------------------------------------------------------

@pytest.fixture
def pane(qtbot, clients):
    widget = ClientListPane(today=lambda: TODAY)
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def table_names(pane: ClientListPane) -> list[str]:
    model = pane.table.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_typing_ascii_in_the_search_narrows_the_table(qtbot, pane):
    qtbot.keyClicks(pane.search, "zoe")
    assert table_names(pane) == ["Zoë Papadopoulou"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Łuk", "Łukasiewicz Logistics"),
    ("山田", "山田デザイン事務所"),
    ("محمد", "مكتبة محمد"),
])
def test_typing_any_script_in_the_search_narrows_the_table(qtbot, pane, text, expected):
    type_text(pane.search, text)
    assert pane.search.text() == text
    assert table_names(pane) == [expected]


def test_escape_clears_the_search(qtbot, pane):
    pane.search.setFocus()
    qtbot.keyClicks(pane.search, "acme")
    assert pane.table.model().rowCount() == 1
    qtbot.keyClick(pane.search, Qt.Key.Key_Escape)
    assert pane.search.text() == ""
    assert pane.table.model().rowCount() == 6


def test_status_filter_and_show_archived_in_the_pane(qtbot, pane, clients):
    pane.status_filter.setCurrentIndex(pane.status_filter.findData("prospect"))
    assert table_names(pane) == ["مكتبة محمد"]
    pane.status_filter.setCurrentIndex(0)
    records.set_archived([clients["acme"]], True)
    pane.refresh()
    assert "Acme Widgets" not in table_names(pane)
    pane.show_archived.setChecked(True)
    assert "Acme Widgets" in table_names(pane)


def test_clicking_a_header_sorts_in_sql(qtbot, pane):
    header = pane.table.horizontalHeader()
    x = header.sectionViewportPosition(ClientListModel.REVENUE) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=header.viewport().rect().center().__class__(x, 5))
    assert pane.model.filter.sort_key == "revenue"

    def revenues() -> list[int]:
        return [pane.model.client_row(r).revenue_12m_cents
                for r in range(pane.model.rowCount())]

    first = revenues()
    assert first in (sorted(first), sorted(first, reverse=True))
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=header.viewport().rect().center().__class__(x, 5))
    second = revenues()
    assert second == sorted(first, reverse=first == sorted(first))
    assert second != first  # the sample holds different amounts


def test_selection_is_announced_and_survives_a_refresh(qtbot, pane, clients):
    row = pane.model.row_of(clients["yamada"])
    with qtbot.waitSignal(pane.clientSelected) as blocker:
        pane.table.selectRow(row)
    assert blocker.args == [clients["yamada"]]
    records.update_client(clients["yamada"], name="Yamada Design Office")
    pane.refresh()
    assert pane.current_client_id() == clients["yamada"]
    assert pane.current_row().name == "Yamada Design Office"


def test_selection_clears_when_the_client_leaves_the_list(qtbot, pane, clients):
    pane.select_client(clients["zoe"])
    assert pane.current_client_id() == clients["zoe"]
    with qtbot.waitSignal(pane.clientSelected) as blocker:
        qtbot.keyClicks(pane.search, "acme")
    assert blocker.args == [None]


def test_the_model_filter_is_a_plain_value(qtbot, clients):
    model = make_model(qtbot)
    model.set_filter(ClientFilter(search="zoe", include_archived=True))
    assert names(model) == ["Zoë Papadopoulou"]


def test_signs_are_read_again_after_a_write_not_after_a_search(qtbot, db_path):
    quiet = records.create_client(name="Łukasz", started_on=date(2022, 1, 1))
    records.add_interaction(quiet, datetime(2025, 1, 10, 10), "call")
    model = make_model(qtbot)
    assert signs_text(model, 0) == "Silence"
    statements: list[str] = []
    connection = database_proxy.obj.connection()
    connection.set_trace_callback(statements.append)
    try:
        model.set_search("łuk")
        assert signs_text(model, 0) == "Silence"
    finally:
        connection.set_trace_callback(None)
    assert not [s for s in statements if "FROM interaction" in s]
    records.add_interaction(quiet, datetime(2025, 6, 14, 10), "call")
    model.reload()
    assert signs_text(model, 0) == ""


def test_after_a_sort_the_first_keystroke_finds_its_texts_read_ahead(qtbot, pane):
    from goodbye_desktop.store.connection import current

    qtbot.waitUntil(lambda: pane._warmed_up)  # the warm-up of the list as it opened
    header = pane.table.horizontalHeader()
    x = header.sectionViewportPosition(ClientListModel.REVENUE) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=header.viewport().rect().center().__class__(x, 5))
    assert pane.model.filter.sort_key == "revenue"
    # The idle pane reads the new order's texts ahead: no keystroke has been typed yet.
    assert pane._warm_up.isActive()
    qtbot.waitUntil(lambda: not pane._warm_up.isActive(), timeout=3000)
    statements: list[str] = []
    current().set_trace_callback(statements.append)
    try:
        type_text(pane.search, "a")
    finally:
        current().set_trace_callback(None)
    assert "Acme Widgets" in table_names(pane)
    assert [s for s in statements if "ORDER BY" in s or "search_text" in s] == []
