"""headline_unsupported: the headline says more than, or other than, the body supports.

A headline is read for what a reader takes from it and compared with the body:

- a *concession* verb ("Iran Admits …", "Ministry Confirms …") says the source itself
  acknowledged the content. The body must report that source (or its own people) saying
  it, and its accounts of what the source said must agree: when one attribution to the
  source gives "at least 700 dead" and another "several" or 13, the headline presents as
  the source's admission what the body cannot pin on it;
- a *criticism* verb ("slams", "blasts") needs the critic's words in the body;
- an *omission* verb ("ignored", "snubbed") is the headline's own characterisation: the
  body must say so, preferably on someone's word;
- a *change* verb ("slashes", "soars") needs a figure in the body;
- a headline figure needs a body figure of the same kind whose bounds it fits.

When the headline-body stance model (:mod:`newsaudit.models.stance`) loads, it flags a body
that plainly disagrees with or ignores its headline, and raises a structural finding to
``problem`` when it points the same way. Without it the check runs on structure alone.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from newsaudit.checks import register
from newsaudit.checks._sources import TokenIndex, cues, lower_article, same_source, speaks
from newsaudit.context import DEFAULT_CONTEXT, Context, Models
from newsaudit.errors import ModelError
from newsaudit.figures.compare import comparable, plausible
from newsaudit.model import (
    Attribution,
    Claim,
    Finding,
    Quantity,
    Report,
    Segment,
    Severity,
    Span,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

CHECK = "headline_unsupported"
_BODY = frozenset({"standfirst", "body"})
_SOURCING = frozenset({"direct_quote", "reported_speech", "according_to", "quoted_as_saying"})
#: Outlet-voice figures within this share of a disputed figure are "the same number".
_NEAR = 0.1
#: Categories of figure that can measure a change ("slashes", "soars").
_MEASURES = frozenset({"money", "percent", "count", "people"})
#: A first line longer than this is a sentence or a lead, not a headline.
_MAX_HEADLINE_WORDS = 20
#: Script left in a scraped title ("mboxCreate(", "{", "};", "var x ="): the words before
#: the verb are then code, not a speaker.
_CODE = re.compile(r"[A-Za-z_$][\w$.]*\(|[{};]|\bvar\s+\w+\s*=|=>|</?\w+>")
#: A headline may end on an abbreviation ("… Talks With U.S.") or an ellipsis.
_ABBREV_END = re.compile(r"(?:\b(?:[A-Za-z]\.){2,}|\.\.\.|…)$")


def _inflections(lemma: str) -> set[str]:
    """A verb's headline forms: admit -> admits, admitted, admitting; slash -> slashes."""
    forms = {lemma}
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(lemma + "es")
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms.add(lemma[:-1] + "ies")
    else:
        forms.add(lemma + "s")
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms.add(lemma[:-1] + "ied")
    else:
        forms.add(stem + "ed")
    forms.add(stem + "ing")
    if len(lemma) >= 3 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" \
            and lemma[-3] not in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # slam -> slammed
    return forms


@lru_cache(maxsize=1)
def _verbs() -> dict[str, str]:
    """Headline verb form (lower case, first word of a phrasal verb) -> verb class."""
    data = cues()["raw"]["headline_verbs"]
    out: dict[str, str] = {}
    for cls, lemmas in data.items():
        if cls.startswith("_"):
            continue
        for lem in lemmas:
            for form in _inflections(lem.split()[0]):
                out.setdefault(form, cls)
    return out


def _verb_class(tok: Token) -> str | None:
    """The class of a headline verb, read on the word: title case defeats the tagger.

    A form that could be a plural noun ("Blasts") counts only when the parser does not
    take the next word for the verb ("Market Blasts Kill 12").
    """
    cls = _verbs().get(tok.lower_)
    if cls is None:
        return None
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    verb_next = nxt is not None and nxt.pos_ in ("VERB", "AUX") and nxt.lower_ not in _verbs()
    if tok.pos_ != "VERB" and verb_next:
        return None
    return cls


def headline_shaped(text: str) -> bool:
    """Whether a first line reads as a headline. A sentence (a full stop at its end, more
    than a headline's words) or a line of script has no headline verb and source to
    check, and reading its first words as a speaker would write a garbled message."""
    line = text.strip()
    if not line or len(line.split()) > _MAX_HEADLINE_WORDS or _CODE.search(line):
        return False
    return not (line.endswith(".") and _ABBREV_END.search(line) is None)


