"""headline_unsupported: the headline says more than, or other than, the body supports.

Reports are built stage by stage (as ``pipeline.analyse`` does) and only this check is
run, so a finding here is this check's own.
"""

from __future__ import annotations

import pytest

from newsaudit.checks import headline_unsupported as hu
from newsaudit.checks._sources import same_source
from paths import CHECKS, CLEAN, PAGES, REPO, seed_text
from stages import runner


@pytest.fixture(scope="module")
def run(nlp):
    return runner(nlp, hu.check, "headline_unsupported")


# ------------------------------------------------------------------ the seed and example


def test_seed(run):
    report, found = run(seed_text())
    assert len(found) == 1
    f = found[0]
    assert f.severity == "warning"
    assert [e.text for e in f.evidence] == [
        "Iran Admits “Heavy Casualties”",
        "at least 700 dead",
        "several of its soldiers",
        "almost 700 Iranian soldiers",
        "693",
    ]
    assert f.refs == ("a1", "a2", "a3", "q1", "q2", "q7", "q12")
    assert f.message == (
        "The headline ‘Iran Admits “Heavy Casualties”’ presents its claim as Iran's own word, but "
        "the body gives it only as a statement by the Iranian government as a whole, with no "
        "spokesperson, statement or channel named: “at least 700 dead”. What Iran is reported to "
        "have said through a named channel is different: “several of its soldiers” (the Iranian "
        "government via the Fars news agency). Figures near 700 appear otherwise only in the "
        "page's own voice (“almost 700 Iranian soldiers”, “693”)."
    )


def test_harbour_strike(run):
    _, found = run((REPO / "examples" / "harbour-strike.txt").read_text(encoding="utf-8"))
    assert len(found) == 1
    f = found[0]
    assert f.severity == "warning"
    assert [e.text for e in f.evidence] == [
        "Kordavia Confirms “Massive Losses”",
        "at least 120 sailors",
        "18 sailors",
        "40 injured",
        "nearly 120 sailors",
        "117",
    ]
    assert "a navy official via the state broadcaster KTV" in f.message


# ------------------------------------------------------------------ pages of our own

FIRES = [
    (
        "headline_confirms_conflict",
        # "30 wounded" is not evidence: the lead's 200 are lost (killed), not wounded.
        ["Veltra Confirms “Heavy Losses”", "at least 200 soldiers", "12 soldiers"],
        "the Veltran army as a whole",
    ),
    ("headline_no_statement", ["Mayor Admits City Budget Shortfall"], "no statement by Mayor"),
    ("headline_slams", ["Teachers' Union Slams Pay Offer"], "reports nothing said by “Teachers' Union”"),
    (
        "headline_figure",
        # "Kills 500" is a death toll: the 300 injured are not compared with it.
        ["500", "At least 120 people"],
        "The headline gives “500”, but no figure in the body fits it",
    ),
]


@pytest.mark.parametrize(("name", "evidence", "phrase"), FIRES, ids=[f[0] for f in FIRES])
def test_fires(run, name, evidence, phrase):
    _, found = run((CHECKS / f"{name}.txt").read_text(encoding="utf-8"))
    assert len(found) == 1
    assert found[0].severity == "warning"
    assert [e.text for e in found[0].evidence] == evidence
    assert phrase in found[0].message


@pytest.mark.parametrize("name", ["headline_admits_ok", "attribution_quiet_sourced"])
def test_quiet_own_pages(run, name):
    """A concession backed by a spokesman's matching figure is supported."""
    _, found = run((CHECKS / f"{name}.txt").read_text(encoding="utf-8"))
    assert found == []


@pytest.mark.parametrize(("headline", "body"), [
    ("Russian airstrikes hit Syrian opposition forces",  # "hit" is not "hit out"
     "Syrian opposition forces on Sunday claimed that Russian jets struck their positions "
     "near Idlib, killing 12 fighters. The opposition said the airstrikes also hit a market."),
    ("Israeli Jets Attack Gaza Targets",  # jets strike; they do not speak
     "Israeli jets struck targets in Gaza overnight, the Palestinian health ministry said, "
     "and at least four people were wounded. The army said it attacked weapons sites."),
    ("Singer Rips Up $300 Million Contract",  # "rip up" tears, it does not criticise
     "The singer turned down a $300 million contract for a reunion tour, his manager said "
     "on Monday. The promoter declined to comment."),
    ("Kordavian Army Foils Rebel Attack in Tarvel Kills 50 Gunmen",  # "Attack in": a noun
     "The Kordavian army foiled a rebel attack on its posts in Tarvel and killed 50 "
     "gunmen, the state news agency said."),
    ("Terrorist Blast Kills Mosque Imam in Tarvel",  # an adjective before "Blast"
     "A bomb killed a village elder in Tarvel on Friday, police said. No group has said it "
     "carried out the attack."),
])
def test_physical_senses_of_criticism_verbs_are_not_criticism(run, headline, body):
    """Every headline verb of criticism also strikes, tears or hits; read as criticism,
    the message said the body "reports nothing said by" the airstrikes (a real page)."""
    _, found = run(f"{headline}\n\n{body}\n")
    assert not [f for f in found if "reports criticism" in f.message], found


