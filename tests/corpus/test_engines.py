"""Local worker processes: all started with the pool, outcomes in the batches' order."""

from __future__ import annotations

import pytest

from newsaudit.corpus.engines import LocalPool
from newsaudit.ingest.raw import RawPage


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
