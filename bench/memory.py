"""Does ``audit_many`` hold memory bounded over a long batch? Peak RSS along 1,000 pages.

    .venv/bin/python bench/memory.py [--pages 1000] [--data ../shared/data/fnc1]

Pages are FNC-1 article bodies (ordinary news pages, read from ../shared/data, never
committed), fed to ``newsaudit.audit_many`` as a generator and each report dropped once
read, as a batch writer does. The process's peak resident set size is printed after the
models load and at checkpoints along the batch: bounded memory means the peak stops
growing once the first chunk has been through, whatever the number of pages.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import DEFAULT_DATA, load_pages  # noqa: E402


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = ap.parse_args(argv)
    if not (args.data / "train_bodies.csv").exists():
        print(f"bench: {args.data}/train_bodies.csv not found (FNC-1 bodies are the bench pages)")
        return 2

    from newsaudit.auditor import Auditor

    texts = load_pages(args.data, args.pages, min_words=50)
    chars = sum(map(len, texts))
    auditor = Auditor().load()
    list(auditor.audit_many(texts[:4]))
    print(f"pages: {len(texts)} ({chars:,} characters); load average {os.getloadavg()[0]:.1f}")
    print(f"after loading the models and 4 pages: peak {peak_mb():.0f} MB")

    def stream() -> Iterator[str]:
        yield from texts

    checkpoints = {n for n in (50, 100, 250, 500, 750, len(texts)) if n <= len(texts)}
    t = time.perf_counter()
    findings = 0
    for n, report in enumerate(auditor.audit_many(stream(), errors="record"), start=1):
        findings += len(getattr(report, "findings", ()))
        del report
        if n in checkpoints:
            print(
                f"{n:>5} pages  {time.perf_counter() - t:7.1f} s  peak {peak_mb():5.0f} MB  "
                f"now {current_mb():5.0f} MB",
                flush=True,
            )
    print(f"{findings} findings; load average after {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
