"""Score the article body newsaudit reads from HTML on the Zyte (Scrapinghub) benchmark.

The article-extraction benchmark (github.com/scrapinghub/article-extraction-benchmark)
holds 181 news and blog pages with a hand-checked ``articleBody`` for each. newsaudit
labels a page's zones as well as finding its article, and the body it returns must be at
least as good as trafilatura's alone; so both are run here on the same pages in the same
process, and scored the same way.

Reading the data
    :mod:`newsaudit.datasets.scrapinghub` lists the pages (sorted by id, so ``limit``
    always takes the same ones) and reads their HTML.

The two systems
    * newsaudit: ``load_page(html, fmt="html")``, then the text of the segments of kind
      ``"body"`` joined by ``"\\n"``. The headline, byline, dateline, captions, related
      links, comments, forms and lines labelled boilerplate are left out: the benchmark's
      ``articleBody`` leaves out the headline and page furniture.
    * trafilatura: ``trafilatura.extract(html)`` with its default settings (``None`` scores
      as an empty text). The published 0.958 (trafilatura 2.0.0) was run with
      ``include_comments=False``; the default keeps comments, which costs it about a
      point of precision on this set.

The metric (upstream ``evaluate.py``, functions ``string_tp_fp_fn``,
``metrics_from_tp_fp_fns`` and ``_tokenize``, reimplemented exactly)
    * Tokens are ``text.split()``: white space only, case kept, punctuation attached.
    * Per page, the tokens are compared as bags (multisets): TP = size of the multiset
      intersection, FP = predicted - TP, FN = true - TP.
    * Per page: both empty -> P = R = F1 = 1; TP = 0 otherwise -> all 0; else
      P = TP/(TP+FP), R = TP/(TP+FN), F1 their harmonic mean.
    * The reported P, R and F1 are **means of the per-page values** (macro), not ratios
      of summed counts. Accuracy is the share of pages whose token *sequence* equals the
      truth's. The ``±`` figures are the standard deviation over 1,000 bootstrap resamples
      of the pages, as upstream (which leaves its RNG unseeded; ours is seeded so a run
      repeats exactly).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from newsaudit.datasets.scrapinghub import GROUND_TRUTH, Item, load_items, read_html
from newsaudit.metrics import prf

__all__ = [
    "data_hash",
    "evaluate",
    "format_table",
    "main",
    "newsaudit_body",
    "page_scores",
    "summarise",
    "tokenize",
    "tp_fp_fn",
    "trafilatura_body",
]

SYSTEMS: tuple[str, ...] = ("newsaudit", "trafilatura")
#: Upstream's default number of bootstrap resamples.
N_BOOTSTRAP = 1000


def tokenize(text: str) -> list[str]:
    """Upstream's ``_tokenize``: white-space split, nothing else (no case folding)."""
    return text.split()


def tp_fp_fn(true: str, pred: str) -> tuple[int, int, int]:
    """Bag-of-tokens overlap of one page (upstream ``string_tp_fp_fn``)."""
    t, p = Counter(tokenize(true)), Counter(tokenize(pred))
    tp = sum((t & p).values())
    return tp, sum(p.values()) - tp, sum(t.values()) - tp


