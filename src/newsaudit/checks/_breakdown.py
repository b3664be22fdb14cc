"""A breakdown that does not add up to the total it breaks down.

"Corran Steel will cut 1,500 jobs … The cuts break down as 700 at Westford, 500 at
Lissane and 200 at Hobb Point" accounts for 1,400: one of the figures is wrong, or a part
is missing, and as written the page does not add up. Only a breakdown the page presents
as the whole counts ("break down as", "split between", "made up of", "comprising"):
"the dead included 12 soldiers and nine civilians" names some of the dead, not all, and
"of whom 20 were children" picks one group out. A sentence that opens on the whole it
divides ("Of the 23 arrested, 11 were charged with burglary, eight with theft and six with
criminal damage"; "Of those, ...") often lists only some groups, so it is held only to
not exceeding its total: parts adding up to more than the whole cannot all be right. So
are the groups picked out of a total ("412 injured, including 260 children and 180
women"; "the programme includes ..."), read up to the first comma not followed by another
group. "The dead were eight men, four women and three children" is a whole. A breakdown
may be set out as lines under its sentence ("... split across four departments:" over
"Adult social care: £118m" and the rest, or "..., by district:"), and then its total may
stand a paragraph before it.

The total is the nearest figure before the breakdown, in its sentence or the one before
it, that is larger than every part and of the parts' kind (or the
parts are bare numbers, "700 at Westford", whose noun the sentence leaves out). A sum
far from the total (outside ``same_tally_ratio``) is read as another breakdown, not a
slip, and left alone; so is one within the total's rounding ("$2 billion" over $1.25
billion and $800 million), as far as the parts' own rounding allows it ("$600m" over
$310m, $190m and $70m is no rounding of $570m).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from newsaudit.figures.compare import near_values
from newsaudit.figures.words import lexicon
from newsaudit.model import Finding, Quantity, Report, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["breakdown_findings"]

#: Phrases that present the figures after them as the whole of a total.
_WHOLE = re.compile(r"\b(?:(?:break|breaks|broke|broken)\s+down\s+as|split|divided|"
                    r"made\s+up\s+of|compris(?:e|es|ed|ing)|comprised\s+of|"
                    r"consist(?:s|ed|ing)?\s+of|"
                    # "the dead were eight men, four women and three children"
                    # (not "15 of the dead were civilians": a group picked out)
                    r"(?<!\bof\s)the\s+(?:dead|deceased|victims|injured|wounded|casualties|"
                    r"fatalities)\s+"
                    r"(?:were|are)|"
                    # a list under "..., by district:" (see _list_end)
                    r"by\s+(?:district|region|county|province|state|department|ward|area|"
                    r"country|age|sex|gender|category|type)\s*:)",
                    re.IGNORECASE)
#: A sentence that opens on the whole it divides: "Of the 52 dead, …", "Of those, …".
_PARTITIVE = re.compile(r"Of\s+(?:the|those|these|them)\b")
#: Words that pick groups out of a total just before them ("412 injured, including 260
#: children and 180 women"; "the programme includes quay walls at £210m, cranes at
#: £148m ..."): some of the whole, so only held to not exceeding it.
_SUBSET = re.compile(r"\b(?:including|includes|include|included|among\s+them|among\s+whom|"
                     r"of\s+whom)\b", re.IGNORECASE)
#: A full stop and a capital the sentence splitter did not break at ("... after 2 a.m. Six
#: of the wounded ...").
_RAN_ON = re.compile(r"\b[ap]\.m\.(?=\s+[A-Z])")
#: "the dead were ..." breaks down a toll of the dead, "the injured were ..." one of the
#: wounded: the total is of that category.
_WHOLE_OF = (("dead", "killed"), ("deceased", "killed"), ("fatalities", "killed"),
             ("injured", "wounded"), ("wounded", "wounded"))
#: A colon or a dash that opens a run-in list of the total's parts ("Fourteen people were
#: taken to hospitals — six to Mercy Regional, five to St. Alban's and four to Tri-County";
#: "6,412 cases across the four provinces: Lenta (2,870), Morovo (1,944), ..."); not a
#: colon that opens speech, nor one inside a time ("14:30").
_RUN_IN = re.compile(r"(?<![\d:]):(?=[ \t]+[^\s\"\u201c'\u2018])|[ \t](?:\u2014|\u2013|--)[ \t]+")
#: A run-in list whose clause opens on the toll it divides by name, with no figure ("The
#: deaths were recorded in three counties: three in Pell County, two in ..."): its total is
#: the toll of that category in the sentence before.
_DEFINITE_WHOLE = re.compile(r"\s*The\s+(deaths|dead|fatalities|victims|injured|wounded|"
                             r"injuries)\b(?!\s+(?:of|in|at|on)\s)")
_DEFINITE_OF = {"deaths": "killed", "dead": "killed", "fatalities": "killed",
                "victims": "killed", "injured": "wounded", "wounded": "wounded",
                "injuries": "wounded"}
#: A run-in list's items: split on commas, semicolons and a final "and".
_ITEM_SPLIT = re.compile(r"\s*(?:,(?!\d{3}\b)|;)\s*(?:and\s+)?|\s+and\s+")
_ITEM_WORDS = 8
#: An item that dates its figure ("12 at noon, 19 by evening"): a reading over time, not a
#: part of the whole.
_TIMED = re.compile(r"\b(?:at|by|on|since|until)\s+(?:\d|noon|midnight|dawn|dusk|night|"
                    r"morning|evening|(?:mon|tues|wednes|thurs|fri|satur|sun)day)", re.IGNORECASE)


def _run_in_end(text: str, qs: Sequence[Quantity], start: int, stop: int) -> int | None:
    """Where a run-in list that starts at ``start`` ends, when everything from there to
    the sentence's end is two or more short items of one number each (an attribution tail,
    ", according to ...", ", officials said", may close it); None when it is no such
    list."""
    body = text[start:stop].rstrip().rstrip(".")
    tail = re.search(r",\s*(?:according\s+to\b|(?:the\s+)?[a-z][\w\s'’.-]{0,60}\b(?:said|says|"
                     r"reported|reports|told)\b)[^,]*$", body)
    if tail:
        body = body[: tail.start()]
    items, pos = [], 0
    for m in _ITEM_SPLIT.finditer(body):
        items.append((pos, m.start()))
        pos = m.end()
    items.append((pos, len(body)))
    # "40 motor, 18 property and 6 commercial, including 12 seconded from ...": a group
    # picked out of the list's whole ends the list
    picked = next((n for n, (a, b) in enumerate(items) if _SUBSET.match(body[a:b])), None)
    if picked is not None:
        items = items[:picked]
    if len(items) < 2:
        return None
    for a, b in items:
        piece = body[a:b]
        nums = [q for q in qs if start + a <= q.start < start + b and _exact(q)]
        if (len(nums) != 1 or len(piece.split()) > _ITEM_WORDS or _TIMED.search(piece)
                or _RUN_IN.search(piece)):
            return None  # not one short part each; or an aside between dashes
    return start + items[-1][1]


#: A line of a breakdown set out as a list under its sentence ("Adult social care: £118m"):
#: a label of a few words, then one figure.
_LIST_LINE = re.compile(r"^[ \t]*(?:[-*\u2022][ \t]*)?[^\n:]{1,60}:[ \t]*\S[^\n]{0,30}$")
_LIST_LINES = 8
#: How many sentences before a list's own line its total may stand.
_LIST_LOOKBACK = 3
#: Categories a breakdown may be of, by family: a breakdown of the dead is of people
#: ("31 civilians, 17 soldiers": people and personnel, not "killed", by their verb).
_FAMILY = {"people": "persons", "personnel": "persons", "killed": "persons",
           "wounded": "persons", "count": "count", "money": "money"}
_KINDS = frozenset(_FAMILY)
#: An "about" total may lie this many times its rounding from the sum ("about 1,500" over
#: 1,460): the writer rounded, perhaps coarser than the digits show.
_ABOUT_SLACK = 2
_MAX_PARTS = 6


def _rounding(value: float) -> float:
    """How far a stated total may lie from the true sum by rounding alone: half the unit
    of its last significant digit ("1,500": 50; "$2 billion": half a billion)."""
    n = round(abs(value))
    if n != abs(value) or n == 0:
        return 0.0
    unit = 1
    while n % 10 == 0:
        n //= 10
        unit *= 10
    return unit / 2 if unit > 1 else 0.0


#: Scale words of a total and the word the sum is written with.
_SCALES = (("billion", 1e9, "billion"), ("bn", 1e9, "billion"), ("million", 1e6, "million"),
           ("m", 1e6, "million"), ("thousand", 1e3, "thousand"))


def _say(value: float, total: Quantity) -> str:
    """The sum as the page would write it, in the total's currency and scale ("£11
    million" beside "£12 million"; "1,400" beside "1,500 jobs")."""
    words = re.findall(r"[a-z]+", total.text.lower())
    sign = total.text[0] if total.text and not total.text[0].isalnum() else ""
    for word, scale, name in _SCALES:
        if word in words:
            n = round(value / scale, 2)
            shown = f"{n:,.2f}".rstrip("0").rstrip(".")
            return f"{sign}{shown} {name}"
    return f"{sign}{value:,.0f}" if value == int(value) else f"{sign}{value:,.2f}"


