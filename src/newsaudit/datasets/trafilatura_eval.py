"""The trafilatura evaluation set (adbar/trafilatura ``tests/``): 990 web pages, mostly
German, each with snippets that a main-text extractor must and must not return.

Layout read in place: ``evaldata.json`` maps a URL to ``{"file", "with", "without",
"comments"?, "title"?, "author"?, "date"?, ...}``; the page is ``eval/<file>.gz`` or
``cache/<file>.gz``. See the dataset's ``SOURCE.md``.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

NAME = "trafilatura-eval"


@dataclass(frozen=True)
class Page:
    url: str
    path: Path
    title: str | None = None
    with_: tuple[str, ...] = ()
    without: tuple[str, ...] = ()
    comments: tuple[str, ...] = ()
    meta: dict[str, object] = field(default_factory=dict)

    @property
    def id(self) -> str:
        """A stable short id: the page's file name."""
        return self.path.name.removesuffix(".gz")

    def html(self) -> str:
        return gzip.decompress(self.path.read_bytes()).decode("utf-8", errors="replace")


def bucket(url: str, n: int = 5) -> int:
    """A page's bucket, from the sha1 of its URL: splits never depend on file order."""
    return int(hashlib.sha1(url.encode("utf-8")).hexdigest(), 16) % n


def _path(root: Path, name: str) -> Path:
    for folder in ("eval", "cache"):
        p = root / folder / f"{name}.gz"
        if p.is_file():
            return p
    raise FileNotFoundError(f"{root}: no eval/{name}.gz or cache/{name}.gz")


def read(root: Path) -> Iterator[Page]:
    """Every page of the set, in the order of ``evaldata.json``."""
    data = json.loads((root / "evaldata.json").read_text(encoding="utf-8"))
    for url, entry in data.items():
        meta = {k: v for k, v in entry.items() if k not in ("file", "with", "without", "comments")}
        title = entry.get("title")
        yield Page(
            url=url,
            path=_path(root, entry["file"]),
            title=title if isinstance(title, str) and title.strip() else None,
            with_=tuple(entry.get("with") or ()),
            without=tuple(entry.get("without") or ()),
            comments=tuple(entry.get("comments") or ()),
            meta=meta,
        )


def files(root: Path) -> list[Path]:
    """The files whose bytes a score on this set depends on (for a data hash)."""
    return [root / "evaldata.json", *sorted(p.path for p in read(root))]
