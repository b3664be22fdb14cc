"""Page anatomy: which parts of a scraped page are the article and which are furniture.

Later stages only treat headline, standfirst and body as the article's own statements
(:data:`newsaudit.model.ARTICLE_KINDS`), so a caption, a related-links list or a reader
comment must never be mistaken for body text. The work is line-based because scraped
text keeps the page's line structure but loses its markup.

Coverage rule: every segment is trimmed to its own non-whitespace text, and the
whitespace between segments (blank lines, the indentation before a list item) is left
uncovered. Segments are in order and never overlap. A multi-line unit (a reader comment,
a comment form, a body paragraph hard-wrapped over several lines) is one segment.

Each non-blank line gets its kind from the trained layout model
(:mod:`newsaudit.models.layout`: a linear model over features of the line and its
neighbours, the cue lists of :mod:`newsaudit.line_cues` among them, decoded as a
sequence); this module turns those line kinds into segments. The headline is the most
headline-like line above the article, not necessarily the first line of the page.

Decisions worth knowing:

* A wire-copy lead prefix ("LONDON (Reuters) - ...") stays inside its body paragraph:
  splitting it off would start the lead sentence in a dateline segment and hide the
  article's first claim from the claim stage. A publication stamp glued to the start of
  the first body paragraph ("Published October 4 2014 At least 35 ...") is the page's
  dateline: the paragraph component has already ended a sentence after it
  (:mod:`newsaudit.stamps`), so the lead loses nothing.
* A caption is a short paragraph ending in a full stop whose sentences have no finite
  main verb (judged on the spaCy parse when one is given), or one that carries a photo
  cue ("Photo:", "AFP/Getty"). A paragraph set apart by an extra blank line (where a
  scraped image used to be) may also be a caption in the simple present ("Smoke rises
  over the port."). Without a parse, only cues or that layout make a caption. A short
  paragraph in any other finite form (past, perfect, modal) is always body.
* Consecutive lines of one kind join into one segment when the first has not ended its
  sentence (a hard-wrapped paragraph); a comment form is always one segment; each reader
  comment is one segment, from the line the model marks as its start, however many
  lines it spans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from hashlib import blake2b
from threading import Lock
from typing import TYPE_CHECKING, cast

from newsaudit.anatomy_rules import rule_parts
from newsaudit.line_cues import (
    Cues,
    Row,
    cues,
    line_kind,
    looks_like_byline,
    looks_like_dateline,
    n_words,
    rows_of,
    usual_gap,
)
from newsaudit.model import Page, Segment, SegmentKind
from newsaudit.stamps import leading_stamp

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = [
    "Cues",
    "Row",
    "cues",
    "forget_tags",
    "line_kind",
    "looks_like_byline",
    "looks_like_dateline",
    "refine",
    "rows_of",
    "segment_text",
]

#: Pages of at most this many non-blank lines are read by the cue-list rules of
#: :mod:`newsaudit.anatomy_rules`, not the layout model (see there why). Set by judgment,
#: not tuned: a headline, a byline, a date and a few paragraphs; every hand-written page
#: of the layout corpus is longer (13 lines or more).
SHORT_PAGE_LINES = 6

_NUMBERED_RE = re.compile(r"^\d{1,3}[.)]\s+\S")
_TERMINAL = (".", "!", "?", ":", '"', "\u201d", "'", "\u2019", ")", ";", "\u2026")
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"})
_OBJECT_DEPS = frozenset({"dobj", "ccomp", "dative", "attr", "acomp", "oprd", "xcomp"})
_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})


#: Pages whose line tags are kept. ``Auditor.audit_many`` reads a chunk of pages (four
#: parser batches: 64 pages at the default batch size) before it parses and refines the
#: first, so the 16 pages an earlier cache kept ran the layout model twice per page, a
#: tenth of everything after the parse. The cache is keyed by a digest of the text, so it
#: holds a few kB per page however long the pages are.
TAGS_KEPT = 512
_tags_kept: dict[tuple[bytes, str | None], tuple[tuple[SegmentKind, bool], ...]] = {}
_tags_lock = Lock()


def _tags(text: str, title: str | None) -> tuple[tuple[SegmentKind, bool], ...]:
    """(kind, starts a comment) for each non-blank line, from the layout model; kept
    because ingest and :func:`refine` segment the same text and the model need not run
    twice. (The model's tags are the segment kinds plus ``comment_start``: its reader
    checks them against :data:`~newsaudit.models.layout.TAGS`.)"""
    key = (blake2b(text.encode("utf-8"), digest_size=16).digest(), title)
    with _tags_lock:
        hit = _tags_kept.get(key)
    if hit is not None:
        return hit
    from newsaudit.models.layout import load_model

    rows, _ = rows_of(text)
    tags = tuple(
        (cast(SegmentKind, "comment" if t == "comment_start" else t), t == "comment_start")
        for t in load_model().tag(rows, title=title)
    )
    with _tags_lock:
        _tags_kept[key] = tags
        while len(_tags_kept) > TAGS_KEPT:  # the oldest first: dicts keep insertion order
            del _tags_kept[next(iter(_tags_kept))]
    return tags


def forget_tags() -> None:
    """Empty the kept line tags (a benchmark that audits the same pages twice calls it)."""
    with _tags_lock:
        _tags_kept.clear()


@dataclass(slots=True)
class _Part:
    kind: SegmentKind
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
    if len(rows) <= SHORT_PAGE_LINES:
        return _finish(text, [
            _Part(cast(SegmentKind, p.kind), p.start, p.end, Row(p.first, 0, p.gap), p.nlines)
            for p in rule_parts(text, title=title)
        ], doc, usual_gap(rows))
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
    return _finish(text, parts, doc, usual_gap(rows))


#: " | Site Name" run on to a scraped headline: a bar, then one to four capitalised words
#: (or a domain) with no sentence punctuation, as many times as the site adds parts.
_SITE_TAIL_RE = re.compile(
    r"(?:\s+\|\s+(?:[A-Z0-9][\w'&.\-]*|[\w\-]+\.[a-z]{2,})"
    r"(?:\s+(?:[A-Z0-9&][\w'&.\-]*|of|the|and|de|al)){0,3})+\s*$"
)


def site_tail(line: str) -> int | None:
    """Where a site name run on to a headline starts ("Israeli attack kills three | Jordan
    Times" -> the offset of " | "), or None. Only the bar: a dash also sets off a speaker
    ("... - Homs Governor") or a second clause, and a colon a kicker. What is left must
    still be a headline of three words or more."""
    m = _SITE_TAIL_RE.search(line)
    if m is None or n_words(line[: m.start()]) < 3:
        return None
    return m.start()


def _finish(text: str, parts: list[_Part], doc: Doc | None, usual: int = 1,
            ) -> tuple[Segment, ...]:
    out: list[Segment] = []
    lead = True  # the first body paragraph is still to come
    for part in parts:
        kind = part.kind
        if kind == "body" and lead:
            lead = False
            stamp = leading_stamp(text[part.start : part.end])
            if stamp is not None:  # a publication stamp glued to the lead: the dateline
                s, e = part.start + stamp[0], part.start + stamp[1]
                out.append(Segment("dateline", s, e, text[s:e]))
                rest = e + len(text[e : part.end]) - len(text[e : part.end].lstrip())
                out.append(Segment("body", rest, part.end, text[rest : part.end]))
                continue
        if kind == "headline" and part.nlines == 1:
            cut = site_tail(text[part.start : part.end])
            if cut is not None:  # the site's name is the page's chrome, not its claim
                out.append(Segment("headline", part.start, part.start + cut,
                                   text[part.start : part.start + cut]))
                bar = text.index("|", part.start + cut)
                out.append(Segment("boilerplate", bar, part.end, text[bar : part.end]))
                continue
        if kind == "body" and part.nlines == 1 and _caption_shaped(part.first.text):
            # wider than the page's usual gap: where a scraped image used to be
            set_apart = part.first.gap_before > usual
            if doc is None:
                kind = "caption" if set_apart else kind
            else:
                verb = _main_verb(doc, part.start, part.end)
                first = part.first.text
                if (verb == "none" and not _CITES_RE.search(first)) or (
                        verb == "present" and set_apart and _present_caption(first)):
                    kind = "caption"
        out.append(Segment(kind, part.start, part.end, text[part.start : part.end]))
    return tuple(out)


#: Most words of a caption in the simple present ("Smoke rises over the port."): a longer
#: sentence in the present is a lead. A paragraph that cites a source is one too, whatever
#: its parse ("... an estimated 84,000 people remain displaced, according to the group's
#: assessment."): a caption shows, it does not attribute.
_PRESENT_CAPTION_WORDS = 30
_CITES_RE = re.compile(r"\baccording to\b|\b(?:said|says|reported|reports)\b", re.IGNORECASE)


def _present_caption(s: str) -> bool:
    return n_words(s) <= _PRESENT_CAPTION_WORDS and not _CITES_RE.search(s)


def _caption_shaped(s: str) -> bool:
    n = n_words(s)
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
        if _mistaken_participle(root):
            return "other"
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


def _mistaken_participle(root: Token) -> bool:
    """Whether a noun root is the subject of a past-tense verb the parser read as a
    participle: "Air strikes killed at least 12 people …" parsed as the noun phrase "Air
    strikes" with "killed …" hung on it. A past participle right after the noun that takes
    a direct object is active, so the line has a main verb and is a sentence, not a
    caption ("Rescuers carrying a child …" is a present participle; "A boy wounded in the
    raid" takes no object)."""
    if root.tag_ not in _NOUN_TAGS:
        return False
    return any(
        k.dep_ == "acl" and k.tag_ == "VBN" and k.i == root.i + 1
        and any(g.dep_ == "dobj" for g in k.children)
        for k in root.children
    )


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
