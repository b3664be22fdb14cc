"""BABE (Bias Annotations By Experts; Spinde et al. 2021): news sentences labelled biased
or not, with the words annotators marked as biased.

``final_labels_SG1.csv`` and ``final_labels_SG2.csv`` are ``;``-separated with a BOM and
the columns ``text;news_link;outlet;topic;type;label_bias;label_opinion;biased_words``;
``biased_words`` is a Python-style list of strings (``['word', 'two words']``).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

from newsaudit.datasets._files import csv_rows
from newsaudit.errors import MalformedInput

__all__ = ["Sentence", "read_babe"]

_COLUMNS = ("text", "news_link", "topic", "label_bias", "biased_words")


@dataclass(frozen=True)
class Sentence:
    """One row: ``label_bias`` is "Biased", "Non-biased" or "No agreement"."""

    text: str
    news_link: str
    topic: str
    label_bias: str
    biased_words: tuple[str, ...]
    outlet: str = ""
    type: str = ""
    label_opinion: str = ""


def _words(value: str, line: int, path: Path) -> tuple[str, ...]:
    try:
        words = ast.literal_eval(value or "[]")
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        words = None
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise MalformedInput(f"line {line}: biased_words is not a list of strings",
                             source=str(path))
    return tuple(words)


def read_babe(path: Path) -> list[Sentence]:
    """Every row of one BABE label file, in file order."""
    path = Path(path)
    return [
        Sentence(
            text=row["text"],
            news_link=row["news_link"],
            topic=row["topic"],
            label_bias=row["label_bias"],
            biased_words=_words(row["biased_words"], line, path),
            outlet=row.get("outlet") or "",
            type=row.get("type") or "",
            label_opinion=row.get("label_opinion") or "",
        )
        for line, row in csv_rows(path, _COLUMNS, dataset="BABE", delimiter=";",
                                  encoding="utf-8-sig")
    ]
