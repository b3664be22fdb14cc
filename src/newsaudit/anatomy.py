"""Page anatomy: which parts of a scraped page are the article and which are furniture.

Later stages only treat headline, standfirst and body as the article's own statements
(:data:`newsaudit.model.ARTICLE_KINDS`), so a caption, a related-links list or a reader
comment must never be mistaken for body text. The work is line-based because scraped
text keeps the page's line structure but loses its markup.

Coverage rule: every segment is trimmed to its own non-whitespace text, and the
whitespace between segments (blank lines, the indentation before a list item) is left
uncovered. Segments are in order and never overlap. A multi-line unit (a reader comment,
a comment form, a body paragraph hard-wrapped over several lines) is one segment.

Decisions worth knowing:

* A wire-copy lead prefix ("LONDON (Reuters) - ...") stays inside its body paragraph:
  splitting it off would start the lead sentence in a dateline segment and hide the
  article's first claim from the claim stage.
* A caption is a short paragraph ending in a full stop whose sentences have no finite
  main verb (judged on the spaCy parse when one is given), or one that carries a photo
  cue ("Photo:", "AFP/Getty"). A paragraph set apart by an extra blank line (where a
  scraped image used to be) may also be a caption in the simple present ("Smoke rises
  over the port."). Without a parse, only cues or that layout make a caption. A short
  paragraph in any other finite form (past, perfect, modal) is always body.
* A standfirst is recognised only when a byline or dateline follows it directly.
* A comment form is one segment from its first cue ("Leave a Reply") through the field
  labels that follow; each reader comment is one segment, however many lines it spans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from newsaudit.datafiles import load_json
from newsaudit.model import Page, Segment

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "Cues",
    "cues",
    "line_kind",
    "looks_like_byline",
    "looks_like_dateline",
    "refine",
    "segment_text",
]

_NUMBERED_RE = re.compile(r"^\d{1,3}[.)]\s+\S")
_WORD_RE = re.compile(r"\S+")
_NUMERIC_DATE_RE = re.compile(r"\b\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}\b")
_YEAR_OR_TIME_RE = re.compile(r"^(?:(?:19|20)\d\d|\d{1,2}[:.]\d\d(?:[:.]\d\d)?)$")
_DATE_TOKEN_RE = re.compile(r"[A-Za-z]+\.?|\d+(?:[:.]\d+)*(?:st|nd|rd|th)?|\S")
_TERMINAL = (".", "!", "?", ":", '"', "\u201d", "'", "\u2019", ")", ";", "\u2026")
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"})
_OBJECT_DEPS = frozenset({"dobj", "ccomp", "dative", "attr", "acomp", "oprd", "xcomp"})
_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
_CAPWORD_RE = re.compile(r"^[A-Z\u00c0-\u00de][\w.'\u2019-]*$|^[A-Z]\.?$")


class Cues:
    """The cue lists of ``data/anatomy.json``, compiled once per process."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.max_words: dict[str, int] = data["max_words"]
        self.boilerplate_exact = frozenset(data["boilerplate_exact"])
        self.boilerplate_re = _alternation(data["boilerplate_patterns"])
        self.related_headers = frozenset(data["related_headers"])
        self.related_re = _alternation(data["related_patterns"], flags=0)
        self.comment_header_re = _alternation(data["comment_header_patterns"])
        self.comment_start_re = _alternation(data["comment_start_patterns"])
        self.comment_end = frozenset(data["comment_end_exact"])
        self.form_re = re.compile(
            r"^\W*(?:" + "|".join(re.escape(c) for c in data["form_cues"]) + ")", re.IGNORECASE
        )
        self.form_fields = frozenset(data["form_fields"])
        self.caption_re = _alternation(data["caption_patterns"], flags=0)
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


def _alternation(patterns: list[str], *, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """One regex for a list, so a line is searched once rather than once per pattern."""
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)


@lru_cache(maxsize=1)
def cues() -> Cues:
    return Cues(load_json("anatomy.json"))


def _key(line: str) -> str:
    """A line as the exact-match lists spell it: case-free, single-spaced, no end colon."""
    return " ".join(line.casefold().split()).rstrip(" :»›|-")


def _nwords(s: str) -> int:
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
    if not s or _nwords(s) > c.max_words["byline"]:
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
    return outlet.casefold() in c.agencies or (_tail_ok(tail) and _nwords(tail) <= 4)


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
    if not m or _nwords(s[: m.end()]) > 10:
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
    n = _nwords(s)
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


@lru_cache(maxsize=16)
def _tags(text: str, title: str | None) -> tuple[tuple[str, bool], ...]:
    """(kind, starts a comment) for each non-blank line, from the layout model; cached
    because ingest and :func:`refine` segment the same text and the model need not run
    twice."""
    from newsaudit.models.layout import load_model

    rows, _ = rows_of(text)
    return tuple(
        ("comment" if t == "comment_start" else t, t == "comment_start")
        for t in load_model().tag(rows, title=title)
    )


