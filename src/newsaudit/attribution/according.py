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


def according_speaker(ctx: Context, according: Token) -> tuple[Who, tuple[int, int]] | None:
    to = next((c for c in according.children if c.lower_ == "to"), None)
    if to is None:
        return None
    pobj = child(to, "pobj")
    if pobj is None:
        return None
    src = pobj
    if lemma(pobj) in ctx.lex.document_nouns:
        src = issuer(pobj, ctx.lex) or pobj
    who = ctx.who(src)
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
        speaker = Speaker(who, (), "according_to", "according to", cue_span)
        drafts.append(Draft("according_to", speaker, content))
