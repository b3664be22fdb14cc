"""The headline is the line right above the page's credit block (byline, date line, a wire
story's update note) when the layout model found none, or found one in the masthead above
the site's menu. Blind red-team set 6 (dev since) read 10 of 40 headlines wrong this way: a
fact-check site's headline as body, a TV station's as a byline, a blog's tagline as the
headline, a wire story's "(Adds ...)" note as the headline, a headline in capitals passed
over for its deck. The pages below are written for these tests."""

from __future__ import annotations

import dataclasses

import pytest

from newsaudit.anatomy import segment_text
from newsaudit.line_cues import rows_of
from newsaudit.models.layout.decoding import (
    _credit_like,
    buried_headline,
    headline_over_credit,
    headline_over_deck,
    headline_under_breadcrumb,
    never_headline,
    pasted_headline,
)

BODY = ("Fire crews from three stations fought the blaze for more than six hours on "
        "Tuesday, and the county fire marshal said the cause was not yet known, adding that "
        "the building had been empty for about two years before the fire began.\n\n"
        "Two firefighters were treated for minor injuries, the department said in a "
        "statement released on Tuesday evening, and both have since been released from "
        "hospital, according to the statement.\n")


def _headline(page: str) -> list[str]:
    return [s.text for s in segment_text(page) if s.kind == "headline"]


def _kinds(page: str, *lines: str) -> list[str]:
    segments = segment_text(page)
    out = []
    for line in lines:
        at = page.index(line)
        out.append(next(s.kind for s in segments if s.start <= at < s.end))
    return out


@pytest.mark.parametrize(("top", "headline"), [
    # a blog: masthead, tagline, menu, headline, a "Posted ..." line
    ("THE BRANSCOMBE LEDGER\nIndustry, farming and the villages that depend on them\n"
     "Posts | About | Newsletter | Support us\n\n"
     "Warehouse fire on Mill Lane burns for six hours; two firefighters hurt\n\n"
     "Posted by Ada Whitlow \u00b7 23 April \u00b7 6 min read\n",
     "Warehouse fire on Mill Lane burns for six hours; two firefighters hurt"),
    # a fact-check site: the headline is a sentence with a comma, over a credit row
    ("CLAIMWATCH\nIndependent fact-checking since 2015\n"
     "Fact checks | Explainers | How we work | Donate\n\nHome > Fact checks > Fires\n\n"
     "No, the Mill Lane warehouse fire was not started deliberately\n\n"
     "By Noor Castellan | Published 14 October | 5 min read\n",
     "No, the Mill Lane warehouse fire was not started deliberately"),
    # a wire story: the headline sits over the note of what its update adds
    ("CORVANT NEWS AGENCY\nWorld | Business | Markets | Sport\n\n12 May 2025 09:26 UTC\n\n"
     "UPDATE 2-Warehouse fire in Tessel injures two firefighters\n\n"
     "(Adds fire marshal comment, paragraphs 3-5)\n",
     "UPDATE 2-Warehouse fire in Tessel injures two firefighters"),
    # a TV station: a cookie notice between the menu and the headline
    ("CHANNEL 9 NEWS | Tessel's News Leader\nWatch Live | Weather | Traffic | Contact 9\n\n"
     "This site uses cookies. See our Privacy Policy. [OK]\n\n"
     "Firefighters battle 4-alarm blaze at Mill Lane warehouse; 2 firefighters hurt\n\n"
     "Posted 6:48 PM, October 3 | Updated 10:15 PM, October 3\nBy Channel 9 Digital Team\n",
     "Firefighters battle 4-alarm blaze at Mill Lane warehouse; 2 firefighters hurt"),
])
def test_the_headline_is_the_line_over_the_credits(top, headline):
    assert _headline(top + "\n" + BODY) == [headline]


