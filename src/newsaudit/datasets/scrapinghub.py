"""The article-extraction benchmark (github.com/scrapinghub/article-extraction-benchmark):
news and blog pages with a hand-checked ``articleBody`` each.

A directory with ``ground-truth.json`` (``{id: {"articleBody": str, "url": str}}``) and
the pages as ``html/<id>.html.gz`` (gzip, UTF-8, as published) or ``html/<id>.html``;
the pages may also sit beside the JSON file. Pages are listed in sorted id order, so a
``limit`` always takes the same ones.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path

from newsaudit.datasets._files import read_text
from newsaudit.errors import InputNotFound, MalformedInput

__all__ = ["GROUND_TRUTH", "Item", "load_items", "read_html"]

GROUND_TRUTH = "ground-truth.json"


@dataclass(frozen=True)
class Item:
    """One benchmark page: its id, the file holding its HTML and the true article body."""

    id: str
    path: Path
    truth: str


def _html_path(root: Path, page_id: str) -> Path:
    for folder in (root / "html", root):
        for name in (f"{page_id}.html.gz", f"{page_id}.html"):
            if (folder / name).is_file():
                return folder / name
    raise MalformedInput(f"no html/{page_id}.html.gz (or .html) for ground-truth id {page_id!r}",
                         source=str(root))


def load_items(root: Path, *, limit: int | None = None) -> list[Item]:
    """The benchmark's pages in sorted id order (the first ``limit`` of them)."""
    gt_path = Path(root) / GROUND_TRUTH
    if not gt_path.is_file():
        raise InputNotFound(f"no {GROUND_TRUTH} (expected the benchmark's layout)",
                            source=str(root))
    try:
        truth = json.loads(read_text(gt_path))
    except json.JSONDecodeError as exc:
        raise MalformedInput(f"line {exc.lineno}: not JSON: {exc.msg}",
                             source=str(gt_path)) from exc
    if not isinstance(truth, dict) or not all(isinstance(v, dict) for v in truth.values()):
        raise MalformedInput("expected an object of {id: {\"articleBody\": ...}}",
                             source=str(gt_path))
    ids = sorted(truth)[:limit] if limit is not None else sorted(truth)
    return [Item(i, _html_path(Path(root), i), truth[i].get("articleBody") or "") for i in ids]


def read_html(path: Path) -> str:
    """A page as published: gzip-compressed or not, UTF-8 (bad bytes replaced)."""
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise MalformedInput(f"not a gzip file: {exc}", source=str(path)) from exc
    return data.decode("utf-8", errors="replace")
