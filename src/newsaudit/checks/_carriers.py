"""Where the body carries its headline's claim, and on whose word.

A headline is supported as fact only if the body says the same in its own voice, or on
the word of someone independent of it. This module finds the body sentences that give
the headline's claim ("carriers") and says how each gives it:

- a sentence carries the headline when it has a figure that fits one of the headline's
  (same kind, bounds that meet) and shares another of its content words, or when it
  shares at least half of the headline's content words (two at least);
- a copy of the headline at the top of the body (FA-KES and many CMSs repeat it before
  the lead) carries nothing: it is the headline again, not the body's account;
- a carrier is *hedged* when its sentence hedges ("reportedly", "purporting to show",
  "is believed to") or rests on no one ("it was reported"), *attributed* when a
  statement of the body covers the matching words, and the page's *own* otherwise.

One pass over the body's sentences and quantities; nothing is re-parsed.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from newsaudit.checks._headline import (
    Headline,
    content_stems,
    hedge_in,
    lexicon,
    negation_before,
    stem,
)
from newsaudit.checks._sources import SPOKEN_KINDS, TokenIndex
from newsaudit.figures.compare import comparable, plausible
from newsaudit.model import Attribution, Quantity, Report, Span
from newsaudit.offsets import Ranges, SpanIndex

if TYPE_CHECKING:
    from spacy.tokens import Doc

BODY = frozenset({"standfirst", "body"})
Voice = Literal["own", "attributed", "hedged"]
#: Share of the headline's content words a sentence must repeat to carry it without a
#: figure. Half: a lead restating "Hizballah leads regime offensive in southern Syria"
#: repeats "Hizballah", "offensive", "Syria" in other words around them.
_SHARE = 0.5
#: A looser share: a sentence in the page's own voice repeating this much of the headline
#: ("A gunman opened fire …, killing a soldier" under "Soldier, Gunman Killed In Shooting
#: Near Parliament") is the body telling the story itself, in its own words.
LOOSE_SHARE = 1 / 3


def meets(lo: float, hi: float, b: Quantity) -> bool:
    """Whether ``b``'s plausible bounds meet ``[lo, hi]``."""
    blo, bhi = plausible(b)
    return not (hi < blo or bhi < lo)


def fits(q: Quantity, b: Quantity) -> bool:
    """Whether body figure ``b`` can be the headline's ``q``: same kind, bounds meet."""
    if b.category in ("duration", "distance") or q.category in ("duration", "distance"):
        return False
    if q.category == "other":
        # "Kills 500": the headline's verb, not a noun, says what is counted
        same = b.category not in ("other",)
    else:
        same = comparable(q, b)
    lo, hi = plausible(q)
    if q.approx == "vague":
        hi = math.inf
    return same and meets(lo, hi, b)


@dataclass(frozen=True)
class Carrier:
    """A body sentence that gives the headline's claim, and how it gives it."""

    sentence: Span
    shared: frozenset[str]
    figure: Quantity | None
    attribution: Attribution | None
    hedge: Span | None
    #: the statement rests on no one and only relays ("it was reported", "it is claimed");
    #: "it was learned", "it was confirmed" rest on no one but do not hedge
    relayed: bool = False
    #: the hedge is a charge someone brings ("accused police of firing", "charged the
    #: mayor with accepting"), not a word of doubt
    accused: bool = False

    @property
    def voice(self) -> Voice:
        if self.hedge is not None or self.relayed:
            return "hedged"
        return "attributed" if self.attribution is not None else "own"


