"""Reading pages: bytes or text in, a :class:`~newsaudit.model.Page` out.

``load_path``/``load_page`` are the doors every caller (library, CLI, web app, batch
runs) goes through, so that size limits, encoding and the HTML/text decision are made in
one place. Segments of a plain-text page are computed without a spaCy parse here; call
:func:`newsaudit.anatomy.refine` with the parsed Doc to let the caption check use it.
"""

from __future__ import annotations

import re

from newsaudit.errors import EmptyInput, InputTooLarge
from newsaudit.ingest.decode import DEFAULT_MAX_BYTES, decode, normalise_newlines, read_source
from newsaudit.ingest.html import page_from_html
from newsaudit.ingest.text import page_from_text
from newsaudit.model import Page

__all__ = ["DEFAULT_MAX_BYTES", "read_source", "decode", "load_page", "load_path", "sniff_format"]

_FORMATS = (None, "text", "html")
_DOCTYPE_RE = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b",
    re.IGNORECASE | re.DOTALL,
)
_TAG_RE = re.compile(
    r"</?(?:p|div|span|a|br|html|head|body|article|section|main|header|footer|nav|h[1-6]|ul|"
    r"ol|li|img|figure|figcaption|script|style|meta|link|table|tr|td|title|em|strong|b|i|"
    r"aside|form)\b[^>]*>",
    re.IGNORECASE,
)
#: A page is HTML without a doctype when tags are frequent: at least this many known tags
#: in its first 20,000 characters, with at least one closing tag. Plain-text articles that
#: quote markup mention a tag or two, never a dozen.
_MIN_TAGS = 8


def sniff_format(text: str) -> str:
    """"html" for a page that is markup, else "text"."""
    if _DOCTYPE_RE.match(text[:4096]):
        return "html"
    head = text[:20_000]
    tags = _TAG_RE.findall(head)
    if len(tags) >= _MIN_TAGS and any(t.startswith("</") for t in tags):
        return "html"
    return "text"


def load_page(
    data: str | bytes,
    *,
    source: str = "<string>",
    max_bytes: int = DEFAULT_MAX_BYTES,
    fmt: str | None = None,
) -> Page:
    """Turn a page's bytes or text into a :class:`Page` (document plus segments)."""
    if fmt not in _FORMATS:
        raise ValueError(f"fmt must be one of {_FORMATS}, not {fmt!r}")
    if isinstance(data, bytes):
        text = decode(data, source=source, max_bytes=max_bytes)
    else:
        if len(data) > max_bytes and len(data.encode("utf-8")) > max_bytes:
            raise InputTooLarge(
                f"input is too large (the limit is {max_bytes:,} bytes, see --max-bytes)",
                source=source,
            )
        text = normalise_newlines(data)
        empty = "input is empty" if source in ("-", "<string>") else "file is empty"
        if not text:
            raise EmptyInput(empty, source=source)
        if not text.strip():
            raise EmptyInput(empty + " (only whitespace)", source=source)
    kind = fmt or sniff_format(text)
    if kind == "html":
        return page_from_html(text, source=source)
    return page_from_text(text, source=source)


def load_path(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES, fmt: str | None = None) -> Page:
    """Read and load a page from a file path, or from standard input when ``path`` is "-"."""
    data, source = read_source(path, max_bytes=max_bytes)
    if fmt is None and path.lower().endswith((".html", ".htm", ".xhtml")):
        fmt = "html"
    return load_page(data, source=source, max_bytes=max_bytes, fmt=fmt)
