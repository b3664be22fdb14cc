"""The HTML reader keeps a news page's furniture out of its body: sidebars and teaser cards
of other stories are ``related``, promos and standards boxes ``boilerplate``, and invisible
characters (soft hyphens) never reach the analysed text (issue 8). The pages are written
for these tests in the style of real news sites."""

from __future__ import annotations

import lxml.html

from newsaudit.ingest import load_page
from newsaudit.ingest.blocks import page_blocks
from newsaudit.ingest.html import _body_paragraphs
from newsaudit.ingest.regions import Regions
from paths import REPO

HTML_DIR = REPO / "tests" / "fixtures" / "html"


def _segments(name: str) -> list[tuple[str, str]]:
    html = (HTML_DIR / name).read_text(encoding="utf-8")
    return [(s.kind, s.text) for s in load_page(html, source=name, fmt="html").segments]


def test_news_page_with_sidebar_teasers_promo_gallery_and_comments():
    assert _segments("harbour_sidebar_promo.html") == [
        ("headline", "Ferry crossings halted after warehouse fire at Port Carrow"),
        ("byline", "By Mara Lindqvist"),
        ("dateline", "2 March 2026"),
        ("body", "Ferry crossings between Port Carrow and the islands were halted on Monday "
                 "after a fire broke out in a timber warehouse beside the harbour, the port "
                 "authority said."),
        # The soft hyphen in "fire&shy;fighters" is gone: the word is one word again.
        ("body", "Nobody was hurt, the authority said, and around 40 firefighters worked "
                 "through the morning to stop the flames reaching the fuel depot next door."),
        ("body", "Crossings are expected to resume on Tuesday once the smoke has cleared from "
                 "the channel, according to the operator, which said passengers holding "
                 "tickets would be refunded."),
        ("body", "The cause of the fire is under investigation."),
        ("boilerplate", "Support independent local journalism. Become a member from £3 a "
                        "month and read every story without limits."),
        ("boilerplate", "Our Standards: The Carrow Courier principles of accuracy and "
                        "fairness."),
        # The gallery's captions are of other pictures: neither caption nor body.
        ("caption", "Smoke rises over the harbour wall on Monday morning. Photograph: "
                    "Ewan Doyle"),
        # A bare credit under a picture, marked only by its class.
        ("caption", "© Carrow Port Authority"),
        ("related", "Most read"),
        ("related", "Council approves new cycle lanes on the seafront road"),
        ("related", "Record catch for Carrow trawler fleet this winter"),
        ("related", "Lighthouse keeper's cottage sold at auction"),
        # Teaser cards below the article, marked as headlines and bylines of other stories,
        # and a bare link line of other news: no "related" class, but all links.
        ("related", "Storm warning issued for the northern coast tonight"),
        ("related", "Ian Moore"),
        ("related", "Harbour master to retire after thirty years"),
        ("related", "Carrow Fringe festival announces this summer's line-up"),
        ("comment", "harbourwatcher\nWe could see the smoke from the other side of the bay. "
                    "Hope the crews are all safe."),
        ("comment", "Dee\nThird fire on that quay in two years. Somebody should be asking "
                    "questions."),
        # The newsletter box's sign-up form: a form, while the box's pitch is left out.
        ("form", "Sign up"),
    ]


PROMO_PAGE = """<html><body><main><article><h1>Dredging to start in May</h1>
<p>Dredging of the harbour mouth will start in May and last six weeks, the council said on
Thursday after the contract was signed.</p>
<div class="newsletter-box"><p>Sign up for the Tide</p><p>The week's coastal news, every
Friday morning</p></div>
<p>Boats will be able to use the harbour at high tide while the work goes on.</p>
</article></main></body></html>"""


def test_a_paragraph_joining_a_promo_box_lines_is_furniture():
    tree = lxml.html.fromstring(PROMO_PAGE)
    article = ["Dredging of the harbour mouth will start in May and last six weeks, the "
               "council said on Thursday after the contract was signed.",
               "Boats will be able to use the harbour at high tide while the work goes on."]
    regions = Regions(page_blocks(tree, article=article))
    # An extractor that runs the box's two lines together into one paragraph.
    joined = "Sign up for the Tide The week's coastal news, every Friday morning"
    assert regions.furniture(joined) == "boilerplate"
    assert regions.furniture(article[0]) is None
    # Half article and half promo is not furniture: the article's words are kept.
    assert regions.furniture(article[1] + " Sign up for the Tide") is None


def test_table_row_is_furniture_only_when_each_cell_is():
    tree = lxml.html.fromstring(
        "<html><body><article><p>Tide times for the week ahead at the harbour mouth.</p>"
        "<table><tr><td>Monday</td><td>06:12</td></tr></table></article>"
        "<div class='sidebar'><p>Weather</p><p>Webcams</p></div></body></html>")
    regions = Regions(page_blocks(tree))
    assert regions.furniture("Weather | Webcams") == "related"
    assert regions.furniture("Monday | Webcams") is None


def test_code_inside_a_paragraph_stays_in_it():
    from lxml import etree

    class Extracted:
        body = etree.fromstring(
            "<body><p>Create it with <code>python -m venv env</code> and activate it.</p>"
            "<code>pip install requests</code></body>")

    assert _body_paragraphs(Extracted()) == [
        "Create it with python -m venv env and activate it.", "pip install requests"]


