"""Whose words a stretch of the page is: the page's own voice vs someone else's.

Checks about the page's own wording (loaded language, propaganda techniques) must not
blame the page for what it quotes or attributes; they share this one definition.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from newsaudit.attribution.quotemarks import find_quotes
from newsaudit.model import ARTICLE_KINDS, Report
from newsaudit.offsets import Ranges

if TYPE_CHECKING:
    from spacy.tokens import Doc


def others_words(report: Report) -> Ranges:
    """Character ranges that are someone else's words: quotations and attributed content."""
    ranges = [(q.start, q.end) for q in find_quotes(report.document.text)]
    for a in report.attributions:
        if a.content is not None:
            ranges.append((a.content.start, a.content.end))
    return Ranges(ranges)


def overlaps_any(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    if isinstance(ranges, Ranges) and len(ranges) == len(ranges.starts):
        return ranges.overlaps(start, end)
    return any(s < end and start < e for s, e in ranges)


def article_sentences(report: Report, doc: Doc) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each sentence of the headline, standfirst and body, clipped to
    its segment: the stretches whose wording is the article's own to judge."""
    for seg in report.segments:
        if seg.kind not in ARTICLE_KINDS:
            continue
        seg_span = doc.char_span(seg.start, seg.end, alignment_mode="expand")
        if seg_span is None:
            continue
        # Span.sents is real (spacy/tokens/span.pyx, spaCy >= 3.0); span.pyi just omits it.
        for sent in seg_span.sents:  # type: ignore[attr-defined]
            yield max(sent.start_char, seg.start), min(sent.end_char, seg.end)
