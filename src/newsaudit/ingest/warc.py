"""WARC files (plain or gzipped): each HTML response record is a page (read with warcio).

Crawls hold much that is not a page (images, scripts, redirects, DNS records); only
successful HTML responses and HTML resource records are read, the rest passed over. A
record that is corrupt becomes a :class:`ReadFailure` naming its offset, and reading
resumes at the next record boundary (the next gzip member, or the next ``WARC/1.`` line),
so one damaged record does not lose the rest of the crawl.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import IO, Any

from newsaudit.ingest.raw import RawPage, ReadFailure, ReadItem
from newsaudit.ingest.records import OnBytes

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_MAGIC = b"WARC/1."
_SCAN_CHUNK = 1 << 20


def _is_html(content_type: str | None) -> bool:
    return bool(content_type) and content_type.split(";")[0].strip().lower() in _HTML_TYPES  # type: ignore[union-attr]


def _page(record: Any, max_bytes: int) -> RawPage | None:
    """The record as a raw page, or ``None`` when it is not an HTML page."""
    url = record.rec_headers.get_header("WARC-Target-URI")
    rid = record.rec_headers.get_header("WARC-Record-ID")
    if record.rec_type == "response":
        http = record.http_headers
        if http is None or not str(http.get_statuscode()).startswith("2"):
            return None
        if not _is_html(http.get_header("Content-Type")):
            return None
    elif record.rec_type == "resource":
        if not _is_html(record.rec_headers.get_header("Content-Type")):
            return None
    else:
        return None
    data = record.content_stream().read(max_bytes + 1)
    return RawPage(rid or url or "", data, "html", url=url)


def _next_boundary(fh: IO[bytes], start: int, magic: bytes) -> int | None:
    """The offset of the next record start after ``start``, or ``None`` at the end."""
    pos = start
    carry = b""
    while True:
        fh.seek(pos)
        chunk = fh.read(_SCAN_CHUNK)
        if not chunk:
            return None
        buf = carry + chunk
        idx = buf.find(magic, 1 if not carry else 0)
        if idx >= 0:
            return pos - len(carry) + idx
        carry = buf[-(len(magic) - 1):]
        pos += len(chunk)


def read_warc(
    path: str, *, max_bytes: int = 10_000_000, on_bytes: OnBytes | None = None
) -> Iterator[ReadItem]:
    """Every HTML page in a WARC file, and a failure for each corrupt stretch."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    with open(path, "rb") as fh:
        magic = _GZIP_MAGIC if fh.read(3) == _GZIP_MAGIC else _WARC_MAGIC
        offset = 0
        done = 0
        resyncing = False
        while True:
            fh.seek(offset)
            it = ArchiveIterator(fh)
            try:
                for record in it:
                    start = it.offset
                    page = _page(record, max_bytes)
                    resyncing = False
                    if page is not None:
                        if not page.source:
                            page = RawPage(f"{path}#{start}", page.data, "html")
                        yield page
                    if on_bytes:
                        on_bytes(max(0, it.offset - done))
                        done = max(done, it.offset)
                break
            except (ArchiveLoadFailed, zlib.error, EOFError, ValueError, OSError) as err:
                bad = it.offset
                if not resyncing:
                    yield ReadFailure(
                        f"{path}#{bad}",
                        f"the WARC record at byte {bad} is corrupt ({_why(err)}); "
                        "reading went on at the next record",
                        "input_malformed",
                    )
                nxt = _next_boundary(fh, bad + 1, magic)
                if nxt is None:
                    break
                offset, resyncing = nxt, True
        if on_bytes:
            fh.seek(0, 2)
            on_bytes(max(0, fh.tell() - done))


def _why(err: BaseException) -> str:
    """The library's message, in words: what it quotes of the broken bytes is left out."""
    text = str(err).strip()
    if text.startswith("Invalid WARC record"):
        return "no valid WARC header where a record should start"
    if isinstance(err, zlib.error):
        return "its gzip data is damaged"
    text = text.splitlines()[0] if text else type(err).__name__
    return "".join(ch for ch in text if ch.isprintable())[:160]
