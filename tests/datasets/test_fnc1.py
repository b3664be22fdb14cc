"""The FNC-1 reader: pairs resolved to their bodies, the unlabelled format, and each
defect of a stances or bodies file named by file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsaudit.datasets.fnc1 import Pair, read_fnc
from newsaudit.errors import InputNotFound, MalformedInput

BODIES = (
    "Body ID,articleBody\n"
    '7,"The council closed the bridge on Monday.\nRepairs will take a month."\n'
    "12,Rain flooded two streets overnight.\n"
)
STANCES = (
    "Headline,Body ID,Stance\n"
    "Bridge shut for repairs,7,agree\n"
    "Bridge reopens,7,disagree\n"
    "Striker signs for rival club,12,unrelated\n"
)


def write(tmp: Path, stances: str, bodies: str = BODIES) -> tuple[Path, Path]:
    (tmp / "stances.csv").write_text(stances, encoding="utf-8")
    (tmp / "bodies.csv").write_text(bodies, encoding="utf-8")
    return tmp / "stances.csv", tmp / "bodies.csv"


def test_pairs_in_file_order_with_their_bodies(tmp_path: Path) -> None:
    pairs = read_fnc(*write(tmp_path, STANCES))
    assert pairs == [
        Pair("Bridge shut for repairs", 7,
             "The council closed the bridge on Monday.\nRepairs will take a month.", "agree"),
        Pair("Bridge reopens", 7,
             "The council closed the bridge on Monday.\nRepairs will take a month.", "disagree"),
        Pair("Striker signs for rival club", 12, "Rain flooded two streets overnight.",
             "unrelated"),
    ]


def test_unlabelled_file_gives_empty_stances(tmp_path: Path) -> None:
    pairs = read_fnc(*write(tmp_path, "Headline,Body ID\nBridge reopens,7\n"))
    assert [(p.body_id, p.stance) for p in pairs] == [(7, "")]


@pytest.mark.parametrize(
    ("stances", "bodies", "bad_file", "reason"),
    [
        # the multi-line body ends on line 3, so the next record is on line 4
        (STANCES, BODIES.replace("12,Rain", "twelve,Rain"), "bodies.csv",
         "line 4: Body ID is 'twelve', expected a whole number"),
        (STANCES.replace("rival club,12", "rival club,99"), BODIES, "stances.csv",
         "line 4: Body ID 99 is not in bodies.csv"),
        (STANCES.replace("7,disagree", "7,maybe"), BODIES, "stances.csv",
         "line 3: Stance is 'maybe'"),
        (STANCES.replace("Bridge reopens,7,disagree", "Bridge reopens"), BODIES, "stances.csv",
         "line 3: the row ends before its 'Body ID' field"),
        ("Title,Body ID,Stance\nBridge reopens,7,agree\n", BODIES, "stances.csv",
         "no column 'Headline'"),
        ('Headline,Body ID,Stance\n"Bridge reopens,7,agree\n', BODIES, "stances.csv",
         "line 2"),
    ],
    ids=["body-id-not-a-number", "unknown-body", "unknown-stance", "short-row",
         "missing-column", "unclosed-quote"],
)
def test_defects_are_malformed_input(
    tmp_path: Path, stances: str, bodies: str, bad_file: str, reason: str
) -> None:
    with pytest.raises(MalformedInput) as err:
        read_fnc(*write(tmp_path, stances, bodies))
    assert err.value.source == str(tmp_path / bad_file)
    assert reason in err.value.reason


def test_bytes_that_are_not_utf8(tmp_path: Path) -> None:
    stances, bodies = write(tmp_path, STANCES)
    stances.write_bytes(b"Headline,Body ID,Stance\n\xff\xfe broken,7,agree\n")
    with pytest.raises(MalformedInput, match="not utf-8 text"):
        read_fnc(stances, bodies)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputNotFound) as err:
        read_fnc(tmp_path / "nope.csv", tmp_path / "bodies.csv")
    assert err.value.source == str(tmp_path / "bodies.csv")
