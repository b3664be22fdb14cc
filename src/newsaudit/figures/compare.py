"""Comparing figures: could two of them be about the same thing, and can both hold?

Every function here takes plain records (:class:`~newsaudit.model.Figure`,
:class:`~newsaudit.model.Source`, :class:`~newsaudit.model.Quantity`) and no parse, so
figures of one page and figures of different pages compare the same way. Everything errs
towards keeping figures apart: each ``*_compatible`` test answers "could these be about
the same thing?", and a check only speaks when every test says yes.

Two families:

- figures (the figures stage's records): :func:`disjoint` / :func:`both_hold`,
  :func:`exceeds`, :func:`near`, :func:`same_subject` and its parts,
  :func:`parts_and_totals`, and :func:`sources_compatible` for the sources behind them;
- bare quantities, for the quotation checks (``headline_unsupported``,
  ``unsourced_claim``), which read any figure of the page: :func:`plausible`,
  :func:`overlaps`, :func:`comparable`.
"""

from __future__ import annotations

import math
from bisect import insort
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Sequence
from itertools import combinations

from newsaudit.figures.words import lexicon, source_keys, source_words
from newsaudit.model import Figure, Quantity, Source

__all__ = [
    "OPEN_STRETCH",
    "both_hold",
    "comparable",
    "counted_compatible",
    "disjoint",
    "exceeds",
    "near",
    "near_pairs",
    "overlaps",
    "parts_and_totals",
    "plausible",
    "related",
    "same_subject",
    "sides_compatible",
    "sources_compatible",
]

_DEMONYM_ENDINGS = ("n", "an", "ian", "ese", "i", "ish", "s")


# --- bare quantities -------------------------------------------------------------


#: How far an open bound is read to reach: "at least 120" is taken to mean 120-180,
#: "fewer than 30" 20-30. A headline rounding a body figure up by half is not support.
OPEN_STRETCH = 1.5


def plausible(q: Quantity) -> tuple[float, float]:
    """Closed bounds a reader would take from a figure: "at least 120" is not 500."""
    lo, hi = q.low, q.high
    if lo is None and hi is None:
        return (-math.inf, math.inf)
    if hi is None:
        assert lo is not None
        return (lo, lo * OPEN_STRETCH)
    if lo is None:
        return (hi / OPEN_STRETCH, hi)
    return (lo, hi)


def overlaps(a: Quantity, b: Quantity) -> bool:
    """Whether two figures' bounds can both hold ("almost 700" excludes 700 itself)."""
    a_lo = a.low if a.low is not None else -math.inf
    a_hi = a.high if a.high is not None else math.inf
    b_lo = b.low if b.low is not None else -math.inf
    b_hi = b.high if b.high is not None else math.inf
    a_open = a.approx in ("almost", "fewer_than")
    b_open = b.approx in ("almost", "fewer_than")
    if (a_hi < b_lo) or (b_hi < a_lo):
        return False
    if a_open and a_hi <= b_lo:
        return False
    if b_open and b_hi <= a_lo:
        return False
    return True


#: Categories compared only with their own kind and unit.
_MEASURED = frozenset({"duration", "distance", "other"})


def comparable(a: Quantity, b: Quantity) -> bool:
    """Whether two figures count the same kind of thing and may be compared.

    Different categories compare only when they count the same noun and one of them is
    a plain head count: "at least 120 sailors" (lost) against "18 sailors" (killed); the
    dead and the wounded are never one figure.
    """
    if a.category in _MEASURED or b.category in _MEASURED:
        return a.category == b.category and a.unit == b.unit and a.category != "other"
    if a.category == b.category:
        return True
    cats = {a.category, b.category}
    return (
        bool(a.counted and a.counted == b.counted)
        and cats <= {"killed", "wounded", "personnel", "people"}
        and cats != {"killed", "wounded"}
    )


# --- figures ---------------------------------------------------------------------


def related(a: str, b: str) -> bool:
    """Same word, or a country and its adjective ('iran'/'iranian', 'kordavia'/'kordavian')."""
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < 4:
        return False
    stems = [short] + ([short[:-1]] if short[-1] in "ae" else [])
    return any(long_.startswith(s) and long_[len(s) :] in _DEMONYM_ENDINGS for s in stems)


def _overlap(a: Iterable[str], b: Iterable[str]) -> bool:
    bs = list(b)
    return any(related(x, y) for x in a for y in bs)


_OFFICIAL_TYPES = frozenset({"organisation", "official_anonymous"})


