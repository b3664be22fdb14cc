"""headline_unsupported on headlines that say more than their body: a claim stated as fact
that the body hedges or rests on one party's word, a figure the body's parts do not add up
to, a quotation no one in the body says, and what the stance model may claim alone.

Pages are our own, a few sentences each; the stance model is kept out (``_stance`` gives
``None``) unless a test is about it.
"""

from __future__ import annotations

import pytest

from newsaudit.checks import headline_unsupported as hu
from stages import runner


@pytest.fixture(scope="module")
def run(nlp):
    return runner(nlp, hu.check, "headline_unsupported")


@pytest.fixture()
def quiet(monkeypatch):
    monkeypatch.setattr(hu, "_stance", lambda models, headline, body: None)


PAGES = [
    (
        "hedged",
        "Air Strikes Kill Dozens of Civilians in Harlow Valley\n\n"
        "Air strikes reportedly killed dozens of civilians in the Harlow valley on Monday. "
        "The army said it was investigating the strikes.\n",
        [("Air Strikes Kill Dozens of Civilians in Harlow Valley", "with a hedge (“reportedly”)")],
    ),
    (
        "unnamed_source_toll",
        "Shelling Kills 14 in Varn\n\n"
        "Shelling killed 14 people in the town of Varn on Tuesday, activists said.\n",
        [("Shelling Kills 14 in Varn", "only on the word of activists")],
    ),
    (
        "page_says_it",
        "Shelling Kills 14 in Varn\n\n"
        "Shelling killed 14 people in the town of Varn on Tuesday. Activists said the army "
        "fired from the hills above the town.\n",
        [],
    ),
    (
        "figure_on_a_witness_word",
        # the lead tells the story in its own voice, but the headline's figure is a witness's
        "Gunman Kills Soldier, Fires 30 Shots at Guards Near Canadian Parliament in Ottawa\n\n"
        "A gunman killed a soldier near the parliament on Wednesday. A witness said the gunman "
        "fired 30 shots at the guards.\n",
        [("Gunman Kills Soldier, Fires 30 Shots at Guards Near Canadian Parliament in Ottawa",
          "gives “30 shots” only on the word of a witness")],
    ),
    (
        "page_tells_it_in_other_words",
        # the hedge is about another event; the lead tells this one in its own words
        "Soldier and Gunman Killed in Shooting Incident Near Canadian Parliament\n\n"
        "A gunman killed a soldier at the war memorial in Ottawa on Wednesday before guards "
        "shot him. The incident comes two days after a Canadian soldier was reportedly killed "
        "in a shooting incident in Quebec.\n",
        [],
    ),
    (
        "headline_rounds_the_pages_own_figure",
        "Blast Kills 40 Students in Varn\n\n"
        "A blast killed 43 students at a school in Varn on Monday. A survivor said the blast "
        "killed 40 students in one classroom.\n",
        [],
    ),
    (
        "relayed_by_no_one",
        "6,000 Masks Stolen From Harlow Hospital\n\n"
        "A total of 6,000 masks were stolen from a hospital in Harlow, it was reported on "
        "Tuesday.\n",
        [("6,000 Masks Stolen From Harlow Hospital", "only as someone's account")],
    ),
    (
        "learned_by_the_wire",
        # "it was learned" is how a wire states what it checked, not a hedge
        "6,000 Masks Stolen From Harlow Hospital\n\n"
        "A total of 6,000 masks were stolen from a hospital in Harlow, it was learned on "
        "Tuesday.\n",
        [],
    ),
    (
        "headline_quotes_its_claim",
        # words in quotation marks present the claim as someone's, not as fact
        "Harlow Nurses ‘Treated as Second-Class Staff’\n\n"
        "Nurses at Harlow hospital are reportedly treated as second-class staff on short "
        "contracts.\n",
        [],
    ),
    (
        "unnamed_source_with_a_place",
        "Shelling Kills 14 in Varn\n\n"
        "Published May 2 2016 Activists in the region said shelling killed 14 people in Varn "
        "on Tuesday. "
        "The town has been under siege since March.\n\n"
        "Tags Varn shelling activists\n",
        [("Shelling Kills 14 in Varn", "only on the word of activists in the region")],
    ),
    (
        "headline_credits_source",
        "Shelling kills 14 in Varn: activists\n\n"
        "Shelling killed 14 people in the town of Varn on Tuesday, activists said.\n",
        [],
    ),
    (
        "named_source_no_figure",
        "Council Approves New Bridge Over Tamar\n\n"
        "The council approved the new bridge over the Tamar on Monday, the mayor said.\n",
        [],
    ),
    (
        "party_counts_its_own_strike",
        "Kordavian Army Kills 30 Militants Near Border\n\n"
        "The Kordavian army killed 30 militants near the border on Sunday, the Kordavian "
        "defence ministry said in a statement.\n",
        [("Kordavian Army Kills 30 Militants Near Border", "only on the word of the Kordavian")],
    ),
    (
        # an agentless passive of confirming credits the headline to an unnamed authority
        "headline_passive_confirmed",
        "Two cases of measles confirmed in Varn\n\n"
        "Two cases of measles have been confirmed in the town of Varn, according to a "
        "regional health official.\n",
        [],
    ),
    (
        "headline_passive_blamed",
        "Faulty wiring blamed for Varn market fire\n\n"
        "Faulty wiring caused the fire that destroyed the Varn market, investigators "
        "reportedly believe.\n",
        [],
    ),
    (
        # "Apparent" in the headline hedges it as "apparently" would
        "headline_apparent",
        "Patient Shows Symptoms After Apparent Contact With Carrier\n\n"
        "A patient who apparently had contact with a carrier is showing symptoms, "
        "the hospital said.\n",
        [],
    ),
    (
        # officials confirming an event are how news is sourced; not one party's word
        "officials_confirm_event",
        "Small Meteorite Strikes Near Varn Airport\n\n"
        "A small meteorite landed near the airport in Varn on Saturday night, government "
        "officials say.\n\n"
        "Residents reported hearing a loud bang. The observatory said it could not verify "
        "whether the meteorite had broken off an asteroid.\n",
        [],
    ),
    (
        # ... but an unnamed official is still one side's word for its own strike's toll
        "officials_toll_of_own_strike",
        "Kordavian Army Kills 30 Militants Near Border\n\n"
        "The army killed 30 militants near the border on Sunday, military officials "
        "said.\n",
        [("Kordavian Army Kills 30 Militants Near Border", "only on the word of military")],
    ),
    (
        # an adjective hedges its own noun phrase, not the claim beside it
        "hedge_on_another_noun",
        "Mass Grave Found Near Town Where 43 Students Went Missing\n\n"
        "A mass grave with an unconfirmed number of bodies was found near the town where "
        "43 students went missing last month, police said.\n",
        [],
    ),
    (
        "unverified",
        "Rebels Seize Hill Town of Varn\n\n"
        "Rebels seized the hill town of Varn on Friday, according to local sources. "
        "Their account could not be independently verified.\n",
        [("Rebels Seize Hill Town of Varn", "could not verify the account")],
    ),
    (
        # a negation elsewhere in a sentence with "confirmed" denies something else: the
        # page says nothing about checking the account, and local sources confirm the
        # seizure on their word, as news is sourced
        "confirmed_with_another_negation",
        "Rebels Seize Hill Town of Varn\n\n"
        "Rebels seized the hill town of Varn on Friday, according to local sources. "
        "No civilians were hurt in the fighting, the sources confirmed.\n",
        [],
    ),
    (
        "parts_add_up",
        "Blast Leaves 13 Dead in Market\n\n"
        "Nine people were killed in the market blast, police said. Four more people died "
        "in hospital, the health ministry said.\n",
        [],
    ),
    (
        "parts_do_not_add_up",
        "Blast Leaves 43 Injured in Market\n\n"
        "Police said 21 people were injured in the market and 20 people were injured at the "
        "station.\n",
        [("43 Injured", "no figure in the body fits it, alone or added up")],
    ),
    (
        "quote_no_one_says",
        "Ravel Chief ‘No Longer Wants to Lead the Firm’\n\n"
        "The chief executive of Ravel is said to have had enough of leading the firm, "
        "friends told the Daily Post.\n",
        [("No Longer Wants to Lead the Firm", "no one in the body is reported saying")],
    ),
    (
        "quote_said",
        "Mayor: ‘We Will Rebuild Every Home’\n\n"
        "“We will rebuild every home,” the mayor told residents on Sunday.\n",
        [],
    ),
    (
        "quote_condensed",
        # a headline shortens what the body quotes: that is the speaker's passage
        "Housing Minister Says ‘We Now Have a Housing Crisis’\n\n"
        "“We have a housing crisis, and it is getting worse,” the housing minister said on "
        "Monday.\n",
        [],
    ),
    (
        "headline_credits_media",
        # the colon before the credit was lost: "… near Varn: media"
        "Army destroys over 60 fighters near Varn media\n\n"
        "The army destroyed over 60 fighters near Varn on Monday, a military representative "
        "said.\n",
        [],
    ),
    (
        "headline_toll_is_a_lead_phrase",
        # no speaker before a verb: nothing is spliced in as one
        "Death toll from Harlow bomb attack at least 112\n\n"
        "At least 112 people were killed in the bomb attack in Harlow, the city's health "
        "department said on Sunday.\n",
        [],
    ),
]


