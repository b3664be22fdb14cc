"""attribution_mismatch: a figure credited to a source that, on the page's own showing,
did not give it.

Two shapes:

- **Vouched-for figure that is really the page's tally.** "The government has confirmed
  ... at least 700 dead" puts ~700 in the government's mouth and vouches for it
  ("confirmed", "admitted"). If the figures the page actually sources (to the government
  or anyone else) say something else, and the ~700 appears only as the page's own running
  total, the lead has turned the outlet's arithmetic into the source's admission.
  Severity ``problem`` when the page quotes that same source giving a different figure,
  ``warning`` otherwise.
- **One figure, two sources.** The same figure (same value, category and subject) credited
  to one source in the headline and only to an unrelated one in the body ("3,000 join
  rally, organisers say" over "police said 3,000 people joined"): ``warning``. In the body
  alone two named sources giving one figure is usually corroboration, so it is only
  ``info`` (check that each gave it), and anonymous or pronoun-resolved sources are not
  counted: on 150 Syrian-war casualty reports (FA-KES) every such body pair was two
  outlets or monitors agreeing, or one source named twice.

Compatible sources are not a mismatch: "officials" and "the regional health department",
"a navy official" and "the navy", a headline's "X says" and the body's "X said". Vague
figures ("dozens") and small numbers that recur by chance are never matched.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING

from newsaudit.checks import register
from newsaudit.checks._wording import join_words, source_phrase
from newsaudit.context import DEFAULT_CONTEXT, Context
from newsaudit.figures.compare import (
    counted_compatible,
    disjoint,
    near,
    same_subject,
    sides_compatible,
    sources_compatible,
)
from newsaudit.figures.words import lexicon, source_keys
from newsaudit.model import Attribution, Figure, Finding, Report, Source, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["check"]

CHECK = "attribution_mismatch"


class _AttributionOf:
    """The attributions of a page by id, for figures already known to be sourced."""

    def __init__(self, report: Report) -> None:
        self._by_id = {a.id: a for a in report.attributions}
        self.all = report.attributions
        self.text = report.document.text

    def __call__(self, f: Figure) -> Attribution:
        if f.source is None:  # pragma: no cover - callers filter on f.source first
            raise ValueError(f"{f.quantity} is in the page's own voice")
        return self._by_id[f.source]


def _q(f: Figure) -> str:
    t = f.text
    return t if t.replace(",", "").replace(".", "").isdigit() else f"'{t}'"


def _compared(f: Figure) -> bool:
    lex = lexicon()
    return not f.vague and (f.category in lex.always or f.category in lex.same_predicate)


def _related_subject(a: Figure, b: Figure) -> bool:
    """Loose version of :func:`same_subject` for "what else did the sources say": the
    same category and counted noun, on the same side, and for a plain head count the same
    predicate too. "Five cases have been identified" and "several hundred people have been
    exposed" count different things; only a toll ("killed", "dead") is one kind of count
    whatever verb carries it."""
    if a.category != b.category or not counted_compatible(a, b):
        return False
    if a.category not in lexicon().always and a.subject.predicate != b.subject.predicate:
        return False
    return sides_compatible(a, b)


def _span(src: Source, text: str) -> Span | None:
    if src.start is None or src.end is None:
        return None
    return Span(src.start, src.end, text[src.start : src.end])


def _vouched(figs: list[Figure], text: str, att_of: _AttributionOf) -> Iterator[Finding]:
    """A figure the page vouches for ("confirmed") that only its own tally matches."""
    # Both lists below need the figure's category: look only among figures of the same one.
    by_category: dict[str, list[Figure]] = defaultdict(list)
    for g in figs:
        by_category[g.category].append(g)
    for f in figs:
        if f.source is None or not f.factive or not _compared(f) or f.changing:
            continue  # a toll the source itself moved ("raised the toll to 32") it gave
        att = att_of(f)
        who = att.source
        kin = by_category[f.category]
        tally = [
            g
            for g in kin
            if g.source is None
            and g.sentence_start != f.sentence_start
            and g.scope == "running_total"
            and not g.vague
            and same_subject(f, g)
            and near(f, g)
        ]
        if not tally:
            continue
        sourced = [
            g
            for g in kin
            if g.source is not None
            and g.source != f.source
            and g.sentence_start != f.sentence_start
            and _related_subject(f, g)
            and (sources_compatible(att_of(g).source, who) or not g.vague)
        ]
        if not sourced or any(not disjoint(f, g) for g in sourced):
            continue
        own = [g for g in sourced if sources_compatible(att_of(g).source, who)]
        name = source_phrase(who)
        cue = att.cue_span.text if att.cue_span is not None else att.cue
        listed = join_words(
            [f"{_q(g)} ({source_phrase(att_of(g).source, att_of(g).via)})" for g in sourced]
        )
        approx = f"{f.value:,}" if isinstance(f.value, int) else str(f.value)
        sources_are = (
            "the figures it sources are" if len(sourced) > 1 else "the only figure it sources is"
        )
        # "has confirmed" after "says"; a bare participle ("confirming") after "has"
        says = "has" if cue.endswith("ing") and " " not in cue else "says"
        message = (
            f"The page {says} {name} {cue} {_q(f)}, but nothing it attributes to {name} says so: "
            f"{sources_are} {listed}, while the figure of about {approx} appears "
            f"only as the page's own tally ({join_words([_q(g) for g in tally])})."
        )
        evidence: list[Span] = [Span(g.start, g.end, g.text) for g in (f, *sourced, *tally)]
        src_span = _span(who, text)
        if src_span is not None:
            evidence.append(src_span)
        evidence.sort(key=lambda s: (s.start, s.end))
        atts = _unique([att.id, *(att_of(g).id for g in sourced)])
        yield Finding(
            id="",
            check=CHECK,
            severity="problem" if own else "warning",
            message=message,
            evidence=tuple(evidence),
            refs=(*atts, *sorted({g.quantity for g in (f, *sourced, *tally)}, key=_qnum)),
        )


def _qnum(qid: str) -> int:
    return int(qid[1:]) if qid[1:].isdigit() else 0


def _unique(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _chained(a: Attribution, b: Attribution) -> bool:
    """One source passed on the other's word ('Reuters, citing the ministry')."""
    ka, kb = source_keys(a.source), source_keys(b.source)
    return any(source_keys(v) & kb for v in a.via) or any(source_keys(v) & ka for v in b.via)


