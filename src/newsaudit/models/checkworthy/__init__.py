"""Check-worthiness: how much a sentence looks like a factual claim worth checking.

A logistic regression over hashed word n-grams and cue features
(:mod:`newsaudit.models._text_features`), trained on ClaimBuster. Only its weights ship
(``checkworthy.npz``, float32) with a card (``checkworthy.card.json``) that records the
featuriser parameters, the training data and the cross-validated scores. The claims
stage calls :func:`score_sentences`.
"""

from newsaudit.models.checkworthy.runtime import (
    CheckworthyModel,
    load_model,
    read_model,
    score_sentences,
)

__all__ = ["CheckworthyModel", "load_model", "read_model", "score_sentences"]
