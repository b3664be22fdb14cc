"""The article-extraction evaluation: the metric and the gate (reading the benchmark is
tested in tests/datasets/test_scrapinghub.py).

The two fixture pages in ``tests/fixtures/extraction`` were written for these tests (one
gzipped, as the benchmark ships them). The gate reads the Zyte/Scrapinghub benchmark from
the shared data directory (``NEWSAUDIT_DATA`` overrides its location) and is skipped when
it is not there.
"""

from __future__ import annotations

import os
from fractions import Fraction
from pathlib import Path

import pytest

from newsaudit.datasets.scrapinghub import load_items
from newsaudit.evaluation.extraction import (
    data_hash,
    evaluate,
    format_table,
    main,
    page_scores,
    summarise,
    tokenize,
    tp_fp_fn,
)

FIXTURE = Path(__file__).parent / "fixtures" / "extraction"
DATA = Path(
    os.environ.get("NEWSAUDIT_DATA") or Path(__file__).resolve().parents[2] / "shared" / "data"
)
BENCH = DATA / "article-extraction-benchmark"

# --------------------------------------------------------------------------- the metric


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Troops  advanced\non the city.", ["Troops", "advanced", "on", "the", "city."]),
        ("  Prices ROSE, prices fell ", ["Prices", "ROSE,", "prices", "fell"]),
        ("", []),
        ("\n\t ", []),
    ],
)
def test_tokens_are_whitespace_split_with_case_and_punctuation_kept(text, expected):
    assert tokenize(text) == expected


@pytest.mark.parametrize(
    "true,pred,expected",
    [
        ("the flood the levee", "the levee the the", (3, 1, 1)),  # bags: "the" counted twice
        ("Police said", "police said", (1, 1, 1)),  # case matters
        ("he said.", "he said", (1, 1, 1)),  # punctuation stays on the token
        ("rain fell", "fell rain", (2, 0, 0)),  # order does not matter
        ("", "", (0, 0, 0)),
        ("quake", "", (0, 0, 1)),
    ],
)
def test_tp_fp_fn(true, pred, expected):
    assert tp_fp_fn(true, pred) == expected


@pytest.mark.parametrize(
    "counts,expected",
    [
        ((0, 0, 0), (1.0, 1.0, 1.0)),  # both empty: a perfect page
        ((0, 5, 0), (0.0, 0.0, 0.0)),
        ((0, 0, 5), (0.0, 0.0, 0.0)),
        ((3, 1, 2), (0.75, 0.6, 2 * 0.75 * 0.6 / 1.35)),
    ],
)
def test_page_scores(counts, expected):
    assert page_scores(*counts) == pytest.approx(expected)


def test_scores_are_macro_averaged_over_pages():
    # Micro-averaging would give P = 10/10, R = 10/20; upstream takes per-page means.
    s = summarise([(1, 0, 9), (9, 0, 1)], [False, False], n_bootstrap=0)
    assert s["precision"] == 1.0
    assert s["recall"] == pytest.approx((0.1 + 0.9) / 2)
    assert s["f1"] == pytest.approx((2 * 0.1 / 1.1 + 2 * 0.9 / 1.9) / 2)
    assert s["accuracy"] == 0.0


def test_bootstrap_is_seeded():
    counts = [(5, 1, 0), (3, 0, 3), (7, 2, 1)]
    a = summarise(counts, [True, False, False], n_bootstrap=200)
    b = summarise(counts, [True, False, False], n_bootstrap=200)
    assert a == b
    assert a["accuracy"] == pytest.approx(1 / 3)
    assert 0 < a["f1_std"] < 1


# --------------------------------------------------------------------------- fixture run

# Token counts, checked by hand against the fixture files:
# a: truth 116 tokens. newsaudit returns exactly the body; trafilatura's default keeps
#    the two reader comments (16 + 14 = 30 extra tokens).
# b: truth 119 tokens, 13 of them a sentence that is not on the page. newsaudit returns
#    the other 106 (including the text after each <h2>); trafilatura also returns the
#    9-token headline, two of whose tokens ("the", "meeting") are in the missing sentence:
#    TP 108, FP 7, FN 11.
EXPECTED = {
    "newsaudit": [(1, 1, 1), (1, Fraction(106, 119), Fraction(212, 225))],
    "trafilatura": [
        (Fraction(116, 146), 1, Fraction(232, 262)),
        (Fraction(108, 115), Fraction(108, 119), Fraction(216, 234)),
    ],
}


