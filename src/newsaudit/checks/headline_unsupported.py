"""headline_unsupported: the headline says more than, or other than, the body supports.

The headline is read for what a reader takes from it (:mod:`._headline`: its claim
without the site's name, whether it already credits or hedges that claim, its quotations)
and compared with the body:

- a verb that puts words in a source's mouth (:mod:`._headline_verb`): a *concession*
  ("Iran Admits …") needs that source's own statement in the body, and the body's accounts
  of it must agree; a *criticism* ("Union Slams …") needs the critic's words; an
  *omission* ("Council Ignored …") needs the body to say so; a *change* ("Slashes") needs
  a figure;
- a headline figure needs a body figure of the same kind whose bounds it fits, or body
  parts of that kind that add up to it (a count up to a dozen excepted: bodies name or
  list those);
- words the headline puts in quotation marks need someone in the body saying them;
- a headline that states its claim as fact needs the body to say it as fact somewhere:
  when every body sentence that carries the claim (:mod:`._carriers`) hedges it, or gives
  its figure only on one party's word, the headline overstates the body.

When the headline-body stance model (:mod:`newsaudit.models.stance`) loads, it raises a
structural finding to ``problem`` when it reads the body as disagreeing, and alone flags
a body that disagrees only where a body sentence refutes the headline's words, or that
is unrelated only where no body sentence carries the headline at all; that last is
``info``: judged on dev it was never worth an editor's time (0 true of 4: a body that
tells the story in other words, a headline that names its own source). Every message is a
template of :mod:`._headline_messages`.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from itertools import combinations
from typing import TYPE_CHECKING

from newsaudit.checks import _headline_messages as say
from newsaudit.checks import register
from newsaudit.checks._carriers import (
    BODY,
    LOOSE_SHARE,
    Carrier,
    body_ranges,
    carriers,
    meets,
    predicates,
    trimmed,
    unverified,
)
from newsaudit.checks._disputed import cause_left_open, denial_near
from newsaudit.checks._headline import (
    Headline,
    content_stems,
    headline_shaped,
    lexicon,
    read_headline,
    stem,
)
from newsaudit.checks._headline_verb import HeadlineVerb, inflections
from newsaudit.checks._sources import (
    SPOKEN_KINDS,
    TokenIndex,
    cues,
    lower_article,
    names_a_work,
    same_source,
    speaks,
    subtitled_work,
)
from newsaudit.checks._vague import names_source
from newsaudit.context import DEFAULT_CONTEXT, Context, Models
from newsaudit.datafiles import load_json
from newsaudit.errors import ModelError
from newsaudit.figures.compare import comparable, plausible
from newsaudit.model import Attribution, Claim, Finding, Quantity, Report, Severity, Span
from newsaudit.quantities.numbers import could_start, read_number
from newsaudit.quantities.numbers import lexicon as number_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["CHECK", "KINDS", "check", "headline_shaped"]

CHECK = "headline_unsupported"
#: Outlet-voice figures within this share of a disputed figure are "the same number".
_NEAR = 0.1
#: Categories of figure that can measure a change ("slashes", "soars").
_MEASURES = frozenset({"money", "percent", "count", "people"})
#: Body parts tried when looking for a sum equal to a headline figure: 2^8 subsets at most.
_MAX_PARTS = 8
#: Words a headline quotation must have before its absence from the body is worth a
#: warning: one or two quoted words are a label or a term, which scare_quotes reads.
_MIN_QUOTE_WORDS = 4
#: Share of a headline quotation's content words a body sentence must repeat to be the
#: passage it condenses (a headline drops and shortens words: "ops" for "operations"),
#: and the share from which that sentence is shown as the nearest the body comes.
_SAID_SHARE = 0.6
#: A headline rounds a body figure by up to this share ("40 students" for 43).
_ROUNDING = 0.15
#: A body repeating this many of the headline's content words anywhere is about it.
_TOPIC_WORDS = 2
#: A dateline stuck to a source's name ("2014 Activists", "May 2 2016 Activists"): at
#: most one word, then numbers, before the name.
_LEADING_DATE = re.compile(r"^(?:\w+\s+)?(?:\d+\s+)+(?=[A-Za-z])")
_NEAREST_SHARE = 0.34
#: A headline count up to a dozen ("Three Ways to ...", "2 Civilians Killed", "three
#: Caribbean islands") is one a body gives by naming or listing its members ("a woman
#: and a child", "Bonaire, St Eustatius and Saba", eleven subheads) as often as by a
#: number, so no body figure for it says nothing (nor, for things rather than tolls, a
#: body figure of another size: "11 things" against "three conversations"); judges of
#: the dev pages found every such finding false. Larger counts are stated as numbers,
#: and a small toll the body gives otherwise ("Blast kills 5" over "killed 50") stays.
_LISTED = 12
_inflections = inflections  # the verb forms, for tests and callers of the old name

_Found = tuple[str, list[Span], list[str], Severity]
#: Figures that count a toll: what an overstated headline most often states as fact.
_TOLLS = frozenset({"killed", "wounded"})

#: The kinds of finding (``Finding.kind``): a stable name per way a headline can fail the
#: body, so the severity gate can rule on a precise kind apart from its noisy siblings.
KINDS = ("overstated_toll", "overstated", "figure", "quotation", "verb", "contradicted",
         "unrelated")


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


def _span(q: Quantity) -> Span:
    return Span(q.start, q.end, q.text)


# ------------------------------------------------------------------ the headline's verb


def _body_attributions(report: Report) -> list[Attribution]:
    return [a for a in report.attributions if a.segment in BODY and a.kind in SPOKEN_KINDS]


def _said_by(report: Report, source: str) -> list[Attribution]:
    """Body attributions resting on ``source`` or on its own people ("a navy official")."""
    body = _body_attributions(report)
    direct = [a for a in body if same_source(source, a.source.text, title_case=True)]
    family = list(direct)
    for a in body:
        if a not in family and any(same_source(m.source.text, a.source.text) for m in direct):
            family.append(a)
    family.sort(key=lambda a: a.start)
    return family


def _relayed(report: Report, source: str) -> Attribution | None:
    """A body statement by someone else that names ``source`` in what it reports: the
    source's word reached the page only second-hand."""
    pattern = re.compile(r"(?<!\w)" + re.escape(source) + r"(?!\w)")
    text = report.document.text
    for a in _body_attributions(report):
        if a.content is not None and pattern.search(text, a.content.start, a.content.end):
            return a
    return None


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


