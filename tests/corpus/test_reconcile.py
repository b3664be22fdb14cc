"""Reconciling an event's figures: the contract's rules 2-4, on rows built by hand."""

from __future__ import annotations

import pytest

from newsaudit.corpus.events.figures import EventFigure, voice_keys
from newsaudit.corpus.events.reconcile import Row, cannot_both_hold, reconcile, same_body


def fig(value, *, low=None, high=None, approx="exact", source=None, kind="organisation",
        category="killed", changing=False, order=0, text=None):
    low = value if low is None and approx == "exact" else low
    high = value if high is None and approx == "exact" else high
    keys = voice_keys(source)
    rank = 2 if source is None else (1 if kind == "official_anonymous" or not keys else 0)
    return EventFigure(
        figure=f"g{order + 1}", quantity=f"q{order + 1}", category=category,
        text=text or str(value), segment="body", start=0, end=1,
        value=None if value is None else float(value),
        low=None if low is None else float(low), high=None if high is None else float(high),
        approx=approx, vague=approx == "vague" or value is None, changing=changing,
        voice="attributed" if source else "outlet", source_text=source,
        source_type=kind if source else None, via=(), rank=rank, keys=keys, attribution=None,
        order=order,
    )


def row(n, f, *, outlet, published, independent=True, page=None):
    return Row(id=f"r{n}", page=page or f"p-{outlet}-{published}", input=f"in-{n}",
               outlet=outlet, published=published, order=(1, f.order), figure=f,
               independent=independent, origin=outlet)


def test_the_seed_question():
    """13 from Fars via an unnamed official, 'at least 700' in a page's own voice, Reuters'
    'dozens': the anonymous official outranks the page's own voice, the vague count
    widens nothing below 13, and 13 and 700 cannot both hold."""
    rows = [
        row(1, fig(13, source="a Revolutionary Guards official", kind="official_anonymous"),
            outlet="Fars", published="2016-05-07T09:10:00Z"),
        row(2, fig(700, low=700, high=None, approx="at_least", text="at least 700"),
            outlet="Iran Focus", published="2016-05-08T10:00:00Z"),
        row(3, fig(None, low=24, high=99, approx="vague", text="dozens"),
            outlet="Reuters", published="2016-05-07T12:00:00Z"),
    ]
    [(cat, r)] = reconcile(rows).items()
    assert cat == "killed"
    assert (r.low, r.best, r.high) == (13, 13, 700)
    assert r.disputed and not r.rising
    assert r.sources == 3
    assert "anonymous" in r.why and "Disputed" in r.why


def test_copies_are_shown_but_not_counted():
    rows = [
        row(1, fig(31, source="the Syrian Civil Defence"), outlet="Levant Wire",
            published="2025-09-14T14:00:00Z", page="orig"),
        row(2, fig(31, source="the Syrian Civil Defence"), outlet="Orient Gazette",
            published="2025-09-14T16:00:00Z", independent=False, page="copy"),
        row(3, fig(27, source="the Syrian Observatory for Human Rights"), outlet="Levant Wire",
            published="2025-09-14T14:00:00Z", page="orig"),
    ]
    r = reconcile(rows)["killed"]
    assert r.sources == 2
    assert (r.low, r.high) == (27, 31)
    assert "re-published" in r.why
    assert rows[1].superseded_by is None  # a copy is not a later figure of its source


def test_a_later_figure_of_the_same_source_supersedes_and_is_rising_not_disputed():
    rows = [
        row(1, fig(12, low=12, high=None, approx="at_least",
                   source="the provincial governor's office"),
            outlet="Great Lakes Wire", published="2025-05-11T16:00:00Z"),
        row(2, fig(34, source="the provincial governor's office", changing=True),
            outlet="Continental Post", published="2025-05-12T09:00:00Z"),
        row(3, fig(48, source="provincial governor Jean-Claude Mbala"),
            outlet="Radio Lakeshore", published="2025-05-13T07:00:00Z"),
        row(4, fig(30, low=30, high=None, approx="at_least"),
            outlet="Lake Region Times", published="2025-05-12T15:00:00Z"),
    ]
    r = reconcile(rows)["killed"]
    assert (r.low, r.best, r.high) == (30, 48, 48)
    assert r.rising and not r.disputed
    assert rows[0].superseded_by == "r3" and rows[1].superseded_by == "r3"
    assert rows[2].superseded_by is None
    assert r.sources == 2


