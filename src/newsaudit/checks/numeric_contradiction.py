"""numeric_contradiction: two figures about the same thing that cannot both hold.

"At least 700 dead" in the lead and a tally of 693 further down are about the same
thing (the same people, counted the same way, up to now) and no number is both; a toll
of "at least 120 sailors" in one strike cannot sit inside a total of 117.

Most pairs of figures on a page are *not* about the same thing, and the check stays
silent unless every test says they are (see :mod:`newsaudit.figures.compare`):

- close in size (within ``same_tally_ratio``, 25%): "at least 700" and 693 are two
  readings of one tally; "6 killed" and "280,000 killed since 2011" are an incident and a
  war, whatever the parse says about their scope;
- same category and counted noun, same side and place, same agent, and for plain head
  counts the same verb ("marched" vs "were arrested" are different crowds);
- not a competing estimate: two figures credited to different sources are left alone,
  and a sourced figure is set against the page's own only when the page vouches for it
  ("confirmed", "admitted");
- the same time frame: moving tolls ("rose to 312 by Tuesday, up from 281") and figures
  on different dates are left alone; a figure for one incident is only held to being no
  larger than a running total ("13 deaths in the latest battle" vs "693 in total"), and
  two figures in the page's own voice with no scope at all are left alone (a round-up
  reports several incidents);
- not parts of a total: figures in one sentence, and figures that add up to another
  figure of their paragraph, are parts and totals, not rivals.

Findings are grouped: the figure in most conflicts is named with all its rivals, so one
bad lead figure gives one finding however many tallies it contradicts.

A toll in the headline states the page's main event, so it is no second incident of a
round-up: when the body gives that toll only as other numbers ("Blast kills 43" over a
body whose blast killed 41), the headline is wrong as it stands (a problem), unless the
toll moved ("rose to") or the body's figures are themselves at odds. A headline *under*
the body's toll ("kills 80" over "over 85 killed") only trails it, as a headline written
from an earlier count or rounded down does: a warning, not a false figure.

A headline toll the body gives only in parts that come close to it but do not make it
("injuring 43" over 25 hurt on one bus and 16 on the other) is a warning: the body may
have left a part out, but as written the page accounts for 41. Every other figure of the
kind on the page must be one of the parts, or the sum is not read.

A toll the lead states in the page's own voice that none of the sources the body cites
for it gives ("An airstrike killed 35" over the Observatory's 28 and the civil defence's
31) is a warning: each source may be right, but the page's number is above (or below)
every one of them and comes from nowhere the page names. One cited source is only a
second estimate, and a lead inside the sources' range reads their range, so both stay
quiet.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import replace
from itertools import combinations
from typing import TYPE_CHECKING

from newsaudit.checks import register
from newsaudit.checks._breakdown import breakdown_findings
from newsaudit.checks._wording import join_words, quoted, source_phrase
from newsaudit.context import DEFAULT_CONTEXT, Context
from newsaudit.figures.compare import (
    disjoint,
    exceeds,
    near,
    near_pairs,
    near_values,
    parts_and_totals,
    same_subject,
    sources_compatible,
)
from newsaudit.figures.words import lexicon
from newsaudit.model import Attribution, Figure, Finding, Report, Severity, Span
from newsaudit.quantities.neighbours import OPEN_CATEGORIES

if TYPE_CHECKING:
    from spacy.tokens import Doc

CHECK = "numeric_contradiction"

__all__ = ["check"]

_SAME = "same"  # the same figure, stated twice
_SAME_EVENT = "same_event"  # two figures for one dated incident
_PART_TOO_BIG = "part"  # an incident's figure larger than the running total


def _comparable_voices(a: Figure, b: Figure, atts: dict[str, Attribution]) -> bool:
    """Same source, both the page's own voice, or a sourced figure the page vouches for."""
    if a.source is not None and b.source is not None:
        return sources_compatible(atts[a.source].source, atts[b.source].source)
    if a.source is not None:
        return a.factive
    if b.source is not None:
        return b.factive
    return True


