"""Drive a real headless Chromium (Debian's ``/usr/bin/chromium``) through Playwright.

The HTML report is tested where it will be read: in a browser, from a ``file://`` URL,
with no network. A session records everything the page does that it should not: dialogs
(``alert`` from an injected script), console errors, uncaught exceptions, Content-Security-
Policy violations and any request other than the report file itself (network ones are aborted too).

Chromium comes from the system (``scripts/setup.sh`` installs it); Playwright only
supplies the driver, so ``playwright install`` is never needed. Without Chromium the
browser tests skip locally with the reason, and fail in CI (``CI`` set), where setup.sh
should have installed it.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

CHROMIUM_FLAGS: tuple[str, ...] = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--metrics-recording-only",
    "--no-default-browser-check",
)
VIEWPORT = {"width": 1280, "height": 900}

# Runs before any of the page's own code; reports CSP violations the page triggers.
_WATCH = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || ''));
});
"""


def chromium_path() -> str | None:
    """``$NEWSAUDIT_CHROMIUM``, else ``chromium`` on PATH, else Debian's path."""
    candidates = (
        os.environ.get("NEWSAUDIT_CHROMIUM"), shutil.which("chromium"), "/usr/bin/chromium"
    )
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"{reason} (CI is set: setup.sh should have installed it)", pytrace=False)
    pytest.skip(reason)


def require_chromium() -> str:
    """The Chromium binary, or skip (locally) / fail (in CI) saying what is missing."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _unavailable("the Python package 'playwright' is not installed (pip install playwright)")
    path = chromium_path()
    if path is None:
        _unavailable("Chromium not found: install Debian's package (apt-get install chromium)")
    assert path is not None
    return path


@dataclass
class PageSession:
    """A loaded page and the record of what it did."""

    page: Any  # playwright.sync_api.Page
    url: str
    #: For a page served over HTTP (:meth:`Browser.visit`): requests may go to this origin.
    origin: str | None = None
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def violations(self) -> list[str]:
        return list(self.page.evaluate("window.__violations || []"))

    def assert_clean(self) -> None:
        """No dialog, no error, no CSP violation, no request beyond the file itself (or,
        for a served page, beyond its server)."""
        assert self.dialogs == [], f"dialogs fired: {self.dialogs}"
        assert self.page_errors == [], f"uncaught errors: {self.page_errors}"
        assert self.console_errors == [], f"console errors: {self.console_errors}"
        assert self.violations() == [], f"CSP violations: {self.violations()}"
        assert self.blocked == [], f"requests to other URLs: {self.blocked}"
        if self.origin is None:
            assert self.requests == [self.url], f"requests made: {self.requests}"
        else:
            others = [r for r in self.requests if not r.startswith(self.origin + "/")]
            assert others == [], f"requests to other origins: {others}"


class Browser:
    """One Chromium for a test module, a fresh page per file opened."""

    def __init__(self, executable: str, *, offline: bool = True) -> None:
        from playwright.sync_api import sync_playwright

        self._profile = tempfile.mkdtemp(prefix="newsaudit-chromium-")
        self._pw = sync_playwright().start()
        try:
            # launch_persistent_context is how Playwright passes a fresh --user-data-dir.
            self.context = self._pw.chromium.launch_persistent_context(
                self._profile,
                executable_path=executable,
                headless=True,
                args=[f for f in CHROMIUM_FLAGS if f != "--headless"],
                viewport=VIEWPORT,
                offline=offline,
                java_script_enabled=True,
                service_workers="block",
            )
        except Exception:
            self._pw.stop()
            shutil.rmtree(self._profile, ignore_errors=True)
            raise
        self.context.add_init_script(_WATCH)

    @contextmanager
    def open(self, path: Path) -> Iterator[PageSession]:
        url = path.resolve().as_uri()
        with self._session(PageSession(page=self.context.new_page(), url=url)) as session:
            yield session

    @contextmanager
    def visit(self, url: str) -> Iterator[PageSession]:
        """A page of a local server (the browser made with ``offline=False``): requests to
        that server go through, any other is aborted and recorded."""
        from urllib.parse import urlsplit

        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        page = self.context.new_page()
        with self._session(PageSession(page=page, url=url, origin=origin)) as session:
            yield session

    @contextmanager
    def _session(self, session: PageSession) -> Iterator[PageSession]:
        page, url = session.page, session.url

        def route(r: Any) -> None:
            allowed = (r.request.url == url if session.origin is None
                       else r.request.url.startswith(session.origin + "/"))
            if allowed:
                r.continue_()
            else:
                session.blocked.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.on("request", lambda req: session.requests.append(req.url))
        page.on("dialog", lambda d: (session.dialogs.append(f"{d.type}: {d.message}"), d.dismiss()))

        def console(m: Any) -> None:
            if m.type in ("error", "assert"):
                session.console_errors.append(m.text)

        page.on("console", console)
        page.on("pageerror", lambda err: session.page_errors.append(str(err)))
        try:
            page.goto(url, wait_until="load")
            yield session
        finally:
            page.close()

    def close(self) -> None:
        try:
            self.context.close()
        finally:
            self._pw.stop()
            shutil.rmtree(self._profile, ignore_errors=True)
