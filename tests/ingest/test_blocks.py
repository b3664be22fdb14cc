"""HTML laid out as blocks with their markup zones, the headline from the declared title,
and what the markup says about trafilatura's paragraphs (newsaudit.ingest.blocks, .title,
.regions)."""

from __future__ import annotations

import lxml.html
import pytest

from newsaudit.ingest import load_page
from newsaudit.ingest.blocks import element_zone, page_blocks
from newsaudit.ingest.regions import Regions, caption_text_ok
from newsaudit.ingest.title import page_title, strip_site_suffix

PAGE = """<html><head><title>Ferry fares to rise by a fifth - The Coast Herald | Local news</title>
<meta property="og:site_name" content="The Coast Herald"></head><body>
<header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav></header>
<main><article>
<header class="article-header"><h1>Ferry fares to rise by a fifth</h1>
<p class="c-article__summary">Islanders say the rise will cut them off from the mainland hospital.</p>
<div class="byline">By <a rel="author">Ann Lowe</a></div><time>4 March 2024</time>
<ul class="share-tools"><li><a>Facebook</a></li><li><a>Email</a></li></ul></header>
<div class="entry-content">
<span class="dropcap">F</span><p>erry fares to the islands will rise by 21 per cent from April, the operator said on Monday, blaming higher fuel and crew costs.</p>
<figure><img src="x.jpg"><figcaption>The morning ferry leaves Portmere harbour.</figcaption></figure>
<aside class="newsletter-signup"><p>Get the Herald's morning briefing in your inbox every day</p></aside>
<p>The council said it would ask the operator to freeze fares for residents who travel for medical appointments on the mainland.</p>
</div></article>
<section class="photo-gallery"><figure><figcaption>Readers' photos of the spring tides along the whole coast this week.</figcaption></figure></section>
<div class="related-stories"><h3>Related</h3><ul><li><a>Harbour dredging delayed again this summer</a></li></ul></div>
</main><footer><p>Copyright 2024 The Coast Herald</p></footer></body></html>"""


@pytest.fixture(scope="module")
def blocks():
    tree = lxml.html.fromstring(PAGE)
    article = [
        "Ferry fares to the islands will rise by 21 per cent from April, the operator said "
        "on Monday, blaming higher fuel and crew costs.",
        "The council said it would ask the operator to freeze fares for residents who travel "
        "for medical appointments on the mainland.",
    ]
    return page_blocks(tree, article=article)


def test_blocks_carry_their_zones(blocks):
    zones = {b.text: b.zone for b in blocks}
    assert zones["Home"] == "nav"
    assert not next(b for b in blocks if b.text == "Home").in_article
    assert zones["Ferry fares to rise by a fifth"] == ""  # the article header is no chrome
    assert zones["Islanders say the rise will cut them off from the mainland hospital."] == (
        "standfirst")
    assert zones["By Ann Lowe"] == "byline"
    assert zones["4 March 2024"] == "date"
    assert zones["Facebook"] == "share"
    assert zones["The morning ferry leaves Portmere harbour."] == "caption"
    assert zones["Get the Herald's morning briefing in your inbox every day"] == "promo"
    assert zones["Readers' photos of the spring tides along the whole coast this week."] == (
        "gallery")
    assert zones["Harbour dredging delayed again this summer"] == "related"
    assert zones["Copyright 2024 The Coast Herald"] == "nav"


def test_a_drop_cap_stays_with_its_paragraph(blocks):
    texts = [b.text for b in blocks]
    assert any(t.startswith("Ferry fares to the islands will rise") for t in texts)
    assert "F" not in texts


@pytest.mark.parametrize(
    "markup,zone",
    [
        ('<div class="c-article__summary">x</div>', "standfirst"),
        ('<div class="relatedPosts">x</div>', "related"),
        ('<div class="leadership-team">x</div>', ""),  # no "lead", no "ad" inside a word
        ('<div class="adventure">x</div>', ""),
        ('<div class="comment-count">x</div>', ""),  # a tally, not a comment
        ('<div class="entry-content comments-open">x</div>', ""),  # the content container
        ('<div id="pinned-newsletter-end" class="content">x</div>', ""),
        ('<form role="search"><input type="search"></form>', "nav"),
        ('<ol class="commentlist">x</ol>', "comments"),
        ('<li id="comment-42">x</li>', "comment"),
        ('<div class="widget_recent_comments">x</div>', "related"),  # other pages' threads
        ('<ul id="latest-comments">x</ul>', "related"),
    ],
)
def test_element_zone(markup, zone):
    el = lxml.html.fragment_fromstring(markup)
    assert element_zone(el) == zone