def _relation(a: Figure, b: Figure, atts: dict[str, Attribution]) -> str | None:
    """How ``a`` and ``b`` conflict, or ``None`` when they can both hold (or might be
    about different things)."""
    if a.sentence_start == b.sentence_start or a.vague or b.vague or a.changing or b.changing:
        return None
    if not near(a, b, lexicon().same_tally_ratio):
        return None  # far apart: an incident and a war, not two readings of one tally
    if not same_subject(a, b) or not _comparable_voices(a, b, atts):
        return None
    scopes = (a.scope, b.scope)
    shared_dates = set(a.dates) & set(b.dates)
    if scopes == ("event", "running_total"):
        return _PART_TOO_BIG if exceeds(a, b) else None
    if scopes == ("running_total", "event"):
        return _PART_TOO_BIG if exceeds(b, a) else None
    if scopes == ("event", "event"):
        return _SAME_EVENT if shared_dates and disjoint(a, b) else None
    if "event" in scopes:
        return None  # an incident against an unscoped figure: the latter may be a total
    if a.dates and b.dates and not shared_dates:
        return None
    if scopes == (None, None) and a.source is None and b.source is None:
        return None  # two unscoped figures in the page's voice: often two incidents
    return _SAME if disjoint(a, b) else None


def _moving_reading(a: Figure, b: Figure, moving: list[Figure]) -> bool:
    """The higher of the two is a count the page says the toll rose to ("the toll had
    risen to 27 after three more bodies were found"): the lower is an earlier reading of
    that toll ("24 bodies had been recovered" late the night before), not a rival. A figure
    above the count the toll rose to is no earlier reading of it ("at least 23 dead" over a
    live page whose toll has risen to 19)."""
    if a.value is None or b.value is None:
        return False
    top = max(a.value, b.value)
    return any(m.category == a.category and m.value == top
               and same_subject(m, a) and same_subject(m, b) for m in moving)


#: How many figures before it, the latest near it in value, each figure is compared with
#: (:func:`~newsaudit.figures.compare.near_pairs`). A news page has a few dozen figures:
#: on the 180 pages of the judged findings sample no figure has more than four earlier
#: rivals near it in value (at most 15 figures a page), so this only bounds a long page
#: (a live blog or transcript about one event, whose tolls are all near each other),
#: where comparing every pair grew as the square of the page.
RIVALS = 16

#: Categories a headline's figure is held to: the tolls of the event reported.
_HEADLINE_TOLLS = frozenset({"killed", "wounded"})


def _headline_findings(report: Report, figs: list[Figure], lead: _Lead,
                       apart: Collection[int] = ()) -> Iterator[Finding]:
    """A headline toll that the body gives only as other numbers; the figures at the
    indices ``apart`` (:func:`_counted_apart`) add up to no toll."""
    ratio = lexicon().same_tally_ratio
    heads = [f for f in figs if f.category in _HEADLINE_TOLLS and _segment(report, f) == "headline"
             and f.source is None]
    if not heads:
        return
    body = [f for f in figs if _segment(report, f) in ("standfirst", "body")]
    # what the body's figures may add up to: not a count the page sets apart from the toll
    addable = [f for i, f in enumerate(figs) if i not in apart
               and _segment(report, f) in ("standfirst", "body")]
    said = [(q.value, q.category) for q in report.quantities
            if q.segment in ("standfirst", "body") and q.value is not None]
    for h in heads:
        if any(v == h.value and (c == h.category or c in OPEN_CATEGORIES) for v, c in said):
            # the body gives the headline's number somewhere ("rose to 43"), not as a count
            # of something else ("Nine of the injured" under "Nine killed")
            continue
        same = [b for b in body if b.category == h.category and same_subject(h, b)]
        above = _above_every(h, same)
        if h.changing:
            # "toll climbs to 23": the latest count of a moving toll, which no count in
            # the body may lie under; earlier or other readings are left alone
            if above:
                yield from _beyond_the_body(h, above, addable)
            continue
        if above and (any(b.changing for b in same) or not all(disjoint(h, b) for b in above)):
            # a moving toll, or a floor ("at least 34", beside an exact "34 dead" or not)
            # the rules below read as allowing it
            yield from _beyond_the_body(h, above, addable)
            continue
        if any(b.changing for b in same):
            continue  # a moving toll: the headline may give an earlier count
        rivals = [b for b in same if near(h, b, ratio)] or [
            b for b in same if lead.holds(b.start) and _main_toll_near(h, b)]
        if not rivals:
            kin = [b for b in body if b.category == h.category]
            ids = {b.quantity for b in kin}
            # every other quantity of the kind on the page must be a part read here: one the
            # figures stage left out ("injured 60 people in 2019") may be no part
            alone = kin == same and not any(
                q.category == h.category and q.id not in ids | {h.quantity}
                for q in report.quantities)
            short = _parts_short(h, kin) if alone else None
            if short is not None and _gap_given(report, h, kin):
                short = None  # "… and two were treated at the scene": the missing part
            if short is not None:
                yield short
            continue
        if any(not disjoint(h, b) for b in rivals):
            continue
        if _adds_up_to(h, [b for b in addable if b.category == h.category and not b.vague]):
            continue  # the body gives the toll in parts (days, places, incidents)
        if any(disjoint(a, b) for a in rivals for b in rivals):
            continue  # the body's own figures disagree: nothing to hold the headline to
        label = _label([h, *rivals])
        theirs = join_words([quoted(b) for b in rivals])
        if all(exceeds(b, h) for b in rivals):
            # A headline under the body's toll trails it (written from an earlier count,
            # or rounded down as headlines do): worth fixing, not a false figure.
            severity: Severity = "warning"
            message = (f"The headline gives {label} as {quoted(h)}, fewer than the body's "
                       f"{theirs}; the headline trails the toll its own body reports.")
        else:
            severity = "problem"
            message = (f"The headline gives {label} as {quoted(h)}, but the body gives them as "
                       f"{theirs}; the two cannot both hold.")
        yield Finding(
            id="",
            check=CHECK,
            severity=severity,
            message=message,
            evidence=tuple(Span(f.start, f.end, f.text) for f in (h, *rivals)),
            refs=tuple(f.quantity for f in (h, *rivals)),
        )


