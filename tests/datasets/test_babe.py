"""The BABE reader: ;-separated rows with a BOM, biased words parsed from their list
notation, and a broken list named by line."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsaudit.datasets.babe import Sentence, read_babe
from newsaudit.errors import MalformedInput

HEADER = "text;news_link;outlet;topic;type;label_bias;label_opinion;biased_words\n"


def write(tmp: Path, rows: str) -> Path:
    path = tmp / "final_labels_SG2.csv"
    path.write_text("\ufeff" + HEADER + rows, encoding="utf-8")
    return path


def test_rows_and_biased_words(tmp_path: Path) -> None:
    path = write(tmp_path,
                 '"The mayor\'s reckless plan, critics said.";http://x/1;Outlet A;housing;left;'
                 "Biased;Somewhat factual but also opinionated;['reckless']\n"
                 "The council met on Tuesday.;http://x/2;Outlet B;housing;right;Non-biased;"
                 "Entirely factual;[]\n")
    assert read_babe(path) == [
        Sentence("The mayor's reckless plan, critics said.", "http://x/1", "housing", "Biased",
                 ("reckless",), "Outlet A", "left", "Somewhat factual but also opinionated"),
        Sentence("The council met on Tuesday.", "http://x/2", "housing", "Non-biased", (),
                 "Outlet B", "right", "Entirely factual"),
    ]


@pytest.mark.parametrize("words", ["['reckless'", "reckless", "[1, 2]"])
def test_broken_word_list(tmp_path: Path, words: str) -> None:
    path = write(tmp_path, "A plan.;http://x/1;A;housing;left;Non-biased;Entirely factual;[]\n"
                           f"A plan.;http://x/1;A;housing;left;Biased;Opinionated;{words}\n")
    with pytest.raises(MalformedInput, match="line 3: biased_words") as err:
        read_babe(path)
    assert err.value.source == str(path)


def test_comma_separated_file_is_not_babe(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text(HEADER.replace(";", ","), encoding="utf-8")
    with pytest.raises(MalformedInput, match="not a BABE file"):
        read_babe(path)
