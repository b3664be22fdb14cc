"""The guarded fetcher: what it refuses (before connecting) and what it fetches, locally."""

from __future__ import annotations

import ipaddress

import pytest

from local_web import ARTICLE, fetcher, serve
from newsaudit.fetch import (
    AddressRefused,
    FetchError,
    FetchTimeout,
    FetchTooLarge,
    HTTPStatusError,
    RobotsDisallowed,
    checked_addresses,
    is_public,
)


@pytest.mark.parametrize("addr, public", [
    ("93.184.216.34", True), ("2606:4700::1111", True),
    ("10.1.2.3", False), ("172.16.0.9", False), ("192.168.1.1", False),
    ("127.0.0.1", False), ("::1", False), ("169.254.169.254", False), ("fe80::1", False),
    ("0.0.0.0", False), ("100.64.0.1", False), ("240.0.0.1", False), ("224.0.0.251", False),
    ("::ffff:127.0.0.1", False), ("::ffff:10.0.0.1", False), ("fc00::1", False),
])
def test_only_public_addresses_pass_the_policy(addr, public):
    assert is_public(ipaddress.ip_address(addr)) is public


@pytest.mark.parametrize("url, why", [
    ("http://intranet.test/page", "resolves to 10.0.0.5"),
    ("http://metadata.test/latest/meta-data/", "resolves to 169.254.169.254"),
    ("http://loop.test/page", "resolves to 127.0.0.1"),
    ("http://mapped.test/page", "resolves to ::ffff:127.0.0.1"),
    ("http://mixed.test/page", "resolves to 192.168.1.20"),
    ("http://127.0.0.1/page", "127.0.0.1"),
    ("http://[::1]/page", "::1"),
    ("http://0.0.0.0/page", "0.0.0.0"),
    ("file:///etc/passwd", "only http and https"),
    ("ftp://news.test/page", "only http and https"),
])
def test_refused_before_any_connection(url, why):
    dialed: list[str] = []
    with serve() as (port, hits):
        with fetcher(port, dialed) as f:
            with pytest.raises(AddressRefused) as info:
                f.fetch(url)
    assert why in info.value.reason
    assert info.value.source == url
    assert info.value.code == "fetch_refused"
    assert dialed == [] and hits == []


def test_fetches_a_page_and_reads_robots_first():
    with serve() as (port, hits), fetcher(port) as f:
        got = f.fetch("http://news.test/page")
    assert got.data == ARTICLE.encode()
    assert got.status == 200 and got.content_type.startswith("text/html")
    assert hits == [("news.test", "/robots.txt"), ("news.test", "/page")]


def test_robots_disallow_is_respected_also_after_a_redirect():
    with serve() as (port, hits), fetcher(port) as f:
        with pytest.raises(RobotsDisallowed):
            f.fetch("http://news.test/private/page")
        with pytest.raises(RobotsDisallowed):
            f.fetch("http://news.test/to-private-path")
    assert ("news.test", "/private/page") not in hits


def test_missing_robots_allows_and_unreachable_robots_disallows():
    from local_web import send

    with serve({"/robots.txt": send("no", status=404)}) as (port, _), fetcher(port) as f:
        assert f.fetch("http://news.test/page").status == 200
    with serve({"/robots.txt": send("down", status=503)}) as (port, _), fetcher(port) as f:
        with pytest.raises(RobotsDisallowed):
            f.fetch("http://news.test/page")


@pytest.mark.parametrize("path, where", [
    ("/to-loopback", "127.0.0.1"),
    ("/to-intranet", "resolves to 10.0.0.5"),
])
def test_redirects_are_checked_again(path, where):
    dialed: list[str] = []
    with serve() as (port, hits), fetcher(port, dialed) as f:
        with pytest.raises(AddressRefused) as info:
            f.fetch(f"http://news.test{path}")
    assert where in info.value.reason
    assert all(ip == "198.18.0.10" for ip in dialed)
    assert ("news.test", "/page") not in hits


def test_follows_a_plain_redirect():
    with serve() as (port, _), fetcher(port) as f:
        got = f.fetch("http://news.test/to-page")
    assert got.url == "http://news.test/page" and got.data == ARTICLE.encode()


def test_a_server_that_does_not_answer_in_time_is_a_timeout():
    with serve() as (port, _), fetcher(port, timeout=0.3) as f:
        with pytest.raises(FetchTimeout) as info:
            f.fetch("http://news.test/slow")
    assert info.value.code == "fetch_timeout"
    assert "no answer within 0.3 s" in info.value.reason


@pytest.mark.parametrize("path", ["/big", "/unsized"])
def test_bodies_over_the_cap_are_refused(path):
    with serve() as (port, _), fetcher(port, max_bytes=100_000) as f:
        with pytest.raises(FetchTooLarge) as info:
            f.fetch(f"http://news.test{path}")
    assert "100,000" in info.value.reason


def test_error_status_and_unknown_host():
    with serve() as (port, _), fetcher(port) as f:
        with pytest.raises(HTTPStatusError) as info:
            f.fetch("http://news.test/missing-here")
        assert info.value.reason == "the server answered 410 Gone"
        with pytest.raises(FetchError) as info2:
            f.fetch("http://nowhere.test/page")
        assert "cannot resolve" in info2.value.reason


def test_requests_to_one_host_are_spaced_by_the_rate_limit():
    now = [100.0]
    slept: list[float] = []

    def sleep(s: float) -> None:
        slept.append(round(s, 3))
        now[0] += s

    with serve() as (port, _):
        with fetcher(port, min_interval=2.0, clock=lambda: now[0], sleep=sleep) as f:
            f.fetch("http://news.test/page")      # robots.txt, then the page: one wait
            f.fetch("http://news.test/second")    # another wait
            f.fetch("http://wire.test/page")      # another host: robots.txt at once
    assert slept == [2.0, 2.0, 2.0]


def test_checked_addresses_accepts_public_literals_without_resolving():
    def no_dns(host: str, port: int) -> list[str]:
        raise AssertionError("a literal address needs no DNS")

    assert checked_addresses("93.184.216.34", 80, no_dns, is_public) == ["93.184.216.34"]
