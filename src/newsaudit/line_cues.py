"""The lines of a plain-text page and what the cue lists say each one is.

The cue lists of ``data/anatomy.json`` (boilerplate, related-story headers, comment
openers, photo credits, byline prefixes, date words) and the judgments made from them
alone, one line at a time: :func:`line_kind`, :func:`looks_like_byline`,
:func:`looks_like_dateline`. They sit below both the layout model, which takes them as
features, and :mod:`newsaudit.anatomy`, which runs the model: neither imports the other's
code to read a cue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from newsaudit.datafiles import load_json
from newsaudit.inflect import inflections

__all__ = [
    "Cues",
    "Row",
    "cues",
    "line_kind",
    "looks_like_byline",
    "looks_like_dateline",
    "n_words",
    "rows_of",
    "unlabelled",
]

_WORD_RE = re.compile(r"\S+")
#: A one-word label a headline may open with ("Video:", "WATCH:", "Exclusive:").
_KICKER_RE = re.compile(r"^(?:video|watch|breaking|exclusive|revealed|update|updated|"
                       r"photos|live|news)\s*[:/]\s+(?=\S)", re.IGNORECASE)
_NUMERIC_DATE_RE = re.compile(r"\b\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}\b")
_YEAR_OR_TIME_RE = re.compile(r"^(?:(?:19|20)\d\d|\d{1,2}[:.]\d\d(?:[:.]\d\d)?)$")
_DATE_TOKEN_RE = re.compile(r"[A-Za-z]+\.?|\d+(?:[:.]\d+)*(?:st|nd|rd|th)?|\S")
_CAPWORD_RE = re.compile(r"^[A-Z\u00c0-\u00de][\w.'\u2019-]*$|^[A-Z]\.?$")


class Cues:
    """The cue lists of ``data/anatomy.json``, compiled once per process."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.max_words: dict[str, int] = data["max_words"]
        self.boilerplate_exact = frozenset(data["boilerplate_exact"])
        self.boilerplate_re = LineTest(data["boilerplate_patterns"])
        self.related_headers = frozenset(data["related_headers"])
        self.related_re = _alternation(data["related_patterns"], flags=0)
        self.comment_header_re = _alternation(data["comment_header_patterns"])
        self.comment_start_re = _alternation(data["comment_start_patterns"])
        self.comment_end = frozenset(data["comment_end_exact"])
        self.form_re = re.compile(
            r"^\W*(?:" + "|".join(re.escape(c) for c in data["form_cues"]) + ")", re.IGNORECASE
        )
        self.form_fields = frozenset(data["form_fields"])
        self.caption_re = LineTest(data["caption_patterns"], flags=0)
        prefixes = sorted(data["byline_prefixes"], key=len, reverse=True)
        self.byline_prefix_re = re.compile(
            r"^(?:" + "|".join(re.escape(p) for p in prefixes) + r")\s+(?=\S)", re.IGNORECASE
        )
        self.byline_tail_words = frozenset(data["byline_tail_words"])
        self.particles = frozenset(data["name_particles"])
        self.agencies = frozenset(a.casefold() for a in data["agencies"])
        words = data["date_words"]
        self.months = frozenset(words["months"])
        self.weekdays = frozenset(words["weekdays"])
        self.zones = frozenset(words["zones"])
        self.relative = frozenset(words["relative"])
        self.date_cues = frozenset(words["cues"])
        self.participle_verbs = frozenset(data["participle_verbs"])
        #: irregular past-tense forms that are no present form ("fell", "rose", "met")
        self.past_forms = frozenset(data["past_forms"])
        #: words in -ing that are no participle ("morning", "building", "during")
        self.ing_nouns = frozenset(data["ing_nouns"])
        #: the action words under a reader comment ("Like · Reply · 2h", "32 likes")
        self.comment_meta_words = frozenset(data["comment_meta_words"])
        #: the notes a page prints after its article ("Notes to editors", an author's bio)
        self.endnote_headers = frozenset(data["endnote_headers"])
        self.endnote_re = LineTest(data["endnote_patterns"], flags=0)
        #: "Reporting by ...; Editing by ...", "AP writer ... contributed to this report."
        self.credit_line_re = LineTest(data["credit_line_patterns"], flags=0)
        verbs = data["scene_verbs"]
        #: the verbs and their third-person forms ("sort", "sorts"; "carry", "carries")
        self.scene_verbs = frozenset(verbs) | frozenset(
            f for v in verbs for f in inflections(v) if f.endswith("s"))


