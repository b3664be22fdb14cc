"""Local worker processes: all started with the pool, outcomes in the batches' order, and
no worker idle behind a long batch."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from newsaudit.corpus.engines import LocalPool, in_order
from newsaudit.ingest.raw import RawPage


def test_a_long_batch_at_the_head_does_not_stop_the_others_getting_work():
    """Batch 0 runs until batch 6 has run: handed on in order with only two batches per
    worker taken, batch 6 would never start (the pool waited on the head)."""
    released = threading.Event()
    waited: list[bool] = []

    def work(i: int) -> int:
        if i == 0:
            waited.append(released.wait(timeout=20))
        if i == 6:
            released.set()
        return i

    with ThreadPoolExecutor(max_workers=2) as pool:
        out = list(in_order(lambda i: pool.submit(work, i), range(12), workers=2))
    assert out == list(range(12))
    assert waited == [True]


@pytest.mark.slow
def test_every_worker_starts_loading_when_the_pool_is_made_and_order_is_kept():
    pool = LocalPool(2)
    try:
        assert len(pool.pids) == 2     # before any batch: both load the analyser at once
        body = ("The council met on Monday and voted {} to 3 to close the old swimming pool "
                "on the harbour road, the mayor said after the meeting in the town hall.")
        batches = [[RawPage(f"p{i}", f"Pool to close\n\n{body.format(i + 4)}", "text")]
                   for i in range(6)]
        out = list(pool.map(batches))
        assert [[o.source for o in b] for b in out] == [[f"p{i}"] for i in range(6)]
        assert all(o.ok and o.signature for b in out for o in b)
    finally:
        pool.close()
