"""loaded_language: exact findings on the seed, the example page and pages written for it;
the own-voice rules; the shipped model's contract; a fast training gate."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from newsaudit import audit
from newsaudit.errors import ModelError
from newsaudit.loaded import group_spans, load_model, read_model, stem, tokenize
from paths import CHECKS, DATA, EXAMPLE, PAGES, seed_text


def loaded(text: str) -> list[tuple[str, tuple[str, ...], str]]:
    report = audit(text, checks=["loaded_language"])
    out = []
    for f in report.findings:
        if f.check != "loaded_language":
            continue
        for e in f.evidence:
            assert text[e.start:e.end] == e.text
            seg = next(s for s in report.segments if s.start <= e.start < s.end)
            assert seg.kind in {"headline", "standfirst", "body"}
        out.append((f.severity, tuple(e.text for e in f.evidence), f.message))
    return out


def test_seed_western_propaganda(nlp) -> None:
    found = loaded(seed_text())
    assert [(sev, ev) for sev, ev, _ in found] == [("warning", ("propaganda",))]
    assert found[0][2] == (
        "The page uses loaded wording in its own voice ('propaganda'): 'propaganda' labels "
        "the other side's account rather than describing it.")


def test_example_page(nlp) -> None:
    found = loaded(EXAMPLE.read_text(encoding="utf-8"))
    # 'lies' scores 0.69: reported, but under the 0.75 warning line
    assert [(sev, ev) for sev, ev, _ in found] == [("info", ("lies",))]
    assert "'lies' labels the other side's account" in found[0][2]


def test_own_voice_page(nlp) -> None:
    """Loaded words in the page's voice fire; the same kind of words in a quotation, in
    attributed speech or in a reader comment do not."""
    found = loaded((CHECKS / "loaded_own_voice.txt").read_text(encoding="utf-8"))
    assert [(sev, ev) for sev, ev, _ in found] == [
        ("info", ("Thugs",)),  # title case makes it PROPN; the lexicon says it is a label
        ("warning", ("shameless", "brutality")),
    ]
    assert found[1][2] == (
        "The page uses loaded wording in its own voice ('shameless', 'brutality'): 'shameless' "
        "states a motive or feeling the page does not show; 'brutality' labels rather than "
        "describes.")


@pytest.mark.parametrize("name", ["loaded_neutral_newswire.txt"])
def test_neutral_newswire(nlp, name: str) -> None:
    assert loaded((CHECKS / name).read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("name", ["conflict", "disaster", "protest", "economy", "health"])
def test_clean_pages(nlp, name: str) -> None:
    found = loaded((PAGES / f"{name}.txt").read_text(encoding="utf-8"))
    assert [f for f in found if f[0] != "info"] == []
    assert len(found) <= 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("so-called ‘rebels’ US-backed",
         [(0, 9, "so-called"), (11, 17, "rebels"), (19, 28, "US-backed")]),
        ("lyin’ Ted, 13 killed", [(0, 4, "lyin"), (6, 9, "Ted"), (14, 20, "killed")]),
    ],
)
def test_tokenize(text: str, expected: list[tuple[int, int, str]]) -> None:
    assert tokenize(text) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("smeared", "smear"), ("smearing", "smear"), ("aggressively", "aggressive"),
     ("lies", "lie"), ("red", "red"), ("savages", "savag")],
)
def test_stem(word: str, expected: str) -> None:
    assert stem(word) == expected


def test_group_spans_joins_adjacent_words_only() -> None:
    text = "Western propaganda, lies"
    toks = tokenize(text)
    spans = group_spans(text, toks, [0.9, 0.8, 0.7], 0.5)
    assert [(s.start, s.end, s.text) for s in spans] == [(0, 18, "Western propaganda"),
                                                          (20, 24, "lies")]
    assert group_spans(text, toks, [0.1, 0.8, 0.1], 0.5)[0].text == "propaganda"


def test_card_records_scores() -> None:
    card = load_model().card
    for ds in ("babe", "basil", "ptc"):
        assert card["scores_test"][ds]["word"]["f1"] > 0.05
    assert card["seed"] == 13 and "split" in card


def test_missing_and_corrupt_artifact(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="missing"):
        read_model(tmp_path)
    from importlib import resources

    data = resources.files("newsaudit.data")
    shutil.copy(str(data.joinpath("loaded.npz")), tmp_path / "loaded.npz")
    card = json.loads(data.joinpath("loaded.card.json").read_text(encoding="utf-8"))
    card["token_featuriser"]["lexicon"] = "0" * 16
    (tmp_path / "loaded.card.json").write_text(json.dumps(card), encoding="utf-8")
    with pytest.raises(ModelError, match="lexicon"):
        read_model(tmp_path)
    (tmp_path / "loaded.npz").write_bytes(b"not an npz")
    with pytest.raises(ModelError):
        read_model(tmp_path)


SHA256 = {
    "babe/final_labels_SG2.csv": "c02ebe82a8411f15e9dc63afed27826d61b84df56b5e1511f0f40bf8a688aeaf",
    "babe/final_labels_SG1.csv": "aa9c30d3a2ce8836552564424229df182f73ff10fcbe1572a663154f0ace18e8",
    "semeval2020-task11-ptc/train-task2-TC.labels":
        "aee64bf6c7da1da08bd5f9f88f65377a29325740515a97b8e447ae196263c896",
    "semeval2020-task11-ptc/dev-gold/dev-task-TC.labels":
        "bfd7758e9d4471d07f7745a9f80e7f04ec4f654fc61e8e6d550e123e71593926",
}


def test_training_gate() -> None:
    """Fit on the BABE training topics plus the first 120 PTC training articles, score the
    first 25 PTC dev articles: floors from a measured run minus a margin."""
    if not (DATA / "babe").exists() or not (DATA / "semeval2020-task11-ptc").exists():
        pytest.skip(f"BABE/PTC data not found under {DATA} (set NEWSAUDIT_DATA)")
    for name, want in SHA256.items():
        got = hashlib.sha256((DATA / name).read_bytes()).hexdigest()
        assert got == want, f"{name} changed (sha256 {got}); re-measure this gate's floors"
    from newsaudit.evaluation.loaded import evaluate_model
    from newsaudit.training.loaded import (
        Recipe,
        babe_topic_splits,
        build_model,
        load_babe,
        ptc_sentences,
        read_tc_labels,
    )

    ptc = DATA / "semeval2020-task11-ptc"

    def ptc_part(articles: Path, labels: Path, files: slice) -> list:
        by = read_tc_labels(labels)
        out = []
        for f in sorted(articles.glob("article*.txt"))[files]:
            art = f.stem.removeprefix("article")
            out.extend(ptc_sentences(art, f.read_text(encoding="utf-8"), by.get(art, [])))
        return out

    babe = load_babe(DATA)
    topics = babe_topic_splits(babe)
    train = [s for s in babe if topics[s.group] == "train"] + \
        ptc_part(ptc / "train-articles", ptc / "train-task2-TC.labels", slice(0, 120))
    dev = ptc_part(ptc / "dev-articles", ptc / "dev-gold" / "dev-task-TC.labels", slice(0, 25))
    model = build_model(train, Recipe(C=0.25, pos_weight=5.0, gate_weight=0.35, threshold=0.3))
    result = evaluate_model(model, dev)
    assert result["ptc"]["word"]["f1"] >= GATE_FLOOR_WORD
    assert result["ptc"]["span"]["f1"] >= GATE_FLOOR_SPAN


# measured 2026-11-26 (lexicon featuriser v2): word F1 0.148, span F1 0.152, 12.6 s CPU
GATE_FLOOR_WORD = 0.11
GATE_FLOOR_SPAN = 0.11
