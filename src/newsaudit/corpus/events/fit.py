"""Fitting the grouping parameters on labelled events: ``newsaudit eval events --fit``.

1. **Weights.** The pages of each labelled store are replayed in the order grouping sees
   them, with the *true* events standing in for the ones grouping would have made. Every
   candidate event a page would be scored against (sharing a place or actor, within the
   window) gives one example: the pair's features, and whether the page truly belongs
   there. A logistic regression (scikit-learn, balanced classes) learns the weights.
2. **Threshold and window.** With those weights, grouping is run for real on each store
   for a small grid of thresholds and windows; the pair that gives the best mean pairwise
   F1 over the stores is kept.

The stores and labels passed in are the training split only; the caller scores on the
rest.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from newsaudit.corpus.events.features import PageFeatures
from newsaudit.corpus.events.grouping import FEATURES, EventState, Params, gap_days, pair_features
from newsaudit.store import Store
from newsaudit.store import schema as t

__all__ = ["fit", "training_pairs"]

THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
WINDOWS = (2, 3, 5)


def _label_of(source: str, labels: Mapping[str, str]) -> str | None:
    if source in labels:
        return labels[source]
    return labels.get(source.replace("\\", "/").rsplit("/", 1)[-1])


def _pages(store: Store, labels: Mapping[str, str]) -> list[tuple[PageFeatures, str, bool]]:
    """(features, true event, is a copy or revision) of each labelled page, in the order
    grouping places pages."""
    from newsaudit.corpus.events.build import _load_features, _pending  # noqa: PLC2701

    with store.engine.begin() as conn:
        conn.execute(t.event_pages.delete())  # every page pending: the order update uses
        rows = _pending(conn)
        feats = _load_features(conn, rows)
        src: dict[str, str] = {}
        for pid, source in conn.execute(sa.select(t.inputs.c.page_id, t.inputs.c.source)
                                        .order_by(t.inputs.c.seq)):
            src.setdefault(pid, source)
    out = []
    for r in rows:
        label = _label_of(src.get(r.id, ""), labels)
        if label is None or r.id not in feats:
            continue
        out.append((PageFeatures.from_dict(feats[r.id]), label,
                    bool(r.duplicate_of or r.previous_id)))
    return out


def training_pairs(
    pages: Sequence[tuple[PageFeatures, str, bool]], prm: Params
) -> tuple[list[list[float]], list[int]]:
    states: dict[str, EventState] = {}
    xs: list[list[float]] = []
    ys: list[int] = []
    for page, label, copy in pages:
        if not copy and page.kind == "report":
            keys = set(page.places) | set(page.actors)
            for name, st in states.items():
                if not keys & (set(st.places) | set(st.actors)):
                    continue
                if gap_days(page.day, st, prm.window_days) > prm.window_days:
                    continue
                x = pair_features(page, st, prm)
                xs.append([x[f] for f in FEATURES])
                ys.append(int(name == label))
        states.setdefault(label, EventState()).add(page)
    return xs, ys


def fit(labelled: Sequence[tuple[Store, Mapping[str, str]]], *, base: Params) -> Params:
    """Parameters fitted on ``labelled`` (stores with source -> true event)."""
    from sklearn.linear_model import LogisticRegression

    from newsaudit.corpus.events.build import rebuild
    from newsaudit.corpus.events.read import events
    from newsaudit.evaluation.events import pairwise

    pages = [_pages(store, labels) for store, labels in labelled]
    xs: list[list[float]] = []
    ys: list[int] = []
    for p in pages:
        x, y = training_pairs(p, base)
        xs += x
        ys += y
    if len(set(ys)) < 2:
        raise ValueError("the labelled data give no positive and negative candidate pairs")
    model = LogisticRegression(class_weight="balanced", C=1.0, max_iter=2000)
    model.fit(xs, ys)
    weights = {f: round(float(w), 4) for f, w in zip(FEATURES, model.coef_[0], strict=True)}
    best: tuple[float, Params] | None = None
    for window in WINDOWS:
        for threshold in THRESHOLDS:
            prm = replace(base, bias=round(float(model.intercept_[0]), 4), weights=weights,
                          threshold=threshold, window_days=window)
            scores = []
            for store, labels in labelled:
                rebuild(store, prm=prm)
                pred = {}
                for ev in events(store)["events"]:
                    for e in ev["pages"]:
                        lab = _label_of(e["source"], labels)
                        if lab is not None:
                            pred[e["source"]] = ev["id"]
                gold = {s: _label_of(s, labels) for s in pred}
                scores.append(pairwise(pred, gold).f1)
            f1 = sum(scores) / len(scores)
            if best is None or f1 > best[0]:
                best = (f1, prm)
    assert best is not None
    meta: dict[str, Any] = {
        "_about": "Grouping parameters (newsaudit.corpus.events.grouping), fitted by "
                  "`newsaudit eval events --fit` (newsaudit.corpus.events.fit).",
        "fitted": datetime.now(UTC).date().isoformat(),
        "training_pairs": len(ys), "training_positive": sum(ys),
        "training_pairwise_f1": round(best[0], 4),
    }
    return replace(best[1], meta=meta)
