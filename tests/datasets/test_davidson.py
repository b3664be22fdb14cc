"""The Davidson et al. reader: tweets with their class, and a bad class named by line."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsaudit.datasets.davidson import Tweet, read_davidson
from newsaudit.errors import MalformedInput

HEADER = ",count,hate_speech,offensive_language,neither,class,tweet\n"


def test_tweets_and_abusive(tmp_path: Path) -> None:
    (tmp_path / "labeled_data.csv").write_text(
        HEADER + '0,3,0,0,3,2,"RT @someone: lovely weather, off to the beach"\n'
                 "1,3,0,3,0,1,you absolute clown\n2,3,2,1,0,0,they are all vermin\n",
        encoding="utf-8",
    )
    tweets = read_davidson(tmp_path / "labeled_data.csv")
    assert tweets == [Tweet("RT @someone: lovely weather, off to the beach", 2),
                      Tweet("you absolute clown", 1), Tweet("they are all vermin", 0)]
    assert [t.abusive for t in tweets] == [0, 1, 1]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (HEADER + "0,3,0,0,3,2,fine\n1,3,0,3,0,5,bad class\n", "line 3: class is '5'"),
        (HEADER + "0,3,0,0,3,two,fine\n", "line 2: class is 'two'"),
        ("id,text\n1,hello\n", "not a Davidson file"),
    ],
)
def test_defects(tmp_path: Path, content: str, reason: str) -> None:
    (tmp_path / "labeled_data.csv").write_text(content, encoding="utf-8")
    with pytest.raises(MalformedInput) as err:
        read_davidson(tmp_path / "labeled_data.csv")
    assert reason in err.value.reason