def test_a_headline_in_capitals_over_its_deck():
    page = ("THE NORTHERN BULLETIN\nLocal | Weather | Business | Sports | Obituaries\n\n"
            "WAREHOUSE FIRE INJURES TWO FIREFIGHTERS IN TESSEL\n\n"
            "Crews say the building had been empty for two years\n\n"
            "By Cora Stavely\nPublished 6:15 p.m. Monday\n\n" + BODY)
    assert _headline(page) == ["WAREHOUSE FIRE INJURES TWO FIREFIGHTERS IN TESSEL"]
    assert _kinds(page, "Crews say the building") == ["standfirst"]
    assert _kinds(page, "THE NORTHERN BULLETIN") == ["boilerplate"]


@pytest.mark.parametrize(("page", "tags"), [
    # a section kicker set between dots is no headline, even in five words
    ("POLITICS \u00b7 AGGREGATED FROM 4 SOURCES\n"
     "Mayor race: new polls disagree on who is ahead\n"
     "Compiled by NewsPulse Editors \u00b7 Updated 2h ago\n", ["boilerplate", "headline", "byline"]),
    # headline, standfirst, credits: the line over the credits is the deck, and the model's
    # headline above it holds (nothing between them is site furniture)
    ("Warehouse fire injures two firefighters\n"
     "Crews say the building had been empty for two years\nBy Cora Stavely\n",
     ["headline", "standfirst", "byline"]),
    # a title-case headline ending with its source is shaped like "Jane Doe, Reuters"
    ("Border Clashes Leave Dozens Dead, Army Says\nBy Maria Okafor\n", ["headline", "byline"]),
    # no credits: nothing to anchor the headline to
    ("Warehouse fire injures two firefighters\n" + BODY, None),
])
def test_the_models_reading_is_kept(page, tags):
    rows, _ = rows_of(page)
    tags = tags or ["headline"] + ["body"] * (len(rows) - 1)
    assert headline_over_credit(rows, tags) == tags


def test_a_tagline_under_the_masthead_gives_way():
    rows, _ = rows_of("The Branscombe Ledger\nNotes on village politics, by a retired clerk\n"
                      "Home | Council | Planning | Archive\n"
                      "Councillor's expenses claims questioned by auditors\n"
                      "Posted 11 June by Hal Ibbotson \u00b7 7 comments\n")
    tags = ["boilerplate", "headline", "boilerplate", "body", "byline"]
    assert headline_over_credit(rows, tags) == [
        "boilerplate", "boilerplate", "boilerplate", "headline", "byline"]


def test_a_headline_under_credits_that_stand_above_the_article():
    """A press-release site sets its credit row above the release's headline."""
    rows, _ = rows_of("ReleaseWire\nPress releases from organisations across the region\n"
                      "ReleaseWire publishes releases as supplied. Content is the sender's.\n"
                      "Category: Health | Released: 28 January 2025, 10:00 | Source: Trust\n"
                      "Trust announces £12 million investment in emergency department\n"
                      "FOR IMMEDIATE RELEASE\n")
    tags = ["boilerplate", "boilerplate", "standfirst", "dateline", "caption", "boilerplate"]
    assert headline_over_credit(rows, tags)[4] == "headline"


def test_a_credit_line_is_never_the_headline():
    """The model's headline on a "Posted by" line goes back to the credits, and the line in
    capitals over it (shaped like "Jane Doe, Reuters") is the headline."""
    rows, _ = rows_of("Hedgerow Notes\nHome \u00b7 About \u00b7 Walks \u00b7 Archive\n"
                      "THE QUARRY CAMP, THREE WEEKS IN\n"
                      "Posted by Ruth Ambler on 8 July 2024 \u00b7 Planning \u00b7 23 comments\n")
    tags = ["boilerplate", "boilerplate", "byline", "headline"]
    assert headline_over_credit(rows, tags) == [
        "boilerplate", "boilerplate", "headline", "byline"]


