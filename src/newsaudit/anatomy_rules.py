"""The cue-list rules that read a plain-text page before the layout model: kept for pages
too short to have a layout.

The layout model (:mod:`newsaudit.models.layout`) learned from whole pages, where a lone
short line near the top is usually a masthead or a menu; on a page of a few lines (a
headline and a paragraph pasted into ``newsaudit audit -``) it calls the headline, and
sometimes the paragraph, boilerplate. Such a page has no furniture to tell apart, so
:func:`newsaudit.anatomy.segment_text` reads it with these rules, which were the whole
anatomy before the model: a headline-shaped first line is the headline, cue lines are
what their cues say, the rest is body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, NamedTuple

from newsaudit.line_cues import (
    _key,
    cues,
    line_kind,
    looks_like_dateline,
    n_words,
    unlabelled,
)

__all__ = ["RulePart", "rule_parts"]

_NUMBERED_RE = re.compile(r"^\d{1,3}[.)]\s+\S")
_TERMINAL = (".", "!", "?", ":", '"', "\u201d", "'", "\u2019", ")", ";", "\u2026")


class RulePart(NamedTuple):
    kind: str
    start: int
    end: int
    first: str  # the first line's text
    gap: int  # blank lines before the first line
    nlines: int


@dataclass(slots=True)
class _Line:
    start: int  # offset of the first non-space character
    end: int  # offset after the last non-space character
    text: str  # the stripped line
    indent: int
    gap: int  # blank lines before this one


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    gap = 0
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            s = pos + lead
            out.append(_Line(s, s + len(stripped), stripped, lead, gap))
            gap = 0
        else:
            gap += 1
        pos += len(raw) + 1
    return out


def _norm_title(s: str) -> str:
    return " ".join(re.sub(r"[\"'\u201c\u201d\u2018\u2019]", "", s).casefold().split())


def _looks_like_headline(line: _Line, title: str | None) -> bool:
    if title and _norm_title(line.text) == _norm_title(title):
        return True
    n = n_words(line.text)
    return (
        1 <= n <= cues().max_words["headline"]
        and not line.text.endswith(".")
        and len(line.text) <= 200
    )


#: Fewest words of a title after a label ("Video: Son Stuns Parents By Paying Off Their
#: Mortgage"): "Video: Highlights" is a link.
_LABELLED_TITLE_WORDS = 5


def _labelled_title(text: str) -> bool:
    """Whether a line is a label, then a title of its own words: the cue lists read
    "Video: …" as a site's video promo, yet a page pasted from its headline down may open
    on "VIDEO: Son Stuns Parents By Paying Off Their Mortgage As Christmas Surprise"."""
    rest = unlabelled(text)
    return (rest != text.strip() and n_words(rest) >= _LABELLED_TITLE_WORDS
            and line_kind(rest, header=True) is None)


class _Builder:
    """Collects segments as (kind, first line, last line) and merges continuation lines."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.parts: list[list[Any]] = []  # [kind, start, end, first_line, nlines]

    def add(self, kind: str, line: _Line) -> None:
        self.parts.append([kind, line.start, line.end, line, 1])

    def extend(self, line: _Line) -> None:
        self.parts[-1][2] = line.end
        self.parts[-1][4] += 1

    @property
    def last_kind(self) -> str | None:
        return self.parts[-1][0] if self.parts else None


