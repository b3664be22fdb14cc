"""Which figures of a page count for its event (rule 1), read from a stored report."""

from __future__ import annotations

import pytest

from newsaudit.corpus.events.figures import page_figures


def report(sentences, *, figures, attributions=()):
    """A report whose text is the sentences, one paragraph each; each figure is
    (sentence index, figure words, fields)."""
    text = "\n\n".join(s for s, _ in sentences)
    segments, pos = [], 0
    for s, kind in sentences:
        segments.append({"kind": kind, "start": pos, "end": pos + len(s), "text": s})
        pos += len(s) + 2
    figs = []
    for n, (i, words, extra) in enumerate(figures, 1):
        seg = segments[i]
        start = seg["start"] + seg["text"].index(words)
        figs.append({
            "id": f"g{n}", "quantity": f"q{n}", "start": start, "end": start + len(words),
            "text": words, "segment": seg["kind"], "sentence_start": seg["start"],
            "sentence_end": seg["end"], "category": "killed", "counted": "people",
            "subject": {"sides": [], "label": None, "agent": None, "predicate": "kill"},
            "places": [], "dates": [], "changing": False, "scope": None, "part": False,
            "source": None, "voice": "outlet", "factive": False, "value": 10, "approx": "exact",
            "low": 10, "high": 10, **extra,
        })
    return {"document": {"text": text}, "segments": segments, "figures": figs,
            "attributions": list(attributions)}


def kept_and_reasons(rep, day="2025-03-04"):
    kept, out = page_figures(rep, day=day)
    return [f.text for f in kept], {e.text: e.reason for e in out}


def test_captions_comments_and_related_links_are_left_out():
    rep = report([("A bomb killed 10 people in the market on Tuesday.", "body"),
                  ("Smoke rises where 200 stalls stood.", "caption"),
                  ("My cousin says 50 died.", "comment"),
                  ("Nine killed in bus station bombing", "related")],
                 figures=[(0, "10 people", {}), (1, "200 stalls", {"value": 200}),
                          (2, "50", {"value": 50}), (3, "Nine", {"value": 9})])
    kept, why = kept_and_reasons(rep)
    assert kept == ["10 people"]
    assert why == {"200 stalls": "in a caption, not the article",
                   "50": "in a comment, not the article",
                   "Nine": "in a related, not the article"}


def test_running_totals_of_a_war_go_but_a_total_since_the_event_stays():
    rep = report([
        ("More than 600 people have been killed in bombings since 2019.", "body"),
        ("Rescuers have recovered 48 bodies since Sunday's sinking, the governor said.", "body"),
        ("Road crashes kill thousands of people every year.", "body"),
    ], figures=[
        (0, "More than 600 people", {"scope": "running_total", "dates": ["2019"]}),
        (1, "48 bodies", {"scope": "running_total", "dates": ["sunday"], "counted": "bodies"}),
        (2, "thousands of people", {"approx": "vague", "dates": ["every year"]}),
    ])
    kept, why = kept_and_reasons(rep, day="2025-05-13")
    assert kept == ["48 bodies"]
    assert why["More than 600 people"] == "a running total, not this event's toll"
    assert why["thousands of people"].startswith("about another time")


def test_an_earlier_incident_in_the_same_text_is_not_this_event():
    rep = report([("In January, a bombing at a bus station killed nine people.", "body"),
                  ("Last month, shelling of a clinic killed four people.", "body")],
                 figures=[(0, "nine people", {"dates": ["january"], "scope": "event"}),
                          (1, "four people", {"dates": ["last month"]})])
    kept, why = kept_and_reasons(rep, day="2025-03-05")
    assert kept == []
    assert why == {"nine people": "about another time (january)",
                   "four people": "about another time (last month)"}


@pytest.mark.parametrize("sentence, words, reason", [
    ("Several of the wounded died overnight.", "Several of the wounded",
     "a share of another count"),
    ("Patients and two nurses were among the dead.", "two nurses", "a share of another count"),
    ("Rescuers found four more bodies on Monday.", "four more bodies", "an increment, not a toll"),
])
def test_shares_and_increments_are_not_tolls(sentence, words, reason):
    rep = report([(sentence, "body")], figures=[(0, words, {})])
    assert kept_and_reasons(rep)[1] == {words: reason}


def test_a_headline_repeating_the_body_is_the_body_figure():
    rep = report([("Car bomb kills 17 in market", "headline"),
                  ("A car bomb killed 17 people, the Syrian Observatory for Human Rights said.",
                   "body")],
                 figures=[(0, "17", {"value": 17, "low": 17, "high": 17}),
                          (1, "17 people", {"value": 17, "low": 17, "high": 17})])
    kept, _ = page_figures(rep, day=None)
    assert [f.text for f in kept] == ["17 people"]
    assert kept[0].source_text == "the Syrian Observatory for Human Rights"
    assert kept[0].rank == 0 and kept[0].voice == "attributed"


def test_categories_from_the_verb_what_is_counted_and_the_words_around():
    rep = report([
        ("Police said they arrested 120 people on Tuesday.", "body"),
        ("Floods forced 12,000 from their homes.", "body"),
        ("The number of people it treated for injuries had risen to 52.", "body"),
        ("The boat carried more than 200 passengers.", "body"),
    ], figures=[
        (0, "120 people", {"category": "people", "subject": {"predicate": "arrest"}}),
        (1, "12,000", {"category": "people", "counted": None,
                       "subject": {"predicate": "force"}}),
        (2, "52", {"category": "people", "subject": {"predicate": "rise"}}),
        (3, "more than 200 passengers", {"category": "people", "counted": "passengers",
                                         "subject": {"predicate": "carry"}}),
    ])
    kept, _ = page_figures(rep, day=None)
    assert {f.text: f.category for f in kept} == {
        "120 people": "arrested", "12,000": "displaced", "52": "wounded"}


def test_a_definite_unnamed_body_is_the_one_named_before_it():
    atts = [
        {"id": "a1", "kind": "reported_speech", "via": [],
         "source": {"text": "the provincial governor's office", "type": "organisation",
                    "start": 0, "end": 0}},
        {"id": "a2", "kind": "reported_speech", "via": [],
         "source": {"text": "the office", "type": "organisation", "start": 0, "end": 0}},
    ]
    rep = report([("At least 12 people died, the provincial governor's office said.", "body"),
                  ("Dozens were missing, the office said.", "body")],
                 figures=[(0, "At least 12 people", {"source": "a1", "voice": "attributed"}),
                          (1, "Dozens", {"source": "a2", "voice": "attributed",
                                         "category": "people", "counted": "missing",
                                         "approx": "vague", "low": 24, "high": 99})],
                 attributions=atts)
    kept, _ = page_figures(rep, day=None)
    assert [f.keys for f in kept] == [("provincial",), ("provincial",)]
    assert [f.rank for f in kept] == [0, 0]
