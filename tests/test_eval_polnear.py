# ruff: noqa: E501
"""The PolNeAR evaluation: reading brat, matching, scoring, and the evaluation gate.

The fixture articles in ``tests/fixtures/polnear`` are written for these tests; the gate
reads the PolNeAR dev split from the shared data directory (``NEWSAUDIT_DATA`` overrides
its location) and is skipped when it is not there.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsaudit.evaluation.polnear import (
    Attr,
    data_hash,
    evaluate,
    format_table,
    load_articles,
    read_ann,
    score_articles,
)

FIXTURE = Path(__file__).parent / "fixtures" / "polnear"
DATA = Path(os.environ.get("NEWSAUDIT_DATA") or Path(__file__).resolve().parents[2] / "shared" / "data")
DEV = DATA / "polnear" / "dev"


def _at(text: str, s: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = text.index(s, i + 1)
    return (i, i + len(s))


# --- reading ------------------------------------------------------------------------


def test_read_ann_roles_fragments_and_no_source() -> None:
    ann = (
        "T1\tSource 0 5\tPolice\n"
        "T2\tCue 6 10\tsaid\n"
        "T3\tContent 11 20;25 30\tsomething else\n"
        "T4\tAttribution 6 10\tsaid\n"
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
        "T5\tCue 40 52\tIt is feared\n"
        "T6\tContent 53 80\ta text that runs\non to a second line\n"
        "T7\tContent 90 95\tmore\n"
        "T8\tAttribution-no-source 40 52\tIt is feared\n"
        "E2\tAttribution-no-source:T8 Cue:T5 Content:T6 Content2:T7\n"
        "T9\tDiscard 100 120\tRead more here\n"
        "#1\tAnnotatorNotes T5\tunsure\n"
    )
    assert read_ann(ann) == (
        Attr(source=((0, 5),), cue=((6, 10),), content=((11, 20), (25, 30))),
        Attr(source=(), cue=((40, 52),), content=((53, 80), (90, 95))),
    )


def test_load_articles_uses_the_first_annotator() -> None:
    arts = load_articles(FIXTURE)
    assert [a.name for a in arts] == [
        "harbour_2016-01-04_strike-closes-port",
        "quake_2016-02-02_aftershocks-rattle-city",
    ]
    assert [p.name for p in arts[0].files] == [
        "harbour_2016-01-04_strike-closes-port.txt",
        "harbour_2016-01-04_strike-closes-port_a1b2.ann",
    ]
    assert len(arts[0].gold) == 3  # the second annotator's file (_f9e8) has four
    for art in arts:
        for g in art.gold:
            for frags in (g.source, g.cue, g.content):
                assert all(0 <= s < e <= len(art.text) for s, e in frags)
    assert len(load_articles(FIXTURE, limit=1)) == 1


def test_missing_directory_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        load_articles(tmp_path / "nope")


# --- scoring ------------------------------------------------------------------------


def test_score_hand_made_predictions() -> None:
    """Exact numbers for predictions written by hand (no parser involved).

    Gold: 5 attributions, 4 with a source. Predicted: 5, 4 with a source; the fifth
    ("Rescuers worked") overlaps no gold cue or content and stays unmatched.
    """
    a, b = load_articles(FIXTURE)
    ta, tb = a.text, b.text
    pred_a = [
        Attr(source=(_at(ta, "The union"),), cue=(_at(ta, "said"),), content=(_at(ta, "the strike would continue until wages rose"),)),
        # the speaker without her description; the two paragraphs of her quotation
        Attr(source=(_at(ta, "Maria Lopez"),), cue=(_at(ta, "said", 1),), content=(_at(ta, "We are not going back"), _at(ta, "Not for this pay"))),
        # no source; "is believed" overlaps "It is believed"; "that " is normalised away
        Attr(source=(), cue=(_at(ta, "is believed"),), content=(_at(ta, "two ships were diverted"),)),
    ]
    pred_b = [
        Attr(source=(_at(tb, "the fire service"),), cue=(_at(tb, "According to"),), content=(_at(tb, "12 buildings collapsed"),)),
        Attr(source=(_at(tb, "Rescuers"),), cue=(_at(tb, "worked"),), content=(_at(tb, "through the night"),)),
    ]
    r = score_articles([a, b], [pred_a, pred_b])
    assert r["articles"] == 2
    assert r["attributions"] == {"predicted": 5, "gold": 5, "matched": 4}
    assert r["counts"] == {
        "source": {"predicted": 4, "gold": 4, "tp_exact": 2, "tp_overlap": 3},
        "cue": {"predicted": 5, "gold": 5, "tp_exact": 3, "tp_overlap": 4},
        "content": {"predicted": 5, "gold": 5, "tp_exact": 4, "tp_overlap": 4},
    }
    s = r["scores"]
    assert s["source"]["exact"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert s["source"]["overlap"] == {"precision": 0.75, "recall": 0.75, "f1": 0.75}
    assert s["cue"]["exact"] == pytest.approx({"precision": 0.6, "recall": 0.6, "f1": 0.6})
    assert s["content"]["overlap"] == pytest.approx({"precision": 0.8, "recall": 0.8, "f1": 0.8})


def test_matching_is_one_to_one() -> None:
    """Two predictions on one gold attribution: one matches, the other is a false positive."""
    (a, _) = load_articles(FIXTURE)
    t = a.text
    union = Attr(source=(_at(t, "The union"),), cue=(_at(t, "said"),), content=(_at(t, "the strike would continue until wages rose"),))
    partial = Attr(source=(_at(t, "Dock workers"),), cue=(), content=(_at(t, "until wages rose"),))
    r = score_articles([a], [[partial, union]])
    assert r["attributions"]["matched"] == 1
    assert r["counts"]["source"] == {"predicted": 2, "gold": 2, "tp_exact": 1, "tp_overlap": 1}


def test_empty_predictions_score_zero() -> None:
    arts = load_articles(FIXTURE)
    r = score_articles(arts, [[], []])
    for role in ("source", "cue", "content"):
        for mode in ("exact", "overlap"):
            assert r["scores"][role][mode] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    with pytest.raises(ValueError):
        score_articles(arts, [[]])


def test_evaluate_fixture(nlp) -> None:
    """The whole stage on the fixture: pinned so a change in behaviour shows up here.

    Every gold attribution is found ("The mayor called the damage “severe”" through its
    predicate, though the parser loses the object); newsaudit types the passive without a
    source, and gives "Maria Lopez" without her description.
    """
    r = evaluate(FIXTURE)
    assert r["articles"] == 2
    assert r["attributions"] == {"predicted": 5, "gold": 5, "matched": 5}
    assert r["counts"] == {
        "source": {"predicted": 4, "gold": 4, "tp_exact": 3, "tp_overlap": 4},
        "cue": {"predicted": 5, "gold": 5, "tp_exact": 4, "tp_overlap": 5},
        "content": {"predicted": 5, "gold": 5, "tp_exact": 5, "tp_overlap": 5},
    }
    assert r["sha256"] == data_hash(load_articles(FIXTURE))
    table = format_table(r)
    assert "source" in table and "overlap P" in table and "5 matched" in table


# --- the evaluation gate --------------------------------------------------------------

#: Measured on the first 10 dev articles (sorted by file name) with en_core_web_sm 3.8.0
#: (newsaudit's default pipeline): overlap F1 source 0.729, content 0.766 (cue 0.757);
#: before the nominal cues, colon headlines and controlled subjects it was 0.692 / 0.724.
#: Floors are those minus 0.03, rounded down to three places.
GATE_ARTICLES = 10
GATE_SHA256 = "ac8a526cfd751ef24dbe3aff611f8875c202d3db96e186b633d5e1561c99ee25"
GATE_FLOORS = {"source": 0.699, "content": 0.736}


@pytest.mark.slow
def test_polnear_dev_gate(nlp) -> None:
    if not DEV.is_dir():
        pytest.skip(f"PolNeAR dev split not found at {DEV} (set NEWSAUDIT_DATA to the data directory)")
    r = evaluate(DEV, limit=GATE_ARTICLES)
    assert r["sha256"] == GATE_SHA256, (
        f"the PolNeAR files scored have changed (sha256 {r['sha256']}); "
        "re-measure and re-pin GATE_SHA256 and GATE_FLOORS"
    )
    for role, floor in GATE_FLOORS.items():
        got = r["scores"][role]["overlap"]["f1"]
        assert got >= floor, f"{role} overlap F1 {got:.3f} fell below its floor {floor:.3f}\n{format_table(r)}"
