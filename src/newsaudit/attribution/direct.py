"""Quotations: who speaks the words between quotation marks.

A quotation gets a speaker from a tag after it ("“…,” said Hill", "“…?” a resident
asked") or before it ("Hill said: “…”", or a bare name and colon, "Ortega: “…”"); the
paragraphs of a running quotation share it, and a whole-sentence quotation right after a
quoted speaker continues that speaker. What is left at the end is either a partial quote
inside someone's attributed clause or an ``unattributed_quote``.
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate
from typing import TYPE_CHECKING

from newsaudit.attribution.according import according_speaker
from newsaudit.attribution.base import (
    NOBODY,
    Context,
    Draft,
    Speaker,
    Who,
    can_speak,
    child,
    is_verb,
    subject,
)
from newsaudit.attribution.colon import colon_speaker
from newsaudit.attribution.quotemarks import QuoteSpan
from newsaudit.attribution.sources import source_type
from newsaudit.attribution.verbs import tags_quotes, verb_speaker
from newsaudit.offsets import SpanIndex

if TYPE_CHECKING:
    from spacy.tokens import Token


_TAG_FILLER_DEPS = frozenset(
    {"advmod", "aux", "neg", "npadvmod", "prep", "pobj", "det", "dobj", "dative", "amod"}
    | {"compound"}
)
#: Tokens a speaker tag may span between a quotation and its reporting verb.
_TAG_WINDOW = 10
#: A whole-sentence quotation continues the previous speaker only if it is this long
#: (one quoted word after a quotation is more often a label than more speech).
_CONTINUATION_MIN_WORDS = 2
_UNATTRIBUTED = "quotation marks"
#: Verb dependents that modify a noun ("the soldier carrying the radio", "a man who").
_MODIFIER_DEPS = frozenset({"acl", "relcl", "amod"})
#: A misparsed cue ("the Marine filming exclaims") sits this close to the quotation.
_MISPARSE_WINDOW = 6
_PHRASE_POS = frozenset({"DET", "PROPN", "NOUN", "ADJ", "NUM", "VERB"})
_SPEAKER_POS = frozenset({"PROPN", "NOUN", "ADJ"})  # "medic" is often mistagged ADJ
_CLAUSE_BREAK_POS = frozenset({"ADP", "SCONJ", "ADV", "CCONJ"})


def _quote_tag_after(ctx: Context, q: QuoteSpan) -> Token | None:
    """The reporting verb of "“…,” said Hill" / "“…,” Hill said" (or "according to X")."""
    if q.close_at is None:
        return None
    doc = ctx.doc
    k = ctx.tok_at(q.close_at) + 1
    while k < len(doc) and (doc[k].is_punct and doc[k].text in ",—–-" or doc[k].text == " "):
        k += 1
    if k >= len(doc) or "\n" in doc[k - 1].text_with_ws:
        return None
    if doc[k].lower_ in ctx.lex.according_heads:
        return doc[k]
    for m in range(k, min(len(doc), k + _TAG_WINDOW)):
        t = doc[m]
        if ctx.in_quote[m] or "\n" in t.text or t.text in ".!?":
            return None
        if not is_verb(t) or t.dep_ in ("aux", "auxpass", "neg"):
            continue
        if t.dep_ in _MODIFIER_DEPS and k <= t.head.i < t.i:
            continue  # "a witness standing nearby says": the participle belongs to the speaker
        if not tags_quotes(ctx.lex, t) or child(t, "auxpass") is not None:
            return None
        subj = subject(t, ctx.lex)
        for between in doc[k:m]:
            if between.is_punct or between.is_space:
                continue
            if subj is not None and subj.left_edge.i <= between.i <= subj.right_edge.i:
                continue
            if between.head.i == t.i and between.dep_ in _TAG_FILLER_DEPS:
                continue
            return None
        clause = child(t, "ccomp")
        if clause is not None and not ctx.in_quote[clause.i]:
            return None  # the verb reports its own clause, not this quotation
        return t
    return None


def _misparsed_tag(ctx: Context, q: QuoteSpan) -> tuple[Token, Speaker] | None:
    """"“…,” the Marine filming exclaims": a present-tense cue the parser read as a plural
    noun heading the speaker's phrase, so no verb is found after the quotation. Taken only
    when a short noun phrase runs from the quotation to the cue and the clause stops there
    (a comma, a full stop, "before …"), so "the group's claims are false" stays a noun."""
    if q.close_at is None:
        return None
    doc = ctx.doc
    k = ctx.tok_at(q.close_at) + 1
    while k < len(doc) and (doc[k].is_punct and doc[k].text in ",—–-" or doc[k].is_space):
        k += 1
    if k >= len(doc) or "\n" in doc[k - 1].text_with_ws:
        return None
    lex = ctx.lex
    for m in range(k + 1, min(len(doc), k + _MISPARSE_WINDOW)):
        t = doc[m]
        if ctx.in_quote[m] or "\n" in doc[m - 1].text_with_ws:
            return None
        if t.pos_ not in _PHRASE_POS:
            return None
        low = t.lower_
        if t.tag_ not in ("NNS", "NNPS") or not low.endswith("s"):
            continue
        stem = low[:-2] if low.endswith("es") and low[:-2] in lex.quote_tags else low[:-1]
        if stem not in lex.reporting and stem not in lex.quote_tags:
            continue
        after = doc[m + 1] if m + 1 < len(doc) else None
        if after is not None and not (after.is_punct or after.pos_ in _CLAUSE_BREAK_POS):
            return None
        heads = [c for c in doc[k:m] if c.pos_ in _SPEAKER_POS and can_speak(c, lex)]
        if not heads:
            return None
        head = heads[-1]  # the phrase ends at its last speaking noun: "the Marine (filming)"
        who = Who(k, head.i + 1, source_type(doc, k, head.i + 1, head, lex))
        return t, Speaker(who, (), "direct_quote", low, (t.idx, t.idx + len(t.text)))
    return None


def _quote_tag_before(ctx: Context, q: QuoteSpan) -> Token | None:
    """The reporting verb of "Hill said: “…”", "Iran admits “…”", "told reporters: “…”"."""
    doc = ctx.doc
    k = ctx.tok_at(q.open_at) - 1
    text = ctx.text
    while k >= 0 and (doc[k].is_space or doc[k].text in ":,—–"):
        if "\n" in doc[k].text and text[: doc[k].idx].rstrip()[-1:] != ":":
            return None
        k -= 1
    collected: list[Token] = []
    while k >= 0 and len(collected) <= 6:
        t = doc[k]
        if ctx.in_quote[k] or ("\n" in t.text_with_ws and collected) or t.text in ".!?":
            return None
        if is_verb(t) and t.dep_ not in ("aux", "auxpass"):
            if not tags_quotes(ctx.lex, t) or child(t, "auxpass") is not None:
                return None
            for c in collected:
                if c.is_punct:
                    continue
                if c.dep_ in ("nsubjpass", "mark") or t not in c.ancestors:
                    return None
                if c.dep_ == "nsubj" and c.head.i != t.i:
                    return None  # "Said Ellis: “…”" has the subject after its verb
            clause = child(t, "ccomp")
            if clause is not None and not ctx.in_quote[clause.i] and clause.i < q.open_at:
                return None
            return t
        collected.append(t)
        k -= 1
    return None


def _colon_before(ctx: Context, q: QuoteSpan) -> int | None:
    """The colon token right before a quotation ("Kerry: “…”"), a line break allowed."""
    doc = ctx.doc
    k = ctx.tok_at(q.open_at) - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    return k if k >= 1 and doc[k].text == ":" else None


def direct_quotes(ctx: Context, drafts: list[Draft]) -> list[QuoteSpan]:
    """Pass 1: speakers of quotations; returns the quotations left without one."""
    by_group: dict[int, Speaker] = {}
    pending: list[QuoteSpan] = []
    tagged: dict[QuoteSpan, Speaker] = {}
    for q in ctx.quotes:
        speaker: Speaker | None = None
        tag = _quote_tag_after(ctx, q) or _quote_tag_before(ctx, q)
        if tag is not None:
            if tag.lower_ in ctx.lex.according_heads:
                found = according_speaker(ctx, tag)
                if found is not None:
                    speaker = Speaker(found[0], (), "direct_quote", "according to", found[1])
            else:
                speaker = verb_speaker(ctx, tag)
            if speaker is not None:
                ctx.used.add(tag.i)
                if speaker.kind != "quoted_as_saying":
                    speaker = speaker._replace(kind="direct_quote")
        elif (misparsed := _misparsed_tag(ctx, q)) is not None:
            ctx.used.add(misparsed[0].i)
            speaker = misparsed[1]
        else:
            colon = _colon_before(ctx, q)
            if colon is not None:
                speaker = colon_speaker(ctx, colon)
                if speaker is not None:
                    ctx.used.add(colon)
        if speaker is not None:
            tagged[q] = speaker
            by_group.setdefault(q.group, speaker)
    last: tuple[QuoteSpan, Speaker] | None = None
    for q in ctx.quotes:
        speaker = tagged.get(q)
        if speaker is None and q.group in by_group:
            speaker = carried(by_group[q.group])
        if speaker is None and last is not None and _continues(ctx, last[0], q):
            speaker = carried(last[1])
        if speaker is None:
            pending.append(q)
            continue
        drafts.append(Draft(speaker.kind, speaker, (q.start, q.end), (q.start, q.end)))
        last = (q, speaker)
    return pending


def carried(speaker: Speaker) -> Speaker:
    """The same speaker for a quotation whose tag is elsewhere: nothing local but the words."""
    src = speaker.source._replace(local=False, mention=None)
    via = tuple(v._replace(local=False) for v in speaker.via)
    return speaker._replace(source=src, via=via, cue_span=None)


def _continues(ctx: Context, prev: QuoteSpan, q: QuoteSpan) -> bool:
    """A whole-sentence quotation right after a quoted speaker's sentence continues it."""
    if q.words < _CONTINUATION_MIN_WORDS or q.open_at < prev.end:
        return False
    text = ctx.text
    k = q.open_at - 1  # the last character before the mark that is not a space
    while k >= 0 and text[k] == " ":
        k -= 1
    if k >= 0 and text[k] not in ".!?\n":
        return False
    if q.close_at is not None:
        inside = text[q.open_at + 1 : q.close_at].rstrip()
        after = text[q.close_at + 1 : q.close_at + 2]
        if not (inside[-1:] in (".", "!", "?", "…") or after in ("", ".", "!", "?", "\n")):
            return False  # quoted words inside a sentence of the page's own
    # the gap may hold only the end of the previous sentence: its tag, no other statement
    gap_start = prev.close_at + 1 if prev.close_at is not None else prev.end
    gap = text[gap_start : q.open_at]
    if gap.count("\n\n") > 1 or sum(1 for c in gap if c in ".!?") > 1:
        return False
    first = ctx.tok_at(gap_start)
    last = ctx.tok_at(q.open_at)
    return not any(is_verb(t) and not tags_quotes(ctx.lex, t) for t in ctx.doc[first:last])