PAGES += [
    (
        # a headline calling the claim false does not state it, however the body hedges it
        "disputed",
        "Singer death hoax: Fake death report spreads on social networks\n\n"
        "Days after social media filled with reports that the singer Ann Vale had died, her "
        "agent said news of her alleged death is simply a hoax.\n",
        [],
    ),
    (
        # first-person words after a colon are the speaker's own, not the page's claim
        "first_person",
        "Teen stock whiz: I didn't really make $50M trading\n\n"
        "The improbable story of a teenager who was rumored to have made $50 million trading "
        "stocks fell apart on Monday. The teen told the newspaper that he had made no such "
        "sum.\n",
        [],
    ),
    (
        # a headline quoting a claim it calls fake gives no one's word
        "disputed_quotation",
        "'Ministry Confirms Six Days of Darkness' Fake News Story\n\n"
        "A story claiming six days of darkness in December is fake, astronomers said on "
        "Monday. The site that ran it has removed it.\n",
        [],
    ),
    (
        # a headline that denies: the body's hedge is on the claim denied
        "denial_over_hedged_claim",
        "No, a heron did not land on the mayor of Orlen\n\n"
        "A video of the mayor of Orlen apparently being landed on by a heron during a speech "
        "has been shared widely. The clip was edited, the council said.\n",
        [],
    ),
    (
        # the body hedges the denial itself: the headline states it as fact
        "denial_hedged",
        "Heron did not land on Orlen mayor\n\n"
        "A heron reportedly did not land on the mayor of Orlen during his speech on Monday.\n",
        [("Heron did not land on Orlen mayor", "with a hedge (“reportedly”)")],
    ),
    (
        # the arrest is the page's fact; "allegedly" hedges the charge the headline names
        "arrested_for_alleged",
        "Elderly Man Arrested for Stealing Neighbor's Goats\n\n"
        "An 80-year-old man in Tarvel has been arrested for allegedly stealing his "
        "neighbor's goats and selling them at market.\n",
        [],
    ),
    (
        "arrest_itself_alleged",
        "Elderly Man Arrested for Stealing Neighbor's Goats\n\n"
        "An 80-year-old man in Tarvel has allegedly been arrested for stealing his "
        "neighbor's goats and selling them at market.\n",
        [("Elderly Man Arrested for Stealing Neighbor's Goats", "with a hedge (“allegedly”)")],
    ),
    (
        # the headline states the deed the body only alleges
        "deed_alleged",
        "Elderly Man Stole Neighbor's Goats\n\n"
        "An 80-year-old man in Tarvel has been arrested for allegedly stealing his "
        "neighbor's goats and selling them at market.\n",
        [("Elderly Man Stole Neighbor's Goats", "with a hedge (“allegedly”)")],
    ),
    (
        # the deed stands in the body only as the prosecutors' charge
        "deed_only_charged",
        "Harbour Mayor Took Bribes From Developer\n\n"
        "Prosecutors have charged the mayor of Orlen with taking bribes from a developer in "
        "exchange for building permits. The mayor denies wrongdoing.\n",
        [("Harbour Mayor Took Bribes From Developer", "only as an accusation (“charged”)")],
    ),
    (
        # a headline that names the charge states what the body states as fact
        "charge_in_the_headline",
        "Orlen Mayor Charged With Taking Bribes From Developer\n\n"
        "Prosecutors have charged the mayor of Orlen with taking bribes from a developer in "
        "exchange for building permits. The mayor denies wrongdoing.\n",
        [],
    ),
    (
        # organisers accuse; the scene-setting sentence in the page's voice does not say
        # what the headline says happened
        "deed_only_accused",
        "Police Fired Rubber Bullets Into Harlow Crowd\n\n"
        "Trouble broke out near the town hall in Harlow when a crowd pushed against a police "
        "line. Organisers of the march accused police of firing rubber bullets into the "
        "crowd.\n",
        [("Police Fired Rubber Bullets Into Harlow Crowd",
          "only as an accusation (“accused”)")],
    ),
    (
        # one side's account, which the other side denies; the speaker's name repeats the
        # headline's words ("Student leaders"), which does not make the sentence the page's
        "named_account_denied",
        "Police Fired Live Rounds at Student Protesters in Harlow\n\n"
        "Student leaders said police had fired live rounds at protesters outside the town "
        "hall in Harlow on Tuesday. Police denied using live ammunition.\n",
        [("Police Fired Live Rounds at Student Protesters in Harlow",
          "The body also reports a denial: “Police denied using live ammunition.”")],
    ),
    (
        # the same account, undisputed: ordinary reporting on a named source's word
        "named_account",
        "Police Fired Live Rounds at Student Protesters in Harlow\n\n"
        "Student leaders said police had fired live rounds at protesters outside the town "
        "hall in Harlow on Tuesday. Police said officers would give evidence to the inquiry.\n",
        [],
    ),
    (
        # "…, according to X" after two clauses gives X's word for both: the toll too
        "toll_in_coordinated_clauses_denied",
        "Army Shelled Hospital in Varn, Killing Seven Patients\n\n"
        "Seven patients were killed and 12 people wounded when shells hit the main hospital "
        "in Varn on Saturday, according to the town's health directorate. The defence "
        "ministry denied that its forces had targeted the hospital.\n",
        [("Army Shelled Hospital in Varn, Killing Seven Patients",
          "gives “Seven patients” only on the word of the town's health directorate")],
    ),
    (
        # the headline names a cause the body says is still open
        "cause_still_open",
        "Faulty Boiler Caused Fatal Fire at Harlow Care Home\n\n"
        "Two residents died when fire swept through a care home in Harlow on Sunday night. "
        "Fire officers said the cause of the fire had not been determined and was under "
        "investigation.\n",
        [("Faulty Boiler Caused Fatal Fire at Harlow Care Home",
          "the body says the cause is not established: “Fire officers said the cause of the "
          "fire had not been determined and was under investigation.”")],
    ),
    (
        "cause_too_early",
        "Drunk Driver Caused Harlow Bus Crash\n\n"
        "A car ran into the back of a night bus on Mill Lane in Harlow on Friday, injuring "
        "four passengers. Police said it was too early to say whether the driver had been "
        "drinking.\n",
        [("Drunk Driver Caused Harlow Bus Crash", "the body says the cause is not established")],
    ),
    (
        # the page names the cause in its own voice: the headline follows it
        "cause_told",
        "Faulty Boiler Caused Fatal Fire at Harlow Care Home\n\n"
        "A faulty boiler caused the fire that killed two residents of a care home in Harlow "
        "on Sunday night. The cause of a second fire in the town is under investigation.\n",
        [],
    ),
    (
        # a headline that names no cause is not judged by what the body leaves open
        "no_cause_in_headline",
        "Fatal Fire at Harlow Care Home\n\n"
        "Two residents died when fire swept through a care home in Harlow on Sunday night. "
        "The cause of the fire is under investigation.\n",
        [],
    ),
]

