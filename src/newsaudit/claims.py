"""Claims: the article's sentences that assert something a reader could check.

A sentence of the headline, standfirst or body becomes a claim when it is a declarative
statement (a finite verb, or a headline) that is checkable: it carries a figure, names
someone or something, rests on a source, or the trained check-worthiness model scores it
at or above the ``claims.min_checkworthy`` setting. Captions, related links, comments,
forms and boilerplate are never the article's claims.

Each claim says whose word it is: ``attributed`` when an attribution's cue or content
lies in the sentence (its id is linked), else ``outlet``: the page's own voice.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy

from newsaudit.context import DEFAULT_CONTEXT, Context
from newsaudit.model import (
    ARTICLE_KINDS,
    Attribution,
    Claim,
    Page,
    Quantity,
    Segment,
    SegmentKind,
)
from newsaudit.offsets import Entities, SpanIndex

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

#: The parser sometimes makes an opening quote mark or bracket a sentence of its own
#: ("“" then "Reforms” have closed ..."); the claim must keep it, or its quotes are unbalanced.
OPENING_MARKS = frozenset({"“", '"', "‘", "'", "(", "["})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
CHECKABLE_ENTS = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT", "DATE", "MONEY",
     "PERCENT", "QUANTITY", "CARDINAL"}
)
#: Attribution kinds that make a sentence someone else's word (an unattributed quote
#: inside the page's sentence leaves it in the page's own voice).
SOURCING_KINDS = frozenset(
    {"direct_quote", "reported_speech", "according_to", "quoted_as_saying", "passive"}
)


def _trimmed(text: str, sent: SpacySpan, seg: Segment) -> tuple[int, int] | None:
    """The sentence's character range clipped to its segment, without edge whitespace.

    ``text`` is the page's text: ``Doc.text`` rebuilds the string from every token on each
    access, which made this quadratic in page length.
    """
    start = max(sent.start_char, seg.start)
    end = min(sent.end_char, seg.end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def _is_assertion(sent: SpacySpan, kind: str) -> bool:
    words = [t for t in sent if t.is_alpha]
    if len(words) < (3 if kind == "headline" else 4):
        return False
    if sent.text.rstrip().endswith("?"):
        return False
    if kind == "headline":
        return True
    return any(t.tag_ in FINITE_TAGS for t in sent)


class _Assertions:
    """:func:`_is_assertion` for every sentence of one parse, from two running counts over
    its arrays (words, finite verbs) instead of a Token object per token per sentence;
    ``tests/test_claims_assertions.py`` holds it to the plain function."""

    def __init__(self, doc: Doc, text: str) -> None:
        from spacy.attrs import IS_ALPHA, TAG

        arrays = doc.to_array([IS_ALPHA, TAG]).reshape(len(doc), 2)
        finite = numpy.asarray([doc.vocab.strings.add(t) for t in FINITE_TAGS], dtype=numpy.uint64)
        verb = numpy.isin(arrays[:, 1], finite)
        self._words = numpy.concatenate(([0], numpy.cumsum(arrays[:, 0] != 0))).tolist()
        self._verbs = numpy.concatenate(([0], numpy.cumsum(verb))).tolist()
        self._text = text

    def __call__(self, sent: SpacySpan, kind: str) -> bool:
        a, b = sent.start, sent.end
        if self._words[b] - self._words[a] < (3 if kind == "headline" else 4):
            return False
        if self._text[sent.start_char : sent.end_char].rstrip().endswith("?"):
            return False
        return kind == "headline" or self._verbs[b] > self._verbs[a]


def sourcing_index(attributions: Sequence[Attribution]) -> SpanIndex[int]:
    """The content and cue spans of the sourcing attributions, by offset (the value is the
    attribution's position in ``attributions``)."""
    return SpanIndex(
        (s.start, s.end, n)
        for n, att in enumerate(attributions)
        if att.kind in SOURCING_KINDS
        for s in (att.content, att.cue_span)
        if s is not None
    )


def _attribution_for(
    start: int, end: int, attributions: Sequence[Attribution], index: SpanIndex[int]
) -> Attribution | None:
    """The sourcing attribution that covers most of the sentence, if any (the first in
    text order among equals)."""
    overlap: dict[int, int] = {}
    for s, e, n in index.overlapping(start, end):
        overlap[n] = overlap.get(n, 0) + min(end, e) - max(start, s)
    best: Attribution | None = None
    best_overlap = 0
    for n in sorted(overlap):
        if overlap[n] > best_overlap:
            best, best_overlap = attributions[n], overlap[n]
    return best


def extract_claims(
    doc: Doc,
    page: Page,
    quantities: Sequence[Quantity],
    attributions: Sequence[Attribution],
    ctx: Context = DEFAULT_CONTEXT,
) -> tuple[Claim, ...]:
    """Claims of the headline, standfirst and body, in text order, ids ``c1, c2, ...``."""
    text = page.document.text
    candidates: list[tuple[int, int, SegmentKind, bool]] = []
    entities = Entities(doc)  # Span.ents walks every entity of the Doc on each call
    opener: int | None = None  # start of an opening mark the parser left on its own
    is_assertion = _Assertions(doc, text)
    for sent in doc.sents:
        if sent.text.strip() in OPENING_MARKS:
            opener = sent.start_char
            continue
        seg = page.segment_at(sent.start_char) or page.segment_at(sent.end_char - 1)
        if seg is None or seg.kind not in ARTICLE_KINDS:
            opener = None
            continue
        bounds = _trimmed(text, sent, seg)
        if bounds is not None and opener is not None and opener >= seg.start:
            bounds = (opener, bounds[1])
        opener = None
        if bounds is None or not is_assertion(sent, seg.kind):
            continue
        has_entity = any(
            label in CHECKABLE_ENTS for _, _, label in entities.within(sent.start, sent.end)
        )
        candidates.append((bounds[0], bounds[1], seg.kind, has_entity))

    scores = ctx.models.checkworthy.score([text[s:e] for s, e, _, _ in candidates])
    min_score = ctx.settings.claims.min_checkworthy
    q_starts = sorted((q.start, q.id) for q in quantities)
    sourcing = sourcing_index(attributions)
    claims: list[Claim] = []
    for (start, end, kind, has_entity), score in zip(candidates, scores, strict=True):
        lo = bisect_left(q_starts, (start, ""))
        q_ids = []
        for q_start, q_id in q_starts[lo:]:
            if q_start >= end:
                break
            q_ids.append(q_id)
        att = _attribution_for(start, end, attributions, sourcing)
        if not (q_ids or att or has_entity or score >= min_score):
            continue
        claims.append(
            Claim(
                id=f"c{len(claims) + 1}",
                start=start,
                end=end,
                text=text[start:end],
                segment=kind,
                checkworthy=float(score),
                voice="attributed" if att else "outlet",
                attribution=att.id if att else None,
                quantities=tuple(q_ids),
            )
        )
    return tuple(claims)
