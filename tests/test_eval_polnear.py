# ruff: noqa: E501
"""The PolNeAR evaluation: matching, scoring, and the evaluation gate (reading the brat
files is tested in tests/datasets/test_polnear.py).

The fixture articles in ``tests/fixtures/polnear`` are written for these tests; the gate
reads the PolNeAR dev split from the shared data directory (``NEWSAUDIT_DATA`` overrides
its location) and is skipped when it is not there.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsaudit.datasets.polnear import Attr, load_articles
from newsaudit.evaluation.polnear import data_hash, evaluate, format_table, score_articles

FIXTURE = Path(__file__).parent / "fixtures" / "polnear"
DATA = Path(os.environ.get("NEWSAUDIT_DATA") or Path(__file__).resolve().parents[2] / "shared" / "data")
DEV = DATA / "polnear" / "dev"


def _at(text: str, s: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = text.index(s, i + 1)
    return (i, i + len(s))


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
