"""The Scrapinghub article-extraction benchmark reader: pages in id order, gzipped or not,
and the defects of a benchmark directory named."""

from __future__ import annotations

import pytest

from newsaudit.datasets.scrapinghub import load_items, read_html
from newsaudit.errors import InputNotFound, MalformedInput
from paths import REPO

FIXTURE = REPO / "tests" / "fixtures" / "extraction"


def test_pages_are_read_in_id_order_gzipped_or_not():
    items = load_items(FIXTURE)
    assert [i.id for i in items] == ["a-ferry-strike", "b-drought-wells"]
    assert [i.path.name for i in items] == ["a-ferry-strike.html.gz", "b-drought-wells.html"]
    assert read_html(items[0].path).startswith("<!DOCTYPE html>")
    assert read_html(items[1].path).startswith("<!DOCTYPE html>")
    assert [i.id for i in load_items(FIXTURE, limit=1)] == ["a-ferry-strike"]


def test_missing_files_are_named(tmp_path):
    with pytest.raises(InputNotFound, match="ground-truth.json"):
        load_items(tmp_path)
    (tmp_path / "ground-truth.json").write_text('{"x1": {"articleBody": "Storm hits."}}')
    with pytest.raises(MalformedInput, match="x1"):
        load_items(tmp_path)
    (tmp_path / "x1.html").write_text("<html><body><p>Storm hits.</p></body></html>")
    assert load_items(tmp_path)[0].path == tmp_path / "x1.html"


def test_ground_truth_that_is_not_json_names_its_line(tmp_path):
    (tmp_path / "ground-truth.json").write_text('{"x1":\n  {"articleBody": "Storm hits."\n', encoding="utf-8")
    with pytest.raises(MalformedInput, match="line 3") as err:
        load_items(tmp_path)
    assert err.value.source == str(tmp_path / "ground-truth.json")


def test_a_truncated_gzip_page_is_malformed(tmp_path):
    (tmp_path / "ground-truth.json").write_text('{"x1": {"articleBody": "Storm hits."}}')
    (tmp_path / "x1.html.gz").write_bytes(b"\x1f\x8b\x08\x00 cut short")
    item = load_items(tmp_path)[0]
    assert item.truth == "Storm hits."
    with pytest.raises(MalformedInput, match="gzip"):
        read_html(item.path)