def test_best_prefers_agreement_of_named_sources():
    rows = [
        row(1, fig(9, source="police"), outlet="A", published="2025-06-24T09:00:00Z"),
        row(2, fig(9, source="Nairobi traffic commander Joseph Kamau", kind="person"),
            outlet="B", published="2025-06-24T10:00:00Z"),
        row(3, fig(11, source="the Kenya Red Cross"), outlet="C",
            published="2025-06-24T12:00:00Z"),
        row(4, fig(40), outlet="D", published="2025-06-24T13:00:00Z"),
    ]
    r = reconcile(rows)["killed"]
    assert (r.low, r.best, r.high) == (9, 9, 40)
    assert r.disputed
    assert "2 independent named sources agree" in r.why


def test_named_outranks_anonymous_outranks_own_voice():
    rows = [
        row(1, fig(20), outlet="A", published="2025-01-01"),
        row(2, fig(12, source="a health official who asked not to be named",
                   kind="official_anonymous"), outlet="B", published="2025-01-01"),
    ]
    assert reconcile(rows)["killed"].best == 12
    rows.append(row(3, fig(25, source="the Syrian Civil Defence"), outlet="C",
                    published="2025-01-01"))
    assert reconcile(rows)["killed"].best == 25


def test_a_later_rise_reported_as_a_change_is_not_a_dispute():
    rows = [
        row(1, fig(12, source="police"), outlet="A", published="2025-01-01T10:00:00Z"),
        row(2, fig(40, changing=True), outlet="B", published="2025-01-03T10:00:00Z"),
    ]
    assert not reconcile(rows)["killed"].disputed
    rows[1].figure = fig(40)
    assert reconcile(rows)["killed"].disputed


def test_categories_are_reconciled_apart():
    rows = [
        row(1, fig(7, source="the Department of Disaster Management Affairs"),
            outlet="A", published="2025-02-15"),
        row(2, fig(12000, source="the Department of Disaster Management Affairs",
                   category="displaced"), outlet="A", published="2025-02-15"),
        row(3, fig(15000, low=13500, high=16500, approx="about", category="displaced",
                   source="The United Nations Office for the Coordination of Humanitarian "
                          "Affairs"), outlet="B", published="2025-02-17"),
    ]
    out = reconcile(rows)
    assert (out["killed"].low, out["killed"].high) == (7, 7)
    assert (out["displaced"].low, out["displaced"].high) == (12000, 16500)
    assert out["displaced"].sources == 2 and out["displaced"].disputed


@pytest.mark.parametrize("a, b, same", [
    ("the Syrian Observatory for Human Rights", "the Observatory", True),
    ("police", "police in northern Malawi", True),
    ("the Kenya Red Cross", "the Kenya National Commission on Human Rights", False),
    ("the Syrian Civil Defence", "the Syrian Observatory for Human Rights", False),
    ("the Department of Disaster Management Affairs",
     "the UN Office for the Coordination of Humanitarian Affairs", False),
    ("the state news agency SANA", "the Fars news agency", False),
])
def test_which_sources_are_one_body(a, b, same):
    assert same_body(voice_keys(a), voice_keys(b)) is same


@pytest.mark.parametrize("a, b, clash", [
    (fig(13), fig(None, low=24, high=99, approx="vague"), True),
    (fig(30, low=30, high=None, approx="at_least"), fig(48), False),
    (fig(700, low=700, high=None, approx="at_least"), fig(693), True),
    (fig(213, low=213, high=None, approx="more_than"), fig(213), True),
    (fig(300, low=270, high=330, approx="about"), fig(320), False),
])
def test_which_figures_cannot_both_hold(a, b, clash):
    assert cannot_both_hold(a, b) is clash
