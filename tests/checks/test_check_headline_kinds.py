"""headline_unsupported names the kind of each finding (``Finding.kind``), so the severity
gate can ship a precise kind while its noisy siblings stay info: ``overstated_toll`` is a
headline stating a toll as fact that the body gives only hedged or on one party's word.

Pages are our own; the stance model is kept out.
"""

from __future__ import annotations

import pytest
from test_check_headline_overstates import PAGES

from newsaudit.checks import headline_unsupported as hu
from stages import runner


@pytest.fixture(scope="module")
def run(nlp):
    return runner(nlp, hu.check, "headline_unsupported")


@pytest.fixture()
def quiet(monkeypatch):
    monkeypatch.setattr(hu, "_stance", lambda models, headline, body: None)


KINDS = {
    "hedged": ["overstated_toll"],
    "unnamed_source_toll": ["overstated_toll"],
    "figure_on_a_witness_word": ["overstated"],  # 30 shots: a figure, not a toll
    "relayed_by_no_one": ["overstated"],
    "unnamed_source_with_a_place": ["overstated_toll"],
    "party_counts_its_own_strike": ["overstated_toll"],
    "officials_toll_of_own_strike": ["overstated_toll"],
    "unverified": ["overstated"],  # no figure at all
    "parts_do_not_add_up": ["figure"],
    "quote_no_one_says": ["quotation"],
    "denial_hedged": ["overstated"],
    "arrest_itself_alleged": ["overstated"],
    "deed_alleged": ["overstated"],
    "deed_only_charged": ["overstated"],
    "deed_only_accused": ["overstated"],
    "named_account_denied": ["overstated"],
    "toll_in_coordinated_clauses_denied": ["overstated_toll"],
    "cause_still_open": ["overstated"],
    "cause_too_early": ["overstated"],
    "headline_states_what_the_video_only_purports": ["overstated"],
}


@pytest.mark.parametrize(("name", "text"), [(p[0], p[1]) for p in PAGES],
                         ids=[p[0] for p in PAGES])
def test_every_finding_names_its_kind(run, quiet, name, text):
    _, found = run(text)
    assert [f.kind for f in found] == KINDS.get(name, [])
    assert all(f.kind in hu.KINDS for f in found)


TOLL_PAGES = [
    (
        "a_toll_on_unnamed_sources",
        "Air Raid Kills 12 Civilians in Tarvel\n\n"
        "An air raid killed 12 civilians in the village of Tarvel on Sunday, local sources "
        "said.\n",
        "Air Raid Kills 12 Civilians in Tarvel",
        "The headline states ‘Air Raid Kills 12 Civilians in Tarvel’ as fact, but the body "
        "gives “12 civilians” only on the word of local sources: “An air raid killed 12 "
        "civilians in the village of Tarvel on Sunday, local sources said.”.",
    ),
    (
        "the_story_in_the_pages_voice_the_toll_on_an_unnamed_source",
        "Army Retakes Varn and Kills 30 Fighters Near Orlen\n\n"
        "The army retook the town of Varn on Monday after two days of fighting. A military "
        "source said that at least 30 fighters were killed near Orlen.\n",
        "Army Retakes Varn and Kills 30 Fighters Near Orlen",
        "The headline states ‘Army Retakes Varn and Kills 30 Fighters Near Orlen’ as fact, "
        "but the body gives “at least 30 fighters” only on the word of a military source: "
        "“A military source said that at least 30 fighters were killed near Orlen.”.",
    ),
    (
        "a_toll_the_body_hedges",
        "Flood Kills Five Villagers in Orlen\n\n"
        "Five villagers were apparently killed when the flood reached Orlen on Friday. "
        "Rescue teams are still searching the valley.\n",
        "Flood Kills Five Villagers in Orlen",
        "The headline states ‘Flood Kills Five Villagers in Orlen’ as fact, but the body "
        "gives “Five villagers” only with a hedge (“apparently”): “Five villagers were "
        "apparently killed when the flood reached Orlen on Friday.”.",
    ),
]


