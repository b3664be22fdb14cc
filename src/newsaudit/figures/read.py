"""Figures: the article's tolls and head counts read as statements about something.

A quantity says "at least 700 dead". Before it can be set against "693" elsewhere, on
this page or another, a reader must know what it is about (category, counted noun, whose
people, where), when (one incident, a running total, a date, a moving toll) and on whose
word (the attribution whose content carries it). This stage reads all of that once per
page from the records of the earlier stages and the parse, and hands on plain
:class:`~newsaudit.model.Figure` records, so comparing figures
(:mod:`newsaudit.figures.compare`) needs no parse. The time frame is read by
:mod:`newsaudit.figures.scope`; the word lists live in ``data/figures.json``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from newsaudit.claims import SOURCING_KINDS
from newsaudit.figures.scope import date_parts, has_phrase, point_dates, scope, scope_tokens
from newsaudit.figures.words import Lexicon, lexicon, source_keys
from newsaudit.model import (
    ARTICLE_KINDS,
    Attribution,
    Claim,
    Figure,
    FigureSubject,
    Page,
    Quantity,
)
from newsaudit.offsets import SpanIndex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

__all__ = ["extract_figures"]

_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
_SIDE_ENTS = frozenset({"NORP", "GPE", "ORG"})


def extract_figures(
    doc: Doc,
    page: Page,
    quantities: Sequence[Quantity],
    attributions: Sequence[Attribution],
    claims: Sequence[Claim],
) -> tuple[Figure, ...]:
    """The article's figures of compared categories (tolls and head counts) in text
    order, with ids ``g1``, ``g2``, ...

    ``doc`` must be the parse of exactly ``page.document.text``; the other arguments are
    what the quantity, attribution and claim stages made of it.
    """
    lex = lexicon()
    atts = [a for a in attributions
            if a.kind in SOURCING_KINDS and a.content is not None and not _claims_act(a, lex)]
    by_id = {a.id: a for a in attributions}
    claim_att = {qid: c.attribution for c in claims if c.attribution for qid in c.quantities}

    compared = lex.compared
    placed: list[_Placed] = []
    sent_tokens: dict[int, list[Token]] = {}  # token objects made once per sentence
    for q in quantities:
        # Only figures the checks compare are read ("losses of 120 sailors" is a
        # personnel figure that becomes a toll, so those categories are kept).
        if q.segment not in ARTICLE_KINDS or q.category not in compared:
            continue
        anchor = q.number if q.number is not None else q
        span = doc.char_span(anchor.start, anchor.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        num = span.root
        sent = num.sent
        head = _np_head(num)
        whole = doc.char_span(q.start, q.end, alignment_mode="expand") or ()
        np = {t.i for t in head.subtree if sent.start <= t.i < sent.end} | {t.i for t in whole}
        toks = sent_tokens.setdefault(sent.start, list(sent))
        placed.append(_Placed(q, num, head, sent, frozenset(np), toks))

    found: list[Figure] = []
    points_at = point_dates(doc) if placed else {}
    text = page.document.text
    by_sentence: dict[int, list[_Placed]] = {}
    for p in placed:
        by_sentence.setdefault(p.sent.start, []).append(p)
    contents = SpanIndex((a.content.start, a.content.end, a) for a in atts if a.content)
    for p in placed:
        # Other figures' phrases in the same sentence belong to them, not to this one.
        others: set[int] = set()
        for p2 in by_sentence[p.sent.start]:
            if p2 is not p:
                others |= p2.np
        att = _attribution_of(p.q, contents)
        if att is None and p.q.id in claim_att:
            cand = by_id.get(claim_att[p.q.id] or "")
            att = (cand if cand is not None and cand.kind in SOURCING_KINDS
                   and not _claims_act(cand, lex) else None)
        if att is not None and _in_as_clause(p.num):
            att = None
        if (att is not None and att.content is not None
                and not att.content.start <= p.q.start < att.content.end
                and _in_own_conjunct(p.num)):
            att = None  # "X puts the toll at 21, and the 1987 fire killed 64"
        lo_c, hi_c = p.sent.start_char, p.sent.end_char
        if att is not None and att.content is not None and (
                att.content.start <= p.q.start < att.content.end):
            # the figure's clause is the content it sits in, not the sentence's reporting
            # frame; a figure the claim credits from outside its content ("The agency
            # raised the toll to 32, after confirming five deaths") keeps its sentence
            lo_c, hi_c = max(lo_c, att.content.start), min(hi_c, att.content.end)
        region = [t for t in p.tokens if lo_c <= t.idx < hi_c and t.i not in others]
        found.append(_figure(p, doc, text, lex, region, att, others, points_at))
    parts = _breakdown_parts(found, lex) | {
        i for i, f in enumerate(found) if _PARTITIVE_RE.match(f.text)}
    return tuple(
        replace(f, id=f"g{n}", part=n - 1 in parts) for n, f in enumerate(found, 1)
    )


def _np_head(num: Token) -> Token:
    """The noun a number counts ('700' -> 'dead'), or the number when it stands alone."""
    if num.dep_ in ("nummod", "quantmod", "advmod", "compound") and num.head.i != num.i:
        head = num.head
        return head.head if head.dep_ == "nummod" and head.head.i != head.i else head
    return num


def _claims_act(a: Attribution, lex: Lexicon) -> bool:
    """A claim of responsibility: its content is an act the source owns, not its words
    about the act, so a toll inside it ("... for the attack that killed 12") is not the
    claimant's figure."""
    first = a.content.text.split(maxsplit=1)[:1] if a.content is not None else []
    return bool(first) and first[0].lower() in lex.claimed_acts


