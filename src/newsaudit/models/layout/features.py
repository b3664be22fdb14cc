"""Features of a plain-text line for the layout model: its shape, its words, its cues, its
place on the page, and the same for its neighbours.

No parse is needed (the model runs before spaCy does), so prose is told from furniture by
cheap signals: how many function words a line has, whether it ends a sentence, how its
words are cased, whether it is a date or a byline by the cue lists of ``data/anatomy.json``
(:func:`newsaudit.anatomy.line_kind`), which are features here rather than the decision.
Page context that a line-by-line model cannot see is given explicitly: whether a comment
section or a related list has been announced above, how much prose lies above and below,
and how the line ranks among the headline-like lines near the top.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from newsaudit.line_cues import Row, cues, line_kind

_WORD_RE = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?|\d+(?:[.,:]\d+)*")
_TIME_RE = re.compile(r"\b\d{1,2}[:.]\d\d\b|\b\d{1,2}\s?(?:am|pm|a\.m\.|p\.m\.)", re.IGNORECASE)
_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")
_AGO_RE = re.compile(r"\b(?:ago|yesterday|today|just now)\b", re.IGNORECASE)
_URL_RE = re.compile(r"https?://|www\.|\.(?:com|org|net|co\.uk|example)\b|@\w", re.IGNORECASE)
_NUMBERED_RE = re.compile(r"^\d{1,3}[.)]\s")
_BULLET_RE = re.compile(r"^[*\-\u2022\u25cf\u25aa\u2013]\s")
_SEPARATORS = "|\u00b7\u2022\u00bb\u203a/>"
_REF_RE = re.compile(r"^\[\d+\]")
#: A user name alone on its line, the way comment sections head a comment: one token with
#: an underscore, a digit or an inner capital ("carmela_ps", "Dario1978", "JennaR"), which
#: a byline, a heading or a word of prose does not have.
_HANDLE_RE = re.compile(r"^@?(?=[\w.\-]*(?:_|\d|[a-z][A-Z]))[A-Za-z][\w.\-]{2,29}$")
#: A reply that opens by naming the reader it answers: "@Dario1978 Agreed."
_AT_REPLY_RE = re.compile(r"^@\w")
_RELTIME_RE = re.compile(r"^\d+\s*(?:s|m|h|d|w|min|mins|hr|hrs|hours?|days?)(?:\s+ago)?$",
                         re.IGNORECASE)
#: The filler of a reader comment's action line besides its action words: counts, times
#: ("2h", "58m", "3 days ago") and separators.
_META_FILLER_RE = re.compile(
    r"^(?:\d+[smhdw]?|min|mins|hr|hrs|hours?|days?|weeks?|ago|[\u00b7\u2022|/()\[\]\-]+)$",
    re.IGNORECASE)
_NAME_RE = re.compile(r"^(?:[A-Z][\w'\u2019.-]+\s){1,3}[A-Z][\w'\u2019.-]+$")
_PAST = frozenset(
    "was were had did said told made took went came gave found became left died killed "
    "announced added reported confirmed warned".split()
)


@lru_cache(maxsize=1)
def _past() -> frozenset[str]:
    """:data:`_PAST` and the irregular past forms of ``data/anatomy.json`` ("fell", "rose",
    "met"), so that a report told in the past ("Oil prices rose for a fourth day") is not
    taken for a tenseless scene."""
    return _PAST | cues().past_forms


_PRESENT = frozenset("is are has have will can may could would should".split())
_SENTENCE_BREAK_RE = re.compile(r"[a-z0-9][.!?][\"\u201d\u2019]?\s+[\"\u201c]?[A-Z]")
_COUNT_RE = re.compile(r"\(\d+\)|\b\d+\s+(?:comments?|replies|responses|shares?|views?)\b",
                       re.IGNORECASE)
#: A line that ends on when (and often where) the moment happened, with no reporting verb:
#: "... on the River Frome on Thursday.", "..., Saturday", "... in Zwickau, Germany, March 12,
#: 2024.", "... in 2019". Captions say when the picture was taken; paragraphs rarely end so.
_MONTH_RE = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
_WHEN_TAIL_RE = re.compile(
    r"(?:\b(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\s+(?:morning|afternoon|evening|night))?"
    r"|\b(?:19|20)\d\d|\b\d{1,2}\s+" + _MONTH_RE + r"|\b" + _MONTH_RE + r"\.?\s+\d{1,2})"
    r"\s*[.)]?$",
    re.IGNORECASE,
)
#: A line that ends on a photo credit: "... (AP Photo/Name)", "... (Image: Google)", "...
#: Photograph: Name/AFP/Getty Images", "... Picture: Name", "... EFE/Name", "... REUTERS/Name/File
#: Photo", "... (c) Handout / UNDP/AFP", "... Getty Images". Captions carry them; a body
#: sentence that names an agency does so in words ("..., a spokesman told Reuters.").
_CREDIT_WORD = r"(?i:photo|photograph|picture|pic|image|credit|foto|illustration|video|graphic)s?"
_AGENCY = (r"(?:AFP|AP|EPA|EFE|Reuters|REUTERS|Xinhua|Anadolu|Getty(?:\s+Images)?|GETTY|"
           r"Shutterstock|Alamy|PA(?:\s+(?:Wire|Media|Images))?|Sipa|SIPA|iStock|dpa|ANSA|"
           r"Handout|HANDOUT|Bloomberg|NurPhoto|Pool|POOL|File\s+Photo|FILE\s+PHOTO)")
_CREDIT_NAME = r"[A-Z][\w.'\u2019-]*(?:\s+[A-Za-z][\w.'\u2019-]*){0,4}"
_CREDIT_TAIL_RE = re.compile(
    r"(?:"
    r"\(\s*(?:[A-Z]{2,7}\s+)?" + _CREDIT_WORD + r"\b[^()]{0,60}\)"
    r"|(?:^|[\s.,;(])" + _CREDIT_WORD
    + r"\s*(?::|\bby\b|\bcourtesy\b|\.{2,}|\u2026)\s*[^.!?:]{1,60}"
    r"|(?:" + _CREDIT_NAME + r"\s*/\s*)?" + _AGENCY + r"(?:\s*/\s*" + _CREDIT_NAME + r")+"
    r"|/\s*" + _AGENCY + r"(?:\s+via\s+Getty\s+Images)?"
    r"|(?:^|[.!?;]\s+|\s[-\u2013\u2014|]\s)" + _AGENCY +
    r"|[\u00a9]\s*[^.!?]{1,60}|\(c\)\s+[^.!?]{1,60}"
    r"|\bvia\s+Getty\s+Images|(?i:\bimage\s+copyright\b)[^.!?]{0,40}"
    r")\s*[.)]?\s*$"
)
#: A line that says what or where the picture shows: "pictured", "seen here", "in this
#: photo", "(left)", "l-r", "poses for"; and a present-tense scene with a place in it
#: ("Firefighters battle a blaze near Valencia, Spain, on Saturday"): no past tense, no
#: auxiliary or reporting verb, and a preposition of place before a capitalised word.
_PICTURED_RE = re.compile(
    r"\b(?:pictured|seen\s+here|shown\s+here|(?:is|are)\s+(?:seen|shown)\b|in\s+this\s+"
    r"(?:[\w.,]+\s+){0,5}?(?:photo|photograph|picture|image|handout|still|video|frame)\b|photographed|pos(?:es|ing|e)\s+(?:for|with|in|at|on)\b|"
    r"(?:l|left)\s*(?:-|to)\s*(?:r|right)\b|from\s+left)|"
    r"\((?:far\s+|second\s+|2nd\s+)?(?:left|right|centre|center|top|above|below|inset|front|"
    r"back|middle)\)|,\s+(?:left|right|centre|center),",
    re.IGNORECASE,
)
_DETERMINERS = frozenset("a an the its their his her".split())
_SCENE_PLACE_RE = re.compile(
    r"\s(?:in|at|on|near|outside|inside|over|along|across|during|off|by|from|beside|through)"
    r"\s+(?:the\s+)?[A-Z][\w'\u2019-]+"
)
#: A gallery's or slideshow's counter on a line of its own: "1 of 12", "3 / 8", "2/9",
#: "Image 4 of 10": the lines beside it are the picture's caption and credit.
_COUNTER_RE = re.compile(
    r"^(?:(?:photo|image|picture|slide)\s+)?(\d{1,3})\s*(?:of|/)\s*(\d{1,3})$", re.IGNORECASE)
#: A person given with their age, the way captions name the people in a picture: "Ken
#: Hollis, 66, sorts the catch", "Jim Pettit, 68, walks out".
_NAME_AGE_RE = re.compile(r"\b[A-Z][\w'\u2019-]+,\s+\d{1,3},\s+[a-z]")
_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
#: Words that make up much of running prose and little of furniture, in English and German
#: (most of the HTML corpus pages are German).
_FUNCTION = frozenset(
    "the a an of to in on for and or but is are was were be been has have had that this "
    "with as at by from it its he she they we his her their not will would said says "
    "der die das und ist ein eine zu den mit von sich des auf für nicht im dem es auch "
    "wird sie er wir".split()
)
#: Feature values of the cue-list features and of the word features. The model's L2
#: penalty is the same for every weight, so a larger value lets a group speak with a
#: smaller weight: the cue lists generalise to pages the training set lacks, single words
#: mostly do not. Chosen by cross-validation on the hand-written train pages (CUE 3 scored
#: 2 points above CUE 1; LEX 0.3 and 0.5 scored below 1).
CUE = 3.0
LEX = 1.0
#: The version of what :func:`featurise` computes, recorded in the model's card: weights
#: trained on other features would score nonsense, so the runtime refuses them.
FEATURISER_VERSION = "layout-lines-9"
#: Short words a title-case line leaves in lower case ("Vote on the Covered Market").
TITLE_SMALL = frozenset("a an the and or but nor of on in at to for from by with as vs via".split())


def title_cased_words(words: Sequence[str]) -> bool:
    """A title's casing: every word capitalised but the short function words a title
    leaves ("Was The Video Of That Homeless Man … All An Elaborate Hoax"), which an
    article's sentence does not have."""
    content = [w for w in words if w[:1].isalpha() and w.casefold() not in TITLE_SMALL]
    return len(content) >= 4 and sum(w[0].isupper() for w in content) >= 0.9 * len(content)
