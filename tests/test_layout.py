"""The package's shape: no import cycle, and each rule family stands alone on the core."""

from __future__ import annotations

import ast
from pathlib import Path

import newslint

PACKAGE = Path(newslint.__file__).resolve().parent
FAMILIES = ("engine", "artifacts", "duplication", "agreement", "attribution")


def _module_name(path: Path) -> str:
    parts = ["newslint", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(path): path for path in PACKAGE.rglob("*.py")}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(tree: ast.AST) -> set[str]:
    """newslint modules imported anywhere in `tree` (functions included), except under
    ``if TYPE_CHECKING:``, which never runs."""
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("newslint"))
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("newslint"):
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                found.add(submodule if submodule in MODULES else node.module)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


GRAPH = {name: _imports(ast.parse(path.read_text(encoding="utf-8"))) & set(MODULES) - {name}
         for name, path in MODULES.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return components


def _family(module: str) -> str | None:
    parts = module.split(".")
    return parts[2] if len(parts) > 2 and parts[1] == "rules" else None


def test_the_package_has_no_import_cycle() -> None:
    assert {"newslint.model", "newslint.suppression"} <= GRAPH["newslint.engine"]
    assert _cycles(GRAPH) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_every_family_is_a_package_of_its_own() -> None:
    assert {family for module in MODULES if (family := _family(module))} == set(FAMILIES)


def test_a_family_imports_the_core_and_itself_only() -> None:
    crossing = {
        (module, target) for module, targets in GRAPH.items() for target in targets
        if _family(module) and _family(target) not in (None, _family(module))
    }
    assert crossing == set()


def test_the_core_imports_no_family() -> None:
    reaching = {(module, target) for module, targets in GRAPH.items() for target in targets
                if not _family(module) and _family(target)}
    assert reaching == set()


def test_the_import_graph_sees_function_level_imports_and_skips_type_checking() -> None:
    tree = ast.parse(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from newslint.engine import Located\n"
        "def f():\n    from newslint.model import Finding\n"
    )
    assert _imports(tree) == {"newslint.model"}


def test_built_in_lexicons_resolve_by_their_short_and_their_full_name() -> None:
    from newslint.lexicons import resolve_lexicon_path
    from newslint.rules import BUILTIN_RULES

    expected = BUILTIN_RULES / "agreement" / "lexicons" / "agreement.toml"
    assert resolve_lexicon_path("newslint:lexicons/agreement.toml", "") == expected
    assert resolve_lexicon_path("newslint:agreement/lexicons/agreement.toml", "") == expected
    assert expected.is_file()
    assert resolve_lexicon_path("newslint:lexicons/no-such.toml", "") == BUILTIN_RULES / "lexicons" / "no-such.toml"
