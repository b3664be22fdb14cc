"""What the severity calibrator sees of a warning: general facts about the finding, the
context of its evidence and the page, never words of the pages it was trained on.

Editors judged the checks' warnings true mostly on partisan pages and mostly false on
sourced wire copy, reviews and quoted speech: whether a warning is worth an editor's time
depends less on the flagged words than on *where* they sit (inside a quotation, next to a
named source, in a headline) and on *what kind of page* it is (professionally sourced or
loaded throughout). So every feature here is a count, share or flag computed from the
report's records, the page's sentence bounds and the loaded-language lexicon
(``data/loaded.json``, the style-guide list the loaded-language check uses):

- the finding: its check, its *kind* within the check (read from its structure: which
  records it refers to, whether it names a technique, how many spans it cites), its
  severity and how long its evidence is;
- its evidence: the segment kind, the share inside quotation marks or someone else's
  words, whether its sentence and paragraph carry an attribution to a named source and
  how many sentences away the nearest named source is, the check-worthiness of the
  claim it is about;
- the page: share of sentences attributed, quotations and named sources per 1,000
  words, loaded-lexicon hits, exclamation marks, first person and all-caps words per
  1,000 words, length, HTML or text, byline;
- the other findings: how many warnings and info findings the page has, and whether a
  finding of another check sits in the same sentence.

:func:`featurise` is shared by training and run time, so a model always sees the
features it was trained on; :data:`FEATURES_VERSION` names this list and the card
records it (an artifact trained on another list is refused).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np

from newsaudit.attribution.quotemarks import find_quotes
from newsaudit.checks._voice import voice_of
from newsaudit.datafiles import load_json
from newsaudit.model import Attribution, Claim, Finding, Report, Span
from newsaudit.offsets import Ranges

__all__ = [
    "CALIBRATED",
    "CHECKS",
    "FEATURES_VERSION",
    "SEGMENTS",
    "featurise",
    "feature_names",
    "finding_kind",
]

FEATURES_VERSION = "severity-features-v1"
#: The severities the calibrator weighs: what an editor is asked to act on.
CALIBRATED: frozenset[str] = frozenset({"warning"})
#: Checks with a column of their own (a check not listed gets none of them: the model
#: then reads it from the context alone).
CHECKS: tuple[str, ...] = (
    "attribution_mismatch",
    "headline_unsupported",
    "loaded_language",
    "numeric_contradiction",
    "propaganda_technique",
    "quote_integrity",
    "scare_quotes",
    "toxic_comment",
    "unsourced_claim",
)
SEGMENTS: tuple[str, ...] = ("headline", "standfirst", "body", "caption")
#: Sourcing attributions: the ones that say whose word a sentence is.
_SOURCING = frozenset({"direct_quote", "reported_speech", "according_to", "quoted_as_saying",
                       "passive"})
_NAMED = frozenset({"person", "organisation", "outlet"})
_ARTICLE = frozenset({"headline", "standfirst", "body"})
#: Sentences away beyond which a source no longer says anything about a sentence.
FAR = 6
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our", "ours", "myself", "ourselves"})
_CAPS = re.compile(r"\b[A-Z]{4,}\b")


@cache
def _lexicon() -> frozenset[str]:
    reasons = load_json("loaded.json")["reasons"]
    return frozenset(w.lower() for kind in reasons.values() for w in kind["words"])


def finding_kind(f: Finding) -> str:
    """What kind of finding ``f`` is within its check, read from its structure alone:
    the kinds of record it refers to (c claims, q quantities, a attributions), whether
    it names a technique (t) and cites more than one span (m); e.g. ``"cq"`` for an
    own-voice figure, ``"ca"`` for a claim on a vague source, ``"t"`` for a technique."""
    kinds = {r[:1] for r in f.refs}
    out = "".join(k for k in "cqa" if k in kinds)
    if f.technique:
        out += "t"
    if len(f.evidence) > 1:
        out += "m"
    return out or "-"


def feature_names(kinds: Sequence[str]) -> tuple[str, ...]:
    """The columns of :func:`featurise`, given the finding kinds the model has columns for
    (``"check:kind"``, from the card)."""
    return (
        *(f"check={c}" for c in CHECKS),
        *(f"kind={k}" for k in kinds),
        "problem",
        "evidence_spans",
        "evidence_words",
        "evidence_capitalised",
        "repeat",
        *(f"segment={s}" for s in SEGMENTS),
        "segment=other",
        "in_quote",
        "others_words",
        "sentence_attributed",
        "sentence_named_source",
        "paragraph_named_source",
        "named_source_before",
        "named_source_after",
        "named_source_nearest",
        "position",
        "checkworthy",
        "page_attributed_share",
        "page_quotes_per_1k",
        "page_named_sources",
        "page_loaded_per_1k",
        "page_exclaim_per_1k",
        "page_first_person_per_1k",
        "page_caps_per_1k",
        "page_words",
        "page_html",
        "page_byline",
        "page_dateline",
        "page_warnings_other_checks",
        "page_warnings_same_check",
        "page_info",
        "same_sentence_other_check",
    )


@dataclass(frozen=True)
class _Page:
    """What the features of every finding of one page share, computed once."""

    report: Report
    sent_starts: list[int]
    sent_ends: list[int]
    attributed: list[bool]
    named: list[bool]
    quotes: Ranges
    features: tuple[float, ...]
    claims: dict[str, Claim]

    def sentence(self, offset: int) -> int:
        return max(bisect_right(self.sent_starts, offset) - 1, 0)

    def sentences_within(self, start: int, end: int) -> range:
        """The sentences that start inside ``[start, end)``, by bisection."""
        return range(bisect_left(self.sent_starts, start), bisect_left(self.sent_starts, end))


def _per_1k(count: float, words: int) -> float:
    return 1000.0 * count / max(words, 100)


def _touches(a: Attribution) -> list[Span]:
    return [s for s in (a.cue_span, a.content) if s is not None]


def _page(report: Report, sentences: Sequence[tuple[int, int]]) -> _Page:
    text = report.document.text
    sents = sorted(sentences) or [(0, len(text))]
    starts = [s for s, _ in sents]
    ends = [e for _, e in sents]
    attributed = [False] * len(sents)
    named = [False] * len(sents)
    sources: set[str] = set()
    for a in report.attributions:
        if a.kind not in _SOURCING:
            continue
        is_named = a.source.type in _NAMED and a.source.text is not None
        if is_named and a.source.text:
            sources.add(" ".join(a.source.text.lower().split()))
        for span in _touches(a):
            lo = max(bisect_right(starts, span.start) - 1, 0)
            hi = max(bisect_right(starts, max(span.end - 1, span.start)) - 1, 0)
            for k in range(lo, hi + 1):
                attributed[k] = True
                named[k] = named[k] or is_named
    quotes = list(find_quotes(text))
    article = [s for s in report.segments if s.kind in _ARTICLE]
    words_list = [w for s in article for w in _WORD.findall(s.text)]
    words = len(words_list)
    quoted = Ranges((q.start, q.end) for q in quotes)
    own_words = [
        m.group().lower()
        for s in article for m in _WORD.finditer(text, s.start, s.end)
        if not quoted.holds(m.start())
    ]
    lexicon = _lexicon()
    body_sents = [k for k, (s, _) in enumerate(sents)
                  if (seg := report.segment_at(s)) is not None
                  and seg.kind in ("body", "standfirst")]
    attributed_share = (sum(attributed[k] for k in body_sents) / len(body_sents)
                        if body_sents else 0.0)
    long_quotes = sum(1 for q in quotes if q.words >= 3)
    article_text = " ".join(s.text for s in article)
    byline = report.document.author is not None or any(s.kind == "byline" for s in report.segments)
    features = (
        attributed_share,
        _per_1k(long_quotes, words),
        math.log1p(len(sources)),
        _per_1k(sum(w in lexicon for w in own_words), words),
        _per_1k(article_text.count("!"), words),
        _per_1k(sum(w in _FIRST_PERSON for w in own_words), words),
        _per_1k(len(_CAPS.findall(article_text)), words),
        math.log1p(words),
        1.0 if report.document.input_format == "html" else 0.0,
        1.0 if byline else 0.0,
        1.0 if any(s.kind == "dateline" for s in report.segments) else 0.0,
    )
    return _Page(report, starts, ends, attributed, named, quoted, features,
                 {c.id: c for c in report.claims})


def _distance(flags: list[bool], k: int, step: int) -> int:
    """Sentences from ``k`` to the nearest flagged one in direction ``step`` (FAR: none)."""
    for d in range(1, FAR):
        j = k + step * d
        if j < 0 or j >= len(flags):
            break
        if flags[j]:
            return d
    return FAR


def _quoted_share(quotes: Ranges, span: Span) -> float:
    if span.end <= span.start:
        return 0.0
    inside = sum(max(0, min(e, span.end) - max(s, span.start)) for s, e in quotes
                 if s < span.end and span.start < e)
    return min(inside / (span.end - span.start), 1.0)


def _checkworthy(page: _Page, f: Finding, span: Span) -> float:
    report, claims = page.report, page.claims
    scores = [claims[r].checkworthy for r in f.refs if r in claims]
    if not scores:
        scores = [c.checkworthy for c in report.claims
                  if c.start < span.end and span.start < c.end]
    return max(scores) if scores else 0.0


def _row(page: _Page, f: Finding, kinds: dict[str, int], findings: Sequence[Finding]
         ) -> list[float]:
    report = page.report
    span = f.evidence[0] if f.evidence else Span(0, 0, "")
    k = page.sentence(span.start)
    seg = report.segment_at(span.start)
    seg_kind = seg.kind if seg is not None else "other"
    paragraph = page.sentences_within(seg.start, seg.end) if seg is not None else range(0)
    before, after = _distance(page.named, k, -1), _distance(page.named, k, 1)
    if page.named[k]:
        before = after = 0
    same_sentence = any(
        o is not f and o.check != f.check and o.evidence
        and page.sentence(o.evidence[0].start) == k
        for o in findings
    )
    warnings = [o for o in findings if o.severity != "info"]
    kind_cols = [0.0] * len(kinds)
    col = kinds.get(f"{f.check}:{finding_kind(f)}")
    if col is not None:
        kind_cols[col] = 1.0
    words = _WORD.findall(span.text)
    text_len = len(words)
    capitalised = sum(w[:1].isupper() for w in words[1:]) / max(text_len - 1, 1)
    said = " ".join(span.text.lower().split())
    repeat = any(
        o.check == f.check and o.evidence and " ".join(o.evidence[0].text.lower().split()) == said
        for o in findings[: next(n for n, o in enumerate(findings) if o is f)]
    )
    return [
        *(1.0 if f.check == c else 0.0 for c in CHECKS),
        *kind_cols,
        1.0 if f.severity == "problem" else 0.0,
        math.log1p(len(f.evidence)),
        math.log1p(text_len),
        capitalised,
        1.0 if repeat else 0.0,
        *(1.0 if seg_kind == s else 0.0 for s in SEGMENTS),
        0.0 if seg_kind in SEGMENTS else 1.0,
        _quoted_share(page.quotes, span),
        voice_of(report).share(span.start, span.end),
        1.0 if page.attributed[k] else 0.0,
        1.0 if page.named[k] else 0.0,
        1.0 if any(page.named[j] for j in paragraph) else 0.0,
        before / FAR,
        after / FAR,
        min(before, after) / FAR,
        span.start / max(len(report.document.text), 1),
        _checkworthy(page, f, span),
        *page.features,
        math.log1p(sum(o.check != f.check for o in warnings)),
        math.log1p(sum(o.check == f.check and o is not f for o in warnings)),
        math.log1p(sum(o.severity == "info" for o in findings)),
        1.0 if same_sentence else 0.0,
    ]


def featurise(
    report: Report,
    sentences: Sequence[tuple[int, int]],
    kinds: Sequence[str],
    *,
    severities: frozenset[str] = CALIBRATED,
) -> tuple[list[int], np.ndarray]:
    """The feature rows of the report's findings the calibrator weighs: ``(indices into
    report.findings, rows)``. ``sentences`` are the page's sentence bounds (character
    offsets, from the parse); ``kinds`` the ``check:kind`` columns the model has."""
    index = [i for i, f in enumerate(report.findings) if f.severity in severities]
    width = len(feature_names(kinds))
    if not index:
        return [], np.zeros((0, width), dtype=np.float64)
    page = _page(report, sentences)
    cols = {k: n for n, k in enumerate(kinds)}
    rows = [_row(page, report.findings[i], cols, report.findings) for i in index]
    return index, np.asarray(rows, dtype=np.float64)
