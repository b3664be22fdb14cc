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


def _kinds(html: str) -> dict[str, str]:
    return {s.text: s.kind for s in load_page(html, source="<test>", fmt="html").segments}


ARTICLE_PARAS = (
    "<p>The island ferry will run twice a day through the winter, the operator said on "
    "Monday, after a month in which storms cancelled one crossing in three.</p>"
    "<p>Passengers who bought tickets for cancelled crossings will be refunded in full, and "
    "the operator said it would add a third boat in the spring.</p>"
    "<p>Residents had asked for a winter timetable they could rely on, the council said, "
    "and welcomed the change after a meeting with the operator.</p>"
)


def test_ruby_readings_are_not_text():
    html = ("<html><body><article><h1>Words of the week</h1><p>Train groping, "
            "<ruby>痴漢<rp>(</rp><rt>ちかん</rt><rp>)</rp></ruby> in Japanese, is a crime "
            "that passengers can help stop by calling the station staff at once.</p>"
            + ARTICLE_PARAS + "</article></body></html>")
    blocks = page_blocks(lxml.html.fromstring(html))
    assert any("Train groping, 痴漢 in Japanese" in b.text for b in blocks)
    assert not any("ちかん" in b.text for b in blocks)
    assert not any("ちかん" in text for text in _kinds(html))


def test_a_read_more_pointer_in_the_article_is_related_not_body():
    html = ("<html><body><article><h1>Ferry keeps a winter timetable</h1>" + ARTICLE_PARAS
            + "<p><a href='/a'>&gt;&gt; Harbour master to retire after thirty years &lt;&lt;"
            "</a></p><p>Read also » <a href='/b'>Storm warning issued for the northern coast"
            "</a></p><p>The new timetable starts on the first Monday of November, with the "
            "first boat leaving the island at seven in the morning.</p>"
            "</article></body></html>")
    kinds = _kinds(html)
    assert kinds[">> Harbour master to retire after thirty years <<"] == "related"
    assert kinds["Read also » Storm warning issued for the northern coast"] == "related"
    assert kinds["The new timetable starts on the first Monday of November, with the first "
                 "boat leaving the island at seven in the morning."] == "body"


def test_a_linked_sentence_without_an_arrow_stays_body():
    tree = lxml.html.fromstring(
        "<html><body><article><h1>Ferry</h1><p><a href='/r'>The full report on winter "
        "crossings</a> is on the council's site.</p></article></body></html>")
    regions = Regions(page_blocks(tree))
    assert not regions.read_more("The full report on winter crossings is on the council's site.")
    # An arrow after a long sentence is no lead-in: the line is the article's.
    assert not regions.read_more("Jetzt alle Fahrpläne für den Winter ansehen und buchen »")


def test_zone_words_inside_one_word_class_names():
    from newsaudit.ingest.blocks import element_zone

    def zone(cls: str) -> str:
        return element_zone(lxml.html.fromstring(f"<div class='{cls}'>x</div>"))

    assert zone("cookiefooter") == "promo"
    assert zone("v-A_-paidbox-container") == "promo"
    assert zone("sharebuttons") == "share"
    assert zone("usertitle") == "nav"
    # A compound of a word that content containers also use names nothing.
    assert zone("commentary") == ""
    assert zone("bannerimage") == ""


def test_a_paid_box_and_a_noscript_notice_in_the_article_are_not_body():
    html = ("<html><body><article><h1>Ferry keeps a winter timetable</h1>" + ARTICLE_PARAS
            + "<div class='plan-paidbox'><p>Get our eight-week training plan for only "
            "14.90 euros and start today.</p></div><div id='noscript'><p>This site needs "
            "JavaScript switched on to show you the timetable.</p></div>"
            "</article></body></html>")
    kinds = _kinds(html)
    assert kinds.get("Get our eight-week training plan for only 14.90 euros and start "
                     "today.") != "body"
    assert kinds.get("This site needs JavaScript switched on to show you the timetable.") != (
        "body")
    assert sum(k == "body" for k in kinds.values()) == 3


def test_a_line_of_the_comment_thread_trafilatura_kept_is_not_body():
    tree = lxml.html.fromstring(
        "<html><body><article><p>The ferry will run twice a day through the winter.</p>"
        "</article><div id='comments'><p>Log in to comment on this story.</p></div>"
        "</body></html>")
    regions = Regions(page_blocks(tree))
    assert regions.furniture("Log in to comment on this story.") == "boilerplate"


def test_an_h1_that_rewords_the_seo_title_is_the_headline():
    html = ("<html><head><title>Company cars: lease or buy? What pays off</title>"
            "<meta property='og:title' content='Company cars: lease or buy? What pays off'>"
            "</head><body><p class='logo'>Fleet Guide</p><h1>Company cars: leasing or "
            "buying?</h1><p>Whether to lease or buy a company car depends on how long you "
            "keep it.</p></body></html>")
    assert _title(html) == "Company cars: leasing or buying?"


def test_a_subheading_in_h1_sharing_two_words_with_a_long_title_is_not_the_headline():
    title = ("Leandra Lou, the other fashion blog, now between book covers: Leandra writes "
             "about everything fashion fans care about, from diets to handbags")
    html = (f"<html><head><title>{title}</title></head><body><p>{title}</p>"
            "<h1>Do you read fashion blogs?</h1><p>Then read this one.</p></body></html>")
    assert _title(html) == title


