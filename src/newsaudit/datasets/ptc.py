"""The SemEval-2020 Task 11 propaganda techniques corpus (PTC).

Articles are ``article<ID>.txt`` files, offsets count characters of the raw text (no
newline translation, as the task's scorers read it). Gold labels come as one file or a
directory of ``*.labels`` files, with lines ``id<TAB>start<TAB>end`` (span
identification) or ``id<TAB>technique<TAB>start<TAB>end`` (technique classification).
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from newsaudit.datasets._files import read_text
from newsaudit.errors import InputNotFound, MalformedInput

__all__ = ["Label", "read_articles", "read_labels", "trim_span"]

_TRIM = " \n.,:;"


class Label(NamedTuple):
    """One gold (or predicted) span; ``technique`` is None in the SI format."""

    article: str
    technique: str | None
    start: int
    end: int


def read_articles(directory: Path) -> dict[str, str]:
    """``article<ID>.txt`` files keyed by ID, in sorted file-name order."""
    directory = Path(directory)
    if not directory.is_dir():
        raise InputNotFound("no such directory", source=str(directory))
    out: dict[str, str] = {}
    for path in sorted(directory.glob("article*.txt")):
        out[path.stem[len("article") :]] = read_text(path, newline="")
    if not out:
        raise MalformedInput("no article*.txt files", source=str(directory))
    return out


def _parse_line(line: str, number: int, source: Path) -> Label | None:
    parts = line.rstrip("\r\n").split("\t")
    if not any(p.strip() for p in parts):
        return None
    try:
        if len(parts) == 3:
            return Label(parts[0], None, int(parts[1]), int(parts[2]))
        if len(parts) == 4:
            return Label(parts[0], parts[1], int(parts[2]), int(parts[3]))
    except ValueError:
        pass
    raise MalformedInput(
        f"line {number}: expected 'id<TAB>start<TAB>end' or 'id<TAB>technique<TAB>start<TAB>end'",
        source=str(source),
    )


def read_labels(path: Path) -> list[Label]:
    """Labels from one file or from every ``*.labels`` file in a directory, in order."""
    path = Path(path)
    if path.is_dir():
        files = sorted(path.glob("*.labels"))
        if not files:
            raise MalformedInput("no *.labels files", source=str(path))
    else:
        files = [path]
    out: list[Label] = []
    for f in files:
        for n, line in enumerate(read_text(f).split("\n"), 1):
            lab = _parse_line(line, n, f)
            if lab is not None:
                out.append(lab)
    return out


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The corpus v2 boundary rule: strip spaces, newlines and ``. , : ;`` from both ends
    (the dev gold published before v2 still carries them)."""
    end = min(end, len(text))
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end
