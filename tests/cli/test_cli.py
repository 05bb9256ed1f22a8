"""The command line, as a user runs it: real files, exit statuses, one-line errors."""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from goodbye_desktop import __version__
from goodbye_desktop.cli import main
from goodbye_desktop.commands.terminal import display_width
from goodbye_desktop.store.database import APPLICATION_ID


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`python -m goodbye_desktop ARGS` in a fresh process, output captured as bytes."""
    return subprocess.run(
        [sys.executable, "-m", "goodbye_desktop", *args],
        capture_output=True, timeout=120, env={**os.environ, **(env or {})},
    )


def assert_one_line_error(stderr: str, *fragments: str) -> None:
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("goodbye-desktop: ")
    for fragment in fragments:
        assert fragment in lines[0]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database filled by `goodbye-desktop demo` in its own process."""
    path = tmp_path_factory.mktemp("cli") / "demo.sqlite"
    done = run_cli("--db", str(path), "demo")
    assert done.returncode == 0, done.stderr.decode()
    lines = done.stdout.decode("utf-8").splitlines()
    assert len(lines) == 1 and "Harbour Lane Studio" in lines[0]
    assert done.stderr == b""
    return path


def clients_json(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> list[dict]:
    assert main(["--db", str(db), "clients", "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"goodbye-desktop {__version__}" \
        == "goodbye-desktop 0.1.0"


def test_demo_in_process_then_refused_the_second_time(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "x.sqlite"
    assert main(["--db", str(db), "demo"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and "clients" in out
    count = len(clients_json(capsys, db, "--archived"))
    assert count >= 45

    assert main(["--db", str(db), "demo"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert_one_line_error(captured.err, "already holds clients", "--force")
    assert len(clients_json(capsys, db, "--archived")) == count

    # --force never adds a second client of the same name: the sample is there already.
    assert main(["--db", str(db), "demo", "--force"]) == 0
    assert "nothing was added" in capsys.readouterr().out
    assert len(clients_json(capsys, db, "--archived")) == count


def test_demo_refused_in_a_fresh_process_too(demo_db: Path) -> None:
    done = run_cli("--db", str(demo_db), "demo")
    assert done.returncode == 2
    assert_one_line_error(done.stderr.decode(), "already holds clients")


def test_clients_json_has_iso_dates_and_cents(
        demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = clients_json(capsys, demo_db)
    assert len(rows) >= 45
    by_name = {row["name"]: row for row in rows}
    assert {"Renée & <Sons> Bakery", "山田デザイン事務所", "مكتبة محمد", "Дмитрий Соколов"} \
        <= by_name.keys()
    bakery = by_name["Renée & <Sons> Bakery"]
    assert isinstance(bakery["revenue_12m_cents"], int) and bakery["currency"] == "GBP"
    assert len(bakery["started_on"]) == 10 and bakery["started_on"][4] == "-"
    assert "T" in bakery["last_contact_at"]
    assert all(not row["archived"] for row in rows)
    # Sorted by name the way the list sorts: accents do not push Łukasiewicz after Z.
    names = [row["name"] for row in rows]
    assert names.index("Łukasiewicz Logistics") < names.index("Zoë Papadopoulou")


def test_search_ignores_case_and_accents(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert "Łukasiewicz Logistics" in [r["name"] for r in clients_json(capsys, demo_db,
                                                                       "--search", "łuk")]
    assert "Łukasiewicz Logistics" in [r["name"] for r in clients_json(capsys, demo_db,
                                                                       "--search", "LUKASIEWICZ")]
    assert [r["name"] for r in clients_json(capsys, demo_db, "--search", "zoe")] \
        == ["Zoë Papadopoulou"]
    assert [r["name"] for r in clients_json(capsys, demo_db, "--search", "дмитрий")] \
        == ["Дмитрий Соколов"]
    assert clients_json(capsys, demo_db, "--search", "no such client anywhere") == []


def test_status_sort_and_archived(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    departed = clients_json(capsys, demo_db, "--status", "departed")
    assert departed and {r["status"] for r in departed} == {"departed"}
    assert all(r["ended_on"] for r in departed)
    by_revenue = clients_json(capsys, demo_db, "--sort", "revenue", "--descending")
    amounts = [r["revenue_12m_cents"] for r in by_revenue]
    assert amounts == sorted(amounts, reverse=True)
    assert by_revenue[0]["name"] == "Łukasiewicz Logistics"
    shown = clients_json(capsys, demo_db, "--archived")
    assert len(shown) > len(by_revenue)
    assert any(r["archived"] for r in shown)


def test_table_columns_line_up_in_every_script(
        demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(demo_db), "clients", "--archived"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() [:2] == ["Name", "Status"]
    status_column = display_width(lines[0][:lines[0].index("Status")])
    statuses = ("Prospect", "Active", "Departing", "Departed", "Returned")
    body = lines[2:-1]
    assert len(body) >= 45 and lines[-1].endswith("clients")
    for line in body:
        start = min(i for i in (line.find(f"  {s}") for s in statuses) if i >= 0) + 2
        assert display_width(line[:start]) == status_column, line
    assert any("山田デザイン事務所" in line for line in body)
    assert any("(archived)" in line for line in body)


def test_unicode_survives_a_pipe_whatever_the_locale(demo_db: Path) -> None:
    done = run_cli("--db", str(demo_db), "clients", "--search", "zoe",
                   env={"PYTHONIOENCODING": "ascii", "LC_ALL": "C"})
    assert done.returncode == 0, done.stderr.decode()
    assert "Zoë Papadopoulou" in done.stdout.decode("utf-8")
    done = run_cli("--db", str(demo_db), "clients", "--json", env={"PYTHONIOENCODING": "latin-1"})
    assert "山田デザイン事務所" in {r["name"] for r in json.loads(done.stdout.decode("utf-8"))}


def test_bad_status_is_one_clear_line(demo_db: Path) -> None:
    done = run_cli("--db", str(demo_db), "clients", "--status", "gone")
    assert done.returncode == 2 and done.stdout == b""
    assert_one_line_error(done.stderr.decode(), "'gone'", "departed")


def test_bad_sort_key_is_one_clear_line(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(demo_db), "clients", "--sort", "height"]) == 2
    assert_one_line_error(capsys.readouterr().err, "'height'", "revenue")


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["clients", "--colour"])
    assert exit_info.value.code == 2
    assert "unrecognized arguments: --colour" in capsys.readouterr().err


def test_newer_schema_is_refused_and_left_untouched(tmp_path: Path) -> None:
    db = tmp_path / "future.sqlite"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE client (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO client (name) VALUES ('From the future')")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")  # a newer version of ours
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    before = db.read_bytes()
    for command in ("clients", "demo"):
        done = run_cli("--db", str(db), command)
        assert done.returncode == 2
        assert_one_line_error(done.stderr.decode(), "newer version", "not changed")
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["future.sqlite"]


def test_a_file_that_is_not_a_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Shopping list: bread, milk\n", encoding="utf-8")
    assert main(["--db", str(notes), "clients"]) == 2
    assert_one_line_error(capsys.readouterr().err, "not a Goodbye Desktop database")
    assert notes.read_text(encoding="utf-8") == "Shopping list: bread, milk\n"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "locked.sqlite"
    sqlite3.connect(db).close()
    db.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    db.chmod(0)
    try:
        assert main(["--db", str(db), "clients"]) == 2
        assert_one_line_error(capsys.readouterr().err, "cannot be opened")
    finally:
        db.chmod(0o600)


def test_db_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "from-env" / "goodbye.sqlite"
    monkeypatch.setenv("GOODBYE_DESKTOP_DB", str(db))
    assert main(["clients"]) == 0
    assert capsys.readouterr().out == "No clients match.\n"
    assert db.exists()


def test_headless_commands_do_not_load_qt(demo_db: Path) -> None:
    code = ("import sys; from goodbye_desktop.cli import main; "
            f"status = main(['--db', {str(demo_db)!r}, 'clients', '--json']); "
            "print('qt' if any(m.startswith('PySide6') for m in sys.modules) else 'no qt', "
            "file=sys.stderr); sys.exit(status)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60,
                          env={k: v for k, v in os.environ.items()
                               if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")})
    assert done.returncode == 0
    assert done.stderr.decode().strip() == "no qt"


def test_a_folder_that_cannot_be_made(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "plain-file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert main(["--db", str(blocker / "goodbye.sqlite"), "clients"]) == 2
    assert_one_line_error(capsys.readouterr().err, "Cannot create the folder")


def test_a_relative_db_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["--db", "here.sqlite", "demo"]) == 0
    capsys.readouterr()
    # The second open finds an existing file by its relative name.
    assert len(clients_json(capsys, Path("here.sqlite"), "--status", "returned")) == 1
    assert (tmp_path / "here.sqlite").exists()
