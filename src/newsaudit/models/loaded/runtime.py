"""The loaded-language tagger at run time: reading its artifact, scoring the words of a
sentence and grouping the loaded ones into spans."""

from __future__ import annotations

import math
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import numpy as np

from newsaudit.errors import ModelError
from newsaudit.models._artifact import ArtifactSpec, all_finite, building, read_artifact
from newsaudit.models._text_features import FEATURISER_VERSION, FeatureParams, linear_logits
from newsaudit.models.loaded.features import (
    TOKEN_FEATURISER,
    context_terms,
    hash_terms,
    lexicon_digest,
    tokenize,
    unary_terms,
)

__all__ = [
    "SPEC",
    "LoadedModel",
    "LoadedSpan",
    "group_spans",
    "load_model",
    "read_model",
    "tag_sentence",
]

SPEC = ArtifactSpec(
    name="loaded",
    what="loaded-language",
    arrays="loaded.npz",
    card="loaded.card.json",
    formats={"token_featuriser.featuriser": TOKEN_FEATURISER,
             "sentence_featuriser.featuriser": FEATURISER_VERSION},
)
ARTIFACT = SPEC.arrays
CARD = SPEC.card


@dataclass(frozen=True, slots=True)
class LoadedSpan:
    """Adjacent loaded words of one sentence; offsets are into the text given to ``tag``."""

    start: int
    end: int
    text: str
    score: float
    words: tuple[str, ...]


@dataclass
class LoadedModel:
    """Token tagger + sentence gate, with the recipe constants they were tuned with."""

    token_coef: np.ndarray
    token_intercept: float
    n_token_features: int
    sent_params: FeatureParams
    sent_coef: np.ndarray
    sent_intercept: float
    gate_weight: float
    threshold: float
    candidate_floor: float
    card: dict[str, Any]
    floor_threshold: float = 0.0

    def __post_init__(self) -> None:
        self._unary: dict[tuple[str, bool], float] = {}
        # array.array indexing yields Python floats ~10x faster than numpy fancy indexing
        # for the four look-ups of a word's context, at 4 bytes per weight.
        self._coef = array("f", self.token_coef.astype(np.float32).tobytes())
        self._logit_threshold = math.log(self.threshold / (1.0 - self.threshold))

    def unary_logit(self, word: str, first: bool) -> float:
        key = (word, first)
        got = self._unary.get(key)
        if got is None:
            coef = self._coef
            got = sum(coef[c] for c in hash_terms(unary_terms(word, first),
                                                  self.n_token_features)) + self.token_intercept
            if len(self._unary) < 200_000:
                self._unary[key] = got
        return got

    def context_logit(self, prev: str, low: str, nxt: str) -> float:
        coef = self._coef
        return sum(coef[c] for c in hash_terms(context_terms(prev, low, nxt),
                                               self.n_token_features))

    def sentence_logits(self, texts: Sequence[str]) -> list[float]:
        """The sentence gate's logit per text (>= 0: the sentence reads as biased)."""
        sums = linear_logits(texts, self.sent_params, self.sent_coef, self.sent_intercept)
        return [float(s) for s in sums]

    def word_scores(self, text: str, *, full: bool = False) -> tuple[
        list[tuple[int, int, str]], list[float]
    ]:
        """Probability per word that it is loaded; words that cannot reach
        ``floor_threshold`` get their context-free score unless ``full`` (evaluation wants
        every score)."""
        toks = tokenize(text)
        if not toks:
            return toks, []
        words = [t[2] for t in toks]
        unary = [self.unary_logit(w, i == 0) for i, w in enumerate(words)]
        # candidate_floor is calibrated in training: the context-free logit below which
        # (almost) no word reaches the threshold once context and gate are added.
        floor = self.candidate_floor
        cand = [i for i, u in enumerate(unary) if full or u >= floor]
        logits = list(unary)
        if cand:
            sent = self.sentence_logits([text])[0] * self.gate_weight
            lows = [w.lower() for w in words]
            n = len(words)
            for i in cand:
                prev = lows[i - 1] if i > 0 else "<s>"
                nxt = lows[i + 1] if i + 1 < n else "</s>"
                logits[i] = unary[i] + self.context_logit(prev, lows[i], nxt) + sent
        return toks, [1.0 / (1.0 + math.exp(-max(min(x, 30.0), -30.0))) for x in logits]

    def tag(self, text: str, *, threshold: float | None = None) -> list[LoadedSpan]:
        """Spans of adjacent words scored over the threshold."""
        cut = self.threshold if threshold is None else threshold
        toks, probs = self.word_scores(text, full=cut < self.floor_threshold)
        return group_spans(text, toks, probs, cut)


