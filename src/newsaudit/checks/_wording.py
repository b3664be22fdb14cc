"""How the figure checks name figures and sources in their messages, so that every
message words them alike."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsaudit.model import Figure, Source


def quoted(f: Figure) -> str:
    """How a message names a figure: bare digits as they are, worded figures in quotes."""
    w = f.words
    return w if re.fullmatch(r"[\d.,]+", w) else f"'{w}'"


def source_phrase(src: Source, via: Sequence[Source] = ()) -> str:
    """'the Iranian government, via the Fars news agency' for a message."""
    name = src.text or "an unnamed source"
    if name[:4] in ("The ", "A ", "An ") or name.split(" ", 1)[0] in ("The", "A", "An"):
        name = name[0].lower() + name[1:]
    if via and via[0].text:
        v = via[0].text
        if v.split(" ", 1)[0] in ("The", "A", "An"):
            v = v[0].lower() + v[1:]
        return f"{name}, via {v}"
    return name


def join_words(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
