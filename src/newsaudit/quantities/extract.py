"""Quantities: the checkable figures of a page, their bounds, and what they count.

One pass over the tokens of the spaCy parse finds number expressions (:mod:`.numbers`),
widens each with what sets its bounds ("at least", "between ... and ...", "or so") and its
unit or currency, then hands it to :mod:`.counted` for the noun it counts and its category
("13 advisers had been killed" -> killed). Once every figure is read, :mod:`.neighbours`
lets those that name nothing take what their neighbours count ("up from 281", "bringing
the total to 34") and reads title-case headlines by word form. Everything a reader might
disagree with (ranges of "dozens", the band of "about", which nouns are personnel) lives
in ``data/quantifiers.json``.

Figures that are names, dates, times or ages ("Article 5", "May 7", "3 pm", "aged 61",
"the retirement age from 62 to 64", "children under five", "a five-year-old war", list
numbers "1.") are not quantities and are skipped. The band of "about 97 percent" stops at
100 unless the percentage is a change or a ratio that can pass 100.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, cast

from spacy.attrs import LOWER

from newsaudit.model import Approx, Category, Page, Quantity, Span
from newsaudit.quantities.counted import (
    CountLexicon,
    count_lexicon,
    counts_person,
    decide_category,
    find_counted,
    percent_uncapped,
)
from newsaudit.quantities.neighbours import is_title_case, link_figures
from newsaudit.quantities.numbers import (
    RANGE_TOKEN,
    NumberLexicon,
    NumberMatch,
    could_start,
    lexicon,
    looks_like_code,
    parse_digits,
    read_number,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["extract_quantities"]


@lru_cache(maxsize=1)
def _lexicons() -> tuple[NumberLexicon, CountLexicon]:
    return lexicon(), count_lexicon()


@dataclass(slots=True)
class Reading:
    """A figure being read: token positions and what has been learnt so far."""

    start: int
    num_start: int
    num_end: int
    tok_end: int
    value: float | None = None
    approx: str = "exact"
    low_high: tuple[float | None, float | None] | None = None
    unit: str | None = None
    category: str | None = None
    counted_tok: Token | None = None
    anchor: Token | None = None
    root: Token | None = None
    borrowed: str | None = None
    lead: int = 0
    capped: bool = False
    keep: bool = True
    pound: str | None = None  # "pound(s)" read as "weight", "money" or "either" (no sign)
    unit_end: int = 0  # past the unit, which may hold a figure of its own ("6 feet 2 inches")
    trim_at: int = -1  # a token whose last character (a full stop) is not the figure's

    @classmethod
    def skip(cls, end: int) -> Reading:
        return cls(start=end, num_start=end, num_end=end, tok_end=end, keep=False)

    def bounds(self, nl: NumberLexicon) -> tuple[float | None, float | None]:
        """Inclusive low/high (``None`` = open) from the figure and its approximator.
        The band of "about 97 percent" stops at 100 when the figure is a share
        (``capped``); the stated figure itself is never changed."""
        v = self.value
        lo, hi = self.low_high if self.low_high else (v, v)
        kind = self.approx
        if kind in ("at_least", "more_than"):
            return lo, None
        if kind in ("at_most", "fewer_than"):
            return None, hi
        if kind == "about" and v is not None:
            band = nl.about_band
            high = v * (1 + band)
            return v * (1 - band), min(high, _WHOLE) if self.capped else high
        if kind == "almost" and v is not None:
            return v * (1 - nl.almost_band), v
        return lo, hi


#: A share of a whole, in percent.
_WHOLE = 100.0
#: A height in feet and inches, which spaCy splits as "5", "-", "foot-9".
_FOOT_INCHES = re.compile(r"^(?:foot|feet|ft)-(\d{1,2})$")
_INCH_WORDS = frozenset({"inch", "inches", "in"})
_INCHES_PER_FOOT = 12


def extract_quantities(doc: Doc, page: Page) -> tuple[Quantity, ...]:
    """The page's figures in text order, with ids ``q1``, ``q2``, ...

    ``doc`` is the parse of exactly ``page.document.text``.
    """
    nl, cl = _lexicons()
    text = page.document.text
    strings = doc.vocab.strings
    words = [strings[h] for h in doc.to_array(LOWER).tolist()]
    readings: list[Reading] = []
    n = len(doc)
    i = 0
    floor = 0
    alpha_starts = nl.alpha_starts
    while i < n:
        w = words[i]
        if (w.isalpha() and w not in alpha_starts) or not could_start(words, i, nl):
            i += 1
            continue
        reading = _read_at(doc, text, words, i, floor, nl, cl)
        if reading is None:
            i += 1
            continue
        if reading.keep:
            readings.append(reading)
            floor = reading.tok_end
        i = max(reading.num_end, reading.unit_end, i + 1)
    _settle_pounds(readings, nl)
    link_figures(doc, words, readings, cl, _headline_test(doc, page))
    out: list[Quantity] = []
    for reading in readings:
        out.append(_to_quantity(reading, f"q{len(out) + 1}", doc, page, nl))
    return tuple(out)


def _headline_test(doc: Doc, page: Page) -> Callable[[Reading], bool]:
    """Whether a figure stands in a headline segment or a title-case line, where the parse
    is poor and word forms decide (:func:`.neighbours.link_figures`)."""
    seen: dict[int, bool] = {}

    def headline(r: Reading) -> bool:
        tok = doc[r.start]
        segment = page.segment_at(tok.idx)
        if segment is not None and segment.kind == "headline":
            return True
        sent = tok.sent
        if sent.start not in seen:
            seen[sent.start] = is_title_case(sent)
        return seen[sent.start]

    return headline


def _blocked(doc: Doc, text: str, words: list[str], k: int, nl: NumberLexicon) -> bool:
    """Digits at token ``k`` that are no count: codes, dates, times and list numbers
    (:func:`.numbers.looks_like_code`), runs of digit groups (phone numbers,
    "+44 20 7946 0000", "555-123-4567"), and an age in brackets after a name ("Jones (45)";
    not "Lenta (2,870)")."""
    tok = doc[k]
    w = words[k]
    if not w[0].isdigit():
        return False
    if looks_like_code(text, tok.idx, tok.idx + len(w)):
        return True
    if k > 0:
        prev = words[k - 1]
        if prev[:1] == "+" or (prev.isdigit() and doc[k - 1].whitespace_ and "," not in w):
            return True
        if prev == "-" and k > 1 and words[k - 2].isdigit() and not doc[k - 2].whitespace_:
            if k > 3 and words[k - 3] == "-" and words[k - 4].isdigit():
                return True
        if prev == "(" and k > 1 and doc[k - 2].pos_ == "PROPN" and words[k + 1 : k + 2] == [")"]:
            # an age, unless no one is that old ("Lenta (2,870)": a province's count)
            return "," not in w and w.isdigit() and int(w) <= _OLDEST
    if k + 1 < len(words):
        nxt = words[k + 1]
        if nxt.isdigit() and tok.whitespace_ and "," not in w:
            return True
        if not tok.whitespace_ and nxt.isalpha() and not _unit_like(words, k + 1, nl):
            return True  # "5G", "3D", "4K": a name glued to digits
    return False


def _unit_like(words: list[str], k: int, nl: NumberLexicon) -> bool:
    w = words[k]
    return (
        w in nl.suffix_scales
        or w in nl.glued_units
        or w in nl.scales
        or w in nl.time_words
        or nl.match_unit(words, k) is not None
    )


def _read_at(
    doc: Doc,
    text: str,
    words: list[str],
    i: int,
    floor: int,
    nl: NumberLexicon,
    cl: CountLexicon,
) -> Reading | None:
    """Everything about the figure whose number starts at token ``i``; ``None`` when no
    number starts there, a ``keep=False`` reading when one does but is no quantity."""
    m, second = _first_number(words, i, nl)
    if m is None:
        return None
    if _blocked(doc, text, words, i, nl):
        return Reading.skip(m.end)
    coin = _glued_coin(m, nl)
    if m.suffix and m.suffix not in nl.suffix_scales and m.suffix not in nl.glued_units:
        if coin is None:
            return Reading.skip(m.end)  # "21st", "1990s", "3pm", "1080p": not a count
    if not m.words_only and _names_or_dates(doc, words, m, nl, cl):
        return Reading.skip(m.end)
    if m.vague and words[i] in nl.needs_of and (
        words[m.end : m.end + 1] != ["of"] or any(ch.dep_ == "det" for ch in doc[i].lefts)
    ):
        return Reading.skip(m.end)  # "exam scores", "the scores": not "scores of people"
    sign = 1 if i > floor and words[i - 1] in nl.currency_prefix else 0
    between = i - sign > floor and words[i - 1 - sign] in nl.between  # "between $4,000 and"
    if second is None:
        found = _second_number(doc, text, words, m, floor, between, nl)
        if isinstance(found, int):
            return Reading.skip(found)
        if found is not None:
            m, second = found
    r = Reading(start=m.start, num_start=m.start, num_end=m.end, tok_end=m.end, lead=m.lead)
    if m.currency is not None:
        r.unit, r.category = m.currency, "money"  # "R$19 billion": the sign is in the token
    if second is not None:
        r.low_high = (m.value, second.value)
        r.approx = "range"
        r.num_end = second.end
        if between and not sign:
            r.start = i - 1
    else:
        r.value = m.value
        if m.vague:
            r.approx = "vague"
            r.low_high = (m.low, m.high)
    j = _read_unit_after(doc, words, r.num_end, r, nl)
    r.tok_end = r.unit_end = j
    post = nl.match_postposed(words, j)
    if post is not None and r.approx == "exact":
        r.approx, r.tok_end = post
        j = r.tok_end
    _read_before(words, r, m, floor, nl)
    if between and sign and r.approx == "range" and r.start == i - 1:
        r.start = i - 2
    letter = m.suffix
    if letter in nl.currency_only_suffixes and _sign_before(words, m.start, floor, nl) is None:
        if r.unit is not None or _counts_after(doc, words, j, nl):
            _rescale(r, nl.suffix_scales[letter or ""])  # "5m euros", "3.7m subscribers"
        elif letter != "m":
            return Reading.skip(m.end)  # "10k" away from a currency: a race, not a sum
        else:
            r.category, r.unit = "distance", "m"
    elif r.category is None and m.suffix in nl.glued_units:
        r.category, r.unit = nl.glued_units[m.suffix]
    elif r.category is None and coin is not None:
        r.category, r.unit = "money", coin[0]  # "30p"
        _rescale(r, coin[1])
    if j < len(words) and words[j] in nl.date_after:
        return Reading.skip(j + 1)  # "three years ago" dates something
    if r.category == "duration" and _age_after(words, j, nl):
        return Reading.skip(j + 1)  # "a 34-year-old", "65-year-olds": an age
    r.root = _expression_root(doc, r.num_start, r.num_end)
    find_counted(doc, words, r, cl)
    if _bare_non_count(doc, words, r, m, nl, cl) or _is_age(doc, words, r, nl, cl):
        return Reading.skip(r.num_end)
    decide_category(doc, words, r, cl)
    if r.unit in ("%", "pp") and r.approx == "about" and (r.value or 0) <= _WHOLE:
        r.capped = not percent_uncapped(doc, words, r, cl)
    return r


def _glued_coin(m: NumberMatch, nl: NumberLexicon) -> tuple[str, float] | None:
    """A coin letter glued to whole digits: "30p" is 30 pence; "1080p" and "720p" are
    video resolutions, "2.5p" is rarer than a typo."""
    if m.suffix is None or m.suffix not in nl.glued_subunits or m.value is None:
        return None
    if m.value in nl.not_pence or "." in (m.digits or ""):
        return None
    return nl.glued_subunits[m.suffix]


def _settle_pounds(readings: list[Reading], nl: NumberLexicon) -> None:
    """A page that weighs something in pounds and gives no sum in sterling means weight
    by its other bare "pounds" too ("the record is 3,463 pounds" on a catfish page)."""
    if not any(r.pound == "weight" for r in readings):
        return
    if any(r.unit == "GBP" and r.pound != "either" for r in readings):
        return
    for r in readings:
        if r.pound == "either":
            r.pound, r.category, r.unit = "weight", "other", nl.pound_weight_unit


def _age_after(words: list[str], j: int, nl: NumberLexicon) -> bool:
    """"five years old", "a 34-year-old", "65-year-olds"."""
    if j < len(words) and words[j] == "-":
        j += 1
    return j < len(words) and words[j] in nl.age_after


def _expression_root(doc: Doc, start: int, end: int) -> Token:
    """The token of ``[start, end)`` whose head lies outside it (the last one if several)."""
    root = doc[end - 1]
    for k in range(end - 1, start - 1, -1):
        h = doc[k].head.i
        if h < start or h >= end or h == k:
            return doc[k]
    return root


#: How an age noun hangs off the verb that takes the figure ("raised the age to 18").
_AGE_HOLDERS = frozenset({"dobj", "nsubj", "nsubjpass"})


def _is_age(doc: Doc, words: list[str], r: Reading, nl: NumberLexicon, cl: CountLexicon) -> bool:
    """A figure that gives an age: governed by an age noun a few words back ("raise the
    retirement age from 62 to 64", "the age of 18", "aged over 65"), the complement of
    one ("the voting age is 16"), or a small bare figure after "under"/"over" right
    behind a people noun ("children under five", "people over 65")."""
    if r.category not in (None, "duration") or r.counted_tok is not None:
        return False
    if r.category == "duration" and r.unit != "year":
        return False
    k = r.start - 1
    for _ in range(6):
        if k < 0:
            break
        w = words[k]
        if w in nl.age_nouns:
            return True
        if not (w in nl.age_skip or w[0].isdigit() or w in nl.units or w in nl.tens):
            break
        k -= 1
    root = r.root
    if root is not None and root.dep_ in ("attr", "acomp") and root.head.lemma_ == "be":
        if any(ch.dep_ == "nsubj" and ch.lemma_ in nl.age_nouns for ch in root.head.children):
            return True  # "the voting age is 16"
    if root is not None and root.dep_ == "pobj" and root.head.lower_ in ("to", "from"):
        verb = root.head.head
        if verb.pos_ == "VERB" and any(
            ch.dep_ in _AGE_HOLDERS and ch.lemma_ in nl.age_nouns for ch in verb.children
        ):
            return True  # "lowered the age of consent to 15", "the pension age rose to 67"
    s = r.start
    if (
        r.category is None
        and s >= 1
        and words[s] in nl.age_before_people
        and r.value is not None
        and r.value <= nl.age_max
    ):
        before = doc[s - 1]
        w = before.lower_
        return w in nl.age_people_words or cl.class_of(w, before.lemma_) is not None
    return False


def _first_number(
    words: list[str], i: int, nl: NumberLexicon
) -> tuple[NumberMatch | None, NumberMatch | None]:
    """The number at ``i``; both ends when spaCy kept a range as one token ("20–30")."""
    range_tok = RANGE_TOKEN.match(words[i])
    if range_tok is None:
        return read_number(words, i, nl), None
    a = parse_digits(range_tok.group(1))
    b = parse_digits(range_tok.group(2))
    if a is None or b is None or (nl.is_year(a) and nl.is_year(b)) or b <= a:
        return None, None
    return NumberMatch(i, i + 1, a, digits=range_tok.group(1)), NumberMatch(i, i + 1, b)


def _second_number(
    doc: Doc,
    text: str,
    words: list[str],
    m: NumberMatch,
    floor: int,
    between: bool,
    nl: NumberLexicon,
) -> tuple[NumberMatch, NumberMatch] | int | None:
    """The other end of "20 to 30", "20-30", "two or three", "between 20 and 30 million".

    Returns both ends (the first rescaled when the scale is shared), an end index to skip
    to for a score ("3-1"), or ``None``. "from 20 to 30" is a change, not a range.
    """
    n, i, j = len(words), m.start, m.end
    if j + 1 >= n or words[j] not in nl.range_joiners or m.vague or m.value is None:
        return None
    joiner = words[j]
    if joiner == "and" and not between:
        return None
    if i - 1 >= floor and words[i - 1] in nl.change_from and words[i - 2 : i - 1] != ["anywhere"]:
        return None
    sign2 = nl.currency_prefix.get(words[j + 1])
    if sign2 is not None and sign2 != (m.currency or nl.currency_prefix.get(words[i - 1])):
        return None  # "$6.6 million - £4.3million": a sum and its conversion, not a range
    k = j + 2 if sign2 is not None else j + 1
    if k >= n or not could_start(words, k, nl) or _blocked(doc, text, words, k, nl):
        return None
    m2 = read_number(words, k, nl)
    if m2 is None or m2.vague or m2.value is None:
        return None
    first = m.value
    if m.scale == 1 and m2.scale > 1 and first * m2.scale <= m2.value:
        first *= m2.scale
    if joiner == "-" and m2.value <= first and not m.words_only:
        return None if sign2 else m2.end  # a score, unless they are sums
    if nl.is_year(first) and nl.is_year(m2.value) and "," not in (m.digits or ","):
        return m2.end  # "2014-2016": years
    if m2.value <= first or (joiner == "or" and m2.value > 100):
        return None
    if _is_month_next(words, m2.end, nl):
        return None
    first_end = NumberMatch(
        m.start, m.end, first, scale=m2.scale, words_only=m.words_only, digits=m.digits
    )
    return first_end, m2


def _read_before(
    words: list[str], r: Reading, m: NumberMatch, floor: int, nl: NumberLexicon
) -> None:
    """A currency sign and an approximator before the figure widen it to the left."""
    s = r.start
    sign = _sign_before(words, s, floor, nl)
    if sign is not None and r.unit is None:
        r.unit, k = sign
        r.category = "money"
        s = k
        if m.suffix is not None and m.suffix in nl.currency_only_suffixes:
            _rescale(r, nl.suffix_scales[m.suffix])
    pre = nl.match_approximator(words, s, floor)
    if pre is not None and (r.approx in ("exact", "vague") or pre[0] == r.approx):
        kind, k = pre
        if not (r.category == "duration" and words[k] in nl.not_before_duration):
            if r.approx != "vague" or kind not in ("about", "almost"):
                r.approx = kind
            s = k
    r.start = s


def _sign_before(
    words: list[str], s: int, floor: int, nl: NumberLexicon
) -> tuple[str, int] | None:
    """The currency sign ending just before token ``s``: (code, its start). spaCy splits
    "Rs. 500" into "Rs", ".", "500"."""
    if s - 1 < floor:
        return None
    code = nl.currency_prefix.get(words[s - 1])
    if code is not None:
        return code, s - 1
    if words[s - 1] == "." and s - 2 >= floor:
        code = nl.currency_prefix.get(words[s - 2] + ".")
        if code is not None:
            return code, s - 2
    return None


def _rescale(r: Reading, scale: float) -> None:
    if r.value is not None:
        r.value *= scale
    if r.low_high:
        lo, hi = r.low_high
        r.low_high = (
            lo * scale if lo is not None else None,
            hi * scale if hi is not None else None,
        )


def _bare_non_count(
    doc: Doc, words: list[str], r: Reading, m: NumberMatch, nl: NumberLexicon, cl: CountLexicon
) -> bool:
    """Judgement calls on figures with nothing around them: years ("in 2012"), dates the
    NER saw, and "one" that counts nothing ("one of the biggest", "one day")."""
    i = m.start
    if r.approx == "exact" and r.category is None:
        year_like = bool(m.digits) and "," not in (m.digits or "") and nl.is_year(m.value)
        grouped = "," in (m.digits or "")  # "40,000" is never a date, whatever the NER says
        # "kills 47": a verb's object is what it acts on, no date, whatever the NER says
        acted_on = doc[i].dep_ == "dobj" and doc[i].head.pos_ == "VERB"
        dated = doc[i].ent_type_ in ("DATE", "TIME") and not grouped and not acted_on
        if r.counted_tok is None and (dated or year_like):
            return True
        if year_like and (r.counted_tok is None or r.counted_tok.tag_ != "NNS"):
            return True
    if m.words_only and words[i] == "one":
        if i + 1 < len(words) and words[i + 1] == "of":
            return True
        if m.end == i + 1 and r.approx == "exact" and r.category in (None, "duration"):
            return not counts_person(r, cl)
    return False


def _is_month_next(words: list[str], j: int, nl: NumberLexicon) -> bool:
    return j < len(words) and words[j] in nl.months


#: The oldest age a number set after a name may give ("Smith, 34,").
_OLDEST = 120


def _names_or_dates(doc: Doc, words: list[str], m: NumberMatch, nl: NumberLexicon,
                    cl: CountLexicon) -> bool:
    """Digits that date, time, label or age something: "May 7", "7 May", "3 pm",
    "Article 5", "Smith, 34,", "a woman, 26,", "aged 61", "died at 57"."""
    i = m.start
    n = len(words)
    if m.currency is not None or (i > 0 and words[i - 1] in nl.currency_prefix):
        return False  # "MacBook Air (£789)", "Glazed Mushrooms ($16 each)": a price, no age
    if i > 0:
        prev = doc[i - 1]
        pw = words[i - 1]
        if pw in nl.months and prev.text[:1].isupper():
            return True
        if pw in nl.label_words and prev.text[:1].isupper():
            return True
        if pw == "." and i > 1 and words[i - 2] in nl.label_words and doc[i - 2].text[:1].isupper():
            return True  # "No. 10"
        if pw in nl.age_words:
            return True
    if m.end < n:
        nw = words[m.end]
        if nw in nl.months and doc[m.end].text[:1].isupper() and (m.value or 99) <= 31:
            return True
        if nw in nl.time_words:
            return True
    tok = doc[i]
    head = tok.head
    # "Smith, 34,": an age; "Kelem: 410,000" is no one's age
    aged = m.value is not None and m.value <= _OLDEST and "," not in (m.digits or "")
    if not aged:
        return False
    if head.lower_ == "at" and tok.dep_ == "pobj" and head.head.lemma_ == "die":
        return True  # "dies at 57": the age of the one who died
    # a name, or one person named by a noun ("a woman, 26,": the news way to give an age;
    # "eight soldiers, 12, …" is no age)
    named = (head.ent_type_ == "PERSON" or head.pos_ == "PROPN"
             or (head.tag_ == "NN" and cl.class_of(head.lower_, head.lemma_) is not None))
    return tok.dep_ == "appos" and head.i < i and named


def _read_unit_after(doc: Doc, words: list[str], j: int, r: Reading, nl: NumberLexicon) -> int:
    """Consume a percent sign, currency word or unit after the figure; return the new end."""
    n = len(words)
    if j >= n:
        return j
    hyphen = False
    if words[j] == "-" and j + 1 < n and doc[j - 1].whitespace_ == "":
        hyphen = True  # "a 48-hour strike", "a 10-mile convoy"
        j += 1
    elif words[j] == "of" and r.approx == "vague" and _of_unit(words, j + 1, nl):
        j += 1  # "hundreds of pounds", "thousands of tonnes"
    height = _FOOT_INCHES.match(words[j]) if hyphen else None
    if height is not None and int(height.group(1)) < _INCHES_PER_FOOT:
        r.category, r.unit = "distance", "ft"  # "5-foot-9", "5-foot-10-inches"
        _add_inches(r, int(height.group(1)))
        end = j + 1
        if words[end : end + 1] == ["-"] and set(words[end + 1 : end + 2]) & _INCH_WORDS:
            end += 2
        return end
    coin = nl.subunits.get(words[j])
    if coin is not None and r.category is None:
        r.category, r.unit = "money", coin[0]  # "50 cents", "a 50-cent coin"
        _rescale(r, coin[1])
        return j + 1
    unit = nl.match_unit(words, j)
    if unit is not None:
        category, code, k = unit
        if words[j] in nl.currency_verbs and _used_as_verb(doc[j]):
            return j - 1 if hyphen else j  # "30 won their races"
        if words[j] in nl.material_words and not hyphen and _modifies_next(doc[j]):
            if not words[r.num_start][0].isdigit():
                return j  # "three stone houses", but "a 19 stone catfish"
        if category == "money" and k == j + 1 and words[j] in nl.pound_words:
            r.pound = _pound_reading(doc, words, r, j, hyphen, nl)
            if r.pound == "weight":
                category, code = "other", nl.pound_weight_unit
        r.category, r.unit = category, code
        if code == "ft" and r.value is not None:
            return _inches_after(doc, words, k, r)  # "6 feet 2 inches"
        return k
    if hyphen:
        return j - 1
    letter = words[j]
    if letter[-1:] == "." and len(letter) == 2:
        letter = letter[0]  # "worth £300m." ends a sentence: spaCy keeps "m." as one token
    if letter in nl.currency_only_suffixes and doc[j - 1].whitespace_ == "" and j > 0:
        # "£300m" -> "£", "300", "m": a glued scale letter spaCy split off
        scale = nl.suffix_scales[letter]
        prefix_at = r.start - 1
        glued_sign = r.category == "money" and r.lead > 0  # "S$5m"
        if letter != words[j]:
            r.trim_at = j
        signed = glued_sign or (prefix_at >= 0 and words[prefix_at] in nl.currency_prefix)
        unit = nl.match_unit(words, j + 1) if letter == words[j] else None  # not "5m."
        counts = not signed and unit is None and _counts_after(doc, words, j + 1, nl)
        if signed or unit is not None or counts:
            _rescale(r, scale)  # "£300m"; "5m euros", "a 1m peso reward", "2m people"
            r.num_end = j + 1
            if counts:
                # spaCy parses the split-off "m" as a verb or a noun ("has more than 3.7 m
                # subscribers"), so the parse cannot name what is counted: the noun can
                r.counted_tok = r.anchor = doc[j + 1]
                return j + 2
            if unit is None or signed:
                return j + 1
            r.category, r.unit = unit[0], unit[1]
            return unit[2]
        if letter == "m":
            r.category, r.unit = "distance", "m"
            return j + 1
        r.trim_at = -1
    return j


def _counts_after(doc: Doc, words: list[str], j: int, nl: NumberLexicon) -> bool:
    """A plural noun right after "3.7m" or "10k": a count in millions or thousands
    ("3.7m subscribers"), not metres; "the 400m hurdles" stays a race, and so does a
    noun that only modifies the next ("the 2.67m wels catfish")."""
    return (
        j < len(words)
        and doc[j].tag_ in ("NNS", "NNPS")
        and words[j] not in nl.letter_measure_nouns
        and not _modifies_next(doc[j])
    )


def _add_inches(r: Reading, inches: int) -> None:
    if r.value is not None:
        r.value += inches / _INCHES_PER_FOOT


def _inches_after(doc: Doc, words: list[str], k: int, r: Reading) -> int:
    """The inches of "6 feet 2 inches", added to the feet; ``k`` when none follow."""
    if k + 1 < len(words) and words[k].isdigit() and words[k + 1] in _INCH_WORDS:
        inches = int(words[k])
        if inches < _INCHES_PER_FOOT and doc[k - 1].whitespace_:
            _add_inches(r, inches)
            return k + 2
    return k


def _of_unit(words: list[str], j: int, nl: NumberLexicon) -> bool:
    """A currency or a unit of weight or volume after the "of" of a vague count."""
    unit = nl.match_unit(words, j)
    return unit is not None and unit[0] in ("money", "other")


def _modifies_next(tok: Token) -> bool:
    return tok.dep_ in ("compound", "amod", "nmod") and tok.head.i > tok.i


def _pound_reading(
    doc: Doc, words: list[str], r: Reading, j: int, hyphen: bool, nl: NumberLexicon
) -> str:
    """Whether "pound(s)" at token ``j`` weighs ("weight") or pays ("money"), or says
    neither ("either", read as money unless the page weighs in pounds elsewhere); see
    ``pound_weight_guard`` in ``quantifiers.json``."""
    n = len(words)
    nxt = words[j + 1] if j + 1 < n else ""
    if nxt == "of":
        return "weight"  # "five pounds of flour"
    tok = doc[j]
    if (hyphen and nxt.isalpha()) or (
        words[j] == "pound"
        and r.value != 1
        and (_modifies_next(tok) or (nxt.isalpha() and doc[j + 1].pos_ in ("NOUN", "ADJ")))
    ):
        # "a 280-pound catfish", "the 280 pound catfish", "a 5-pound note"
        return "money" if _noun_after(doc, j) in nl.money_nouns else "weight"
    if any(a.lemma_ in nl.money_verbs for a in list(tok.ancestors)[:3]):
        return "money"  # "paid 280 pounds", "was fined 280 pounds"
    sent = tok.sent
    if any(t.lower_ in nl.weight_cues or t.lemma_ in nl.weight_cues for t in sent):
        return "weight"  # "weighed 280 pounds", "5 feet tall and 300 pounds"
    return "either"


def _noun_after(doc: Doc, j: int) -> str:
    """The noun a measure before it modifies: "a 5-pound note", "a 500-pound guided bomb"."""
    head = doc[j].head
    if head.i > j and head.pos_ in ("NOUN", "PROPN"):
        return head.lower_
    for tok in doc[j + 1 : j + 4]:
        if tok.pos_ in ("NOUN", "PROPN"):
            return tok.lower_
    return ""


def _used_as_verb(tok: Token) -> bool:
    """"30 won their races": a verb with an object; "300 million won in reserve", which
    spaCy also tags as a verb, has none and stays a currency."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    return any(ch.dep_ in ("dobj", "attr", "ccomp", "xcomp", "prt") for ch in tok.children)


def _to_quantity(r: Reading, qid: str, doc: Doc, page: Page, nl: NumberLexicon) -> Quantity:
    text = page.document.text
    start = doc[r.start].idx
    last = doc[r.tok_end - 1]
    end = last.idx + len(last.text) - (r.tok_end - 1 == r.trim_at)
    num_first = doc[r.num_start]
    num_last = doc[r.num_end - 1]
    num_end = num_last.idx + len(num_last.text) - (r.num_end - 1 == r.trim_at)
    low, high = r.bounds(nl)
    segment = page.segment_at(start)
    counted = r.borrowed
    if counted is None and r.counted_tok is not None:
        counted = r.counted_tok.lower_  # lower case, so "Advisers" in a headline matches
    return Quantity(
        id=qid,
        start=start,
        end=end,
        text=text[start:end],
        value=_tidy(r.value),
        low=_tidy(low),
        high=_tidy(high),
        approx=cast(Approx, r.approx),
        counted=counted,
        category=cast(Category, r.category or "other"),
        segment=segment.kind if segment is not None else "body",
        unit=r.unit,
        number=Span.of(text, num_first.idx + r.lead, num_end),
    )


def _tidy(x: float | None) -> float | int | None:
    """Whole figures as ints; others rounded so that 2000 * 1.1 reads 2200."""
    if x is None:
        return None
    x = float(x)
    whole = round(x)
    if abs(x - whole) <= 1e-9 * max(1.0, abs(x)):
        return int(whole)  # 14e9 * 1.1 is 15400000000.000002 in floating point
    return round(x, 6)
