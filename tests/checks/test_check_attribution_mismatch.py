"""attribution_mismatch: figures credited to a source the page's own record does not back.

Reports are built stage by stage (as ``pipeline.analyse`` does) and only this check is
run, so a finding here is this check's and nothing else's.
"""

from __future__ import annotations

import pytest

from newsaudit.checks.attribution_mismatch import check
from newsaudit.model import Finding, Report
from paths import CHECKS, CLEAN, PAGES, REPO, seed_text
from stages import runner


@pytest.fixture(scope="module")
def run(nlp):
    return runner(nlp, check, "attribution_mismatch")


def _refs(report: Report, f: Finding) -> tuple[list[str], list[str]]:
    """(source texts of the attributions, texts of the quantities) that ``f`` refers to."""
    atts = {a.id: a.source.text for a in report.attributions}
    qs = {q.id: q.text for q in report.quantities}
    return [atts[r] for r in f.refs if r in atts], [qs[r] for r in f.refs if r in qs]


# ------------------------------------------------------------------ the seed and example


def test_seed(run):
    report, found = run(seed_text())
    assert len(found) == 1
    f = found[0]
    assert f.severity == "problem"
    assert [e.text for e in f.evidence] == [
        "The Iranian government",
        "at least 700 dead",
        "several of its soldiers",
        "13 military advisers",
        "almost 700 Iranian soldiers",
        "693",
    ]
    sources, figures = _refs(report, f)
    assert sources == [
        "The Iranian government",
        "the Iranian government",
        "a Revolutionary Guards official",
    ]
    assert figures == [
        "at least 700 dead",
        "several of its soldiers",
        "13 military advisers",
        "almost 700 Iranian soldiers",
        "693",
    ]
    assert f.message == (
        "The page says the Iranian government has confirmed 'at least 700 dead', but nothing "
        "it attributes to the Iranian government says so: the figures it sources are "
        "'several of its soldiers' (the Iranian government, via the Fars news agency) and "
        "'13 military advisers' (a Revolutionary Guards official, via the Fars news agency), "
        "while the figure of about 700 appears only as the page's own tally "
        "('almost 700 Iranian soldiers' and 693)."
    )


def test_harbour_strike(run):
    report, found = run((REPO / "examples" / "harbour-strike.txt").read_text(encoding="utf-8"))
    assert len(found) == 1
    f = found[0]
    assert f.severity == "problem"
    assert [e.text for e in f.evidence] == [
        "The Kordavian navy",
        "at least 120 sailors",
        "18 sailors",
        "nearly 120 sailors",
        "117",
    ]
    sources, _ = _refs(report, f)
    assert sources == ["The Kordavian navy", "a navy official"]


# ------------------------------------------------------------------ pages


@pytest.mark.parametrize("name", CLEAN)
def test_clean_pages_quiet(run, name):
    _, found = run((PAGES / f"{name}.txt").read_text(encoding="utf-8"))
    assert found == []


@pytest.mark.parametrize(
    "name",
    [
        "attribution_quiet_sourced",  # the confirmed figure is what the army's spokesman gave
        "numeric_quiet_estimates",
        "numeric_quiet_rising_toll",
        "numeric_quiet_parts",
        "numeric_quiet_subjects",
        "numeric_event_exceeds_total",
    ],
)
def test_fixture_pages_quiet(run, name):
    _, found = run((CHECKS / f"{name}.txt").read_text(encoding="utf-8"))
    assert found == []


@pytest.mark.parametrize(
    ("name", "severity", "evidence"),
    [
        (
            "attribution_vouched_tally",
            "problem",
            [
                "The Sarvik Mining Company",
                "at least 60 miners",
                "nine miners",
                "nearly 60 miners",
                "57",
            ],
        ),
        (
            "numeric_lead_vs_tally",
            "problem",
            [
                "The Free Hills militia",
                "at least 250 fighters",
                "11 fighters",
                "nearly 250 militia fighters",
                "242",
            ],
        ),
        ("attribution_two_sources", "info", ["3,000 people", "3,000 people"]),
        ("attribution_headline_credit", "warning", ["40 soldiers", "40 soldiers"]),
    ],
)
def test_fixture_pages_fire(run, name, severity, evidence):
    _, found = run((CHECKS / f"{name}.txt").read_text(encoding="utf-8"))
    assert [(f.severity, [e.text for e in f.evidence]) for f in found] == [(severity, evidence)]


def test_headline_credit_message(run):
    report, found = run((CHECKS / "attribution_headline_credit.txt").read_text(encoding="utf-8"))
    assert found[0].message == (
        "The headline credits '40 soldiers' to Red Cross, but the body gives the figure only on "
        "the word of the defence ministry."
    )
    assert _refs(report, found[0]) == (
        ["Red Cross", "The defence ministry"],
        ["40 soldiers", "40 soldiers"],
    )


