"""Matching a judgment to today's finding survives moved offsets and reworded messages,
and never pairs different evidence; a missed problem is found again by its anchor."""

from __future__ import annotations

import pytest

from newsaudit.evaluation.findings.judgments import Judged, Missed, anchor_of
from newsaudit.evaluation.findings.match import (
    NEARBY,
    covered,
    latest,
    locate,
    match_findings,
    same_anchor,
)
from newsaudit.model import Finding, Span

PAGE = ("Storm kills 12\n\nTwelve people died when the storm hit the coast on Sunday, officials "
        "said. The mayor called it the worst storm in living memory.")
SENTENCE = "The mayor called it the worst storm in living memory."


def finding(text: str, start: int, end: int, *, check: str = "unsourced_claim",
            severity: str = "warning", message: str = "no source") -> Finding:
    return Finding("f1", check, severity, message, (Span.of(text, start, end),))


def judged(text: str, start: int, end: int, *, check: str = "unsourced_claim",
           verdict: str = "false", message: str = "no source") -> Judged:
    return Judged("fa-kes:1", check, "warning", ((start, end),), anchor_of(text[start:end]),
                  message, verdict, "a reason", "tester", "t.jsonl:1")


def test_shifted_offsets_and_a_new_message_still_match() -> None:
    start = PAGE.index(SENTENCE)
    j = judged(PAGE, start, start + len(SENTENCE))
    # the HTML reader now keeps a 300-character caption above: every offset moves
    moved = "A caption. " * 27 + PAGE
    shift = len(moved) - len(PAGE)
    f = finding(moved, start + shift, start + shift + len(SENTENCE),
                message="the page states this in its own voice")
    taken, left = match_findings([f], [j])
    assert taken == {0: j} and left == []


@pytest.mark.parametrize(
    ("other", "why"),
    [
        ("Twelve people died when the storm hit the coast on Sunday", "different evidence"),
        ("The mayor", "a shorter span that is too short to be the same evidence"),
    ],
)
def test_a_different_anchor_does_not_match(other: str, why: str) -> None:
    start = PAGE.index(SENTENCE)
    j = judged(PAGE, start, start + len(SENTENCE))
    o = PAGE.index(other)
    taken, left = match_findings([finding(PAGE, o, o + len(other))], [j])
    assert taken == {} and left == [j], why


def test_same_text_of_another_check_or_far_away_does_not_match() -> None:
    start = PAGE.index(SENTENCE)
    j = judged(PAGE, start, start + len(SENTENCE))
    other_check = finding(PAGE, start, start + len(SENTENCE), check="loaded_language")
    assert match_findings([other_check], [j])[0] == {}
    far = "x" * (NEARBY + 1) + PAGE
    s = far.index(SENTENCE)
    assert match_findings([finding(far, s, s + len(SENTENCE))], [j])[0] == {}


def test_a_span_that_grew_or_shrank_at_its_end_is_the_same_evidence() -> None:
    assert same_anchor("The mayor called it the worst storm", "The mayor called it the worst")
    assert not same_anchor("The mayor called it", "The mayor called it the worst storm")
    assert same_anchor("The  mayor\ncalled it", "The mayor called it")  # white space


def test_each_judgment_takes_one_finding_the_nearest() -> None:
    text = f"{SENTENCE} Then more text follows here. {SENTENCE}"
    second = text.rindex(SENTENCE)
    j = judged(text, second, second + len(SENTENCE))
    first_f = finding(text, 0, len(SENTENCE))
    second_f = finding(text, second, second + len(SENTENCE))
    taken, _ = match_findings([first_f, second_f], [j])
    assert taken == {1: j}


def test_a_later_judgment_of_the_same_finding_overrides() -> None:
    a = judged(PAGE, 16, 40, verdict="false")
    b = judged(PAGE, 16, 40, verdict="true")
    kept, overridden = latest([a, b])
    assert kept == [b] and overridden == [a]


def test_a_missed_problem_is_located_by_its_anchor_and_found_when_covered() -> None:
    start = PAGE.index("worst storm")
    missed = Missed("fa-kes:1", "loaded_language", ((start, start + 11),), "worst storm",
                    "superlative in the page's voice? no: the mayor's", "tester", "t.jsonl:2")
    moved = "Breaking\n\n" + PAGE.replace("The mayor", "The  mayor")
    at = locate("worst storm", moved, start)
    assert at == moved.index("worst storm")
    s = moved.index("worst storm")
    hit = finding(moved, s - 4, s + 11, check="loaded_language")
    assert covered(missed, moved, [hit]) is True
    assert covered(missed, moved, [finding(moved, s - 4, s + 11, check="loaded_language",
                                           severity="info")]) is False
    assert covered(missed, moved, [finding(moved, 0, 8, check="loaded_language")]) is False
    assert covered(missed, "A different page altogether.", [hit]) is None


KINDS = [
    ("headline_overstates", "headline_unsupported", True),
    ("headline_overstates", "unsourced_claim", False),
    ("figures_do_not_add_up", "numeric_contradiction", True),
    ("figures_do_not_add_up", "attribution_mismatch", True),
    ("vague_sourcing", "unsourced_claim", True),
    ("own_voice_label", "loaded_language", True),
    ("own_voice_label", "propaganda_technique", True),
    ("own_voice_label", "scare_quotes", False),
    # a missed problem named by a check is found by that check only
    ("loaded_language", "propaganda_technique", False),
]


@pytest.mark.parametrize(("kind", "check", "found"), KINDS)
def test_a_missed_kind_is_found_by_the_checks_that_report_it_now(kind, check, found) -> None:
    start = PAGE.index("worst storm")
    missed = Missed("fa-kes:1", kind, ((start, start + 11),), "worst storm", "r", "t", "t:1")
    assert covered(missed, PAGE, [finding(PAGE, start, start + 11, check=check)]) is found


def test_every_missed_kind_maps_to_registered_checks() -> None:
    from newsaudit.checks import registered
    from newsaudit.evaluation.findings.judgments import REPORTED_BY

    assert set(REPORTED_BY) == {"figures_do_not_add_up", "headline_overstates",
                                "own_voice_label", "vague_sourcing"}
    assert {c for checks in REPORTED_BY.values() for c in checks} <= set(registered())
