"""The layout model: which kind of page part each line of a plain-text page is.

A linear model (multinomial logistic regression over hashed line features, see
:mod:`.features`) scores every line; a Viterbi pass over those scores and the learned
transition weights between kinds picks the most likely sequence (:mod:`.runtime`).
Trained by :mod:`.train` on the corpus of :mod:`.corpus` (hand-written pages, the
project's fixtures, and HTML pages labelled from their markup by :mod:`.gold` and laid out
as scraped text by :mod:`.render`); scored on held-back pages by :mod:`.evaluate`
(``newsaudit eval anatomy``).
"""

from newsaudit.models.layout.runtime import (
    SPEC,
    TAGS,
    LayoutModel,
    hash_features,
    load_model,
    read_model,
    tag_kind,
)

__all__ = ["SPEC", "TAGS", "LayoutModel", "hash_features", "load_model", "read_model",
           "tag_kind"]
