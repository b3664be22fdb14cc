"""The pool of every page of a split on which one check warns."""

from __future__ import annotations

import json
from pathlib import Path

from newsaudit.evaluation.findings import pool
from newsaudit.evaluation.findings.pages import read_sample


def _list(path: Path, pages: list[tuple[str, str]]) -> Path:
    path.write_text(json.dumps({"about": "t", "pages": [{"page": p, "split": s}
                                                         for p, s in pages]}), encoding="utf-8")
    return path


def test_split_refs_keeps_the_split_once_in_list_order(tmp_path: Path) -> None:
    a = _list(tmp_path / "a.json", [("fnc1:1", "test"), ("fnc1:2", "dev"), ("ptc:5", "test")])
    b = _list(tmp_path / "b.json", [("ptc:5", "test"), ("fa-kes:9", "test"), ("fnc1:3", "dev")])
    assert pool.split_refs([a, b], "test") == ["fnc1:1", "ptc:5", "fa-kes:9"]
    assert pool.split_refs([a, b], "dev") == ["fnc1:2", "fnc1:3"]


def test_main_writes_the_flagged_pages_as_a_list(tmp_path: Path, monkeypatch) -> None:
    lists = tmp_path / "lists"
    lists.mkdir()
    _list(lists / "a.json", [("fnc1:1", "test"), ("fnc1:2", "test"), ("fnc1:4", "dev")])
    out = lists / "pool.json"
    _list(out, [("fnc1:9", "test")])  # an earlier pool is not read as a list
    seen: list[list[str]] = []

    def flagged(refs, check, data_dir, failures=None):
        seen.append(list(refs))
        assert check == "headline_unsupported"
        return iter([r for r in refs if r != "fnc1:1"])

    monkeypatch.setattr(pool, "LISTS", lists)
    monkeypatch.setattr(pool, "flagged", flagged)
    assert pool.main(["--check", "headline_unsupported", "--out", str(out),
                      "--data-dir", str(tmp_path), "--about", "why"]) == 0
    assert seen == [["fnc1:1", "fnc1:2"]]
    assert [(r.ref, r.split) for r in read_sample(out)] == [("fnc1:2", "test")]
    assert json.loads(out.read_text(encoding="utf-8"))["about"] == "why"
