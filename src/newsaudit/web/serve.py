"""``newsaudit serve``: open the store, start the workers, then listen.

Everything that can fail is tried before the port is opened, each with its exit code:
bad options or a missing token file (2), a model that cannot load (3), a store that
cannot be opened (5). Then uvicorn serves until Ctrl-C, and the workers, the write lane
and the store are closed in that order.
"""

from __future__ import annotations

import sys

from newsaudit.settings import Settings
from newsaudit.web.config import WebConfig


def serve(config: WebConfig, *, log_level: str = "info") -> int:
    import uvicorn

    from newsaudit.cli_corpus import _open as open_store  # the CLI's errors, exit 5
    from newsaudit.web.app import create_app
    from newsaudit.web.pool import AuditPool

    settings = Settings.load(config.config)  # a bad settings file stops us here (exit 2)
    store = open_store(config.db)
    pool = AuditPool(config.workers, queue=config.queue, timeout=config.audit_timeout,
                     model=config.model, max_bytes=config.max_bytes or settings.input.max_bytes,
                     config=config.config)
    try:
        print(f"newsaudit: starting {config.workers} audit worker(s)...", file=sys.stderr)
        pool.wait_ready()
        app = create_app(config, store, pool)
        print(f"newsaudit: serving {store.display} on http://{_netloc(config)}/ "
              f"(API docs at /docs)", file=sys.stderr)
        uvicorn.run(app, host=config.host, port=config.port, log_level=log_level,
                    server_header=False, proxy_headers=False, timeout_keep_alive=5,
                    timeout_graceful_shutdown=10)
    finally:
        pool.close()
        store.close()
    return 0


def _netloc(config: WebConfig) -> str:
    host = f"[{config.host}]" if ":" in config.host else config.host
    return f"{host}:{config.port}"
