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
