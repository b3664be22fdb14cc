"""A served corpus holding one event, for the events API, page and browser tests.

``tests/fixtures/web/event/reports.jsonl`` is written for these tests: three invented
outlets report one invented landslide in an invented town, with tolls that differ and
rise (the disaster agency's 9 then 21 killed; the mayor's 40), and one headline carries
markup (a ``<script>`` and an ``onerror``), which must reach every page as text. The
pages are ingested through the server's own ``POST /api/ingest``, so they are audited
and placed in the event the way a user's would be.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx

from live_server import live_app
from local_web import serve as serve_web
from paths import REPO

EVENT_DIR = REPO / "tests" / "fixtures" / "web" / "event"
HOSTILE_TITLE = ("Mourning in Doruna after landslide <script>alert('t')</script> "
                 "<img src=x onerror=alert(1)>")


def ingest(c: httpx.Client, sources: list[str], seconds: float = 300) -> dict[str, Any]:
    r = c.post("/api/ingest", json={"sources": sources})
    assert r.status_code == 202, r.text
    deadline = time.monotonic() + seconds
    while True:
        job = c.get(r.headers["location"]).json()
        if job["status"] not in ("queued", "running"):
            assert job["status"] == "finished", job
            return dict(job)
        assert time.monotonic() < deadline, f"ingest still {job['status']}: {job}"
        time.sleep(0.2)


@contextmanager
def event_site(db_url: str, pool: Any, **options: Any) -> Iterator[tuple[str, httpx.Client]]:
    """The server over ``db_url`` with the event's three reports ingested."""
    with serve_web() as (port, _), live_app(db_url, pool, web_port=port,
                                            ingest_dirs=(EVENT_DIR,), **options) as base:
        with httpx.Client(base_url=base, timeout=180) as c:
            job = ingest(c, [str(EVENT_DIR)])
            assert job["counts"]["stored"] == 3, job
            yield base, c