def _complement_beside(report: Report, doc: Doc, a: Figure, b: Figure) -> bool:
    """Is the smaller figure one part of the larger, whose other part its sentence gives?
    "treated 31 people ... Six were taken to hospital and 25 were treated at the scene":
    6 + 25 is 31, though "Six" names nothing the figures stage could compare."""
    small, big = sorted((a, b), key=lambda f: f.value or 0)
    if small.value is None or big.value is None or small.approx != "exact" or (
            big.approx != "exact"):
        return False
    rest = big.value - small.value
    span = doc.char_span(small.start, small.end, alignment_mode="expand")
    if rest <= 0 or span is None:
        return False
    sent = span.sent
    return any(q.value == rest and q.approx == "exact"
               and sent.start_char <= q.start < sent.end_char and q.start != small.start
               for q in report.quantities)


def _top(f: Figure) -> float | None:
    """The most a figure allows, or its floor when it is open above ("at least 34")."""
    return f.high if f.high is not None else f.low if f.low is not None else f.value


def _above_every(h: Figure, same: list[Figure]) -> list[Figure]:
    """The body's highest figures of the headline's toll when the headline's number lies
    above every figure the body gives of it, within the main toll's window: "Storm toll
    reaches 40" over a body whose latest and highest count is "at least 34". A floor the
    sources give ("at least 34") allows a higher toll, but no one on the page says 40, and
    a moving toll whose every count is lower cannot be where the headline came from. Empty
    when any body figure reaches the headline's number, or none is near it."""
    # a toll of another time ("in 2019, 64 people died"; "more than 300 since 2015") is
    # another count, which the headline need not stay under
    tops = [(t, b) for b in same if not b.vague and not _of_another_time(h, b)
            and (t := _top(b)) is not None]
    if h.low is None or not tops or any(t >= h.low for t, _ in tops):
        return []
    best = max(t for t, _ in tops)
    highest = [b for t, b in tops if t == best]
    if not any(_main_toll_near(h, b) for b in highest):
        return []
    return highest


#: The page says a count is no part of another ("These are not included in the
#: heat-related figure", "excluded from the toll", "in addition to the 12").
_APART_RE = re.compile(r"\b(?:not\s+(?:included|counted|part\s+of)|exclud(?:ed|es|ing)|"
                       r"in\s+addition\s+to|on\s+top\s+of)\b", re.IGNORECASE)
#: How far past its sentence the words setting a figure apart may stand (the next one).
_APART_REACH = 160


def _counted_apart(text: str, f: Figure) -> bool:
    """Whether the page sets the figure apart from the toll, in its sentence or the next
    ("The Directorate also recorded two drowning deaths. These are not included in the
    heat-related figure."): it is no part that adds up to the headline's count."""
    nxt = text.find(".", f.sentence_end + 1, f.sentence_end + _APART_REACH)
    end = nxt if nxt >= 0 else f.sentence_end
    return _APART_RE.search(text, f.sentence_start, end) is not None


