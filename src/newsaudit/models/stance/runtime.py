"""The stance model at run time: reading its artifact and the forward pass of its network."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import numpy as np

from newsaudit.errors import ModelError
from newsaudit.models._artifact import ArtifactSpec, building, read_artifact
from newsaudit.models.stance.features import FEATURISER_VERSION, Body, Featuriser, tokens

__all__ = [
    "LABELS",
    "SPEC",
    "StanceModel",
    "StancePrediction",
    "load_model",
    "predict_many",
    "predict_stance",
    "read_model",
]

LABELS: tuple[str, ...] = ("agree", "disagree", "discuss", "unrelated")
#: The runtime reads the params file (vocabulary, IDF, word lists) as the artifact's card;
#: stance.card.json documents the model and is written beside it by the trainer.
SPEC = ArtifactSpec(
    name="stance",
    what="stance",
    arrays="stance.npz",
    card="stance.params.json",
    formats={"featuriser": FEATURISER_VERSION},
)
ARTIFACT = SPEC.arrays
PARAMS = SPEC.card
CARD = "stance.card.json"
LEXICON = "stance.lexicon.json"


@dataclass(frozen=True)
class StancePrediction:
    """One pair's verdict; ``probs`` maps every label in ``LABELS`` to its probability."""

    label: str
    probs: dict[str, float]


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
        bodies: dict[str, Body] = {}
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


def read_model(directory: Traversable | Path | None = None) -> StanceModel:
    """The model in ``directory`` (a fresh build), or the shipped one."""
    artifact = read_artifact(SPEC, directory)
    with building(SPEC, artifact.source):
        return StanceModel(artifact.card, artifact.arrays)


@lru_cache(maxsize=1)
def load_model() -> StanceModel:
    """The shipped model, read once per process; any defect becomes a ``ModelError``."""
    return read_model()


def predict_stance(headline: str, body: str) -> StancePrediction:
    """The stance of ``body`` towards ``headline``: agree, disagree, discuss or unrelated."""
    return load_model().predict([(headline, body)])[0]


def predict_many(pairs: Iterable[tuple[str, str]]) -> list[StancePrediction]:
    """Batch form of ``predict_stance``; pairs sharing a body reuse its features."""
    return load_model().predict(list(pairs))
