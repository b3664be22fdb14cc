"""unsourced_claim: check-worthy statements the page makes on no one's word."""

from __future__ import annotations

import pytest

from newsaudit.checks import unsourced_claim as uc
from newsaudit.model import Finding
from paths import CHECKS, CLEAN, PAGES, REPO, seed_text
from stages import runner


@pytest.fixture(scope="module")
def run(nlp):
    return runner(nlp, uc.check, "unsourced_claim")


def _summary(found: list[Finding]) -> list[tuple[str, str, tuple[str, ...]]]:
    """(severity, text of the second evidence span: the cue word or figure, refs)."""
    return [(f.severity, f.evidence[1].text, f.refs) for f in found]


# ------------------------------------------------------------------ the seed and example


def test_seed(run):
    _, found = run(seed_text())
    assert _summary(found) == [
        ("warning", "only", ("c3",)),
        ("warning", "primarily", ("c9", "a8")),
        ("warning", "almost 700 Iranian soldiers", ("c13", "q7")),
        ("info", "at least 13 Shia militias", ("c15", "q9")),
        ("warning", "693", ("c18", "q12")),
    ]
    assert found[0].evidence[0].text.startswith("Contrary to Western propaganda, only the armed")
    assert found[1].evidence[0].text == (
        "which has been powered primarily by western support for the “rebels.”"
    )
    assert found[1].message == (
        "The clause “which has been powered primarily by western support for the “rebels.”” is the "
        "page's own description added to what a senior Iranian official is reported to have said, "
        "and it makes a sweeping claim (“primarily”) with no source."
    )
    assert found[2].message == (
        "“In total, almost 700 Iranian soldiers and militia fighters have been killed in Syria.” "
        "is stated in the page's own voice with no source; it gives a figure (“almost 700 Iranian "
        "soldiers”) that no attributed figure on the page matches."
    )


def test_harbour_strike(run):
    _, found = run((REPO / "examples" / "harbour-strike.txt").read_text(encoding="utf-8"))
    assert _summary(found) == [
        ("warning", "only", ("c3",)),
        ("warning", "nearly 120 sailors", ("c9", "q6")),
        ("warning", "117", ("c11", "q9")),
    ]


# ------------------------------------------------------------------ pages of our own


def test_own_page_fires(run):
    _, found = run((CHECKS / "unsourced_fire.txt").read_text(encoding="utf-8"))
    assert _summary(found) == [
        ("warning", "Only", ("c3",)),
        ("info", "More than 3,000 homes", ("c4", "q1")),
        ("warning", "24 percent", ("c5", "q2")),
    ]


@pytest.mark.parametrize("name", ["unsourced_clean", "headline_admits_ok", "quote_clean"])
def test_quiet_own_pages(run, name):
    assert run((CHECKS / f"{name}.txt").read_text(encoding="utf-8"))[1] == []


@pytest.mark.parametrize("name", CLEAN)
def test_clean_pages(run, name):
    assert run((PAGES / f"{name}.txt").read_text(encoding="utf-8"))[1] == []


PARAGRAPHS = [
    # scene-setting: an observable event, no figure, no sweeping word
    ("Storm Hits Coast\n\nAdmiral Ole Berg visited the port on Monday. The march began at noon.\n",
     []),
    # a sentence after an attributed one continues its source
    (
        "Cases Rise\n\nThe number of cases rose to 40, the health ministry said in a statement. "
        "Nine children have been admitted to hospital.\n",
        [],
    ),
    # ... but not across paragraphs
    (
        "Cases Rise\n\nThe number of cases rose to 40, the health ministry said in a statement.\n\n"
        "Nine children have been admitted to hospital.\n",
        [("info", "Nine children")],
    ),
    # ... and not when the writer speaks for itself
    (
        "Cases Rise\n\nThe number of cases rose to 40, the health ministry said in a statement. "
        "In total, 300 people have died of the disease since 2019.\n",
        [("warning", "300 people")],
    ),
    # an own-voice figure matched by an attributed one is sourced
    (
        "March in Capital\n\nTens of thousands of people marched on Saturday. "
        "Organisers said 30,000 had joined.\n",
        [],
    ),
    ("Protest Spreads\n\nEvery protester in the square was arrested by police officers.\n",
     [("warning", "Every")]),
    ("Protest Spreads\n\nShops stay open every Saturday in the old town.\n", []),
    # idioms that only intensify or deny are not sweeping claims
    (
        "Port Reopens\n\nThe new ferry line makes the island all the more attractive to "
        "visitors.\n",
        [],
    ),
    (
        "Port Reopens\n\nThe strike at the port has nothing to do with the dispute over "
        "wages.\n",
        [],
    ),
    # a restrictive "only" states a rule's condition, not a sweeping claim
    ("Cannabis Shops Open\n\nUnder the new law, cannabis may be purchased only by adults 21 "
     "or older.\n", []),
    ("Shelter Reopens\n\nThe shelter is open only to residents of the flooded valley.\n", []),
    # a vague small count describes a scene; a vague large one is still a statistic
    ("Flood Hits Town\n\nReporters spoke to a few people sheltering in the school.\n",
     [("info", "a few people")]),
    ("Flood Hits Town\n\nThousands of people fled their homes in the valley.\n",
     [("warning", "Thousands of people")]),
    # a quotation running on over paragraphs is the speaker's, not the page's
    (
        "Clinic Closes\n\nA nurse said: 'We had to close the ward on Friday.\n\n"
        "'Nobody told the patients where to go.'\n",
        [],
    ),
    (
        "Clinic Closes\n\n“We had no warning,” a nurse said. “The ward is shut. "
        "Nobody told the patients where to go.”\n",
        [],
    ),
    # ... while a paragraph quoting one word is still the page's sentence (a sweeping,
    # check-worthy one: the claim keeps its opening quote mark, which the parser splits off)
    (
        "Clinic Closes\n\n“Reforms” have closed every clinic in the province.\n",
        [("warning", "every")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), PARAGRAPHS)
def test_paragraphs(run, text, expected):
    _, found = run(text)
    assert [(f.severity, f.evidence[1].text) for f in found] == expected


def test_sweeping_tokens(nlp):
    doc = nlp("Not only the army but all three ships and every rescuer, not one, never stopped.")
    cues = [c for _, _, c in uc.sweeping_tokens(doc, range(len(doc)))]
    assert cues == ["every", "never"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The drug may be purchased only by adults 21 or older.", []),
        ("The shelter is open only to residents of the valley.", []),
        ("The pills are sold only with a prescription.", []),
        ("Visitors are admitted only if they carry a pass.", []),
        ("Aid is delivered only when the convoy has been inspected.", []),
        ("Only the army is fighting in the north.", ["only"]),
        ("The rebels only want power.", ["only"]),
    ],
)
def test_restrictive_only(nlp, text, expected):
    doc = nlp(text)
    assert [c for _, _, c in uc.sweeping_tokens(doc, range(len(doc)))] == expected