def page_scores(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """(precision, recall, F1) of one page, with upstream's conventions for empty texts."""
    if tp == fp == fn == 0:
        return 1.0, 1.0, 1.0
    if tp == 0:
        return 0.0, 0.0, 0.0
    p, r, f = prf(tp, tp + fp, tp + fn)
    return p, r, f


def _means(counts: Sequence[tuple[int, int, int]]) -> dict[str, float]:
    scores = [page_scores(*c) for c in counts]
    return {
        "f1": statistics.mean(s[2] for s in scores),
        "precision": statistics.mean(s[0] for s in scores),
        "recall": statistics.mean(s[1] for s in scores),
    }


def summarise(
    counts: Sequence[tuple[int, int, int]],
    exact: Sequence[bool],
    *,
    n_bootstrap: int = N_BOOTSTRAP,
    seed: int = 0,
) -> dict[str, float]:
    """Macro P/R/F1 and accuracy over pages, with bootstrap standard deviations."""
    out = _means(counts)
    out["accuracy"] = statistics.mean(float(e) for e in exact)
    n = len(counts)
    if n_bootstrap > 1 and n:
        rng = random.Random(seed)
        samples: dict[str, list[float]] = {k: [] for k in out}
        for _ in range(n_bootstrap):
            idx = [rng.randint(0, n - 1) for _ in range(n)]
            for k, v in _means([counts[i] for i in idx]).items():
                samples[k].append(v)
            samples["accuracy"].append(statistics.mean(float(exact[i]) for i in idx))
        for k, vals in samples.items():
            out[f"{k}_std"] = statistics.stdev(vals)
    return out


# --------------------------------------------------------------------------- data


def data_hash(root: Path, items: Sequence[Item]) -> str:
    """sha256 over ground-truth.json then each scored page file, in id order.

    The ground truth is hashed whole, so any edit to it shows, even to pages past
    ``limit``: a floor is only meaningful on the exact data it was measured on.
    """
    h = hashlib.sha256((root / GROUND_TRUTH).read_bytes())
    for it in items:
        h.update(it.path.read_bytes())
    return h.hexdigest()


# --------------------------------------------------------------------------- systems


def newsaudit_body(html: str) -> str:
    """The text of the page's body segments, one per line, as newsaudit reads the HTML."""
    from newsaudit.ingest import load_page

    page = load_page(html, source="<benchmark>", fmt="html")
    return "\n".join(s.text for s in page.segments if s.kind == "body")


def trafilatura_body(html: str) -> str:
    """Plain ``trafilatura.extract`` with its default settings."""
    import trafilatura

    return trafilatura.extract(html) or ""


def _run(fn: Callable[[str], str], html: str) -> tuple[str, float, str | None]:
    t0 = time.perf_counter()
    try:
        text, err = fn(html), None
    except Exception as exc:  # a failing page scores as an empty extraction, and is listed
        text, err = "", f"{type(exc).__name__}: {exc}"
    return text, time.perf_counter() - t0, err


def evaluate(dir: Path, *, limit: int | None = None) -> dict:
    """Run newsaudit's HTML body and plain trafilatura on every page and score both."""
    import trafilatura

    import newsaudit.ingest  # noqa: F401  (imported before the clock starts)

    root = Path(dir)
    items = load_items(root, limit=limit)
    runners = {"newsaudit": newsaudit_body, "trafilatura": trafilatura_body}
    counts: dict[str, list[tuple[int, int, int]]] = {s: [] for s in SYSTEMS}
    exact: dict[str, list[bool]] = {s: [] for s in SYSTEMS}
    seconds = dict.fromkeys(SYSTEMS, 0.0)
    errors: dict[str, list[dict[str, str]]] = {s: [] for s in SYSTEMS}
    pages = []
    for it in items:
        html = read_html(it.path)
        row: dict[str, Any] = {"id": it.id}
        for name in SYSTEMS:
            text, took, err = _run(runners[name], html)
            seconds[name] += took
            if err:
                errors[name].append({"id": it.id, "error": err})
            c = tp_fp_fn(it.truth, text)
            counts[name].append(c)
            exact[name].append(tokenize(it.truth) == tokenize(text))
            row[name] = round(page_scores(*c)[2], 4)
        pages.append(row)

    systems: dict[str, dict[str, Any]] = {}
    for name in SYSTEMS:
        s: dict[str, Any] = summarise(counts[name], exact[name])
        s["seconds"] = round(seconds[name], 2)
        s["ms_per_page"] = round(1000 * seconds[name] / max(len(items), 1), 1)
        s["errors"] = errors[name]
        systems[name] = s
    systems["trafilatura"]["version"] = trafilatura.__version__
    a, b = ([r[n] for r in pages] for n in SYSTEMS)
    return {
        "benchmark": "article-extraction-benchmark",
        "dir": str(root),
        "pages": len(items),
        "data_sha256": data_hash(root, items),
        "metric": "token bag P/R/F1 per page (text.split()), macro-averaged; evaluate.py",
        "systems": systems,
        "wins": {
            "newsaudit": sum(x > y for x, y in zip(a, b, strict=True)),
            "trafilatura": sum(y > x for x, y in zip(a, b, strict=True)),
            "ties": sum(x == y for x, y in zip(a, b, strict=True)),
        },
        "per_page": pages,
    }


def format_table(result: dict) -> str:
    """The scores as a fixed-width table, one row per system, as upstream prints them."""
    lines = [
        f"Article extraction benchmark: {result['pages']} pages in {result['dir']}",
        f"{'system':<18} {'F1':>15} {'precision':>15} {'recall':>15} {'accuracy':>15}"
        f" {'ms/page':>8}",
    ]
    for name in SYSTEMS:
        s = result["systems"][name]
        cells = [
            f"{s[k]:.3f} ± {s.get(k + '_std', 0.0):.3f}"
            for k in ("f1", "precision", "recall", "accuracy")
        ]
        label = name if name != "trafilatura" else f"trafilatura {s.get('version', '')}".strip()
        lines.append(f"{label:<18} " + " ".join(f"{c:>15}" for c in cells)
                     + f" {s['ms_per_page']:>8.1f}")
    w = result["wins"]
    lines.append(
        f"per page F1: newsaudit better on {w['newsaudit']}, trafilatura better on "
        f"{w['trafilatura']}, equal on {w['ties']}"
    )
    for name in SYSTEMS:
        errs = result["systems"][name]["errors"]
        if errs:
            lines.append(f"{name} failed on {len(errs)} page(s): "
                         + ", ".join(e["id"][:12] for e in errs))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m newsaudit.evaluation.extraction DIR`` prints the table (or JSON)."""
    parser = argparse.ArgumentParser(prog="newsaudit eval extraction")
    parser.add_argument("dir", type=Path, help="directory with ground-truth.json and html/")
    parser.add_argument("--limit", type=int, default=None, help="score the first N pages by id")
    parser.add_argument("--json", action="store_true", help="print the full result as JSON")
    args = parser.parse_args(argv)
    result = evaluate(args.dir, limit=args.limit)
    print(json.dumps(result, indent=2) if args.json else format_table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
