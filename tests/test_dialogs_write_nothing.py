"""A dialog never writes to the database itself: read from the source with `ast`.

The rule, precisely:

- A *write function* is a module-level function of goodbye_desktop/ (outside ui/) that
  opens one of the store's write transactions, or calls a write function. A write
  transaction is opened by `user_action(...)` (goodbye_desktop.store.transaction, one per
  user action), by `transaction()` of goodbye_desktop.store.connection, or by SQL text
  that starts with "BEGIN IMMEDIATE". Calls are followed
  through every import of the function's module (`from m import f`, `import m as x` then
  `x.f(...)`, imports inside functions too, relative ones resolved, names a package
  re-exports followed to where they are defined) until nothing new is found. So
  `records.create_client`, `documents.save_template`, `correspondence.produce.keep` and
  `correspondence.due_letters.keep_batch` are write functions; `records.get_client`,
  `produce.preview_pdf` or `documents.get_template` are not.
- No module under goodbye_desktop/ui/dialogs/ may name a write function, nor what opens a
  write transaction (`user_action`, the module goodbye_desktop.store.transaction,
  `connection.transaction`): not in an import
  (`from goodbye_desktop.store.records import update_profile`), not as an attribute of an
  imported module (`records.update_profile(...)`, or passed on as a default), anywhere in
  the file (inside functions too).

A dialog may read what it shows and call pure checks; what the owner entered goes back to
its caller, which saves it (directly, or through a `save`/`keep` function it hands the
dialog's classmethod). A failure names each file, line and write function.

What this cannot see: a write reached through `getattr`, or a callable a dialog builds
from something else than an import. Those would be deliberate; review catches them.
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

PACKAGE = "goodbye_desktop"
ROOT = Path(__file__).resolve().parents[1] / PACKAGE
TRANSACTION = f"{PACKAGE}.store.transaction"
USER_ACTION = f"{TRANSACTION}.user_action"
OPENERS = {USER_ACTION, f"{PACKAGE}.store.connection.transaction"}
DIALOGS = "ui/dialogs/"


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@dataclass
class Module:
    """One source file: its dotted name, its tree, and what each imported name stands for."""

    path: str  # relative to the package folder: "ui/dialogs/client_form.py"
    name: str
    tree: ast.Module
    bindings: dict[str, str]  # local name -> absolute dotted name it was imported as
    top_level: set[str]  # names of the functions defined at module level


def read_module(path: Path, root: Path = ROOT) -> Module:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    name = _module_name(path, root)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    bindings: dict[str, str] = {}
    # Every import in the file, wherever it is: a dialog imports most things in methods.
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    bindings[alias.asname] = alias.name
                else:
                    first = alias.name.split(".")[0]
                    bindings[first] = first
        elif isinstance(node, ast.ImportFrom):
            base = _from_base(node, package)
            for alias in node.names:
                if alias.name != "*":
                    bindings[alias.asname or alias.name] = f"{base}.{alias.name}"
    top_level = {node.name for node in tree.body
                 if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)}
    return Module(path.relative_to(root).as_posix(), name, tree, bindings, top_level)


def _from_base(node: ast.ImportFrom, package: str) -> str:
    if not node.level:
        return node.module or ""
    parts = package.split(".")
    parts = parts[:len(parts) - (node.level - 1)]
    return ".".join(parts + ([node.module] if node.module else []))


def dotted(node: ast.AST, module: Module) -> str | None:
    """The absolute dotted name an expression such as `records.create_client` stands for."""
    if isinstance(node, ast.Name):
        if node.id in module.bindings:
            return module.bindings[node.id]
        if node.id in module.top_level:
            return f"{module.name}.{node.id}"
        return None
    if isinstance(node, ast.Attribute):
        base = dotted(node.value, module)
        return f"{base}.{node.attr}" if base else None
    return None


def names_used(node: ast.AST, module: Module) -> Iterator[tuple[int, str]]:
    """Every dotted name `node` mentions (in imports and in expressions), with its line."""
    for child in ast.walk(node):
        if isinstance(child, ast.ImportFrom):
            base = _from_base(child, module.name if module.path.endswith("__init__.py")
                              else module.name.rpartition(".")[0])
            yield child.lineno, base
            for alias in child.names:
                yield child.lineno, f"{base}.{alias.name}"
        elif isinstance(child, ast.Import):
            for alias in child.names:
                yield child.lineno, alias.name
        elif isinstance(child, ast.Name | ast.Attribute):
            name = dotted(child, module)
            if name:
                yield child.lineno, name


@functools.cache
def all_modules(root: Path = ROOT) -> tuple[Module, ...]:
    return tuple(read_module(path, root) for path in sorted(root.rglob("*.py")))


def _aliases(modules: tuple[Module, ...]) -> dict[str, str]:
    """`package.name` -> where it really is, for names a module imports and so re-exports."""
    return {f"{m.name}.{local}": target for m in modules for local, target in m.bindings.items()
            if local not in m.top_level}


def canonical(name: str, aliases: dict[str, str]) -> str:
    seen = set()
    while name not in seen:
        seen.add(name)
        # The longest prefix that is an alias is replaced: `store.records.x` via `store.records`.
        parts = name.split(".")
        for cut in range(len(parts), 0, -1):
            prefix = ".".join(parts[:cut])
            if prefix in aliases:
                name = ".".join([aliases[prefix], *parts[cut:]])
                break
        else:
            return name
    return name


def _calls(function: ast.AST, module: Module, aliases: dict[str, str]) -> set[str]:
    """What `function` calls, by absolute name; USER_ACTION also for a raw BEGIN IMMEDIATE."""
    called = set()
    for node in ast.walk(function):
        if isinstance(node, ast.Call):
            name = dotted(node.func, module)
            if name:
                called.add(canonical(name, aliases))
        elif (isinstance(node, ast.Constant) and isinstance(node.value, str)
              and node.value.lstrip().upper().startswith("BEGIN IMMEDIATE")):
            called.add(USER_ACTION)
    return called


def write_functions(modules: tuple[Module, ...]) -> set[str]:
    """Every write function (see the module's docstring), by its absolute dotted name."""
    aliases = _aliases(modules)
    calls: dict[str, set[str]] = {}
    for module in modules:
        if module.path.startswith("ui/"):
            continue
        for node in module.tree.body:
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                calls[f"{module.name}.{node.name}"] = _calls(node, module, aliases)
    writers = {name for name, called in calls.items() if called & OPENERS}
    while True:
        more = {name for name, called in calls.items()
                if name not in writers and called & writers}
        if not more:
            return writers
        writers |= more


def dialog_writes(modules: tuple[Module, ...]) -> list[str]:
    """Each place a dialog names a write function, `user_action` or the transaction."""
    aliases = _aliases(modules)
    forbidden = write_functions(modules) | OPENERS | {TRANSACTION}
    found = set()
    for module in modules:
        if not module.path.startswith(DIALOGS):
            continue
        for line, name in names_used(module.tree, module):
            name = canonical(name, aliases)
            if name in forbidden:
                found.add((module.path, line, name))
    return [f"{PACKAGE}/{path}:{line} names {name}" for path, line, name in sorted(found)]


def test_no_dialog_writes_to_the_database() -> None:
    assert dialog_writes(all_modules()) == []


def test_the_write_functions_are_found() -> None:
    writers = write_functions(all_modules())
    # Directly in a transaction, and one or two calls away from one.
    for name in ("store.records.create_client", "store.records.update_client",
                 "store.records.update_profile", "store.documents.save_template",
                 "store.documents.reset_template", "store.documents.save_document",
                 "store.due.calendar_id", "store.bulk_import.apply",
                 "correspondence.produce.keep", "correspondence.due_letters.keep_batch"):
        assert f"{PACKAGE}.{name}" in writers, name
    for name in ("store.records.get_client", "store.records.get_profile",
                 "store.documents.get_template", "store.documents.documents_folder",
                 "correspondence.produce.preview_pdf", "correspondence.produce.produce",
                 "correspondence.due_letters.build_batch"):
        assert f"{PACKAGE}.{name}" not in writers, name


def test_the_check_catches_each_way_of_writing(tmp_path: Path) -> None:
    root = tmp_path / PACKAGE
    (root / "store").mkdir(parents=True)
    (root / "ui" / "dialogs").mkdir(parents=True)
    (root / "__init__.py").write_text("")
    (root / "store" / "__init__.py").write_text("from .records import add\n")
    (root / "store" / "transaction.py").write_text("def user_action(what): ...\n")
    (root / "store" / "records.py").write_text(
        "from goodbye_desktop.store.transaction import user_action\n"
        "def _insert():\n    with user_action('add'):\n        pass\n"
        "def add():\n    _insert()\n"
        "def read():\n    return 1\n")
    (root / "ui" / "dialogs" / "good.py").write_text(
        "from goodbye_desktop.store import records\n"
        "def show(save):\n    records.read()\n    save()\n")
    (root / "ui" / "dialogs" / "bad.py").write_text(
        "from goodbye_desktop.store import records\n"
        "from ...store import add\n"
        "def accept():\n"
        "    records.add()\n"
        "    from goodbye_desktop.store.transaction import user_action as act\n"
        "    with act('x'):\n        pass\n")
    modules = tuple(read_module(path, root) for path in sorted(root.rglob("*.py")))
    assert write_functions(modules) == {f"{PACKAGE}.store.records._insert",
                                        f"{PACKAGE}.store.records.add"}
    assert dialog_writes(modules) == [
        f"{PACKAGE}/ui/dialogs/bad.py:2 names {PACKAGE}.store.records.add",
        f"{PACKAGE}/ui/dialogs/bad.py:4 names {PACKAGE}.store.records.add",
        f"{PACKAGE}/ui/dialogs/bad.py:5 names {TRANSACTION}",
        f"{PACKAGE}/ui/dialogs/bad.py:5 names {USER_ACTION}",
        f"{PACKAGE}/ui/dialogs/bad.py:6 names {USER_ACTION}",
    ]
