"""The hashed n-gram featuriser that check-worthiness, the loaded-language sentence gate
and toxicity share, and the linear scoring of its rows.

Why a hand-rolled hashing featuriser rather than scikit-learn's ``HashingVectorizer``:
scikit-learn is not a runtime dependency of newsaudit and importing it costs ~0.8 s. The
featuriser here keeps the same contract (stateless, fixed ``n_features``, no sign
alternation, l2-normalised rows) but hashes with ``zlib.crc32``, which is in the standard
library, deterministic across processes and platforms, and runs in C. Training imports
this very function, so the features seen at training and at run time cannot drift apart.
Scoring needs nothing but numpy: a row's logit is the sum of its weights times the row norm.
Changing anything here changes every model that uses it: bump FEATURISER_VERSION and retrain
them all.
"""

from __future__ import annotations

import math
import re
import zlib
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = ["FEATURISER_VERSION", "FeatureParams", "featurise", "linear_logits"]

FEATURISER_VERSION = "newsaudit-crc32-v1"

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
# Words (with an inner apostrophe), numbers (with inner separators), and the few symbols
# that carry meaning for claims: percent, currency, question mark.
_TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?|\d+(?:[.,:]\d+)*|[%$€£?]")
_CAPWORD = re.compile(r"\b[A-Z][a-z]+")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_DIGIT = re.compile(r"\d")

_LEN_BOUNDS = (5, 10, 20, 40)  # token-count buckets: fragments, short, typical, long, rambling


@dataclass(frozen=True)
class FeatureParams:
    """The featuriser's knobs; recorded in the card so a model is only read with its own.

    The cue word lists travel in the card too (training supplies them), so the lexicon a
    model was fitted with is the one it is scored with.
    """

    n_features: int = 2**18
    word_ngrams: tuple[int, int] = (1, 2)
    char_ngrams: tuple[int, int] | None = None
    number_shapes: bool = True
    cues: bool = True
    number_words: frozenset[str] = frozenset()
    comparatives: frozenset[str] = frozenset()

    def to_json(self) -> dict[str, Any]:
        return {
            "featuriser": FEATURISER_VERSION,
            "n_features": self.n_features,
            "word_ngrams": list(self.word_ngrams),
            "char_ngrams": list(self.char_ngrams) if self.char_ngrams else None,
            "number_shapes": self.number_shapes,
            "cues": self.cues,
            "number_words": sorted(self.number_words),
            "comparatives": sorted(self.comparatives),
            "alternate_sign": False,
            "norm": "l2",
            "lowercase": True,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FeatureParams:
        if data.get("featuriser") != FEATURISER_VERSION:
            raise ValueError(f"featuriser {data.get('featuriser')!r} != {FEATURISER_VERSION!r}")
        char = data.get("char_ngrams")
        return cls(
            n_features=int(data["n_features"]),
            word_ngrams=(int(data["word_ngrams"][0]), int(data["word_ngrams"][1])),
            char_ngrams=(int(char[0]), int(char[1])) if char else None,
            number_shapes=bool(data["number_shapes"]),
            cues=bool(data["cues"]),
            number_words=frozenset(data.get("number_words", ())),
            comparatives=frozenset(data.get("comparatives", ())),
        )


def _number_shape(tok: str) -> str:
    if len(tok) == 4 and _YEAR.fullmatch(tok):
        return "<year>"
    return "<num>" if tok.isdigit() else "<num.>"


def _terms(text: str, params: FeatureParams) -> list[str]:
    """The string features of one sentence, before hashing."""
    raw = text.translate(_QUOTES)
    toks = _TOKEN.findall(raw.lower())
    has_digit = _DIGIT.search(raw) is not None
    if params.number_shapes and has_digit:
        toks = [_number_shape(t) if t[0].isdigit() else t for t in toks]
    terms: list[str] = []
    lo, hi = params.word_ngrams
    n = len(toks)
    for size in range(lo, hi + 1):
        if size == 1:
            terms.extend(toks)
        else:
            terms.extend(" ".join(toks[i : i + size]) for i in range(n - size + 1))
    if params.char_ngrams:
        clo, chi = params.char_ngrams
        for tok in toks:
            w = f" {tok} "
            for size in range(clo, chi + 1):
                terms.extend("\x01" + w[i : i + size] for i in range(len(w) - size + 1))
    if params.cues:
        terms.extend(_cues(raw, toks, has_digit, params))
    return terms


def _cues(raw: str, toks: list[str], has_digit: bool, params: FeatureParams) -> list[str]:
    """Hand-made signals that generalise past the training vocabulary, one hashed feature
    each, prefixed with NUL so they never collide with a word."""
    vocab = set(toks)
    n = len(toks)
    # Capitalised words past the first hint at names, places and institutions.
    caps = len(_CAPWORD.findall(raw)) - (1 if raw.lstrip()[:1].isupper() else 0)
    out = [
        f"\x00caps{min(max(caps, 0), 3)}",
        f"\x00len{bisect_right(_LEN_BOUNDS, n)}",
    ]
    if has_digit:
        out.append("\x00digit")
    if "%" in vocab or "percent" in vocab or "cent" in vocab:
        out.append("\x00pct")
    if "$" in vocab or "€" in vocab or "£" in vocab or "dollars" in vocab:
        out.append("\x00money")
    if not vocab.isdisjoint(params.number_words):
        out.append("\x00numword")
    if not vocab.isdisjoint(params.comparatives) or any(
        len(t) > 5 and t[-3:] == "est" for t in vocab
    ):
        out.append("\x00compare")
    if "?" in vocab:
        out.append("\x00question")
    return out


def featurise(
    texts: Sequence[str], params: FeatureParams
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Hash sentences into CSR parts ``(indices, indptr, data)``: binary, l2-normalised rows.

    Returned as plain arrays so scoring needs no scipy; training wraps them in a
    ``scipy.sparse.csr_matrix`` of shape ``(len(texts), params.n_features)``.
    """
    mod = params.n_features
    crc = zlib.crc32
    indices: list[int] = []
    indptr = [0]
    data: list[float] = []
    for text in texts:
        cols = {crc(t.encode("utf-8")) % mod for t in _terms(text, params)}
        indices.extend(cols)
        indptr.append(len(indices))
        if cols:
            data.extend([1.0 / math.sqrt(len(cols))] * len(cols))
    return (
        np.asarray(indices, dtype=np.int64),
        np.asarray(indptr, dtype=np.int64),
        np.asarray(data, dtype=np.float64),
    )


def linear_logits(
    texts: Sequence[str], params: FeatureParams, coef: np.ndarray, intercept: float
) -> np.ndarray:
    """``coef . row + intercept`` for the featurised row of each text (float64).

    A text with no features scores the intercept alone (``reduceat`` would otherwise
    repeat the next row's sum for it, or fail on a trailing empty row).
    """
    if not texts:
        return np.zeros(0)
    indices, indptr, data = featurise(texts, params)
    weighted = coef[indices].astype(np.float64) * data
    starts = indptr[:-1]
    if not len(weighted):
        sums = np.zeros(len(texts))
    else:
        if starts[-1] >= len(weighted):
            weighted = np.append(weighted, 0.0)
        sums = np.add.reduceat(weighted, starts)
    return np.where(np.diff(indptr) > 0, sums, 0.0) + intercept
