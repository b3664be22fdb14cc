"""The web app and REST API over the library and the corpus store (``newsaudit serve``).

    config.py    the server's options and the listening rule (tokens off loopback)
    limits.py    body size, Host and security headers, before any route
    pool.py      the audit worker processes, admission, the per-request time limit
    jobs.py      the one writer thread: stored audits and ingest jobs
    service.py   one audit as the server runs it (fetch, audit, store)
    api.py       the REST API;  pages.py  the browser pages;  events.py  events and outlets
    docs.py      Swagger UI served offline;  html.py  templates and the strict CSP
    app.py       create_app: the parts wired together;  serve.py  ``newsaudit serve``

Importing this package loads nothing heavy: FastAPI, uvicorn and the workers are imported
by the modules that use them.
"""
