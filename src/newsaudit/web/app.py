"""The web app: FastAPI over the library and the store.

:func:`create_app` wires the parts together. The store and the audit workers are made by
the caller (``newsaudit serve`` makes them before it listens, so a store that cannot be
opened or a model that cannot be loaded stops it with its exit code, not a broken
server); the app owns the write lane and the fetcher, and closes them when it stops.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import sqlalchemy.exc
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from newsaudit._version import __version__
from newsaudit.errors import NewsauditError, StoreUnavailable
from newsaudit.ingest.sources import PageFetcher
from newsaudit.settings import Settings
from newsaudit.store import Store
from newsaudit.web import api, docs, events, pages
from newsaudit.web.config import WebConfig, is_loopback
from newsaudit.web.errors import body, code_of, status_of
from newsaudit.web.html import render
from newsaudit.web.jobs import WriteLane
from newsaudit.web.limits import Guard
from newsaudit.web.pool import AuditPool
from newsaudit.web.schemas import with_report_schema
from newsaudit.web.service import Service

log = logging.getLogger("newsaudit.web")

DESCRIPTION = """Audit news pages and query a corpus of audited pages.

Reports follow the newsaudit report contract (`Report` below). Errors have one shape,
`{"error": {"code": ..., "message": ...}}`. Writes (`store: true`, ingest) need
`Authorization: Bearer <token>` when the server was started with a token file."""


def create_app(
    config: WebConfig,
    store: Store,
    pool: AuditPool,
    *,
    fetcher_factory: Callable[[], PageFetcher] | None = None,
) -> Any:
    """The ASGI app (FastAPI behind the request guards) serving ``store`` with ``pool``."""
    max_bytes = config.max_bytes or Settings.load(config.config).input.max_bytes

    def make_fetcher() -> PageFetcher:
        if fetcher_factory is not None:
            return fetcher_factory()
        from newsaudit.fetch import Fetcher

        return Fetcher(max_bytes=max_bytes)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        lane = WriteLane(store, pool, max_bytes=max_bytes, fetcher_factory=make_fetcher)
        fetcher = make_fetcher()
        app.state.service = Service(config, store, pool, lane, fetcher, max_bytes=max_bytes)
        try:
            yield
        finally:
            lane.close()
            fetcher.close()

    app = FastAPI(
        title="newsaudit", version=__version__, description=DESCRIPTION, lifespan=lifespan,
        docs_url=None, redoc_url=None, swagger_ui_oauth2_redirect_url=None,
    )
    app.include_router(api.router)
    app.include_router(events.api)
    app.include_router(pages.router)
    app.include_router(events.pages)
    app.include_router(docs.router)
    docs.mount(app)
    _errors(app)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            from fastapi.openapi.utils import get_openapi

            app.openapi_schema = with_report_schema(get_openapi(
                title=app.title, version=app.version, description=app.description,
                routes=app.routes,
            ))
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return Guard(app, max_bytes=max_bytes, loopback_only=is_loopback(config.host))


def _is_api(request: Request) -> bool:
    return request.url.path.startswith(("/api/", "/openapi")) or request.url.path == "/api"


def _error(request: Request, status: int, code: str, message: str,
           headers: dict[str, str] | None = None) -> Response:
    if _is_api(request):
        return JSONResponse(body(code, message), status_code=status, headers=headers)
    return render("error.html", status=status, headers=headers, code=code, message=message)


_HTTP_CODES = {400: "input_malformed", 404: "not_found", 405: "method_not_allowed",
               413: "input_too_large"}


def _errors(app: FastAPI) -> None:
    @app.exception_handler(NewsauditError)
    async def newsaudit_error(request: Request, err: Exception) -> Response:
        assert isinstance(err, NewsauditError)
        return _error(request, status_of(err), code_of(err), err.reason,
                      getattr(err, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, err: Exception) -> Response:
        assert isinstance(err, RequestValidationError)
        problems = list(err.errors())
        if any(p.get("type") == "json_invalid" for p in problems):
            return _error(request, 400, "input_malformed", "the body is not valid JSON")
        parts = []
        for p in problems[:5]:
            where = ".".join(str(x) for x in p.get("loc", ()) if x != "body")
            parts.append(f"{where}: {p.get('msg', 'invalid')}" if where else
                         str(p.get("msg", "invalid")))
        return _error(request, 422, "input_invalid", "; ".join(parts) or "invalid request")

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, err: Exception) -> Response:
        assert isinstance(err, HTTPException)
        code = _HTTP_CODES.get(err.status_code, "bad_request")
        message = {404: "no such route", 405: "this route does not take that method"}.get(
            err.status_code, str(err.detail))
        return _error(request, err.status_code, code, message, dict(err.headers or {}))

    @app.exception_handler(sqlalchemy.exc.SQLAlchemyError)
    async def store_error(request: Request, err: Exception) -> Response:
        log.error("store error: %s", err)
        unavailable = StoreUnavailable("the corpus store cannot be read right now")
        return _error(request, 503, unavailable.code, unavailable.reason, {"Retry-After": "5"})

    @app.exception_handler(Exception)
    async def internal(request: Request, err: Exception) -> Response:
        log.exception("internal error on %s %s", request.method, request.url.path)
        return _error(request, 500, "internal_error",
                      "internal error (a bug: please report it with the page)")
