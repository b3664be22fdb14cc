"""The FA-KES reader: rows in file order, the first row of a repeated id, a Latin-1 copy
read as such, and a bad label named by line."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsaudit.datasets.fakes import Article, article_by_id, read_articles
from newsaudit.errors import InputNotFound, MalformedInput

HEADER = "unit_id,article_title,article_content,source,date,location,labels\n"
ROWS = (
    '101,Shelling hits market,"Shelling hit a market on Monday killing 4 the council said.",'
    "outlet-a,3/4/2017,idlib,1\n"
    '102,Convoy struck,"A convoy was struck near the border.",outlet-b,3/5/2017,aleppo,0\n'
    '101,Shelling hits market,"A later copy of the same report.",outlet-a,3/4/2017,idlib,1\n'
)


def test_rows_are_read_in_order_and_a_repeated_id_names_its_first_row(tmp_path: Path) -> None:
    path = tmp_path / "FA-KES-Dataset.csv"
    path.write_text(HEADER + ROWS, encoding="utf-8")
    articles = read_articles(path)
    assert [(a.unit_id, a.credible) for a in articles] == [("101", True), ("102", False),
                                                          ("101", True)]
    assert articles[1] == Article("102", "Convoy struck", "A convoy was struck near the border.",
                                  "outlet-b", "3/5/2017", "aleppo", False)
    first = article_by_id(articles)["101"]
    assert first.content == "Shelling hit a market on Monday killing 4 the council said."


def test_a_latin1_copy_is_read_as_latin1(tmp_path: Path) -> None:
    path = tmp_path / "FA-KES-Dataset.csv"
    path.write_bytes((HEADER + '7,Café bombed,"Blast at a café.",x,1/1/2017,homs,1\n')
                     .encode("latin-1"))
    assert read_articles(path)[0].title == "Café bombed"


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ('5,T,"C",s,d,l,2\n', "line 2: labels is '2', expected 0 or 1"),
        (',T,"C",s,d,l,1\n', "line 2: unit_id is empty"),
    ],
)
def test_bad_rows_are_named_by_line(tmp_path: Path, body: str, reason: str) -> None:
    path = tmp_path / "f.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    with pytest.raises(MalformedInput, match=reason) as err:
        read_articles(path)
    assert err.value.source == str(path)


def test_missing_file_and_column(tmp_path: Path) -> None:
    with pytest.raises(InputNotFound):
        read_articles(tmp_path / "absent.csv")
    path = tmp_path / "f.csv"
    path.write_text("unit_id,article_title\n1,T\n", encoding="utf-8")
    with pytest.raises(MalformedInput, match="no column 'article_content'"):
        read_articles(path)