# A headline that hedges itself, quotes a claim it calls false, or quotes a title, states
# nothing as fact and puts no words in anyone's mouth (stop 38, dev pool 38).
PAGES += [
    (
        "headline_appears_to",
        "Gunmen Appear to Execute Hostage in Harlow Video\n\n"
        "A video posted online on Monday purportedly shows gunmen executing a hostage "
        "taken in Harlow last year. Officials said they were examining it.\n",
        [],
    ),
    (
        "headline_video_claiming_to_show",
        "Militants Post Video Claiming to Show Beheading of Harlow Aid Worker\n\n"
        "Militants released a video on Tuesday purporting to show the beheading of an aid "
        "worker from Harlow, who was kidnapped in March.\n",
        [],
    ),
    (
        "headline_seemingly",
        "Rebels Seemingly Shot Down Army Helicopter Near Varn\n\n"
        "Rebels apparently shot down an army helicopter near Varn on Friday, according to "
        "footage shared online.\n",
        [],
    ),
    (
        "headline_if_only",
        "If Only A Bird Really Did Land on the Harlow Mayor\n\n"
        "A video of the Harlow mayor apparently being hit by a bird was doctored, the "
        "council said on Monday.\n",
        [],
    ),
    (
        "headline_quotes_the_claim_it_calls_a_hoax",
        "Harlow Mayor 'Arrested at Airport Last Night' Is a Hoax\n\n"
        "Stories that the mayor of Harlow was detained at the airport spread online on "
        "Sunday. The mayor spent the evening at a council meeting, officials said.\n",
        [],
    ),
    (
        "headline_quotes_a_film_title",
        "Camera Truck Stolen From \"Night Harbour: The Return\" Set in Harlow\n\n"
        "A camera truck was stolen from a film set in Harlow on Sunday, police said. The "
        "producers offered a reward.\n",
        [],
    ),
    (
        # the plural possessive inside single marks does not close the quotation: the
        # quotation is the whole passage, which the army's words in the body give
        "possessive_inside_single_marks",
        "Army and rebels 'agree truce and boys' release'\n\n"
        "The army said on Monday that it had agreed a truce with the rebels and the release "
        "of the schoolboys.\n",
        [],
    ),
    (
        # the headline's own "reports that" says the kidnapping is reported, not fact
        "headline_investigates_reports_that",
        "Harlow police investigate reports that gunmen kidnapped a local woman\n\n"
        "A Harlow woman was reportedly kidnapped by gunmen on Monday, according to posts "
        "online.\n",
        [],
    ),
    (
        # a negated verb puts no concession in anyone's mouth
        "headline_verb_negated",
        "Harlow Council is not confirming or denying rumours of a new stadium\n\n"
        "Plans for a new stadium in Harlow were shared widely online on Monday.\n",
        [],
    ),
    (
        # dismissing reports is a rebuttal someone spoke, not a failure to act
        "headline_dismisses_reports",
        "Official Dismisses 'Unfounded' Reports That Harlow Water Is Unsafe\n\n"
        "A water board spokesman called the reports unfounded on Monday.\n",
        [],
    ),
    (
        # "cut off" removes something: no size changed, so no figure is wanting
        "headline_cut_off",
        "Man's Finger Cut-off After Harlow Attack\n\n"
        "A man lost a finger in an attack in Harlow on Monday, police said.\n",
        [],
    ),
    (
        # in a body sentence "seemed to" qualifies a detail, not the headline's claim
        "body_seemed_to_qualifies_a_detail",
        "Harlow council releases messages with developer from before the vote\n\n"
        "Harlow council released its messages with the developer from before the vote, "
        "which seemed to show the mayor ignoring most of them.\n",
        [],
    ),
    (
        # a hedge is still missed when the headline states the killing as fact
        "headline_states_what_the_video_only_purports",
        "Gunmen Execute Hostage Taken in Harlow\n\n"
        "A video posted online on Monday purportedly shows gunmen executing a hostage "
        "taken in Harlow last year. Officials said they were examining it.\n",
        [("Gunmen Execute Hostage Taken in Harlow", "with a hedge (“purportedly”)")],
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), PAGES, ids=[p[0] for p in PAGES])
def test_pages(run, quiet, name, text, expected):
    _, found = run(text)
    got = [(f.evidence[0].text, f.message) for f in found]
    assert len(got) == len(expected), got
    for (first, message), (want_first, phrase) in zip(got, expected, strict=True):
        assert first == want_first
        assert phrase in message
    assert all(f.severity == "warning" for f in found)