def _copies(text: str, claim: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Where the headline's words are repeated verbatim between ``lo`` and ``hi``."""
    words = claim.split()
    if len(words) < 3:
        return []
    pattern = re.compile(r"\s+".join(map(re.escape, words)), re.I)
    return [(m.start(), m.end()) for m in pattern.finditer(text, lo, hi)]


def _statements(report: Report) -> SpanIndex[Attribution]:
    """The body statements a carrier can rest on, by the stretch their content covers
    (one character past its end, as :func:`_statement` allows), in the page's order."""
    return SpanIndex(
        (a.content.start, a.content.end + 1, a)
        for a in report.attributions
        if a.segment in BODY and a.content is not None
        and (a.kind in SPOKEN_KINDS or a.kind == "passive")
    )


def _speakers(report: Report) -> Ranges:
    """Where the body's statements name their speakers."""
    return Ranges(
        (a.source.start, a.source.end)
        for a in report.attributions
        if a.segment in BODY and a.source.start is not None and a.source.end is not None
    )


def _statement(statements: SpanIndex[Attribution], start: int, end: int) -> Attribution | None:
    """The body statement whose content covers ``[start, end)``, the narrowest first."""
    best: Attribution | None = None
    for _, _, a in statements.containing(start, end):
        c = a.content
        assert c is not None
        if best is None or (c.end - c.start) < (best.content.end - best.content.start):  # type: ignore[union-attr]
            best = a
    return best


def body_ranges(report: Report) -> Ranges:
    """The standfirst and body segments, to ask of each sentence whether it starts in one
    without scanning every segment (a long page has a segment per paragraph)."""
    return Ranges((s.start, s.end) for s in report.segments if s.kind in BODY)


class _ByStart:
    """Quantities found by the stretch their start lies in, in the page's order."""

    def __init__(self, quantities: Sequence[Quantity]) -> None:
        self._order = sorted(range(len(quantities)), key=lambda n: quantities[n].start)
        self._starts = [quantities[n].start for n in self._order]
        self._items = quantities

    def starting_in(self, start: int, end: int) -> list[Quantity]:
        a, b = bisect_left(self._starts, start), bisect_left(self._starts, end)
        return [self._items[n] for n in sorted(self._order[a:b])]


def carriers(report: Report, doc: Doc, index: TokenIndex, h: Headline,
             share: float = _SHARE) -> list[Carrier]:
    """The body sentences that give the headline's claim, in text order: those with a
    fitting figure and another shared word, or repeating ``share`` of its content words."""
    text = report.document.text
    bodies = [s for s in report.segments if s.kind in BODY]
    if not bodies:
        return []
    lo, hi = bodies[0].start, bodies[-1].end
    masked = _copies(text, h.claim.text, lo, hi)
    head_figs = [q for q in report.quantities if h.claim.start <= q.start < h.claim.end]
    need = max(2, math.ceil(share * len(h.stems)))
    in_body = body_ranges(report)
    copies = Ranges(masked)
    roots = predicates(doc, h.tokens)
    statements = _statements(report)
    speakers = _speakers(report)
    by_start = _ByStart(report.quantities)
    out: list[Carrier] = []
    for sent in doc.sents:
        s, e = sent.start_char, sent.end_char
        if e <= lo or s >= hi or not in_body.holds(s):
            continue
        ids = list(index.within(s, e))
        if masked:
            ids = [i for i in ids if not copies.holds(index.starts[i])]
        if not ids:
            continue
        if not _stated(text, s, e) or not any(doc[i].pos_ in ("VERB", "AUX") for i in ids):
            continue  # a list of tags, a subhead or a credit line states nothing
        shared = frozenset(content_stems(doc[i] for i in ids) & h.stems)
        figure = None
        for b in by_start.starting_in(s, e):
            if b.segment in BODY and not copies.holds(b.start):
                if any(fits(q, b) for q in head_figs):
                    figure = b
                    break
        number_words = {w for w in shared if w[:1].isdigit()}
        if figure is not None and not (shared - number_words):
            figure = None
        if figure is None and len(shared) < need:
            continue
        points: list[int] = []
        if figure is not None:
            span = (figure.start, figure.end)
            points = [figure.start]
        else:
            hits = [doc[i] for i in ids if doc[i].is_alpha and stem(doc[i].text) in shared]
            # a shared word in the speaker's name ("Student leaders said police had
            # fired …") says who speaks, not what the sentence claims
            said = [t for t in hits if not speakers.holds(t.idx)]
            hits = said or hits
            span = (hits[0].idx, hits[-1].idx + len(hits[-1])) if hits else (s, e)
            points = [t.idx for t in hits]
        att = _statement(statements, *span)
        relayed = att is not None and _relays(doc, index, att)
        at = hedge_in(doc, ids, modal=False)
        hedge = None
        if at is not None and (_hedges_elsewhere(doc, at, span)
                               or _hedges_below(doc, at, roots)):
            at = None
        accused = False
        if at is None:
            at = _accusation(doc, ids, points, h.stems)
            accused = at is not None
        if at is not None:
            first, last = doc[at[0]], doc[at[1]]
            hedge = Span.of(text, first.idx, last.idx + len(last))
        body_s = max(s, masked[-1][1]) if masked and masked[-1][0] <= s < masked[-1][1] else s
        out.append(Carrier(trimmed(text, body_s, e), shared, figure, att, hedge, relayed,
                           accused))
    return out


def _accusation(doc: Doc, ids: Sequence[int], points: Sequence[int],
                heads: frozenset[str]) -> tuple[int, int] | None:
    """The word that gives the matching words (at character offsets ``points``; half of
    them at least) as someone's charge ("accused police of firing", "charged the mayor
    with accepting", "arrested on suspicion of"), when the headline does not name the
    charge itself ("Mayor charged with …" states the charge, which the body states as
    fact)."""
    if not points:
        return None
    accusations = lexicon()["accusations"]
    for i in ids:
        t = doc[i]
        preps = accusations.get(t.lemma_.lower())
        if preps is None or stem(t.text) in heads:
            continue
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                lo, hi = c.left_edge.idx, c.right_edge.idx + len(c.right_edge)
                if 2 * sum(lo <= p < hi for p in points) >= len(points):
                    return (i, i)
    return None


def _hedges_elsewhere(doc: Doc, at: tuple[int, int], span: tuple[int, int]) -> bool:
    """Whether a one-word hedge that modifies a noun ("an unconfirmed number of bodies")
    leaves out the words that carry the headline's claim ("near where 43 students went
    missing"): an adjective hedges its own noun phrase, not the sentence."""
    if at[0] != at[1]:
        return False
    tok = doc[at[0]]
    if tok.dep_ != "amod" or tok.head.pos_ not in ("NOUN", "PROPN"):
        return False
    phrase = list(tok.head.subtree)
    lo, hi = phrase[0].idx, phrase[-1].idx + len(phrase[-1])
    return not (lo <= span[0] < hi)


def predicates(doc: Doc, ids: Sequence[int]) -> frozenset[str]:
    """Stems of the headline's main verbs: its root, or in headline style ("Man Arrested
    for …") the participle that hangs on a root noun."""
    out = set()
    for i in ids:
        t = doc[i]
        if t.pos_ not in ("VERB", "AUX"):
            continue
        if t.dep_ == "ROOT" or (t.dep_ == "acl" and t.head.dep_ == "ROOT"
                                and t.head.pos_ in ("NOUN", "PROPN")):
            out.add(stem(t.text))
    return frozenset(out)


def _hedges_below(doc: Doc, at: tuple[int, int], roots: frozenset[str]) -> bool:
    """Whether a one-word hedge qualifies a clause under a verb the body states as fact,
    that verb being the headline's own: "has been arrested for allegedly kidnapping" under
    "Woman Arrested for Kidnapping". The arrest is the page's fact; "allegedly" hedges
    the charge it names, which the headline gives as the charge, not as a deed proven."""
    if at[0] != at[1] or not roots:
        return False
    tok = doc[at[0]]
    if tok.dep_ != "advmod" or tok.head.dep_ == "ROOT":
        return False
    for up in tok.head.ancestors:
        if up.pos_ in ("VERB", "AUX") and stem(up.text) in roots:
            return not any(c.dep_ == "advmod" and c.i != tok.i and c.lower_ == tok.lower_
                           for c in up.children)
    return False


def _stated(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` ends as a sentence does, with a full stop, a question
    or exclamation mark, or a closing quotation mark after one: a tags line ("Tags Syria
    video"), a subhead or a photo credit has none."""
    tail = text[start:end].rstrip()
    return tail.endswith((".", "!", "?", "…", "”", "\"", "’", "'", ")"))


def _relays(doc: Doc, index: TokenIndex, att: Attribution) -> bool:
    """Whether a statement resting on no one only relays what others say: its verb is one
    of ``headline_reading.relay_verbs`` ("reported", "claimed")."""
    if att.kind != "passive" and att.source.text is not None:
        return False
    cue = att.cue_span
    if cue is None:
        return False  # no verb found: nothing says the statement only relays
    relays = lexicon()["relays"]
    return any(doc[i].lemma_.lower() in relays for i in index.within(cue.start, cue.end))


def trimmed(text: str, start: int, end: int) -> Span:
    """``text[start:end]`` without the white space at its ends."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span.of(text, start, end)


#: How many words before a verb of checking its negation may stand: "could not be
#: independently verified", "was unable to confirm", "has not confirmed".
_NEGATION_BEFORE = 4


def unverified(report: Report, doc: Doc, index: TokenIndex) -> Span | None:
    """A sentence in which the page says it could not check a claim itself ("could not be
    independently verified", "was unable to confirm"): a verb of checking with a negation
    just before it. A negation elsewhere in the sentence denies something else ("no
    casualties were reported, the source confirmed")."""
    lex = lexicon()
    in_body = body_ranges(report)
    for sent in doc.sents:
        if not in_body.holds(sent.start_char):
            continue
        for t in sent:
            if t.lemma_.lower() not in lex["unverified"]:
                continue
            if negation_before(doc, t.i, _NEGATION_BEFORE, sent.start):
                return trimmed(report.document.text, sent.start_char, sent.end_char)
    return None


def sole_voice(found: Sequence[Carrier]) -> bool:
    """Whether the body never gives the claim in its own voice."""
    return bool(found) and all(c.voice != "own" for c in found)