_SUMMARY_KINDS = frozenset({"headline", "standfirst"})
_NAMED_TYPES = frozenset({"person", "organisation", "outlet"})


def _same_source(a: Attribution, b: Attribution) -> bool:
    return sources_compatible(a.source, b.source) or _chained(a, b)


def _named(a: Attribution) -> bool:
    """A source the page names outright (not 'officials', not a resolved 'it')."""
    return (
        a.source.type in _NAMED_TYPES
        and a.source.mention is None
        and bool(source_keys(a.source))
    )


def _shared_figures(figs: list[Figure], att_of: _AttributionOf) -> list[list[Figure]]:
    """Sourced figures grouped by what they say: category, value, bound and subject."""
    floor = lexicon().min_shared_value
    groups: dict[tuple[str, float, str], list[Figure]] = defaultdict(list)
    for f in figs:
        if f.source is None or att_of(f).source.text is None or not _compared(f):
            continue
        if f.value is None or abs(f.value) < floor:
            continue
        groups[(f.category, float(f.value), f.approx)].append(f)
    out: list[list[Figure]] = []
    for members in groups.values():
        kept = [members[0]]
        for f in members[1:]:
            scopes = {f.scope, *(g.scope for g in kept)}
            if {"event", "running_total"} <= scopes:
                continue  # one incident's figure and a running total that happen to match
            if all(g.sentence_start != f.sentence_start and same_subject(f, g) for g in kept):
                kept.append(f)
        if len(kept) > 1:
            out.append(kept)
    return out


def _fuller(src: Source, doc: Doc) -> list[Source]:
    """``src`` and the page's fuller mentions of the same person: a later "Hunter" is the
    "Rep. Duncan Hunter" the page named first, so the rank or office a headline gives
    ("GOP Rep: ...") can be matched against the name's first mention. A fuller mention is
    the noun phrase, in the parse, whose head is the source's last word."""
    if src.type != "person" or not src.text:
        return [src]
    last = src.text.split()[-1]
    out = [src]
    for tok in doc:
        if tok.text != last or tok.left_edge.i == tok.i:
            continue
        phrase = doc[tok.left_edge.i : tok.i + 1]
        out.append(Source(text=phrase.text, type=src.type, start=phrase.start_char,
                          end=phrase.end_char))
    return out


def _headline_credited(h: Figure, body: list[Figure], att_of: _AttributionOf, doc: Doc
                       ) -> bool:
    """Does the summary credit ``h`` to a source the body never gives it on the word of?
    A body source counts as the headline's when it, or the page's fuller mention of it,
    is compatible: the headline's "GOP Rep" is the body's "Hunter" once he is "Rep. Duncan
    Hunter"."""
    head = att_of(h)
    if any(_credited_to(head, att_of(b), doc) for b in body):
        return False
    if any(_speaks_for(head.source, att_of(b), att_of, doc) for b in body):
        return False
    if not _named(head) and any(_described_as(head.source, att_of(b).source, doc)
                                for b in body):
        # "Organisers say 20,000 joined" over "Fronte Comune, the coalition of unions that
        # organised the march, said 20,000": the body's source is the headline's role
        return False
    return True


