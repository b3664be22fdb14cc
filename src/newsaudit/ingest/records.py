"""JSONL, JSON and CSV records: one record, one page, with the contract's field names.

The names read are those of ``shared/spec/corpus.md``, plus what news-please and common
scrapers write (``maintext``, ``source_domain``, ``date_publish``), FA-KES's CSV layout
(``article_title``, ``article_content``, ``source``, ``date``) and schema.org's
``articleBody`` (which FNC-1's bodies file also uses). A line or record that cannot be
read becomes a :class:`ReadFailure` with the line number in its source, and the file goes
on.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from newsaudit.ingest.dates import normalise_date
from newsaudit.ingest.raw import RawPage, ReadFailure, ReadItem

TEXT_FIELDS = ("text", "maintext", "content", "article_content", "articleBody")
TITLE_FIELDS = ("title", "article_title")
OUTLET_FIELDS = ("outlet", "source", "source_domain", "sitename")
PUBLISHED_FIELDS = ("published", "date_publish", "date")

OnBytes = Callable[[int], None]


def _first(record: Mapping[str, Any], names: tuple[str, ...]) -> str | None:
    for name in names:
        value = record.get(name)
        if value is None:
            continue
        value = str(value).strip()
        if value:
            return value
    return None


def record_to_page(record: Mapping[str, Any], fallback_source: str) -> ReadItem:
    """One record as a raw page, or a failure saying which field is missing."""
    rid = record.get("id")
    url = _first(record, ("url",))
    source = str(rid) if rid not in (None, "") else (url or fallback_source)
    title = _first(record, TITLE_FIELDS)
    outlet = _first(record, OUTLET_FIELDS)
    published = normalise_date(_first(record, PUBLISHED_FIELDS))
    html = record.get("html")
    if isinstance(html, str) and html.strip():
        return RawPage(source, html, "html", url, outlet, published, title)
    text = _first(record, TEXT_FIELDS)
    if text is None:
        names = ", ".join(("html", *TEXT_FIELDS))
        return ReadFailure(source, f"the record has no text (none of: {names})", "input_empty")
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return RawPage(source, text, "text", url, outlet, published, title)


def read_jsonl(path: str, *, on_bytes: OnBytes | None = None) -> Iterator[ReadItem]:
    """Each line a JSON object; empty and broken lines are failures naming their line."""
    with open(path, "rb") as fh:
        for n, line in enumerate(fh, start=1):
            if on_bytes:
                on_bytes(len(line))
            where = f"{path}:{n}"
            if not line.strip():
                # A trailing newline ends the last line; a blank line in between is a gap.
                yield ReadFailure(where, f"line {n} is empty (JSONL holds one object per line)",
                                  "input_empty")
                continue
            try:
                record = json.loads(line)
            except UnicodeDecodeError:
                yield ReadFailure(where, f"line {n} is not UTF-8 text", "input_undecodable")
                continue
            except json.JSONDecodeError as err:
                yield ReadFailure(where, f"line {n} is not JSON ({err.msg}, column {err.colno})",
                                  "input_malformed")
                continue
            if not isinstance(record, dict):
                yield ReadFailure(where, f"line {n} is a JSON {type(record).__name__}, not an "
                                  "object", "input_malformed")
                continue
            yield record_to_page(record, where)


def read_json(path: str, *, on_bytes: OnBytes | None = None) -> Iterator[ReadItem]:
    """A JSON file: one object is one page; a list holds one page per object."""
    with open(path, "rb") as fh:
        data = fh.read()
    if on_bytes:
        on_bytes(len(data))
    try:
        value = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        msg = err.msg if isinstance(err, json.JSONDecodeError) else "not UTF-8 text"
        yield ReadFailure(path, f"the file is not JSON ({msg})", "input_malformed")
        return
    if isinstance(value, dict):
        yield record_to_page(value, path)
    elif isinstance(value, list):
        for n, record in enumerate(value, start=1):
            where = f"{path}#{n}"
            if isinstance(record, dict):
                yield record_to_page(record, where)
            else:
                yield ReadFailure(where, f"item {n} is not a JSON object", "input_malformed")
    else:
        yield ReadFailure(path, "the JSON holds neither an object nor a list of objects",
                          "input_malformed")


def read_csv(path: str, *, on_bytes: OnBytes | None = None) -> Iterator[ReadItem]:
    """A CSV file with a header row naming the record fields; sources are ``path:LINE``."""
    csv.field_size_limit(sys.maxsize)
    with open(path, "rb") as raw:
        data = raw.read()
    if on_bytes:
        on_bytes(len(data))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    fields = set(reader.fieldnames or ())
    if not fields & {"html", *TEXT_FIELDS}:
        names = ", ".join(("html", *TEXT_FIELDS))
        yield ReadFailure(path, f"the CSV has no text column (none of: {names})", "input_malformed")
        return
    line = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            yield ReadFailure(f"{path}:{line}", f"line {line} does not parse as CSV ({err})",
                              "input_malformed")
            return
        yield record_to_page({k: v for k, v in row.items() if k is not None}, f"{path}:{line}")
        line = reader.line_num + 1
