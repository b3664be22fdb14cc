"""The toxicity model at run time: reading its artifact, scoring comments, and naming the
words that pushed a score up."""

from __future__ import annotations

import math
import re
import zlib
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
from newsaudit.models.toxicity.features import normalise
from newsaudit.models.toxicity.patterns import not_evidence

__all__ = ["SPEC", "ToxicityModel", "load_model", "read_model"]

SPEC = ArtifactSpec(
    name="toxicity",
    what="toxicity",
    arrays="toxicity.npz",
    card="toxicity.card.json",
    formats={"vectoriser.featuriser": FEATURISER_VERSION},
)
ARTIFACT = SPEC.arrays
CARD = SPEC.card

# The shared featuriser's unigram: the unit whose weight names model evidence.
_UNIGRAM = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")


@dataclass
class ToxicityModel:
    params: FeatureParams
    coef: np.ndarray
    intercept: float
    threshold: float
    card: dict[str, Any]
    #: The stricter operating point from which a comment is flagged on the model alone
    #: (``threshold`` is the classifier's, scored on the tweets).
    comment_threshold: float = 0.0

    def __post_init__(self) -> None:
        self.comment_threshold = max(self.comment_threshold, self.threshold)

    def score(self, texts: Sequence[str]) -> list[float]:
        """Probability, per text, that it is abusive (hate speech or offensive language)."""
        if not texts:
            return []
        sums = linear_logits([normalise(t) for t in texts], self.params, self.coef,
                             self.intercept)
        return [1.0 / (1.0 + math.exp(-float(s))) for s in sums]

    def top_words(self, text: str, *, k: int = 3, floor: float = 1.0,
                  share: float = 0.25) -> list[tuple[int, int, str]]:
        """Words of ``text`` whose own weight pushes the score up most (evidence for the model):
        at most ``k``, each weighing at least ``floor`` and ``share`` of the heaviest one.

        Function words are skipped (spaCy's English stop words and ``not_evidence``): the
        tweets make "you", "him" or "these" weigh up, but a reader shown them as evidence
        would learn nothing."""
        n = self.params.n_features
        skip = _skipped()
        scored: list[tuple[float, int, int, str]] = []
        for m in _UNIGRAM.finditer(text):
            low = m.group().lower().replace("\u2019", "'")
            if len(low) < 3 or low in skip:
                continue
            w = float(self.coef[zlib.crc32(low.encode("utf-8")) % n])
            if w >= floor:
                scored.append((w, m.start(), m.end(), m.group()))
        scored.sort(key=lambda t: -t[0])
        if scored:
            scored = [t for t in scored if t[0] >= share * scored[0][0]]
        return sorted((s, e, w) for _, s, e, w in scored[:k])


@lru_cache(maxsize=1)
def _skipped() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return not_evidence() | frozenset(w.replace("\u2019", "'") for w in STOP_WORDS)


def model_from_arrays(arrays: Any, card: dict[str, Any], *, source: str) -> ToxicityModel:
    """Check an artifact's arrays against its card; raise ModelError naming what is wrong."""
    with building(SPEC, source):
        params = FeatureParams.from_json(card["vectoriser"])
        model = ToxicityModel(
            params=params,
            coef=np.asarray(arrays["coef"], dtype=np.float32).ravel(),
            intercept=float(np.asarray(arrays["intercept"]).ravel()[0]),
            threshold=float(card["runtime"]["threshold"]),
            card=card,
            comment_threshold=float(card["runtime"].get("comment_threshold", 0.0)),
        )
    if model.coef.shape[0] != params.n_features:
        raise ModelError(f"toxicity model has {model.coef.shape[0]} weights, card says "
                         f"{params.n_features}", source=source)
    if not all_finite(model.coef, model.intercept):
        raise ModelError("toxicity model has non-finite weights", source=source)
    return model


def read_model(directory: Traversable | Path | None = None) -> ToxicityModel:
    """The model in ``directory`` (a fresh build), or the shipped one."""
    artifact = read_artifact(SPEC, directory)
    return model_from_arrays(artifact.arrays, artifact.card, source=artifact.source)


@lru_cache(maxsize=1)
def load_model() -> ToxicityModel:
    """The shipped model, read once per process."""
    return read_model()
