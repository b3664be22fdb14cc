"""The page and its records: small frozen dataclasses with half-open character offsets.

Every record produced by the analysis points into one string, ``Document.text``: the
text that was analysed. ``text[start:end] == record.text`` holds for every record that
carries both, and the report contract (``shared/spec/report.md``) is produced from these
records by :meth:`Report.to_dict` only, so the contract has a single source of truth.

spaCy objects never leave the analysis stages: everything here is plain data, safe to
pickle, serialise, store and compare. Records read back too: ``Report.from_dict(d)``
rebuilds a report from its contract (``Report.from_dict(r.to_dict()).to_dict() ==
r.to_dict()``), checking each field against its type and each kind against its Literal;
keys it does not know (fields a newer version added) are skipped, as the contract allows.
The contract's JSON Schema ships beside this module (``data/report.schema.json``).
"""

from __future__ import annotations

import hashlib
import json
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal, get_args

from newsaudit._record import Record, record_from_dict
from newsaudit._version import __version__
from newsaudit.errors import MalformedInput

SCHEMA = "newsaudit.report/1"

SegmentKind = Literal[
    "headline",
    "standfirst",
    "byline",
    "dateline",
    "body",
    "caption",
    "related",
    "comment",
    "form",
    "boilerplate",
]
SEGMENT_KINDS: tuple[str, ...] = get_args(SegmentKind)
#: Segments whose sentences are the article's own statements. Captions, related links,
#: comments, forms and boilerplate are never the article's claims.
ARTICLE_KINDS: frozenset[str] = frozenset({"headline", "standfirst", "body"})

Approx = Literal[
    "exact", "at_least", "more_than", "at_most", "fewer_than", "about", "almost", "range", "vague"
]
Category = Literal[
    "killed",
    "wounded",
    "people",
    "personnel",
    "money",
    "percent",
    "distance",
    "duration",
    "count",
    "other",
]
AttributionKind = Literal[
    "direct_quote",
    "reported_speech",
    "according_to",
    "quoted_as_saying",
    "passive",
    "unattributed_quote",
]
SourceType = Literal["person", "organisation", "outlet", "official_anonymous", "unspecified"]
#: A figure's time frame: one incident, or a running total up to the time of writing.
FigureScope = Literal["event", "running_total"]
Severity = Literal["info", "warning", "problem"]
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "problem": 2}
#: Whose word a claim is: someone's the page attributes it to, or the page's own.
Voice = Literal["attributed", "outlet"]
#: How the analysed text was read from the page.
PageFormat = Literal["text", "html"]



