"""Stance model: the FNC-1 scorer, the shipped artifact, and a small train-and-score gate."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from newsaudit.datasets.fnc1 import STANCES
from newsaudit.errors import ModelError
from newsaudit.models.stance import (
    LABELS,
    StanceModel,
    load_model,
    predict_many,
    predict_stance,
    read_model,
)
from newsaudit.models.stance.runtime import ARTIFACT, CARD, PARAMS, SPEC
from newsaudit.models.stance.scoring import fnc_score, report
from paths import DATA, assert_data_pinned

FNC1 = DATA / "fnc1"
SHIPPED = Path(str(SPEC.packaged()))

# --- scorer -----------------------------------------------------------------------------------

GOLD = ["unrelated", "unrelated", "agree", "disagree", "discuss", "agree"]
PRED = ["unrelated", "discuss", "agree", "agree", "unrelated", "discuss"]
# 0.25 (unrelated right) + 0 + 1.0 (agree exact) + 0.25 (related, wrong label) + 0 + 0.25
# out of 0.25 + 0.25 + 1 + 1 + 1 + 1.


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        (GOLD, PRED, (1.75, 4.5)),
        (GOLD, GOLD, (4.5, 4.5)),
        (GOLD, ["unrelated"] * 6, (0.5, 4.5)),
        (["agree", "disagree", "discuss"], ["discuss", "agree", "disagree"], (0.75, 3.0)),
        (["unrelated"], ["agree"], (0.0, 0.25)),
        ([], [], (0.0, 0.0)),
    ],
)
def test_fnc_score(gold: list[str], pred: list[str], expected: tuple[float, float]) -> None:
    assert fnc_score(gold, pred) == expected


def test_fnc_score_rejects_ragged_input() -> None:
    with pytest.raises(ValueError):
        fnc_score(["agree"], [])


def test_report() -> None:
    out = report(GOLD, PRED)
    assert out["confusion"]["rows_gold_cols_pred"] == [
        [1, 0, 1, 0], [1, 0, 0, 0], [0, 0, 0, 1], [0, 0, 1, 1]
    ]
    assert out["f1"] == {"agree": 0.5, "disagree": 0.0, "discuss": 0.0, "unrelated": 0.5}
    assert out["fnc_percent"] == 38.89
    assert out["macro_f1"] == 0.25
    assert out["accuracy"] == 0.3333
    json.dumps(out)


# --- shipped model ----------------------------------------------------------------------------

FLOOD_BODY = (
    "Heavy rain pushed the river over its banks in the city of Dresden on Tuesday, flooding "
    "hundreds of homes in the old town. Emergency services evacuated about 2,000 residents "
    "overnight, and officials said water levels were expected to keep rising until Thursday.\n"
    "The mayor said the flood was the worst the city had seen in a decade and asked people to "
    "stay away from the embankments. Schools in three districts will stay closed this week."
)
RELATED = [
    "Thousands evacuated as river floods homes in Dresden",
    "Dresden flooding forces 2,000 residents from their homes",
]
UNRELATED = [
    "Striker completes record transfer to Spanish football club",
    "Central bank raises interest rates to curb inflation",
]


@pytest.mark.parametrize("headline", UNRELATED)
def test_unrelated_headline(headline: str) -> None:
    assert predict_stance(headline, FLOOD_BODY).label == "unrelated"


@pytest.mark.parametrize("headline", RELATED)
def test_paraphrased_headline_is_related(headline: str) -> None:
    pred = predict_stance(headline, FLOOD_BODY)
    assert pred.label in {"agree", "disagree", "discuss"}
    assert pred.probs["unrelated"] < 0.5


def test_probs_and_batch_agree_with_single() -> None:
    pairs = [(h, FLOOD_BODY) for h in RELATED + UNRELATED] + [("", ""), ("Flood", "")]
    many = predict_many(pairs)
    for (headline, body), pred in zip(pairs, many, strict=True):
        assert tuple(pred.probs) == LABELS
        assert sum(pred.probs.values()) == pytest.approx(1.0, abs=1e-5)
        assert pred.label == max(pred.probs, key=pred.probs.__getitem__)
        single = predict_stance(headline, body)
        assert single.label == pred.label
        assert single.probs == pytest.approx(pred.probs, abs=1e-5)


def test_model_labels_are_the_datasets() -> None:
    assert LABELS == STANCES == tuple(load_model().labels)


def test_card_matches_artifact() -> None:
    card = json.loads((SHIPPED / CARD).read_text("utf-8"))
    assert card["featuriser"] == SPEC.formats["featuriser"]
    assert card["holdout_scores"]["fnc_percent"] >= 85.0
    assert card["split"]["rule"].startswith("by Body ID")


# --- artifact errors --------------------------------------------------------------------------


def test_missing_artifact_raises_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="missing.*newsaudit train stance"):
        read_model(tmp_path)


def test_corrupt_artifact_raises_model_error(tmp_path: Path) -> None:
    shutil.copy(SHIPPED / PARAMS, tmp_path / PARAMS)
    (tmp_path / ARTIFACT).write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ModelError, match="cannot be read"):
        read_model(tmp_path)


def test_wrong_featuriser_raises_model_error(tmp_path: Path) -> None:
    (tmp_path / PARAMS).write_text(json.dumps({"featuriser": "something-else"}))
    np.savez(tmp_path / ARTIFACT, W1=np.zeros((2, 2), np.float32))
    with pytest.raises(ModelError, match="format 'something-else'") as err:
        read_model(tmp_path)
    assert err.value.source == str(tmp_path / PARAMS)


def test_artifact_lacking_an_array_raises_model_error(tmp_path: Path) -> None:
    shutil.copy(SHIPPED / PARAMS, tmp_path / PARAMS)
    np.savez(tmp_path / ARTIFACT, W1=np.zeros((2, 2), np.float32))
    with pytest.raises(ModelError, match="corrupt"):
        read_model(tmp_path)


def test_mismatched_shapes_raise_model_error() -> None:
    real = load_model()
    arrays = dict(real.arrays, mu=np.zeros(3, np.float32))
    with pytest.raises(ModelError):
        StanceModel(real.params, arrays)


# --- evaluation gate --------------------------------------------------------------------------

# The shipped recipe shrunk to run in ~10 s of CPU (20 epochs, 2,000-word vocabulary), trained
# on 300 bodies and scored on 100 others (Body IDs shuffled with seed 7; ~9,100 / ~3,000
# pairs). Measured 2025-11-26: FNC 88.13 %, macro-F1 0.685 (the full recipe on the same split:
# 87.51 / 0.672). Floors sit ~4 points / ~0.085 below, for BLAS and platform differences.
GATE_RECIPE = {"epochs": 20, "vocab_size": 2000}
GATE_FNC_FLOOR = 84.0
GATE_MACRO_FLOOR = 0.60


@pytest.mark.slow
@pytest.mark.skipif(
    not FNC1.is_dir(), reason=f"FNC-1 data not found at {FNC1} (set NEWSAUDIT_DATA)"
)
def test_gate_train_small_score_disjoint() -> None:
    from newsaudit.datasets.fnc1 import read_fnc
    from newsaudit.models.stance.train import RECIPE, fit

    assert_data_pinned(
        [FNC1 / "train_stances.csv", FNC1 / "train_bodies.csv"],
        "6b024badfd3cab6019699e4abe32217a47c738fa62340cdbb7df47e418100911",
        "stance gate",
    )
    pairs = read_fnc(FNC1 / "train_stances.csv", FNC1 / "train_bodies.csv")
    ids = sorted({p.body_id for p in pairs})
    np.random.RandomState(7).shuffle(ids)
    train_ids, test_ids = set(ids[:300]), set(ids[300:400])
    train = [p for p in pairs if p.body_id in train_ids]
    test = [p for p in pairs if p.body_id in test_ids]
    model = fit(train, dataclasses.replace(RECIPE, **GATE_RECIPE), seed=13)
    pred = [p.label for p in model.predict([(p.headline, p.body) for p in test])]
    out = report([p.stance for p in test], pred)
    assert out["fnc_percent"] >= GATE_FNC_FLOOR, out
    assert out["macro_f1"] >= GATE_MACRO_FLOOR, out