def test_hedged_message_quotes_the_body(run, quiet):
    _, found = run(PAGES[0][1])
    assert found[0].message == (
        "The headline states ‘Air Strikes Kill Dozens of Civilians in Harlow Valley’ as fact, "
        "but the body gives “dozens of civilians” only with a hedge (“reportedly”): “Air "
        "strikes reportedly killed dozens of civilians in the Harlow valley on Monday.”."
    )


# ------------------------------------------------------------------ the stance model alone

_REFUTED = (
    "Singer Ravel Dies in Car Crash\n\n"
    "Reports that the singer Ravel died in a car crash on Sunday are a hoax, her manager said. "
    "Ravel is on tour in Spain.\n"
)


def test_disagreement_alone_needs_a_refuting_sentence(run, monkeypatch):
    sure = {"agree": 0.01, "disagree": 0.98, "unrelated": 0.01}
    monkeypatch.setattr(hu, "_stance", lambda m, h, b: sure)
    _, found = run(_REFUTED)
    assert [(f.severity, [e.text for e in f.evidence]) for f in found] == [
        ("warning", [
            "Singer Ravel Dies in Car Crash",
            "Reports that the singer Ravel died in a car crash on Sunday are a hoax, her "
            "manager said.",
        ])
    ]
    assert "appears to contradict" in found[0].message
    assert found[0].message.endswith("p=0.98).")


