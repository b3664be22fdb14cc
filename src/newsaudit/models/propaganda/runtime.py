"""The propaganda model at run time: reading its artifact, decoding spans from token
probabilities, and labelling spans and phrases with techniques."""


from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from newsaudit.errors import ModelError
from newsaudit.models._artifact import ArtifactSpec, all_finite, building, read_artifact
from newsaudit.models.propaganda.features import (
    FEATURISER_VERSION,
    Tokens,
    hash_terms,
    span_terms,
    token_features,
    tokenize,
    trim_phrase,
    word_counts,
)

__all__ = [
    "PHRASE_TECHNIQUES",
    "SPEC",
    "TECHNIQUES",
    "PropagandaModel",
    "TechniqueSpan",
    "detect",
    "load_model",
    "read_model",
]

SPEC = ArtifactSpec(
    name="propaganda",
    what="propaganda",
    arrays="propaganda.npz",
    card="propaganda.card.json",
    formats={"featuriser": FEATURISER_VERSION},
)
ARTIFACT = SPEC.arrays
CARD = SPEC.card

#: The 14 SemEval-2020 Task 11 classes, in the order of the TC weight matrix's rows.
TECHNIQUES: tuple[str, ...] = (
    "Appeal_to_Authority",
    "Appeal_to_fear-prejudice",
    "Bandwagon,Reductio_ad_hitlerum",
    "Black-and-White_Fallacy",
    "Causal_Oversimplification",
    "Doubt",
    "Exaggeration,Minimisation",
    "Flag-Waving",
    "Loaded_Language",
    "Name_Calling,Labeling",
    "Repetition",
    "Slogans",
    "Thought-terminating_Cliches",
    "Whataboutism,Straw_Men,Red_Herring",
)


class TechniqueSpan(NamedTuple):
    """A stretch ``text[start:end]`` using ``technique``; ``score`` in [0, 1] is the span
    model's mean token probability times the technique model's probability."""

    start: int
    end: int
    technique: str
    score: float


#: Techniques whose PTC spans are a word or a short phrase (median 2-6 words in train,
#: against 13-19 for argument-level techniques such as Doubt), so a phrase inside a long
#: detected span is the better evidence for them.
PHRASE_TECHNIQUES = frozenset(
    {
        "Loaded_Language",
        "Name_Calling,Labeling",
        "Exaggeration,Minimisation",
        "Slogans",
        "Repetition",
    }
)
PHRASE_MIN_TOKEN_PROB = 0.1
#: Candidate phrases, or a function from the offsets of hot tokens to candidate phrases.
Phrases = Sequence[tuple[int, int]] | Callable[[list[tuple[int, int]]], Iterable[tuple[int, int]]]


