"""The real web app on a free local port: uvicorn serving in a thread of the test process.

The app is the one ``newsaudit serve`` runs (:func:`newsaudit.web.app.create_app`), with
the test's store, the session's audit workers and, for URL audits and ingest, a fetcher
whose stand-in public names lead to the local test web server (``local_web.py``); the
address guard itself is the real one, so loopback, private and link-local URLs are
refused as they are for users.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import uvicorn

from newsaudit.store import open_store
from newsaudit.web.app import create_app
from newsaudit.web.config import WebConfig


@contextmanager
def serving(app: Any) -> Iterator[str]:
    """Serve ``app`` on 127.0.0.1 and a free port; yields the base URL."""
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning",
                                           lifespan="on", timeout_keep_alive=5))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the server did not start")
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


@contextmanager
def live_app(db_url: str, pool: Any, *, web_port: int | None = None,
             **options: Any) -> Iterator[str]:
    """The app over a store at ``db_url``; ``web_port``: the local test web server's port,
    which URL audits and ingests reach through stand-in names (news.test, ...)."""
    fetcher_factory = None
    if web_port is not None:
        from local_web import fetcher

        def fetcher_factory() -> Any:
            return fetcher(web_port)

    store = open_store(db_url)
    try:
        config = WebConfig(db=db_url, workers=pool.workers, **options)
        app = create_app(config, store, pool, fetcher_factory=fetcher_factory)
        with serving(app) as url:
            yield url
    finally:
        store.close()