_REPORTING = frozenset({"said", "says", "told", "according", "added", "announced", "warned"})
_TERMINAL = ".!?\u2026"
_QUOTES = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e"


def _bucket(n: float, edges: Sequence[float]) -> int:
    for i, e in enumerate(edges):
        if n <= e:
            return i
    return len(edges)


@dataclass(slots=True)
class _Shape:
    words: list[str]
    feats: dict[str, float]
    prose: bool
    headlike: bool
    cue: str
    near: list[str]  # the features a neighbour sees (a subset of ``feats``)
    key: str  # the whole line, lower-cased, when it is three words or fewer


def _shape(row: Row, first_body_seen: bool, top: bool = False) -> _Shape:
    t = row.text
    past = _past()
    words = _WORD_RE.findall(t)
    n = len(words)
    low = [w.casefold() for w in words]
    f: dict[str, float] = {}
    f[f"nw{_bucket(n, (0, 1, 2, 3, 4, 6, 9, 14, 24, 39))}"] = 1
    f[f"nc{_bucket(len(t), (3, 10, 20, 40, 80, 160, 320))}"] = 1
    last = t[-1]
    end = (
        "term" if last in _TERMINAL else "colon" if last == ":" else
        "quote" if last in _QUOTES else "paren" if last == ")" else
        "digit" if last.isdigit() else "alpha" if last.isalpha() else "other"
    )
    f["end_" + end] = 1
    first = t[0]
    f["start_" + (
        "upper" if first.isupper() else "lower" if first.islower() else
        "digit" if first.isdigit() else "quote" if first in _QUOTES else "other"
    )] = 1
    alpha = [w for w in words if w[0].isalpha()]
    titled = title_cased_words(alpha)
    if alpha:
        caps = sum(1 for w in alpha if w[0].isupper()) / len(alpha)
        f[f"caps{_bucket(caps, (0.2, 0.5, 0.8, 0.99))}"] = 1
        if len(alpha) >= 2 and all(w.isupper() for w in alpha if len(w) > 1):
            f["allcaps"] = 1
    func = sum(1 for w in low if w in _FUNCTION)
    fshare = func / n if n else 0.0
    f[f"func{_bucket(fshare, (0.0, 0.1, 0.2, 0.3))}"] = 1
    if any(w in _REPORTING for w in low):
        f["reporting"] = 1
    digits = sum(map(str.isdigit, t))
    if digits:
        f[f"digits{_bucket(digits / len(t), (0.05, 0.15, 0.3))}"] = 1
    if _TIME_RE.search(t):
        f["time"] = 1
    if _YEAR_RE.search(t):
        f["year"] = 1
    if any(w in _MONTHS for w in low):
        f["month"] = 1
    if _AGO_RE.search(t):
        f["ago"] = 1
    if _URL_RE.search(t):
        f["url"] = 1
    if _NUMBERED_RE.match(t):
        f["numbered"] = 1
    if _BULLET_RE.match(t):
        f["bullet"] = 1
    if _REF_RE.match(t):
        f["linkref"] = 1
    if _COUNT_RE.search(t):
        f["count"] = 1
    seps = sum(t.count(c) for c in _SEPARATORS)
    if seps:
        f[f"seps{_bucket(seps, (1, 3))}"] = 1
    if _HANDLE_RE.match(t):
        f["handle"] = 1
    if _AT_REPLY_RE.match(t):
        f["at_reply"] = 1
    if t.endswith(("says:", "said:", "wrote:")):
        f["says_colon"] = 1
    if any(q in t for q in _QUOTES[:5]):
        f["has_quote"] = 1
    if _RELTIME_RE.match(t):
        f["reltime"] = 1
    tokens = t.casefold().replace("\u00b7", " \u00b7 ").split()
    if (len(tokens) <= 8 and any(w in cues().comment_meta_words for w in tokens)
            and all(w in cues().comment_meta_words or _META_FILLER_RE.match(w) for w in tokens)):
        # the action line under a reader comment: "Like · Reply · 2h", "Reply · 12", "32
        # likes", "14 Reply"; furniture too, but the comment's own
        f["comment_meta"] = 1
    if _key_of(t) in cues().endnote_headers:
        f["endnote"] = f["endnote_header"] = 1  # "Notes to editors", "Sources", "Contacts"
    elif n <= 40 and cues().endnote_re.search(t):
        f["endnote"] = 1  # "Jane Doe is a columnist ...", "... edited for length and clarity."
    if _key_of(t) in cues().form_fields:
        f["form_field"] = 1  # a form's field or button: "Email address", "Subscribe"
    if _NAME_RE.match(t) and n <= 4:
        f["namelike"] = 1
    # "a flooded school", "the burned-out house": a participle after an article is an
    # adjective, not the past tense a report is told in
    if any(w in past or (len(w) > 4 and w.endswith("ed") and not (i and low[i - 1] in _DETERMINERS))
           for i, w in enumerate(low)):
        f["past"] = 1
    if any(w in _PRESENT for w in low):
        f["aux"] = 1
    if _SENTENCE_BREAK_RE.search(t):
        f["sentences"] = 1
    last = _tail(t)
    if n >= 4 and _WHEN_TAIL_RE.search(last):
        f["when_tail"] = 1
    if n >= 2 and _CREDIT_TAIL_RE.search(last):
        f["credit_tail"] = 1
    if _PICTURED_RE.search(t):
        f["place_in_picture"] = 1
    elif (4 <= n <= 30 and not any(w in past or w in _PRESENT or w in _REPORTING
                                   or (len(w) > 4 and w.endswith("ed") and i
                                       and low[i - 1] not in _DETERMINERS)
                                   for i, w in enumerate(low))
          and not any(q in t for q in _QUOTES[:5]) and _SCENE_PLACE_RE.search(t)):
        # "a flooded street", "the burned-out house": a participle after an article is
        # an adjective, not the past tense a report is told in
        f["place_in_picture"] = 1
    m = _COUNTER_RE.match(t)
    if m and 1 <= int(m[1]) <= int(m[2]):  # not "24/7"
        f["counter"] = 1
    if n <= 30 and _NAME_AGE_RE.search(t):
        f["name_age"] = 1
    if (4 <= n <= 30 and not any(q in t for q in "\"\u201c\u201d")
            and not any(w in past or w in _PRESENT or w in _REPORTING
                        or (len(w) > 4 and w.endswith("ed") and i
                            and low[i - 1] not in _DETERMINERS)
                        for i, w in enumerate(low))):
        # a scene told in the present tense with no auxiliary, the way captions say what a
        # picture shows: a verb of the scene-verb list ("Ken Hollis, 66, sorts the catch",
        # "Children watch the display from the fence"), or a participle ("Dave pretending
        # he is fine", "my helper inspecting the compost bins"); not the line's first word
        # (a heading: "Bringing it back") and not a noun after an article ("the train")
        verbs, nouns = cues().scene_verbs, cues().ing_nouns
        if any((w in verbs or (w.endswith("ing") and len(w) > 5 and w not in nouns))
               and low[i - 1] not in _DETERMINERS for i, w in enumerate(low) if i):
            f["scene_verb"] = 1
        # no tense at all: a scene in the present or a phrase without a verb ("Evening
        # light over the creek", "A falconer with a Harris hawk"), where a report's
        # sentences are in the past or have an auxiliary
        f["tenseless"] = 1
    if row.indent:
        f[f"indent{_bucket(row.indent, (2, 4, 8))}"] = 1
    # the first line has nothing above it: "no gap" there says nothing about whether it
    # touches a paragraph, so it is a state of its own
    f["gapb_top" if top else f"gapb{min(row.gap_before, 2)}"] = 1
    f[f"gapa{min(row.gap_after, 2)}"] = 1
    cue = line_kind(t, header=not first_body_seen) or ""
    if not cue and _all_furniture(t):
        cue = "boilerplate"  # "Order Reprints | Today's Paper | Subscribe", a share bar
    if not cue and n <= 40 and cues().credit_line_re.search(t):
        cue = "byline"  # "Reporting by Jane Doe in London and ...; Editing by John Roe"
    if cue:
        f["cue_" + cue] = CUE
    # prose is set in sentence case: a long line with nearly every word capitalised is a
    # title ("Authorities Lied About the Shooter's Check-In Date – What Else Are They
    # Hiding?"), however many function words and whatever mark it ends on
    prose = n >= 12 and fshare >= 0.2 and end in ("term", "quote", "paren") and not titled
    if n >= 6 and titled and fshare >= 0.1:
        f["titlecase"] = 1  # a title's casing, with the function words of a sentence
    headlike = 3 <= n <= 25 and end not in ("term", "colon") and not cue and first.isupper()
    if prose:
        f["prose"] = 1
    # A long line that ends a sentence and has a verb is rarely furniture, wherever it
    # stands: the evidence a bare article body gives from its first line on.
    verb = "past" in f or "aux" in f or "reporting" in f
    if n >= 10 and end in ("term", "quote") and verb:
        f["sentence_verb"] = 1
        if n >= 20:
            f["sentence_verb_long"] = 1
    near = [k for k in f if k.startswith(_NEIGHBOUR_KEYS)]
    key = "key=" + " ".join(low) if len(low) <= 3 else ""
    return _Shape(low, f, prose, headlike, cue, near, key)