@dataclass(slots=True)
class _Part:
    kind: str
    start: int
    end: int
    first: Row  # the first line, for the caption rules of _finish
    nlines: int = 1


def _continues(prev: _Part, row: Row, text: str) -> bool:
    """A hard-wrapped line of the paragraph before: no blank line between them, and the
    paragraph has not ended its sentence (or this line goes on in lower case)."""
    return row.gap_before == 0 and (
        not text[prev.end - 1 : prev.end].endswith(_TERMINAL) or row.text[:1].islower()
    )


_WRAPPING = frozenset({"headline", "standfirst", "body", "caption"})


def segment_text(
    text: str, *, doc: Doc | None = None, title: str | None = None
) -> tuple[Segment, ...]:
    """Split a plain-text page into labelled segments (see the module docstring)."""
    rows, spans = rows_of(text)
    if not rows:
        return ()
    parts: list[_Part] = []
    for row, (start, end), (kind, opens) in zip(rows, spans, _tags(text, title), strict=True):
        prev = parts[-1] if parts else None
        if prev is not None and prev.kind == kind and (
            (kind == "comment" and not opens)
            or kind == "form"
            or (kind in _WRAPPING and _continues(prev, row, text))
        ):
            prev.end = end
            prev.nlines += 1
            continue
        parts.append(_Part(kind, start, end, row))
    return _finish(text, parts, doc)


def _finish(text: str, parts: list[_Part], doc: Doc | None) -> tuple[Segment, ...]:
    out: list[Segment] = []
    for part in parts:
        kind = part.kind
        if kind == "body" and part.nlines == 1 and _caption_shaped(part.first.text):
            set_apart = part.first.gap_before >= 2  # where a scraped image used to be
            if doc is None:
                kind = "caption" if set_apart else kind
            else:
                verb = _main_verb(doc, part.start, part.end)
                if verb == "none" or (verb == "present" and set_apart):
                    kind = "caption"
        out.append(Segment(kind, part.start, part.end, text[part.start : part.end]))
    return tuple(out)


def _caption_shaped(s: str) -> bool:
    n = _nwords(s)
    return (
        4 <= n <= cues().max_words["caption"]
        and s.endswith((".", ")"))
        and not s.startswith(('"', "\u201c", "'", "\u2018", "-", "\u2013", "\u2014"))
        and not _NUMBERED_RE.match(s)
    )


def _main_verb(doc: Doc, start: int, end: int) -> str:
    """What finite main clause the span has: "none", "present" (simple present, the tense
    of captions: "Smoke rises over the port") or "other" (past, perfect, modal ...).

    A VBD root that directly follows a noun other than its subject and takes no object is
    read as a reduced relative ("a member of the Guard killed fighting ...") when its verb
    is one captions use that way; the small model often mistakes those for main verbs.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return "other"
    participles = cues().participle_verbs
    found = "none"
    # Span.sents is real (spacy/tokens/span.pyx, spaCy >= 3.0); span.pyi just omits it.
    for sent in span.sents:  # type: ignore[attr-defined]
        root = sent.root
        kids = list(root.children)
        finite = root.tag_ in _FINITE_TAGS or any(
            k.dep_ in ("aux", "auxpass") and k.tag_ in _FINITE_TAGS for k in kids
        )
        if not finite:
            continue
        if not any(k.dep_ in _SUBJECT_DEPS for k in kids):
            continue
        if (
            root.tag_ == "VBD"
            and root.lemma_.casefold() in participles
            and root.i > sent.start
            and doc[root.i - 1].tag_ in _NOUN_TAGS
            and doc[root.i - 1].dep_ not in _SUBJECT_DEPS
            and not any(k.dep_ in _OBJECT_DEPS and k.i > root.i and k.tag_ != "VBG" for k in kids)
            and not any(k.dep_ in ("aux", "auxpass") for k in kids)
        ):
            continue
        has_aux = any(k.dep_ in ("aux", "auxpass") for k in kids)
        if root.tag_ in ("VBZ", "VBP") and not has_aux and root.lemma_ != "be":
            found = "present"
        else:
            return "other"
    return found


def refine(page: Page, doc: Doc) -> Page:
    """The page with its plain-text segments recomputed using the spaCy parse.

    Ingest runs before the parse, so a plain-text page's captions were judged from cues
    and layout alone; with the parse, a caption is a paragraph with no finite verb, or
    one in the simple present set apart by an extra blank line.
    HTML pages keep their segments: their zones come from the markup, which is surer.
    """
    if page.document.input_format != "text":
        return page
    segments = segment_text(page.document.text, doc=doc, title=page.document.title)
    return Page(page.document, segments)
