"""Agentless passives ("it is believed that …", "3,000 troops are believed to be …",
"prices are expected to rise", "When asked whether …"), and passives with an agent ("it
was reported by X that …", "the meeting was first reported by Politico", "…, as
reported by the BBC").

An agentless passive names nobody: its record is kind ``passive`` with an unspecified
source, which is what the checks read as vague sourcing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsaudit.attribution.base import NOBODY, Context, Draft, Speaker, child, content_span, trim
from newsaudit.attribution.sources import Lexicon, lemma

if TYPE_CHECKING:
    from spacy.tokens import Token


_PASSIVE_COMPLEMENTS = frozenset({"ccomp", "xcomp", "oprd", "acomp"})


_QUESTION_PREPS = frozenset({"about", "on"})


def _complement(verb: Token, participle: bool) -> Token | None:
    """What a passive cue reports: a clause or infinitive ("is believed to be"), a
    predicate with "as" ("is seen as a threat"), or, for a bare participle, the question
    put ("Asked about the vote, …", "When asked whether …")."""
    comp = child(verb, *_PASSIVE_COMPLEMENTS)
    if comp is not None:
        return comp
    for c in verb.children:
        if c.dep_ == "prep" and c.i > verb.i:
            if c.lower_ == "as" and child(c, "pobj") is not None:
                return c
            if participle and c.lower_ in _QUESTION_PREPS:
                return child(c, "pobj", "pcomp")
        if participle and c.dep_ == "advcl" and any(
            m.lower_ in ("if", "whether") for m in c.children
        ):
            return c
    return None


def _as_tag(verb: Token) -> bool:
    marked = any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    return marked and verb.head.i != verb.i


def _bare_participle(verb: Token, lex: Lexicon) -> bool:
    """"Asked about the vote, she said …": a participle with no subject of its own whose
    asker (or teller) the text does not name."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ == "advcl"
        and lemma(verb) in lex.passive
        and child(verb, "nsubj", "nsubjpass", "auxpass", "aux") is None
    )


def passives(ctx: Context, verbs: list[Token], drafts: list[Draft]) -> None:
    """Pass 4: "it is believed that …", "… are believed to be …", "it was reported by X",
    "The meeting was first reported by Politico", "Asked whether …, she said"."""
    lex = ctx.lex
    for verb in verbs:
        if verb.i in ctx.used or lemma(verb) in lex.quote_lemmas:
            continue  # "was quoted by AFP as saying" is a chain, read at its "saying"
        aux = child(verb, "auxpass")
        participle = aux is None and _bare_participle(verb, lex)
        if aux is None and not participle:
            continue
        agent = child(verb, "agent")
        by = child(agent, "pobj") if agent is not None else None
        comp = _complement(verb, participle)
        subj = child(verb, "nsubjpass")
        if comp is not None and comp.dep_ == "xcomp" and lemma(verb) in lex.passive_orders:
            continue  # "He was told to leave": an order, not a statement
        if comp is None and participle and by is not None and _as_tag(verb):
            content = content_span(ctx, verb.head, verb)  # "…, as reported by Politico"
        elif comp is None:
            if (
                by is None
                or subj is None
                or subj.lower_ == "it"
                or lemma(verb) not in lex.reporting
            ):
                continue
            content = trim(ctx, subj.left_edge.i, subj.right_edge.i + 1)  # "X was reported by Y"
        elif participle or (subj is not None and subj.lower_ == "it" and comp.dep_ == "ccomp"):
            content = content_span(ctx, comp)
        elif subj is not None:
            content = trim(ctx, subj.left_edge.i, comp.right_edge.i + 1)
        else:
            content = content_span(ctx, comp)
        if content is None:
            continue
        if aux is not None:
            cue_span = (min(aux.idx, verb.idx), verb.idx + len(verb.text))
            cue = f"{aux.lower_} {verb.lower_}"
        else:
            cue_span = (verb.idx, verb.idx + len(verb.text))
            cue = verb.lower_
        who = ctx.who(by) if by is not None else None
        if by is not None and who is not None:
            speaker = Speaker(who, (), "reported_speech", f"{cue} by", cue_span)
        else:
            speaker = Speaker(NOBODY, (), "passive", cue, cue_span)
        ctx.used.add(verb.i)
        drafts.append(Draft(speaker.kind, speaker, content))
