"""RSS and Atom feeds (feedparser): each entry is followed to its page.

A feed names pages; it is not one. Each entry's link is fetched through the guarded
fetcher, and the entry's title, id and date go with the page (the page's own metadata
fills what the entry leaves out). A feed that does not parse at all is one failure; an
entry whose page cannot be fetched is a failure of its own, and the other entries go on.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

from newsaudit.ingest.raw import RawPage, ReadFailure, ReadItem

FEED_SUFFIXES = (".xml", ".rss", ".atom")
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
               "application/xml", "text/xml")

FetchPage = Callable[[str, dict[str, str | None]], ReadItem]


def looks_like_feed(data: bytes, content_type: str | None = None) -> bool:
    """A body that is an RSS, RDF or Atom document rather than an HTML page."""
    ctype = (content_type or "").split(";")[0].strip().lower()
    head = data[:2048].lstrip().lower()
    if ctype in ("application/rss+xml", "application/atom+xml", "application/rdf+xml"):
        return True
    if ctype and ctype not in _FEED_TYPES and not ctype.startswith("text/plain"):
        return False
    return head.startswith(b"<?xml") and any(t in head for t in (b"<rss", b"<feed", b"<rdf:rdf"))


def _entry_date(entry: Any) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return datetime.fromtimestamp(calendar.timegm(parsed), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def read_feed(data: bytes, source: str, fetch_page: FetchPage) -> Iterator[ReadItem]:
    """The pages a feed links to, fetched through ``fetch_page(url, metadata)``."""
    import feedparser

    feed = feedparser.parse(data)
    # feedparser is lenient: a broken document may still give entries. It "does not
    # parse" when nothing in it links to a page.
    if not any(e.get("link") for e in feed.entries) and (feed.bozo or not feed.version):
        why = feed.get("bozo_exception") or "no RSS or Atom elements found"
        yield ReadFailure(source, f"the feed does not parse ({str(why).strip()[:160]})",
                          "input_malformed")
        return
    for n, entry in enumerate(feed.entries, start=1):
        link = entry.get("link")
        where = f"{source}#{n}"
        if not link:
            yield ReadFailure(where, f"feed entry {n} has no link to follow", "input_empty")
            continue
        meta: dict[str, str | None] = {
            "id": entry.get("id") or link,
            "title": entry.get("title"),
            "published": _entry_date(entry),
        }
        yield fetch_page(link, meta)


def with_entry(page: RawPage, meta: dict[str, str | None]) -> RawPage:
    """A fetched page with its feed entry's id, title and date."""
    return RawPage(
        meta.get("id") or page.source, page.data, page.fmt, page.url, page.outlet,
        meta.get("published") or page.published, meta.get("title") or page.title,
    )