@pytest.mark.parametrize(("name", "text", "first", "message"), TOLL_PAGES,
                         ids=[p[0] for p in TOLL_PAGES])
def test_an_overstated_toll(run, quiet, name, text, first, message):
    _, found = run(text)
    assert [(f.kind, f.severity, f.evidence[0].text) for f in found] == [
        ("overstated_toll", "warning", first)]
    assert found[0].message == message


CLEAN = [
    # the page states the toll in its own voice: the headline says what the body says
    "Air Raid Kills 12 Civilians in Tarvel\n\n"
    "An air raid killed 12 civilians in the village of Tarvel on Sunday. Local sources said "
    "the aircraft came from the north.\n",
    # a named official body's count is ordinary reporting
    "Air Raid Kills 12 Civilians in Tarvel\n\n"
    "An air raid killed 12 civilians in the village of Tarvel on Sunday, the regional "
    "health ministry said.\n",
    # "Monitors 15 killed …" is "Monitors: 15 killed …" whose colon was lost: credited
    "Monitors 15 killed in missile strike on Orlen\n\n"
    "Opposition activists say 15 civilians were killed when a missile hit Orlen on "
    "Thursday.\n",
    "Activists 9 dead after shelling of Tarvel market\n\n"
    "Nine people died when shells hit the market in Tarvel, activists said on Monday.\n",
    # the story in the page's voice, the toll on a named body's word: ordinary reporting
    "Army Retakes Varn and Kills 30 Fighters Near Orlen\n\n"
    "The army retook the town of Varn on Monday after two days of fighting. The Orlen "
    "Monitoring Centre for Human Rights said that at least 30 fighters were killed near "
    "Orlen.\n",
    # the story and the toll both in the page's voice
    "Army Retakes Varn and Kills 30 Fighters Near Orlen\n\n"
    "The army retook the town of Varn on Monday after two days of fighting, and killed at "
    "least 30 fighters near Orlen. A military source said the fighting had ended.\n",
    # the headline hedges its own claim
    "Air Raid Reportedly Kills 12 Civilians in Tarvel\n\n"
    "An air raid killed 12 civilians in the village of Tarvel on Sunday, local sources "
    "said.\n",
]


@pytest.mark.parametrize("text", CLEAN, ids=range(len(CLEAN)))
def test_no_overstated_toll(run, quiet, text):
    _, found = run(text)
    assert [f.kind for f in found if f.kind == "overstated_toll"] == []
    assert found == [] or all(f.kind != "overstated_toll" for f in found)


@pytest.mark.parametrize(("headline", "credited"), [
    ("Monitors 15 killed in missile strike on Orlen", "Monitors"),
    ("Activists 9 dead after shelling of Tarvel market", "Activists"),
    # a kind of person who is no source of tolls, and a singular: not a lost colon
    ("Students 12 killed in Orlen bus crash", None),
    ("Activist 9 times arrested in Tarvel", None),
    # a singular source after a count is the "…: medical source" whose colon was lost
    ("Bomb at Orlen wedding kills 32 Medical source", "Medical source"),
    ("Bomb at Orlen wedding kills 32 officials", None),
    # a reporting body last, its colon lost; not the target of a preposition, not a
    # headline with no figure
    ("Army kills 32 fighters in Orlen valley ambush NGO", "NGO"),
    ("Shelling kills 14 in Tarvel market watchdog", "watchdog"),
    ("Troops kill 12 in raid on Orlen NGO", None),
    ("Police raid offices of Tarvel NGO", None),
    # a headline cut short in the middle of the source the body names in full
    ("Bomb blast kills six in Orlen Tarvel state", "Tarvel state"),
    ("Bomb blast kills six in Orlen Tarvel region", None),
    # a source by what it is before or after the colon, whatever the parser makes of a
    # headline's last word
    ("Bomb blast kills six in Orlen market: reports", "reports"),
    ("Sources: Bomb blast kills six in Orlen market", "Sources"),
    ("Officials: Bomb blast kills six in Orlen market", "Officials"),
])
def test_a_source_named_first_with_its_colon_lost(nlp, headline, credited):
    from newsaudit.checks._headline import content_stems, read_headline
    from newsaudit.checks._sources import TokenIndex
    from stages import build

    report, doc = build(nlp, headline + "\n\nShells hit Orlen and Tarvel, killing people, "
                        "Tarvel state television said.\n")
    index = TokenIndex(doc)
    seg = next(s for s in report.segments if s.kind == "headline")
    body = content_stems(doc[i] for s in report.segments if s.kind == "body"
                         for i in index.within(s.start, s.end))
    h = read_headline(report, doc, index, seg, body | content_stems(doc[i] for i in
                                                                   index.within(seg.start, seg.end)))
    assert h is not None
    assert (h.credited.text if h.credited else None) == credited


