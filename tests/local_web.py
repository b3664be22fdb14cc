"""A local web server for the fetcher and feed tests, and a fetcher pointed at it.

Tests never reach the internet. Names like ``news.test`` resolve (through the fetcher's
injected resolver) to addresses in 198.18.0.0/15, the benchmarking range, which the test
policy treats as public; the injected dialer then connects every such address to this
server on 127.0.0.1. Names that resolve to private, loopback or link-local addresses keep
the real policy, so the refusals are tested as they run for users.
"""

from __future__ import annotations

import ipaddress
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpcore

from newsaudit.fetch import Fetcher, is_public

STAND_IN = ipaddress.ip_network("198.18.0.0/15")
NAMES = {
    "news.test": ["198.18.0.10"],
    "wire.test": ["198.18.0.11"],
    "intranet.test": ["10.0.0.5"],
    "metadata.test": ["169.254.169.254"],
    "loop.test": ["127.0.0.1"],
    "mixed.test": ["198.18.0.12", "192.168.1.20"],
    "mapped.test": ["::ffff:127.0.0.1"],
}

ARTICLE = """<!doctype html><html><head><title>Port strike ends after ten days</title>
<meta property="og:site_name" content="Harbour Times">
<meta property="article:published_time" content="2024-05-02T08:00:00Z"></head>
<body><article><h1>Port strike ends after ten days</h1>
<p>Dock workers in the harbour city returned to work on Monday after a ten-day strike over
pay, the union said, ending a dispute that had left more than forty ships waiting offshore.</p>
<p>About 2,000 workers had walked out after talks with the port authority broke down in
April. The authority said the new agreement raised wages by six per cent over two years.</p>
</article></body></html>"""

SECOND = ARTICLE.replace("Port strike ends after ten days", "Ferry service resumes").replace(
    "Dock workers in the harbour city returned to work on Monday after a ten-day strike over\n"
    "pay, the union said, ending a dispute that had left more than forty ships waiting offshore.",
    "The island ferry service resumed on Tuesday after repairs to the landing stage, the "
    "operator said, after three weeks in which residents relied on a smaller boat.")


def rss(links: list[str]) -> str:
    items = "".join(
        f"<item><title>Story {n}</title><link>{link}</link><guid>story-{n}</guid>"
        f"<pubDate>Thu, 02 May 2024 08:0{n}:00 GMT</pubDate></item>"
        for n, link in enumerate(links, start=1)
    )
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Times</title>'
            f"<link>http://news.test/</link>{items}</channel></rss>")


class _Handler(BaseHTTPRequestHandler):
    routes: dict[str, Callable[[BaseHTTPRequestHandler], None]] = {}
    hits: list[tuple[str, str]] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self.hits.append((self.headers.get("Host", ""), self.path))
        route = self.routes.get(self.path)
        if route is None:
            self.send_error(404)
            return
        route(self)

    def log_message(self, *args: Any) -> None:
        pass


def send(body: str | bytes, ctype: str = "text/html; charset=utf-8", status: int = 200,
         headers: dict[str, str] | None = None) -> Callable[[BaseHTTPRequestHandler], None]:
    data = body.encode("utf-8") if isinstance(body, str) else body

    def route(h: BaseHTTPRequestHandler) -> None:
        h.send_response(status)
        h.send_header("Content-Type", ctype)
        h.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            h.send_header(k, v)
        h.end_headers()
        h.wfile.write(data)

    return route


def redirect(location: str) -> Callable[[BaseHTTPRequestHandler], None]:
    return send(b"", status=302, headers={"Location": location})


def slow(seconds: float) -> Callable[[BaseHTTPRequestHandler], None]:
    def route(h: BaseHTTPRequestHandler) -> None:
        time.sleep(seconds)
        try:
            send(ARTICLE)(h)
        except OSError:
            pass

    return route


def unsized(size: int) -> Callable[[BaseHTTPRequestHandler], None]:
    """A body with no Content-Length, sent in pieces: the cap must count as it reads."""
    def route(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.end_headers()
        try:
            for _ in range(size // 8192):
                h.wfile.write(b"x" * 8192)
        except OSError:
            pass

    return route


DEFAULT_ROUTES = {
    "/robots.txt": send("User-agent: *\nDisallow: /private/\n", "text/plain"),
    "/page": send(ARTICLE),
    "/second": send(SECOND),
    "/private/page": send(ARTICLE),
    "/missing-here": send("gone", status=410),
    "/feed.xml": send(rss(["http://news.test/page", "http://news.test/second"]),
                      "application/rss+xml"),
    "/broken-feed.xml": send('<?xml version="1.0"?><rss><channel><item><title>unclosed',
                             "application/rss+xml"),
    "/slow": slow(1.5),
    "/big": send(b"x" * 300_000),
    "/unsized": unsized(300_000),
    "/to-page": redirect("/page"),
    "/to-loopback": redirect("http://127.0.0.1/page"),
    "/to-intranet": redirect("http://intranet.test/page"),
    "/to-private-path": redirect("/private/page"),
}


@contextmanager
def serve(extra: dict[str, Callable[[BaseHTTPRequestHandler], None]] | None = None
          ) -> Iterator[tuple[int, list[tuple[str, str]]]]:
    """Run the server on 127.0.0.1; yields its port and the list of requests it saw."""
    handler = type("Handler", (_Handler,), {"routes": {**DEFAULT_ROUTES, **(extra or {})},
                                            "hits": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1], handler.hits
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def resolver(host: str, port: int) -> list[str]:
    if host not in NAMES:
        raise OSError(f"unknown test host {host}")
    return NAMES[host]


def test_policy(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """The real policy, with the stand-in range counted as public."""
    return ip in STAND_IN or is_public(ip)


def fetcher(port: int, dialed: list[str] | None = None, **kw: Any) -> Fetcher:
    """A fetcher whose stand-in public addresses all lead to the local server."""
    dialed = dialed if dialed is not None else []

    def dialer(ip: str, _port: int, timeout: float | None, opts: Any) -> httpcore.NetworkStream:
        dialed.append(ip)
        assert ipaddress.ip_address(ip) in STAND_IN, f"dialled {ip}: only stand-ins may be"
        return httpcore.SyncBackend().connect_tcp("127.0.0.1", port, timeout=timeout)

    kw.setdefault("min_interval", 0.0)
    kw.setdefault("timeout", 5.0)
    return Fetcher(resolver=resolver, allow=kw.pop("allow", test_policy), dialer=dialer, **kw)
