"""Every error the app raises has its words, and every word's placeholder has its value.

The package is read with `ast`: each call of one of the app's error classes (or of
`Words`, a fragment of a message, or of `Issue`, a departure wizard page's issue, whose
code follows its field) outside ui/ names its code as a string, and that code must be in
`error_words.ERROR_WORDS` with no placeholder the call does not give a value for. The few
places that choose a code from a table are checked through their tables.
Codes nobody raises, and phrases nobody names, are reported too: the catalogue holds what
the app says, nothing more.
"""

from __future__ import annotations

import ast
import string
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from goodbye_desktop import error_words
from goodbye_desktop.correspondence import fit
from goodbye_desktop.error_words import ERROR_WORDS, PHRASES, SAID, Words, english
from goodbye_desktop.errors import DatabaseError, GoodbyeError, ValidationError
from goodbye_desktop.store import sql_errors, transaction

ROOT = Path(__file__).resolve().parents[1] / "goodbye_desktop"
# Calls whose code comes from a table or a parameter, with the values they always give;
# the tables are checked below.
CHOSEN = {
    ("store/sql_errors.py", "after"): {"action", "sqlite"},
    ("store/sql_errors.py", "alone"): {"sqlite"},
    ("store/transaction.py", "code"): {"action", "sqlite"},
    ("correspondence/fit.py", "code"): {"name", "a_letter", "instead"},
}
# Makers of worded things that take another argument before their code: name -> position.
CODE_AT = {"Issue": 1}


@dataclass(frozen=True)
class Raised:
    """One code named where an error (or a fragment) is made, with the values given."""

    where: str
    code: str
    values: frozenset[str]


def _sources() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        yield relative, ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _error_classes() -> set[str]:
    """GoodbyeError and every class of the package that derives from it (by name)."""
    bases: dict[str, set[str]] = {}
    for _, tree in _sources():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases[node.name] = {b.id if isinstance(b, ast.Name) else getattr(b, "attr", "")
                                    for b in node.bases}
    found = {"GoodbyeError"}
    while True:
        more = {name for name, of in bases.items() if of & found} - found
        if not more:
            return found
        found |= more


