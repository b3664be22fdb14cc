"""The web app in a real browser (Debian's Chromium through Playwright, tests/browser.py).

A person pastes a page, sees its findings beside the text with the evidence marked, clicks
a finding and is taken to its words; stores a page and gets a permanent link; finds it
again in the corpus by search and by outlet. Every page is checked for what it must not
do: no dialog (an injected script), no console error, no CSP violation, no request to any
other origin. An event's page shows its figures table, reconciled band and plot. What the page must show comes from the API's report of the same text.

The screenshot in the README is made here: ``NEWSAUDIT_SCREENSHOT=docs/web-audit.png``
writes it (the test always takes one, into its temporary directory).
"""

from __future__ import annotations

import os
import struct
from pathlib import Path

import httpx
import pytest
from event_site import HOSTILE_TITLE as EVENT_TITLE
from event_site import event_site

from browser import Browser, require_chromium
from live_server import live_app
from local_web import serve as serve_web
from paths import REPO, seed_text

FERRY = (REPO / "tests" / "fixtures" / "web" / "ferry.txt").read_text(encoding="utf-8")
HOSTILE_TITLE = "<script>alert('title')</script>\"><img src=x onerror=alert(1)>"
HOSTILE = (
    "Flood toll rises <script>alert('xss')</script>\n\n"
    "Rescue teams said at least 40 people had died after the river burst its banks on "
    "Tuesday. <img src=x onerror=alert(2)> </textarea><svg onload=alert(3)>\n\n"
    "Officials later said 31 people had died, in what they called a “tragedy”.\n"
)


@pytest.fixture(scope="module")
def browser():
    b = Browser(require_chromium(), offline=False)
    yield b
    b.close()


@pytest.fixture
def site(tmp_path, audit_pool):
    with serve_web() as (port, _), live_app(f"sqlite:///{tmp_path / 'web.db'}", audit_pool,
                                            web_port=port) as base:
        yield base


def api_report(site: str, text: str) -> dict:
    r = httpx.post(f"{site}/api/audit", json={"text": text}, timeout=180)
    assert r.status_code == 200
    return r.json()


def paste(session, text: str, **fields: str) -> None:
    page = session.page
    page.fill("#text", text)
    for name, value in fields.items():
        page.fill(f"#{name}", value)
    with page.expect_navigation(wait_until="load"):
        page.click("#audit-form button[type=submit]")


def assert_findings_shown(page, report: dict) -> None:
    """The panel lists every finding, and each piece of evidence is marked in the text."""
    shown = page.eval_on_selector_all(".panel .finding", "els => els.map(e => e.dataset.finding)")
    assert sorted(shown) == sorted(f["id"] for f in report["findings"])
    text = page.eval_on_selector("#page-text", "el => el.textContent")
    assert text == report["document"]["text"]
    for f in report["findings"]:
        for i, ev in enumerate(f["evidence"]):
            marked = page.eval_on_selector_all(
                f'#page-text mark[data-ev~="{f["id"]}:{i}"]',
                "els => els.map(e => e.textContent).join('')")
            assert marked == ev["text"], (f["id"], i)


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_paste_a_page_and_see_its_findings_and_highlights(browser, site, tmp_path):
    report = api_report(site, FERRY)
    assert report["findings"]
    with browser.visit(site + "/") as session:
        page = session.page
        paste(session, FERRY)
        assert page.title() == f"newsaudit: {report['document']['title']}"
        assert_findings_shown(page, report)
        first = report["findings"][0]
        page.click(f'.finding[data-finding="{first["id"]}"] .finding-head')
        focused = page.eval_on_selector_all("#page-text mark.focus",
                                            "els => els.map(e => e.dataset.ev)")
        assert focused and all(f'{first["id"]}:0' in ev.split() for ev in focused)
        shot = tmp_path / "web-audit.png"
        page.screenshot(path=str(shot))
        assert png_size(shot) == (1280, 900)
        if os.environ.get("NEWSAUDIT_SCREENSHOT"):
            page.screenshot(path=os.environ["NEWSAUDIT_SCREENSHOT"])
        session.assert_clean()


def test_the_seed_page(browser, site):
    text = seed_text()
    report = api_report(site, text)
    with browser.visit(site + "/") as session:
        paste(session, text)
        assert_findings_shown(session.page, report)
        assert session.page.locator("#page-text mark.ev").count() >= len(report["findings"])
        session.assert_clean()


