"""Plain-text pages: what the page says about itself (title, byline, date).

A scraped text file carries no metadata, so the document's title, author and date are
read back from the segments the anatomy found. Dates are turned into ISO form only when
the line spells a full calendar date; anything vaguer ("2 hours ago") is left out rather
than guessed.
"""

from __future__ import annotations

import re

from newsaudit.anatomy import cues, segment_text
from newsaudit.model import Document, Page, Segment

_MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for m in names
}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DATE_RES = (
    re.compile(rf"\b{_YEAR}-(?P<mnum>\d\d)-(?P<day>\d\d)\b"),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b"),
)


def parse_date(line: str) -> str | None:
    """The first full calendar date in a line as ``YYYY-MM-DD``, else ``None``."""
    for rx in _DATE_RES:
        for m in rx.finditer(line):
            gd = m.groupdict()
            month = int(gd["mnum"]) if gd.get("mnum") else _MONTHS.get(gd["month"].casefold())
            if not month:
                continue
            day, year = int(gd["day"]), int(gd["year"])
            if 1 <= month <= 12 and 1 <= day <= 31:
                return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def author_from_byline(line: str) -> str | None:
    """The names in a byline, without "By" and without the date or outlet after them."""
    c = cues()
    s = line.strip()
    m = c.byline_prefix_re.match(s)
    if m:
        s = s[m.end():]
    s = s.split(";")[0]
    s = re.split(r"\s*(?:[|\u2013\u2014\u00b7\u2022]|\s-\s)\s*|\s+(?:on|at)\s+", s)[0]
    parts = [p.strip() for p in s.split(",")]
    names = [p for p in parts if p and p.casefold() not in c.agencies and not parse_date(p)]
    return ", ".join(names) or None


def page_from_text(text: str, *, source: str) -> Page:
    """A plain-text page: segments from the anatomy, metadata from those segments."""
    segments = segment_text(text)
    return Page(metadata_from_segments(text, segments, source=source), segments)


def metadata_from_segments(text: str, segments: tuple[Segment, ...], *, source: str) -> Document:
    title = author = published = None
    for seg in segments:
        if seg.kind == "headline" and title is None:
            title = seg.text
        elif seg.kind == "byline" and author is None:
            author = author_from_byline(seg.text)
            published = published or parse_date(seg.text)
        elif seg.kind == "dateline" and published is None:
            published = parse_date(seg.text)
        elif seg.kind == "body":
            break
    return Document(
        text=text,
        source=source,
        title=title,
        published=published,
        author=author,
        input_format="text",
    )
