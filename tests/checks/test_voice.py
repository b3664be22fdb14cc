"""Whose voice a stretch of the page is in (checks/_voice.py): quotations, attributed
statements, embedded posts, transcripts and introduced blocks are someone else's words."""

from __future__ import annotations

import pytest

from newsaudit.checks._voice import voice_of
from stages import build

PAGES = [
    # a short quotation in the page's own sentence: only the quoted word is someone's
    ("Troops fought the “rebels” near the border on Monday.", ["rebels"]),
    # a transcript: the labelled lines and the answers are the speakers', not the page's
    (
        "The mayor spoke to reporters on Monday.\n\nQ: Are the raiders near?\n"
        "A: They are near the town, I think.\nQ: What next?\nA: We wait.",
        ["Q: Are the raiders near?\nA: They are near the town, I think.\nQ: What next?\n"
         "A: We wait."],
    ),
    # a paragraph a colon hands to a writer
    (
        "The mayor wrote on Monday:\n\nThe raiders are gone and the town is safe again.\n\n"
        "Shops opened on Tuesday.",
        ["The raiders are gone and the town is safe again."],
    ),
    # an embedded post, up to its signature; the paragraph before it stays the page's
    (
        "The road is closed.\n\nThe raiders are near, stay home. — Ali Reyes (@alireyes) "
        "May 3, 2018\n\nShops opened on Tuesday.",
        ["The raiders are near, stay home. — Ali Reyes (@alireyes) May 3, 2018"],
    ),
    # a quotation that closes lines after it opens
    (
        "The mayor spoke on Monday. “The raiders are gone.\n\nThe town is safe,” she said.",
        ["The raiders are gone.\n\nThe town is safe,"],
    ),
    # ... in straight marks too
    (
        "The mayor spoke on Monday.\n\"The raiders are gone.\nThe town is safe.\"\n"
        "Shops opened on Tuesday.",
        ["The raiders are gone.\nThe town is safe."],
    ),
    # paragraphs of one quotation run into a line, each opening with a mark of its own
    (
        "The town's plan has three points. “(A) Hire more police. “(B) Stop the raiders. "
        "“(C) Grow the budget.” The council agreed.",
        ["(A) Hire more police. ", "(B) Stop the raiders. ", "(C) Grow the budget."],
    ),
    # marks nested in a quotation do not end it
    (
        "The essay ends so. «The old order is gone... the most «advanced», even "
        "«enlightened» families are outdated». The council agreed.",
        ["The old order is gone... the most «advanced», even «enlightened» families are "
         "outdated"],
    ),
    # a stray opening mark left open over lines with other marks is no quotation
    (
        "The pastor “God bless Wright spoke.\nShops opened on Tuesday.\nThe “heroes” left.",
        ["heroes"],
    ),
]


@pytest.mark.parametrize(("body", "expected"), PAGES)
def test_others_words(nlp, body: str, expected: list[str]) -> None:
    report, _ = build(nlp, f"Border News\n\n{body}\n")
    voice = voice_of(report)
    text = report.document.text
    assert [text[s:e] for s, e in voice.others] == expected


def test_own_sentence_stays_own(nlp) -> None:
    report, _ = build(nlp, "Border News\n\nThe raiders left the town on Monday.\n")
    voice = voice_of(report)
    assert voice.others == ()
    assert voice.owns(0, len(report.document.text))
