"""What a figure learns from the figures and words beside it, once all are read.

:mod:`.counted` reads each figure from the parse around it alone. Some figures
name nothing themselves and only make sense next to another one: "13 advisers had been
killed and 21 wounded" (the 21 are advisers), "rose to 312, up from 281" (281 counts what
312 counts), "rescued 29 people and ... 5, bringing the total to 34" (34 people). This
pass runs over the figures of a page in text order after each has been read, so it costs
a few comparisons per figure. It also holds the word-form fallback for title-case
headlines, whose parse ("Car Bomb Kills 12": "Kills" read as a proper noun) is too poor
for the rules in :mod:`.counted`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING, TypeVar

from newsaudit.quantities.counted import CountLexicon, ReadingLike

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["OPEN_CATEGORIES", "borrow_counted", "is_title_case", "link_figures"]

#: Categories that do not say what a figure counts beyond people in general: a neighbour
#: or a headline word may still change them (a figure's own casualty verdict, unit or
#: currency always wins), and a check may read such a figure as any toll.
OPEN_CATEGORIES = frozenset({None, "other", "count", "people", "personnel"})
#: Share of longer words written with a capital from which a line reads as title case.
_TITLE_SHARE = 0.7

#: The caller's figure type, so its headline test may take that type rather than ReadingLike.
_F = TypeVar("_F", bound=ReadingLike)


def link_figures(
    doc: Doc,
    words: list[str],
    readings: Sequence[_F],
    lex: CountLexicon,
    headline: Callable[[_F], bool],
) -> None:
    """Everything a figure takes from its neighbours, in the order the rules rely on:
    headline word forms first (so a neighbour is already right when it is copied), then
    pairs joined by "and" or a comma, comparisons, and bare totals."""
    for r in readings:
        if r.unit is None and r.category in OPEN_CATEGORIES and headline(r):
            _headline_forms(doc, words, r, lex)
    borrow_counted(doc, readings, lex)
    _comparisons(doc, words, readings, lex)
    _bare_totals(doc, readings, lex)


def is_title_case(sent: Span) -> bool:
    """A line in headline style ("Car Bomb Kills 12 in Market"): most words of four or
    more letters after the first are capitalised."""
    longer = capital = 0
    for tok in sent[1:]:
        text = tok.text
        if len(text) >= 4 and text.isalpha():
            longer += 1
            capital += text[0].isupper()
    return longer >= 2 and capital >= _TITLE_SHARE * longer


def _headline_forms(doc: Doc, words: list[str], r: ReadingLike, lex: CountLexicon) -> None:
    """"Car Bomb Kills 12", "Quake Leaves 300 Dead", "Attack Leaves 12 Soldiers Dead",
    "40 Feared Dead", "Army Loses 250 Fighters": the word forms beside the figure."""
    s = r.start
    before = words[s - 1] if s >= 1 and doc[s - 1].sent.start == doc[s].sent.start else ""
    verdict = lex.headline_before.get(before)
    if verdict is None and before in lex.headline_lost and r.category == "personnel":
        verdict = "killed"  # "Army Loses 250 Fighters"
    if verdict is None:
        sent_end = doc[s].sent.end
        j = r.tok_end
        while j < sent_end and words[j] in lex.headline_skip:
            j += 1
        if j < sent_end:
            verdict = lex.headline_after.get(words[j])
    if verdict is not None:
        r.category = verdict


def borrow_counted(doc: Doc, readings: Sequence[ReadingLike], lex: CountLexicon) -> None:
    """"13 advisers had been killed and 21 wounded": the 21 counts advisers too."""
    for prev, cur in pairwise(readings):
        c = cur.counted_tok
        if cur.unit is not None or prev.counted_tok is None or prev.unit is not None:
            continue
        if c is not None and (c.lower_ not in lex.casualty_words or c.i < cur.num_start):
            continue  # "deaths reached 12" names what it counts
        if prev.counted_tok.lower_ in lex.casualty_words:
            continue
        if doc[prev.tok_end - 1].sent.start != doc[cur.start].sent.start:
            continue
        gap = [doc[k].lower_ for k in range(prev.tok_end, cur.start)]
        if len(gap) > 5 or not any(g in ("and", ",", "while", "with") for g in gap):
            continue
        cur.borrowed = prev.counted_tok.lower_
        if cur.category == "other":
            cur.category = lex.class_of(prev.counted_tok.lower_, prev.counted_tok.lemma_) or "count"


def _counted_word(r: ReadingLike) -> str | None:
    if r.borrowed is not None:
        return r.borrowed
    return r.counted_tok.lower_ if r.counted_tok is not None else None


def _own_noun(r: ReadingLike) -> bool:
    """A noun written after the figure ("281 soldiers", "dozens of people")."""
    c = r.counted_tok
    return c is not None and r.borrowed is None and c.i >= r.num_end


def _comparison_cue(words: list[str], s: int, lex: CountLexicon) -> tuple[str, ...] | None:
    for cue in lex.comparison_cues:
        k = s - len(cue)
        if k >= 0 and tuple(words[k:s]) == cue:
            return cue
    return None


def _comparisons(
    doc: Doc, words: list[str], readings: Sequence[ReadingLike], lex: CountLexicon
) -> None:
    """"rose to 312 by Tuesday, up from 281 on Sunday", "312, compared with 281",
    "rose from 281 to 312": a figure with no noun of its own counts what the figure it is
    compared with counts."""
    for n, cur in enumerate(readings):
        if cur.unit is not None or _own_noun(cur):
            continue
        cue = _comparison_cue(words, cur.start, lex)
        if cue is None:
            continue
        sent = doc[cur.start].sent
        partner = None
        nxt = readings[n + 1] if n + 1 < len(readings) else None
        if (
            cue == ("from",)
            and nxt is not None
            and cur.tok_end < len(words)
            and words[cur.tok_end] == "to"
            and nxt.start == cur.tok_end + 1
        ):
            partner = nxt  # "rose from 281 to 312"
        first_in_sentence = n == 0 or readings[n - 1].start < sent.start
        if partner is None and not first_in_sentence:
            prev = readings[n - 1]
            gap = cur.start - len(cue) - prev.tok_end
            # a bare "from" compares only right after its partner ("rose to 312 from 281"):
            # "sent 300 troops and took aid from 12" is no comparison
            most = 0 if cue == ("from",) else lex.comparison_gap
            if 0 <= gap <= most:
                partner = prev
        if partner is None and first_in_sentence and cue != ("from",):
            if nxt is not None and nxt.start < sent.end:
                partner = nxt  # "Compared with 281 a week ago, 312 people have died"
        if partner is None or partner.unit is not None or partner.category in (None, "other"):
            continue
        counted = _counted_word(partner)
        if counted is None:
            continue
        cur.borrowed = counted
        cur.category = partner.category


def _bare_totals(doc: Doc, readings: Sequence[ReadingLike], lex: CountLexicon) -> None:
    """"rescued 29 people and the Oiapoque rescued 5, bringing the total to 34": a total
    that names nothing counts what the earlier figures of its sentence count, when they
    all count the same thing."""
    for n, cur in enumerate(readings):
        c = cur.counted_tok
        if (
            c is None
            or cur.borrowed is not None
            or cur.category != "count"
            or c.lower_ not in lex.toll_nouns
            or c.i > cur.start
        ):
            continue
        sent_start = doc[cur.start].sent.start
        categories: set[str | None] = set()
        nouns: set[str] = set()
        for prev in readings[:n]:
            if prev.start < sent_start:
                continue
            if prev.unit is not None:
                categories.add(None)  # money or a share: this total is no head count
                break
            categories.add(prev.category)
            noun = _counted_word(prev)
            if noun is not None:
                nouns.add(noun)
        if len(categories) != 1 or len(nouns) > 1:
            continue
        (category,) = categories
        if category in (None, "other", "count"):
            continue
        cur.category = category
        if nouns:
            cur.borrowed = nouns.pop()
