"""Events over HTTP: the API answers the library's events, comparison and outlets, and
the pages show them (figures table, reconciled band, plot), all against the real server.

The store holds three invented reports of one invented landslide (``event_site.py``).
The API must add nothing and lose nothing: every answer is compared with what the
library returns for the same store. What the reconciliation must say of this event
follows from the contract's rules: the agency's later 21 replaces its 9 (rising, not a
dispute), the mayor's 40 disputes it, so killed is 21 to 40.
"""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET

import httpx
import pytest
from event_site import event_site

from newsaudit.corpus import events as library
from newsaudit.store import open_store

OUTLETS = {"Highland Voice", "Coast Wire", "Valley Monitor"}
FOURTH = (
    "Doruna buries its dead as landslide toll reaches 23\n\n"
    "Rescue teams in the hill town of Doruna recovered two more bodies on Thursday from "
    "the houses buried by Wednesday's landslide, bringing the number of people killed to "
    "23, the regional disaster agency said.\n\n"
    "Heavy rain had loosened the slope above the town overnight before the hillside gave "
    "way, residents said."
)


def error_of(response: httpx.Response) -> str:
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}, body
    return str(body["error"]["code"])


@pytest.fixture
def site(db_url, audit_pool):
    with event_site(db_url, audit_pool) as (base, c):
        store = open_store(db_url)
        try:
            yield base, c, store
        finally:
            store.close()


def the_event(c: httpx.Client) -> dict:
    listed = c.get("/api/events").json()["events"]
    assert len(listed) == 1, [e["title"] for e in listed]
    return dict(listed[0])


def test_the_events_are_the_librarys(site):
    _, c, store = site
    r = c.get("/api/events")
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    got = r.json()
    assert got == library.events(store, limit=100)
    assert got["schema"] == "newsaudit.events/1"
    [event] = got["events"]
    assert {p["outlet"] for p in event["pages"]} == OUTLETS
    assert "Doruna" in event["places"]
    killed = event["figures"]["killed"]
    assert (killed["low"], killed["high"]) == (21, 40)
    assert killed["disputed"] and killed["rising"]


@pytest.mark.parametrize("params, found", [
    ({}, True), ({"place": "Doruna"}, True), ({"place": "doruna"}, True),
    ({"place": "Aleppo"}, False), ({"outlet": "coast wire"}, True),
    ({"outlet": "Lake Post"}, False), ({"category": "killed"}, True),
    ({"category": "arrested"}, False), ({"since": "2025-10-09"}, True),
    ({"since": "2025-10-10"}, False), ({"until": "2025-10-08"}, True),
    ({"until": "2025-10-07"}, False), ({"min_pages": 3}, True), ({"min_pages": 4}, False),
    ({"limit": 1}, True),
])
def test_the_events_are_filtered_as_the_cli_filters_them(site, params, found):
    _, c, store = site
    got = c.get("/api/events", params=params).json()["events"]
    assert bool(got) is found
    assert got == library.events(store, **{"limit": 100, **params})["events"]


@pytest.mark.parametrize("params", [
    {"since": "last week"}, {"until": "2025-13-01"}, {"min_pages": 0}, {"limit": 0},
    {"limit": 100_000}, {"place": "Dor\x00una"}, {"outlet": "\x00"},
    {"since": "9999-12-31"}, {"until": "9999-12-31"},
])
def test_a_bad_filter_is_invalid(site, params):
    _, c, _ = site
    r = c.get("/api/events", params=params)
    assert r.status_code == 422 and error_of(r) == "input_invalid"


def test_an_event_compared_is_the_librarys_comparison(site):
    _, c, store = site
    event = the_event(c)
    r = c.get(f"/api/events/{event['id']}")
    assert r.status_code == 200
    got = r.json()
    assert got == library.compare(store, event["id"])
    assert got["schema"] == "newsaudit.compare/1" and got["event"] == event
    killed = [row for row in got["rows"] if row["category"] == "killed"]
    assert {row["outlet"] for row in killed} == OUTLETS
    published = [row["published"] for row in got["rows"]]
    assert published == sorted(published), "rows are oldest first"
    for row in got["rows"]:
        assert row["quantity"]["text"] == row["text"]
    nine = next(row for row in killed if row["value"] == 9)
    assert nine["superseded_by"] is not None and "agency" in nine["source"]["text"]
    assert "Disputed" in got["reconciled"]["killed"]["why"]


@pytest.mark.parametrize("event_id", ["e999", "999", "xyz", "e", "e-1", "e1.5",
                                      "e" + "9" * 30, "%00", "e²"])
def test_an_event_that_is_not_there_is_404(site, event_id):
    _, c, _ = site
    r = c.get(f"/api/events/{event_id}")
    assert r.status_code == 404 and error_of(r) == "not_found"
    page = c.get(f"/events/{event_id}")
    assert page.status_code == 404 and "not_found" in page.text


def test_the_outlets_are_the_librarys(site):
    _, c, store = site
    got = c.get("/api/outlets").json()
    assert got == {"outlets": library.outlets(store)}
    assert {o["outlet"] for o in got["outlets"]} == OUTLETS
    assert all(o["pages"] == 1 and o["events"] == 1 for o in got["outlets"])