def rule_parts(text: str, *, title: str | None = None) -> list[RulePart]:
    """The page's parts by the cue-list rules: (kind, start, end, first line's text, blank
    lines before it, number of lines), in order."""
    c = cues()
    lines = _lines(text)
    b = _Builder(text)
    i = 0
    n = len(lines)
    # Leading furniture ("Skip to content", "Menu") may come before the headline.
    while (i < n and line_kind(lines[i].text) == "boilerplate" and i < 3
           and not _labelled_title(lines[i].text)):
        b.add("boilerplate", lines[i])
        i += 1
    if (
        i < n
        and _looks_like_headline(lines[i], title)
        and (
            line_kind(unlabelled(lines[i].text), header=True) in (None, "related", "caption")
            # "Border Clashes Leave Dozens Dead, Army Says" has the shape of "Jane Doe,
            # Reuters"; on the first line a title is likelier than an unprefixed byline.
            or (
                line_kind(lines[i].text, header=True) == "byline"
                and not c.byline_prefix_re.match(lines[i].text.strip())
            )
        )
    ):
        b.add("headline", lines[i])
        i += 1
        if (
            i + 1 < n
            and line_kind(lines[i].text, header=True) is None
            and 6 <= n_words(lines[i].text) <= c.max_words["standfirst"]
            and line_kind(lines[i + 1].text, header=True) in ("byline", "dateline")
        ):
            b.add("standfirst", lines[i])
            i += 1

    mode = ""  # "", "related", "comment", "form"
    comment_indent = 0  # a comment begun as an indented list item ends at a flush line
    tail = False  # past the article: related lists or comments have begun
    seen_body = False
    while i < n:
        ln = lines[i]
        kind = line_kind(ln.text, header=not seen_body)
        numbered = bool(_NUMBERED_RE.match(ln.text))
        i += 1
        if mode == "form":
            if kind == "form" or _key(ln.text) in c.form_fields or (
                ln.gap == 0 and n_words(ln.text) <= c.max_words["form_field"] and kind is None
            ):
                b.extend(ln)
                continue
            mode = ""
        if mode == "comment":
            starts_new = kind == "comment_start" or (numbered and ln.indent <= comment_indent)
            stop = kind in ("form", "comment_header", "related_header", "boilerplate") or starts_new
            if comment_indent and ln.gap > 0 and ln.indent == 0:
                stop = True
            if not stop:
                b.extend(ln)
                if kind == "comment_end":
                    mode = ""
                continue
            mode = ""
        if mode == "related":
            if kind in (None, "related") and not _numbered_long(ln) and (
                n_words(ln.text) <= c.max_words["related_item"] and not ln.text.endswith(".")
            ):
                b.add("related", ln)
                continue
            mode = ""

        # "Jane says:" opens a comment in a comment section, or anywhere when the comment's
        # date follows it; in a comment section, so does a numbered item or any unmarked line
        # after a finished comment.
        opens_comment = (
            (kind == "comment_start" and (tail or (i < n and looks_like_dateline(lines[i].text))))
            or (tail and numbered)
            or (tail and b.last_kind == "comment" and kind in (None, "dateline", "byline"))
        )
        if kind == "form":
            b.add("form", ln)
            mode = "form"
        elif kind == "comment_header":
            b.add("boilerplate", ln)
            tail = True
        elif opens_comment:
            b.add("comment", ln)
            mode, tail = "comment", True
            comment_indent = ln.indent
        elif kind == "comment_end":
            if b.last_kind == "comment":
                b.extend(ln)
            else:
                b.add("boilerplate", ln)
        elif kind == "related_header":
            b.add("related", ln)
            mode, tail = "related", True
        elif kind == "related":
            b.add("related", ln)
        elif kind == "boilerplate":
            b.add("boilerplate", ln)
        elif kind in ("byline", "dateline"):
            b.add(kind, ln)
        elif kind == "caption":
            b.add("caption", ln)
        else:
            prev = b.parts[-1] if b.parts else None
            if (
                prev is not None
                and prev[0] == "body"
                and ln.gap == 0
                and (not text[prev[2] - 1 : prev[2]].endswith(_TERMINAL) or ln.text[:1].islower())
            ):
                b.extend(ln)
            else:
                b.add("body", ln)
                seen_body = True
                tail = False  # an inline "Related" box was not the end of the article
    return [RulePart(k, s, e, first.text, first.gap, n) for k, s, e, first, n in b.parts]


def _numbered_long(ln: _Line) -> bool:
    """A numbered line too long to be a related-link title: a comment, not a link."""
    return bool(_NUMBERED_RE.match(ln.text)) and n_words(ln.text) > cues().max_words["related_item"]
