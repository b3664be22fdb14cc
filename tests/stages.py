"""Building reports for check tests: every stage but the checks, or only the named ones."""

from __future__ import annotations

from collections.abc import Iterable

from contract import assert_reads_back
from newsaudit import ingest
from newsaudit.model import Finding, Report
from newsaudit.pipeline import analyse


def build(nlp, text: str, *, checks: Iterable[str] = ()) -> tuple[Report, object]:
    """``(report, doc)`` for ``text``, running only ``checks`` (none by default)."""
    page = ingest.load_page(text)
    doc = nlp(page.document.text)
    report = analyse(page, doc, checks=tuple(checks))
    assert_reads_back(report.to_dict())
    return report, doc


def assert_well_formed(report: Report, found: Iterable[Finding], check: str) -> None:
    """Each finding is the named check's, its evidence slices back, its refs exist."""
    known = {r.id for r in (*report.quantities, *report.attributions, *report.claims)}
    for f in found:
        assert f.check == check
        for e in f.evidence:
            assert report.document.text[e.start : e.end] == e.text
        assert set(f.refs) <= known, f.refs


def runner(nlp, check, name: str):  # type: ignore[no-untyped-def]
    """``run(text) -> (report, findings)`` for one check, each finding checked well formed."""

    def run(text: str) -> tuple[Report, list[Finding]]:
        report, doc = build(nlp, text)
        found = list(check(report, doc))
        assert_well_formed(report, found, name)
        return report, found

    return run