@pytest.mark.parametrize(("upper_p", "expected"), [
    (0.97, ["boilerplate", "headline", "standfirst", "byline"]),
    # an app promotion the model half-believes is no headline
    (0.63, ["boilerplate", "boilerplate", "headline", "byline"]),
])
def test_a_line_the_model_finds_likelier_over_the_one_found(upper_p, expected):
    rows, _ = rows_of("News | Sport | Community | Obituaries\n"
                      "Council chief took $380,000 in kickbacks from road contractor\n"
                      "Former shire boss pleads not guilty as case set for trial\n"
                      "By Jasmine Tullock\n")
    tags = ["boilerplate", "boilerplate", "headline", "byline"]
    assert headline_over_credit(rows, tags, [0.0, upper_p, 1.0, 0.0]) == expected


def test_a_breadcrumb_trail_is_never_the_headline():
    page = ("Harbourlight Relief Network\nAbout us | Where we work | Reports | Get involved\n"
            "Reports \u203a Crisis updates \u203a Sarrow\n"
            "Nowhere Safe: displacement in the Sarrow region, January to June\n"
            "Published 18 July 2024 | 12-page PDF | Download full report\n\nSummary\n\n" + BODY)
    assert _headline(page) == ["Nowhere Safe: displacement in the Sarrow region, January to June"]
    assert _kinds(page, "Reports \u203a Crisis") == ["boilerplate"]


@pytest.mark.parametrize(("top", "headline"), [
    # under a breadcrumb, over its deck and byline: the model took the deck
    ("TRACKSIDE | Running & Athletics\nHome | Road | Track | Trail | Results | Shop\n"
     "Road running > News\n"
     "Two runners die and 37 treated for heat illness at Ostvale Bay Marathon\n"
     "Organisers defend decision to start race as temperatures hit 29C\n"
     "By Carys Delamere | 12 May 2024 | 5 comments\n",
     "Two runners die and 37 treated for heat illness at Ostvale Bay Marathon"),
    # a short tabloid headline in capitals under the breadcrumb is no masthead
    ("DAILY BEACON\nHome | News | Sport | Celebs | TV | Health | Money\n"
     "Home \u203a News \u203a Health\nSUPERBUG SHUTS CANCER WARD\n"
     "Eleven patients hit by hospital bug as two who caught it die\n"
     "By NATALIE CORDERY, Health Correspondent\n"
     "Published 17:22 BST, 9 September 2024\n",
     "SUPERBUG SHUTS CANCER WARD"),
    # a report's header fields come between its title and the date it was posted
    ("HumanitarianHub\nEmergencies | Countries | Sectors | Maps | Data | Funding\n"
     "Home > Emergencies > Dengue outbreak - Lenmara (2024)\n"
     "Lenmara: Dengue Outbreak - Flash Update No. 3 (12 August 2024)\n"
     "Source: Lenmara Red Lotus Society; Inter-Agency Health Working Group\n"
     "Country: Lenmara\nDisaster type: Epidemic\nPosted: 13 August 2024\n",
     "Lenmara: Dengue Outbreak - Flash Update No. 3 (12 August 2024)"),
    # a translation's source line is part of its credits
    ("WORLD PRESS IN TRANSLATION\nLatest | Regions | Languages | Our translators\n"
     "Regions > West Coast > Ardesh\nPolice opened fire on voters in Ardesh\n"
     "Source: La Voz del Litoral (Port Ardesh), 2 December 2024. Translated from Spanish.\n"
     "By Rafael Domenech, Ardesh province correspondent\n",
     "Police opened fire on voters in Ardesh"),
])
def test_the_headline_slot_under_a_breadcrumb_and_a_reports_credits(top, headline):
    assert _headline(top + "\n" + BODY) == [headline]


