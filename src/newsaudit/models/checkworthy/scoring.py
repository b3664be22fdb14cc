"""How check-worthiness is scored on its two benchmarks.

* ClaimBuster: positive-class precision, recall and F1 at :data:`THRESHOLD`, and the
  average precision of the ranking by score.
* CLEF-2019 CheckThat! Task 1: per debate, the average precision of the ranking of its
  lines by score; MAP is their mean (the lab's measure). The average precision follows
  the lab's scorer exactly (:func:`newsaudit.metrics.average_precision`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from newsaudit.metrics import average_precision, mean_average_precision, precision_recall_f1

__all__ = ["THRESHOLD", "classification", "ranking"]

#: A sentence is called check-worthy at or above this probability.
THRESHOLD = 0.5


def classification(labels: Sequence[int], scores: Sequence[float]) -> dict[str, float]:
    """P/R/F1 at :data:`THRESHOLD` and average precision, rounded as cards quote them."""
    out = precision_recall_f1(labels, [int(s >= THRESHOLD) for s in scores]).to_dict(4)
    out["average_precision"] = round(average_precision(scores, labels), 4)
    return out


def ranking(per_debate: Mapping[str, tuple[Sequence[float], Sequence[int]]]) -> dict[str, object]:
    """MAP over debates given ``{debate: (scores, labels)}``, with each debate's AP."""
    per = {name: round(average_precision(scores, labels), 4)
           for name, (scores, labels) in per_debate.items()}
    return {"debates": len(per), "map": round(mean_average_precision(list(per.values())), 4),
            "per_debate_ap": per}
