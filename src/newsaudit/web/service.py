"""One audit as the server runs it, for the API and the browser alike.

    slot (or 503)  ->  fetch, if a URL (the guarded fetcher)  ->  audit in a worker
        (within the time limit)  ->  store, if asked (the write lane)

The web layer adds no analysis of its own: a page goes through the same reader and the
same :class:`~newsaudit.auditor.Auditor` as ``newsaudit audit``, and a stored page through
the same writer as ``newsaudit ingest``.
"""

from __future__ import annotations

import asyncio
import hashlib
import re
from collections.abc import Iterable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

from starlette.concurrency import run_in_threadpool

from newsaudit.checks import registry
from newsaudit.corpus.adapter import Outcome, body_text
from newsaudit.errors import InputError
from newsaudit.ingest.raw import RawPage
from newsaudit.ingest.sources import PageFetcher
from newsaudit.store import Store
from newsaudit.web.config import WebConfig
from newsaudit.web.errors import RemoteError, Unauthorized
from newsaudit.web.jobs import Job, WriteLane
from newsaudit.web.pool import AuditJob, AuditPool

#: How long a request waits for its page to be stored before answering with the job.
STORE_WAIT = 10.0
_UNSAFE_NAME = re.compile(r"[^\w.\-]+")


@dataclass(frozen=True)
class PageInput:
    """What a client sent: text (``fmt`` "text", "html" or None to sniff), a file's bytes
    or a URL, and what it says of the page."""

    text: str | None = None
    fmt: str | None = None
    data: bytes | None = None
    filename: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class AuditResult:
    report: dict[str, Any]
    #: The store job, when the page was to be stored; ``job.page`` is set once stored.
    job: Job | None = None

    @property
    def stored(self) -> str | None:
        return self.job.page if self.job is not None and self.job.status == "finished" else None


class Service:
    """The server's door to the library: audits, stores, and the checks it knows."""

    def __init__(self, config: WebConfig, store: Store, pool: AuditPool, lane: WriteLane,
                 fetcher: PageFetcher, *, max_bytes: int) -> None:
        self.config, self.store, self.pool, self.lane = config, store, pool, lane
        self.fetcher = fetcher
        #: The size limit in force: of a request body, an upload, a fetched page.
        self.max_bytes = max_bytes
        self.checks = registry()

    def require_write(self, token: str | None) -> None:
        """A write (storing, ingesting) needs a valid token when the server has tokens."""
        if self.config.writes_need_token and not self.config.token_ok(token):
            raise Unauthorized(
                "this is a write: send Authorization: Bearer <token> with a token from the "
                "server's --token-file" if token is None else "the token is not valid"
            )

    def checked(self, checks: Iterable[str] | None, *, store: bool) -> tuple[str, ...] | None:
        if checks is None:
            return None
        names = tuple(dict.fromkeys(checks))
        unknown = [n for n in names if n not in self.checks]
        if unknown:
            raise InputError(f"unknown check {unknown[0]!r}; the checks are "
                             + ", ".join(self.checks))
        if store:
            raise InputError("a stored page is audited with every check, so that the corpus "
                             "can be queried by check: leave out checks, or do not store")
        return names

    async def audit(
        self, page: PageInput, *, checks: Iterable[str] | None = None, store: bool = False,
        token: str | None = None,
    ) -> AuditResult:
        if store:
            self.require_write(token)
        names = self.checked(checks, store=store)
        with self.pool.slot():
            job, raw = await self._job(page, names, store)
            audited = await self.pool.audit(job)
        if not store:
            return AuditResult(audited.report)
        outcome = Outcome(raw.source, report=audited.report, body=body_text(audited.report),
                          signature=audited.signature)
        write, done = self.lane.store_page(raw, outcome)
        await _wait(done, STORE_WAIT)
        if write.status == "failed" and write.error is not None:
            raise RemoteError(write.error["code"], write.error["message"], raw.source)
        return AuditResult(audited.report, write)

    async def _job(self, page: PageInput, checks: tuple[str, ...] | None,
                   sign: bool) -> tuple[AuditJob, RawPage]:
        data: str | bytes
        url = None
        if page.url is not None:
            fetched = await run_in_threadpool(self.fetcher.fetch, page.url.strip())
            data, url, source = fetched.data, fetched.url, page.url.strip()
            fmt = "html" if "html" in (fetched.content_type or "").lower() else None
        elif page.data is not None:
            data = page.data
            fmt = "html" if (page.filename or "").lower().endswith((".html", ".htm")) else None
            source = f"upload:{_safe_name(page.filename)}#{_digest(data)}"
        else:
            data, fmt = page.text or "", page.fmt
            source = f"paste:{_digest(data)}" + (".html" if fmt == "html" else "")
        job = AuditJob(data=data, source=source, fmt=fmt, checks=checks, url=url,
                       title=page.title, outlet=page.outlet, published=page.published,
                       sign=sign)
        raw = RawPage(source, data, fmt, url=url, outlet=page.outlet,
                      published=page.published, title=page.title)
        return job, raw


def _digest(data: str | bytes) -> str:
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    return hashlib.sha256(raw).hexdigest()[:16]


def _safe_name(name: str | None) -> str:
    """A file name as a source id: its last part, in safe characters, not too long."""
    base = (name or "file").replace("\\", "/").rsplit("/", 1)[-1]
    return _UNSAFE_NAME.sub("_", base).strip("._")[:100] or "file"


async def _wait(done: Future[None], seconds: float) -> None:
    try:
        await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(done)), seconds)
    except TimeoutError:
        pass