def _beyond_the_body(h: Figure, highest: list[Figure], body: list[Figure]) -> Iterator[Finding]:
    """The finding for :func:`_above_every`, unless the body's figures add up to the
    headline's (tolls of several places or days)."""
    if _adds_up_to(h, [b for b in body if b.category == h.category and not b.vague]):
        return
    label = _label([h, *highest])
    theirs = join_words(list(dict.fromkeys(quoted(b) for b in highest)))  # never "34 and 34"
    yield Finding(
        id="",
        check=CHECK,
        severity="warning",
        message=(f"The headline gives {label} as {quoted(h)}, more than any figure in the "
                 f"body: the highest it gives is {theirs}. Nothing on the page gives "
                 f"{quoted(h)}."),
        evidence=tuple(Span(f.start, f.end, f.text) for f in (h, *highest)),
        refs=tuple(f.quantity for f in (h, *highest)),
    )


def _scopes_agree(a: Figure, b: Figure) -> bool:
    """One incident and a running total are different counts; a figure with no scope
    may be either."""
    return a.scope is None or b.scope is None or a.scope == b.scope


#: A date of another event than the page's: a year, "last August", "last year".
_PAST = re.compile(r"\b(?:1[89]|20)\d\d\b|\blast\b")


def _of_another_time(lead: Figure, other: Figure) -> bool:
    """``other`` is dated apart from ``lead``: by a date the lead does not give, or, when
    the lead gives none (as headlines do), by a year ("in 2019 a lorry killed three")."""
    if lead.dates and other.dates and not set(other.dates) & set(lead.dates):
        return True
    return not lead.dates and any(_PAST.search(d) for d in other.dates)


def _main_toll_near(lead: Figure, other: Figure) -> bool:
    """Within the wider window for the page's main toll (``lead_tally_ratio``): a
    headline's "Fourteen killed" over the lead's 11, a lead's 57 over sources' 41 and 44;
    never a figure of another time (:func:`_of_another_time`), nor a count of one group
    held against a toll of everyone ("25 passengers of the first bus" under "injuring
    43": a part, not a rival)."""
    if _generic(lead) and not _generic(other):
        return False
    return not _of_another_time(lead, other) and near(lead, other, lexicon().lead_tally_ratio)


#: How many sentences of the first body paragraph make the lead: a page whose scraper
#: lost its paragraph breaks has its whole body in one.
_LEAD_SENTENCES = 2


class _Lead:
    """Where the page states its main toll: the headline, the standfirst and the first
    sentences of the body's first paragraph."""

    def __init__(self, report: Report, doc: Doc) -> None:
        self.ranges = [(s.start, s.end) for s in report.segments
                       if s.kind in ("headline", "standfirst")]
        first = next((s for s in report.segments if s.kind == "body"), None)
        if first is not None:
            ends: list[int] = []  # the first sentences of the segment, read no further
            for sent in doc.sents:
                if sent.start_char >= first.end or len(ends) == _LEAD_SENTENCES:
                    break
                if sent.end_char > first.start:
                    ends.append(sent.end_char)
            stop = ends[_LEAD_SENTENCES - 1] if len(ends) >= _LEAD_SENTENCES else first.end
            self.ranges.append((first.start, min(first.end, stop)))

    def holds(self, start: int) -> bool:
        return any(a <= start < b for a, b in self.ranges)


def _event_dates(text: str, g: Figure, atts: dict[str, Attribution]) -> set[str]:
    """A sourced figure's dates less those of the statement that gives it: in "The fire
    service said on Saturday that crews had recovered 12 bodies" Saturday is when it was
    said, and the fire of Friday night is still the one it counts."""
    att = atts.get(g.source) if g.source else None
    if att is None or att.content is None or att.content.start <= att.start:
        return set(g.dates)
    frame = text[att.start : att.content.start].lower()
    return {d for d in g.dates if d not in frame}


