"""Score stance predictions the way FNC-1 does.

The scorer reproduces the official ``scorer.py`` (FakeNewsChallenge/fnc-1): +0.25 when gold and
prediction agree on related vs unrelated, +0.75 more when a related label is exact. The score
is reported as a percentage of the maximum (every pair right). Because that metric rewards
the majority classes, per-class F1, macro-F1 (Hanselowski et al. 2018) and the confusion
matrix are reported beside it. All functions are pure.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newsaudit.metrics import confusion, f1_per_class
from newsaudit.models.stance.runtime import LABELS

__all__ = ["fnc_score", "report"]

_RELATED = frozenset({"agree", "disagree", "discuss"})


def fnc_score(gold: Sequence[str], pred: Sequence[str]) -> tuple[float, float]:
    """(score, max score) under the official FNC-1 weighting."""
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold labels but {len(pred)} predictions")
    score = best = 0.0
    for g, p in zip(gold, pred, strict=True):
        best += 0.25 if g == "unrelated" else 1.0
        if g == p:
            score += 0.25
            if g != "unrelated":
                score += 0.75
        elif g in _RELATED and p in _RELATED:
            score += 0.25
    return score, best


def report(gold: Sequence[str], pred: Sequence[str]) -> dict[str, Any]:
    """Every number we quote for a stance run, in one JSON-ready dict."""
    score, best = fnc_score(gold, pred)
    matrix = confusion(gold, pred, LABELS)
    f1 = f1_per_class(matrix, LABELS)
    return {
        "n_pairs": len(gold),
        "fnc_score": score,
        "fnc_max": best,
        "fnc_percent": round(100 * score / best, 2) if best else 0.0,
        "f1": {k: round(v, 4) for k, v in f1.items()},
        "macro_f1": round(sum(f1.values()) / len(f1), 4),
        "accuracy": round(sum(matrix[i][i] for i in range(len(LABELS))) / max(len(gold), 1), 4),
        "confusion": {"labels": list(LABELS), "rows_gold_cols_pred": matrix},
    }
