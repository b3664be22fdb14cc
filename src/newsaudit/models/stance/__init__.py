"""Headline-body stance: does the body agree with, disagree with, discuss, or ignore its headline?

The task and labels are those of FNC-1 (Fake News Challenge stage 1). The model follows the
UCL Machine Reading system (Riedel et al. 2017): l2-normalised term-frequency vectors of
headline and body over a fixed vocabulary feed a one-hidden-layer ReLU network. To the
term frequencies we add fifty hand-made pair features (TF-IDF cosine of headline and
body and of headline and best-matching body sentences, stemmed and bigram overlap, number
overlap, refuting/hedging/negation cue rates near the best-matching sentences), because
they carry the related/unrelated decision to claims the vocabulary has never seen.

Only arrays ship: ``stance.npz`` (network weights, float32, plus the feature scaling) and
``stance.params.json`` (vocabulary, IDF table, the word lists the features were trained
with). No pickle, no scikit-learn: the forward pass is three numpy products, and the
featuriser (:mod:`newsaudit.models.stance.features`) is the one the trainer calls, so
train-time and run-time features cannot drift apart. The card (``stance.card.json``)
records data, split, scores and versions; ``stance.lexicon.json`` holds the hand-written
word lists the trainer copies into the params.
"""

from newsaudit.models.stance.runtime import (
    LABELS,
    StanceModel,
    StancePrediction,
    load_model,
    predict_many,
    predict_stance,
    read_model,
)

__all__ = [
    "LABELS",
    "StanceModel",
    "StancePrediction",
    "load_model",
    "predict_many",
    "predict_stance",
    "read_model",
]
