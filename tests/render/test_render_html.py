"""The HTML report, held to what a reader and an attacker would see in a real browser.

Reports come from real audits (the example page and a hostile page written for this
test), with findings placed on real spans of the audited text, overlapping on purpose.
Python-level tests check the markup; the browser tests open the file in headless
Chromium (see tests/browser.py) and check the DOM, the clicks, and that nothing ran,
failed or fetched.
"""

from __future__ import annotations

import dataclasses
import re
import struct
from html.parser import HTMLParser
from pathlib import Path

import pytest

from newsaudit.model import Finding, Report, Span
from newsaudit.render import html as html_render
from newsaudit.render.html import Layer, content_security_policy, pieces, to_html
from paths import EXAMPLE

# Written for this test: markup, template syntax and unicode a page might carry.
HOSTILE = (
    '<script>alert(1)</script> Flood toll rises to 40 in "><b>Riverside</b> district\n\n'
    "Rescue teams said at least 40 people had died after the Marlow river burst its banks "
    "on Tuesday, and {{ 7*7 }} homes were flooded. <img src=x onerror=alert(1)>\n\n"
    "The council spokesperson, Ana Lúcia Ferreira, said: “We have 1,200 volunteers and "
    "‘enough’ boats.” </textarea><textarea autofocus onfocus=alert(2)>\n\n"
    "Officials put the damage at £3.5m in Zürich-on-Marlow, where 300 residents sheltered "
    "in the école; a sign read مرحبا 🙂👩‍👩‍👧. "
    "See [this](javascript:alert(3)) | a | *b* _c_ "
    "`d` &amp; ${x}\n\n"
    "Comments\n\n"
    '1. <iframe src="https://evil.example/"></iframe> This is a disgrace {% raw %}.\n'
)


def span(text: str, needle: str, occurrence: int = 0) -> Span:
    at = -1
    for _ in range(occurrence + 1):
        at = text.index(needle, at + 1)
    return Span(at, at + len(needle), needle)


def audited(text: str, **kw: object) -> Report:
    """A real audit with the checks switched off: these tests place their own findings,
    and must not break while a check elsewhere is being built."""
    from newsaudit import audit

    return audit(text, checks=(), **kw)  # type: ignore[arg-type]


def finding(
    fid: str, check: str, severity: str, message: str, *evidence: Span, **kw: object
) -> Finding:
    return Finding(fid, check, severity, message, tuple(evidence), **kw)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def example_report(nlp) -> Report:
    report = audited(EXAMPLE.read_text(encoding="utf-8"), source="examples/harbour-strike.txt")
    t = report.document.text
    found = (
        finding("f1", "numeric_contradiction", "problem",
                "The page gives the navy's dead as 'at least 120' and later as 117.",
                span(t, "at least 120 sailors"), span(t, "117"), refs=("q1", "q9")),
        # Partly overlaps f1's first span, and holds f3's span whole.
        finding("f2", "quote_integrity", "warning",
                "The quoted “massive loses” does not match the headline.",
                span(t, "suffered “massive loses” of at least"),
                span(t, "“Massive Losses”")),
        finding("f3", "scare_quotes", "info", "Quote marks around “massive loses”.",
                span(t, "“massive loses”")),
        # Runs from a body paragraph across the blank lines into the caption.
        finding("f4", "unsourced_claim", "warning", "Asserted in the page's own voice.",
                span(t, "protecting shipping in the strait.\n\n\nSmoke rises")),
        finding("f5", "toxic_comment", "warning", "A reader calls people vermin.",
                span(t, "These people are vermin")),
        finding("f6", "propaganda_technique", "info", "Name calling.", span(t, "terrorists"),
                technique="name_calling"),
        # Starts in the blank lines between two parts, which the page does not show.
        finding("f7", "scare_quotes", "info", "Starts between parts.",
                span(t, "\n\nRecommended For You")),
    )
    return dataclasses.replace(report, findings=found)


@pytest.fixture(scope="module")
def hostile_report(nlp) -> Report:
    report = audited(HOSTILE, source='<img src=x onerror=alert("src")>.txt', fmt="text")
    t = report.document.text
    found = (
        finding("f1", "headline_unsupported", "problem", 'Headline says <b>40</b> & "more"',
                span(t, "<script>alert(1)</script> Flood"), span(t, '"><b>Riverside</b>')),
        finding("f2", "unsourced_claim", "warning", "<img src=x onerror=alert(9)>",
                span(t, "{{ 7*7 }} homes were flooded. <img src=x onerror=alert(1)>")),
        finding("f3", "quote_integrity", "info", "</textarea><script>alert(4)</script>",
                span(t, "<img src=x onerror=alert(1)>"), span(t, "</textarea><textarea autofocus")),
        finding("f4", "loaded_language", "info", "unicode",
                span(t, "مرحبا 🙂👩‍👩‍👧"),
                span(t, "[this](javascript:alert(3)) | a |")),
        finding("f5", "toxic_comment", "warning", "comment",
                span(t, '<iframe src="https://evil.example/"></iframe> This is a disgrace')),
    )
    return dataclasses.replace(report, findings=found)


