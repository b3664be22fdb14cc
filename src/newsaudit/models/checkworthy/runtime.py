"""The check-worthiness model at run time: its weights, read from the artifact, and the
probability it gives a sentence."""

from __future__ import annotations

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

__all__ = ["SPEC", "CheckworthyModel", "load_model", "read_model", "score_sentences"]

SPEC = ArtifactSpec(
    name="checkworthy",
    what="check-worthiness",
    arrays="checkworthy.npz",
    card="checkworthy.card.json",
    formats={"vectoriser.featuriser": FEATURISER_VERSION},
)
ARTIFACT = SPEC.arrays
CARD = SPEC.card


@dataclass(frozen=True)
class CheckworthyModel:
    """Loaded weights plus the featuriser parameters they were trained with."""

    params: FeatureParams
    coef: np.ndarray
    intercept: float
    card: dict[str, Any]

    def score(self, texts: Sequence[str]) -> list[float]:
        """Probability, per text, that it is a check-worthy factual claim."""
        if not texts:
            return []
        logits = linear_logits(texts, self.params, self.coef, self.intercept)
        return (1.0 / (1.0 + np.exp(-logits))).tolist()


def model_from_arrays(arrays: Any, card: dict[str, Any], *, source: str) -> CheckworthyModel:
    """Check an artifact's arrays against its card; raise ModelError naming what is wrong."""
    with building(SPEC, source):
        params = FeatureParams.from_json(card["vectoriser"])
        coef = np.asarray(arrays["coef"], dtype=np.float32).ravel()
        intercept = float(np.asarray(arrays["intercept"]).ravel()[0])
    if coef.shape[0] != params.n_features:
        raise ModelError(
            f"check-worthiness model has {coef.shape[0]} weights, card says "
            f"{params.n_features}",
            source=source,
        )
    if not all_finite(coef, intercept):
        raise ModelError("check-worthiness model has non-finite weights", source=source)
    return CheckworthyModel(params=params, coef=coef, intercept=intercept, card=card)


def read_model(directory: Traversable | Path | None = None) -> CheckworthyModel:
    """The model in ``directory`` (a fresh build), or the shipped one."""
    artifact = read_artifact(SPEC, directory)
    return model_from_arrays(artifact.arrays, artifact.card, source=artifact.source)


@lru_cache(maxsize=1)
def load_model() -> CheckworthyModel:
    """The shipped model, read once per process."""
    return read_model()


def score_sentences(texts: Sequence[str]) -> list[float]:
    """Probability, per sentence, that it is a check-worthy factual claim (in [0, 1])."""
    return load_model().score(list(texts))
