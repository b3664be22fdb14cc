"""A publication stamp glued to the lead of a flattened page: cut off as the page's
dateline, and the lead keeps every word, its claim and its source."""

from __future__ import annotations

import pytest

from newsaudit import audit
from newsaudit.stamps import leading_stamp

LEAD = "At least 35 militants were killed in air strikes overnight, a monitor said on Saturday."


@pytest.mark.parametrize(
    ("line", "stamp"),
    [
        ("Published October 4 2014 " + LEAD, "Published October 4 2014"),
        ("10-07-2016 Army units foil a raid near the road and kill 29 fighters.", "10-07-2016"),
        ("Wed Aug 3 2016 Army units foil a raid near the road.", "Wed Aug 3 2016"),
        ("Saturday 21 Jun 2014 Fighters from the group executed three officers.",
         "Saturday 21 Jun 2014"),
        ("Updated: March 3, 2016 at 10:42 GMT Rescuers searched the rubble for hours.",
         "Updated: March 3, 2016 at 10:42 GMT"),
        # not a stamp: no year, the date is the sentence's subject, a live-blog clock time,
        # or nothing but a date and a word or two (a dateline line, the layout model's)
        ("May 5 was the day the fighting began in the town.", None),
        ("October 4 2014 saw heavy fighting in the town and nearby.", None),
        ("14:30 The authority raised the toll to 189 this afternoon.", None),
        ("Friday 12 people were killed in the town, police said.", None),
        ("Published October 4 2014 By Staff", None),
    ],
)
def test_leading_stamp(line, stamp):
    found = leading_stamp(line)
    assert (line[found[0] : found[1]] if found else None) == stamp


def test_stamp_becomes_the_dateline_and_the_lead_stays_whole():
    report = audit("Strikes kill 35 militants in the north\n\n"
                   "Published October 4 2014 " + LEAD + " The toll may rise.\n")
    kinds = [(s.kind, s.text) for s in report.segments]
    assert kinds[1] == ("dateline", "Published October 4 2014")
    assert kinds[2][0] == "body" and kinds[2][1].startswith("At least 35 militants")
    lead = next(c for c in report.claims if c.segment == "body")
    assert lead.text == LEAD
    monitor = next(a for a in report.attributions if a.cue == "said")
    assert monitor.source.text == "a monitor" and monitor.segment == "body"
    assert all(not f.evidence or "2014" not in f.evidence[0].text for f in report.findings)


def test_a_stamp_mid_page_is_left_to_the_body():
    """Only the first body paragraph's stamp is the page's dateline; a later line that
    opens with a date is a sentence of the article (parsed as its own sentence)."""
    text = ("Strikes kill 35 militants in the north\n\n" + LEAD + "\n\n"
            "Published October 4 2014 The monitor has revised its figures twice since then, "
            "and the ministry gave a lower toll of 30 on Sunday.\n")
    report = audit(text)
    assert [s.kind for s in report.segments] == ["headline", "body", "body"]
    assert report.segments[2].text.startswith("Published October 4 2014 The monitor")
