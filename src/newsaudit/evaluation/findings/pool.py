"""A list of every page of one split on which one check warns, for judging that check on
all of them: ``python -m newsaudit.evaluation.findings.pool --check CHECK --split test``.

A fresh sample of a few hundred pages holds a handful of one check's warnings, too few to
say whether the check is right often enough to ship. Every page of the split in every
list of ``evaluation/findings/`` is audited with that check alone and the calibrator off;
the pages where it gives a warning or a problem are written as a new list, in the order
the lists give them. Judges then judge the check's findings there that no earlier judge
did, and ``newsaudit eval findings --sample LIST --judgments DIR --judgments DIR2 …``
pools the earlier judges with theirs. The pages are chosen by what the check says, never
by reading them.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from newsaudit.datasets import default_data_dir
from newsaudit.errors import NewsauditError
from newsaudit.evaluation.findings.pages import SAMPLE, PageLoader, read_sample
from newsaudit.evaluation.findings.sample import render

if TYPE_CHECKING:
    from newsaudit.model import Page

__all__ = ["LISTS", "flagged", "main", "split_refs"]

#: The directory of the page lists.
LISTS = SAMPLE.parent
_JUDGED = ("warning", "problem")


def split_refs(lists: Iterable[Path], split: str) -> list[str]:
    """Every page of ``split`` in ``lists``, each once, in the lists' order."""
    out: dict[str, None] = {}
    for path in lists:
        for ref in read_sample(path):
            if ref.split == split:
                out.setdefault(ref.ref)
    return list(out)


def flagged(refs: Sequence[str], check: str, data_dir: Path,
            failures: list[str] | None = None) -> Iterator[str]:
    """The references among ``refs`` whose page draws a warning or problem from ``check``
    run alone, uncalibrated; a page that cannot be read is put in ``failures``."""
    from newsaudit import ingest
    from newsaudit.auditor import Auditor
    from newsaudit.errors import Failure

    os.environ["NEWSAUDIT_SEVERITY_CALIBRATE"] = "off"
    loader = PageLoader(data_dir)

    def pages() -> Iterator[tuple[str, Page]]:
        for ref in refs:
            try:
                src = loader.load(ref)
                yield ref, ingest.load_page(src.data, source=ref, fmt=src.fmt)
            except NewsauditError as err:
                if failures is not None:
                    failures.append(f"{ref}: {err}")

    for item in Auditor(checks=[check]).audit_many(pages(), errors="record"):
        if isinstance(item, Failure):
            if failures is not None:
                failures.append(f"{item.source}: {item.message}")
        elif any(f.check == check and f.severity in _JUDGED for f in item.findings):
            yield item.document.source


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsaudit.evaluation.findings.pool")
    parser.add_argument("--check", required=True, help="the check to pool the pages of")
    parser.add_argument("--split", choices=("dev", "test"), default="test")
    parser.add_argument("--data-dir", type=Path, default=None, help="the shared/data directory")
    parser.add_argument("--out", type=Path, required=True, help="the list to write")
    parser.add_argument("--about", required=True, help="what the list is for, kept in it")
    args = parser.parse_args(argv)
    lists = sorted(p for p in LISTS.glob("*.json") if p.resolve() != args.out.resolve())
    refs = split_refs(lists, args.split)
    failures: list[str] = []
    found = list(flagged(refs, args.check, args.data_dir or default_data_dir(), failures))
    args.out.write_text(render(found, dict.fromkeys(found, args.split), args.about),
                        encoding="utf-8")
    for line in failures:
        print(f"not read: {line}")
    print(f"{len(found)} of {len(refs)} {args.split} pages written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
