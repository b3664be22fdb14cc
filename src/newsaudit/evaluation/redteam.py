"""A red-team set of pages with a key, read the way stops 29 to 31 measured them.

A set (``tests/fixtures/redteam-N``) is 40 plain-text pages a helper wrote blind, with
``answers.jsonl``: per page whether it is clean, the planted problems with their evidence,
and (sets 4 on) the page's headline line and the first words of each reader comment and
photo caption. What a standards editor would ask of the audit on them:

* **loud findings on clean pages**: every one is a false alarm;
* **loud findings on planted pages**, each marked by whether its evidence overlaps a
  planted problem's evidence (the automatic half of judging it: a finding elsewhere on the
  page still needs a reader, so the list is printed for one);
* **planted problems found**: a planted problem whose evidence a loud finding overlaps;
  per planted kind also those a finding of any severity overlaps (info included: what the
  calibrate stage holds back, for a reader weighing whether to let a check speak up);
* **layout**: the headline line read as the headline, and each comment's and caption's
  first words inside a segment of that kind.

"Loud" is warning or problem, the checks that ship their own severity
(numeric_contradiction, attribution_mismatch, toxic_comment) read at it, as
``--all-findings`` shows them, since the calibrate stage holds two of them to info; the
other checks as shipped.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsaudit.errors import InputNotFound, MalformedInput
from newsaudit.model import Finding, Report

__all__ = ["OWN_SEVERITY", "LoudReader", "evaluate", "format_table"]

#: The checks read at their own severity.
OWN_SEVERITY = ("numeric_contradiction", "attribution_mismatch", "toxic_comment")


@dataclass(frozen=True)
class _Page:
    name: str
    text: str
    key: dict[str, Any]


def _read(directory: Path) -> list[_Page]:
    answers = directory / "answers.jsonl"
    if not answers.is_file():
        raise InputNotFound("no answers.jsonl in the red-team directory", source=str(directory))
    pages_dir = directory / "pages" if (directory / "pages").is_dir() else directory
    out = []
    for n, line in enumerate(answers.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            key = json.loads(line)
            name = key["file"]
        except (ValueError, KeyError) as exc:
            raise MalformedInput(f"line {n} is not a key row ({exc})", source=str(answers)) from exc
        page = pages_dir / name
        if not page.is_file():
            raise InputNotFound(f"the key names {name}, which is not there", source=str(page))
        out.append(_Page(name, page.read_text(encoding="utf-8"), key))
    return out


class LoudReader:
    """Audits a page twice, as shipped and with the calibrate stage off, and keeps its loud
    findings: the checks of :data:`OWN_SEVERITY` at their own severity, the others as
    shipped, in the order of their ids."""

    def __init__(self) -> None:
        from newsaudit.auditor import Auditor
        from newsaudit.settings import Settings

        self.shipped = Auditor()
        self.own = Auditor(settings=Settings.defaults().merged({"severity.calibrate": "off"}))

    def read(self, text: str) -> tuple[Report, list[Finding]]:
        """The shipped report (for its segments) and the page's loud findings."""
        shipped = self.shipped.audit(text)
        loud = ([f for f in self.own.audit(text).findings
                 if f.check in OWN_SEVERITY and f.severity != "info"]
                + [f for f in shipped.findings
                   if f.check not in OWN_SEVERITY and f.severity != "info"])
        return shipped, sorted(loud, key=lambda f: int(f.id[1:]) if f.id[1:].isdigit() else 0)


def _kind_at(report: Report, text: str, snippet: str) -> str | None:
    at = text.find(snippet)
    if at < 0:
        return None
    seg = next((s for s in report.segments if s.start <= at < s.end), None)
    return seg.kind if seg is not None else None


def _overlaps(findings: Sequence[Finding], spans: Sequence[tuple[int, int]]) -> bool:
    """Whether a finding's evidence overlaps one of the ``(start, end)`` spans."""
    return any(a < e.end and e.start < b for f in findings for e in f.evidence
               for a, b in spans)


