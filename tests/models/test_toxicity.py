"""The toxicity model and its patterns: patterns as tables, the model's scores, both on
hand-labelled news comments, the shipped artifact, and a fast training gate on Davidson."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from newsaudit.errors import ModelError
from newsaudit.models.toxicity import find_patterns, load_model, read_model
from newsaudit.models.toxicity.runtime import SPEC
from paths import DATA


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Isis are monsters not humans.",
         [("dehumanising", "monsters"), ("not_human", "not humans")]),
        ("These people are vermin and deserve everything they get.", [("dehumanising", "vermin")]),
        ("the \u2018refugees\u2019 (faker-frauds) and all.",
         [("scare_quote", "\u2018refugees\u2019"), ("insult", "faker-frauds")]),
        ("They are animals who should be shot",
         [("dehumanising", "animals"), ("violence", "should be shot")]),
        ("They should all be wiped out.", [("violence", "should all be wiped out")]),
        ("Deport them all now", [("expulsion", "Deport them all")]),
        ("Kill them all", [("violence", "Kill them all")]),
        ("They are not people, they are beasts",
         [("not_human", "not people"), ("dehumanising", "beasts")]),
        # threats at one person, insults at the reader answered
        ("Someone should put a bullet in him and be done.",
         [("violence", "put a bullet in him")]),
        ("Somebody needs to string up her for this.", [("violence", "Somebody needs to string up her")]),
        ("@ken_w you are a spineless little worm, go away.", [("personal", "worm")]),
        ("You are an idiot.", [("personal", "idiot")]),
        ("They say you are a pig farmer from the valley.", []),
        ("Someone should shoot him a message about the meeting.", []),
        ("The police put a bullet in the tyre to stop the van.", []),
        ("Good article, but I would like to know where the figure of 120 comes from.", []),
        ("This is terrible reporting and the editor should be ashamed", []),
        ("Thank you for the detailed reporting", []),
        ("The storm is a monster storm.", []),
        ("He is an animal lover.", []),
        ("The bins are full of vermin.", []),
        ("It was not human error.", []),
        ("Many refugees are children.", []),
        ("These are not people who care", []),
    ],
)
def test_patterns(text: str, expected: list[tuple[str, str]]) -> None:
    hits = find_patterns(text)
    assert [(h.kind, h.text) for h in hits] == expected
    assert all(text[h.start:h.end] == h.text for h in hits)


@pytest.mark.parametrize(
    ("text", "toxic_"),
    [
        ("Shut up you stupid fucking idiot.", True),
        ("The minister is a lying bitch and everyone knows it.", True),
        ("This is terrible reporting and the editor should be ashamed.", False),
        ("Thank you for the detailed reporting, it is hard to find elsewhere.", False),
        ("Good article, but I would like to know where the figure of 120 comes from.", False),
    ],
)
def test_model_scores(text: str, toxic_: bool) -> None:
    model = load_model()
    assert (model.score([text])[0] >= model.threshold) is toxic_


def test_a_comment_without_words_scores_the_bias_alone() -> None:
    """A batch may end in a comment with no features (it used to fail in numpy's reduceat)."""
    import math

    model = load_model()
    alone = model.score(["Shut up you stupid fucking idiot."])[0]
    scores = model.score(["Shut up you stupid fucking idiot.", "", "@someone"])
    assert scores[0] == alone
    assert scores[1] == scores[2] == pytest.approx(1 / (1 + math.exp(-model.intercept)))


def test_news_comment_set() -> None:
    """The check's two parts together on the hand-labelled news comments."""
    from newsaudit.models.toxicity.scoring import evaluate_comments

    result = evaluate_comments(load_model())
    assert result["comments"] == 40
    assert result["combined"]["precision"] == 1.0
    assert result["combined"]["recall"] >= 0.93


def test_card_records_scores() -> None:
    card = load_model().card
    assert card["scores_test"]["abusive"]["f1"] >= 0.9
    assert "split" in card and card["seed"] == 13


def test_missing_and_corrupt_artifact(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="missing"):
        read_model(tmp_path)
    data = SPEC.packaged()
    shutil.copy(str(data.joinpath("toxicity.npz")), tmp_path / "toxicity.npz")
    card = json.loads(data.joinpath("toxicity.card.json").read_text(encoding="utf-8"))
    card["vectoriser"]["featuriser"] = "sklearn-hashing"
    (tmp_path / "toxicity.card.json").write_text(json.dumps(card), encoding="utf-8")
    with pytest.raises(ModelError, match="format 'sklearn-hashing'.*newsaudit train toxicity"):
        read_model(tmp_path)
    card["vectoriser"]["featuriser"] = SPEC.formats["vectoriser.featuriser"]
    card["vectoriser"]["n_features"] = 12
    (tmp_path / "toxicity.card.json").write_text(json.dumps(card), encoding="utf-8")
    with pytest.raises(ModelError, match="weights"):
        read_model(tmp_path)
    (tmp_path / "toxicity.npz").write_bytes(b"not an npz")
    with pytest.raises(ModelError):
        read_model(tmp_path)


DAVIDSON_SHA256 = "fcb8bc7c68120ae4af04a5b9acd58585513ede11e1548ebf36a5c2040b6f6281"


def test_training_gate() -> None:
    """Train on 6,000 training tweets, score 2,000 test tweets: floors from a measured run
    (F1 0.948, AP 0.994, hate recall 0.81) minus a margin."""
    path = DATA / "davidson-hate-offensive" / "labeled_data.csv"
    if not path.exists():
        pytest.skip(f"Davidson data not found at {path} (set NEWSAUDIT_DATA)")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert digest == DAVIDSON_SHA256, (
        f"{path} changed (sha256 {digest}); re-measure the floors of this gate and retrain")
    from newsaudit.models.toxicity.scoring import score_tweets
    from newsaudit.models.toxicity.train import FEATURES, build, load_tweets, splits

    parts = splits(load_tweets(path))
    model = build(parts["train"][:6000], FEATURES["words12"], 2.0)
    result = score_tweets(model, parts["test"][:2000])
    assert result["abusive"]["f1"] >= 0.92
    assert result["abusive"]["average_precision"] >= 0.98
    assert result["hate_recall"] >= 0.70


def test_comment_threshold_and_evidence_words() -> None:
    """On comments the model is held to a stricter threshold than on tweets, and the words
    it names as evidence are never function words, however much the tweets weigh them."""
    model = load_model()
    assert model.threshold < model.comment_threshold < 0.95
    assert model.card["runtime"]["comment_threshold"] == model.comment_threshold
    text = "Who let him write this? What a damn mess of an article."
    words = [w for _, _, w in model.top_words(text)]
    assert words == ["damn"]
    assert model.score(["The White House should answer this."])[0] < model.comment_threshold
