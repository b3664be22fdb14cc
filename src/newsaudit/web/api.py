"""The REST API: audits, the stored corpus, ingest jobs, the checks, health.

Each route is a thin call into the library (through :mod:`newsaudit.web.service` for
audits and :mod:`newsaudit.store.queries` for the corpus) and answers the contract's JSON
or, for errors, the one error shape. Writes (``store``, ingest) need a Bearer token when
the server has tokens.
"""

from __future__ import annotations

import os
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response

from newsaudit._version import __version__
from newsaudit.ingest.sources import is_url
from newsaudit.model import Report
from newsaudit.store import queries
from newsaudit.web import schemas as s
from newsaudit.web.errors import Forbidden, NotFound
from newsaudit.web.html import standalone_report
from newsaudit.web.service import AuditResult, PageInput, Service

router = APIRouter(prefix="/api", tags=["api"])

#: The most pages one listing returns.
MAX_LIMIT = 500
#: Offsets beyond this are refused (no corpus is that large; SQLite's integers are 64-bit).
MAX_OFFSET = 1_000_000_000


def service(request: Request) -> Service:
    svc: Service = request.app.state.service
    return svc


def bearer(request: Request) -> str | None:
    """The token of an ``Authorization: Bearer <token>`` header, if any."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None


def wants_html(accept: str) -> bool:
    """Whether ``Accept`` prefers ``text/html`` to ``application/json`` (JSON on a tie)."""
    quality = {"text/html": 0.0, "application/json": 0.0}
    for part in accept.split(","):
        kind, *params = (p.strip() for p in part.split(";"))
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        targets = quality if kind in ("*/*", "") else [kind] if kind in quality else []
        for target in targets:
            quality[target] = max(quality[target], q if kind == target else q * 0.999)
    return quality["text/html"] > quality["application/json"]


_REPORT_CONTENT = {
    "application/json": {"schema": s.REPORT_REF},
    "text/html": {"schema": {"type": "string"}},
}


@router.post(
    "/audit",
    summary="Audit one page",
    response_class=JSONResponse,
    responses={
        200: {"description": "the report (the contract's JSON; the HTML report with "
              "Accept: text/html)", "content": _REPORT_CONTENT},
        201: {"description": "stored: the report; Location names the stored page",
              "content": _REPORT_CONTENT},
        202: {"description": "the report; storing waits behind an ingest job: Location "
              "names the job", "content": _REPORT_CONTENT},
        **s.error_responses(400, 401, 413, 415, 422, 503),
    },
)
async def audit(body: s.AuditRequest, request: Request) -> Response:
    """Audit text, HTML or a URL, optionally storing the page in the corpus."""
    text = body.text if body.text is not None else body.html
    page = PageInput(text=text, fmt="text" if body.text is not None else "html",
                     url=body.url, title=body.title, outlet=body.outlet,
                     published=body.published)
    result = await service(request).audit(page, checks=body.checks, store=body.store,
                                          token=bearer(request))
    status, headers = _stored(result)
    if wants_html(request.headers.get("accept", "")):
        response: Response = standalone_report(Report.from_dict(result.report))
        response.status_code = status
        response.headers.update(headers)
        return response
    return JSONResponse(result.report, status_code=status, headers=headers)


def _stored(result: AuditResult) -> tuple[int, dict[str, str]]:
    if result.job is None:
        return 200, {}
    if result.stored:
        return 201, {"Location": f"/api/pages/{result.stored}"}
    return 202, {"Location": f"/api/jobs/{result.job.id}"}


@router.get("/pages", response_model=s.PageList, summary="List stored pages",
            responses=s.error_responses(422))
def pages(
    request: Request,
    outlet: Annotated[str | None, Query(description="outlet name or site")] = None,
    check: Annotated[str | None, Query(description="pages with a finding of this check")] = None,
    severity: Annotated[s.SEVERITY | None,
                        Query(description="pages with a finding at this severity or above "
                              "(of `check`, if given)")] = None,
    language: Annotated[str | None, Query(description="language code, e.g. en")] = None,
    since: Annotated[date | None, Query(description="published on or after")] = None,
    until: Annotated[date | None, Query(description="published on or before")] = None,
    q: Annotated[str | None, Query(description="words that must all appear in the title or "
                                   "text (case-insensitive)")] = None,
    duplicates: Annotated[bool | None, Query(description="true: near-duplicates only; "
                                             "false: originals only")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> dict[str, Any]:
    store = service(request).store
    filters = page_filters(outlet=outlet, check=check, severity=severity, language=language,
                           since=since, until=until, q=q, duplicates=duplicates)
    rows = queries.pages(store, limit=limit, offset=offset, **filters)
    return {"total": queries.count_pages(store, **filters), "limit": limit, "offset": offset,
            "pages": [r.to_dict() for r in rows]}


def page_filters(*, outlet: str | None, check: str | None, severity: str | None,
                 language: str | None, since: date | None, until: date | None,
                 q: str | None, duplicates: bool | None) -> dict[str, Any]:
    """The query's filters as :func:`newsaudit.store.queries.pages` takes them."""
    return {
        "outlet": outlet or None, "check": check or None, "severity": severity or None,
        "language": language or None, "since": since.isoformat() if since else None,
        "until": until.isoformat() if until else None, "search": q or None,
        "duplicates": duplicates,
    }