def _lead(v: HeadlineVerb, atts: Sequence[Attribution]) -> Attribution:
    """The body attribution that restates the headline: the one sharing most of its words."""
    said = (v.content.text if v.content else v.h.claim.text).lower()
    head = set(said.split())

    def shared(a: Attribution) -> int:
        words = set((a.content.text if a.content else "").lower().split())
        quoted = bool(a.quote) and (a.quote or "").lower()[:4] == said[:4]
        return len(head & words) + (2 if quoted else 0)

    return max(atts, key=lambda a: (shared(a), -a.start))


def _outlet_echoes(report: Report, q: Quantity) -> list[Quantity]:
    """Figures near ``q`` that the page states in its own voice."""
    out: list[Quantity] = []
    claims: list[Claim] = [c for c in report.claims if c.voice == "outlet" and c.segment in BODY]
    ids = {qid for c in claims for qid in c.quantities}
    ref = q.value if q.value is not None else q.low
    for other in report.quantities:
        if other.id not in ids or other is q or not comparable(q, other):
            continue
        val = other.value if other.value is not None else other.low
        if ref and val is not None and abs(val - ref) <= _NEAR * abs(ref):
            out.append(other)
    return out


def _concession(
    v: HeadlineVerb, doc: Doc, index: TokenIndex
) -> tuple[str, list[Span], list[str]] | None:
    report, source = v.report, v.source
    assert source is not None
    head_refs = [v.att.id] if v.att else []
    said = _said_by(report, source)
    if not said:
        relay = _relayed(report, source)
        if relay is not None and relay.content is not None:
            sent = doc[index.at(relay.start)].sent
            sentence = trimmed(report.document.text, min(sent.start_char, relay.start),
                               max(sent.end_char, relay.end))
            who = lower_article(relay.source.text or "someone else")
            return (
                say.second_hand(v.quoted, source, sentence.text, who),
                [v.claim_span, sentence],
                [*head_refs, relay.id],
            )
        return say.no_statement(v.quoted, source), [v.claim_span], head_refs
    lead = _lead(v, said)
    if speaks(report, lead):
        return None  # a spokesman, a statement, an intermediary: the source did say it
    lead_figs = _figures(report, lead)
    if not lead_figs:
        return None
    fig = lead_figs[0]
    traced = [a for a in said if a is not lead and speaks(report, a)]
    lo, hi = plausible(fig)
    if any(comparable(fig, b) and meets(lo, hi, b) for a in traced for b in _figures(report, a)):
        return None
    other = [(a, b) for a in traced for b in _figures(report, a) if comparable(fig, b)]
    echoes = _outlet_echoes(report, fig)
    if not other and not echoes:
        return None
    who = lower_article(lead.source.text or source)
    msg = say.whole_body(v.quoted, source, who, fig.text)
    if other:
        by_att: dict[str, list[str]] = {}
        for a, b in other:
            by_att.setdefault(_who(a), []).append(f"“{b.text}”")
        shown = "; ".join(" and ".join(figs) + f" ({w})" for w, figs in by_att.items())
        msg += say.named_channel(source, shown)
    if echoes:
        near = _fmt(fig.value if fig.value is not None else fig.low)
        msg += say.own_voice_echoes(near, ", ".join(f"“{e.text}”" for e in echoes))
    evidence = [v.claim_span, _span(fig), *(_span(b) for _, b in other), *map(_span, echoes)]
    refs = [*head_refs, lead.id, *(a.id for a, _ in other)]
    refs += [fig.id, *(b.id for _, b in other), *(e.id for e in echoes)]
    return msg, evidence, refs


def _omission(v: HeadlineVerb, doc: Doc, index: TokenIndex) -> _Found | None:
    report = v.report
    assert v.verb is not None
    lemmas = frozenset(cues()["raw"]["omission_evidence"]["lemmas"])
    found_outlet: list[Claim] = []
    for c in report.claims:
        if c.segment not in BODY:
            continue
        if any(doc[i].lemma_.lower() in lemmas for i in index.within(c.start, c.end)):
            if c.voice == "attributed":
                return None
            found_outlet.append(c)
    verb = v.verb.text.lower()
    if found_outlet:
        c = found_outlet[0]
        return (say.omission_own_voice(v.quoted, verb),
                [v.claim_span, Span(c.start, c.end, c.text)], [c.id], "info")
    return say.omission_unsupported(v.quoted, verb), [v.claim_span], [], "warning"


