"""Score stance predictions the way FNC-1 does, and score the shipped stance model.

    python -m newsaudit.evaluation.fnc1 --stances competition_test_stances.csv \\
        --bodies competition_test_bodies.csv            # the shipped model on any FNC-1 files
    python -m newsaudit.evaluation.fnc1 --stances train_stances.csv \\
        --bodies train_bodies.csv --holdout 0.2         # retrain on 80% of bodies, score the rest

The scorer reproduces the official ``scorer.py`` (FakeNewsChallenge/fnc-1): +0.25 when gold and
prediction agree on related vs unrelated, +0.75 more when a related label is exact. The score
is reported as a percentage of the maximum (every pair right). Because that metric rewards
the majority classes, per-class F1, macro-F1 (Hanselowski et al. 2018) and the confusion
matrix are reported beside it. All scoring functions are pure.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsaudit.stance import LABELS

__all__ = [
    "Pair",
    "read_fnc",
    "fnc_score",
    "confusion",
    "f1_per_class",
    "report",
    "evaluate",
    "evaluate_holdout",
]

_RELATED = frozenset({"agree", "disagree", "discuss"})


@dataclass(frozen=True)
class Pair:
    """One FNC-1 row with its body text resolved."""

    headline: str
    body_id: int
    body: str
    stance: str


def read_fnc(stances: Path, bodies: Path) -> list[Pair]:
    """Read the official CSV pair (``Headline,Body ID,Stance`` + ``Body ID,articleBody``).

    A stances file without a ``Stance`` column (the unlabelled test file) yields ``""``.
    """
    with Path(bodies).open(encoding="utf-8", newline="") as fh:
        texts = {int(r["Body ID"]): r["articleBody"] for r in csv.DictReader(fh)}
    with Path(stances).open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    missing = {int(r["Body ID"]) for r in rows} - texts.keys()
    if missing:
        raise ValueError(f"{stances}: {len(missing)} Body IDs not in {bodies}, e.g. {min(missing)}")
    return [
        Pair(r["Headline"], int(r["Body ID"]), texts[int(r["Body ID"])], r.get("Stance", "") or "")
        for r in rows
    ]


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


def confusion(
    gold: Sequence[str], pred: Sequence[str], labels: Sequence[str] = LABELS
) -> list[list[int]]:
    """Rows are gold labels, columns predictions, both in ``labels`` order."""
    index = {lab: i for i, lab in enumerate(labels)}
    matrix = [[0] * len(labels) for _ in labels]
    for g, p in zip(gold, pred, strict=True):
        matrix[index[g]][index[p]] += 1
    return matrix


def f1_per_class(
    matrix: Sequence[Sequence[int]], labels: Sequence[str] = LABELS
) -> dict[str, float]:
    """F1 of each class from a confusion matrix (0.0 when a class is never gold nor predicted)."""
    out = {}
    for i, lab in enumerate(labels):
        tp = matrix[i][i]
        gold_n = sum(matrix[i])
        pred_n = sum(row[i] for row in matrix)
        out[lab] = 2 * tp / (gold_n + pred_n) if gold_n + pred_n else 0.0
    return out


def report(gold: Sequence[str], pred: Sequence[str]) -> dict[str, Any]:
    """Every number we quote for a stance run, in one JSON-ready dict."""
    score, best = fnc_score(gold, pred)
    matrix = confusion(gold, pred)
    f1 = f1_per_class(matrix)
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


def evaluate(stances: Path, bodies: Path) -> dict[str, Any]:
    """Score the shipped model on labelled FNC-1 files (e.g. the competition test split)."""
    from newsaudit.stance import load_model

    pairs = read_fnc(stances, bodies)
    if any(p.stance not in LABELS for p in pairs):
        raise ValueError(f"{stances}: every row needs a Stance in {LABELS}")
    model = load_model()
    start = time.perf_counter()
    pred = [p.label for p in model.predict([(p.headline, p.body) for p in pairs])]
    elapsed = time.perf_counter() - start
    out = report([p.stance for p in pairs], pred)
    out["ms_per_pair"] = round(1000 * elapsed / max(len(pairs), 1), 3)
    return out


def evaluate_holdout(
    stances: Path, bodies: Path, *, seed: int = 13, holdout: float = 0.2
) -> dict[str, Any]:
    """Reproduce the card's hold-out number: shipped recipe, trained on the other bodies."""
    from newsaudit.training.stance import RECIPE, fit, split_by_body

    pairs = read_fnc(stances, bodies)
    train_pairs, test_pairs = split_by_body(pairs, holdout=holdout, seed=seed)
    model = fit(train_pairs, RECIPE, seed=seed)
    pred = [p.label for p in model.predict([(p.headline, p.body) for p in test_pairs])]
    out = report([p.stance for p in test_pairs], pred)
    out["split"] = {"rule": "by Body ID", "holdout": holdout, "seed": seed,
                    "train_pairs": len(train_pairs), "holdout_pairs": len(test_pairs)}
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m newsaudit.evaluation.fnc1", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--stances", type=Path, required=True)
    ap.add_argument("--bodies", type=Path, required=True)
    ap.add_argument("--holdout", type=float, default=None,
                    help="retrain the shipped recipe on the other bodies and score this share")
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args(argv)
    if args.holdout is None:
        out = evaluate(args.stances, args.bodies)
    else:
        out = evaluate_holdout(args.stances, args.bodies, seed=args.seed, holdout=args.holdout)
    json.dump(out, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
