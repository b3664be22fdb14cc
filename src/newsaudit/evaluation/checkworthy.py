"""Measure the check-worthiness model the way its two benchmarks define success.

* ClaimBuster: positive-class precision, recall and F1 at threshold 0.5, cross-validated
  (the file has no fold column, so stratified shuffled folds; a ``fold`` column is used if a
  file has one).
* CLEF-2019 CheckThat! Task 1: mean over debates of the average precision of the ranking of
  that debate's sentences by score (the lab's MAP), leave-one-debate-out.

Metric functions are small and pure so they can be checked on hand-made examples; the
average precision follows the lab's scorer exactly (stable sort by score, ties keep file
order; precision summed at each positive, divided by the number of positives; 0 when a
debate has no positives).
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newsaudit.training.checkworthy import (
    RECIPE,
    Example,
    Recipe,
    fit,
    load_claimbuster,
    load_clef_dir,
    load_clef_file,
    without,
)

THRESHOLD = 0.5


def average_precision(scores: Sequence[float], labels: Sequence[int]) -> float:
    """AP of the ranking by descending score, as the CheckThat! 2019 scorer computes it."""
    if len(scores) != len(labels):
        raise ValueError("scores and labels differ in length")
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
    """Mean of per-debate APs (every debate weighs the same, however long)."""
    return sum(per_list) / len(per_list) if per_list else 0.0


def precision_recall_f1(
    labels: Sequence[int], predicted: Sequence[int]
) -> tuple[float, float, float]:
    """Positive-class precision, recall, F1; 0.0 where a denominator is zero."""
    if len(labels) != len(predicted):
        raise ValueError("labels and predictions differ in length")
    tp = sum(1 for y, p in zip(labels, predicted, strict=True) if y == 1 and p == 1)
    fp = sum(1 for y, p in zip(labels, predicted, strict=True) if y != 1 and p == 1)
    fn = sum(1 for y, p in zip(labels, predicted, strict=True) if y == 1 and p != 1)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _score(examples: Sequence[Example], train: Sequence[Example], recipe: Recipe,
           seed: int) -> list[float]:
    from newsaudit.checkworthy import CheckworthyModel

    coef, intercept = fit(train, recipe, seed=seed)
    model = CheckworthyModel(params=recipe.features, coef=coef, intercept=intercept, card={})
    return model.score([e.text for e in examples])


def _folds(path: Path, n: int, folds: int, seed: int, labels: Sequence[int]) -> list[int]:
    with path.open("r", encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if "fold" in (reader.fieldnames or ()):
            return [int(row["fold"]) for row in reader]
    from sklearn.model_selection import StratifiedKFold

    assign = [0] * n
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    for k, (_, test) in enumerate(splitter.split([[0]] * n, labels)):
        for i in test:
            assign[i] = k
    return assign


def _classification(labels: Sequence[int], scores: Sequence[float]) -> dict[str, float]:
    p, r, f = precision_recall_f1(labels, [int(s >= THRESHOLD) for s in scores])
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "average_precision": round(average_precision(scores, labels), 4)}


def evaluate_claimbuster(
    path: Path,
    *,
    folds: int = 5,
    seed: int = 13,
    recipe: Recipe = RECIPE,
    clef_dir: Path | None = None,
    limit: int | None = None,
) -> dict[str, Any]:
    """Cross-validated positive-class F1 (pooled over folds, plus per-fold mean and spread).

    ``clef_dir`` adds the CLEF transcripts to every training fold (as the shipped model
    does), minus sentences that also occur in the test fold. ``limit`` keeps a stratified
    subset of that many rows (for quick gates).
    """
    examples = load_claimbuster(path)
    labels = [e.label for e in examples]
    assign = _folds(path, len(examples), folds, seed, labels)
    if limit is not None and limit < len(examples):
        from sklearn.model_selection import train_test_split

        keep, _ = train_test_split(list(range(len(examples))), train_size=limit,
                                   stratify=labels, random_state=seed)
        keep = sorted(keep)
        examples = [examples[i] for i in keep]
        assign = [assign[i] for i in keep]
        labels = [labels[i] for i in keep]
    extra = [e for rows in load_clef_dir(clef_dir).values() for e in rows] if clef_dir else []
    scores = [0.0] * len(examples)
    per_fold: list[float] = []
    for k in sorted(set(assign)):
        test_idx = [i for i, a in enumerate(assign) if a == k]
        test = [examples[i] for i in test_idx]
        train = [e for e, a in zip(examples, assign, strict=True) if a != k] + without(extra, test)
        fold_scores = _score(test, train, recipe, seed)
        for i, s in zip(test_idx, fold_scores, strict=True):
            scores[i] = s
        per_fold.append(precision_recall_f1(
            [e.label for e in test], [int(s >= THRESHOLD) for s in fold_scores])[2])
    out: dict[str, Any] = {"file": path.name, "rows": len(examples), "folds": len(per_fold),
                           "threshold": THRESHOLD}
    out.update(_classification(labels, scores))
    out["f1_fold_mean"] = round(statistics.mean(per_fold), 4)
    out["f1_fold_std"] = round(statistics.pstdev(per_fold), 4)
    return out


def evaluate_clef(
    train_dir: Path,
    *,
    seed: int = 13,
    recipe: Recipe = RECIPE,
    claimbuster: Path | None = None,
) -> dict[str, Any]:
    """Leave-one-debate-out MAP over the transcripts in ``train_dir``, plus per-debate AP.

    Each held-out debate is scored by a model fitted on the other debates (if the recipe
    uses CLEF) and on ClaimBuster (if given) minus sentences that occur in the held-out
    debate: three 2016 debates are in both datasets.
    """
    debates = load_clef_dir(train_dir)
    base = load_claimbuster(claimbuster) if claimbuster else []
    per: dict[str, float] = {}
    for name, rows in debates.items():
        train = without(base, rows)
        if recipe.use_clef:
            train += [e for other, r in debates.items() if other != name for e in r]
        scores = _score(rows, train, recipe, seed)
        per[name] = round(average_precision(scores, [e.label for e in rows]), 4)
    # A random ranking's expected AP is about the positive rate: the floor to read MAP against.
    chance = mean_average_precision([sum(e.label for e in r) / len(r) for r in debates.values()])
    return {"debates": len(per), "map": round(mean_average_precision(list(per.values())), 4),
            "chance_map": round(chance, 4), "per_debate_ap": per}


def evaluate_shipped(path: Path) -> dict[str, Any]:
    """Score the packaged model on held-out data in an official format.

    A ``.tsv`` file or a directory of them is read as CheckThat! 2019 Task 1 transcripts
    (MAP over debates); a ``.csv`` with ``label`` and ``text`` columns as ClaimBuster
    (positive-class P/R/F1 at 0.5).
    """
    from newsaudit.checkworthy import score_sentences

    if path.is_dir() or path.suffix.lower() == ".tsv":
        debates = load_clef_dir(path) if path.is_dir() else {path.stem: load_clef_file(path)}
        per = {name: round(average_precision(score_sentences([e.text for e in rows]),
                                             [e.label for e in rows]), 4)
               for name, rows in debates.items()}
        return {"format": "clef2019-task1", "debates": len(per),
                "map": round(mean_average_precision(list(per.values())), 4),
                "per_debate_ap": per}
    if path.suffix.lower() == ".csv":
        examples = load_claimbuster(path)
        out: dict[str, Any] = {"format": "claimbuster", "rows": len(examples),
                               "threshold": THRESHOLD}
        out.update(_classification([e.label for e in examples],
                                   score_sentences([e.text for e in examples])))
        return out
    raise ValueError(f"{path}: expected a .tsv transcript, a directory of them, or a .csv")


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m newsaudit.evaluation.checkworthy PATH`` scores the shipped model."""
    parser = argparse.ArgumentParser(prog="newsaudit evaluate checkworthy")
    parser.add_argument("path", type=Path, help="CLEF .tsv / directory, or ClaimBuster .csv")
    args = parser.parse_args(argv)
    print(json.dumps(evaluate_shipped(args.path), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
