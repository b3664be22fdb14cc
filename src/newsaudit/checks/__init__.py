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

One problem, one finding: when two checks flag the same words, the finding that says what
is wrong stands and the other is dropped. A check declares at registration the checks it
*supersedes* (``register(..., supersedes=("loaded_language",))``): a finding of a
superseded check is dropped when a finding of the superseding check, at least as severe,
has a first evidence span overlapping its first span. The first span is what a finding is
about (the words flagged); later spans are its context, so two checks that merely cite the
same figure as context both stand. The relation is declared by the check that knows it says
more ("scare quotes around 'rebels'" says more than "'rebels' is loaded"), is not
transitive (a check lists every check it supersedes), must be acyclic, and is applied in
:func:`run_checks`, never inside a check.
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
    #: the checks whose findings on the same words this check's findings make redundant
    supersedes: tuple[str, ...] = ()


_REGISTRY: dict[str, CheckInfo] = {}


def register(
    name: str,
    *,
    summary: str,
    severities: Iterable[Severity],
    supersedes: Iterable[str] = (),
) -> Callable[[Check], Check]:
    """Decorator: make ``fn`` the check called ``name`` (the finding's ``check`` field).
    ``supersedes`` names the checks whose findings on the same words this one's make
    redundant (see the module docstring)."""
    levels = tuple(severities)
    unknown = set(levels) - set(get_args(Severity))
    if not levels or unknown:
        raise ValueError(f"check {name!r}: severities must be among {get_args(Severity)}")
    over = tuple(dict.fromkeys(supersedes))
    if name in over:
        raise ValueError(f"check {name!r} cannot supersede itself")

    def add(fn: Check) -> Check:
        known = _REGISTRY.get(name)
        if known is not None and _qualname(known.run) != _qualname(fn):
            raise ValueError(f"check {name!r} is registered twice ({_qualname(known.run)})")
        _REGISTRY[name] = CheckInfo(name, summary, levels, fn, over)
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


_RANK: dict[str, int] = {level: i for i, level in enumerate(get_args(Severity))}


def precedence(checks: Mapping[str, CheckInfo]) -> tuple[str, ...]:
    """The checks ordered so that each comes before every check it supersedes, directly or
    through others (ties by name); raises ``ValueError`` on a cycle or an unknown name."""
    order: list[str] = []
    state: dict[str, int] = {}  # 1 = being visited, 2 = placed

    def visit(name: str, path: tuple[str, ...]) -> None:
        if state.get(name) == 2:
            return
        if state.get(name) == 1:
            raise ValueError("checks supersede each other in a cycle: " + " > ".join(path))
        state[name] = 1
        for info in sorted(checks.values(), key=lambda i: i.name):
            if name in info.supersedes:
                visit(info.name, (*path, info.name))
        state[name] = 2
        order.append(name)

    for info in checks.values():
        for other in info.supersedes:
            if other not in checks:
                raise ValueError(f"check {info.name!r} supersedes unknown check {other!r}")
    for name in sorted(checks):
        visit(name, (name,))
    return tuple(order)


def _overlap(a: Finding, b: Finding) -> bool:
    if not a.evidence or not b.evidence:
        return False
    x, y = a.evidence[0], b.evidence[0]
    return x.start < y.end and y.start < x.end


def one_per_problem(
    findings: Iterable[Finding], checks: Mapping[str, CheckInfo]
) -> list[Finding]:
    """Drop each finding that a finding of a check superseding its own, at least as
    severe, flags on overlapping words (first evidence spans); order is kept. Findings
    are taken in :func:`precedence` order and only kept findings drop others, so a
    finding dropped as redundant never drops another in turn."""
    found = list(findings)
    rank = {name: i for i, name in enumerate(precedence(checks))}
    beats: dict[str, frozenset[str]] = {n: frozenset(i.supersedes) for n, i in checks.items()}
    kept: list[int] = []
    for i in sorted(range(len(found)), key=lambda k: rank.get(found[k].check, len(rank))):
        f = found[i]
        if not any(
            f.check in beats.get(found[k].check, frozenset())
            and _RANK[found[k].severity] >= _RANK[f.severity]
            and _overlap(found[k], f)
            for k in kept
        ):
            kept.append(i)
    keep = set(kept)
    return [f for i, f in enumerate(found) if i in keep]


def run_checks(
    report: Report,
    doc: Doc,
    *,
    only: Iterable[str] | None = None,
    context: Context = DEFAULT_CONTEXT,
) -> tuple[Finding, ...]:
    """Run the checks ``only`` names (default: the context's ``checks.run`` setting, all
    registered unless changed), keep one finding per problem (:func:`one_per_problem`)
    and number them."""
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
    found = one_per_problem(found, checks)
    found.sort(key=lambda f: (f.evidence[0].start if f.evidence else -1, f.check))
    return tuple(replace(f, id=f"f{i}") for i, f in enumerate(found, 1))
