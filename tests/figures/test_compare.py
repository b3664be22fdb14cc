"""Comparing figures without a parse: hand-built records, as the corpus will hold them.

Each row sets two figures against each other the way a reader would: "at least 700" and
693 cannot both hold, a rounded "300" and "over 300" are one tally, soldiers and troops
are one subject, advisers and soldiers are not.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from newsaudit.figures.compare import (
    both_hold,
    comparable,
    counted_compatible,
    disjoint,
    exceeds,
    near,
    near_pairs,
    overlaps,
    parts_and_totals,
    plausible,
    related,
    same_subject,
    sides_compatible,
    sources_compatible,
)
from newsaudit.model import Figure, FigureSubject, Quantity, Source

_BOUNDS = {
    # approx -> (low, high) as a function of the value, as the quantities stage sets them
    "exact": lambda v: (v, v),
    "at_least": lambda v: (v, None),
    "more_than": lambda v: (v, None),
    "almost": lambda v: (v * 0.9, v),
    "fewer_than": lambda v: (None, v),
    "about": lambda v: (v * 0.9, v * 1.1),
}


def fig(value: float | None = 100, approx: str = "exact", **over: Any) -> Figure:
    """A killed figure in the page's own voice, with bounds as the quantity stage sets them."""
    low, high = _BOUNDS[approx](value) if value is not None else (None, None)
    base = Figure(
        id="g1", quantity="q1", start=0, end=3, text=str(value), words=str(value),
        segment="body", sentence_start=0, sentence_end=40, category="killed",
        counted="people", subject=FigureSubject(predicate="kill"), places=(), dates=(),
        changing=False, scope=None, part=False, source=None, voice="outlet", factive=False,
        value=value, approx=approx, low=low, low_strict=approx == "more_than", high=high,
        high_strict=approx in ("almost", "fewer_than"),
    )
    return replace(base, **over)


@pytest.mark.parametrize(
    ("a", "b", "apart"),
    [
        (fig(700, "at_least"), fig(693), True),
        (fig(697, "almost"), fig(697), True),  # "almost" excludes the number itself
        (fig(700, "almost"), fig(700), False),  # ... but a round 700 may be a rounded 697
        (fig(700, "almost"), fig(693), False),
        (fig(700, "at_least"), fig(700, "almost"), True),  # only 700 could be both, and "almost" excludes it
        (fig(300), fig(300, "more_than"), False),  # a rounded 300 and "over 300": one tally worded two ways
        (fig(213), fig(213, "more_than"), True),  # 213 is no round figure: "more than 213" excludes it
        (fig(30, "fewer_than"), fig(30), False),  # a round 30 again
        (fig(2000, "about"), fig(2150), False),
        (fig(2000, "about"), fig(2300), True),
        (fig(None, "exact"), fig(5), False),  # no bounds: nothing to rule out
    ],
)
def test_disjoint_and_both_hold(a: Figure, b: Figure, apart: bool) -> None:
    assert disjoint(a, b) is apart and disjoint(b, a) is apart
    assert both_hold(a, b) is not apart


def test_exceeds_is_one_way() -> None:
    incident, total = fig(120, "at_least", scope="event"), fig(117, scope="running_total")
    assert exceeds(incident, total) and not exceeds(total, incident)
    assert not exceeds(fig(13, scope="event"), fig(693, scope="running_total"))


@pytest.mark.parametrize(
    ("a", "b", "ratio", "close"),
    [
        (700, 693, None, True),  # 1%: within the default 10%
        (700, 600, None, False),
        (700, 600, 0.25, True),
        (6, 280_000, 0.25, False),
        (0, 0, None, False),
    ],
)
def test_near(a: int, b: int, ratio: float | None, close: bool) -> None:
    assert near(fig(a), fig(b), ratio) is close


