"""Toxic reader comments: a trained abuse score plus patterns of dehumanising language.

Two sources of evidence, reported together so an editor sees which fired:

* a **model**: logistic regression over hashed word and character n-grams (the package's
  one hashing featuriser, :func:`newsaudit.models._text_features.featurise`), trained on Davidson et
  al. (2017) tweets: hate speech and offensive language against "neither" (see
  ``newsaudit.training.toxicity`` for the mapping and why). Weights ship in
  ``data/toxicity.npz`` with a card;
* **patterns** (``data/toxicity.json``): how abuse reads under news stories, which the
  tweets barely cover: a group called animals or vermin, "not human", a group's name in
  scare quotes, insults such as "frauds" aimed at a group, calls for killing or expulsion,
  and a short list of slurs.

The model's evidence is the words that pushed its score up most (their unigram weights),
so a finding always points at words inside the comment.
"""

from __future__ import annotations

import math
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import numpy as np

from newsaudit.artifacts import read_arrays
from newsaudit.datafiles import load_json
from newsaudit.errors import ModelError
from newsaudit.models._text_features import FeatureParams, featurise

__all__ = ["Hit", "ToxicityModel", "find_patterns", "load_model", "normalise", "read_model"]

ARTIFACT = "toxicity.npz"
CARD = "toxicity.card.json"

# Tweet furniture that news comments do not have; removed at training and run time alike.
_FURNITURE = re.compile(r"(?:\bRT\b:?|@\w+:?|https?://\S+|&amp;|&lt;|&gt;|&#\d+;)")
_WORD = re.compile(r"[^\W\d_]+(?:[-'\u2019][^\W\d_]+)*")
# The featuriser's unigram (checkworthy._TOKEN): the unit whose weight names model evidence.
_UNIGRAM = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")


def normalise(text: str) -> str:
    """The text as both training and scoring see it."""
    return " ".join(_FURNITURE.sub(" ", text).split())


@dataclass(frozen=True, slots=True)
class Hit:
    """One piece of evidence: ``kind`` is a key of ``reasons`` in toxicity.json."""

    kind: str
    start: int
    end: int
    text: str
    word: str


@lru_cache(maxsize=1)
def _patterns() -> dict[str, Any]:
    data = load_json("toxicity.json")

    def alt(words: Sequence[str]) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+")
                        for w in sorted(words, key=len, reverse=True))

    flags = re.IGNORECASE
    return {
        "dehumanising": re.compile(
            data["predicate"].replace("{nouns}", alt(data["dehumanising_nouns"])), flags),
        "not_human": re.compile(data["not_human"], flags),
        "violence": re.compile(data["violence"], flags),
        "expulsion": re.compile(data["expulsion"], flags),
        "scare_quote": re.compile(data["scare_quote"].replace("{groups}", alt(data["group_nouns"])),
                                  flags),
        "insults": frozenset(w.lower() for w in data["insults"]),
        "slurs": frozenset(w.lower() for w in data["slurs"]),
        "not_evidence": frozenset(w.lower() for w in data["not_evidence"]),
        "reasons": data["reasons"],
    }


def reasons() -> dict[str, str]:
    return dict(_patterns()["reasons"])


def find_patterns(text: str) -> list[Hit]:
    """Every pattern hit in ``text`` (offsets into ``text``), in order."""
    pats = _patterns()
    hits: list[Hit] = []
    for kind in ("violence", "expulsion", "dehumanising", "not_human", "scare_quote"):
        for m in pats[kind].finditer(text):
            if "noun" in m.groupdict() and m.group("noun"):
                s, e = m.span("noun")
                if kind == "scare_quote":
                    s, e = m.span()  # the marks are the offence
            else:
                s, e = m.span()
            hits.append(Hit(kind, s, e, text[s:e], m.group("noun") if "noun" in m.groupdict()
                            else text[s:e]))
    slurs, insults = pats["slurs"], pats["insults"]
    for m in _WORD.finditer(text):
        low = m.group().lower()
        parts = low.split("-") if "-" in low else (low,)
        if any(p in slurs for p in parts) or low in slurs:
            hits.append(Hit("slur", m.start(), m.end(), m.group(), m.group()))
        elif any(p in insults for p in parts) or low in insults:
            hits.append(Hit("insult", m.start(), m.end(), m.group(), m.group()))
    hits.sort(key=lambda h: (h.start, -h.end))
    # one hit per stretch of text: "are vermin" is dehumanising, not also an insult
    kept: list[Hit] = []
    for h in hits:
        if kept and h.start < kept[-1].end:
            continue
        kept.append(h)
    return kept


@dataclass
class ToxicityModel:
    params: FeatureParams
    coef: np.ndarray
    intercept: float
    threshold: float
    card: dict[str, Any]

    def score(self, texts: Sequence[str]) -> list[float]:
        if not texts:
            return []
        indices, indptr, data = featurise([normalise(t) for t in texts], self.params)
        weighted = self.coef[indices].astype(np.float64) * data
        sums = np.add.reduceat(weighted, indptr[:-1]) if len(weighted) else np.zeros(len(texts))
        sums = np.where(np.diff(indptr) > 0, sums, 0.0) + self.intercept
        return [1.0 / (1.0 + math.exp(-float(s))) for s in sums]

    def top_words(self, text: str, *, k: int = 3, floor: float = 1.0,
                  share: float = 0.25) -> list[tuple[int, int, str]]:
        """Words of ``text`` whose own weight pushes the score up most (evidence for the model):
        at most ``k``, each weighing at least ``floor`` and ``share`` of the heaviest one.

        Function words are skipped: the tweets make "you" or "these" weigh up, but a reader
        shown them as evidence would learn nothing."""
        n = self.params.n_features
        skip = _patterns()["not_evidence"]
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


def model_from_arrays(arrays: Any, card: dict[str, Any], *, source: str) -> ToxicityModel:
    try:
        params = FeatureParams.from_json(card["vectoriser"])
        model = ToxicityModel(
            params=params,
            coef=np.asarray(arrays["coef"], dtype=np.float32).ravel(),
            intercept=float(np.asarray(arrays["intercept"]).ravel()[0]),
            threshold=float(card["runtime"]["threshold"]),
            card=card,
        )
    except (KeyError, ValueError, TypeError, IndexError) as exc:
        raise ModelError(f"toxicity model is corrupt: {type(exc).__name__}: {exc}",
                         source=source) from exc
    if model.coef.shape[0] != params.n_features:
        raise ModelError(f"toxicity model has {model.coef.shape[0]} weights, card says "
                         f"{params.n_features}", source=source)
    if not (np.all(np.isfinite(model.coef)) and math.isfinite(model.intercept)):
        raise ModelError("toxicity model has non-finite weights", source=source)
    return model


def read_model(directory: Traversable | Path) -> ToxicityModel:
    """Read ``toxicity.npz`` + its card from a directory (the package's, or a fresh build)."""
    source = str(Path(str(directory)) / ARTIFACT)
    card, arrays = read_arrays(
        directory, ARTIFACT, CARD, what="toxicity", trainer="newsaudit.training.toxicity"
    )
    return model_from_arrays(arrays, card, source=source)


@lru_cache(maxsize=1)
def load_model() -> ToxicityModel:
    """The packaged model, read once per process."""
    return read_model(resources.files("newsaudit.data"))