def test_a_site_name_run_on_to_the_title_is_cut_off():
    html = ("<html><head><title>Truck wash on the A31The other business directory | The "
            "other business directory</title></head><body><h1>The other business "
            "directory</h1><h1>Truck wash on the A31</h1><p>Open day and night for lorries "
            "of every size.</p></body></html>")
    assert _title(html) == "Truck wash on the A31"


def test_a_title_that_starts_with_the_site_name_gives_its_last_part():
    html = ("<html><head><title>Carrow Handball | Club signs two new goalkeepers</title>"
            "<meta property='og:site_name' content='Carrow Handball'></head><body>"
            "<p class='logo'>Carrow Handball</p><h2>Club signs two new goalkeepers</h2>"
            "<p>The club has signed two goalkeepers for the new season.</p></body></html>")
    assert _title(html, hint="Carrow Handball") == "Club signs two new goalkeepers"


def test_german_ad_donation_and_form_boxes_and_similar_threads_are_not_body():
    # Class words of German sites ("werbung" an ad, "spenden" a donation appeal,
    # "formular" a form), a forum's "similar threads" box and an outdated-browser notice.
    html = ("<html><body><div id='PageOutdated'><p>Your browser is too old to show this "
            "site as it was meant to be shown; please update it.</p></div><article>"
            "<h1>Ferry keeps a winter timetable</h1>" + ARTICLE_PARAS
            + "<div class='werbung-box'><p>ANZEIGE</p><p>Book your island holiday with "
            "Carrow Travel and save ten per cent.</p></div><div id='site_spenden' "
            "class='box'><h3>Show that you value our work!</h3><p>Every euro helps us keep "
            "the Courier free for all readers.</p></div></article><div class='formular'><p>"
            "Letters can only be sent on the day an article is published, and at most fifty "
            "are printed.</p></div><div id='similar_threads'><h4>Similar threads</h4><ul><li>"
            "<a href='/t/1'>Winter timetable for the north ferry</a></li><li><a href='/t/2'>"
            "Refunds for cancelled crossings</a></li></ul></div></body></html>")
    segments = [(s.kind, s.text) for s in load_page(html, source="<t>", fmt="html").segments]
    assert [k for k, _ in segments[:4]] == ["headline", "body", "body", "body"]
    assert segments[4:] == [
        ("boilerplate", "ANZEIGE"),
        ("boilerplate", "Book your island holiday with Carrow Travel and save ten per cent."),
        ("boilerplate", "Show that you value our work!"),
        ("boilerplate", "Every euro helps us keep the Courier free for all readers."),
        ("related", "Similar threads"),
        ("related", "Winter timetable for the north ferry"),
        ("related", "Refunds for cancelled crossings"),
        ("form", "Letters can only be sent on the day an article is published, and at most "
                 "fifty are printed."),
    ]
    assert not any("browser is too old" in text for _, text in segments)


def test_a_picture_credit_and_an_ad_label_in_the_article_text_are_not_body():
    html = ("<html><body><article><h1>Ferry keeps a winter timetable</h1>" + ARTICLE_PARAS
            + "<p><em>Titelbild: Ewan Doyle/Carrow Photo Agency</em></p><p>Anzeige</p>"
            "</article></body></html>")
    segments = [(s.kind, s.text) for s in load_page(html, source="<t>", fmt="html").segments]
    assert [k for k, _ in segments[:4]] == ["headline", "body", "body", "body"]
    assert segments[4:] == [("boilerplate", "Titelbild: Ewan Doyle/Carrow Photo Agency"),
                            ("boilerplate", "Anzeige")]


def test_label_lines():
    from newsaudit.ingest.regions import label_line

    assert label_line("Foto: Jane Roe")
    assert label_line("Bildnachweis:")
    assert label_line("*Werbung")
    assert label_line("ANZEIGE")
    # Prose that merely opens with the word, or a long line after the label, is not.
    assert not label_line("Bilder aus dem Hafen zeigen die Fähre im Sturm.")
    assert not label_line("Bild: " + "Die Fähre fährt im Winter zweimal am Tag, sagte der "
                          "Betreiber am Montag nach einem Monat mit vielen Stürmen.")
    assert not label_line("Anzeige erstattet")


def test_an_appeal_linking_to_a_subscription_or_donation_page_is_not_body():
    html = ("<html><body><article><h1>Ferry keeps a winter timetable</h1>" + ARTICLE_PARAS
            + "<p>Enjoyed this story? <a href='https://courier.example/support/donate'>Help "
            "us keep reporting</a> with a small gift.</p><p>Read the timetable on <a "
            "href='https://ferry.example/timetable'>the operator's site</a> before you "
            "travel.</p><p>Join our channel: <a href='https://t.me/carrowcourier'>Carrow "
            "Courier on Telegram</a></p></article></body></html>")
    segments = [(s.kind, s.text) for s in load_page(html, source="<t>", fmt="html").segments]
    assert segments[1:] == [
        *[("body", p) for p in (
            "The island ferry will run twice a day through the winter, the operator said on "
            "Monday, after a month in which storms cancelled one crossing in three.",
            "Passengers who bought tickets for cancelled crossings will be refunded in full, "
            "and the operator said it would add a third boat in the spring.",
            "Residents had asked for a winter timetable they could rely on, the council said, "
            "and welcomed the change after a meeting with the operator.")],
        ("boilerplate", "Enjoyed this story? Help us keep reporting with a small gift."),
        # A link to an ordinary page leaves the line in the article.
        ("body", "Read the timetable on the operator's site before you travel."),
        ("boilerplate", "Join our channel: Carrow Courier on Telegram"),
    ]


