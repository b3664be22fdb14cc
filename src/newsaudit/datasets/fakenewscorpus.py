"""FakeNewsCorpus (github.com/several27/FakeNewsCorpus): article text scraped from
low-credibility and other domains, labelled per domain, not per article.

The published sample, ``news_sample.csv``, has an unnamed index column then ``id,domain,
type,url,content,scraped_at,inserted_at,updated_at,title,authors,keywords,...``. The text
was extracted by newspaper, so ``content`` is article text (paragraphs separated by blank
lines), not HTML. ``id`` is the corpus's own id and is what a reference names.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from newsaudit.datasets._files import csv_rows
from newsaudit.errors import MalformedInput

__all__ = ["COLUMNS", "Article", "read_articles"]

COLUMNS: tuple[str, ...] = ("id", "domain", "type", "url", "content", "title")

#: Long articles run past the csv module's default field limit (128 KiB).
_FIELD_LIMIT = 16 * 1024 * 1024


@dataclass(frozen=True)
class Article:
    """One row; ``type`` is the domain's label (fake, conspiracy, political, ... or "")."""

    id: str
    domain: str
    type: str
    url: str
    title: str
    content: str


def read_articles(path: Path) -> list[Article]:
    """Every row, in file order; an id seen twice is an input error, as references
    name articles by id."""
    path = Path(path)
    if csv.field_size_limit() < _FIELD_LIMIT:
        csv.field_size_limit(_FIELD_LIMIT)
    out: list[Article] = []
    seen: set[str] = set()
    for line, row in csv_rows(path, COLUMNS, dataset="FakeNewsCorpus"):
        article_id = row["id"].strip()
        if not article_id:
            raise MalformedInput(f"line {line}: id is empty", source=str(path))
        if article_id in seen:
            raise MalformedInput(f"line {line}: id {article_id} repeats", source=str(path))
        seen.add(article_id)
        out.append(Article(article_id, row["domain"], row["type"], row["url"], row["title"],
                           row["content"]))
    return out
