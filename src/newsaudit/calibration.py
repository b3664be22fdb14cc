"""The ``calibrate`` stage: after the checks, withhold the warnings an exacting editor
would most likely not call worth their time, and say how many were withheld.

The checks flag what their rules see; whether a flag is worth an editor's time depends
on where it sits and on what kind of page it is (a sourced wire story's "unsourced"
sentence, a quoted official's label). The severity calibrator
(:mod:`newsaudit.models.severity`) weighs each warning of the checks it was trained on
with those general features. A warning under its check's threshold, or of a check the
gate mutes (its held-out precision is under 0.6), is no warning; it and the info findings
of the checks the calibrator weighs compete for one place: the one the calibrator rates
most worth a look is shown as ``info`` (if its check may emit info, and from the
``info_floor``), the others leave the findings; a notice says how many left, so nothing
disappears silently. The ``severity.calibrate`` setting
(``--all-findings`` on the command line) switches it off. When it runs, it first lowers
to info the findings of a check that ships its own severity but failed issue 9's bar on
the test half (``held_to_info.json``: numeric_contradiction and attribution_mismatch, right
2 times in 7 and 0 in 2 on real test pages). It weighs warnings only when
every check ran: its features count the other checks' findings on the page, and a run
of one check would look to it like a page where the others found nothing.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from newsaudit.checks import registered, registry
from newsaudit.context import Context
from newsaudit.datafiles import load_json
from newsaudit.model import Notice, NoticeCode, Report
from newsaudit.offsets import Sentences

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["WITHHELD", "calibrate", "page_sentences", "withheld_notice"]

WITHHELD: NoticeCode = "findings_withheld"


def page_sentences(doc: Doc) -> list[tuple[int, int]]:
    """The parse's sentences as character bounds: what the calibrator's features read."""
    sents = Sentences(doc)
    return list(zip(sents.char_starts, sents.char_ends, strict=True))


def withheld_notice(n: int) -> Notice:
    """The notice of ``n`` withheld warnings, naming the way to see them."""
    what = "possible finding" if n == 1 else "possible findings"
    return Notice(
        WITHHELD,
        f"{n} {what} withheld as low-confidence or beyond the one info finding a page "
        "shows; `--all-findings` (setting "
        "severity.calibrate = \"off\") shows them",
    )


@cache
def held_to_info() -> frozenset[str]:
    """Checks whose own warnings and problems are shown as info (``held_to_info.json``):
    judged on the test half of the real pages, they fail issue 9's bar."""
    return frozenset(load_json("held_to_info.json")["held"])


def _hold(report: Report) -> Report:
    held = held_to_info()
    if not any(f.check in held and f.severity != "info" for f in report.findings):
        return report
    return replace(report, findings=tuple(
        replace(f, severity="info") if f.check in held and f.severity != "info" else f
        for f in report.findings))


def calibrate(report: Report, doc: Doc, ctx: Context) -> Report:
    """The report with low-confidence warnings withheld (see the module docstring)."""
    if ctx.settings.severity.calibrate == "off" or ctx.models.off("severity"):
        return report
    selected = ctx.settings.checks.selected
    if selected is not None and set(registered()) - set(selected):
        return report  # its features count the other checks' findings: all must have run
    report = _hold(report)
    if not any(f.severity in ("warning", "info") for f in report.findings):
        return report
    sentences = page_sentences(doc)
    demotable = [name for name, info in registry().items() if "info" in info.severities]
    result = ctx.models.severity.calibrate(report, sentences, demotable=demotable)
    if result.kept == report.findings:
        return report
    kept = tuple(replace(f, id=f"f{i}") for i, f in enumerate(result.kept, 1))
    notices = (withheld_notice(len(result.withheld)),) if result.withheld else ()
    return replace(report, findings=kept, notices=(*report.notices, *notices))