def _unmatched_lead(report: Report, figs: list[Figure], lead: _Lead) -> Iterator[Finding]:
    """A toll the page states in its own voice in its lead that none of the two or more
    sources it cites for that toll gives, nor any sum of its figures: "An airstrike killed
    35" over "the Observatory said 28 were killed" and "the civil defence said 31". Each
    source may be right; the lead's figure is the page's own, and it says where it came
    from nowhere. Only when it lies above every cited figure or below every one (a lead of
    "at least 25" agrees with both, and 43 between 41 and 46 reads their range), at one
    time (no moving toll, no other dates)."""
    atts = {a.id: a for a in report.attributions}
    ratio = lexicon().same_tally_ratio
    in_lead = lead.holds
    text = report.document.text
    # a number the page gives again beyond its lead may be sourced in words the figures
    # stage did not read
    later = {q.value for q in report.quantities if q.value is not None and not in_lead(q.start)}
    # each source's figure dated by what it counts, not by when the source spoke
    told = [replace(g, dates=tuple(sorted(_event_dates(text, g, atts)))) for g in figs
            if g.source is not None and not g.changing]
    for f in figs:
        if (f.source is not None or f.changing or not in_lead(f.start)
                or f.category not in _HEADLINE_TOLLS or f.value in later):
            continue
        # a source's count of one group ("28 civilians") is no rival to the lead's count
        # of everyone ("35 people")
        cited = [g for g in told
                 if g.sentence_start != f.sentence_start and same_subject(f, g)
                 and (near(f, g, ratio) or _main_toll_near(f, g)) and _scopes_agree(f, g)
                 and not (_generic(f) and not _generic(g))
                 and not (f.dates and g.dates and not set(f.dates) & set(g.dates))]
        if not (all(exceeds(f, g) for g in cited) or all(exceeds(g, f) for g in cited)):
            continue  # agrees with one, or lies between them: a reading of the range
        distinct: list[Figure] = []
        for g in cited:
            if not any(sources_compatible(atts[g.source].source, atts[d.source].source)
                       for d in distinct if g.source and d.source):
                distinct.append(g)
        if len(distinct) < 2 or any(g.changing for g in figs if g.category == f.category):
            continue
        # the sources' own counts of the toll are its rivals, never its parts
        ids = {g.id for g in cited}
        if _adds_up_to(f, [g for g in figs if g.category == f.category and g is not f
                           and not g.vague and g.id not in ids]):
            continue
        label = _label([f, *cited])
        theirs = join_words([f"{quoted(g)} ({source_phrase(atts[g.source].source)})"
                             for g in cited if g.source])
        yield Finding(
            id="",
            check=CHECK,
            severity="warning",
            message=(f"The page gives {label} as {quoted(f)} in its own voice, but the "
                     f"sources it cites give {theirs}: its figure matches none of them, and "
                     "the page does not say where it comes from."),
            evidence=tuple(Span(g.start, g.end, g.text)
                           for g in sorted((f, *cited), key=lambda g: g.start)),
            refs=tuple(g.quantity for g in (f, *cited)),
        )


#: Most parts a body may give a headline's toll in for :func:`_parts_short`.
_MAX_SHORT_PARTS = 6


def _parts_short(head: Figure, kin: list[Figure]) -> Finding | None:
    """The body gives the headline's toll only in parts ("25 passengers of the first bus
    ... 16 of the second" under "injuring 43"), and all of them together come close to it
    (within ``near_ratio``) yet are not a number the headline allows: a warning, since the
    body may have left a part out, but one the editor must settle. Every figure of the
    toll's kind in the body must be such a part, each smaller than the headline's,
    at one time and for one incident at most; any other figure of that kind (a larger
    total, last year's toll, a moving count) leaves the sum unread."""
    if not 2 <= len(kin) <= _MAX_SHORT_PARTS or head.value is None:
        return None
    for b in kin:
        if (b.vague or b.changing or b.value is None or b.value <= 0 or b.value >= head.value
                or b.approx != "exact" or b.scope == "running_total"):
            return None
    total = sum(b.value for b in kin if b.value is not None)
    if (_allows(head, total) or _adds_up_to(head, kin)
            or not near_values(total, head.value)):
        return None
    label = _label([head, *kin])
    parts = join_words([quoted(b) for b in kin])
    shown = f"{total:,}" if float(total).is_integer() else str(total)
    return Finding(
        id="",
        check=CHECK,
        severity="warning",
        message=(f"The headline gives {label} as {quoted(head)}, but the body gives them only "
                 f"in parts, {parts}, which add up to {shown}."),
        evidence=tuple(Span(f.start, f.end, f.text) for f in (head, *kin)),
        refs=tuple(f.quantity for f in (head, *kin)),
    )


