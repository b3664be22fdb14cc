"""Reading pages: bad input, encodings, format sniffing and HTML extraction."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from newsaudit.errors import (
    BinaryInput,
    DecodingError,
    EmptyInput,
    InputError,
    InputNotFound,
    InputTooLarge,
)
from newsaudit.ingest import (
    DEFAULT_MAX_BYTES,
    decode,
    load_page,
    load_path,
    read_source,
    sniff_format,
)
from paths import REPO

HTML_DIR = REPO / "tests" / "fixtures" / "html"


# --------------------------------------------------------------------------- bad input

BAD_BYTES = [
    ("empty.txt", b"", {}, EmptyInput, "file is empty"),
    ("blank.txt", b"  \n\t\r\n   \n", {}, EmptyInput, "file is empty (only whitespace)"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(64), {}, BinaryInput, "binary data (a PNG image)"),
    ("report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", {}, BinaryInput, "PDF document"),
    ("bundle.txt", b"PK\x03\x04\x14\x00\x00\x00\x08\x00", {}, BinaryInput, "ZIP archive"),
    ("page.txt.gz", b"\x1f\x8b\x08\x00\x00\x00\x00\x00", {}, BinaryInput, "gzip"),
    ("nul.txt", b"GARBAGE\x00\x01\x02\x03" * 10, {}, BinaryInput, "binary data (it contains NUL bytes)"),
    ("big.txt", b"Troops advanced on the city. " * 10, {"max_bytes": 50}, InputTooLarge, "too large"),
    ("odd.txt", bytes(range(0x80, 0x100)) * 3, {}, DecodingError, "cannot be decoded"),
]


@pytest.mark.parametrize("name,data,kwargs,exc,reason", BAD_BYTES)
def test_bad_files_raise_typed_one_line_errors(tmp_path, name, data, kwargs, exc, reason):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(exc) as info:
        load_path(str(path), **kwargs)
    err = info.value
    assert isinstance(err, InputError)
    assert err.source == str(path)
    assert "\n" not in str(err)
    assert str(err).startswith(f"{path}: ")
    assert reason in err.reason


@pytest.mark.parametrize("name,data,kwargs,exc,reason", BAD_BYTES)
def test_bad_bytes_raise_the_same_errors_without_a_file(name, data, kwargs, exc, reason):
    with pytest.raises(exc) as info:
        load_page(data, source=name, **kwargs)
    assert info.value.source == name


def test_empty_file_message_reads_plainly(tmp_path):
    path = tmp_path / "page.txt"
    path.write_bytes(b"")
    with pytest.raises(EmptyInput) as info:
        load_path(str(path))
    assert str(info.value) == f"{path}: file is empty"


def test_missing_path(tmp_path):
    missing = tmp_path / "nope.txt"
    with pytest.raises(InputNotFound) as info:
        load_path(str(missing))
    assert str(info.value) == f"{missing}: no such file"


def test_directory_path(tmp_path):
    with pytest.raises(InputNotFound) as info:
        load_path(str(tmp_path))
    assert str(info.value) == f"{tmp_path}: is a directory, not a file"


def test_size_is_checked_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 2048)
    with pytest.raises(InputTooLarge) as info:
        read_source(str(path), max_bytes=1024)
    assert "2,048 bytes" in info.value.reason
    assert "1,024" in info.value.reason


@pytest.mark.parametrize(
    "text,exc",
    [("", EmptyInput), (" \n\n\t ", EmptyInput), ("x" * 40, InputTooLarge)],
)
def test_bad_strings(text, exc):
    with pytest.raises(exc):
        load_page(text, max_bytes=20)


def test_unknown_format_is_a_programming_error():
    with pytest.raises(ValueError):
        load_page("Some text.", fmt="pdf")


def _fake_stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_stdin_is_read_as_dash(monkeypatch):
    _fake_stdin(monkeypatch, b"Rain floods the valley\n\nWater rose overnight.\n")
    data, source = read_source("-")
    assert (data, source) == (b"Rain floods the valley\n\nWater rose overnight.\n", "-")


def test_stdin_over_the_limit(monkeypatch):
    _fake_stdin(monkeypatch, b"y" * 101)
    with pytest.raises(InputTooLarge) as info:
        read_source("-", max_bytes=100)
    assert info.value.source == "-"


def test_stdin_page_loads(monkeypatch):
    _fake_stdin(monkeypatch, b"Rain floods the valley\n\nWater rose overnight in the valley.\n")
    page = load_path("-")
    assert page.document.source == "-"
    assert [s.kind for s in page.segments] == ["headline", "body"]


def test_default_limit_is_ten_megabytes():
    assert DEFAULT_MAX_BYTES == 10_000_000


# --------------------------------------------------------------------------- encodings

ENCODED = [
    (b"\xef\xbb\xbfCaf\xc3\xa9 owners protest new tax", "Café owners protest new tax"),
    (
        "Protesters in São Paulo said “enough” — 5,000 marched.".encode("cp1252"),
        "Protesters in São Paulo said “enough” — 5,000 marched.",
    ),
    ("Müller said the naïve plan would fail.".encode("latin-1"), "Müller said the naïve plan would fail."),
    ("Crue du Rhône : l’état d’alerte est levé".encode("cp1252"), "Crue du Rhône : l’état d’alerte est levé"),
    ("Flood déjà vu in Köln".encode("utf-16"), "Flood déjà vu in Köln"),
    ("Flood déjà vu in Köln".encode("utf-16-be").join([b"\xfe\xff", b""]), "Flood déjà vu in Köln"),
    ("Quake hits coast".encode("utf-16-le"), "Quake hits coast"),
    ("Επιδημία γρίπης στην Αθήνα".encode(), "Επιδημία γρίπης στην Αθήνα"),
]


@pytest.mark.parametrize("data,expected", ENCODED)
def test_decoding(data, expected):
    assert decode(data, source="x.txt") == expected


@pytest.mark.parametrize(
    "data,expected",
    [
        (b"Title\r\n\r\nBody one.\rBody two.\r\n", "Title\n\nBody one.\nBody two.\n"),
        (b"a\r\rb", "a\n\nb"),
        (b"\xef\xbb\xbfA\r\nB", "A\nB"),
    ],
)
def test_newlines_are_normalised(data, expected):
    assert decode(data, source="x.txt") == expected


def test_plain_text_is_kept_apart_from_newlines():
    raw = "Storm  hits   coast\r\n\r\n  Winds reached 120 km/h.\t\r\n"
    page = load_page(raw)
    assert page.document.text == "Storm  hits   coast\n\n  Winds reached 120 km/h.\t\n"
    assert page.document.input_format == "text"
    for seg in page.segments:
        assert page.document.text[seg.start : seg.end] == seg.text


def test_html_declared_charset_is_honoured():
    html = (
        '<html><head><meta charset="windows-1252"><title>Grève à Marseille</title></head>'
        "<body><h1>Grève à Marseille</h1><p>Les dockers ont cessé le travail lundi.</p>"
        "<p>La grève touche trois terminaux.</p></body></html>"
    ).encode("cp1252")
    page = load_page(html)
    assert page.document.title == "Grève à Marseille"
    assert "Les dockers ont cessé le travail lundi." in page.document.text


# --------------------------------------------------------------------------- sniffing


@pytest.mark.parametrize(
    "text,expected",
    [
        ("<!DOCTYPE html><html><body><p>Hi</p></body></html>", "html"),
        ("  \n<html lang='en'><p>Hi</p></html>", "html"),
        ("<?xml version='1.0'?>\n<!doctype html>\n<html></html>", "html"),
        ("<div><p>One</p><p>Two</p><p>Three</p><p>Four</p><span>x</span></div>", "html"),
        ("Police said the <b> tag was a typo.\n\nNothing else happened.", "text"),
        ("Rates rose 2% <and> fell again.", "text"),
        ("Plain headline\n\nPlain body text.", "text"),
    ],
)
def test_sniff_format(text, expected):
    assert sniff_format(text) == expected


def test_fmt_text_keeps_markup_as_text():
    page = load_page("<html><body><p>Storm warning issued</p></body></html>", fmt="text")
    assert page.document.input_format == "text"
    assert page.document.text.startswith("<html>")


# --------------------------------------------------------------------------- HTML pages


def _check_offsets(page):
    text = page.document.text
    last = 0
    for seg in page.segments:
        assert text[seg.start : seg.end] == seg.text
        assert seg.start >= last
        last = seg.end


def _kinds(page, kind):
    return [s.text for s in page.segments if s.kind == kind]


def test_wordpress_article():
    page = load_path(str(HTML_DIR / "wordpress_flood.html"))
    doc = page.document
    _check_offsets(page)
    assert doc.input_format == "html"
    assert doc.title == "Floods Force Thousands From Homes in River Delta"
    assert doc.outlet == "The Valley Courier"
    assert doc.published == "2021-03-14"
    assert doc.author == "Maria Lopez"
    assert doc.url == "https://valleycourier.example/2021/03/14/delta-floods/"
    assert [s.kind for s in page.segments[:3]] == ["headline", "byline", "dateline"]
    assert page.segments[0].start == 0
    assert _kinds(page, "byline") == ["By Maria Lopez"]
    assert _kinds(page, "dateline") == ["March 14, 2021"]
    body = _kinds(page, "body")
    assert len(body) == 5
    assert body[0].startswith("More than 12,000 people have been evacuated")
    assert body[-1].endswith("help reinforce embankments.")
    assert _kinds(page, "caption") == [
        "Residents wade through a flooded street in the delta town of Marsh End."
    ]
    assert _kinds(page, "related") == [
        "Related",
        "Heavy rain warning issued for the valley",
        "Dam repairs delayed again, council admits",
    ]
    assert _kinds(page, "comment") == [
        "Anna K says:\nMarch 14, 2021 at 11:02 am\n"
        "My cousin lives in Marsh End and says the water reached the second floor overnight.\nReply",
        "river_watcher says:\nMarch 14, 2021 at 12:40 pm\n"
        "The council was told about those dams years ago. Nobody listened.\nReply",
    ]
    assert _kinds(page, "form") == [
        "Leave a Reply\nYour email address will not be published. Required fields are marked *\n"
        "Comment\nName *\nEmail *\nPost Comment"
    ]
    # The caption is a caption only: it is not repeated as body text.
    assert doc.text.count("Residents wade through") == 1
    for junk in ("trackingId", "font-family", "loadAd", "Search"):
        assert junk not in doc.text


def test_scripts_styles_ads_and_iframes_never_reach_the_text():
    page = load_path(str(HTML_DIR / "protest_ads_scripts.html"))
    doc = page.document
    _check_offsets(page)
    assert doc.title == "Thousands rally against fuel price rise"
    assert doc.published == "2023-09-02"
    assert doc.outlet == "Harbour Times"
    for junk in ("SECRET", "googletag", "document.write", "font-weight", "function track"):
        assert junk not in doc.text
    assert _kinds(page, "byline") == ["By Kofi Mensah"]
    assert _kinds(page, "dateline") == ["2 September 2023"]
    body = _kinds(page, "body")
    assert body[0].startswith("Thousands of people marched through the port city on Saturday")
    assert any("police put the figure at 6,000" in b for b in body)
    assert _kinds(page, "caption") == [
        "Protesters outside the transport ministry on Saturday. Photo: Ama Boateng"
    ]
    assert _kinds(page, "related") == [
        "Read more",
        "Bus fares to rise next month",
        "Inflation hits a three-year high",
        "Unions set deadline for talks",
    ]
    assert _kinds(page, "form") == ["Sign up for our newsletter\nSubscribe"]
    assert _kinds(page, "comment") == []


def test_blog_comments_with_a_nested_reply():
    page = load_path(str(HTML_DIR / "blog_comments_replies.html"))
    doc = page.document
    _check_offsets(page)
    assert doc.title == "Clinic queues grow as measles cases climb"
    assert doc.published == "2019-11-20"
    assert doc.author == "Dr Priya Nair"
    assert _kinds(page, "byline") == ["Posted by Dr Priya Nair"]
    assert len(_kinds(page, "body")) == 5
    assert _kinds(page, "caption") == [
        "A nurse prepares a vaccine dose at the county clinic. (Photo: county health department)"
    ]
    assert _kinds(page, "related") == [
        "You may also like",
        "Flu season arrives early",
        "Clinic staff shortage worsens",
    ]
    assert _kinds(page, "comment") == [
        "Sam T.\nNovember 20, 2019\nWe waited three hours yesterday. The staff were brilliant though.",
        "Jo B.\nNovember 21, 2019\nSame here, worth it.",
        "M. Okafor\nNovember 22, 2019\nWhy did it take the county so long to open a second clinic?",
    ]
    assert _kinds(page, "form") == ["Post a comment\nName\nSubmit"]
    assert "3 Comments" not in doc.text


def test_short_page_falls_back_to_paragraphs():
    page = load_path(str(HTML_DIR / "short_page.html"))
    _check_offsets(page)
    assert page.document.title == "Quake shakes coastal towns"
    assert [(s.kind, s.text) for s in page.segments] == [
        ("headline", "Quake shakes coastal towns"),
        ("body", "A magnitude 5.8 earthquake struck off the coast early on Monday."),
        ("body", "No injuries were reported, officials said."),
    ]


def test_html_with_no_text_is_empty():
    with pytest.raises(EmptyInput):
        load_page("<html><head><script>var a = 1;</script></head><body></body></html>", source="x.html")


# --------------------------------------------------------------------------- the seed page


def _seed() -> Path:
    from paths import SEED

    if SEED.exists():
        return SEED
    pytest.skip(f"the seed page ({SEED}) is not on this machine: it lives in ../shared/seed/")


def test_seed_loads_as_text():
    path = _seed()
    page = load_path(str(path))
    assert page.document.input_format == "text"
    assert page.document.source == str(path)
    assert page.document.title == "Syria: Iran Admits “Heavy Casualties”"
    assert page.document.text == path.read_bytes().decode("utf-8").replace("\r\n", "\n")
    _check_offsets(page)


# --------------------------------------------------------------------------- body regressions
# Found on the article-extraction benchmark (see newsaudit.evaluation.extraction).

_FLOOD = [
    "Rescue teams reached the flooded villages on Sunday after the river broke its banks for "
    "the second time this month.",
    "The regional governor said more than 2,000 homes, most of them in the lower valley, had "
    "been evacuated overnight.",
    "Aid agencies warned that clean water was running short in the shelters, where families "
    "have slept on school floors since Friday.",
    "Engineers will inspect the damaged levee on Monday, and the army has sent trucks to carry "
    "sandbags to the worst-hit districts.",
]
_SOURCE = "Source: regional emergency office."


def _article(body: str, cls: str = "entry-content") -> str:
    return (
        "<!DOCTYPE html><html><head><title>Floods cut off valley villages</title></head><body>"
        f"<article><h1>Floods cut off valley villages</h1><div class='{cls}'>{body}</div>"
        "</article><footer><p>Copyright 2024 Valley News</p></footer></body></html>"
    )


BODY_CASES = [
    # A container whose class mentions "read-more" holds the article: it is not a
    # related-links box, or the whole body would be relabelled "related".
    (
        _article("".join(f"<p>{p}</p>" for p in _FLOOD), "entry-content entry-content-read-more"),
        _FLOOD,
    ),
    # Text written straight after a subheading, outside any <p>, is a paragraph of its own.
    (
        _article(f"<p>{_FLOOD[0]}</p><h2>Shelters</h2>{_FLOOD[2]}<h2>Repairs</h2>{_FLOOD[3]}"),
        [_FLOOD[0], "Shelters", _FLOOD[2], "Repairs", _FLOOD[3]],
    ),
    # A line the article repeats (a source note under each section) is kept each time.
    (
        _article("".join(f"<h3>District {i}</h3><p>{_FLOOD[i]}</p><p>{_SOURCE}</p>"
                         for i in (0, 2))),
        ["District 0", _FLOOD[0], _SOURCE, "District 2", _FLOOD[2], _SOURCE],
    ),
]


@pytest.mark.parametrize("html,expected", BODY_CASES)
def test_html_body_paragraphs(html, expected):
    page = load_page(html, fmt="html")
    _check_offsets(page)
    assert _kinds(page, "body") == expected
    assert _kinds(page, "related") == []
