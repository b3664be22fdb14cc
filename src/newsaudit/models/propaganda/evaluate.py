"""Score the shipped propaganda model the way SemEval-2020 Task 11 scored its participants.

    newsaudit eval ptc --articles .../dev-articles \\
        --labels .../dev-gold/dev-task-TC.labels [--task si|tc|both]

The scorers are in :mod:`newsaudit.models.propaganda.scoring`.

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
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newsaudit.datasets.ptc import Label, read_articles, read_labels, trim_span
from newsaudit.models.propaganda.runtime import PropagandaModel, load_model
from newsaudit.models.propaganda.scoring import (
    predict_spans,
    predict_techniques,
    si_score,
    tc_score,
)

__all__ = ["evaluate", "format_table"]


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
    every = read_labels(Path(labels))
    gold = [lab for lab in every if lab.article in articles]
    unknown = {lab.article for lab in every} - set(articles)
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
