"""The figures stage: what each toll and head count of the article is about, when, and
on whose word, as plain records on the report.

Example pages are written for these tests; the seed page is read from ``../shared/seed``
and never copied.
"""

from __future__ import annotations

import json

import pytest

from newsaudit.model import Figure, FigureSubject, Report
from paths import seed_text
from stages import build


def _figures(nlp, text: str) -> tuple[Report, dict[str, Figure]]:
    report, _ = build(nlp, text)
    return report, {f.text: f for f in report.figures}


def _source(report: Report, f: Figure) -> str | None:
    by_id = {a.id: a for a in report.attributions}
    return by_id[f.source].source.text if f.source is not None else None


# ------------------------------------------------------------------ the seed page


@pytest.fixture(scope="module")
def seed(nlp) -> tuple[Report, dict[str, Figure]]:
    return _figures(nlp, seed_text())


def test_seed_figures_in_order(seed) -> None:
    report, _ = seed
    assert [(f.id, f.quantity, f.words, f.category) for f in report.figures] == [
        ("g1", "q1", "at least 700", "killed"),
        ("g2", "q2", "several", "killed"),
        ("g3", "q3", "13", "killed"),
        ("g4", "q4", "21", "wounded"),
        ("g5", "q6", "dozens", "killed"),
        ("g6", "q7", "almost 700", "killed"),
        ("g7", "q8", "About 2,000", "personnel"),
        ("g8", "q10", "at least 3,000", "personnel"),
        ("g9", "q11", "13", "killed"),
        ("g10", "q12", "693", "killed"),
    ]


def test_seed_lead_figure_is_the_governments_vouched_word(seed) -> None:
    report, figs = seed
    lead = figs["at least 700 dead"]
    assert (lead.voice, _source(report, lead), lead.factive) == ("attributed", "The Iranian government", True)
    assert (lead.low, lead.low_strict, lead.high, lead.scope) == (700, False, None, None)
    assert lead.subject.sides == ("iranian",)


def test_seed_advisers_are_the_guards_officials_figure(seed) -> None:
    report, figs = seed
    advisers = figs["13 military advisers"]
    assert _source(report, advisers) == "a Revolutionary Guards official"
    att = next(a for a in report.attributions if a.id == advisers.source)
    assert [v.text for v in att.via] == ["The Fars news agency"]
    assert (advisers.counted, advisers.value, advisers.scope) == ("advisers", 13, None)
    assert advisers.dates == ("may 6", "may 7")
    wounded = figs["21 wounded"]
    assert (wounded.source, wounded.counted, wounded.scope, wounded.dates) == (advisers.source, "advisers", "event", ("may 6",))


def test_seed_page_tallies_in_its_own_voice(seed) -> None:
    _, figs = seed
    battle, total, almost = figs["13 deaths"], figs["693"], figs["almost 700 Iranian soldiers"]
    assert (battle.voice, battle.scope) == ("outlet", "event")
    assert (total.voice, total.scope, total.counted, total.subject.label) == ("outlet", "running_total", "dead", "Iranian")
    assert (almost.voice, almost.scope, almost.high, almost.high_strict) == ("outlet", "running_total", 700, True)
    assert almost.places == ("syria",)


def test_seed_vague_and_changing(seed) -> None:
    _, figs = seed
    several = figs["several of its soldiers"]
    assert several.vague and (several.low, several.high) == (3, 9)
    assert several.changing and several.scope == "running_total"
    # "its soldiers" on the Iranian government's word: the speaker's side
    assert several.subject.sides == ("iranian",)
    assert not figs["693"].vague


# ------------------------------------------------------------------ what the stage reads


PAGE = (
    "Fighting in the north\n\n"
    "The army lost 250 fighters in the battle for the town.\n\n"
    "Officials said 30 Iranian soldiers were killed in Syria on May 6.\n\n"
    "Police said 5,000 people marched through London on Saturday.\n\n"
    "An airstrike killed more than 40 civilians, the monitor said.\n\n"
    "In total, 213 soldiers have been killed so far, officials said.\n\n"
    "The death toll rose to 312 by Tuesday, up from 281 on Monday.\n\n"
    "Seven attackers, three soldiers and two civilians were killed in the raid on Sunday.\n\n"
    "The rebel Front quoted a field commander as saying 15 of its fighters had died.\n\n"
    "The ministry has confirmed that 40 people were killed.\n\n"
    "The storm cost the city $2 million.\n"
)


