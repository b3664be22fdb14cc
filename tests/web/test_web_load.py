"""A bounded load test from the test itself: 200 audits from 8 concurrent clients.

The server has as many audit workers as the session's pool and a queue deep enough for
eight clients, so every audit must be answered, and none with a server error. Latencies
are printed (``-s``), never asserted: the numbers for docs/benchmarks.md come from
``bench/web.py``.
"""

from __future__ import annotations

import pytest

from live_server import live_app
from newsaudit.web.load import run_load
from paths import REPO

FERRY = (REPO / "tests" / "fixtures" / "web" / "ferry.txt").read_text(encoding="utf-8")


@pytest.mark.slow
def test_200_audits_from_8_clients_get_no_server_error(tmp_path, audit_pool):
    assert audit_pool.capacity >= 8, "the queue must hold what the clients send at once"
    with live_app(f"sqlite:///{tmp_path / 'web.db'}", audit_pool) as base:
        result = run_load(base, {"text": FERRY}, total=200, clients=8, max_seconds=600)
    print("load:", result.to_dict())
    assert result.errors == []
    assert result.count == 200
    assert result.statuses == {200: 200}
