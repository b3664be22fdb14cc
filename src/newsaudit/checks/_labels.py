"""Labels the page puts on people in its own voice: "the terrorist groups", "IS gangs",
"the dictator", "those idiots".

The loaded-language tagger learned from partisan US news and misses the labels of other
kinds of pages (a war report calling one side "the terrorists"). A label is a word of
voice.json's ``people_labels`` or of loaded.json's ``group_label`` or ``insult`` kinds
that names someone: the noun itself heads a phrase for people ("the terrorists", "gangs"), or it
modifies one ("terrorist organisations", "corrupt elites"). It is the page's only when it
lies outside everyone else's words (:mod:`._voice`) and outside a name ("the Global
Terrorism Database", "Terror Squad"): what a speaker calls someone is theirs to answer for.
A phrase that names the organisation it labels ("ISIS terrorists") gives its designation,
not the page's label on an unnamed side. A label the page hedges ("suspected terrorists",
"alleged gang members": loaded.json's ``label_hedges``) reports a suspicion rather than
calling anyone that, and a word that opens a hyphenated compound ("gang-raped",
"terror-related") is part of another word, not a noun for people.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from newsaudit.checks._voice import Voice, names_someone
from newsaudit.datafiles import load_json

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: The kinds of loaded.json whose words are labels when they name someone.
_KINDS = ("group_label", "insult")
#: How a label word may sit on the phrase it labels.
_MODIFIES = frozenset({"amod", "compound", "nmod"})
#: Entity types that make a capitalised phrase a name rather than a label.
_NAMES = frozenset({"ORG", "FAC", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"})


@lru_cache(maxsize=1)
def _words() -> frozenset[str]:
    reasons = load_json("loaded.json")["reasons"]
    labels = load_json("voice.json")["people_labels"]
    words = frozenset(w for k in _KINDS for w in reasons[k]["words"]) | frozenset(labels["words"])
    plain = frozenset(load_json("loaded.json")["neutral"])  # "extremists": a wire descriptor
    return words - frozenset(labels["not_labels"]) - plain


@lru_cache(maxsize=1)
def _hedges() -> frozenset[str]:
    return frozenset(load_json("loaded.json")["label_hedges"]["words"])


def _hedged(tok: Token, head: Token) -> bool:
    """Whether the page hedges the label: "suspected terrorists", "alleged gang members"."""
    hedges = _hedges()
    return any(c.dep_ in ("amod", "advmod") and c.lower_ in hedges
               for t in {tok, head} for c in t.children)


def _compound_start(doc: Doc, tok: Token) -> bool:
    """Whether ``tok`` opens a hyphenated compound ("gang-raped", "terror-related")."""
    nxt = tok.i + 1
    return (nxt + 1 < len(doc) and not tok.whitespace_ and doc[nxt].text in ("-", "‐")
            and not doc[nxt].whitespace_)


def why(word: str) -> str | None:
    """The reason a people label of voice.json is loaded (None for other words: theirs is
    in loaded.json)."""
    labels = load_json("voice.json")["people_labels"]
    return labels["why"] if word.lower() in labels["words"] else None


def _labelled(tok: Token) -> Token | None:
    """The head of the phrase for people that ``tok`` labels, if it labels one."""
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in _MODIFIES and names_someone(tok):
        return tok
    if tok.dep_ in _MODIFIES and tok.head.pos_ in ("NOUN", "PROPN") and names_someone(tok.head):
        return tok.head
    return None


def own_labels(doc: Doc, start: int, end: int, voice: Voice) -> Iterator[tuple[int, int, str]]:
    """``(start, end, word)`` of each label on people in ``[start, end)`` that is the page's
    own: the phrase from the label word to the head it labels."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return
    words = _words()
    for tok in span:
        low = tok.lower_
        if low not in words and tok.lemma_.lower() not in words:
            continue
        head = _labelled(tok)
        if head is None or tok.ent_type_ in _NAMES or head.ent_type_ in _NAMES:
            continue
        if any(t.ent_type_ == "ORG" for t in head.subtree):
            continue  # "ISIS terrorists", "extremists from al-Nusra": a named group's designation
        if tok.is_title and not tok.is_sent_start and tok.pos_ == "PROPN":
            continue  # a capitalised word inside a name ("Terror Squad")
        if tok.i > 0 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_:
            continue  # the end of a compound that may turn it round ("anti-globalists")
        if _compound_start(doc, tok):
            continue  # the start of another word ("gang-raped")
        if _hedged(tok, head):
            continue  # "suspected terrorists": a suspicion reported, not a label
        first, last = min(tok.i, head.i), max(tok.i, head.i)
        s, e = doc[first].idx, doc[last].idx + len(doc[last].text)
        if voice.overlaps(s, e):
            continue
        yield s, e, tok.text