@pytest.mark.parametrize(("headline", "body", "critic"), [
    ("Democrats Blast Budget Cuts",
     "Democrats in the state senate voted against the budget cuts on Tuesday. The cuts "
     "remove $40 million from schools, the budget office said.", "Democrats"),
    ("Senator Hits Out At Budget Plan",
     "The budget plan removes $40 million from schools, the budget office said. The "
     "senator voted against it on Tuesday.", "Senator"),
])
def test_a_critic_with_no_words_in_the_body_is_reported(run, headline, body, critic):
    _, found = run(f"{headline}\n\n{body}\n")
    assert [f.message for f in found if f"reports criticism by “{critic}”" in f.message], found


def test_a_critic_described_in_the_headline_and_named_in_the_body_is_supported(run):
    """The headline describes whom the body names: "a prominent cleric … Sheikh X
    replied" reports the critic's words, though never as "the cleric said"."""
    body = ("A prominent cleric has stirred anger by issuing a ruling against kite flying. "
            "Asked on a website whether children may fly kites, Imam Yusuf Halar replied "
            "that it wastes time meant for prayer.")
    _, found = run(f"Kordavian cleric condemns kite flying\n\n{body}\n")
    assert [f.message for f in found if "reports criticism" in f.message] == []
    # with no one named in the body, the described critic still has no words there
    unnamed = "A prominent cleric has stirred anger over kite flying, state media reported."
    _, found = run(f"Kordavian cleric condemns kite flying\n\n{unnamed}\n")
    assert [f.message for f in found if "reports criticism" in f.message], found


def test_a_participle_before_dead_or_killed_is_a_passive_not_a_speaker(run):
    _, found = run("Rebel commander confirmed killed in Tarvel air strike\n\nThe defence "
                   "ministry said on Friday that the rebel commander was killed in an air "
                   "strike near Tarvel.\n")
    assert [f.message for f in found if "own word" in f.message] == []


@pytest.mark.parametrize("name", CLEAN)
def test_clean_pages(run, name):
    _, found = run((PAGES / f"{name}.txt").read_text(encoding="utf-8"))
    assert found == []


# ------------------------------------------------------------------ the stance model seam


def test_structure_alone_when_model_missing(run, monkeypatch):
    monkeypatch.setattr(hu, "_stance", lambda models, headline, body: None)
    _, found = run((CHECKS / "headline_no_statement.txt").read_text(encoding="utf-8"))
    assert [f.severity for f in found] == ["warning"]


def test_model_disagreement_raises_structural_finding(run, monkeypatch):
    probs = {"agree": 0.05, "disagree": 0.9, "discuss": 0.03, "unrelated": 0.02}
    monkeypatch.setattr(hu, "_stance", lambda models, headline, body: probs)
    _, found = run((CHECKS / "headline_no_statement.txt").read_text(encoding="utf-8"))
    assert [f.severity for f in found] == ["problem"]
    assert found[0].message.endswith("(p=0.90).")


def test_model_alone_needs_the_body_to_refute(run, monkeypatch):
    """A sure "disagree" over a body that refutes nothing the headline says is the
    model's misreading, not a finding (the refuting case: test_check_headline_overstates)."""
    text = (PAGES / "disaster.txt").read_text(encoding="utf-8")
    for probs in ({"agree": 0.1, "disagree": 0.8, "unrelated": 0.1},
                  {"agree": 0.01, "disagree": 0.98, "unrelated": 0.01}):
        monkeypatch.setattr(hu, "_stance", lambda m, h, b, probs=probs: probs)
        assert run(text)[1] == []