def _codes(node: ast.expr) -> list[str] | None:
    """The code(s) a call's first argument names: a string, or either side of an `if`."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        body, orelse = _codes(node.body), _codes(node.orelse)
        return None if body is None or orelse is None else body + orelse
    return None


def _calls() -> Iterator[tuple[str, str, ast.Call]]:
    """Every call that makes something worded by code, outside ui/: where, file, call."""
    makers = _error_classes() | {"Words"} | set(CODE_AT)
    for relative, tree in _sources():
        if relative.startswith("ui/") or relative in ("errors.py", "error_words.py"):
            continue
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in makers
                    and len(node.args) > CODE_AT.get(node.func.id, 0)):
                yield f"goodbye_desktop/{relative}:{node.lineno}", relative, node


def raised() -> list[Raised]:
    """Every code named in a call of an error class, of `Words` or of `Issue`, outside ui/."""
    out = []
    for where, relative, node in _calls():
        assert all(k.arg for k in node.keywords), f"{where}: give each value by name"
        values = frozenset(k.arg for k in node.keywords if k.arg != "field")
        argument = node.args[CODE_AT.get(node.func.id, 0)]
        codes = _codes(argument)
        if codes is None:
            name = argument.id if isinstance(argument, ast.Name) else "?"
            assert (relative, name) in CHOSEN, (
                f"{where}: the code is not a string; name it, or check its table here")
            assert values >= CHOSEN[relative, name], f"{where}: gives {sorted(values)}"
            continue
        out.extend(Raised(where, code, values) for code in codes)
    return out


RAISED = raised()


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_the_scan_finds_the_raise_sites() -> None:
    # Guards the scan itself: a broken walk would pass every check below.
    assert len(RAISED) > 150
    assert any(r.code == "client.not_found" for r in RAISED)


@pytest.mark.parametrize("site", RAISED, ids=lambda r: f"{r.code}@{r.where}")
def test_every_code_raised_has_words_with_its_values(site: Raised) -> None:
    assert site.code in ERROR_WORDS, f"{site.where}: {site.code!r} has no words"
    missing = _placeholders(ERROR_WORDS[site.code]) - site.values
    assert not missing, f"{site.where}: {site.code} needs {sorted(missing)}"


def test_codes_chosen_from_tables_have_words_with_their_values() -> None:
    for _, alone, after in sql_errors._CODES:
        assert _placeholders(ERROR_WORDS[alone]) <= CHOSEN["store/sql_errors.py", "alone"]
        assert _placeholders(ERROR_WORDS[after]) <= CHOSEN["store/sql_errors.py", "after"]
    for code in ("sql.reported", "sql.action_reported"):
        assert code in ERROR_WORDS
    for _, code in transaction._CONSTRAINTS:
        assert _placeholders(ERROR_WORDS[code]) <= CHOSEN["store/transaction.py", "code"]
    assert "action.constraint" in ERROR_WORDS
    for code in (*fit.CODES.values(), "fit.unsuited"):
        assert _placeholders(ERROR_WORDS[code]) <= CHOSEN["correspondence/fit.py", "code"]


def test_every_word_is_said_somewhere() -> None:
    named = {r.code for r in RAISED} | {SAID, "sql.reported", "sql.action_reported",
                                        "action.constraint"}
    named |= {code for _, alone, after in sql_errors._CODES for code in (alone, after)}
    named |= {code for _, code in transaction._CONSTRAINTS}
    named |= {*fit.CODES.values(), "fit.unsuited"}
    assert sorted(set(ERROR_WORDS) - named) == []


def _string_arguments(function: str, position: int) -> Iterator[tuple[str, str]]:
    for relative, tree in _sources():
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == function and len(node.args) > position
                    and isinstance(node.args[position], ast.Constant)):
                yield f"goodbye_desktop/{relative}:{node.lineno}", node.args[position].value


def test_every_action_and_label_named_has_its_words() -> None:
    actions = list(_string_arguments("user_action", 0)) + list(_string_arguments("explain", 1))
    assert len(actions) > 30
    for where, action in actions:
        assert action in PHRASES["action"], f"{where}: no words for the action {action!r}"
    labels = [found for helper in ("_require_text", "_check_date", "_check_choice",
                                   "_check_cents") for found in _string_arguments(helper, 2)]
    assert len(labels) > 15
    for where, label in labels:
        assert label in PHRASES["label"], f"{where}: no words for the label {label!r}"
    for site in RAISED:
        assert site.code != "field.required" or "label" in site.values, site.where


def test_str_gives_the_english_words_filled() -> None:
    error = ValidationError("field.required", field="name", label="client_name")
    assert (str(error), error.code, error.field, error.values) == (
        "Name is required.", "field.required", "name", {"label": "client_name"})
    nested = DatabaseError("db.damaged", path="/tmp/x.sqlite",
                           what=Words("db.damage_check", problem="page 3"), offer="")
    assert str(nested) == ("/tmp/x.sqlite is damaged (SQLite's check found: page 3); it was "
                           "left untouched.")


def test_words_already_worded_are_kept_as_they_are() -> None:
    # The window raises errors with words it translated itself (through tr()).
    error = ValidationError("Bitte geben Sie einen Namen ein.", field="name")
    assert (error.code, str(error), error.field) == (
        SAID, "Bitte geben Sie einen Namen ein.", "name")


def test_a_broken_template_gives_its_words_rather_than_failing() -> None:
    assert error_words.fill("{name!x} left", {"name": "Renée"}) == "{name!x} left"
    assert english("cli.client_and_id", {"name": "山田"}) == "山田 (id {client_id})"


def test_every_error_class_takes_a_code() -> None:
    error = GoodbyeError("client.not_found", client_id=7)
    assert str(error) == "There is no client with id 7."


def test_the_scan_finds_the_wizard_issues_and_the_letters_words() -> None:
    # Not only raise sites: a page's issues, a letter's pre-flight and its missing facts.
    codes = {r.code for r in RAISED}
    assert sum(r.where.startswith("goodbye_desktop/core/departure.py") for r in RAISED) >= 27
    assert {"draft.job_description", "preflight.needs", "preflight.summary",
            "missing.start_date", "fit.instead"} <= codes


def test_every_phrase_named_by_a_value_has_its_words() -> None:
    # A value named after a group of PHRASES ("fact", "part", "a_letter", "action" ...),
    # given as a string, must be one of that group's codes.
    checked = 0
    for where, _, node in _calls():
        for keyword in node.keywords:
            if keyword.arg in PHRASES and isinstance(keyword.value, ast.Constant):
                checked += 1
                assert keyword.value.value in PHRASES[keyword.arg], (
                    f"{where}: no words for the {keyword.arg} {keyword.value.value!r}")
    assert checked >= 5


def test_every_letter_kind_and_missing_fact_has_its_phrase() -> None:
    from goodbye_desktop.documents import letters
    from goodbye_desktop.documents.values import LetterFacts, Recipient, Sender
    from goodbye_desktop.vocabulary import LETTER_KINDS

    assert set(PHRASES["a_letter"]) == set(LETTER_KINDS)
    # With nothing known, every fact a letter can lack is missing: each has its phrase
    # for the pre-flight, and its why has words without values.
    _, missing = letters._values("farewell", Sender(business_name=""), Recipient(client_name=""),
                                 LetterFacts(), ())
    assert len(missing) > 15
    for name, (fact, why) in missing.items():
        assert fact in PHRASES["fact"], f"{name}: no words for the fact {fact!r}"
        assert why.code in ERROR_WORDS and not _placeholders(ERROR_WORDS[why.code]), name


def test_every_part_a_letter_prints_unprintably_has_its_phrase() -> None:
    from goodbye_desktop.correspondence import preflight
    from goodbye_desktop.correspondence.values_from_records import LetterInputs
    from goodbye_desktop.documents.values import LetterFacts, Recipient, Sender

    recipient = Recipient(client_name="Anna 🦄", contact_name="Zoë 🦄", salutation="Hej 🦄",
                          address="1 🦄 Street")
    inputs = LetterInputs(Sender(business_name=""), recipient, LetterFacts(), None, None)
    unprintable = [p for p in preflight.check("keep_in_touch", inputs)
                   if p.fact == "unprintable"]
    assert len(unprintable) == 4
    for problem in unprintable:
        assert problem.values["part"] in PHRASES["part"]
    assert str(Words(unprintable[0].code, **unprintable[0].values)).startswith(
        "The client's name “Anna 🦄” has characters no font")


def test_anything_worded_by_code_says_its_english() -> None:
    from goodbye_desktop.core.departure import Issue
    from goodbye_desktop.error_words import Worded, say

    issue = Issue("pending", "draft.job_description", number=2)
    assert isinstance(issue, Worded) and not isinstance({"code": 1}, Worded)
    assert say(issue) == "Job 2 needs a description (or remove it)."
    assert english("sample.departure_incomplete", {"name": "Łukasz", "issues": (
        issue, Issue("steps", "draft.no_step"))}) == (
        "The sample departure of Łukasz is incomplete: Job 2 needs a description (or remove "
        "it).; Keep at least one step: even a short plan helps the client.")
