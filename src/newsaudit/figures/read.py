"""Figures: the page's quantities read as statements about something, for the checks
that compare figures (``numeric_contradiction``, ``attribution_mismatch``).

A quantity says "at least 700 dead". Before it can be set against "693" elsewhere a
check must know what it is about (category, counted noun, whose people, where), when
(one incident, a running total, a date, a moving toll) and on whose word (the
attribution whose content carries it). This module reads all of that once per page from
the report's records and the parse, so the checks themselves are plain comparisons.

Comparing figures is :mod:`newsaudit.figures.compare`'s job; this module only
reads them. The word lists live in ``data/figures.json``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from newsaudit.datafiles import load_json
from newsaudit.model import ARTICLE_KINDS, Attribution, Quantity, Report, Source

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

#: Attribution kinds that put a statement on someone's word.
SOURCING_KINDS = frozenset(
    {"direct_quote", "reported_speech", "according_to", "quoted_as_saying", "passive"}
)
_CACHE_KEY = "newsaudit.figures.read"
_WORD = re.compile(r"[\w'’-]+")
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
_SIDE_ENTS = frozenset({"NORP", "GPE", "ORG"})
_TIME_UNITS = frozenset({"year", "month", "week", "day", "decade", "hour", "minute"})


@dataclass(frozen=True, slots=True)
class _Lexicon:
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
    change_sentence: frozenset[str]
    factive: frozenset[str]
    source_generic: frozenset[str]
    near_ratio: float
    same_tally_ratio: float
    min_shared_value: float


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    """The word lists of ``data/figures.json``, read once per process."""
    d = load_json("figures.json")
    groups: dict[str, int] = {}
    for n, group in enumerate(d["counted"]["groups"]):
        for w in group:
            groups[w] = n
    return _Lexicon(
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
        change_sentence=frozenset(d["change_words"]["sentence_words"]),
        factive=frozenset(d["factive_cues"]["lemmas"]),
        source_generic=frozenset(d["source_generic"]["words"]),
        near_ratio=float(d["thresholds"]["near_ratio"]),
        same_tally_ratio=float(d["thresholds"]["same_tally_ratio"]),
        min_shared_value=float(d["thresholds"]["min_shared_value"]),
    )


@dataclass(frozen=True, slots=True)
class Figure:
    """One article quantity with what it is about, when, and on whose word.

    ``scope`` is ``"total"`` (a running total), ``"event"`` (one incident) or ``None``
    (the text does not say). ``dates`` are the point dates of the figure's clause
    ("sunday", "may 6"); ``changing`` marks a moving toll ("rose to", "up from").
    ``att`` is ``None`` for a figure in the page's own voice.
    """

    q: Quantity
    sent: int
    segment: int
    category: str
    lo: float | None
    lo_strict: bool
    hi: float | None
    hi_strict: bool
    vague: bool
    counted: str | None
    sides: frozenset[str]
    side_label: str | None
    places: frozenset[str]
    agent: str | None
    predicate: str | None
    scope: str | None
    dates: frozenset[str]
    changing: bool
    att: Attribution | None
    factive: bool

    def words(self, text: str) -> str:
        """The figure as the page words it, without what it counts: 'at least 700'."""
        end = self.q.number.end if self.q.number is not None else self.q.end
        return text[self.q.start : max(end, self.q.start)] or self.q.text


def figures(report: Report, doc: Doc) -> tuple[Figure, ...]:
    """The report's article figures of compared categories (tolls and head counts) in
    text order, read once per report and parse."""
    cached = doc.user_data.get(_CACHE_KEY)
    if cached is not None and cached[0] is report.quantities:
        return cached[1]
    found = _read(report, doc)
    doc.user_data[_CACHE_KEY] = (report.quantities, found)
    return found


def _np_head(num: Token) -> Token:
    """The noun a number counts ('700' -> 'dead'), or the number when it stands alone."""
    if num.dep_ in ("nummod", "quantmod", "advmod", "compound") and num.head.i != num.i:
        head = num.head
        return head.head if head.dep_ == "nummod" and head.head.i != head.i else head
    return num


def _attribution_of(q: Quantity, atts: Sequence[Attribution]) -> Attribution | None:
    """The innermost sourcing attribution whose content carries ``q``."""
    best: Attribution | None = None
    best_len = 0
    for a in atts:
        c = a.content
        if c is not None and c.start <= q.start and q.end <= c.end:
            if best is None or c.end - c.start < best_len:
                best, best_len = a, c.end - c.start
    return best


def _clause_verb(tok: Token) -> Token | None:
    """The verb whose clause carries ``tok``, skipping reduced relatives ('sailors killed')."""
    cur = tok
    for _ in range(12):
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("acl", "amod"):
            return cur
        if cur.head.i == cur.i:
            return cur if cur.pos_ in ("VERB", "AUX") else None
        cur = cur.head
    return None


def _has_phrase(words: Sequence[str], phrases: Iterable[tuple[str, ...]]) -> bool:
    joined = f" {' '.join(words)} "
    return any(f" {' '.join(p)} " in joined for p in phrases)


@dataclass(frozen=True, slots=True)
class _Placed:
    """Where a quantity sits in the parse: its number, the noun it counts, its phrase."""

    q: Quantity
    num: Token
    head: Token
    sent: SpacySpan
    segment: int
    np: frozenset[int]
    tokens: list[Token]


def _read(report: Report, doc: Doc) -> tuple[Figure, ...]:
    lex = lexicon()
    atts = [a for a in report.attributions if a.kind in SOURCING_KINDS and a.content is not None]
    by_id = {a.id: a for a in report.attributions}
    claim_att = {qid: c.attribution for c in report.claims if c.attribution for qid in c.quantities}
    segs = [s for s in report.segments if s.kind in ARTICLE_KINDS]

    compared = lex.always | lex.same_predicate
    placed: list[_Placed] = []
    sent_tokens: dict[int, list[Token]] = {}  # token objects made once per sentence
    for q in report.quantities:
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
        seg = next((s.start for s in segs if s.start <= q.start < s.end), -1)
        head = _np_head(num)
        whole = doc.char_span(q.start, q.end, alignment_mode="expand") or ()
        np = {t.i for t in head.subtree if sent.start <= t.i < sent.end} | {t.i for t in whole}
        toks = sent_tokens.setdefault(sent.start, list(sent))
        placed.append(_Placed(q, num, head, sent, seg, frozenset(np), toks))

    found: list[Figure] = []
    points_at = _point_dates(doc) if placed else {}
    for p in placed:
        # Other figures' phrases in the same sentence belong to them, not to this one.
        others: set[int] = set()
        for p2 in placed:
            if p2 is not p and p2.sent.start == p.sent.start:
                others |= p2.np
        att = _attribution_of(p.q, atts)
        if att is None and p.q.id in claim_att:
            cand = by_id.get(claim_att[p.q.id] or "")
            att = cand if cand is not None and cand.kind in SOURCING_KINDS else None
        lo_c, hi_c = p.sent.start_char, p.sent.end_char
        if att is not None and att.content is not None:
            lo_c, hi_c = max(lo_c, att.content.start), min(hi_c, att.content.end)
        region = [t for t in p.tokens if lo_c <= t.idx < hi_c and t.i not in others]
        found.append(_figure(p, doc, lex, region, att, others, points_at))
    return tuple(found)


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
    lex: _Lexicon, core: Sequence[Token], verb: Token | None, att: Attribution | None
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
    lex: _Lexicon,
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
    places = frozenset(
        t.lower_
        for t in region
        if t.i not in np_ids and t.ent_type_ in _PLACE_ENTS and t.is_alpha and not t.is_stop
    )
    category = q.category
    if category in ("people", "personnel"):
        # "losses of at least 120 sailors", "lost 250 fighters": a death toll.
        if head.head.lower_ == "of" and head.head.head.lower_ in lex.loss_nouns:
            category = "killed"
        elif head.dep_ == "dobj" and verb is not None and verb.lemma_.lower() in lex.loss_verbs:
            category = "killed"
    agent: str | None = None
    if verb is not None:
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
    scoped = [t for t in _scope_tokens(head, counted_tok, verb, others) if t.i in in_region]
    # an approximator ("more than 213") is not an increment ("five more deaths")
    lead = num.idx if q.approx != "exact" else q.start
    scope_np = [t for t in np_toks if not q.start <= t.idx < lead]
    scope, dates = _scope(lex, scope_np, scoped or region, num, points_at)
    if scope is None and agent is not None and agent in lex.instruments | lex.event_nouns:
        scope = "event"  # "barrel bombs killed 11": a weapon's toll is one incident's
    if not dates and not any(t.ent_type_ == "DATE" for t in np_toks if t.i != num.i):
        frame = [t for t in p.tokens if t.i not in others and t.i not in np_ids]
        dates = frozenset(_date_parts(frame, lex, points_at)[1]) if frame else dates
    words = [t.lower_ for t in region]
    changing = (
        any(t.lemma_.lower() in lex.change_lemmas for t in region)
        or _has_phrase(words, lex.change_phrases)
        or any(t.lower_ in lex.change_sentence for t in p.tokens if t.i not in others)
    )
    # On whose word.
    factive = False
    if att is not None and att.cue_span is not None:
        cue = doc.char_span(att.cue_span.start, att.cue_span.end, alignment_mode="expand")
        factive = cue is not None and any(t.lemma_.lower() in lex.factive for t in cue)
    vague = q.approx == "vague" or q.value is None or (q.low is None and q.high is None)
    counted = None
    if counted_tok is not None:
        counted = counted_tok.lower_
    elif q.counted:
        counted = q.counted.lower()
    return Figure(
        q=q,
        sent=p.sent.start_char,
        segment=p.segment,
        category=category,
        lo=q.low,
        lo_strict=q.approx == "more_than",
        hi=q.high,
        hi_strict=q.approx in ("almost", "fewer_than"),
        vague=vague,
        counted=counted,
        sides=frozenset(sides),
        side_label=side_label,
        places=places,
        agent=agent,
        predicate=verb.lemma_.lower() if verb is not None else None,
        scope=scope,
        dates=dates,
        changing=changing,
        att=att,
        factive=factive,
    )


def _point_dates(doc: Doc) -> dict[int, str]:
    """Token index -> the point date it belongs to ('sunday', 'may 6'), once per doc.
    Stretches of time ('two days', 'the past two years') are not point dates."""
    out: dict[int, str] = {}
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        if any(t.tag_ == "NNS" and t.lemma_.lower() in _TIME_UNITS for t in ent):
            continue
        words = " ".join(t.lower_ for t in ent if t.lower_ not in ("the", "'s", "’s"))
        if words:
            for i in range(ent.start, ent.end):
                out[i] = words
    return out


def _date_parts(
    tokens: Sequence[Token], lex: _Lexicon, points_at: dict[int, str]
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


#: Dependents of the clause verb that place its event in time or circumstance; the
#: subject and object phrases belong to other nouns ("the first attack on the town since
#: 2011 killed two soldiers": "since 2011" is not the two soldiers' time frame).
_ADVERBIAL_DEPS = frozenset({"prep", "advmod", "npadvmod", "advcl", "agent", "obl", "tmod"})


def _scope_tokens(
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


def _scope(
    lex: _Lexicon,
    np_toks: Sequence[Token],
    region: Sequence[Token],
    num: Token,
    points_at: dict[int, str],
) -> tuple[str | None, frozenset[str]]:
    """Total, one event, or unsaid; the figure's own noun phrase speaks first, except
    that a running-total adverbial anywhere in the clause ("in total", "so far") wins."""
    if _has_phrase([t.lower_ for t in region], lex.clause_total_phrases):
        return "total", frozenset(_date_parts(region, lex, points_at)[1])
    for toks in (np_toks, region):
        toks = [t for t in toks if t.i != num.i]
        if not toks:
            continue
        period, points = _date_parts(toks, lex, points_at)
        lemmas = {t.lemma_.lower() for t in toks} | {t.lower_ for t in toks}
        words = [t.lower_ for t in toks]
        if period or lemmas & lex.total_words or _has_phrase(words, lex.total_phrases):
            return "total", frozenset(points)
        if points or lemmas & (lex.event_nouns | lex.event_modifiers | lex.event_words):
            return "event", frozenset(points)
    _, points = _date_parts(region, lex, points_at)
    return None, frozenset(points)


@lru_cache(maxsize=1024)
def _keys(text: str) -> frozenset[str]:
    generic = lexicon().source_generic
    words = (m.group().lower() for m in _WORD.finditer(text))
    return frozenset(w for w in words if w not in generic)


def source_keys(src: Source) -> frozenset[str]:
    """The words that say which body a source is ('a navy official' -> {'navy'})."""
    return _keys(src.text) if src.text else frozenset()