@pytest.mark.parametrize(("top", "headline"), [
    # under a menu the line is a section name, not the headline
    ("WKTN Channel 12 | Tarrow County News\nLive | Weather | Traffic | Investigations\n"
     "CRIME & COURTS\nDrunk driver who killed Tarrow cyclist sentenced to 8 years\n"
     "By Jasmine Coleridge | WKTN Channel 12\nPublished: 3:45 PM, Nov 21\n",
     "Drunk driver who killed Tarrow cyclist sentenced to 8 years"),
    # a banner under the breadcrumb
    ("KVRN 8 NEWS | Your Pell County News Leader\nLIVE | Weather | Traffic | Radar\n"
     "News > Local News > Harlow Springs\nWEATHER ALERT: Wind advisory in effect until 7 PM\n"
     "2 dead, 5 hurt in early-morning fire at Harlow Springs apartment complex\n"
     "by Jasmine Ruelas, KVRN Staff\nTuesday, October 8th 2024 at 6:14 AM\n",
     "2 dead, 5 hurt in early-morning fire at Harlow Springs apartment complex"),
])
def test_a_section_name_or_banner_over_the_headline_is_not_it(top, headline):
    assert _headline(top + "\n" + BODY) == [headline]


def test_a_menu_set_apart_by_wide_spaces_is_never_the_headline() -> None:
    from newsaudit.models.layout.features import is_menu

    assert is_menu("Home   About   Support us   Archive   Contact")
    assert not is_menu("Police open fire on marchers in Teskovo, killing two")
    assert not is_menu("Storm hits  the coast")  # a stray double space is no menu


@pytest.mark.parametrize(("upper", "expected"), [
    # a shorter headline under the site's furniture, over the sentence that explains it
    ("Temporary stand collapses at Dunholt rugby ground, 63 injured", "headline"),
    # a banner is never the headline, however it is shaped
    ("WEATHER ALERT: Wind advisory in effect until 8 PM", "boilerplate"),
])
def test_a_headline_over_a_long_standfirst(upper: str, expected: str) -> None:
    from newsaudit.anatomy import segment_text

    page = ("WESTFIELD SPORTS DESK\nRugby Union | Rugby League | Football | Cricket | Fixtures\n\n"
            f"RUGBY UNION\n\n{upper}\n\n"
            "Spectators fall three metres as scaffold seating gives way during derby against "
            "Harlow Park\n\nWords: Owen Gethin | Pictures: Lowri Baines\nSun 7 Sep 2025, 19:10\n\n"
            "The Western Ambulance Service said its crews treated 36 people at the ground on "
            "Saturday, and nine of them were taken to hospital with injuries.\n\n"
            "The club said it had taken down the remaining temporary seating and would work "
            "with the council's safety advisory group.\n\n"
            "An investigation into the collapse has begun, the council said on Sunday.\n")
    kinds = {s.text: s.kind for s in segment_text(page)}
    assert kinds[upper] == expected
    if expected == "headline":
        assert kinds[("Spectators fall three metres as scaffold seating gives way during "
                      "derby against Harlow Park")] == "standfirst"


@pytest.mark.parametrize(("top", "headline"), [
    # a fact-check's long question and verdict, under the trail; the tagline above is none
    ("CLEARCHECK\nAn independent, non-partisan fact-checking service\n"
     "Fact checks | Explainers | How we work | Contact\n\nFact checks \u203a Health\n\n"
     "Did 90 patients die at Dunmere General during the blackout? No: the ministry's figure "
     "is 41, and most deaths were not caused by the outage\n\n"
     "Claim: \"90 patients died when the generators failed.\"\nVerdict: FALSE\n\n"
     "By Jonas Avery \u00b7 22 January\n",
     "Did 90 patients die at Dunmere General during the blackout? No: the ministry's figure "
     "is 41, and most deaths were not caused by the outage"),
    # a press release's "For immediate release" note is no headline
    ("DUNMERE HOSPITALS TRUST\nHome | Patients | Our hospitals | News\nNews > Press releases\n"
     "PRESS RELEASE\nFor immediate release \u2013 Wednesday 6 November, 17:00\n"
     "Legionella outbreak at Dunmere General: update on cases and deaths\n",
     "Legionella outbreak at Dunmere General: update on cases and deaths"),
    # a radio station's "Text the studio" line over the trail is no headline
    ("COAST FM 97.4\nListen Live  |  News  |  Traffic  |  Weather  |  Shows\n"
     "Text the studio: 81974 (standard network rates)\n\nNEWS \u203a LIVE\n\n"
     "Storm Ferrin live: one dead, 18,000 homes without power on the coast\n\n"
     "Updates from the newsroom and from you, our listeners. Newest first.\n",
     "Storm Ferrin live: one dead, 18,000 homes without power on the coast"),
])
def test_the_first_headline_shaped_line_under_the_trail(top, headline):
    body = ("\nThe regional health board said on Thursday that it had opened an inquiry into "
            "the deaths, and that its findings would be published within a month.\n\n"
            "Staff at the hospital were praised by patients' families for their work during "
            "the night, the board's chair said at a briefing.\n\n"
            "The inquiry will report to the minister, a spokesman said.\n")
    heads = [s.text for s in segment_text(top + body) if s.kind == "headline"]
    assert heads == [headline]


