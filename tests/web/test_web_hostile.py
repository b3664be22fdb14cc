"""Hostile input against the real server: each gets its clear error, and the server stays up.

Markup and script in page text, titles and outlet names come back as text, never as
markup; URLs that lead to this machine or its network are refused (directly, by name, or
by a redirect, through the local test web server); oversized, binary and malformed bodies
are refused with their codes; and a foreign Host or a cross-site form cannot use the
server. After each, ``/api/health`` still answers.
"""

from __future__ import annotations

import socket
import threading
from contextlib import contextmanager
from html.parser import HTMLParser
from urllib.parse import quote, urlsplit

import httpx
import pytest

from live_server import live_app
from local_web import serve as serve_web
from newsaudit.render.html import _static
from paths import REPO

FERRY = (REPO / "tests" / "fixtures" / "web" / "ferry.txt").read_text(encoding="utf-8")
SCRIPT = "<script>alert('xss')</script>"
HOSTILE_TITLE = f'{SCRIPT}"><img src=x onerror=alert(1)> Flood toll rises'
HOSTILE_TEXT = (
    f"{HOSTILE_TITLE}\n\n"
    "Rescue teams said at least 40 people had died after the river burst its banks on "
    "Tuesday. <img src=x onerror=alert(2)> {{ 7*7 }} ${x}\n\n"
    "Officials later said 31 people had died. </textarea><svg onload=alert(3)> "
    '<a href="javascript:alert(4)">more</a>\n'
)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(256)) * 8


class Markup(HTMLParser):
    """Every element of a page, with its attributes, and the text of its scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if tag == "script":
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


def assert_inert(html: str) -> None:
    """No element the page text could have made: no handler attribute, no script but the
    report's own, no image, frame, svg or javascript: link."""
    page = Markup()
    page.feed(html)
    for tag, attrs in page.tags:
        assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
        assert tag not in ("img", "iframe", "svg", "object", "embed", "textarea")
        href = (attrs.get("href") or "").strip().lower()
        assert not href.startswith("javascript:"), attrs
    assert all(s == _static("report.js") for s in page.scripts), "a script that is not ours"


@contextmanager
def server(tmp_path, pool, **options):
    with serve_web() as (port, hits), live_app(
        f"sqlite:///{tmp_path / 'web.db'}", pool, web_port=port, **options
    ) as base, httpx.Client(base_url=base, timeout=180) as c:
        c.hits = hits  # type: ignore[attr-defined]
        yield c


@pytest.fixture
def web(tmp_path, audit_pool):
    with server(tmp_path, audit_pool) as c:
        yield c
        assert c.get("/api/health").json()["status"] == "ok", "the server stays up"


def code_of(r: httpx.Response) -> str:
    return r.json()["error"]["code"]


def test_markup_in_text_and_titles_stays_text(web):
    d = web.post("/api/audit", json={"text": HOSTILE_TEXT, "title": HOSTILE_TITLE,
                                     "outlet": "<b onmouseover=alert(5)>Gazette</b>"}).json()
    assert d["document"]["text"] == HOSTILE_TEXT and d["document"]["title"] == HOSTILE_TITLE
    html = web.post("/api/audit", json={"text": HOSTILE_TEXT, "title": HOSTILE_TITLE},
                    headers={"Accept": "text/html"}).text
    assert_inert(html)
    assert "&lt;script&gt;alert(&#x27;xss&#x27;)&lt;/script&gt;" in html
    stored = web.post("/audit", data={"text": HOSTILE_TEXT, "title": HOSTILE_TITLE,
                                      "outlet": "<b onmouseover=alert(5)>Gazette</b>",
                                      "store": "1"}, follow_redirects=True)
    assert stored.status_code == 200 and "/pages/sha256:" in str(stored.url)
    for page in (stored.text, web.get("/pages").text,
                 web.get("/outlets/" + quote("<b onmouseover=alert(5)>Gazette</b>",
                                             safe="")).text):
        assert_inert(page)
        assert "&lt;b onmouseover=alert(5)&gt;Gazette&lt;/b&gt;" in page


def test_html_pages_with_script_in_the_title(web):
    page = (f"<html><head><title>{SCRIPT} Dam breaks</title></head><body><article>"
            "<h1>Dam breaks</h1><p onclick=alert(1)>At least 12 homes were flooded, the "
            "council said.</p><script>alert(2)</script></article></body></html>")
    r = web.post("/api/audit", json={"html": page}, headers={"Accept": "text/html"})
    assert r.status_code == 200
    assert_inert(r.text)


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/", "http://127.0.0.1:8000/api/health", "http://[::1]/",
    "http://10.0.0.5/intranet", "http://169.254.169.254/latest/meta-data/",
    "http://0.0.0.0/", "http://loop.test/page", "http://metadata.test/latest",
    "http://intranet.test/page", "http://mixed.test/page", "http://mapped.test/page",
    "file:///etc/passwd", "ftp://news.test/page", "gopher://127.0.0.1:70/",
])
def test_urls_to_this_machine_or_its_network_are_refused(web, url):
    r = web.post("/api/audit", json={"url": url})
    assert r.status_code == 422 and code_of(r) == "fetch_refused", r.text
    assert [h for h in web.hits if h[1] != "/robots.txt"] == []


@pytest.mark.parametrize("path", ["/to-loopback", "/to-intranet"])
def test_a_redirect_to_a_private_address_is_refused(web, path):
    r = web.post("/api/audit", json={"url": f"http://news.test{path}"})
    assert r.status_code == 422 and code_of(r) == "fetch_refused"
    assert ("news.test", path) in web.hits  # the first hop was fetched, the second refused


