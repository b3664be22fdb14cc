"""Headline-body stance: does the body agree with, disagree with, discuss, or ignore its headline?

The task and labels are those of FNC-1 (Fake News Challenge stage 1). The model follows the
UCL Machine Reading system (Riedel et al. 2017): l2-normalised term-frequency vectors of
headline and body over a fixed vocabulary feed a one-hidden-layer ReLU network. To the
term frequencies we add fifty hand-made pair features (TF-IDF cosine of headline and
body and of headline and best-matching body sentences, stemmed and bigram overlap, number
overlap, refuting/hedging/negation cue rates near the best-matching sentences), because
they carry the related/unrelated decision to claims the vocabulary has never seen.

Only arrays ship: ``data/stance.npz`` (network weights, float32, plus the feature scaling)
and ``data/stance.params.json`` (vocabulary, IDF table, the word lists the features were
trained with). No pickle, no scikit-learn: the forward pass is three numpy products, and the
featuriser below is the one the trainer calls, so train-time and run-time features cannot
drift apart. The card (``data/stance.card.json``) records data, split, scores and versions.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from typing import Any

import numpy as np

from newsaudit.artifacts import read_arrays
from newsaudit.errors import ModelError

__all__ = [
    "LABELS",
    "StancePrediction",
    "Featuriser",
    "StanceModel",
    "load_model",
    "predict_stance",
    "predict_many",
]

LABELS: tuple[str, ...] = ("agree", "disagree", "discuss", "unrelated")
FEATURISER_VERSION = "newsaudit-stance-v1"
ARTIFACT = "stance.npz"
PARAMS = "stance.params.json"
CARD = "stance.card.json"
LEXICON = "stance.lexicon.json"

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_SENTENCE = re.compile(r"(?<=[.!?])[\"')\]]*\s+|\n+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
# Prefix truncation is a crude stemmer, but it is fast and merges the inflections
# (deny/denies/denied, flood/flooded/flooding) that matter for overlap features.
_STEM = 6
_WINDOW_LEAD = 60  # tokens: cue words in an article's lead weigh on its stance more


@dataclass(frozen=True)
class StancePrediction:
    """One pair's verdict; ``probs`` maps every label in ``LABELS`` to its probability."""

    label: str
    probs: dict[str, float]


def tokens(text: str) -> list[str]:
    """Lower-cased word and number tokens; curly apostrophes folded so "didn’t" == "didn't"."""
    return _TOKEN.findall(_fold(text))


def _fold(text: str) -> str:
    # str.replace runs in C; str.translate with a dict costs ~10x more on long bodies.
    return text.lower().replace("\u2019", "'").replace("\u2018", "'")


@dataclass
class _Body:
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

    def body(self, text: str) -> _Body:
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
        return _Body(
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

    def dense(self, headline: str, body: _Body) -> list[float]:
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


class StanceModel:
    """The network and its featuriser; build with ``load_model`` or from trained arrays."""

    def __init__(self, params: dict[str, Any], arrays: dict[str, np.ndarray]) -> None:
        self.params = params
        self.arrays = arrays
        self.featuriser = Featuriser(params)
        self.labels: tuple[str, ...] = tuple(params.get("labels", LABELS))
        v = len(self.featuriser.vocab)
        w1 = np.asarray(arrays["W1"], np.float32)
        self.w_head, self.w_body, self.w_dense = w1[:v], w1[v : 2 * v], w1[2 * v :]
        self.b1 = np.asarray(arrays["b1"], np.float32)
        self.w2 = np.asarray(arrays["W2"], np.float32)
        self.b2 = np.asarray(arrays["b2"], np.float32)
        self.mu = np.asarray(arrays["mu"], np.float32)
        self.sd = np.asarray(arrays["sd"], np.float32)
        if (
            self.w_dense.shape[0] != self.featuriser.n_dense
            or self.mu.shape != (self.featuriser.n_dense,)
            or self.w2.shape != (self.b1.shape[0], len(self.labels))
        ):
            raise ModelError("stance artifact shapes do not match its params", source=ARTIFACT)

    def proba(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """Class probabilities, one row per pair; each distinct body is featurised once."""
        fz = self.featuriser
        bodies: dict[str, _Body] = {}
        hidden = np.empty((len(pairs), self.b1.shape[0]), np.float32)
        dense = np.empty((len(pairs), fz.n_dense), np.float32)
        for row, (headline, text) in enumerate(pairs):
            body = bodies.get(text)
            if body is None:
                body = bodies[text] = fz.body(text)
            hi, hv = fz.tf(tokens(headline))
            bi, bv = body.tf
            hidden[row] = hv @ self.w_head[hi] + bv @ self.w_body[bi]
            dense[row] = fz.dense(headline, body)
        hidden += ((dense - self.mu) / self.sd) @ self.w_dense + self.b1
        np.maximum(hidden, 0.0, out=hidden)
        logits = hidden @ self.w2 + self.b2
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        return p / p.sum(axis=1, keepdims=True)

    def predict(self, pairs: Sequence[tuple[str, str]]) -> list[StancePrediction]:
        probs = self.proba(pairs)
        return [
            StancePrediction(
                label=self.labels[int(row.argmax())],
                probs={lab: float(p) for lab, p in zip(self.labels, row, strict=True)},
            )
            for row in probs
        ]


@lru_cache(maxsize=1)
def load_model() -> StanceModel:
    """Read the shipped artifact once per process; any defect becomes a ``ModelError``."""
    params, arrays = read_arrays(
        resources.files("newsaudit.data"), ARTIFACT, PARAMS,
        what="stance", trainer="newsaudit.training.stance",
    )
    if params.get("featuriser") != FEATURISER_VERSION:
        raise ModelError(
            f"stance params were written by featuriser {params.get('featuriser')!r}, "
            f"this code is {FEATURISER_VERSION!r}; retrain",
            source=PARAMS,
        )
    try:
        return StanceModel(params, arrays)
    except KeyError as err:
        raise ModelError(f"stance artifact lacks {err}", source=ARTIFACT) from err


def predict_stance(headline: str, body: str) -> StancePrediction:
    """The stance of ``body`` towards ``headline``: agree, disagree, discuss or unrelated."""
    return load_model().predict([(headline, body)])[0]


def predict_many(pairs: Iterable[tuple[str, str]]) -> list[StancePrediction]:
    """Batch form of ``predict_stance``; pairs sharing a body reuse its features."""
    return load_model().predict(list(pairs))
