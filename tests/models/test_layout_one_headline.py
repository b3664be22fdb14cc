"""Two decoding rules over the layout model's line tags: a menu is never the headline, and
a page's headline is one line (no page of the layout corpus has a headline over two). The
red-team pages of sets 4 and 5 (dev) drew both errors: a fact-check site's navigation row
read as its headline, and a regional paper's headline joined with the deck under it."""

from __future__ import annotations

import pytest

from newsaudit.anatomy import segment_text
from newsaudit.line_cues import rows_of
from newsaudit.models.layout.decoding import one_headline_line
from newsaudit.models.layout.features import is_menu


@pytest.mark.parametrize(("line", "menu"), [
    ("Fact-checks | Health | Politics | Viral | How we rate | Donate", True),
    ("News \u00b7 Sport \u00b7 Business \u00b7 Community", True),
    ("Israeli attack kills three | Jordan Times", False),  # a headline and its site
    ("Storm live: toll rises | latest", False),  # two items only
    ("Published 9 October | Updated 10 October", False),  # items of more than three words
])
def test_a_menu_is_a_row_of_short_items(line, menu):
    assert is_menu(line) is menu


@pytest.mark.parametrize(("lines", "expected"), [
    # a deck under the headline, opening a sentence of its own
    (["40 miners killed as roof collapses", "Families keep vigil at pithead"],
     ["headline", "standfirst"]),
    # a scraper's hard wrap: the second line goes on
    (["Council votes to close the library on the corner of",
      "Market Street after ten years"], ["headline", "headline"]),
    (["Council votes to close the library", "and sell the building"], ["headline", "headline"]),
])
def test_a_headline_is_one_line(lines, expected):
    rows, _ = rows_of("\n".join(lines))
    assert one_headline_line(rows, ["headline"] * len(lines)) == expected


def test_a_page_keeps_its_headline_under_a_menu_and_over_its_deck():
    page = ("THE DRAVO VALLEY POST\nNews | Sport | Business | Community | Announcements\n"
            "Home > News > Dravo Valley\n40 miners killed as Kestrel Deep roof collapses\n"
            "Families keep vigil at pithead as rescuers search for survivors\n"
            "By Owain Marrick\nPublished 11:20, Saturday 2 November\n\n"
            "Forty miners were killed when part of the roof of the Kestrel Deep colliery "
            "collapsed on Friday night, the mine's operator said.\n\n"
            "Rescue teams worked through the night to reach a section of the mine where "
            "others were thought to be trapped, the fire service said.\n\n"
            "The cause of the collapse is not yet known.\n")
    segments = segment_text(page)
    heads = [s.text for s in segments if s.kind == "headline"]
    assert heads == ["40 miners killed as Kestrel Deep roof collapses"]
    assert [s.text for s in segments if s.kind == "standfirst"] == [
        "Families keep vigil at pithead as rescuers search for survivors"]
