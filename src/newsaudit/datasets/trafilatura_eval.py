"""trafilatura's evaluation set (github.com/adbar/trafilatura, ``tests/``): about a
thousand web pages, mostly German, each with snippets its main text must and must not
contain.

The layout, as published with the data: ``evaldata.json`` maps a URL (or a
``hard::<file>`` key) to ``{"file": "<name>.html", "with": [...], "without": [...],
"comments": [...], "title": ..., "author": ..., "date": ..., "region": ...}``; the page
itself is ``eval/<name>.html.gz`` or ``cache/<name>.html.gz`` (gzip; the uncompressed
``.html`` is accepted too). A page is named by its ``file`` value.

Pages come in whatever encoding their site used: UTF-8 when the bytes decode as UTF-8,
else the charset the page declares, else Windows-1252 (never an error: the HTML reader
meets the same pages in the wild).
"""

from __future__ import annotations

import codecs
import gzip
import json
import re
from dataclasses import dataclass
from pathlib import Path

from newsaudit.datasets._files import read_text
from newsaudit.errors import InputNotFound, MalformedInput

__all__ = ["INDEX", "Entry", "page_path", "read_index", "read_page"]

INDEX = "evaldata.json"
_FOLDERS = ("eval", "cache")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


@dataclass(frozen=True)
class Entry:
    """One page of the index. ``url`` is None for the ``hard::`` entries, which have none."""

    file: str
    url: str | None
    with_snippets: tuple[str, ...]
    without_snippets: tuple[str, ...]
    comments: tuple[str, ...]
    title: str | None
    region: str | None
    #: the entry's key in the index (its URL, or ``hard::<file>`` and the like)
    key: str = ""


def _strings(value: object, *, key: str, field: str, source: Path) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(s, str) for s in value):
        raise MalformedInput(f"{key!r}: {field!r} is not a list of strings", source=str(source))
    return tuple(value)


def read_index(root: Path) -> list[Entry]:
    """The pages of ``evaldata.json``, in its order."""
    path = Path(root) / INDEX
    if not path.is_file():
        raise InputNotFound(f"no {INDEX} (expected trafilatura's tests/ layout)",
                            source=str(root))
    try:
        data = json.loads(read_text(path))
    except json.JSONDecodeError as exc:
        raise MalformedInput(f"line {exc.lineno}: not JSON: {exc.msg}", source=str(path)) from exc
    if not isinstance(data, dict):
        raise MalformedInput("expected an object of {url: {\"file\": ...}}", source=str(path))
    out: list[Entry] = []
    for key, item in data.items():
        if not isinstance(item, dict) or not isinstance(item.get("file"), str):
            raise MalformedInput(f"{key!r} has no \"file\"", source=str(path))
        title, region = item.get("title"), item.get("region")
        out.append(Entry(
            file=item["file"],
            url=key if key.startswith(("http://", "https://")) else None,
            with_snippets=_strings(item.get("with"), key=key, field="with", source=path),
            without_snippets=_strings(item.get("without"), key=key, field="without",
                                      source=path),
            comments=_strings(item.get("comments"), key=key, field="comments", source=path),
            title=title if isinstance(title, str) and title else None,
            region=region if isinstance(region, str) and region else None,
            key=key,
        ))
    return out


def page_path(root: Path, file: str) -> Path:
    """Where the page named ``file`` is stored under ``root``."""
    root = Path(root)
    for folder in _FOLDERS:
        for name in (f"{file}.gz", file):
            if (root / folder / name).is_file():
                return root / folder / name
    raise InputNotFound(f"no eval/{file}.gz or cache/{file}.gz", source=str(root))


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    m = _CHARSET.search(data[:4096])
    if m:
        try:
            return data.decode(codecs.lookup(m.group(1).decode("ascii")).name, errors="replace")
        except LookupError:
            pass
    return data.decode("cp1252", errors="replace")


def read_page(root: Path, file: str) -> str:
    """The HTML of the page named ``file``, decoded (see the module's note on encodings)."""
    path = page_path(root, file)
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise MalformedInput(f"not a gzip file: {exc}", source=str(path)) from exc
    return _decode(data)
