"""The layout model at run time: reading its artifact and tagging the lines of a page.

A linear model (multinomial logistic regression over hashed line features, see
:mod:`.features`) scores every line; a Viterbi pass over those scores and the learned
transition weights between kinds picks the most likely sequence, so that "a comment's
second line follows its first" and "a standfirst follows the headline" hold as a whole.
The transitions are learned twice, between lines a blank line separates and between
lines that touch: a caption's credit line touches its caption, a comment's lines touch
each other, and a new part of the page mostly starts after a blank line.
A reader comment is two tags, ``comment_start`` and ``comment``, so that consecutive
comments stay apart. Training and the data it uses are in :mod:`.train`.

Runs before any parse and needs only numpy: scoring a page of 100 lines takes about a
millisecond after featurising.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from functools import lru_cache
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import numpy as np

from newsaudit.errors import ModelError
from newsaudit.line_cues import Row
from newsaudit.models._artifact import ArtifactSpec, all_finite, building, read_artifact
from newsaudit.models.layout.decoding import (
    buried_headline,
    handle_threads,
    headline_over_credit,
    headline_over_deck,
    headline_under_breadcrumb,
    listener_messages,
    never_headline,
    one_headline_line,
    pasted_headline,
    placeholder_captions,
    stamped_threads,
    video_captions,
)
from newsaudit.models.layout.features import FEATURISER_VERSION, featurise

__all__ = ["SPEC", "TAGS", "LayoutModel", "gap_state", "hash_features", "load_model",
           "read_model", "tag_kind"]

#: The model's tags: the segment kinds, with a reader comment's first line told apart.
TAGS: tuple[str, ...] = (
    "headline", "standfirst", "byline", "dateline", "body", "caption", "related",
    "comment_start", "comment", "form", "boilerplate",
)
SPEC = ArtifactSpec(
    name="layout",
    what="page layout",
    arrays="layout.npz",
    card="layout.card.json",
    formats={"featuriser": FEATURISER_VERSION},
)
ARTIFACT = SPEC.arrays
CARD = SPEC.card


def tag_kind(tag: str) -> str:
    return "comment" if tag == "comment_start" else tag


def hash_features(feats: dict[str, float], n_bits: int) -> tuple[np.ndarray, np.ndarray]:
    """Column indices and values of a feature dict in a 2**n_bits hashed space (crc32, so
    no vocabulary ships and the indices are the same on every machine)."""
    mask = (1 << n_bits) - 1
    idx = np.fromiter((zlib.crc32(k.encode("utf-8")) & mask for k in feats), dtype=np.int64,
                      count=len(feats))
    val = np.fromiter(feats.values(), dtype=np.float32, count=len(feats))
    return idx, val


class LayoutModel:
    """Weights ``W`` (features x tags), bias ``b``, transitions ``T`` and the Viterbi weight
    ``transition_weight``. ``T[s]`` holds the log transition probabilities (from x to, with
    a start row last) for gap state ``s``: 0 between touching lines, 1 across blank lines
    (:func:`gap_state`); a model with one state (a 2-d ``T``) uses it everywhere."""

    def __init__(self, card: dict[str, Any], arrays: dict[str, np.ndarray]) -> None:
        self.card = card
        self.n_bits = int(card["n_bits"])
        self.tags = tuple(card["tags"])
        self.W = arrays["W"].astype(np.float32)
        self.b = arrays["b"].astype(np.float32)
        T = arrays["T"].astype(np.float32)
        self.T = T[None] if T.ndim == 2 else T
        self.transition_weight = float(card["transition_weight"])
        self.head_min = float(card.get("head_min", 1.0))

    def scores(self, rows: Sequence[Row], *, title: str | None = None) -> np.ndarray:
        """Log-probabilities, one row per line and one column per tag."""
        feats = featurise(rows, title=title)
        out = np.empty((len(feats), len(self.tags)), dtype=np.float32)
        for i, f in enumerate(feats):
            idx, val = hash_features(f, self.n_bits)
            out[i] = val @ self.W[idx] + self.b
        out -= out.max(axis=1, keepdims=True)
        out -= np.log(np.exp(out).sum(axis=1, keepdims=True))
        return out

    def decode(self, logp: np.ndarray, gaps: Sequence[int] | np.ndarray = ()) -> list[str]:
        """The most likely tag sequence (Viterbi over line scores and transitions);
        ``gaps``: the blank lines before each line (none known: all 0)."""
        n, k = logp.shape
        if n == 0:
            return []
        trans = self.transition_weight * self.T
        states = [gap_state(g, len(trans)) for g in gaps] if len(gaps) else [0] * n
        score = logp[0] + trans[states[0]][k]
        back = np.zeros((n, k), dtype=np.int64)
        for i in range(1, n):
            cand = score[:, None] + trans[states[i]][:k]
            back[i] = cand.argmax(axis=0)
            score = cand.max(axis=0) + logp[i]
        best = [int(score.argmax())]
        for i in range(n - 1, 0, -1):
            best.append(int(back[i, best[-1]]))
        return [self.tags[j] for j in reversed(best)]

    def tag(self, rows: Sequence[Row], *, title: str | None = None) -> list[str]:
        logp = self.scores(rows, title=title)
        head = self.tags.index("headline")
        menus = never_headline(rows, likely=set(
            np.flatnonzero(logp[:, head] > _LIKELY_HEAD_LOGP).tolist()))
        if menus:
            logp = logp.copy()
            logp[menus, head] = -1e9
        gaps = [r.gap_before for r in rows]
        tags = self.decode_page(logp, gaps)
        buried = buried_headline(rows, tags)
        if buried:
            logp = logp.copy()
            logp[buried, head] = -1e9
            tags = self.decode_page(logp, gaps)
        head_p = np.exp(logp[:, head])
        tags = headline_under_breadcrumb(rows, headline_over_deck(rows, pasted_headline(
            rows, headline_over_credit(rows, one_headline_line(rows, tags), head_p)), head_p),
            head_p)
        tags = placeholder_captions(rows, video_captions(rows, tags))
        return stamped_threads(rows, handle_threads(rows, listener_messages(rows, tags)))

    def decode_page(self, logp: np.ndarray,
                    gaps: Sequence[int] | np.ndarray = ()) -> list[str]:
        """Viterbi, then one page-level rule: a page has one headline, the most
        headline-like line above the article. When the best sequence has none, the line
        above the first body line (or first comment) that the model finds likeliest to be
        the headline becomes it, if its probability reaches ``head_min``; when it has
        several separate headline runs, only the likeliest run stays."""
        tags = self.decode(logp, gaps)
        h = self.tags.index("headline")
        runs = _runs(tags, "headline")
        if not runs:
            stop = next((i for i, t in enumerate(tags) if t in ("body", "comment_start")),
                        len(tags))
            if stop == 0:
                return tags
            best = int(np.argmax(logp[:stop, h]))
            if np.exp(logp[best, h]) < self.head_min:
                return tags
            forced = logp.copy()
            forced[best] = -1e9
            forced[best, h] = 0.0
            return self.decode(forced, gaps)
        if len(runs) == 1:
            return tags
        keep = max(runs, key=lambda r: float(logp[r[0] : r[1], h].mean()))
        masked = logp.copy()
        for _ in range(_REDECODES):
            for a, b in runs:
                if (a, b) != keep:
                    masked[a:b, h] = -1e9
            tags = self.decode(masked, gaps)
            runs = _runs(tags, "headline")
            # the transitions may put a headline on a line next to a masked one: mask it too
            if len(runs) <= 1:
                break
        return tags


#: A row the model gives at least a 1 % chance of being the headline: the cue lists are
#: read on such rows before decoding (:func:`.decoding.never_headline`).
_LIKELY_HEAD_LOGP = float(np.log(0.01))
#: Re-decodings allowed to leave a page with one headline run.
_REDECODES = 4


def gap_state(gap: int, states: int = 2) -> int:
    """The transition state of a line with ``gap`` blank lines before it: 0 touching the
    line above, 1 after a blank line (capped at the model's number of states)."""
    return min(gap, 1, states - 1)


def _runs(tags: Sequence[str], tag: str) -> list[tuple[int, int]]:
    """Half-open index ranges of the maximal runs of ``tag``."""
    runs: list[tuple[int, int]] = []
    for i, t in enumerate(tags):
        if t != tag:
            continue
        if runs and runs[-1][1] == i:
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    return runs


def read_model(directory: Traversable | Path | None = None) -> LayoutModel:
    """The model in ``directory`` (a fresh build), or the shipped one."""
    artifact = read_artifact(SPEC, directory)
    with building(SPEC, artifact.source):
        model = LayoutModel(artifact.card, artifact.arrays)
        if model.W.shape != (1 << model.n_bits, len(model.tags)) or model.T.shape[1:] != (
            len(model.tags) + 1, len(model.tags)
        ) or len(model.T) not in (1, 2) or tuple(model.tags) != TAGS:
            raise ValueError(f"weights of shape {model.W.shape} and transitions of shape "
                             f"{model.T.shape} do not fit {len(model.tags)} tags")
    if not all_finite(model.W, model.b, model.T):
        raise ModelError("page layout model has weights that are not finite",
                         source=artifact.source)
    return model


@lru_cache(maxsize=1)
def load_model() -> LayoutModel:
    """The shipped model, read once per process."""
    return read_model()
