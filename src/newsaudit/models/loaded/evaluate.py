"""Score the loaded-language tagger on the datasets' held-out parts, in their own formats.

The default is the test part of each dataset's split (:mod:`newsaudit.models.loaded.corpus`).
Given a PTC ``article*.txt`` directory and a technique-labels file or directory
(``article_id<TAB>technique<TAB>start<TAB>end``), only that set is scored, so anyone
holding the official test gold can score the shipped model::

    newsaudit eval loaded --articles DIR --labels FILE
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newsaudit.datasets import default_data_dir
from newsaudit.models.loaded.corpus import load_ptc, load_splits
from newsaudit.models.loaded.runtime import LoadedModel, load_model
from newsaudit.models.loaded.scoring import evaluate_model, format_table

__all__ = ["evaluate", "format_table"]


def evaluate(
    data_dir: Path | None = None,
    *,
    model: LoadedModel | None = None,
    ptc_articles: Path | None = None,
    ptc_labels: Path | None = None,
) -> dict[str, Any]:
    """Score ``model`` (default: the shipped one) on the held-out splits of ``data_dir``,
    or, given ``ptc_articles`` and ``ptc_labels``, on that PTC set only."""
    model = model or load_model()
    if ptc_articles is not None and ptc_labels is not None:
        return evaluate_model(model, load_ptc(ptc_articles, ptc_labels))
    return evaluate_model(model, load_splits(data_dir or default_data_dir())["test"])


def main(argv: Sequence[str] | None = None) -> int:
    """Score the shipped model: ``[--data DIR | --ptc-articles D --ptc-labels F] [--json]``."""
    parser = argparse.ArgumentParser(prog="python -m newsaudit.models.loaded.evaluate")
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--ptc-articles", type=Path, default=None)
    parser.add_argument("--ptc-labels", type=Path, default=None)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = evaluate(args.data, ptc_articles=args.ptc_articles, ptc_labels=args.ptc_labels)
    print(json.dumps(result, indent=2) if args.json else format_table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
