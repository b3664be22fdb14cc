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