@dataclass(frozen=True)
class PropagandaModel:
    """Both models' weights plus the decoding parameters chosen at training time."""

    si_coef: np.ndarray  # (n_si,)
    si_bias: float
    tc_coef: np.ndarray  # (n_techniques, n_tc)
    tc_bias: np.ndarray  # (n_techniques,)
    techniques: tuple[str, ...]
    ph_coef: np.ndarray  # (n_tc,) the phrase model
    ph_bias: float
    phrase_threshold: float
    low: float
    high: float
    gap: int
    min_chars: int
    card: dict[str, Any]

    @property
    def n_si(self) -> int:
        return int(self.si_coef.shape[0])

    @property
    def n_tc(self) -> int:
        return int(self.tc_coef.shape[1])

    def token_probs(self, toks: Tokens) -> np.ndarray:
        """Probability, per token, that it lies inside a propaganda span."""
        idx, sidx, sptr = token_features(toks, self.n_si)
        if len(idx) == 0:
            return np.zeros(0)
        logit = self.si_coef[idx].sum(axis=1).astype(np.float64) + self.si_bias
        sums = np.add.reduceat(self.si_coef[sidx].astype(np.float64), sptr[:-1])
        sizes = np.diff(sptr)
        sent_score = np.where(sizes > 0, sums, 0.0) / np.sqrt(np.maximum(sizes, 1))
        logit += sent_score[toks.sent]
        return 1.0 / (1.0 + np.exp(-logit))

    def spans(self, toks: Tokens, probs: np.ndarray) -> list[tuple[int, int, float]]:
        """Hysteresis decoding, as ``(start, end, mean probability)``: runs of tokens over
        ``low`` (gaps of up to ``gap`` tokens bridged, never across sentences) that hold at
        least one token over ``high`` and span ``min_chars`` characters.

        Why hysteresis: a single threshold either fragments long spans or admits many
        one-word runs barely over it; each stray run costs precision under the task's
        per-span metric (+0.01 SI F1 on held-out training articles over one threshold).
        """
        out: list[tuple[int, int, float]] = []
        on = np.flatnonzero(probs >= self.low).tolist()
        if not on:
            return out
        sent = toks.sent
        run = [on[0]]
        for i in on[1:] + [-1]:
            if i >= 0 and i - run[-1] <= self.gap + 1 and sent[i] == sent[run[-1]]:
                run.append(i)
                continue
            if probs[run].max() >= self.high:
                span = self._close(toks, probs, run)
                if span[1] - span[0] >= self.min_chars:
                    out.append(span)
            run = [i]
        return out

    @staticmethod
    def _close(toks: Tokens, probs: np.ndarray, run: list[int]) -> tuple[int, int, float]:
        a, b = run[0], run[-1]
        # A span never starts or ends on punctuation (the task's v2 boundary rule).
        while a < b and not toks.words[a][0].isalnum():
            a += 1
        while b > a and not toks.words[b][0].isalnum():
            b -= 1
        return int(toks.starts[a]), int(toks.ends[b]), float(probs[a : b + 1].mean())

    def classify(
        self, text: str, spans: list[tuple[int, int]], toks: Tokens | None = None
    ) -> np.ndarray:
        """Technique probabilities ``(len(spans), n_techniques)`` for spans of ``text``."""
        if not spans:
            return np.zeros((0, len(self.techniques)))
        toks = toks if toks is not None else tokenized(text)
        return self._technique_probs(span_columns(text, spans, toks, self.n_tc))

    def _technique_probs(self, columns: Sequence[np.ndarray]) -> np.ndarray:
        logits = np.empty((len(columns), len(self.techniques)))
        for k, cols in enumerate(columns):
            logits[k] = (
                self.tc_coef[:, cols].sum(axis=1) / math.sqrt(max(len(cols), 1)) + self.tc_bias
            )
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        return p / p.sum(axis=1, keepdims=True)

    def phrase_probs(self, text: str, spans: Sequence[tuple[int, int]], toks: Tokens) -> np.ndarray:
        """Probability, per phrase, that it is a word-level technique span on its own."""
        if not spans:
            return np.zeros(0)
        return self._phrase_probs(span_columns(text, spans, toks, self.n_tc))

    def _phrase_probs(self, columns: Sequence[np.ndarray]) -> np.ndarray:
        logit = np.empty(len(columns))
        for k, cols in enumerate(columns):
            logit[k] = float(self.ph_coef[cols].sum()) / math.sqrt(max(len(cols), 1)) + self.ph_bias
        return 1.0 / (1.0 + np.exp(-logit))

    def phrase_spans(
        self,
        text: str,
        toks: Tokens,
        phrases: Sequence[tuple[int, int]],
        token_probs: np.ndarray | None = None,
    ) -> list[TechniqueSpan]:
        """Candidate phrases (noun chunks) the phrase model accepts, labelled with the most
        likely word-level technique; score = phrase probability x that technique's share
        of the word-level techniques' probability.

        With ``token_probs``, phrases none of whose tokens reaches PHRASE_MIN_TOKEN_PROB
        are not scored: that halves the work and kept 97% of the phrase model's positives
        among noun chunks of held-out training articles.
        """
        cands = sorted({b for b in (trim_phrase(text, a, e) for a, e in phrases) if b is not None})
        if token_probs is not None and len(token_probs):
            cands = [c for c in cands if _max_prob(toks, token_probs, *c) >= PHRASE_MIN_TOKEN_PROB]
        if not cands:
            return []
        # Both models read the same features: each phrase's are hashed once.
        columns = span_columns(text, cands, toks, self.n_tc)
        p_ph = self._phrase_probs(columns)
        keep = [k for k, p in enumerate(p_ph) if p >= self.phrase_threshold]
        if not keep:
            return []
        probs = self._technique_probs([columns[k] for k in keep])
        cols = [i for i, t in enumerate(self.techniques) if t in PHRASE_TECHNIQUES]
        out = []
        for i, tp in zip(keep, probs, strict=True):
            (s, e), p = cands[i], p_ph[i]
            sub = tp[cols]
            k = int(sub.argmax())
            out.append(TechniqueSpan(s, e, self.techniques[cols[k]], float(p * sub[k] / sub.sum())))
        return out

    def detect(self, text: str, phrases: Phrases = ()) -> list[TechniqueSpan]:
        toks = tokenized(text)
        if not toks.words:
            return []
        token_probs = self.token_probs(toks)
        found = self.spans(toks, token_probs)
        probs = self.classify(text, [(s, e) for s, e, _ in found], toks)
        out = []
        for (s, e, p_span), p in zip(found, probs, strict=True):
            k = int(p.argmax())
            out.append(TechniqueSpan(s, e, self.techniques[k], float(p_span * p[k])))
        if callable(phrases):
            hot = np.flatnonzero(token_probs >= PHRASE_MIN_TOKEN_PROB).tolist()
            phrases = list(phrases([(int(toks.starts[i]), int(toks.ends[i])) for i in hot]))
        if phrases:
            out.extend(self.phrase_spans(text, toks, phrases, token_probs))
        return sorted(out)