_NEIGHBOUR_KEYS = (
    "prose", "cue_", "nw", "end_", "gapb", "time", "ago", "caps", "reltime", "namelike",
    "numbered", "indent", "func", "says_colon", "count", "start_",
    "counter", "credit_tail", "place_in_picture", "comment_meta", "form_field",
    "endnote",
)


#: Words that name a page section when they make up most of a short line ("Comments (3)",
#: "Most read", "Sign up to our newsletter"): the section's lines follow it.
_SECTION_WORDS = {
    "comment": frozenset(
        "comment comments responses replies reply discussion conversation thoughts disqus "
        "kommentare kommentar antworten".split()
    ),
    "related": frozenset(
        "related read recommended popular trending latest more also explore topics stories "
        "viewed next previous weitere mehr".split()
    ),
    "promo": frozenset("newsletter newsletters subscribe signup sign email inbox".split()),
}
#: Lines further than this from prose are outside the article's region.
_NEAR = 6


def _section(words: list[str]) -> str:
    if not words or len(words) > 6:
        return ""
    for name, vocab in _SECTION_WORDS.items():
        if any(w in vocab for w in words):
            return name
    return ""


def _distances(flags: Sequence[bool]) -> tuple[list[int], list[int]]:
    """For each index, the distance to the nearest flagged index above and below (0: none)."""
    n = len(flags)
    above = [0] * n
    below = [0] * n
    last = -1
    for i in range(n):
        above[i] = i - last if last >= 0 else 0
        if flags[i]:
            last = i
    last = -1
    for i in range(n - 1, -1, -1):
        below[i] = last - i if last >= 0 else 0
        if flags[i]:
            last = i
    return above, below