def test_a_long_paragraph_linking_to_a_member_page_is_no_appeal():
    from newsaudit.ingest.regions import appeal_line

    long_para = ("The bill, which a member of parliament put forward last spring, gives "
                 "parents three days of paid leave, and the committee that studied it heard "
                 "from midwives, employers and the unions before it sent it back to the "
                 "house with two changes to the wording of the second clause.")
    linked = long_para.replace("a member of parliament",
                               "<a href='/bill/donate'>a member of parliament</a>")
    blocks = page_blocks(lxml.html.fromstring(f"<html><body><p>{linked}</p></body></html>"))
    assert not appeal_line(blocks[0], long_para)


def test_a_linked_teaser_of_the_site_s_own_story_is_related_a_cited_source_stays_body():
    html = ("<html><head><link rel='canonical' href='https://www.courier.example/news/ferry'>"
            "</head><body><article><h1>Ferry keeps a winter timetable</h1>" + ARTICLE_PARAS
            + "<p><a href='https://www.courier.example/news/harbour-master'>Harbour master to "
            "retire after thirty years</a></p><p><a href='/news/storm'>Storm warning issued "
            "for the northern coast</a></p><p><a href='https://ferry.example/report.pdf'>The "
            "operator's winter report</a></p><p>The new timetable starts on the first Monday "
            "of November, the operator said.</p></article></body></html>")
    segments = [(s.kind, s.text) for s in load_page(html, source="<t>", fmt="html").segments]
    assert [k for k, _ in segments[:4]] == ["headline", "body", "body", "body"]
    assert segments[4:] == [
        ("related", "Harbour master to retire after thirty years"),
        ("related", "Storm warning issued for the northern coast"),
        ("body", "The new timetable starts on the first Monday of November, the operator said."),
    ]
    # A line all link to another site is the article citing its source, not a teaser.
    tree = lxml.html.fromstring(html)
    regions = Regions(page_blocks(tree), url="https://www.courier.example/news/ferry")
    assert regions.teaser("Storm warning issued for the northern coast")
    assert not regions.teaser("The operator's winter report")
    assert not Regions(page_blocks(tree)).teaser("Storm warning issued for the northern coast")


def test_a_list_of_the_site_s_stories_and_its_lead_in_are_related_a_list_of_sources_not():
    from newsaudit.ingest.regions import teaser_line

    html = ("<html><head><meta property='og:url' content='https://courier.example/ferry'>"
            "</head><body><article><h1>Ferry keeps a winter timetable</h1>" + ARTICLE_PARAS
            + "<p>Read also:</p><ul><li><a href='/harbour'>Harbour master to retire after "
            "thirty years</a></li><li><a href='https://courier.example/storm'>Storm warning "
            "issued for the northern coast</a></li></ul><p>Sources:</p><ul><li><a "
            "href='https://ferry.example/report'>The operator's winter report</a></li><li><a "
            "href='https://council.example/minutes'>The council's meeting minutes</a></li>"
            "</ul></article></body></html>")
    tree = lxml.html.fromstring(html)
    blocks = page_blocks(tree)
    regions = Regions(blocks, url="https://courier.example/ferry")
    assert regions.teaser("Read also:")
    assert regions.teaser("Harbour master to retire after thirty years")
    assert regions.teaser("Storm warning issued for the northern coast")
    assert not regions.teaser("Sources:")
    assert not regions.teaser("The operator's winter report")
    # One linked item in a list of prose items is no teaser list.
    mixed = lxml.html.fromstring(
        "<ul><li><a href='/a'>Harbour master to retire after thirty years</a></li><li>Bring "
        "a coat: the deck is cold in winter.</li></ul>")
    item = page_blocks(mixed)[0]
    assert not teaser_line(item, item.text, "courier.example")


def test_a_blog_s_likes_line_is_not_body_a_paragraph_about_likes_stays():
    from newsaudit.ingest.blocks import element_zone

    assert element_zone(lxml.html.fromstring("<div class='likes-text'>x</div>")) == "share"
    html = ("<html><body><article><h1>Ferry keeps a winter timetable</h1>" + ARTICLE_PARAS
            + "<p>What the island likes most about the plan is the third boat, residents "
            "told the council.</p></article><div id='likes-other-gravatars'><div "
            "class='likes-text'>%d bloggers like this:</div></div></body></html>")
    kinds = _kinds(html)
    assert kinds.get("%d bloggers like this:") != "body"
    assert kinds["What the island likes most about the plan is the third boat, residents told "
                 "the council."] == "body"


def test_a_paragraph_joining_a_reader_comment_s_name_and_text_is_the_comment():
    tree = lxml.html.fromstring(
        "<html><body><article><p>The ferry will run twice a day through the winter, the "
        "operator said.</p><p>harbourwatcher, a local blogger, had asked for the change.</p>"
        "</article><div id='comments'><div class='comment'><div class='author'><a href='/u/1'>"
        "harbourwatcher</a></div><div class='text'>We could see the smoke from the other "
        "side of the bay. Hope the crews are all safe.</div></div></div></body></html>")
    regions = Regions(page_blocks(tree))
    # An extractor that runs the commenter's name on into the comment's text.
    joined = ("harbourwatcher We could see the smoke from the other side of the bay. Hope the "
              "crews are all safe.")
    assert regions.furniture(joined) == "comment"
    # An article paragraph that names the commenter is not the comment.
    assert regions.furniture("harbourwatcher, a local blogger, had asked for the change.") is None


