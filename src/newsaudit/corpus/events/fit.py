"""Fitting the grouping parameters on labelled events: ``newsaudit eval events --fit``.

1. **Weights.** The pages of each labelled store are replayed in the order grouping sees
   them, with the *true* events standing in for the ones grouping would have made. Every
   candidate event a page would be scored against (sharing a place or actor, its first
   report within the window) gives one example: the pair's features, and whether the
   page truly belongs there. A logistic regression (scikit-learn) learns the weights;
   each store weighs the same in total, so a large dataset with approximate labels
   (FA-KES) does not drown a small one with exact labels.
2. **Threshold and window.** With those weights, grouping is replayed (in memory, the
   same decisions :mod:`.build` takes) for a grid of thresholds and windows; the pair
   with the best mean pairwise F1 over the stores is kept.

Labels that are only **approximate in time** (FA-KES's date-and-place groups, where one
incident reported over three days is three "groups") say something true only about two
reports of the same day: whether they share a place. From such a store only same-day
pairs train the weights, and it takes no part in choosing the threshold and window
(which would otherwise learn that a toll updated the next day is a new event) except to
break ties between settings the exact labels score alike.

The stores and labels passed in are the training split only; the caller scores on the
rest.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from newsaudit.corpus.events.features import PageFeatures
from newsaudit.corpus.events.grouping import (
    FEATURES,
    EventState,
    Params,
    best_event,
    gap_days,
    pair_features,
)
from newsaudit.store import Store
from newsaudit.store import schema as t

__all__ = ["Page", "fit", "replay", "training_pairs"]

THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
WINDOWS = (2, 3, 4)


@dataclass(frozen=True, slots=True)
class Page:
    id: str
    source: str
    label: str | None
    features: PageFeatures
    linked_to: str | None  # the page it copies or revises


def label_of(source: str, labels: Mapping[str, str]) -> str | None:
    if source in labels:
        return labels[source]
    return labels.get(source.replace("\\", "/").rsplit("/", 1)[-1])


def load_pages(store: Store, labels: Mapping[str, str]) -> list[Page]:
    """Every page of the store, in the order grouping places pages, with its label."""
    from newsaudit.corpus.events.build import _load_features

    p = t.pages.c
    with store.engine.begin() as conn:
        rows = list(conn.execute(
            sa.select(p.id, p.published, p.seq, p.duplicate_of, p.previous_id)
            .order_by(p.published.is_(None), p.published, p.seq)))
        feats = _load_features(conn, rows)
        src: dict[str, str] = {}
        for pid, source in conn.execute(sa.select(t.inputs.c.page_id, t.inputs.c.source)
                                        .order_by(t.inputs.c.seq)):
            src.setdefault(pid, source)
    return [Page(r.id, src.get(r.id, ""), label_of(src.get(r.id, ""), labels),
                 PageFeatures.from_dict(feats[r.id]), r.duplicate_of or r.previous_id)
            for r in rows if r.id in feats]


def _keys(page: PageFeatures) -> set[str]:
    return set(page.places) | {f"a:{a}" for a in page.actors}


def training_pairs(pages: Sequence[Page], prm: Params, *, same_day_only: bool = False
                   ) -> tuple[list[list[float]], list[int]]:
    states: dict[str, EventState] = {}
    xs: list[list[float]] = []
    ys: list[int] = []
    for page in pages:
        if page.label is None:
            continue
        f = page.features
        if page.linked_to is None and f.kind == "report":
            keys = _keys(f)
            for name, st in states.items():
                if not keys & (set(st.places) | {f"a:{a}" for a in st.actors}):
                    continue
                gap = gap_days(f.day, st, prm.window_days)
                if gap > prm.window_days or (same_day_only and (gap > 0 or not f.day)):
                    continue
                x = pair_features(f, st, prm)
                xs.append([x[k] for k in FEATURES])
                ys.append(int(name == page.label))
        states.setdefault(page.label, EventState()).add(f)
    return xs, ys


def replay(pages: Sequence[Page], prm: Params) -> dict[str, int]:
    """Grouping as :func:`.build.update` does it, in memory: page id -> event number."""
    event_of: dict[str, int] = {}
    states: dict[int, EventState] = {}
    index: dict[str, set[int]] = {}
    for page in pages:
        f = page.features
        if page.linked_to in event_of:
            event_of[page.id] = event_of[page.linked_to]
            continue
        eid = None
        if f.kind == "report":
            cands = {e for k in _keys(f) for e in index.get(k, ())}
            eid, _ = best_event(f, {e: states[e] for e in sorted(cands)}, prm)
        if eid is None:
            eid = len(states)
            states[eid] = EventState()
        states[eid].add(f)
        for k in _keys(f):
            index.setdefault(k, set()).add(eid)
        event_of[page.id] = eid
    return event_of


def fit(labelled: Sequence[tuple[Store, Mapping[str, str]]], *, base: Params,
        approximate: Sequence[bool] = ()) -> Params:
    """Parameters fitted on ``labelled`` (stores with source -> true event); a store whose
    ``approximate`` flag is set has labels true only within a day."""
    from sklearn.linear_model import LogisticRegression

    from newsaudit.evaluation.clustering import pairwise

    stores = [load_pages(store, labels) for store, labels in labelled]
    xs: list[list[float]] = []
    ys: list[int] = []
    ws: list[float] = []
    approx = [bool(a) for a in approximate] + [False] * (len(stores) - len(approximate))
    for pages, rough in zip(stores, approx, strict=True):
        x, y = training_pairs(pages, base, same_day_only=rough)
        xs += x
        ys += y
        ws += [1.0 / max(len(y), 1)] * len(y)
    if len(set(ys)) < 2:
        raise ValueError("the labelled data give no positive and negative candidate pairs")
    model = LogisticRegression(C=1.0, max_iter=5000)
    model.fit(xs, ys, sample_weight=[w * len(ws) for w in ws])
    weights = {f: round(float(w), 4) for f, w in zip(FEATURES, model.coef_[0], strict=True)}
    best: tuple[tuple[float, float], list[float], Params] | None = None
    for window in WINDOWS:
        for threshold in THRESHOLDS:
            prm = replace(base, bias=round(float(model.intercept_[0]), 4), weights=weights,
                          threshold=threshold, window_days=window)
            scores = []
            for pages in stores:
                event_of = replay(pages, prm)
                pred = {p.source: event_of[p.id] for p in pages if p.label is not None}
                gold = {p.source: p.label for p in pages if p.label is not None}
                scores.append(pairwise(pred, gold).f1)
            exact = [sc for sc, a in zip(scores, approx, strict=True) if not a]
            loose = [sc for sc, a in zip(scores, approx, strict=True) if a]
            # exact labels decide; approximate ones only break ties between them
            key = (sum(exact) / len(exact) if exact else 0.0,
                   sum(loose) / len(loose) if loose else 0.0)
            if best is None or key > best[0]:
                best = (key, scores, prm)
    assert best is not None
    meta: dict[str, Any] = {
        "_about": "Grouping parameters (newsaudit.corpus.events.grouping), fitted by "
                  "`newsaudit eval events --fit` (newsaudit.corpus.events.fit).",
        "fitted": datetime.now(UTC).date().isoformat(),
        "training_pairs": len(ys), "training_positive": sum(ys),
        "training_pairwise_f1": [round(s, 4) for s in best[1]],
        "approximate_labels": approx,
    }
    return replace(best[2], meta=meta)
