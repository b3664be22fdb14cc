"""Score the loaded-language tagger at word and span level, on the datasets' own formats.

* **word** P/R/F1: over every labelled word (BABE biased sentences without marked words and
  PTC ``Name_Calling`` words are left out, as in training);
* **span** P/R/F1: the SemEval-2020 Task 11 span-identification measure (Da San Martino et
  al. 2019): a predicted span earns the share of its characters that fall in gold spans
  (precision), a gold span the share of its characters that are predicted (recall). Spans
  are merged per sentence (BABE, BASIL) or per article (PTC) first.

The PTC part reads an ``article*.txt`` directory and a technique-labels file
(``article_id<TAB>technique<TAB>start<TAB>end``), so anyone holding the official test gold
can score the shipped model with ``python -m newsaudit.evaluation.loaded --ptc-articles DIR
--ptc-labels FILE``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newsaudit.loaded import LoadedModel, group_spans, load_model
from newsaudit.training.loaded import (
    Sentence,
    default_data_dir,
    load_ptc,
    load_splits,
)

DATASETS = ("babe", "basil", "ptc")


def prf(tp: float, n_pred: float, n_gold: float) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def token_prf(
    rows: Sequence[tuple[Sentence, Sequence[float]]], threshold: float
) -> dict[str, float]:
    """Word-level P/R/F1 of ``probs >= threshold`` against the words' labels."""
    tp = pred = gold = 0
    for s, probs in rows:
        for lab, p in zip(s.labels, probs, strict=False):
            if lab < 0:
                continue
            hit = p >= threshold
            pred += hit
            gold += lab
            tp += hit and lab == 1
    return prf(tp, pred, gold)


def merge(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def span_scores(units: Sequence[tuple[Sequence[tuple[int, int]], Sequence[tuple[int, int]]]]
                ) -> dict[str, float]:
    """SemEval-2020 Task 11 SI precision/recall/F1 over ``(predicted, gold)`` span lists."""
    p_sum = r_sum = 0.0
    n_pred = n_gold = 0
    for pred, gold in units:
        pred, gold = merge(pred), merge(gold)
        n_pred += len(pred)
        n_gold += len(gold)
        for ps, pe in pred:
            p_sum += sum(max(0, min(pe, ge) - max(ps, gs)) for gs, ge in gold) / (pe - ps)
        for gs, ge in gold:
            r_sum += sum(max(0, min(pe, ge) - max(ps, gs)) for ps, pe in pred) / (ge - gs)
    p = p_sum / n_pred if n_pred else 0.0
    r = r_sum / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "predicted": n_pred, "gold": n_gold}


def _units(rows: Sequence[tuple[Sentence, Sequence[float]]], threshold: float
           ) -> list[tuple[list[tuple[int, int]], list[tuple[int, int]]]]:
    by_unit: dict[tuple[str, str, int], tuple[list[tuple[int, int]], list[tuple[int, int]]]] = {}
    for s, probs in rows:
        if s.labels and all(lab < 0 for lab in s.labels):
            continue  # a biased BABE sentence whose words nobody marked
        # PTC spans are scored per article (offsets shifted back), the others per sentence.
        key = (s.dataset, s.doc, 0 if s.dataset == "ptc" else id(s))
        pred, gold = by_unit.setdefault(key, ([], []))
        for sp in group_spans(s.text, s.tokens, probs, threshold):
            pred.append((sp.start + s.offset, sp.end + s.offset))
        gold.extend((a + s.offset, b + s.offset) for a, b in s.gold)
    return list(by_unit.values())


def evaluate_model(model: LoadedModel, sentences: Sequence[Sentence],
                   threshold: float | None = None) -> dict[str, Any]:
    """Word and span scores per dataset, plus the sentence gate's accuracy on BABE."""
    thr = model.threshold if threshold is None else threshold
    out: dict[str, Any] = {"threshold": thr, "gate_weight": model.gate_weight}
    for ds in DATASETS:
        rows = [(s, model.word_scores(s.text, full=True)[1]) for s in sentences
                if s.dataset == ds]
        if not rows:
            continue
        out[ds] = {"sentences": len(rows), "word": token_prf(rows, thr),
                   "span": span_scores(_units(rows, thr))}
    babe = [s for s in sentences if s.dataset == "babe" and s.biased is not None]
    if babe:
        logits = model.sentence_logits([s.text for s in babe])
        tp = sum(1 for s, z in zip(babe, logits, strict=True) if z >= 0 and s.biased)
        right = sum(1 for s, z in zip(babe, logits, strict=True) if (z >= 0) == bool(s.biased))
        acc = right / len(babe)
        out["babe_sentence_gate"] = {**prf(tp, sum(z >= 0 for z in logits),
                                           sum(s.biased or 0 for s in babe)),
                                     "accuracy": round(acc, 4)}
    return out


def evaluate(
    data_dir: Path | None = None,
    *,
    model: LoadedModel | None = None,
    ptc_articles: Path | None = None,
    ptc_labels: Path | None = None,
) -> dict[str, Any]:
    """Score ``model`` (default: the shipped one) on the held-out splits of ``data_dir``,
    or, given ``ptc_articles`` and ``ptc_labels``, on that PTC set only."""
    model = model or load_model()
    if ptc_articles is not None and ptc_labels is not None:
        return evaluate_model(model, load_ptc(ptc_articles, ptc_labels))
    return evaluate_model(model, load_splits(data_dir or default_data_dir())["test"])


def format_table(result: dict[str, Any]) -> str:
    """A plain-text table: one row per dataset and level."""
    lines = [f"{'data':8} {'level':5} {'P':>6} {'R':>6} {'F1':>6}  n",
             "-" * 40]
    for ds in DATASETS:
        if ds not in result:
            continue
        r = result[ds]
        for level in ("word", "span"):
            m = r[level]
            n = f"{m['gold']} gold" if "gold" in m else f"{r['sentences']} sent"
            lines.append(f"{ds:8} {level:5} {m['precision']:6.3f} {m['recall']:6.3f} "
                         f"{m['f1']:6.3f}  {n}")
    if "babe_sentence_gate" in result:
        g = result["babe_sentence_gate"]
        lines.append(f"{'babe':8} {'sent':5} {g['precision']:6.3f} {g['recall']:6.3f} "
                     f"{g['f1']:6.3f}  acc {g['accuracy']:.3f}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m newsaudit.evaluation.loaded [--data DIR | --ptc-articles D --ptc-labels F]``."""
    parser = argparse.ArgumentParser(prog="newsaudit evaluate loaded")
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--ptc-articles", type=Path, default=None)
    parser.add_argument("--ptc-labels", type=Path, default=None)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = evaluate(args.data, ptc_articles=args.ptc_articles, ptc_labels=args.ptc_labels)
    print(json.dumps(result, indent=2) if args.json else format_table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
