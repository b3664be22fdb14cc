"""LineTest: the cue lists searched as two regexes, the anchored patterns tried once at
the line's start. It must say what one joined, searched regex says."""

from __future__ import annotations

import importlib
import re

import pytest

from newsaudit.datafiles import load_json
from newsaudit.line_cues import LineTest

LISTS = ("boilerplate_patterns", "caption_patterns", "endnote_patterns", "credit_line_patterns")


def _top_level_branch(pattern: str) -> bool:
    """Does the pattern (or the one group it is wrapped in, "(?i:...)") branch at its top?"""
    parser = importlib.import_module("re._parser")  # the stdlib's own regex parser (3.11+)
    data = parser.parse(pattern).data
    if len(data) == 1 and str(data[0][0]) == "SUBPATTERN":
        data = data[0][1][-1].data
    return any(str(op) == "BRANCH" for op, _ in data)


@pytest.mark.parametrize("key", LISTS)
def test_an_anchored_pattern_has_no_alternative_outside_its_anchor(key):
    """"^a|b" would let "b" match anywhere in a searched regex but only at the start in
    LineTest's: a list must spell it "^(a|b)" or "b" on its own."""
    for p in load_json("anatomy.json")[key]:
        if p.startswith(("^", "(?i:^")):
            assert not _top_level_branch(p), f"{key}: {p!r} has a top-level alternative"
    assert _top_level_branch("^a|b") and not _top_level_branch("^(a|b)")
    assert _top_level_branch("(?i:^a|b)") and not _top_level_branch("(?i:^(a|b)[:|])")


LINES = [
    "Photo: Jane Doe/Reuters",
    "The council met on Tuesday and approved the plan; photo: none was taken.",
    "Sign up for our newsletter to get the news straight to your inbox",
    "Reporting by Jane Doe in London; Editing by John Roe",
    "He said reporting by the agency was accurate.",
    "All rights reserved. © 2024 The Daily Example",
    "Posted in Travel, Walking",
    "A long paragraph of ordinary news prose about a council meeting, " * 8,
    "",
]


@pytest.mark.parametrize("key", LISTS)
@pytest.mark.parametrize("line", LINES)
def test_it_agrees_with_one_searched_regex(key, line):
    patterns = load_json("anatomy.json")[key]
    flags = re.IGNORECASE if key == "boilerplate_patterns" else 0
    joined = re.compile("|".join(f"(?:{p})" for p in patterns), flags)
    assert LineTest(patterns, flags=flags).search(line) == bool(joined.search(line))


@pytest.mark.parametrize(
    "line",
    [
        "Rescuers search the rubble of the market on Sunday. (AP Photo/Jane Doe)",
        "Rescuers search the rubble of the market. " * 20 + "(AP Photo/Jane Doe)",
        "Rescuers search the rubble of the market. " * 20 + "REUTERS/Jane Doe",
        "Rescuers search the rubble of the market on Sunday, " * 12 + "Wednesday afternoon.",
        "Rescuers search the rubble of the market. " * 20,
        "x" * 900 + " Photo: Jane Doe",
    ],
)
def test_the_tail_patterns_say_on_a_line_end_what_they_say_on_the_line(line):
    from newsaudit.models.layout import features

    for pattern in (features._CREDIT_TAIL_RE, features._WHEN_TAIL_RE):
        assert bool(pattern.search(features._tail(line))) == bool(pattern.search(line))
    if len(line) > 400 and " " in line[: len(line) - 400]:
        assert len(features._tail(line)) < len(line)  # a long line is cut, at a space
    else:
        assert features._tail(line) == line  # never inside a word


@pytest.mark.parametrize(
    "line,expected",
    [
        ("#1 Priya_K said (3 days ago):", "comment_start"),
        ("Gemma Torrance said (2 days ago):", "comment_start"),
        ("Corinne H wrote:", "comment_start"),
        ("Derek Allsop says:", "comment_start"),
        # a body sentence goes on after its colon
        ('The minister said (in a statement): "We will rebuild."', None),
    ],
)
def test_a_comment_opens_on_its_author_line_with_a_time_in_brackets(line, expected):
    from newsaudit.line_cues import line_kind

    assert (line_kind(line) if line_kind(line) == "comment_start" else None) == expected
