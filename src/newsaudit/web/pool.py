"""The audit workers: one process per CPU, each holding a loaded analyser.

An audit is CPU-bound Python (spaCy, the checks, the trained models), so threads would
take turns on one core; processes use them all. Processes also make the time limit real:
an audit that runs over it is stopped by killing its worker (pebble replaces it), where a
thread could only be abandoned, still burning its core.

Admission is counted here: at most ``workers + queue`` requests hold a slot; the next one
is refused at once with :class:`~newsaudit.web.errors.Busy` (503 and a ``Retry-After``
from the measured audit time), so a burst never piles up unbounded work.

Workers are spawned, not forked: the server holds threads (the event loop's pool, the
writer) that a fork would copy mid-state. Each worker warms up on a short page, because
the first audit of a process is several times slower than the rest.
"""

from __future__ import annotations

import asyncio
import math
import multiprocessing
import os
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any

from pebble import ProcessExpired, ProcessPool

from newsaudit.corpus.adapter import LoadedAuditor, Outcome
from newsaudit.errors import BinaryInput, ModelError, NewsauditError, SettingsError
from newsaudit.ingest.raw import RawPage
from newsaudit.web.errors import AuditTimeout, Busy, RemoteError

#: A short page each worker audits once at start-up, so the first real page is not slow.
WARM_UP = (
    "Ferry service resumes\n\nThe island ferry resumed on Tuesday after repairs, the "
    "operator said. About 300 residents had relied on a smaller boat for three weeks."
)
#: How long a worker may take to start (load spaCy and the models, warm up).
START_TIMEOUT = 180.0


@dataclass(frozen=True, slots=True)
class AuditJob:
    """One page to audit, as the worker receives it (picklable)."""

    data: str | bytes
    source: str
    fmt: str | None = None
    checks: tuple[str, ...] | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    #: Also compute the body's near-duplicate signature (for storing the page).
    sign: bool = False


@dataclass(frozen=True, slots=True)
class Audited:
    """A worker's answer: the report (the contract's dict) and, if asked, its signature."""

    report: dict[str, Any]
    signature: bytes | None
    seconds: float


# ---------------------------------------------------------------------- in the worker

_LOADED: LoadedAuditor | None = None
#: Why the analyser could not be loaded in this worker: kept, not raised, so that the
#: server can say why (a failing initializer would only break the pool, saying nothing).
_FAILED: tuple[str, str, str | None] | None = None


def _init_worker(model: str | None, max_bytes: int | None, config: str | None) -> None:
    global _LOADED, _FAILED
    if config:
        # The worker is ours alone: the settings file reaches the Auditor the way the
        # CLI's does, so interactive audits and ingest batches read the same settings.
        os.environ["NEWSAUDIT_CONFIG"] = config
    try:
        _LOADED = LoadedAuditor(model=model, max_bytes=max_bytes)
        _LOADED.auditor.audit(WARM_UP)
    except NewsauditError as err:
        _FAILED = (err.code, err.reason, err.source)


def _loaded() -> LoadedAuditor:
    if _FAILED is not None:
        raise ModelError(_FAILED[1], source=_FAILED[2])
    assert _LOADED is not None, "worker not initialised"
    return _LOADED


def _ping() -> tuple[str, str, str | None] | None:
    """None when the worker is ready, else the error that stopped it loading."""
    return _FAILED


def _audit(job: AuditJob) -> Audited | tuple[str, str, str | None]:
    """Audit one page; a page that cannot be read comes back as ``(code, reason, source)``."""
    from newsaudit import ingest
    from newsaudit.corpus import dedup
    from newsaudit.corpus.adapter import body_text

    started = time.perf_counter()
    try:
        loaded = _loaded()
        if isinstance(job.data, str) and "\x00" in job.data:
            raise BinaryInput("the text contains NUL characters (binary data), not a page",
                              source=job.source)
        page = ingest.load_page(job.data, source=job.source, max_bytes=loaded.max_bytes,
                                fmt=job.fmt)
        doc = page.document
        doc = replace(doc, url=job.url or doc.url, title=job.title or doc.title,
                      outlet=job.outlet or doc.outlet, published=job.published or doc.published)
        report = loaded.auditor.audit(replace(page, document=doc), checks=job.checks)
    except NewsauditError as err:
        return (err.code, err.reason, err.source)
    d = report.to_dict()
    signature = dedup.signature(body_text(d)) if job.sign else None
    return Audited(d, signature, time.perf_counter() - started)