def test_a_picture_agency_credit_line_in_the_article_text_is_not_body():
    from newsaudit.ingest.regions import label_line

    for line in ("Getty Images", "© iStock", "iStock/Jane Roe", "Image copyright Shutterstock",
                 "Getty Images / AFP", "Bild: shutterstock", "Photo: Unsplash"):
        assert label_line(line), line
    # Sentences about the agencies are prose.
    assert not label_line("Getty Images said on Monday it would cut 100 jobs.")
    assert not label_line("Shutterstock is a company that sells photos.")
    html = ("<html><body><article><h1>Ferry keeps a winter timetable</h1>" + ARTICLE_PARAS
            + "<p>Getty Images</p><p>Shutterstock, which sells the operator's pictures, "
            "said the photos were taken in March.</p></article></body></html>")
    kinds = _kinds(html)
    assert kinds["Getty Images"] == "boilerplate"
    assert kinds["Shutterstock, which sells the operator's pictures, said the photos were "
                 "taken in March."] == "body"


def test_a_paragraph_joining_a_run_of_link_lines_is_furniture_prose_with_links_is_not():
    tree = lxml.html.fromstring(
        "<html><body><article><p>The ferry will run twice a day through the winter, the "
        "operator said.</p><div><a href='/timetable'>Winter timetable</a></div><div>Crossings "
        "resume on Tuesday once the smoke has cleared, the operator said.</div><div><a "
        "href='/refunds'>Refunds</a></div></article><div class='bottom-box'><div><a "
        "href='/service'>Service</a></div><div><a href='/newsletter'>Newsletter</a></div><div>"
        "<a href='/imprint'>Imprint</a></div><div><a href='/privacy'>Privacy policy</a></div>"
        "</div></body></html>")
    regions = Regions(page_blocks(tree))
    # An extractor that runs the footer's link lines together into one paragraph.
    assert regions.furniture("Service Newsletter Imprint Privacy policy") == "boilerplate"
    # Prose lines run together with two link lines are the article's.
    assert regions.furniture("Winter timetable Crossings resume on Tuesday once the smoke has "
                             "cleared, the operator said. Refunds") is None


def test_the_lines_of_an_appeal_s_own_box_are_not_body_the_article_around_it_is():
    html = ("<html><body><article><h1>Ferry keeps a winter timetable</h1><div class='entry'>"
            + ARTICLE_PARAS + "<p>Would you consider supporting our work? Just click <a "
            "href='https://courier.example/donate'>here</a>.</p><div class='box'><h3>While you "
            "are here…</h3><p>If you enjoyed this story, would you consider supporting the "
            "Courier? Just click <a href='https://steadyhq.com/courier'>here</a>.</p><p>All "
            "the best, Jane Roe</p></div></div></article></body></html>")
    kinds = _kinds(html)
    assert kinds.get("While you are here…") != "body"
    assert kinds.get("All the best, Jane Roe") != "body"
    # The appeal set straight in the article's text takes only its own line out.
    assert kinds.get("Would you consider supporting our work? Just click here.") != "body"
    assert sum(k == "body" for k in kinds.values()) == 3


def test_a_sign_up_box_set_in_the_article_is_not_body_a_subheading_about_it_is():
    # A newsletter box between two paragraphs: its heading is a sign-up cue and its pitch
    # lines ("Every morning we send ...") go with it, though none of them links anywhere.
    html = ("<html><body><article><h1>Ferry keeps a winter timetable</h1><div class='body'>"
            + ARTICLE_PARAS + "<div class='factbox'><span><h3>Sign up for the Courier "
            "newsletter</h3></span><div><p>Never miss a sailing change again!</p><p>Every "
            "morning we send one short email with the day's news from the islands.</p><p>You "
            "can leave the list whenever you like.</p></div></div>"
            "<h3>Why the newsletter matters to the islands</h3><p>Islanders read the parish "
            "newsletter for the timetable, the council said, since the ferry office closed in "
            "the spring.</p></div></article></body></html>")
    kinds = _kinds(html)
    for line in ("Sign up for the Courier newsletter", "Never miss a sailing change again!",
                 "Every morning we send one short email with the day's news from the islands.",
                 "You can leave the list whenever you like."):
        assert kinds.get(line) != "body", line
    assert kinds["Why the newsletter matters to the islands"] == "body"
    assert sum(k == "body" for k in kinds.values()) == 5


def test_a_sign_up_heading_at_the_end_of_the_article_s_container_takes_no_article_line():
    html = ("<html><body><article><h1>Ferry keeps a winter timetable</h1><div class='body'>"
            + ARTICLE_PARAS + "<h4>Subscribe to our newsletter</h4></div></article>"
            "</body></html>")
    kinds = _kinds(html)
    assert sum(k == "body" for k in kinds.values()) == 3


def test_advertising_disclosure_lines():
    from newsaudit.ingest.regions import label_line

    assert label_line("*Werbung. Dieser Beitrag enthält Werbung für Strandgut Bademoden.")
    assert label_line("Anzeige: Dieser Artikel entstand in Kooperation mit der Fährgesellschaft.")
    assert label_line("Advertisement: this story is sponsored by Carrow Ferries.")
    assert label_line("This post contains affiliate links.")
    assert label_line("Dieser Beitrag enthält Affiliate-Links.")
    # A sentence about advertising, or one that merely opens with the word, is prose.
    assert not label_line("Werbung: Die Stadt wirbt mit Plakaten für die neue Fähre.")
    assert not label_line("Werbung für Alkohol soll an Schulen verboten werden, sagte die "
                          "Ministerin am Montag.")
    assert not label_line("This post contains the council's full statement on the ferry.")
    assert not label_line("The article contains an advertisement the council paid for, the "
                          "auditor said in a report that ran to forty pages and named three "
                          "officials who had signed it off without reading the terms.")