def test_stance_unavailable_is_none():
    from newsaudit.context import Models
    from newsaudit.errors import ModelError

    class Broken:
        def predict(self, pairs):
            raise ModelError("stance model not found")

    assert hu._stance(Models(stance=None), "Headline", "Body text.") is None
    assert hu._stance(Models(stance=Broken()), "Headline", "Body text.") is None


# ------------------------------------------------------------------ pieces


@pytest.mark.parametrize(
    ("a", "b", "title_case", "same"),
    [
        ("Iran", "The Iranian government", True, True),
        ("Iran", "a senior Iranian official", True, True),
        ("Kordavia", "The Kordavian navy", True, True),
        ("The Kordavian navy", "a navy official", False, True),
        ("the US navy", "the Kordavian navy", False, False),
        ("Ministry", "The finance ministry", True, True),
        ("Mining Firm", "The Sarvik Mining Company", True, True),
        ("Iran", "a Revolutionary Guards official", True, False),
        ("France", "the French foreign ministry", True, True),
        ("Moscow", "Russian officials", True, True),
        ("Mayor", "The audit office", True, False),
        ("the government", "the governor", False, False),
        ("Army", "the army's spokesman", True, True),
        (None, "the army", False, False),
    ],
)
def test_same_source(a, b, title_case, same):
    assert same_source(a, b, title_case=title_case) is same


@pytest.mark.parametrize(
    ("lemma", "forms"),
    [
        ("admit", {"admit", "admits", "admitted", "admitting"}),
        ("slash", {"slash", "slashes", "slashed", "slashing"}),
        ("slam", {"slam", "slams", "slammed", "slamming"}),
        ("deny", {"deny", "denies", "denied", "denying"}),
        ("ignore", {"ignore", "ignores", "ignored", "ignoring"}),
    ],
)
def test_inflections(lemma, forms):
    assert forms <= hu._inflections(lemma)


OMISSION = [
    (
        "Council Ignored Flood Warnings\n\nResidents said the council had ignored repeated "
        "warnings about the river defences. The council has not commented.\n",
        [],
    ),
    (
        "Council Ignored Flood Warnings\n\nThe river burst its banks on Sunday night, flooding 200 "
        "homes, the fire service said. Repairs to the defences began in March.\n",
        [("warning", "Council Ignored Flood Warnings")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), OMISSION)
def test_omission_needs_someone_saying_so(run, monkeypatch, text, expected):
    monkeypatch.setattr(hu, "_stance", lambda models, headline, body: None)
    _, found = run(text)
    assert [(f.severity, f.evidence[0].text) for f in found] == expected


# ------------------------------------------------------------------ not a headline

_FLOOD_BODY = "The river burst its banks on Sunday night, flooding 200 homes, the fire service said.\n"


@pytest.mark.parametrize(
    ("line", "shaped"),
    [
        ("Ministry Admits Flood Failures", True),
        ("Talks Stall Over Aid Deal With U.S.", True),
        ("Storm Hits Coast...", True),
        ("The ministry admits it failed to warn residents.", False),
        ("if (window.mboxCreate) { mboxCreate('article-top'); } Ministry Admits Flood Failures", False),
        (
            "Residents say the council ignored repeated warnings about the state of the river "
            "defences for years before the flood finally came",
            False,
        ),
    ],
)
def test_headline_shaped(line, shaped):
    assert hu.headline_shaped(line) is shaped


@pytest.mark.parametrize(
    "first",
    [
        "if (window.mboxCreate) { mboxCreate('article-top'); } Ministry Admits Flood Failures",
        "Residents say the council ignored repeated warnings about the state of the river "
        "defences for years before the flood finally came",
    ],
)
def test_sentence_first_line_is_not_read_as_headline(run, monkeypatch, first):
    monkeypatch.setattr(hu, "_stance", lambda models, headline, body: None)
    report, found = run(f"{first}\n\n{_FLOOD_BODY}")
    assert report.segments[0].kind == "headline"
    assert found == []


def test_headline_segment_ending_in_full_stop_is_skipped(nlp, monkeypatch):
    from newsaudit.model import Document, Page, Segment
    from newsaudit.pipeline import analyse

    monkeypatch.setattr(hu, "_stance", lambda models, headline, body: None)
    head = "The ministry admits it failed to warn residents."
    text = f"{head}\n\n{_FLOOD_BODY}"
    body_at = len(head) + 2
    page = Page(
        Document(text),
        (Segment("headline", 0, len(head), head), Segment("body", body_at, len(text), text[body_at:])),
    )
    report = analyse(page, nlp(text), checks=())
    assert list(hu.check(report, nlp(text))) == []
