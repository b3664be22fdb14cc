# ruff: noqa: E501
"""The PolNeAR reader: brat records into attributions, the first annotator's file, and a
malformed span record named by its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsaudit.datasets.polnear import Attr, load_articles, read_ann
from newsaudit.errors import InputNotFound, MalformedInput
from paths import REPO

FIXTURE = REPO / "tests" / "fixtures" / "polnear"


def test_read_ann_roles_fragments_and_no_source() -> None:
    ann = (
        "T1\tSource 0 5\tPolice\n"
        "T2\tCue 6 10\tsaid\n"
        "T3\tContent 11 20;25 30\tsomething else\n"
        "T4\tAttribution 6 10\tsaid\n"
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
        "T5\tCue 40 52\tIt is feared\n"
        "T6\tContent 53 80\ta text that runs\non to a second line\n"
        "T7\tContent 90 95\tmore\n"
        "T8\tAttribution-no-source 40 52\tIt is feared\n"
        "E2\tAttribution-no-source:T8 Cue:T5 Content:T6 Content2:T7\n"
        "T9\tDiscard 100 120\tRead more here\n"
        "#1\tAnnotatorNotes T5\tunsure\n"
    )
    assert read_ann(ann) == (
        Attr(source=((0, 5),), cue=((6, 10),), content=((11, 20), (25, 30))),
        Attr(source=(), cue=((40, 52),), content=((53, 80), (90, 95))),
    )


def test_load_articles_uses_the_first_annotator() -> None:
    arts = load_articles(FIXTURE)
    assert [a.name for a in arts] == [
        "harbour_2016-01-04_strike-closes-port",
        "quake_2016-02-02_aftershocks-rattle-city",
    ]
    assert [p.name for p in arts[0].files] == [
        "harbour_2016-01-04_strike-closes-port.txt",
        "harbour_2016-01-04_strike-closes-port_a1b2.ann",
    ]
    assert len(arts[0].gold) == 3  # the second annotator's file (_f9e8) has four
    for art in arts:
        for g in art.gold:
            for frags in (g.source, g.cue, g.content):
                assert all(0 <= s < e <= len(art.text) for s, e in frags)
    assert len(load_articles(FIXTURE, limit=1)) == 1


def test_missing_directory_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputNotFound):
        load_articles(tmp_path / "nope")


def test_span_text_over_two_lines_is_not_a_record() -> None:
    """brat keeps the line breaks of a span's text: the second line starts no record."""
    ann = (
        "T1\tCue 4 8\tsaid\n"
        "T2\tContent 9 30\tthe first line\n"
        "Then the second line\n"
        "E1\tAttribution:T1 Cue:T1 Content:T2\n"
    )
    assert read_ann(ann) == (Attr(source=(), cue=((4, 8),), content=((9, 30),)),)


def test_malformed_span_record_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a.txt").write_text("Police said the road was shut.", encoding="utf-8")
    (tmp_path / "attributions" / "a.ann").write_text(
        "T1\tSource 0 6\tPolice\nT2\tCue 7 x\tsaid\n", encoding="utf-8"
    )
    with pytest.raises(MalformedInput, match="line 2") as err:
        load_articles(tmp_path)
    assert err.value.source == str(tmp_path / "attributions" / "a.ann")