def _region(up: int, down: int) -> str:
    if not up and not down:
        return "noprose"
    if not up:
        return "before"
    if not down:
        return "after"
    return "in" if up <= _NEAR and down <= _NEAR else "between"


def featurise(rows: Sequence[Row], *, title: str | None = None) -> list[dict[str, float]]:
    """One feature dict per row (see the module docstring)."""
    shapes: list[_Shape] = []
    body_seen = False
    for i, r in enumerate(rows):
        s = _shape(r, body_seen, top=i == 0)
        body_seen = body_seen or s.prose
        shapes.append(s)
    n = len(rows)
    prose = [s.prose for s in shapes]
    up, down = _distances(prose)
    title_key = _title_key(title) if title else ""
    counts: dict[str, int] = {}
    for r in rows:
        k = r.text.casefold()
        counts[k] = counts.get(k, 0) + 1
    head_rank = 0
    section, section_at, prose_since = "", -1, 0
    out: list[dict[str, float]] = []
    for i, (r, s) in enumerate(zip(rows, shapes, strict=True)):
        f = {"bias": 1.0, **s.feats}
        region = _region(up[i], down[i])
        f["region_" + region] = 1
        f[f"up{_bucket(up[i], (0, 1, 2, 3, 5, 10))}"] = 1
        f[f"down{_bucket(down[i], (0, 1, 2, 3, 5, 10))}"] = 1
        f[f"pos{_bucket(i, (0, 1, 2, 3, 5, 8, 12, 20))}"] = 1
        f[f"fromend{_bucket(n - 1 - i, (0, 1, 3, 6, 12))}"] = 1
        nw = next(k for k in s.feats if k.startswith("nw"))
        end = next(k for k in s.feats if k.startswith("end_"))
        f[f"{nw}&{region}"] = 1
        f[f"{end}&{region}"] = 1
        f[f"{nw}&{end}&{region}"] = 1
        if region == "in" and s.words:
            # shorter than the paragraphs above and below it: a caption or a subheading,
            # not a paragraph of the article
            rel = len(s.words) / ((len(shapes[i - up[i]].words)
                                   + len(shapes[i + down[i]].words)) / 2)
            f[f"rel{_bucket(rel, (0.25, 0.5, 0.8, 1.25))}"] = 1
            if "when_tail" in s.feats:
                f[f"when_tail&rel{_bucket(rel, (0.5, 0.8))}"] = 1
        if s.prose:
            # the line's own prose by region: the first body line of a page has no prose
            # above it, like the furniture before an article, but is prose itself
            f[f"self_prose&{region}"] = 1
        if s.cue:
            f[f"cue_{s.cue}&{region}"] = CUE
        if (region == "in" and 4 <= len(s.words) <= 30 and "has_quote" not in s.feats
                and "reporting" not in s.feats and "sentences" not in s.feats):
            f[f"captionish&{end}"] = 1
            f[f"captionish&{end}&{'past' if 'past' in s.feats else 'nopast'}"] = 1
        if "tenseless" in s.feats:
            f[f"tenseless&{end}&{region}"] = 1
            f[f"tenseless&{nw}&{region}"] = 1
            if "scene_verb" in s.feats:
                f[f"scene_verb&{end}"] = 1
        if (1 <= len(s.words) <= 6 and end not in ("end_term", "end_colon", "end_quote")
                and not s.cue and r.text[0].isupper() and i + 1 < n and shapes[i + 1].prose
                and not r.gap_after):
            # a short open line set right on top of a paragraph: a subheading, or a live
            # post's title under its time ("Stocks close lower"); a caption is followed by
            # its credit or by the paragraph the picture interrupted, mostly across a gap
            scene = any(k in s.feats for k in ("scene_verb", "place_in_picture", "name_age"))
            f["leads_para"] = 1
            f[f"leads_para&gapb{min(r.gap_before, 1)}"] = 1
            f[f"leads_para&{'scene' if scene else 'plain'}"] = 1
            if i and ("time" in shapes[i - 1].feats or shapes[i - 1].cue == "dateline"):
                f["leads_para&after_time"] = 1
        if "namelike" in s.feats:
            f[f"namelike&{region}"] = 1
        if "endnote" in s.feats:
            f[f"endnote&{region}"] = 1
        if any(shapes[j].cue == "form" for j in range(max(0, i - 3), min(n, i + 4)) if j != i):
            f["form_near"] = 1
        if s.headlike:
            f[f"headlike&{region}&down{_bucket(down[i], (0, 1, 2, 4, 8))}"] = 1
            if region in ("before", "noprose"):
                f[f"head_rank{min(head_rank, 3)}"] = 1
                head_rank += 1
        if section:
            dist = _bucket(i - section_at, (1, 2, 4, 8, 16))
            f[f"section_{section}"] = 1
            f[f"section_{section}&d{dist}"] = 1
            f[f"section_{section}&prose{_bucket(prose_since, (0, 2))}"] = 1
            f[f"section_{section}&{nw}"] = 1
            if "comment_meta" in s.feats:
                f[f"section_{section}&comment_meta"] = 1
        if i == 0:
            # A page that opens on its title ("Title\n\nFirst paragraph ...", the shape of
            # scraped datasets and of copy-pasted articles) against one that opens on its
            # first paragraph (a bare body): the title seldom ends on a full stop, and is
            # cased and sized like a title.
            stop = r.text.rstrip()[-1:]
            close = "period" if stop == "." else "mark" if stop in "?!" else "open"
            caps = next((k for k in s.feats if k.startswith("caps")), "caps_none")
            gap = next(k for k in s.feats if k.startswith("gapa"))
            f[f"top&{close}"] = 1
            f[f"top&{close}&{gap}"] = 1
            f[f"top&{caps}"] = 1
            f[f"top&{nw}&{close}"] = 1
        if title_key and _title_key(r.text) == title_key:
            f["title"] = 1
        if counts[r.text.casefold()] > 1:
            f["repeated"] = 1
        if len(s.words) <= 6:
            f["key=" + " ".join(s.words)] = LEX  # furniture is often a fixed phrase
        for w in s.words[:12]:
            f["w=" + w] = LEX
        if s.words:
            f["first=" + s.words[0]] = LEX
            f["last=" + s.words[-1]] = LEX
        for off in (-2, -1, 1, 2):
            j = i + off
            tag = f"{'p' if off < 0 else 'n'}{abs(off)}:"
            if not 0 <= j < n:
                f[tag + "none"] = 1
                continue
            for key in shapes[j].near:
                f[tag + key] = 1
            if abs(off) == 1 and shapes[j].key:
                f[tag + shapes[j].key] = 1
        out.append(f)
        # notes after the article ("Notes to editors", "Sources") head lines of their own
        named = "endnote" if "endnote_header" in s.feats else _section(s.words)
        if named and not s.prose:
            section, section_at, prose_since = named, i, 0
        elif s.prose:
            prose_since += 1
    return out


