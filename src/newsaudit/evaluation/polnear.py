"""Score the attribution stage against PolNeAR (Newell, Margolin & Ruths, LREC 2018).

PolNeAR marks, in US political news, every attribution as a *source*, a *cue* and a
*content* span (brat standoff: ``T`` lines for spans, ``E`` lines tying them together).
This module reads any directory in that format and reports, per role, precision, recall
and F1 twice: for exact spans and for overlapping ones. Someone holding the withheld test
split can run it unchanged.

Reading the data
    :mod:`newsaudit.datasets.polnear` reads the split (brat standoff; the first
    annotator's file of each article).

Running newsaudit
    Each article is parsed with ``newsaudit.nlp.load(model)`` and analysed as a page with
    a single body segment covering the whole text, so the score measures the attribution
    stage alone, not the page-anatomy guesses made for scraped pages.
    ``unattributed_quote`` records are left out: they say *no* speaker was found.
    Records that continue a quotation (no cue of their own) join the record that carries
    their speaker's cue, since PolNeAR binds the paragraphs of one quotation to one cue.

Aligning the conventions (for this benchmark only)
    * Source: PolNeAR annotations are univocal, so a chain "An early tweet quoted the
      president as saying …" is flattened to its outermost speaker. When a record has
      intermediaries, its publisher (``via[-1]``) is compared as the source. A resolved
      pronoun is compared by the pronoun itself (``Source.mention``): PolNeAR marks "he".
    * Spans are normalised before comparison, on both sides: surrounding white space,
      quotation marks and ``, . ; :`` are stripped, and so is a leading "that " (PolNeAR
      puts the complementiser and the quote marks in the content; newsaudit leaves them
      out).

Matching and scoring
    A predicted attribution and a gold one are *candidates* when their cues share at least
    one character or their contents do. Candidates are paired one-to-one, greedily, by
    (cues overlap, characters of content shared, characters of cue shared), largest
    first. For each role (source, cue, content) and each mode:

    * predicted = predicted attributions that have the role; gold = gold attributions that
      have it (a PolNeAR ``Attribution-no-source`` has no source; nor has a newsaudit
      agentless passive);
    * a true positive is a matched pair where both have the role and the spans agree:
      *exact* = the same normalised characters; *overlap* = at least one shared character;
    * P = TP / predicted, R = TP / gold, F1 their harmonic mean (0 when undefined).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsaudit.attribution import extract_attributions
from newsaudit.datasets.polnear import ROLES, Article, Attr, Fragments, load_articles
from newsaudit.metrics import prf
from newsaudit.model import Attribution, Document, Page, Segment

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "evaluate",
    "format_table",
    "predicted_attributions",
    "score_articles",
]

MODES: tuple[str, ...] = ("exact", "overlap")
#: Characters stripped from both ends of every span before comparison.
_EDGE = frozenset(" \t\n\r\"“”‘’'«»„.,;:")
_THAT = re.compile(r"that\s+", re.IGNORECASE)
#: Articles per ``nlp.pipe`` batch (PolNeAR articles run to ~1,000 words).
_BATCH_SIZE = 8


# --- newsaudit's side ---------------------------------------------------------------


def _span(start: int | None, end: int | None) -> Fragments:
    return ((start, end),) if start is not None and end is not None and end > start else ()


def _source_span(a: Attribution) -> Fragments:
    who = a.via[-1] if a.via else a.source
    if who.mention is not None:
        return _span(who.mention.start, who.mention.end)
    return _span(who.start, who.end)


def predicted_attributions(atts: Iterable[Attribution]) -> list[Attr]:
    """newsaudit's records as benchmark attributions (see the module docstring)."""
    rows = [a for a in atts if a.kind != "unattributed_quote"]
    cued = [a for a in rows if a.cue_span is not None]
    merged: dict[str, list[tuple[int, int]]] = {a.id: [] for a in cued}
    out_order: list[Attribution] = list(cued)
    for a in rows:
        if a.cue_span is not None or a.content is None:
            continue
        same = [
            c for c in cued
            if (c.source.start, c.source.end, c.source.text) == (a.source.start, a.source.end,
                                                                  a.source.text)
            and c.kind == a.kind
        ]
        if same and a.source.text is not None:
            host = min(same, key=lambda c: abs(c.start - a.start))
            merged[host.id].append((a.content.start, a.content.end))
        else:
            out_order.append(a)
    out: list[Attr] = []
    for a in sorted(out_order, key=lambda r: r.start):
        content = list(_span(a.content.start, a.content.end)) if a.content else []
        content += merged.get(a.id, [])
        cue = _span(a.cue_span.start, a.cue_span.end) if a.cue_span else ()
        out.append(Attr(_source_span(a), cue, tuple(sorted(content))))
    return out


def _page(text: str) -> Page:
    return Page(Document(text, source="polnear"), (Segment("body", 0, len(text), text),))


def _predict(docs: Iterable[Doc], articles: Sequence[Article]) -> Iterator[list[Attr]]:
    for doc, art in zip(docs, articles, strict=True):
        yield predicted_attributions(extract_attributions(doc, _page(art.text)))


# --- scoring ------------------------------------------------------------------------


