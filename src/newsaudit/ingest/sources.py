"""What ``newsaudit ingest`` accepts, read into raw pages: the one dispatch over inputs.

An input is a URL, a directory (read recursively), or a file read by its extension:
``.jsonl``, ``.json``, ``.csv`` (records), ``.warc`` / ``.warc.gz`` (crawls), ``.xml`` /
``.rss`` / ``.atom`` (feeds, when named directly), ``.html`` / ``.htm`` and ``.txt`` (one
page each; a ``.txt`` whose every line is a URL is a URL list). Directories are walked in
sorted order so that the same input always yields the same pages in the same order.
Nothing here raises on bad input: every problem is a :class:`ReadFailure`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Protocol

from newsaudit.errors import InputError
from newsaudit.ingest.decode import DEFAULT_MAX_BYTES, read_source
from newsaudit.ingest.feeds import FEED_SUFFIXES, looks_like_feed, read_feed, with_entry
from newsaudit.ingest.raw import RawPage, ReadFailure, ReadItem
from newsaudit.ingest.records import OnBytes, read_csv, read_json, read_jsonl
from newsaudit.ingest.warc import read_warc

PAGE_SUFFIXES = (".txt", ".html", ".htm")
RECORD_SUFFIXES = (".json", ".jsonl", ".csv")
WARC_SUFFIXES = (".warc", ".warc.gz")
#: What a directory walk reads (the contract's list).
WALK_SUFFIXES = PAGE_SUFFIXES + RECORD_SUFFIXES + WARC_SUFFIXES
_URL_RE = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)

if TYPE_CHECKING:
    from newsaudit.fetch import Fetched


class PageFetcher(Protocol):
    """What the reader needs of a fetcher (:class:`newsaudit.fetch.Fetcher` is one)."""

    def fetch(self, url: str) -> Fetched: ...

    def close(self) -> None: ...


def is_url(arg: str) -> bool:
    return bool(_URL_RE.match(arg.strip()))


def _suffix(path: str) -> str:
    low = path.lower()
    if low.endswith(".warc.gz"):
        return ".warc.gz"
    return os.path.splitext(low)[1]


def walk(directory: str) -> Iterator[str]:
    """Every readable file under ``directory``, in sorted order, hidden entries skipped."""
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and _suffix(name) in WALK_SUFFIXES:
                yield os.path.join(root, name)


def url_list(data: bytes) -> list[str] | None:
    """The URLs of a URL-list file (one per line, ``#`` comments allowed), else ``None``."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    lines = [ln.strip() for ln in text.splitlines()]
    lines = [ln for ln in lines if ln and not ln.startswith("#")]
    if lines and all(is_url(ln) for ln in lines):
        return lines
    return None


class Reader:
    """Reads inputs into raw pages; URLs go through ``fetcher`` (made on first need)."""

    def __init__(
        self,
        *,
        max_bytes: int = DEFAULT_MAX_BYTES,
        fetcher_factory: Callable[[], PageFetcher] | None = None,
        on_bytes: OnBytes | None = None,
    ) -> None:
        self.max_bytes = max_bytes
        self._factory = fetcher_factory
        self._fetcher: PageFetcher | None = None
        self._on_bytes = on_bytes

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()

    def total_bytes(self, inputs: Iterable[str]) -> int:
        """The size of the local files among ``inputs``: the progress bar's whole."""
        total = 0
        for arg in inputs:
            if is_url(arg):
                continue
            paths = walk(arg) if os.path.isdir(arg) else [arg]
            for path in paths:
                try:
                    total += os.path.getsize(path)
                except OSError:
                    pass
        return total

    def read(self, inputs: Iterable[str]) -> Iterator[ReadItem]:
        for arg in inputs:
            if is_url(arg):
                yield from self.read_url(arg.strip())
            elif os.path.isdir(arg):
                for path in walk(arg):
                    yield from self.read_file(path)
            else:
                yield from self.read_file(arg)

    def read_file(self, path: str) -> Iterator[ReadItem]:
        suffix = _suffix(path)
        if not os.path.exists(path):
            yield ReadFailure(path, "no such file or directory", "input_not_found")
            return
        on = self._on_bytes
        if suffix == ".jsonl":
            yield from read_jsonl(path, on_bytes=on)
        elif suffix == ".json":
            yield from read_json(path, on_bytes=on)
        elif suffix == ".csv":
            yield from read_csv(path, on_bytes=on)
        elif suffix in WARC_SUFFIXES:
            yield from read_warc(path, max_bytes=self.max_bytes, on_bytes=on)
        else:
            yield from self._read_page_file(path, suffix)

    def _read_page_file(self, path: str, suffix: str) -> Iterator[ReadItem]:
        try:
            data, _ = read_source(path, max_bytes=self.max_bytes)
        except InputError as err:
            yield ReadFailure(path, err.reason, err.code)
            return
        finally:
            if self._on_bytes:
                try:
                    self._on_bytes(os.path.getsize(path))
                except OSError:
                    pass
        if suffix in FEED_SUFFIXES:
            yield from read_feed(data, path, self._fetch_entry)
            return
        if suffix == ".txt":
            urls = url_list(data)
            if urls is not None:
                for url in urls:
                    yield from self.read_url(url)
                return
        fmt = "html" if suffix in (".html", ".htm") else None
        yield RawPage(path, data, fmt)

    def _fetcher_instance(self) -> PageFetcher:
        if self._fetcher is None:
            if self._factory is None:
                from newsaudit.fetch import Fetcher

                self._fetcher = Fetcher(max_bytes=self.max_bytes)
            else:
                self._fetcher = self._factory()
        return self._fetcher

    def _get(self, url: str) -> tuple[RawPage | None, ReadFailure | None, bool]:
        """The page at ``url`` (and whether it is a feed), or the failure to fetch it."""
        from newsaudit.fetch import FetchError

        try:
            got = self._fetcher_instance().fetch(url)
        except FetchError as err:
            return None, ReadFailure(url, err.reason, err.code), False
        fmt = None
        ctype = (got.content_type or "").lower()
        if "html" in ctype:
            fmt = "html"
        feed = looks_like_feed(got.data, got.content_type)
        return RawPage(url, got.data, fmt, url=got.url), None, feed

    def read_url(self, url: str) -> Iterator[ReadItem]:
        page, failure, feed = self._get(url)
        if failure is not None:
            yield failure
        elif page is not None and feed:
            yield from read_feed(page.data if isinstance(page.data, bytes) else b"", url,
                                 self._fetch_entry)
        elif page is not None:
            yield page

    def _fetch_entry(self, url: str, meta: dict[str, str | None]) -> ReadItem:
        page, failure, _ = self._get(url)
        if failure is not None:
            return ReadFailure(meta.get("id") or url, failure.reason, failure.code)
        assert page is not None
        return with_entry(page, meta)
