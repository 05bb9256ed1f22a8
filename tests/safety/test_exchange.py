"""CSV and vCard out and in: round trips, other programs' files, encodings, all or nothing."""

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from safety_helpers import fill

from goodbye_desktop.cli import main
from goodbye_desktop.errors import ImportFormatError
from goodbye_desktop.exchange.csv_export import export_csv
from goodbye_desktop.exchange.importer import ImportDecisionError, import_file
from goodbye_desktop.exchange.vcard import export_vcard, parse_vcards
from goodbye_desktop.store import connection, records
from goodbye_desktop.store.database import close_database, open_database
from goodbye_desktop.store.exchange_rows import TABLES


def counts() -> dict[str, int]:
    conn = connection.current()
    return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("client", "contact", "interaction", "revenue", "proposal")}


def clients_json(capsys, db: Path) -> list:
    close_database()
    assert main(["--db", str(db), "clients", "--json", "--archived"]) == 0
    open_database(db)
    rows = json.loads(capsys.readouterr().out)
    for row in rows:
        row.pop("id")
    return rows


def test_export_then_import_into_an_empty_database_gives_the_same_records(
        tmp_path: Path, capsys) -> None:
    source = tmp_path / "source.sqlite"
    fill(source, clients=12)
    open_database(source)
    cid = records.create_client(name="=HYPERLINK(\"http://x\")", notes="+1 line\nand more")
    records.save_proposal(cid, title="-10% offer", sent_on=date(2025, 2, 3),
                          amount_cents=123456, outcome="won")
    before_counts = counts()
    before = clients_json(capsys, source)
    export_csv(tmp_path / "out")
    close_database()
    with open(tmp_path / "out" / "clients.csv", encoding="utf-8", newline="") as f:
        cells = [row["name"] for row in csv.DictReader(f)]
    assert "'=HYPERLINK(\"http://x\")" in cells  # never run as a formula
    assert (tmp_path / "out" / "clients.csv").stat().st_mode & 0o777 == 0o600

    target = tmp_path / "target.sqlite"
    open_database(target)
    try:
        for kind in ("clients", "contacts", "interactions", "revenue", "proposals"):
            import_file(tmp_path / "out" / f"{kind}.csv", kind)
        assert counts() == before_counts
        assert clients_json(capsys, target) == before
    finally:
        close_database()


def test_every_documented_file_has_its_header(db_path: Path, tmp_path: Path) -> None:
    export_csv(tmp_path / "out")
    for table in TABLES:
        with open(tmp_path / "out" / table.file_name, encoding="utf-8", newline="") as f:
            assert tuple(next(csv.reader(f))) == table.columns
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    for table in TABLES:
        assert f"`{table.file_name}`" in readme
        for column in table.columns:
            assert f"`{column}`" in readme, (table.file_name, column)


GOOGLE = ("First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,"
          "Phonetic Last Name,Name Prefix,Name Suffix,Nickname,File As,Organization Name,"
          "Organization Title,Organization Department,Birthday,Notes,Photo,Labels,"
          "E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,"
          "Address 1 - Label,Address 1 - Formatted\r\n"
          "Łukasz,,Nowak,,,,,,,,Renée & <Sons>,Owner,,,Met at the fair,,* myContacts ::: "
          "Bakery,Work,lukasz@example.com,Mobile,+48 600 100 200,Work,\"1 Rue de la Paix\n"
          "Paris\"\r\n"
          "Anna,,Kowalczyk,,,,,,,,Renée & <Sons>,Accounts,,,,,* myContacts,Work,"
          "anna@example.com,,,,\r\n"
          "花子,,山田,,,,,,,,,,,,,,* myContacts,Home,hanako@example.jp,,,,\r\n")