def span_columns(
    text: str, spans: Sequence[tuple[int, int]], toks: Tokens, n_features: int
) -> list[np.ndarray]:
    """The hashed feature columns of each span of ``text`` (``toks`` its tokens)."""
    counts = word_counts(toks)
    return [hash_terms(span_terms(text, s, e, toks, counts), n_features) for s, e in spans]


@lru_cache(maxsize=4)
def tokenized(text: str) -> Tokens:
    """:func:`tokenize`, kept for the last few texts: the propaganda check detects on the
    article's text and then classifies its charged phrases on the page's text, which are
    the same string when the page is all article (nobody changes a ``Tokens``)."""
    return tokenize(text)


def _max_prob(toks: Tokens, probs: np.ndarray, start: int, end: int) -> float:
    i0 = int(np.searchsorted(toks.ends, start, side="right"))
    i1 = int(np.searchsorted(toks.starts, end, side="left"))
    return float(probs[i0:i1].max()) if i1 > i0 else 0.0


def read_model(directory: Traversable | Path | None = None) -> PropagandaModel:
    """The model in ``directory`` (a fresh build), or the shipped one; raise ModelError
    naming what is wrong."""
    artifact = read_artifact(SPEC, directory)
    card, arrays, source = artifact.card, artifact.arrays, artifact.source
    with building(SPEC, source):
        dec = card["decoding"]
        model = PropagandaModel(
            si_coef=np.asarray(arrays["si_coef"], dtype=np.float32).ravel(),
            si_bias=float(np.asarray(arrays["si_bias"]).ravel()[0]),
            tc_coef=np.asarray(arrays["tc_coef"], dtype=np.float32),
            tc_bias=np.asarray(arrays["tc_bias"], dtype=np.float64).ravel(),
            ph_coef=np.asarray(arrays["ph_coef"], dtype=np.float32).ravel(),
            ph_bias=float(np.asarray(arrays["ph_bias"]).ravel()[0]),
            phrase_threshold=float(card["phrase"]["threshold"]),
            techniques=tuple(card["techniques"]),
            low=float(dec["low"]),
            high=float(dec["high"]),
            gap=int(dec["gap"]),
            min_chars=int(dec["min_chars"]),
            card=card,
        )
        n_si, n_tc = int(card["n_si"]), int(card["n_tc"])
    if model.si_coef.shape[0] != n_si or model.tc_coef.shape != (len(model.techniques), n_tc):
        raise ModelError("propaganda model's weights do not match its card", source=source)
    if model.tc_bias.shape[0] != len(model.techniques) or model.ph_coef.shape[0] != n_tc:
        raise ModelError("propaganda model's technique biases do not match its card", source=source)
    if not all_finite(model.si_coef, model.tc_coef):
        raise ModelError("propaganda model has non-finite weights", source=source)
    return model


@lru_cache(maxsize=1)
def load_model() -> PropagandaModel:
    """The shipped model, read once per process."""
    return read_model()


def detect(text: str, *, phrases: Phrases = ()) -> list[TechniqueSpan]:
    """Propaganda spans in ``text`` with their most likely technique, in text order.

    Callers restrict the analysis to part of a page by passing that part (offsets are then
    relative to it), or by blanking the rest. Spans never cross a line break. ``phrases``
    (e.g. noun chunks from a parse) are also judged one by one by the phrase model, which
    catches word-level techniques (name calling, slogans, ...) with tight offsets; the
    result may then hold overlapping spans (a phrase inside a longer span). ``phrases`` may
    also be a function that, given the offsets of the tokens worth a look (token
    probability >= PHRASE_MIN_TOKEN_PROB), returns the phrases around them, so a caller
    only builds chunks where they can matter.
    """
    return load_model().detect(text, phrases)
