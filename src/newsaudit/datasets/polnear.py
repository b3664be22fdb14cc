"""PolNeAR (Newell, Margolin & Ruths, LREC 2018): attributions in US political news as
*source*, *cue* and *content* spans, in brat standoff format.

A split directory holds ``text/*.txt`` and ``attributions/*.ann`` (or both side by side
in one folder). ``T`` lines are spans (``T3<TAB>Content 11 20;25 30<TAB>text``, fragments
separated by ``;``), ``E`` lines tie them into an attribution. An article may have
several ``.ann`` files, one per annotator (``<name>_<annotator>.ann``); the **first in
sorted file-name order** is used, so every run reads the same gold. ``Content2``
arguments and discontinuous fragments join the attribution's content;
``Discard``/``Discuss`` spans and notes are ignored.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsaudit.datasets._files import read_text
from newsaudit.errors import InputNotFound, MalformedInput

__all__ = ["ROLES", "Article", "Attr", "Fragments", "load_articles", "read_ann"]

ROLES: tuple[str, ...] = ("source", "cue", "content")
_T_ID = re.compile(r"^T\d+\t")
_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")

Fragments = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class Attr:
    """One attribution as character fragments per role (empty tuple = role absent)."""

    source: Fragments = ()
    cue: Fragments = ()
    content: Fragments = ()

    def role(self, name: str) -> Fragments:
        return getattr(self, name)


@dataclass(frozen=True, slots=True)
class Article:
    """An annotated article: its text, its gold attributions and the files they came from."""

    name: str
    text: str
    gold: tuple[Attr, ...]
    files: tuple[Path, ...] = field(default=())


def read_ann(ann: str, *, source: str = "<ann>") -> tuple[Attr, ...]:
    """Gold attributions of one ``.ann`` file's content, in file order.

    Lines that start no record are the continuation of a span's text (brat keeps line
    breaks of the quoted text); a ``T`` record whose offsets do not parse is an error.
    """
    spans: dict[str, Fragments] = {}
    events: list[str] = []
    for number, line in enumerate(ann.split("\n"), 1):
        m = _T_LINE.match(line)
        if m is not None:
            frags = tuple(
                (int(a), int(b)) for a, b in (f.split() for f in m.group(3).split(";"))
            )
            spans[m.group(1)] = frags
            continue
        if _T_ID.match(line):
            raise MalformedInput(
                f"line {number}: expected 'T<n><TAB>Type start end[;start end]<TAB>text'",
                source=source,
            )
        e = _E_LINE.match(line)
        if e is not None:
            events.append(e.group(2))
    out: list[Attr] = []
    for event in events:
        roles: dict[str, list[tuple[int, int]]] = {"source": [], "cue": [], "content": []}
        for arg in event.split():
            name, _, ref = arg.partition(":")
            key = name.rstrip("0123456789").lower()
            if key in roles and ref in spans:
                roles[key].extend(spans[ref])
        if roles["cue"] or roles["content"]:
            out.append(Attr(*(tuple(sorted(roles[r])) for r in ROLES)))
    return tuple(out)


def _pick_ann(base: str, anns: Sequence[Path]) -> Path | None:
    """The first annotator's file: ``base.ann`` or ``base_<annotator>.ann``, sorted."""
    for path in anns:  # already sorted
        stem = path.stem
        if stem == base or (stem.startswith(base + "_") and "_" not in stem[len(base) + 1 :]):
            return path
    return None


def load_articles(split_dir: Path, *, limit: int | None = None) -> list[Article]:
    """Every article of a split that has both a text and an annotation, sorted by name."""
    split_dir = Path(split_dir)
    text_dir = split_dir / "text" if (split_dir / "text").is_dir() else split_dir
    ann_dir = split_dir / "attributions" if (split_dir / "attributions").is_dir() else split_dir
    if not text_dir.is_dir():
        raise InputNotFound("no such directory", source=str(split_dir))
    anns = sorted(ann_dir.glob("*.ann"))
    out: list[Article] = []
    for txt in sorted(text_dir.glob("*.txt")):
        ann = _pick_ann(txt.stem, anns)
        if ann is None:
            continue
        text = read_text(txt)
        gold = read_ann(read_text(ann), source=str(ann))
        out.append(Article(txt.stem, text, gold, (txt, ann)))
        if limit is not None and len(out) >= limit:
            break
    return out
