"""Publication stamps glued to the start of a scraped line: "Published October 4 2014 At
least 35 militants were killed ...", "10-07-2016 Syrian forces foil raid ...".

Scrapers that flatten a page into one run of text keep the page's date line but drop the
break after it, so the stamp sits in front of the lead sentence. Left there it becomes
the first words of the lead's sentence: the claim, its source ("2014 Activists in
Syria") and the findings quoting it all start with a date. Two stages read the stamp:
the pipeline's paragraph component starts a sentence after it (before the parser runs,
so the lead is parsed as a sentence of its own), and the anatomy files it as the page's
dateline. Both use :func:`leading_stamp`, so they cut at the same place.

Only a full date counts (a year, or a numeric day-month-year): a bare clock time opens
live-blog entries, whose times date the figures after them, and a weekday or month alone
opens ordinary sentences ("May 5 was the day ...", "Friday's strike ..."). What follows
must open a sentence (a capital letter or a digit), so "October 4 2014 saw ..." stays.
A regular expression and not the cue lists of :mod:`newsaudit.line_cues`: the paragraph
component runs inside spaCy on every line of every page, and the forms are few.
"""

from __future__ import annotations

import re

__all__ = ["STAMP_RE", "leading_stamp", "sentence_starts"]

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|sday|urday|rsday)?\.?,?"
_YEAR = r"(?:19|20)\d\d"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?,?"
_DATE = (
    rf"(?:\d{{1,2}}[-./]\d{{1,2}}[-./]{_YEAR}"  # 10-07-2016, 01.10.2017
    rf"|{_YEAR}[-./]\d{{1,2}}[-./]\d{{1,2}}"  # 2016-07-10
    rf"|(?:{_WEEKDAY}\s+)?{_MONTH}\s+{_DAY}\s+{_YEAR}"  # Wed Aug 3 2016, July 5, 2015
    rf"|(?:{_WEEKDAY}\s+)?{_DAY}\s+{_MONTH},?\s+{_YEAR})"  # Saturday 21 Jun 2014
)
_TIME = r"(?:\s+(?:at\s+)?\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s+(?:GMT|UTC|[A-Z]{2,4}T))?)?"
_PREFIX = r"(?:(?:Published|Updated|Posted|Last\s+updated)(?:\s+(?:on|at))?:?\s+)?"

#: A stamp at the start of a line (``re.MULTILINE``), the space after it, and a sentence
#: opening after that. Group ``stamp`` is the stamp itself.
STAMP_RE = re.compile(
    rf"^[ \t]*(?P<stamp>{_PREFIX}{_DATE}{_TIME})[ \t]+(?=[A-Z0-9\"\u201c])", re.MULTILINE
)


#: Words a line must hold after its stamp for the stamp to be glued to a sentence.
_MIN_WORDS = 4


def _glued(text: str, m: re.Match[str]) -> bool:
    """Whether the rest of the stamp's line holds a sentence (:data:`_MIN_WORDS` words): a
    line that is only a date with a word or two is a dateline, the layout model's to
    label."""
    eol = text.find("\n", m.end())
    return len(text[m.end() : eol if eol >= 0 else len(text)].split()) >= _MIN_WORDS


def leading_stamp(line: str) -> tuple[int, int] | None:
    """Where a stamp glued to the start of ``line`` is (start and end offsets of the stamp
    itself), or ``None``."""
    m = STAMP_RE.match(line)
    if m is None or not _glued(line, m):
        return None
    return m.start("stamp"), m.end("stamp")


def sentence_starts(text: str) -> list[int]:
    """The offsets in ``text`` where a sentence starts after a glued stamp: the first
    character after every stamp :func:`leading_stamp` finds at a line's start."""
    return [m.end() for m in STAMP_RE.finditer(text) if _glued(text, m)]
