"""unsourced_claim: check-worthy statements the page makes on no one's word.

A news page vouches for what it states in its own voice. That is fine for what the
reporter saw or what is common ground ("The march began at noon."), and it is what an
editor must question when the statement is

- *sweeping*: "only the armed forces of X are actually fighting", "powered primarily by
  western support": absolutes that no single observation can establish (warning);
- a *statistic*: tolls, crowds, money, shares, estimated counts. A figure needs a source
  unless an attributed figure elsewhere on the page says the same (the lead's "tens of
  thousands marched" rests on the organisers' 20,000 further down). Tolls, money,
  shares, estimates and totals are warnings; an exact head count of an observable event
  ("29 people were rescued") and estimated counts of things are info.

A sentence in the page's own voice that follows an attributed sentence in the same
paragraph usually continues that attribution ("…, the department said in a statement.
Nine children have been admitted to hospital."), unless it opens with a marker of the
writer speaking for itself ("Contrary to …", "In total, …").

Inside an attributed sentence, a relative clause hung on the reported noun phrase is the
writer's own description, not the source's words: "X vowed continued support in the war,
which has been powered primarily by western support for the rebels" puts the war's cause
in the page's voice. Such asides are checked like the page's own sentences.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from newsaudit.attribution.quotemarks import find_quotes
from newsaudit.checks import register
from newsaudit.checks._sources import TokenIndex, cues
from newsaudit.context import DEFAULT_CONTEXT, Context
from newsaudit.figures.compare import comparable, overlaps
from newsaudit.model import Attribution, Claim, Finding, Quantity, Report, Severity, Span
from newsaudit.offsets import SpanIndex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

CHECK = "unsourced_claim"
_ARTICLE = frozenset({"standfirst", "body"})
#: Attributions whose source a following sentence of the paragraph may continue.
_CARRYING = frozenset({"direct_quote", "reported_speech", "according_to", "quoted_as_saying"})
_EXCERPT = 90
_QUOTE_CLOSE = "”\"’"


class _Cues(NamedTuple):
    single: frozenset[str]
    multi: tuple[tuple[str, ...], ...]
    soft: frozenset[str]
    exceptions: tuple[tuple[str, ...], ...]
    markers: tuple[tuple[str, ...], ...]
    always: frozenset[str]
    estimated: frozenset[str]
    estimated_approx: frozenset[str]
    restrictive_next: frozenset[str]
    restrictive_pos: frozenset[str]


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    raw = cues()["raw"]
    sw = raw["sweeping"]
    words = [tuple(w.split()) for w in sw["words"]]
    stats = raw["statistic_categories"]
    return _Cues(
        single=frozenset(w[0] for w in words if len(w) == 1),
        multi=tuple(w for w in words if len(w) > 1),
        soft=frozenset(sw["soft"]),
        exceptions=tuple(tuple(e) for e in sw["exceptions"]),
        markers=tuple(tuple(m.split()) for m in raw["own_voice_markers"]["phrases"]),
        always=frozenset(stats["always"]),
        estimated=frozenset(stats["when_estimated"]),
        estimated_approx=frozenset(stats["estimated_approx"]),
        restrictive_next=frozenset(sw["restrictive_only"]["next_words"]),
        restrictive_pos=frozenset(sw["restrictive_only"]["head_pos"]),
    )


def _chars(text: str, doc: Doc, first: int, stop: int) -> Span:
    """The tokens ``first:stop`` as a span of the page's text."""
    last = doc[stop - 1]
    return Span.of(text, doc[first].idx, last.idx + len(last.text))


def _excerpt(text: str) -> str:
    return text if len(text) <= _EXCERPT else text[: _EXCERPT - 1].rstrip() + "…"


def sweeping_tokens(doc: Doc, indices: range) -> list[tuple[int, int, str]]:
    """Sweeping cue words among ``indices``: ``(first token, stop token, cue)``."""
    c = _cues()
    low = [doc[i].lower_ for i in indices]
    base = indices.start
    found: list[tuple[int, int, str]] = []
    k = 0
    while k < len(low):
        hit: tuple[str, ...] | None = None
        for m in c.multi:
            if tuple(low[k : k + len(m)]) == m:
                hit = m
                break
        if hit is None and low[k] in c.single:
            hit = (low[k],)
        if hit is None:
            k += 1
            continue
        excepted = any(
            e[off] == hit[0] and k >= off and tuple(low[k - off : k - off + len(e)]) == e
            for e in c.exceptions
            for off in range(len(e))
        )
        tok = doc[base + k]
        nxt = doc[base + k + len(hit)] if base + k + len(hit) < len(doc) else None
        counted = nxt is not None and (nxt.like_num or nxt.ent_type_ in ("DATE", "TIME"))
        if counted and hit[0] in ("all", "every"):
            excepted = True  # "all three ships", "every Saturday": a count or a schedule
        elif hit == ("only",) and nxt is not None and _restricts(doc, base + k, nxt, c):
            excepted = True  # "may be purchased only by adults": a rule's condition
        if not excepted and not tok.ent_type_ == "DATE":
            found.append((base + k, base + k + len(hit), " ".join(hit)))
        k += len(hit)
    return found


