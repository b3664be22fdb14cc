"""The word lists and thresholds of ``data/figures.json``, and the words that say which
body a source is: what reading figures and comparing them both look up."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsaudit.datafiles import load_json
from newsaudit.model import Source

__all__ = ["Lexicon", "lexicon", "source_keys", "source_words"]

_WORD = re.compile(r"[\w'’-]+")


@dataclass(frozen=True, slots=True)
class Lexicon:
    always: frozenset[str]
    same_predicate: frozenset[str]
    light_verbs: frozenset[str]
    loss_nouns: frozenset[str]
    loss_verbs: frozenset[str]
    generic_counted: frozenset[str]
    counted_group: dict[str, int]
    side_words: frozenset[str]
    pronouns: frozenset[str]
    total_words: frozenset[str]
    total_phrases: tuple[tuple[str, ...], ...]
    clause_total_phrases: tuple[tuple[str, ...], ...]
    period_units: frozenset[str]
    event_nouns: frozenset[str]
    event_modifiers: frozenset[str]
    event_words: frozenset[str]
    instruments: frozenset[str]
    change_lemmas: frozenset[str]
    change_phrases: tuple[tuple[str, ...], ...]
    movers: frozenset[str]
    always_moving: frozenset[str]
    change_sentence: frozenset[str]
    factive: frozenset[str]
    claimed_acts: frozenset[str]
    source_generic: frozenset[str]
    remit: dict[str, str]
    near_ratio: float
    same_tally_ratio: float
    predicate_group: dict[str, int]
    body_kinds: frozenset[str]
    levels: frozenset[str]
    lead_tally_ratio: float
    min_shared_value: float

    @property
    def compared(self) -> frozenset[str]:
        """The quantity categories that become figures (tolls and head counts)."""
        return self.always | self.same_predicate


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The word lists of ``data/figures.json``, read once per process."""
    d = load_json("figures.json")
    groups: dict[str, int] = {}
    for n, group in enumerate(d["counted"]["groups"]):
        for w in group:
            groups[w] = n
    return Lexicon(
        always=frozenset(d["compared_categories"]["always"]),
        same_predicate=frozenset(d["compared_categories"]["same_predicate"]),
        light_verbs=frozenset(d["compared_categories"]["light_verbs"]),
        loss_nouns=frozenset(d["loss_nouns"]["words"]),
        loss_verbs=frozenset(d["loss_nouns"]["verbs"]),
        generic_counted=frozenset(d["counted"]["generic"]),
        counted_group=groups,
        side_words=frozenset(d["side_words"]["words"]),
        pronouns=frozenset(d["possessives"]["words"]),
        total_words=frozenset(d["total_markers"]["words"]),
        total_phrases=tuple(tuple(p) for p in d["total_markers"]["phrases"]),
        clause_total_phrases=tuple(tuple(p) for p in d["total_markers"]["clause_phrases"]),
        period_units=frozenset(d["total_markers"]["period_units"]),
        event_nouns=frozenset(d["event_markers"]["nouns"]),
        event_modifiers=frozenset(d["event_markers"]["modifiers"]),
        event_words=frozenset(d["event_markers"]["words"]),
        instruments=frozenset(d["event_markers"]["instruments"]),
        change_lemmas=frozenset(d["change_words"]["lemmas"]),
        change_phrases=tuple(tuple(p) for p in d["change_words"]["phrases"]),
        movers=frozenset(d["change_words"]["movers"]),
        always_moving=frozenset(d["change_words"]["always_moving"]),
        change_sentence=frozenset(d["change_words"]["sentence_words"]),
        factive=frozenset(d["factive_cues"]["lemmas"]),
        claimed_acts=frozenset(d["claimed_acts"]["words"]),
        source_generic=frozenset(d["source_generic"]["words"]),
        remit={w: group[0] for group in d["source_remits"]["groups"] for w in group},
        near_ratio=float(d["thresholds"]["near_ratio"]),
        same_tally_ratio=float(d["thresholds"]["same_tally_ratio"]),
        predicate_group={v: n for n, group in enumerate(
            d["compared_categories"]["predicate_groups"]) for v in group},
        body_kinds=frozenset(d["body_kinds"]["words"]),
        levels=frozenset(d["body_kinds"]["levels"]),
        lead_tally_ratio=float(d["thresholds"]["lead_tally_ratio"]),
        min_shared_value=float(d["thresholds"]["min_shared_value"]),
    )


@lru_cache(maxsize=1024)
def source_words(text: str) -> list[str]:
    """The words of a source phrase, lowercased, as its keys are read."""
    return [m.group().lower() for m in _WORD.finditer(text)]


def _keys(text: str) -> frozenset[str]:
    lex = lexicon()
    generic, remit = lex.source_generic, lex.remit
    return frozenset(remit.get(w, w) for w in source_words(text) if w not in generic)


def source_keys(src: Source) -> frozenset[str]:
    """The words that say which body a source is ('a navy official' -> {'navy'})."""
    return _keys(src.text) if src.text else frozenset()
