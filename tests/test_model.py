"""Records read back: ``Report.from_dict(d).to_dict() == d`` for arbitrary valid reports
(built from the model's Literals, with offsets into a generated text), and a dict that is
not a valid report is refused naming the first bad value."""

from __future__ import annotations

import json
from typing import Any, get_args

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contract import report_validator
from newsaudit.checks import registry
from newsaudit.errors import MalformedInput
from newsaudit.model import (
    ARTICLE_KINDS,
    Approx,
    Attribution,
    AttributionKind,
    Category,
    Claim,
    Document,
    Figure,
    FigureScope,
    FigureSubject,
    Finding,
    PageFormat,
    Quantity,
    Report,
    Segment,
    SegmentKind,
    Source,
    SourceType,
    Span,
    Voice,
)

SHORT = st.text(max_size=20)
MAYBE = st.none() | SHORT
NUMBER = st.none() | st.integers(-10**12, 10**12) | st.floats(allow_nan=False, allow_infinity=False)


def _kinds(literal: Any) -> st.SearchStrategy[str]:
    return st.sampled_from(get_args(literal))


@st.composite
def reports(draw: st.DrawFn) -> Report:
    text = draw(st.text(min_size=1, max_size=200))
    n = len(text)

    def span() -> Span:
        start = draw(st.integers(0, n))
        return Span.of(text, start, draw(st.integers(start, n)))

    def maybe_span() -> Span | None:
        return span() if draw(st.booleans()) else None

    def source() -> Source:
        if draw(st.booleans()):
            return Source(None, draw(_kinds(SourceType)), None, None)
        s = span()
        return Source(s.text, draw(_kinds(SourceType)), s.start, s.end, maybe_span())

    cuts = sorted(draw(st.lists(st.integers(0, n), max_size=5, unique=True)))
    edges = [0, *cuts, n]
    segments = tuple(
        Segment(draw(_kinds(SegmentKind)), a, b, text[a:b])
        for a, b in zip(edges, edges[1:], strict=False)
        if b > a
    )
    quantities = []
    for i in range(draw(st.integers(0, 4))):
        s = span()
        quantities.append(Quantity(
            f"q{i + 1}", s.start, s.end, s.text, draw(NUMBER), draw(NUMBER), draw(NUMBER),
            draw(_kinds(Approx)), draw(MAYBE), draw(_kinds(Category)),
            draw(_kinds(SegmentKind)), draw(MAYBE), maybe_span(),
        ))
    attributions = []
    for i in range(draw(st.integers(0, 4))):
        s = span()
        attributions.append(Attribution(
            f"a{i + 1}", draw(_kinds(AttributionKind)), source(),
            tuple(source() for _ in range(draw(st.integers(0, 2)))), draw(SHORT), maybe_span(),
            draw(MAYBE), draw(_kinds(SegmentKind)), maybe_span(), s.start, s.end,
        ))
    q_ids = [q.id for q in quantities]
    a_ids = [a.id for a in attributions]
    claims = []
    for i in range(draw(st.integers(0, 4))):
        s = span()
        claims.append(Claim(
            f"c{i + 1}", s.start, s.end, s.text, draw(st.sampled_from(sorted(ARTICLE_KINDS))),
            draw(st.floats(0, 1)), draw(_kinds(Voice)),
            draw(st.none() | st.sampled_from(a_ids)) if a_ids else None,
            tuple(draw(st.lists(st.sampled_from(q_ids), unique=True))) if q_ids else (),
        ))
    checks = registry()
    ids = q_ids + a_ids + [c.id for c in claims]
    findings = []
    for i in range(draw(st.integers(0, 4))):
        info = checks[draw(st.sampled_from(sorted(checks)))]
        findings.append(Finding(
            f"f{i + 1}", info.name, draw(st.sampled_from(info.severities)),
            draw(st.text(min_size=1, max_size=40)),
            tuple(span() for _ in range(draw(st.integers(1, 3)))),
            tuple(draw(st.lists(st.sampled_from(ids), unique=True))) if ids else (),
            draw(MAYBE),
        ))
    document = Document(
        text, source=draw(SHORT), title=draw(MAYBE), outlet=draw(MAYBE),
        published=draw(MAYBE), language=draw(st.sampled_from(["en", "fr"])),
        author=draw(MAYBE), url=draw(MAYBE), input_format=draw(_kinds(PageFormat)),
    )
    figures = []
    for i, q in enumerate(draw(st.lists(st.sampled_from(quantities), max_size=3))
                          if quantities else []):
        figures.append(Figure(
            f"g{i + 1}", q.id, q.start, q.end, q.text, draw(SHORT), draw(_kinds(SegmentKind)),
            0, n, draw(_kinds(Category)), draw(MAYBE),
            FigureSubject(tuple(draw(st.lists(SHORT, max_size=2))), draw(MAYBE), draw(MAYBE),
                          draw(MAYBE)),
            tuple(draw(st.lists(SHORT, max_size=2))), tuple(draw(st.lists(SHORT, max_size=2))),
            draw(st.booleans()), draw(st.none() | _kinds(FigureScope)), draw(st.booleans()),
            draw(st.none() | st.sampled_from(a_ids)) if a_ids else None, draw(_kinds(Voice)),
            draw(st.booleans()), draw(NUMBER), draw(_kinds(Approx)), draw(NUMBER),
            draw(st.booleans()), draw(NUMBER), draw(st.booleans()),
        ))
    meta = draw(st.dictionaries(st.sampled_from(["spacy_model", "host"]), SHORT, max_size=2))
    return Report(document, segments, tuple(quantities), tuple(attributions), tuple(claims),
                  tuple(findings), tuple(figures), meta)


