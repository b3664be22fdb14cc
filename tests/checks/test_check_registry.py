"""One declaration per check: the registry carries its name, summary and severities, and
the README's table of checks is the registry's."""

from __future__ import annotations

import re

import pytest

from newsaudit.checks import register, registry, run_checks
from paths import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def _readme_table() -> dict[str, str]:
    section = README.split("### What it flags", 1)[1].split("\n#", 1)[0]
    rows = re.findall(r"^\| `(\w+)` \| (.+) \|$", section, re.M)
    return {name: text.replace("\\|", "|") for name, text in rows}


def test_readme_table_is_the_registry():
    assert _readme_table() == {name: info.summary for name, info in registry().items()}


def test_every_check_declares_what_it_can_emit():
    for name, info in registry().items():
        assert info.name == name and info.summary and "\n" not in info.summary
        assert info.severities and len(set(info.severities)) == len(info.severities)


def test_check_modules_name_their_findings_once():
    """Each check module declares its name in one constant used by register and findings."""
    for name, info in registry().items():
        assert info.run.__module__ == f"newsaudit.checks.{name}"
        source = (REPO / "src" / "newsaudit" / "checks" / f"{name}.py").read_text("utf-8")
        assert f'CHECK = "{name}"' in source
        assert re.search(r"@register\(\s*CHECK,", source), name
        assert not re.search(r"check=[\"']", source), name


def test_bad_registrations_are_refused():
    with pytest.raises(ValueError, match="severities"):
        register("made_up", summary="x", severities=("fatal",))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="registered twice"):
        register("numeric_contradiction", summary="x", severities=("info",))(lambda r, d: [])


def test_unknown_check_names_are_refused(nlp):
    from stages import build

    report, doc = build(nlp, "Officials said 12 people died.")
    with pytest.raises(ValueError, match="unknown check 'no_such_check'"):
        run_checks(report, doc, only=["no_such_check"])


# ------------------------------------------------------------------ one problem, one finding


def _info(name: str, *supersedes: str):
    from newsaudit.checks import CheckInfo

    return CheckInfo(name, "x", ("info", "warning", "problem"), lambda r, d, c: [], supersedes)


def _finding(check: str, start: int, end: int, severity: str = "warning", *more: tuple[int, int]):
    from newsaudit.model import Finding, Span

    spans = ((start, end), *more)
    return Finding(id="", check=check, severity=severity, message=f"{check} at {start}",  # type: ignore[arg-type]
                   evidence=tuple(Span(s, e, "w" * (e - s)) for s, e in spans))


CHECKS = {
    "scare": _info("scare", "technique", "loaded"),
    "technique": _info("technique", "loaded"),
    "loaded": _info("loaded"),
    "sourcing": _info("sourcing"),
}

ONE_PER_PROBLEM = [
    # the superseding finding covers the same words: only it stays
    ([("technique", 10, 28), ("loaded", 18, 28)], [("technique", 10, 28)]),
    # three checks on one quoted word: the scare-quote finding says what is wrong
    ([("loaded", 5, 11), ("technique", 5, 11), ("scare", 4, 12)], [("scare", 4, 12)]),
    # different words of one sentence: both stand
    ([("technique", 10, 28), ("loaded", 30, 36)], [("technique", 10, 28), ("loaded", 30, 36)]),
    # a check that supersedes nothing drops nothing, and is dropped by none
    ([("sourcing", 0, 80), ("loaded", 18, 28)], [("sourcing", 0, 80), ("loaded", 18, 28)]),
    # order of the input is kept
    ([("loaded", 40, 45), ("technique", 0, 5)], [("loaded", 40, 45), ("technique", 0, 5)]),
]


@pytest.mark.parametrize(("given", "kept"), ONE_PER_PROBLEM)
def test_one_finding_per_problem(given, kept):
    from newsaudit.checks import one_per_problem

    out = one_per_problem([_finding(*g) for g in given], CHECKS)
    assert [(f.check, f.evidence[0].start, f.evidence[0].end) for f in out] == kept


def test_a_less_severe_finding_does_not_drop_a_warning():
    from newsaudit.checks import one_per_problem

    found = [_finding("technique", 10, 28, "info"), _finding("loaded", 18, 28, "warning")]
    assert [f.check for f in one_per_problem(found, CHECKS)] == ["technique", "loaded"]
    found = [_finding("technique", 10, 28, "warning"), _finding("loaded", 18, 28, "info")]
    assert [f.check for f in one_per_problem(found, CHECKS)] == ["technique"]


def test_only_the_first_spans_decide():
    """A finding that cites the other's words as context (a later span) does not drop it."""
    from newsaudit.checks import one_per_problem

    found = [_finding("technique", 0, 5, "warning", (18, 28)), _finding("loaded", 18, 28)]
    assert len(one_per_problem(found, CHECKS)) == 2


def test_a_dropped_finding_drops_nothing():
    """'technique' is dropped by 'scare'; its other span does not drop 'loaded' in turn."""
    from newsaudit.checks import one_per_problem

    checks = {"scare": _info("scare", "technique"), "technique": _info("technique", "loaded"),
              "loaded": _info("loaded")}
    found = [_finding("scare", 0, 10), _finding("technique", 5, 30), _finding("loaded", 20, 30)]
    assert [f.check for f in one_per_problem(found, checks)] == ["scare", "loaded"]


def test_precedence_puts_superseding_checks_first_and_refuses_cycles():
    from newsaudit.checks import precedence

    order = precedence(CHECKS)
    assert order.index("scare") < order.index("technique") < order.index("loaded")
    with pytest.raises(ValueError, match="cycle"):
        precedence({"a": _info("a", "b"), "b": _info("b", "a")})
    with pytest.raises(ValueError, match="unknown check 'nope'"):
        precedence({"a": _info("a", "nope")})


def test_the_shipped_checks_supersede_in_one_order():
    from newsaudit.checks import precedence

    order = precedence(registry())
    assert sorted(order) == sorted(registry())
    for name, info in registry().items():
        assert all(order.index(name) < order.index(other) for other in info.supersedes)


def test_a_check_cannot_supersede_itself():
    with pytest.raises(ValueError, match="itself"):
        register("made_up", summary="x", severities=("info",), supersedes=("made_up",))