def test_an_advertising_disclosure_in_the_article_text_is_not_body():
    html = ("<html><body><article><h1>Ferry keeps a winter timetable</h1>"
            "<p>*Werbung. Dieser Beitrag enthält Werbung für Carrow Ferries.</p>"
            + ARTICLE_PARAS + "</article></body></html>")
    kinds = _kinds(html)
    assert kinds["*Werbung. Dieser Beitrag enthält Werbung für Carrow Ferries."] == "boilerplate"
    assert sum(k == "body" for k in kinds.values()) == 3


def test_a_long_list_of_picture_credits_is_a_label_a_long_photo_line_is_not():
    from newsaudit.ingest.regions import label_line

    assert label_line("Bildnachweis: Titelbild: Die Fähre im Hafen von Carrow, Ewan Doyle [CC "
                      "BY-SA 4.0], via Wikimedia Commons; Karte: Carrow Ferries; Porträt der "
                      "Kapitänin: privat; Buchcover: Inselverlag")
    assert label_line("Photo credits: top, Jane Roe for the Courier; middle and bottom, Carrow "
                      "Ferries, with the kind permission of the harbour trust and its archive")
    # A "Foto:" line that long is a caption or prose, as before.
    assert not label_line("Foto: Die Fähre legt am Montag im Hafen von Carrow an, nachdem "
                          "Stürme im Herbst jede dritte Überfahrt ausfallen ließen und viele "
                          "Pendler auf das Festland nicht mehr zur Arbeit kamen.")


def test_a_heading_linked_to_another_story_of_the_site_is_related_other_headings_stay():
    from newsaudit.ingest.regions import linked_heading

    html = ("<html><head><link rel='canonical' href='https://www.courier.example/news/ferry'>"
            "</head><body><article><h1>Ferry keeps a winter timetable</h1>" + ARTICLE_PARAS
            + "<h3><a href='/news/harbour-master'>Harbour master to retire after thirty "
            "years</a></h3><p>The operator thanked the crews who kept the boats running.</p>"
            "<h3><a href='https://kettles.example/steel'>The steel kettle on the bridge</a></h3>"
            "<h2><a href='#fares'>Fares</a></h2><h2>What the council said</h2>"
            "<p>The council said it would review the timetable in the spring.</p>"
            "</article></body></html>")
    tree = lxml.html.fromstring(html)
    blocks = {b.text: b for b in page_blocks(tree)}
    host = "courier.example"
    # A teaser card's title: all link text, to another page of the same site.
    assert linked_heading(blocks["Harbour master to retire after thirty years"], host)
    # A heading that names a product or a source on another site, an accordion's or a
    # contents list's switch (an anchor of the page), and a plain subheading stay.
    assert not linked_heading(blocks["The steel kettle on the bridge"], host)
    assert not linked_heading(blocks["Fares"], host)
    assert not linked_heading(blocks["What the council said"], host)
    # A relative link is the site's own whatever the page declares.
    assert linked_heading(blocks["Harbour master to retire after thirty years"], "")
    segments = [(s.kind, s.text) for s in load_page(html, source="<t>", fmt="html").segments]
    assert segments[4:] == [
        ("related", "Harbour master to retire after thirty years"),
        ("body", "The operator thanked the crews who kept the boats running."),
        ("body", "The steel kettle on the bridge"),
        ("body", "Fares"),
        ("body", "What the council said"),
        ("body", "The council said it would review the timetable in the spring."),
    ]


def test_a_subdomain_of_the_site_is_the_site_another_blog_of_the_same_host_is_not():
    from newsaudit.ingest.regions import _same_site

    assert _same_site("https://projects.courier.example/forecast/", "courier.example")
    assert _same_site("https://courier.example/news/", "live.courier.example")
    assert _same_site("/news/storm", "courier.example")
    assert not _same_site("https://jane.blogs.example/post", "john.blogs.example")
    assert not _same_site("https://ferry.example/report.pdf", "courier.example")
    assert not _same_site("https://courier.example/news/", "")
    html = ("<html><head><link rel='canonical' href='https://www.courier.example/news/ferry'>"
            "</head><body><article><h1>Ferry keeps a winter timetable</h1>" + ARTICLE_PARAS
            + "<p><a href='https://projects.courier.example/winter-forecast/'>Our winter "
            "forecast: where the storms will hit</a></p><p>The new timetable starts on the "
            "first Monday of November, the operator said.</p></article></body></html>")
    segments = [(s.kind, s.text) for s in load_page(html, source="<t>", fmt="html").segments]
    assert ("related", "Our winter forecast: where the storms will hit") in segments


