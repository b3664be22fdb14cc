"""Decoding rules for a page's header, over the layout model's line tags.

The line model scores each line with its neighbours' cues and knows the page only
through transitions between tags; a site's header has an order it can miss on sites
unlike its train pages (masthead, tagline, menu, breadcrumb, headline, standfirst,
credits). These rules read that order: a menu or a breadcrumb is never the headline
(applied to the scores in :meth:`.runtime.LayoutModel.tag`), a headline is one line
(:func:`one_headline_line`), the headline is the line over the credit block
(:func:`headline_over_credit`), and an article pasted from its headline down starts with
it (:func:`pasted_headline`). Pure functions of the rows and tags.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence

from newsaudit.line_cues import (
    Row,
    cues,
    line_kind,
    looks_like_byline,
    looks_like_dateline,
    n_words,
    unlabelled,
)
from newsaudit.models.layout.features import cells, is_menu, title_cased_words

__all__ = ["BREADCRUMB_RE", "buried_headline", "handle_threads", "headline_over_credit",
           "headline_over_deck", "headline_under_breadcrumb", "listener_messages", "never_headline",
           "one_headline_line", "pasted_headline", "placeholder_captions", "stamped_threads",
           "video_captions"]


#: Words a hard-wrapped headline's first line may end on, its second line going on.
_GOES_ON = frozenset("a an and as at by for from in into of on or the to with".split())


def one_headline_line(rows: Sequence[Row], tags: list[str]) -> list[str]:
    """A page's headline is one line: a second line the model also calls headline, set
    on its own line and opening a sentence of its own ("40 miners killed as roof
    collapses" over "Families keep vigil at pithead ..."), is the standfirst. No page of
    the layout corpus has a headline over two lines; a scraper's hard wrap, whose second
    line goes on in lower case or after a word like "of", stays one headline."""
    out = list(tags)
    for i in range(1, len(out)):
        if tags[i] != "headline" or tags[i - 1] != "headline":
            continue
        first, second = rows[i - 1].text.rstrip(), rows[i].text.lstrip()
        words = first.split()
        goes_on = (not second[:1].isupper() and not second[:1].isdigit()) or (
            bool(words) and words[-1].lower() in _GOES_ON) or first.endswith((",", "-", ":"))
        if not goes_on:
            out[i] = "standfirst"
    return out


#: A wire story's note of what an update changed, set under its headline ("(Adds
#: coast guard comment, paragraphs 4-8)").
_WIRE_NOTE_RE = re.compile(
    r"^\((?:adds|updates|recasts|changes|corrects|rewrites|writes through|refiles|repeats|"
    r"fixes|removes|inserts|moves|combines|new throughout|tops)\b", re.IGNORECASE)
#: How far down the page the rule below looks for the credit line under the headline.
_TOP_ROWS = 25
#: A row this long is a paragraph: the page's header lies above it.
_PARAGRAPH_WORDS = 25
#: The separator of a breadcrumb trail ("Home > News > Courts", "Reports \u203a Sarrow").
BREADCRUMB_RE = re.compile(r"\s[>\u203a\u00bb/]\s")
#: A full stop inside, after a word and before a capital: two sentences ("This site uses
#: cookies. See our policy."), which a headline is only when it ends on a question ("The
#: heatwave killed more than the floods. Why is it still treated as weather?").
_TWO_SENTENCES_RE = re.compile(r"[a-z]{2,}[.!?] [A-Z]")
#: A credit that opens with its verb ("Posted 11 June by Hal Ibbotson", "Updated 2h ago").
_POSTED_RE = re.compile(
    r"^(?:posted|published|updated|last updated|first published|filed|released|issued)\b"
    r".*(?:\d|\bby\b)",
    re.IGNORECASE)
_SENTENCE_ENDS = (".",)
#: The model's headline probability that makes a headline-shaped line over the one found
#: the headline (and the one found its standfirst).
_UPPER_HEAD_P = 0.9
#: A headline over a standfirst the model took for it: the lower line has this many words
#: at least, the upper line fewer (and this many at least), and the model gives the upper
#: line some chance of being the headline.
_DECK_WORDS = 12
_DECK_MIN_HEAD = 5
_DECK_HEAD_P = 0.05
#: Most lines (credits, a share row, a label) between a live page's headline and the
#: first entry the model took for it.
_ENTRY_GAP = 4
#: Most words of a line the model calls a byline or date line that is taken as one.
_CREDIT_WORDS = 8


#: What the cue lists name a line that no headline is: "Listen to this article ▶ 3:42",
#: "Share this story", "Sign up to our newsletter", "Comments (3)".
_NOT_HEADLINE_CUES = frozenset({"boilerplate", "form", "related_header", "comment_header"})


def _cue_credit(text: str) -> bool:
    """A byline or date line by the cue lists alone, cell by cell ("Published 9 May · By
    Jane Doe · 4 min read")."""
    # only by its "By" or "Posted by": "Border Clashes Leave Dozens Dead, Army Says" and
    # "THE GREYRIGG CAMP, THREE WEEKS IN" are shaped like "Jane Doe, Reuters" but are
    # headlines (the model reads that shape with the line's neighbours)
    return any(looks_like_byline(c, header=False) or looks_like_dateline(c)
               or _POSTED_RE.match(c) for c in cells(text))


#: A reprint's or a translation's credit ("Source: La Voz del Litoral, 2 December 2024.
#: Translated from ...", "Originally published by ...").
_SOURCE_CREDIT_RE = re.compile(
    r"^(?:sources?|originally\s+published(?:\s+(?:by|in))?|original\s+publication|"
    r"translated\s+from|republished\s+from)\b\s*:?", re.IGNORECASE)
#: A short "Label: value" line of a report's header ("Country: Lenmara", "Disaster type:
#: Epidemic"); such lines come in runs, which a headline ("Gaza: ceasefire holds") does not.
_FIELD_RE = re.compile(r"^[A-Z][a-z]+(?:\s[a-z]+)?:\s+\S")
_FIELD_WORDS = 5
#: A banner over the headline slot ("WEATHER ALERT: Wind advisory until 7 PM").
_BANNER_RE = re.compile(r"^[A-Z][A-Z ]{2,30}:\s")


def _field(rows: Sequence[Row], i: int) -> bool:
    return 0 <= i < len(rows) and n_words(rows[i].text) <= _FIELD_WORDS and bool(
        _FIELD_RE.match(rows[i].text.strip()))


def _credit_like(rows: Sequence[Row], i: int, tag: str) -> bool:
    """A line of the credit block under a headline: a byline, a date line, a wire story's
    update note, a reprint's source line, or one of a run of header fields. A line the
    model calls a byline counts when it is short and not in capitals: a long one, or one
    in capitals, may be the headline itself."""
    text = rows[i].text.strip()
    if _WIRE_NOTE_RE.match(text) or (tag in ("byline", "dateline") and not text.isupper()
                                      and n_words(text) <= _CREDIT_WORDS
                                      and _credit_shaped(text)):
        return True
    if _SOURCE_CREDIT_RE.match(text) or (_field(rows, i) and (_field(rows, i - 1)
                                                             or _field(rows, i + 1))):
        return True
    return _cue_credit(text)


_WORD_RE = re.compile(r"[^\W\d_][\w'\u2019.-]*")


#: Lower-case words a credit line may have besides a name's particles and a credit's own
#: ("From our correspondent in Halvik", "Reporting period: 14-20 July").
_CREDIT_LOWER = 1


def _credit_shaped(text: str) -> bool:
    """Whether a short line the model calls a byline or a date line reads as one: names,
    titles and dates in capitals, with at most one lower-case word but a name's particles
    and a credit's ("Dale Pritchard, News Reporter", "Thursday 6 June · Brídín Costigan",
    "From our correspondent in Halvik"). A headline in sentence case ("Rail line to
    reopen by 2027") is none, however the model reads its place under the menu. (A credit
    by the cue lists is one whatever its words: :func:`_credit_like` asks them last.)"""
    c = cues()
    small = c.particles | c.byline_tail_words
    lower = [w for w in _WORD_RE.findall(text)
             if w[:1].islower() and w.lower().rstrip(".") not in small]
    return len(lower) <= _CREDIT_LOWER


def _headline_shaped(text: str) -> bool:
    """Could be a headline: three to 25 words, no closing full stop, and none of a
    masthead in capitals, a section name, a menu, a breadcrumb, a bracketed note, a
    credit line or a link."""
    s = text.strip()
    words = s.split()
    if not 3 <= len(words) <= _PARAGRAPH_WORDS:
        return False
    if s.endswith((".", ",", ";", ":", "|")) and not s.endswith("..."):
        return False
    if (s.startswith(("(", "[")) or is_menu(s) or BREADCRUMB_RE.search(s)
            or (_TWO_SENTENCES_RE.search(s) and not s.endswith("?"))):
        return False
    if s.isupper() and len(words) < 5:
        return False  # a masthead or a section name ("THE EASTERN BULLETIN")
    if sum(ch.isalpha() for ch in s) < 0.6 * len(s.replace(" ", "")):
        return False
    if "://" in s or "@" in s or _cue_credit(s):
        return False
    return line_kind(s, header=True) not in _NOT_HEADLINE_CUES


def headline_over_credit(rows: Sequence[Row], tags: list[str],
                         head_p: Sequence[float] | None = None) -> list[str]:
    """The headline is the line right above the page's credit block (its byline, its date
    line, a wire story's update note), when the model found none or found one in the
    masthead above the site's menu or furniture.

    Why a rule: a site's header has a fixed order (masthead, tagline, menu, breadcrumb,
    headline, credits) that the line model, scoring lines with their neighbours' cues,
    misses on sites unlike its train pages: a fact-check site's headline read as body, a
    TV station's as a byline, a blog's tagline as its headline. The credit block is the
    anchor a reader uses. A headline in capitals directly above the line found, or one the
    model itself finds likely (``head_p``, its headline probabilities), is the headline,
    and the line found its standfirst ("ARMY SHELLING KILLS 19" over "Residents blame ...;
    military says ..."). Nothing changes when the model's headline sits between its
    standfirst and credits, or below them. A page with no headline whose credits stand
    above the article (a press release's "Released: 28 January" row) has its headline
    directly under them. A credit line is never the headline."""
    n = len(rows)
    out = list(tags)
    for i, t in enumerate(tags):
        text = rows[i].text.strip()
        if t == "headline" and (_WIRE_NOTE_RE.match(text) or _cue_credit(text)):
            out[i] = "byline"  # an update note or a "Posted by" line is no headline
    # the header ends where the article does begin: a paragraph, or a sentence the model
    # reads as body (a standfirst ending in a full stop; a photo's credit further down is
    # no credit of the article)
    top = next((i for i in range(n) if not _SOURCE_CREDIT_RE.match(rows[i].text.strip()) and (
        n_words(rows[i].text) >= _PARAGRAPH_WORDS
        or (out[i] == "body" and rows[i].text.rstrip().endswith(_SENTENCE_ENDS)))), n)
    seen: dict[int, bool] = {}  # the walks up and down a credit block revisit rows

    def credit(i: int) -> bool:
        if i not in seen:
            seen[i] = _credit_like(rows, i, out[i])
        return seen[i]

    cand = None
    under = None  # the first headline-shaped line right under a credit block
    current = [i for i, t in enumerate(out) if t == "headline"]
    # with no headline found, the credits are looked for down to the article's first
    # paragraph however long the site's menus above them are
    for i in range(min(top, _TOP_ROWS) if current else top):
        if not credit(i):
            continue
        j = i - 1
        while j >= 0 and credit(j):
            j -= 1
        if j >= 0 and _headline_shaped(rows[j].text):
            cand = j
            break
        k = i + 1
        while k < min(top, n) and credit(k):
            k += 1
        if under is None and k < min(top, n) and _headline_shaped(rows[k].text):
            under = k
    if cand is None:
        if under is not None and not current:
            out[under] = "headline"
        return out
    if current and cand not in current:
        def furniture(between: range) -> bool:
            return any(is_menu(rows[k].text) or out[k] in ("boilerplate", "related", "form")
                       for k in between if not credit(k))

        if current[0] > cand:
            between = range(cand + 1, current[0])
            if len(between) > _ENTRY_GAP or not furniture(between) or any(
                    is_menu(rows[k].text) and line_kind(rows[k].text, header=True) is None
                    for k in between):
                return out  # the model's headline lies under the credits: its own reading
            # under the credits and a share row or a "Key points" label (no site menu,
            # which stands above a headline): a live page's first entry, not its headline
            for k in current:
                out[k] = "body"
        else:
            if not furniture(range(current[-1] + 1, cand)):
                return out  # headline, standfirst, credits: the model's reading holds
            for k in current:
                out[k] = "boilerplate"  # a tagline under the masthead
    out[cand] = "headline"
    above = cand - 1
    upper = rows[above].text.strip() if above >= 0 else ""
    caps = upper.isupper() and not rows[cand].text.isupper() and len(cells(upper)) == 1
    likely = head_p is not None and above >= 0 and head_p[above] >= _UPPER_HEAD_P
    # the line right under the site's breadcrumb is where a headline stands: a short one
    # in capitals there is no masthead ("SUPERBUG SHUTS CANCER WARD"). (Under a menu, the
    # line is as often a section name, "CRIME & COURTS", or an app promo.)
    slot = (above >= 1 and bool(BREADCRUMB_RE.search(rows[above - 1].text))
            and len(cells(upper)) == 1 and not _BANNER_RE.match(upper))
    shaped = _headline_shaped(upper) or (slot and caps and n_words(upper) >= 3
                                         and _headline_shaped(upper.title()))
    # a short headline under the site's furniture, over a long sentence that explains it
    # ("Temporary stand collapses at Dunholt rugby ground, 63 injured" over "Spectators
    # fall three metres as scaffold seating gives way during derby against Harlow Park"):
    # the headline is the shorter line, the sentence its standfirst
    deck = (above >= 1 and out[above - 1] in ("boilerplate", "related")
            and n_words(rows[cand].text) >= _DECK_WORDS
            and _DECK_MIN_HEAD <= n_words(upper) < n_words(rows[cand].text)
            and head_p is not None and head_p[above] >= _DECK_HEAD_P
            and not _BANNER_RE.match(upper))
    if (caps or likely or slot or deck) and shaped and not credit(above):
        out[above], out[cand] = "headline", "standfirst"
    return out


def pasted_headline(rows: Sequence[Row], tags: list[str]) -> list[str]:
    """A page with no headline whose first line is headline-shaped and directly above the
    body is an article pasted from its headline down: that line is the headline.

    The model may also call such a line body (a long headline over short paragraphs):
    then it must stand alone (a blank line under it) and be no quotation or reported
    speech, which open bare article bodies. A question standing alone is a headline ("Is
    Apple about to launch a 12-inch MacBook Air?"): it opens 12 of FNC-1's 1,683 bare
    bodies, and 48 of 3,600 of its bodies under a headline had the headline lost to it.
    A title-cased line may end on "?" or "!" and a one-word label ("Video:", "WATCH:")
    may open it; a title-cased or tabloid-built line may run to 40 words, and one that
    reports ("Nigeria Says It Struck A Cease-Fire …") is still a title; the line under it
    may be a one-sentence standfirst the model calls furniture.

    Why a rule and not the model alone: the training pages put a masthead, a menu or a
    kicker above the headline, so the model learnt that a page's very first line is
    chrome, and read "Harbour Bridge Repairs Postponed" over six plain paragraphs as
    boilerplate (it gave the line a headline probability near 0). Only the first line,
    and only when nothing the model calls a headline exists and the next line is body.
    """
    if len(rows) < 2 or "headline" in tags or tags[0] not in ("boilerplate", "body"):
        return tags
    deck = tags[1] != "body" and _deck_under(rows, tags)
    if tags[1] != "body" and not deck:
        return tags
    text = rows[0].text.strip()
    if rows[0].gap_after:
        text = unlabelled(text)  # "Video: Militants Claim …": the label, then the title
    words = text.split()
    if title_cased_words(words) and rows[0].gap_after > 0 and text.endswith(("?", "!", "!?")):
        text = text.rstrip("?!")  # "Was The Video … All An Elaborate Hoax!?": a title
    if not 3 <= len(words) <= _PASTED_WORDS or text.endswith((".", "!", ",", ";", ":", "|")):
        return tags
    if len(words) > _SENTENCE_CASE_WORDS and not (title_cased_words(words)
                                                  or _TABLOID_RE.search(text)):
        return tags  # a long sentence in sentence case with its stop lost: the lead
    if tags[0] == "body" and (
        text.endswith(_CLOSING_QUOTES) or rows[0].gap_after == 0
        or (_REPORTING_RE.search(text) and not title_cased_words(words))
    ):
        # a quotation or a sentence run on: the body's first line (a title-cased line
        # that reports, "Nigeria Says It Struck A Cease-Fire ...", is a headline's)
        return tags
    if sum(ch.isalpha() for ch in text) < 0.6 * len(text.replace(" ", "")):
        return tags  # a date, a time, a figure row
    if "://" in text or "@" in text or text.lower().startswith(("by ", "from ")):
        return tags
    return ["headline", "standfirst" if deck else tags[1], *tags[2:]]


#: How likely the model must find a first line to be the headline for it to take the
#: place of the line under it, and fewest words of such a line (a masthead has fewer).
_OVER_DECK_HEAD_P = 0.2
_OVER_DECK_WORDS = 4


def headline_over_deck(rows: Sequence[Row], tags: list[str],
                       head_p: Sequence[float]) -> list[str]:
    """A page whose first line stands alone, is shaped like a title and is one the model
    finds a likely headline, over the line the model chose, opens on its headline: the
    line chosen is its standfirst or subhead ("ISIS Beheads American Journalist" over
    "James Foley went missing in November 2012"; "Seth Rogen Is Woz" over "Jessica
    Chastain is also being sought for a role ..."). The model scores each line with its
    neighbours, and two title-shaped lines at the top of a page pasted from its headline
    down read alike to it; the first is the one a reader takes for the headline."""
    if (len(rows) < 3 or tags[1] != "headline" or tags[0] == "headline"
            or "headline" in tags[2:] or head_p[0] < _OVER_DECK_HEAD_P
            or not rows[0].gap_after):
        return tags
    text = rows[0].text.strip()
    if (n_words(text) < _OVER_DECK_WORDS or not _headline_shaped(text)
            or line_kind(text, header=True) is not None):
        return tags
    return ["headline", "standfirst", *tags[2:]]


#: A standfirst's length in words: one sentence under the headline.
_DECK_SPAN = (4, 35)
#: How a sentence ends: a stop, a question or exclamation mark, an ellipsis, and a closing
#: quotation mark or bracket after it.
_SENTENCE_END_RE = re.compile(r"(?:[.!?]|\u2026)[\"'\u201d\u2019)]?$")


def _deck_under(rows: Sequence[Row], tags: Sequence[str]) -> bool:
    """Whether the page's second line is a standfirst between a pasted headline and the
    body: one sentence of its own ("This video is the epitome of a close shave."), set
    apart from the first line and from the body, which the model calls furniture or a
    standfirst and whose next line it reads as body."""
    if len(rows) < 3 or tags[1] not in ("boilerplate", "standfirst") or tags[2] != "body":
        return False
    text = rows[1].text.strip()
    return (rows[0].gap_after > 0 and rows[1].gap_after > 0
            and _DECK_SPAN[0] <= n_words(text) <= _DECK_SPAN[1]
            and _SENTENCE_END_RE.search(text) is not None
            and not _REPORTING_RE.search(text) and "://" not in text)


_CLOSING_QUOTES = ("\"", "'", "\u201d", "\u2019", "\u00bb")
#: Most words of a pasted headline: tabloid headlines run to 40 ("'American bombing had
#: signed my death certificate': Missing US journalist ... goes unheard"), and a line
#: that long with no closing stop, standing alone over the body, is no paragraph.
_PASTED_WORDS = 40
#: Beyond this many words a pasted headline is set as headlines are (title case) or
#: built as tabloids build them: a quotation, then a colon ("'…': Missing US journalist
#: …"), a label and a colon, or a clause after a dash; a lead sentence whose stop the
#: scraper lost is none of these.
_SENTENCE_CASE_WORDS = 20
_TABLOID_RE = re.compile(r"^[\"'\u2018\u201c]|\S:\s|\s[-\u2013\u2014]\s")


_REPORTING_RE = re.compile(r"\b(?:said|says|told|according to)\b", re.IGNORECASE)


#: A live blog's entry, opened by its clock time: "12.29 The Telegraph's Richard Spencer
#: reports:", "14:30 - Police close the bridge". A figure with two decimals is no time
#: ("1.25 billion people", "12.50 per cent").
_ENTRY_HEAD_RE = re.compile(
    r"^\d{1,2}[:.][0-5]\d(?:\s*[ap]\.?\s?m\.?)?(?:\s*(?:GMT|BST|UTC|[ECMP][SD]?T))?"
    r"\s*[-\u2013\u2014:|\u2022]?\s+(?![\d%$\u00a3\u20ac]|(?:million|billion|trillion|bn|"
    r"per\b|percent|pc\b|m\b|km|kg|mph|points?\b))\S", re.IGNORECASE)


#: A line of a page's script the scraper kept: a call ("mboxCreate('Site-Videos');").
_SCRIPT_RE = re.compile(r"^[A-Za-z_$][\w.$]*\(.*\)\s*;?$")


def never_headline(rows: Sequence[Row], likely: Collection[int] | None = None) -> list[int]:
    """The rows that cannot be the headline whatever the model says: a menu, a
    breadcrumb trail, a live blog's timed entry, a line of script, or a line the cue
    lists call furniture. (The model weighs the cues with the line's neighbours, and on a
    site unlike its train pages may take an audio player's "Listen to this article ▶
    3:42" under the headline, or the first entry of a live blog, for the headline.) The
    cue lists are read only on the rows in ``likely`` when it is given (the rows the
    model gives some chance of being the headline): reading them on every line of every
    page costs a tenth of the anatomy stage."""
    return [i for i, r in enumerate(rows) if is_menu(r.text) or BREADCRUMB_RE.search(r.text)
            or ((likely is None or i in likely)
                and (_ENTRY_HEAD_RE.match(r.text.strip()) is not None
                     or _SCRIPT_RE.match(r.text.strip()) is not None
                     or line_kind(r.text, header=True) in _NOT_HEADLINE_CUES))]


#: A paragraph of the article: a sentence or more of this many words, ended as a
#: sentence ends.
_PROSE_WORDS = 12
#: Paragraphs of the article's own above a line that rule it out as the headline.
_BURIED_UNDER = 2


def buried_headline(rows: Sequence[Row], tags: Sequence[str]) -> list[int]:
    """The headline rows that stand under two or more paragraphs the model reads as the
    article's body: a headline opens the article, so a title-shaped line below its
    paragraphs is another story's (a sidebar's "'Sleepy Hollow' Stars Tease ..." under a
    celebrity-hoax story) or a subhead. Body rows that are not prose (menus, weather,
    cookie lines the model misreads) do not count: under them the headline still opens
    the article. On trafilatura-eval's train and dev pages, a headline under two such
    paragraphs was the gold headline on 3 of 35 pages."""
    first = next((i for i, t in enumerate(tags) if t == "headline"), None)
    if first is None:
        return []
    prose = 0
    for i in range(first):
        text = rows[i].text.strip()
        if (tags[i] == "body" and n_words(text) >= _PROSE_WORDS
                and _SENTENCE_END_RE.search(text)):
            prose += 1
            if prose >= _BURIED_UNDER:
                return [j for j in range(first, len(tags)) if tags[j] == "headline"]
    return []


#: A label for the video the article embeds, then what it shows: "VIDEO: Crews battle
#: flames at Larkspur Apartments early Sunday (Courtesy: viewer Tom Gaddis)".
_VIDEO_RE = re.compile(r"^(?:video|watch)\s*:\s+(?P<what>\S.*)$", re.IGNORECASE)
#: What a promo of other videos or of live coverage says instead of describing a picture.
_VIDEO_PROMO_RE = re.compile(r"^(?:live|more|latest|all|our|full)\b|\blive\s*(?:stream|tv|now)\b",
                             re.IGNORECASE)
_ENTRY_TIME_RE = re.compile(r"^\d{1,2}[:.]\d{2}(?:\s*[ap]\.?\s?m\.?)?(?:\s+\w+)?$",
                            re.IGNORECASE)
#: A credit in brackets under the video's line: "(THE NATIONAL CHRONICLE · 1:58)".
_CREDIT_UNDER_RE = re.compile(r"^\([^()]{2,60}\)$")
#: Fewest words of the description: "Video: Signing Day 2019" is a link title.
_VIDEO_WORDS = 5


def video_captions(rows: Sequence[Row], tags: list[str]) -> list[str]:
    """A lone "Video:" or "Watch:" line that describes its picture in a sentence's words,
    next to the article's own lines, is the caption of the video the article embeds. Runs
    of such lines, short titles ("Video: Signing Day 2019") and promos ("Watch live: ...")
    are other videos: related links or furniture, as the model reads them.

    Why a rule: the layout model learnt "Video:" lines from rendered HTML, where most are
    lists of a site's other videos (related), and from two train pages that called the
    embedded video's title furniture; the red-team pages, written blind, call the line
    under or over a news video a caption, which is what it is to a reader (it says what the
    picture shows, not what the article claims)."""
    out = list(tags)
    article = ("body", "standfirst", "caption", "headline", "byline", "dateline")
    for i, row in enumerate(rows):
        m = _VIDEO_RE.match(row.text.strip())
        if m is None or tags[i] == "caption" or (i == 0 and tags[i] == "headline"):
            continue  # the page's first line, its headline: "Video: Militants Claim …"
        what = m.group("what")
        if n_words(what) < _VIDEO_WORDS or _VIDEO_PROMO_RE.search(what):
            continue
        near = [j for j in (i - 1, i + 1) if 0 <= j < len(rows)]
        if any(_VIDEO_RE.match(rows[j].text.strip()) for j in near):
            continue  # a list of videos
        if any(tags[j] in article for j in near) or (
                i > 0 and _ENTRY_TIME_RE.match(rows[i - 1].text.strip())) or (
                i + 1 < len(rows) and _CREDIT_UNDER_RE.match(rows[i + 1].text.strip())):
            out[i] = "caption"  # beside the article, or under a live entry's time
    return out


#: A listener's or reader's message as a radio or live page prints it: the words in
#: quotation marks, then a dash and who sent it ("- Kath in Selham", "— Dwayne",
#: "- Name withheld"), nothing after.
_SIGNED_RE = re.compile(
    r"^[\"\u201c](?P<words>[^\"\u201c\u201d]{12,})[\"\u201d]\s*[-\u2013\u2014]\s*"
    r"(?P<who>[^\s\"\u201c\u201d.!?][^\"\u201c\u201d.!?]{0,48})$")
#: Who sent it, then a colon, as a message under a head begins: "From Marianne in Colby
#: Flats: ...", "Dave on Upper Harmon Road: ...", "From a listener in Pine Hollow: ...".
_SENDER = (
    r"^(?:From\s+)?(?:[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*)?|an?\s+(?:listener|reader|viewer))"
    r"(?:(?:\s+(?:in|on|at|from|near)|,)\s+[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,3})?")
_SENDER_RE = re.compile(_SENDER + r":\s+\S")
#: A line that heads messages: "YOUR MESSAGES - texts to 87974", "7:52 a.m. — Listener
#: text", "Your texts", "What you're telling us".
_MESSAGES_HEAD_RE = re.compile(
    r"\b(?:your\s+(?:messages|texts|views|comments|emails|stories)|listener\s+(?:texts?|"
    r"messages?|calls?)|viewer\s+(?:texts?|messages?)|what\s+you(?:'re|\u2019re|\s+are)\s+"
    r"(?:saying|telling\s+us)|texts?\s+to\s+\d+|messages?\s+from\s+(?:an?\s+)?(?:listeners?|"
    r"readers?|viewers?)|readers?['\u2019]?\s+(?:messages?|texts?))\b",
    re.IGNORECASE)
#: Who sent a message and when, alone on the line over it: "From Jan in Ashcombe, 10:47",
#: "Steve, Mill Farm, 11:20" (the "when" part must read as a date line).
_SENDER_HEAD_RE = re.compile(_SENDER + r"\s*[,\u00b7\u2014\u2013-]\s*(?P<when>\S.{0,30})$")
#: How to send one, under a messages head: "Text the studio on 83974 or comment below".
_HOW_TO_SEND_RE = re.compile(r"\b(?:text|txt|call|ring|email|e-mail|whatsapp|message)\b.{0,40}"
                             r"\b\d{4,}\b|\bcomment\s+below\b", re.IGNORECASE)
_HEAD_WORDS = 12
#: A comment or messages head is short: longer lines are not tested for one.
_HEAD_CHARS = 80
_TIME_RE = re.compile(r"^\d{1,2}[:.]\d{2}")
_ONE_MESSAGE_RE = re.compile(r"\b(?:message|text)$", re.IGNORECASE)
_OPENING_QUOTES = ("\"", "\u201c")


def listener_messages(rows: Sequence[Row], tags: list[str]) -> list[str]:
    """Listeners' and readers' messages on a live page are comments, each its own: a
    line that is all quotation and a signature ("\\"Tree down across Mill Lane.\\" - Tony")
    in a run of two or more, or under a line that heads messages ("YOUR MESSAGES",
    "Listener text"); a line that names its sender before a colon ("From Marianne in
    Colby Flats: ...", "Dave on Upper Harmon Road: ...") only under such a head, and so
    a line of who and when over the message ("From Jan in Ashcombe, 10:47").

    Why a rule: one quoted line signed with a dash is also a pull quote or an epigraph,
    and a run of them is rare in articles (none in the rendered HTML of the layout
    corpus but reviews' blurbs); the model reads them as body, and a message in the body
    is the page's own voice to every check after it. The head alone was tried as a cue
    and withdrawn (stop 32): lines under a head like "split across four departments:"
    went with it."""
    out = list(tags)
    signed = [bool(_SIGNED_RE.match(r.text.strip())) for r in rows]
    headed = one = False  # under a messages head, while the lines under it are messages
    under_sender = False  # right under a "From Jan in Ashcombe, 10:47" line
    for i, row in enumerate(rows):
        text = row.text.strip()
        if len(text) <= _HEAD_CHARS and _MESSAGES_HEAD_RE.search(text) and (
                n_words(text) <= _HEAD_WORDS):
            # "Reader message": the one quotation under it is the message, however signed
            headed, one = True, bool(_ONE_MESSAGE_RE.search(text))
            continue
        if headed and len(text) <= _HEAD_CHARS and (m := _SENDER_HEAD_RE.match(text)) and (
                looks_like_dateline(m["when"])):
            out[i], under_sender = "comment_start", True
            continue
        if headed and under_sender and row.gap_before == 0:
            out[i] = "comment"  # the message under its sender's line
            continue
        under_sender = False
        if headed and _HOW_TO_SEND_RE.search(text) and not tags[i].startswith("comment"):
            continue  # "Text the studio on 83974 or comment below"
        sender = (tags[i] != "caption" and _SENDER_RE.match(text) is not None
                  and not _TIME_RE.match(text))
        if headed and (signed[i] or sender or (one and text[:1] in _OPENING_QUOTES)):
            out[i] = "comment_start"
            one = False
            continue
        if headed and text.endswith(":") and not tags[i].startswith("comment"):
            continue  # "A selection, lightly edited:" introduces them
        if headed and not tags[i].startswith("comment"):
            headed = False  # the first line that is no message ends them
        run = signed[i] and ((i > 0 and signed[i - 1]) or (i + 1 < len(rows) and signed[i + 1]))
        if run:
            out[i] = "comment_start"
    return out


#: A commenter's handle alone on its line: one token with an underscore, a digit or an
#: inner capital ("Doug_in_Harbour", "RefWatcher71", "KCFC_Marie"), or any name after a
#: reply arrow ("↳ Doug_in_Harbour").
_HANDLE = r"(?=[\w.-]*(?:_|\d|[a-z][A-Z]))[A-Za-z][\w.-]{2,30}"
_HANDLE_RE = re.compile(r"^(?:[\u21b3@]\s*[\w.-]{2,30}|" + _HANDLE + r")$")
#: What ends a thread of comments: a line the cue lists call furniture, or another head.
_THREAD_ENDS = frozenset({"form", "related_header", "related", "boilerplate", "comment_end",
                          "comment_header"})


def handle_threads(rows: Sequence[Row], tags: list[str]) -> list[str]:
    """Under a comment head ("Have your say", "Comments (4)"), a line that is only a
    handle opens a comment and the lines under it are that comment, up to the next handle
    or the first line the cue lists call something else (a form, a related list's head,
    furniture). Why a rule: the model reads a handle as the credit of the paragraph under
    it on pages that indent the thread, and the thread became body."""
    out = list(tags)
    in_thread = opened = False
    for i, row in enumerate(rows):
        text = row.text.strip()
        if not in_thread and len(text) > _HEAD_CHARS:
            continue  # a comment head is short: a paragraph is not read for one
        kind = line_kind(text)
        if kind == "comment_header":
            in_thread, opened = True, False
            continue
        if not in_thread:
            continue
        if _HANDLE_RE.match(text):
            out[i], opened = "comment_start", True
        elif kind in _THREAD_ENDS:
            in_thread = False
        elif opened and tags[i] != "comment_start":
            out[i] = "comment"  # (a start the model found stays one: "J. Whitlock")
    return out


#: A comment's head: who wrote it, a separator and when, and nothing else ("@gina_t  ·  Sat
#: 10:15", "Leila_M — 19 April 2026, 14:10", "@ann replying to @bob · Sat 10:40", "↳ Site
#: moderator — 19 April 2026, 16:20"); the "when" part must read as a date line.
_STAMP_HEAD_RE = re.compile(r"^(?:(?:\[\d{1,4}\]|#\d{1,4})\s*)?"  # a post's number: "[2] ", "#3 "
                            r"(?P<who>\u21b3?\s*@?[\w.'\u2019-]+(?:\s+[@\w.'\u2019()-]+){0,4})"
                            r"\s+[\u00b7\u2022\u2014\u2013|-]\s+(?P<when>\S.{0,40})$")
#: A handle among a head's words: "@name", or a token with an underscore, a digit or an
#: inner capital.
_HANDLE_WORD_RE = re.compile(r"(?:^|\s)(?:@[\w.-]{2,30}|" + _HANDLE + r")(?=\s|$)")
_THREAD_MIN = 2
#: A rule between posts ("-----", "───", "* * *"): after a comment's text, its end.
_RULE_RE = re.compile(r"^[-\u2500\u2014_=*~. ]{3,}$")
#: A line of this many words is a comment's text, not its author's name or post count.
_SAID_WORDS = 6


def _stamp_head(text: str) -> re.Match[str] | None:
    m = _STAMP_HEAD_RE.match(text)
    # a bilingual site gives the time twice: "hace 2 horas / 2 hours ago"
    if m is None or not any(looks_like_dateline(w.strip()) for w in m["when"].split(" / ")
                            ) or looks_like_byline(text):
        return None
    return m


def _thread_heads(rows: Sequence[Row], tags: list[str], first_body: int
                  ) -> tuple[list[int], bool]:
    """The comment heads below the first body line, and whether a handle is among them
    (a forum's cue head counts as one)."""
    heads: list[int] = []
    handles = False
    for i in range(first_body + 1, len(rows)):
        text = rows[i].text.strip()
        if len(text) > _HEAD_CHARS or tags[i] == "comment":
            continue  # (a line inside a comment is no head: "Corinne H wrote:" quoting her)
        if (m := _stamp_head(text)) is not None:
            heads.append(i)
            handles = handles or bool(_HANDLE_WORD_RE.search(m["who"]))
        elif cues().comment_start_re.search(text) and line_kind(text) == "comment_start":
            heads.append(i)  # a forum's "Reply #3 on: 27 November 2025, 22:31"
            handles = True
    return heads, handles


def _comment_end(rows: Sequence[Row], tags: list[str], head: int, stop: int) -> int:
    """Where the comment under ``head`` ends: before the next head (``stop``), a line the
    cue lists call furniture, a rule line after its text, or, past a blank line after its
    text, what the model reads as furniture."""
    j = head + 1
    said = False  # the comment's text has begun (past its author's name and post count)
    while j < stop:
        text = rows[j].text.strip()
        if len(text) <= _HEAD_CHARS and (line_kind(text) in _THREAD_ENDS
                                         or said and _RULE_RE.match(text)):
            break
        if said and rows[j].gap_before and tags[j] in ("form", "related", "boilerplate"):
            break
        said = said or n_words(text) >= _SAID_WORDS
        j += 1
    return j


def stamped_threads(rows: Sequence[Row], tags: list[str]) -> list[str]:
    """Below the article's first body line, two or more heads of who and when ("@gina_t ·
    Sat 10:15", "Leila_M — 19 April 2026, 14:10"), each over its text, are a comment
    thread: each head opens a comment and the lines under it, up to the next head or a
    line the cue lists call furniture, are that comment. A thread with no handle among
    its heads counts only where the model already read a comment in it: a live page's
    own entries may be signed "Jane Roe — 14:32".

    A forum's post head ("Reply #3 on: <date>", "Post #2 by ...") opens a comment the same
    way; a rule line ("-----") after a comment's text ends it.

    Why a rule: a forum or community page prints its replies with no "Comments" head, and
    the model read them as body, each reply's head as a credit."""
    first_body = next((i for i, t in enumerate(tags) if t == "body"), None)
    if first_body is None:
        return tags
    heads, handles = _thread_heads(rows, tags, first_body)
    if len(heads) < _THREAD_MIN or not handles and not any(
            t in ("comment", "comment_start") for t in tags[heads[0]:]):
        return tags
    out = list(tags)
    for n, i in enumerate(heads):
        end = _comment_end(rows, tags, i, heads[n + 1] if n + 1 < len(heads) else len(rows))
        if end == i + 1:
            continue  # a head with nothing under it is no comment
        found = tags[i] == "comment_start"
        out[i] = "comment_start"
        for k in range(i + 1, end):
            # under a head the model found, only what it read as body; a start it found
            # stays one
            if tags[k] == "body" or not found and tags[k] != "comment_start":
                out[k] = "comment"
    return out


#: The most words of a headline right under a breadcrumb: a fact-check's question and its
#: verdict run long ("Did 60 patients die at ... ? No: the ministry's figure is 38, ...").
_CRUMB_HEAD_WORDS = 40
#: The rows after a breadcrumb that its headline may stand in (a "NEWS RELEASE" label or a
#: reprint's source line may come first).
_CRUMB_REACH = 4
#: A headline the model is this sure of keeps its place above the breadcrumb.
_SURE_HEAD_P = 0.95
_FROM_SOURCE_RE = re.compile(r"^(?:from|via)\s", re.IGNORECASE)
#: A press release's or a translation's note under the trail: no headline.
_RELEASE_NOTE_RE = re.compile(r"^(?:for\s+immediate\s+release|embargoed|(?:original(?:ly)?|"
                              r"translation)\s+published)\b", re.IGNORECASE)


#: Words of four letters or more that say nothing of a story's subject.
_PLAIN_WORDS = frozenset({"this", "that", "with", "from", "have", "has", "been", "were", "will",
                          "after", "over", "into", "about", "their", "they", "what", "when",
                          "which", "more", "most", "news", "says", "said", "report", "reports",
                          "today", "latest", "live", "updates", "your", "than", "also"})
#: How many of the article's first body lines are read for the story's words.
_LEAD_ROWS = 3


def _subject_words(text: str) -> set[str]:
    """A line's words that name what it is about, cut to five letters ("riots", "riot")."""
    return {w.lower()[:5] for w in _WORD_RE.findall(text)
            if len(w) >= 4 and w.lower() not in _PLAIN_WORDS}


def _lead_words(rows: Sequence[Row], tags: list[str], after: int) -> set[str]:
    """The story's words in the article's first body lines after row ``after``: what a
    headline names and a site's tagline does not."""
    lead = [r.text for r, t in zip(rows[after + 1 :], tags[after + 1 :], strict=False)
            if t == "body" and n_words(r.text) >= _PARAGRAPH_WORDS][:_LEAD_ROWS]
    return _subject_words(" ".join(lead))


def _under_crumb_shaped(text: str) -> bool:
    s = text.strip()
    if not 3 <= n_words(s) <= _CRUMB_HEAD_WORDS or s.endswith((".", ",", ";", ":", "|")):
        return False
    if is_menu(s) or BREADCRUMB_RE.search(s) or "://" in s or "@" in s or _cue_credit(s):
        return False
    if s.isupper() and n_words(s) < 3 or _FROM_SOURCE_RE.match(s):
        return False
    return sum(ch.isalpha() for ch in s) >= 0.6 * len(s.replace(" ", ""))


def headline_under_breadcrumb(rows: Sequence[Row], tags: list[str],
                              head_p: Sequence[float] | None = None) -> list[str]:
    """The headline stands right under the site's breadcrumb trail ("Fact checks ›
    Health", "Newsroom > Press releases > 2 April"), past a section label or a reprint's
    source line: when the model found no headline, or took one above the trail that it
    is not sure of (a tagline, a "Text the studio" line) or a credit line under it, the
    first headline-shaped line under the trail is the headline.

    Why a rule: the trail is the one landmark every site prints right above its headline;
    the model, reading lines with their neighbours, takes a long question or a headline
    with a semicolon for body, and a site's tagline above its menu for the headline."""
    top = min(len(rows), _TOP_ROWS)
    crumb = next((i for i in range(top) if BREADCRUMB_RE.search(rows[i].text)
                  and n_words(rows[i].text) <= 12 and tags[i] != "body"), None)
    if crumb is None:
        return tags
    shaped: list[int] = []
    for j in range(crumb + 1, min(crumb + 1 + _CRUMB_REACH, len(rows))):
        text = rows[j].text.strip()
        if (text.isupper() and n_words(text) < 3) or _credit_like(rows, j, tags[j]) or (
                _FROM_SOURCE_RE.match(text) or _RELEASE_NOTE_RE.match(text)):
            continue  # "NEWS RELEASE"; "From Glas Pellonije (Pellonia), translated ..."
        if not _under_crumb_shaped(text):
            if n_words(text) >= _PARAGRAPH_WORDS or text.endswith(_SENTENCE_ENDS):
                break  # the article has begun
            continue
        shaped.append(j)
        break
    if not shaped:
        return tags
    head = shaped[0]
    current = [i for i, t in enumerate(tags) if t == "headline"]
    if head in current:
        return tags
    out = list(tags)
    lead = _lead_words(rows, tags, head)
    for k in current:
        if k < crumb and head_p is not None and head_p[k] >= _SURE_HEAD_P and not (
                _subject_words(rows[head].text) & lead
                and not _subject_words(rows[k].text) & lead):
            # a headline the model is sure of, over the trail, unless it names nothing the
            # article's lead tells while the line under the trail does (a site's tagline)
            return tags
        if k > head and not _credit_like(rows, k, "byline") and (
                head_p is None or head_p[k] >= head_p[head]):
            return tags  # the model's headline lies under the line: its own reading
    for k in current:
        out[k] = "boilerplate" if k < crumb else "byline"
    out[head] = "headline"
    return out


#: Where a picture was, a scraper leaves its label on a line of its own: "[Photo]",
#: "[Photograph]", "[Image]".
_PLACEHOLDER_RE = re.compile(r"^\[(?:photo|photograph|image|picture|pic|graphic|"
                             r"illustration|gallery|video)\]$", re.IGNORECASE)
#: A gallery's counter over each picture ("3/12", "Photo 3 of 12"): one only where another
#: line counts to the same total (a lone "3/12" may be a date or a score).
_COUNTER_RE = re.compile(r"^(?:(?:photo|image|picture|slide)\s+)?\d{1,3}\s*(?:/|of)\s*"
                         r"(?P<total>\d{1,3})$", re.IGNORECASE)
#: The most words of the caption under such a label: two sentences.
_PLACEHOLDER_CAPTION_WORDS = 50


def placeholder_captions(rows: Sequence[Row], tags: list[str]) -> list[str]:
    """The line right under a picture's placeholder ("[Photograph]") or a gallery's counter
    ("3/12") is the picture's caption, however it reads ("Anna Petrov in her rebuilt
    kitchen ... She lost her husband ..."): the model takes a caption of two sentences with
    a finite verb for body.
    Only the line with no blank line between; a paragraph after a blank is the article's."""
    out = list(tags)
    totals = [m["total"] if (m := _COUNTER_RE.match(r.text.strip())) else None for r in rows]
    counts = Counter(t for t in totals if t is not None)
    for i in range(len(rows) - 1):
        nxt = rows[i + 1]
        label = _PLACEHOLDER_RE.match(rows[i].text.strip()) or (
            totals[i] is not None and counts[totals[i]] >= 2)
        if (label and nxt.gap_before == 0
                and n_words(nxt.text) <= _PLACEHOLDER_CAPTION_WORDS
                and tags[i + 1] in ("body", "boilerplate", "standfirst", "related")):
            out[i + 1] = "caption"
    return out
