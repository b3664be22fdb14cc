"""toxic_comment: exact findings on the seed, the example page and pages written for it;
patterns as tables; the shipped model's contract; a fast training gate on Davidson."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from newsaudit import audit
from newsaudit.errors import ModelError
from newsaudit.toxicity import find_patterns, load_model, read_model
from paths import CHECKS, DATA, EXAMPLE, PAGES, seed_text


def toxic(text: str) -> list[tuple[str, tuple[str, ...], str]]:
    report = audit(text, checks=["toxic_comment"])
    out = []
    for f in report.findings:
        if f.check != "toxic_comment":
            continue
        for e in f.evidence:
            assert text[e.start:e.end] == e.text
            seg = next(s for s in report.segments if s.start <= e.start < s.end)
            assert seg.kind == "comment" and e.end <= seg.end
        assert f.refs == ()
        out.append((f.severity, tuple(e.text for e in f.evidence), f.message))
    return out


def test_seed_comments(nlp) -> None:
    found = toxic(seed_text())
    assert [(sev, ev) for sev, ev, _ in found] == [
        ("warning", ("monsters", "not humans")),
        ("warning", ("\u2018refugees\u2019", "faker-frauds")),
    ]
    assert found[0][2].startswith(
        "The comment calls a group 'monsters' and says they are 'not humans' \u2014 "
        "dehumanising language (pattern: dehumanising, not_human; abuse model ")
    assert "scare quotes" in found[1][2] and "'faker-frauds'" in found[1][2]


def test_example_page(nlp) -> None:
    found = toxic(EXAMPLE.read_text(encoding="utf-8"))
    assert len(found) == 1
    sev, ev, message = found[0]
    assert (sev, ev) == ("warning", ("vermin",))
    assert message.startswith("The comment calls a group 'vermin' \u2014 dehumanising language")


def test_firing_page(nlp) -> None:
    found = toxic((CHECKS / "toxic_flood_comments.txt").read_text(encoding="utf-8"))
    assert [(sev, ev) for sev, ev, _ in found] == [
        ("warning", ("vermin",)),
        ("problem", ("should be lined up and shot", "should all be wiped out")),
        ("warning", ("stupid", "fucking")),
        ("warning", ("\u201cvictims\u201d", "Scroungers")),
    ]
    assert "calls for violence" in found[1][2]
    assert "over its" in found[2][2] and "abusive language" in found[2][2]


@pytest.mark.parametrize("name", ["toxic_polite_comments.txt"])
def test_quiet_page(nlp, name: str) -> None:
    assert toxic((CHECKS / name).read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("name", ["conflict", "disaster", "protest", "economy", "health"])
def test_clean_pages(nlp, name: str) -> None:
    assert toxic((PAGES / f"{name}.txt").read_text(encoding="utf-8")) == []


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


def test_news_comment_set() -> None:
    """The check's two parts together on the hand-labelled news comments."""
    from newsaudit.evaluation.toxicity import evaluate_comments

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
    from importlib import resources

    data = resources.files("newsaudit.data")
    shutil.copy(str(data.joinpath("toxicity.npz")), tmp_path / "toxicity.npz")
    card = json.loads(data.joinpath("toxicity.card.json").read_text(encoding="utf-8"))
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
    from newsaudit.evaluation.toxicity import score_tweets
    from newsaudit.training.toxicity import FEATURES, build, load_davidson, splits

    parts = splits(load_davidson(path))
    model = build(parts["train"][:6000], FEATURES["words12"], 2.0)
    result = score_tweets(model, parts["test"][:2000])
    assert result["abusive"]["f1"] >= 0.92
    assert result["abusive"]["average_precision"] >= 0.98
    assert result["hate_recall"] >= 0.70