def evaluate(directory: Path) -> dict[str, Any]:
    """The measures of one set (see the module docstring), and every loud finding."""
    reader = LoudReader()
    pages = _read(directory)
    clean_loud: list[dict[str, Any]] = []
    planted_loud: list[dict[str, Any]] = []
    planted = found = 0
    # Per planted kind: [found by a loud finding, found by any finding, planted].
    by_kind: dict[str, list[int]] = {}
    layout: dict[str, list[int]] = {"headline": [0, 0], "comments": [0, 0], "captions": [0, 0]}
    for page in pages:
        shipped, loud = reader.read(page.text)
        spans = []
        for p in page.key.get("problems", []):
            tally = by_kind.setdefault(str(p.get("kind", "?")), [0, 0, 0])
            tally[2] += 1
            at = page.text.find(p["evidence"])
            if at < 0:
                continue
            a, b = at, at + len(p["evidence"])
            spans.append((a, b))
            if _overlaps(loud, [(a, b)]):
                found += 1
                tally[0] += 1
            if _overlaps(shipped.findings, [(a, b)]):
                tally[1] += 1
        planted += len(page.key.get("problems", []))
        for f in loud:
            row: dict[str, Any] = {"page": page.name, "check": f.check, "severity": f.severity,
                   "message": f.message, "evidence": [e.text for e in f.evidence]}
            if page.key.get("clean"):
                clean_loud.append(row)
            else:
                row["on_planted"] = _overlaps([f], spans)
                planted_loud.append(row)
        shape = page.key.get("layout")
        if not shape:
            continue
        heads = [s for s in shipped.segments if s.kind == "headline"]
        layout["headline"][1] += 1
        layout["headline"][0] += int(bool(heads) and (
            page.text[heads[0].start:heads[0].end].strip() == shape["headline"].strip()))
        for field, kind in (("comments", "comment"), ("captions", "caption")):
            for snippet in shape.get(field, []):
                layout[field][1] += 1
                layout[field][0] += int(_kind_at(shipped, page.text, snippet) == kind)
    return {
        "set": directory.name,
        "pages": len(pages),
        "clean_pages": sum(1 for p in pages if p.key.get("clean")),
        "loud_on_clean_pages": len(clean_loud),
        "loud_on_planted_pages": len(planted_loud),
        "loud_on_planted_evidence": sum(1 for r in planted_loud if r["on_planted"]),
        "planted_problems": planted,
        "planted_found": found,
        # "loud/any/planted": found by a loud finding, by a finding of any severity (info
        # too: what the calibrate stage holds back), and how many were planted.
        "planted_by_kind": {k: "/".join(map(str, v)) for k, v in sorted(by_kind.items())},
        "layout": {k: f"{v[0]}/{v[1]}" for k, v in layout.items() if v[1]},
        "findings": {"clean": clean_loud, "planted": planted_loud},
    }


def format_table(result: dict[str, Any]) -> str:
    lines = [
        f"red-team set {result['set']}: {result['pages']} pages, "
        f"{result['clean_pages']} clean",
        f"  loud findings on clean pages      {result['loud_on_clean_pages']}",
        f"  loud findings on planted pages    {result['loud_on_planted_pages']} "
        f"({result['loud_on_planted_evidence']} on a planted problem's evidence)",
        f"  planted problems found            {result['planted_found']} of "
        f"{result['planted_problems']}",
    ]
    for k, v in result.get("planted_by_kind", {}).items():
        lines.append(f"  found {k}: {v} (loud/any/planted)")
    for k, v in result["layout"].items():
        lines.append(f"  {k:<34}{v}")
    for group in ("clean", "planted"):
        for row in result["findings"][group]:
            mark = "" if group == "clean" else (" [on planted]" if row["on_planted"] else "")
            lines.append(f"  {group}: {row['page']}: {row['check']} {row['severity']}{mark}: "
                         f"{row['message']}")
    return "\n".join(lines)