def test_a_line_the_cues_call_furniture_is_never_the_headline():
    # An audio player's line under the headline is no headline, whatever its place.
    rows, _ = rows_of("THE LISNAVEEN LEADER\n\nListen to this article  \u25b6 3:42\n\n"
                      "Ferry timetable to change in spring\n")
    assert never_headline(rows) == [1]


@pytest.mark.parametrize(("line", "credit"), [
    ("Dale Pritchard, News Reporter", True),
    ("Thursday 6 June \u00b7 Br\u00eddín Costigan", True),
    ("From our correspondent in Halvik", True),
    ("By Jane Roe and staff", True),
    # a headline in sentence case is no credit line, whatever the model calls it
    ("Ardnabrone\u2013Tullymoran rail line to reopen by 2027", False),
    ("Harbour wall to be rebuilt after storm", False),
])
def test_a_line_the_model_calls_a_byline_is_a_credit_only_if_it_reads_as_one(line, credit):
    rows, _ = rows_of(line + "\n")
    assert _credit_like(rows, 0, "byline") is credit


@pytest.mark.parametrize(("top", "headline"), [
    # an opinion page's headline may be two sentences when it asks a question; the
    # sentence under it, then the columnist's name and the date, are not the headline
    ("THE MARSHFORD OBSERVER\nNews | Opinion | Business | Sport\n\n"
     "Opinion > Columnists > Ada Quill\n\n"
     "The cold killed more people than the storm. Why do we still plan only for wind?\n\n"
     "A town that clears fallen trees in a day leaves its elderly cold for a week\n\n"
     "By Ada Quill\nTuesday 4 February 2025\n\n",
     "The cold killed more people than the storm. Why do we still plan only for wind?"),
    # a radio player's "NOW PLAYING" line is furniture
    ("KDRW 101.3 Coast Country\nListen Live | On Air | News | Podcasts\n\n"
     "NOW PLAYING: Afternoon Drive with Jo & Sam\n\n"
     "Wind knocks out power to 9,000 homes in Carrow County\n"
     "Posted by KDRW News Team \u00b7 Tue, Mar 3 \u00b7 6:15 AM\n\n",
     "Wind knocks out power to 9,000 homes in Carrow County"),
    # a live page's first entry under its share row and "Key points" is not its headline
    ("THE CARROW VALLEY COURIER\nHome > News > Live\n\nLIVE\n\n"
     "Carrow floods live: about 200 still stranded as death toll rises to 9\n"
     "Updated 21:52, Sunday 14 April\n"
     "Share on Facebook | Share on X | Email | Copy link\n\n"
     "Key points\n\n"
     "Regional governor's office confirms nine deaths, up from six this afternoon\n\n"
     "Fire crews say about 200 people are still waiting to be taken off rooftops\n\n"
     "21:40\n\n",
     "Carrow floods live: about 200 still stranded as death toll rises to 9"),
])
def test_the_headline_over_a_standfirst_a_player_or_a_share_row(top, headline):
    assert _headline(top + BODY) == [headline]


