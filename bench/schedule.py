"""How well the ingest's batches keep N workers busy: a model of the scheduling alone.

    .venv/bin/python bench/schedule.py [--pages 1000] [--workers 2] [--measure 2]

Wall-time ratios need a quiet machine; this does not. It takes the bench's pages (as
``bench/ingest.py`` builds them), gives each page a cost in CPU seconds, and simulates
N perfect cores taking batches as a pool hands them out (no driver, no other load), for:

- the batches ``newsaudit.corpus.schedule.cut`` makes, and
- the cutting before it (batches of 120,000 raw characters, at most 64 pages, handed back
  in order with two batches per worker in flight, the next submitted only when the head
  batch is done), for comparison.

Costs come from a fit measured on 2026-12-03 (a text page: 83 us a character + 13 ms;
an HTML page: 0.21 s), or, with ``--measure K``, from auditing every K-th page alone in
this process (CPU time) and fitting the same two models again.
"""

from __future__ import annotations

import argparse
import heapq
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ingest import DEFAULT_DATA, build_inputs  # noqa: E402
from newsaudit.corpus.schedule import cut  # noqa: E402
from newsaudit.ingest.raw import RawPage  # noqa: E402

Cost = Callable[[RawPage], float]


def fitted(per_char: float = 83e-6, per_page: float = 0.013, html: float = 0.21) -> Cost:
    return lambda p: html if p.fmt == "html" else per_char * p.size + per_page


def measure(pages: Sequence[RawPage], step: int) -> Cost:
    """Audit every ``step``-th page alone; fit text pages by length, HTML pages by mean."""
    import numpy as np

    from newsaudit.corpus.adapter import LoadedAuditor
    from newsaudit.corpus.batch import audit_batch

    auditor = LoadedAuditor()
    audit_batch(auditor, pages[:4])  # trained models load on first use
    text: list[tuple[int, float]] = []
    html: list[float] = []
    for page in pages[::step]:
        t = time.process_time()
        audit_batch(auditor, [page])
        cpu = time.process_time() - t
        (html.append(cpu) if page.fmt == "html" else text.append((page.size, cpu)))
    size, cpu = np.array(text, dtype=float).T
    per_char, per_page = np.polyfit(size, cpu, 1)
    mean_html = float(np.mean(html)) if html else 0.0
    print(f"measured: text {per_char * 1e6:.1f} us a character + {per_page * 1e3:.0f} ms "
          f"({len(text)} pages, r = {np.corrcoef(size, cpu)[0, 1]:.2f}); "
          f"HTML {mean_html:.3f} s a page ({len(html)} pages)")
    return fitted(float(per_char), float(per_page), mean_html)


def old_cut(pages: Sequence[RawPage]) -> Iterator[list[RawPage]]:
    batch: list[RawPage] = []
    size = 0
    for page in pages:
        batch.append(page)
        size += page.size
        if size >= 120_000 or len(batch) >= 64:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def greedy(costs: Sequence[float], workers: int) -> float:
    """Makespan when each batch goes to the first worker free, in the order cut."""
    free = [0.0] * workers
    for c in costs:
        heapq.heappush(free, heapq.heappop(free) + c)
    return max(free)


def in_order(costs: Sequence[float], workers: int) -> float:
    """Makespan when at most 2 x workers batches are in flight and results are taken in
    order: batch i + 2 x workers is submitted only once batch i is done (the old pool)."""
    ahead = 2 * workers
    done: list[float] = []
    free = [0.0] * workers
    for i, c in enumerate(costs):
        # batch i goes in when batch i - ahead is taken, once it and all before it are done
        submitted = max(done[: i - ahead + 1]) if i >= ahead else 0.0
        start = max(heapq.heappop(free), submitted)
        done.append(start + c)
        heapq.heappush(free, start + c)
    return max(done)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--measure", type=int, default=0, metavar="K",
                    help="audit every K-th page to measure the costs (default: the fit)")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="newsaudit-bench-") as tmp:
        (Path(tmp) / "in").mkdir()
        from newsaudit.ingest.sources import Reader

        inputs = build_inputs(args.data, args.pages, Path(tmp) / "in")
        pages = [p for p in Reader().read(inputs) if isinstance(p, RawPage)]
    cost = measure(pages, args.measure) if args.measure else fitted()
    total = sum(cost(p) for p in pages)
    w = args.workers
    print(f"{len(pages)} pages, {total:.1f} s of CPU on one worker; {w} workers")
    old = [sum(cost(p) for p in b) for b in old_cut(pages)]
    new = [sum(cost(p) for p in b) for b in cut(pages, workers=w)]
    for name, costs, run in (("before: raw characters, in order", old, in_order),
                             ("before: raw characters, any order", old, greedy),
                             ("corpus.schedule.cut", new, greedy),
                             ("corpus.schedule.cut, in order", new, in_order)):
        span = run(costs, w)
        print(f"  {name:36s} {len(costs):4d} batches, the longest {max(costs):5.1f} s; "
              f"speed-up {total / span:.3f} (of {w})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