def _exact(q: Quantity) -> bool:
    return q.approx == "exact" and isinstance(q.value, int | float) and q.value > 0


def _stated(q: Quantity) -> bool:
    """A total given as one number, exact or "about"/"an estimated" (not a range, nor
    "at least": a floor allows any larger sum)."""
    return q.approx in ("exact", "about") and isinstance(q.value, int | float) and q.value > 0


def _parts(qs: Sequence[Quantity], start: int, end: int) -> list[Quantity]:
    return [q for q in qs if start <= q.start < end and _exact(q)
            and (q.category in _KINDS or (q.category == "other" and q.counted is None))]


def _by_family(parts: list[Quantity]) -> list[list[Quantity]]:
    """The parts of each family, with the bare numbers in every one ("divided three ways:
    £5 million, …": the "three ways" is no part of the money)."""
    families = dict.fromkeys(_FAMILY[p.category] for p in parts if p.category != "other")
    by_family = [[p for p in parts if p.category == "other" or _FAMILY[p.category] == fam]
                 [:_MAX_PARTS] for fam in families]
    bare = [p for p in parts if p.category == "other"]
    if families and len(bare) >= 2:
        # "Of these, 41,500 are living in the four formal camps, 27,300 ...": the bare
        # numbers are the parts, and "four formal camps" is a word of one of them
        by_family.append(bare[:_MAX_PARTS])  # when no family finds its total
    return by_family or [parts[:_MAX_PARTS]]