def test_a_layout_table_gives_its_article_cell_as_paragraphs():
    from lxml import etree

    class Extracted:
        # An old site's page table, as trafilatura returns it: the menu, the article and
        # the sidebar are cells of one row.
        body = etree.fromstring(
            "<body><table><row><cell><head>Search</head><p>Search our archive:</p></cell>"
            "<cell><head>Mill pond to be drained</head>"
            "<p>The mill pond at Ashby will be drained in June so the dam can be repaired.</p>"
            "<p>Fish will be moved to the river first, the parish council said.</p>"
            "<p>Walkers can still use the path along the north bank.</p></cell>"
            "<cell><head>Most read</head><p>Fete moves indoors</p></cell></row></table></body>")

    assert _body_paragraphs(Extracted()) == [
        "Mill pond to be drained",
        "The mill pond at Ashby will be drained in June so the dam can be repaired.",
        "Fish will be moved to the river first, the parish council said.",
        "Walkers can still use the path along the north bank."]


def test_a_data_table_whose_cells_hold_a_heading_and_a_note_stays_rows():
    from lxml import etree

    class Extracted:
        body = etree.fromstring(
            "<body><table><row><cell>Setting</cell><cell>Values</cell></row>"
            "<row><cell><head>Game speed</head><p>How fast the match is played.</p></cell>"
            "<cell><list><item>Slow</item><item>Normal</item></list></cell></row>"
            "<row><cell><head>Injuries</head><p>Whether players can be hurt.</p></cell>"
            "<cell><list><item>On</item><item>Off</item></list></cell></row></table></body>")

    assert _body_paragraphs(Extracted()) == [
        "Setting | Values",
        "Game speed How fast the match is played. | Slow Normal",
        "Injuries Whether players can be hurt. | On Off"]


def _title(html: str, hint: str | None = None) -> str | None:
    from newsaudit.ingest.title import page_title

    tree = lxml.html.fromstring(html)
    return page_title(tree, [b.text for b in page_blocks(tree)], hint=hint)


def test_headline_is_the_h1_among_the_title_parts_not_the_show_name():
    html = ("<html><head><title>Harbour Hours | Episode 12: The last lighthouse keeper | "
            "Tidewater Audio</title></head><body><p class='show'>Harbour Hours</p>"
            "<h1>Episode 12: The last lighthouse keeper</h1><p>In this episode we meet the "
            "woman who kept the Carrow light for thirty years.</p></body></html>")
    # The extractor's guess (the show's name, first in the <title>) is a line of the page
    # too, but the <h1> is another part of the title.
    assert _title(html, hint="Harbour Hours") == "Episode 12: The last lighthouse keeper"


def test_a_blog_whose_h1_is_its_name_gets_the_post_title():
    html = ("<html><head><title>Repotting a fig tree in winter | Greenhouse Notes</title>"
            "<meta property='og:site_name' content='Greenhouse Notes'></head><body>"
            "<h1>Greenhouse Notes</h1><h2>Repotting a fig tree in winter</h2>"
            "<p>My fig had outgrown its pot, so last week I moved it to a bigger one.</p>"
            "</body></html>")
    assert _title(html, hint="Greenhouse Notes") == "Repotting a fig tree in winter"


def test_an_extractor_guess_that_is_the_title_s_site_part_is_not_the_headline():
    # No og:site_name: the site's name is only the <title>'s last part, and the <h1>.
    html = ("<html><head><title>Structural design | Carrow Engineers</title></head><body>"
            "<h1>Carrow Engineers</h1><h3>Structural design</h3>"
            "<p>We design the frames of houses, halls and bridges in timber and steel.</p>"
            "</body></html>")
    assert _title(html, hint="Carrow Engineers") == "Structural design"


def test_an_h1_that_is_the_title_without_its_section_kicker_is_the_headline():
    html = ("<html><head><title>Chronicle: Harbour ferry fares rise - Carrow Post</title>"
            "</head><body><p>Chronicle</p><h1>Harbour ferry fares rise</h1>"
            "<p>Tickets for the island ferry will cost a fifth more from May.</p></body></html>")
    assert _title(html) == "Harbour ferry fares rise"


def test_site_suffix_after_a_star_separator_is_cut():
    html = ("<html><head><title>Club signs two new goalkeepers \u22c6 Carrow Handball</title>"
            "<meta property='og:site_name' content='Carrow Handball'></head><body>"
            "<p>The club has signed two goalkeepers for the new season.</p></body></html>")
    assert _title(html) == "Club signs two new goalkeepers"


def test_title_matches_the_h1_whatever_its_punctuation():
    # The <title> joins kicker and title with a colon; the page prints them as two spans.
    html = ("<html><head><title>Ferry strike: Crossings to Port Carrow cancelled until Monday"
            " | Tidewater Post</title></head><body><h1><span>Ferry strike</span> "
            "<span>Crossings to Port Carrow cancelled until Monday</span></h1>"
            "<p>No ferry will leave the harbour before Monday, the operator said.</p>"
            "</body></html>")
    assert _title(html) == "Ferry strike Crossings to Port Carrow cancelled until Monday"


def test_h1_printing_a_kicker_with_the_title_is_the_headline():
    html = ("<html><head><title>Carrow council approves new harbour wall | Tidewater Post"
            "</title></head><body><p class='nav'>Local news</p>"
            "<h1>\"A wall for a century\" / Carrow council approves new harbour wall</h1>"
            "<p>The council voted nine to two for the wall on Tuesday.</p></body></html>")
    assert _title(html) == ("\"A wall for a century\" / Carrow council approves new harbour "
                            "wall")


def test_h1_sharing_some_words_with_the_title_is_not_taken_for_it():
    html = ("<html><head><title>Carrow council approves new harbour wall | Tidewater Post"
            "</title></head><body><h1>Carrow council news</h1>"
            "<p>The council voted nine to two for the wall on Tuesday.</p></body></html>")
    assert _title(html) == "Carrow council approves new harbour wall | Tidewater Post"
