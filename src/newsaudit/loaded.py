"""Loaded language: which words of a sentence carry the writer's judgement rather than a report.

Two linear models work together, both shipped in ``data/loaded.npz`` with a card
(``data/loaded.card.json``) that records the featurisers, the data and the scores:

* a **token tagger**: logistic regression over hashed features of each word (the word, a
  suffix-stripped form, its last letters, its shape) and of its neighbours (the words
  either side and the two bigrams). It is trained on the union of the BABE biased words,
  the BASIL lexical-bias spans and the PTC ``Loaded_Language`` spans, so it learns words
  from labelled news text rather than from a fixed list, and context separates "a
  *devastating* report" from "a devastating earthquake" as far as the data allows;
* a **sentence gate**: logistic regression over hashed word n-grams trained on BABE's
  sentence-level bias labels (the check-worthiness featuriser, reused so there is one
  hashing scheme in the package). A word inside a sentence that reads as neutral
  newswire needs more evidence to be called loaded.

A word's final logit is ``token_logit + gate_weight * sentence_logit``; adjacent words over
the threshold make one span. Both weights and the threshold were chosen on a validation
split carved from the training data (see ``newsaudit.training.loaded``).

Speed: the part of a word's score that depends on the word alone is cached per word, and
the context and the sentence gate are only computed for sentences holding a candidate word
(a word whose cached score can still reach the threshold), so a page costs a few dict
look-ups per word.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import zlib
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import numpy as np

from newsaudit.artifacts import read_arrays
from newsaudit.errors import ModelError
from newsaudit.models._text_features import FeatureParams, featurise

__all__ = [
    "TOKEN_FEATURISER",
    "LoadedModel",
    "LoadedSpan",
    "context_terms",
    "group_spans",
    "lexicon",
    "load_model",
    "read_model",
    "stem",
    "token_terms",
    "tokenize",
    "unary_terms",
]

TOKEN_FEATURISER = "newsaudit-loaded-token-v2"
ARTIFACT = "loaded.npz"
CARD = "loaded.card.json"

# A word: letters, with inner apostrophes or hyphens ("so-called", "US-backed", "lyin'").
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019\-][^\W\d_]+)*")
# Suffixes stripped (longest first) to give a lemma-ish form shared by "smear/smeared/
# smearing" and "aggressive/aggressively"; a stem keeps at least three letters.
_SUFFIXES = ("ically", "ingly", "edly", "ness", "ment", "ing", "ies", "ied", "ly", "ed",
             "es", "s")


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """Words of ``text`` as ``(start, end, word)``; the same split at training and run time."""
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


@lru_cache(maxsize=65536)
def stem(low: str) -> str:
    """Strip one inflectional or derivational suffix (crude on purpose: it only has to be
    consistent, not linguistically right)."""
    low = low.replace("\u2019", "'")
    for suf in _SUFFIXES:
        if low.endswith(suf) and len(low) - len(suf) >= 3:
            return low[: -len(suf)]
    return low


@lru_cache(maxsize=1)
def lexicon() -> dict[str, str]:
    """Word (and stem) -> kind of loaded word, from ``data/loaded.json``'s ``reasons``.

    The kinds are features of the tagger, not verdicts: training learns from the labelled
    data how far each kind is to be trusted, and the card pins the lexicon's digest so a
    model is never read with a lexicon it was not trained with."""
    from newsaudit.datafiles import load_json

    out: dict[str, str] = {}
    for kind, entry in load_json("loaded.json")["reasons"].items():
        for word in entry["words"]:
            out.setdefault(word, kind)
            out.setdefault(stem(word), kind)
    return out


def lexicon_digest() -> str:
    items = sorted(lexicon().items())
    return hashlib.sha256(json.dumps(items).encode("utf-8")).hexdigest()[:16]


def _shape(word: str, first: bool) -> str:
    if word.isupper() and len(word) > 1:
        return "A"
    if word[0].isupper():
        return "C0" if first else "C"
    return "a"


def unary_terms(word: str, first: bool) -> list[str]:
    """Features of the word itself (cached per word at run time)."""
    low = word.lower()
    terms = ["w:" + low, "s:" + stem(low), "x3:" + low[-3:], "sh:" + _shape(word, first),
             "len:" + str(min(len(low) // 3, 4))]
    if len(low) > 5:
        terms.append("x4:" + low[-4:])
    if "-" in low:
        terms.append("hy")
    lex = lexicon()
    kind = lex.get(low) or lex.get(stem(low))
    if kind:
        terms.append("lex:" + kind)
    return terms


def context_terms(prev: str, low: str, nxt: str) -> list[str]:
    """Features of the word's neighbours (lowercased; ``<s>``/``</s>`` at the edges)."""
    return ["p:" + prev, "n:" + nxt, "pw:" + prev + " " + low, "wn:" + low + " " + nxt]


