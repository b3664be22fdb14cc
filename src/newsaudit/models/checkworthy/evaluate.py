"""Check-worthiness on its benchmarks, in their official formats.

* The shipped model on held-out data: a ``.tsv`` transcript or a directory of them is read
  as CLEF-2019 CheckThat! Task 1 (MAP over debates); a ``.csv`` with ``label`` and
  ``text`` columns as ClaimBuster (positive-class P/R/F1 at 0.5).
* The training recipe (``cv=True``): ClaimBuster k-fold cross-validation, or CLEF
  leave-one-debate-out, each fold scored by a model fitted on the others
  (:mod:`newsaudit.models.checkworthy.train`). The shipped recipe learns from ClaimBuster
  alone, so leave-one-debate-out fits on the ClaimBuster file of the data directory
  (``$NEWSAUDIT_DATA``), minus the sentences of the held-out debate, as the card's score
  was measured.

    python -m newsaudit.models.checkworthy.evaluate PATH [--cv]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newsaudit.datasets import default_data_dir
from newsaudit.datasets.claimbuster import read_claimbuster
from newsaudit.datasets.clef2019 import read_transcript, read_transcripts
from newsaudit.errors import InputNotFound, MalformedInput
from newsaudit.models.checkworthy.runtime import score_sentences
from newsaudit.models.checkworthy.scoring import THRESHOLD, classification, ranking
from newsaudit.models.checkworthy.train import RECIPE, cross_validate, leave_one_debate_out

__all__ = ["evaluate", "evaluate_shipped"]

#: ClaimBuster under the data directory: the training data a recipe without CLEF
#: needs to score the CLEF debates leave-one-out.
CLAIMBUSTER = Path("claimbuster") / "kfold_25ncs.csv"


def _is_clef(path: Path) -> bool:
    return path.is_dir() or path.suffix.lower() == ".tsv"


def evaluate_shipped(path: Path) -> dict[str, Any]:
    """Score the shipped model on a CLEF transcript (or a directory of them) or a
    ClaimBuster CSV."""
    if _is_clef(path):
        debates = read_transcripts(path) if path.is_dir() else {path.stem: read_transcript(path)}
        per = {name: (score_sentences([line.text for line in lines]),
                      [line.label for line in lines])
               for name, lines in debates.items()}
        return {"format": "clef2019-task1", **ranking(per)}
    if path.suffix.lower() == ".csv":
        rows = read_claimbuster(path)
        out: dict[str, Any] = {"format": "claimbuster", "rows": len(rows),
                               "threshold": THRESHOLD}
        out.update(classification([s.label for s in rows],
                                  score_sentences([s.text for s in rows])))
        return out
    raise MalformedInput("expected a .tsv transcript, a directory of them, or a .csv",
                         source=str(path))


def evaluate(path: Path, *, cv: bool = False) -> dict[str, Any]:
    """The shipped model on ``path``, or with ``cv`` the training recipe cross-validated
    on it (leave-one-debate-out for CLEF transcripts, k-fold for ClaimBuster)."""
    if not cv:
        return evaluate_shipped(path)
    if not _is_clef(path):
        return cross_validate(path)
    claimbuster = None
    if not RECIPE.use_clef:
        # the shipped recipe learns from ClaimBuster alone: without it there is nothing to fit
        claimbuster = default_data_dir() / CLAIMBUSTER
        if not claimbuster.is_file():
            raise InputNotFound("the recipe trains on ClaimBuster, needed for leave-one-debate-"
                                "out (set NEWSAUDIT_DATA)", source=str(claimbuster))
    return leave_one_debate_out(path, claimbuster=claimbuster)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsaudit.models.checkworthy.evaluate")
    parser.add_argument("path", type=Path, help="CLEF .tsv / directory, or ClaimBuster .csv")
    parser.add_argument("--cv", action="store_true", help="cross-validate the recipe instead")
    args = parser.parse_args(argv)
    print(json.dumps(evaluate(args.path, cv=args.cv), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
