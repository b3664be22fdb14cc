"""The browser side: paste, upload or give a URL and read the audit; browse the corpus.

Pages are rendered on the server (Jinja2, autoescaped); the only script is the HTML
report's, which moves between findings and their evidence. Forms work without it.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import UploadFile

from newsaudit.corpus import events
from newsaudit.errors import EmptyInput, InputError
from newsaudit.model import SEVERITY_RANK, Report
from newsaudit.store import queries
from newsaudit.web.api import page_filters, service
from newsaudit.web.errors import Forbidden, NotFound
from newsaudit.web.html import render, report_sections
from newsaudit.web.service import PageInput, Service

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 50


@router.get("/")
def home(request: Request) -> Response:
    svc = service(request)
    return render("home.html", checks=list(svc.checks.values()),
                  token_field=svc.config.writes_need_token, max_bytes=svc.max_bytes)


@router.get("/favicon.ico")
def favicon() -> Response:
    """No icon: browsers ask for one, and a 404 would be a console error on every page."""
    return Response(status_code=204)


def same_origin(request: Request) -> None:
    """A form post must come from this server's own pages: a page elsewhere must not be
    able to make a visitor's browser write to the corpus (cross-site request forgery)."""
    site = request.headers.get("sec-fetch-site")
    if site is not None:
        if site not in ("same-origin", "none"):
            raise Forbidden("a form posted from another site is refused")
        return
    origin = request.headers.get("origin")
    if origin and origin != "null":
        host = request.headers.get("host", "")
        if urlsplit(origin).netloc != host:
            raise Forbidden("a form posted from another site is refused")


@router.post("/audit")
async def audit_form(request: Request) -> Response:
    same_origin(request)
    svc = service(request)
    form = await request.form(max_files=1, max_fields=40, max_part_size=svc.max_bytes)
    try:
        text = _field(form.get("text"))
        url = _field(form.get("url")).strip()
        upload = form.get("file")
        data = None
        filename = None
        if isinstance(upload, UploadFile) and upload.filename:
            data = await upload.read(svc.max_bytes + 1)
            filename = upload.filename
        given = [name for name, value in (("text", text.strip()), ("file", data), ("URL", url))
                 if value]
        if not given:
            raise EmptyInput("paste a page, choose a file or give a URL")
        if len(given) > 1:
            raise InputError(f"give one page at a time (got {' and '.join(given)})")
        # The form marks its check boxes as shown, so that none ticked means no checks,
        # while a client that sends no boxes at all gets the default.
        chosen = [str(v) for v in form.getlist("checks")]
        if not _field(form.get("checks_shown")) or set(chosen) >= set(svc.checks):
            checks = None
        else:
            checks = chosen
        page = PageInput(text=text if text.strip() else None, data=data, filename=filename,
                         url=url or None, title=_field(form.get("title")).strip() or None,
                         outlet=_field(form.get("outlet")).strip() or None)
        store = _field(form.get("store")) == "1"
        token = _field(form.get("token")).strip() or None
    finally:
        await form.close()
    result = await svc.audit(page, checks=checks, store=store, token=token)
    if result.stored:
        return RedirectResponse(f"/pages/{result.stored}", status_code=303)
    queued = result.job.id if result.job is not None else None
    return render("report.html", script=True, stored=None, row=None, queued=queued, event=None,
                  **report_sections(Report.from_dict(result.report)))


def _field(value: Any) -> str:
    return value if isinstance(value, str) else ""


@router.get("/pages")
def corpus(request: Request) -> Response:
    svc = service(request)
    params = request.query_params
    filters = {k: params.get(k, "").strip() for k in
               ("outlet", "check", "severity", "language", "since", "until", "q")}
    if filters["severity"] and filters["severity"] not in SEVERITY_RANK:
        raise InputError(f"unknown severity {filters['severity']!r}")
    try:
        since = date.fromisoformat(filters["since"]) if filters["since"] else None
        until = date.fromisoformat(filters["until"]) if filters["until"] else None
    except ValueError:
        raise InputError("dates are YYYY-MM-DD") from None
    try:
        number = max(1, min(int(params.get("page", "1")), 1_000_000))
    except ValueError:
        number = 1
    where = page_filters(outlet=filters["outlet"], check=filters["check"],
                         severity=filters["severity"], language=filters["language"],
                         since=since, until=until, q=filters["q"], duplicates=None)
    total = queries.count_pages(svc.store, **where)
    rows = queries.pages(svc.store, limit=PAGE_SIZE, offset=(number - 1) * PAGE_SIZE, **where)
    kept = {k: v for k, v in filters.items() if v}

    def link(n: int) -> str:
        return "/pages?" + urlencode({**kept, "page": n})

    return render(
        "pages.html", rows=rows, total=total, filters=filters,
        outlets=queries.outlet_names(svc.store), checks=list(svc.checks),
        severities=list(SEVERITY_RANK)[::-1], languages=queries.languages(svc.store),
        number=number, pages=max(1, -(-total // PAGE_SIZE)),
        prev_link=link(number - 1) if number > 1 else None,
        next_link=link(number + 1) if number * PAGE_SIZE < total else None,
    )


@router.get("/pages/{page_id}")
def page_view(page_id: str, request: Request) -> Response:
    svc = service(request)
    row = queries.page(svc.store, page_id)
    stored = queries.report(svc.store, page_id)
    if row is None or stored is None:
        raise NotFound(f"no stored page has the id {page_id!r}")
    return render("report.html", script=True, stored=page_id, row=row, queued=None,
                  event=_event_of(svc, page_id), **report_sections(Report.from_dict(stored)))


def _event_of(svc: Service, page_id: str) -> dict[str, Any] | None:
    """The event the page is in, with this page's figures as the comparison counts them
    and each category's band, or None when the page is its event's only report."""
    data = events.page_event(svc.store, page_id)
    if data is None or len(data["event"]["pages"]) < 2:
        return None
    return {"id": data["event"]["id"], "title": data["event"]["title"],
            "reports": len(data["event"]["pages"]),
            "rows": [r for r in data["rows"] if r["page"] == page_id],
            "reconciled": data["reconciled"]}


@router.get("/outlets/{name:path}")
def outlet(name: str, request: Request) -> Response:
    svc = service(request)
    summary = queries.outlet_summary(svc.store, name)
    if summary is None:
        raise NotFound(f"no stored page is from the outlet {name!r}")
    rows = queries.pages(svc.store, outlet=name, limit=PAGE_SIZE)
    severities = list(SEVERITY_RANK)[::-1]
    wanted = {name.casefold(), summary.name.casefold()}
    profile = [o for o in events.outlets(svc.store) if o["outlet"].casefold() in wanted]
    reported = events.events(svc.store, outlet=name, limit=PAGE_SIZE)["events"]
    return render("outlet.html", summary=summary, rows=rows, severities=severities,
                  more=summary.pages > len(rows), outlets=profile[:1], reported=reported,
                  all_link="/pages?" + urlencode({"outlet": name}),
                  events_link="/events?" + urlencode({"outlet": name}))