OUTLOOK = ("First Name,Middle Name,Last Name,Title,Suffix,Nickname,Given Yomi,Surname Yomi,"
           "E-mail Address,E-mail 2 Address,E-mail 3 Address,Home Phone,Home Phone 2,"
           "Business Phone,Business Phone 2,Mobile Phone,Car Phone,Other Phone,Primary Phone,"
           "Pager,Business Fax,Home Fax,Other Fax,Company Main Phone,Callback,Radio Phone,"
           "Telex,TTY/TDD Phone,IMAddress,Job Title,Department,Company,Office Location,"
           "Manager's Name,Assistant's Name,Assistant's Phone,Company Yomi,Business Street,"
           "Business City,Business State,Business Postal Code,Business Country/Region,"
           "Home Street,Home City,Home State,Home Postal Code,Home Country/Region,Notes,"
           "Categories\r\n"
           "Zoë,,Papadopoulou,,,,,,zoe@example.gr,,,,,+30 210 000,,,,,,,,,,,,,,,,Director,,"
           "Ελληνική Ταβέρνα,,,,,,Odos 1,Athens,,10558,Greece,,,,,,VIP,Food; Greece\r\n")
VCARD3 = ("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Haddad;Omar;;;\r\nFN:Omar Haddad\r\n"
          "ORG:مكتبة محمد;Sales\r\nTITLE:Buyer\r\nEMAIL;TYPE=INTERNET:omar@example.com\r\n"
          "TEL;TYPE=WORK:+20 2 000\r\nADR;TYPE=WORK:;;12 Nile St;Cairo;;11511;Egypt\r\n"
          "NOTE:Prefers calls\\, not email\r\nEND:VCARD\r\n")


@pytest.mark.parametrize("name, text, encoding", [
    ("google.csv", GOOGLE, "utf-8"),
    ("outlook.csv", OUTLOOK, "utf-8-sig"),
    ("outlook16.csv", OUTLOOK, "utf-16"),
    ("cards.vcf", VCARD3, "utf-8"),
])
def test_address_book_exports_become_clients_and_contacts(db_path: Path, tmp_path: Path,
                                                          name, text, encoding) -> None:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    result = import_file(path, "clients")
    conn = connection.current()
    clients = dict(conn.execute("SELECT name, is_person FROM client"))
    contacts = {row[0]: row[1:] for row in conn.execute(
        "SELECT x.name, c.name, x.email, x.role FROM contact x JOIN client c ON c.id = "
        "x.client_id")}
    if name == "google.csv":
        assert clients == {"Renée & <Sons>": 0, "花子 山田": 1}
        assert contacts["Łukasz Nowak"] == ("Renée & <Sons>", "lukasz@example.com", "Owner")
        assert contacts["Anna Kowalczyk"][0] == "Renée & <Sons>"
        assert conn.execute("SELECT tags FROM client WHERE is_person = 0").fetchone() == (
            "Bakery",)
    elif name.startswith("outlook"):
        assert clients == {"Ελληνική Ταβέρνα": 0}
        assert contacts["Zoë Papadopoulou"] == ("Ελληνική Ταβέρνα", "zoe@example.gr",
                                                "Director")
    else:
        assert clients == {"مكتبة محمد": 0}
        assert contacts["Omar Haddad"] == ("مكتبة محمد", "omar@example.com", "Buyer")
        assert "Cairo" in conn.execute("SELECT address FROM client").fetchone()[0]
    assert result.added["clients"] == len(clients)


def test_vcard_export_reads_back(db_path: Path, tmp_path: Path) -> None:
    cid = records.create_client(name="Ταβέρνα «Ο Γιάννης»", address="Odos 1\nAthens")
    records.save_contact(cid, name="Γιάννης Οικονόμου; Jr, the 2nd", email="g@example.gr",
                         role="Owner", phone="+30 1")
    path = tmp_path / "contacts.vcf"
    assert export_vcard(path) == 1
    text = path.read_bytes().decode("utf-8")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    (card,) = parse_vcards(text)
    assert card["FN"] == "Γιάννης Οικονόμου; Jr, the 2nd" and card["ORG"] == "Ταβέρνα «Ο Γιάννης»"
    assert card["ADR"] == "Odos 1\nAthens"