def _restricts(doc: Doc, i: int, nxt: Token, c: _Cues) -> bool:
    """Whether the "only" at ``i`` narrows a predicate to a condition ("is open only to
    residents") rather than excluding everything else ("only the army is fighting")."""
    return i > 0 and nxt.lower_ in c.restrictive_next and doc[i - 1].pos_ in c.restrictive_pos


def writer_aside(doc: Doc, i: int, att: Attribution) -> Token | None:
    """The relative clause holding token ``i`` that the page adds to a reported statement.

    Walking up from the token: a relative clause reached before any reported clause
    (ccomp) on the way to the cue verb is the writer's description of the reported noun
    phrase; a relative clause inside a reported clause is the source's.
    """
    if att.cue_span is None or att.kind not in _CARRYING:
        return None
    cue_lo, cue_hi = att.cue_span.start, att.cue_span.end
    tok = doc[i]
    relcl: Token | None = None
    for _ in range(64):  # parse trees are shallow; the bound guards against cycles
        if cue_lo <= tok.idx < cue_hi:
            return relcl
        if tok.dep_ == "relcl" and relcl is None:
            relcl = tok
        elif tok.dep_ in ("ccomp", "xcomp", "parataxis") and relcl is None:
            return None
        if tok.head is tok:
            return None
        tok = tok.head
    return None


def clause_span(text: str, relcl: Token) -> Span:
    """The relative clause's text, closing a quotation it opens. ``text`` is the Doc's
    text, passed in because ``Doc.text`` rebuilds the string on every access."""
    start = relcl.left_edge.idx
    end = relcl.right_edge.idx + len(relcl.right_edge.text)
    prefix = text[start:end]
    if prefix.count("“") > prefix.count("”"):
        close = text.find("”", end, end + 3)
        if close >= 0:
            end = close + 1
    return Span.of(text, start, end)


def _opens_in_own_voice(doc: Doc, first: int) -> bool:
    low = [doc[j].lower_ for j in range(first, min(first + 4, len(doc)))]
    return any(tuple(low[: len(m)]) == m for m in _cues().markers)


def _cue_starts(report: Report) -> list[int]:
    """Where the cue (else the content) of each attribution that carries a source starts,
    in order: what :func:`_continues` looks for in the sentence before a claim."""
    starts = []
    for att in report.attributions:
        if att.kind not in _CARRYING or att.source.text is None:
            continue
        cue = att.cue_span or att.content
        if cue is not None:
            starts.append(cue.start)
    return sorted(starts)


def _continues(
    report: Report, doc: Doc, index: TokenIndex, claim: Claim, cue_starts: list[int]
) -> bool:
    """Whether the sentence before ``claim`` in its paragraph is attributed to someone."""
    first = index.at(claim.start)
    if _opens_in_own_voice(doc, first):
        return False
    sent = doc[first].sent
    if sent.start == 0:
        return False
    prev = doc[sent.start - 1].sent
    seg = report.segment_at(claim.start)
    if seg is None or prev.start_char < seg.start:
        return False
    k = bisect_left(cue_starts, prev.start_char)
    return k < len(cue_starts) and cue_starts[k] < prev.end_char


def _is_statistic(q: Quantity) -> bool:
    c = _cues()
    if q.category in c.always:
        return True
    return q.category in c.estimated and q.approx in c.estimated_approx


#: Categories whose figures are never observed at a glance: tolls, money, shares.
_HARD = frozenset({"killed", "wounded", "money", "percent"})


#: A vague figure below this ("a few people", "dozens of residents") is a description
#: of a scene, not a statistic anyone could put a source to.
_VAGUE_SMALL = 100


def _needs_source(q: Quantity, sentence: str) -> bool:
    """An estimate, a total or a toll needs a source; an exact small head count of what
    happened ("29 people were rescued") or a vague small one ("a few people") is worth a
    look only."""
    low = sentence.lower()
    if q.category in _HARD or "total" in low or "in all" in low:
        return True
    if q.approx == "vague" and q.high is not None and q.high < _VAGUE_SMALL:
        return False
    return q.category != "count" and q.approx != "exact"


_OPENERS = "\"“‘'"
_CLOSERS = {"\"": "\"", "“": "”", "‘": "’", "'": "'"}