def _described_then_named(v: HeadlineVerb, doc: Doc, index: TokenIndex) -> bool:
    """Whether a headline speaker given by description ("Saudi cleric") is the person the
    body names and reports: the body uses the description's noun ("a prominent cleric
    has issued an edict") and reports a named person's words. Headlines describe whom
    the body names; the body need not repeat the description as a speaker."""
    report = v.report
    start = v.claim_span.start  # the headline from its source on
    words = [doc[i] for i in index.within(start, start + len(v.source or ""))]
    if not words or words[-1].pos_ != "NOUN":
        return False  # a name must be matched as a name
    head = words[-1].lemma_.lower()
    in_body = body_ranges(report)
    if not any(t.lemma_.lower() == head and in_body.holds(t.idx) and t.i > words[-1].i
               for t in doc):
        return False
    return any(names_source(doc, index, a) for a in _body_attributions(report))


def _verb_findings(v: HeadlineVerb, doc: Doc, index: TokenIndex) -> list[_Found]:
    report = v.report
    if v.verb is None:
        return []
    if v.h.disputed is not None and any(q.start <= v.verb.idx < q.end for q in v.h.quotes):
        return []  # "'Nasa Confirms …' Fake News Story": the headline quotes a claim it disputes
    if v.cls == "concession" and v.source:
        r = _concession(v, doc, index)
        return [(*r, "warning")] if r else []
    if v.cls == "criticism" and v.source and not _said_by(report, v.source) \
            and not _described_then_named(v, doc, index):
        return [(say.criticism(v.quoted, v.source), [v.claim_span],
                 [v.att.id] if v.att else [], "warning")]
    if v.cls == "omission":
        o = _omission(v, doc, index)
        return [o] if o else []
    if v.cls == "change" and not v.figures and not _removes_items(v.verb) and not any(
        q.segment in BODY and q.category in _MEASURES for q in report.quantities
    ):
        return [(say.change_unmeasured(v.quoted, v.verb.text), [v.claim_span], [], "warning")]
    return []


def _asserts(doc: Doc, h: Headline) -> bool:
    """Whether the headline can say something happened, rather than name an essay: a
    label, a colon, then a noun phrase opened by an article ("Liberalitis: The Reckless
    Spending and Despotic Disease In Washington", a column's name) makes no claim a body
    could fail to discuss. Read off the words: title case misleads the tagger, which
    takes "Mayor Resigns" for two names."""
    toks = [doc[i] for i in h.tokens if not doc[i].is_space]
    colon = next((k for k, t in enumerate(toks) if t.text == ":"), None)
    if colon is None or not 0 < colon <= 3 or colon + 1 >= len(toks):
        return True
    return toks[colon + 1].lower_ not in ("the", "a", "an")


def _removes_items(verb: Token | None) -> bool:
    """Whether a change verb takes things in the plural for object ("Apple cut watch health
    features", "Studio cuts two scenes") or is followed by what it was removed from ("cut
    off", "cut from the watch"): it says what was dropped, not by how much something
    shrank, so no figure is wanting; "cuts library budget", "fares soar" do measure a
    change."""
    if verb is None:
        return False
    nxt = [t.lower_ for t in verb.doc[verb.i + 1 : verb.i + 3]]
    if nxt[:1] in (["off"], ["from"], ["out"]) or nxt[:2] in (["-", "off"], ["-", "out"]):
        return True  # "cut off", "were cut from the Apple Watch": something removed
    # the object's head is the last noun before a preposition or the end, read off the
    # words rather than the parse, which takes "cut watch health features" for "cut
    # (to) watch health features"
    last = None
    for t in verb.doc[verb.i + 1 :]:
        if t.tag_ in ("IN", "TO", "CC", "WDT") or t.is_punct or t.is_space:
            break
        if t.tag_.startswith("NN"):
            last = t
    return last is not None and last.tag_ in ("NNS", "NNPS")


# ------------------------------------------------------------------ the headline's figures


def _adds_up(q: Quantity, parts: Sequence[Quantity]) -> bool:
    """Whether two or more exact body figures of ``q``'s kind sum to it ("9 … and 4 …"
    under "13 Killed")."""
    if q.value is None:
        return False
    exact = [b.value for b in parts if b.value is not None and b.approx == "exact"]
    exact = exact[:_MAX_PARTS]
    lo, hi = plausible(q)
    return any(
        lo <= sum(c) <= hi
        for n in range(2, len(exact) + 1)
        for c in combinations(exact, n)
    )


def _same_kind(q: Quantity, body: Sequence[Quantity]) -> list[Quantity]:
    if q.category == "other":
        # "Kills 500": the headline's verb, not a noun, says what is counted
        return [b for b in body if b.category not in ("duration", "distance", "other")]
    if q.approx == "vague":
        # "Thousands of academics": any head count of people bears on it
        return [b for b in body if comparable(q, b)
                or b.category in ("people", "count", "personnel")]
    return [b for b in body if comparable(q, b)]