def _gap_given(report: Report, head: Figure, parts: list[Figure]) -> bool:
    """Does the page give, anywhere, a head count equal to what the parts leave out of the
    headline's toll ("two more were treated at the scene")? Such a count may be the part
    the figures stage did not read as a toll."""
    if head.value is None:
        return False
    gap = abs(head.value - sum(b.value for b in parts if b.value is not None))
    ids = {head.quantity, *(b.quantity for b in parts)}
    return any(q.value == gap and q.id not in ids and q.category in _HEAD_COUNTS
               for q in report.quantities)


#: Quantity categories that count people, one of which may be a toll's missing part.
_HEAD_COUNTS = frozenset({"killed", "wounded", "people", "personnel"})


#: How many of the body's figures of the headline's kind are tried as its parts.
_MAX_PARTS = 10


def _adds_up_to(head: Figure, body: Sequence[Figure]) -> bool:
    """Whether two to four of the body's figures of the headline's kind add up to a value
    the headline's toll allows: "Strikes kill 84" over "71 killed on Tuesday and
    Wednesday" and "13 more on Thursday" is the body's own sum, not a rival count. The
    headline's bounds are read as the page states them (:func:`_allows`). A figure of
    another year ("in 2019 a lorry killed three") is no part of this one's toll."""
    values: list[float] = _without_parts([
        b.value for b in [b for b in body if not _of_another_time(head, b)][:_MAX_PARTS]
        if isinstance(b.value, int | float) and b.value > 0])
    # an open bound ("at least 57") allows any larger sum; rival counts of one toll (41
    # and 44) add up to no stated total, so the sum must also come near the figure
    ratio = lexicon().same_tally_ratio
    for r in range(2, min(4, len(values)) + 1):
        for combo in combinations(values, r):
            total = sum(combo)
            if _allows(head, total) and (head.value is None
                                         or near_values(head.value, total, ratio)):
                return True
    return False


def _without_parts(values: list[float]) -> list[float]:
    """The values less those that are parts of another one: "seven killed", then "five of
    the dead were buried ... two bodies were taken to hospital". The parts already are the
    whole; added to it, or to anything else, they count the dead twice."""
    parts: set[int] = set()
    for i, whole in enumerate(values):
        others = [j for j in range(len(values)) if j != i and values[j] < whole]
        for r in range(2, min(4, len(others)) + 1):
            for combo in combinations(others, r):
                if sum(values[j] for j in combo) == whole:
                    parts.update(combo)
    return [v for j, v in enumerate(values) if j not in parts]


def _allows(head: Figure, total: float) -> bool:
    """Is ``total`` a number the headline's figure allows, its bounds read as the page
    states them ("over 80": more than 80)?"""
    lo, hi = head.low, head.high  # None: open on that side ("over 80" has no top)
    if lo is None and hi is None:
        lo = hi = head.value
        if lo is None:
            return False
    return (lo is None or total > lo or (total == lo and not head.low_strict)) and (
        hi is None or total < hi or (total == hi and not head.high_strict))


def _segment(report: Report, f: Figure) -> str | None:
    seg = report.segment_at(f.start)
    return seg.kind if seg is not None else None


def _generic(f: Figure) -> bool:
    return f.counted is None or f.counted in lexicon().generic_counted


def _label(figs: list[Figure]) -> str:
    """What the figures count, for the message: 'the Iranian dead', 'the sailors killed'."""
    side = next((f.subject.label for f in figs if f.subject.label), None)
    category = figs[0].category
    generic = lexicon().generic_counted
    nouns = [f.counted for f in figs if f.counted and f.counted not in generic]
    shared = next((n for n in nouns if nouns.count(n) > 1), None)
    prefix = f"{side} " if side else ""
    if category == "killed":
        return f"the {prefix}{shared} killed" if shared else f"the {prefix}dead"
    if category == "wounded":
        return f"the {prefix}{shared} wounded" if shared else f"the {prefix}wounded"
    noun = shared or figs[0].counted or "people"
    return f"the number of {prefix}{noun}"


