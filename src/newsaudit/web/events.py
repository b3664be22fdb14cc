"""Events: the pages that report one event, their figures compared (issue 12's store).

These routes are the web face of ``newsaudit events`` and ``newsaudit compare`` (the
contract's ``newsaudit.events/1`` and ``newsaudit.compare/1``), and of the outlets they
name. The event tables and queries are not in the store yet, so every route here answers
501 ``not_available`` rather than anything made up; completing them means replacing the
bodies below with calls to the events queries and an ``event.html`` template (the figures
table, the reconciled band, the plot). Nothing else in the web app needs to change: the
routes, their place in the OpenAPI document and their error shape are final.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from newsaudit.web.errors import NotAvailable
from newsaudit.web.schemas import error_responses

api = APIRouter(prefix="/api", tags=["events"])
pages = APIRouter(include_in_schema=False)

_WHY = ("events are not available in this version: the corpus does not group pages into "
        "events yet")


@api.get("/events", summary="The corpus's events (newsaudit.events/1)",
         responses={200: {"description": "the events"}, **error_responses(501)})
def events() -> dict[str, Any]:
    raise NotAvailable(_WHY)


@api.get("/events/{event_id}", summary="One event compared (newsaudit.compare/1)",
         responses={200: {"description": "the compare JSON"}, **error_responses(404, 501)})
def event(event_id: str) -> dict[str, Any]:
    raise NotAvailable(_WHY)


@api.get("/outlets", summary="The outlets of the corpus",
         responses={200: {"description": "the outlets"}, **error_responses(501)})
def outlets() -> dict[str, Any]:
    raise NotAvailable(_WHY)


@pages.get("/events")
def events_page() -> None:
    raise NotAvailable(_WHY)


@pages.get("/events/{event_id}")
def event_page(event_id: str) -> None:
    raise NotAvailable(_WHY)