@dataclass(frozen=True, slots=True)
class Span(Record):
    """A stretch of the analysed text."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start, end, text[start:end])

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Segment(Record):
    """One part of the page's anatomy (headline, body paragraph, caption, comment, ...).

    Segments cover the page without overlapping; consecutive paragraphs of the same kind
    stay separate segments so that a reader can jump to each.
    """

    kind: SegmentKind
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Quantity(Record):
    """A checkable number: value, bounds (``None`` = open), what is counted and its class.

    ``low``/``high`` bound the true figure as the text states it (``None`` = open):
    "at least 700" is ``low=700, high=None``; "almost 700" is ``high=700`` with
    ``approx="almost"`` (strictly below) and ``low`` 10% under; "about 2,000" is a ±10%
    band. The bands and vague ranges, with their reasoning, live in
    ``data/quantifiers.json``. ``unit`` carries a currency code, ``%`` or a unit of distance
    or time when there is one; ``number`` is the span of the figure alone.
    """

    id: str
    start: int
    end: int
    text: str
    value: float | int | None
    low: float | int | None
    high: float | int | None
    approx: Approx
    counted: str | None
    category: Category
    segment: SegmentKind
    unit: str | None = None
    number: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            "low": self.low,
            "high": self.high,
            "approx": self.approx,
            "counted": self.counted,
            "category": self.category,
            "segment": self.segment,
            "unit": self.unit,
        }
        if self.number is not None:
            d["number"] = self.number.to_dict()
        return d


@dataclass(frozen=True, slots=True)
class Source(Record):
    """Who a statement rests on. ``text`` is ``None`` when the text names no one
    ("are believed"); offsets are then ``None`` too.

    For a pronoun speaker ("he said") ``text`` and offsets are those of the named mention
    it was resolved to, and ``mention`` is the pronoun itself.
    """

    text: str | None
    type: SourceType
    start: int | None
    end: int | None
    mention: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "text": self.text,
            "type": self.type,
            "start": self.start,
            "end": self.end,
        }
        if self.mention is not None:
            d["mention"] = self.mention.to_dict()
        return d


@dataclass(frozen=True, slots=True)
class Attribution(Record):
    """Whose word a statement rests on, and through whom it reached the page.

    ``via`` lists intermediaries nearest to the source first, the publisher last:
    "Fars quoted a Guards official as saying ..." has source = the official, via = [Fars].
    """

    id: str
    kind: AttributionKind
    source: Source
    via: tuple[Source, ...]
    cue: str
    content: Span | None
    quote: str | None
    segment: SegmentKind
    cue_span: Span | None = None
    start: int = 0
    end: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "source": self.source.to_dict(),
            "via": [v.to_dict() for v in self.via],
            "cue": self.cue,
            "cue_span": self.cue_span.to_dict() if self.cue_span else None,
            "content": self.content.to_dict() if self.content else None,
            "quote": self.quote,
            "segment": self.segment,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True, slots=True)
class Claim(Record):
    """A sentence of the article that asserts something checkable."""

    id: str
    start: int
    end: int
    text: str
    segment: SegmentKind
    checkworthy: float
    voice: Voice
    attribution: str | None
    quantities: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "segment": self.segment,
            "checkworthy": round(self.checkworthy, 3),
            "voice": self.voice,
            "attribution": self.attribution,
            "quantities": list(self.quantities),
        }


@dataclass(frozen=True, slots=True)
class FigureSubject(Record):
    """Whose people a figure counts and what befell them, as plain lower-case words.

    ``sides`` are the nationalities, bodies and camps the counted phrase names ("iranian",
    "rebel"), or the speaker's own for "its fighters"; ``label`` is the first nationality
    as the page writes it ("Iranian"), for messages. ``agent`` is the subject or
    by-agent of the clause ("airstrike" in "an airstrike killed 11"), ``predicate`` the
    lemma of its verb ("march", "arrest"): head counts with different verbs are
    different crowds.
    """

    sides: tuple[str, ...] = ()
    label: str | None = None
    agent: str | None = None
    predicate: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "sides": list(self.sides),
            "label": self.label,
            "agent": self.agent,
            "predicate": self.predicate,
        }


@dataclass(frozen=True, slots=True)
class Figure(Record):
    """A toll or head count of the article read as a statement: what it counts and whose
    people, where and when, whether one incident or a running total, and on whose word.

    One per article quantity of category killed, wounded, people or personnel (the kinds
    the figure checks compare), in text order with ids ``g1``, ``g2``, ...; ``quantity``
    is the quantity's id and ``start``/``end``/``text`` its span. Everything
    :mod:`newsaudit.figures.compare` needs is here as plain data, so figures of
    different pages compare without their parses.

    ``category`` can differ from the quantity's: "losses of 120 sailors" is a death toll.
    ``low``/``high`` are the quantity's bounds; ``low_strict`` ("more than 213") and
    ``high_strict`` ("almost 700") exclude the bound itself. ``words`` is the figure as
    the page words it without what it counts ("at least 700"). ``places`` and ``dates``
    are the places and point dates of its clause ("sunday", "may 6"); ``changing`` marks
    a moving toll ("rose to", "up from"); ``scope`` is ``None`` when the text does not
    say; ``part`` marks one group of a breakdown in its sentence ("seven attackers, three
    soldiers and two civilians were killed"). ``source`` is the id of the attribution that
    carries the figure (``voice`` "attributed") or ``None`` for the page's own voice;
    ``factive`` says the page vouches for the source's figure ("confirmed", "admitted").
    ``sentence_start``/``sentence_end`` bound its sentence: figures of one sentence are
    parts of one statement, not rivals.
    """

    id: str
    quantity: str
    start: int
    end: int
    text: str
    words: str
    segment: SegmentKind
    sentence_start: int
    sentence_end: int
    category: Category
    counted: str | None
    subject: FigureSubject
    places: tuple[str, ...]
    dates: tuple[str, ...]
    changing: bool
    scope: FigureScope | None
    part: bool
    source: str | None
    voice: Voice
    factive: bool
    value: float | int | None
    approx: Approx
    low: float | int | None
    low_strict: bool
    high: float | int | None
    high_strict: bool

    @property
    def vague(self) -> bool:
        """No figure to compare: "dozens", or no bound at all."""
        return self.approx == "vague" or self.value is None or (
            self.low is None and self.high is None
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "quantity": self.quantity,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "words": self.words,
            "segment": self.segment,
            "sentence_start": self.sentence_start,
            "sentence_end": self.sentence_end,
            "category": self.category,
            "counted": self.counted,
            "subject": self.subject.to_dict(),
            "places": list(self.places),
            "dates": list(self.dates),
            "changing": self.changing,
            "scope": self.scope,
            "part": self.part,
            "source": self.source,
            "voice": self.voice,
            "factive": self.factive,
            "value": self.value,
            "approx": self.approx,
            "low": self.low,
            "low_strict": self.low_strict,
            "high": self.high,
            "high_strict": self.high_strict,
        }



NoticeCode = Literal["language_not_analysed", "findings_withheld"]


@dataclass(frozen=True, slots=True)
class Notice(Record):
    """Something the reader of a report must know about the analysis itself, not about
    the page: what was not done and why. The CLI prints each as one line on stderr."""

    code: NoticeCode
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message}


@dataclass(frozen=True, slots=True)
class Finding(Record):
    """Something a careful editor would flag, with the text that shows it."""

    id: str
    check: str
    severity: Severity
    message: str
    evidence: tuple[Span, ...]
    refs: tuple[str, ...] = ()
    technique: str | None = None
    #: what kind of problem the finding is within its check, a stable name the check
    #: declares (``headline_unsupported``: "overstated_toll", "figure", …), or ``None``;
    #: the severity gate rules on a kind of its own when its precision is measured apart
    kind: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "check": self.check,
            "severity": self.severity,
            "message": self.message,
            "evidence": [e.to_dict() for e in self.evidence],
            "refs": list(self.refs),
            "technique": self.technique,
            "kind": self.kind,
        }


@dataclass(frozen=True, slots=True)
class Document(Record):
    """The analysed text and what is known about the page it came from."""

    text: str
    source: str = "<string>"
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str = "en"
    author: str | None = None
    url: str | None = None
    input_format: PageFormat = field(default="text", metadata={"key": "format"})

    @property
    def id(self) -> str:
        return "sha256:" + hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @classmethod
    def from_dict(cls, d: Mapping[str, Any], *, where: str | None = None) -> Document:
        """The document, whose ``id`` must be the hash of its text (it is derived, not kept)."""
        where = where or "document"
        doc = record_from_dict(cls, d, where)
        if d.get("id", doc.id) != doc.id:
            raise MalformedInput(f"{where}.id is not the sha256 of its text", source="<report>")
        return doc

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published,
            "language": self.language,
            "author": self.author,
            "url": self.url,
            "format": self.input_format,
            "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class Page:
    """A document split into its parts: what the ingest and anatomy stages hand on."""

    document: Document
    segments: tuple[Segment, ...]

    def segment_at(self, offset: int) -> Segment | None:
        return segment_at(self.segments, offset)


def segment_at(segments: tuple[Segment, ...], offset: int) -> Segment | None:
    """The segment holding character ``offset``, or ``None`` in the whitespace between."""
    if len(segments) > _SCAN_BELOW:
        starts = _segment_starts(segments)
        if starts is not None:  # in order and apart: the one that starts last at or before
            k = bisect_right(starts, offset) - 1
            if k >= 0 and offset < segments[k].end:
                return segments[k]
            return None
    for seg in segments:
        if seg.start <= offset < seg.end:
            return seg
    return None


#: Pages with fewer segments are scanned; a long transcript has thousands, and stages
#: ask for the segment of every sentence and figure.
_SCAN_BELOW = 16
#: The starts of the last few segment tuples looked up, by identity (kept alive with
#: them, so an id is never reused while cached).
_STARTS: dict[int, tuple[tuple[Segment, ...], list[int] | None]] = {}


def _segment_starts(segments: tuple[Segment, ...]) -> list[int] | None:
    """The segments' starts when they are in text order and do not overlap, else None."""
    hit = _STARTS.get(id(segments))
    if hit is not None and hit[0] is segments:
        return hit[1]
    ordered = all(a.end <= b.start for a, b in zip(segments, segments[1:], strict=False))
    starts = [seg.start for seg in segments] if ordered else None
    if len(_STARTS) >= 8:
        _STARTS.pop(next(iter(_STARTS)))
    _STARTS[id(segments)] = (segments, starts)
    return starts


@dataclass(frozen=True, slots=True)
class Report(Record):
    """Everything newsaudit found on one page; serialises to the report contract."""

    document: Document
    segments: tuple[Segment, ...]
    quantities: tuple[Quantity, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    claims: tuple[Claim, ...] = ()
    findings: tuple[Finding, ...] = ()
    figures: tuple[Figure, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    notices: tuple[Notice, ...] = ()  # after meta: positional construction keeps working

    def segment_at(self, offset: int) -> Segment | None:
        return segment_at(self.segments, offset)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any], *, where: str | None = None) -> Report:
        """The report a contract dict describes: ``Report.from_dict(r.to_dict()).to_dict()
        == r.to_dict()``. ``tool`` (but its name) becomes ``meta``, so the version and the
        spaCy pipeline that made the report are kept; keys this version does not know are
        skipped. A dict that is not a newsaudit report, or a field that is not of its type,
        is a :class:`~newsaudit.errors.MalformedInput`."""
        if not isinstance(d, Mapping) or d.get("schema") != SCHEMA:
            schema = d.get("schema") if isinstance(d, Mapping) else None
            raise MalformedInput(
                f"not a newsaudit report: schema is {schema!r}, expected {SCHEMA!r}",
                source="<report>",
            )
        tool = d.get("tool")
        if not isinstance(tool, Mapping) or tool.get("name") != "newsaudit":
            raise MalformedInput("report.tool.name should be 'newsaudit'", source="<report>")
        report = record_from_dict(cls, d, where or "report", skip=frozenset({"meta"}))
        return replace(report, meta={k: v for k, v in tool.items() if k != "name"})

    def with_findings(self, findings: tuple[Finding, ...]) -> Report:
        return replace(self, findings=findings)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "tool": {"name": "newsaudit", "version": __version__, **self.meta},
            "document": self.document.to_dict(),
            "segments": [s.to_dict() for s in self.segments],
            "quantities": [q.to_dict() for q in self.quantities],
            "attributions": [a.to_dict() for a in self.attributions],
            "claims": [c.to_dict() for c in self.claims],
            "findings": [f.to_dict() for f in self.findings],
            "figures": [g.to_dict() for g in self.figures],
            "notices": [n.to_dict() for n in self.notices],
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)
