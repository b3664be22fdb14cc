"""Every message template of the voice checks (scare_quotes, propaganda_technique) reads
as a sentence whatever it is given: a name with an apostrophe, a long quotation, a
headline fragment (issue 9: no broken splices)."""

from __future__ import annotations

import pytest

from newsaudit.checks import propaganda_technique as pt
from newsaudit.checks import scare_quotes as sq

SCARE = [
    ("rebels", 1, None,
     "“rebels” is put in quotation marks, yet no one on the page is quoted using it; the marks "
     "are the page's own, which signals distance from the label without saying whose word it "
     "is."),
    ("people's defence", 2, "self-styled",
     "“people's defence” is put in quotation marks twice, yet no one on the page is quoted "
     "using it; the marks are the page's own, after “self-styled”, which makes the distance "
     "explicit."),
    ("Death toll from Aleppo", 5, "so-called",
     "“Death toll from Aleppo” is put in quotation marks 5 times, yet no one on the page is "
     "quoted using it; the marks are the page's own, after “so-called”, which makes the "
     "distance explicit."),
]


@pytest.mark.parametrize(("word", "count", "cue", "expected"), SCARE)
def test_scare_quote_message(word: str, count: int, cue: str | None, expected: str) -> None:
    assert sq.message(word, count, cue) == expected


def test_propaganda_message_cuts_a_long_span_at_a_word() -> None:
    long = ("O'Brien's so-called reform is nothing but a shameless giveaway to the donors who "
            "bankrolled his campaign from the very start")
    msg = pt._message("Name calling / labeling", "it attaches a label", long)
    assert msg == (
        "Possible name calling / labeling: “O'Brien's so-called reform is nothing but a "
        "shameless giveaway to the donors who…”. This matters because it "
        "attaches a label."
    )
    assert pt._message("Doubt", "it questions", "Can they be trusted") == (
        "Possible doubt: “Can they be trusted”. This matters because it questions."
    )
