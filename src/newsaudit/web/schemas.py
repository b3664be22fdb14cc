"""What the API takes and gives, as OpenAPI sees it.

Requests and the server's own answers are pydantic models. The report is not: it is the
contract, and its JSON Schema ships in the package (``data/report.schema.json``); the
OpenAPI document takes that schema in whole (its ``$defs`` become ``Report*`` component
schemas), so a client validates a report against the same schema the CLI's output meets.
"""

from __future__ import annotations

import copy
import json
import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from newsaudit.datafiles import read_text

SEVERITY = Literal["info", "warning", "problem"]


class AuditRequest(BaseModel):
    """One page to audit: exactly one of ``text``, ``html`` or ``url``."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="the page as plain text")
    html: str | None = Field(None, description="the page as HTML")
    url: str | None = Field(
        None, description="an http(s) URL to fetch (through the guarded fetcher: private, "
        "loopback and link-local addresses are refused, redirects re-checked)")
    checks: list[str] | None = Field(
        None, description="the checks to run (default: the server's); [] runs none")
    store: bool = Field(False, description="store the page and its report in the corpus "
                        "(a write: needs a Bearer token when the server has tokens)")
    title: str | None = Field(None, description="the page's title, if the text lacks one")
    outlet: str | None = Field(None, description="who published the page")
    published: str | None = Field(None, description="when (ISO 8601)")

    @model_validator(mode="after")
    def _one_input(self) -> AuditRequest:
        given = [k for k in ("text", "html", "url") if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of text, html or url"
                             + (f" (got {', '.join(given)})" if given else ""))
        return self


class IngestRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sources: list[str] = Field(
        ..., min_length=1, max_length=1000,
        description="URLs, feeds and URL lists as `newsaudit ingest` takes them; files and "
        "directories only under the server's --ingest-dir")


class ErrorDetail(BaseModel):
    code: str = Field(..., description="a stable code: the library's (input_binary, "
                      "fetch_refused, ...) or the server's (busy, unauthorized, ...)")
    message: str


class ErrorBody(BaseModel):
    error: ErrorDetail


class PageSummary(BaseModel):
    """A stored page as listings show it."""

    id: str
    source: str
    url: str | None
    outlet: str | None
    site: str | None
    published: str | None
    title: str | None
    language: str | None
    revision: int
    previous_id: str | None
    duplicate_of: str | None
    duplicate_kind: str | None
    similarity: float | None
    run_id: int
    findings: dict[str, int] = Field(..., description="number of findings by check")


class PageList(BaseModel):
    total: int = Field(..., description="pages matching the filters, all of them")
    limit: int
    offset: int
    pages: list[PageSummary]


class JobCounts(BaseModel):
    model_config = ConfigDict(extra="allow")

    stored: int
    duplicate: int
    skipped: int
    failed: int


class JobOut(BaseModel):
    id: str
    kind: Literal["ingest", "store"]
    status: Literal["queued", "running", "finished", "failed", "interrupted", "cancelled"]
    sources: list[str]
    created: str
    started: str | None
    finished: str | None
    counts: JobCounts
    run: int | None = Field(..., description="the store's run id")
    page: str | None = Field(..., description="a store job's page id, once stored")
    error: ErrorDetail | None


class CheckOut(BaseModel):
    name: str
    summary: str
    severities: list[SEVERITY]


class Health(BaseModel):
    status: Literal["ok"]
    version: str
    workers: int
    capacity: int = Field(..., description="requests that may be audited or wait at once")
    busy: int = Field(..., description="requests holding a slot now")
    store: str = Field(..., description="the database kind: sqlite or postgresql")
    writes_need_token: bool


# ---------------------------------------------------------------------- the report

_REF = re.compile(r"#/\$defs/([a-z_]+)")


def _component(name: str) -> str:
    return "Report" + "".join(part.capitalize() for part in name.split("_"))


def report_components() -> dict[str, Any]:
    """The report's JSON Schema as OpenAPI component schemas: ``Report`` and its parts."""
    schema = json.loads(read_text("report.schema.json"))
    defs = schema.pop("$defs")
    for key in ("$schema", "$id"):
        schema.pop(key, None)
    text = _REF.sub(lambda m: f"#/components/schemas/{_component(m.group(1))}",
                    json.dumps({"Report": schema, **{_component(k): v for k, v in defs.items()}}))
    return dict(json.loads(text))


REPORT_REF = {"$ref": "#/components/schemas/Report"}
FINDINGS_SCHEMA = {
    "type": "object",
    "required": ["page", "findings"],
    "properties": {
        "page": {"type": "string"},
        "findings": {"type": "array", "items": {"$ref": "#/components/schemas/ReportFinding"}},
    },
}


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The error answers a route may give, each in the one error shape."""
    words = {
        400: "malformed request (not JSON, bad form)",
        401: "a write without a valid Bearer token",
        403: "forbidden (a path outside --ingest-dir, a cross-site form)",
        404: "no such page, event, job or route",
        413: "the body (or the page it names) is over --max-bytes",
        415: "binary data, not a page",
        422: "the input cannot be audited: invalid fields, empty, undecodable, a URL that "
             "cannot be fetched, an audit over --audit-timeout",
        503: "every worker busy and the queue full (see Retry-After)",
    }
    return {s: {"description": words[s], "model": ErrorBody} for s in statuses}


def with_report_schema(openapi: dict[str, Any]) -> dict[str, Any]:
    """The generated OpenAPI document with the report's schemas added."""
    out = copy.deepcopy(openapi)
    out.setdefault("components", {}).setdefault("schemas", {}).update(report_components())
    return out