def test_near_needs_values() -> None:
    assert not near(fig(None), fig(700))


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("soldiers", "troops", True),  # one group of synonyms
        ("soldiers", "advisers", False),
        ("advisers", "people", True),  # a generic noun matches anything
        ("dead", "sailors", True),
        ("children", "civilians", False),
        ("sailors", "sailors", True),
    ],
)
def test_counted_compatible(a: str, b: str, same: bool) -> None:
    assert counted_compatible(fig(counted=a), fig(counted=b)) is same


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ((), ("iranian",), True),  # one side unnamed
        (("iran",), ("iranian",), True),  # a country and its adjective
        (("iranian", "government"), ("iranian",), True),
        (("iranian",), ("syrian",), False),
        (("rebel",), ("government",), False),
    ],
)
def test_sides_compatible(a: tuple[str, ...], b: tuple[str, ...], same: bool) -> None:
    fa = fig(subject=FigureSubject(sides=a, predicate="kill"))
    fb = fig(subject=FigureSubject(sides=b, predicate="kill"))
    assert sides_compatible(fa, fb) is same


def test_related_words() -> None:
    assert related("kordavia", "kordavian") and related("iran", "iranian")
    assert not related("iraq", "iran") and not related("us", "usa")


@pytest.mark.parametrize(
    ("over_a", "over_b", "same"),
    [
        ({}, {}, True),
        ({}, {"category": "wounded"}, False),  # the dead and the wounded are never one figure
        ({"places": ("syria",)}, {"places": ("iraq",)}, False),
        ({"places": ("syria",)}, {"places": ("syrian",)}, True),
        ({"places": ("syria",)}, {}, True),  # a place on one side only
        ({"subject": FigureSubject(agent="airstrike", predicate="kill")},
         {"subject": FigureSubject(agent="bomb", predicate="kill")}, False),
        ({"counted": "advisers"}, {"counted": "soldiers"}, False),
        ({"subject": FigureSubject(sides=("rebel",), predicate="kill")},
         {"subject": FigureSubject(sides=("government",), predicate="kill")}, False),
    ],
)
def test_same_subject_tolls(over_a: dict[str, Any], over_b: dict[str, Any], same: bool) -> None:
    assert same_subject(fig(**over_a), fig(**over_b)) is same


@pytest.mark.parametrize(
    ("pred_a", "pred_b", "same"),
    [
        ("march", "march", True),
        ("march", "arrest", False),  # marchers and the arrested are different crowds
        ("be", "be", False),  # a light verb says nothing about who was counted
        (None, None, False),
    ],
)
def test_same_subject_head_counts_need_one_verb(pred_a: str | None, pred_b: str | None, same: bool) -> None:
    a = fig(5000, category="people", subject=FigureSubject(predicate=pred_a))
    b = fig(5000, category="people", subject=FigureSubject(predicate=pred_b))
    assert same_subject(a, b) is same