def _total(qs: Sequence[Quantity], parts: list[Quantity], lo: int, hi: int,
           of: str | None = None) -> Quantity | None:
    """The nearest figure in ``lo:hi`` before the parts, larger than each, of their kind
    (and of the category ``of`` when the sentence names the toll it divides)."""
    kinds = {_FAMILY[p.category] for p in parts if p.category != "other"}
    if len(kinds) > 1:
        return None
    biggest = max(p.value for p in parts if p.value is not None)
    before = [q for q in qs if lo <= q.start < hi and _stated(q) and q.category in _KINDS
              and (not kinds or _FAMILY[q.category] in kinds) and q.value is not None
              and q.value > biggest and (of is None or q.category == of)]
    return before[-1] if before else None


def _list_end(text: str, at: int) -> int | None:
    """Where a breakdown set out as lines under the marker's line ends ("The £312m total
    is split across four departments:" over "Adult social care: £118m", ...), or None
    when the marker's line does not end on a colon over such lines."""
    eol = text.find("\n", at)
    if eol < 0 or not text[at:eol].rstrip().endswith(":"):
        return None
    end, n = eol, 0
    for line in text[eol + 1 :].split("\n"):
        if n == _LIST_LINES or not _LIST_LINE.match(line):
            break
        end += 1 + len(line)
        n += 1
    return end if n >= 2 else None


