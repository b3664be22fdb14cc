"""The package's import graph has no cycle and runs one way, counting imports inside
functions (read from the source's ``ast``, so an import deferred into a function cannot
hide a cycle). The records, their reader, the errors and the version are leaves; no
module takes a name from the package root; inside the trained models:

    metrics <- datasets <- models/_* <- models/<name>/{features, patterns, runtime,
    gold, render, corpus, scoring, train, evaluate} <- stages and checks (runtime only)
    and cli_eval
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

from paths import REPO

PACKAGE = REPO / "src" / "newsaudit"
MODELS = ("checkworthy", "layout", "loaded", "propaganda", "severity", "stance", "toxicity")
#: A model package's modules, lowest first: each may import only the ones before it.
#: (The layout model labels HTML pages from their markup, ``gold``, and lays them out as
#: scraped text, ``render``, to build its corpus.)
LAYERS = ("features", "patterns", "decoding", "runtime", "gold", "render", "corpus", "scoring",
          "train", "evaluate")


def _name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_name(p): p for p in PACKAGE.rglob("*.py")}


@cache
def imports(module: str) -> frozenset[str]:
    """The package's modules that ``module`` imports anywhere in its body."""
    path = MODULES[module]
    is_package = path.name == "__init__.py"
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")
                base = base[: len(base) - node.level + (1 if is_package else 0)]
                prefix = ".".join(base + ([node.module] if node.module else []))
            else:
                prefix = node.module or ""
            # ``from newsaudit import ingest`` imports the submodule, not the package root
            # (which re-exports names lazily); ``from x import name`` imports x.
            subs = [f"{prefix}.{alias.name}" for alias in node.names]
            targets = [t for t in subs if t in MODULES] or [prefix]
        for target in targets:
            while target and target not in MODULES:
                target = target.rpartition(".")[0]
            if target and target != module:
                out.add(target)
    return frozenset(out)


def reachable(start: str) -> set[str]:
    seen: set[str] = set()
    todo = list(imports(start))
    while todo:
        m = todo.pop()
        if m not in seen:
            seen.add(m)
            todo.extend(imports(m))
    return seen


def _ours(module: str) -> bool:
    return module == "newsaudit.metrics" or module.startswith(
        ("newsaudit.models", "newsaudit.datasets", "newsaudit.evaluation", "newsaudit.cli_eval"))


OURS = sorted(m for m in MODULES if _ours(m))


def test_the_graph_is_read() -> None:
    """Guards the reader itself: known edges, including one made inside a function."""
    assert "newsaudit.models.stance.runtime" in imports("newsaudit.models.stance.train")
    assert "newsaudit.models.checkworthy.evaluate" in imports("newsaudit.cli_eval")  # deferred
    assert "newsaudit.models.stance.runtime" in imports("newsaudit.models.stance")


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_cycle_through(module: str) -> None:
    assert module not in reachable(module), f"{module} imports itself through a cycle"


LEAVES = {"newsaudit.model", "newsaudit._record", "newsaudit.errors", "newsaudit._version"}


@pytest.mark.parametrize("leaf", sorted(LEAVES))
def test_leaves_import_nothing_of_the_package_but_each_other(leaf: str) -> None:
    assert imports(leaf) <= LEAVES - {leaf}, sorted(imports(leaf))


def test_no_module_imports_a_name_from_the_package_root() -> None:
    """The root re-exports names (lazily, for the Auditor); a module that took one from it
    would put the root in a cycle with the pipeline."""
    offenders = sorted(m for m in MODULES if "newsaudit" in imports(m))
    assert offenders == []


@pytest.mark.parametrize("model", MODELS)
def test_a_model_imports_its_layers_one_way(model: str) -> None:
    package = f"newsaudit.models.{model}"
    members = sorted(m for m in MODULES if m.startswith(package + "."))
    for m in members:
        layer = m.rpartition(".")[2]
        assert layer in LAYERS, f"{m}: a model's module is one of {LAYERS}"
        for target in imports(m):
            if target.startswith(package + "."):
                assert LAYERS.index(target.rpartition(".")[2]) < LAYERS.index(layer), (
                    f"{m} imports {target}: a model's modules import only earlier layers")
            elif target.startswith("newsaudit.models."):
                assert target.rpartition(".")[2].startswith("_"), (
                    f"{m} imports {target}: models share only newsaudit.models._* modules")
    # importing the package gives the runtime, never the training or benchmark code
    assert {t.rpartition(".")[2] for t in imports(package)} <= {"features", "patterns", "runtime"}


def test_datasets_and_metrics_stand_below_the_models() -> None:
    assert imports("newsaudit.metrics") == frozenset()
    for m in OURS:
        if m.startswith("newsaudit.datasets"):
            assert imports(m) <= {"newsaudit.errors", "newsaudit.datasets._files"}, m


def test_the_stages_use_only_the_runtime_of_a_model() -> None:
    """``newsaudit audit`` never loads training, scoring or benchmark code."""
    heavy = {f"newsaudit.models.{model}.{layer}" for model in MODELS
             for layer in ("corpus", "scoring", "train", "evaluate")}
    # the command line's `eval` and `train` import them, when run
    cli = {"newsaudit.cli", "newsaudit.__main__"}
    for m in MODULES:
        if not _ours(m) and m not in cli:
            assert not (reachable(m) & heavy), f"{m} reaches {sorted(reachable(m) & heavy)}"