def test_two_sources_message(run):
    report, found = run((CHECKS / "attribution_two_sources.txt").read_text(encoding="utf-8"))
    assert found[0].message == (
        "The page credits the same figure, '3,000 people', to Police and the port operator in "
        "different places; check that each source gave it."
    )
    assert _refs(report, found[0]) == (
        ["Police", "the port operator"],
        ["3,000 people", "3,000 people"],
    )


# ------------------------------------------------------------------ short cases

HEAD = "Officials Report Casualties After Ambush\n\n"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # One figure, two unrelated named sources in the body: worth a look only.
        (
            "Police said 3,000 people joined the rally.\n\n"
            "The port operator said 3,000 people joined the rally.",
            [("info", ["3,000 people", "3,000 people"])],
        ),
        # ... but not when one of them is anonymous: that is corroboration.
        (
            "The Observatory said at least 16 people were killed in the blast.\n\n"
            "An official said at least 16 people were killed in the blast.",
            [],
        ),
        # Compatible sources: generic officials and the named department.
        (
            "Health officials said 87 cases were confirmed.\n\n"
            "The regional health department said 87 cases were confirmed.",
            [],
        ),
        # The page restating a sourced figure in its own voice is ordinary reporting.
        (
            "The ministry said 42 soldiers were killed.\n\n42 soldiers were killed in the ambush.",
            [],
        ),
        # Small numbers recur by chance.
        ("Police said 5 people were arrested.\n\nThe mayor said 5 people were arrested.", []),
        # A vouched-for figure matching the page's tally, but nothing else sourced: no
        # evidence that the source said otherwise.
        (
            "The army has confirmed that at least 30 soldiers were killed.\n\n"
            "In total, nearly 30 soldiers have been killed since March.",
            [],
        ),
        # The source's figure repeated by the page, and another source counting something
        # else (people exposed, not cases): nothing the page credits contradicts it.
        (
            "An outbreak has broken out and five cases have been identified, the World Health "
            "Organization has confirmed.\n\n"
            "Since then, five cases have been identified as aid agencies deploy teams.\n\n"
            "Several hundred people have been exposed to the virus as officials worry it "
            "could spread.",
            [],
        ),
        # Only an unrelated source contradicts it: a warning, not a problem.
        (
            "The army has admitted that at least 200 soldiers have died.\n\n"
            "A hospital doctor told reporters that 12 soldiers had been killed in the ambush.\n\n"
            "In total, nearly 200 soldiers have been killed since March.",
            [
                (
                    "warning",
                    [
                        "The army",
                        "at least 200 soldiers",
                        "12 soldiers",
                        "nearly 200 soldiers",
                    ],
                )
            ],
        ),
    ],
)
def test_short_cases(run, body, expected):
    _, found = run(HEAD + body + "\n")
    assert [(f.severity, [e.text for e in f.evidence]) for f in found] == expected


# ------------------------------------------------------------------ headline credits


@pytest.mark.parametrize(
    "page",
    [
        # The headline's rank is the body's named member: his later "Roe said" is the
        # "Defence Minister Alan Roe" the page named first.
        "Minister: 40 soldiers killed in mountain ambush\n\n"
        "Defence Minister Alan Roe spoke to reporters in the capital on Tuesday.\n\n"
        "Roe said 40 soldiers were killed when their convoy was ambushed.\n",
        # Two sides, two figures, parted by a semicolon: the army gave 12, not the 50.
        "Rebels Claim to Have Killed 50 Soldiers; Army Says 12\n\n"
        "Rebels said on Monday that they had killed 50 soldiers in an ambush in the north, "
        "but the army put its losses at 12.\n\n"
        "The army said in a statement that 12 soldiers had been killed and 20 wounded.\n",
        # The headline's actor claims the attack; it does not tell the toll.
        "Rebels claim responsibility for bombings near capital 40 soldiers dead\n\n"
        "The Observatory said 40 soldiers were killed in the two bombings on Saturday.\n\n"
        "The rebel group claimed the attack in a statement online.\n",
    ],
)
def test_headline_credit_same_teller_quiet(run, page):
    _, found = run(page)
    assert [f.message for f in found if f.severity != "info"] == []


def test_headline_credit_other_named_source_fires(run):
    """A headline's named source that no body figure of the same count comes from."""
    _, found = run(
        "Mountain ambush kills 40 soldiers, Red Cross says\n\n"
        "Defence Minister Alan Roe spoke to reporters in the capital on Tuesday.\n\n"
        "Roe said 40 soldiers were killed when their convoy was ambushed.\n"
    )
    assert [(f.severity, f.message) for f in found] == [
        ("warning", "The headline credits '40 soldiers' to Red Cross, but the body gives the "
                    "figure only on the word of Roe.")
    ]