def _closed_between(text: str, mark: str, lo: int, hi: int) -> bool:
    """Whether a closing ``mark`` ends a word between ``lo`` and ``hi`` (an apostrophe
    inside a word, "don't", does not close anything)."""
    i = text.find(mark, lo, hi)
    while i >= 0:
        after = text[i + 1 : i + 2]
        if not after.isalpha():
            return True
        i = text.find(mark, i + 1, hi)
    return False


def _quoted(text: str, quotes: SpanIndex[None], claim: Claim) -> bool:
    """Whether the sentence is someone's quoted words rather than the page's: most of it
    lies inside a quotation, or its paragraph opens with a quotation mark that is still
    open to the sentence's end (a quote running on over several sentences or, in the
    British style, over paragraphs each opening with a mark)."""
    n = claim.end - claim.start
    inside = sum(min(e, claim.end) - max(s, claim.start) for s, e, _ in quotes.overlapping(
        claim.start, claim.end))
    if n > 0 and inside >= 0.6 * n:
        return True
    para = text.rfind("\n", 0, claim.start) + 1
    while para < claim.start and text[para].isspace():
        para += 1
    mark = text[para : para + 1]
    if not mark or mark not in _OPENERS or not text[para + 1 : para + 2].isalpha():
        return False
    # still open at the sentence's end, give or take its closing mark and full stop
    return not _closed_between(text, _CLOSERS[mark], para + 1, max(para + 1, claim.end - 3))


def _sourced_elsewhere(q: Quantity, attributed: list[Quantity]) -> bool:
    return any(comparable(q, a) and overlaps(q, a) for a in attributed)


@register(
    CHECK,
    summary=(
        "check-worthy statements in the page's own voice with no source, especially sweeping "
        "ones (\"only\", \"all\", \"primarily\") and statistics"
    ),
    severities=("info", "warning"),
)
def check(report: Report, doc: Doc, ctx: Context = DEFAULT_CONTEXT) -> Iterator[Finding]:
    """Flag sweeping statements and statistics the page makes in its own voice."""
    index = TokenIndex(doc)
    text = report.document.text
    by_id = {q.id: q for q in report.quantities}
    by_att = {a.id: a for a in report.attributions}
    attributed = [
        by_id[qid] for c in report.claims if c.voice == "attributed" for qid in c.quantities
    ]
    quotes = SpanIndex((q.start, q.end, None) for q in find_quotes(text))
    cue_starts = _cue_starts(report)
    for claim in report.claims:
        if claim.segment not in _ARTICLE:
            continue
        toks = index.within(claim.start, claim.end)
        if claim.voice == "attributed":
            att = by_att.get(claim.attribution or "")
            if att is None:
                continue
            seen: set[int] = set()
            for first, _stop, cue in sweeping_tokens(doc, toks):
                if cue in _cues().soft:
                    continue
                relcl = writer_aside(doc, first, att)
                if relcl is None or relcl.i in seen:
                    continue
                seen.add(relcl.i)
                aside = clause_span(text, relcl)
                who = att.source.text or "the source"
                yield Finding(
                    id="", check=CHECK, severity="warning",
                    message=(
                        f"The clause “{_excerpt(aside.text)}” is the page's own description added "
                        f"to what {who} is reported to have said, and it makes a sweeping claim "
                        f"(“{cue}”) with no source."
                    ),
                    evidence=(aside, _chars(text, doc, first, _stop)),
                    refs=(claim.id, att.id),
                )
            continue
        if _continues(report, doc, index, claim, cue_starts) or _quoted(text, quotes, claim):
            continue
        sweep = [s for s in sweeping_tokens(doc, toks) if s[2] not in _cues().soft]
        stats = [by_id[qid] for qid in claim.quantities if qid in by_id]
        stats = [q for q in stats if _is_statistic(q) and not _sourced_elsewhere(q, attributed)]
        if not sweep and not stats:
            continue
        parts: list[str] = []
        evidence = [Span(claim.start, claim.end, claim.text)]
        severity: Severity = "info"
        if sweep:
            words = ", ".join(dict.fromkeys(f"“{c}”" for _, _, c in sweep))
            parts.append(f"makes a sweeping claim ({words})")
            evidence += [_chars(text, doc, a, b) for a, b, _ in sweep]
            if claim.checkworthy >= ctx.settings.unsourced_claim.sweeping_warning_score:
                severity = "warning"
        if stats:
            figs = ", ".join(f"“{q.text}”" for q in stats)
            parts.append(f"gives a figure ({figs}) that no attributed figure on the page matches")
            evidence += [Span(q.start, q.end, q.text) for q in stats]
            if any(_needs_source(q, claim.text) for q in stats):
                severity = "warning"
        yield Finding(
            id="", check=CHECK, severity=severity,
            message=(
                f"“{_excerpt(claim.text)}” is stated in the page's own voice with no source; it "
                + " and ".join(parts) + "."
            ),
            evidence=tuple(evidence),
            refs=(claim.id, *(q.id for q in stats)),
        )