def _stance(models: Models, headline: str, body: str) -> dict[str, float] | None:
    """The stance model's probabilities, or ``None`` when it is unavailable."""
    try:
        return dict(models.stance.predict([(headline, body)])[0].probs)
    except (ModelError, OSError, ValueError):
        return None


def _fmt(x: float | int | None) -> str:
    if x is None:
        return "?"
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,}"


class _Headline:
    """What the headline says: its segment, verb, source, content and figures."""

    def __init__(self, report: Report, doc: Doc, seg: Segment, index: TokenIndex) -> None:
        self.seg = seg
        self.report = report
        self.verb: Token | None = None
        self.cls: str | None = None
        self.source: str | None = None
        self.content: Span | None = None
        self.att: Attribution | None = None
        for i in index.within(seg.start, seg.end):
            cls = _verb_class(doc[i])
            if cls is not None:
                self.verb, self.cls = doc[i], cls
                break
        if self.verb is not None:
            v = self.verb
            text = report.document.text
            heads = [a for a in report.attributions if a.segment == "headline"]
            for att in heads:
                if att.cue_span and att.cue_span.start <= v.idx < att.cue_span.end:
                    self.att = att
                    break
            if self.att is None:  # a quotation right after the verb is what the source said
                v_end = v.idx + len(v.text)
                self.att = next(
                    (a for a in heads
                     if a.quote and a.content and 0 <= a.content.start - v_end <= 3),
                    None,
                )
            # the source: the words before the verb, back to a colon or the start
            lo = max(seg.start, text.rfind(":", seg.start, v.idx) + 1)
            before = text[lo : v.idx].strip()
            self.source = before or (self.att.source.text if self.att else None)
            said = self.att.content if self.att is not None else None
            if said is not None and said.start > v.idx:
                self.content = said
            else:
                after = v.idx + len(v.text)
                stop = len(text[after : seg.end].split(",")[0])
                cs, ce = after, after + stop
                while cs < ce and text[cs].isspace():
                    cs += 1
                if ce > cs:
                    self.content = Span.of(text, cs, ce)
        self.figures = [q for q in report.quantities if seg.start <= q.start < seg.end]

    @property
    def quoted(self) -> str:
        return self.claim_span.text

    @property
    def claim_span(self) -> Span:
        """The headline from its source to the end of the verb's content, verbatim."""
        text = self.report.document.text
        phrase = self.phrase
        start = phrase.start
        if self.source:
            found = text.rfind(self.source, self.seg.start, start)
            start = found if found >= 0 else start
        return Span.of(text, start, phrase.end)

    @property
    def phrase(self) -> Span:
        """The headline's verb with its content, for evidence."""
        assert self.verb is not None
        text = self.report.document.text
        start = self.verb.idx
        end = self.verb.idx + len(self.verb.text)
        if self.content is not None:
            end = max(end, self.content.end)
            if end < len(text) and text[end] in "”\"’":
                end += 1
        return Span.of(text, start, end)


def _said_by(report: Report, source: str) -> list[Attribution]:
    """Body attributions resting on ``source`` or on its own people ("a navy official")."""
    body = [a for a in report.attributions if a.segment in _BODY and a.kind in _SOURCING]
    direct = [a for a in body if same_source(source, a.source.text, title_case=True)]
    family = list(direct)
    for a in body:
        if a in family:
            continue
        if any(same_source(m.source.text, a.source.text) for m in direct):
            family.append(a)
    family.sort(key=lambda a: a.start)
    return family


def _figures(report: Report, att: Attribution) -> list[Quantity]:
    if att.content is None:
        return []
    start, end = att.content.start, att.content.end
    found = [q for q in report.quantities if start <= q.start < end]
    return [q for q in found if q.category not in ("duration", "distance")]


def _who(att: Attribution) -> str:
    who = lower_article(att.source.text or "no one")
    if att.via:
        who += " via " + ", ".join(lower_article(v.text or "?") for v in att.via)
    elif att.source.type in ("organisation", "unspecified"):
        who += ", no channel named"
    return who


def _lead(h: _Headline, atts: Sequence[Attribution]) -> Attribution:
    """The body attribution that restates the headline: the one sharing most of its words."""
    said = (h.content.text if h.content else h.seg.text).lower()
    head = set(said.split())

    def shared(a: Attribution) -> int:
        words = set((a.content.text if a.content else "").lower().split())
        quoted = bool(a.quote) and a.quote.lower()[:4] == said[:4]  # type: ignore[union-attr]
        return len(head & words) + (2 if quoted else 0)

    return max(atts, key=lambda a: (shared(a), -a.start))