def test_title_is_the_declared_title_cut_to_the_headline_on_the_page(blocks):
    tree = lxml.html.fromstring(PAGE)
    assert page_title(tree, [b.text for b in blocks]) == "Ferry fares to rise by a fifth"


@pytest.mark.parametrize(
    "title,site,expected",
    [
        ("Crash on Route 9 - WSVN 7News | Miami News, Weather, Sports", ["WSVN", "7News"],
         "Crash on Route 9"),
        ("Budget: what it means for you | The Coast Herald", ["Coast", "Herald"],
         "Budget: what it means for you"),
        ("Smith - Jones merger collapses", ["Herald"], "Smith - Jones merger collapses"),
    ],
)
def test_site_suffix(title, site, expected):
    assert strip_site_suffix(title, site) == expected


def test_regions_name_the_furniture_and_the_standfirst(blocks):
    regions = Regions(blocks)
    body = [b.text for b in blocks if b.text.startswith(("Ferry fares to the", "The council"))]
    assert regions.furniture("Get the Herald's morning briefing in your inbox every day") == (
        "boilerplate")
    assert regions.furniture("Harbour dredging delayed again this summer") == "related"
    assert regions.furniture(body[1]) is None
    assert regions.standfirst("Ferry fares to rise by a fifth", body) == (
        "Islanders say the rise will cut them off from the mainland hospital.")
    assert regions.repair(body[0][1:]) == body[0]


@pytest.mark.parametrize(
    "text,ok",
    [
        ("The morning ferry leaves Portmere harbour.", True),
        ("Care of Throggs Neck Associates LLC", True),
        ("Tagged", False),
        ("Published Nov 8, 2023", False),
        ("Share this article", False),
    ],
)
def test_caption_text(text, ok):
    assert caption_text_ok(text) is ok


def test_html_page_keeps_standfirst_drop_cap_and_leaves_out_galleries_and_promos():
    page = load_page(PAGE, fmt="html")
    kinds = [(s.kind, s.text) for s in page.segments]
    assert kinds[0] == ("headline", "Ferry fares to rise by a fifth")
    assert kinds[1] == ("standfirst",
                        "Islanders say the rise will cut them off from the mainland hospital.")
    body = [t for k, t in kinds if k == "body"]
    assert body[0].startswith("Ferry fares to the islands will rise by 21 per cent")
    assert all("briefing" not in t for t in body)
    assert [t for k, t in kinds if k == "caption"] == ["The morning ferry leaves Portmere harbour."]
    assert not any("spring tides" in t for _, t in kinds)


THREAD_IN_ASIDE = """<html><body><main>
<article><h1>Depot fire closes the ring road</h1>
<p>Fire crews spent the night at the bus depot on Mill Lane after a blaze that began in the
workshop, the fire service said on Tuesday.</p></article>
<aside><div class="comments-area"><ol class="commentlist">
<li class="comment"><div class="comment-author">Ivo Marsh</div>
<p>My street smelled of smoke until four in the morning.</p></li>
</ol></div>
<div class="widget_recent_comments"><ul><li>Jo Pike on Bridge works overrun again</li></ul>
</div></aside>
<div class="footer-hook"><div class="article-comments"><ul class="comments-list">
<li class="comment"><p>Thanks to the crews, who were there within minutes.</p></li>
</ul></div></div>
</main></body></html>"""


def test_a_named_thread_is_comments_inside_an_aside_or_footer_but_a_digest_is_not():
    blocks = page_blocks(lxml.html.fromstring(THREAD_IN_ASIDE))
    zones = {b.text: b.zone for b in blocks}
    assert zones["My street smelled of smoke until four in the morning."] == "comment"
    assert zones["Thanks to the crews, who were there within minutes."] == "comment"
    assert zones["Jo Pike on Bridge works overrun again"] == "related"