def _listable(q: Quantity) -> bool:
    """A count of a handful (:data:`_LISTED`): what a body may give by naming its members."""
    return q.value is not None and q.approx != "vague" and 0 <= q.value <= _LISTED


def _body_numbers(report: Report, doc: Doc, index: TokenIndex) -> list[float]:
    """Every number the body writes, in digits or words, whatever it counts: the figure
    reader leaves out ages ("died at the age of 57"), measures that modify a noun
    ("18-karat gold") and what it cannot tie to a count ("twenty-eight heads of the
    group were killed"), yet a headline giving that number is not unsupported."""
    words = [t.lower_ for t in doc]
    nl = number_lexicon()
    out: list[float] = []
    for seg in report.segments:
        if seg.kind not in BODY:
            continue
        span = index.within(seg.start, seg.end)
        i = span.start
        years: list[int] = []
        while i < span.stop:
            m = read_number(words, i, nl) if could_start(words, i, nl) else None
            if m is None or m.value is None:
                i += 1
                continue
            beside = {words[j] for j in (i - 1, m.end) if 0 <= j < len(words)}
            if nl.is_year(m.value):
                years.append(int(m.value))
            elif not beside & nl.months:  # "13 March"
                out.append(float(m.value))
            i = max(m.end, i + 1)
        # the years themselves: "1901 Boston time capsule yields …" over "buried in 1901"
        # (a day of the month stays out: "Storm kills 13" is not "13 March")
        out.extend(float(y) for y in years)
        out.extend(_spans_of_years(years))
    return out


def _spans_of_years(years: Sequence[int]) -> list[float]:
    """The spans between consecutive years of a paragraph, and one less: "(August 5, 1957
    – November 11, 2014)" gives an age of 56 or 57, as a headline's "dies at 57" says."""
    out: list[float] = []
    for a, b in itertools.pairwise(years):
        if 0 < b - a <= 120:
            out.extend((float(b - a), float(b - a - 1)))
    return out


#: How far a headline's round figure may stand from the body's exact one it rounds
#: ("$5,000" for "$4,999", "1,000 jobs" for "996").
_ROUND_NEAR = 0.01
#: From this size a headline says a figure to one or two digits ("2 million", "$9 billion"),
#: within this share of the body's figure ("$9 billion" for $8.8 billion, not "2 million"
#: for 2.4 million).
_LARGE = 1_000_000
_SAID_NEAR = 0.05


def _round(q: Quantity) -> bool:
    """Whether ``q`` is an exact round number: two trailing zeros or more."""
    v = q.value
    return v is not None and q.approx == "exact" and v >= 100 and not v % 100


def _significant(v: float, digits: int) -> float:
    """``v`` rounded to ``digits`` significant digits."""
    if v <= 0:
        return v
    return round(v, digits - 1 - math.floor(math.log10(v)))


def _digits(v: float) -> int:
    """How many significant digits a round figure is given to: 9e9 has one, 2.5e6 two."""
    for digits in range(1, 16):
        if math.isclose(_significant(v, digits), v, rel_tol=1e-9):
            return digits
    return 16


def _rounded(q: Quantity, same: Sequence[Quantity]) -> bool:
    """Whether the headline's figure and one of the body's of its kind are the same
    number, one of them rounded: "$5,000" over "$4,999", or "$499" over "$500"; or, for a
    sum of money or a figure in millions, the body's figure said to the headline's one or
    two digits ("$9 billion" for "$8.8 billion", "2 million" for "1.96 million"), as
    headlines say large figures. A toll is a count: "Kills 50" over 47 killed is not a rounding."""
    v = q.value
    if v is None:
        return False
    large = q.category == "money" or v >= _LARGE
    return any(
        b.value is not None and (
            ((_round(q) or _round(b)) and abs(b.value - v) <= _ROUND_NEAR * max(v, b.value))
            or (large and _digits(v) <= 2 and abs(b.value - v) <= _SAID_NEAR * v
                and math.isclose(_significant(b.value, _digits(v)), v, rel_tol=1e-9))
        )
        for b in same
    )


def _other_currency(q: Quantity, body: Sequence[Quantity]) -> bool:
    """Whether the body gives sums in a currency other than the headline's ("$800
    Million" over "a £500m deal", or over "£1.5 million … $2 million"): the headline may
    be one of them converted, and without the exchange rate the page used the two cannot
    be compared, so the headline is not shown wrong."""
    if q.category != "money" or q.unit is None:
        return False
    units = {b.unit for b in body if b.category == "money" and b.unit is not None}
    return bool(units - {q.unit})


def _measure(q: Quantity) -> bool:
    """A weight, area, volume or speed in its unit ("19-stone", "40 tonnes"): a body may
    give it in another unit ("266 pounds", "40,000 kg"), so, as for distances and
    durations, a body without the same number does not leave it unsupported."""
    return q.category == "other" and q.unit is not None


