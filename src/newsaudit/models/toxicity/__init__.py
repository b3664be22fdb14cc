"""Toxic reader comments: a trained abuse score plus patterns of dehumanising language.

Two sources of evidence, reported together so an editor sees which fired:

* a **model**: logistic regression over hashed word and character n-grams (the package's
  one hashing featuriser, :mod:`newsaudit.models._text_features`), trained on Davidson et
  al. (2017) tweets: hate speech and offensive language against "neither" (see
  ``newsaudit.models.toxicity.train`` for the mapping and why). Weights ship in
  ``toxicity.npz`` with a card;
* **patterns** (``data/toxicity.json``): how abuse reads under news stories, which the
  tweets barely cover: a group called animals or vermin, "not human", a group's name in
  scare quotes, insults such as "frauds" aimed at a group, calls for killing or expulsion,
  and a short list of slurs.

The model's evidence is the words that pushed its score up most (their unigram weights),
so a finding always points at words inside the comment.
"""

from newsaudit.models.toxicity.patterns import Hit, find_patterns
from newsaudit.models.toxicity.runtime import ToxicityModel, load_model, read_model

__all__ = ["Hit", "ToxicityModel", "find_patterns", "load_model", "read_model"]
