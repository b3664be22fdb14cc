"""Check-worthiness: the shipped model's behaviour, its artifact, scoring files in the official
formats, and a training gate."""

from __future__ import annotations

import csv
import json
import math
import shutil
from pathlib import Path

import numpy as np
import pytest

from newsaudit.errors import MalformedInput, ModelError
from newsaudit.models._text_features import featurise
from newsaudit.models.checkworthy import load_model, read_model, score_sentences
from newsaudit.models.checkworthy.evaluate import evaluate_shipped
from newsaudit.models.checkworthy.features import default_features
from newsaudit.models.checkworthy.runtime import ARTIFACT, CARD, SPEC
from paths import DATA, assert_data_pinned

CLAIMBUSTER = DATA / "claimbuster" / "kfold_25ncs.csv"
needs_data = pytest.mark.skipif(
    not CLAIMBUSTER.is_file(),
    reason=f"ClaimBuster data not found at {CLAIMBUSTER} (set NEWSAUDIT_DATA to shared/data)",
)
PACKAGE_DATA = Path(str(SPEC.packaged()))

CHECKABLE = [
    "Unemployment rose to 7.4 percent in March, the highest since 2009.",
    "At least 40 people were killed in the blast.",
    "The government spent $3.2 billion on flood defences last year.",
    "Inflation fell to 2.1% in June, down from 3.4% a year earlier.",
    "More than 12,000 people have been displaced by the fighting since January.",
    "The hospital treated 310 patients for smoke inhalation over the weekend.",
    "Crime in the city has doubled over the past five years.",
    "The measles vaccine has cut child deaths by 80 percent worldwide since 2000.",
    "Police arrested 57 protesters outside parliament on Tuesday.",
    "The company laid off 1,200 workers, a third of its workforce.",
]
NON_CLAIMS = [
    "Thank you all for coming tonight.",
    "What a wonderful evening.",
    "I am glad to be here.",
    "Good morning, everyone.",
    "Let me ask you a question.",
    "We will see what happens.",
    "I hope you have a great weekend.",
    "Please take your seats.",
    "That's a very good point, thank you.",
    "I want to thank my family.",
]


# --- the shipped scorer -------------------------------------------------------------------


@pytest.mark.parametrize("text", CHECKABLE)
def test_checkable_sentences_score_high(text: str) -> None:
    assert score_sentences([text])[0] >= 0.5


@pytest.mark.parametrize("text", NON_CLAIMS)
def test_non_claims_score_low(text: str) -> None:
    assert score_sentences([text])[0] <= 0.2


def test_every_checkable_outranks_every_non_claim() -> None:
    scores = score_sentences(CHECKABLE + NON_CLAIMS)
    assert min(scores[: len(CHECKABLE)]) > max(scores[len(CHECKABLE) :])


def test_scores_are_probabilities_in_input_order() -> None:
    texts = ["", "   ", "?", NON_CLAIMS[0], CHECKABLE[0], "\u00e9t\u00e9 \u2019 \u201c"]
    scores = score_sentences(texts)
    assert len(scores) == len(texts)
    assert all(isinstance(s, float) and 0.0 <= s <= 1.0 for s in scores)
    assert score_sentences([]) == []
    # Batching must not change a sentence's score.
    assert score_sentences([CHECKABLE[0]])[0] == pytest.approx(scores[4], abs=1e-12)


def test_featuriser_is_stateless_and_l2_normalised() -> None:
    params = default_features()
    a = featurise(["Prices rose 5% in May.", "Hello."], params)
    b = featurise(["Prices rose 5% in May.", "Hello."], params)
    for x, y in zip(a, b, strict=True):
        np.testing.assert_array_equal(x, y)
    indices, indptr, data = a
    assert indptr.tolist()[0] == 0 and len(indptr) == 3
    assert all(0 <= i < params.n_features for i in indices)
    for row in range(2):
        norm = math.sqrt(float(np.sum(data[indptr[row] : indptr[row + 1]] ** 2)))
        assert norm == pytest.approx(1.0)


def test_number_shapes_let_unseen_figures_share_weights() -> None:
    params = default_features()
    one = featurise(["Rents rose 4.5 percent in 2019."], params)[0]
    other = featurise(["Rents rose 7.9 percent in 2021."], params)[0]
    assert sorted(one.tolist()) == sorted(other.tolist())


# --- the artifact and its card ------------------------------------------------------------


def test_artifact_loads_and_card_records_its_provenance() -> None:
    model = load_model()
    card = model.card
    assert model.coef.dtype == np.float32
    assert model.coef.shape == (model.params.n_features,)
    assert card["vectoriser"]["alternate_sign"] is False
    for key in ("training_data", "split", "scores", "sklearn_version", "date", "seed"):
        assert key in card, key
    assert card["scores"]["claimbuster_cv"]["f1"] > 0.75
    assert card["scores"]["clef_loo"]["map"] > 0.17
    assert (PACKAGE_DATA / ARTIFACT).stat().st_size < 5 * 2**20


@needs_data
def test_card_data_files_exist() -> None:
    for entry in load_model().card["training_data"]:
        assert (DATA / entry["name"]).exists(), entry["name"]


def test_missing_artifact_raises_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="missing"):
        read_model(tmp_path)


def test_corrupt_artifact_raises_model_error(tmp_path: Path) -> None:
    shutil.copy(PACKAGE_DATA / CARD, tmp_path / CARD)
    (tmp_path / ARTIFACT).write_bytes(b"not a zip file")
    with pytest.raises(ModelError, match="cannot be read"):
        read_model(tmp_path)


