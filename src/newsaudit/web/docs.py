"""``/docs``: Swagger UI, served from this server, under a strict policy.

FastAPI's own docs page loads Swagger UI from a CDN and starts it with an inline script.
Here the Swagger UI files come from the ``fastapi-offline`` package (a Swagger UI 5 build
installed with newsaudit, so nothing is fetched from elsewhere), and the page starts it
with a script file of ours, so the policy allows scripts and styles from this server only
(``'self'``, never ``'unsafe-inline'``).
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.responses import HTMLResponse, Response

from newsaudit.web.html import environment

router = APIRouter(include_in_schema=False)

DOCS_CSP = "; ".join((
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
))


def swagger_files() -> Path:
    import fastapi_offline

    return Path(fastapi_offline.__file__).parent / "static"


def mount(app: FastAPI) -> None:
    """Serve Swagger UI's files and ours (the script that starts it)."""
    app.mount("/static/swagger", StaticFiles(directory=swagger_files()), name="swagger")
    app.mount("/static/web", StaticFiles(packages=[("newsaudit.web", "static")]), name="web")


@router.get("/docs")
def docs() -> Response:
    html = environment().get_template("docs.html").render()
    return HTMLResponse(html, headers={"Content-Security-Policy": DOCS_CSP})
