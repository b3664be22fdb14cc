"""Propaganda techniques in running text: which stretches use one, and which one.

Three linear models trained on the SemEval-2020 Task 11 corpus (PTC) ship as one artifact
(``propaganda.npz`` float32 + ``propaganda.card.json``):

* **spans** (the task's SI): a per-token logistic regression says whether a token lies
  inside a propaganda span; runs of likely tokens, with short gaps bridged, become spans.
  The two thresholds (hysteresis), gap and minimum length were tuned for the official SI
  F1 on held-out *training* articles (never on dev); the card records them.
* **techniques** (the task's TC): a 14-way multinomial logistic regression over the span,
  its sentence and a few cues (how often the span recurs in the text, quotes, "!", length).
* **phrases**: a binary logistic regression over the same span features says whether a
  candidate phrase (a noun chunk the caller passes) is on its own a span of a word-level
  technique (name calling, loaded language, exaggeration, slogans, repetition). The token
  model smears such words over whole sentences; the phrase model gives them tight
  evidence. It is not part of the task's scoring, which has no parse to draw chunks from.

The tokeniser and featurisers live in :mod:`newsaudit.models.propaganda.features`, which
training imports too, so both see the same features; :mod:`.runtime` holds the trained
model: reading it, decoding spans and labelling them.
"""

from newsaudit.models.propaganda.runtime import (
    PHRASE_TECHNIQUES,
    TECHNIQUES,
    PropagandaModel,
    TechniqueSpan,
    detect,
    load_model,
    read_model,
)

__all__ = [
    "PHRASE_TECHNIQUES",
    "TECHNIQUES",
    "PropagandaModel",
    "TechniqueSpan",
    "detect",
    "load_model",
    "read_model",
]