def _figure_support(report: Report, doc: Doc, index: TokenIndex,
                    figures: Sequence[Quantity]) -> Iterator[_Found]:
    body = [q for q in report.quantities if q.segment in BODY]
    written: list[float] | None = None
    for q in figures:
        if q.category in ("duration", "distance") or _measure(q):
            continue
        same = _same_kind(q, body)
        if _listable(q) and (not same or q.category in ("count", "other")):
            continue  # a handful the body may name or list rather than count
        lo, hi = plausible(q)
        if q.approx == "vague":  # "Thousands March": any figure from the low bound up fits
            hi = math.inf
        if any(meets(lo, hi, b) for b in same) or _adds_up(q, same):
            continue
        if _rounded(q, same) or _other_currency(q, body):
            continue
        if written is None:
            written = _body_numbers(report, doc, index)
        if q.approx != "vague" and any(lo <= x <= hi for x in written):
            continue  # the body writes the number, in a form not read as a count of it
        if same:
            shown = same[:4]
            yield (say.figure_unfit(q.text, [b.text for b in shown]),
                   [_span(q), *map(_span, shown)], [q.id, *(b.id for b in shown)], "warning")
        elif not _known_group(report, doc, index, q):
            yield say.figure_absent(q.text), [_span(q)], [q.id], "warning"


#: Words that take a group as already known to the reader ("the missing students").
_KNOWN = frozenset({"the", "these", "those"})


def _known_group(report: Report, doc: Doc, index: TokenIndex, q: Quantity) -> bool:
    """Whether the body, giving no figure of the kind, names what the headline's figure
    counts as a group the reader already knows ("The bodies found in a mass grave were
    not the missing students" under "Missing students not among 28 bodies", "43 missing
    students"): the figure identifies the group, as a name would, and the body is not
    silent on a claim of the headline's. A body that names the group without an article
    ("an attack on soldiers" under "ISIS kills 300 soldiers") leaves the figure to the
    headline alone."""
    if q.category not in ("people", "killed", "wounded", "count") or not q.counted:
        return False
    want = stem(q.counted.split()[-1])
    for seg in report.segments:
        if seg.kind not in BODY:
            continue
        for i in index.within(seg.start, seg.end):
            t = doc[i]
            if (t.pos_ in ("NOUN", "PROPN") and stem(t.text) == want
                    and any(c.dep_ == "det" and c.lower_ in _KNOWN for c in t.children)
                    and not any(c.dep_ == "nummod" for c in t.children)):
                return True
    return False


# ------------------------------------------------------------------ quotations and overstatement