def _list_stop(text: str, qs: Sequence[Quantity], start: int, stop: int) -> int:
    """Where the groups a marker picks out end: at the first comma or semicolon not
    followed by another group ("including eight children, revising up an earlier
    estimate of 58" lists one group; "including 260 children, 180 women and 40 men" three)."""
    starts = {q.start for q in qs if start <= q.start < stop}
    for m in re.finditer(r"[,;]", text[start:stop]):
        at = start + m.end()
        rest = text[at:stop]
        k = len(rest) - len(rest.lstrip())
        conj = re.match(r"(?:and|or)\s+", rest[k:], re.IGNORECASE)
        if conj:
            k += conj.end()
        if at + k not in starts:
            return at - 1
    return stop


#: A partitive list ("Of the 27 injured, 14 are employees, 9 are contractors and 3 are
#: drivers") reads as the whole when it names this many groups, closes on "and", and misses
#: its total by no more than the larger of these (a count or a share of the total): a slip
#: of one or two, not groups left unnamed ("Of the 684 cases, 474 were pneumonic, 156
#: bubonic and 1 septicemic" leaves 53 unclassified).
_CLOSED_PARTS = 3
_CLOSED_GAP, _CLOSED_SHARE = 3, 0.06
#: A last group named as the rest ("and the remaining four"): the list is the whole.
_REST = re.compile(r"\b(?:the\s+)?(?:remaining|rest|other)\b", re.IGNORECASE)


def _closed_list(text: str, parts: Sequence[Quantity], gap: float, stated: float) -> bool:
    """Whether a partitive list of groups is given as all of its total (see above)."""
    if gap > max(_CLOSED_GAP, _CLOSED_SHARE * stated):
        return False
    before_last = text[parts[-2].end : parts[-1].end]
    if _REST.search(before_last):
        return True
    return len(parts) >= _CLOSED_PARTS and re.search(r"\band\b", before_last) is not None