# --- Python level --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "layers", "expected"),
    [
        (0, 10, [], [(0, 10, [])]),
        (0, 10, [(2, 5, "a")], [(0, 2, []), (2, 5, ["a"]), (5, 10, [])]),
        # partial overlap: three pieces carry a, a+b, b
        (0, 10, [(1, 6, "a"), (4, 9, "b")],
         [(0, 1, []), (1, 4, ["a"]), (4, 6, ["a", "b"]), (6, 9, ["b"]), (9, 10, [])]),
        # nested
        (0, 8, [(0, 8, "a"), (2, 4, "b")], [(0, 2, ["a"]), (2, 4, ["a", "b"]), (4, 8, ["a"])]),
        # a layer running past the block is clipped to it; one outside is ignored
        (5, 10, [(3, 7, "a"), (10, 12, "b")], [(5, 7, ["a"]), (7, 10, [])]),
        # identical spans from two findings
        (0, 4, [(0, 4, "a"), (0, 4, "b")], [(0, 4, ["a", "b"])]),
    ],
)
def test_pieces(start: int, end: int, layers: list, expected: list) -> None:
    got = pieces(start, end, [Layer(a, b, k, "evidence") for a, b, k in layers])
    assert [(a, b, [ly.key for ly in cov]) for a, b, cov in got] == expected


