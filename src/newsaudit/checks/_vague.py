"""Vague sourcing: a statement that rests on someone, but on no one a reader could check.

"It was reported in May that …", "the reports claim …", "local sources said …",
"according to a human rights group", "Syrian forces have reportedly destroyed …": the
page does not vouch for the words itself, yet names no person, body or outlet behind
them. An agentless passive names nobody; a source phrase names nobody when its head is
a word for unnamed speakers or hearsay (``checks.json: vague_sourcing``) and nothing in
it is a name (a nationality is not one: "Syrian activists" are still anyone). People
the reporter met ("a resident said", "witnesses said") and officials are not on the
list: they are the ordinary, checkable sources of reporting.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Literal, NamedTuple

from newsaudit.checks._sources import TokenIndex, cues
from newsaudit.model import Attribution, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["Vague", "hearsay", "hedges", "key", "names_source", "vague_source"]

_WORD_BEFORE = re.compile(r"\b(\w+)\s+$")
_NAME_ENTS = frozenset({"PERSON", "ORG", "FAC", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"})


class Vague(NamedTuple):
    """How an attribution or a sentence names no one: the words that show it, whether
    they are an unnamed source ("local sources") or hearsay with no source at all ("it
    was reported", "reportedly"), and the words as a message quotes them."""

    span: Span
    kind: Literal["unnamed", "hearsay"]
    words: str
    head: str = ""


class _Words(NamedTuple):
    heads: frozenset[str]
    hearsay: frozenset[str]
    hedges: frozenset[str]
    passives: frozenset[str]
    institutions: frozenset[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    raw = cues()["raw"]["vague_sourcing"]
    return _Words(
        frozenset(raw["heads"]), frozenset(raw["hearsay_heads"]), frozenset(raw["hedges"]),
        frozenset(raw["passive_lemmas"]), frozenset(raw["institution_nouns"]["words"]),
    )


def _named(doc: Doc, index: TokenIndex, start: int, end: int) -> bool:
    """A name among the words ``start:end``: a person, organisation or title, or two
    capitalised words that are not a place or a nationality ("the Syrian Observatory for
    Human Rights monitoring group", "gun control group Everytown for Gun Safety"); a
    nationality or a place alone ("Syrian activists", "Washington insiders", "activists
    in Syria") names no one."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    if any(t.ent_type_ in _NAME_ENTS for t in span):
        return True
    capitals = [t for t in span if t.text[:1].isupper() and t.is_alpha and not t.is_sent_start
                and t.lower_ not in _DETERMINERS and t.ent_type_ not in _PLACE_ENTS]
    if len(capitals) >= 2:
        return True
    # a capitalised head after a capitalised word is a name even when the first word is a
    # place's: "Sahara Media", "Kurdistan Observatory"; "Syrian media" is not capitalised
    root = span.root
    return (root.text[:1].isupper() and not root.is_sent_start and root.i > span.start
            and doc[root.i - 1].text[:1].isupper() and doc[root.i - 1].is_alpha
            and doc[root.i - 1].ent_type_ != "NORP")


def names_source(doc: Doc, index: TokenIndex, att: Attribution) -> bool:
    """Whether an attribution's source phrase has a name in it ("the Kordavian Human
    Rights League", "Variety"), not only a description ("a human rights group")."""
    src = att.source
    return src.start is not None and src.end is not None and _named(doc, index, src.start,
                                                                      src.end)


_DETERMINERS = frozenset({"the", "a", "an"})
_PLACE_ENTS = frozenset({"GPE", "NORP", "LOC"})
#: Proper nouns that name no one: places, nationalities, days and times.
_NOT_NAMES = _PLACE_ENTS | {"DATE", "TIME"}
#: Words before a source's head that point back to one already named: "the group",
#: "its sources", "the group's leader".
_POINTING = frozenset({"the", "this", "that", "its", "his", "her", "their", "our"})


def _points_back(doc: Doc, index: TokenIndex, start: int, end: int, head: str) -> bool:
    """A source that points back to one named earlier: after "the" or a possessive ("the
    group", "the group's leader", "the energy experts"). Hearsay ("the reports", "the
    sources") points back to nothing checkable."""
    toks = [doc[i] for i in index.within(start, end)]
    if any(t.tag_ == "POS" or (t.dep_ == "poss" and t.i != toks[-1].i) for t in toks):
        return True
    return bool(toks) and toks[0].lower_ in _POINTING and head not in _words().hearsay


#: How far back, in tokens, "the source" may point to the mention it repeats: a few
#: sentences of one paragraph.
_BACK = 150


def _named_before(doc: Doc, index: TokenIndex, start: int, head: str) -> bool:
    """Whether "the source" at ``start`` repeats a mention that has a name: "a source at
    Aleppo Police Command said … The source added …". The earlier mention is the nearest
    noun with the same head word before it in the paragraph, its phrase read from the
    parse; an earlier mention that names no one ("local sources said … the sources
    added") leaves the source as vague as it was."""
    first = index.at(start)
    if doc[first].lower_ not in _POINTING:
        return False
    for i in range(first - 1, max(-1, first - _BACK), -1):
        tok = doc[i]
        if "\n" in tok.text or "\n" in tok.whitespace_:
            return False  # a paragraph break: the mention is not in this paragraph
        if tok.pos_ == "NOUN" and _key(tok.lower_) == _key(head):
            edge = tok.right_edge
            return _named(doc, index, tok.left_edge.idx, edge.idx + len(edge.text))
    return False


def _statement(doc: Doc, index: TokenIndex, content: Span) -> bool:
    """Whether what the source is said to have said is a statement (it has a verb)
    rather than a topic ("talked about the budget")."""
    return any(doc[i].pos_ in ("VERB", "AUX") for i in index.within(content.start, content.end))


def _names_between(doc: Doc, index: TokenIndex, lo: int, hi: int) -> bool:
    """A named outlet, body or person between a source and its words: the one who
    carries them ("said in a phone call with SANA that …")."""
    return lo < hi and any(
        doc[i].ent_type_ in _NAME_ENTS
        or (doc[i].pos_ == "PROPN" and doc[i].ent_type_ not in _NOT_NAMES)
        or (doc[i].is_upper and doc[i].is_alpha and len(doc[i]) > 1)  # "with SANA"
        for i in index.within(lo, hi)
    )


def _after_dateline(doc: Doc, index: TokenIndex, start: int, end: int) -> int:
    """Where a source phrase starts once a date the page's layout ran into it is left out
    ("2014 Activists in Syria" after "Published October 31")."""
    toks = index.within(start, end)
    k = toks.start
    while k < toks.stop - 1 and (doc[k].ent_type_ in ("DATE", "TIME") or doc[k].like_num):
        k += 1
    return doc[k].idx if k < toks.stop else start


def _with_plain_speakers(doc: Doc, index: TokenIndex, start: int, end: int) -> bool:
    """Whether the source phrase joins an unnamed source to speakers that are not vague
    ("a medical source and witnesses"): the claim rests on them too."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    heads = _words().heads
    return any(c.lower_ not in heads for c in span.root.conjuncts if start <= c.idx < end)


def _head(doc: Doc, index: TokenIndex, start: int, end: int) -> str:
    """The source phrase's head word, lower case ("Activists in Syria" -> "activists")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root.lower_ if span is not None and len(span) else ""


#: How far after a described source (characters from the end of its attribution) the
#: page may name it: the next paragraph or two of wire copy, which names "a monitoring
#: group" as "the Syrian Observatory for Human Rights" once the lead is told.
_AHEAD = 1200
#: Heads of a source phrase that describe an institution ("a monitoring group", "a rights
#: group") or a country's press ("Syrian state media", "Israeli media"): the kinds of
#: source wire copy describes in the lead and names a sentence or a paragraph on.
_INSTITUTIONS = frozenset({"group", "groups"})
_PRESS = frozenset({"media"})
#: Who may name a described source: an organisation or an outlet, or a person the page
#: names with the institution ("Observatory director Rami Abdel Rahman"), or an outlet
#: the parser took for a person ("SANA says").
_NAMING_TYPES = frozenset({"organisation", "outlet", "person"})


def _named_next(doc: Doc, index: TokenIndex, att: Attribution, head: str,
                later: Sequence[Attribution]) -> bool:
    """Whether a source described rather than named in the lead is named as a source in
    the next paragraph or two: an institution with an indefinite article ("…, a
    monitoring group said" … "The Syrian Observatory for Human Rights said …"), or a
    country's press ("Syrian state media said …" … "SANA says …"). Wire copy's shorthand
    for a source it names, not an unnamed one. Not "the group" (it points back) nor "the
    media" (everyone's press)."""
    src = att.source
    if src.start is None or src.end is None:
        return False
    first = doc[index.at(src.start)].lower_
    if head in _INSTITUTIONS:
        if first not in ("a", "an") or _group_of(doc, index, src.start, src.end):
            return False
    elif head not in _PRESS or first in _POINTING or first in ("some", "many", "several"):
        return False
    if any(
        0 < b.start - att.end <= _AHEAD and b.source.type in _NAMING_TYPES
        and b.source.start is not None and b.source.end is not None
        and (b.source.type != "person" or _institution_named(doc, index, b, head))
        and _named(doc, index, b.source.start, b.source.end)
        for b in later
    ):
        return True
    return head in _INSTITUTIONS and _institution_ahead(doc, index, att.end)


def _institution_ahead(doc: Doc, index: TokenIndex, end: int) -> bool:
    """Whether an organisation named by an institution noun ("the Syrian Observatory for
    Human Rights", "the Local Coordination Committees") stands in the next paragraph or
    two, as a source or as a tag whose verb the scraped text lost."""
    return any(_institution_word(doc[i]) for i in index.within(end, end + _AHEAD))


def _group_of(doc: Doc, index: TokenIndex, start: int, end: int) -> bool:
    """"A group of defectors": people gathered, not an institution a page can name."""
    return any(doc[i].lower_ == "of" and doc[i].head.lower_ in _INSTITUTIONS
               for i in index.within(start, end))


def _institution_named(doc: Doc, index: TokenIndex, b: Attribution, head: str) -> bool:
    """Whether a source the parser calls a person is an institution or an outlet in fact:
    a person named with their institution ("Observatory director Rami Abdel Rahman"), for
    a group; an acronym or a capitalised name alone ("SANA"), for the press."""
    assert b.source.start is not None and b.source.end is not None
    toks = [doc[i] for i in index.within(b.source.start, b.source.end)]
    if head in _PRESS:
        return len(toks) == 1 and toks[0].is_upper and len(toks[0]) > 2
    return any(t.ent_type_ == "ORG" or _institution_word(t) for t in toks)


def _institution_word(t: Token) -> bool:
    """An institution noun written as part of a name: capitalised inside a sentence
    ("the Kordavian Observatory for Human Rights", "Observatory director …"); the entity
    recogniser misses invented or foreign names as often as it tags them."""
    return t.lower_ in _words().institutions and t.text[:1].isupper() and not t.is_sent_start


def vague_source(
    doc: Doc, index: TokenIndex, text: str, att: Attribution, seen: frozenset[str] = frozenset(),
    carried: set[str] | None = None, later: Sequence[Attribution] = (),
) -> Vague | None:
    """Whether ``att`` rests on no one a reader could check, and the words that show it.
    ``seen`` are the :func:`key` of vague sources earlier on the page: "the activists"
    after "activists said" is the same unnamed group. ``carried`` collects the keys of
    unnamed sources whose words a named outlet carried ("local sources told SANA"), so
    that "the sources said" later rests on the outlet too. ``later`` are the page's
    attributions, where a group described in the lead may be named next."""
    heads = _words().heads
    src = att.source
    if att.kind == "passive" and src.text is None:
        cue = att.cue_span
        if cue is None:
            return None
        verb = doc[index.at(cue.end - 1)]
        if verb.lemma_.lower() not in _words().passives:
            return None  # "is expected to", "is seen as": a forecast or a description
        if any(doc[i].is_upper and len(doc[i]) > 1 for i in index.within(cue.start, cue.end)):
            return None  # "IS said": the Islamic State, not an auxiliary
        before = _WORD_BEFORE.search(text, max(0, cue.start - 12), cue.start)
        if before is not None and before.group(1).lower() == "it":
            start = before.start(1)  # "it was reported", "it has been claimed"
            return Vague(Span(start, cue.end, text[start : cue.end]), "hearsay",
                         text[start : cue.end])
        return Vague(cue, "hearsay", cue.text)
    if src.text is None or src.start is None or src.end is None or src.mention is not None:
        return None
    head = _head(doc, index, src.start, src.end)
    if any(v.text and v.start is not None and v.end is not None
           and _named(doc, index, v.start, v.end) for v in att.via) or (
        att.content is not None and _names_between(doc, index, src.end, att.content.start)
    ):
        # "activists told AFP", "local sources said in a phone call with SANA that …":
        # an outlet stands behind the words
        if carried is not None:
            carried.add(_key(head))
        return None
    if att.content is not None and not _statement(doc, index, att.content):
        return None  # "the media is happy to talk about X": a topic, not a claim
    if head not in heads or _named(doc, index, src.start, src.end):
        return None
    if _with_plain_speakers(doc, index, src.start, src.end):
        return None  # "a medical source and witnesses said": witnesses can be checked
    start = _after_dateline(doc, index, src.start, src.end)
    found = Vague(Span(start, src.end, text[start:src.end]), "unnamed", text[start:src.end], head)
    if carried and key(found) in carried and doc[index.at(src.start)].lower_ in _POINTING:
        return None  # "the sources said", after an outlet carried them
    if _points_back(doc, index, src.start, src.end, head) and key(found) not in seen:
        return None
    if _named_before(doc, index, src.start, head):
        return None  # "the source" is the one just named: "a source at Aleppo Police Command"
    if _named_next(doc, index, att, head, later):
        return None  # "a monitoring group said … The Syrian Observatory … said"
    return found


def hedges(doc: Doc, index: TokenIndex, start: int, end: int) -> Vague | None:
    """A hearsay adverb on a sentence's main verb ("Boko Haram is reportedly holding a
    hostage"): the page passes on what it has not checked and does not say from whom.
    In a clause describing someone ("a man who reportedly had …") it is background."""
    words = _words().hedges
    for i in index.within(start, end):
        t = doc[i]
        if t.lower_ not in words or t.pos_ != "ADV":
            continue
        verb = t.head
        while verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head
        if verb.dep_ == "ROOT":
            return Vague(Span(t.idx, t.idx + len(t.text), t.text), "hearsay", t.text)
    return None


def key(v: Vague) -> str:
    """What makes two vague sources one for a page: the same head word ("local sources in
    the city", "the sources", "a source"), or the same hearsay words."""
    if v.kind == "hearsay":
        words = v.words.lower().split()
        return " ".join(w for w in words if w not in ("it", "has", "have", "been", "was", "is"))
    return _key(v.head)


def _key(head: str) -> str:
    return head[:-1] if head.endswith("s") else head


def hearsay(v: Vague) -> bool:
    """Whether an unnamed source is hearsay itself ("reports", "sources", "the media")
    rather than a group of people ("critics", "experts")."""
    return v.kind == "hearsay" or v.head in _words().hearsay
