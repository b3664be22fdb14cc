"""Does a full audit stay linear in the page's length? Audit vs bare parse, 10k to 1M chars.

    .venv/bin/python bench/scaling.py [--sizes 10000,100000,1000000] [--repeat 1]

Pages are generated (bench/pagegen.py: a headline, a byline and paragraphs of varied
sentences with tolls, money, percentages, quotes, reported speech and "according to"
chains; no sentence twice). For each size, in one process: the bare parse (``nlp(text)``
of a plain ``spacy.load`` of the same model) and the full audit
(``Auditor.audit``: ingest, language, parse, every stage and all nine checks) of the same
page, interleaved, best of ``--repeat``. Times are the process's CPU time
(``time.process_time``), which other processes on a loaded machine barely move, with the
wall time of the audit beside them, and the audit's time split into its own parse (the
same model with newsaudit's components) and the analysis after it. Printed: both times,
audit ÷ parse (the bar is ≤ 1.5 at every size) and the audit's microseconds per
character, with the largest size's per-character time over the smallest's (the bar is
≤ 1.3).

The largest page is cut at a paragraph to at most 1,000,000 characters: spaCy's
``max_length``, over which the Auditor refuses a page with ``InputTooLarge`` (exit 2);
see docs/benchmarks.md for why.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pagegen import generate  # noqa: E402

LIMIT = 1_000_000


def page_of(chars: int, seed: int) -> str:
    """A generated page of about ``chars`` characters, never over the parser's limit."""
    text = generate(chars, seed=seed)
    while len(text) > LIMIT:
        text = text[: text.rstrip().rfind("\n\n")] + "\n"
    return text


class _TimedPipeline:
    """The Auditor's spaCy pipeline, with the CPU time of its calls added up, so the
    audit's own parse and the analysis after it are printed apart."""

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp
        self.spent = 0.0

    def __call__(self, text: str) -> Any:
        t = time.process_time()
        doc = self.nlp(text)
        self.spent += time.process_time() - t
        return doc

    def __getattr__(self, name: str) -> Any:
        return getattr(self.nlp, name)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]

    import spacy

    from newsaudit import nlp as na_nlp
    from newsaudit.auditor import Auditor

    model = na_nlp.choose_model()
    bare = spacy.load(model)
    auditor = Auditor().load()
    timed = _TimedPipeline(auditor.nlp)
    auditor._nlp = timed  # type: ignore[assignment]  # the audit's own parse, timed apart
    warm = page_of(3_000, seed=99)
    bare(warm)
    auditor.audit(warm)

    print(f"model: {model}; load average before: {os.getloadavg()[0]:.1f}")
    print(
        f"{'chars':>9} {'parse s':>8} {'audit s':>8} {'ratio':>6} {'us/char':>8} "
        f"{'wall s':>8} {'findings':>8} {'its parse':>9} {'after':>7}  (CPU seconds)"
    )
    per_char: list[float] = []
    for i, size in enumerate(sizes):
        text = page_of(size, seed=i + 1)
        parse_t, audit_t, wall_t, own_t = [], [], [], []
        findings = 0
        for _ in range(args.repeat):
            t = time.process_time()
            bare(text)
            parse_t.append(time.process_time() - t)
            t, w = time.process_time(), time.perf_counter()
            timed.spent = 0.0
            report = auditor.audit(text)
            audit_t.append(time.process_time() - t)
            own_t.append(timed.spent)
            wall_t.append(time.perf_counter() - w)
            findings = len(report.findings)
            del report
        p, a = min(parse_t), min(audit_t)
        own = own_t[audit_t.index(a)]
        per_char.append(a / len(text) * 1e6)
        print(
            f"{len(text):>9,} {p:>8.2f} {a:>8.2f} {a / p:>6.2f} {per_char[-1]:>8.2f} "
            f"{min(wall_t):>8.2f} {findings:>8} {own:>9.2f} {a - own:>7.2f}",
            flush=True,
        )
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"per-char time, largest / smallest: {per_char[-1] / per_char[0]:.2f}")
    print(f"peak RSS: {peak_mb:.0f} MB; load average after: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