def test_lines_only_the_recall_pass_keeps_are_body_when_prose_furniture_otherwise(monkeypatch):
    # trafilatura's recall pass keeps what its precision pass prunes; the precision pass is
    # stood in for here, keeping the article's three paragraphs only.
    from newsaudit.ingest import html as html_reader

    html = ("<html><body><article><h1>Ferry keeps a winter timetable</h1><div class='body'>"
            + ARTICLE_PARAS + "<p>The harbour office will post any change to the timetable "
            "on its noticeboard by the slipway, the operator added.</p><p>The skipper called "
            "it \u2018the calmest crossing in weeks.\u2019</p>"
            "<h3>Timetable at a glance</h3><ul><li>Departs the quay at 7.30 in the morning "
            "and again at 4 in the afternoon</li><li>Returns from the island an hour after "
            "each departure</li></ul><p>Ferry operators</p><p>Islanders to get a new ferry "
            "terminal by the end of next year</p><p><a href='/ferry/fares'>Winter "
            "fares for islanders and visitors</a> were set last week.</p></div></article>"
            "</body></html>")
    prose = [p for p in _kinds(html) if p.startswith(("The island", "Passengers", "Residents"))]
    assert len(prose) == 3
    monkeypatch.setattr(html_reader, "_precision_paragraphs", lambda _: prose, raising=False)
    kinds = _kinds(html)
    # A prose paragraph the precision pass left out may be the article's last word: body.
    assert kinds["The harbour office will post any change to the timetable on its "
                 "noticeboard by the slipway, the operator added."] == "body"
    # A sentence ends as one inside its closing quotation mark too.
    assert kinds["The skipper called it \u2018the calmest crossing in weeks.\u2019"] == "body"
    # A heading, the items of a list, a label and a line of link text are furniture.
    assert kinds["Timetable at a glance"] == "boilerplate"
    assert kinds["Returns from the island an hour after each departure"] == "boilerplate"
    assert kinds["Ferry operators"] == "boilerplate"
    # A line of a dozen words that does not end as a sentence does: another story's title.
    assert kinds["Islanders to get a new ferry terminal by the end of next year"] == "boilerplate"
    assert kinds["Winter fares for islanders and visitors were set last week."] == "boilerplate"
    assert [k for k in kinds.values() if k == "body"] == ["body"] * 5
    # With no precision paragraphs to weigh them against, every line stays as it was.
    monkeypatch.setattr(html_reader, "_precision_paragraphs", lambda _: [], raising=False)
    assert _kinds(html)["Timetable at a glance"] == "body"


def test_a_short_credit_or_name_in_a_figure_is_its_caption_outside_one_it_is_not():
    html = ("<html><body><article><h1>Ferry keeps a winter timetable</h1>"
            "<figure><img src='a.jpg'><figcaption>© Jane Roe</figcaption></figure>"
            + ARTICLE_PARAS
            + "<figure><img src='b.jpg'><figcaption>Image: Carrow Ferries</figcaption></figure>"
            "<figure><img src='c.jpg'><figcaption>Reuters</figcaption></figure>"
            "<figure><img src='d.jpg'><figcaption>Share</figcaption></figure>"
            "<p class='caption'>Tom Hale</p>"
            "</article></body></html>")
    kinds = _kinds(html)
    assert kinds["© Jane Roe"] == "caption"
    assert kinds["Image: Carrow Ferries"] == "caption"
    assert kinds["Reuters"] == "caption"
    # A share button in a figure, and a bare name that only wears a caption class, are not.
    assert kinds.get("Share") != "caption"
    assert kinds.get("Tom Hale") != "caption"


def test_a_figure_whose_caption_links_to_another_story_is_a_teaser_a_linked_credit_is_not():
    html = ("<html><body><article><h1>Ferry keeps a winter timetable</h1>" + ARTICLE_PARAS
            + "<figure><img src='a.jpg'><figcaption>photo: <a href='https://flickr.com/jr'>"
            "Jane Roe</a> via <a href='https://unsplash.com'>Unsplash</a></figcaption></figure>"
            "<figure><a href='/harbour-lights.jpg'><img src='b.jpg'></a><figcaption>"
            "<a href='/harbour-lights.jpg'>The harbour lights at dusk on Sunday</a>"
            "</figcaption></figure>"
            "</article><div><figure><a href='/news/storm-warning'><img src='c.jpg'></a>"
            "<figcaption><h2><a href='/news/storm-warning'>Storm warning issued for the "
            "northern coast tonight</a></h2></figcaption></figure></div></body></html>")
    kinds = _kinds(html)
    assert kinds["photo: Jane Roe via Unsplash"] == "caption"
    # A caption linking to its own picture is still the caption.
    assert kinds["The harbour lights at dusk on Sunday"] == "caption"
    assert kinds["Storm warning issued for the northern coast tonight"] == "related"


def test_the_same_credit_under_three_pictures_is_three_captions():
    # A reader sees the credit under each picture; the composed page shows it each time,
    # while a caption that another zone already shows is still said once.
    html = ("<html><body><article><h1>Ferry keeps a winter timetable</h1>"
            "<figure><img src='a.jpg'><figcaption>(Image credit: Carrow Ferries)</figcaption>"
            "</figure>" + ARTICLE_PARAS
            + "<figure><img src='b.jpg'><figcaption>(Image credit: Carrow Ferries)</figcaption>"
            "</figure><figure><img src='c.jpg'><figcaption>(Image credit: Carrow Ferries)"
            "</figcaption></figure></article></body></html>")
    segs = load_page(html, source="<test>", fmt="html").segments
    captions = [s.text for s in segs if s.kind == "caption"]
    assert captions == ["(Image credit: Carrow Ferries)"] * 3
    assert not any("Carrow Ferries" in s.text for s in segs if s.kind == "body")