#: What ties a speaker to a body of their own right after the name: "of the city
#: hospital", ", a doctor at St Luke's", ", who heads the residents' association".
_OWN_BODY_RE = re.compile(r",?\s+(?:of|at|from|with)\s|,\s+(?:a|an|the|who)\b[^,.]{0,60}?"
                          r"\b(?:of|at|for|from|with|heads|leads|runs|chairs)\b")


def _speaks_for(org: Source, said: Attribution, att_of: _AttributionOf, doc: Doc) -> bool:
    """Is ``said``'s speaker a member of ``org`` by the page's own layout: a person with a
    rank but no body of their own ("Group Commander Bram Oyelaran told the Courier") quoted
    in the paragraph that opens on ``org``'s statement ("The Fire and Rescue Service says
    crews have brought 1,150 people to safety")? A speaker the page ties to another body
    ("Dr Ana Reyes of the city hospital") is not."""
    who = said.source
    if who.type != "person" or who.start is None or who.end is None or org.text is None:
        return False
    after = att_of.text[who.end : who.end + 80]
    if _OWN_BODY_RE.match(after) or any(w in (who.text or "").split()
                                         for w in ("of", "at", "from")):
        return False
    para = max(att_of.text.rfind("\n\n", 0, said.start), att_of.text.rfind("\n", 0, said.start))
    return any(a.start > para and a.end <= said.start and a is not said
               and sources_compatible(org, a.source) for a in att_of.all)


def _credited_to(head: Attribution, other: Attribution, doc: Doc) -> bool:
    """Is ``other``'s source the one ``head`` names, or the page's fuller mention of it?"""
    return _same_source(head, other) or any(
        sources_compatible(head.source, s) for s in _fuller(other.source, doc))


def _summary_finding(h: Figure, shown: list[Figure], att_of: _AttributionOf,
                     message: str) -> Finding:
    """A warning on a headline's or standfirst's credit, with every figure it weighs."""
    return Finding(
        id="",
        check=CHECK,
        severity="warning",
        message=message,
        evidence=tuple(Span(g.start, g.end, g.text) for g in shown),
        refs=(*_unique([att_of(g).id for g in shown]), *(g.quantity for g in shown)),
    )


def _stem(word: str) -> str:
    w = word.lower().strip(".,'’")
    for end in ("ers", "ors", "er", "or", "es", "s", "ed", "ing"):
        if w.endswith(end) and len(w) - len(end) >= 4:
            return w[: len(w) - len(end)]
    return w


def _described_as(role: Source, named: Source, doc: Doc) -> bool:
    """Does the page describe the ``named`` source as the headline's ``role`` in an
    aside right after its name ("Fronte Comune, the coalition of unions that organised the
    march," for "Organisers")?"""
    words = (role.text or "").split()
    if not words or named.end is None or not len(doc):
        return False
    text_end = doc[-1].idx + len(doc[-1].text_with_ws)  # Doc.text would rebuild the string
    span = doc.char_span(named.end, min(text_end, named.end + 160), alignment_mode="contract")
    if span is None or not span.text.startswith(","):
        return False
    aside = span.text[1:].split(",")[0]
    stem = _stem(words[-1])[:6]
    return len(stem) >= 4 and any(_stem(w).startswith(stem) for w in aside.split())


def _two_sources(figs: list[Figure], att_of: _AttributionOf, doc: Doc) -> Iterator[Finding]:
    """The headline credits a figure to one source and the body to another (warning);
    two named sources credited with one figure in the body (info: check both gave it)."""
    for group in _shared_figures(figs, att_of):
        heads = [f for f in group if f.segment in _SUMMARY_KINDS]
        body = [f for f in group if f.segment not in _SUMMARY_KINDS]
        for h in heads:
            if not body or not _headline_credited(h, body, att_of, doc):
                continue
            names = join_words(_unique([source_phrase(att_of(b).source) for b in body]))
            yield _summary_finding(h, [h, *body], att_of, (
                f"The {h.segment} credits {_q(h)} to {source_phrase(att_of(h).source)}, "
                f"but the body gives the figure only on the word of {names}."))
        distinct: list[Figure] = []
        for f in body:
            if _named(att_of(f)) and not any(_same_source(att_of(f), att_of(g)) for g in distinct):
                distinct.append(f)
        if len(distinct) < 2:
            continue
        wrong = _given_otherwise(distinct, figs, att_of, doc)
        if wrong is not None:
            yield wrong
            continue
        names = join_words([source_phrase(att_of(g).source) for g in distinct])
        yield Finding(
            id="",
            check=CHECK,
            severity="info",
            message=(
                f"The page credits the same figure, {_q(distinct[0])}, to {names} in different "
                "places; check that each source gave it."
            ),
            evidence=tuple(Span(g.start, g.end, g.text) for g in distinct),
            refs=(*_unique([att_of(g).id for g in distinct]), *(g.quantity for g in distinct)),
        )


