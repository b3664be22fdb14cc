"""Propaganda techniques in the article's own text (headline, standfirst, body).

The trained detector (:mod:`newsaudit.propaganda`) proposes spans with a technique and a
score; this check turns the confident ones into findings an editor can act on:

* Only article segments are read: every other character of the page is blanked (line
  breaks kept) so offsets stay those of ``document.text`` and captions or comments can
  never produce a finding, while the headline still sits on the first line as in training.
* The parse's noun chunks go to the phrase model, which finds word-level techniques (name
  calling, slogans, ...) with tight offsets: the token model alone tends to mark a whole
  sentence where an editor would point at two words.
* Loaded language is the ``loaded_language`` check's job, so those spans are skipped here.
* No flooding: of overlapping spans the most confident wins (a phrase nested in a longer
  span of another technique is kept beside it), and findings are capped per technique and
  per page; caps and score thresholds live in ``data/propaganda.techniques.json``.
* Severity is ``info`` or ``warning``, never ``problem``: a technique is a reason for an
  editor to look, not proof that the page is wrong.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from newsaudit.checks import register
from newsaudit.datafiles import load_json
from newsaudit.model import ARTICLE_KINDS, Finding, Report, Span
from newsaudit.propaganda import TechniqueSpan, load_model

if TYPE_CHECKING:
    from spacy.tokens import Doc

NAME = "propaganda_technique"
_NOT_NEWLINE = re.compile(r"[^\n]")
_SNIPPET = 90


@lru_cache(maxsize=1)
def _config() -> dict[str, Any]:
    return load_json("propaganda.techniques.json")


def article_text(report: Report) -> str:
    """``document.text`` with everything outside headline/standfirst/body blanked."""
    text = report.document.text
    parts: list[str] = []
    pos = 0
    for seg in sorted(report.segments, key=lambda s: s.start):
        if seg.kind not in ARTICLE_KINDS or seg.end <= pos:
            continue
        parts.append(_NOT_NEWLINE.sub(" ", text[pos : seg.start]))
        parts.append(text[max(seg.start, pos) : seg.end])
        pos = seg.end
    parts.append(_NOT_NEWLINE.sub(" ", text[pos:]))
    return "".join(parts)


def dedupe(spans: list[TechniqueSpan]) -> list[TechniqueSpan]:
    """Greedy, most confident first: drop a span that overlaps a kept one of the same
    technique, or one of another technique unless one lies wholly inside the other (a
    name-calling phrase inside a sentence that casts doubt is two findings, not one)."""
    kept: list[TechniqueSpan] = []
    for sp in sorted(spans, key=lambda s: (-s.score, s.start, s.end)):
        clash = False
        for k in kept:
            if sp.start < k.end and k.start < sp.end:
                nested = (k.start <= sp.start and sp.end <= k.end) or (
                    sp.start <= k.start and k.end <= sp.end
                )
                if k.technique == sp.technique or not nested:
                    clash = True
                    break
        if not clash:
            kept.append(sp)
    return kept


def select(spans: list[TechniqueSpan], cfg: dict[str, Any]) -> list[TechniqueSpan]:
    """Confident, emittable spans under the caps, most confident first, then in text order."""
    techniques = cfg["techniques"]
    floor = float(cfg["thresholds"]["info"])
    per_tech = int(cfg["caps"]["per_technique"])
    per_page = int(cfg["caps"]["per_page"])
    kept: list[TechniqueSpan] = []
    count: dict[str, int] = {}
    for sp in dedupe([s for s in spans if s.score >= floor]):
        info = techniques.get(sp.technique)
        if info is None or not info["emit"] or sp.score < floor:
            continue
        if count.get(sp.technique, 0) >= per_tech or len(kept) >= per_page:
            continue
        count[sp.technique] = count.get(sp.technique, 0) + 1
        kept.append(sp)
    return sorted(kept)


def _chunker(
    doc: Doc | None, report: Report
) -> Callable[[list[tuple[int, int]]], list[tuple[int, int]]] | None:
    """Noun chunks of the article sentences holding a hot token (None without a parse):
    spaCy's chunk iterator is pure Python, so it only runs where the phrase model can fire."""
    if doc is None or not doc.has_annotation("DEP"):
        return None
    segs = [(s.start, s.end) for s in report.segments if s.kind in ARTICLE_KINDS]

    def chunks(hot: list[tuple[int, int]]) -> list[tuple[int, int]]:
        if not hot:
            return []
        # Span.noun_chunks walks the whole doc each time: walk it once and keep the chunks
        # of hot sentences.
        starts = [sent.start_char for sent in doc.sents]
        picked = {bisect_right(starts, start) - 1 for start, _ in hot}
        return [
            (nc.start_char, nc.end_char)
            for nc in doc.noun_chunks
            if bisect_right(starts, nc.start_char) - 1 in picked
            and any(a <= nc.start_char and nc.end_char <= b for a, b in segs)
        ]

    return chunks


def _message(name: str, why: str, snippet: str) -> str:
    if len(snippet) > _SNIPPET:
        snippet = snippet[: _SNIPPET - 1].rstrip() + "…"
    return f"Possible {name.lower()}: \u201c{snippet}\u201d. This matters because {why}."


@register(NAME)
def check(report: Report, doc: Doc | None = None) -> Iterator[Finding]:
    """Findings for the propaganda techniques the model is confident about."""
    cfg = _config()
    text = report.document.text
    masked = article_text(report)
    if not masked.strip():
        return
    warn = float(cfg["thresholds"]["warning"])
    phrases = _chunker(doc, report) or ()
    for sp in select(load_model().detect(masked, phrases), cfg):
        info = cfg["techniques"][sp.technique]
        evidence = Span.of(text, sp.start, sp.end)
        yield Finding(
            id="",
            check=NAME,
            severity="warning" if sp.score >= warn else "info",
            message=_message(info["name"], info["why"], evidence.text),
            evidence=(evidence,),
            technique=info["name"],
        )
