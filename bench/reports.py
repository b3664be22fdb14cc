"""Write the JSON reports of the throughput bench's pages, to compare two versions.

    .venv/bin/python bench/reports.py OUT [--pages 100] [--html 30]

OUT/fnc/ gets the reports of the first ``--pages`` FNC-1 bodies that
``bench/throughput.py`` audits (through ``audit_many``, and the first five again through
``audit``); OUT/html/ those of the first ``--html`` trafilatura-eval pages of the dev
bucket (sha1 of the index key % 5 == 1) detected as English, in ``evaldata.json`` order.
A change meant to make the audit faster and nothing else leaves ``diff -r`` of two such
directories empty (the reports carry no timing). Data is read from ../shared/data,
never committed; the held-back test bucket is never read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from throughput import DEFAULT_DATA, load_pages


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--pages", type=int, default=100)
    ap.add_argument("--html", type=int, default=30)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA.parent)
    args = ap.parse_args(argv)

    from newsaudit import audit, audit_many
    from newsaudit.datasets import trafilatura_eval
    from newsaudit.ingest import load_page
    from newsaudit.language import detect
    from newsaudit.models.layout.corpus import split_of_key

    fnc, html = args.out / "fnc", args.out / "html"
    fnc.mkdir(parents=True, exist_ok=True)
    html.mkdir(parents=True, exist_ok=True)
    pages = load_pages(args.data / "fnc1", args.pages)
    for i, report in enumerate(audit_many(pages)):
        (fnc / f"{i:03d}.json").write_text(report.to_json(), encoding="utf-8")
    for i, text in enumerate(pages[:5]):
        (fnc / f"single{i}.json").write_text(audit(text).to_json(), encoding="utf-8")
    root = args.data / "trafilatura-eval"
    chosen: list[tuple[str, str]] = []
    for entry in trafilatura_eval.read_index(root):
        if len(chosen) >= args.html:
            break
        if split_of_key(entry.key) != "dev":
            continue
        markup = trafilatura_eval.read_page(root, entry.file)
        page = load_page(markup, source=entry.file, fmt="html")
        if detect(page.document.text, page.segments) == "en":
            chosen.append((entry.file, markup))
    for (name, _), report in zip(chosen, audit_many(chosen, fmt="html"), strict=True):
        (html / f"{name}.json").write_text(report.to_json(), encoding="utf-8")
    print(f"{len(pages)} FNC-1 bodies, {len(chosen)} trafilatura-eval dev pages -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
