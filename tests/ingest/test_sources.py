"""The source readers: records, WARC, feeds, URL lists and directories, into raw pages."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from local_web import ARTICLE, fetcher, serve
from newsaudit.ingest.raw import RawPage, ReadFailure
from newsaudit.ingest.records import read_csv, read_json, read_jsonl
from newsaudit.ingest.sources import Reader, url_list, walk
from newsaudit.ingest.warc import read_warc

BODY = "Dock workers returned to work on Monday after a ten-day strike, the union said."


def _pages(items):
    return [i for i in items if isinstance(i, RawPage)]


def _fails(items):
    return [i for i in items if isinstance(i, ReadFailure)]


def test_jsonl_fields_aliases_and_bad_lines(tmp_path):
    path = tmp_path / "scraped.jsonl"
    lines = [
        {"id": "r1", "url": "https://harbour.example/a", "title": "Strike ends", "text": BODY,
         "outlet": "Harbour Times", "published": "2024-05-02T08:00:00+02:00"},
        # news-please
        {"url": "https://wire.example/b", "title": "Strike ends", "maintext": "Strike ends. " + BODY,
         "source_domain": "wire.example", "date_publish": "2024-05-02 09:30:00"},
        {"article_title": "No text here"},
    ]
    text = "\n".join(json.dumps(x) for x in lines[:2]) + "\n\n" + "{not json\n" + \
        json.dumps(lines[2]) + "\n[1, 2]\n"
    path.write_text(text, encoding="utf-8")
    items = list(read_jsonl(str(path)))
    a, b = _pages(items)
    assert (a.source, a.url, a.outlet, a.published, a.fmt) == (
        "r1", "https://harbour.example/a", "Harbour Times", "2024-05-02T06:00:00Z", "text")
    assert a.data == "Strike ends\n\n" + BODY      # the title is prepended
    assert (b.source, b.outlet, b.published) == (
        "https://wire.example/b", "wire.example", "2024-05-02T09:30:00")
    assert b.data == "Strike ends. " + BODY         # already starts with its title
    fails = {f.source: (f.code, f.reason) for f in _fails(items)}
    assert fails == {
        f"{path}:3": ("input_empty", "line 3 is empty (JSONL holds one object per line)"),
        f"{path}:4": ("input_malformed",
                      "line 4 is not JSON (Expecting property name enclosed in double quotes, column 2)"),
        f"{path}:5": ("input_empty",
                      "the record has no text (none of: html, text, maintext, content, "
                      "article_content, articleBody)"),
        f"{path}:6": ("input_malformed", "line 6 is a JSON list, not an object"),
    }


def test_html_field_is_read_as_html(tmp_path):
    path = tmp_path / "p.json"
    path.write_text(json.dumps({"html": ARTICLE, "text": "ignored", "url": "https://h.example/x"}))
    [page] = list(read_json(str(path)))
    assert page.fmt == "html" and page.data == ARTICLE and page.source == "https://h.example/x"


def test_json_list_holds_one_page_per_object(tmp_path):
    path = tmp_path / "p.json"
    path.write_text(json.dumps([{"content": BODY}, "oops", {"id": 7, "article_content": BODY}]))
    items = list(read_json(str(path)))
    assert [(type(i).__name__, i.source) for i in items] == [
        ("RawPage", f"{path}#1"), ("ReadFailure", f"{path}#2"), ("RawPage", "7")]


def test_fa_kes_csv_layout(tmp_path):
    path = tmp_path / "fakes.csv"
    path.write_text(
        "unit_id,article_title,article_content,source,date,location,labels\n"
        '11,Shelling in the north,"Shells hit the market.\nSeven people were hurt.",nna,4/5/2017,idlib,1\n'
        "12,Convoy reaches town,Aid trucks arrived on Monday.,sana,7/10/2016,aleppo,0\n",
        encoding="utf-8",
    )
    a, b = list(read_csv(str(path)))
    assert (a.source, a.outlet, a.published) == (f"{path}:2", "nna", "2017-04-05")
    assert a.data == "Shelling in the north\n\nShells hit the market.\nSeven people were hurt."
    assert (b.source, b.outlet, b.published) == (f"{path}:4", "sana", "2016-07-10")


def test_csv_without_a_text_column_is_one_failure(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,2\n")
    [f] = list(read_csv(str(path)))
    assert f.code == "input_malformed" and "no text column" in f.reason


def _warc(records: list[tuple[str, str, bytes, str]], gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for url, ctype, body, status in records:
        http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                      http_headers=http))
    return buf.getvalue()


WARC_RECORDS = [
    ("https://harbour.example/a", "text/html; charset=utf-8", ARTICLE.encode(), "200 OK"),
    ("https://harbour.example/logo.png", "image/png", b"\x89PNG....", "200 OK"),
    ("https://harbour.example/b", "text/html", ARTICLE.replace("ten", "twelve").encode(), "200 OK"),
    ("https://harbour.example/gone", "text/html", b"<html>gone</html>", "404 Not Found"),
    ("https://harbour.example/c", "text/html", ARTICLE.replace("ten", "nine").encode(), "200 OK"),
]


@pytest.mark.parametrize("gz", [False, True])
def test_warc_reads_html_responses_only(tmp_path, gz):
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(_warc(WARC_RECORDS, gz))
    items = list(read_warc(str(path)))
    assert [p.url for p in _pages(items)] == [
        "https://harbour.example/a", "https://harbour.example/b", "https://harbour.example/c"]
    assert all(p.source.startswith("<urn:uuid:") and p.fmt == "html" for p in _pages(items))
    assert _fails(items) == []


@pytest.mark.parametrize("gz", [False, True])
def test_a_corrupt_warc_record_fails_alone(tmp_path, gz):
    parts = [_warc([r], gz) for r in WARC_RECORDS[:3]]
    bad = bytearray(parts[1])
    if gz:
        bad[20:60] = b"\x00" * 40                           # damage the deflate stream
    else:
        bad[0:8] = b"GARBAGE!"                              # damage the record header
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(parts[0] + bytes(bad) + parts[2])
    items = list(read_warc(str(path)))
    assert [p.url for p in _pages(items)] == [
        "https://harbour.example/a", "https://harbour.example/b"]
    [fail] = _fails(items)
    assert fail.code == "input_malformed"
    assert fail.source == f"{path}#{len(parts[0])}"
    assert f"the WARC record at byte {len(parts[0])} is corrupt" in fail.reason


def test_url_list_detection():
    assert url_list(b"# my list\nhttps://a.example/x\n\nhttp://b.example/y\n") == [
        "https://a.example/x", "http://b.example/y"]
    assert url_list(b"https://a.example/x\nThis is a sentence.\n") is None
    assert url_list(b"") is None


def test_directory_walk_is_sorted_and_skips_hidden_and_other_files(tmp_path):
    for rel in ["b/2.html", "b/1.txt", "a.jsonl", "c.warc.gz", ".hidden/x.txt", ".x.txt",
                "notes.md", "img.png", "z.csv", "y.json", "w.warc", "v.htm"]:
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(b"x")
    got = [str(Path(p).relative_to(tmp_path)) for p in walk(str(tmp_path))]
    assert got == ["a.jsonl", "c.warc.gz", "v.htm", "w.warc", "y.json", "z.csv",
                   "b/1.txt", "b/2.html"]


def test_reader_dispatch_and_missing_inputs(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "page.txt").write_text("Strike ends\n\n" + BODY)
    (tmp_path / "d" / "page.html").write_text(ARTICLE)
    gzip_warc = tmp_path / "crawl.warc.gz"
    gzip_warc.write_bytes(_warc(WARC_RECORDS[:1], True))
    reader = Reader()
    items = list(reader.read([str(tmp_path / "d"), str(gzip_warc), str(tmp_path / "nope.txt")]))
    assert [(type(i).__name__, i.source.rsplit("/", 1)[-1]) for i in items][:2] == [
        ("RawPage", "page.html"), ("RawPage", "page.txt")]
    assert items[0].fmt == "html" and items[1].fmt is None
    assert items[2].url == "https://harbour.example/a"
    assert isinstance(items[3], ReadFailure) and items[3].code == "input_not_found"
    assert reader.total_bytes([str(tmp_path / "d")]) == (
        (tmp_path / "d" / "page.txt").stat().st_size + (tmp_path / "d" / "page.html").stat().st_size)


def test_feeds_and_url_lists_are_followed_through_the_fetcher(tmp_path):
    urls = tmp_path / "urls.txt"
    urls.write_text("http://news.test/page\nhttp://news.test/slow\nhttp://intranet.test/x\n")
    with serve() as (port, _):
        reader = Reader(fetcher_factory=lambda: fetcher(port, timeout=0.3))
        try:
            items = list(reader.read(["http://news.test/feed.xml", str(urls),
                                      "http://news.test/broken-feed.xml"]))
        finally:
            reader.close()
    pages, fails = _pages(items), _fails(items)
    assert [(p.source, p.url, p.title, p.published) for p in pages] == [
        ("story-1", "http://news.test/page", "Story 1", "2024-05-02T08:01:00Z"),
        ("story-2", "http://news.test/second", "Story 2", "2024-05-02T08:02:00Z"),
        ("http://news.test/page", "http://news.test/page", None, None),
    ]
    assert pages[0].data == ARTICLE.encode() and pages[0].fmt == "html"
    by_source = {f.source: f for f in fails}
    assert by_source["http://news.test/slow"].code == "fetch_timeout"
    assert by_source["http://intranet.test/x"].code == "fetch_refused"
    broken = by_source["http://news.test/broken-feed.xml"]
    assert broken.code == "input_malformed" and broken.reason.startswith("the feed does not parse")


def test_a_feed_file_that_does_not_parse_is_one_failure(tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_text("<rss><channel><item><title>unclosed")
    [fail] = list(Reader().read([str(feed)]))
    assert fail.source == str(feed) and fail.code == "input_malformed"
    assert fail.reason.startswith("the feed does not parse (")


def test_gzip_page_files_are_not_walked(tmp_path):
    # A .html.gz is not in the contract's list; it is passed over, not misread.
    (tmp_path / "p.html.gz").write_bytes(gzip.compress(ARTICLE.encode()))
    assert list(walk(str(tmp_path))) == []
