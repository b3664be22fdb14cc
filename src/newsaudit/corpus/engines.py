"""Where the audit runs: in this process, in N local processes, or on Ray.

An engine maps batches of raw pages to batches of outcomes, in input order, so that the
writer stores pages in the order they were read whatever ran them. Each worker (process
or Ray actor) loads the analyser once and keeps it. The signature for near-duplicate
search is computed beside the audit, in the worker, so the single writer only writes.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Protocol

from newsaudit.corpus.adapter import LoadedAuditor, Outcome
from newsaudit.corpus.batch import audit_batch
from newsaudit.ingest.raw import RawPage

#: Batches are cut by text volume, not page count: a WARC of long pages and a JSONL of
#: short ones then cost a worker about the same per batch. About 24 news pages of 5 KB.
BATCH_CHARS = 120_000
MAX_BATCH_PAGES = 64


def batches(pages: Iterable[RawPage], *, max_chars: int = BATCH_CHARS,
            max_pages: int = MAX_BATCH_PAGES) -> Iterator[list[RawPage]]:
    """``pages`` cut into batches of about ``max_chars`` characters (at least one page)."""
    batch: list[RawPage] = []
    size = 0
    for page in pages:
        batch.append(page)
        size += page.size
        if size >= max_chars or len(batch) >= max_pages:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


class Engine(Protocol):
    name: str
    workers: int

    def map(self, batches: Iterable[list[RawPage]]) -> Iterator[list[Outcome]]: ...

    def close(self) -> None: ...


class InProcess:
    """The audit in this process: no start-up cost, one core."""

    name = "local"
    workers = 1

    def __init__(self, *, model: str | None = None, max_bytes: int | None = None) -> None:
        self._auditor = LoadedAuditor(model=model, max_bytes=max_bytes)

    def map(self, batches: Iterable[list[RawPage]]) -> Iterator[list[Outcome]]:
        for batch in batches:
            yield audit_batch(self._auditor, batch)

    def close(self) -> None:
        pass


_WORKER: LoadedAuditor | None = None


def _init_worker(model: str | None, max_bytes: int | None) -> None:
    global _WORKER
    _WORKER = LoadedAuditor(model=model, max_bytes=max_bytes)


def _run_batch(pages: list[RawPage]) -> list[Outcome]:
    assert _WORKER is not None, "worker not initialised"
    return audit_batch(_WORKER, pages)


class LocalPool:
    """The audit in ``workers`` local processes, each with its own loaded analyser.

    Processes are spawned (not forked): the parent may hold threads (the progress bar,
    database pools) that a fork would copy mid-state. At most two batches per worker are
    in flight, so a long input never piles up in memory.
    """

    name = "local"

    def __init__(self, workers: int, *, model: str | None = None,
                 max_bytes: int | None = None) -> None:
        self.workers = workers
        self._pool = ProcessPoolExecutor(
            max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker, initargs=(model, max_bytes),
        )

    def map(self, batches: Iterable[list[RawPage]]) -> Iterator[list[Outcome]]:
        inflight: deque[Future[list[Outcome]]] = deque()
        for batch in batches:
            inflight.append(self._pool.submit(_run_batch, batch))
            if len(inflight) >= 2 * self.workers:
                yield inflight.popleft().result()
        while inflight:
            yield inflight.popleft().result()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def make_engine(
    engine: str = "local",
    *,
    workers: int | None = None,
    address: str | None = None,
    model: str | None = None,
    max_bytes: int | None = None,
) -> Engine:
    """The engine a run asked for: ``local`` (1 = in this process) or ``ray``."""
    if engine == "ray":
        from newsaudit.corpus.ray_engine import RayEngine

        return RayEngine(workers=workers, address=address, model=model, max_bytes=max_bytes)
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r} (local or ray)")
    n = workers or 1
    if n <= 1:
        return InProcess(model=model, max_bytes=max_bytes)
    return LocalPool(n, model=model, max_bytes=max_bytes)
