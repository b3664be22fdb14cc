"""What the stance model sees: term frequencies of headline and body over a fixed
vocabulary, and fifty hand-made pair features (TF-IDF cosines, stemmed and n-gram overlap,
numbers, refuting/hedging/negation cue rates near the best-matching sentences). The trainer
and the runtime both featurise with :class:`Featuriser`; the order of :meth:`Featuriser.dense`
is the contract with the trained weights, so changing it means bumping FEATURISER_VERSION
and retraining.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

import numpy as np

__all__ = ["FEATURISER_VERSION", "Body", "Featuriser", "tokens"]

FEATURISER_VERSION = "newsaudit-stance-v1"

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_SENTENCE = re.compile(r"(?<=[.!?])[\"')\]]*\s+|\n+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
# Prefix truncation is a crude stemmer, but it is fast and merges the inflections
# (deny/denies/denied, flood/flooded/flooding) that matter for overlap features.
_STEM = 6
_WINDOW_LEAD = 60  # tokens: cue words in an article's lead weigh on its stance more


def tokens(text: str) -> list[str]:
    """Lower-cased word and number tokens; curly apostrophes folded so "didn’t" == "didn't"."""
    return _TOKEN.findall(_fold(text))


def _fold(text: str) -> str:
    # str.replace runs in C; str.translate with a dict costs ~10x more on long bodies.
    return text.lower().replace("\u2019", "'").replace("\u2018", "'")


@dataclass
class Body:
    """Everything about a body that does not depend on the headline, computed once per body."""

    toks: list[str]
    stems: frozenset[str]
    lead_stems: frozenset[str]
    tfidf: dict[str, float]
    sents: list[list[str]]
    sent_tfidf: list[dict[str, float]]
    numbers: frozenset[str]
    bigrams: frozenset[tuple[str, str]]
    trigrams: frozenset[tuple[str, str, str]]
    rates: tuple[float, float, float, float, float]
    tf: tuple[np.ndarray, np.ndarray]


class Featuriser:
    """Turns (headline, body) into the network's inputs: two sparse TF vectors + dense features."""

    def __init__(self, params: dict[str, Any]) -> None:
        self.vocab: dict[str, int] = {w: i for i, w in enumerate(params["vocab"])}
        self.idf: dict[str, float] = params["idf"]
        self.default_idf = float(params["default_idf"])
        lex = params["lexicon"]
        self.stop = frozenset(lex["stop"])
        self.refuting = frozenset(lex["refuting"])
        self.hedging = frozenset(lex["hedging"])
        self.negation = frozenset(lex["negation"])
        self.headline_cues: tuple[str, ...] = tuple(lex["headline_cues"])

    @property
    def n_dense(self) -> int:
        return 29 + len(self.headline_cues)

    def _tfidf(self, toks: Iterable[str]) -> dict[str, float]:
        counts = Counter(w for w in toks if w not in self.stop)
        vec = {w: n * self.idf.get(w, self.default_idf) for w, n in counts.items()}
        norm = math.sqrt(sum(x * x for x in vec.values())) or 1.0
        return {w: x / norm for w, x in vec.items()}

    def tf(self, toks: Iterable[str]) -> tuple[np.ndarray, np.ndarray]:
        """l2-normalised term frequencies over the vocabulary, as (indices, values)."""
        counts = Counter(self.vocab[w] for w in toks if w in self.vocab)
        if not counts:
            return np.zeros(0, np.int64), np.zeros(0, np.float32)
        idx = np.fromiter(counts.keys(), np.int64, len(counts))
        val = np.fromiter(counts.values(), np.float32, len(counts))
        return idx, val / np.float32(np.linalg.norm(val))

    def body(self, text: str) -> Body:
        # Tokenising sentence by sentence gives the same tokens as the whole text (the
        # splitter only eats spaces, quotes and brackets), so the body is scanned once.
        # Split before folding apostrophes: the trained features saw "said.’ Next" unsplit.
        sents = [t for t in (tokens(s) for s in _SENTENCE.split(text)) if t]
        toks = [w for s in sents for w in s]
        sents = sents or [toks]
        n = max(len(toks), 1)
        lead = toks[:_WINDOW_LEAD]
        rates = (
            sum(w in self.refuting for w in toks) / n,
            sum(w in self.hedging for w in toks) / n,
            sum(w in self.negation for w in toks) / n,
            float(sum(w in self.refuting for w in lead)),
            float(sum(w in self.hedging for w in lead)),
        )
        return Body(
            toks=toks,
            stems=frozenset(w[:_STEM] for w in toks),
            lead_stems=frozenset(w[:_STEM] for w in toks[:100]),
            tfidf=self._tfidf(toks),
            sents=sents,
            sent_tfidf=[self._tfidf(s) for s in sents],
            numbers=frozenset(_NUMBER.findall(text)),
            bigrams=frozenset(pairwise(toks)),
            trigrams=frozenset(zip(toks, toks[1:], toks[2:], strict=False)),
            rates=rates,
            tf=self.tf(toks),
        )

    def dense(self, headline: str, body: Body) -> list[float]:
        """The hand-made pair features; the order is the contract with the trained weights."""
        h = tokens(headline)
        content = [w for w in h if w not in self.stop] or h
        hv = self._tfidf(h)
        cos = sum(x * body.tfidf.get(w, 0.0) for w, x in hv.items())
        scos = [sum(x * sv.get(w, 0.0) for w, x in hv.items()) for sv in body.sent_tfidf]
        order = sorted(range(len(scos)), key=lambda i: -scos[i])
        top = [scos[i] for i in order[:3]] + [0.0] * (3 - min(3, len(order)))
        best = order[0]
        stems = [w[:_STEM] for w in content]
        nc = max(len(stems), 1)
        wsum = sum(self.idf.get(w, self.default_idf) for w in content) or 1.0
        wover = sum(self.idf.get(w, self.default_idf) for w in content if w[:_STEM] in body.stems)
        hb = list(pairwise(h))
        ht = list(zip(h, h[1:], h[2:], strict=False))
        hnum = frozenset(_NUMBER.findall(headline))
        window: list[str] = []
        for i in range(max(best - 1, 0), min(best + 2, len(body.sents))):
            window += body.sents[i]
        nw = max(len(window), 1)
        hset = set(h)
        return [
            cos,
            *top,
            sum(scos) / len(scos),
            best / len(body.sents),
            float(best),
            sum(s in body.stems for s in stems) / nc,
            sum(s in body.lead_stems for s in stems) / nc,
            wover / wsum,
            sum(x in body.bigrams for x in hb) / max(len(hb), 1),
            sum(x in body.trigrams for x in ht) / max(len(ht), 1),
            len(hnum & body.numbers) / len(hnum) if hnum else -1.0,
            float(len(hnum)),
            math.log1p(len(h)),
            math.log1p(len(body.toks)),
            math.log1p(len(body.sents)),
            *body.rates[:3],
            sum(w in self.refuting for w in window) / nw,
            sum(w in self.hedging for w in window) / nw,
            sum(w in self.negation for w in window) / nw,
            float(sum(w in self.refuting for w in h)),
            float(sum(w in self.hedging for w in h)),
            float(sum(w in self.negation for w in h)),
            float("?" in headline),
            *body.rates[3:],
            *(float(w in hset) for w in self.headline_cues),
        ]