def _near_set(figs: list[Figure], pairs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    return {(i, j) for i, j in pairs if near(figs[i], figs[j], 0.25)}


def test_near_pairs_finds_every_near_pair() -> None:
    values = [700, 693, 6, 280_000, 41, 43, 0, None, 310, 312, 281, 699, 45]
    figs = [fig(v, start=10 * n) for n, v in enumerate(values)]
    figs[4] = replace(figs[4], category="wounded")  # 41 wounded is near no toll
    every = {(i, j) for i in range(len(figs)) for j in range(i + 1, len(figs))
             if figs[i].category == figs[j].category and near(figs[i], figs[j], 0.25)}
    assert _near_set(figs, list(near_pairs(figs, 0.25))) == every
    # a bound no page of a few dozen figures reaches changes nothing
    assert _near_set(figs, list(near_pairs(figs, 0.25, rivals=16))) == every


def test_near_pairs_bounds_the_rivals_of_each_figure_on_a_long_page() -> None:
    """A live blog about one event gives the toll hundreds of times, all near each other:
    each figure is compared with its latest rivals before it, not with all of them, so the
    comparisons grow with the page and not with its square."""
    figs = [fig(300 + n % 7, start=50 * n) for n in range(400)]
    pairs = list(near_pairs(figs, 0.25, rivals=5))
    assert len(pairs) <= 5 * len(figs)
    assert len(list(near_pairs(figs, 0.25))) == 400 * 399 // 2
    # figure 200's rivals: the five just before it, and the five after it that it is one of
    partners = sorted(i if j == 200 else j for i, j in pairs if 200 in (i, j))
    assert partners == [195, 196, 197, 198, 199, 201, 202, 203, 204, 205]
    # a far value is never anyone's rival, however few figures sit in its band
    far = [*figs, fig(9_000, start=99_999)]
    assert not any(400 in p for p in _near_set(far, list(near_pairs(far, 0.25, rivals=5))))


def test_parts_and_totals() -> None:
    figs = [fig(29, counted="people"), fig(5), fig(34), fig(700)]
    assert parts_and_totals(figs) == {frozenset((0, 2)), frozenset((1, 2)), frozenset((0, 1))}
    assert parts_and_totals(figs[:2]) == set()
    # an estimate is no term of a sum
    assert parts_and_totals([fig(29), fig(5, "about"), fig(34)]) == set()


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (Source("a navy official", "official_anonymous", 0, 15), Source("the navy", "organisation", 0, 8), True),
        (Source("officials", "official_anonymous", 0, 9), Source("the regional health department", "organisation", 0, 30), True),
        (Source("the Iranian government", "organisation", 0, 22), Source("Iran", "organisation", 0, 4), True),
        (Source("the Iranian government", "organisation", 0, 22), Source("the monitor", "organisation", 0, 11), False),
        (Source("Reuters", "outlet", 0, 7), Source("a resident", "person", 0, 10), False),
        (Source(None, "unspecified", None, None), Source("officials", "official_anonymous", 0, 9), False),
        # one remit in other words: a headline's "disaster agency" is the body's authority
        (Source("disaster agency", "organisation", 0, 15), Source("the National Emergency Management Authority", "organisation", 0, 43), True),
        (Source("disaster agency", "organisation", 0, 15), Source("the health ministry", "organisation", 0, 19), False),
    ],
)
def test_sources_compatible(a: Source, b: Source, same: bool) -> None:
    assert sources_compatible(a, b) is same and sources_compatible(b, a) is same


# ------------------------------------------------------------------ bare quantities


def qty(value: float, approx: str = "exact", category: str = "killed", **over: Any) -> Quantity:
    low, high = _BOUNDS[approx](value)
    base = Quantity(
        id="q1", start=0, end=3, text=str(value), value=value, low=low, high=high,
        approx=approx, counted="people", category=category, segment="body",
    )
    return replace(base, **over)


def test_plausible_reads_open_bounds_as_a_reader_would() -> None:
    assert plausible(qty(120, "at_least")) == (120, 180)
    assert plausible(qty(30, "fewer_than")) == (20, 30)
    assert plausible(qty(12)) == (12, 12)


def test_overlaps() -> None:
    assert not overlaps(qty(700, "almost"), qty(700))
    assert overlaps(qty(700, "at_least"), qty(700))
    assert not overlaps(qty(700, "at_least"), qty(693))


@pytest.mark.parametrize(
    ("a", "b", "ok"),
    [
        (qty(5, category="killed"), qty(5, category="wounded"), False),
        (qty(120, category="personnel", counted="sailors"), qty(18, category="killed", counted="sailors"), True),
        (qty(120, category="personnel", counted="sailors"), qty(18, category="killed", counted="people"), False),
        (qty(5, category="distance", unit="km"), qty(5, category="distance", unit="mi"), False),
        (qty(5, category="distance", unit="km"), qty(7, category="distance", unit="km"), True),
        (qty(5, category="other"), qty(5, category="other"), False),
    ],
)
def test_comparable(a: Quantity, b: Quantity, ok: bool) -> None:
    assert comparable(a, b) is ok
