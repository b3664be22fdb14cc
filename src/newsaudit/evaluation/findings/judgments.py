"""Judgments of findings on the sample's pages, as stored in the repository: JSONL files
in a directory (``judgments/`` beside this module by default; its README is the format's
reference). Every ``*.jsonl`` file is read, in file-name order, one record per line:

    a judged finding   {"page", "check", "severity", "evidence", "anchor", "message",
                        "verdict": "true" | "debatable" | "false", "reason", "judge"}
    a missed problem   {"page", "missed": true, "check", "evidence", "anchor", "reason",
                        "judge"}
    a page reviewed    {"page", "reviewed": true, "judge"}: the judge read the whole page
                       and recorded every problem the tool missed on it

No page text is stored beyond the ``anchor``: the start of the first evidence span (at
most :data:`ANCHOR_CHARS` characters, white space collapsed), which is what lets a
judgment find its finding again after offsets move (see :mod:`.match`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from newsaudit.datasets._files import read_text
from newsaudit.errors import InputNotFound, MalformedInput

__all__ = [
    "ANCHOR_CHARS",
    "JUDGMENTS",
    "REPORTED_BY",
    "VERDICTS",
    "Judged",
    "Judgments",
    "Missed",
    "Reviewed",
    "anchor_of",
    "read_books",
    "read_judgments",
    "reporting_checks",
]

JUDGMENTS = Path(__file__).with_name("judgments")
#: The kinds of missed problem no check was named for when the judges recorded them, and
#: the checks that report them now: a missed problem of such a kind counts as found when a
#: warning or problem of one of these checks covers its evidence. A missed problem named by
#: a check is found by that check only.
REPORTED_BY: dict[str, tuple[str, ...]] = {
    # a headline stating as fact what the body hedges, attributes or rests on one party
    "headline_overstates": ("headline_unsupported",),
    # parts that do not sum to their total; a lead figure matching none of its sources
    "figures_do_not_add_up": ("numeric_contradiction", "attribution_mismatch"),
    # "according to reports", "it has been claimed", an anonymous post
    "vague_sourcing": ("unsourced_claim",),
    # a label or accusation about a group or person in the page's own voice
    "own_voice_label": ("loaded_language", "propaganda_technique"),
}


def reporting_checks(kind: str) -> tuple[str, ...]:
    """The checks whose warnings find a missed problem recorded under ``kind``."""
    return REPORTED_BY.get(kind, (kind,))
VERDICTS: tuple[str, ...] = ("true", "debatable", "false")
#: Long enough to be unique on a page, short enough to keep page text out of the repository.
ANCHOR_CHARS = 60
MESSAGE_CHARS = 200

Evidence = tuple[tuple[int, int], ...]


def anchor_of(text: str) -> str:
    """The anchor of an evidence text: white space collapsed, the first 60 characters."""
    return " ".join(text.split())[:ANCHOR_CHARS]


@dataclass(frozen=True)
class Judged:
    """A finding as it was when judged, and the verdict on it."""

    page: str
    check: str
    severity: str
    evidence: Evidence
    anchor: str
    message: str
    verdict: str
    reason: str
    judge: str
    where: str  # "file.jsonl:line", for the report

    @property
    def start(self) -> int:
        return self.evidence[0][0] if self.evidence else 0


@dataclass(frozen=True)
class Missed:
    """A problem on a page that no warning or problem reported when it was judged."""

    page: str
    check: str
    evidence: Evidence
    anchor: str
    reason: str
    judge: str
    where: str

    @property
    def start(self) -> int:
        return self.evidence[0][0] if self.evidence else 0


@dataclass(frozen=True)
class Reviewed:
    """A page read in full for missed problems."""

    page: str
    judge: str
    where: str


@dataclass(frozen=True)
class Judgments:
    judged: tuple[Judged, ...] = ()
    missed: tuple[Missed, ...] = ()
    reviewed: tuple[Reviewed, ...] = ()
    files: tuple[str, ...] = ()


class _Line:
    """Where a record is, for its error messages and for the report."""

    def __init__(self, path: Path, number: int) -> None:
        self.path, self.number = path, number

    def __str__(self) -> str:
        return f"{self.path.name}:{self.number}"

    def error(self, reason: str) -> MalformedInput:
        return MalformedInput(f"line {self.number}: {reason}", source=str(self.path))


def _str(rec: dict, key: str, at: _Line, *, required: bool = True) -> str:
    value = rec.get(key, None if required else "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise at.error(f"{key!r} must be a non-empty string")
    return value


def _evidence(rec: dict, at: _Line, *, required: bool) -> Evidence:
    spans = rec.get("evidence", [])
    ok = isinstance(spans, list) and all(
        isinstance(s, list) and len(s) == 2 and all(type(x) is int for x in s)
        and 0 <= s[0] <= s[1] for s in spans)
    if not ok or (required and not spans):
        raise at.error("'evidence' must be a list of [start, end] offsets"
                       + (" with at least one span" if required else ""))
    return tuple((s[0], s[1]) for s in spans)


def _record(rec: object, at: _Line) -> Judged | Missed | Reviewed:
    if not isinstance(rec, dict):
        raise at.error("expected a JSON object")
    page = _str(rec, "page", at)
    judge = _str(rec, "judge", at)
    if rec.get("reviewed") is True:
        return Reviewed(page, judge, str(at))
    if rec.get("missed") is True:
        evidence = _evidence(rec, at, required=True)
        return Missed(page, _str(rec, "check", at), evidence, _str(rec, "anchor", at),
                      _str(rec, "reason", at), judge, str(at))
    verdict = rec.get("verdict")
    if verdict not in VERDICTS:
        raise at.error(f"verdict is {verdict!r}, expected one of {', '.join(VERDICTS)}")
    evidence = _evidence(rec, at, required=False)
    return Judged(page, _str(rec, "check", at), _str(rec, "severity", at), evidence,
                  _str(rec, "anchor", at, required=bool(evidence)),
                  _str(rec, "message", at, required=False), str(verdict),
                  _str(rec, "reason", at), judge, str(at))


def read_judgments(directory: Path = JUDGMENTS) -> Judgments:
    """Every record of every ``*.jsonl`` file in ``directory`` (blank lines skipped); a
    line that is not a valid record is an input error naming its file and line."""
    directory = Path(directory)
    if not directory.is_dir():
        raise InputNotFound("no such judgments directory", source=str(directory))
    judged: list[Judged] = []
    missed: list[Missed] = []
    reviewed: list[Reviewed] = []
    files = sorted(directory.glob("*.jsonl"))
    for path in files:
        for n, line in enumerate(read_text(path).splitlines(), 1):
            if not line.strip():
                continue
            at = _Line(path, n)
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise at.error(f"not JSON: {exc.msg}") from exc
            item = _record(rec, at)
            if isinstance(item, Judged):
                judged.append(item)
            elif isinstance(item, Missed):
                missed.append(item)
            else:
                reviewed.append(item)
    return Judgments(tuple(judged), tuple(missed), tuple(reviewed),
                     tuple(p.name for p in files))


def read_books(directories: Path | Sequence[Path]) -> Judgments:
    """The judgments of one directory or of several together: a measurement that pools
    judges of different rounds (the test pages' earlier judges and the ones judging what
    the checks newly find) reads them as one book."""
    dirs = [Path(directories)] if isinstance(directories, (str, Path)) else list(directories)
    books = [read_judgments(d) for d in dirs]
    return Judgments(
        tuple(j for b in books for j in b.judged),
        tuple(m for b in books for m in b.missed),
        tuple(r for b in books for r in b.reviewed),
        tuple(f for b in books for f in b.files),
    )
