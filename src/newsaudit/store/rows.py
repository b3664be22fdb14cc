"""A report's records as table rows: the queryable copy of what the JSON says.

The report JSON (stored whole in ``reports``) stays the truth; these rows exist so that
"every finding of this check since May" is a query, not a scan of JSON. Missing fields
are stored as NULL, so a report from before a field existed still loads.
"""

from __future__ import annotations

import json
from typing import Any

from newsaudit.corpus.adapter import figures as report_figures


def _num(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return float(value)
    return None


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _span(value: Any) -> str | None:
    return value.get("text") if isinstance(value, dict) else None


def record_rows(page_id: str, report: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Rows for the quantities, attributions, claims, findings and figures tables."""
    quantities = [
        {
            "page_id": page_id, "id": q["id"], "start": q["start"], "end": q["end"],
            "text": q["text"], "value": _num(q.get("value")), "low": _num(q.get("low")),
            "high": _num(q.get("high")), "approx": q.get("approx"), "counted": q.get("counted"),
            "category": q.get("category"), "segment": q.get("segment"), "unit": q.get("unit"),
        }
        for q in report.get("quantities", [])
    ]
    attributions = [
        {
            "page_id": page_id, "id": a["id"], "kind": a["kind"],
            "source_text": (a.get("source") or {}).get("text"),
            "source_type": (a.get("source") or {}).get("type"),
            "via": [v.get("text") for v in a.get("via", [])],
            "cue": a.get("cue"), "content": _span(a.get("content")), "quote": a.get("quote"),
            "segment": a.get("segment"), "start": a.get("start"), "end": a.get("end"),
        }
        for a in report.get("attributions", [])
    ]
    claims = [
        {
            "page_id": page_id, "id": c["id"], "start": c["start"], "end": c["end"],
            "text": c["text"], "segment": c.get("segment"),
            "checkworthy": _num(c.get("checkworthy")),
            "voice": c.get("voice"), "attribution": c.get("attribution"),
            "quantities": list(c.get("quantities", [])),
        }
        for c in report.get("claims", [])
    ]
    findings = []
    for f in report.get("findings", []):
        evidence = list(f.get("evidence", []))
        first = evidence[0] if evidence else {}
        findings.append({
            "page_id": page_id, "id": f["id"], "check": f["check"], "severity": f["severity"],
            "message": f["message"], "technique": f.get("technique"),
            "refs": list(f.get("refs", [])), "evidence": evidence,
            "start": first.get("start"), "end": first.get("end"),
        })
    figures = [
        {
            "page_id": page_id, "id": g["id"], "quantity": _text(g.get("quantity")),
            "category": g.get("category"), "counted": _text(g.get("counted")),
            "subject": g.get("subject"), "places": list(g.get("places") or []),
            "dates": list(g.get("dates") or []),
            "changing": bool(g["changing"]) if g.get("changing") is not None else None,
            "scope": g.get("scope"), "part": g.get("part"), "source": _text(g.get("source")),
            "voice": g.get("voice"), "factive": g.get("factive"),
            "low": _num(g.get("low")), "high": _num(g.get("high")), "segment": g.get("segment"),
            "start": g.get("start"), "end": g.get("end"), "text": g.get("text"), "record": g,
        }
        for g in report_figures(report)
    ]
    return {
        "quantities": quantities, "attributions": attributions, "claims": claims,
        "findings": findings, "figures": figures,
    }
