"""`newsaudit ingest | stats | pages | export`, as a user runs them."""

from __future__ import annotations

import io
import json
import shutil

import pytest

from newsaudit.cli import main
from newsaudit.corpus.progress import Progress, RichProgress, for_stream
from paths import PAGES


@pytest.fixture
def corpus(tmp_path):
    d = tmp_path / "saved-pages"
    d.mkdir()
    for name in ("conflict", "protest"):
        shutil.copy(PAGES / f"{name}.txt", d / f"{name}.txt")
    (d / "empty.txt").write_text("")
    (tmp_path / "scraped.jsonl").write_text(json.dumps({
        "id": "sana-1", "outlet": "SANA", "published": "2016-05-07",
        "title": "Army restores calm in the countryside",
        "text": "Army units restored security and stability to several villages in the "
                "countryside on Saturday, the official news agency reported, adding that "
                "dozens of terrorists were killed.",
    }) + "\n")
    return [str(d), str(tmp_path / "scraped.jsonl")]


@pytest.mark.slow
def test_ingest_stats_pages_export(db_url, corpus, tmp_path, capsys):
    assert main(["ingest", *corpus, "--db", db_url, "--format", "json"]) == 0
    out, err = capsys.readouterr()
    summary = json.loads(out)
    assert (summary["stored"], summary["failed"], summary["skipped"]) == (3, 1, 0)
    assert err == ""  # no progress bar when stderr is not a terminal

    assert main(["ingest", *corpus, "--db", db_url]) == 0
    out, _ = capsys.readouterr()
    assert out.startswith("0 stored, 0 duplicates, 3 skipped (already stored), 1 failed")
    assert f"why they failed: newsaudit stats --failures --db {db_url}" in out

    assert main(["stats", "--db", db_url, "--format", "json", "--failures"]) == 0
    stats = json.loads(capsys.readouterr()[0])
    assert stats["pages"] == 3 and stats["failures_by_code"] == {"input_empty": 1}
    assert stats["outlets"]["SANA"]["pages"] == 1
    assert stats["failed_inputs"][0]["reason"] == "file is empty"
    assert stats["last_run"]["skipped"] == 3

    assert main(["stats", "--db", db_url, "--failures"]) == 0
    text = capsys.readouterr()[0]
    assert "3 pages" in text and "empty.txt: file is empty [input_empty]" in text

    assert main(["pages", "--db", db_url, "--outlet", "sana", "--since", "2016-05-01",
                 "--format", "json"]) == 0
    [page] = json.loads(capsys.readouterr()[0])
    assert (page["source"], page["outlet"], page["published"]) == ("sana-1", "SANA", "2016-05-07")
    assert main(["pages", "--db", db_url, "--until", "2016-01-01", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr()[0]) == []

    target = tmp_path / "pages.parquet"
    assert main(["export", "--db", db_url, "--format", "parquet", "-o", str(target),
                 "--table", "pages"]) == 0
    import pyarrow.parquet as pq

    assert sorted(pq.read_table(target).column("source").to_pylist())[-1] == "sana-1"
    assert main(["export", "--db", db_url, "--table", "failures"]) == 0
    lines = capsys.readouterr()[0].splitlines()
    assert lines[0].startswith("source_hash,source,input_key,code,reason")
    assert len(lines) == 2


def test_a_store_that_cannot_be_opened_is_one_line_and_exit_5(capsys):
    code = main(["stats", "--db", "postgresql://nobody@127.0.0.1:1/none"])
    err = capsys.readouterr()[1]
    assert code == 5
    assert err.startswith("newsaudit: postgresql+psycopg://nobody@127.0.0.1:1/none: cannot open "
                          "the store (")
    assert err.count("\n") == 1


def test_parquet_export_needs_a_file(tmp_path, capsys):
    assert main(["export", "--db", str(tmp_path / "x.db"), "--format", "parquet"]) == 1
    assert "name it with -o FILE" in capsys.readouterr()[1]


def test_progress_bar_only_on_a_terminal():
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert type(for_stream(io.StringIO())) is Progress
    assert isinstance(for_stream(Tty()), RichProgress)
