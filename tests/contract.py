"""Assertions on the report contract (shared/spec/report.md), shared by the tests."""

from __future__ import annotations

from typing import Any

SEGMENT_KINDS = {"headline", "standfirst", "byline", "dateline", "body", "caption", "related",
                 "comment", "form", "boilerplate"}
APPROX = {"exact", "at_least", "more_than", "at_most", "fewer_than", "about", "almost", "range",
          "vague"}
CATEGORIES = {"killed", "wounded", "people", "personnel", "money", "percent", "distance",
              "duration", "count", "other"}
ATT_KINDS = {"direct_quote", "reported_speech", "according_to", "quoted_as_saying", "passive",
             "unattributed_quote"}
SOURCE_TYPES = {"person", "organisation", "outlet", "official_anonymous", "unspecified"}
CHECKS = {"headline_unsupported", "attribution_mismatch", "numeric_contradiction",
          "quote_integrity", "unsourced_claim", "loaded_language", "scare_quotes",
          "propaganda_technique", "toxic_comment"}


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


def assert_contract(d: dict[str, Any]) -> None:
    """The report dict has the contract's shape and every offset slices back to its text."""
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
        assert c["segment"] in {"headline", "standfirst", "body"}
        assert c["attribution"] is None or c["attribution"] in ids
        assert set(c["quantities"]) <= ids
    for f in d["findings"]:
        assert f["check"] in CHECKS and f["severity"] in {"info", "warning", "problem"}
        assert f["message"] and f["evidence"]
    quantity_ids = {q["id"] for q in d["quantities"]}
    attribution_ids = {a["id"] for a in d["attributions"]}
    for g in d["figures"]:  # an added key: the figures stage's records
        assert g["id"].startswith("g") and text[g["start"]:g["end"]] == g["text"]
        assert g["quantity"] in quantity_ids and g["text"].startswith(g["words"])
        assert g["scope"] in {None, "event", "running_total"}
        assert g["source"] is None or g["source"] in attribution_ids
        assert g["voice"] == ("outlet" if g["source"] is None else "attributed")
