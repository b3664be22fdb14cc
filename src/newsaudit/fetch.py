"""Fetching pages from URLs without letting a URL reach where it should not (httpx).

A URL in a feed or a list is untrusted input: it may point at the user's router, a cloud
metadata service or a server that never stops sending. So every request here has

- a connect/read timeout and an overall deadline, and a size cap on the body;
- a per-host rate limit (one request per ``min_interval`` seconds to the same host);
- robots.txt respected (RFC 9309: a missing file allows all, a server error allows
  nothing), for the first URL and every redirect;
- redirects followed one hop at a time, each hop re-checked like the first URL;
- addresses checked after DNS resolution, in the connection itself: a host that resolves
  to any private, loopback, link-local, reserved or otherwise non-public address is
  refused, and the connection goes to the address that was checked (so a second DNS
  answer cannot swap it), and no proxy from the environment is used.

The seams are injectable (``resolver``: host -> addresses; ``allow``: the address policy;
``dialer``: opens the TCP stream to a checked address), which is how the tests exercise
the refusals and still serve pages from a local test server.

Its errors (``FetchError`` and the five kinds under it, each with its ``code``) are drawn
with the others in :mod:`newsaudit.errors` and re-exported here.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
import urllib.robotparser
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from newsaudit._version import __version__
from newsaudit.errors import (
    AddressRefused,
    FetchError,
    FetchTimeout,
    FetchTooLarge,
    HTTPStatusError,
    RobotsDisallowed,
)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Sequence[str]]
AddressPolicy = Callable[[IPAddress], bool]
Dialer = Callable[[str, int, float | None, Iterable[Any] | None], httpcore.NetworkStream]

USER_AGENT = f"newsaudit/{__version__} (news page auditor)"
DEFAULT_TIMEOUT = 10.0
DEFAULT_MAX_BYTES = 10_000_000
#: One request per second per host: polite to news sites, and far above what one
#: machine's audit can absorb anyway (about 12 pages/s for all hosts together).
DEFAULT_MIN_INTERVAL = 1.0
MAX_REDIRECTS = 5


def is_public(ip: IPAddress) -> bool:
    """True for a globally routable unicast address; an IPv4-mapped IPv6 is judged as IPv4."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for ``host``, in its order."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    seen: list[str] = []
    for info in infos:
        addr = str(info[4][0])
        if addr not in seen:
            seen.append(addr)
    return seen


def _system_dialer(
    ip: str, port: int, timeout: float | None, socket_options: Iterable[Any] | None
) -> httpcore.NetworkStream:
    return httpcore.SyncBackend().connect_tcp(ip, port, timeout=timeout,
                                              socket_options=socket_options)


def checked_addresses(host: str, port: int, resolver: Resolver, allow: AddressPolicy) -> list[str]:
    """The addresses ``host`` resolves to, all of them allowed, or :class:`AddressRefused`."""
    host = host.strip("[]")
    try:
        literal: IPAddress | None = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    if literal is not None:
        addrs = [str(literal)]
    else:
        try:
            addrs = list(resolver(host, port))
        except OSError as err:
            raise FetchError(f"cannot resolve the host {host!r} ({err})") from None
        if not addrs:
            raise FetchError(f"the host {host!r} resolves to no address")
    for addr in addrs:
        ip = ipaddress.ip_address(addr.split("%")[0])
        if not allow(ip):
            raise AddressRefused(
                f"the host {host!r} resolves to {addr}, which is not a public internet "
                "address (private, loopback, link-local or reserved addresses are refused)"
            )
    return addrs


