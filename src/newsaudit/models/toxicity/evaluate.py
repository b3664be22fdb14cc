"""Score the toxicity model on Davidson-format tweets and the check on news comments.

Given the Davidson file itself, only its test split (sha1 of the text, see
:mod:`newsaudit.models.toxicity.train`) is scored, so the numbers match the card; any
other file in that format is scored whole.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newsaudit.datasets import default_data_dir
from newsaudit.datasets.davidson import FILE
from newsaudit.models.toxicity.runtime import ToxicityModel, load_model
from newsaudit.models.toxicity.scoring import evaluate_comments, format_table, score_tweets
from newsaudit.models.toxicity.train import load_tweets, split_of

__all__ = ["evaluate", "format_table"]


def evaluate(path: Path | None = None, *, model: ToxicityModel | None = None) -> dict[str, Any]:
    """Score ``model`` (default: shipped) on a Davidson-format CSV (default: the test split of
    the dataset) and on the news-comment file."""
    model = model or load_model()
    default = default_data_dir() / FILE
    path = path or default
    tweets = load_tweets(path)
    if path.resolve() == default.resolve():
        tweets = [t for t in tweets if split_of(t.text) == "test"]
    return {"tweets": score_tweets(model, tweets), "news_comments": evaluate_comments(model)}


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m newsaudit.models.toxicity.evaluate [CSV]`` scores the shipped model."""
    parser = argparse.ArgumentParser(prog="python -m newsaudit.models.toxicity.evaluate")
    parser.add_argument("path", type=Path, nargs="?", default=None)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = evaluate(args.path)
    print(json.dumps(result, indent=2) if args.json else format_table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
