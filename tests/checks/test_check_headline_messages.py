"""Every message template of headline_unsupported, rendered with realistic and awkward
inputs (a headline fragment, a long quotation, a name with an apostrophe, a name ending
in s), must read as one well-formed sentence: no words spliced where a speaker belongs,
balanced quotation marks, no doubled punctuation, long quotations cut at a word."""

from __future__ import annotations

import re

import pytest

from newsaudit.checks import _headline_messages as say

_LONG = (
    "Residents of the eastern districts said the water had risen faster than at any time "
    "since the great flood of 1953, and that the warnings had come far too late for most "
    "of them to move their cars, their animals or their elderly relatives to higher ground"
)
_FRAGMENT = "Death toll from Aleppo bomb attack at least 112"
_NAMES = ["Iran", "Teachers' Union", "Reuters", "O'Neill", "the Kordavian navy"]

RENDERED = [
    *(say.no_statement(f"{n} Admits Losses", n) for n in _NAMES),
    *(say.second_hand(f"{n} Confirms: Nurse Not Captured", n, _LONG, "a Facebook user")
      for n in _NAMES),
    say.whole_body("Iran Admits “Heavy Casualties”", "Iran", "the Iranian government",
                   "at least 700 dead")
    + say.named_channel("Iran", "“several of its soldiers” (the Iranian government via Fars)")
    + say.own_voice_echoes("700", "“almost 700 Iranian soldiers”, “693”"),
    *(say.criticism(f"{n} Slams Pay Offer", n) for n in _NAMES),
    say.omission_own_voice("Council Ignored Flood Warnings", "ignored"),
    say.omission_unsupported("Council Ignored Flood Warnings", "ignored"),
    say.change_unmeasured("Firm Slashes Jobs", "Slashes"),
    say.figure_unfit("43 injured", ["21 people", "20 people"]),
    say.figure_absent("Thousands of academics"),
    say.overstates(_FRAGMENT, _LONG, hedge="reportedly", figure="at least 112"),
    say.overstates(_FRAGMENT, _LONG, who="activists", unverified=_LONG),
    say.overstates("Hizballah leads regime offensive", _LONG),
    say.quote_absent(_LONG, _LONG),
    say.quote_absent("no longer wants to work there", None),
    say.contradicted(_FRAGMENT, _LONG, 0.93),
    say.overstates(_FRAGMENT, _LONG, who="local sources") + say.stance_confirms(0.61),
    say.unrelated(_FRAGMENT, 1.0),
]


@pytest.mark.parametrize("msg", RENDERED)
def test_reads_as_a_sentence(msg):
    assert msg[0].isupper() and msg.endswith((".", ".”"))
    assert msg.count("“") == msg.count("”")
    # the headline is quoted once, in single marks closed before the sentence goes on
    assert msg.count("‘") <= 1
    if "‘" in msg:
        assert re.search(r"‘[^‘]+’(?= |\)|,|:)", msg), msg
    assert not re.search(r"[.,;:]{2}|\s[.,;:]|\s{2}|\(\s|\s\)", msg), msg
    assert "None" not in msg and "{" not in msg
    # a quotation is cut at a word and closed with an ellipsis, never mid-word
    for quoted in re.findall(r"“([^”]*)”", msg):
        assert len(quoted) <= say.QUOTE_CHARS
        assert not quoted.endswith(" …")


@pytest.mark.parametrize("name", _NAMES)
def test_a_source_is_never_a_headline_fragment(name):
    """The criticism message names its source in quotation marks, so even a badly read
    source reads as a quotation, not as the grammatical speaker."""
    msg = say.criticism(_FRAGMENT, name)
    assert f"reports criticism by “{name}”" in msg
    assert f"nothing said by “{name}”." in msg


@pytest.mark.parametrize(
    ("name", "owned"),
    [("Iran", "Iran's"), ("Teachers' Union", "Teachers' Union's"), ("Reuters", "Reuters'"),
     ("the Kordavian navy", "the Kordavian navy's"), ("Congress", "Congress's")],
)
def test_possessive(name, owned):
    assert say.possessive(name) == owned


def test_cut_keeps_short_text_and_cuts_long_at_a_word():
    assert say.cut("Forty  people\nkilled") == "Forty people killed"
    cut = say.cut(_LONG, 60)
    assert len(cut) <= 60 and cut.endswith("…") and _LONG.startswith(cut[:-1])
