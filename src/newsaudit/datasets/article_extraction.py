"""The Zyte/Scrapinghub article-extraction benchmark: 181 English news and blog pages
with their hand-checked article body (``ground-truth.json``: id -> {"articleBody", "url"}),
pages in ``html/<id>.html.gz``. An evaluation set only: its ``SOURCE.md`` asks that
nothing be trained on it, so newsaudit uses it as held-back data.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

NAME = "article-extraction-benchmark"
GROUND_TRUTH = "ground-truth.json"


@dataclass(frozen=True)
class Page:
    id: str
    url: str
    path: Path
    body: str

    def html(self) -> str:
        data = self.path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        return data.decode("utf-8", errors="replace")


def read(root: Path) -> Iterator[Page]:
    """The pages in sorted id order."""
    truth = json.loads((root / GROUND_TRUTH).read_text(encoding="utf-8"))
    for pid in sorted(truth):
        path = root / "html" / f"{pid}.html.gz"
        if not path.is_file():
            path = root / "html" / f"{pid}.html"
        yield Page(pid, truth[pid].get("url") or "", path, truth[pid].get("articleBody") or "")


def files(root: Path) -> list[Path]:
    return [root / GROUND_TRUTH, *sorted(p.path for p in read(root))]
