"""Lay a labelled HTML page out as plain text, the ways scrapers do, keeping each line's label.

Scraped text reaches newsaudit in many shapes; a classifier trained on one would learn
that shape. Four renderers cover what common tools produce:

* ``blocks``: a line per block, a blank line between blocks and an extra one where an
  image was (readability and trafilatura text output, most copy-pasted pages);
* ``tight``: a line per block and no blank lines (blank lines lost in transit);
* ``flow``: runs of short furniture (menu items, share buttons, tags) joined onto one line
  with the page's separator, one newline between blocks (``html-text``, ``get_text``);
* ``browser``: a text browser's dump: paragraphs hard-wrapped at 76 columns and indented,
  list items with ``*`` or numbers, link references in brackets (``lynx -dump``).

Each rendered line carries the label of the block it came from, and whether it begins a
reader comment; blank lines carry no label.
"""

from __future__ import annotations

import random
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from newsaudit.ingest.blocks import Block
from newsaudit.models.layout.gold import Labelled

RENDERERS = ("blocks", "tight", "flow", "browser")


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    kind: str | None  # None for a blank line
    start: bool = False  # the first line of a reader comment


def _words(s: str) -> int:
    return len(s.split())


def render(
    blocks: Sequence[Block], labels: Sequence[Labelled], style: str, *, seed: int = 0
) -> list[Line]:
    """The page as lines in ``style`` (one of :data:`RENDERERS`)."""
    rng = random.Random(seed)
    if style == "blocks":
        return _blocks(blocks, labels, gap=True)
    if style == "tight":
        return _blocks(blocks, labels, gap=False)
    if style == "flow":
        return _flow(blocks, labels, rng)
    if style == "browser":
        return _browser(blocks, labels, rng)
    raise ValueError(f"unknown renderer {style!r}")


def _blocks(blocks: Sequence[Block], labels: Sequence[Labelled], *, gap: bool) -> list[Line]:
    out: list[Line] = []
    for b, lab in zip(blocks, labels, strict=True):
        if gap and out:
            out.append(Line("", None))
            if b.image_before:
                out.append(Line("", None))
        out.append(Line(lab.text, lab.kind, lab.start))
    return out


def _joinable(b: Block, lab: Labelled) -> bool:
    return lab.kind in ("boilerplate", "related") and _words(lab.text) <= 4 and not lab.start


def _flow(blocks: Sequence[Block], labels: Sequence[Labelled], rng: random.Random) -> list[Line]:
    sep = rng.choice([" ", " | ", " · ", "  ", " / "])
    out: list[Line] = []
    run: list[Labelled] = []

    def close() -> None:
        if run:
            out.append(Line(sep.join(r.text for r in run), run[0].kind))
            run.clear()

    for b, lab in zip(blocks, labels, strict=True):
        if _joinable(b, lab) and (not run or run[0].kind == lab.kind):
            run.append(lab)
            continue
        close()
        if _joinable(b, lab):
            run.append(lab)
        else:
            out.append(Line(lab.text, lab.kind, lab.start))
    close()
    return out


def _browser(
    blocks: Sequence[Block], labels: Sequence[Labelled], rng: random.Random
) -> list[Line]:
    width = rng.choice([72, 76, 80])
    refs = rng.random() < 0.5
    n_ref = 0
    out: list[Line] = []
    prev_list = False
    for b, lab in zip(blocks, labels, strict=True):
        text = lab.text
        if refs and b.link_share >= 0.5:
            n_ref += 1
            text = f"[{n_ref}]{text}"
        if b.list_kind:
            indent = "   " * b.depth
            bullet = f"{b.list_index}. " if b.list_kind == "ol" else "* "
            first, rest = indent + "  " + bullet, indent + "  " + " " * len(bullet)
            if not prev_list and out:
                out.append(Line("", None))
        elif b.heading:
            first = rest = ""
            if out:
                out.append(Line("", None))
        else:
            first = rest = "   "
            if out:
                out.append(Line("", None))
        prev_list = bool(b.list_kind)
        wrapped = textwrap.wrap(text, width=width, initial_indent=first,
                                subsequent_indent=rest, break_long_words=False,
                                break_on_hyphens=False) or [first + text]
        for j, w in enumerate(wrapped):
            out.append(Line(w, lab.kind, lab.start and j == 0))
    return out


def as_text(lines: Sequence[Line]) -> str:
    return "\n".join(line.text for line in lines) + "\n"