def group_spans(text: str, toks: Sequence[tuple[int, int, str]], probs: Sequence[float],
                cut: float) -> list[LoadedSpan]:
    """Words over ``cut`` separated only by spaces become one span ("Western propaganda")."""
    spans: list[LoadedSpan] = []
    run: list[int] = []

    def close() -> None:
        if run:
            s, e = toks[run[0]][0], toks[run[-1]][1]
            spans.append(LoadedSpan(s, e, text[s:e], max(probs[j] for j in run),
                                    tuple(toks[j][2] for j in run)))
            run.clear()

    for i, p in enumerate(probs):
        if p < cut:
            close()
            continue
        if run and text[toks[run[-1]][1]:toks[i][0]].strip(" ") != "":
            close()
        run.append(i)
    close()
    return spans


def model_from_arrays(arrays: Any, card: dict[str, Any], *, source: str) -> LoadedModel:
    """Check an artifact's arrays against its card; raise ModelError naming what is wrong."""
    with building(SPEC, source):
        tok = card["token_featuriser"]
        n_tok = int(tok["n_features"])
        if tok.get("lexicon") != lexicon_digest():
            raise ValueError("data/loaded.json 'reasons' changed since the model was trained "
                             f"(lexicon digest differs); retrain with {SPEC.rebuild}")
        sent_params = FeatureParams.from_json(card["sentence_featuriser"])
        recipe = card["runtime"]
        model = LoadedModel(
            token_coef=np.asarray(arrays["token_coef"], dtype=np.float32).ravel(),
            token_intercept=float(np.asarray(arrays["token_intercept"]).ravel()[0]),
            n_token_features=n_tok,
            sent_params=sent_params,
            sent_coef=np.asarray(arrays["sent_coef"], dtype=np.float32).ravel(),
            sent_intercept=float(np.asarray(arrays["sent_intercept"]).ravel()[0]),
            gate_weight=float(recipe["gate_weight"]),
            threshold=float(recipe["threshold"]),
            candidate_floor=float(recipe["candidate_floor"]),
            floor_threshold=float(recipe["candidate_floor_threshold"]),
            card=card,
        )
    if model.token_coef.shape[0] != n_tok or model.sent_coef.shape[0] != sent_params.n_features:
        raise ModelError("loaded-language model weights do not match its card", source=source)
    if not all_finite(model.token_coef, model.sent_coef):
        raise ModelError("loaded-language model has non-finite weights", source=source)
    if not 0.0 < model.threshold < 1.0:
        raise ModelError("loaded-language threshold must be in (0, 1)", source=source)
    return model


def read_model(directory: Traversable | Path | None = None) -> LoadedModel:
    """The model in ``directory`` (a fresh build), or the shipped one."""
    artifact = read_artifact(SPEC, directory)
    return model_from_arrays(artifact.arrays, artifact.card, source=artifact.source)


@lru_cache(maxsize=1)
def load_model() -> LoadedModel:
    """The shipped model, read once per process."""
    return read_model()


@lru_cache(maxsize=512)
def tag_sentence(text: str, threshold: float) -> tuple[LoadedSpan, ...]:
    """The packaged model's spans for one sentence, memoised: the loaded-language and
    propaganda checks both read the same sentences of a page."""
    return tuple(load_model().tag(text, threshold=threshold))