@pytest.fixture(scope="module")
def page(nlp) -> tuple[Report, dict[str, Figure]]:
    return _figures(nlp, PAGE)


def test_only_tolls_and_head_counts_become_figures(page) -> None:
    report, figs = page
    assert "$2 million" in {q.text for q in report.quantities}
    assert "$2 million" not in figs
    assert [f.id for f in report.figures] == [f"g{n}" for n in range(1, len(report.figures) + 1)]


def test_figures_slice_back_and_point_at_their_quantity(page) -> None:
    report, _ = page
    text = report.document.text
    quantities = {q.id: q for q in report.quantities}
    for f in report.figures:
        q = quantities[f.quantity]
        assert (f.start, f.end, f.text, f.segment) == (q.start, q.end, q.text, q.segment)
        assert text[f.start : f.end] == f.text and f.text.startswith(f.words)
        assert f.sentence_start <= f.start < f.end <= f.sentence_end


@pytest.mark.parametrize(
    ("text", "category", "counted", "subject", "places", "dates", "scope"),
    [
        ("250 fighters", "killed", "fighters", FigureSubject((), None, "army", "lose"), (), (), "event"),
        ("30 Iranian soldiers", "killed", "soldiers", FigureSubject(("iranian",), "Iranian", None, "kill"), ("syria",), ("may 6",), "event"),
        ("5,000 people", "people", "people", FigureSubject((), None, None, "march"), ("london",), ("saturday",), "event"),
        ("more than 40 civilians", "killed", "civilians", FigureSubject((), None, "airstrike", "kill"), (), (), "event"),
        ("213 soldiers", "killed", "soldiers", FigureSubject((), None, None, "kill"), (), (), "running_total"),
        ("15 of its fighters", "killed", "fighters", FigureSubject(("front", "rebel"), None, None, "die"), (), (), None),
    ],
)
def test_what_when_and_whose(page, text, category, counted, subject, places, dates, scope) -> None:
    _, figs = page
    f = figs[text]
    assert (f.category, f.counted, f.subject, f.places, f.dates, f.scope) == (category, counted, subject, places, dates, scope)


def test_bounds_and_their_strictness(page) -> None:
    _, figs = page
    more = figs["more than 40 civilians"]
    assert (more.words, more.value, more.approx, more.low, more.low_strict, more.high, more.high_strict) == (
        "more than 40", 40, "more_than", 40, True, None, False
    )


def test_moving_toll(page) -> None:
    _, figs = page
    assert figs["312"].changing and figs["281"].changing
    assert not figs["213 soldiers"].changing


def test_breakdown_items_are_parts(page) -> None:
    report, _ = page
    parts = [f.text for f in report.figures if f.part]
    assert parts == ["Seven attackers", "three soldiers", "two civilians"]


def test_voice_source_and_vouching(page) -> None:
    report, figs = page
    assert (figs["250 fighters"].voice, figs["250 fighters"].source) == ("outlet", None)
    confirmed = figs["40 people"]
    assert (confirmed.voice, _source(report, confirmed), confirmed.factive) == ("attributed", "The ministry", True)
    said = figs["30 Iranian soldiers"]
    assert (_source(report, said), said.factive) == ("Officials", False)


def test_captions_are_not_the_articles_figures(nlp) -> None:
    report, _ = build(nlp, "Flood\n\nRescuers said 12 people died.\n\nPhoto: 9 dead after the flood.\n")
    captions = [q.text for q in report.quantities if q.segment == "caption"]
    assert captions == ["9 dead"]
    assert [f.text for f in report.figures] == ["12 people"]


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("Officials said more than 213 soldiers have been killed in total.", "running_total"),
        ("Officials said 40 soldiers have been killed in the ambush so far.", "running_total"),
        ("Medics said 90 people have been treated to date after the explosion.", "running_total"),
        ("Rescuers said 64 people have died in the floods in all.", "running_total"),
        ("The army said 12 soldiers were killed in Sunday's ambush.", "event"),
        ("The army said more than 30 soldiers were killed in the ambush.", "event"),
        ("Medics said five more people died in the explosion.", "event"),
    ],
)
def test_scope_cues(nlp, text, scope) -> None:
    report, _ = build(nlp, text)
    assert [f.scope for f in report.figures] == [scope]


