"""What the source readers hand on: a page's raw content with what the input says of it.

A reader (directory, JSONL, CSV, WARC, feed, URL) does not analyse anything: it yields
:class:`RawPage` records, or :class:`ReadFailure` records for what it could not read, so
that one bad line, record or URL never stops the rest of a batch. The analysis turns a
``RawPage`` into a :class:`~newsaudit.model.Page` through :func:`newsaudit.ingest.load_page`,
the same door a single page goes through.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class RawPage:
    """One input page before analysis.

    ``source`` is the input record's id as read (its ``id`` field, else its URL, else the
    file path, with ``:LINE`` or ``#N`` for a record inside a file); ``fmt`` is "html",
    "text" or ``None`` (sniff). ``url``, ``outlet``, ``published`` and ``title`` are what
    the input itself says; HTML pages add their own metadata where these are missing.
    """

    source: str
    data: str | bytes
    fmt: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    title: str | None = None

    @property
    def locator(self) -> str:
        """Where the page lives: its URL, else its source. A new revision shares it."""
        return self.url or self.source

    @property
    def key(self) -> str:
        """A hash of everything the page's analysis depends on: the same input, the same key.

        Computed before any analysis, so a resumed run can skip what an earlier run stored.
        """
        h = hashlib.sha256()
        meta = [self.source, self.fmt, self.url, self.outlet, self.published, self.title]
        h.update(json.dumps(meta, ensure_ascii=False).encode("utf-8"))
        h.update(b"\0")
        h.update(self.data if isinstance(self.data, bytes) else self.data.encode("utf-8"))
        return h.hexdigest()

    @property
    def size(self) -> int:
        return len(self.data)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source, "data": self.data, "fmt": self.fmt, "url": self.url,
            "outlet": self.outlet, "published": self.published, "title": self.title,
        }


@dataclass(frozen=True, slots=True)
class ReadFailure:
    """An input that could not be read as a page, with the reason in plain words.

    ``code`` is a stable, machine-readable name for the kind of failure (``input_empty``,
    ``input_binary``, ``input_malformed``, ``fetch_timeout``, ...).
    """

    source: str
    reason: str
    code: str
    key: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "reason": self.reason, "code": self.code}


ReadItem = RawPage | ReadFailure