def test_a_public_url_is_fetched_and_audited(web):
    d = web.post("/api/audit", json={"url": "http://news.test/to-page"}).json()
    assert d["document"]["url"] == "http://news.test/page"
    assert d["document"]["title"] == "Port strike ends after ten days"
    assert d["document"]["format"] == "html"


def _complete(answer: bytes) -> bool:
    """True once the head and as many body bytes as Content-Length names have come: the
    head and the body may arrive in separate packets, so the head alone is not the answer."""
    head, sep, body = answer.partition(b"\r\n\r\n")
    if not sep:
        return False
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return len(body) >= int(value.strip())
    return False  # no length: read to the close


def _raw_request(base: str, head: bytes, body_chunks=()) -> bytes:
    """Send a request by hand (the body on a thread, as a client that does not wait for
    the answer would) and read the answer."""
    u = urlsplit(base)
    sock = socket.create_connection((u.hostname, u.port), timeout=60)

    def send_body() -> None:
        try:
            for chunk in body_chunks:
                sock.sendall(chunk)
        except OSError:
            pass  # the server answered and closed: that is the point

    sock.sendall(head)
    sender = threading.Thread(target=send_body, daemon=True)
    sender.start()
    answer = b""
    try:
        while not _complete(answer):
            part = sock.recv(65536)
            if not part:
                break
            answer += part
    finally:
        sock.close()
        sender.join(timeout=10)
    return answer


def test_a_20_mb_body_is_refused_before_it_is_read(web):
    size = 20 * 1024 * 1024
    head = (f"POST /api/audit HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            f"Content-Length: {size}\r\n\r\n").encode()
    answer = _raw_request(str(web.base_url), head, (b"x" * 1_048_576 for _ in range(20)))
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert b'"input_too_large"' in answer


def test_a_body_without_length_is_counted_as_it_comes(tmp_path, audit_pool):
    with server(tmp_path, audit_pool, max_bytes=100_000) as c:
        head = (b"POST /api/audit HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json"
                b"\r\nTransfer-Encoding: chunked\r\n\r\n")
        chunk = b'{"text": "' + b"a" * 60_000
        chunks = [b"%x\r\n%s\r\n" % (len(chunk), chunk)] * 3 + [b"0\r\n\r\n"]
        answer = _raw_request(str(c.base_url), head, chunks)
        assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
        assert c.get("/api/health").status_code == 200


def test_a_page_over_the_limit_in_a_form_is_refused(tmp_path, audit_pool):
    with server(tmp_path, audit_pool, max_bytes=50_000) as c:
        r = c.post("/audit", files={"file": ("big.txt", b"word " * 20_000, "text/plain")})
        assert r.status_code == 413
        assert "input_too_large" in r.text and r.headers["content-type"].startswith("text/html")


def test_a_binary_upload_is_refused(web):
    r = web.post("/audit", files={"file": ("photo.png", PNG, "image/png")})
    assert r.status_code == 415 and "input_binary" in r.text
    assert_inert(r.text)
    r = web.post("/api/audit", json={"text": "Flood toll\n\nAt least 4\x00 died."})
    assert r.status_code == 415 and code_of(r) == "input_binary"


@pytest.mark.parametrize("body, ctype", [
    (b'{"text": "unterminated', "application/json"),
    (b"{'text': 'single quotes'}", "application/json"),
    (b'{"text": "\xff\xfe not utf-8"}', "application/json"),
    (b"[" * 100_000 + b"]" * 100_000, "application/json"),
])
def test_malformed_json_is_refused(web, body, ctype):
    r = web.post("/api/audit", content=body, headers={"Content-Type": ctype})
    assert r.status_code == 400 and code_of(r) == "input_malformed", r.text


def test_a_json_body_sent_as_a_form_is_not_json(web):
    r = web.post("/api/audit", content=b'{"text": "a"}', headers={"Content-Type": "text/plain"})
    assert r.status_code == 422 and code_of(r) == "input_invalid"


@pytest.mark.parametrize("data, code", [
    ({}, "input_empty"), ({"text": "   "}, "input_empty"),
    ({"text": "Some text", "url": "http://news.test/page"}, "input_invalid"),
])
def test_the_form_needs_one_page(web, data, code):
    r = web.post("/audit", data=data)
    assert r.status_code == 422 and code in r.text
    assert_inert(r.text)


def test_a_foreign_host_is_refused(web):
    r = web.get("/api/health", headers={"Host": "attacker.example"})
    assert r.status_code == 403 and code_of(r) == "forbidden"
    r = web.get("/pages", headers={"Host": "127.0.0.1.attacker.example:80"})
    assert r.status_code == 403


def test_a_cross_site_form_cannot_store(web):
    for headers in ({"Origin": "http://attacker.example", "Sec-Fetch-Site": "cross-site"},
                    {"Origin": "http://attacker.example"}):
        r = web.post("/audit", data={"text": FERRY, "store": "1"}, headers=headers)
        assert r.status_code == 403 and "forbidden" in r.text
    assert web.get("/api/pages").json()["total"] == 0


def test_every_page_keeps_the_strict_policy(web):
    r = web.post("/audit", data={"text": FERRY, "store": "1"}, follow_redirects=True)
    page_id = str(r.url).rsplit("/", 1)[1]
    for path in ("/", "/pages", f"/pages/{page_id}", "/outlets/nowhere", "/nope",
                 "/events", "/docs", "/api/health"):
        got = web.get(path)
        policy = got.headers["content-security-policy"]
        assert "default-src 'none'" in policy and "unsafe-inline" not in policy, path
        assert "frame-ancestors 'none'" in policy, path
        assert got.headers["x-content-type-options"] == "nosniff"
