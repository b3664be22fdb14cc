"""``newsaudit eval anatomy --split dev``: the HTML reader is tuned on trafilatura-eval's dev
pages, never on the held-back ones the gate scores."""

from __future__ import annotations

import pytest

from newsaudit.datasets import trafilatura_eval
from newsaudit.models.layout.corpus import split_of_key
from newsaudit.models.layout.evaluate import dev_html, evaluate, format_table
from paths import DATA

TE = DATA / "trafilatura-eval"


@pytest.fixture(scope="module")
def keys_by_file():
    if not TE.is_dir():
        pytest.skip(f"trafilatura-eval is not in {DATA}")
    return {e.file: e.key for e in trafilatura_eval.read_index(TE)}


def test_dev_pages_are_the_dev_bucket_only(keys_by_file):
    pages, files = dev_html(DATA, limit=4)
    assert pages and all(dataset == "trafilatura-eval" for dataset, _, _ in pages)
    assert {split_of_key(keys_by_file[pid]) for _, pid, _ in pages} == {"dev"}
    assert files[0].name == trafilatura_eval.INDEX


def test_dev_evaluation_scores_the_html_reader_alone(keys_by_file):
    result = evaluate(DATA, limit=2, split="dev")
    assert result["split"] == "dev" and "text" not in result
    summary = result["html"]["trafilatura-eval dev"]
    assert summary["pages"] == 2 and summary["lines"] > 0
    assert 0.0 <= summary["line_accuracy"] <= 1.0
    assert "HTML reader, trafilatura-eval dev: 2 pages" in format_table(result)


def test_train_pages_are_the_train_buckets_and_never_the_held_back_ones(keys_by_file):
    pages, _ = dev_html(DATA, limit=6, split="train")
    assert len(pages) == 6
    assert {split_of_key(keys_by_file[pid]) for _, pid, _ in pages} == {"train"}
    result = evaluate(DATA, limit=1, split="train")
    assert result["split"] == "train"
    assert result["html"]["trafilatura-eval train"]["pages"] == 1