@pytest.fixture(scope="module")
def fixture_result():
    return evaluate(FIXTURE)


@pytest.mark.parametrize("system", ["newsaudit", "trafilatura"])
def test_fixture_scores_are_exact(fixture_result, system):
    s = fixture_result["systems"][system]
    pages = EXPECTED[system]
    for i, key in enumerate(("precision", "recall", "f1")):
        assert s[key] == pytest.approx(float(sum(Fraction(p[i]) for p in pages) / 2), abs=1e-12)
    assert s["accuracy"] == (0.5 if system == "newsaudit" else 0.0)
    assert s["errors"] == []
    assert s["seconds"] >= 0


def test_fixture_per_page_and_wins(fixture_result):
    assert fixture_result["pages"] == 2
    assert [r["id"] for r in fixture_result["per_page"]] == ["a-ferry-strike", "b-drought-wells"]
    assert fixture_result["per_page"][1]["newsaudit"] == round(212 / 225, 4)
    assert fixture_result["wins"] == {"newsaudit": 2, "trafilatura": 0, "ties": 0}
    assert fixture_result["data_sha256"] == data_hash(FIXTURE, load_items(FIXTURE))


def test_format_table(fixture_result):
    table = format_table(fixture_result)
    lines = table.splitlines()
    assert lines[0] == f"Article extraction benchmark: 2 pages in {FIXTURE}"
    assert lines[2].startswith("newsaudit ")
    assert f"{float(EXPECTED['newsaudit'][1][2] + 1) / 2:.3f} ± " in lines[2]
    assert lines[3].startswith("trafilatura ")
    assert lines[4] == "per page F1: newsaudit better on 2, trafilatura better on 0, equal on 0"


def test_main_prints_the_table(capsys):
    assert main([str(FIXTURE), "--limit", "1"]) == 0
    out = capsys.readouterr().out
    assert "1 pages" in out and "newsaudit" in out


# --------------------------------------------------------------------------- the gate

GATE_PAGES = 40
#: sha256 of ground-truth.json followed by the first 40 pages' .html.gz files (by id), as
#: published at scrapinghub/article-extraction-benchmark@4a3bc97.
GATE_SHA256 = "d90180890d9f47a4a5be4ad2a4f5053c0e4457e6998b94cfab8d005e2db2bfe3"
#: Measured 0.9596 (trafilatura 2.3.1, lxml 5) when the gate was set; floor = that - 0.01.
NEWSAUDIT_F1_FLOOR = 0.949
#: newsaudit's body may not trail plain trafilatura (measured 0.9392) by more than this.
MARGIN = 0.005


@pytest.fixture(scope="module")
def gate_result():
    if not (BENCH / "ground-truth.json").is_file():
        pytest.skip(f"the article-extraction benchmark is not at {BENCH} (set NEWSAUDIT_DATA)")
    items = load_items(BENCH, limit=GATE_PAGES)
    got = data_hash(BENCH, items)
    assert got == GATE_SHA256, (
        f"the benchmark data in {BENCH} changed (sha256 {got}, expected {GATE_SHA256}): "
        "the floors were measured on the published files; re-measure before moving them"
    )
    return evaluate(BENCH, limit=GATE_PAGES)


def test_gate_newsaudit_body_keeps_its_floor(gate_result):
    s = gate_result["systems"]["newsaudit"]
    assert s["errors"] == []
    assert s["f1"] >= NEWSAUDIT_F1_FLOOR, format_table(gate_result)


def test_gate_newsaudit_body_is_at_least_as_good_as_trafilatura(gate_result):
    ours = gate_result["systems"]["newsaudit"]["f1"]
    theirs = gate_result["systems"]["trafilatura"]["f1"]
    assert ours >= theirs - MARGIN, format_table(gate_result)
