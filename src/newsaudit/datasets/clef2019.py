"""CLEF-2019 CheckThat! Task 1: debate transcripts whose lines are labelled check-worthy
(1) or not (0), one ``.tsv`` file per debate.

A line is ``line_number<TAB>speaker<TAB>text<TAB>label``; blank lines are skipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from newsaudit.datasets._files import read_text
from newsaudit.errors import InputNotFound, MalformedInput

__all__ = ["Line", "read_transcript", "read_transcripts"]


@dataclass(frozen=True)
class Line:
    """One transcript line; ``debate`` is the file's stem."""

    debate: str
    number: str
    speaker: str
    text: str
    label: int


def read_transcript(path: Path) -> list[Line]:
    """The lines of one transcript, in file order."""
    path = Path(path)
    out: list[Line] = []
    for lineno, line in enumerate(read_text(path).split("\n"), 1):
        if not line.strip():
            continue
        parts = line.rstrip("\r\n").split("\t")
        if len(parts) != 4 or parts[3] not in {"0", "1"}:
            raise MalformedInput(
                f"line {lineno}: expected 4 tab-separated fields ending in a label 0 or 1",
                source=str(path),
            )
        out.append(Line(path.stem, parts[0], parts[1], parts[2], int(parts[3])))
    return out


def read_transcripts(directory: Path) -> dict[str, list[Line]]:
    """Every ``*.tsv`` transcript of a directory, keyed by debate (file stem), sorted."""
    directory = Path(directory)
    if not directory.is_dir():
        raise InputNotFound("no such directory", source=str(directory))
    files = sorted(directory.glob("*.tsv"))
    if not files:
        raise MalformedInput("no *.tsv transcripts", source=str(directory))
    return {f.stem: read_transcript(f) for f in files}
