"""ClaimBuster (utaresearch/claimbuster-spotter): sentences of US presidential debates
labelled check-worthy factual claim (1) or not (0).

The two-class file ``kfold_25ncs.csv`` has the columns ``sentence_id,screening,label,text``;
a ``fold`` column, where a file has one, assigns rows to cross-validation folds.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from newsaudit.datasets._files import as_int, csv_rows

__all__ = ["Sentence", "read_claimbuster"]


@dataclass(frozen=True)
class Sentence:
    """One labelled sentence; ``fold`` is None in a file without a ``fold`` column."""

    text: str
    label: int
    sentence_id: str = ""
    fold: int | None = None


def read_claimbuster(path: Path) -> list[Sentence]:
    """Every row of a ClaimBuster CSV, in file order."""
    path = Path(path)
    out: list[Sentence] = []
    for line, row in csv_rows(path, ("label", "text"), dataset="ClaimBuster"):
        fold = row.get("fold")
        out.append(Sentence(
            text=row["text"],
            label=as_int(row["label"], field="label", line=line, source=path, choices=(0, 1)),
            sentence_id=row.get("sentence_id") or "",
            fold=None if fold is None else as_int(fold, field="fold", line=line, source=path),
        ))
    return out
