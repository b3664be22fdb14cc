"""The HTML reader's share of a full audit of HTML pages: reading (trafilatura twice, the
zone pass, the layout) against the audit of the read page, in one process.

    .venv/bin/python bench/html_read.py [--data ../shared/data] [--pages 60]

Pages: the first ``--pages`` cached pages of trafilatura-eval (``cache/*.html.gz``),
read from the data directory, never committed. The model is loaded before any timing.
Prints seconds for reading and for auditing the read pages, and reading's share of the
two together.
"""

from __future__ import annotations

import argparse
import gzip
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--pages", type=int, default=60)
    args = ap.parse_args(argv)
    files = sorted((args.data / "trafilatura-eval" / "cache").glob("*.html.gz"))[: args.pages]
    if not files:
        print(f"bench: no trafilatura-eval/cache/*.html.gz under {args.data}")
        return 2

    import newsaudit
    from newsaudit import ingest

    htmls = [gzip.decompress(p.read_bytes()).decode("utf-8", "replace") for p in files]
    newsaudit.audit("Warm-up page\n\nA man said hello on Monday.")
    t0 = time.perf_counter()
    pages = [ingest.load_page(h, source=p.name, fmt="html") for p, h in zip(files, htmls,
                                                                             strict=True)]
    t1 = time.perf_counter()
    for page in pages:
        newsaudit.audit(page)
    t2 = time.perf_counter()
    print(f"pages {len(pages)}: read {t1 - t0:.2f} s, audit of the read pages {t2 - t1:.2f} s, "
          f"reading's share {(t1 - t0) / (t2 - t0):.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