def _outlet_echoes(report: Report, q: Quantity) -> list[Quantity]:
    """Figures near ``q`` that the page states in its own voice."""
    out: list[Quantity] = []
    claims: list[Claim] = [c for c in report.claims if c.voice == "outlet" and c.segment in _BODY]
    ids = {qid for c in claims for qid in c.quantities}
    ref = q.value if q.value is not None else q.low
    for other in report.quantities:
        if other.id not in ids or other is q or not comparable(q, other):
            continue
        val = other.value if other.value is not None else other.low
        if ref and val is not None and abs(val - ref) <= _NEAR * abs(ref):
            out.append(other)
    return out


def _concession(h: _Headline) -> tuple[str, list[Span], list[str]] | None:
    report = h.report
    verb = h.verb
    assert verb is not None and h.source
    said = _said_by(report, h.source)
    what = h.quoted
    if not said:
        return (
            f"The headline ‘{what}’ presents its claim as {h.source}'s own word, but the body "
            f"reports no statement by {h.source} or anyone speaking for it.",
            [h.claim_span],
            [h.att.id] if h.att else [],
        )
    lead = _lead(h, said)
    if speaks(report, lead):
        return None  # a spokesman, a statement, an intermediary: the source did say it
    lead_figs = _figures(report, lead)
    if not lead_figs:
        return None
    fig = lead_figs[0]
    traced = [a for a in said if a is not lead and speaks(report, a)]
    lo, hi = plausible(fig)
    if any(comparable(fig, b) and _meets(lo, hi, b) for a in traced for b in _figures(report, a)):
        return None
    other = [(a, b) for a in traced for b in _figures(report, a) if comparable(fig, b)]
    echoes = _outlet_echoes(report, fig)
    if not other and not echoes:
        return None
    msg = (
        f"The headline ‘{what}’ presents its claim as {h.source}'s own word, but the body gives "
        f"it only as a statement by {lower_article(lead.source.text or h.source)} as a whole, "
        f"with no spokesperson, statement or channel named: “{fig.text}”."
    )
    if other:
        by_att: dict[str, list[str]] = {}
        for a, b in other:
            by_att.setdefault(_who(a), []).append(f"“{b.text}”")
        shown = "; ".join(" and ".join(figs) + f" ({who})" for who, figs in by_att.items())
        msg += (
            f" What {h.source} is reported to have said through a named channel is different: "
            f"{shown}."
        )
    if echoes:
        near = _fmt(fig.value if fig.value is not None else fig.low)
        shown = ", ".join(f"“{e.text}”" for e in echoes)
        msg += f" Figures near {near} appear otherwise only in the page's own voice ({shown})."
    evidence = [h.claim_span, Span(fig.start, fig.end, fig.text)]
    evidence += [Span(b.start, b.end, b.text) for _, b in other]
    evidence += [Span(e.start, e.end, e.text) for e in echoes]
    refs = ([h.att.id] if h.att else []) + [lead.id] + [a.id for a, _ in other]
    refs += [fig.id] + [b.id for _, b in other] + [e.id for e in echoes]
    return msg, evidence, refs


def _criticism(h: _Headline) -> tuple[str, list[Span], list[str]] | None:
    assert h.verb is not None
    if not h.source or _said_by(h.report, h.source):
        return None
    return (
        f"The headline ‘{h.quoted}’ reports an attack in words by {h.source}, but the body "
        f"quotes or reports nothing {h.source} said.",
        [h.claim_span],
        [h.att.id] if h.att else [],
    )


def _omission(
    h: _Headline, doc: Doc, index: TokenIndex
) -> tuple[str, list[Span], list[str], Severity] | None:
    report = h.report
    assert h.verb is not None
    lemmas = frozenset(cues()["raw"]["omission_evidence"]["lemmas"])
    attributed = [c for c in report.claims if c.voice == "attributed" and c.segment in _BODY]
    found_outlet: list[Claim] = []
    for c in report.claims:
        if c.segment not in _BODY:
            continue
        if any(doc[i].lemma_.lower() in lemmas for i in index.within(c.start, c.end)):
            if c in attributed:
                return None
            found_outlet.append(c)
    verb = h.verb.text.lower()
    if found_outlet:
        c = found_outlet[0]
        return (
            f"The headline's “{verb}” rests only on the page's own characterisation; no one in "
            "the body is reported saying so.",
            [h.claim_span, Span(c.start, c.end, c.text)],
            [c.id],
            "info",
        )
    return (
        f"The headline says something was {verb}, but nothing in the body reports a refusal, "
        "silence or failure to act.",
        [h.claim_span],
        [],
        "warning",
    )