class LineTest:
    """Whether a line matches any of a list of patterns. The patterns anchored at the
    line's start ("^Photo:", "(?i:^Reporting by)") are one regex tried once, at the start;
    the rest one regex searched along the line. Joined into a single searched regex, the
    anchored ones were tried at every position of every line, most of the cost of the
    layout features on long paragraphs."""

    __slots__ = ("_anywhere", "_at_start")

    def __init__(self, patterns: list[str], *, flags: int = re.IGNORECASE) -> None:
        anchored = [p for p in patterns if p.startswith(("^", "(?i:^"))]
        rest = [p for p in patterns if p not in anchored]
        self._at_start = _alternation(anchored, flags=flags) if anchored else None
        self._anywhere = _alternation(rest, flags=flags) if rest else None

    def search(self, line: str) -> bool:
        """Does any pattern match in ``line`` (as ``re.search`` would)?"""
        return bool((self._at_start is not None and self._at_start.match(line))
                    or (self._anywhere is not None and self._anywhere.search(line)))


def _alternation(patterns: list[str], *, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """One regex for a list, so a line is searched once rather than once per pattern."""
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)


@lru_cache(maxsize=1)
def cues() -> Cues:
    return Cues(load_json("anatomy.json"))


def _key(line: str) -> str:
    """A line as the exact-match lists spell it: case-free, single-spaced, no end colon."""
    return " ".join(line.casefold().split()).rstrip(" :»›|-")


def n_words(s: str) -> int:
    return len(_WORD_RE.findall(s))


# --------------------------------------------------------------------------- line cues


def looks_like_dateline(line: str) -> bool:
    """True for a line made only of date and time words ("Updated 10:42 GMT, May 8")."""
    c = cues()
    toks = _DATE_TOKEN_RE.findall(line.strip())
    if not toks or len(toks) > c.max_words["dateline"] * 2:
        return False
    anchor = bool(_NUMERIC_DATE_RE.search(line))
    for t in toks:
        low = t.casefold().rstrip(".")
        if t[0].isdigit():
            # A bare "54" is no date; a year, a clock time or "8th" next to a month is.
            anchor = anchor or bool(_YEAR_OR_TIME_RE.match(t))
        elif low in c.months or low in c.weekdays or low in ("today", "yesterday", "ago"):
            anchor = True
        elif low in c.zones or low in c.relative or low in c.date_cues:
            continue
        elif len(t) == 1 and not t.isalnum():
            continue
        else:
            return False
    return anchor


def _is_name(words: list[str]) -> bool:
    c = cues()
    if not 1 <= len(words) <= 5:
        return False
    caps = 0
    for w in words:
        if _CAPWORD_RE.match(w):
            caps += 1
        elif w.casefold() not in c.particles:
            return False
    return caps >= 1


def _is_name_list(s: str) -> bool:
    parts = [p for p in re.split(r"\s*(?:,|\band\b|&)\s*", s.strip()) if p]
    return bool(parts) and all(_is_name(p.split()) for p in parts)


def _tail_ok(tail: str) -> bool:
    """What may follow the names in a byline: a date, an outlet, a job title."""
    tail = tail.strip(" ,|-\u2013\u2014\u00b7\u2022:;")
    if not tail or looks_like_dateline(tail):
        return True
    c = cues()
    if tail.casefold() in c.agencies:
        return True
    for w in tail.replace(",", " ").split():
        wl = w.casefold().strip(".()")
        if w[0].isupper() or w[0].isdigit() or not w[0].isalnum():
            continue
        if not (wl in c.byline_tail_words or wl in c.months or wl in c.date_cues or wl in c.zones):
            return False
    return True


def looks_like_byline(line: str, *, header: bool = True) -> bool:
    """"By Jane Doe", "Posted by admin on May 8", and in the header "Jane Doe, Reuters"."""
    c = cues()
    s = line.strip()
    if not s or n_words(s) > c.max_words["byline"]:
        return False
    m = c.byline_prefix_re.match(s)
    if m:
        rest = s[m.end():].split(";")[0]
        posted = s[: m.end()].casefold().startswith("posted")
        head, tail = _split_tail(rest)
        if posted and head and len(head.split()) <= 2:
            return _tail_ok(tail)
        return _is_name_list(head) and _tail_ok(tail)
    if not header or s.endswith("."):
        return False
    m = _TAIL_SPLIT_RE.search(s)
    if not m:
        return False
    head, tail = s[: m.start()].strip(), s[m.start():]
    if not (_is_name(head.split()) and len(head.split()) >= 2):
        return False
    outlet = tail.strip(" ,|-\u2013\u2014")
    return outlet.casefold() in c.agencies or (_tail_ok(tail) and n_words(tail) <= 4)