def test_a_hostile_page_runs_nothing(browser, site):
    with browser.visit(site + "/") as session:
        paste(session, HOSTILE, title=HOSTILE_TITLE, outlet="<b onmouseover=alert(4)>X</b>")
        page = session.page
        assert page.eval_on_selector("#page-text", "el => el.textContent") == HOSTILE
        assert page.eval_on_selector("h1", "el => el.textContent") == HOSTILE_TITLE
        assert page.locator("img, svg, iframe, textarea").count() == 0
        for mark in page.locator("#page-text mark.ev").all()[:3]:
            mark.click()
        session.assert_clean()


def test_a_stored_page_has_a_permanent_link_and_the_corpus_finds_it(browser, site):
    with browser.visit(site + "/") as session:
        page = session.page
        page.check("input[name=store]")
        paste(session, FERRY, outlet="Lake Post")
        assert "/pages/sha256:" in page.url
        permanent = page.url
        link = page.get_attribute("a.permalink", "href")
        assert link and permanent.endswith(link)
        page.goto(site + "/pages", wait_until="load")
        assert page.locator("table.pages tbody tr").count() == 1
        page.fill("input[name=q]", "aurelia senna")
        with page.expect_navigation(wait_until="load"):
            page.click("form.filters button")
        assert page.locator("table.pages tbody tr").count() == 1
        page.fill("input[name=q]", "nosuchword")
        with page.expect_navigation(wait_until="load"):
            page.click("form.filters button")
        assert page.locator("table.pages tbody tr").count() == 0
        assert "No stored page matches" in page.inner_text("main")
        page.goto(permanent, wait_until="load")
        with page.expect_navigation(wait_until="load"):
            page.click("header a[href^='/outlets/']")
        assert page.inner_text("h1") == "Lake Post"
        assert page.locator("table.pages tbody tr").count() == 1
        session.assert_clean()


def test_the_api_docs_work_offline(browser, site):
    with browser.visit(site + "/docs") as session:
        session.page.wait_for_selector(".opblock", timeout=30_000)
        paths = session.page.eval_on_selector_all(
            ".opblock-summary-path", "els => els.map(e => e.textContent)")
        assert "/api/audit" in "".join(paths) and "/api/pages/{page_id}" in "".join(paths)
        session.assert_clean()


def test_an_event_page_shows_the_figures_table_and_the_plot(browser, tmp_path, audit_pool):
    """From the events list to an event: every figure in the table with its source, the
    reconciled band, the plot drawn; the headline's markup shown as text, run as nothing."""
    with event_site(f"sqlite:///{tmp_path / 'events.db'}", audit_pool) as (base, c):
        [event] = c.get("/api/events").json()["events"]
        data = c.get(f"/api/events/{event['id']}").json()
        with browser.visit(base + "/events") as session:
            page = session.page
            with page.expect_navigation(wait_until="load"):
                page.click(f'table.events a[href="/events/{event["id"]}"] >> nth=0')
            assert page.inner_text("h1") == event["title"]
            ids = page.eval_on_selector_all("table.figures-table tbody tr",
                                            "els => els.map(e => e.id)")
            assert ids == [r["id"] for r in data["rows"]]
            for r in data["rows"]:
                cells = page.eval_on_selector_all(f'tr[id="{r["id"]}"] td',
                                                  "els => els.map(e => e.textContent)")
                assert cells[2] == r["outlet"] and cells[4] == r["category"]
                if r["source"]:
                    assert cells[6].startswith(r["source"]["text"])
            killed = data["reconciled"]["killed"]
            band = page.eval_on_selector_all('tr[data-category="killed"] td',
                                             "els => els.map(e => e.textContent)")
            assert band[1:4] == [str(killed["low"]), str(killed["best"]), str(killed["high"])]
            assert band[6] == killed["why"]
            plot = page.locator("figure.plot img")
            plot.scroll_into_view_if_needed()
            page.wait_for_function("document.querySelector('figure.plot img').complete")
            assert plot.evaluate("img => img.naturalWidth") > 0, "the plot is drawn"
            titles = page.eval_on_selector_all("table.event-pages td:nth-child(2) a",
                                               "els => els.map(e => e.textContent)")
            assert EVENT_TITLE in titles, "the headline's markup is shown as its text"
            assert page.locator("main script, main img:not(figure.plot img), "
                                "main svg").count() == 0
            session.assert_clean()