def _audit_batch(pages: list[RawPage]) -> list[Outcome]:
    from newsaudit.corpus.batch import audit_batch

    return audit_batch(_loaded(), pages)


# ---------------------------------------------------------------------- in the server


class AuditPool:
    """``workers`` audit processes and the admission count in front of them."""

    def __init__(
        self,
        workers: int,
        *,
        queue: int,
        timeout: float,
        model: str | None = None,
        max_bytes: int | None = None,
        config: str | None = None,
    ) -> None:
        self.workers = workers
        self.capacity = workers + queue
        self.timeout = timeout
        self._pool = ProcessPool(
            max_workers=workers, initializer=_init_worker, initargs=(model, max_bytes, config),
            context=multiprocessing.get_context("spawn"),
        )
        self._lock = threading.Lock()
        self._held = 0
        #: Moving average of an audit's time in a worker: what Retry-After is made from.
        self._mean = 1.0

    # -- lifecycle

    def wait_ready(self, timeout: float = START_TIMEOUT) -> None:
        """Block until a worker has loaded the analyser; a :class:`ModelError` if none can."""
        future = self._pool.schedule(_ping, timeout=timeout)
        try:
            failed = future.result(timeout=timeout)
        except ProcessExpired as err:
            raise ModelError(f"the audit worker could not start ({err})") from None
        except FutureTimeout:
            raise ModelError(f"the audit worker did not start within {timeout:g} s") from None
        if failed is not None:
            code, reason, source = failed
            if code == SettingsError.code:
                raise SettingsError(reason, source=source)
            raise ModelError(reason, source=source)

    def close(self) -> None:
        self._pool.stop()
        self._pool.join(timeout=10)

    # -- admission

    @property
    def held(self) -> int:
        return self._held

    @contextmanager
    def slot(self) -> Iterator[None]:
        """Hold one of the ``workers + queue`` slots for a request, or raise Busy."""
        with self._lock:
            if self._held >= self.capacity:
                waiting = self._held - self.workers + 1
                wait = math.ceil(self._mean * max(1, waiting) / self.workers)
                raise Busy(f"all {self.workers} audit workers are busy and "
                           f"{self._held - self.workers} requests are waiting; retry later",
                           retry_after=wait)
            self._held += 1
        try:
            yield
        finally:
            with self._lock:
                self._held -= 1

    # -- work

    async def audit(self, job: AuditJob) -> Audited:
        """Audit in a worker, within the time limit; errors come back as the library's."""
        future = self._pool.schedule(_audit, args=(job,), timeout=self.timeout)
        try:
            result = await asyncio.wrap_future(future)
        except FutureTimeout:
            raise AuditTimeout(
                f"the audit took over {self.timeout:g} s and was stopped (the server's "
                "--audit-timeout); split the page or ask the operator for a longer limit"
            ) from None
        except ProcessExpired as err:
            raise RuntimeError(f"the audit worker died ({err})") from None
        if isinstance(result, tuple):
            raise RemoteError(*result)
        with self._lock:
            self._mean = 0.8 * self._mean + 0.2 * result.seconds
        return result

    def audit_batch(self, pages: list[RawPage]) -> list[Outcome]:
        """An ingest batch, in one worker; a batch that runs over its time (the limit per
        page) or kills its worker is redone page by page, so only the bad page fails."""
        future = self._pool.schedule(_audit_batch, args=(pages,),
                                     timeout=self.timeout * max(1, len(pages)))
        try:
            return list(future.result())
        except (FutureTimeout, ProcessExpired):
            if len(pages) == 1:
                return [Outcome(pages[0].source, code="audit_timeout",
                                reason=f"the audit took over {self.timeout:g} s or crashed "
                                       "its worker, and was stopped")]
            return [o for page in pages for o in self.audit_batch([page])]


class PoolEngine:
    """An ingest engine (``newsaudit.corpus.engines.Engine``) over the audit workers.

    One batch is in flight at a time, so an ingest job takes one worker and leaves the
    rest to people auditing pages.
    """

    name = "web"
    workers = 1

    def __init__(self, pool: AuditPool) -> None:
        self._pool = pool

    def map(self, batches: Iterable[list[RawPage]]) -> Iterator[list[Outcome]]:
        for batch in batches:
            yield self._pool.audit_batch(batch)

    def close(self) -> None:
        pass
