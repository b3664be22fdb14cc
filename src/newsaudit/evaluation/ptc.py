"""Score the propaganda model the way SemEval-2020 Task 11 scored its participants.

    python -m newsaudit.evaluation.ptc --articles .../dev-articles \\
        --labels .../dev-gold/dev-task-TC.labels [--task si|tc|both]

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

Gold files in either format are accepted: ``article_id, technique, start, end`` (TC) or
``article_id, start, end`` (SI), as one file or a directory of per-article files. TC gold
also serves SI (its spans, merged). ``trim=True`` applies the corpus v2 boundary rule (no
span starts or ends with a space, newline, ``.``, ``,``, ``:`` or ``;``) to gold spans
first: the dev gold found online predates v2 and 185 of its spans carry a trailing space or
full stop; v2-conformant gold is unchanged by it. Both the trimmed and raw SI scores are
returned.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from newsaudit.propaganda import TECHNIQUES, PropagandaModel, load_model
from newsaudit.propaganda_features import tokenize

_TRIM = " \n.,:;"


class Label(NamedTuple):
    article: str
    technique: str | None
    start: int
    end: int


def read_articles(directory: Path) -> dict[str, str]:
    """``article<ID>.txt`` files keyed by ID, read without newline translation (offsets are
    into the raw text, as the scorer reads it)."""
    out: dict[str, str] = {}
    for path in sorted(directory.glob("article*.txt")):
        with path.open("r", encoding="utf-8", newline="") as fh:
            out[path.stem[len("article") :]] = fh.read()
    if not out:
        raise ValueError(f"{directory}: no article*.txt files")
    return out


def _parse_line(line: str, where: str) -> Label | None:
    parts = line.rstrip("\r\n").split("\t")
    if not any(p.strip() for p in parts):
        return None
    try:
        if len(parts) == 3:
            return Label(parts[0], None, int(parts[1]), int(parts[2]))
        if len(parts) == 4:
            return Label(parts[0], parts[1], int(parts[2]), int(parts[3]))
    except ValueError:
        pass
    raise ValueError(
        f"{where}: expected 'id<TAB>start<TAB>end' or 'id<TAB>technique<TAB>start<TAB>end'"
    )


def read_labels(path: Path) -> list[Label]:
    """Labels from one file or from every ``*.labels`` file in a directory."""
    files = sorted(path.glob("*.labels")) if path.is_dir() else [path]
    if path.is_dir() and not files:
        raise ValueError(f"{path}: no *.labels files")
    out: list[Label] = []
    for f in files:
        with f.open("r", encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                lab = _parse_line(line, f"{f}:{n}")
                if lab is not None:
                    out.append(lab)
    return out


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The corpus v2 rule: strip spaces, newlines and ``. , : ;`` from both ends."""
    end = min(end, len(text))
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def merge_overlapping(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Union of spans that share a character (as the scorer merges its character sets)."""
    out: list[list[int]] = []
    for s, e in sorted(sp for sp in spans if sp[1] > sp[0]):
        if out and s < out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def prf(p_num: float, p_den: int, r_num: float, r_den: int) -> dict[str, float]:
    p = p_num / p_den if p_den > 0 else 0.0
    r = r_num / r_den if r_den > 0 else 0.0
    f1 = 2 * p * r / (p + r) if p > 0 and r > 0 else (1.0 if p_den == 0 and r_den == 0 else 0.0)
    return {"precision": p, "recall": r, "f1": f1}


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
    return {**prf(p_num, p_den, r_num, r_den), "predicted": p_den, "gold": r_den}


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
    micro = prf(sum(tp.values()), sum(n_pred.values()), sum(tp.values()), sum(n_gold.values()))
    per = {t: {**prf(tp[t], n_pred[t], tp[t], n_gold[t]), "support": n_gold[t]} for t in TECHNIQUES}
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


def evaluate(
    articles_dir: Path,
    labels: Path,
    *,
    task: str = "both",
    trim: bool = True,
    model: PropagandaModel | None = None,
) -> dict[str, Any]:
    """Score ``model`` (default: the shipped one) on articles + gold labels (file or dir)."""
    if task not in ("si", "tc", "both"):
        raise ValueError("task must be 'si', 'tc' or 'both'")
    model = model or load_model()
    articles = read_articles(Path(articles_dir))
    gold = [lab for lab in read_labels(Path(labels)) if lab.article in articles]
    unknown = {lab.article for lab in read_labels(Path(labels))} - set(articles)
    trimmed = [
        Label(lab.article, lab.technique, *trim_span(articles[lab.article], lab.start, lab.end))
        for lab in gold
    ]
    changed = sum(1 for a, b in zip(gold, trimmed, strict=True) if a != b)
    result: dict[str, Any] = {
        "articles": len(articles),
        "gold_spans": len(gold),
        "gold_trimmed": changed if trim else 0,
        "unknown_articles": sorted(unknown),
        "model": {"date": model.card.get("date"), "featuriser": model.card.get("featuriser")},
    }
    used = trimmed if trim else gold
    t0 = time.perf_counter()
    if task in ("si", "both"):
        pred = predict_spans(model, articles)

        def spans_of(labs: Sequence[Label]) -> dict[str, list[tuple[int, int]]]:
            g: dict[str, list[tuple[int, int]]] = {a: [] for a in articles}
            for lab in labs:
                g[lab.article].append((lab.start, lab.end))
            return g

        result["si"] = si_score(spans_of(used), pred)
        if trim:
            result["si_untrimmed_gold"] = si_score(spans_of(gold), pred)
    if task in ("tc", "both"):
        if any(lab.technique is None for lab in used):
            result["tc"] = None
            result["tc_skipped"] = "labels carry no techniques (SI format)"
        else:
            result["tc"] = tc_score(used, predict_techniques(model, articles, used))
    result["seconds"] = round(time.perf_counter() - t0, 2)
    return result


def format_table(result: dict[str, Any]) -> str:
    head = (
        f"articles {result['articles']}, gold spans {result['gold_spans']} "
        f"({result['gold_trimmed']} trimmed to the v2 boundary rule)"
    )
    lines = [head]
    if result.get("si"):
        si = result["si"]
        lines.append(
            f"SI  P {si['precision']:.4f}  R {si['recall']:.4f}  F1 {si['f1']:.4f}  "
            f"(predicted {si['predicted']}, gold {si['gold']})"
        )
    if result.get("si_untrimmed_gold"):
        si = result["si_untrimmed_gold"]
        lines.append(
            f"SI on untrimmed gold: P {si['precision']:.4f}  R {si['recall']:.4f}  "
            f"F1 {si['f1']:.4f}"
        )
    if result.get("tc"):
        tc = result["tc"]
        lines.append(f"TC  micro-F1 {tc['micro_f1']:.4f}  ({tc['spans']} gold spans)")
        lines.append(f"    {'technique':<36} {'P':>6} {'R':>6} {'F1':>6} {'n':>5}")
        for t, s in tc["per_technique"].items():
            lines.append(
                f"    {t:<36} {s['precision']:6.3f} {s['recall']:6.3f} "
                f"{s['f1']:6.3f} {s['support']:5d}"
            )
    elif result.get("tc_skipped"):
        lines.append(f"TC  skipped: {result['tc_skipped']}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="newsaudit eval ptc",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--articles", type=Path, required=True, help="directory of article*.txt")
    parser.add_argument("--labels", type=Path, required=True, help="gold labels: file or directory")
    parser.add_argument("--task", choices=("si", "tc", "both"), default="both")
    parser.add_argument("--no-trim", action="store_true", help="score gold spans as given")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    result = evaluate(args.articles, args.labels, task=args.task, trim=not args.no_trim)
    print(json.dumps(result, indent=2) if args.json else format_table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