# ------------------------------------------------------------------ the JSON report


def test_report_json_carries_figures_that_read_back(page) -> None:
    report, _ = page
    d = json.loads(report.to_json())
    assert list(d)[8:] == ["figures", "notices"]  # added keys; the contract's keys come first
    assert [g["id"] for g in d["figures"]] == [f.id for f in report.figures]
    assert tuple(Figure.from_dict(g) for g in d["figures"]) == report.figures
    first = d["figures"][0]
    assert first["subject"] == {"sides": [], "label": None, "agent": "army", "predicate": "lose"}
    assert (first["scope"], first["voice"], first["source"]) == ("event", "outlet", None)


def test_two_sources_putting_a_toll_at_different_figures_each_keep_their_own(nlp) -> None:
    """"The ministry puts the number of dead at 40, while activists say 55": each figure
    is on its own source's word (the 40 once went to the activists, whose clause was the
    only attribution the sentence had)."""
    report, figs = _figures(nlp, "Clashes in the capital\n\nThe health ministry puts the "
                            "number of dead at 40, while activists say 55 were killed.\n")
    assert _source(report, figs["40"]) == "The health ministry"
    assert _source(report, figs["55"]) == "activists"


def test_a_toll_raised_by_its_source_moves_and_has_no_agent(nlp) -> None:
    """"The service has raised the death toll to 32 from 27": both numbers are counts of a
    moving toll, and the service that raised it did not kill anyone; one the service read
    ("after confirming five deaths") keeps its sentence's frame, not the content's."""
    _, figs = _figures(nlp, "Storm toll rises\n\nThe emergency service has raised the death "
                            "toll to 32 from 27, after confirming five deaths on the "
                            "islands.\n")
    assert figs["32"].changing and figs["27"].changing
    assert figs["32"].subject.agent is None and figs["27"].subject.agent is None
    assert not figs["five deaths"].changing


def test_a_figure_in_an_as_clause_is_the_pages_own(nlp) -> None:
    """"Rescuers say about 300 are stranded as the death toll rises to 18": the toll is the
    page's account of the moment, not what the rescuers are reported to say (a red-team
    live blog drew a false headline credit from it)."""
    report, figs = _figures(nlp, "Floods live: rescuers say about 300 still stranded as death "
                                 "toll rises to 18\n\nThe regional governor's office has "
                                 "updated the death toll to 18.\n")
    assert [f.source for f in report.figures if f.text == "18"] == [None, None]
    assert any(a.source.text == "rescuers" for a in report.attributions)


def test_a_figure_in_a_clause_of_its_own_after_the_sources_is_the_pages_own(nlp) -> None:
    """"The Labour Inspectorate puts the toll at 21, and the 1987 mine fire killed 64": the
    inspectorate gives the 21; the 64 is the page's own comparison, in a clause with a
    subject of its own (a red-team Q&A page drew a false "same figure, two sources")."""
    report, _ = _figures(nlp, "Blast toll\n\nShort answer: No. The Labour Inspectorate puts "
                              "the toll at 21, and the 1987 Harnet mine fire killed 64.\n")
    atts = {a.id: a.source.text for a in report.attributions}
    assert {f.text: atts.get(f.source or "") for f in report.figures} == {
        "21": "The Labour Inspectorate", "64": None}


def test_an_age_is_no_date_of_the_figure(nlp) -> None:
    """"A man in his sixties" says how old he was, not when: the toll is Tuesday's."""
    from newsaudit.auditor import Auditor

    report = Auditor().audit("Flood toll rises\n\nTwo people died on Tuesday, one of them a man "
                             "in his sixties, police said.\n")
    (f,) = report.figures
    assert (f.text, f.dates) == ("Two people", ("tuesday",))
