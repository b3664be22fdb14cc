"""quote_integrity: quoted words that cannot all be what someone actually said."""

from __future__ import annotations

import pytest

from newsaudit.checks import quote_integrity as qi
from paths import CHECKS, CLEAN, PAGES, REPO, seed_text
from stages import runner

NEEDS_WORDFREQ = "wordfreq is a dependency of newsaudit (spelling inside quotes); install it"


def _has_wordfreq() -> bool:
    return qi._frequencies() is not None


@pytest.fixture(scope="module")
def run(nlp):
    return runner(nlp, qi.check, "quote_integrity")


# ------------------------------------------------------------------ the seed and example


def test_seed(run):
    assert _has_wordfreq(), NEEDS_WORDFREQ
    _, found = run(seed_text())
    assert len(found) == 1
    f = found[0]
    assert (f.severity, f.refs) == ("warning", ("a1", "a2"))
    assert [e.text for e in f.evidence] == ["Heavy Casualties", "heavy casualities", "casualities"]
    assert [(e.start, e.end) for e in f.evidence] == [(20, 36), (98, 115), (104, 115)]
    assert f.message == (
        "Quoted words “Heavy Casualties”: the same words are quoted differently (“Heavy "
        "Casualties” in the headline and “heavy casualities” in the body), so they cannot all be "
        "verbatim; “casualities” inside the quotation looks like a misspelling of “casualties”, a "
        "sign the words were retyped rather than copied; the words are put to the Iranian "
        "government as a whole, with no spokesperson, statement or intermediary that could have "
        "said them."
    )


def test_seed_without_wordfreq(run, monkeypatch):
    """Without the frequency table the near-duplicate and the missing speaker still show."""
    monkeypatch.setattr(qi, "_frequencies", lambda: None)
    _, found = run(seed_text())
    assert len(found) == 1
    assert found[0].severity == "warning"
    assert [e.text for e in found[0].evidence] == ["Heavy Casualties", "heavy casualities"]
    assert "misspelling" not in found[0].message


def test_harbour_strike(run):
    _, found = run((REPO / "examples" / "harbour-strike.txt").read_text(encoding="utf-8"))
    assert len(found) == 1
    f = found[0]
    assert (f.severity, f.refs) == ("warning", ("a1", "a2"))
    assert [e.text for e in f.evidence] == ["Massive Losses", "massive loses"]
    assert f.message == (
        "Quoted words “Massive Losses”: the same words are quoted differently (“Massive Losses” in "
        "the headline and “massive loses” in the body), so they cannot all be verbatim; the words "
        "are put to the Kordavian navy as a whole, with no spokesperson, statement or intermediary "
        "that could have said them."
    )


# ------------------------------------------------------------------ pages of our own


def test_same_speaker_quoted_two_ways(run):
    _, found = run((CHECKS / "quote_variant.txt").read_text(encoding="utf-8"))
    assert [(f.severity, [e.text for e in f.evidence]) for f in found] == [
        (
            "warning",
            [
                "We will rebuild every home that the storm destroyed",
                "We will rebuild every house the storm has destroyed",
            ],
        )
    ]


def test_headline_quote_no_one_said(run):
    _, found = run((CHECKS / "quote_headline_untraced.txt").read_text(encoding="utf-8"))
    assert [(f.severity, [e.text for e in f.evidence], f.refs) for f in found] == [
        ("warning", ["Planned the Violence"], ("a1",))
    ]
    assert found[0].message == (
        "Quoted words “Planned the Violence”: no speaker in the body is quoted saying them."
    )


def test_misspelt_quote_of_a_named_speaker_is_info(run):
    assert _has_wordfreq(), NEEDS_WORDFREQ
    _, found = run((CHECKS / "quote_spelling.txt").read_text(encoding="utf-8"))
    assert [(f.severity, [e.text for e in f.evidence]) for f in found] == [
        ("info", ["The government has forgoten us completely", "forgoten"])
    ]


@pytest.mark.parametrize(
    "quote",
    [
        # the writer marks the speaker's (or the document's) spelling as the original's
        "“The amendments have been dedacted (sic) from the reading,” the senator said.",
        "“The amendments have been dedacted [sic] from the reading,” the senator said.",
        # a word the source's line break hyphenated, read from a PDF or a print column
        "“It was not nec- essary to send the letter,” the senator said.",
    ],
)
def test_spellings_the_page_accounts_for_are_no_slips(run, quote):
    assert _has_wordfreq(), NEEDS_WORDFREQ
    text = f"Senate debate runs late\n\nThe debate ran past midnight.\n\n{quote}\n"
    assert run(text)[1] == []


@pytest.mark.parametrize("name", ["quote_clean", "headline_admits_ok"])
def test_quiet_own_pages(run, name):
    """Exact repeats, partial quotes of named speakers: nothing to flag."""
    assert run((CHECKS / f"{name}.txt").read_text(encoding="utf-8"))[1] == []


