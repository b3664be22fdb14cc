"""Events: the pages that report one event, their figures compared (issue 12's store).

The web face of ``newsaudit events``, ``newsaudit compare`` and ``newsaudit outlets``:
the API answers exactly what the library returns (the contract's ``newsaudit.events/1``
and ``newsaudit.compare/1``), and the pages show the same dicts: the events list, one
event's figures table with the reconciled band, its plot, and the outlet profiles.

Reading never groups: pages are placed in events when they are stored (ingest, and the
write lane after a stored audit), so a GET only reads the summary tables.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response

from newsaudit.corpus import events as library
from newsaudit.errors import InputError
from newsaudit.store import Store
from newsaudit.web import event_schemas as es
from newsaudit.web.api import service
from newsaudit.web.errors import NotFound
from newsaudit.web.html import render
from newsaudit.web.plots import plot_svg
from newsaudit.web.schemas import error_responses

api = APIRouter(prefix="/api", tags=["events"])
pages = APIRouter(include_in_schema=False)

#: The most events one listing returns.
MAX_EVENTS = 1000
#: Event ids are 64-bit integers in the store; a longer number names no event.
_MAX_ID = 2**63 - 1
#: Categories shown first, in this order (as the terminal and the plot order them).
ORDER = ("killed", "wounded", "missing", "arrested", "displaced", "abducted", "rescued")


def comparison(store: Store, event_id: str) -> dict[str, Any]:
    """The compare JSON of ``event_id``; any id that names no event is 404."""
    try:
        number = library.event_id(event_id)
    except (InputError, ValueError):  # ValueError: digits int() does not read ('e²')
        number = None
    if number is None or number > _MAX_ID:
        raise NotFound(f"no event has the id {event_id!r} (ids are like e12)")
    try:
        return library.compare(store, number)
    except InputError:
        raise NotFound(f"no event has the id {event_id!r}") from None


def listing(store: Store, *, since: date | None, until: date | None, place: str | None,
            outlet: str | None, category: str | None, min_pages: int,
            limit: int | None) -> dict[str, Any]:
    for name, value in (("place", place), ("outlet", outlet), ("category", category)):
        if value and "\x00" in value:  # PostgreSQL refuses NUL in text: say so, as a 422
            raise InputError(f"{name} contains a NUL character")
    if date.max in (since, until):  # the library looks at the day after, which is no date
        raise InputError("dates go up to 9999-12-30")
    return library.events(
        store, since=since.isoformat() if since else None,
        until=until.isoformat() if until else None, place=place or None,
        outlet=outlet or None, category=category or None, min_pages=min_pages, limit=limit,
    )


# ---------------------------------------------------------------------- the API


@api.get("/events", response_model=es.EventList, summary="The corpus's events "
         "(newsaudit.events/1), newest first", responses=error_responses(422))
def events(
    request: Request,
    since: Annotated[date | None, Query(description="events reported on or after")] = None,
    until: Annotated[date | None, Query(description="events reported on or before")] = None,
    place: Annotated[str | None, Query(description="events naming this place (any spelling "
                                       "GeoNames knows)")] = None,
    outlet: Annotated[str | None, Query(description="events an outlet reported (name or "
                                        "site)")] = None,
    category: Annotated[str | None, Query(description="events with a reconciled figure of "
                                          "this category (killed, wounded, ...)")] = None,
    min_pages: Annotated[int, Query(ge=1, le=1_000_000,
                                    description="at least this many reports")] = 1,
    limit: Annotated[int, Query(ge=1, le=MAX_EVENTS)] = 100,
) -> dict[str, Any]:
    return listing(service(request).store, since=since, until=until, place=place,
                   outlet=outlet, category=category, min_pages=min_pages, limit=limit)


@api.get("/events/{event_id}", response_model=es.Comparison,
         summary="One event compared (newsaudit.compare/1): every figure, its source chain "
         "and time, the reconciled band and why", responses=error_responses(404))
def event(
    request: Request,
    event_id: Annotated[str, Path(description="an event id as the events list gives it",
                                  examples=["e1"])],
) -> dict[str, Any]:
    return comparison(service(request).store, event_id)


@api.get("/outlets", response_model=es.OutletList,
         summary="Per outlet: pages, events, unsourced-claim rate, headline problems, "
         "figures outside the reconciled band")
def outlets(request: Request) -> dict[str, Any]:
    return {"outlets": library.outlets(service(request).store)}


# ---------------------------------------------------------------------- the pages


def categories(figures: dict[str, Any]) -> list[str]:
    return sorted(figures, key=lambda c: (ORDER.index(c) if c in ORDER else len(ORDER), c))


@pages.get("/events")
def events_page(request: Request) -> Response:
    svc = service(request)
    params = request.query_params
    filters = {k: params.get(k, "").strip()
               for k in ("place", "outlet", "category", "since", "until")}
    try:
        since = date.fromisoformat(filters["since"]) if filters["since"] else None
        until = date.fromisoformat(filters["until"]) if filters["until"] else None
    except ValueError:
        raise InputError("dates are YYYY-MM-DD") from None
    data = listing(svc.store, since=since, until=until, place=filters["place"],
                   outlet=filters["outlet"], category=filters["category"], min_pages=1,
                   limit=MAX_EVENTS)
    kept = {k: v for k, v in filters.items() if v}
    return render("events.html", events=data["events"], filters=filters,
                  categories=categories,
                  api_link="/api/events" + ("?" + urlencode(kept) if kept else ""),
                  more=len(data["events"]) >= MAX_EVENTS)


@pages.get("/events/{event_id}")
def event_page(event_id: str, request: Request) -> Response:
    data = comparison(service(request).store, event_id)
    ev = data["event"]
    by_row = {r["id"]: r for r in data["rows"]}
    titles = {p["id"]: p.get("title") for p in ev["pages"]}
    return render("event.html", images=True, ev=ev, rows=data["rows"], by_row=by_row,
                  reconciled=data["reconciled"], excluded=data.get("excluded") or [],
                  titles=titles, order=categories(data["reconciled"]))


@pages.get("/events/{event_id}/plot.svg")
def event_plot(event_id: str, request: Request) -> Response:
    """Each source's figures over time with the band (render/plot.py), as an image."""
    data = comparison(service(request).store, event_id)
    return Response(plot_svg(data), media_type="image/svg+xml", headers={
        # Opened on its own, the drawing may use its own styles and nothing else.
        "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
                                   "frame-ancestors 'none'; sandbox",
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "no-store",
    })


@pages.get("/outlets")
def outlets_page(request: Request) -> Response:
    return render("outlets.html", outlets=library.outlets(service(request).store))