def stored_report(svc: Service, page_id: str) -> dict[str, Any]:
    report = queries.report(svc.store, page_id)
    if report is None:
        raise NotFound(f"no stored page has the id {page_id!r}")
    return report


@router.get("/pages/{page_id}", summary="A stored page's report",
            responses={200: {"description": "the report, as it was made",
                             "content": {"application/json": {"schema": s.REPORT_REF}}},
                       **s.error_responses(404)})
def page(page_id: str, request: Request) -> JSONResponse:
    return JSONResponse(stored_report(service(request), page_id))


@router.get("/pages/{page_id}/findings", summary="A stored page's findings",
            responses={200: {"description": "the findings of the page's report",
                             "content": {"application/json": {"schema": s.FINDINGS_SCHEMA}}},
                       **s.error_responses(404)})
def findings(page_id: str, request: Request) -> JSONResponse:
    report = stored_report(service(request), page_id)
    return JSONResponse({"page": page_id, "findings": report.get("findings", [])})


@router.post("/ingest", status_code=202, response_model=s.JobOut,
             summary="Ingest sources into the corpus, in the background",
             responses=s.error_responses(400, 401, 403, 413, 422))
def ingest(body: s.IngestRequest, request: Request, response: Response) -> dict[str, Any]:
    """Start an ingest run (sources as `newsaudit ingest` takes them); poll the job."""
    svc = service(request)
    svc.require_write(bearer(request))
    dirs = [os.path.realpath(d) for d in svc.config.ingest_dirs]
    for source in body.sources:
        if not is_url(source) and not _inside(source, dirs):
            raise Forbidden(
                "the server reads files only under its --ingest-dir" if dirs else
                "this server ingests URLs only (start it with --ingest-dir to allow files)"
            )
    job = svc.lane.ingest([src.strip() if is_url(src) else src for src in body.sources])
    response.headers["Location"] = f"/api/jobs/{job.id}"
    return job.to_dict()


def _inside(path: str, dirs: list[str]) -> bool:
    try:
        real = os.path.realpath(path)
        return any(os.path.commonpath([real, d]) == d for d in dirs)
    except (ValueError, OSError):
        return False


@router.get("/jobs/{job_id}", response_model=s.JobOut, summary="An ingest or store job",
            responses=s.error_responses(404))
def job(job_id: str, request: Request) -> dict[str, Any]:
    found = service(request).lane.job(job_id)
    if found is None:
        raise NotFound(f"no job has the id {job_id!r} (jobs are kept while the server runs)")
    return found.to_dict()


@router.get("/checks", response_model=list[s.CheckOut], summary="The checks")
def checks(request: Request) -> list[dict[str, Any]]:
    return [{"name": c.name, "summary": c.summary, "severities": list(c.severities)}
            for c in service(request).checks.values()]


@router.get("/health", response_model=s.Health, summary="Is the server up")
def health(request: Request) -> dict[str, Any]:
    svc = service(request)
    return {"status": "ok", "version": __version__, "workers": svc.pool.workers,
            "capacity": svc.pool.capacity, "busy": svc.pool.held, "store": svc.store.dialect,
            "writes_need_token": svc.config.writes_need_token}
