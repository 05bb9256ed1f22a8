"""The house's layers, read from the source: who may import Qt, peewee, ReportLab and ui/.

Every `import` and `from ... import` in goodbye_desktop/ is read with `ast` (those inside
functions and under TYPE_CHECKING too, relative ones resolved), and each rule of
ARCHITECTURE.md is checked against it:

- Qt (PySide6) only under goodbye_desktop/ui/ and in app.py;
- peewee only under store/; ReportLab only under documents/;
- goodbye_desktop.ui only from ui/ itself, app.py and cli.py (the window's path), and
  goodbye_desktop.app only from cli.py;
- core/ imports nothing of the app but vocabulary, clock, errors and core itself.

A failure names each file, line and import that breaks a rule.
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = "goodbye_desktop"
ROOT = Path(__file__).resolve().parents[1] / PACKAGE


@dataclass(frozen=True)
class Import:
    """One imported module name, where it is imported."""

    path: str  # relative to the package folder, with forward slashes: "ui/client_list.py"
    line: int
    module: str  # absolute dotted name: "PySide6.QtCore", "goodbye_desktop.store.queries"

    def __str__(self) -> str:
        return f"{PACKAGE}/{self.path}:{self.line} imports {self.module}"


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path, root: Path = ROOT) -> Iterator[Import]:
    """Every module `path` (a file under `root`) imports; `from x import y` gives x and x.y."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    here = _module_name(path, root)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    relative = path.relative_to(root).as_posix()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(relative, node.lineno, alias.name)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            yield Import(relative, node.lineno, module)
            for alias in node.names:
                # `from goodbye_desktop import app` imports the module goodbye_desktop.app.
                if alias.name != "*":
                    yield Import(relative, node.lineno, f"{module}.{alias.name}")


@functools.cache
def all_imports() -> tuple[Import, ...]:
    return tuple(imp for path in sorted(ROOT.rglob("*.py")) for imp in imports_of(path))


def _is(module: str, name: str) -> bool:
    return module == name or module.startswith(name + ".")


def _under(imp: Import, *places: str) -> bool:
    """Whether the importing file is one of `places` (a file, or a folder ending in /)."""
    return any(imp.path.startswith(p) if p.endswith("/") else imp.path == p for p in places)


# (what is imported, where it may be imported, why)
RULES = [
    ("PySide6", ("ui/", "app.py"), "Qt only under ui/ and in app.py"),
    ("shiboken6", ("ui/", "app.py"), "Qt only under ui/ and in app.py"),
    ("peewee", ("store/",), "peewee only under store/"),
    ("playhouse", ("store/",), "peewee only under store/"),
    ("reportlab", ("documents/",), "ReportLab only under documents/"),
    (f"{PACKAGE}.ui", ("ui/", "app.py", "cli.py"), "nothing imports ui/ but app.py and cli.py"),
    (f"{PACKAGE}.app", ("cli.py", "app.py"), "only the command line starts the window"),
]

CORE_MAY_IMPORT = (f"{PACKAGE}.core", f"{PACKAGE}.vocabulary", f"{PACKAGE}.clock",
                   f"{PACKAGE}.errors")


def rule_breaks(imports: Iterable[Import], name: str, allowed: tuple[str, ...]) -> list[str]:
    return sorted({str(imp) for imp in imports if _is(imp.module, name)
                   and not _under(imp, *allowed)})


def core_breaks(imports: Iterable[Import]) -> list[str]:
    return sorted({
        str(imp) for imp in imports
        if _under(imp, "core/") and _is(imp.module, PACKAGE) and imp.module != PACKAGE
        and not any(_is(imp.module, allowed) for allowed in CORE_MAY_IMPORT)})


@pytest.mark.parametrize(("name", "allowed", "why"), RULES,
                         ids=[f"{r[2]} ({r[0]})" for r in RULES])
def test_each_library_stays_in_its_room(name: str, allowed: tuple[str, ...], why: str) -> None:
    assert rule_breaks(all_imports(), name, allowed) == [], why


def test_core_imports_nothing_of_the_app_but_its_vocabulary_clock_and_errors() -> None:
    assert core_breaks(all_imports()) == []


def test_the_package_exists_and_is_read() -> None:
    imports = all_imports()
    # The reading itself works: Qt is imported somewhere, and the core imports its peers.
    assert any(_is(imp.module, "PySide6") for imp in imports)
    assert any(_is(imp.module, "peewee") for imp in imports)
    assert any(_under(imp, "core/") for imp in imports)


def test_the_checks_catch_what_they_forbid(tmp_path: Path) -> None:
    # Each rule, fed an import it forbids, reports it (the file, the line, the module).
    bad = [Import("store/queries.py", 3, "PySide6.QtCore"),
           Import("core/signs.py", 5, "goodbye_desktop.store.queries"),
           Import("documents/letters.py", 7, "peewee"),
           Import("commands/clients.py", 9, "goodbye_desktop.ui.formatting"),
           Import("store/records.py", 11, "reportlab.platypus")]
    assert rule_breaks(bad, "PySide6", ("ui/", "app.py")) == [
        "goodbye_desktop/store/queries.py:3 imports PySide6.QtCore"]
    assert core_breaks(bad) == ["goodbye_desktop/core/signs.py:5 imports "
                                "goodbye_desktop.store.queries"]
    assert rule_breaks(bad, "peewee", ("store/",)) == [
        "goodbye_desktop/documents/letters.py:7 imports peewee"]
    assert rule_breaks(bad, f"{PACKAGE}.ui", ("ui/", "app.py", "cli.py")) == [
        "goodbye_desktop/commands/clients.py:9 imports goodbye_desktop.ui.formatting"]
    assert rule_breaks(bad, "reportlab", ("documents/",)) == [
        "goodbye_desktop/store/records.py:11 imports reportlab.platypus"]
    # Relative imports are resolved before the rules see them.
    probe = tmp_path / PACKAGE / "core" / "probe.py"
    probe.parent.mkdir(parents=True)
    probe.write_text("from ..store import queries\nfrom . import signs\n", encoding="utf-8")
    found = {imp.module for imp in imports_of(probe, tmp_path / PACKAGE)}
    assert found == {"goodbye_desktop.store", "goodbye_desktop.store.queries",
                     "goodbye_desktop.core", "goodbye_desktop.core.signs"}
    assert core_breaks(imports_of(probe, tmp_path / PACKAGE)) == [
        "goodbye_desktop/core/probe.py:1 imports goodbye_desktop.store",
        "goodbye_desktop/core/probe.py:1 imports goodbye_desktop.store.queries"]