def _message(anchor: Figure, rivals: list[tuple[Figure, str]]) -> str:
    label = _label([anchor, *(f for f, _ in rivals)])
    after = all(f.start > anchor.start for f, _ in rivals)
    before = all(f.start < anchor.start for f, _ in rivals)
    where = "later" if after else "earlier" if before else "elsewhere"
    same = [quoted(f) for f, rel in rivals if rel == _SAME]
    event = [quoted(f) for f, rel in rivals if rel == _SAME_EVENT]
    whole = [quoted(f) for f, rel in rivals if rel == _PART_TOO_BIG]
    mine = quoted(anchor)
    if anchor.scope == "event" and whole:
        head = f"The page gives {label} in one incident as {mine} here"
    else:
        head = f"The page gives {label} as {mine} here"
    parts: list[str] = []
    if same:
        parts.append(f"as {join_words(same)}")
    if event:
        parts.append(f"as {join_words(event)} for the same incident")
    if whole and anchor.scope == "event":
        parts.append(f"puts the total at only {join_words(whole)}")
    elif whole:
        parts.append(f"puts a single incident at {join_words(whole)}")
    tail = "the two cannot both hold" if len(rivals) == 1 else "these cannot all hold"
    if whole:
        tail += " (a part cannot be larger than the whole)"
    return f"{head} and {join_words(parts)} {where}; {tail}."


@register(
    CHECK,
    # a headline toll the body contradicts is this check's finding; the headline check's
    # "no body figure fits it" on the same figure only echoes it; an own-voice figure that
    # its own page contradicts says more than "stated with no source"
    supersedes=("headline_unsupported", "unsourced_claim"),
    summary=(
        "two figures about the same thing (category, subject, time frame) whose ranges cannot "
        "both hold; not competing estimates from different sources, tolls rising over time, or "
        "parts adding up to a total"
    ),
    severities=("info", "warning", "problem"),  # info: held by the calibrate stage
)
def check(report: Report, doc: Doc, ctx: Context = DEFAULT_CONTEXT) -> Iterator[Finding]:
    """Figures about the same thing whose ranges cannot overlap."""
    yield from breakdown_findings(report, doc, CHECK)
    figs = [f for f in report.figures if not f.vague]
    if len(figs) < 2:
        return
    lead = _Lead(report, doc)
    text = report.document.text
    apart = {i for i, f in enumerate(figs) if _counted_apart(text, f)}
    head_findings = list(_headline_findings(report, figs, lead, apart))
    yield from head_findings
    # one finding per problem: a headline toll already held against the body is not held
    # against the body's sources a second time
    flagged = {f.evidence[0].start for f in head_findings if f.evidence}
    said = [set(f.refs) for f in head_findings]
    yield from _unmatched_lead(report, [f for f in figs if f.start not in flagged], lead)
    atts = {a.id: a for a in report.attributions}
    moving = [f for f in figs if f.changing]
    linked = parts_and_totals(figs, apart=apart)
    edges: dict[int, dict[int, str]] = {i: {} for i in range(len(figs))}
    for i, j in near_pairs(figs, lexicon().same_tally_ratio, RIVALS):
        if frozenset((i, j)) in linked:
            continue
        if any({figs[i].quantity, figs[j].quantity} <= held for held in said):
            continue  # the headline's toll already held against this count
        if (figs[i].part and _generic(figs[j])) or (figs[j].part and _generic(figs[i])):
            continue  # one group of a breakdown against everyone counted
        if _moving_reading(figs[i], figs[j], moving):
            continue
        if _complement_beside(report, doc, figs[i], figs[j]):
            continue
        rel = _relation(figs[i], figs[j], atts)
        if rel is not None:
            edges[i][j] = rel
            edges[j][i] = rel
    # One finding per figure in conflict, most-conflicted first: one wrong lead figure
    # gives one finding naming every tally it contradicts. The heap holds (-conflicts,
    # figure) as they were when pushed; an entry that no longer holds is skipped.
    heap = [(-len(e), i) for i, e in edges.items() if e]
    heapq.heapify(heap)
    while heap:
        count, anchor = heapq.heappop(heap)
        if -count != len(edges[anchor]) or not edges[anchor]:
            continue
        rivals = sorted(edges[anchor].items())
        for j, _ in rivals:
            del edges[j][anchor]
            if edges[j]:
                heapq.heappush(heap, (-len(edges[j]), j))
        edges[anchor] = {}
        group = sorted([anchor, *(j for j, _ in rivals)], key=lambda k: figs[k].start)
        yield Finding(
            id="",
            check=CHECK,
            severity="problem",
            message=_message(figs[anchor], [(figs[j], rel) for j, rel in rivals]),
            evidence=tuple(Span(figs[k].start, figs[k].end, figs[k].text) for k in group),
            refs=tuple(figs[k].quantity for k in group),
        )