@settings(max_examples=300, deadline=None)
@given(reports())
def test_every_report_reads_back(report):
    d = report.to_dict()
    assert Report.from_dict(d).to_dict() == d
    through_json = json.loads(json.dumps(d, ensure_ascii=False))
    assert Report.from_dict(through_json).to_dict() == d
    assert json.dumps(Report.from_dict(through_json).to_dict()) == json.dumps(d)
    report_validator().validate(d)


@settings(max_examples=100, deadline=None)
@given(reports())
def test_records_read_back_equal(report):
    """Apart from the claim scores the contract rounds, the records come back equal."""
    back = Report.from_dict(report.to_dict())
    assert back.quantities == report.quantities and back.attributions == report.attributions
    assert back.segments == report.segments and back.findings == report.findings
    assert back.document == report.document
    assert [c.checkworthy for c in back.claims] == [round(c.checkworthy, 3) for c in report.claims]


# ------------------------------------------------------------------ what is refused

_PAGE = "Officials said 12 people died."


def _report() -> dict[str, Any]:
    q = Quantity("q1", 15, 24, "12 people", 12, 12, 12, "exact", "people", "people", "body")
    return Report(Document(_PAGE), (Segment("body", 0, len(_PAGE), _PAGE),), (q,)).to_dict()


def _with(path: list[Any], value: Any) -> dict[str, Any]:
    d = json.loads(json.dumps(_report()))
    target = d
    for key in path[:-1]:
        target = target[key]
    if value is KeyError:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return d


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (["schema"], "newsaudit.report/2", "not a newsaudit report: schema is 'newsaudit.report/2'"),
        (["tool", "name"], "othertool", "report.tool.name should be 'newsaudit'"),
        (["segments", 0, "kind"], "sidebar", "report.segments[0].kind should be one of 'headline'"),
        (["quantities", 0, "approx"], "roughly", "report.quantities[0].approx should be one of"),
        (["quantities", 0, "low"], "12", "report.quantities[0].low should be a number or a whole number or null"),
        (["quantities", 0, "start"], 1.5, "report.quantities[0].start should be a whole number"),
        (["quantities", 0, "start"], True, "report.quantities[0].start should be a whole number, not True"),
        (["quantities", 0, "number"], {"start": 15}, "report.quantities[0].number.end is missing"),
        (["quantities", 0, "segment"], KeyError, "report.quantities[0].segment is missing"),
        (["segments"], {"kind": "body"}, "report.segments should be a list"),
        (["document", "text"], "Edited text.", "document.id is not the sha256 of its text"),
        (["document", "format"], "pdf", "report.document.format should be one of 'text', 'html'"),
    ],
)
def test_bad_reports_are_refused_naming_the_value(path, value, message):
    with pytest.raises(MalformedInput, match=message.replace("[", r"\[").replace("(", r"\(")) as info:
        Report.from_dict(_with(path, value))
    assert info.value.to_dict()["code"] == "input_malformed"


def test_keys_a_newer_version_added_are_skipped():
    d = _with(["outcomes"], [{"id": "o1", "counts": "people"}])
    d["quantities"][0]["confidence"] = 0.9
    back = Report.from_dict(d)
    assert back.quantities[0].value == 12
    assert "outcomes" not in back.to_dict()
    assert "confidence" not in back.to_dict()["quantities"][0]


def test_reports_of_older_versions_without_figures_read_back():
    d = _report()
    del d["figures"]
    assert Report.from_dict(d).figures == ()


def test_numbers_keep_their_json_type_and_provenance_is_kept():
    d = _with(["tool", "version"], "0.0.9")
    d["tool"]["spacy_model"] = "en_core_web_sm-3.8.0"
    d["quantities"][0]["value"] = 12.0
    back = Report.from_dict(d)
    assert type(back.quantities[0].low) is int and type(back.quantities[0].value) is float
    assert back.to_dict()["tool"] == {"name": "newsaudit", "version": "0.0.9",
                                      "spacy_model": "en_core_web_sm-3.8.0"}


def test_each_record_reads_back_on_its_own():
    q = Report.from_dict(_report()).quantities[0]
    assert Quantity.from_dict(q.to_dict()) == q
    assert Span.from_dict({"start": 0, "end": 9, "text": "Officials"}) == Span(0, 9, "Officials")
    with pytest.raises(MalformedInput, match=r"span\.text is missing"):
        Span.from_dict({"start": 0, "end": 9})
