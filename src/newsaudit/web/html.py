"""The web app's pages: Jinja2 templates with autoescape, and the report's strict CSP.

Every page is self-contained like the HTML report: its one style sheet and (on report
pages) its one script are inlined, and the Content-Security-Policy header allows exactly
those, by hash, and nothing else (no ``'unsafe-inline'``, no other origin, no fonts, no
images but an event page's plot from this server; forms may post only to this server).
Page text reaches a page only through autoescaped template variables or the report
renderer's escaped fragments, and only as element content or attribute values: the
script reads ``data-`` attributes and is never given text, so no page text is ever in a
script context.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup
from starlette.responses import HTMLResponse

from newsaudit._version import __version__
from newsaudit.model import Report
from newsaudit.render import html as report_html


def _read(package: str, name: str) -> str:
    text = resources.files(package).joinpath("static", name).read_text("utf-8")
    # The browser hashes inline text after turning CRLF into LF: so must we.
    return text.replace("\r\n", "\n")


def csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def page_csp(css: str, js: str | None, *, images: bool = False) -> str:
    """The policy of an app page: its own style and script, forms to this server;
    ``images``: images from this server (an event's plot), none from anywhere else."""
    return "; ".join((
        "default-src 'none'",
        f"style-src {csp_hash(css)}",
        f"script-src {csp_hash(js)}" if js else "script-src 'none'",
        "img-src 'self'" if images else "img-src 'none'",
        "font-src 'none'",
        "connect-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ))


@dataclass(frozen=True)
class Assets:
    css: str
    js: str

    def csp(self, *, script: bool, images: bool = False) -> str:
        return page_csp(self.css, self.js if script else None, images=images)


@cache
def assets() -> Assets:
    """The report's style and script, with the app's additions to the style."""
    css = _read("newsaudit.render", "report.css") + "\n" + _read("newsaudit.web", "app.css")
    return Assets(css=css, js=_read("newsaudit.render", "report.js"))


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("newsaudit.web", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["version"] = __version__
    env.filters["label"] = lambda s: str(s).replace("_", " ")
    env.filters["pathseg"] = lambda s: quote(str(s), safe="")
    env.filters["num"] = number
    return env


def number(x: Any) -> str:
    """A count as people read it: 1,200 and 21, not 1200.0 and 21.0; a dash for none."""
    if x is None:
        return "–"
    if isinstance(x, float) and x.is_integer():
        x = int(x)
    return f"{x:,}" if isinstance(x, int) and not isinstance(x, bool) else str(x)


def render(
    template: str, *, status: int = 200, script: bool = False, images: bool = False,
    headers: dict[str, str] | None = None, **context: Any,
) -> HTMLResponse:
    """A page from ``template``; ``script``: the page runs the report's script;
    ``images``: it shows images from this server."""
    a = assets()
    html = environment().get_template(template).render(
        css=Markup(a.css), js=Markup(a.js) if script else None, **context
    )
    out = {"Content-Security-Policy": a.csp(script=script, images=images),
           "Cache-Control": "no-store"}
    return HTMLResponse(html, status_code=status, headers={**out, **(headers or {})})


def report_sections(report: Report) -> dict[str, Any]:
    """The report's parts, rendered (and escaped) by the HTML report's own renderer."""
    counts = {sev: sum(f.severity == sev for f in report.findings)
              for sev in report_html.SEVERITY_ORDER}
    return {
        "report": report,
        "doc": report.document,
        "counts": counts,
        "words": len(report.document.text.split()),
        "n_said": sum(a.kind != "unattributed_quote" for a in report.attributions),
        "n_own": sum(c.voice == "outlet" for c in report.claims),
        "page_text": Markup(report_html.page_text_html(report)),
        "findings": Markup(report_html.findings_html(report)),
        "figures": Markup(report_html.figures_html(report)),
        "sources": Markup(report_html.sources_html(report)),
        "claims": Markup(report_html.claims_html(report)),
    }


def standalone_report(report: Report) -> HTMLResponse:
    """``POST /api/audit`` with ``Accept: text/html``: the HTML report file, as the CLI
    writes it, with its own policy sent as a header too."""
    a = assets()
    policy = report_html.content_security_policy(
        _read("newsaudit.render", "report.css"), a.js) + "; frame-ancestors 'none'"
    return HTMLResponse(report_html.to_html(report),
                        headers={"Content-Security-Policy": policy, "Cache-Control": "no-store"})
