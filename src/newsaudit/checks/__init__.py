"""The registry of checks: each check is a module in this package that registers a
function here with :func:`register`, giving its name, a one-line summary and the
severities it can emit. Every module in ``newsaudit/checks/`` (not starting with ``_``) is
imported on first use, so a new check is a new file and nothing else; the README's table
of checks, the tests and the API's list of checks all read :func:`registry`.

A check receives the finished report (segments, quantities, attributions, claims), the
spaCy ``Doc`` it was built from and the run's :class:`~newsaudit.context.Context` (its
settings and trained models; the packaged defaults when called alone), and yields
findings without ids; :func:`run_checks` numbers them ``f1, f2, ...`` in text order so
ids are stable for a given page.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from types import MappingProxyType
from typing import TYPE_CHECKING, get_args

from newsaudit.context import DEFAULT_CONTEXT, Context
from newsaudit.model import Finding, Report, Severity

if TYPE_CHECKING:
    from spacy.tokens import Doc

Check = Callable[[Report, "Doc", Context], Iterable[Finding]]


@dataclass(frozen=True, slots=True)
class CheckInfo:
    """What a check is: the name its findings carry, what it flags in one line, and the
    severities it can give (the only ones its findings may carry)."""

    name: str
    summary: str
    severities: tuple[Severity, ...]
    run: Check = field(repr=False, compare=False)


_REGISTRY: dict[str, CheckInfo] = {}


def register(
    name: str, *, summary: str, severities: Iterable[Severity]
) -> Callable[[Check], Check]:
    """Decorator: make ``fn`` the check called ``name`` (the finding's ``check`` field)."""
    levels = tuple(severities)
    unknown = set(levels) - set(get_args(Severity))
    if not levels or unknown:
        raise ValueError(f"check {name!r}: severities must be among {get_args(Severity)}")

    def add(fn: Check) -> Check:
        known = _REGISTRY.get(name)
        if known is not None and _qualname(known.run) != _qualname(fn):
            raise ValueError(f"check {name!r} is registered twice ({_qualname(known.run)})")
        _REGISTRY[name] = CheckInfo(name, summary, levels, fn)
        return fn

    return add


def _qualname(fn: Check) -> str:
    return f"{getattr(fn, '__module__', '?')}.{getattr(fn, '__qualname__', '?')}"


@cache
def load_builtin() -> tuple[str, ...]:
    """Import every check module of this package once; return the registered names."""
    for info in pkgutil.iter_modules(__path__):
        if not info.name.startswith("_"):
            importlib.import_module(f"{__name__}.{info.name}")
    return tuple(_REGISTRY)


def registry() -> Mapping[str, CheckInfo]:
    """Every registered check by name, in name order (read-only): the order does not
    depend on which check module happened to be imported first."""
    load_builtin()
    return MappingProxyType(dict(sorted(_REGISTRY.items())))


def registered() -> tuple[str, ...]:
    return tuple(registry())


def run_checks(
    report: Report,
    doc: Doc,
    *,
    only: Iterable[str] | None = None,
    context: Context = DEFAULT_CONTEXT,
) -> tuple[Finding, ...]:
    """Run the checks ``only`` names (default: the context's ``checks.run`` setting, all
    registered unless changed) and number their findings."""
    checks = registry()
    if only is None:
        only = context.settings.checks.selected
    names = tuple(only) if only is not None else tuple(checks)
    unknown = [n for n in names if n not in checks]
    if unknown:
        raise ValueError(f"unknown check {unknown[0]!r}; the checks are {', '.join(checks)}")
    found: list[Finding] = []
    for name in names:
        found.extend(checks[name].run(report, doc, context))
    found.sort(key=lambda f: (f.evidence[0].start if f.evidence else -1, f.check))
    return tuple(replace(f, id=f"f{i}") for i, f in enumerate(found, 1))
