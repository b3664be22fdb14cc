"""The report's JSON Schema ships in the package, its enums are the model's Literals and
the check registry, and every page the project ships or tests validates and reads back."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import MISSING, fields
from typing import Any, get_args

import pytest

from contract import assert_contract
from newsaudit.checks import registry
from newsaudit.datafiles import load_json
from newsaudit.model import (
    ARTICLE_KINDS,
    Approx,
    Attribution,
    AttributionKind,
    Category,
    Claim,
    Document,
    Figure,
    FigureScope,
    FigureSubject,
    Finding,
    PageFormat,
    Quantity,
    Segment,
    SegmentKind,
    Severity,
    Source,
    SourceType,
    Span,
    Voice,
)
from paths import CHECKS, EXAMPLE, PAGES, REPO, SEED

SCHEMA = load_json("report.schema.json")
DEFS = SCHEMA["$defs"]


def _enum(definition: str, prop: str) -> list[str]:
    return DEFS[definition]["properties"][prop]["enum"]


@pytest.mark.parametrize(
    ("definition", "prop", "literal"),
    [
        ("segment", "kind", SegmentKind),
        ("quantity", "approx", Approx),
        ("quantity", "category", Category),
        ("quantity", "segment", SegmentKind),
        ("source", "type", SourceType),
        ("attribution", "kind", AttributionKind),
        ("attribution", "segment", SegmentKind),
        ("claim", "voice", Voice),
        ("finding", "severity", Severity),
        ("document", "format", PageFormat),
        ("figure", "category", Category),
        ("figure", "segment", SegmentKind),
        ("figure", "approx", Approx),
        ("figure", "voice", Voice),
        ("figure", "scope", FigureScope | None),
    ],
)
def test_schema_enums_are_the_literals(definition, prop, literal):
    expected = [None if a is type(None) else a for a in _literal_values(literal)]
    assert _enum(definition, prop) == expected


def _literal_values(literal: Any) -> list[Any]:
    """The values of a Literal, or of ``Literal[...] | None`` (``None`` last)."""
    values: list[Any] = []
    for arg in get_args(literal):
        values.extend(get_args(arg) if get_args(arg) else [arg])
    return values


def test_schema_checks_are_the_registry_and_claims_the_article():
    assert _enum("finding", "check") == list(registry())
    assert set(_enum("claim", "segment")) == ARTICLE_KINDS


@pytest.mark.parametrize(
    ("definition", "record"),
    [("span", Span), ("segment", Segment), ("quantity", Quantity), ("source", Source),
     ("attribution", Attribution), ("claim", Claim), ("finding", Finding),
     ("document", Document), ("figure", Figure), ("figure_subject", FigureSubject)],
)
def test_schema_requires_what_the_reader_requires(definition, record):
    needed = {f.metadata.get("key", f.name) for f in fields(record)
              if f.default is MISSING and f.default_factory is MISSING}
    assert needed <= set(DEFS[definition]["required"])
    written = {f.metadata.get("key", f.name) for f in fields(record)}
    assert set(DEFS[definition]["properties"]) >= written


def test_schema_command_prints_the_shipped_schema():
    proc = subprocess.run([sys.executable, "-m", "newsaudit", "schema"], capture_output=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == SCHEMA
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def _pages() -> list[str]:
    found = [SEED, EXAMPLE, *sorted(PAGES.glob("*.txt")), *sorted(CHECKS.glob("*.txt"))]
    found += sorted((REPO / "tests" / "fixtures" / "html").glob("*.html"))
    found += sorted((REPO / "tests" / "fixtures" / "polnear").glob("*.txt"))
    return [str(p) for p in found]


@pytest.fixture(scope="module")
def auditor(nlp):
    from newsaudit import Auditor

    return Auditor()


@pytest.mark.parametrize("path", _pages(), ids=lambda p: p.split("/")[-1])
def test_every_shipped_page_validates_and_reads_back(auditor, path):
    if path == str(SEED) and not SEED.exists():
        pytest.skip(f"seed page not found at {SEED}: the seed tests need ../shared/seed/")
    d = auditor.audit_path(path).to_dict()
    assert_contract(d)  # the schema, Report.from_dict(d).to_dict() == d, offsets, ids
    assert_contract(json.loads(json.dumps(d, ensure_ascii=False)))
