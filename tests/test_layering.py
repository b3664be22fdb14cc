"""The package's lowest layers stay leaves, read from the ``ast`` of every module (imports
inside functions count): the records, their reader, the errors and the version import
nothing of newsaudit but each other, and no module reaches into the package root for a name it re-exports, so the
root never sits in an import cycle with the pipeline."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import newsaudit

PACKAGE = Path(newsaudit.__file__).parent
MODULES = sorted(p for p in PACKAGE.rglob("*.py"))


def _name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> list[tuple[str, tuple[str, ...]]]:
    """``(module, names)`` of every import in ``path``, relative ones resolved."""
    found: list[tuple[str, tuple[str, ...]]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.extend((a.name, ()) for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                pkg = _name(path).split(".")
                pkg = pkg if path.name == "__init__.py" else pkg[:-1]
                base = ".".join(pkg[: len(pkg) - node.level + 1] + ([base] if base else []))
            found.append((base, tuple(a.name for a in node.names)))
    return found


def _submodules() -> set[str]:
    return {_name(p).split(".")[1] for p in MODULES if _name(p).count(".") >= 1}


LEAVES = {"newsaudit.model", "newsaudit._record", "newsaudit.errors", "newsaudit._version"}


@pytest.mark.parametrize("leaf", sorted(LEAVES))
def test_leaves_import_nothing_of_the_package(leaf):
    path = next(p for p in MODULES if _name(p) == leaf)
    inside = {m for m, _ in _imports(path) if m == "newsaudit" or m.startswith("newsaudit.")}
    assert inside <= LEAVES - {leaf}, inside


def test_no_module_imports_a_name_from_the_package_root():
    subs = _submodules()
    offenders = [
        (_name(p), names)
        for p in MODULES
        for module, names in _imports(p)
        if module == "newsaudit" and not set(names) <= subs
    ]
    assert offenders == []


def _graph() -> dict[str, set[str]]:
    """Module -> the package modules it imports; ``from newsaudit import x`` is an import of
    the submodule ``newsaudit.x`` when there is one."""
    names = {_name(p) for p in MODULES}
    graph: dict[str, set[str]] = {}
    for p in MODULES:
        out: set[str] = set()
        for module, items in _imports(p):
            subs = {f"{module}.{i}" for i in items} & names
            out |= subs or ({module} & names)
        graph[_name(p)] = out - {_name(p)}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[set[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[set[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = set()
            while True:
                w = stack.pop()
                comp.add(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(comp)

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_no_import_cycles_outside_the_trainers():
    """The root, the records, the settings, the Auditor, the stages and the checks sit in
    no cycle. (The trainers and scorers of training/ and evaluation/ still import each
    other; they are being moved into models/<name>/.)"""
    legacy = ("newsaudit.training.", "newsaudit.evaluation.")
    cycles = [c for c in _cycles(_graph()) if not all(m.startswith(legacy) for m in c)]
    assert cycles == []