def test_a_credit_in_a_caption_box_after_the_articles_picture_is_its_caption():
    # Not every site writes <figure>: a WordPress "wp-caption" box, or a caption <p> after
    # a picture that opens in a lightbox, says the same. A picture linking to another
    # story is a teaser card's, and a caption-classed name with no picture is no caption.
    html = ("<html><body><article><h1>Ferry keeps a winter timetable</h1>"
            "<div class='wp-caption'><img src='a.jpg'><p class='wp-caption-text'>"
            "© Jane Roe</p></div>" + ARTICLE_PARAS
            + "<div class='news-img'><a class='lightbox' href='/media/quay.jpg'>"
            "<img src='b.jpg'></a><p class='news-img-caption'>Foto: Carrow Ferries</p></div>"
            "<div class='card'><a href='/news/storm-warning'><img src='c.jpg'></a>"
            "<p class='caption'>© Tom Hale</p></div>"
            "<p>The quay will be resurfaced over the spring, the harbour office said.</p>"
            "<p class='caption'>Mia Lund</p>"
            "</article></body></html>")
    kinds = _kinds(html)
    assert kinds["© Jane Roe"] == "caption"
    assert kinds["Foto: Carrow Ferries"] == "caption"
    assert kinds.get("© Tom Hale") != "caption"
    assert kinds.get("Mia Lund") != "caption"


def test_the_excerpts_of_teaser_cards_under_the_article_are_not_its_body():
    # "Next post" cards under a short post: another story's linked title over its first
    # lines, card after card. trafilatura takes the excerpts for the post's body (they are
    # most of the page's prose), but they are the other stories' words, not the page's.
    excerpts = [
        "The harbour choir has recorded a song for the lifeboat crew, and every copy sold "
        "will pay for new lifejackets, its conductor said. Forty singers took part, the "
        "youngest nine and the oldest ninety-one, and the recording was made in the "
        "boathouse itself on a wet Sunday in October.",
        "After ten years of repairs the old mill on the river opens its doors to visitors "
        "on Saturday, with a baker working the ovens again. The trust that saved it raised "
        "the money from bake sales, a grant and a sponsored swim across the millpond in the "
        "middle of winter.",
        "The county library will lend out fishing rods from next month, after a pilot at "
        "two branches ran out of rods within a week. Borrowers need only a library card, "
        "and the rods come with a leaflet on where to fish and what the bag limits are.",
    ]
    cards = "".join(
        f"<div class='nextstory'><h2><a href='https://courier.example/2026/s{i}'>Another "
        f"story of the week, number {i}</a></h2><a href='https://courier.example/2026/s{i}'>"
        f"<img src='s{i}.jpg'></a><p>{text}</p></div>" for i, text in enumerate(excerpts))
    html = ("<html><head><link rel='canonical' href='https://courier.example/2026/ferry'>"
            "</head><body><div class='post'><h1>Ferry keeps a winter timetable</h1>"
            "<div class='entry'><p>The island ferry will run twice a day through the winter, "
            "the operator said on Monday.</p><blockquote><p>Residents had asked for a "
            "timetable they could rely on.</p></blockquote></div></div>"
            "<div id='next-post-thumbnails'>" + cards + "</div></body></html>")
    kinds = _kinds(html)
    assert [kinds[text] for text in excerpts] == ["related"] * 3
    assert kinds["The island ferry will run twice a day through the winter, the operator "
                 "said on Monday."] == "body"
    assert kinds["Residents had asked for a timetable they could rely on."] == "body"


def test_a_blog_post_whose_title_links_to_itself_keeps_its_body():
    # A blog's post title is a link to the post: that makes no teaser card of the post.
    post = ("<div class='post'><h2><a href='https://blog.example/ferry-winter'>Ferry keeps a "
            "winter timetable</a></h2>" + ARTICLE_PARAS + "</div>")
    other = ("<div class='post'><h2><a href='https://blog.example/mill'>The old mill opens"
             "</a></h2><p>Short note.</p></div>")
    html = ("<html><head><link rel='canonical' href='https://blog.example/ferry-winter'>"
            "</head><body><div class='posts'>" + post + other + "</div></body></html>")
    segs = load_page(html, source="<test>", fmt="html").segments
    body = " ".join(s.text for s in segs if s.kind == "body")
    assert "storms cancelled one crossing in three" in body


def test_a_hover_card_inside_a_paragraph_is_not_spliced_into_its_sentence():
    # A lawmaker's name opens a card on hover: photo, name and the site's latest stories
    # about them. Flattened, the card's links run into the sentence ("Rep. Jane RoeJane
    # RoeSenate passes ..."); a reader sees only the sentence.
    card = ("<span class='people'><a class='people-link' href='/people/jane-roe'>Jane Roe</a>"
            "<span class='people-block'><span><img src='roe.jpg'>"
            "<a class='name' href='/people/jane-roe'>Jane Roe</a>"
            "<a href='/policy/ferry-subsidy-vote'>Senate passes the ferry subsidy after a "
            "late-night vote</a> <a href='/policy/harbour-dredging'>Harbour dredging plan "
            "draws fire from anglers</a></span></span></span>")
    html = ("<html><body><article><h1>Ferry keeps a winter timetable</h1>" + ARTICLE_PARAS
            + f"<p>Rep. {card} (D-Carrow) said the timetable was a start, not a solution.</p>"
            "<p>She read <a href='/report'>the operator's report</a> <img src='icon.png'> and "
            "<a href='/reply'>the council's reply</a> before the vote.</p>"
            "</article></body></html>")
    body = [s.text for s in load_page(html, source="<test>", fmt="html").segments
            if s.kind == "body"]
    assert "Rep. Jane Roe (D-Carrow) said the timetable was a start, not a solution." in body
    assert not any("Senate passes" in p or "dredging" in p for p in body)
    # An icon between two links in the text is no card: the sentence is kept whole.
    assert ("She read the operator's report and the council's reply before the vote."
            in body)


