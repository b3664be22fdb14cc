"""Every fixture page keeps the segments it had before the learned layout model.

``tests/fixtures/layout_pinned.json`` records, for each fixture page (the clean pages, the
per-check pages, the example, the HTML and extraction fixtures, and the seed), the
segments (kind, start, end) that ingest returned and those after ``anatomy.refine`` with
the parse. The checks' tests were written against those segments; a layout change that
moves one of them must be a decision, made by re-pinning, not an accident.
"""

from __future__ import annotations

import gzip
import json

import pytest

from newsaudit.anatomy import refine
from newsaudit.ingest import load_page, load_path
from paths import REPO, SEED

PINNED = json.loads((REPO / "tests" / "fixtures" / "layout_pinned.json").read_text("utf-8"))
PAGES = sorted(PINNED["pages"])


def _load(key: str):
    if key == "seed":
        if not SEED.exists():
            pytest.skip(f"the seed page ({SEED}) is not on this machine")
        return load_path(str(SEED))
    path = REPO / key
    if path.suffix == ".gz":
        return load_page(gzip.decompress(path.read_bytes()), fmt="html")
    return load_path(str(path))


def _segs(page) -> list[list[object]]:
    return [[s.kind, s.start, s.end] for s in page.segments]


@pytest.mark.parametrize("key", PAGES)
def test_fixture_page_keeps_its_segments(key, nlp):
    entry = PINNED["pages"][key]
    page = _load(key)
    assert _segs(page) == entry["plain"]
    assert _segs(refine(page, nlp(page.document.text))) == entry["refined"]
    assert page.document.title == entry["title"]
