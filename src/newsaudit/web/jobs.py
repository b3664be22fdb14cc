"""The server's writes, one at a time: stored audits and ingest runs, as jobs.

The store has one writer (:class:`~newsaudit.store.writer.Writer`): two writers would race
over revisions and near-duplicates, and a new one marks every running run interrupted. So
every write the server makes runs on one thread, in the order asked: an audit to store
waits behind an ingest job that is running, and its client gets a job to poll instead of
a hanging request.

A stored page is placed in an event on the same thread, as a task right after its job (as
ingest places its pages after its run): the client does not wait for grouping, and the
events pages never group on a read.
Stored audits share one long-lived writer (one run with engine ``web``, so the
near-duplicate index is loaded once, not per page); it is closed before an ingest job,
which opens its own, and when the server stops. Jobs live in memory: the store's ``runs``
table is what outlives the server.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from newsaudit.corpus.adapter import Outcome
from newsaudit.corpus.progress import Progress
from newsaudit.errors import NewsauditError
from newsaudit.ingest.raw import RawPage
from newsaudit.ingest.sources import PageFetcher
from newsaudit.store import Store
from newsaudit.store.writer import Writer
from newsaudit.web.pool import AuditPool, PoolEngine

log = logging.getLogger("newsaudit.web")

#: Finished jobs kept for ``GET /api/jobs/{id}``; the oldest are forgotten first.
KEEP_JOBS = 1000
STATUSES = ("queued", "running", "finished", "failed", "interrupted", "cancelled")


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Job:
    """A write the server was asked for, and how far it has got."""

    id: str
    kind: str  # "ingest" | "store"
    sources: list[str]
    status: str = "queued"
    created: datetime = field(default_factory=_now)
    started: datetime | None = None
    finished: datetime | None = None
    counts: dict[str, int] = field(
        default_factory=lambda: {"stored": 0, "duplicate": 0, "skipped": 0, "failed": 0}
    )
    run: int | None = None
    page: str | None = None
    error: dict[str, str] | None = None

    def to_dict(self) -> dict[str, Any]:
        def iso(d: datetime | None) -> str | None:
            return d.isoformat() if d else None

        return {
            "id": self.id, "kind": self.kind, "status": self.status, "sources": self.sources,
            "created": iso(self.created), "started": iso(self.started),
            "finished": iso(self.finished), "counts": dict(self.counts), "run": self.run,
            "page": self.page, "error": self.error,
        }


class _Cancelled(KeyboardInterrupt):
    """Raised inside an ingest run to stop it: the run treats it as Ctrl-C, committing
    what it has and closing the run as interrupted."""


class _JobProgress(Progress):
    def __init__(self, job: Job, stop: threading.Event) -> None:
        self._job, self._stop = job, stop

    def done(self, position: int, status: str) -> None:
        self._job.counts[status] = self._job.counts.get(status, 0) + 1
        if self._stop.is_set():
            raise _Cancelled()


class WriteLane:
    """One thread that runs every write of the server, in order."""

    def __init__(
        self,
        store: Store,
        pool: AuditPool,
        *,
        max_bytes: int,
        fetcher_factory: Callable[[], PageFetcher],
    ) -> None:
        self.store = store
        self._pool = pool
        self._max_bytes = max_bytes
        self._fetcher_factory = fetcher_factory
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsaudit-writer")
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._writer: Writer | None = None

    # -- jobs

    def _new(self, kind: str, sources: Sequence[str]) -> Job:
        job = Job(id=uuid.uuid4().hex, kind=kind, sources=list(sources))
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > KEEP_JOBS:
                oldest = next(iter(self._jobs))
                if self._jobs[oldest].status in ("queued", "running"):
                    break
                self._jobs.pop(oldest)
        return job

    def job(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def store_page(self, raw: RawPage, outcome: Outcome) -> tuple[Job, Future[None]]:
        """Queue an audited page for storing; the future ends when it is stored."""
        job = self._new("store", [raw.source])
        done = self._thread.submit(self._run, job, lambda: self._store(job, raw, outcome))
        self._thread.submit(self._place, job)
        return job, done

    def ingest(self, sources: Sequence[str]) -> Job:
        """Queue an ingest run of ``sources`` (as ``newsaudit ingest`` takes them)."""
        job = self._new("ingest", sources)
        self._thread.submit(self._run, job, lambda: self._ingest(job))
        return job

    def close(self) -> None:
        """Stop: queued jobs are cancelled, a running ingest stops after its current page."""
        self._stop.set()
        self._thread.shutdown(wait=True, cancel_futures=True)
        with self._lock:
            for job in self._jobs.values():
                if job.status == "queued":
                    job.status, job.finished = "cancelled", _now()
        self._close_writer()

    # -- on the writer thread

    def _run(self, job: Job, work: Callable[[], None]) -> None:
        if self._stop.is_set():
            job.status, job.finished = "cancelled", _now()
            return
        job.status, job.started = "running", _now()
        try:
            work()
        except NewsauditError as err:
            job.status, job.error = "failed", {"code": err.code, "message": err.reason}
            self._close_writer()
        except Exception as err:  # noqa: BLE001 - the job records it; the lane goes on
            job.status = "failed"
            job.error = {"code": "store_unavailable",
                         "message": f"{type(err).__name__}: {_first_line(err)}"}
            self._close_writer()
        finally:
            job.finished = _now()

    def _store(self, job: Job, raw: RawPage, outcome: Outcome) -> None:
        if self._writer is None:
            self._writer = Writer(self.store, inputs=["web"], engine="web", workers=1)
        status = self._writer.write(raw, outcome)
        self._writer.commit()
        job.run = self._writer.run_id
        job.counts[status] = job.counts.get(status, 0) + 1
        if status == "failed":
            job.status = "failed"
            job.error = {"code": "input_binary", "message": "the store does not keep this page"}
            return
        assert outcome.report is not None
        job.page = outcome.report["document"]["id"]
        job.status = "finished"

    def _place(self, job: Job) -> None:
        """After a stored page's job (its client is answered by then): place it in an
        event. A new input is a new report of its event, even an exact copy."""
        if job.status == "finished" and (job.counts.get("stored") or job.counts.get("duplicate")):
            _group(self.store)

    def _ingest(self, job: Job) -> None:
        from newsaudit.corpus.run import ingest

        self._close_writer()
        summary = ingest(
            job.sources, self.store, engine=PoolEngine(self._pool), max_bytes=self._max_bytes,
            fetcher_factory=self._fetcher_factory, progress=_JobProgress(job, self._stop),
        )
        job.run = summary.run_id
        job.status = "interrupted" if summary.interrupted else "finished"

    def _close_writer(self) -> None:
        if self._writer is not None:
            writer, self._writer = self._writer, None
            try:
                writer.finish("finished")
            except Exception:  # noqa: BLE001 - a broken connection: nothing left to close
                pass


def _group(store: Store) -> None:
    """Place new pages in events, as ingest does after its run. The page is stored
    either way: if grouping fails, the next stored page or ingest places it."""
    from newsaudit.corpus.events import update

    try:
        update(store)
    except Exception:  # noqa: BLE001 - the write succeeded; grouping catches up later
        log.exception("placing a stored page in an event failed")


def _first_line(err: BaseException) -> str:
    text = str(getattr(err, "orig", None) or err).strip()
    return text.splitlines()[0] if text else ""