def test_artifact_of_the_wrong_shape_raises_model_error(tmp_path: Path) -> None:
    shutil.copy(PACKAGE_DATA / CARD, tmp_path / CARD)
    np.savez(tmp_path / ARTIFACT, coef=np.zeros(10, np.float32), intercept=np.zeros(1))
    with pytest.raises(ModelError, match="10 weights"):
        read_model(tmp_path)


def test_card_with_another_featuriser_raises_model_error(tmp_path: Path) -> None:
    card = json.loads((PACKAGE_DATA / CARD).read_text(encoding="utf-8"))
    card["vectoriser"]["featuriser"] = "sklearn-hashing"
    (tmp_path / CARD).write_text(json.dumps(card), encoding="utf-8")
    shutil.copy(PACKAGE_DATA / ARTIFACT, tmp_path / ARTIFACT)
    with pytest.raises(ModelError, match="format 'sklearn-hashing'.*newsaudit train checkworthy"):
        read_model(tmp_path)


def test_card_without_its_parameters_is_corrupt(tmp_path: Path) -> None:
    card = json.loads((PACKAGE_DATA / CARD).read_text(encoding="utf-8"))
    del card["vectoriser"]["n_features"]
    (tmp_path / CARD).write_text(json.dumps(card), encoding="utf-8")
    shutil.copy(PACKAGE_DATA / ARTIFACT, tmp_path / ARTIFACT)
    with pytest.raises(ModelError, match="corrupt: KeyError"):
        read_model(tmp_path)


# --- evaluation of the shipped model on files in the official formats ---------------------


def test_evaluate_shipped_on_a_clef_format_transcript(tmp_path: Path) -> None:
    lines = [(t, 1) for t in CHECKABLE[:3]] + [(t, 0) for t in NON_CLAIMS[:5]]
    body = "".join(f"{i}\tSPEAKER\t{t}\t{y}\n" for i, (t, y) in enumerate(lines, 1))
    (tmp_path / "debate.tsv").write_text(body, encoding="utf-8")
    result = evaluate_shipped(tmp_path / "debate.tsv")
    assert result["format"] == "clef2019-task1"
    assert result["map"] == 1.0 and result["per_debate_ap"] == {"debate": 1.0}


def test_evaluate_shipped_on_a_claimbuster_format_file(tmp_path: Path) -> None:
    rows = [(t, 1) for t in CHECKABLE] + [(t, 0) for t in NON_CLAIMS]
    body = "sentence_id,screening,label,text\n" + "".join(
        f'{i},-3,{y},"{t}"\n' for i, (t, y) in enumerate(rows)
    )
    (tmp_path / "cb.csv").write_text(body, encoding="utf-8")
    result = evaluate_shipped(tmp_path / "cb.csv")
    assert result["format"] == "claimbuster"
    assert (result["precision"], result["recall"], result["f1"]) == (1.0, 1.0, 1.0)


def test_leave_one_debate_out_needs_the_recipes_training_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The shipped recipe fits on ClaimBuster only: without it, say which file is missing."""
    from newsaudit.errors import InputNotFound
    from newsaudit.models.checkworthy.evaluate import evaluate

    (tmp_path / "debate.tsv").write_text(f"1\tHOST\t{CHECKABLE[0]}\t1\n", encoding="utf-8")
    monkeypatch.setenv("NEWSAUDIT_DATA", str(tmp_path / "data"))
    with pytest.raises(InputNotFound) as err:
        evaluate(tmp_path, cv=True)
    assert err.value.source == str(tmp_path / "data" / "claimbuster" / "kfold_25ncs.csv")


def test_evaluate_shipped_rejects_unknown_formats(tmp_path: Path) -> None:
    with pytest.raises(MalformedInput):
        evaluate_shipped(tmp_path / "x.json")


# --- training gate ------------------------------------------------------------------------


@needs_data
def test_training_recipe_gate_on_a_claimbuster_subset() -> None:
    """5-fold CV on a stratified 2,000-row subset; measured F1 0.7305 at seed 13 (0.733-0.734
    at seeds 1 and 2), so a floor of 0.70 catches a broken recipe without flaking."""
    pytest.importorskip("sklearn", reason="training needs scikit-learn")
    from newsaudit.models.checkworthy.train import cross_validate

    assert_data_pinned(
        [CLAIMBUSTER],
        "f9f33fb7cca78594b6a8d0d72dd6f1e79292b5f8964a6fc3551a11f079cb3834",
        "check-worthiness gate",
    )
    result = cross_validate(CLAIMBUSTER, limit=2000, seed=13)
    assert result["rows"] == 2000
    assert result["f1"] >= 0.70, result


@needs_data
def test_train_writes_a_loadable_artifact(tmp_path: Path) -> None:
    """``train`` end to end on a small CSV of ClaimBuster rows (CLEF skipped): card + weights."""
    pytest.importorskip("sklearn", reason="training needs scikit-learn")
    from newsaudit.models.checkworthy.train import train

    with CLAIMBUSTER.open(encoding="utf-8", newline="") as fh:
        header, *body = list(csv.reader(fh))
    rows = [header] + body[::8]  # the file is sorted by label: sample across it
    small = tmp_path / "claimbuster" / "subset.csv"
    small.parent.mkdir()
    with small.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    scores = train(small, None, tmp_path / "out", seed=13)
    model = read_model(tmp_path / "out")
    assert model.card["scores"] == scores
    assert "clef_loo" not in scores and scores["claimbuster_cv"]["rows"] == len(rows) - 1
    assert all(0.0 <= s <= 1.0 for s in model.score(CHECKABLE))