class _Tags(HTMLParser):
    """Every tag and attribute, and the text inside #page-text, as a browser would parse."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.page_text: list[str] = []
        self.depth = 0  # >0 while inside the article
        self.raw: dict[str, list[str]] = {"style": [], "script": []}
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if self.depth or dict(attrs).get("id") == "page-text":
            self.depth += 1
        if tag in self.raw:
            self._in = tag

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1
        self._in = None

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.page_text.append(data)
        if self._in:
            self.raw[self._in].append(data)


ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "main", "section", "aside",
    "article", "footer", "h1", "h2", "h3", "p", "div", "span", "mark", "ol", "li", "button",
    "table", "thead", "tbody", "tr", "th", "td", "blockquote", "meter",
    "script",
}
FETCHING_ATTRS = ("src", "href", "srcset", "action", "style", "poster", "data", "background")


@pytest.mark.parametrize("which", ["example_report", "hostile_report"])
def test_markup_is_inert_and_round_trips(which: str, request: pytest.FixtureRequest) -> None:
    report: Report = request.getfixturevalue(which)
    out = to_html(report)
    parsed = _Tags()
    parsed.feed(out)
    assert "".join(parsed.page_text) == report.document.text
    tags = {t for t, _ in parsed.tags}
    assert tags <= ALLOWED_TAGS, f"unexpected elements: {tags - ALLOWED_TAGS}"
    assert [t for t, _ in parsed.tags].count("script") == 1
    for tag, attrs in parsed.tags:
        bad = [a for a in attrs if a.startswith("on") or a in FETCHING_ATTRS]
        assert not bad, f"<{tag}> carries {bad}"
    # Nothing that could fetch: no URL in CSS, no imports.
    css, js = parsed.raw["style"][0], parsed.raw["script"][0]
    assert not re.search(r"url\(|@import|https?:", css)
    assert not re.search(r"https?:|fetch\(|XMLHttpRequest|import\(|eval\(|innerHTML", js)
    csp = [
        a["content"]
        for t, a in parsed.tags
        if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    ]
    assert csp == [content_security_policy(css, js)]
    assert "default-src 'none'" in csp[0] and "unsafe-inline" not in csp[0]


def test_hostile_strings_are_escaped(hostile_report: Report) -> None:
    out = to_html(hostile_report)
    for raw in ("<script>alert", "<img", "<iframe", "</textarea>", "<textarea", '"><b>', "<b>"):
        assert raw not in out, raw
    assert out.count("<script") == 1
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "{{ 7*7 }}" in out and "{% raw %}" in out  # no template engine touched the text
    assert "مرحبا 🙂👩‍👩‍👧" in out
    assert "<title>newsaudit: &lt;script&gt;alert(1)&lt;/script&gt; Flood" in out


def test_carriage_return_survives_parsing() -> None:
    assert html_render._e("a\rb<") == "a&#13;b&lt;"


# --- in Chromium ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    from browser import Browser, require_chromium

    chromium = require_chromium()
    b = Browser(chromium)
    yield b
    b.close()


def _write(tmp_path: Path, report: Report, name: str = "report.html") -> Path:
    path = tmp_path / name
    path.write_text(to_html(report), encoding="utf-8")
    return path


MARKS_BY_KEY = """() => {
  const out = {};
  for (const m of document.querySelectorAll('#page-text mark')) {
    for (const k of m.dataset.ev.split(' ')) (out[k] = out[k] || []).push(m.textContent);
  }
  return out;
}"""

IN_VIEW = """(el) => {
  const r = el.getBoundingClientRect();
  return r.top >= 0 && r.bottom <= window.innerHeight
    && r.left >= 0 && r.right <= window.innerWidth;
}"""


def _expected_pieces(report: Report) -> dict[str, str]:
    return {f"{f.id}:{i}": ev.text for f in report.findings for i, ev in enumerate(f.evidence)}


def _alone(report: Report) -> set[str]:
    """Evidence keys whose span overlaps no other evidence and sits in one segment:
    those must be exactly one <mark> whose text is the evidence."""
    spans = [(f"{f.id}:{i}", ev) for f in report.findings for i, ev in enumerate(f.evidence)]
    out = set()
    for key, ev in spans:
        clash = any(k != key and o.start < ev.end and ev.start < o.end for k, o in spans)
        inside = any(s.start <= ev.start and ev.end <= s.end for s in report.segments)
        if not clash and inside:
            out.add(key)
    return out


@pytest.mark.parametrize("which", ["example_report", "hostile_report"])
def test_dom(which: str, request: pytest.FixtureRequest, browser, tmp_path: Path) -> None:
    report: Report = request.getfixturevalue(which)
    with browser.open(_write(tmp_path, report)) as s:
        page = s.page
        assert page.locator(".finding").count() == len(report.findings)
        order = page.eval_on_selector_all(".finding", "els => els.map(e => e.dataset.finding)")
        rank = ("problem", "warning", "info")
        by_sev = sorted(report.findings, key=lambda f: rank.index(f.severity))
        assert order == [f.id for f in by_sev]
        assert page.eval_on_selector("#page-text", "e => e.textContent") == report.document.text
        got = page.evaluate(MARKS_BY_KEY)
        assert {k: "".join(v) for k, v in got.items()} == _expected_pieces(report)
        for key in _alone(report):
            assert got[key] == [_expected_pieces(report)[key]]
        labels = page.eval_on_selector_all(
            "#page-text .seg", "els => els.map(e => getComputedStyle(e, '::before').content)"
        )
        assert len(labels) >= len(report.segments)
        assert any("HEADLINE" in x.upper() for x in labels)
        s.assert_clean()


def test_click_finding_scrolls_to_its_evidence(
    example_report: Report, browser, tmp_path: Path
) -> None:
    with browser.open(_write(tmp_path, example_report)) as s:
        page = s.page
        # The reader-comment finding's evidence starts out below the fold.
        target = page.locator('#page-text mark[data-ev~="f5:0"]').first
        assert not target.evaluate(IN_VIEW)
        page.locator('.finding[data-finding="f5"] .finding-head').click()
        assert target.evaluate(IN_VIEW)
        assert target.evaluate("el => document.activeElement === el")
        assert "current" in target.get_attribute("class")
        assert "current" in page.locator('.finding[data-finding="f5"]').get_attribute("class")

        # The first finding in the panel: its first evidence, with all of f1 lit up.
        page.locator(".finding .finding-head").first.click()
        first = page.locator('#page-text mark[data-ev~="f1:0"]').first
        assert first.evaluate(IN_VIEW)
        assert first.evaluate("el => document.activeElement === el")
        lit = page.eval_on_selector_all(
            "#page-text mark.current", "els => els.map(e => e.textContent)"
        )
        assert "".join(lit) == "at least 120 sailors117"
        assert page.locator('#page-text mark.current[data-finding~="f5"]').count() == 0

        # Evidence starting in hidden blank lines: the first piece that shows is focused.
        page.locator('.finding[data-finding="f7"] .finding-head').click()
        assert page.evaluate("document.activeElement.textContent") == "Recommended For You"

        # A second piece of evidence has its own link.
        page.locator('[data-goto-ev="f1:1"]').click()
        assert page.evaluate("document.activeElement.textContent") == "117"

        # Clicking marked words brings up their finding; a figure link finds its figure.
        page.locator('#page-text mark[data-ev~="f6:0"]').click()
        assert "current" in page.locator('.finding[data-finding="f6"]').get_attribute("class")
        q = example_report.quantities[-1]
        page.locator(f'[data-goto-q="{q.id}"]').click()
        assert page.evaluate("document.activeElement.textContent") == q.text
        s.assert_clean()


def test_hostile_page_runs_nothing(hostile_report: Report, browser, tmp_path: Path) -> None:
    with browser.open(_write(tmp_path, hostile_report)) as s:
        page = s.page
        assert page.title().startswith("newsaudit: <script>alert(1)</script> Flood")
        assert page.evaluate("document.scripts.length") == 1
        for sel in ("img", "iframe", "textarea", "b", "[autofocus]"):
            assert page.locator(sel).count() == 0, sel
        on_attrs = page.evaluate(
            "[...document.querySelectorAll('*')].flatMap(e => [...e.attributes]"
            ".filter(a => a.name.startsWith('on')).map(a => e.tagName + ' ' + a.name))"
        )
        assert on_attrs == []
        body = page.inner_text("#page-text")
        for raw in (
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "</textarea>",
            '"><b>Riverside</b>', "{{ 7*7 }}", "مرحبا 🙂👩‍👩‍👧", "[this](javascript:alert(3))",
        ):
            assert raw in body
        for head in page.locator(".finding-head").all():
            head.click()
        assert "<img src=x onerror=alert(9)>" in page.inner_text(".panel")
        s.assert_clean()


def test_csp_stops_scripts_even_if_escaping_failed(
    hostile_report: Report, browser, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Defence in depth: with escaping switched off, the page's markup becomes real
    # elements, and the policy must still keep every script and request from running.
    monkeypatch.setattr(html_render, "_e", str)
    with browser.open(_write(tmp_path, hostile_report, "unescaped.html")) as s:
        assert s.page.locator("#page-text script").count() >= 1  # the injection happened
        s.page.wait_for_timeout(200)
        assert s.dialogs == []
        assert not [u for u in s.requests if not u.startswith("file:")], s.requests
        kinds = {v.split()[0] for v in s.violations()}
        # Chromium announces the <img src=x> request, then the policy refuses it.
        assert {"script-src-elem", "script-src-attr", "img-src"} <= kinds, kinds


def test_no_findings_page(nlp, browser, tmp_path: Path) -> None:
    report = audited(EXAMPLE.read_text(encoding="utf-8"))
    with browser.open(_write(tmp_path, report)) as s:
        assert s.page.locator(".finding").count() == 0
        assert s.page.locator("#page-text mark").count() == 0
        assert "No findings" in s.page.inner_text(".panel")
        assert s.page.locator("table.figures tbody tr").count() == len(report.quantities)
        s.assert_clean()


def test_screenshot(example_report: Report, browser, tmp_path: Path) -> None:
    with browser.open(_write(tmp_path, example_report)) as s:
        shot = tmp_path / "report.png"
        s.page.screenshot(path=str(shot))
        width, height = struct.unpack(">II", shot.read_bytes()[16:24])
        assert (width, height) == (1280, 900)
        assert shot.stat().st_size > 20_000  # a rendered page, not a blank one
        s.assert_clean()


@pytest.mark.parametrize(
    ("ci", "outcome"), [("true", pytest.fail.Exception), ("", pytest.skip.Exception)]
)
def test_missing_chromium_fails_in_ci_and_skips_locally(
    ci: str, outcome: type[BaseException], monkeypatch: pytest.MonkeyPatch
) -> None:
    import browser

    monkeypatch.setattr(browser, "chromium_path", lambda: None)
    monkeypatch.setenv("CI", ci)
    with pytest.raises(outcome, match="Chromium not found"):
        browser.require_chromium()


@pytest.mark.parametrize("page", ["example", "seed"])
def test_real_audit_renders(page: str, nlp, browser, tmp_path: Path) -> None:
    """The report of a full audit, checks and all, keeps every promise above."""
    from newsaudit import audit
    from paths import SEED

    path = EXAMPLE if page == "example" else SEED
    if not path.is_file():
        pytest.skip(f"{path} is missing (shared material not laid out beside the repo)")
    report = audit(path.read_text(encoding="utf-8"), source=path.name)
    with browser.open(_write(tmp_path, report)) as s:
        p = s.page
        assert p.locator(".finding").count() == len(report.findings)
        assert p.eval_on_selector("#page-text", "e => e.textContent") == report.document.text
        got = p.evaluate(MARKS_BY_KEY)
        assert {k: "".join(v) for k, v in got.items()} == _expected_pieces(report)
        for f in report.findings:
            if not f.evidence:
                continue
            p.locator(f'.finding[data-finding="{f.id}"] .finding-head').click()
            focused = p.evaluate(
                "[document.activeElement.tagName, document.activeElement.dataset.ev]"
            )
            assert focused[0] == "MARK" and f"{f.id}:0" in focused[1].split()
            assert p.locator(":focus").evaluate(IN_VIEW)
        s.assert_clean()
