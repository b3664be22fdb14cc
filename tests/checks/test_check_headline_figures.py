"""headline_unsupported on a headline's figure: a count of a handful is one a body names
or lists as often as it counts, so only larger counts, and tolls the body gives
otherwise, are held to a body figure."""

from __future__ import annotations

import pytest

from newsaudit.checks import headline_unsupported as hu
from stages import runner


@pytest.fixture(scope="module")
def run(nlp):
    return runner(nlp, hu.check, "headline_unsupported")


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # the body lists the three (islands, ways, people) without a number: nothing to say
        ("Kingdom hands three islands to new council\n\nThe council will govern Arlo, Brest "
         "and Tamsin from next year, the ministry said on Monday.\n", []),
        ("Three ways to sleep better tonight\n\nFirst, keep the room dark. Second, stop "
         "drinking coffee after noon. Finally, get up at the same hour every day.\n", []),
        ("2 civilians killed in shelling of border town\n\nA woman and her son were killed "
         "when shells hit their house on Tuesday, the town's mayor said.\n", []),
        # a listicle's items against unrelated figures of the body
        ("11 things we learned from the minister's interview\n\nShe spoke to us three times "
         "and met two advisers before the vote, she said in the interview.\n", []),
        # a handful of dead the body counts otherwise is still held to it
        ("Blast kills 5 at fuel depot\n\nThe blast killed 50 workers at the fuel depot on "
         "Friday, police said.\n", ["5"]),
        # a larger count the body never gives
        ("Storm leaves 3,000 homes without power\n\nThe storm cut power lines across the "
         "valley overnight, the utility said on Sunday.\n", ["3,000 homes"]),
    ],
)
def test_headline_figures(run, text, flagged):
    _, found = run(text)
    assert [f.evidence[0].text for f in found if f.kind == "figure"] == flagged