def _fold(s: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", s.lower().replace("’", "'")).split())


def _quotes_absent(report: Report, doc: Doc, index: TokenIndex, h: Headline) -> Iterator[_Found]:
    """Headline quotations of several words that no body sentence gives, verbatim or
    nearly: a sentence repeating most of the quotation's content words ("We have urban
    Ebola" under "We Now Have Urban Ebola") is the passage it condenses."""
    if h.disputed is not None:
        return  # "Banksy 'Arrested & Real Identity Revealed' Is A Hoax": the marks hold
        # the claim the headline calls false, words no one need be reported saying
    text = report.document.text
    bodies = [s for s in report.segments if s.kind in BODY]
    body = _fold(" ".join(s.text for s in bodies))
    for q in h.quotes:
        if len(q.text.split()) < _MIN_QUOTE_WORDS or _fold(q.text) in body:
            continue
        if names_a_work(doc, q.start, index) or subtitled_work(doc, index.within(q.start, q.end)):
            continue  # "… concerning “Wait, It's all a mistranslation!”": a title
        want = content_stems(doc[i] for i in index.within(q.start, q.end))
        if not want or _claim_reported(report, doc, index, q):
            continue
        best: tuple[float, Span] | None = None
        in_body = body_ranges(report)
        for sent in doc.sents:
            s, e = sent.start_char, sent.end_char
            if not in_body.holds(s):
                continue
            share = len(content_stems(doc[i] for i in index.within(s, e)) & want) / len(want)
            if best is None or share > best[0]:
                best = (share, trimmed(text, s, e))
        if best is not None and best[0] >= _SAID_SHARE:
            continue
        nearest = best[1] if best is not None and best[0] >= _NEAREST_SHARE else None
        msg = say.quote_absent(q.text, nearest.text if nearest else None)
        yield msg, [q, *([nearest] if nearest else [])], [], "warning"


#: Verb forms a quoted predicate opens with: "'captured by ISIS in Syria'", "'to release
#: abducted schoolgirls'", "'recovering from ankle surgery'".
_PREDICATE_TAGS = frozenset({"VBN", "VBG", "VB", "VBD", "VBZ", "VBP"})


def _claim_reported(report: Report, doc: Doc, index: TokenIndex, q: Span) -> bool:
    """Whether a headline quotation is a claim in the British style, set in quotation
    marks to say it is someone's and not the paper's ("Canadian woman 'captured by ISIS in
    Syria'"), and the body reports that claim on someone's word ("Online reports ... claim
    Gill Rosenberg was captured by Islamic State group"): the quotation is a predicate with
    no subject of its own, and a statement the body attributes carries its verb. Such
    marks promise the claim, not the words, so the body need not give the words.
    Quotations of an utterance ("'Today The Entire World Is Appalled'") have a subject or
    stand for a speaker's words, and are still held to them."""
    toks = [doc[i] for i in index.within(q.start, q.end) if not doc[i].is_punct]
    if len(toks) < 2:
        return False
    head = toks[1] if toks[0].lower_ == "to" else toks[0]
    if head.tag_ not in _PREDICATE_TAGS or (head.is_title and toks[-1].is_title):
        return False  # a title-cased run ("Feed The Flames Of Fear") is a quoted phrase
    inside = {t.i for t in toks}
    if any(t.dep_ in ("nsubj", "nsubjpass", "expl") and t.i in inside for t in toks):
        return False
    for att in report.attributions:  # any body statement on someone's word: "reports claim"
        span = att.content
        if span is None or att.segment not in BODY:
            continue
        if any(doc[i].pos_ in ("VERB", "AUX") and doc[i].lemma_.lower() == head.lemma_.lower()
               for i in index.within(span.start, span.end)):
            return True
    return False


def _overstatement(report: Report, doc: Doc, index: TokenIndex, h: Headline,
                   found: Sequence[Carrier]) -> tuple[_Found, str] | None:
    """The headline states as fact what every body sentence carrying it hedges, or gives
    its figure only on someone's word; with its kind: ``overstated_toll`` when the
    headline states a toll as fact and the body's carrier gives that toll only hedged or
    on one party's word, else ``overstated``."""
    if not h.states_as_fact or not found:
        return None
    roots = _actions(report, doc, index, h)
    if _scene_only(found, roots):
        # what the headline says happened is told only on someone's word; the page's
        # own sentences that give neither its figure nor that deed set the scene
        # ("Trouble broke out near the police line" under "Police Fired Rubber Bullets
        # …", over "Organisers accused police of firing rubber bullets")
        found = [c for c in found if c.voice != "own" or c.figure is not None]
    if any(c.voice == "own" for c in found):
        # the body tells the story in its own voice; a headline toll it gives only on
        # someone's word or hedged is still overstated ("Army Retakes Town, Kills 50":
        # the town taken in the page's voice, the 50 only on a military source's)
        found = _toll_carriers(report, h, found)
        if not found:
            return None
    doubt = unverified(report, doc, index)
    if any(c.voice != "hedged" and c.figure is not None for c in found):
        # the headline's figure stands in the body on someone's plain word: a hedged
        # figure elsewhere counts something else ("Several civilians were also killed …,
        # according to reports" under "… kills at least nine soldiers")
        found = [c for c in found if c.voice != "hedged" or c.figure is None]
    hedged = [c for c in found if c.voice == "hedged"]
    if hedged and _negated(doc, h.tokens):
        # "No, a bird didn't poop on Putin" over "a video of Putin apparently being
        # pooped on": the body hedges the claim the headline denies
        found = [c for c in found if c.voice != "hedged"
                 or _negated(doc, index.within(c.sentence.start, c.sentence.end))]
        if not found:
            return None
        hedged = [c for c in found if c.voice == "hedged"]
    denial = None
    if hedged:
        c = next((c for c in hedged if c.figure is not None), hedged[0])
        if c.figure is None and _told(report, doc, index, h,
                                      roots if roots & c.shared else frozenset()):
            return None  # the body tells the story in its own words, if not the headline's
        how = {"hedge": c.hedge.text} if c.hedge is not None else {}
        if c.hedge is not None and c.accused:
            how = {"accusation": c.hedge.text}
    else:
        # attributed throughout: an overstatement only when the word is one party's
        # (someone unnamed, or the side whose own strike the figure counts) and carries
        # the headline's figure, or the page says it could not verify it
        if _own_figure(report, h):
            return None  # the page gives a figure of the headline's kind in its own voice
        party = [c for c in found if _one_party(report, h, c)]
        pick = next((c for c in party if c.figure is not None), None)
        if pick is None and doubt is not None and party:
            pick = party[0]
        if pick is None:
            # a named source's account is ordinary reporting, unless another party in
            # the body denies it: the headline then takes one side's word as fact
            denial = None if _negated(doc, h.tokens) else denial_near(report, doc, h, found)
            if denial is None:
                return None
            pick = next((c for c in found if c.figure is not None), found[0])
        c = pick
        assert c.attribution is not None
        name = _LEADING_DATE.sub("", c.attribution.source.text or "") or "someone"
        first = name.split()[0].lower()
        if first in _unnamed_words() or first.rstrip("s") in _unnamed_words():
            name = name[0].lower() + name[1:]  # "Activists in Syria" mid-sentence
        how = {"who": lower_article(name)}
    figure = c.figure.text if c.figure is not None else None
    msg = say.overstates(h.claim.text, c.sentence.text, figure=figure,
                         unverified=doubt.text if doubt is not None else None,
                         denied=denial.text if denial is not None else None, **how)
    evidence = [h.claim, c.hedge or c.sentence]
    if c.figure is not None:
        evidence.append(_span(c.figure))
    if denial is not None:
        evidence.append(denial)
    if doubt is not None:
        evidence.append(doubt)
    refs = [r for r in (c.attribution.id if c.attribution else None,
                        c.figure.id if c.figure else None) if r]
    kind = "overstated_toll" if _toll(report, h, c) else "overstated"
    return (msg, evidence, refs, "warning"), kind


def _actions(report: Report, doc: Doc, index: TokenIndex, h: Headline) -> frozenset[str]:
    """The stems of what the headline says happened: its main verbs, and the headline
    words the body uses as verbs (a title-case headline parses as a run of names:
    "Police Fired Rubber Bullets" has no verb until the body's "firing" shows one)."""
    verbs = {stem(doc[i].text) for b in report.segments if b.kind in BODY
             for i in index.within(b.start, b.end) if doc[i].pos_ == "VERB"}
    return predicates(doc, h.tokens) | (h.stems & verbs)


def _cause_open(report: Report, doc: Doc, index: TokenIndex, h: Headline,
                found: Sequence[Carrier]) -> tuple[_Found, str] | None:
    """The headline gives a cause as fact ("Contaminated reservoir behind outbreak",
    "Drunk skipper sparked blaze") and the body says the cause is open ("The cause has not
    been determined", "Police are investigating whether alcohol played a part", "It is too
    early to say"), with no sentence of its own that names the cause as the headline
    does."""
    if not h.states_as_fact:
        return None
    lex = lexicon()
    causal = lex["causal"]
    heads = [doc[i] for i in h.tokens]
    if not any(stem(t.text) in causal for t in heads):
        return None
    if any(c.voice == "own" and any(stem(doc[i].text) in causal
                                    for i in index.within(c.sentence.start, c.sentence.end))
           for c in found):
        return None  # the page names the cause itself
    span = cause_left_open(report, doc)
    if span is None:
        return None
    return (say.cause_open(h.claim.text, span.text), [h.claim, span], [], "warning"), "overstated"


def _scene_only(found: Sequence[Carrier], roots: frozenset[str]) -> bool:
    """Whether the headline's deed (``roots``) is carried only by sentences on someone's
    word or hedged, and the page's own carriers give neither it nor a figure."""
    return (bool(roots)
            and any(c.voice != "own" and roots & c.shared for c in found)
            and not any(c.voice == "own" and (c.figure is not None or roots & c.shared)
                        for c in found))


def _told(report: Report, doc: Doc, index: TokenIndex, h: Headline,
          roots: frozenset[str]) -> bool:
    """Whether the body tells the headline's story in its own voice, if not in its
    words: a sentence of its own repeating a third of the headline's content words and
    what it says happened (``roots``: "A gunman opened fire …, killing a soldier" under
    "Soldier, Gunman Killed In Shooting"). Without that the sentence sets the scene
    ("Trouble broke out near the police line") but does not say what the headline says
    happened."""
    return any(k.voice == "own" and (not roots or roots & k.shared)
               for k in carriers(report, doc, index, h, LOOSE_SHARE))


def _negated(doc: Doc, ids: Iterable[int]) -> bool:
    """Whether the main clause among tokens ``ids`` is negated ("… didn't poop on …",
    "No, …"): a "not" or "never" on a sentence root, or an opening "No"."""
    toks = [doc[i] for i in ids]
    if not toks:
        return False
    if toks[0].lower_ == "no" and toks[0].dep_ == "intj":
        return True
    return any(t.dep_ == "neg" and t.head.dep_ == "ROOT" for t in toks)


def _toll_carriers(report: Report, h: Headline, found: Sequence[Carrier]) -> list[Carrier]:
    """The carriers that give the headline's toll, when none of them is in the page's own
    voice (else none): what the headline's toll rests on."""
    heads = [q for q in report.quantities if h.claim.start <= q.start < h.claim.end]
    if not any(q.category in _TOLLS for q in heads):
        return []
    tolls = [c for c in found if c.figure is not None and c.figure.category in _TOLLS]
    if not all(c.voice == "hedged" or _unnamed(c) for c in tolls):
        return []  # the page's own toll, or a named source's: ordinary reporting
    return tolls


def _toll(report: Report, h: Headline, c: Carrier) -> bool:
    """Whether the overstatement is of a toll: the headline states a number killed or
    wounded, and the body sentence that carries it gives a toll too."""
    heads = [q for q in report.quantities if h.claim.start <= q.start < h.claim.end]
    return (c.figure is not None and c.figure.category in _TOLLS
            and any(q.category in _TOLLS for q in heads))


def _own_figure(report: Report, h: Headline) -> bool:
    """Whether the body states in its own voice a figure counting what a headline figure
    counts, near it ("43 students" under "40 students"): the headline's is the page's own
    rounding, whoever else the body quotes."""
    heads = [q for q in report.quantities if h.claim.start <= q.start < h.claim.end]
    own = {qid for c in report.claims if c.voice == "outlet" and c.segment in BODY
           for qid in c.quantities}
    return any(
        q.category != "other" and _outlet_echoes_within(report, q, own, _ROUNDING)
        for q in heads
    )


def _outlet_echoes_within(report: Report, q: Quantity, own: set[str], share: float) -> bool:
    ref = q.value if q.value is not None else q.low
    if not ref:
        return False
    for b in report.quantities:
        if b.id not in own or b.segment not in BODY or not comparable(q, b):
            continue
        val = b.value if b.value is not None else b.low
        if val is not None and abs(val - ref) <= share * abs(ref):
            return True
    return False


def _unnamed_words() -> frozenset[str]:
    """Nouns that name a source by what it is, not who: "activists", "sources", "media"."""
    lex = lexicon()
    return frozenset(lex["people"] | lex["outlet_nouns"])


def _one_party(report: Report, h: Headline, c: Carrier) -> bool:
    """Whether a carrier gives the claim on one party's word: someone unnamed
    ("activists", "local sources", "media reports"; an unnamed official only for a toll),
    or, for a toll, the side the headline credits with the strike ("Turkey … Kills 20" on
    the Turkish military's word)."""
    att = c.attribution
    if att is None or att.source.text is None:
        return False
    toll = c.figure is not None and c.figure.category in ("killed", "wounded")
    if not toll and _official(att):
        # officials confirming an event or a count of cases is how news is sourced;
        # an unnamed official is one party's word only for a side's toll
        return False
    if _unnamed(c):
        return True
    if not toll:
        return False
    heads = [q for q in report.quantities if h.claim.start <= q.start < h.claim.end]
    if not heads:
        return False
    text = report.document.text
    actor = text[h.claim.start : heads[0].start].strip()
    return bool(actor) and same_source(actor, att.source.text, title_case=True)


_NOT_OFFICIAL = frozenset({"source", "insider", "aide"})


def _official(att: Attribution) -> bool:
    """An unnamed official ("government officials", "a health ministry spokesman"), not
    a source of unknown standing ("local sources", "an insider")."""
    if att.source.type != "official_anonymous" or not att.source.text:
        return False
    heads = load_json("attribution.json")["anonymous_officials"]["lemmas"]
    last = att.source.text.split()[-1].lower().rstrip(".,'’")
    return any(last in (w, w + "s") for w in heads if w not in _NOT_OFFICIAL)


def _unnamed(c: Carrier) -> bool:
    """Whether a carrier's source names no one: an anonymous official or source, or
    people, media or reports by what they are ("Activists in Syria", "local sources")."""
    att = c.attribution
    if att is None or att.source.text is None:
        return False
    if att.source.type == "official_anonymous":
        return True
    vague = _unnamed_words()
    words = [w.lower().strip(".,'’") for w in att.source.text.split()]
    # any word, not the last: "Activists in Syria", "local sources in the city"
    return att.source.type != "person" and any(w in vague or w.rstrip("s") in vague
                                               for w in words)


def _refuting(report: Report, doc: Doc, index: TokenIndex, h: Headline) -> Span | None:
    """A body sentence that calls the headline's matter false ("a hoax", "denied")."""
    refuting = lexicon()["refuting"]
    in_body = body_ranges(report)
    for sent in doc.sents:
        s, e = sent.start_char, sent.end_char
        if not in_body.holds(s):
            continue
        ids = index.within(s, e)
        if any(doc[i].lower_ in refuting for i in ids) and (
            content_stems(doc[i] for i in ids) & h.stems
        ):
            return trimmed(report.document.text, s, e)
    return None


def _body_text(report: Report) -> str:
    return "\n\n".join(s.text for s in report.segments if s.kind in BODY)


@register(
    CHECK,
    summary=(
        "a headline the body does not support, contradicts, or only hedges or gives on one "
        "party's word; a headline figure no body figure or sum of parts fits; a headline "
        "quotation no one in the body says (structure plus the FNC-1 stance model)"
    ),
    severities=("info", "warning", "problem"),
)
def check(report: Report, doc: Doc, ctx: Context = DEFAULT_CONTEXT) -> Iterator[Finding]:
    """Compare the headline's verb, figures, quotations and claim with the body."""
    seg = next((s for s in report.segments if s.kind == "headline"), None)
    bodies = [s for s in report.segments if s.kind in BODY]
    if seg is None or not bodies:
        return
    index = TokenIndex(doc)
    body_stems = content_stems(doc[i] for b in bodies for i in index.within(b.start, b.end))
    h = read_headline(report, doc, index, seg, body_stems)
    if h is None:
        return
    v = HeadlineVerb(report, doc, h, index)
    found = [(f, "verb") for f in _verb_findings(v, doc, index)]
    found += [(f, "figure") for f in _figure_support(report, doc, index, v.figures)]
    found += [(f, "quotation") for f in _quotes_absent(report, doc, index, h)]
    carried = carriers(report, doc, index, h)
    if not found:
        over = _overstatement(report, doc, index, h, carried) or _cause_open(
            report, doc, index, h, carried)
        if over is not None:
            found.append(over)

    cfg = ctx.settings.headline_unsupported
    probs = _stance(ctx.models, seg.text, _body_text(report))
    against = probs.get("disagree", 0.0) if probs else 0.0
    for (msg, evidence, refs, severity), kind in found:
        if probs and severity == "warning" and against >= cfg.stance_confirm:
            severity = "problem"
            msg += say.stance_confirms(against)
        yield Finding(id="", check=CHECK, severity=severity, message=msg,
                      evidence=tuple(evidence), refs=tuple(dict.fromkeys(refs)), kind=kind)
    if not probs or found:
        return
    if against >= cfg.stance_disagree_alone:
        sentence = _refuting(report, doc, index, h)
        if sentence is not None:
            yield Finding(id="", check=CHECK, severity="warning",
                          message=say.contradicted(h.claim.text, sentence.text, against),
                          evidence=(h.claim, sentence), kind="contradicted")
    elif (
        probs.get("unrelated", 0.0) >= cfg.stance_unrelated_alone
        and len(h.stems & body_stems) < _TOPIC_WORDS
        and _asserts(doc, h)
        and not carriers(report, doc, index, h, LOOSE_SHARE)
    ):
        # the model learnt "unrelated" from bodies paired with another story's headline:
        # a body that names the headline's topic words is that story, whatever it reads
        p = probs["unrelated"]
        yield Finding(id="", check=CHECK, severity="info",
                      message=say.unrelated(h.claim.text, p), evidence=(h.claim,),
                      kind="unrelated")
