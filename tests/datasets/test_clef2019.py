"""The CLEF-2019 CheckThat! Task 1 reader: transcript lines per debate, blank lines
skipped, a line that is not four fields named."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsaudit.datasets.clef2019 import Line, read_transcript, read_transcripts
from newsaudit.errors import InputNotFound, MalformedInput


def test_transcripts_by_debate(tmp_path: Path) -> None:
    (tmp_path / "b_debate.tsv").write_text(
        "1\tHOST\tGood evening.\t0\n\n2\tSMITH\tWe cut taxes by 3 percent.\t1\r\n",
        encoding="utf-8",
    )
    (tmp_path / "a_debate.tsv").write_text("1\tHOST\tWelcome back.\t0\n", encoding="utf-8")
    (tmp_path / "readme.txt").write_text("not a transcript", encoding="utf-8")
    debates = read_transcripts(tmp_path)
    assert list(debates) == ["a_debate", "b_debate"]
    assert debates["b_debate"] == [
        Line("b_debate", "1", "HOST", "Good evening.", 0),
        Line("b_debate", "2", "SMITH", "We cut taxes by 3 percent.", 1),
    ]


@pytest.mark.parametrize(
    "bad", ["2\tSMITH\tWe cut taxes.\n", "2\tSMITH\tWe cut taxes.\tyes\n"],
    ids=["three-fields", "label-not-0-or-1"],
)
def test_malformed_line(tmp_path: Path, bad: str) -> None:
    path = tmp_path / "d.tsv"
    path.write_text("1\tHOST\tGood evening.\t0\n" + bad, encoding="utf-8")
    with pytest.raises(MalformedInput, match="line 2") as err:
        read_transcript(path)
    assert err.value.source == str(path)


def test_directory_defects(tmp_path: Path) -> None:
    with pytest.raises(MalformedInput, match="no"):
        read_transcripts(tmp_path)
    with pytest.raises(InputNotFound):
        read_transcripts(tmp_path / "nope")