_TAIL_SPLIT_RE = re.compile(
    r"\s*(?:[|\u2013\u2014\u00b7\u2022]|\s-\s|,)\s*|\s+(?=(?:on|at|in|for)\s)"
)


def _split_tail(s: str) -> tuple[str, str]:
    m = _TAIL_SPLIT_RE.search(s)
    if not m:
        return s.strip(), ""
    # A comma may separate two names ("Jane Doe, John Roe and Ann Poe"): keep it if the
    # whole run is a list of names.
    if m.group().strip() == "," and _is_name_list(s):
        return s.strip(), ""
    return s[: m.start()].strip(), s[m.start():]


def _is_comment_start(s: str) -> bool:
    """"Jane says:" alone on its line, or followed only by the comment's date.

    A body sentence such as 'The minister said: "We will rebuild."' has words after
    the colon, so it is never taken for a comment's author line.
    """
    m = cues().comment_start_re.search(s)
    if not m or n_words(s[: m.end()]) > 10:
        return False
    rest = s[m.end():].strip()
    return not rest or looks_like_dateline(rest)


def line_kind(line: str, *, header: bool = False) -> str | None:
    """The kind a line has on its own, from cues alone; ``None`` when nothing marks it.

    Returns one of "form", "comment_header", "comment_start", "comment_end",
    "related_header", "related", "boilerplate", "byline", "dateline", "caption".
    """
    c = cues()
    s = line.strip()
    if not s:
        return None
    n = n_words(s)
    key = _key(s)
    if c.form_re.search(s) and n <= 40:
        return "form"
    if n <= 12 and c.comment_header_re.search(key):
        return "comment_header"
    if n <= 25 and _is_comment_start(s):
        return "comment_start"
    if key in c.comment_end:
        return "comment_end"
    if key in c.related_headers:
        return "related_header"
    if n <= c.max_words["related_item"] + 3 and c.related_re.search(s):
        return "related"
    if key in c.boilerplate_exact:
        return "boilerplate"
    if n <= c.max_words["boilerplate"] and c.boilerplate_re.search(s):
        return "boilerplate"
    if looks_like_byline(s, header=header):
        return "byline"
    if n <= c.max_words["dateline"] and looks_like_dateline(s):
        return "dateline"
    if n <= c.max_words["caption"] and c.caption_re.search(s):
        return "caption"
    return None


# --------------------------------------------------------------------------- segmenting


@dataclass(slots=True)
class Row:
    """A non-blank line of a page, stripped, with its indentation and the blank lines
    around it: the unit the layout model labels."""

    text: str
    indent: int
    gap_before: int  # blank lines before it
    gap_after: int = 0


def usual_gap(rows: list[Row]) -> int:
    """The page's ordinary gap between paragraphs: 1, or the narrowest gap on a page whose
    scraper puts two or three blank lines between everything. A gap wider than this sets a
    line apart (where a picture was); one this wide does not."""
    return max(1, min((r.gap_before for r in rows[1:] if r.gap_before), default=1))


def rows_of(text: str) -> tuple[list[Row], list[tuple[int, int]]]:
    """The page's non-blank lines and each one's (start, end) offsets in ``text``."""
    rows: list[Row] = []
    spans: list[tuple[int, int]] = []
    gap = 0
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            if rows:
                rows[-1].gap_after = gap
            rows.append(Row(stripped, lead, gap if rows else 0))
            spans.append((pos + lead, pos + lead + len(stripped)))
            gap = 0
        else:
            gap += 1
        pos += len(raw) + 1
    return rows, spans


def unlabelled(text: str) -> str:
    """A line without the one-word label a headline may open with ("Video: Crews Battle
    Flames …" -> "Crews Battle Flames …"), stripped."""
    s = text.strip()
    m = _KICKER_RE.match(s)
    return s[m.end():] if m else s
