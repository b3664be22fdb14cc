"""The guards every request passes before a route sees it (plain ASGI middleware).

- the body may not exceed the size limit (the CLI's ``--max-bytes``): a declared
  ``Content-Length`` over it is refused before a byte is read, and a body without one is
  counted as it arrives and refused as soon as it goes over;
- on a loopback address, only a loopback ``Host`` is served, so a web page whose DNS name
  is re-pointed at 127.0.0.1 (DNS rebinding) cannot read the corpus through the user's
  browser;
- every response says ``nosniff``, sends no referrer, may not be framed, and carries a
  Content-Security-Policy (a route that renders HTML sets its own, strict one; anything
  else gets ``default-src 'none'``).
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.exceptions import HTTPException

from newsaudit.web.config import is_loopback
from newsaudit.web.errors import body

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

DEFAULT_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
SECURITY_HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
)


class BodyTooLarge(HTTPException):
    """Raised from inside the app's ``receive`` when the body goes over the limit: an
    HTTPException, so that the framework passes it to the error handlers as it is
    rather than as a body it failed to parse."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, too_large(limit))


def too_large(limit: int) -> str:
    return f"the request body is over the server's limit of {limit:,} bytes (--max-bytes)"


async def _send_error(scope: Scope, send: Send, status: int, code: str, message: str) -> None:
    """The error in the one JSON shape for the API, as an error page for a browser; the
    connection is closed after it (the rest of the body is not read)."""
    path = str(scope.get("path", ""))
    if path.startswith(("/api/", "/openapi")) or path == "/api":
        data = json.dumps(body(code, message)).encode("utf-8")
        ctype = b"application/json"
        headers = []
    else:
        from newsaudit.web.html import render

        page = render("error.html", status=status, code=code, message=message)
        data, ctype = bytes(page.body), b"text/html; charset=utf-8"
        headers = [(k.encode("latin-1"), v.encode("latin-1"))
                   for k, v in page.headers.items() if k.lower() not in ("content-length",
                                                                          "content-type")]
    headers += [(b"content-type", ctype), (b"content-length", str(len(data)).encode()),
                (b"connection", b"close")]
    headers += [(k, v) for k, v in SECURITY_HEADERS]
    if not any(k == b"content-security-policy" for k, _ in headers):
        headers.append((b"content-security-policy", DEFAULT_CSP.encode()))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": data})


class Guard:
    """The body limit, the Host check and the security headers, in front of the app."""

    def __init__(self, app: ASGIApp, *, max_bytes: int, loopback_only: bool) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.loopback_only = loopback_only

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.lower(): v for k, v in scope.get("headers", [])}
        if self.loopback_only and not _loopback_host(headers.get(b"host", b"")):
            await _send_error(scope, send, 403, "forbidden",
                              "this server answers only to 127.0.0.1, localhost or [::1]")
            return
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_bytes):
            await _send_error(scope, send, 413, "input_too_large", too_large(self.max_bytes))
            return
        started = False
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise BodyTooLarge(self.max_bytes)
            return message

        async def guarded(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                if b"content-security-policy" not in names:
                    extra.append((b"content-security-policy", DEFAULT_CSP.encode()))
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        try:
            await self.app(scope, counted, guarded)
        except BodyTooLarge:
            if not started:
                await _send_error(scope, send, 413, "input_too_large", too_large(self.max_bytes))


def _loopback_host(host: bytes) -> bool:
    name = host.decode("latin-1").strip()
    if name.startswith("["):
        name = name[1:].partition("]")[0]
    else:
        name = name.rpartition(":")[0] if name.count(":") == 1 else name
    return bool(name) and is_loopback(name)
