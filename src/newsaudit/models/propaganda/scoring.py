"""Score propaganda predictions the way SemEval-2020 Task 11 scored its participants.

Source of truth: the organisers' scorers ``task-SI_scorer.py`` and ``task-TC_scorer.py``
(propaganda_tools distributed with the PTC corpus, SemEval-2020 Task 11), reproduced here
from their published logic since the tools are not shipped beside the data:

* **SI** (span identification). Every span is the *set* of its character offsets. Within
  each article, spans that share at least one character are merged into their union, for
  gold and predictions alike (the scorer merges gold always and the submission with ``-m``;
  touching spans are not merged). For every pair (predicted ``s``, gold ``t``) of an article
  the scorer adds ``|s ∩ t| / |s|`` to the precision numerator and ``|s ∩ t| / |t|`` to the
  recall numerator. Precision divides by the number of predicted spans, recall by the
  number of gold spans over all articles; F1 is their harmonic mean (0 when either is 0,
  1 when there are neither predictions nor gold spans). Partial overlaps earn partial credit.
* **TC** (technique classification). One predicted label per gold span; micro-averaged
  F1 over the 14 techniques, which equals accuracy when every gold span gets a label. A span
  listed twice with two techniques needs two predictions; they are matched to its gold
  labels as a multiset (order within the same offsets does not matter). Per-technique F1 is
  reported as the TC scorer prints it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from newsaudit.datasets.ptc import Label
from newsaudit.metrics import prf
from newsaudit.models.propaganda.features import tokenize
from newsaudit.models.propaganda.runtime import TECHNIQUES, PropagandaModel

__all__ = ["merge_overlapping", "predict_spans", "predict_techniques", "si_score", "tc_score"]


def merge_overlapping(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Union of spans that share a character (as the scorer merges its character sets)."""
    out: list[list[int]] = []
    for s, e in sorted(sp for sp in spans if sp[1] > sp[0]):
        if out and s < out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def _prf(p_num: float, p_den: int, r_num: float, r_den: int) -> dict[str, float]:
    """P/R/F1 with the scorers' convention that no predictions and no gold is a perfect 1."""
    out = prf(p_num, p_den, r_den, tp_gold=r_num).to_dict()
    if p_den == 0 and r_den == 0:
        out["f1"] = 1.0
    return out


def si_score(
    gold: dict[str, list[tuple[int, int]]], pred: dict[str, list[tuple[int, int]]]
) -> dict[str, Any]:
    """The SI scorer's partial-overlap precision, recall and F1 (see the module docstring)."""
    g = {a: merge_overlapping(v) for a, v in gold.items()}
    p = {a: merge_overlapping(v) for a, v in pred.items()}
    p_num = r_num = 0.0
    for art, spans in p.items():
        for ps, pe in spans:
            for gs, ge in g.get(art, ()):
                inter = min(pe, ge) - max(ps, gs)
                if inter > 0:
                    p_num += inter / (pe - ps)
                    r_num += inter / (ge - gs)
    p_den = sum(len(v) for v in p.values())
    r_den = sum(len(v) for v in g.values())
    return {**_prf(p_num, p_den, r_num, r_den), "predicted": p_den, "gold": r_den}


def tc_score(gold: Sequence[Label], pred: Sequence[Label]) -> dict[str, Any]:
    """Micro-F1 over gold spans and per-technique P/R/F1, as the TC scorer reports them."""
    gold_by: dict[tuple[str, int, int], Counter[str]] = defaultdict(Counter)
    pred_by: dict[tuple[str, int, int], Counter[str]] = defaultdict(Counter)
    for lab in gold:
        gold_by[(lab.article, lab.start, lab.end)][str(lab.technique)] += 1
    for lab in pred:
        pred_by[(lab.article, lab.start, lab.end)][str(lab.technique)] += 1
    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter(str(lab.technique) for lab in gold)
    n_pred: Counter[str] = Counter(str(lab.technique) for lab in pred)
    for key, labels in gold_by.items():
        tp.update(labels & pred_by.get(key, Counter()))
    micro = _prf(sum(tp.values()), sum(n_pred.values()), sum(tp.values()), sum(n_gold.values()))
    per = {t: {**_prf(tp[t], n_pred[t], tp[t], n_gold[t]), "support": n_gold[t]}
           for t in TECHNIQUES}
    return {
        "micro_f1": micro["f1"],
        "precision": micro["precision"],
        "recall": micro["recall"],
        "spans": len(gold),
        "per_technique": per,
    }


def predict_spans(
    model: PropagandaModel, articles: dict[str, str]
) -> dict[str, list[tuple[int, int]]]:
    out: dict[str, list[tuple[int, int]]] = {}
    for art, text in articles.items():
        toks = tokenize(text)
        out[art] = (
            [(s, e) for s, e, _ in model.spans(toks, model.token_probs(toks))] if toks.words else []
        )
    return out


def predict_techniques(
    model: PropagandaModel, articles: dict[str, str], gold: Sequence[Label]
) -> list[Label]:
    """One label per gold span; a span listed k times gets its k most likely techniques."""
    by_art: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for lab in gold:
        by_art[lab.article].append((lab.start, lab.end))
    out: list[Label] = []
    for art, spans in by_art.items():
        text = articles[art]
        mult = Counter(spans)
        uniq = sorted(mult)
        probs = model.classify(text, uniq)
        for (s, e), p in zip(uniq, probs, strict=True):
            order = p.argsort()[::-1]
            for k in range(mult[(s, e)]):
                out.append(Label(art, model.techniques[int(order[k % len(order)])], s, e))
    return out