def test_a_tagline_over_the_trail_names_nothing_the_lead_tells():
    # The model is sure of the site's tagline under the masthead; the line under the trail
    # names what the lead tells (the warehouse fire in Carrow), the tagline nothing of it.
    page = ("COASTAL DIGEST\nSelected reports from the regional press, summarised weekly\n"
            "Home > Digests > Harbour towns\n"
            "Warehouse fire in Carrow closes the harbour road; crews fight the blaze\n"
            "By Mara Lindqvist\n\nA warehouse fire in Carrow " + BODY[0].lower() + BODY[1:])
    rows, _ = rows_of(page)
    tags = ["boilerplate", "headline", "boilerplate", "body", "byline"] + ["body"] * (
        len(rows) - 5)
    sure = [0.0, 0.99, 0.0, 0.3] + [0.0] * (len(rows) - 4)
    assert headline_under_breadcrumb(rows, tags, sure)[:4] == [
        "boilerplate", "boilerplate", "boilerplate", "headline"]
    # A headline the model is sure of that names the story keeps its place over the trail.
    rows[1] = dataclasses.replace(rows[1], text="Carrow warehouse blaze: the harbour road shut")
    assert headline_under_breadcrumb(rows, tags, sure)[:4] == tags[:4]


@pytest.mark.parametrize("entry", [
    "12.29 The Herald's Ruth Kimani reports:",
    "14:30 - Police close the bridge to traffic",
    "9:05am: The council confirms the road is shut",
    "16.45 GMT \u2013 Ferry services resume",
])
def test_a_live_blogs_timed_entry_is_never_the_headline(entry: str) -> None:
    rows, _ = rows_of(f"{entry}\n")
    assert never_headline(rows) == [0]


@pytest.mark.parametrize("line", [
    "12.50 per cent of homes still without power",
    "1.25 billion people face water shortages, report says",
    "10.30 Avenue shooting: two men charged",
])
def test_a_figure_with_two_decimals_is_not_a_clock_time(line: str) -> None:
    # "10.30 Avenue": a clock time followed by a name reads as an entry; a figure before
    # its unit or magnitude does not
    rows, _ = rows_of(f"{line}\n")
    assert (never_headline(rows) == [0]) == line.startswith("10.30")


def test_a_live_blog_under_its_headline_keeps_the_headline() -> None:
    page = ("Ferry operator names vessel that struck the harbour wall\n\n"
            "\u2022 Two crew members hurt \u2022 Port closed overnight \u2022 Inquiry opened\n\n"
            "Latest\n\n"
            "12.29 The Herald's Ruth Kimani reports:\n\n" + BODY +
            "\n12.14 Our correspondent at the port says:\n\n" + BODY)
    assert _headline(page) == ["Ferry operator names vessel that struck the harbour wall"]
    assert _kinds(page, "12.29 The Herald") != ["headline"]


def test_a_title_under_the_articles_paragraphs_is_not_its_headline() -> None:
    # a sidebar's story title under two paragraphs of the article: not the headline
    sidebar = "Singer Teases Surprise Reunion Tour For Next Summer"
    page = ("Rumours that the stadium would close spread quickly online on Monday evening, "
            "leaving season-ticket holders worried about where their club would play.\n"
            "The club said in a short statement that the report was false and that the "
            "stadium would stay open for the rest of the season.\n\n"
            "Celebrity News\n" + sidebar + "\n\n" + BODY)
    assert _headline(page) != [sidebar]
    rows, _ = rows_of(page)
    tags = ["body", "body", "boilerplate", "headline"] + ["body"] * (len(rows) - 4)
    assert buried_headline(rows, tags) == [3]
    # under menus or a cookie line the model misread as body, the headline still opens
    # the article: those rows are not the article's paragraphs
    short = ["Home", "Sport"] + [r.text for r in rows[2:]]
    rows2, _ = rows_of("\n".join(short) + "\n")
    assert buried_headline(rows2, tags) == []


