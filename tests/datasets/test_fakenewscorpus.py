"""The FakeNewsCorpus reader: the corpus id (not the unnamed index), long fields, and a
repeated id as an input error."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsaudit.datasets.fakenewscorpus import Article, read_articles
from newsaudit.errors import MalformedInput

HEADER = ",id,domain,type,url,content,scraped_at,title,authors\n"


def test_rows_keep_the_corpus_id_and_multi_line_content(tmp_path: Path) -> None:
    long_para = "word " * 40_000  # over the csv module's default field limit
    path = tmp_path / "news_sample.csv"
    path.write_text(
        HEADER
        + '0,913,example.org,fake,http://example.org/a,"First para.\n\nSecond para.",2018,'
          "Moon landing staged,Ann\n"
        + f'1,77,example.net,,http://example.net/b,"{long_para}",2018,,\n',
        encoding="utf-8")
    articles = read_articles(path)
    assert articles[0] == Article("913", "example.org", "fake", "http://example.org/a",
                                  "Moon landing staged", "First para.\n\nSecond para.")
    assert articles[1].id == "77" and articles[1].title == ""
    assert len(articles[1].content) == len(long_para)


def test_a_repeated_id_is_named(tmp_path: Path) -> None:
    path = tmp_path / "news_sample.csv"
    path.write_text(HEADER + "0,5,a.org,fake,u,text,s,t,a\n1,5,b.org,fake,u,text,s,t,a\n",
                    encoding="utf-8")
    with pytest.raises(MalformedInput, match="line 3: id 5 repeats"):
        read_articles(path)
