"""Cutting the pages to audit into batches so that every worker stays busy to the end.

A run on N workers ends when its last batch does, so what matters beyond the steady rate
is the run's two ends. Batches are cut by text volume (:func:`volume`: what a page is
expected to cost a worker, so that a batch of long pages and one of short pages cost about
the same) with three rules:

- **start**: the first round (one batch per worker) is cut at a quarter of the volume, so
  every worker has work as soon as a few pages are read, and the first results (and the
  first commit) come back early;
- **steady**: batches of about ``max_chars`` (at most ``max_pages`` pages), in input order;
- **tail**: the cutter reads ``2 x workers x max_chars`` of volume ahead, so once the input
  is exhausted it knows exactly what is left. Batches are then cut at a ``2 x workers``-th
  of the volume left (guided self-scheduling), so they shrink towards one page as the run
  ends and the workers finish together; and a page larger than the next batch goes out
  first, on its own (longest processing time first: a large page sent last would leave
  one worker finishing alone). Only those pages leave out of input order: sorting the
  whole tail would hold most of its pages back from the writer (it writes in input order)
  until the last, smallest ones came back, and write them all after the workers stopped.

A batch carries its pages' positions in the input (:class:`Batch`), and the writer puts
them back in order (:class:`InOrder`), so what is stored does not depend on the cutting.
A batch holds at most ``max_chars`` of volume, or one page larger than that.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from typing import Generic, TypeVar

from newsaudit.ingest.raw import RawPage

#: Batches are cut by text volume, not page count: a WARC of long pages and a JSONL of
#: short ones then cost a worker about the same per batch. About 24 news pages of 5 KB.
BATCH_CHARS = 120_000
MAX_BATCH_PAGES = 64
#: The first round of batches is this fraction of ``max_chars``: small enough that the
#: first batch is cut after a few pages, large enough that a worker's per-batch cost
#: (one ``nlp.pipe`` call, pickling) stays small beside the audit.
START_FRACTION = 4
#: The tail's batches are the volume left over ``TAIL_SHARES x workers``: each worker
#: takes about this many more batches, of shrinking size, before the run ends.
TAIL_SHARES = 2
#: What an HTML page weighs, in characters of text. The audit reads a page's extracted
#: text, not its markup, and most of an HTML page's cost is fixed (parsing, extraction,
#: dating). Calibrated on the bench's pages (one CPU, 2026-12-03): 30 trafilatura-eval
#: pages (65-500 KB of markup) cost 0.21 s each on average, what a 2,500-character text
#: page costs (83 us a character, which fits the text pages' cost with r = 0.99), and
#: their cost did not follow the markup's size (r = -0.02). Weighed by markup, a batch
#: held one or two HTML pages and cost a twentieth of a batch of text.
HTML_PAGE_CHARS = 2_500


def volume(page: RawPage) -> int:
    """What a page is expected to cost a worker, in characters of text."""
    if page.fmt == "html" or (page.fmt is None and _looks_like_markup(page.data)):
        return min(page.size, HTML_PAGE_CHARS)
    return page.size


def _looks_like_markup(data: str | bytes) -> bool:
    head = data[:1024].lstrip()
    return head[:1] in ("<", b"<")


class Batch(list[RawPage]):
    """Pages that go to one worker together, with their positions in the input."""

    def __init__(self, pages: Iterable[tuple[int, RawPage]] = ()) -> None:
        pairs = list(pages)
        super().__init__(p for _, p in pairs)
        self.positions = [i for i, _ in pairs]

    @property
    def volume(self) -> int:
        return sum(volume(p) for p in self)


def cut(
    pages: Iterable[RawPage],
    *,
    workers: int = 1,
    max_chars: int = BATCH_CHARS,
    max_pages: int = MAX_BATCH_PAGES,
) -> Iterator[Batch]:
    """``pages`` cut into batches by the rules above; every page is in exactly one batch.

    ``max_chars`` is in :func:`volume`'s characters of text.
    """
    workers = max(1, workers)
    max_chars = max(1, max_chars)
    ahead = TAIL_SHARES * workers * max_chars
    start = max(1, max_chars // START_FRACTION)
    window: deque[tuple[int, int, RawPage]] = deque()  # position, volume, page
    held = 0  # the window's volume
    source = enumerate(pages)
    sent = 0

    def read(item: tuple[int, RawPage]) -> None:
        nonlocal held
        v = volume(item[1])
        window.append((item[0], v, item[1]))
        held += v

    def take(limit: int) -> Batch:
        """From the front, in input order: at most ``limit`` of volume, at least one page."""
        nonlocal held
        batch: list[tuple[int, RawPage]] = []
        size = 0
        while window and len(batch) < max_pages and (not batch or size + window[0][1] <= limit):
            position, v, page = window.popleft()
            batch.append((position, page))
            size += v
        held -= size
        return Batch(batch)

    # start: one small batch per worker, cut as soon as its pages are read
    for item in source:
        read(item)
        if held >= start or len(window) >= max_pages:
            yield take(start)
            sent += 1
            if sent == workers:
                break
    # steady: full batches from the front while at least ``ahead`` is read ahead
    for item in source:
        read(item)
        while held >= ahead:
            yield take(max_chars)
    # tail: everything left is known; batches shrink with what is left, and a page
    # larger than the next batch goes out first, alone
    while window:
        limit = min(max_chars, max(1, held // (TAIL_SHARES * workers)))
        largest = max(window, key=lambda item: item[1])
        if largest[1] >= limit:
            window.remove(largest)
            held -= largest[1]
            yield Batch([(largest[0], largest[2])])
        else:
            yield take(limit)


T = TypeVar("T")


class InOrder(Generic[T]):
    """Items put back in input order: ``put`` them as they come, ``ready`` gives the run
    of items from the next expected position on."""

    def __init__(self) -> None:
        self._held: dict[int, T] = {}
        self._next = 0

    def put(self, position: int, item: T) -> None:
        self._held[position] = item

    def ready(self) -> Iterator[T]:
        while self._next in self._held:
            yield self._held.pop(self._next)
            self._next += 1

    def __len__(self) -> int:
        return len(self._held)
