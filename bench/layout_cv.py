"""Cross-validation of the layout model over the hand-written TRAIN pages, by page.

    PYTHONHASHSEED=0 OMP_NUM_THREADS=1 .venv/bin/python bench/layout_cv.py \
        [--data ../shared/data] [--pages-of REV] [--text-weight 30] [--errors caption,comment]
        [--transition-weight 0.6] [--one-state] [--recombine-seed 8] [--pull 6]

The held-back test pages (``tests/fixtures/layout/split.json``) are never read: the corpus
is the trainer's (:func:`newsaudit.models.layout.train.build`, train split only), with the
HTML pages and settings of ``newsaudit train layout --quick``. Each of the trainer's four
folds holds out the hand-written pages whose id falls in it, with every copy and
recombination made from them, and scores the model trained on the rest on those pages as
written. The transitions of each fold are counted on its training pages only (until
2026-12-05 they were counted on all pages, the scored ones included, which read about 0.2
points of line accuracy higher); ``--one-state`` decodes with one transition table for
touching lines and lines across a blank line, as models before 2026-12-05 did. Prints line
accuracy, per-kind precision/recall/F1 and the most frequent confusions (gold ->
predicted), for all train pages and, with ``--pages-of REV``, for the train pages of that
git revision alone, so that runs with more pages stay comparable.

This is how the training pages, features and cues of 2026-12-04 were chosen (see
docs/evaluation.md, "Page anatomy"). Two runs of the same code differ by about 0.004 in
accuracy unless the hash seed and the BLAS threads are fixed as above.
"""

from __future__ import annotations

import argparse
import functools
import json
import subprocess
import time
from collections import Counter
from pathlib import Path

from newsaudit.line_cues import rows_of
from newsaudit.models.layout import train as T
from newsaudit.models.layout.features import featurise
from newsaudit.models.layout.runtime import TAGS, hash_features, tag_kind

REPO = Path(__file__).resolve().parents[1]


def train_pages_of(rev: str) -> set[str]:
    """The hand-written train pages listed in ``split.json`` at git revision ``rev``."""
    out = subprocess.run(["git", "show", f"{rev}:tests/fixtures/layout/split.json"],
                         capture_output=True, text=True, check=True, cwd=REPO).stdout
    return set(json.loads(out)["train"])


def report(name: str, conf: Counter[tuple[str, str]], top: int = 12) -> None:
    total = sum(conf.values())
    right = sum(v for (g, p), v in conf.items() if g == p)
    print(f"== {name}: {total} lines, line accuracy {right / total:.4f}")
    for kind in sorted({g for g, _ in conf} | {p for _, p in conf}):
        tp = conf[(kind, kind)]
        gold = sum(v for (g, _), v in conf.items() if g == kind)
        pred = sum(v for (_, p), v in conf.items() if p == kind)
        prec = tp / pred if pred else 0.0
        rec = tp / gold if gold else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        print(f"  {kind:12s} P {prec:.3f} R {rec:.3f} F1 {f1:.3f}  gold {gold} pred {pred}")
    wrong = sorted(((v, g, p) for (g, p), v in conf.items() if g != p), reverse=True)
    print("  confusions: " + ", ".join(f"{g} -> {p} {v}" for v, g, p in wrong[:top]))


def pulls(f: dict[str, float], W, gold: str, read: str, top: int) -> str:  # noqa: ANN001
    """The features that pull a line most towards the tag read and away from its gold tag
    (value times the difference of the two tags' weights), strongest first."""
    g, r = TAGS.index(gold), TAGS.index(read)
    out = []
    for name, val in f.items():
        idx, v = hash_features({name: val}, T.N_BITS)
        out.append((float(v[0] * (W[idx[0], r] - W[idx[0], g])), name))
    out.sort(reverse=True)
    return "pull: " + ", ".join(f"{n} {d:+.2f}" for d, n in out[:top]) + " | against: " + \
        ", ".join(f"{n} {d:+.2f}" for d, n in sorted(out)[:3])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--pages-of", metavar="REV",
                    help="also score only the train pages of this git revision")
    ap.add_argument("--text-weight", type=float, default=T.QUICK["text_weight"])
    ap.add_argument("--transition-weight", type=float, default=T.QUICK["transition_weight"])
    ap.add_argument("--one-state", action="store_true",
                    help="one transition table for every gap (the model before 2026-12-05)")
    ap.add_argument("--recombine-seed", type=int, default=None,
                    help="seed of the recombined pages (the trainer's: 7); another seed "
                         "shows how much a score moves with the recombinations alone")
    ap.add_argument("--errors", default="",
                    help="print the lines of these kinds (gold or read) that the model gets wrong")
    ap.add_argument("--pull", type=int, default=0, metavar="N",
                    help="with --errors: also print the N features that pull each wrong line "
                         "most towards the kind read and away from its gold kind")
    args = ap.parse_args()
    t0 = time.process_time()
    if args.recombine_seed is not None:
        T.recombine = functools.partial(T.recombine, seed=args.recombine_seed)  # type: ignore[assignment]
    parts = T.build(args.data, html_pages=T.QUICK_HTML_PAGES)
    text = parts["text"]
    enc = T.Encoded(text + parts["html-train"])
    html_idx = list(range(len(text), len(enc.pages)))
    subset = train_pages_of(args.pages_of) if args.pages_of else None
    show = set(filter(None, args.errors.split(",")))
    conf: dict[str, Counter[tuple[str, str]]] = {"all": Counter(), "subset": Counter()}
    for k in range(T.FOLDS):
        tr, te = T._cv_split(text, k)
        te = [i for i in te if text[i].source == "handwritten"]
        tr += html_idx
        X, y, _ = enc.subset(tr)
        W, b = T.fit(X, y, T._weights(enc, tr, args.text_weight), T.C)
        trans = T.page_transitions(enc, tr)
        if args.one_state:
            trans = T.transitions([enc.y[slice(*enc.bounds[i])] for i in tr],
                                  [0 * enc.gaps[slice(*enc.bounds[i])] for i in tr])[:1]
        model = T.model_of(W, b, trans, args.transition_weight, T.QUICK["head_min"])
        Xt, yt, bounds = enc.subset(te)
        gaps = enc.gaps_of(te)
        logp = T.page_logp(model, Xt)
        for i, (a, b_) in zip(te, bounds, strict=True):
            rows, _ = rows_of(text[i].text)
            feats = featurise(rows, title=text[i].title) if args.pull else []
            tags = model.decode_page(logp[a:b_], gaps[a:b_])
            for r_i, (row, g, p) in enumerate(zip(rows, yt[a:b_], tags, strict=True)):
                pair = (tag_kind(TAGS[g]), tag_kind(p))
                conf["all"][pair] += 1
                if subset is not None and text[i].id in subset:
                    conf["subset"][pair] += 1
                if (pair[0] in show or pair[1] in show) and pair[0] != pair[1]:
                    print(f"  {text[i].id}: {pair[0]} read as {pair[1]} | {row.text[:80]}")
                    if args.pull:
                        print("      " + pulls(feats[r_i], W, TAGS[g], p,
                                                args.pull))
    print(f"text weight {args.text_weight}, transition weight {args.transition_weight}"
          f"{' (one state)' if args.one_state else ''}, {T.FOLDS} folds, cpu "
          f"{time.process_time() - t0:.0f} s")
    report("all train pages", conf["all"])
    if subset is not None:
        report(f"train pages of {args.pages_of}", conf["subset"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
