"""Finding a judgment's finding again after the code has changed.

A judgment was made on a finding as it was then; the finding today may have moved (page
anatomy changed what the HTML reader keeps, so offsets shifted), reworded its message or
changed severity. The rule:

    A judgment matches a current finding when
      * the page and the check are the same,
      * the anchors agree: the judgment's anchor and the anchor of one of the finding's
        evidence spans (white space collapsed, first 60 characters) are equal, or one is a
        prefix of the other and the shorter has at least MIN_PREFIX characters (a span
        that grew or shrank at its end is the same evidence; one that starts elsewhere is
        not), and
      * that span starts within NEARBY characters of the judged first span.
    The message, severity and the other spans do not take part. Each judgment matches at
    most one finding and each finding at most one judgment: pairs are taken best first,
    a match on the finding's first span before one on a later span, then the nearer.

When two judgments are of the same finding (same page, check, anchor and first offset;
a second judge, or a re-judging), the one read last counts (files in name order, lines
in order) and the others are reported as overridden.

A missed problem is located the same way: its anchor is searched in today's text
(white space between words may differ) and the occurrence nearest its judged offset is
taken, its spans moved by the same shift. It counts as found when a warning or problem
of its check has an evidence span overlapping one of those spans; a missed problem of a
kind no check was named for (``headline_overstates``, ...) is found by the checks that
report that kind now (:data:`~.judgments.REPORTED_BY`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsaudit.evaluation.findings.judgments import Judged, Missed, anchor_of, reporting_checks
from newsaudit.model import Finding

__all__ = [
    "MIN_PREFIX",
    "NEARBY",
    "covered",
    "latest",
    "locate",
    "match_findings",
    "same_anchor",
]

#: How far (characters) a span may have moved and still be the judged one. Changes to the
#: HTML reader add or drop a caption, a byline or a paragraph of page furniture above the
#: evidence: tens to a few hundred characters. 2,000 allows several paragraphs while a
#: repeated sentence far down the page does not take the judgment.
NEARBY = 2000
#: The shortest anchor that may match a longer one as its prefix: about four words.
MIN_PREFIX = 24


def same_anchor(a: str, b: str) -> bool:
    """Whether two anchors name the same evidence (see the module docstring)."""
    a, b = anchor_of(a), anchor_of(b)
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= MIN_PREFIX and long.startswith(short)


def latest(judged: Sequence[Judged]) -> tuple[list[Judged], list[Judged]]:
    """The judgments that count (the last of each finding) and those they override."""
    last: dict[tuple[str, str, str, int], Judged] = {}
    overridden: list[Judged] = []
    for j in judged:
        key = (j.page, j.check, anchor_of(j.anchor), j.start)
        if key in last:
            overridden.append(last[key])
        last[key] = j
    return list(last.values()), overridden


def _candidates(finding: Finding, j: Judged) -> tuple[int, int] | None:
    """(rank, distance) of the best way ``finding`` can be ``j``'s finding, if any."""
    if finding.check != j.check:
        return None
    if not finding.evidence or not j.evidence:
        return (0, 0) if not finding.evidence and not j.evidence else None
    best: tuple[int, int] | None = None
    for k, span in enumerate(finding.evidence):
        distance = abs(span.start - j.start)
        if distance <= NEARBY and same_anchor(j.anchor, span.text):
            cand = (0 if k == 0 else 1, distance)
            best = cand if best is None or cand < best else best
    return best


def match_findings(
    findings: Sequence[Finding], judged: Sequence[Judged]
) -> tuple[dict[int, Judged], list[Judged]]:
    """Pair one page's findings with its judgments: ``{finding index: judgment}`` and the
    judgments left without a finding."""
    pairs: list[tuple[int, int, int, int]] = []
    for ji, j in enumerate(judged):
        for fi, f in enumerate(findings):
            cand = _candidates(f, j)
            if cand is not None:
                pairs.append((*cand, ji, fi))
    pairs.sort()
    taken: dict[int, Judged] = {}
    used: set[int] = set()
    for _, _, ji, fi in pairs:
        if fi not in taken and ji not in used:
            taken[fi] = judged[ji]
            used.add(ji)
    return taken, [j for ji, j in enumerate(judged) if ji not in used]


def locate(anchor: str, text: str, near: int) -> int | None:
    """Where ``anchor`` starts in ``text``: the occurrence nearest ``near``, or None."""
    words = anchor.split()
    if not words:
        return None
    pattern = re.compile(r"\s+".join(map(re.escape, words)))
    starts = [m.start() for m in pattern.finditer(text)]
    return min(starts, key=lambda s: abs(s - near)) if starts else None


def covered(missed: Missed, text: str, findings: Sequence[Finding]) -> bool | None:
    """Whether a warning or problem of a check reporting the missed problem's kind now
    covers its evidence; None when its anchor is no longer in the text."""
    start = locate(missed.anchor, text, missed.start)
    if start is None:
        return None
    shift = start - missed.start
    spans = [(s + shift, e + shift) for s, e in missed.evidence]
    checks = reporting_checks(missed.check)
    for f in findings:
        if f.check not in checks or f.severity not in ("warning", "problem"):
            continue
        for ev in f.evidence:
            if any(ev.start < e and s < ev.end for s, e in spans):
                return True
    return False
