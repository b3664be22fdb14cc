"""How figures are written: the number readers alone, on token strings, no model needed."""

from __future__ import annotations

import pytest

from newsaudit.quantities.numbers import looks_like_code, parse_digits, read_number


@pytest.mark.parametrize(
    ("tokens", "value", "end"),
    [
        (["2,000"], 2000, 1),
        (["1.5"], 1.5, 1),
        (["1.2", "million"], 1_200_000, 2),
        (["thirteen"], 13, 1),
        (["twenty", "-", "one"], 21, 3),
        (["two", "dozen"], 24, 2),
        (["a", "hundred"], 100, 2),
        (["one", "hundred", "and", "twenty"], 120, 4),
        (["two", "thousand", "five", "hundred"], 2500, 4),
        (["half", "a", "million"], 500_000, 3),
        (["three", "hundreds", "of", "them"], 300, 2),
        (["twenty", "thousands"], 20_000, 2),
        (["5bn"], 5_000_000_000, 1),
        (["1.5million"], 1_500_000, 1),
        (["2billion"], 2_000_000_000, 1),
        (["1.3", "-", "billion"], 1_300_000_000, 3),
        (["10", "-", "dozen"], 10, 1),
        (["5m"], 5, 1),
        (["48", "-", "hour"], 48, 1),
        (["three", "two"], 3, 1),
    ],
)
def test_read_number(tokens: list[str], value: float, end: int) -> None:
    m = read_number(tokens, 0)
    assert m is not None and (m.value, m.end) == (value, end)


@pytest.mark.parametrize(
    ("tokens", "low", "high"),
    [
        (["dozens"], 24, 99),
        (["several"], 3, 9),
        (["a", "handful"], 2, 6),
        (["hundreds", "of", "thousands"], 200_000, 999_999),
        (["tens", "of", "thousands"], 20_000, 99_999),
        (["several", "hundred"], 300, 999),
    ],
)
def test_read_vague(tokens: list[str], low: float, high: float) -> None:
    m = read_number(tokens, 0)
    assert m is not None and m.vague and m.value is None
    assert (m.low, m.high, m.end) == (low, high, len(tokens))


@pytest.mark.parametrize("text", ["1,2", "2016-05-08", "7th", "12.5.3"])
def test_parse_digits_rejects(text: str) -> None:
    assert parse_digits(text) is None


@pytest.mark.parametrize(
    ("text", "figure", "code"),
    [
        ("Covid-19 cases rose", "19", True),
        ("at 10:30 on Monday", "10", True),
        ("published 08/05/2016", "08", True),
        ("call 0800 now", "0800", True),
        ("  1. The west must act", "1", True),
        ("see www.example.com/2016/report", "2016", True),
        ("at least 700 dead", "700", False),
        ("$1.2 billion", "1.2", False),
        ("rose 12% in May", "12", False),
    ],
)
def test_looks_like_code(text: str, figure: str, code: bool) -> None:
    start = text.index(figure)
    assert looks_like_code(text, start, start + len(figure)) is code
