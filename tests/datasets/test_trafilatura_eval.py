"""The trafilatura evaluation-set reader: the index in its order (``hard::`` entries have
no URL), pages found in eval/ or cache/, gzipped or not, in their own encoding."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsaudit.datasets.trafilatura_eval import Entry, page_path, read_index, read_page
from newsaudit.errors import InputNotFound, MalformedInput

INDEX = {
    "https://news.example.com/2024/05/ferry-strike": {
        "file": "news.example.com.ferry.html", "with": ["Ferry crews walked out"],
        "without": ["Subscribe"], "title": "Ferry strike", "region": "UK",
    },
    "hard::paper.example.org-floods.html": {
        "file": "paper.example.org-floods.html", "with": ["Rivers rose"], "without": [],
    },
}
HTML = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\u00e9 closed.</p></body></html>"


def write(root: Path) -> Path:
    (root / "eval").mkdir(parents=True)
    (root / "cache").mkdir()
    (root / "evaldata.json").write_text(json.dumps(INDEX), encoding="utf-8")
    (root / "eval" / "news.example.com.ferry.html.gz").write_bytes(
        gzip.compress("<p>Ferry crews walked out \u2014 again.</p>".encode()))
    (root / "cache" / "paper.example.org-floods.html").write_bytes(HTML.encode("latin-1"))
    return root


def test_index_in_file_order(tmp_path: Path) -> None:
    entries = read_index(write(tmp_path))
    assert entries == [
        Entry("news.example.com.ferry.html", "https://news.example.com/2024/05/ferry-strike",
              ("Ferry crews walked out",), ("Subscribe",), (), "Ferry strike", "UK",
              key="https://news.example.com/2024/05/ferry-strike"),
        Entry("paper.example.org-floods.html", None, ("Rivers rose",), (), (), None, None,
              key="hard::paper.example.org-floods.html"),
    ]


def test_pages_are_read_from_eval_or_cache_in_their_encoding(tmp_path: Path) -> None:
    root = write(tmp_path)
    assert read_page(root, "news.example.com.ferry.html") == \
        "<p>Ferry crews walked out \u2014 again.</p>"
    # not UTF-8: the charset the page declares
    assert "Caf\u00e9 closed." in read_page(root, "paper.example.org-floods.html")
    assert page_path(root, "paper.example.org-floods.html").parent.name == "cache"


def test_defects_are_named(tmp_path: Path) -> None:
    with pytest.raises(InputNotFound, match="evaldata.json"):
        read_index(tmp_path)
    root = write(tmp_path / "set")
    with pytest.raises(InputNotFound, match="no eval/absent.html.gz"):
        read_page(root, "absent.html")
    (root / "eval" / "cut.html.gz").write_bytes(b"\x1f\x8b\x08\x00 cut short")
    with pytest.raises(MalformedInput, match="gzip"):
        read_page(root, "cut.html")
    (root / "evaldata.json").write_text('{"u": {"with": []}}', encoding="utf-8")
    with pytest.raises(MalformedInput, match="has no \"file\""):
        read_index(root)
