"""The ClaimBuster reader: labelled sentences in file order, the optional fold column, and
bad labels named by line."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsaudit.datasets.claimbuster import Sentence, read_claimbuster
from newsaudit.errors import MalformedInput


def test_rows_in_order(tmp_path: Path) -> None:
    (tmp_path / "cb.csv").write_text(
        "sentence_id,screening,label,text\n"
        '11,-3,1,"Wages rose 4 percent, the most in a decade."\n'
        "12,-3,0,Thank you all for coming.\n",
        encoding="utf-8",
    )
    assert read_claimbuster(tmp_path / "cb.csv") == [
        Sentence("Wages rose 4 percent, the most in a decade.", 1, "11"),
        Sentence("Thank you all for coming.", 0, "12"),
    ]


def test_fold_column(tmp_path: Path) -> None:
    (tmp_path / "cb.csv").write_text("label,text,fold\n1,Taxes doubled.,3\n0,Hello.,0\n",
                                     encoding="utf-8")
    assert [s.fold for s in read_claimbuster(tmp_path / "cb.csv")] == [3, 0]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("label,text\n1,Taxes doubled.\nyes,Hello.\n", "line 3: label is 'yes', expected 0 or 1"),
        ("label,text\n2,Taxes doubled.\n", "line 2: label is '2', expected 0 or 1"),
        ("label,text,fold\n1,Taxes doubled.,one\n", "line 2: fold is 'one'"),
        ("id,sentence\n1,Taxes doubled.\n", "not a ClaimBuster file: no column 'label', 'text'"),
    ],
)
def test_defects(tmp_path: Path, content: str, reason: str) -> None:
    (tmp_path / "cb.csv").write_text(content, encoding="utf-8")
    with pytest.raises(MalformedInput) as err:
        read_claimbuster(tmp_path / "cb.csv")
    assert reason in err.value.reason
    assert err.value.source == str(tmp_path / "cb.csv")