def test_a_picture_far_below_the_article_is_another_storys_not_a_caption():
    # A site that runs the next stories in full under the article: their pictures'
    # captions are theirs, while the article's own picture keeps its caption.
    other = "".join(
        f"<div class='next'><h3>Other story {i}</h3><p>Teaser text of another story number "
        f"{i}, which runs on for a while.</p><p>A second line of it, too.</p></div>"
        for i in range(4))
    html = ("<html><body><article><h1>Ferry keeps a winter timetable</h1>"
            "<figure><img src='a.jpg'><figcaption>The ferry at Carrow quay. © Jane Roe"
            "</figcaption></figure>" + ARTICLE_PARAS + "</article>" + other
            + "<figure><img src='z.jpg'><figcaption>The council chamber during Monday's "
            "vote. © Tom Hale</figcaption></figure></body></html>")
    kinds = _kinds(html)
    assert kinds["The ferry at Carrow quay. © Jane Roe"] == "caption"
    assert "The council chamber during Monday's vote. © Tom Hale" not in kinds


def test_a_picture_in_the_articles_own_header_keeps_its_caption():
    # <header> is the site's chrome at the top of the page, but inside <article> it is the
    # article's own header: its headline, byline and lead picture.
    html = ("<html><body><header><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
            "<figure><img src='logo.png'><figcaption>The Carrow Gazette masthead"
            "</figcaption></figure></header>"
            "<article><header><h1>Ferry keeps a winter timetable</h1><figure><img "
            "src='a.jpg'><figcaption>The ferry leaves Carrow quay on Monday. © Jane Roe"
            "</figcaption></figure></header>" + ARTICLE_PARAS + "</article></body></html>")
    kinds = _kinds(html)
    assert kinds["The ferry leaves Carrow quay on Monday. © Jane Roe"] == "caption"
    assert kinds.get("The Carrow Gazette masthead") != "caption"


def test_a_credit_box_under_each_picture_is_a_caption_each_time():
    # Not every site marks its credits as captions: a "credit" box under each picture says
    # the same thing three times, and a reader sees it three times.
    pic = "<div class='image-wrap'><img src='{}.jpg'><div class='credit'>Getty Images</div></div>"
    html = ("<html><body><article><h1>Ferry keeps a winter timetable</h1>"
            + pic.format("a") + ARTICLE_PARAS + pic.format("b") + pic.format("c")
            + "<p>The quay will be resurfaced over the spring, the harbour office said.</p>"
            "</article></body></html>")
    segs = load_page(html, source="<test>", fmt="html").segments
    assert [s.text for s in segs if s.kind == "caption"] == ["Getty Images"] * 3


REFERENCES_PAGE = """<html><head><title>Flood walls cut insurance claims, study finds</title></head>
<body><main><article><h1>Flood walls cut insurance claims, study finds</h1>
<div class="article-body">
<p>Towns that raised their flood walls before the winter storms of 2023 filed 40 percent
fewer insurance claims than towns that did not, according to a study published on Monday.</p>
<p>The researchers compared claims from 112 coastal towns over five winters and found the
gap widest where walls had been raised by more than a metre.</p>
<p>Insurers have not yet said whether they will lower premiums for the towns concerned.</p>
<section class="article-references"><h2>References</h2><ol>
<li class="references__item"><span><span>Berg T</span>, <span>Holm K</span>,
<span>et al</span></span>. <span>Flood walls and insured losses on the Baltic coast</span>.
<i>J Coast Res</i>. 2024;40:112-29. <a href="/doi/1">doi:10.1000/jcr.2024.112</a></li>
<li class="references__item"><span><span>Nilsson A</span></span>. <span>Storm surge frequency
in the southern Baltic, 1950-2020</span>. <i>Clim Dyn</i>. 2021;57:2201-18.</li>
</ol></section>
</div></article></main></body></html>"""


def test_a_reference_list_in_the_article_is_related_and_said_once():
    # trafilatura keeps a reference list inside the article's body, cut at its inline
    # markup ("Berg T", ". Flood walls and ... 2024;40:112-29."): each piece is a piece of
    # a list item of the references box, so it is not the article's text, and the reader
    # shows each reference once, whole.
    segs = load_page(REFERENCES_PAGE, source="<test>", fmt="html").segments
    assert [s.text for s in segs if s.kind == "body"] == [
        "Towns that raised their flood walls before the winter storms of 2023 filed 40 "
        "percent fewer insurance claims than towns that did not, according to a study "
        "published on Monday.",
        "The researchers compared claims from 112 coastal towns over five winters and found "
        "the gap widest where walls had been raised by more than a metre.",
        "Insurers have not yet said whether they will lower premiums for the towns concerned.",
    ]
    assert [s.text for s in segs if s.kind == "related"] == [
        "References",
        "Berg T, Holm K, et al. Flood walls and insured losses on the Baltic coast. J Coast "
        "Res. 2024;40:112-29. doi:10.1000/jcr.2024.112",
        "Nilsson A. Storm surge frequency in the southern Baltic, 1950-2020. Clim Dyn. "
        "2021;57:2201-18.",
    ]