def _in_clause_of_its_own(num: Token, opens: Callable[[Token], bool]) -> bool:
    """Whether the figure sits, below the sentence's reported clause or root, in a clause
    that ``opens`` accepts and that has a subject of its own."""
    cur = num
    for _ in range(12):
        if opens(cur) and any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children):
            return True
        if cur.head is cur or cur.dep_ in ("ccomp", "ROOT"):
            return False
        cur = cur.head
    return False


def _in_own_conjunct(num: Token) -> bool:
    """The figure sits in a clause coordinated with another, with a subject of its own
    ("The inspectorate puts the toll at 21, and the 1987 mine fire killed 64"): outside
    what the source is reported to say, it is the page's own statement."""
    return _in_clause_of_its_own(
        num, lambda t: t.dep_ == "conj" and t.pos_ in ("VERB", "AUX"))


def _in_as_clause(num: Token) -> bool:
    """The figure sits in a clause of its own opened by "as" ("rescuers say 300 are
    stranded as the death toll rises to 18"): the page's account of the moment, not part
    of what the source is reported to say."""
    return _in_clause_of_its_own(num, lambda t: t.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "as" for c in t.children))


def _attribution_of(q: Quantity, contents: SpanIndex[Attribution]) -> Attribution | None:
    """The innermost sourcing attribution whose content carries ``q`` (the first of
    equals in text order)."""
    best: Attribution | None = None
    best_len = 0
    for start, end, a in contents.containing(q.start, q.end):
        if best is None or end - start < best_len:
            best, best_len = a, end - start
    return best


def _clause_verb(tok: Token) -> Token | None:
    """The verb whose clause carries ``tok``, skipping reduced relatives ('sailors killed'),
    unless the figure is what the participle acts on: "attacked the village, killing seven
    people" (the parser often hangs "killing" on the village as a reduced relative)."""
    cur, prev = tok, tok
    for _ in range(12):
        if cur.pos_ in ("VERB", "AUX") and (
                cur.dep_ not in ("acl", "amod") or (prev.dep_ == "dobj" and cur.tag_ == "VBG")):
            return cur
        if cur.head.i == cur.i:
            return cur if cur.pos_ in ("VERB", "AUX") else None
        prev, cur = cur, cur.head
    return None


@dataclass(frozen=True, slots=True)
class _Placed:
    """Where a quantity sits in the parse: its number, the noun it counts, its phrase."""

    q: Quantity
    num: Token
    head: Token
    sent: SpacySpan
    np: frozenset[int]
    tokens: list[Token]


#: Dependencies followed from a counted noun to what says whose people they are:
#: modifiers, possessors, conjuncts, and the partitive/origin "of"/"from" phrases
#: ("15 of its fighters", "troops from the Quds Force"), but not place or time phrases.
_CORE_DEPS = frozenset(
    {"amod", "compound", "poss", "nmod", "conj", "appos", "pobj", "prep", "npadvmod"}
)
_CORE_PREPS = frozenset({"of", "from"})


def _core(tok: Token, skip: set[int] | frozenset[int]) -> list[Token]:
    """The counted noun and the words that qualify who it counts."""
    out: list[Token] = []
    stack = [tok]
    while stack:
        cur = stack.pop()
        if cur.i in skip:
            continue
        out.append(cur)
        for c in cur.children:
            if c.dep_ not in _CORE_DEPS:
                continue
            if c.dep_ == "prep" and c.lower_ not in _CORE_PREPS:
                continue
            stack.append(c)
    return out


def _counted_token(q: Quantity, head: Token, region: Sequence[Token]) -> Token | None:
    """The token of what ``q`` counts: its own noun, or the nearest mention in the clause
    ('the total number of Iranian dead to 693' -> 'dead')."""
    if q.counted is None:
        return None
    want = q.counted.lower()
    if head.lower_ == want:
        return head
    best: Token | None = None
    for t in region:
        if t.lower_ == want and (best is None or abs(t.i - head.i) < abs(best.i - head.i)):
            best = t
    return best


