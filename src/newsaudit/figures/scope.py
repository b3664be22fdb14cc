"""When a figure holds: one incident, a running total, or unsaid, and its point dates.

"13 deaths in the latest battle" is one incident's toll; "693 in total" and "40 killed
so far" are running totals; "Sunday" and "May 6" are the point dates a figure can share
with another. The figure's own noun phrase speaks first, then the words of its clause
that can frame it in time (:func:`scope_tokens`). The cue words live in
``data/figures.json``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from newsaudit.figures.words import Lexicon
from newsaudit.model import FigureScope

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["date_parts", "has_phrase", "point_dates", "scope", "scope_tokens"]

_TIME_UNITS = frozenset({"year", "month", "week", "day", "decade", "hour", "minute"})

#: Dependents of the clause verb that place its event in time or circumstance; the
#: subject and object phrases belong to other nouns ("the first attack on the town since
#: 2011 killed two soldiers": "since 2011" is not the two soldiers' time frame).
_ADVERBIAL_DEPS = frozenset({"prep", "advmod", "npadvmod", "advcl", "agent", "obl", "tmod"})


def has_phrase(words: Sequence[str], phrases: Iterable[tuple[str, ...]]) -> bool:
    joined = f" {' '.join(words)} "
    return any(f" {' '.join(p)} " in joined for p in phrases)


def point_dates(doc: Doc) -> dict[int, str]:
    """Token index -> the point date it belongs to ('sunday', 'may 6'), once per doc.
    Stretches of time ('two days', 'the past two years') are not point dates."""
    out: dict[int, str] = {}
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        if any(t.tag_ == "NNS" and t.lemma_.lower() in _TIME_UNITS for t in ent):
            continue
        if any(t.tag_ == "PRP$" for t in ent):
            continue  # an age ("a man in his sixties") or someone's time ("her first day")
        words = " ".join(t.lower_ for t in ent if t.lower_ not in ("the", "'s", "’s"))
        if words:
            for i in range(ent.start, ent.end):
                out[i] = words
    return out


def date_parts(
    tokens: Sequence[Token], lex: Lexicon, points_at: dict[int, str]
) -> tuple[bool, set[str]]:
    """(names a stretch of years/months, the point dates) among ``tokens``."""
    period = False
    points: set[str] = set()
    for t in tokens:
        if t.ent_type_ != "DATE":
            continue
        if t.lower_ in lex.period_units:
            period = True
        if t.i in points_at:
            points.add(points_at[t.i])
    return period, points


def scope_tokens(
    head: Token, counted: Token | None, verb: Token | None, others: set[int]
) -> list[Token]:
    """The words that can say a figure's time frame: its noun phrase, the nouns above it
    up to the clause verb with their modifiers ('the total number of ... dead', 'losses
    ... in a missile strike'), and the verb's adverbials ('In total', 'on Sunday')."""
    if verb is None:
        return []
    out: list[Token] = list(head.subtree)
    seen = {t.i for t in out}
    start = counted if counted is not None else head
    chain: list[Token] = []
    cur = start
    for _ in range(10):
        if cur.i == verb.i or cur.head.i == cur.i:
            break
        cur = cur.head
        if cur.i != verb.i:
            chain.append(cur)
    for anc in chain:
        if anc.i not in seen:
            out.append(anc)
            seen.add(anc.i)
        for c in anc.children:
            if c.i not in seen and c.dep_ in ("amod", "compound", "prep", "npadvmod"):
                sub = [t for t in c.subtree if t.i not in seen]
                out.extend(sub)
                seen.update(t.i for t in sub)
    out.append(verb)
    for c in verb.children:
        if c.dep_ in _ADVERBIAL_DEPS and c.i not in seen:
            sub = [t for t in c.subtree if t.i not in seen]
            out.extend(sub)
            seen.update(t.i for t in sub)
    return [t for t in out if t.i not in others]


def scope(
    lex: Lexicon,
    np_toks: Sequence[Token],
    region: Sequence[Token],
    num: Token,
    points_at: dict[int, str],
) -> tuple[FigureScope | None, frozenset[str]]:
    """Running total, one event, or unsaid; the figure's own noun phrase speaks first,
    except that a running-total adverbial anywhere in the clause ("in total", "so far")
    wins."""
    # never the figure's own number: the small model tags a headline's "Fourteen" DATE
    region = [t for t in region if t.i != num.i]
    if has_phrase([t.lower_ for t in region], lex.clause_total_phrases):
        return "running_total", frozenset(date_parts(region, lex, points_at)[1])
    for toks in (np_toks, region):
        toks = [t for t in toks if t.i != num.i]
        if not toks:
            continue
        period, points = date_parts(toks, lex, points_at)
        lemmas = {t.lemma_.lower() for t in toks} | {t.lower_ for t in toks}
        words = [t.lower_ for t in toks]
        if period or lemmas & lex.total_words or has_phrase(words, lex.total_phrases):
            return "running_total", frozenset(points)
        if points or lemmas & (lex.event_nouns | lex.event_modifiers | lex.event_words):
            return "event", frozenset(points)
    _, points = date_parts(region, lex, points_at)
    return None, frozenset(points)
