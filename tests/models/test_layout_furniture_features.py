"""Features of the layout model for the furniture round a plain-text article (featuriser
layout-lines-8 and on): a reader comment's action line (``comment_meta``), a form's field or
button (``form_field``), the notes a page prints after its article (``endnote``, and the
section a notes heading opens), and cue-list furniture the line-by-line cues missed: a
menu or share bar of furniture words, a gallery counter, an agency's credit line. Each with look-alike lines that must not set them; all sentences are
made up for these tests."""

from __future__ import annotations

import pytest

from newsaudit.line_cues import line_kind, rows_of
from newsaudit.models.layout.features import FEATURISER_VERSION, featurise


def _feats(line: str) -> dict[str, float]:
    rows, _ = rows_of(line)
    assert len(rows) == 1
    return featurise(rows)[0]


def _cue(line: str) -> str:
    return next((k[4:] for k in _feats(line) if k.startswith("cue_") and "&" not in k), "")


def test_the_featuriser_version_names_the_furniture_features():
    assert FEATURISER_VERSION == "layout-lines-9"


@pytest.mark.parametrize("line", [
    "Like \u00b7 Reply \u00b7 2h", "Reply \u00b7 12", "32 likes", "14 Reply", "Reply",
    "Upvote 4 | Downvote", "Report \u00b7 3 days ago",
])
def test_a_comment_action_line_is_comment_meta(line):
    assert "comment_meta" in _feats(line)


@pytest.mark.parametrize("line", [
    "Share", "2h", "Like this:", "I like the new bridge.", "Reply to the council by Friday",
])
def test_other_short_lines_are_no_comment_meta(line):
    assert "comment_meta" not in _feats(line)


def test_a_comment_sees_its_action_line():
    page = "Jo Bloggs\nWhat a lovely idea for the park.\nLike \u00b7 Reply \u00b7 3h"
    rows, _ = rows_of(page)
    name, text, meta = featurise(rows)
    assert "n2:comment_meta" in name and "n1:comment_meta" in text and "comment_meta" in meta


@pytest.mark.parametrize("line", ["Email address", "Subscribe", "Name *", "Sign up"])
def test_a_form_field_is_form_field(line):
    assert "form_field" in _feats(line)


def test_enter_your_email_is_a_form_cue():
    assert line_kind("Enter your email") == "form"
    assert line_kind("Log in to comment") == "form"


@pytest.mark.parametrize("line", [
    "Notes to editors", "Disclosure statement", "Sources", "Media contact:",
    "Priya Lane is a freelance writer based in Leeds.",
    "Tom Hale is economics editor.",
    "This interview has been edited for length and clarity.",
    "Ana Ruiz receives funding from the Wellcome Trust.",
    "The writer travelled as a guest of Harbour Ferries.",
    "High-resolution images are available on request.",
    "Name and address supplied.",
])
def test_a_note_after_the_article_is_an_endnote(line):
    assert "endnote" in _feats(line)


@pytest.mark.parametrize("line", [
    "The mayor is a former journalist and said the paper had been fair to her.",
    "she is a writer now",
    "Sources close to the club said the deal was done.",
    "He edited the magazine for length of service awards.",
])
def test_body_sentences_are_no_endnote(line):
    assert "endnote" not in _feats(line)


def test_a_notes_heading_opens_a_section():
    page = "Notes to editors\nHarbour Water serves 900,000 homes in three counties."
    rows, _ = rows_of(page)
    assert "section_endnote" in featurise(rows)[1]


@pytest.mark.parametrize("line", [
    "Order Reprints | Today's Paper | Subscribe",
    "Facebook Twitter WhatsApp Email",
    "3 of 8",
    "Posted in Walking, Wales",
    "Do you have a story for the news team?",
])
def test_furniture_the_cues_missed_is_boilerplate(line):
    assert _cue(line) == "boilerplate"


@pytest.mark.parametrize("line", [
    "Facebook said the change would apply from Monday.",
    "Posted in 2019, the video was seen by millions.",
])
def test_sentences_with_furniture_words_are_not(line):
    assert _cue(line) != "boilerplate"


@pytest.mark.parametrize("line", [
    "Reporting by Ana Ruiz in Madrid and Tom Hale in Lisbon; Editing by Kim Cole",
    "(Reporting by Ana Ruiz; Editing by Kim Cole)",
    "Associated Press writer Ana Ruiz in Boise contributed to this report.",
    "Hale reported from Lisbon.",
    "Words and pictures by Ana Ruiz",
])
def test_an_agency_credit_line_is_a_byline_cue(line):
    assert _cue(line) == "byline"


@pytest.mark.parametrize("line", [
    "He reported from Kabul for six years before joining the paper.",
    "Police said reporting by members of the public had helped.",
])
def test_report_sentences_are_no_credit_line(line):
    assert _cue(line) != "byline"