def _sides(
    lex: Lexicon, core: Sequence[Token], verb: Token | None, att: Attribution | None
) -> tuple[set[str], str | None]:
    """Whose people a figure counts: nationalities, named bodies, 'rebel'/'government',
    and the speaker's side for 'its'/'their' ('15 of its fighters')."""
    sides: set[str] = set()
    label: str | None = None
    for t in core:
        if not t.is_alpha or t.is_stop:
            continue
        if t.ent_type_ in _SIDE_ENTS or t.lower_ in lex.side_words:
            sides.add(t.lower_)
            if label is None and t.ent_type_ == "NORP":
                label = t.text
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] if verb else []
    if att is not None and any(t.lower_ in lex.pronouns for t in (*core, *subjects)):
        # The speaker's side, or the body it speaks for ("the rebel Front quoted a field
        # commander as saying 15 of its fighters ...").
        sides |= source_keys(att.source) or next(
            (k for k in (source_keys(v) for v in att.via) if k), frozenset()
        )
    return sides, label


def _figure(
    p: _Placed,
    doc: Doc,
    text: str,
    lex: Lexicon,
    region: Sequence[Token],
    att: Attribution | None,
    others: set[int],
    points_at: dict[int, str],
) -> Figure:
    q, num, head, np_ids = p.q, p.num, p.head, p.np
    np_toks = [doc[i] for i in sorted(np_ids)]
    counted_tok = _counted_token(q, head, region)
    core = _core(head, others)
    if counted_tok is not None and counted_tok.i not in np_ids:
        core.extend(_core(counted_tok, others | {num.i}))
    verb = _clause_verb(head)
    sides, side_label = _sides(lex, core, verb, att)
    places = {
        t.lower_
        for t in region
        if t.i not in np_ids and t.ent_type_ in _PLACE_ENTS and t.is_alpha and not t.is_stop
    }
    category = q.category
    if category in ("people", "personnel"):
        # "losses of at least 120 sailors", "lost 250 fighters": a death toll.
        if head.head.lower_ == "of" and head.head.head.lower_ in lex.loss_nouns:
            category = "killed"
        elif head.dep_ == "dobj" and verb is not None and verb.lemma_.lower() in lex.loss_verbs:
            category = "killed"
    agent: str | None = None
    # the verb that reports the figure ("Health Ministry Reports 212 Deaths", "members had
    # recorded 212 deaths") has the source as its subject, not whoever did the deed
    cue_at = att.cue_span if att is not None else None
    reporting = verb is not None and cue_at is not None and cue_at.start <= verb.idx < cue_at.end
    # nor does a verb that moves the count ("the service raised the toll to 32")
    moving = verb is not None and verb.lemma_.lower() in lex.change_lemmas
    if verb is not None and not reporting and not moving:
        for c in verb.children:
            if c.i in np_ids or c.i in others or c.like_num:
                continue
            if c.dep_ == "nsubj" and c.pos_ != "PRON":
                agent = c.lemma_.lower()
            elif c.dep_ == "agent":
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None and obj.i not in np_ids and obj.i not in others:
                    agent = obj.lemma_.lower()
    # When. The reporting frame counts for dates ("On Monday, officials said 40 had
    # died"), not for scope.
    in_region = {t.i for t in region}
    scoped = [t for t in scope_tokens(head, counted_tok, verb, others) if t.i in in_region]
    # an approximator ("more than 213") is not an increment ("five more deaths")
    lead = num.idx if q.approx != "exact" else q.start
    scope_np = [t for t in np_toks if not q.start <= t.idx < lead]
    frame, dates = scope(lex, scope_np, scoped or region, num, points_at)
    if frame is None and agent is not None and agent in lex.instruments | lex.event_nouns:
        frame = "event"  # "barrel bombs killed 11": a weapon's toll is one incident's
    if not dates and not any(t.ent_type_ == "DATE" for t in np_toks if t.i != num.i):
        # never the figure's own words: the small model tags a headline's "Fourteen" DATE
        clause = [t for t in p.tokens if t.i not in others and t.i not in np_ids
                  and t.i != num.i and not q.start <= t.idx < q.end]
        dates = frozenset(date_parts(clause, lex, points_at)[1]) if clause else dates
    if verb is not None and verb.dep_ in ("relcl", "advcl") and (
            verb.head.ent_type_ == "DATE" or any(c.lower_ == "when" for c in verb.children)):
        # "hit by floods in 2011, when 57 people died": the time the "when" clause hangs
        # on is the figure's
        inner = {t.i for t in verb.subtree}
        outer = [t for t in verb.head.subtree if t.i not in inner]
        dates = frozenset(dates) | set(date_parts(outer, lex, points_at)[1])
    words = [t.lower_ for t in region]
    changing = (
        any(_moves(t, lex) for t in region)
        or has_phrase(words, lex.change_phrases)
        or any(t.lower_ in lex.change_sentence for t in p.tokens if t.i not in others)
        # "the coast guard had put the toll at 18 ... and at 26": a reading since superseded
        or (att is not None and att.cue_span is not None
            and att.cue_span.text.lower().startswith(("had ", "'d ", "\u2019d ")))
    )
    # On whose word.
    factive = False
    if att is not None and att.cue_span is not None:
        cue = doc.char_span(att.cue_span.start, att.cue_span.end, alignment_mode="expand")
        factive = cue is not None and any(t.lemma_.lower() in lex.factive for t in cue)
    counted = None
    if counted_tok is not None:
        counted = counted_tok.lower_
    elif q.counted:
        counted = q.counted.lower()
    number_end = q.number.end if q.number is not None else q.end
    return Figure(
        id="",
        quantity=q.id,
        start=q.start,
        end=q.end,
        text=q.text,
        words=text[q.start : max(number_end, q.start)] or q.text,
        segment=q.segment,
        sentence_start=p.sent.start_char,
        sentence_end=p.sent.end_char,
        category=category,
        counted=counted,
        subject=FigureSubject(
            sides=tuple(sorted(sides)),
            label=side_label,
            agent=agent,
            predicate=verb.lemma_.lower() if verb is not None else None,
        ),
        places=tuple(sorted(places)),
        dates=tuple(sorted(dates)),
        changing=changing,
        scope=frame,
        part=False,
        source=att.id if att is not None else None,
        voice="attributed" if att is not None else "outlet",
        factive=factive,
        value=q.value,
        approx=q.approx,
        low=q.low,
        low_strict=q.approx == "more_than",
        high=q.high,
        high_strict=q.approx in ("almost", "fewer_than"),
    )