#: How much of a line's end the tail patterns (_WHEN_TAIL_RE, _CREDIT_TAIL_RE) need: both
#: end at the line's end, and no match of theirs runs to a tenth of this.
_TAIL = 400


def _tail(t: str) -> str:
    """The end of a long line, cut at a space, for the patterns anchored at its end: the
    same match as on the whole line (the cut leaves a space first, where the patterns'
    own start of a word needs one), without trying every position of a long paragraph."""
    if len(t) <= _TAIL:
        return t
    cut = t.rfind(" ", 0, len(t) - _TAIL)
    return t[cut:] if cut > 0 else t


def _all_furniture(t: str) -> bool:
    """A menu or a share bar on one line: two or more cells between separators ("Order
    Reprints | Today's Paper | Subscribe"), or three or more words ("Facebook Twitter
    WhatsApp Email"), each a whole furniture line of the cue lists."""
    furniture = cues().boilerplate_exact
    cells = [c for c in _CELL_SPLIT_RE.split(t) if c]
    if len(cells) < 2:
        cells = t.split()
        if len(cells) < 3:
            return False
    return all(_key_of(c) in furniture for c in cells)


_CELL_SPLIT_RE = re.compile(r"\s*[|\u00b7\u2022]\s*")
_SPACED_SPLIT_RE = re.compile(r"[ \t]{2,}|\t")


def cells(text: str) -> list[str]:
    """The cells of a row set between bars or dots ("Published 9 May · By Jane Doe")."""
    return [c for c in _CELL_SPLIT_RE.split(text.strip()) if c]


def is_menu(text: str) -> bool:
    """A row of three or more short cells between bars or dots ("Fact-checks | Health |
    Politics | Viral"), or wide spaces, whatever their words: site navigation, never a headline (a
    headline with a site name after a bar has a long first part;
    :func:`newsaudit.anatomy.site_tail` cuts that)."""
    parts = cells(text)
    if len(parts) < 3:  # "Home   About   Support us   Archive": cells set apart by spaces
        parts = [c for c in _SPACED_SPLIT_RE.split(text.strip()) if c]
    return len(parts) >= 3 and all(len(c.split()) <= 3 for c in parts)


def _key_of(s: str) -> str:
    """A line as the cue lists' exact entries spell it (see ``line_cues``)."""
    return " ".join(s.casefold().split()).rstrip(" :\u00bb\u203a|-")


def _title_key(s: str) -> str:
    return " ".join(re.sub(r"[\"'\u201c\u201d\u2018\u2019]", "", s).casefold().split())