def leftover_quotes(ctx: Context, pending: list[QuoteSpan], drafts: list[Draft]) -> None:
    """Pass 5: partial quotes inside attributed clauses, and unattributed quotations."""
    attributed = SpanIndex(
        (d.content[0], d.content[1], d)
        for d in drafts
        if d.kind != "direct_quote" and d.content is not None
    )
    quoted = sorted(
        (q.open_at, q.close_at if q.close_at is not None else q.end) for q in ctx.quotes
    )
    opens = [o for o, _ in quoted]
    reach = list(accumulate((c for _, c in quoted), max))  # furthest close so far
    nobody = Speaker(NOBODY, (), "unattributed_quote", _UNATTRIBUTED, None)
    for q in pending:
        k = bisect_left(opens, q.open_at)  # the quotations that open before this one
        if k > 0 and reach[k - 1] >= q.end:
            continue  # nested inside another quotation: part of those words
        holder = None
        if q.words >= 2:
            # the first attributed content, in pass order, that holds the quotation
            holder = next((d for _, _, d in attributed.containing(q.start, q.end)), None)
        if holder is None:
            drafts.append(Draft("unattributed_quote", nobody, (q.start, q.end), (q.start, q.end)))
        elif holder.quote is None:
            holder.quote = (q.start, q.end)
        else:
            again = carried(holder.speaker)._replace(cue_span=holder.speaker.cue_span)
            drafts.append(Draft("direct_quote", again, (q.start, q.end), (q.start, q.end)))
