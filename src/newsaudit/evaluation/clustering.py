"""Scores of a clustering against gold labels: pairwise and BCubed precision and recall.

Kept apart from :mod:`newsaudit.evaluation.events` so that fitting (which scores its
replays) and evaluating (which fits) do not import each other.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from newsaudit.metrics import PRF, f1, prf

__all__ = ["bcubed", "pairwise"]


def pairwise(pred: Mapping[str, Any], gold: Mapping[str, Any]) -> PRF:
    """Precision and recall of same-event pairs over the items both labellings have."""
    items = [i for i in gold if i in pred]
    pc: dict[Any, list[str]] = defaultdict(list)
    gc: dict[Any, list[str]] = defaultdict(list)
    for i in items:
        pc[pred[i]].append(i)
        gc[gold[i]].append(i)

    def pairs(n: int) -> int:
        return n * (n - 1) // 2

    n_pred = sum(pairs(len(v)) for v in pc.values())
    n_gold = sum(pairs(len(v)) for v in gc.values())
    both: dict[tuple[Any, Any], int] = defaultdict(int)
    for i in items:
        both[(pred[i], gold[i])] += 1
    tp = sum(pairs(n) for n in both.values())
    return prf(tp, n_pred, n_gold)


def bcubed(pred: Mapping[str, Any], gold: Mapping[str, Any]) -> PRF:
    """BCubed precision and recall (Bagga & Baldwin), averaged over items."""
    items = [i for i in gold if i in pred]
    if not items:
        return PRF(0.0, 0.0, 0.0)
    pc: dict[Any, set[str]] = defaultdict(set)
    gc: dict[Any, set[str]] = defaultdict(set)
    for i in items:
        pc[pred[i]].add(i)
        gc[gold[i]].add(i)
    p = r = 0.0
    for i in items:
        shared = len(pc[pred[i]] & gc[gold[i]])
        p += shared / len(pc[pred[i]])
        r += shared / len(gc[gold[i]])
    p, r = p / len(items), r / len(items)
    return PRF(p, r, f1(p, r))
