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
        ("warning", "693", ("c18", "q12")),
        # "Reports said …": vague sourcing, reported once for the page
        ("warning", "Reports", ("c7", "a7")),
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
        ("warning", "Reports", ("c6", "a5")),
    ]


# ------------------------------------------------------------------ pages of our own


def test_own_page_fires(run):
    _, found = run((CHECKS / "unsourced_fire.txt").read_text(encoding="utf-8"))
    assert _summary(found) == [
        ("warning", "Only", ("c3",)),
        # a count of homes is the reporter's description, not a statistic to source
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
    # ... but not across paragraphs: a toll there is the page's own
    (
        "Cases Rise\n\nThe number of cases rose to 40, the health ministry said in a statement.\n\n"
        "In the city nine children have died of the disease.\n",
        [("warning", "nine children")],
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
    # head counts describe a scene; they are not tolls to be sourced
    ("Flood Hits Town\n\nReporters spoke to a few people sheltering in the school.\n", []),
    ("Flood Hits Town\n\nThousands of people fled their homes in the valley.\n", []),
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
    # a sentence that closes a quotation opened paragraphs before is the speaker's ...
    (
        "Protest Spreads\n\nThe organiser wrote: “We marched to the square at noon.\n\n"
        "The police were waiting for us.\n\n"
        "Every protester in the square was arrested by police officers.”\n",
        [],
    ),
    (
        "Protest Spreads\n\nThe organiser wrote that they marched to the square at noon.\n\n"
        "Every protester in the square was arrested by police officers.\n",
        [("warning", "Every")],
    ),
    # ... and so is a sentence quoted from end to end, a bill's clause among others
    (
        "Bill Passed\n\nThe bill adds two subsections. “(g) In this section the term office "
        "means the new office. “(h) Out of the funds made available, $10,000,000 is authorized "
        "for the new office.”.\n",
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
    doc = nlp("Not only the army but all three ships never stop, and every rescuer stays.")
    cues = [c for _, _, c in uc.sweeping_tokens(doc, range(len(doc)))]
    assert cues == ["never", "every"]


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
        # a thing's availability or one thing's rule, and a compound, restrict
        ("The ferry pass is only available at the harbour office.", []),
        ("This card only works on weekdays.", []),
        ("It only accepts cash.", []),
        ("Women-only carriages were added to the night trains in 2019.", []),
        # a named actor's motive, or an exclusive subject, still sweeps
        ("Iran only wants peace.", ["only"]),
        ("Only Iran is fighting the militants.", ["only"]),
    ],
)
def test_restrictive_only(nlp, text, expected):
    doc = nlp(text)
    assert [c for _, _, c in uc.sweeping_tokens(doc, range(len(doc)))] == expected


# ------------------------------------------------------------------ issue 9: real pages

SOURCING = [
    # a tag closing the sentence with its comma stripped sources the toll
    ("Strike Hits Village\n\nOn Thursday seven civilians were killed in the village the "
     "Turkish military announced Friday.\n", []),
    ("Strike Hits Village\n\nOn Thursday seven civilians were killed and 20 others injured in "
     "the shelling Anadolu Agency reports.\n", []),
    # with no source at all the toll is the page's
    ("Strike Hits Village\n\nOn Thursday seven civilians were killed in the shelling of the "
     "village.\n", [("warning", "seven civilians")]),
    # a total whose parts are each sourced is sourced; one that does not add up is not
    ("Strike Hits Village\n\nOn Thursday nine civilians were killed in the north, the health "
     "ministry said. Four more died in the south, the Red Crescent said.\n\nIn total, thirteen "
     "civilians were killed in the shelling on Thursday.\n", []),
    ("Strike Hits Village\n\nOn Thursday nine civilians were killed in the north, the health "
     "ministry said. Four more died in the south, the Red Crescent said.\n\nIn total, fifteen "
     "civilians were killed in the shelling on Thursday.\n", [("warning", "fifteen civilians")]),
    # a sourced total broken down in the page's voice is the source's figure; a breakdown
    # that makes another total is the page's own
    ("Floods Hit Valley\n\nNine people died in the floods on Wednesday, the civil "
     "protection agency said.\n\nSix of the dead were found in the town of Marlo, and three "
     "in nearby villages.\n", []),
    ("Floods Hit Valley\n\nNine people died in the floods on Wednesday, the civil "
     "protection agency said.\n\nSix of the dead were found in the town of Marlo, and five "
     "in nearby villages.\n", [("warning", "Six of the dead")]),
    # vague sourcing: an unnamed group, hearsay with no source, a hearsay adverb
    ("Strike Hits Village\n\nOn Thursday the army shelled the village, according to a human "
     "rights group.\n", [("warning", "a human rights group")]),
    ("Strike Hits Village\n\nIt was reported that seven civilians were killed in the shelling "
     "on Thursday.\n", [("warning", "It was reported")]),
    ("Strike Hits Village\n\nGovernment forces have reportedly shelled the village, killing "
     "seven civilians.\n", [("warning", "reportedly")]),
    # ... unless the next sentence names who reported it, about the same things
    ("Strike Hits Village\n\nGovernment forces have reportedly shelled the village, killing "
     "seven civilians.\n\nThe Kordavian Human Rights League said the forces shelled the "
     "village from the hills.\n", []),
    ("Strike Hits Village\n\nGovernment forces have reportedly shelled the village, killing "
     "seven civilians.\n\nThe Kordavian Human Rights League said its staff were safe.\n",
     [("warning", "reportedly")]),
    # ... or, for the lede, when one of the next two sentences names the source at all
    ("Port Shelled\n\nRebel forces have reportedly shelled the port of Orlen, killing nine "
     "dock workers.\n\nThe harbour office has not commented. Rebel forces shelled the port "
     "before dawn, the Kordava Herald reported on Monday.\n", []),
    ("Port Shelled\n\nRebel forces have reportedly shelled the port of Orlen, killing nine "
     "dock workers.\n\nThe harbour office has not commented. The ferry timetable is "
     "unchanged, the Kordava Herald reported on Monday.\n", [("warning", "reportedly")]),
    # ... while a named body or a person the reporter met is a source
    ("Strike Hits Village\n\nOn Thursday the army shelled the village, according to the "
     "Kordavian Human Rights League.\n", []),
    ("Strike Hits Village\n\nA resident said the army shelled the village on Thursday.\n", []),
    ("Strike Hits Village\n\nOn Thursday the campaign group Everytown for Gun Safety said the "
     "army shelled the village.\n", []),
    # an outlet that carries the unnamed source's words stands behind them
    ("Strike Hits Village\n\nOn Thursday local sources said in a phone call with Reuters that "
     "the army shelled the village.\n", []),
    ("Strike Hits Village\n\nOn Thursday local sources said that the army shelled the "
     "village.\n", [("warning", "local sources")]),
    # ... and "the sources" later rest on that outlet too
    ("Gas Attack\n\nLocal sources in the city said in a phone call with SANA that fighters fired "
     "shells containing gas on the city. The sources said that the cases were treated at a "
     "health centre.\n", []),
    # a toll the page refers back to is given, not stated
    ("Crash Victims Named\n\nThe police have now released the identities of the two people "
     "killed in a crash on Sunday.\n", []),
    # ... and so is the toll that identifies an event the page names as known
    ("Suspects Held\n\nPolice have arrested three men over the bombing at the stadium, which "
     "killed 32 people.\n", []),
    ("Suspects Held\n\nA bombing that killed 32 people hit the stadium on Monday.\n",
     [("warning", "32 people")]),
    # ... and so is a toll that identifies a group the page names
    ("Hostage Video\n\nIt follows videos by another militant group, Kordavian Front (KF), "
     "which has already killed two British hostages and three Danish hostages in videos "
     "released online.\n", []),
    ("Hostage Video\n\nThe video follows others by a militant group which has killed four "
     "foreign hostages.\n", [("warning", "four foreign hostages")]),
    ("Suspects Held\n\nPolice have arrested three men over the bombing at the stadium, which "
     "killed 32 people on Monday.\n", [("warning", "32 people")]),
    # a toll a source gives or revises is that source's figure ...
    ("Market Bombing\n\nState television gave a toll of 44 dead in the bombing of the market "
     "on Monday.\n", []),
    ("Market Bombing\n\nThe health ministry raised the death toll from the bombing of the "
     "market to 44 on Monday.\n", []),
    # ... but one raised by an event is still the page's
    ("Market Bombing\n\nA second blast raised the death toll from the bombing of the market "
     "to 44 on Monday.\n", [("warning", "44")]),
    # a topic someone talks about is no claim resting on them
    ("Media Blamed\n\nThe media is happy to talk about the floods in the north.\n", []),
    # the same own-voice figure repeated is one finding
    ("Aid Scandal\n\nOn Monday the ministry lost $1.8 billion in aid to fraud.\n\nThe missing "
     "$1.8 billion had been meant for schools.\n", [("warning", "$1.8 billion")]),
    # one unnamed group of people among named sources is ordinary copy; hearsay is not
    ("Bridge Reopens\n\nThe mayor said the bridge would reopen on Monday.\n\nCritics say the "
     "repairs were rushed by the contractor.\n", []),
    ("Bridge Reopens\n\nThe mayor said the bridge would reopen on Monday.\n\nReports said the "
     "repairs were rushed by the contractor.\n", [("warning", "Reports")]),
    ("Bridge Reopens\n\nCritics say the repairs were rushed by the contractor.\n",
     [("warning", "Critics")]),
    # a comma-less tag joining an unnamed source to witnesses rests on the witnesses too
    ("Wedding Attack\n\nA suicide bomber struck a wedding in the north killing 32 people a "
     "medical source and witnesses said.\n", []),
    ("Wedding Attack\n\nA suicide bomber struck a wedding in the north killing 32 people a "
     "medical source said.\n", [("warning", "a medical source")]),
    # a passive that names no one, sourced later in its own sentence (commas stripped) ...
    ("Depot Shelled\n\nMore than 40 others were reported injured in the shelling of the depot "
     "some of them are in critical condition according to KNA reporter.\n", []),
    ("Depot Shelled\n\nMore than 40 others were reported injured in the shelling of the "
     "depot.\n", [("warning", "were reported")]),
    # ... but not by a source speaking inside its words
    ("Fund Raised\n\nIt is estimated that the singer made $40,000 from the page he said he "
     "set up for the shelter.\n", [("warning", "It is estimated")]),
    # an outlet's name that opens with a place's name is still a name
    ("Drill Held\n\nThe objective of the drill is to counter potential threats such as "
     "suicide attacks on ports, Sahara Media reported Monday.\n", []),
    # a date the layout ran into the source is no part of its name
    ("Camp Hit\n\nPublished October 31 2014 Activists in Syria reported that at least 75 "
     "people died from barrel bomb attacks on the camp.\n", [("warning", "Activists in Syria")]),
    # a nationality names no one
    ("Strike Hits Village\n\nOn Thursday Syrian activists said the army shelled the village.\n",
     [("warning", "Syrian activists")]),
    # idioms with sweeping words claim nothing
    ("Strike Hits Village\n\nThe two countries are now close to all-out war over the border.\n",
     []),
    ("Strike Hits Village\n\nFrom all over the country, volunteers came to help after the "
     "shelling on Thursday.\n", []),
    ("Strike Hits Village\n\nThe mayor's office has nothing but praise for the volunteers.\n",
     []),
    ("Strike Hits Village\n\nThe clinic can only handle so much and staff focus entirely on the "
     "wounded.\n", []),
]


@pytest.mark.parametrize(("text", "expected"), SOURCING)
def test_sourcing_on_real_page_patterns(run, text, expected):
    _, found = run(text)
    assert [(f.severity, f.evidence[1].text) for f in found] == expected


# ------------------------------------------------------------------ the source in the paragraph

NEARBY = [
    # the title run into the first line after a dateline is the headline, not a claim of the
    # body: the lead that says it again carries the warning
    (
        "Army Units Kill 40 Fighters in Northern Province\n\nWed Oct 12 2025 Army Units Kill 40 "
        "Fighters in Northern Province. Army units have killed 40 fighters and wounded 30 others "
        "in an offensive in the northern province. The fighting was centred on two villages.\n",
        [("warning", "Army units have killed 40", "40 fighters")],
    ),
    (
        "Army Units Kill 40 Fighters in Northern Province\n\nWed Oct 12 2025 Army Units Kill 40 "
        "Fighters in Northern Province. Army units have killed 40 fighters and wounded 30 others "
        "in an offensive in the northern province, the defence ministry said.\n",
        [],
    ),
    # a lead whose figure the next sentence's source gives an account of is sourced there
    (
        "Market Hit\n\nA monitoring group on Tuesday raised the toll from air strikes on a "
        "market in the town to 61. According to the Kordavian Observatory for Human Rights "
        "there were three air strikes on the market at noon.\n",
        [],
    ),
    (
        "Market Hit\n\nShelling of a market in the town killed 61 people on Tuesday. The health "
        "ministry said the shells hit the market at noon.\n",
        [],
    ),
    # ... but a source speaking of something else leaves the toll the page's own
    (
        "Market Hit\n\nShelling of a market in the town killed 61 people on Tuesday. The mayor "
        "said the school would reopen on Monday after the holidays.\n",
        [("warning", "Shelling of a market", "61 people")],
    ),
    # ... a place both sentences name does not tie them
    (
        "Market Hit\n\nShelling of a market in Aldova killed 61 people on Tuesday. The mayor "
        "said the school in Aldova would reopen after the holidays.\n",
        [("warning", "Shelling of a market", "61 people")],
    ),
    # ... and so do "they" or witnesses in the next sentence
    (
        "Market Hit\n\nShelling of a market in the town killed 61 people on Tuesday. Witnesses "
        "said the shells hit the market at noon.\n",
        [("warning", "Shelling of a market", "61 people")],
    ),
    # "the source" repeats the source just named in its paragraph ...
    (
        "Port Attack\n\nA source at the Kordavian Port Authority said that rockets hit two "
        "cranes on Monday. The source added that the attack also damaged a warehouse.\n",
        [],
    ),
    # ... while after an unnamed one, or in another paragraph, it names no one
    (
        "Port Attack\n\nLocal sources said that rockets hit two cranes on Monday. The sources "
        "added that the attack also damaged a warehouse.\n",
        [("warning", "Local sources said", "Local sources")],
    ),
    (
        "Port Attack\n\nA source at the Kordavian Port Authority said that rockets hit two "
        "cranes on Monday.\n\nThe source added that the attack also damaged a warehouse.\n",
        [("warning", "The source added", "The source")],
    ),
    # a group the lead describes ("a monitoring group") and the next sentence names is
    # wire copy's shorthand for a named source ...
    (
        "Strikes Kill 30\n\nAir strikes killed at least 30 people in the town of Darim on "
        "Monday, a monitoring group said.\n\nThe Kordavian Observatory for Human Rights said "
        "12 children were among the dead.\n",
        [],
    ),
    # ... while one that no named organisation follows names no one
    (
        "Strikes Kill 30\n\nAir strikes killed at least 30 people in the town of Darim on "
        "Monday, a monitoring group said.\n\nResidents said the strikes hit a market and a "
        "school.\n",
        [("warning", "Air strikes killed", "a monitoring group")],
    ),
    # ... a group named in a tag whose verb the scraped text lost, or by its director
    (
        "Strikes Kill 30\n\nAir strikes killed at least 30 people in the town of Darim on "
        "Monday, a monitoring group said. The strikes hit the market where traders had "
        "gathered since dawn the Kordavian Observatory for Human Rights. Rescue teams worked "
        "through the night.\n",
        [],
    ),
    (
        "Strikes Kill 30\n\nAir strikes killed at least 30 people in the town of Darim on "
        "Monday, a monitoring group said. Many more were wounded, Observatory director Ann "
        "Vale said.\n",
        [],
    ),
    # ... but an armed group named later is not the monitoring group
    (
        "Strikes Kill 30\n\nAir strikes killed at least 30 people in the town of Darim on "
        "Monday, a monitoring group said. The strikes hit positions of the Darim Liberation "
        "Front, which holds the town.\n",
        [("warning", "Air strikes killed", "a monitoring group")],
    ),
    # ... and "a group of" people is no institution
    (
        "Strikes Kill 30\n\nA group of defectors said that air strikes killed at least 30 "
        "people in Darim on Monday. Many more were wounded, Observatory director Ann Vale "
        "said.\n",
        [("warning", "A group of defectors said", "A group of defectors")],
    ),
    # a country's press described in the lead and named next ...
    (
        "Rockets Hit Darim\n\nRockets killed 30 people in Darim overnight, Kordavian state "
        "media said. KNA said rebel groups fired the rockets at homes in the west of the "
        "city.\n",
        [],
    ),
    (
        "Rockets Hit Darim\n\nRockets killed 30 people in Darim overnight, Kordavian media "
        "reported on Sunday. The killings were reported by the Darim Herald and by Kordavia "
        "Today.\n",
        [],
    ),
    # ... but "the media", and a press no one names, name no one
    (
        "Rockets Hit Darim\n\nRockets killed 30 people in Darim overnight, Kordavian state "
        "media said. Residents said rebel groups fired the rockets at homes in the west of "
        "the city.\n",
        [("warning", "Rockets killed 30", "Kordavian state media")],
    ),
]

DATED = [
    # the toll of an event the page dates to an earlier year is the public record
    ("Ferry Line Opens\n\nPublished March 3 2025 The new ferry line opened on Monday. In 2019 a "
     "ferry sank off the same coast, killing 12 passengers.\n", []),
    ("Ferry Line Opens\n\nPublished March 3 2025 The new ferry line opened on Monday. Last year "
     "a ferry sank off the same coast, killing 12 passengers.\n", []),
    # ... the toll of the events reported is news
    ("Ferry Line Opens\n\nPublished March 3 2025 The new ferry line opened on Monday. On Sunday "
     "a ferry sank off the same coast, killing 12 passengers.\n", [("warning", "12 passengers")]),
    # ... and a running total since an earlier year is one too
    ("Ferry Line Opens\n\nPublished March 3 2025 The new ferry line opened on Monday. Since "
     "2019 storms off the same coast have killed 12 passengers.\n",
     [("warning", "12 passengers")]),
    ("Ferry Line Opens\n\nPublished March 3 2025 The new ferry line opened on Monday. Storms "
     "off the same coast have killed 12 passengers in the last three years.\n",
     [("warning", "12 passengers")]),
]


@pytest.mark.parametrize(("text", "expected"), DATED)
def test_tolls_of_earlier_years(run, text, expected):
    _, found = run(text)
    assert [(f.severity, f.evidence[1].text) for f in found] == expected


@pytest.mark.parametrize(("text", "expected"), NEARBY)
def test_source_in_the_paragraph(run, text, expected):
    _, found = run(text)
    assert len(found) == len(expected)
    for f, (severity, opening, cue) in zip(found, expected, strict=True):
        assert (f.severity, f.evidence[1].text) == (severity, cue)
        assert f.evidence[0].text.startswith(opening)


MESSAGES = [
    # unnamed source, with the claim quoted whole
    ("Strike Hits Village\n\nOn Thursday the army shelled the village, according to a human "
     "rights group.\n",
     "“On Thursday the army shelled the village, according to a human rights group.” is sourced "
     "only to unnamed “a human rights group”: the page does not say who they are, so a reader "
     "cannot check the claim."),
    # hearsay with no source
    ("Strike Hits Village\n\nIt was reported that seven civilians were killed in the shelling "
     "on Thursday.\n",
     "“It was reported that seven civilians were killed in the shelling on Thursday.” is passed "
     "on as hearsay (“It was reported”) with no source named: the page does not say who "
     "reported or claims it."),
    # several vague sources on one page: one finding naming each once
    ("Strike Hits Village\n\nGovernment forces have reportedly shelled the village, killing "
     "seven civilians.\n\nOn Friday the army shelled the next village, according to a human "
     "rights group.\n",
     "“Government forces have reportedly shelled the village, killing seven civilians.” is passed "
     "on as hearsay (“reportedly”) with no source named; the page also relies on “a human rights "
     "group”. It names no one behind these claims, so a reader cannot check them."),
    # a long sentence is cut at a word, and a name with an apostrophe survives ("found", not
    # "counted": a unit that counts the dead is their source)
    ("Strike Hits Village\n\nOn Thursday O'Neill's unit found seven civilians killed in the "
     "shelling of the old market quarter near the river and the bridge.\n",
     "“On Thursday O'Neill's unit found seven civilians killed in the shelling of the old…” "
     "is stated in the page's own voice with no source; it gives a figure (“seven civilians”) "
     "that no attributed figure on the page matches."),
]


@pytest.mark.parametrize(("text", "message"), MESSAGES)
def test_message_templates(run, text, message):
    _, found = run(text)
    assert [f.message for f in found] == [message]
    for f in found:
        assert f.message.count("“") == f.message.count("”")
        assert "  " not in f.message and ".." not in f.message and ",." not in f.message


HOAX = (
    "Actor Death Hoax Spreads\n\nA fake news site claimed on Monday that the actor had died."
    "{intro}\n\nSources are reporting that the actor was found dead in his apartment on "
    "Monday.\n\nThe actor's agent said he was alive and well.\n"
)


def test_vague_sourcing_inside_a_reprinted_text_is_the_text_s(run):
    """A passage the page hands to someone with a colon ("The report reads:") is theirs,
    vague sources and all; the same sentence in the page's own voice is vague sourcing."""
    _, found = run(HOAX.format(intro=" The report reads:"))
    assert _summary(found) == []
    reported = HOAX.replace("Actor Death Hoax Spreads", "Actor Reported Dead")
    _, found = run(reported.format(intro=""))
    assert [(f.severity, f.evidence[1].text) for f in found] == [("warning", "Sources")]


def test_a_page_calling_its_claim_false_relays_the_claim_s_vague_sources(run):
    """Under a headline that calls the claim a hoax, the hoax's content comes with its
    hedges on purpose, to be refuted; the page's sourcing is not what is vague. A
    party's denial is no such verdict: the accusation still owes a source."""
    _, found = run(HOAX.format(intro=""))
    assert _summary(found) == []
    _, found = run("Ministers deny deal\n\nThe minister is said to have agreed the sale of "
                   "the port to a foreign company last year. He has denied any wrongdoing.")
    assert [(f.kind, f.evidence[1].text) for f in found] == [("hearsay", "is said")]


def test_each_finding_names_its_kind(run):
    # the seed: a sweeping statement, a writer's aside on a sourced sentence, two figures
    # in the page's own voice, and "Reports said" (a source that names no one)
    _, found = run(seed_text())
    assert [f.kind for f in found] == ["sweeping", "aside", "figure", "figure", "unnamed"]
    assert set(uc.KINDS) >= {f.kind for f in found}
    _, found = run(
        "Blast hits market\n\n"
        "A car bomb killed 14 people at a market in the city on Monday, a security source "
        "said. The source gave no further details. A second source said 20 were wounded."
    )
    assert [(f.kind, f.evidence[1].text) for f in found] == [("unnamed", "a security source")]
    _, found = run(
        "Ministers deny deal\n\n"
        "The minister is said to have agreed the sale of the port to a foreign company last "
        "year. He has denied any wrongdoing."
    )
    assert [(f.kind, f.evidence[1].text) for f in found] == [("hearsay", "is said")]
