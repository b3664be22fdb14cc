"""A page pasted from its headline down: the first line is the headline, not chrome."""

from __future__ import annotations

import pytest

from newsaudit.anatomy import segment_text

PARAGRAPHS = (
    "The council postponed the vote on the new covered market on Monday evening.\n\n"
    "The mayor said the plans needed more work before they could be approved.\n\n"
    "Traders welcomed the delay, saying they had not been consulted.\n\n"
    "A new date for the vote has not been set.\n\n"
    "The council meets again next month.\n\n"
    "Residents can comment on the plans until Friday.\n"
)


@pytest.mark.parametrize("first", [
    "Market Vote Delayed",
    "Council delays vote on covered market",
    "Vote on new covered market put off until next month after traders object",
])
def test_the_first_line_over_plain_paragraphs_is_the_headline(first):
    segments = segment_text(f"{first}\n\n{PARAGRAPHS}")
    assert (segments[0].kind, segments[0].text) == ("headline", first)
    assert [s.kind for s in segments[1:]] == ["body"] * 6


@pytest.mark.parametrize("first", [
    "Posted 14:05, 3 Sep 2025",  # a stamp, not a headline
    "By Priya Natarajan",  # a byline
    "Home",  # one word of a menu
    "The council postponed its vote.",  # a sentence: the body's first line
])
def test_a_first_line_that_is_not_headline_shaped_is_not_made_one(first):
    segments = segment_text(f"{first}\n\n{PARAGRAPHS}")
    assert not [s for s in segments if s.kind == "headline" and s.text == first]
