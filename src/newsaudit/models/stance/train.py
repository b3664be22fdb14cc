"""Train the headline-body stance model and write ``stance.npz`` + ``stance.params.json`` + card.

    newsaudit train stance \\
        --stances /work/shared/data/fnc1/train_stances.csv \\
        --bodies /work/shared/data/fnc1/train_bodies.csv

Steps: split FNC-1 train 80/20 by Body ID (no body on both sides), fit the recipe on the 80%,
score the 20% with the official FNC-1 metric, then refit the same recipe on all of train and
ship that (``--no-refit`` ships the hold-out model instead). The recipe was chosen on the
by-body hold-out and on a stricter split by claim (see ``RECIPE``). Training is plain numpy
(Adam, dropout, L2), deterministic for a given seed; the datasets are read in place and
never copied into the repository.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import platform
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from newsaudit.datasets.fnc1 import Pair, read_fnc
from newsaudit.models._trainer import add_out_argument
from newsaudit.models.stance.features import FEATURISER_VERSION, Body, Featuriser, tokens
from newsaudit.models.stance.runtime import (
    ARTIFACT,
    CARD,
    LABELS,
    LEXICON,
    PARAMS,
    SPEC,
    StanceModel,
)
from newsaudit.models.stance.scoring import report


@dataclass(frozen=True)
class Recipe:
    """Everything besides data and seed that decides the weights."""

    vocab_size: int = 5000
    hidden: int = 100
    keep: float = 0.6  # dropout keep-probability on the hidden layer (as UCL)
    lr: float = 1e-3
    l2: float = 1e-5
    batch: int = 500
    epochs: int = 60
    min_df: int = 2  # words seen in fewer texts get the default IDF (and stay out of the JSON)


# UCL's shape (5000-word TF vectors, 100 ReLU units, keep 0.6, L2 1e-5, batch 500) plus our
# dense pair features. Prototype runs (an earlier stop list) on the seed-13 by-body hold-out,
# FNC %: hand features alone with scikit-learn gradient-boosted trees 86.8; TF + features MLP
# 30 epochs 88.4, 60 epochs 89.3; trees and MLP averaged 89.8. On a stricter split by claim
# (connected components of related pairs; held-out headlines and bodies both unseen, so no
# headline is memorised) trees 77.4, MLP 79.1, average 79.2. The MLP alone keeps nearly all
# the gain with one small artifact and no tree evaluator, so it ships; with this module's
# lexicon it scores 89.46 on the by-body hold-out (see the card).
RECIPE = Recipe()


def split_by_body(
    pairs: Sequence[Pair], *, holdout: float = 0.2, seed: int = 13
) -> tuple[list[Pair], list[Pair]]:
    """Hold out ``holdout`` of the Body IDs (shuffled with ``seed``) with all their pairs."""
    ids = np.array(sorted({p.body_id for p in pairs}))
    np.random.RandomState(seed).shuffle(ids)
    held = set(ids[: int(round(len(ids) * holdout))].tolist())
    return [p for p in pairs if p.body_id not in held], [p for p in pairs if p.body_id in held]


def _lexicon() -> dict[str, list[str]]:
    with SPEC.packaged().joinpath(LEXICON).open("r", encoding="utf-8") as fh:
        lex = json.load(fh)
    return {k: v for k, v in lex.items() if not k.startswith("_")}


def build_params(pairs: Sequence[Pair], recipe: Recipe) -> dict[str, Any]:
    """Vocabulary and IDF from the distinct headlines and bodies of the training pairs."""
    lexicon = _lexicon()
    stop = frozenset(lexicon["stop"])
    texts = sorted({p.headline for p in pairs}) + [
        b for _, b in sorted({(p.body_id, p.body) for p in pairs})
    ]
    df: Counter[str] = Counter()
    tf: Counter[str] = Counter()
    for text in texts:
        toks = [w for w in tokens(text) if w not in stop]
        df.update(set(toks))
        tf.update(toks)
    n = len(texts)
    ranked = sorted(tf.items(), key=lambda kv: (-kv[1], kv[0]))
    return {
        "featuriser": FEATURISER_VERSION,
        "labels": list(LABELS),
        "vocab": [w for w, _ in ranked[: recipe.vocab_size]],
        "idf": {
            w: round(math.log((n + 1) / (c + 1)) + 1, 4)
            for w, c in sorted(df.items())
            if c >= recipe.min_df
        },
        "default_idf": round(math.log((n + 1) / 2) + 1, 4),
        "lexicon": lexicon,
    }


@dataclass
class _Inputs:
    """Training inputs: TF vectors in CSR form (head and body side by side) + dense features."""

    indptr: np.ndarray
    indices: np.ndarray
    data: np.ndarray
    dense: np.ndarray
    width: int

    def batch(self, rows: np.ndarray) -> np.ndarray:
        """Densify the chosen rows: [TF(head) | TF(body) | dense features]."""
        starts, ends = self.indptr[rows], self.indptr[rows + 1]
        lens = ends - starts
        offs = np.repeat(starts - (np.cumsum(lens) - lens), lens)
        flat = np.arange(int(lens.sum())) + offs
        out = np.zeros((len(rows), self.width + self.dense.shape[1]), np.float32)
        out[np.repeat(np.arange(len(rows)), lens), self.indices[flat]] = self.data[flat]
        out[:, self.width :] = self.dense[rows]
        return out


def featurise(fz: Featuriser, pairs: Sequence[Pair]) -> _Inputs:
    v = len(fz.vocab)
    bodies: dict[int, Body] = {}
    indptr = [0]
    idx: list[np.ndarray] = []
    val: list[np.ndarray] = []
    dense = np.empty((len(pairs), fz.n_dense), np.float32)
    for row, p in enumerate(pairs):
        body = bodies.get(p.body_id)
        if body is None:
            body = bodies[p.body_id] = fz.body(p.body)
        hi, hv = fz.tf(tokens(p.headline))
        bi, bv = body.tf
        idx += [hi, bi + v]
        val += [hv, bv]
        indptr.append(indptr[-1] + len(hi) + len(bi))
        dense[row] = fz.dense(p.headline, body)
    return _Inputs(np.array(indptr), np.concatenate(idx), np.concatenate(val), dense, 2 * v)


def fit(pairs: Sequence[Pair], recipe: Recipe = RECIPE, *, seed: int = 13) -> StanceModel:
    """Fit featuriser and network on ``pairs``; deterministic for a given seed."""
    params = build_params(pairs, recipe)
    fz = Featuriser(params)
    x = featurise(fz, pairs)
    mu = x.dense.mean(axis=0)
    sd = x.dense.std(axis=0) + 1e-6
    x.dense = (x.dense - mu) / sd
    y = np.array([LABELS.index(p.stance) for p in pairs])
    weights = _train_mlp(x, y, recipe, seed)
    arrays = dict(zip(("W1", "b1", "W2", "b2"), weights, strict=True))
    arrays.update(mu=mu.astype(np.float32), sd=sd.astype(np.float32))
    return StanceModel(params, arrays)


def _train_mlp(x: _Inputs, y: np.ndarray, r: Recipe, seed: int) -> list[np.ndarray]:
    rng = np.random.RandomState(seed)
    n_in = x.width + x.dense.shape[1]
    n_out = len(LABELS)
    params = [
        (rng.randn(n_in, r.hidden) * math.sqrt(2 / n_in)).astype(np.float32),
        np.zeros(r.hidden, np.float32),
        (rng.randn(r.hidden, n_out) * math.sqrt(2 / r.hidden)).astype(np.float32),
        np.zeros(n_out, np.float32),
    ]
    m1 = [np.zeros_like(p) for p in params]
    m2 = [np.zeros_like(p) for p in params]
    step = 0
    for _ in range(r.epochs):
        order = rng.permutation(len(y))
        for start in range(0, len(y), r.batch):
            rows = order[start : start + r.batch]
            xb, yb = x.batch(rows), y[rows]
            w1, b1, w2, b2 = params
            z = xb @ w1 + b1
            mask = (rng.rand(*z.shape) < r.keep).astype(np.float32) / np.float32(r.keep)
            h = np.maximum(z, 0) * mask
            logits = h @ w2 + b2
            logits -= logits.max(axis=1, keepdims=True)
            g = np.exp(logits)
            g /= g.sum(axis=1, keepdims=True)
            g[np.arange(len(yb)), yb] -= 1
            g /= len(yb)
            gh = (g @ w2.T) * mask * (z > 0)
            grads = [xb.T @ gh + r.l2 * w1, gh.sum(0), h.T @ g + r.l2 * w2, g.sum(0)]
            step += 1
            c1, c2 = 1 - 0.9**step, 1 - 0.999**step
            for p, gr, a, b in zip(params, grads, m1, m2, strict=True):
                a *= 0.9
                a += 0.1 * gr
                b *= 0.999
                b += 0.001 * gr * gr
                p -= (r.lr / c1) * a / (np.sqrt(b / c2) + 1e-8)
    return params


def _versions() -> dict[str, str]:
    return {"python": platform.python_version(), "numpy": np.__version__}


def save(model: StanceModel, out_dir: Path) -> int:
    """Write the artifact pair; returns its size in bytes."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with (out_dir / PARAMS).open("w", encoding="utf-8") as fh:
        json.dump(model.params, fh, ensure_ascii=False, separators=(",", ":"))
    # Any: numpy's stub would otherwise match the unpacked arrays against allow_pickle: bool.
    arrays: dict[str, Any] = {k: np.asarray(v, np.float32) for k, v in model.arrays.items()}
    np.savez_compressed(out_dir / ARTIFACT, **arrays)
    return (out_dir / PARAMS).stat().st_size + (out_dir / ARTIFACT).stat().st_size