def breakdown_findings(report: Report, doc: Doc, check: str) -> Iterator[Finding]:
    """Warnings for breakdowns presented as whole whose parts miss their total."""
    qs = sorted((q for q in report.quantities if q.segment in ("standfirst", "body")),
                key=lambda q: q.start)
    if len(qs) < 3:
        return
    ratio = lexicon().same_tally_ratio
    seen: set[int] = set()
    text = report.document.text
    markers = [(m, "whole") for m in _WHOLE.finditer(text)]
    markers += [(m, "partitive") for m in _PARTITIVE.finditer(text)]
    markers += [(m, "subset") for m in _SUBSET.finditer(text)]
    markers += [(m, "run-in") for m in _RUN_IN.finditer(text)]
    for marker, how in sorted(markers, key=lambda x: x[0].start()):
        at = doc.char_span(marker.start(), marker.end(), alignment_mode="expand")
        if at is None or at.sent.start in seen:
            continue  # one breakdown per sentence, from its first marker
        sent = at.sent
        end = marker.end()
        if how == "partitive":
            # the whole is what the sentence opens on; the parts follow its first comma
            comma = text.find(",", end, sent.end_char)
            if sent.start_char != marker.start() or comma < 0:
                continue
            end = comma
        some = how not in ("whole", "run-in")  # may name only some of the groups
        if how == "subset":
            end_of_list = _list_stop(text, qs, marker.end(), sent.end_char)
        elif how == "run-in":
            run_end = _run_in_end(text, qs, marker.end(), sent.end_char)
            if run_end is None or _SUBSET.search(text[sent.start_char : marker.start()]):
                continue  # no list of parts, or one a marker already reads
            end_of_list = run_end
        else:
            end_of_list = sent.end_char
            # a sentence the parser ran on past "a.m." or "p.m." ends there all the same
            ran_on = _RAN_ON.search(text, marker.end(), end_of_list)
            if ran_on:
                end_of_list = ran_on.start() + 1
        seen.add(sent.start)
        # the total: in this sentence before the parts, or in the sentence before it ("The
        # council was awarded £12 million. The money will be divided three ways: …"); a
        # run-in list's in the clause the list runs on from
        lo = doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
        definite = None
        if how == "run-in":
            lo = max(sent.start_char, text.rfind("\n", 0, marker.start()) + 1)
            definite = _DEFINITE_WHOLE.match(text, sent.start_char)
            if definite is not None and sent.start > 0:
                lo = doc[sent.start - 1].sent.start_char  # "The deaths ...": the toll before
        stop = _list_end(text, marker.start()) if how == "whole" else None
        if stop is not None:
            # a list set out under its own line may break down a total given a paragraph
            # before ("An estimated 1.25 million people ... face hunger." ... "by district:")
            back = sent.start
            for _ in range(_LIST_LOOKBACK):
                if back > 0:
                    back = doc[back - 1].sent.start
            lo = doc[back].idx
        elif marker.group().lower().startswith("by"):
            continue  # "by district:" heads a list, or is no breakdown
        found: tuple[list[Quantity], Quantity, float] | None = None
        of = next((cat for word, cat in _WHOLE_OF
                   if re.search(rf"\b{word}\s+(?:were|are)\b", marker.group(), re.IGNORECASE)),
                  None)
        if definite is not None:
            of = _DEFINITE_OF[definite.group(1).lower()]
        for parts in _by_family(_parts(qs, end, stop or end_of_list)):
            total = (_total(qs, parts, lo, parts[0].start, of if definite is not None else None)
                     if len(parts) >= 2 else None)
            if total is not None and of is not None and total.category != of:
                total = None  # "the dead were ..." under a count of the wounded
            if total is not None and total.value is not None:
                found = (parts, total, total.value)
                break
        if found is None:
            continue
        parts, total, stated = found
        whole = sum(p.value for p in parts if p.value is not None)
        slack = _rounding(stated) * (1 if total.approx == "exact" else _ABOUT_SLACK)
        if total.approx == "exact":
            # Parts given finer than the total bound how far it can be their rounded sum:
            # "$600m, made up of $310m, $190m and $70m" is $570m, which no one writes as
            # $600m; "$2 billion" over $1.25 billion and $800 million may well be.
            slack = min(slack, sum(_rounding(p.value) for p in parts if p.value is not None))
        if abs(whole - stated) <= slack or not near_values(whole, stated, ratio):
            continue
        if some and whole < stated and not (
                how == "partitive" and _closed_list(text, parts, stated - whole, stated)):
            continue  # some of the groups: the rest may be unnamed
        closed = some and whole < stated  # "Of the 27 injured, 14 are ..., 9 ... and 3 ..."
        shown = ", ".join(p.text for p in parts[:-1]) + f" and {parts[-1].text}"
        # "An estimated 1.25 million people" opened its sentence; here it is mid-sentence
        named = total.text[:1].lower() + total.text[1:] if total.text[:2].istitle() else total.text
        if closed:
            the = "the " if named[:1].isdigit() else ""
            message = (f"The page divides {the}{named} into {shown}, which add up to "
                       f"{_say(whole, total)}: a figure is wrong or a group is missing.")
        elif some:
            message = (f"The page counts {shown} among {named}, but they add up to "
                       f"{_say(whole, total)}, more than the whole: a figure is wrong, or some "
                       "are counted twice without the page saying so.")
        else:
            message = (f"The page gives a total of {named}, but the breakdown it gives as "
                       f"the whole ({shown}) adds up to {_say(whole, total)}: a figure is "
                       "wrong or a part is missing.")
        yield Finding(
            id="",
            check=check,
            severity="warning",
            message=message,
            evidence=tuple(Span(q.start, q.end, q.text) for q in (total, *parts)),
            refs=tuple(q.id for q in (total, *parts)),
        )
