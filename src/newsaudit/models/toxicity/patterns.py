"""Patterns of abuse that the tweets the model learned from barely cover: a group called
animals or vermin, "not human", a group's name in scare quotes, insults aimed at a group,
calls for killing or expulsion, and a short list of slurs. The words and expressions are
knowledge kept as data (``data/toxicity.json``), with their sources and reasons.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from newsaudit.datafiles import load_json

__all__ = ["Hit", "find_patterns", "not_evidence", "reasons"]

_WORD = re.compile(r"[^\W\d_]+(?:[-'\u2019][^\W\d_]+)*")


@dataclass(frozen=True, slots=True)
class Hit:
    """One piece of evidence: ``kind`` is a key of ``reasons`` in toxicity.json."""

    kind: str
    start: int
    end: int
    text: str
    word: str


@lru_cache(maxsize=1)
def _patterns() -> dict[str, Any]:
    data = load_json("toxicity.json")

    def alt(words: Sequence[str]) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+")
                        for w in sorted(words, key=len, reverse=True))

    flags = re.IGNORECASE
    return {
        "dehumanising": re.compile(
            data["predicate"].replace("{nouns}", alt(data["dehumanising_nouns"])), flags),
        "not_human": re.compile(data["not_human"], flags),
        "violence": re.compile(data["violence"], flags),
        "threat": re.compile(data["threat"], flags),
        "expulsion": re.compile(data["expulsion"], flags),
        "personal": re.compile(data["personal"].replace("{insults}", alt(data["person_insults"])),
                               flags),
        "scare_quote": re.compile(data["scare_quote"].replace("{groups}", alt(data["group_nouns"])),
                                  flags),
        "insults": frozenset(w.lower() for w in data["insults"]),
        "slurs": frozenset(w.lower() for w in data["slurs"]),
        "not_evidence": frozenset(w.lower() for w in data["not_evidence"]),
        "reasons": data["reasons"],
    }


def reasons() -> dict[str, str]:
    return dict(_patterns()["reasons"])


def find_patterns(text: str) -> list[Hit]:
    """Every pattern hit in ``text`` (offsets into ``text``), in order."""
    pats = _patterns()
    hits: list[Hit] = []
    for kind in ("violence", "threat", "expulsion", "dehumanising", "not_human", "personal",
                 "scare_quote"):
        for m in pats[kind].finditer(text):
            if "noun" in m.groupdict() and m.group("noun"):
                s, e = m.span("noun")
                if kind == "scare_quote":
                    s, e = m.span()  # the marks are the offence
            else:
                s, e = m.span()
            hits.append(Hit(kind, s, e, text[s:e], m.groupdict().get("noun") or text[s:e]))
    slurs, insults = pats["slurs"], pats["insults"]
    for m in _WORD.finditer(text):
        low = m.group().lower()
        parts = low.split("-") if "-" in low else (low,)
        if any(p in slurs for p in parts) or low in slurs:
            hits.append(Hit("slur", m.start(), m.end(), m.group(), m.group()))
        elif any(p in insults for p in parts) or low in insults:
            hits.append(Hit("insult", m.start(), m.end(), m.group(), m.group()))
    hits.sort(key=lambda h: (h.start, -h.end))
    # one hit per stretch of text: "are vermin" is dehumanising, not also an insult
    kept: list[Hit] = []
    for h in hits:
        if kept and h.start < kept[-1].end:
            continue
        kept.append(h)
    return kept


def not_evidence() -> frozenset[str]:
    """Words never shown as the model's evidence (function words the tweets weigh up)."""
    words: frozenset[str] = _patterns()["not_evidence"]
    return words
