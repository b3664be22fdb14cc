"""Evidence in context: a few words either side, never leaving the evidence's segment
(so context never runs from the article into a comment). Shared by every renderer."""

from __future__ import annotations

import re
from typing import NamedTuple

from newsaudit.model import Report, Span

CONTEXT_WORDS = 6
_WORD = re.compile(r"\S+")


class Context(NamedTuple):
    """``pre + span.text + post`` is a slice of the page; ``clipped_*`` say whether more
    text of the segment lies beyond it."""

    pre: str
    post: str
    clipped_before: bool
    clipped_after: bool


def context(report: Report, span: Span, words: int = CONTEXT_WORDS) -> Context:
    text = report.document.text
    seg = report.segment_at(span.start)
    lo, hi = (seg.start, seg.end) if seg is not None else (0, len(text))
    before, after = text[lo : span.start], text[span.end : max(hi, span.end)]
    starts = [m.start() for m in _WORD.finditer(before)]
    ends = [m.end() for m in _WORD.finditer(after)]
    cut_before = starts[-words] if words and len(starts) >= words else (0 if words else len(before))
    cut_after = ends[words - 1] if words and len(ends) >= words else (len(after) if words else 0)
    return Context(
        before[cut_before:],
        after[:cut_after],
        cut_before > 0,
        cut_after < len(after.rstrip()),
    )

