"""Cues that are not verbs: speech nouns and stance adjectives.

Nouns ("his claim that …", "the ministry's warning of …", "Pence's call for a special
prosecutor", "criticism from Republicans of the plan", "made the case that …", "His
concern is that …") need a named holder: a possessive, a "by"/"from" phrase, or the
subject of a light verb ("made", "issued", "voiced"). A noun with no holder is not an
attribution, except after an existential "there": "there are fears the virus will
spread" is vague sourcing (kind ``passive``).

Adjectives ("is critical of the plan", "are confident that …", "made clear that …") take
the subject of their copula (or of "make") as the holder, and only the frame listed for
them in ``attribution.json``: a preposition, or "that" for a clause.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsaudit.attribution.base import (
    NOBODY,
    Context,
    Draft,
    Speaker,
    can_speak,
    child,
    content_span,
    subject,
    trim,
)
from newsaudit.attribution.sources import lemma
from newsaudit.offsets import Ranges

if TYPE_CHECKING:
    from spacy.tokens import Token

_CLAUSE_DEPS = frozenset({"acl", "ccomp", "appos", "relcl", "csubj"})
_COPULAS = frozenset({"be", "seem", "remain", "appear", "become", "sound", "look", "feel"})
_HOLDER_PREPS = frozenset({"by", "from"})


def _clause(tok: Token) -> Token | None:
    """A "that"-clause (or a bare finite clause) the cue word governs: "his claim that …",
    "fears the virus will spread", "made clear that he would run"."""
    for c in tok.rights:
        if c.dep_ not in _CLAUSE_DEPS:
            continue
        kids = list(c.children)
        if any(k.dep_ == "mark" and k.lower_ == "that" for k in kids):
            return c
        if any(k.dep_ in ("nsubj", "nsubjpass") and k.tag_ not in ("WDT", "WP") for k in kids):
            return c
    return None


def _prep_content(ctx: Context, tok: Token, preps: frozenset[str]) -> tuple[Token, Token] | None:
    for c in tok.rights:
        if c.dep_ == "prep" and c.lower_ in preps:
            obj = child(c, "pobj", "pcomp")
            if obj is not None and obj.ent_type_ not in ("DATE", "TIME"):
                return c, obj
    return None


def _holder(ctx: Context, noun: Token) -> Token | None:
    """Whose statement a speech noun is: "Trump's claim", "criticism from X", or the
    subject of a light verb ("Sanders made the case that …")."""
    lex = ctx.lex
    for c in noun.children:
        if c.dep_ == "poss":
            return c if c.tag_ not in ("WP", "WP$") else None
    for c in noun.rights:
        if c.dep_ == "prep" and c.lower_ in _HOLDER_PREPS:
            obj = child(c, "pobj")
            if obj is not None and can_speak(obj, lex):
                return obj
    head = noun.head
    if noun.dep_ == "dobj" and lemma(head) in lex.light_verbs:
        return subject(head, lex)
    return None


def _noun(ctx: Context, noun: Token, drafts: list[Draft]) -> None:
    lex = ctx.lex
    doc = ctx.doc
    holder = _holder(ctx, noun)
    cue_end = noun
    content: tuple[int, int] | None = None
    clause = _clause(noun)
    head = noun.head
    if clause is not None:
        content = content_span(ctx, clause)
    elif noun.dep_ == "nsubj" and lemma(head) == "be":
        # "His concern is that they will cut the post"
        comp = child(head, "ccomp", "attr")
        if comp is not None and comp.i > noun.i and comp.tag_.startswith("VB"):
            content = content_span(ctx, comp)
    else:
        found = _prep_content(ctx, noun, lex.noun_preps)
        # "his views on immigration" names a topic, not a statement: a prepositional
        # object counts only when the holder is named ("Pence's call for a prosecutor")
        if found is not None and holder is not None and holder.pos_ != "PRON":
            prep, obj = found
            cue_end = prep
            content = trim(ctx, obj.left_edge.i, prep.right_edge.i + 1)
    if content is None:
        return
    cue_span = (noun.idx, cue_end.idx + len(cue_end.text))
    cue = doc[noun.i : cue_end.i + 1].text.lower()
    if holder is None:
        if not (noun.dep_ == "attr" and child(head, "expl") is not None and clause is not None):
            return  # only "there are fears that …" stands without a holder
        drafts.append(Draft("passive", Speaker(NOBODY, (), "passive", cue, cue_span), content))
        return
    if not can_speak(holder, lex):
        return
    who = ctx.who(holder)
    if who is None:
        return
    speaker = Speaker(who, (), "reported_speech", cue, cue_span)
    drafts.append(Draft("reported_speech", speaker, content))


def _adjective(ctx: Context, adj: Token, drafts: list[Draft]) -> None:
    lex = ctx.lex
    head = adj.head
    if adj.dep_ not in ("acomp", "oprd") or lemma(head) not in _COPULAS | {"make"}:
        return
    frames = lex.adjective_frames.get(lemma(adj), frozenset())
    content: tuple[int, int] | None = None
    cue_end = adj
    if "that" in frames:
        clause = _clause(adj) or (child(head, "ccomp") if lemma(head) == "make" else None)
        if clause is not None and clause.i > adj.i:
            content = content_span(ctx, clause)
    if content is None:
        found = _prep_content(ctx, adj, frames)
        if found is None:
            return
        prep, obj = found
        cue_end = prep
        content = trim(ctx, obj.left_edge.i, prep.right_edge.i + 1)
    if content is None:
        return
    subj = subject(head, lex)
    if subj is None or not can_speak(subj, lex):
        return
    who = ctx.who(subj)
    if who is None:
        return
    doc = ctx.doc
    first = head.i if head.i < adj.i else adj.i
    cue_span = (doc[first].idx, cue_end.idx + len(cue_end.text))
    cue = doc[first : cue_end.i + 1].text.lower()
    ctx.used.add(head.i)
    speaker = Speaker(who, (), "reported_speech", cue, cue_span)
    drafts.append(Draft("reported_speech", speaker, content))


def nominal(ctx: Context, nouns: list[Token], adjectives: list[Token], drafts: list[Draft]) -> None:
    """Pass: speech nouns and stance adjectives (candidates from the orchestrator's scan).

    A cue inside words another pass already reported is part of those words ("said his
    claim that … was false" stays one record), like a nested stance verb; inside the
    object of a stance verb it is someone else's statement and stands ("Villagers
    rejected the minister's claim that the dam was safe": two records).
    """
    spans = Ranges(d.content for d in drafts if d.content is not None and not d.stance)
    for tok in (*nouns, *adjectives):
        if tok.i in ctx.used or spans.holds(tok.idx):
            continue
        if tok.pos_ == "ADJ":
            _adjective(ctx, tok, drafts)
        else:
            _noun(ctx, tok, drafts)
