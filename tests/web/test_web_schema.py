"""The API against its own OpenAPI document, by schemathesis, on the running server.

schemathesis reads ``/openapi.json`` from the live server and, operation by operation,
generates requests from the schema, valid ones and invalid ones, bounded in number so the
run stays short; every answer must be no server error (5xx), have a status and content
type the document declares, and a body its schema allows (for a report: the report
contract's JSON Schema; for events, the compare and events schemas). The store starts
with one event of three reports (``event_site.py``), and the path's example id names it,
so the events routes answer real data, not only empty lists and 404s.
(schemathesis's own pytest plugin does not run under this pytest, so the operations are
driven through its Python API with Hypothesis.)
"""

from __future__ import annotations

import pytest
import schemathesis
from event_site import event_site
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_headers_conformance, response_schema_conformance]
#: Examples per operation and mode: enough to reach each field's edges, few enough that
#: the whole run takes about a minute.
EXAMPLES = 20


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory, audit_pool):
    db = tmp_path_factory.mktemp("schema") / "web.db"
    with event_site(f"sqlite:///{db}", audit_pool) as (base, _):
        yield schemathesis.openapi.from_url(base + "/openapi.json")


def _labels(schema) -> list[str]:
    return [r.ok().label for r in schema.get_all_operations()]


def test_every_operation_is_tested(api_schema):
    assert sorted(_labels(api_schema)) == sorted([
        "POST /api/audit", "GET /api/pages", "GET /api/pages/{page_id}",
        "GET /api/pages/{page_id}/findings", "POST /api/ingest", "GET /api/jobs/{job_id}",
        "GET /api/checks", "GET /api/health", "GET /api/events", "GET /api/events/{event_id}",
        "GET /api/outlets",
    ])


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE],
                         ids=lambda m: m.value)
def test_the_api_keeps_to_its_schema(api_schema, mode):
    untried = []
    for result in api_schema.get_all_operations():
        operation = result.ok()

        @settings(max_examples=EXAMPLES, deadline=None, database=None,
                  phases=[Phase.explicit, Phase.generate],
                  suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy(generation_mode=mode))
        def call(case) -> None:
            case.call_and_validate(checks=CHECKS, timeout=180)

        try:
            call()
        except Unsatisfiable:
            # No invalid request exists: no input, or only free strings (a page id).
            assert mode is GenerationMode.NEGATIVE, operation.label
            untried.append(operation.label)
    assert not {"POST /api/audit", "GET /api/pages", "POST /api/ingest"} & set(untried)


def test_a_real_event_keeps_to_its_schema(api_schema):
    """The event in the store, listed and compared, answers within the schema (not only
    the 404s and empty lists random ids and filters mostly reach)."""
    for path, params in (("/api/events", {}), ("/api/events/{event_id}", {"event_id": "e1"}),
                         ("/api/outlets", {})):
        operation = api_schema[path]["GET"]
        case = operation.Case(path_parameters=params or None)
        response = case.call_and_validate(checks=CHECKS, timeout=180)
        assert response.status_code == 200, (path, response.text)
        body = response.json()
        assert body.get("events") or body.get("rows") or body.get("outlets"), path
