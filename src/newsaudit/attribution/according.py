""""According to X, …" and "…, according to X": X's word for the clause it modifies.

When that clause is itself "Y said …", X is not the source but Y's intermediary: the
verb pass picks X up from ``Context.according_via``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsaudit.attribution.base import (
    Context,
    Draft,
    Speaker,
    Who,
    child,
    content_span,
    is_verb,
    issuer,
    subject,
)
from newsaudit.attribution.sources import lemma

if TYPE_CHECKING:
    from spacy.tokens import Token


#: Marks that set a "per X" phrase off from its clause: "Per the ministry, 45 died",
#: "45 died, per the ministry". Unset, "per" is a rate ("$5 per person").
_SET_OFF = frozenset({",", "—", "–", "(", ";"})


def _speaking(ctx: Context, pobj: Token) -> Token:
    """Who speaks for the phrase's noun: a document's issuer ("according to a ministry
    report": the ministry), else the noun itself."""
    if lemma(pobj) in ctx.lex.document_nouns:
        return issuer(pobj, ctx.lex) or pobj
    return pobj


def _per_speaker(ctx: Context, per: Token) -> tuple[Who, tuple[int, int]] | None:
    """"Per the ministry, …" / "…, per NBC News": American shorthand for "according to",
    only when the phrase is set off by a comma, a dash or the sentence's edge."""
    pobj = child(per, "pobj")
    if pobj is None:
        return None
    doc = per.doc
    before_ok = per.i == per.sent.start or doc[per.i - 1].text in _SET_OFF
    end = pobj.right_edge.i + 1
    after_ok = end >= per.sent.end or doc[end].text in _SET_OFF | {".", "!", "?", ")"}
    if not (before_ok and after_ok):
        return None
    who = ctx.who(_speaking(ctx, pobj))
    if who is None:
        return None
    return who, (per.idx, per.idx + len(per.text))


def according_speaker(ctx: Context, according: Token) -> tuple[Who, tuple[int, int]] | None:
    if according.lower_ == "per":
        return _per_speaker(ctx, according)
    to = next((c for c in according.children if c.lower_ == "to"), None)
    if to is None:
        return None
    pobj = child(to, "pobj")
    if pobj is None:
        return None
    who = ctx.who(_speaking(ctx, pobj))
    if who is None:
        return None
    return who, (according.idx, to.idx + len(to.text))


def according(ctx: Context, tokens: list[Token], drafts: list[Draft]) -> None:
    """Pass 2: "according to X, …" / "…, according to X"."""
    lex = ctx.lex
    for tok in tokens:
        if tok.i in ctx.used:
            continue
        found = according_speaker(ctx, tok)
        if found is None:
            continue
        who, cue_span = found
        head = tok.head
        while not is_verb(head) and head.dep_ != "ROOT" and head.head.i != head.i:
            head = head.head
        if tok.i > head.i:
            # "Seven were killed and 12 wounded …, according to X": a trailing phrase the
            # parser hangs on the last of coordinated clauses gives X's word for them all
            while head.dep_ == "conj" and is_verb(head.head) and head.head.i < head.i:
                head = head.head
        if (
            lemma(head) in lex.reporting
            and head.i not in ctx.used
            and subject(head, lex) is not None
            and child(head, "ccomp") is not None
        ):
            ctx.according_via[head.i] = who  # "According to X, Y said …": Y via X
            continue
        content = content_span(ctx, head, tok)
        if content is None:
            continue
        cue = "per" if tok.lower_ == "per" else "according to"
        speaker = Speaker(who, (), "according_to", cue, cue_span)
        drafts.append(Draft("according_to", speaker, content))
