"""Text for the terminal: a name can never act on the owner's terminal, and tables line up."""

from goodbye_desktop.commands.terminal import display_width, safe, table


def test_control_and_bidi_characters_are_shown_not_obeyed() -> None:
    assert safe("Acme\x1b[2J Ltd") == "Acme\\x1b[2J Ltd"
    assert safe("two\nlines\tand\r") == "two\\nlines\\tand\\r"
    assert safe("evil\u202efdp.exe") == "evil\\u202efdp.exe"
    assert safe("A\nB\x1b[31m\u202eC\u2028") == "A\\nB\\x1b[31m\\u202eC\\u2028"
    # Joiners shape Indic and Persian names: they stay as they are.
    assert safe("क्\u200dष") == "क्\u200dष"
    assert safe("Renée & <Sons> 山田 محمد") == "Renée & <Sons> 山田 محمد"


def test_a_table_of_names_in_every_script_lines_up() -> None:
    text = table(("Name", "Tenure"), [("山田デザイン事務所", "2 y"), ("Łukasz\nNowak", "5 m")],
                 right=(1,))
    lines = text.splitlines()
    assert "\n" not in lines[3] and "Łukasz\\nNowak" in lines[3]
    widths = {display_width(line) for line in lines}
    assert len(widths) == 1, lines


def test_json_is_indented_for_a_person_and_one_line_for_a_program() -> None:
    import io
    import json

    from goodbye_desktop.commands.terminal import write_json

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    value = {"name": "Renée & <Sons>", "clients": [{"id": 1, "name": "山田\n"}]}
    piped, terminal = io.StringIO(), Terminal()
    write_json(value, piped)
    write_json(value, terminal)
    assert piped.getvalue().count("\n") == 1 and terminal.getvalue().count("\n") > 3
    assert json.loads(piped.getvalue()) == json.loads(terminal.getvalue()) == value
    assert "Renée & <Sons>" in piped.getvalue()  # written as it is, not as \u escapes
