"""When the event a figure belongs to happened, as the page dates it.

A toll in the page's own voice is news when it is the toll of the events reported, and
background when the sentence dates it to an earlier year: "In December 2011, two
students died in a clash with police", "Last year, four people died after an outbreak",
"a suicide bombing in Kampala in 2010 that left 74 dead". Wire copy states such tolls
from the public record without a source, and editors do not ask for one.

"Earlier" is measured against the page itself: the latest year any date on it names
(its dateline, or the year of the events it reports). A page that names no year dates
nothing by number; "last year" and "two years ago" are earlier on any page.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsaudit.checks._sweeping import clause_verb
from newsaudit.offsets import Entities

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["Dating"]

_YEAR = re.compile(r"(19|20)\d\d")
#: Words before "year" that place a date in the year before the time of writing.
_YEARS_BACK = frozenset({"last", "previous"})
_YEAR_WORDS = frozenset({"year", "years"})
#: A date after these is where a running period starts, not when the event happened
#: ("the worst toll since 2011").
_PERIOD_OPENERS = frozenset({"since", "from", "until", "till"})


def _years(words: list[str]) -> list[int]:
    return [int(w) for w in words if _YEAR.fullmatch(w)]


class Dating:
    """The dates of one parse, read once: which clauses the page dates to an earlier
    year than its own."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.dates = [(s, e) for s, e, label in Entities(doc).items if label == "DATE"]
        years = [y for s, e in self.dates for y in _years([t.text for t in doc[s:e]])]
        self.now: int | None = max(years) if years else None

    def _earlier(self, start: int, end: int) -> bool:
        """Whether the date ``start:end`` (token bounds) lies in a year before the page's."""
        if start > 0 and self.doc[start - 1].lower_ in _PERIOD_OPENERS:
            return False
        words = [t.lower_ for t in self.doc[start:end]]
        years = _years(words)
        if years and self.now is not None and max(years) < self.now:
            return True
        if "ago" in words:
            return bool(_YEAR_WORDS.intersection(words))  # "two years ago"
        # "last year", but not "the last three years": a period reaching to now
        return "year" in words and bool(_YEARS_BACK.intersection(words))

    def earlier_event(self, tok: Token) -> bool:
        """Whether the clause holding ``tok`` (a figure) is dated to an earlier year. The
        clause is the figure's verb with the verbs it is conjoined to ("Last year, eight
        people were infected and four died") or the participle's head ("In 2019 a ferry
        sank, killing 12"); a relative clause is read with the noun it
        describes ("a bombing in Kampala in 2010 that left 74 dead")."""
        verb = clause_verb(tok)
        if verb is None:
            return False
        for _ in range(8):  # conjoined verbs and participles share their head's dates
            shares = verb.dep_ == "conj" or (verb.dep_ == "advcl" and verb.tag_ in ("VBG", "VBN"))
            if not shares or verb.head.i == verb.i:
                break
            verb = verb.head
        scope = verb.head if verb.dep_ in ("relcl", "acl") else verb
        lo, hi = scope.left_edge.i, scope.right_edge.i + 1
        return any(lo <= s and e <= hi and self._earlier(s, e) for s, e in self.dates)