def token_terms(words: Sequence[str], i: int) -> list[str]:
    """All features of word ``i`` of a sentence: what training hashes for every word."""
    low = words[i].lower()
    prev = words[i - 1].lower() if i > 0 else "<s>"
    nxt = words[i + 1].lower() if i + 1 < len(words) else "</s>"
    return unary_terms(words[i], i == 0) + context_terms(prev, low, nxt)


def hash_terms(terms: Sequence[str], n_features: int) -> list[int]:
    crc = zlib.crc32
    return [crc(t.encode("utf-8")) % n_features for t in terms]


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
        if not texts:
            return []
        indices, indptr, data = featurise(texts, self.sent_params)
        weighted = self.sent_coef[indices].astype(np.float64) * data
        sums = np.add.reduceat(weighted, indptr[:-1]) if len(weighted) else np.zeros(len(texts))
        sums = np.where(np.diff(indptr) > 0, sums, 0.0) + self.sent_intercept
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
    try:
        tok = card["token_featuriser"]
        if tok.get("featuriser") != TOKEN_FEATURISER:
            raise ValueError(f"token featuriser {tok.get('featuriser')!r} != {TOKEN_FEATURISER!r}")
        n_tok = int(tok["n_features"])
        if tok.get("lexicon") != lexicon_digest():
            raise ValueError("data/loaded.json 'reasons' changed since the model was trained "
                             "(lexicon digest differs); retrain with "
                             "`python -m newsaudit.training.loaded`")
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
    except (KeyError, ValueError, TypeError, IndexError) as exc:
        raise ModelError(f"loaded-language model is corrupt: {type(exc).__name__}: {exc}",
                         source=source) from exc
    if model.token_coef.shape[0] != n_tok or model.sent_coef.shape[0] != sent_params.n_features:
        raise ModelError("loaded-language model weights do not match its card", source=source)
    if not (np.all(np.isfinite(model.token_coef)) and np.all(np.isfinite(model.sent_coef))):
        raise ModelError("loaded-language model has non-finite weights", source=source)
    if not 0.0 < model.threshold < 1.0:
        raise ModelError("loaded-language threshold must be in (0, 1)", source=source)
    return model


def read_model(directory: Traversable | Path) -> LoadedModel:
    """Read ``loaded.npz`` + its card from a directory (the package's, or a fresh build)."""
    source = str(Path(str(directory)) / ARTIFACT)
    card, arrays = read_arrays(
        directory, ARTIFACT, CARD, what="loaded-language", trainer="newsaudit.training.loaded"
    )
    return model_from_arrays(arrays, card, source=source)


@lru_cache(maxsize=1)
def load_model() -> LoadedModel:
    """The packaged model, read once per process."""
    return read_model(resources.files("newsaudit.data"))


@lru_cache(maxsize=512)
def tag_sentence(text: str, threshold: float) -> tuple[LoadedSpan, ...]:
    """The packaged model's spans for one sentence, memoised: the loaded-language and
    propaganda checks both read the same sentences of a page."""
    return tuple(load_model().tag(text, threshold=threshold))
