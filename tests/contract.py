"""Assertions on the report contract (shared/spec/report.md), shared by the tests."""

from __future__ import annotations

from functools import cache
from typing import Any, get_args

from jsonschema import Draft202012Validator

from newsaudit.checks import registry
from newsaudit.datafiles import load_json
from newsaudit.model import (
    ARTICLE_KINDS,
    Approx,
    AttributionKind,
    Category,
    Report,
    SegmentKind,
    SourceType,
)

# The lists come from the package (the records' Literals, the check registry), never
# repeated here, so a kind or a check added there is known here.
SEGMENT_KINDS = set(get_args(SegmentKind))
APPROX = set(get_args(Approx))
CATEGORIES = set(get_args(Category))
ATT_KINDS = set(get_args(AttributionKind))
SOURCE_TYPES = set(get_args(SourceType))


def spans_in(obj: Any) -> list[dict[str, Any]]:
    """Every dict in ``obj`` that carries start, end and text."""
    found = []
    if isinstance(obj, dict):
        if {"start", "end", "text"} <= obj.keys() and obj["start"] is not None:
            found.append(obj)
        for value in obj.values():
            found.extend(spans_in(value))
    elif isinstance(obj, list):
        for value in obj:
            found.extend(spans_in(value))
    return found


@cache
def report_validator() -> Draft202012Validator:
    """The packaged JSON Schema of the report, as a validator (built once)."""
    schema = load_json("report.schema.json")
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def assert_reads_back(d: dict[str, Any]) -> None:
    """The report dict validates against the shipped schema and reads back to itself."""
    errors = sorted(report_validator().iter_errors(d), key=lambda e: list(e.absolute_path))
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors[:3]]
    assert Report.from_dict(d).to_dict() == d


def assert_contract(d: dict[str, Any]) -> None:
    """The report dict has the contract's shape, validates against the shipped schema,
    reads back to itself, and every offset slices back to its text."""
    assert_reads_back(d)
    assert d["schema"] == "newsaudit.report/1"
    assert d["tool"]["name"] == "newsaudit"
    doc = d["document"]
    for key in ("id", "source", "title", "outlet", "published", "language", "text"):
        assert key in doc
    assert doc["id"].startswith("sha256:")
    text = doc["text"]
    for key in ("segments", "quantities", "attributions", "claims", "findings"):
        assert isinstance(d[key], list)
    for item in spans_in({k: d[k] for k in ("segments", "quantities", "attributions", "claims",
                                             "findings")}):
        assert text[item["start"]:item["end"]] == item["text"], item
    last_end = -1
    for seg in d["segments"]:
        assert seg["kind"] in SEGMENT_KINDS
        assert seg["start"] >= last_end, "segments overlap or are out of order"
        last_end = seg["end"]
    for q in d["quantities"]:
        assert q["id"].startswith("q") and q["approx"] in APPROX and q["category"] in CATEGORIES
        assert set(q) >= {"value", "low", "high", "counted", "segment"}
        if q["low"] is not None and q["high"] is not None:
            assert q["low"] <= q["high"]
    for a in d["attributions"]:
        assert a["id"].startswith("a") and a["kind"] in ATT_KINDS
        assert a["source"]["type"] in SOURCE_TYPES
        assert all(v["type"] in SOURCE_TYPES for v in a["via"])
        assert isinstance(a["cue"], str) and "quote" in a and "content" in a
    ids = {x["id"] for k in ("quantities", "attributions") for x in d[k]}
    for c in d["claims"]:
        assert c["voice"] in {"attributed", "outlet"}
        assert 0.0 <= c["checkworthy"] <= 1.0
        assert c["segment"] in ARTICLE_KINDS
        assert c["attribution"] is None or c["attribution"] in ids
        assert set(c["quantities"]) <= ids
    checks = registry()
    for f in d["findings"]:
        assert f["check"] in checks and f["severity"] in checks[f["check"]].severities, f
        assert f["message"] and f["evidence"]
    quantity_ids = {q["id"] for q in d["quantities"]}
    attribution_ids = {a["id"] for a in d["attributions"]}
    for g in d["figures"]:  # an added key: the figures stage's records
        assert g["id"].startswith("g") and text[g["start"]:g["end"]] == g["text"]
        assert g["quantity"] in quantity_ids and g["text"].startswith(g["words"])
        assert g["scope"] in {None, "event", "running_total"}
        assert g["source"] is None or g["source"] in attribution_ids
        assert g["voice"] == ("outlet" if g["source"] is None else "attributed")
