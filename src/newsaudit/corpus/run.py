"""One ingest run: read the inputs, skip what is stored, audit the rest, write it.

    read (main process)  ->  skip stored inputs  ->  batches (newsaudit.corpus.schedule)
        ->  engine (here, N processes, or Ray)  ->  one writer, in input order

Every input ends as exactly one of: stored (a new page), duplicate (an exact copy of a
stored page; near-duplicates are stored and point at what they copy), skipped (stored by
an earlier run: this is what makes a repeated or resumed run cheap) or failed (a failure
row with the reason). Pages are written in input order and committed each time a batch
comes back, so an interrupted run loses at most the pages in flight (and those held back
behind them), and the next run redoes exactly those.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from newsaudit.corpus.engines import Engine, make_engine
from newsaudit.corpus.progress import Progress
from newsaudit.corpus.schedule import BATCH_CHARS, Batch, InOrder, cut
from newsaudit.ingest.decode import DEFAULT_MAX_BYTES
from newsaudit.ingest.raw import RawPage, ReadFailure
from newsaudit.ingest.sources import PageFetcher, Reader
from newsaudit.store import Store
from newsaudit.store.writer import Writer


@dataclass(frozen=True, slots=True)
class IngestSummary:
    """How a run ended: what ``newsaudit ingest`` prints at the end."""

    run_id: int
    stored: int
    duplicates: int
    skipped: int
    failed: int
    seconds: float
    interrupted: bool = False
    #: placing the new pages in events, after the run (not in ``seconds``)
    grouping_seconds: float = 0.0

    @property
    def pages_per_second(self) -> float:
        done = self.stored + self.duplicates + self.failed
        return done / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["pages_per_second"] = round(self.pages_per_second, 3)
        return d


class _Positions:
    """How far into the local inputs reading has got, in bytes."""

    def __init__(self) -> None:
        self.bytes = 0

    def add(self, n: int) -> None:
        self.bytes += n


def ingest(
    inputs: Sequence[str],
    store: Store,
    *,
    engine: str | Engine = "local",
    workers: int | None = None,
    address: str | None = None,
    model: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    batch_chars: int = BATCH_CHARS,
    fetcher_factory: Callable[[], PageFetcher] | None = None,
    progress: Progress | None = None,
    group: bool = True,
) -> IngestSummary:
    """Ingest ``inputs`` (paths, directories, URLs, feeds) into ``store``; with ``group``
    (the default), the new pages are then placed in events (``newsaudit.corpus.events``)."""
    progress = progress or Progress()
    positions = _Positions()
    reader = Reader(max_bytes=max_bytes, fetcher_factory=fetcher_factory, on_bytes=positions.add)
    runner = engine if not isinstance(engine, str) else make_engine(
        engine, workers=workers, address=address, model=model, max_bytes=max_bytes
    )
    writer = Writer(store, inputs=inputs, engine=runner.name, workers=runner.workers)
    started = time.perf_counter()
    interrupted = False
    status = "interrupted"
    # Where each page was read (bytes into the inputs), for the progress bar.
    where: dict[int, int] = {}

    def to_audit() -> Iterator[RawPage]:
        seen: set[str] = set()
        pending: list[RawPage] = []
        # Stored inputs are looked up in groups, small at first so that the first batches
        # go out after a few pages are read (or fetched), then up to 256 at a time.
        lookup = 8

        def flush() -> Iterator[RawPage]:
            nonlocal lookup
            lookup = min(256, 2 * lookup)
            known = writer.known(p.key for p in pending)
            for page in pending:
                if page.key in known or page.key in seen:
                    writer.skip()
                    progress.done(where.pop(id(page), positions.bytes), "skipped")
                else:
                    seen.add(page.key)
                    yield page
            pending.clear()

        for item in reader.read(inputs):
            if isinstance(item, ReadFailure):
                writer.fail(item.source, item.reason, item.code, item.key)
                progress.done(positions.bytes, "failed")
                continue
            where[id(item)] = positions.bytes
            pending.append(item)
            if len(pending) >= lookup:
                yield from flush()
        yield from flush()

    progress.start(reader.total_bytes(inputs))
    held: InOrder[tuple[RawPage, Any]] = InOrder()
    try:
        todo = cut(to_audit(), workers=runner.workers, max_chars=batch_chars)
        for batch, outcomes in _paired(todo, runner):
            for position, raw, outcome in zip(batch.positions, batch, outcomes, strict=True):
                held.put(position, (raw, outcome))
            wrote = False
            for raw, outcome in held.ready():
                written = writer.write(raw, outcome)
                progress.done(where.pop(id(raw), positions.bytes), written)
                wrote = True
            if wrote:
                writer.commit()
        status = "finished"
    except KeyboardInterrupt:
        interrupted = True
    finally:
        progress.stop()
        reader.close()
        try:
            runner.close()
        finally:
            counts = writer.finish(status)
    seconds = time.perf_counter() - started
    grouped = 0.0
    if group and not interrupted and (counts.stored or counts.duplicates):
        from newsaudit.corpus.events import update

        grouped = update(store).seconds
    return IngestSummary(
        run_id=counts.run_id, stored=counts.stored, duplicates=counts.duplicates,
        skipped=counts.skipped, failed=counts.failed,
        seconds=seconds, interrupted=interrupted, grouping_seconds=grouped,
    )


def _paired(source: Iterator[Batch], runner: Engine) -> Iterator[tuple[Batch, list[Any]]]:
    """Each batch with its outcomes: the engine keeps order, so a queue pairs them."""
    sent: deque[Batch] = deque()

    def feed() -> Iterator[Batch]:
        for batch in source:
            sent.append(batch)
            yield batch

    for outcomes in runner.map(feed()):
        yield sent.popleft(), outcomes