#: A share picked out of a count ("19 of the injured", "four of those killed", "six of
#: them"): a part of the whole, never a rival count of it.
_PARTITIVE_RE = re.compile(r"^\S+(?:\s+\S+)?\s+of\s+(?:the|those|these|them|whom)\b",
                           re.IGNORECASE)


def _breakdown_parts(figs: Sequence[Figure], lex: Lexicon) -> set[int]:
    """Figures that are one item of a breakdown ("seven attackers, three soldiers and two
    civilians were killed"): a sentence giving the same category for groups with
    different nouns. Each item is a share of the sentence's whole, so it cannot be set
    against a figure of people in general. Vague figures are never compared, so they
    neither are parts nor make others parts."""
    generic = lex.generic_counted
    nouns: dict[tuple[int, str], set[str]] = {}
    for f in figs:
        if not f.vague and f.counted and f.counted not in generic:
            nouns.setdefault((f.sentence_start, f.category), set()).add(f.counted)
    return {
        i
        for i, f in enumerate(figs)
        if not f.vague
        and f.counted
        and f.counted not in generic
        and len(nouns.get((f.sentence_start, f.category), ())) > 1
    }


_MOVE_PREPS = frozenset({"to", "from", "by"})


def _moves(tok: Token, lex: Lexicon) -> bool:
    """A verb of rising or falling that moves a figure ("the toll rose to 312", "deaths
    doubled"), not a thing ("the bus fell 60 metres into a ravine, killing 11")."""
    lem = tok.lemma_.lower()
    if lem not in lex.change_lemmas:
        return False
    if lem in lex.always_moving:
        return not _wire_slug(tok)
    for c in tok.children:
        if _to_a_number(c):
            return True
        if c.dep_ in ("nsubj", "nsubjpass", "dobj") and (
                c.lemma_.lower() in lex.movers or any(t.like_num for t in c.subtree)):
            return True  # "the toll rose", "deaths doubled", "raised its toll"
    return False


def _wire_slug(tok: Token) -> bool:
    """A wire story's version mark ("UPDATE 1-Ferry capsize kills 47"): it numbers the
    story's versions, and moves no figure of it."""
    doc = tok.doc
    return tok.is_upper and tok.i + 1 < len(doc) and doc[tok.i + 1].like_num and (
        tok.i == 0 or "\n" in doc[tok.i - 1].text_with_ws or doc[tok.i - 1].is_space)


def _to_a_number(c: Token) -> bool:
    """"to 312", "from 281", "by 40": where a moving figure goes."""
    return c.dep_ == "prep" and c.lower_ in _MOVE_PREPS and any(t.like_num for t in c.subtree)
