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
    # a question standing alone over the body, in sentence case
    "Is the council about to scrap the covered market for good?",
    # a title-cased line may end on an exclamation and a question mark
    "Was The Covered Market Vote All An Elaborate Stunt By The Council!?",
    # a one-word label before the title
    "Video: Traders Protest Outside Council Chamber Over Covered Market Vote",
    # a title-cased line that reports someone's word is a headline, not reported speech
    "Council Says It Will Build the Covered Market, But Will Traders Be Able to Afford It?",
    # a tabloid's long headline: a quotation, a colon, then the story
    "'We were never asked what we wanted': Market traders furious as council delays vote "
    "on the new covered market for a third time after months of complaints from stallholders",
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
    # a long lead sentence in sentence case whose stop the scraper lost
    "The council postponed its vote on the new covered market on Monday evening after "
    "traders complained that they had not been consulted about the plans at all",
])
def test_a_first_line_that_is_not_headline_shaped_is_not_made_one(first):
    segments = segment_text(f"{first}\n\n{PARAGRAPHS}")
    assert not [s for s in segments if s.kind == "headline" and s.text == first]


#: One sentence a line, as scraped datasets lay articles out under their title.
SENTENCES = (
    "The council postponed the vote on the new covered market on Monday evening.\n"
    "The mayor said the plans needed more work before they could be approved.\n"
    "Traders welcomed the delay, saying they had not been consulted.\n"
    "A new date for the vote has not been set.\n"
    "The council meets again next month, and residents can comment until Friday.\n"
)


@pytest.mark.parametrize("first", [
    # title case, as American sites and most scraped datasets set headlines
    "Council Puts Off Vote on New Covered Market After Traders Say They Were Never Asked",
    # a question, an exclamation, a kicker before a colon, a quotation at the end
    "Will the Council Ever Build the Covered Market It Promised Traders Five Years Ago?",
    "EXPOSED: Council Knew Traders Opposed the Covered Market Plans All Along",
    "Market Traders to Council: “You Never Asked Us What We Wanted”",
])
def test_a_title_over_one_sentence_a_line_is_the_headline(first):
    segments = segment_text(f"{first}\n\n{SENTENCES}")
    assert (segments[0].kind, segments[0].text) == ("headline", first)
    assert {s.kind for s in segments[1:]} == {"body"}


def test_the_first_line_has_a_gap_state_of_its_own():
    from newsaudit.line_cues import rows_of
    from newsaudit.models.layout.features import featurise

    rows, _ = rows_of(f"Council Puts Off Vote on the Covered Market\n\n{SENTENCES}")
    feats = featurise(rows)
    assert "gapb_top" in feats[0] and "gapb0" not in feats[0]
    assert "titlecase" in feats[0] and "prose" not in feats[0]
    assert "gapb0" in feats[2] and "gapb_top" not in feats[2]
    assert feats[1].get("prose") == 1 and "titlecase" not in feats[1]


def test_title_cased_keeps_short_words_and_acronyms():
    from newsaudit.models.layout.train import title_cased

    assert title_cased("Mayor says new tram line will open a year late in the NHS area") == (
        "Mayor Says New Tram Line Will Open a Year Late in the NHS Area"
    )
    assert title_cased("a year of the tram") == "A Year of the Tram"


def test_a_question_run_on_into_the_body_is_not_made_the_headline():
    # no blank line under it: the question is the body's first line
    text = "Is the council about to scrap the covered market for good?\n" + PARAGRAPHS
    segments = segment_text(text)
    assert not [s for s in segments if s.kind == "headline"]