def test_title_case_headline_credit_against_a_counting_source(run):
    """A title-case headline's "Reports 212 Dengue Deaths" is a toll (the tagger calls
    "Deaths" a name), and the verb that reports a figure is no agent of the deaths: the
    ministry's 212 and the federation's recorded 212 are one figure, given by two sources."""
    _, found = run(
        "Health Ministry Reports 212 Dengue Deaths as Outbreak Spreads\n\n"
        "Dengue fever has killed at least 148 people this year, the health ministry said on "
        "Thursday.\n\n"
        "The national federation of physicians said its members had recorded 212 deaths in "
        "which dengue was the main cause.\n"
    )
    assert [(f.severity, [e.text for e in f.evidence]) for f in found] == [
        ("warning", ["212 Dengue Deaths", "212 deaths"])]
    assert found[0].message.startswith("The headline credits '212 Dengue Deaths' to Health "
                                       "Ministry, but the body gives the figure only on the "
                                       "word of")


def test_one_crowd_counted_in_other_words(run):
    """Joining a march and taking part in it count one crowd: the headline gives the
    police the union's 5,000, while the police gave 1,800."""
    _, found = run(
        "Police say 5,000 joined march against rent rises\n\n"
        "Thousands of tenants marched through the city on Saturday.\n\n"
        "The Tenants' Union, which organised the march, said 5,000 people took part. Police "
        "estimated the crowd at 1,800.\n"
    )
    assert [(f.severity, f.message) for f in found] == [
        ("warning", "The headline credits 5,000 to Police, but the body gives the figure "
                    "only on the word of the Tenants' Union.")]


def test_an_unnamed_role_may_be_the_named_source(run):
    """"Organisers" in the headline may be the coalition the body names, which organised
    the march: only when the body has the organisers give another figure is the credit
    wrong."""
    page = ("Organisers say 20,000 joined march against pension reform\n\n"
            "Thousands of people marched through the city on Saturday, in what organisers "
            "called the largest demonstration of the year.\n\n"
            "Fronte Comune, the coalition of unions that organised the march, said 20,000 "
            "people took part. Police put the figure at 6,500.\n")
    _, found = run(page)
    assert found == []


def test_a_named_body_a_headline_calls_by_another_name_elsewhere(run):
    """A named body the headline names loosely ("Relief society") that never gave the
    figure: the body's 78 is the governor's, and the society's own word was "dozens"."""
    _, found = run(
        "Relief society says cyclone killed 78 in coastal districts\n\n"
        "The cyclone has killed 78 people in three coastal districts, the provincial "
        "governor said on Saturday.\n\n"
        "The Coastal Relief Society said its teams had recorded \"dozens\" of deaths but "
        "could not yet give a precise figure.\n"
    )
    assert [f.severity for f in found] == ["warning"]
    assert found[0].message.startswith("The headline credits 78 to Relief society, but the "
                                       "body gives the figure only on the word of the "
                                       "provincial governor")


def test_a_toll_the_source_itself_moved_is_its_own(run):
    """"The service has raised the death toll to 32 from 27" is the service's figure: its
    earlier 27 and its "two more deaths" are other moments of one moving toll, not proof
    that the page put 32 in its mouth. (A red-team live blog drew a false ``problem``.)"""
    _, found = run(
        "Storm live: recovery begins on the coast\n\nSaturday 19:20\nDeath toll rises to "
        "34\nThe National Emergency Service (NES) has confirmed two more deaths, both in "
        "Kessendon. That brings the confirmed toll to 34.\n\nSaturday 16:10\nToll by region\n"
        "The NES breakdown of the 32 deaths confirmed so far: 14 in Brenna, 11 in Kessendon "
        "and 7 on the islands.\n\nSaturday 12:05\nToll rises to 32\nThe NES has raised the "
        "death toll to 32 from 27, after confirming five deaths on the islands.\n\nSaturday "
        "07:00\nAs of last night, the NES had confirmed 27 deaths.\n")
    assert found == []


def test_a_ranked_officer_quoted_in_the_services_paragraph_speaks_for_it(run):
    """The service's statement opens the paragraph and its Group Commander, tied to no
    other body, gives the figure: the headline's credit to the service holds."""
    _, found = run(
        "Fire and Rescue Service says about 300 people are still waiting to be evacuated\n\n"
        "Rivers across the valley burst their banks on Saturday night.\n\n"
        "The Kessel Fire and Rescue Service says crews have brought around 1,150 people to "
        "safety since Saturday night. Group Commander Bram Oyelaran told the Courier: \"We've "
        "got about 300 people still waiting on rooftops.\"\n"
    )
    assert [f.message for f in found if f.severity != "info"] == []


