"""Where a full audit spends its time: each stage and each check as a share of the parse.

    .venv/bin/python bench/stages.py [--pages 100] [--data ../shared/data/fnc1]

Same pages as bench/throughput.py (FNC-1 article bodies). For each page the spaCy parse is
timed, then every stage ``pipeline.analyse`` runs (read from ``pipeline.STAGES``) and
every registered check, on the same Doc; the table gives each one's total time as a
percentage of the total parse time, in one process, so the ratios hold whatever the
machine's speed. This replaces timing assertions in tests:
speed is measured here, not asserted there.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import DEFAULT_DATA, load_pages  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=100)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = ap.parse_args(argv)
    if not (args.data / "train_bodies.csv").exists():
        print(f"bench: {args.data}/train_bodies.csv not found (FNC-1 bodies are the bench pages)")
        return 2

    from newsaudit import ingest, nlp
    from newsaudit.checks import registry
    from newsaudit.context import DEFAULT_CONTEXT as ctx
    from newsaudit.model import Report
    from newsaudit.pipeline import STAGES

    pages = load_pages(args.data, args.pages)
    pipeline = nlp.load()
    checks = registry()
    spent: dict[str, float] = defaultdict(float)

    def timed(name: str, fn, *a):  # type: ignore[no-untyped-def]
        t = time.perf_counter()
        out = fn(*a)
        spent[name] += time.perf_counter() - t
        return out

    # Warm-up: load every model once outside the timed loop.
    page = ingest.load_page(pages[0])
    doc = pipeline(page.document.text)
    ctx.models.load()
    for info in checks.values():
        list(info.run(Report(page.document, page.segments), doc, ctx))

    # The stages pipeline.analyse runs, in its order; the checks stage one check at a time.
    for text in pages:
        page = timed("ingest", ingest.load_page, text)
        doc = timed("spaCy parse", pipeline, page.document.text)
        report = Report(page.document, page.segments)
        for stage in STAGES:
            if stage.name != "checks":
                report = timed(stage.name, stage.run, report, doc, ctx)
                continue
            for name, info in checks.items():
                timed(f"check {name}", lambda f, r, d: list(f(r, d, ctx)), info.run, report, doc)

    # Plain-text anatomy runs inside ingest (load_page -> segment_text); timed again on its
    # own, outside the totals, so its share of the audit is measured, not bounded by ingest.
    from newsaudit.anatomy import forget_tags, segment_text

    forget_tags()  # ingest kept every page's line tags: time the layout model afresh
    alone = 0.0
    for text in pages:
        t = time.perf_counter()
        segment_text(text)
        alone += time.perf_counter() - t

    parse = spent["spaCy parse"]
    print(f"{len(pages)} pages; spaCy parse {parse:.2f} s ({len(pages) / parse:.1f} pages/s)")
    print(f"{'stage':34} {'seconds':>8} {'% of parse':>11}")
    rest = 0.0
    for name, secs in spent.items():
        if name != "spaCy parse":
            rest += secs
        print(f"{name:34} {secs:8.3f} {100 * secs / parse:10.1f}%")
    print(f"{'everything but the parse':34} {rest:8.3f} {100 * rest / parse:10.1f}%")
    audit = parse + rest
    stage = spent.get("anatomy", 0.0)
    print(f"plain-text anatomy (segment_text, timed alone) {alone:.3f} s; with the anatomy "
          f"stage, {100 * (alone + stage) / audit:.1f}% of the audit's time "
          f"(all of ingest and the stage: {100 * (spent['ingest'] + stage) / audit:.1f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
