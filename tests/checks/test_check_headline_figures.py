"""headline_unsupported on a headline's figure: a count of a handful is one a body names
or lists as often as it counts, so only larger counts, and tolls the body gives
otherwise, are held to a body figure."""

from __future__ import annotations

import pytest

from newsaudit.checks import headline_unsupported as hu
from stages import runner


@pytest.fixture(scope="module")
def run(nlp):
    return runner(nlp, hu.check, "headline_unsupported")


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # the body lists the three (islands, ways, people) without a number: nothing to say
        ("Kingdom hands three islands to new council\n\nThe council will govern Arlo, Brest "
         "and Tamsin from next year, the ministry said on Monday.\n", []),
        ("Three ways to sleep better tonight\n\nFirst, keep the room dark. Second, stop "
         "drinking coffee after noon. Finally, get up at the same hour every day.\n", []),
        ("2 civilians killed in shelling of border town\n\nA woman and her son were killed "
         "when shells hit their house on Tuesday, the town's mayor said.\n", []),
        # a listicle's items against unrelated figures of the body
        ("11 things we learned from the minister's interview\n\nShe spoke to us three times "
         "and met two advisers before the vote, she said in the interview.\n", []),
        # a handful of dead the body counts otherwise is still held to it
        ("Blast kills 5 at fuel depot\n\nThe blast killed 50 workers at the fuel depot on "
         "Friday, police said.\n", ["5"]),
        # a weight the body gives in another unit, as for distances and durations
        ("Fisherman lands 19-stone catfish\n\nThe catfish weighed 266 pounds when it was "
         "landed on Sunday, local media reported.\n", []),
        ("Police seize 40 tonnes of cocaine at port\n\nOfficers found 40,000 kg of the drug "
         "in a container on Friday, police said.\n", []),
        # a larger count the body never gives
        ("Storm leaves 3,000 homes without power\n\nThe storm cut power lines across the "
         "valley overnight, the utility said on Sunday.\n", ["3,000 homes"]),
        # a large sum said to one digit, as headlines say them
        ("Airline signs $9 billion jet order\n\nThe order for 30 jets is valued at $8.8 "
         "billion at list prices, the airline said on Monday.\n", []),
        # not when the one digit is far from the body's figure
        ("Airline signs $2 billion jet order\n\nThe order for 30 jets is valued at $2.4 "
         "billion at list prices, the airline said on Monday.\n", ["$2 billion"]),
        # a figure that identifies a group the body names as known: "the trapped miners"
        ("Rescuers reach 33 trapped miners\n\nRescuers reached the trapped miners early on "
         "Sunday after drilling for nine days, the mining ministry said.\n", []),
        ("Flood victims not among 28 bodies found near river\n\nThe bodies found near the "
         "river were not those of the missing campers, police said on Monday.\n", []),
        # named without an article, the group leaves the figure to the headline alone
        ("Militants kill 300 soldiers in gas attack\n\nMilitants used chlorine gas to attack "
         "soldiers near the city, a member of parliament said.\n", ["300 soldiers"]),
        # a toll is a count: a headline's round 50 is no rounding of 47
        ("Blast kills 50 at fuel depot\n\nThe blast killed 47 workers at the fuel depot on "
         "Friday, police said.\n", ["50"]),
    ],
)
def test_headline_figures(run, text, flagged):
    _, found = run(text)
    assert [f.evidence[0].text for f in found if f.kind == "figure"] == flagged


@pytest.mark.parametrize(
    ("headline", "body"),
    [
        # an age: the figure reader does not count it, yet the body gives it
        ("Folk singer Ann Vale dead at 71",
         "The singer Ann Vale has died at the age of 71, her family said on Sunday."),
        # a number in words the figure reader cannot tie to a count
        ("Army says 28 rebel commanders killed near Tarvel",
         "The army said twenty-eight of the group's commanders died in the raid near Tarvel."),
        # a measure modifying a noun
        ("New watch comes in 18-karat gold for the rich",
         "The most expensive model has 18-karat gold plating and a sapphire face."),
        # a round headline figure for the body's exact one
        ("Gold watch will cost $5,000",
         "The gold model will start at $4,999, the company said on Monday."),
        # a year before a noun, the year the body gives
        ("1901 Harlow time capsule yields letters",
         "A copper box buried in 1901 under the Harlow town hall was opened on Tuesday."),
        # an age the body gives by the years of birth and death
        ("Folk singer Ann Vale dead at 57",
         "The folk singer Ann Vale (May 2, 1957 - October 9, 2014) died at home on Sunday."),
        # the body rounds the headline's exact price
        ("Gold watch will cost $4,999",
         "The gold model will cost $5,000, the company said on Monday."),
        # a sum in another currency than the body's: the rate is not on the page
        ("Club agrees $800 million stadium deal",
         "The club agreed a £500m deal for the new stadium, its chairman said."),
        # the body gives sums in the headline's currency and in another: the headline's
        # may be the other converted
        ("Club agrees $800 million stadium deal",
         "The club agreed a £500 million deal for the stadium and paid $2 million in fees, "
         "its chairman said."),
    ],
)
def test_a_headline_number_the_body_writes_is_supported(run, headline, body):
    _, found = run(f"{headline}\n\n{body}\n")
    assert [f.kind for f in found if f.kind == "figure"] == []


def test_a_headline_number_the_body_gives_only_as_a_date_is_still_absent(run):
    _, found = run("Storm kills 13 in coastal villages\n\n"
                   "A storm hit the coastal villages on 13 March, destroying dozens of homes. "
                   "Rescue teams are searching the area.\n")
    assert [f.message for f in found] == ["The headline gives “13”, but the body gives no "
                                          "figure for it."]


def test_cuts_off_is_no_change_of_size(run):
    _, found = run("Farmer cuts off his finger in baler accident\n\nA farmer lost a finger in "
                   "an accident with a hay baler on Tuesday, police said.\n")
    assert [f.kind for f in found] == []
    _, found = run("Council cuts library budget\n\nThe council voted on Tuesday to cut the "
                   "library budget, councillors said.\n")
    assert [f.kind for f in found] == ["verb"]


def test_a_sum_the_body_gives_only_in_other_sums_of_its_currency_is_unfit(run):
    _, found = run("Club agrees $800 million stadium deal\n\nThe club agreed a $500 million "
                   "deal for the stadium and paid $2 million in fees, its chairman said.\n")
    assert [f.kind for f in found] == ["figure"]


def test_cutting_things_in_the_plural_is_no_change_of_size(run):
    _, found = run("Maker cut watch health features due to faulty sensors\n\nThe maker dropped the "
                   "health features from its watch after sensors failed tests, "
                   "engineers said.\n")
    assert [f.kind for f in found] == []
    _, found = run("Maker cut watch health budget due to faulty sensors\n\nThe maker reduced "
                   "the health budget for its watch after sensors failed tests, "
                   "engineers said.\n")
    assert [f.kind for f in found] == ["verb"]


def test_a_round_figure_far_from_the_body_s_is_still_unfit(run):
    _, found = run("Gold watch will cost $5,000\n\nThe gold model will start at $4,000, "
                   "the company said on Monday.\n")
    assert [f.kind for f in found] == ["figure"]


def test_an_age_the_years_of_birth_and_death_do_not_give_is_absent(run):
    _, found = run("Folk singer Ann Vale dead at 61\n\nThe folk singer Ann Vale (May 2, 1957 - "
                   "October 9, 2014) died at home on Sunday.\n")
    assert [f.message for f in found] == ["The headline gives “61”, but the body gives no "
                                          "figure for it."]
