"""The stance model on FNC-1 files: the shipped model, or its recipe on a by-body hold-out.

    python -m newsaudit.models.stance.evaluate --stances competition_test_stances.csv \\
        --bodies competition_test_bodies.csv            # the shipped model on any FNC-1 files
    python -m newsaudit.models.stance.evaluate --stances train_stances.csv \\
        --bodies train_bodies.csv --holdout 0.2         # retrain on 80% of bodies, score the rest

Scores are FNC-1's own (:mod:`newsaudit.models.stance.scoring`).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newsaudit.datasets.fnc1 import read_fnc
from newsaudit.errors import MalformedInput
from newsaudit.models.stance.runtime import load_model
from newsaudit.models.stance.scoring import report
from newsaudit.models.stance.train import RECIPE, fit, split_by_body

__all__ = ["evaluate", "evaluate_holdout"]


def evaluate(stances: Path, bodies: Path) -> dict[str, Any]:
    """Score the shipped model on labelled FNC-1 files (e.g. the competition test split)."""
    pairs = read_fnc(stances, bodies)
    if any(not p.stance for p in pairs):
        raise MalformedInput("no Stance column: only labelled pairs can be scored",
                             source=str(stances))
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
    pairs = read_fnc(stances, bodies)
    train_pairs, test_pairs = split_by_body(pairs, holdout=holdout, seed=seed)
    model = fit(train_pairs, RECIPE, seed=seed)
    pred = [p.label for p in model.predict([(p.headline, p.body) for p in test_pairs])]
    out = report([p.stance for p in test_pairs], pred)
    out["split"] = {"rule": "by Body ID", "holdout": holdout, "seed": seed,
                    "train_pairs": len(train_pairs), "holdout_pairs": len(test_pairs)}
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m newsaudit.models.stance.evaluate",
                                 description=__doc__,
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