def _figure_support(h: _Headline) -> Iterator[tuple[str, list[Span], list[str]]]:
    report = h.report
    body = [q for q in report.quantities if q.segment in _BODY]
    for q in h.figures:
        if q.category == "duration":
            continue
        if q.category == "other":
            # "Kills 500": the headline's verb, not a noun, says what is counted, so any
            # body count may be the one it summarises
            same = [b for b in body if b.category not in ("duration", "distance", "other")]
        else:
            same = [b for b in body if comparable(q, b)]
        lo, hi = plausible(q)
        if q.approx == "vague":  # "Thousands March": any figure from the low bound up fits
            hi = math.inf
        if any(_meets(lo, hi, b) for b in same):
            continue
        if same:
            shown = ", ".join(f"“{b.text}”" for b in same[:4])
            yield (
                f"The headline gives “{q.text}”, but no figure in the body fits it: the body "
                f"gives {shown}.",
                [Span(q.start, q.end, q.text), *(Span(b.start, b.end, b.text) for b in same[:4])],
                [q.id, *(b.id for b in same[:4])],
            )
        else:
            yield (
                f"The headline gives “{q.text}”, but the body gives no figure of that kind.",
                [Span(q.start, q.end, q.text)],
                [q.id],
            )


def _meets(lo: float, hi: float, b: Quantity) -> bool:
    blo, bhi = plausible(b)
    return not (hi < blo or bhi < lo)


def _body_text(report: Report) -> str:
    return "\n\n".join(s.text for s in report.segments if s.kind in _BODY)


@register(
    CHECK,
    summary=(
        "a headline the body does not support, contradicts, or only reports as someone's claim "
        "(structure plus the FNC-1 stance model)"
    ),
    severities=("warning", "problem"),
)
def check(report: Report, doc: Doc, ctx: Context = DEFAULT_CONTEXT) -> Iterator[Finding]:
    """Compare the headline's verb, source, quotation and figures with the body."""
    seg = next((s for s in report.segments if s.kind == "headline"), None)
    if seg is None or not any(s.kind in _BODY for s in report.segments):
        return
    if not headline_shaped(seg.text):
        return
    index = TokenIndex(doc)
    h = _Headline(report, doc, seg, index)
    found: list[tuple[str, list[Span], list[str], Severity]] = []
    if h.cls == "concession" and h.source:
        r = _concession(h)
        if r:
            found.append((*r, "warning"))
    elif h.cls == "criticism":
        r = _criticism(h)
        if r:
            found.append((*r, "warning"))
    elif h.cls == "omission":
        o = _omission(h, doc, index)
        if o:
            found.append(o)
    elif h.cls == "change" and not h.figures and not any(
        q.segment in _BODY and q.category in _MEASURES for q in report.quantities
    ):
        assert h.verb is not None
        found.append((
            f"The headline says “{h.verb.text}”, a change of size, but the body gives no figure "
            "to measure it.",
            [h.claim_span], [], "warning",
        ))
    for r3 in _figure_support(h):
        found.append((*r3, "warning"))

    cfg = ctx.settings.headline_unsupported
    probs = _stance(ctx.models, seg.text, _body_text(report))
    against = probs.get("disagree", 0.0) if probs else 0.0
    for msg, evidence, refs, severity in found:
        if probs and severity == "warning" and against >= cfg.stance_confirm:
            severity = "problem"
            msg += (
                " The stance model also reads the body as contradicting the headline "
                f"(p={against:.2f})."
            )
        yield Finding(id="", check=CHECK, severity=severity, message=msg,
                      evidence=tuple(evidence), refs=tuple(dict.fromkeys(refs)))
    if probs and not found:
        label, p = max(
            ((k, probs.get(k, 0.0)) for k in ("disagree", "unrelated")), key=lambda kv: kv[1]
        )
        limit = cfg.stance_disagree_alone if label == "disagree" else cfg.stance_unrelated_alone
        if p >= limit:
            what = "contradicts" if label == "disagree" else "does not discuss what"
            yield Finding(
                id="", check=CHECK, severity="warning",
                message=(
                    f"The stance model reads the body as one that {what} the headline says "
                    f"(p={p:.2f}); an editor should check that the headline reflects the story."
                ),
                evidence=(Span(seg.start, seg.end, seg.text),),
            )