TITLE_PAGE = (
    "Readers’ Letters on the Ferry Tender Concerning “The Harbour Was Never For Sale!”\n\n"
    "Two readers wrote to us after last week’s column on the ferry tender. Ann Roe, a "
    "retired pilot, said the council had not consulted the crews. Tom Vale said the new "
    "timetable would suit commuters better than the old one.\n"
)


def test_a_quoted_title_in_the_headline_is_no_one_s_words(run, quiet):
    """After "concerning", "the column", "the slogan" the marks name a work or a term;
    the same words after a speaker's name are still held to the body."""
    _, found = run(TITLE_PAGE)
    assert [f.kind for f in found if f.kind == "quotation"] == []
    spoken = TITLE_PAGE.replace("on the Ferry Tender Concerning", "Say Mayor Told Them")
    _, found = run(spoken)
    assert [f.kind for f in found] == ["quotation"]
    assert found[0].evidence[0].text == "The Harbour Was Never For Sale!"


CLAIM_PAGE = (
    "Ferry captain 'arrested by coastguard in Larne' says he is free and at sea\n\n"
    "Posts on local forums claimed the captain was arrested by border officers at the "
    "port on Friday. The captain said on Saturday that he had spent the night on his boat and "
    "had not spoken to the coastguard at all this week.\n"
)


def test_a_quoted_claim_the_body_reports_on_someones_word(run, quiet):
    """British-style marks around a claim ("'arrested by coastguard'") promise whose it
    is, not the words: a body that reports the claim on someone's word, in words of its
    own ("arrested by border officers at the port"), supports them.
    Without that report the marks are held to the body's words."""
    _, found = run(CLAIM_PAGE)
    assert [f.kind for f in found if f.kind == "quotation"] == []
    unreported = CLAIM_PAGE.replace(
        "Posts on local forums claimed the captain was arrested by border officers at the "
        "port on Friday.", "The captain's boat was seen near the harbour on Friday.")
    _, found = run(unreported)
    assert [f.evidence[0].text for f in found if f.kind == "quotation"] == [
        "arrested by coastguard in Larne"]


@pytest.mark.parametrize(("headline", "quoted"), [
    # two quotations, the first closed by a straight mark: not one passage across both
    ("‘The pride of Orlen': council says its youngest clerk ‘never slept’ at work",
     ["The pride of Orlen", "never slept"]),
    # an apostrophe inside a curly quotation does not close it
    ("‘Orlen's finest’ retires after 40 years", ["Orlen's finest"]),
    ("Mayor says “we will win” and “never quit”", ["we will win", "never quit"]),
    ("Minister: 'We will not resign' over row", ["We will not resign"]),
])
def test_quotations_in_a_headline(headline, quoted):
    from newsaudit.checks._headline import quotes_in

    assert [s.text for s in quotes_in(headline, 0, len(headline))] == quoted