def _given_otherwise(distinct: list[Figure], figs: list[Figure], att_of: _AttributionOf,
                     doc: Doc) -> Finding | None:
    """One figure credited to two sources, one of whom the page elsewhere quotes giving
    another figure of the same count ("The Labour Inspectorate puts the toll at 21" where
    the police said 21 and the inspectorate's report gives 23): one of the credits is
    wrong, and the two tolls cannot both be the inspectorate's. Only exact counts: tolls
    that move, floors ("at least 11", "at least 13") and round figures are left alone; so
    is a figure far from the shared one (a part of it, another count)."""
    ratio = lexicon().same_tally_ratio
    for f in distinct:
        mine = att_of(f)
        theirs = [b for b in figs
                  if b is not f and b.source is not None and b.category == f.category
                  and b.value is not None and f.value is not None and b.value != f.value
                  and not (b.changing or f.changing or b.part) and same_subject(f, b)
                  # the same cause (a toll of "the 2011 blast" is another event's)
                  and b.subject.agent == f.subject.agent
                  # two counts: "at least 11" and "at least 13" are floors, both may hold
                  and f.approx == b.approx == "exact" and near(f, b, ratio)
                  and (_same_source(mine, att_of(b)) or _credited_to(mine, att_of(b), doc))]
        if not theirs:
            continue
        others = [g for g in distinct if g is not f]
        b = theirs[0]
        return Finding(
            id="",
            check=CHECK,
            severity="warning",
            message=(
                f"The page credits {_q(f)} to {source_phrase(mine.source)}, but elsewhere "
                f"gives that source's figure as {_q(b)}; {_q(f)} is the figure of "
                f"{join_words([source_phrase(att_of(g).source) for g in others])}. One of "
                "the credits is wrong."
            ),
            evidence=tuple(Span(g.start, g.end, g.text) for g in (f, b, *others)),
            refs=(*_unique([att_of(g).id for g in (f, b, *others)]),
                  *(g.quantity for g in (f, b, *others))),
        )
    return None


def _credited_otherwise(figs: list[Figure], att_of: _AttributionOf, doc: Doc,
                        said: set[float]) -> Iterator[Finding]:
    """The headline credits a toll to a source whom the body quotes with another figure of
    it and never with the headline's: "Shelling kills 31, regional governor says" over
    "killing at least 21 people ..., regional governor Aleksei Marr said". A moving toll,
    a headline number the body gives anywhere, or a figure near the headline's (rounding)
    is left alone."""
    for h in figs:
        if (h.segment not in _SUMMARY_KINDS or h.source is None or not _compared(h)
                or h.changing or h.value is None or h.value in said):
            continue
        head = att_of(h)
        if not _named(head):
            continue
        theirs = [b for b in figs
                  if b.segment not in _SUMMARY_KINDS and b.source is not None and _compared(b)
                  and b.category == h.category and same_subject(h, b)
                  and _credited_to(head, att_of(b), doc)]
        if not theirs or any(b.changing or near(h, b) for b in theirs):
            continue
        yield _summary_finding(h, [h, *theirs], att_of, (
            f"The {h.segment} credits {_q(h)} to {source_phrase(head.source)}, but in the "
            f"body that source gives {join_words(_unique([_q(b) for b in theirs]))}; "
            f"nothing on the page has them say {_q(h)}."))


@register(
    CHECK,
    # a figure credited to the wrong source is not unsourced
    supersedes=("unsourced_claim",),
    summary=(
        "a figure credited to a source that nothing it is quoted as saying supports (\"X "
        "confirmed 700\" where X's only figure is 13), or the same figure credited to different "
        "sources"
    ),
    severities=("info", "warning", "problem"),
)
def check(report: Report, doc: Doc, ctx: Context = DEFAULT_CONTEXT) -> Iterator[Finding]:
    """Figures credited to a source that the page's own record does not support."""
    figs = list(report.figures)
    if len(figs) < 2:
        return
    text = report.document.text
    sourced = _AttributionOf(report)
    yield from _vouched(figs, text, sourced)
    yield from _two_sources(figs, sourced, doc)
    said = {q.value for q in report.quantities
            if q.segment in ("standfirst", "body") and q.value is not None}
    yield from _credited_otherwise(figs, sourced, doc, said)