def test_the_line_over_the_credits_under_a_long_menu_is_the_headline() -> None:
    # a whole page dumped as text: thirty lines of the site's menus above the article
    menu = "\n".join(f"Section {n}" for n in ("News", "Sport", "Weather", "Business",
                                                "Culture", "Travel", "Food", "Health",
                                                "Science", "Tech", "Motoring", "Property",
                                                "Jobs", "Dating", "Puzzles", "Podcasts",
                                                "Video", "Opinion", "Letters", "Obituaries",
                                                "Archive", "Events", "Offers", "Shop",
                                                "Contact", "Advertise", "Careers", "Help"))
    head = "Warehouse fire on Mill Lane burns for six hours as crews fight the blaze"
    page = (f"{menu}\n\n{head}\n\nBy Ada Whitlow\n23 April 2026\n\n" + BODY)
    assert _headline(page) == [head]


@pytest.mark.parametrize(("top", "deck"), [
    ("Watch: Ferry crew pulls swimmer from harbour in dramatic rescue",
     "This footage shows how close the swimmer came to the rocks."),
    ("Was The Town Hall Clock Stolen Overnight?",
     "Only in Branscombe? The clock's hands were found in a hedge\u2026"),
])
def test_a_pasted_headline_over_a_one_sentence_standfirst(top: str, deck: str) -> None:
    page = f"{top}\n\n{deck}\n\n" + BODY + "\n" + BODY + "\n" + BODY  # the model reads it
    kinds = {s.text: s.kind for s in segment_text(page)}
    assert kinds[top] == "headline"
    assert kinds[deck] in ("standfirst", "body")
    # where the model reads both lines as furniture (FNC-1's "Watch: US marine survives
    # ..." over "This video is the epitome of a close shave."), the rule restores them
    rows, _ = rows_of(page)
    tags = ["boilerplate", "boilerplate"] + ["body"] * (len(rows) - 2)
    assert pasted_headline(rows, tags)[:3] == ["headline", "standfirst", "body"]


def test_a_second_line_that_reports_or_runs_on_is_no_standfirst() -> None:
    for second in ("Police said the swimmer was taken to hospital.",  # reported speech
                   "Ferry crews"):  # no sentence
        page = f"Ferry crew pulls swimmer from harbour in dramatic rescue\n\n{second}\n\n" + BODY
        rows, _ = rows_of(page)
        tags = ["boilerplate", "boilerplate"] + ["body"] * (len(rows) - 2)
        assert pasted_headline(rows, tags) == tags


def test_a_line_of_script_is_never_the_headline() -> None:
    rows, _ = rows_of("mboxCreate('Herald-Politics-Autoplay-Videos');\n"
                      "Apple(AAPL) shares rise after results\n")
    assert never_headline(rows) == [0]


def test_the_first_of_two_title_lines_is_the_headline() -> None:
    head = "Council Names New Harbour Master"
    deck = "The appointment ends six months without a harbour master"
    rows, _ = rows_of(f"{head}\n\n{deck}\n\n" + BODY)
    tags = ["boilerplate", "headline"] + ["body"] * (len(rows) - 2)
    assert headline_over_deck(rows, tags, [0.4, 0.9] + [0.0] * (len(rows) - 2))[:2] == [
        "headline", "standfirst"]
    # one the model finds an unlikely headline, a masthead, or a line run on to the next
    # keeps the model's reading
    assert headline_over_deck(rows, tags, [0.1, 0.9] + [0.0] * (len(rows) - 2)) == tags
    rows2, _ = rows_of(f"THE HARBOUR HERALD\n\n{deck}\n\n" + BODY)
    assert headline_over_deck(rows2, tags, [0.4, 0.9] + [0.0] * (len(rows2) - 2)) == tags
    rows3, _ = rows_of(f"{head}\n{deck}\n\n" + BODY)
    assert headline_over_deck(rows3, tags, [0.4, 0.9] + [0.0] * (len(rows3) - 2)) == tags
