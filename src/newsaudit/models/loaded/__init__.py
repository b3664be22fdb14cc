"""Loaded language: which words of a sentence carry the writer's judgement rather than a report.

Two linear models work together, both shipped in ``loaded.npz`` with a card
(``loaded.card.json``) that records the featurisers, the data and the scores:

* a **token tagger**: logistic regression over hashed features of each word (the word, a
  suffix-stripped form, its last letters, its shape) and of its neighbours (the words
  either side and the two bigrams). It is trained on the union of the BABE biased words,
  the BASIL lexical-bias spans and the PTC ``Loaded_Language`` spans, so it learns words
  from labelled news text rather than from a fixed list, and context separates "a
  *devastating* report" from "a devastating earthquake" as far as the data allows;
* a **sentence gate**: logistic regression over hashed word n-grams trained on BABE's
  sentence-level bias labels (the package's one hashing featuriser,
  :mod:`newsaudit.models._text_features`). A word inside a sentence that reads as
  neutral newswire needs more evidence to be called loaded.

A word's final logit is ``token_logit + gate_weight * sentence_logit``; adjacent words over
the threshold make one span. Both weights and the threshold were chosen on a validation
split carved from the training data (see :mod:`newsaudit.models.loaded.train`).

Speed: the part of a word's score that depends on the word alone is cached per word, and
the context and the sentence gate are only computed for sentences holding a candidate word
(a word whose cached score can still reach the threshold), so a page costs a few dict
look-ups per word.
"""

from newsaudit.models.loaded.features import stem, tokenize
from newsaudit.models.loaded.runtime import (
    LoadedModel,
    LoadedSpan,
    group_spans,
    load_model,
    read_model,
    tag_sentence,
)

__all__ = [
    "LoadedModel",
    "LoadedSpan",
    "group_spans",
    "load_model",
    "read_model",
    "stem",
    "tag_sentence",
    "tokenize",
]
