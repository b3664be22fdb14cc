"""Where the audit runs: in this process, in N local processes, or on Ray.

An engine maps batches of raw pages to batches of outcomes, handed back in the order the
batches were given (``newsaudit.corpus.schedule`` cuts them, and the writer stores pages
in the order they were read whatever ran them). Each worker (process or Ray actor) loads
the analyser once and keeps it. The signature for near-duplicate search is computed
beside the audit, in the worker, so the single writer only writes.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Protocol, TypeVar

from newsaudit.corpus.adapter import LoadedAuditor, Outcome
from newsaudit.corpus.batch import audit_batch
from newsaudit.ingest.raw import RawPage


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
#: How many batches per worker may wait, finished, for a slower batch before them.
LAG = 4


def _init_worker(model: str | None, max_bytes: int | None) -> None:
    global _WORKER
    _WORKER = LoadedAuditor(model=model, max_bytes=max_bytes)


def _ready() -> None:
    pass


def _run_batch(pages: list[RawPage]) -> list[Outcome]:
    assert _WORKER is not None, "worker not initialised"
    return audit_batch(_WORKER, pages)


class LocalPool:
    """The audit in ``workers`` local processes, each with its own loaded analyser.

    Processes are spawned (not forked): the parent may hold threads (the progress bar,
    database pools) that a fork would copy mid-state. They are all started when the pool
    is made, so they load the analyser while the driver opens the store and reads the
    first pages (left to themselves they would start one by one as batches came). Two
    batches per worker are queued or running at any time, whatever order they finish in:
    outcomes are handed on in input order, but a long batch at the head does not idle the
    other workers while they have work (up to ``LAG`` batches per worker are held for it),
    and a long input never piles up in memory.
    """

    name = "local"

    def __init__(self, workers: int, *, model: str | None = None,
                 max_bytes: int | None = None) -> None:
        self.workers = workers
        self._pool = ProcessPoolExecutor(
            max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker, initargs=(model, max_bytes),
        )
        for _ in range(workers):
            # a process is spawned per task that finds none idle, and none is idle
            # before it has loaded the analyser
            self._pool.submit(_ready)

    @property
    def pids(self) -> list[int]:
        """The worker processes' ids (for a bench that reads their CPU time)."""
        return [p.pid for p in (self._pool._processes or {}).values() if p.pid is not None]

    def map(self, batches: Iterable[list[RawPage]]) -> Iterator[list[Outcome]]:
        return in_order(lambda batch: self._pool.submit(_run_batch, batch), batches,
                        workers=self.workers)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


T = TypeVar("T")
R = TypeVar("R")


def in_order(submit: Callable[[T], Future[R]], items: Iterable[T], *,
             workers: int) -> Iterator[R]:
    """Each item's result, in the items' order, keeping ``2 x workers`` items queued or
    running whatever order they finish in (at most ``LAG x workers`` taken but not yet
    handed on)."""
    source = iter(items)
    inflight: deque[Future[R]] = deque()  # in the items' order
    more = True
    while True:
        while (more and len(inflight) < LAG * workers
               and sum(not f.done() for f in inflight) < 2 * workers):
            try:
                inflight.append(submit(next(source)))
            except StopIteration:
                more = False
        if not inflight:
            return
        if inflight[0].done():
            yield inflight.popleft().result()
        else:
            wait([f for f in inflight if not f.done()], return_when=FIRST_COMPLETED)


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