def train(
    stances: Path,
    bodies: Path,
    out_dir: Path,
    *,
    seed: int = 13,
    holdout: float = 0.2,
    refit: bool = True,
) -> dict[str, Any]:
    """Score the recipe on a by-body hold-out, write the shipped model and its card."""
    pairs = read_fnc(stances, bodies)
    train_pairs, test_pairs = split_by_body(pairs, holdout=holdout, seed=seed)
    start = time.perf_counter()
    model = fit(train_pairs, RECIPE, seed=seed)
    fit_seconds = time.perf_counter() - start
    start = time.perf_counter()
    pred = [p.label for p in model.predict([(p.headline, p.body) for p in test_pairs])]
    ms_per_pair = 1000 * (time.perf_counter() - start) / max(len(test_pairs), 1)
    scores = report([p.stance for p in test_pairs], pred)
    if refit:
        start = time.perf_counter()
        model = fit(pairs, RECIPE, seed=seed)
        fit_seconds = time.perf_counter() - start
    size = save(model, out_dir)
    card = {
        "_about": "Card for the headline-body stance model (newsaudit.models.stance); "
        "written by newsaudit.models.stance.train.",
        "task": "FNC-1 stance: agree / disagree / discuss / unrelated",
        "model": "MLP (1 hidden ReLU layer) over TF(headline) + TF(body) + dense pair features",
        "recipe": asdict(RECIPE),
        "featuriser": FEATURISER_VERSION,
        "data": {
            "stances": Path(stances).name,
            "bodies": Path(bodies).name,
            "source": "FakeNewsChallenge/fnc-1 train split (see /work/shared/data/fnc1/SOURCE.md)",
            "pairs": len(pairs),
            "bodies_n": len({p.body_id for p in pairs}),
        },
        "split": {
            "rule": "by Body ID: sorted IDs shuffled with numpy RandomState(seed), "
            "first round(holdout * n) IDs held out with all their pairs",
            "holdout": holdout,
            "seed": seed,
            "train_pairs": len(train_pairs),
            "holdout_pairs": len(test_pairs),
            "caveat": "headlines recur across bodies, so most held-out headlines were seen in "
            "training with other bodies; the official competition test (new claims) is harder",
        },
        "holdout_scores": scores,
        "shipped": "refit on all of FNC-1 train with the same recipe and seed"
        if refit
        else "the hold-out model (trained on the train side of the split)",
        "fit_seconds": round(fit_seconds, 1),
        "predict_ms_per_pair": round(ms_per_pair, 3),
        "artifact_bytes": size,
        "trained": dt.date.today().isoformat(),
        "seed": seed,
        "versions": _versions(),
    }
    with (out_dir / CARD).open("w", encoding="utf-8") as fh:
        json.dump(card, fh, indent=2)
        fh.write("\n")
    return card


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="newsaudit train stance", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--stances", type=Path, required=True)
    ap.add_argument("--bodies", type=Path, required=True)
    add_out_argument(ap, SPEC)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--holdout", type=float, default=0.2)
    ap.add_argument("--no-refit", action="store_true", help="ship the hold-out model")
    args = ap.parse_args(argv)
    card = train(args.stances, args.bodies, args.out, seed=args.seed, holdout=args.holdout,
                 refit=not args.no_refit)
    json.dump({k: card[k] for k in ("holdout_scores", "fit_seconds", "artifact_bytes")},
              sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
