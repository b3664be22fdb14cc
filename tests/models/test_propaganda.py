"""Propaganda detector: the SemEval-2020 Task 11 metrics, the tokeniser, the shipped
artifact, and a fast training gate on a slice of the PTC corpus (reading the corpus is
tested in tests/datasets/test_ptc.py)."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from newsaudit.datasets.ptc import Label
from newsaudit.errors import ModelError
from newsaudit.models.propaganda import TECHNIQUES, TechniqueSpan, detect, load_model, read_model
from newsaudit.models.propaganda.evaluate import format_table
from newsaudit.models.propaganda.features import count_capped, tokenize
from newsaudit.models.propaganda.runtime import ARTIFACT, CARD, SPEC
from newsaudit.models.propaganda.scoring import merge_overlapping, si_score, tc_score
from paths import DATA

PTC = DATA / "semeval2020-task11-ptc"
PINNED = {
    "train-task1-SI.labels": "8733b0876c2dc51e16e892d5eb1c7479424d217d1cdf0504a4075d3a1ce7eef6",
    "train-task2-TC.labels": "aee64bf6c7da1da08bd5f9f88f65377a29325740515a97b8e447ae196263c896",
}


# --- the official SI metric ---------------------------------------------------------


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        # half of each span overlaps: partial credit both ways
        ([(0, 10)], [(5, 15)], (0.5, 0.5, 0.5)),
        # overlapping predictions are merged before scoring
        ([(0, 6)], [(0, 4), (2, 6)], (1.0, 1.0, 1.0)),
        # touching predictions are not merged (no shared character); each is fully right
        ([(0, 6)], [(0, 3), (3, 6)], (1.0, 1.0, 1.0)),
        # one long prediction over two short gold spans: recall full, precision 4/10
        ([(0, 2), (8, 10)], [(0, 10)], (0.4, 1.0, 2 * 0.4 / 1.4)),
        # a miss: nothing overlaps
        ([(0, 5)], [(10, 20)], (0.0, 0.0, 0.0)),
        # no gold and no predictions: the scorer's perfect score
        ([], [], (0.0, 0.0, 1.0)),
        # gold but no predictions
        ([(0, 5)], [], (0.0, 0.0, 0.0)),
    ],
)
def test_si_score(
    gold: list[tuple[int, int]], pred: list[tuple[int, int]], expected: tuple[float, float, float]
) -> None:
    got = si_score({"1": gold}, {"1": pred})
    assert (got["precision"], got["recall"], got["f1"]) == pytest.approx(expected)


def test_si_score_counts_predictions_in_articles_without_gold() -> None:
    got = si_score({"1": [(0, 4)], "2": []}, {"1": [(0, 4)], "2": [(0, 4)]})
    assert (got["precision"], got["recall"]) == pytest.approx((0.5, 1.0))


@pytest.mark.parametrize(
    ("spans", "merged"),
    [
        ([(5, 9), (0, 6)], [(0, 9)]),
        ([(0, 3), (3, 6)], [(0, 3), (3, 6)]),
        ([(0, 10), (2, 4), (9, 12)], [(0, 12)]),
        ([(4, 4)], []),
    ],
)
def test_merge_overlapping(spans: list[tuple[int, int]], merged: list[tuple[int, int]]) -> None:
    assert merge_overlapping(spans) == merged


def test_tc_score_matches_repeated_spans_as_a_multiset() -> None:
    gold = [Label("1", "Doubt", 0, 5), Label("1", "Slogans", 0, 5), Label("1", "Repetition", 9, 12)]
    pred = [Label("1", "Slogans", 0, 5), Label("1", "Doubt", 0, 5), Label("1", "Doubt", 9, 12)]
    got = tc_score(gold, pred)
    assert got["micro_f1"] == pytest.approx(2 / 3)
    assert got["per_technique"]["Slogans"]["f1"] == pytest.approx(1.0)
    assert got["per_technique"]["Doubt"]["precision"] == pytest.approx(0.5)
    assert got["per_technique"]["Repetition"]["recall"] == 0.0
    assert "TC  micro-F1 0.6667" in format_table(
        {"articles": 1, "gold_spans": 3, "gold_trimmed": 0, "tc": got}
    )


# --- tokeniser and detector ------------------------------------------------------------


def test_tokenize_offsets_and_sentences() -> None:
    text = "Protesters marched. Police said it was calm!\nThe “rebels” left."
    toks = tokenize(text)
    words = [text[s:e] for s, e in zip(toks.starts.tolist(), toks.ends.tolist(), strict=True)]
    assert words == [
        "Protesters",
        "marched",
        ".",
        "Police",
        "said",
        "it",
        "was",
        "calm",
        "!",
        "The",
        "“",
        "rebels",
        "”",
        "left",
        ".",
    ]
    assert [toks.sent_bounds[s] for s in sorted(set(toks.sent.tolist()))] == [
        (0, 3),
        (3, 9),
        (9, 15),
    ]
    assert toks.in_quote.tolist()[11] and not toks.in_quote.tolist()[13]
    assert toks.first_line.tolist() == [True] * 9 + [False] * 6


def test_token_features_bag_of_words_per_sentence() -> None:
    """Each sentence's bag-of-words columns are its distinct words, once each, in the
    order of their hashes (issue 10 computes them for all sentences in one sort)."""
    from newsaudit.models.propaganda.features import T_SENT, _mix, _wh, token_features

    text = "The war, the war and the war.\nWar again!\n\nNo war here, said the minister."
    toks = tokenize(text)
    _, sidx, sptr = token_features(toks, 2**18)
    assert len(sptr) == len(toks.sent_bounds) + 1 == 4
    for k, (a, b) in enumerate(toks.sent_bounds):
        distinct = np.unique([_wh(w) for w in toks.words[a:b]])
        assert np.array_equal(sidx[sptr[k] : sptr[k + 1]], _mix(distinct, T_SENT, 2**18))
    assert list(np.diff(sptr)) == [5, 3, 8]  # "the war , and ." / "war again !" / ...


def test_count_capped_is_str_count_on_long_texts() -> None:
    """The Repetition cue counts a span's recurrences through a trigram index on long
    pages (a scan per span was quadratic); it must give what ``str.count`` gives,
    overlaps ("aaa" in "aaaaa"), words inside words ("war" in "software"), curly marks
    and characters beyond the BMP included."""
    words = ["the", "war", "software", "ministry", "said", "aaaaa", "“rebels”", "\U0001f600x"]
    gen = np.random.default_rng(7)
    text = " ".join(gen.choice(words, size=8_000).tolist()) + " warlords in kyiv"
    assert len(text) > 20_000  # long enough to go through the index
    frags = ["aaa", "aa", "war", "war ", "the war", "“rebels” said", "\U0001f600x the",
             "kyiv", "warlords in kyiv", "absent", "ministry said the"]
    frags += [text[i : i + n] for i in range(0, 40_000, 997) for n in (3, 9, 25)]
    for frag in frags:
        for cap in (1, 5, 10**6):
            assert count_capped(text, frag, cap) == min(text.count(frag), cap), (frag, cap)


TEXTS = [
    "The regime's puppets in parliament voted again to betray the nation, a shameful day.",
    "Floodwaters rose overnight in the river valley, and 1,200 residents were moved to shelters.",
    "",
    "   \n\n ",
]


@pytest.mark.parametrize("text", TEXTS)
def test_detect_spans_slice_back(text: str) -> None:
    spans = detect(text)
    assert spans == sorted(spans)
    for sp in spans:
        assert isinstance(sp, TechniqueSpan)
        assert 0 <= sp.start < sp.end <= len(text)
        assert "\n" not in text[sp.start : sp.end]
        assert text[sp.start].isalnum() and text[sp.end - 1].isalnum()
        assert sp.technique in TECHNIQUES
        assert 0.0 <= sp.score <= 1.0


def test_phrase_spans_score_each_phrase_as_the_two_models_do() -> None:
    """phrase_spans hashes each phrase's features once for both models (issue 10): what it
    gives must be what phrase_probs and classify give for the same phrases."""
    from dataclasses import replace

    from newsaudit.models.propaganda.runtime import PHRASE_TECHNIQUES

    text = TEXTS[0] + "\nThe corrupt elite and its lapdog media cheered the traitors."
    toks = tokenize(text)
    phrases = [(m, m + len(w)) for w in ("regime's puppets", "a shameful day", "corrupt elite",
                                          "lapdog media", "the traitors", "parliament")
               for m in [text.index(w)]]
    model = replace(load_model(), phrase_threshold=0.0)  # every phrase kept: all compared
    got = model.phrase_spans(text, toks, phrases)
    assert [(sp.start, sp.end) for sp in got] == sorted(phrases)
    p_ph = model.phrase_probs(text, sorted(phrases), toks)
    probs = model.classify(text, sorted(phrases), toks)
    cols = [i for i, t in enumerate(model.techniques) if t in PHRASE_TECHNIQUES]
    for sp, p, tp in zip(got, p_ph, probs, strict=True):
        k = int(tp[cols].argmax())
        assert sp.technique == model.techniques[cols[k]]
        assert sp.score == float(p * tp[cols][k] / tp[cols].sum())
    # and classify reads the same tokens whether it is given them or not
    assert np.array_equal(probs, model.classify(text, sorted(phrases)))


def test_card_records_scores_and_decoding() -> None:
    card = load_model().card
    assert card["techniques"] == list(TECHNIQUES)
    assert set(card["decoding"]) == {"low", "high", "gap", "min_chars"}
    dev = card["scores"]["dev"]
    assert dev["si"]["f1"] > 0.3 and dev["tc_micro_f1"] > 0.5
    assert card["seed"] == 13 and card["date"]


def test_missing_or_corrupt_artifact_raises_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="missing"):
        read_model(tmp_path)
    src = Path(str(SPEC.packaged()))
    shutil.copy(src / CARD, tmp_path / CARD)
    (tmp_path / ARTIFACT).write_bytes(b"not an npz")
    with pytest.raises(ModelError, match="cannot be read"):
        read_model(tmp_path)
    card = json.loads((src / CARD).read_text(encoding="utf-8"))
    card["n_si"] = 7
    (tmp_path / CARD).write_text(json.dumps(card), encoding="utf-8")
    shutil.copy(src / ARTIFACT, tmp_path / ARTIFACT)
    with pytest.raises(ModelError, match="do not match"):
        read_model(tmp_path)
    card["featuriser"] = "newsaudit-ptc-v0"
    (tmp_path / CARD).write_text(json.dumps(card), encoding="utf-8")
    with pytest.raises(ModelError, match="format 'newsaudit-ptc-v0'.*newsaudit train propaganda"):
        read_model(tmp_path)


# --- training gate ---------------------------------------------------------------------


def _require_data() -> None:
    if not PTC.is_dir():
        pytest.skip(f"PTC corpus not found at {PTC} (set NEWSAUDIT_DATA)")
    for name, digest in PINNED.items():
        got = hashlib.sha256((PTC / name).read_bytes()).hexdigest()
        assert got == digest, (
            f"{PTC / name} changed (sha256 {got}); the gate's floors were measured on the "
            "pinned file: re-measure them and update PINNED"
        )


def test_training_gate() -> None:
    """Fit both models on 90 training articles, score 40 others with the task's metrics.

    Measured (sklearn 1.9.1, numpy 2.4.6; ~9 s): SI F1 0.303, TC micro-F1 0.395 (512 gold
    spans); the floors leave a margin for library-version drift.
    """
    _require_data()
    from newsaudit.models.propaganda import train as T
    from newsaudit.models.propaganda.scoring import predict_spans, predict_techniques

    arts, tc, si = T.load_split(PTC, "train")
    ids = sorted(arts)
    fit_ids, test_ids = ids[:90], ids[-40:]
    gold = T.spans_by_article(ids, si)
    X, y = T.si_matrix([arts[a] for a in fit_ids], [gold[a] for a in fit_ids])
    w_si = T.fit_si(X, y, 0.1)
    tc_fit = [x for x in tc if x.article in set(fit_ids)]
    w_tc = T.fit_tc(T.tc_matrix(arts, tc_fit), tc_fit, 10.0)
    model = T.make_model(w_si, w_tc, {"low": 0.16, "high": 0.24, "gap": 6, "min_chars": 8})
    test_arts = {a: arts[a] for a in test_ids}
    si_f1 = si_score({a: gold[a] for a in test_ids}, predict_spans(model, test_arts))["f1"]
    tc_test = [x for x in tc if x.article in set(test_ids)]
    tc_f1 = tc_score(tc_test, predict_techniques(model, test_arts, tc_test))["micro_f1"]
    assert si_f1 >= 0.27, si_f1
    assert tc_f1 >= 0.36, tc_f1
    assert np.isfinite(w_si[0]).all()
