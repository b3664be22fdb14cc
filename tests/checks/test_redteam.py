"""The shipped audit on the first red-team set (tests/fixtures/redteam-1, written blind by
a helper): no warning or problem on any clean page, and the planted problems of the checks
that ship their own severity found, each by the check that says what is wrong."""

from __future__ import annotations

import json

import pytest

from newsaudit import audit
from paths import REPO

SET = REPO / "tests" / "fixtures" / "redteam-1"
KEY = {row["file"]: row for row in map(json.loads, (SET / "answers.jsonl").read_text(
    encoding="utf-8").splitlines())}
CLEAN = sorted(name for name, row in KEY.items() if row["clean"])

#: The planted problems of the loud checks, and what the shipped audit says of each.
LOUD = {
    "orvanne-bus-crash.txt": ("numeric_contradiction", "problem", "Fourteen Killed"),
    "sadra-market-bombing.txt": ("numeric_contradiction", "warning", "At least 57 people"),
    "brackwater-factory-fire.txt": ("numeric_contradiction", "warning", "19 workers"),
    "corran-steel-cuts.txt": ("numeric_contradiction", "warning", "1,500 jobs"),
    "dengue-deaths-coast.txt": ("attribution_mismatch", "warning", "212 Dengue Deaths"),
    "constable-acquittal.txt": ("toxic_comment", "problem", "put a bullet in him"),
    "tollgate-parking-scheme.txt": ("toxic_comment", "warning", "worm"),
    "fenhollow-reception-centre.txt": ("toxic_comment", "warning", "not people"),
}


def test_the_key_matches_the_pages() -> None:
    assert len(KEY) == 40 and len(CLEAN) == 20
    for name, row in KEY.items():
        text = (SET / name).read_text(encoding="utf-8")
        for problem in row["problems"]:
            assert problem["evidence"] in text, (name, problem["evidence"])


@pytest.mark.parametrize("name", CLEAN)
def test_clean_pages_draw_no_warning(nlp, name: str) -> None:
    report = audit((SET / name).read_text(encoding="utf-8"))
    loud = [(f.check, f.severity, f.message) for f in report.findings if f.severity != "info"]
    assert loud == []


@pytest.mark.parametrize("name", sorted(LOUD))
def test_planted_problems_of_the_loud_checks(nlp, name: str) -> None:
    check, severity, evidence = LOUD[name]
    report = audit((SET / name).read_text(encoding="utf-8"))
    loud = [f for f in report.findings if f.severity != "info"]
    assert [(f.check, f.severity) for f in loud] == [(check, severity)]
    assert evidence in [e.text for e in loud[0].evidence]