@pytest.mark.parametrize(
    "speaker",
    [
        # tied to another body right after the name
        "Dr Ana Reyes of the city hospital told the Courier:",
        "Dr Ana Reyes, a surgeon at St Luke's hospital, told the Courier:",
    ],
)
def test_a_speaker_of_another_body_does_not_speak_for_the_service(run, speaker):
    _, found = run(
        "Fire and Rescue Service says about 300 people are still waiting to be evacuated\n\n"
        "Rivers across the valley burst their banks on Saturday night.\n\n"
        "The Kessel Fire and Rescue Service says crews have brought around 1,150 people to "
        f"safety since Saturday night. {speaker} \"We've got about 300 people still waiting "
        "on rooftops.\"\n"
    )
    assert [f.severity for f in found] == ["warning"]
    assert "only on the word of Dr Ana Reyes" in found[0].message


def test_a_ranked_officer_in_another_paragraph_does_not_speak_for_the_service(run):
    _, found = run(
        "Fire and Rescue Service says about 300 people are still waiting to be evacuated\n\n"
        "The Kessel Fire and Rescue Service says crews have brought around 1,150 people to "
        "safety since Saturday night.\n\n"
        "Group Commander Bram Oyelaran told the Courier: \"We've got about 300 people still "
        "waiting on rooftops.\"\n"
    )
    assert [f.severity for f in found] == ["warning"]


SHELLING = ("Shelling of Dornik market kills 31, regional governor says\n\n"
            "Artillery shells hit a crowded market in Dornik on Monday morning, {lead}, "
            "regional governor Aleksei Marr said.\n\n"
            "The emergency service said its crews had pulled 21 bodies from the rubble by 3 "
            "p.m.\n")


def test_a_headline_credits_a_toll_its_source_gives_otherwise_in_the_body(run):
    _, found = run(SHELLING.format(lead="killing at least 21 people and wounding 48"))
    loud = [f for f in found if f.severity != "info"]
    assert [(f.severity, [e.text for e in f.evidence]) for f in loud] == [
        ("warning", ["31", "at least 21 people"])]
    assert loud[0].message == (
        "The headline credits 31 to regional governor, but in the body that source gives "
        "'at least 21 people'; nothing on the page has them say 31.")


@pytest.mark.parametrize("page", [
    # the source's count rose to the headline's
    SHELLING.format(lead="killing at least 21 people and wounding 48")
    + "\nBy evening the governor said the death toll had risen to 31.\n",
    # the same toll, rounded
    SHELLING.format(lead="killing 30 people and wounding 48"),
])
def test_a_headline_credit_the_body_bears_out_is_quiet(run, page):
    _, found = run(page)
    assert [f.message for f in found if f.severity != "info"] == []


FIREWORKS = ("Was the Dornell blast the deadliest in years?\n\n"
             "{summary}\n\n"
             "The explosion at the fireworks plant outside Sanbria happened on 29 November. "
             "Provincial police said on the day that 21 people had died.\n\n"
             "The Labour Inspectorate's report, published on 8 January, gives 23 deaths, "
             "including two workers who later died of burns.\n\n"
             "The 2011 Tolsa chemical plant blast killed 18, according to the same "
             "inspectorate.\n")


def test_a_figure_credited_to_a_source_whose_own_figure_is_another(run):
    # the summary gives the inspectorate the police's 21; the inspectorate's report says 23
    _, found = run(FIREWORKS.format(
        summary="No. The Labour Inspectorate puts the toll at 21, well short of the worst."))
    loud = [f for f in found if f.severity != "info"]
    assert [(f.severity, [e.text for e in f.evidence]) for f in loud] == [
        ("warning", ["21", "23 deaths", "21 people"])]
    assert loud[0].message == (
        "The page credits 21 to the Labour Inspectorate, but elsewhere gives that source's "
        "figure as '23 deaths'; 21 is the figure of Provincial police. One of the credits is "
        "wrong.")


def test_a_figure_credited_as_the_source_gave_it_is_quiet(run):
    _, found = run(FIREWORKS.format(
        summary="No. The Labour Inspectorate puts the toll at 23, well short of the worst."))
    assert [f.message for f in found if f.severity != "info"] == []


def test_two_floors_from_one_source_are_no_wrong_credit(run):
    # "at least 11" and "at least 13" may both hold: floors, not two counts
    _, found = run(
        "Shelling hits Dornik market\n\n"
        "At least 11 people were killed in the shelling, the Dornik Monitor said.\n\n"
        "The Harbour Rescue Service also said at least 11 civilians had died in the market.\n\n"
        "The Dornik Monitor said at least 13 civilians were killed across the district.\n")
    assert [f.message for f in found if f.severity != "info"] == []
