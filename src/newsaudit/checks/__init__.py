"""The registry of checks: each check is a module in this package that registers a
function here with :func:`register`. Every module in ``newsaudit/checks/`` (not starting
with ``_``) is imported on first use, so a new check is a new file and nothing else.

A check receives the finished report (segments, quantities, attributions, claims) and the
spaCy ``Doc`` it was built from, and yields findings without ids; :func:`run_checks`
numbers them ``f1, f2, ...`` in text order so ids are stable for a given page.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from newsaudit.model import Finding, Report

if TYPE_CHECKING:
    from spacy.tokens import Doc

Check = Callable[[Report, "Doc"], Iterable[Finding]]
_REGISTRY: dict[str, Check] = {}


def register(name: str) -> Callable[[Check], Check]:
    """Decorator: make ``fn`` the check called ``name`` (the finding's ``check`` field)."""

    def add(fn: Check) -> Check:
        _REGISTRY[name] = fn
        return fn

    return add


@cache
def load_builtin() -> tuple[str, ...]:
    """Import every check module of this package once; return the registered names."""
    for info in pkgutil.iter_modules(__path__):
        if not info.name.startswith("_"):
            importlib.import_module(f"{__name__}.{info.name}")
    return tuple(_REGISTRY)


def registered() -> tuple[str, ...]:
    load_builtin()
    return tuple(_REGISTRY)


def run_checks(
    report: Report, doc: Doc, *, only: Iterable[str] | None = None
) -> tuple[Finding, ...]:
    """Run the registered checks (or ``only`` those named) and number their findings."""
    load_builtin()
    names = tuple(only) if only is not None else tuple(_REGISTRY)
    found: list[Finding] = []
    for name in names:
        found.extend(_REGISTRY[name](report, doc))
    found.sort(key=lambda f: (f.evidence[0].start if f.evidence else -1, f.check))
    return tuple(replace(f, id=f"f{i}") for i, f in enumerate(found, 1))
