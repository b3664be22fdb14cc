"""FA-KES: news articles on the Syrian war, with casualty figures, labelled credible or
fake by matching their facts against the Syrian Violations Documentation Center.

One CSV, ``FA-KES-Dataset.csv``: ``unit_id,article_title,article_content,source,date,
location,labels`` (``labels``: 1 credible, 0 fake). The article text has lost most of
its commas and apostrophes upstream; it is returned as it is. The copy in circulation
decodes as UTF-8 (with U+FFFD where the original characters were lost); a copy saved as
Latin-1 is read as such. A few ``unit_id`` values repeat: :func:`article_by_id` takes the
first row, so a reference to an id always names the same text.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from newsaudit.datasets._files import as_int, csv_rows
from newsaudit.errors import MalformedInput

__all__ = ["COLUMNS", "Article", "article_by_id", "read_articles"]

COLUMNS: tuple[str, ...] = (
    "unit_id", "article_title", "article_content", "source", "date", "location", "labels",
)


@dataclass(frozen=True)
class Article:
    """One row: ``credible`` is the dataset's label (True for 1, False for 0)."""

    unit_id: str
    title: str
    content: str
    source: str
    date: str
    location: str
    credible: bool


def _read(path: Path, encoding: str) -> list[Article]:
    out: list[Article] = []
    for line, row in csv_rows(path, COLUMNS, dataset="FA-KES", encoding=encoding):
        label = as_int(row["labels"], field="labels", line=line, source=path, choices=(0, 1))
        if not row["unit_id"].strip():
            raise MalformedInput(f"line {line}: unit_id is empty", source=str(path))
        out.append(Article(row["unit_id"].strip(), row["article_title"], row["article_content"],
                           row["source"], row["date"], row["location"], bool(label)))
    return out


def read_articles(path: Path) -> list[Article]:
    """Every row of the CSV, in file order."""
    path = Path(path)
    try:
        return _read(path, "utf-8")
    except MalformedInput as err:
        if not err.reason.startswith("not utf-8 text"):
            raise
    return _read(path, "latin-1")


def article_by_id(articles: list[Article]) -> dict[str, Article]:
    """The first article of each ``unit_id``."""
    out: dict[str, Article] = {}
    for article in articles:
        out.setdefault(article.unit_id, article)
    return out
