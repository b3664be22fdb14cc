"""How the loaded-language tagger is scored, at word and span level.

* **word** P/R/F1: over every labelled word (BABE biased sentences without marked words and
  PTC ``Name_Calling`` words are left out, as in training);
* **span** P/R/F1: the SemEval-2020 Task 11 span-identification measure (Da San Martino et
  al. 2019): a predicted span earns the share of its characters that fall in gold spans
  (precision), a gold span the share of its characters that are predicted (recall). Spans
  are merged per sentence (BABE, BASIL) or per article (PTC) first.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newsaudit.metrics import prf
from newsaudit.models.loaded.corpus import DATASETS, Sentence
from newsaudit.models.loaded.runtime import LoadedModel, group_spans

__all__ = ["evaluate_model", "format_table", "span_scores", "token_prf"]


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
    return prf(tp, pred, gold).to_dict(4)


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
    scores = prf(p_sum, n_pred, n_gold, tp_gold=r_sum).to_dict(4)
    return {**scores, "predicted": n_pred, "gold": n_gold}


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
        gate = prf(tp, sum(z >= 0 for z in logits), sum(s.biased or 0 for s in babe))
        out["babe_sentence_gate"] = {**gate.to_dict(4), "accuracy": round(acc, 4)}
    return out


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
