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
        "person": re.compile(data["person"].replace("{insults}", alt(data["person_insults"])),
                             flags),
        "scare_quote": re.compile(data["scare_quote"].replace("{groups}", alt(data["group_nouns"])),
                                  flags),
        "menace_frame": re.compile(data["menace"]["frame"], flags),
        "menace_private": re.compile(data["menace"]["private"], flags),
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
                 "person", "scare_quote"):
        for m in pats[kind].finditer(text):
            if "noun" in m.groupdict() and m.group("noun"):
                s, e = m.span("noun")
                if kind == "scare_quote":
                    s, e = m.span()  # the marks are the offence
            else:
                s, e = m.span()
            hits.append(Hit(kind, s, e, text[s:e], m.groupdict().get("noun") or text[s:e]))
    # the structural reading adds what the worded patterns missed, never a second span
    hits.extend(h for h in _menace(text, pats["menace_frame"], pats["menace_private"])
                if not any(o.start < h.end and h.start < o.end for o in hits))
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


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
#: "we know where" asks its clause to name the person's home or family ("where he leaves
#: that car of his"), not just any place ("where the money went", "where he stands").
_WH_END = re.compile(r"(?:where|which|whose|what\s+time)$", re.IGNORECASE)
_WH_CLAUSE = re.compile(r"[^.;:,!?]{0,60}")
_WAITING = re.compile(r"waiting$", re.IGNORECASE)
_CAREFUL_END = re.compile(r"(?:careful|back)$", re.IGNORECASE)


def _menace(text: str, frame: re.Pattern[str], private: re.Pattern[str]) -> list[Hit]:
    """Intimidation that names no act: a menacing frame ("some of us know exactly where",
    "be a shame if his car ...") and, in its sentence, a person's home, family, car or way
    home; after "know where" or "know which", inside the clause it opens. The evidence runs
    from the first of the two to the last."""
    out: list[Hit] = []
    at = 0
    for m in [*_SENTENCE_END.finditer(text), None]:
        s, e = at, (m.start() if m is not None else len(text))
        at = m.end() if m is not None else e
        for f in frame.finditer(text, s, e):
            if _WH_END.search(f.group()) or _CAREFUL_END.search(f.group()):
                # "know where ..." / "should be careful walking to his car": the place
                # belongs to the clause the frame opens, not to a clause after a comma
                clause = _WH_CLAUSE.match(text, f.end(), e)
                near = private.search(text, f.end(), clause.end() if clause else f.end())
            elif _WAITING.search(f.group()):
                # waiting for someone's family is kindness; on their way home, an ambush
                near = next((p for p in private.finditer(text, s, e)
                             if p.group().lower().endswith("home")), None)
            else:
                near = private.search(text, s, e)
            if near is not None:
                a, b = min(f.start(), near.start()), max(f.end(), near.end())
                out.append(Hit("threat", a, b, text[a:b], text[a:b]))
                break
    return out


def not_evidence() -> frozenset[str]:
    """Words never shown as the model's evidence (function words the tweets weigh up)."""
    words: frozenset[str] = _patterns()["not_evidence"]
    return words
