# ruff: noqa: E501  (the tables read best one case per line)
"""Quotation marks: which stretches of the raw text are quoted, before any parse.

Apostrophes, inch and foot marks and stray marks are not quotations; a quotation that
runs on over paragraphs is one group.
"""

from __future__ import annotations

import pytest

from newsaudit.attribution.quotemarks import find_quotes


@pytest.mark.parametrize(
    "text,quotes",
    [
        ("It’s the farmers’ union, not the ‘rebels’.", ["rebels"]),
        ("He said “we will stay,” and left.", ["we will stay"]),
        ('She said "no comment" and "goodbye."', ["no comment", "goodbye"]),
        ("“A ‘safe zone’ is a lie,” he said.", ["A ‘safe zone’ is a lie"]),
        ("The 12\" pipe and the 6' wall.", []),
        ("“First part.\n\n“Second part,” he said.", ["First part", "Second part"]),
        ("He said: “we will never leave this place\n\nThe army moved in.", ["we will never leave this place"]),
        ("A stray “ mark.", []),
        ("They called it «sabotage».", ["sabotage"]),
        # straight single marks around a few words, as British and scraped pages use them
        ("But the 'grieving' star was pictured laughing.", ["grieving"]),
        ("'We owe them the truth,' he said.", ["We owe them the truth"]),
        ("It's the drivers' union that said 'no deal' on Monday.", ["no deal"]),
        # apostrophes: elisions, decades, possessives, and a long run between two of them
        ("Rock 'n' roll in the '90s; the workers' pay rose.", []),
        ("They'll get 'em up at the drivers' depot and it's fine.", []),
        ("The 'old guard. They left in spring and the new lot arrived with the workers' votes.", []),
    ],
)
def test_find_quotes(text: str, quotes: list[str]) -> None:
    found = find_quotes(text)
    assert [text[q.start : q.end] for q in found] == quotes


def test_running_quote_shares_group() -> None:
    text = "“First part.\n\n“Second part.\n\n“Third part,” he said."
    found = find_quotes(text)
    assert [q.close_at is None for q in found] == [True, True, False]
    assert len({q.group for q in found}) == 1