def sources_compatible(a: Source, b: Source) -> bool:
    """Could ``a`` and ``b`` be the same body? A generic official source ('officials',
    'the department') is compatible with any named official body."""
    if a.text is None or b.text is None:
        return False
    ka, kb = source_keys(a), source_keys(b)
    if ka and kb:
        # "District police" and "the district hospital" share only where they sit
        levels = lexicon().levels
        if ka - levels and kb - levels:
            return _overlap(ka - levels, kb - levels)
        return _overlap(ka, kb)
    if not ka and not kb:
        return a.type in _OFFICIAL_TYPES and b.type in _OFFICIAL_TYPES
    generic, named = (a, b) if not ka else (b, a)
    kind = _body_kind(generic)
    if kind is not None and kind not in source_words(named.text or ""):
        return False  # "the ministry" is no rights committee
    return a.type in _OFFICIAL_TYPES and b.type in _OFFICIAL_TYPES


def _body_kind(src: Source) -> str | None:
    """The kind of body a generic source names by its last word ("the ministry"), if any."""
    words = source_words(src.text or "")
    return words[-1] if words and words[-1] in lexicon().body_kinds else None


def _rounded(f: Figure) -> bool:
    """An exact figure a reporter may well have rounded ("300 soldiers"): against it an
    open bound at the same number ("over 300") is the same tally worded two ways."""
    v = f.value
    return f.approx == "exact" and isinstance(v, int | float) and v >= 20 and v % 10 == 0


def _above(a: Figure, b: Figure) -> bool:
    """Every value ``a`` allows is larger than every value ``b`` allows."""
    if a.low is None or b.high is None:
        return False
    if a.low > b.high:
        return True
    return a.low == b.high and (
        (a.low_strict and not _rounded(b)) or (b.high_strict and not _rounded(a))
    )


def disjoint(a: Figure, b: Figure) -> bool:
    """No number is allowed by both: "at least 700" and 693 (a rounded "300" and "over
    300" are one tally worded two ways, so they are not disjoint)."""
    return _above(a, b) or _above(b, a)


def both_hold(a: Figure, b: Figure) -> bool:
    """Some number is allowed by both figures' bounds."""
    return not disjoint(a, b)


def exceeds(part: Figure, whole: Figure) -> bool:
    """Every value ``part`` allows is larger than every value ``whole`` allows: one
    incident's toll that a running total cannot contain."""
    return _above(part, whole)


def near(a: Figure, b: Figure, ratio: float | None = None) -> bool:
    """The same figure give or take rounding ('at least 700' and 693), within ``ratio``
    of the larger (default: the ``near_ratio`` threshold)."""
    if a.value is None or b.value is None:
        return False
    return near_values(a.value, b.value, ratio)


def near_values(va: float, vb: float, ratio: float | None = None) -> bool:
    """:func:`near` for two numbers (a figure and a sum of figures)."""
    if max(abs(va), abs(vb)) == 0:
        return False
    share = lexicon().near_ratio if ratio is None else ratio
    return abs(va - vb) <= share * max(abs(va), abs(vb))


def counted_compatible(a: Figure, b: Figure) -> bool:
    """The same counted noun, a synonym ('soldiers'/'troops'), or a generic one
    ('people', 'dead') on either side."""
    lex = lexicon()
    ca, cb = a.counted, b.counted
    if ca is None or cb is None or ca in lex.generic_counted or cb in lex.generic_counted:
        return True
    if ca == cb:
        return True
    ga, gb = lex.counted_group.get(ca), lex.counted_group.get(cb)
    return ga is not None and ga == gb


def sides_compatible(a: Figure, b: Figure) -> bool:
    """No side named, or a side in common ('Iranian' and 'the Iranian government')."""
    sa, sb = a.subject.sides, b.subject.sides
    return not (sa and sb) or _overlap(sa, sb)


def same_subject(a: Figure, b: Figure) -> bool:
    """Category, counted noun, side, place, agent and (for plain head counts) predicate
    all allow the two figures to be about the same people."""
    lex = lexicon()
    if a.category != b.category:
        return False
    pa, pb = a.subject.predicate, b.subject.predicate
    if a.category not in lex.always:
        if a.category not in lex.same_predicate or pa in (None, *lex.light_verbs):
            return False
        group = lex.predicate_group
        if pa != pb and (pa not in group or pb is None or group.get(pa) != group.get(pb)):
            return False
    if not counted_compatible(a, b):
        return False
    if not sides_compatible(a, b):
        return False
    if a.places and b.places and not _overlap(a.places, b.places):
        return False
    ga, gb = a.subject.agent, b.subject.agent
    return not (ga and gb and ga != gb)


