"""The PTC reader: raw article text keyed by id, labels in both task formats from a file
or a directory, the v2 boundary rule, and malformed label lines named."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsaudit.datasets.ptc import Label, read_articles, read_labels, trim_span
from newsaudit.errors import InputNotFound, MalformedInput


def test_articles_keep_raw_newlines(tmp_path: Path) -> None:
    (tmp_path / "article12.txt").write_bytes(b"Title line\r\n\r\nA body line.\n")
    (tmp_path / "article3.txt").write_text("Another.\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not an article", encoding="utf-8")
    assert read_articles(tmp_path) == {"12": "Title line\r\n\r\nA body line.\n",
                                       "3": "Another.\n"}


def test_articles_directory_defects(tmp_path: Path) -> None:
    with pytest.raises(MalformedInput, match="no article"):
        read_articles(tmp_path)
    with pytest.raises(InputNotFound):
        read_articles(tmp_path / "nope")


def test_read_labels_file_and_directory(tmp_path: Path) -> None:
    (tmp_path / "one.labels").write_text("7\tDoubt\t3\t9\n\n7\t1\t2\n", encoding="utf-8")
    folder = tmp_path / "dir"
    folder.mkdir()
    (folder / "article7.task1-SI.labels").write_text("7\t1\t2\n", encoding="utf-8")
    (folder / "article8.task1-SI.labels").write_text("", encoding="utf-8")
    assert read_labels(tmp_path / "one.labels") == [
        Label("7", "Doubt", 3, 9),
        Label("7", None, 1, 2),
    ]
    assert read_labels(folder) == [Label("7", None, 1, 2)]


@pytest.mark.parametrize(
    "content", ["7\tDoubt\t3\t9\n7\tDoubt\tx\t9\n", "7\tDoubt\t3\t9\n7\t3\n",
                "7\tDoubt\t3\t9\n7\ta\tb\t3\t9\n"],
    ids=["not-a-number", "too-few-fields", "too-many-fields"],
)
def test_malformed_label_line_names_file_and_line(tmp_path: Path, content: str) -> None:
    (tmp_path / "bad.labels").write_text(content, encoding="utf-8")
    with pytest.raises(MalformedInput, match="line 2") as err:
        read_labels(tmp_path / "bad.labels")
    assert err.value.source == str(tmp_path / "bad.labels")


def test_label_directory_without_labels(tmp_path: Path) -> None:
    with pytest.raises(MalformedInput, match=r"no \*\.labels"):
        read_labels(tmp_path)


@pytest.mark.parametrize(
    ("text", "span", "trimmed"),
    [
        ("is perpetually meddling in", (0, 24), (0, 23)),
        ("They said: lies, all lies.", (9, 26), (11, 25)),
        ("plain", (0, 5), (0, 5)),
        (" ;. ", (0, 4), (4, 4)),
    ],
)
def test_trim_span(text: str, span: tuple[int, int], trimmed: tuple[int, int]) -> None:
    assert trim_span(text, *span) == trimmed
