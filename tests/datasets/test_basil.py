"""The BASIL reader: an article's sentences (paragraphs flattened), its bias phrases and
its event, and a broken article named by file and field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsaudit.datasets.basil import Article, Phrase, read_basil
from newsaudit.errors import InputNotFound, MalformedInput


def write(root: Path, name: str, article: dict, annotation: dict) -> None:
    (root / "articles" / "2016").mkdir(parents=True, exist_ok=True)
    (root / "annotations" / "2016").mkdir(parents=True, exist_ok=True)
    (root / "articles" / "2016" / f"{name}.json").write_text(json.dumps(article))
    (root / "annotations" / "2016" / f"{name}_ann.json").write_text(json.dumps(annotation))


ARTICLE = {"triplet-uuid": "ev1", "body-paragraphs": [
    ["The senator attacked the plan.", "She called it a disgrace."],
    ["A vote is due on Friday."],
]}
ANNOTATION = {"triplet-uuid": "ev1", "phrase-level-annotations": [
    {"bias": "lex", "txt": "disgrace", "start": 16, "end": 24, "quote": "no"},
    {"bias": "inf", "txt": "A vote is due", "start": 0, "end": 13, "quote": "no"},
]}


def test_articles_sorted_with_sentences_and_phrases(tmp_path: Path) -> None:
    write(tmp_path, "ev1_2", ARTICLE, ANNOTATION)
    write(tmp_path, "ev1_1", {**ARTICLE, "triplet-uuid": ""}, {**ANNOTATION,
                                                                "phrase-level-annotations": []})
    assert read_basil(tmp_path) == [
        Article("ev1_1_ann", "ev1", ("The senator attacked the plan.",
                                     "She called it a disgrace.", "A vote is due on Friday."), ()),
        Article("ev1_2_ann", "ev1", ("The senator attacked the plan.",
                                     "She called it a disgrace.", "A vote is due on Friday."),
                (Phrase("lex", "disgrace", 16, 24), Phrase("inf", "A vote is due", 0, 13))),
    ]


def test_annotation_without_phrases_field(tmp_path: Path) -> None:
    write(tmp_path, "ev1_1", ARTICLE, {"triplet-uuid": "ev1"})
    with pytest.raises(MalformedInput, match="phrase-level-annotations") as err:
        read_basil(tmp_path)
    assert err.value.source == str(tmp_path / "annotations" / "2016" / "ev1_1_ann.json")


def test_article_that_is_not_json(tmp_path: Path) -> None:
    write(tmp_path, "ev1_1", ARTICLE, ANNOTATION)
    (tmp_path / "articles" / "2016" / "ev1_1.json").write_text('{"body-paragraphs": [\n',
                                                               encoding="utf-8")
    with pytest.raises(MalformedInput, match="line 2: not JSON") as err:
        read_basil(tmp_path)
    assert err.value.source == str(tmp_path / "articles" / "2016" / "ev1_1.json")


def test_missing_article_and_missing_dataset(tmp_path: Path) -> None:
    with pytest.raises(InputNotFound):
        read_basil(tmp_path)
    write(tmp_path, "ev1_1", ARTICLE, ANNOTATION)
    (tmp_path / "articles" / "2016" / "ev1_1.json").unlink()
    with pytest.raises(InputNotFound) as err:
        read_basil(tmp_path)
    assert err.value.source == str(tmp_path / "articles" / "2016" / "ev1_1.json")
