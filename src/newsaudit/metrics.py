"""The scores every benchmark reports, written once: precision, recall and F1, average
precision and its mean over lists, and the confusion matrix with per-class F1.

Each benchmark keeps its own conventions on top (the FNC-1 weighting, the SemEval span
credit, the extraction benchmark's empty-page rule) but counts with these, so a fix to
one formula reaches every figure. All functions are pure and return 0.0 where a
denominator is zero, unless a docstring says otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

__all__ = [
    "PRF",
    "average_precision",
    "confusion",
    "f1_per_class",
    "mean_average_precision",
    "precision_recall_f1",
    "prf",
]


class PRF(NamedTuple):
    """Precision, recall and their harmonic mean."""

    precision: float
    recall: float
    f1: float

    def to_dict(self, digits: int | None = None) -> dict[str, float]:
        """``{"precision", "recall", "f1"}``, rounded to ``digits`` when given (as cards and
        tables quote them)."""
        if digits is None:
            return {"precision": self.precision, "recall": self.recall, "f1": self.f1}
        return {"precision": round(self.precision, digits), "recall": round(self.recall, digits),
                "f1": round(self.f1, digits)}


def f1(p: float, r: float) -> float:
    """The harmonic mean of a precision and a recall (0 when both are 0)."""
    return 2 * p * r / (p + r) if p + r else 0.0


def prf(tp: float, n_pred: float, n_gold: float, *, tp_gold: float | None = None) -> PRF:
    """P = tp / n_pred, R = tp / n_gold, F1 their harmonic mean.

    ``tp_gold`` is the recall numerator when it differs from precision's: span scorers give
    partial credit, and a predicted span's share of gold is not a gold span's share of it.
    """
    r_num = tp if tp_gold is None else tp_gold
    p = tp / n_pred if n_pred else 0.0
    r = r_num / n_gold if n_gold else 0.0
    return PRF(p, r, f1(p, r))


def precision_recall_f1(
    labels: Sequence[int], predicted: Sequence[int], *, positive: int = 1
) -> PRF:
    """Positive-class precision, recall and F1 of ``predicted`` against ``labels``."""
    if len(labels) != len(predicted):
        raise ValueError(f"{len(labels)} labels but {len(predicted)} predictions")
    tp = n_pred = n_gold = 0
    for y, p in zip(labels, predicted, strict=True):
        hit, gold = p == positive, y == positive
        n_pred += hit
        n_gold += gold
        tp += hit and gold
    return prf(tp, n_pred, n_gold)


def average_precision(scores: Sequence[float], labels: Sequence[int]) -> float:
    """AP of the ranking by descending score: precision summed at each positive, divided
    by the number of positives (0.0 without positives), as the CLEF CheckThat! 2019
    scorer computes it. The sort is stable, so tied scores keep their input order."""
    if len(scores) != len(labels):
        raise ValueError(f"{len(scores)} scores but {len(labels)} labels")
    positives = sum(1 for y in labels if y == 1)
    if positives == 0:
        return 0.0
    order = sorted(range(len(scores)), key=lambda i: scores[i], reverse=True)
    hits = 0
    total = 0.0
    for rank, i in enumerate(order, 1):
        if labels[i] == 1:
            hits += 1
            total += hits / rank
    return total / positives


def mean_average_precision(per_list: Sequence[float]) -> float:
    """Mean of per-list APs: every list (a debate, a query) weighs the same, however long."""
    return sum(per_list) / len(per_list) if per_list else 0.0


def confusion(
    gold: Sequence[str], pred: Sequence[str], labels: Sequence[str]
) -> list[list[int]]:
    """Rows are gold labels, columns predictions, both in ``labels`` order."""
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold labels but {len(pred)} predictions")
    index = {lab: i for i, lab in enumerate(labels)}
    matrix = [[0] * len(labels) for _ in labels]
    for g, p in zip(gold, pred, strict=True):
        matrix[index[g]][index[p]] += 1
    return matrix


def f1_per_class(matrix: Sequence[Sequence[int]], labels: Sequence[str]) -> dict[str, float]:
    """F1 of each class of a confusion matrix, as ``2 tp / (gold + predicted)`` (0.0 for a
    class that is neither gold nor predicted)."""
    out = {}
    for i, lab in enumerate(labels):
        tp = matrix[i][i]
        gold_n = sum(matrix[i])
        pred_n = sum(row[i] for row in matrix)
        out[lab] = 2 * tp / (gold_n + pred_n) if gold_n + pred_n else 0.0
    return out