@pytest.mark.parametrize("name", CLEAN)
def test_clean_pages(run, name):
    assert run((PAGES / f"{name}.txt").read_text(encoding="utf-8"))[1] == []


# ------------------------------------------------------------------ pieces


@pytest.mark.parametrize(
    ("word", "fix"),
    [
        ("casualities", "casualties"),
        ("recieved", "received"),
        ("forgoten", "forgotten"),
        ("destoyed", "destroyed"),
        ("hospitl", "hospital"),
        ("beseiged", "besieged"),
        ("casualties", None),
        ("colour", None),
        ("organisation", None),
        ("torched", None),
        ("evacuees", None),
        ("rationed", None),
        ("loses", None),
        ("militiamen", None),
        ("balked", None),
        ("cowered", None),
        ("appeased", None),
    ],
)
def test_misspelling(word, fix):
    assert _has_wordfreq(), NEEDS_WORDFREQ
    assert qi.misspelling(word) == fix


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("heavy casualties", "heavy casualities", (True, True)),
        ("massive losses", "massive loses", (True, True)),
        ("heavy casualties", "heavy casualties", (True, False)),
        ("not be intimidated", "the navy will not be intimidated by terrorists", (True, False)),
        ("we will rebuild every home", "we will rebuild every house", (True, True)),
        ("the enemy suffered heavy losses", "our forces repelled three assaults", (False, False)),
        # a short quotation matches a longer one word for word, not by chance look-alikes
        ("news release", "the news came from a press release by the ministry", (False, False)),
        ("town of refuge", "they called it the refuge of town elders", (False, False)),
        ("massive losses", "the army suffered massive loses in the north", (True, True)),
        # a term quoted inside a longer quotation is the same words
        ("flood tax", "we will repeal the flood tax next year", (True, False)),
        # a title-case headline spells out what the speaker contracted
        ("we are going to go all the way to the final",
         "i tell you we're going to go all the way to the final", (True, False)),
        # two statements sharing a phrase part at its edge; they are not one misquoted
        ("not putting people back to work",
         "god wants to see us help ourselves by putting people back to work", (False, False)),
        ("the fund is not putting people back",
         "he said the fund is not putting money into schools", (False, False)),
        # a slip at the edge is still a misquote
        ("massive losses on the front", "they suffered massive loses on the front line",
         (True, True)),
    ],
)
def test_similar(a, b, expected):
    assert qi.similar(a, b, 0.8) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“Heavy Casualties”", "heavy casualties"),
        ("It’s “over,” he said", "it's over he said"),
        # single marks around a nested quotation are punctuation; apostrophes stay
        ("we repealed the ‘flood-tax’ rule", "we repealed the flood tax rule"),
        ("the farmers’ ‘right to roam’", "the farmers right to roam"),
    ],
)
def test_normalise(text, expected):
    assert qi.normalise(text) == expected


# ------------------------------------------------------------------ issue 9: real pages


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # words put to an organisation are how wire copy quotes a statement: nothing alone
        ("Port Reopens After Strike\n\nThe port authority said the harbour was “open to all "
         "traffic again” on Monday.\n", []),
        # a long quotation whose speaker the page does not name (a sign, a slogan)
        ("Port Reopens After Strike\n\nA sign on the gate read “We will not be moved by threats "
         "from anyone” on Monday.\n", []),
        # a title the headline and the body both quote is no one's words
        ("Port Owner Reads “The Art of War”\n\nThe owner keeps a copy of “The Art of War” on his "
         "desk at the port.\n", []),
        # a noun phrase in a headline's marks is a title or a term, not someone's words
        ("Port Owner Reads “Mein Kampf”\n\nThe owner keeps a copy of the book on his desk at "
         "the port.\n", []),
        # a headline quotation the body never quotes is still nobody's on the page
        ("Minister: “We Were Betrayed”\n\nThe port reopened on Monday after a week-long strike "
         "by dockers.\n", [("warning", "We Were Betrayed")]),
    ],
)
def test_real_page_patterns(run, text, expected):
    _, found = run(text)
    assert [(f.severity, f.evidence[0].text) for f in found] == expected


def test_a_headline_naming_a_work_in_quotes_is_not_untraced(run):
    """A headline's "exchange concerning “…”" or "the essay “…”" quotes a title: no
    speaker is owed. The same clause after a speaker is still untraced."""
    body = (
        "\n\nTwo readers wrote in after last week’s essay. Ann Roe said the council had not "
        "consulted the crews.\n"
    )
    for intro in ("Letters concerning", "Replies to the essay"):
        _, found = run(f"{intro} “We Were Never Asked About the Harbour”{body}")
        assert found == [], intro
    _, found = run(f"Ferry Crews: “We Were Never Asked About the Harbour”{body}")
    assert [f.severity for f in found] == ["warning"]
