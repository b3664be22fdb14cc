"""The word lists of ``data/events.json``, read once per process, and small text helpers
that grouping and figure selection share."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsaudit.datafiles import load_json

__all__ = ["EventWords", "contains_phrase", "event_words", "words_of"]

_WORD = re.compile(r"[a-z0-9][a-z0-9'’\-]*")


def words_of(text: str) -> list[str]:
    """Lower-case words (apostrophes and hyphens kept inside a word)."""
    return _WORD.findall(text.lower())


def contains_phrase(words: list[str], phrase: str) -> int:
    """Index of the first word of ``phrase`` in ``words``, or -1."""
    parts = phrase.split()
    n = len(parts)
    for i in range(len(words) - n + 1):
        if words[i : i + n] == parts:
            return i
    return -1


@dataclass(frozen=True, slots=True)
class EventWords:
    from_quantity: dict[str, str]
    predicates: dict[str, str]
    counted: dict[str, str]
    sentence_cues: dict[str, tuple[str, ...]]
    light_predicates: frozenset[str]
    partitive: tuple[str, ...]
    among: tuple[str, ...]
    increment: frozenset[str]
    periods: tuple[str, ...]
    event_since: frozenset[str]
    months: tuple[str, ...]
    weekdays: frozenset[str]
    incidents: dict[str, tuple[str, ...]]
    title_labels: frozenset[str]
    url_parts: frozenset[str]
    first_person: frozenset[str]
    modals: tuple[str, ...]
    min_first_person: float
    min_modals: float
    max_attributions: float
    stopwords: frozenset[str]


@lru_cache(maxsize=1)
def event_words() -> EventWords:
    d = load_json("events.json")
    cat, parts, bg, op = d["categories"], d["parts"], d["background"], d["opinion"]
    return EventWords(
        from_quantity=dict(cat["from_quantity"]),
        predicates=dict(cat["predicates"]),
        counted=dict(cat["counted"]),
        sentence_cues={k: tuple(v) for k, v in cat["sentence_cues"].items()},
        light_predicates=frozenset(cat["light_predicates"]),
        partitive=tuple(parts["partitive"]),
        among=tuple(parts["among"]),
        increment=frozenset(parts["increment"]),
        periods=tuple(bg["periods"]),
        event_since=frozenset(bg["event_since"]),
        months=tuple(d["months"]),
        weekdays=frozenset(d["weekdays"]),
        incidents={k: tuple(v) for k, v in d["incidents"]["kinds"].items()},
        title_labels=frozenset(op["title_labels"]),
        url_parts=frozenset(op["url_parts"]),
        first_person=frozenset(op["first_person"]),
        modals=tuple(op["modals"]),
        min_first_person=float(op["min_first_person_per_100"]),
        min_modals=float(op["min_modals_per_100"]),
        max_attributions=float(op["max_attributions_per_100"]),
        stopwords=frozenset(d["stopwords"]),
    )