def _chars(text: str, frags: Fragments) -> frozenset[int]:
    """The characters of a role's fragments after edge normalisation."""
    out: set[int] = set()
    for start, end in frags:
        while start < end and text[start] in _EDGE:
            start += 1
        m = _THAT.match(text, start, end)
        if m is not None and m.end() < end:
            start = m.end()
        while end > start and text[end - 1] in _EDGE:
            end -= 1
        out.update(range(start, end))
    return frozenset(out)


class _Counts:
    __slots__ = ("tp", "pred", "gold")

    def __init__(self) -> None:
        self.tp = {(r, m): 0 for r in ROLES for m in MODES}
        self.pred = dict.fromkeys(ROLES, 0)
        self.gold = dict.fromkeys(ROLES, 0)


def _score_article(text: str, gold: Sequence[Attr], pred: Sequence[Attr], counts: _Counts) -> int:
    g_sets = [{r: _chars(text, g.role(r)) for r in ROLES} for g in gold]
    p_sets = [{r: _chars(text, p.role(r)) for r in ROLES} for p in pred]
    for sets, tally in ((g_sets, counts.gold), (p_sets, counts.pred)):
        for s in sets:
            for r in ROLES:
                if s[r]:
                    tally[r] += 1
    pairs: list[tuple[tuple[int, int, int], int, int]] = []
    for i, p in enumerate(p_sets):
        for j, g in enumerate(g_sets):
            cue = len(p["cue"] & g["cue"])
            content = len(p["content"] & g["content"])
            if cue or content:
                pairs.append(((1 if cue else 0, content, cue), i, j))
    pairs.sort(key=lambda x: x[0], reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    for _, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        for r in ROLES:
            p_r, g_r = p_sets[i][r], g_sets[j][r]
            if p_r and g_r:
                counts.tp[(r, "overlap")] += bool(p_r & g_r)
                counts.tp[(r, "exact")] += p_r == g_r
    return len(used_p)


def score_articles(
    articles: Sequence[Article], predictions: Sequence[Sequence[Attr]]
) -> dict[str, Any]:
    """Per-role P/R/F1 (exact and overlap) and counts for gold against predictions."""
    if len(articles) != len(predictions):
        raise ValueError("one list of predictions is needed per article")
    counts = _Counts()
    matched = 0
    for art, pred in zip(articles, predictions, strict=True):
        matched += _score_article(art.text, art.gold, pred, counts)
    scores: dict[str, dict[str, dict[str, float]]] = {}
    for r in ROLES:
        scores[r] = {
            m: prf(counts.tp[(r, m)], counts.pred[r], counts.gold[r]).to_dict() for m in MODES
        }
    return {
        "articles": len(articles),
        "scores": scores,
        "counts": {
            r: {
                "predicted": counts.pred[r],
                "gold": counts.gold[r],
                "tp_exact": counts.tp[(r, "exact")],
                "tp_overlap": counts.tp[(r, "overlap")],
            }
            for r in ROLES
        },
        "attributions": {
            "predicted": sum(len(p) for p in predictions),
            "gold": sum(len(a.gold) for a in articles),
            "matched": matched,
        },
    }


def data_hash(articles: Sequence[Article]) -> str:
    """sha256 over the bytes of every file scored, in order: pins the data a floor was set on."""
    h = hashlib.sha256()
    for art in articles:
        for path in art.files:
            h.update(path.read_bytes())
    return h.hexdigest()


def evaluate(split_dir: Path, *, model: str | None = None, limit: int | None = None) -> dict:
    """Run the attribution stage over a PolNeAR-format split and score it.

    ``limit`` keeps the first articles in file-name order. Returns ``{"split", "model",
    "articles", "scores": {role: {mode: {precision, recall, f1}}}, "counts", "attributions",
    "sha256", "seconds"}``; see the module docstring for how spans are matched.
    """
    import time

    from newsaudit import nlp as _nlp

    articles = load_articles(Path(split_dir), limit=limit)
    pipeline = _nlp.load(model)
    t0 = time.perf_counter()
    docs = pipeline.pipe((a.text for a in articles), batch_size=_BATCH_SIZE)
    predictions = list(_predict(docs, articles))
    seconds = time.perf_counter() - t0
    result = score_articles(articles, predictions)
    result["split"] = str(split_dir)
    result["model"] = _nlp.choose_model(model)
    result["sha256"] = data_hash(articles)
    result["seconds"] = round(seconds, 2)
    return result


def format_table(result: dict) -> str:
    """The scores as a fixed-width table, one row per role."""
    lines = [
        f"PolNeAR attribution spans: {result.get('split', '?')} "
        f"({result['articles']} articles, model {result.get('model', '?')})",
        f"{'role':<8} {'exact P':>8} {'R':>6} {'F1':>6}   {'overlap P':>9} {'R':>6} {'F1':>6}"
        f"   {'pred':>6} {'gold':>6}",
    ]
    for r in ROLES:
        ex = result["scores"][r]["exact"]
        ov = result["scores"][r]["overlap"]
        c = result["counts"][r]
        lines.append(
            f"{r:<8} {ex['precision']:>8.3f} {ex['recall']:>6.3f} {ex['f1']:>6.3f}   "
            f"{ov['precision']:>9.3f} {ov['recall']:>6.3f} {ov['f1']:>6.3f}   "
            f"{c['predicted']:>6} {c['gold']:>6}"
        )
    att = result.get("attributions")
    if att:
        lines.append(
            f"attributions: {att['predicted']} predicted, {att['gold']} gold, "
            f"{att['matched']} matched"
        )
    return "\n".join(lines)