def near_pairs(
    figs: Sequence[Figure], ratio: float, rivals: int | None = None
) -> Iterator[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, of figures of one category that may be
    :func:`near` at ``ratio``: every pair that is, and a few that are not (callers test
    :func:`near` themselves). Sorting each category by value keeps this proportional to the
    page rather than to the square of its figures.

    With ``rivals``, each figure is paired only with the latest figures before it in the
    text among those near it in value, at most ``rivals`` of them (see
    :func:`_latest_rivals`): on a long page about one event every toll is near every
    other, and all the pairs grow as the square of the page. Pairs with a figure of no
    positive value are only made among such figures (:func:`near` never holds between
    one and a positive value)."""
    by_category: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(figs):
        by_category[f.category].append(i)
    found: list[tuple[int, int]] = []
    for members in by_category.values():
        if ratio >= 1:
            found.extend(combinations(members, 2))
            continue
        positive = [i for i in members if (figs[i].value or 0) > 0]
        others = [i for i in members if not (figs[i].value or 0) > 0]
        if rivals is not None:
            found.extend(_latest_rivals(figs, positive, ratio, rivals))
            found.extend(_latest_rivals(figs, others, None, rivals))
            continue
        positive.sort(key=lambda i: figs[i].value or 0)
        # b is near a (a <= b) only when b <= a / (1 - ratio); the margin absorbs rounding.
        reach = (1 + 1e-9) / (1 - ratio)
        for n, i in enumerate(positive):
            limit = (figs[i].value or 0) * reach
            for j in positive[n + 1 :]:
                if (figs[j].value or 0) > limit:
                    break
                found.append((min(i, j), max(i, j)))
        found.extend(combinations(others, 2))
    yield from sorted(set(found))


def _latest_rivals(
    figs: Sequence[Figure], members: list[int], ratio: float | None, rivals: int
) -> Iterator[tuple[int, int]]:
    """Each member paired with the ``rivals`` latest members before it in the text that
    are within ``ratio`` of it in value (any member when ``ratio`` is None).

    Values are filed in bands one ``ratio`` wide on a log scale, in text order; a figure's
    rivals are looked for among the latest ``rivals`` of its band and the two on either
    side, so each figure costs a bounded number of comparisons however long the page."""
    reach = (1 + 1e-9) / (1 - ratio) if ratio is not None else math.inf
    width = math.log(reach) if ratio is not None else math.inf
    bands: dict[int, list[int]] = defaultdict(list)
    for j in sorted(members, key=lambda k: (figs[k].start, k)):
        vj = figs[j].value or 0
        band = int(math.floor(math.log(vj) / width)) if ratio is not None else 0
        near_ones = [
            i
            for b in range(band - 2, band + 3)
            for i in bands.get(b, ())[-rivals:]
            if ratio is None or max(figs[i].value or 0, vj) <= min(figs[i].value or 0, vj) * reach
        ]
        near_ones.sort(key=lambda k: (figs[k].start, k))
        for i in near_ones[-rivals:]:
            yield (min(i, j), max(i, j))
        bands[band].append(j)


def parts_and_totals(figs: Sequence[Figure], apart: Collection[int] = ()
                     ) -> set[frozenset[int]]:
    """Index pairs of figures that are parts of a total stated among them ('29 rescued
    ... 5 rescued ... in total, 34'): parts and their total never contradict. Matching
    sums only ever silence a comparison, so a chance sum costs nothing but a finding.

    A total's candidate parts are the first ten figures of its category, in text order,
    with a positive value below it; they are found by taking totals in order of value and
    adding the figures below each as the value rises, not by rescanning the category.
    The figures in ``apart`` (indices the page sets apart from the toll: "These are not
    included in the figure") are parts of no total."""
    pairs: set[frozenset[int]] = set()
    groups: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(figs):
        if f.approx == "exact" and isinstance(f.value, int | float):
            groups[f.category].append(i)
    for members in groups.values():
        if len(members) < 3:
            continue
        by_value = sorted(members, key=lambda i: figs[i].value or 0)
        below: list[int] = []  # members with 0 < value < the current total, in text order
        k = 0
        for t in by_value:
            total = figs[t].value or 0
            while k < len(by_value) and (figs[by_value[k]].value or 0) < total:
                if (figs[by_value[k]].value or 0) > 0 and by_value[k] not in apart:
                    insort(below, by_value[k])
                k += 1
            parts = below[:10]
            values = [figs[i].value or 0 for i in parts]
            for r in range(2, min(4, len(parts)) + 1):
                for combo, vals in zip(
                    combinations(parts, r), combinations(values, r), strict=True
                ):
                    if sum(vals) == total:
                        for i in combo:
                            pairs.add(frozenset((t, i)))
                        for i, j in combinations(combo, 2):
                            pairs.add(frozenset((i, j)))
    return pairs