def test_windows_1252_is_read_and_binary_is_refused(db_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "old.csv"
    path.write_bytes("name,notes\r\nCafé Müller,Grüße – bis bald\r\n".encode("cp1252"))
    import_file(path, "clients")
    assert connection.current().execute("SELECT name, notes FROM client").fetchone() == (
        "Café Müller", "Grüße – bis bald")
    path.write_bytes(b"name\r\n\x81\x8d\x8f\x90\x9d\r\n")
    with pytest.raises(ImportFormatError, match="not text in UTF-8, UTF-16 or Windows-1252"):
        import_file(path, "clients")


def test_locale_dates_and_amounts(db_path: Path, tmp_path: Path) -> None:
    records.update_profile(locale="de_DE")
    cid = records.create_client(name="Nordlicht GmbH")
    path = tmp_path / "revenue.csv"
    path.write_text("client_name;month;amount\nNordlicht GmbH;03.2025;1.234,56\n"
                    "nordlicht gmbh;2025-04;€ 99,5\n", encoding="utf-8")
    import_file(path, "revenue")
    amounts = connection.current().execute(
        "SELECT month, amount_cents FROM revenue WHERE client_id = ? ORDER BY month",
        (cid,)).fetchall()
    assert amounts == [("2025-03-01", 123456), ("2025-04-01", 9950)]
    path.write_text("client_name;sent_on;amount\nNordlicht GmbH;25.11.2026;10\n",
                    encoding="utf-8")
    import_file(path, "proposals")
    assert connection.current().execute("SELECT sent_on FROM proposal").fetchone() == (
        "2026-11-25",)


def test_one_bad_row_and_nothing_is_imported(db_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "clients.csv"
    rows = ["name,status,started_on"] + [f"Client {i},active,2024-01-01" for i in range(40)]
    rows[17] = "Client X,sleeping,2024-01-01"
    rows[30] = "Client Y,active,2024-02-30"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(ImportFormatError) as caught:
        import_file(path, "clients")
    message = str(caught.value)
    assert message.startswith("clients.csv: nothing was imported, 2 problems")
    assert "row 18, column status: 'sleeping' is not one of" in message
    assert "row 31, column started_on: '2024-02-30' is not a date that exists" in message
    assert counts()["client"] == 0


def test_at_most_twenty_problems_are_listed(db_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "revenue.csv"
    path.write_text("client_name,month,amount\n" + "Nobody,2025-01,x\n" * 30, encoding="utf-8")
    with pytest.raises(ImportFormatError, match=r"60 problems .* and 40 more\.$"):
        import_file(path, "revenue")


def test_matches_are_merged_or_skipped_never_twinned(db_path: Path, tmp_path: Path) -> None:
    cid = records.create_client(name="Zoë's Café")
    records.save_contact(cid, name="Zoë", email="zoe@example.com")
    path = tmp_path / "clients.csv"
    path.write_text("name,notes\nzoe's cafe,Likes tea\nNew One,\n", encoding="utf-8")
    with pytest.raises(ImportDecisionError, match="row 2: zoe's cafe .*Zoë's Café, by name"):
        import_file(path, "clients")
    assert counts()["client"] == 1
    import_file(path, "clients", on_match="merge")
    conn = connection.current()
    assert conn.execute("SELECT name, notes FROM client ORDER BY id").fetchall() == [
        ("Zoë's Café", "Likes tea"), ("New One", "")]
    book = tmp_path / "book.vcf"
    book.write_text("BEGIN:VCARD\nVERSION:4.0\nFN:Zoe Other\nEMAIL:ZOE@example.com\n"
                    "END:VCARD\n", encoding="utf-8")
    import_file(book, "contacts", on_match="skip")
    assert counts()["client"] == 2 and counts()["contact"] == 1


def test_an_organisation_skipped_is_skipped_for_each_of_its_people(db_path: Path,
                                                                   tmp_path: Path) -> None:
    records.create_client(name="Łukasiewicz & Söhne")
    book = tmp_path / "book.vcf"
    book.write_text("".join(
        f"BEGIN:VCARD\nVERSION:4.0\nFN:{person}\nORG:Łukasiewicz & Söhne\n"
        f"EMAIL:{email}\nEND:VCARD\n" for person, email in (
            ("Anna Nowak", "anna@example.com"), ("Jan Kowal", "jan@example.com"))),
        encoding="utf-8")
    result = import_file(book, "contacts", on_match="skip")
    assert result.skipped == 2
    assert counts()["client"] == 1 and counts()["contact"] == 0
    import_file(book, "contacts", on_match="merge")
    assert counts()["client"] == 1 and counts()["contact"] == 2


def test_import_from_the_command_line_says_what_is_wrong(db_path: Path, tmp_path: Path,
                                                          capsys) -> None:
    close_database()
    path = tmp_path / "interactions.csv"
    path.write_text("client_name,occurred_at,kind\nNobody,2025-01-01 10:00,visit\n",
                    encoding="utf-8")
    assert main(["--db", str(db_path), "import-csv", "interactions", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "row 2, column client_name" in err and "column kind" in err
    open_database(db_path)


_cell = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(["clients", "contacts", "interactions", "revenue", "proposals"]),
       header=st.lists(st.sampled_from(["name", "status", "started_on", "client_name", "month",
                                        "amount", "occurred_at", "kind", "sent_on", "email",
                                        "archived", "??"]), min_size=1, max_size=5),
       body=st.lists(st.lists(_cell, max_size=6), max_size=6),
       raw=st.binary(max_size=40), use_raw=st.booleans())
def test_random_and_broken_files_import_whole_or_not_at_all(db_path: Path, tmp_path: Path,
                                                            kind, header, body, raw,
                                                            use_raw) -> None:
    records_before = counts()
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(body)
    path = tmp_path / "random.csv"
    path.write_bytes(raw if use_raw else buffer.getvalue().encode("utf-8"))
    try:
        result = import_file(path, kind, on_match="skip")
    except ImportFormatError:
        assert counts() == records_before
        return
    added = sum(result.added.values())
    assert added + result.skipped <= max(len(body), 1) * 2
    # Whole: every data row went in (or matched); then back to empty for the next example.
    connection.current().execute("DELETE FROM client")


def test_a_cancelled_import_leaves_nothing(db_path: Path, tmp_path: Path) -> None:
    from goodbye_desktop.exchange.csv_read import read_file
    from goodbye_desktop.exchange.importer import apply, prepare
    from goodbye_desktop.store.bulk_import import ImportCancelledError

    path = tmp_path / "clients.csv"
    path.write_text("name\n" + "".join(f"Client {i}\n" for i in range(12000)),
                    encoding="utf-8")
    prepared = prepare(read_file(path, "clients"))
    schema = _schema()
    seen = []
    with pytest.raises(ImportCancelledError):
        apply(prepared, progress=lambda done, total: seen.append(done),
              cancelled=lambda: len(seen) >= 1, own_connection=True)
    assert seen == [5000] and counts()["client"] == 0
    assert _schema() == schema  # the indexes dropped for the insert are back
    result = apply(prepared, own_connection=True)  # and the same, not stopped, goes in
    assert result.added == {"clients": 12000} and counts()["client"] == 12000


def test_any_file_can_be_mapped_onto_our_columns(db_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "crm.csv"
    path.write_text("Company name;Since;Remarks\nÉcole Zoë;01/02/2024;Via the fair\n",
                    encoding="utf-8")
    close_database()
    assert main(["--db", str(db_path), "import-csv", "clients", str(path),
                 "--map", "name=Company name", "--map", "started_on=Since",
                 "--map", "notes=Remarks"]) == 0
    open_database(db_path)
    assert connection.current().execute(
        "SELECT name, started_on, notes FROM client").fetchone() == (
        "École Zoë", "2024-02-01", "Via the fair")


def _schema() -> list[tuple]:
    return connection.current().execute(
        "SELECT type, name, sql FROM sqlite_master ORDER BY type, name").fetchall()


@pytest.mark.frozen_at("2026-03-15T10:00")
def test_an_import_leaves_the_derived_columns_as_the_store_makes_them(
        db_path: Path, tmp_path: Path) -> None:
    cafe = records.create_client(name="Zoë's Café", tags="Bakery")
    records.save_contact(cafe, name="Zoë", email="zoe@example.com")
    schema = _schema()
    # Over 10,000 rows into a table holding fewer: the indexes are made after the insert.
    clients = tmp_path / "clients.csv"
    clients.write_text("name,tags\nzoe's cafe,\"Tea, Bakery\"\n" + "".join(
        f"Client Łukasz {i},{('Ærø', 'Web', '')[i % 3]}\n" for i in range(10_500)),
        encoding="utf-8")
    import_file(clients, "clients", on_match="merge")
    contacts = tmp_path / "contacts.csv"
    contacts.write_text("client_name,name,email\nZoë's Café,Renée Müller,RENEE@example.com\n"
                        + "".join(f"client łukasz {i},Søren {i},s{i}@exämple.com\n"
                                  f"Client Łukasz {i},Anna {i},\n" for i in range(0, 10_500, 7)),
                        encoding="utf-8")
    import_file(contacts, "contacts")
    interactions = tmp_path / "interactions.csv"
    interactions.write_text("client_name,occurred_at,kind\nClient Łukasz 3,2026-02-01 09:30,"
                            "call\nZoë's Café,2025-12-24 16:00,meeting\n", encoding="utf-8")
    import_file(interactions, "interactions")
    revenue = tmp_path / "revenue.csv"
    revenue.write_text("client_name,month,amount\nClient Łukasz 3,2026-01,120.50\n"
                       "Zoë's Café,2024-01,99\nZoë's Café,2026-02,1\n", encoding="utf-8")
    import_file(revenue, "revenue")
    assert _schema() == schema  # every index and trigger as it was
    conn = connection.current()
    derived = "SELECT id, search_text, sort_name, last_contact_at, revenue_12m_cents FROM client"
    imported = conn.execute(derived).fetchall()
    assert len(imported) == 10_501
    for (cid,) in conn.execute("SELECT id FROM client").fetchall():
        records.refresh_client(cid)
    assert conn.execute(derived).fetchall() == imported
    cafe_row = [row for row in imported if row[0] == cafe][0]
    assert cafe_row[1:] == ("zoe's cafe\ntea, bakery\nzoe\nzoe@example.com\nrenee muller\n"
                            "renee@example.com", "zoe's cafe", "2025-12-24 16:00:00", 100)


_awkward = st.text(alphabet=st.sampled_from(list("ab ,\"'\r\n\t=+-@;Łé山م\u2028\x00")),
                   max_size=10)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(st.tuples(_awkward, _awkward, _awkward), min_size=1, max_size=4))
def test_each_file_is_what_csv_writer_makes_of_its_rows(db_path: Path, tmp_path: Path,
                                                         texts) -> None:
    from datetime import datetime

    from goodbye_desktop.store.exchange_rows import rows, snapshot

    conn = connection.current()
    conn.execute("DELETE FROM client")
    for name, other, third in texts:
        cid = records.create_client(name=f"x{name}", notes=other, tags=third, address=name)
        records.save_contact(cid, name=f"y{other}", role=name, phone=third)
        records.add_interaction(cid, datetime(2026, 3, 1, 9, 30), "call", summary=third)
        records.save_proposal(cid, title=other, sent_on=date(2026, 2, 1), amount_cents=1050)
        records.set_revenue(cid, date(2026, 1, 1), 99)
    out = tmp_path / "out"
    export_csv(out, letters=False)
    with snapshot() as snap:
        for table in TABLES:
            expected = io.StringIO(newline="")
            writer = csv.writer(expected)
            writer.writerow(table.columns)
            writer.writerows(rows(snap, table.kind))
            assert (out / table.file_name).read_bytes() == expected.getvalue().encode(
                "utf-8"), table.file_name