class _GuardedBackend(httpcore.NetworkBackend):
    """Resolves, checks, and connects to the checked address: the only way out."""

    def __init__(self, resolver: Resolver, allow: AddressPolicy, dialer: Dialer) -> None:
        self._resolver, self._allow, self._dialer = resolver, allow, dialer

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        last: Exception | None = None
        for addr in checked_addresses(host, port, self._resolver, self._allow):
            try:
                return self._dialer(addr, port, timeout, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as err:
                last = err
        assert last is not None
        raise last

    def connect_unix_socket(
        self, path: str, timeout: float | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        raise AddressRefused("unix sockets are never fetched")

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


class GuardedTransport(httpx.HTTPTransport):
    """httpx's transport with its connections made through the address guard."""

    def __init__(
        self,
        *,
        resolver: Resolver = system_resolver,
        allow: AddressPolicy = is_public,
        dialer: Dialer = _system_dialer,
    ) -> None:
        super().__init__(trust_env=False, retries=0)
        import ssl

        import certifi

        self._pool = httpcore.ConnectionPool(
            ssl_context=ssl.create_default_context(cafile=certifi.where()),
            network_backend=_GuardedBackend(resolver, allow, dialer),
        )


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetched body and where it finally came from (after redirects)."""

    url: str
    status: int
    content_type: str | None
    data: bytes


class _RateLimit:
    """At most one request per ``interval`` seconds to each host, across threads."""

    def __init__(self, interval: float, clock: Callable[[], float],
                 sleep: Callable[[float], None]) -> None:
        self.interval, self._clock, self._sleep = interval, clock, sleep
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, host: str) -> None:
        with self._lock:
            now = self._clock()
            slot = max(now, self._next.get(host, now))
            self._next[host] = slot + self.interval
        if slot > now:
            self._sleep(slot - now)


class Fetcher:
    """Fetch URLs under the guards above; one instance per run (it keeps robots.txt and
    rate-limit state per host)."""

    def __init__(
        self,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        max_bytes: int = DEFAULT_MAX_BYTES,
        min_interval: float = DEFAULT_MIN_INTERVAL,
        user_agent: str = USER_AGENT,
        robots: bool = True,
        max_redirects: int = MAX_REDIRECTS,
        resolver: Resolver = system_resolver,
        allow: AddressPolicy = is_public,
        dialer: Dialer = _system_dialer,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.timeout, self.max_bytes = timeout, max_bytes
        self.user_agent, self.robots, self.max_redirects = user_agent, robots, max_redirects
        self._clock = clock
        self._rate = _RateLimit(min_interval, clock, sleep)
        self._robots: dict[str, urllib.robotparser.RobotFileParser] = {}
        self._client = httpx.Client(
            transport=GuardedTransport(resolver=resolver, allow=allow, dialer=dialer),
            timeout=httpx.Timeout(timeout),
            follow_redirects=False,
            trust_env=False,
            headers={"User-Agent": user_agent},
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def fetch(self, url: str) -> Fetched:
        """The body at ``url``, following redirects, or a :class:`FetchError` naming ``url``."""
        try:
            return self._fetch(url)
        except FetchError as err:
            if err.source is None:
                raise type(err)(err.reason, source=url) from None
            raise

    def _fetch(self, url: str) -> Fetched:
        current = url
        for _ in range(self.max_redirects + 1):
            _check_scheme(current)
            if self.robots and not self._allowed_by_robots(current):
                raise RobotsDisallowed(f"robots.txt of {_origin(current)} disallows this URL")
            status, headers, data = self._get(current, self.max_bytes)
            if status in (301, 302, 303, 307, 308) and headers.get("location"):
                current = urljoin(current, headers["location"])
                continue
            if status >= 400:
                phrase = httpx.codes.get_reason_phrase(status)
                raise HTTPStatusError(f"the server answered {status} {phrase}".rstrip())
            return Fetched(current, status, headers.get("content-type"), data)
        raise FetchError(f"more than {self.max_redirects} redirects")

    def _get(self, url: str, cap: int) -> tuple[int, httpx.Headers, bytes]:
        host = urlsplit(url).hostname or ""
        self._rate.wait(host)
        deadline = self._clock() + 3 * self.timeout
        try:
            with self._client.stream("GET", url) as resp:
                length = resp.headers.get("content-length")
                if length and length.isdigit() and int(length) > cap:
                    raise FetchTooLarge(f"the body is {int(length):,} bytes; the cap is {cap:,}")
                chunks: list[bytes] = []
                size = 0
                for chunk in resp.iter_bytes():
                    size += len(chunk)
                    if size > cap:
                        raise FetchTooLarge(f"the body is over the cap of {cap:,} bytes")
                    if self._clock() > deadline:
                        raise FetchTimeout(f"the body took over {3 * self.timeout:g} s to arrive")
                    chunks.append(chunk)
                return resp.status_code, resp.headers, b"".join(chunks)
        except httpx.TimeoutException:
            raise FetchTimeout(f"no answer within {self.timeout:g} s") from None
        except httpx.TransportError as err:
            raise FetchError(f"cannot connect ({err or type(err).__name__})") from None

    def _allowed_by_robots(self, url: str) -> bool:
        origin = _origin(url)
        parser = self._robots.get(origin)
        if parser is None:
            parser = urllib.robotparser.RobotFileParser()
            # A host that cannot be reached for robots.txt cannot be reached for the page
            # either: that error (refused, unresolvable, timed out) is the one to report.
            status, _, data = self._get(origin + "/robots.txt", 512_000)
            if status >= 500:
                parser.disallow_all = True  # type: ignore[attr-defined]
            elif status >= 400 or status in (301, 302, 303, 307, 308):
                parser.allow_all = True  # type: ignore[attr-defined]
            else:
                parser.parse(data.decode("utf-8", errors="replace").splitlines())
            self._robots[origin] = parser
        return parser.can_fetch(self.user_agent, url)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _check_scheme(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise AddressRefused(f"only http and https URLs are fetched, not {url!r}")
