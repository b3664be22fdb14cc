"""Throughput of a full audit against bare spaCy on the same pages, in one process.

    .venv/bin/python bench/throughput.py [--pages 200] [--data ../shared/data/fnc1]

Pages are FNC-1 article bodies (real news text; read from ../shared/data, never
committed). The baseline is ``nlp.pipe`` of a plain ``spacy.load`` of the same model with
the same batch size (spaCy's own blis matmul); a second baseline, the same model loaded
on numpy ops as the audit's ``spacy.matmul`` setting loads it, says how much of the
ratio is the matrix backend and how much the analysis after the parse; the audit is
``newsaudit.audit_many`` (ingest, parse, anatomy, quantities, attributions, claims,
checks). All three run twice, interleaved, after a warm-up,
and the best of the two runs counts, so one noisy moment does not decide the ratio;
before each audit run, what the analysis keeps per page text is forgotten, so the second
run does not find the pages it saw in the first. The
ratio is printed in wall time and in the process's CPU time, which other processes on a
loaded machine barely move.
Peak memory is the process's peak resident set size. Then, on the same pages, the share
of each spaCy component in the parse (one page at a time through each component in turn)
and of everything after the parse, so a ratio under 1.0 says what costs what.
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = Path(os.environ.get("NEWSAUDIT_DATA", REPO.parent / "shared" / "data")) / "fnc1"


def load_pages(data_dir: Path, n: int, min_words: int = 150) -> list[str]:
    csv.field_size_limit(sys.maxsize)
    pages: list[str] = []
    with open(data_dir / "train_bodies.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            body = row["articleBody"]
            if len(body.split()) >= min_words:
                pages.append(body)
            if len(pages) >= n:
                break
    return pages


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=200)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--batch-size", type=int, default=16)
    args = ap.parse_args(argv)
    if not (args.data / "train_bodies.csv").exists():
        print(f"bench: {args.data}/train_bodies.csv not found (FNC-1 bodies are the bench pages)")
        return 2

    import spacy

    from newsaudit import audit_many
    from newsaudit import nlp as na_nlp
    from newsaudit.auditor import default_auditor

    pages = load_pages(args.data, args.pages)
    words = sum(len(p.split()) for p in pages)
    model = na_nlp.choose_model()
    from thinc.api import use_ops

    bare = spacy.load(model)
    with use_ops("numpy", use_blis=False):
        bare_np = spacy.load(model)
    na_nlp.load()  # load outside the timed region, as the baseline's load is

    def run_bare() -> tuple[float, float]:
        t, c = time.perf_counter(), time.process_time()
        for _ in bare.pipe(pages, batch_size=args.batch_size):
            pass
        return time.perf_counter() - t, time.process_time() - c

    def run_bare_np() -> tuple[float, float]:
        t, c = time.perf_counter(), time.process_time()
        with na_nlp.one_blas_thread():
            for _ in bare_np.pipe(pages, batch_size=args.batch_size):
                pass
        return time.perf_counter() - t, time.process_time() - c

    def run_audit() -> tuple[float, float]:
        forget_pages()
        t, c = time.perf_counter(), time.process_time()
        for _ in audit_many(pages, batch_size=args.batch_size):
            pass
        return time.perf_counter() - t, time.process_time() - c

    list(bare.pipe(pages[:8]))
    list(bare_np.pipe(pages[:8]))
    list(audit_many(pages[:8]))
    bare_t, np_t, audit_t = [], [], []
    for _ in range(2):
        bare_t.append(run_bare())
        audit_t.append(run_audit())
        np_t.append(run_bare_np())
    b, a = min(w for w, _ in bare_t), min(w for w, _ in audit_t)
    b_cpu, a_cpu = min(c for _, c in bare_t), min(c for _, c in audit_t)
    n_cpu = min(c for _, c in np_t)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    per_page = words // len(pages)
    print(f"model: {model}; pages: {len(pages)} ({words:,} words, {per_page} words/page)")
    print(f"bare spaCy nlp.pipe : {len(pages) / b:7.2f} pages/s  ({words / b:,.0f} words/s)")
    print(f"newsaudit audit_many: {len(pages) / a:7.2f} pages/s  ({words / a:,.0f} words/s)")
    print(f"ratio audit/bare    : {b / a:7.3f}")
    print(f"ratio in CPU time   : {b_cpu / a_cpu:7.3f}  (bare {b_cpu:.1f} s, audit {a_cpu:.1f} s)")
    print(f"bare spaCy, numpy ops: {len(pages) / min(w for w, _ in np_t):6.2f} pages/s  "
          f"(the audit's own matmul setting, {n_cpu:.1f} CPU s)")
    print(f"ratio audit/bare on the same ops, CPU: {n_cpu / a_cpu:6.3f}  "
          "(what the analysis after the parse costs, net of newsaudit's parse savings)")
    print(f"peak RSS            : {peak_mb:7.0f} MB")
    print(f"load average        : {os.getloadavg()[0]:7.1f}")
    # the audit's own pipeline (its caches warm from the runs above), not a second copy
    print_shares(pages, default_auditor().nlp)
    return 0


def forget_pages() -> None:
    """Empty what the analysis keeps per page text (the layout model's line tags, the
    loaded-language tagger's sentences), so each timed run audits pages it has not seen:
    the bench runs the same pages twice, and a repeated page is not throughput. What is
    kept per word (the cached lemmatizer's and attribute ruler's tables) stays warm, as
    in any long-running process."""
    from newsaudit import anatomy
    from newsaudit.auditor import default_auditor

    anatomy.forget_tags()
    default_auditor().models.loaded_spans.cache_clear()


def print_shares(pages: list[str], nlp: Language) -> None:
    """Each component's share of the parse, and the analysis after it, on ``pages``."""
    from newsaudit.auditor import default_auditor
    from newsaudit.ingest import load_page
    from newsaudit.nlp import one_blas_thread
    from newsaudit.pipeline import analyse

    spent = dict.fromkeys(["tokenizer", *nlp.pipe_names, "after the parse"], 0.0)
    ctx = default_auditor().context
    for text in pages:
        page = load_page(text)
        with one_blas_thread():  # as the audit parses
            t = time.process_time()
            doc = nlp.make_doc(page.document.text)
            spent["tokenizer"] += time.process_time() - t
            for name, proc in nlp.pipeline:
                t = time.process_time()
                doc = proc(doc)
                spent[name] += time.process_time() - t
        t = time.process_time()
        analyse(page, doc, context=ctx)
        spent["after the parse"] += time.process_time() - t
    parse = sum(v for k, v in spent.items() if k != "after the parse")
    print(f"one page at a time: parse {parse:.1f} CPU s; each part as % of the parse")
    for name, secs in spent.items():
        print(f"  {name:<22} {100 * secs / parse:6.1f}")


if __name__ == "__main__":
    sys.exit(main())