def test_a_stored_audit_joins_its_event_and_its_page_links_to_it(site):
    _, c, store = site
    event = the_event(c)
    r = c.post("/api/audit", json={"text": FOURTH, "store": True, "outlet": "Ridge Herald",
                                   "published": "2025-10-09T12:00:00Z"})
    assert r.status_code == 201, r.text
    page_id = r.json()["document"]["id"]
    deadline = time.monotonic() + 120  # the page is placed on the write lane, after the 201
    after = the_event(c)
    while page_id not in {p["id"] for p in after["pages"]}:
        assert time.monotonic() < deadline, "the stored page never joined its event"
        time.sleep(0.2)
        after = the_event(c)
    assert after["id"] == event["id"]
    assert {p["outlet"] for p in after["pages"]} == OUTLETS | {"Ridge Herald"}
    assert c.get(f"/api/events/{event['id']}").json() == library.compare(store, event["id"])
    html = c.get(f"/pages/{page_id}").text
    assert f'href="/events/{event["id"]}"' in html
    mine = [r for r in c.get(f"/api/events/{event['id']}").json()["rows"]
            if r["page"] == page_id]
    assert mine, "the page's toll is one of the event's figures"
    for r in mine:  # each of the page's figures links to its row in the event
        assert f'href="/events/{event["id"]}#{r["id"]}"' in html


def test_the_event_page_shows_every_figure_and_the_band(site):
    _, c, _ = site
    event = the_event(c)
    data = c.get(f"/api/events/{event['id']}").json()
    r = c.get(f"/events/{event['id']}")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    policy = r.headers["content-security-policy"]
    assert "img-src 'self'" in policy and "script-src 'none'" in policy
    assert "unsafe-inline" not in policy
    html = r.text
    for row in data["rows"]:
        assert f'<tr id="{row["id"]}"' in html
    assert html.count('<tr id="r') == len(data["rows"])
    assert '<tr data-category="killed">' in html
    assert data["reconciled"]["killed"]["why"].replace("'", "&#39;") in html
    assert 'class="tag flag-disputed"' in html and 'class="tag flag-rising"' in html
    assert f'<img src="/events/{event["id"]}/plot.svg"' in html
    # The headline's markup is shown as text, never as markup.
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;" in html


def test_the_plot_is_an_svg_under_its_own_policy(site):
    _, c, _ = site
    event = the_event(c)
    r = c.get(f"/events/{event['id']}/plot.svg")
    assert r.status_code == 200 and r.headers["content-type"] == "image/svg+xml"
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "script-src" not in r.headers["content-security-policy"]
    assert "sandbox" in r.headers["content-security-policy"]
    root = ET.fromstring(r.content)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    tags = {el.tag.rsplit("}", 1)[-1] for el in root.iter()}
    assert not tags & {"script", "foreignObject", "iframe", "a"}
    assert c.get("/events/e999/plot.svg").status_code == 404


def test_the_events_and_outlets_pages(site):
    _, c, _ = site
    event = the_event(c)
    listed = c.get("/events").text
    assert f'href="/events/{event["id"]}"' in listed and event["title"] in listed
    assert 'href="/api/events"' in listed
    assert "No event matches" in c.get("/events", params={"place": "Aleppo"}).text
    bad = c.get("/events", params={"since": "soon"})
    assert bad.status_code == 422 and "input_invalid" in bad.text
    outlets = c.get("/outlets").text
    for name in OUTLETS:
        assert f'href="/outlets/{name.replace(" ", "%20")}"' in outlets
    assert 'href="/api/outlets"' in outlets
    one = c.get("/outlets/Coast%20Wire").text
    assert f'href="/events/{event["id"]}"' in one and 'href="/api/outlets"' in one


def test_page_text_in_the_plot_is_drawn_not_parsed():
    """Titles and source names are drawn as the characters they are: no math parsing
    (an invalid formula between two $ would break the drawing), no markup."""
    from newsaudit.web.plots import plot_svg

    data = {
        "schema": "newsaudit.compare/1",
        "event": {"id": "e7", "title": "Prices $\\foo$ --> </svg><script>alert(1)</script>"},
        "rows": [
            {"id": "r1", "page": "p1", "outlet": "A <b>", "published": "2025-10-08T09:00:00Z",
             "category": "killed", "value": 9, "low": 9, "high": None, "independent": True,
             "superseded_by": None, "source": {"text": "$\\bar$ <img src=x onerror=alert(2)>",
                                               "type": "person"}, "via": []},
            {"id": "r2", "page": "p2", "outlet": "B", "published": "2025-10-09T09:00:00Z",
             "category": "killed", "value": 21, "low": 21, "high": 21, "independent": True,
             "superseded_by": None, "source": None, "via": []},
        ],
        "reconciled": {"killed": {"low": 9, "best": 21, "high": 21, "disputed": True,
                                  "rising": False, "why": "…"}},
    }
    svg = plot_svg(data)
    root = ET.fromstring(svg)
    tags = {el.tag.rsplit("}", 1)[-1] for el in root.iter()}
    assert not tags & {"script", "foreignObject", "img"}
    assert b"<script" not in svg and b"<img" not in svg
    assert plot_svg(data) is svg, "the same comparison is drawn once"