def test_unrelated_is_not_claimed_when_the_body_gives_the_headline(run, monkeypatch):
    sure = {"agree": 0.0, "disagree": 0.0, "unrelated": 1.0}
    monkeypatch.setattr(hu, "_stance", lambda m, h, b: sure)
    text = (
        "Flood Toll Rises to 40 in Harlow\n\n"
        "The number of people killed by the flood in Harlow rose to 40 on Tuesday. "
        "Rescuers are still searching the valley.\n"
    )
    assert run(text)[1] == []


def test_unrelated_when_the_body_is_another_story(run, monkeypatch):
    """A body sharing one word with its headline (the town) is another story: the
    extraction or the feed paired them wrongly."""
    sure = {"agree": 0.0, "disagree": 0.0, "unrelated": 1.0}
    monkeypatch.setattr(hu, "_stance", lambda m, h, b: sure)
    text = (
        "Harlow Mayor Resigns Over Budget Row\n\n"
        "The river burst its banks in Harlow on Sunday night, flooding 200 homes. Rescue teams "
        "worked through the night.\n"
    )
    _, found = run(text)
    # info: judged on dev, the stance model's "unrelated" alone was never worth an
    # editor's time (0 true of 4), so it points at the pairing without a warning
    assert [(f.severity, f.evidence[0].text) for f in found] == [
        ("info", "Harlow Mayor Resigns Over Budget Row")
    ]
    assert found[0].message.startswith("No sentence of the body repeats what the headline")


def test_a_title_without_a_verb_is_never_unrelated(run, monkeypatch):
    """A column's name says nothing happened: there is no claim for the body to miss."""
    sure = {"agree": 0.0, "disagree": 0.0, "unrelated": 1.0}
    monkeypatch.setattr(hu, "_stance", lambda m, h, b: sure)
    _, found = run("Budget Fever: The Lavish Habits and Dreary Rituals of Harlow\n\n"
                   "The river burst its banks in Harlow on Sunday night, flooding 200 homes. "
                   "Rescue teams worked through the night.\n")
    assert found == []


def test_a_number_word_meets_its_digits(nlp):
    # "At Least Ten Fighters" in a headline and "at least 10 fighters" in the body are
    # the same words when a quotation is looked for in the body
    from newsaudit.checks._headline import content_stems

    assert content_stems(nlp("At Least Ten Fighters Crossed")) == \
        content_stems(nlp("At Least 10 Fighters Crossed"))
