"""BASIL (Fan et al. 2019): 300 articles (100 events, each told by Fox News, the New York
Times and HuffPost) with annotated spans of lexical and informational bias.

``articles/<year>/<uuid>_<n>.json`` holds the article (``body-paragraphs``: paragraphs as
lists of sentences; ``triplet-uuid``: the event); ``annotations/<year>/<uuid>_<n>_ann.json``
its ``phrase-level-annotations``, each with ``bias`` (``lex`` or ``inf``), ``txt`` and
``start``/``end`` offsets into the sentence that holds it (which sentence is not
recorded).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsaudit.datasets._files import read_text
from newsaudit.errors import InputNotFound, MalformedInput

__all__ = ["Article", "Phrase", "read_basil"]


@dataclass(frozen=True)
class Phrase:
    """One annotated span: ``bias`` is "lex" (lexical) or "inf" (informational)."""

    bias: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Article:
    """One article: ``name`` is its annotation file's stem, ``event`` its triplet id."""

    name: str
    event: str
    sentences: tuple[str, ...]
    phrases: tuple[Phrase, ...]


def _json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(read_text(path))
    except json.JSONDecodeError as exc:
        raise MalformedInput(f"line {exc.lineno}: not JSON: {exc.msg}", source=str(path)) from exc
    if not isinstance(data, dict):
        raise MalformedInput("expected a JSON object", source=str(path))
    return data


def _article(ann_path: Path, art_path: Path) -> Article:
    ann, art = _json(ann_path), _json(art_path)
    field = "body-paragraphs"
    try:
        sentences = tuple(s for para in art[field] for s in para)
        field = "phrase-level-annotations"
        phrases = tuple(Phrase(p["bias"], p["txt"], int(p["start"]), int(p["end"]))
                        for p in ann[field])
        field = "triplet-uuid"
        event = art.get(field) or ann[field]
    except (KeyError, TypeError, ValueError) as exc:
        source = art_path if field == "body-paragraphs" else ann_path
        raise MalformedInput(f"field {field!r} is missing or malformed ({exc})",
                             source=str(source)) from exc
    return Article(ann_path.stem, str(event), sentences, phrases)


def read_basil(root: Path) -> list[Article]:
    """Every annotated article under ``root`` (the dataset's directory), sorted by
    annotation file."""
    root = Path(root)
    if not (root / "annotations").is_dir():
        raise InputNotFound("no annotations/ directory", source=str(root))
    out: list[Article] = []
    for ann_path in sorted((root / "annotations").glob("*/*_ann.json")):
        art_path = root / "articles" / ann_path.parent.name / ann_path.name.replace("_ann", "")
        out.append(_article(ann_path, art_path))
    return out
