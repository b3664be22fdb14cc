"""unsourced_claim: check-worthy statements the page makes on no one's word, or on the
word of no one in particular.

A news page vouches for what it states in its own voice. That is fine for what the
reporter saw or what is common ground ("The march began at noon."), and it is what an
editor must question when the statement is

- *sweeping*: "only the armed forces of X are actually fighting", "the socialists have
  done nothing to reduce the deficit": an absolute that no single observation can
  establish, when the sweep is the claim (:mod:`newsaudit.checks._sweeping` says when it
  is not: names, idioms, counts, hedges, narrated events);
- a *statistic* that is news: the toll of the events reported, or a sum of money in the
  millions. A figure is sourced when an attributed figure on the page says the same, or
  when attributed figures add up to it (9 and 4 from named sources, then "Thirteen
  civilians were killed"). A war's toll in the thousands is background wire copy states
  without attribution; crowd sizes, head counts, prices and shares are the reporter's
  description or common record, and are left alone;
- *vaguely sourced*: it rests on "it was reported", "reportedly", "local sources" or
  "a human rights group", which name no one a reader could check
  (:mod:`newsaudit.checks._vague`): one finding per vague source on the page.

A sentence in the page's own voice next to an attributed one usually shares its source:
the one after it continues the attribution ("…, the department said in a statement.
Nine children have been admitted to hospital."), unless it opens with a marker of the
writer speaking for itself ("Contrary to …", "In total, …"); the one before it is the
lead that the attribution then sources: a sweeping lead by any speaker ("Rights groups
say … . According to …"), a lead's figures when a named source in the next sentence
reports on the same things ("… raised the toll from airstrikes on a market to 61.
According to the Observatory there were three airstrikes on the market."). A toll the
page dates to an earlier year is background (:mod:`newsaudit.checks._dated`). Quoted
words, captions, repeated sentences and the title run into the body after a dateline
are never the page's claims.

Inside an attributed sentence, a relative clause hung on the reported noun phrase is the
writer's own description, not the source's words: "X vowed continued support in the war,
which has been powered primarily by western support for the rebels" puts the war's cause
in the page's voice. Such asides are checked like the page's own sentences.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import combinations
from typing import TYPE_CHECKING, NamedTuple

from newsaudit.attribution.quotemarks import find_quotes
from newsaudit.attribution.sources import lexicon as attribution_lexicon
from newsaudit.attribution.sources import plausible_source
from newsaudit.checks import register
from newsaudit.checks._dated import Dating
from newsaudit.checks._headline import refuting_word
from newsaudit.checks._sources import TokenIndex, cues, normalise, speaks
from newsaudit.checks._sweeping import Sweep, clause_verb, narrated, sweeping_tokens
from newsaudit.checks._vague import Vague, hearsay, hedges, key, names_source, vague_source
from newsaudit.checks._voice import Voice, voice_of
from newsaudit.checks._wording import join_words
from newsaudit.context import DEFAULT_CONTEXT, Context
from newsaudit.figures.compare import comparable, overlaps
from newsaudit.model import (
    Attribution,
    Claim,
    Finding,
    Quantity,
    Report,
    Severity,
    Span,
)
from newsaudit.offsets import Ranges, Sentences, SpanIndex
from newsaudit.quantities.counted import count_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["check", "clause_span", "sweeping_tokens", "writer_aside"]

CHECK = "unsourced_claim"
#: The kinds of finding (``Finding.kind``), so that the severity gate and the evaluation
#: can measure each apart: a statement in the page's own voice that is ``sweeping``,
#: gives a ``figure`` no source gives, or both (``sweeping_figure``); a writer's
#: sweeping ``aside`` on a sourced sentence; a claim resting on ``hearsay`` ("it is
#: said", "reportedly") or on ``unnamed`` sources ("a security source").
KINDS = ("sweeping", "figure", "sweeping_figure", "aside", "hearsay", "unnamed")
_ARTICLE = frozenset({"standfirst", "body"})
#: Attributions whose source a neighbouring sentence of the paragraph may share.
_CARRYING = frozenset({"direct_quote", "reported_speech", "according_to", "quoted_as_saying"})
_EXCERPT = 90
#: Parts of speech that say what a sentence is about (a place or a name alone is shared
#: by every sentence of a story from there).
_TOPIC_POS = frozenset({"NOUN", "VERB"})
#: Attributions that say whose word a sentence is (a quotation with no speaker does not).
_SOURCING = frozenset({*_CARRYING, "passive"})
#: Tolls: the figures of the events reported, which need a source.
_TOLLS = frozenset({"killed", "wounded"})
#: A toll at least this large that is not one incident's is a war's or a campaign's
#: running total, background that wire copy states without attribution ("more than
#: 280,000 people have been killed since 2011"). Calibrated on the dev half of the judged
#: real pages: every own-voice toll of 1,000 or more there was background; the tolls of
#: the reported events were all below it.
_BACKGROUND_TOLL = 1000
#: A sum of money this large is a checkable statistic ("$1.2 billion spending bill");
#: smaller ones are prices and fees, the reporter's description.
_NEWS_MONEY = 1_000_000
#: How many attributed figures may add up to an own-voice total ("9 … 4 … Thirteen").
_MAX_PARTS = 4


@lru_cache(maxsize=1)
def _markers() -> tuple[tuple[str, ...], ...]:
    raw = cues()["raw"]
    return tuple(tuple(m.split()) for m in raw["own_voice_markers"]["phrases"])


def _chars(text: str, doc: Doc, first: int, stop: int) -> Span:
    """The tokens ``first:stop`` as a span of the page's text."""
    last = doc[stop - 1]
    return Span.of(text, doc[first].idx, last.idx + len(last.text))


def excerpt(text: str) -> str:
    """A sentence as a message quotes it: whole, or cut at a word with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= _EXCERPT:
        return text
    cut = text[: _EXCERPT - 1]
    if " " in cut[_EXCERPT // 2 :]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:") + "…"


def writer_aside(doc: Doc, i: int, att: Attribution) -> Token | None:
    """The relative clause holding token ``i`` that the page adds to a reported statement.

    Walking up from the token: a relative clause reached before any reported clause
    (ccomp) on the way to the cue verb is the writer's description of the reported noun
    phrase; a relative clause inside a reported clause is the source's.
    """
    if att.cue_span is None or att.kind not in _CARRYING:
        return None
    cue_lo, cue_hi = att.cue_span.start, att.cue_span.end
    tok = doc[i]
    relcl: Token | None = None
    for _ in range(64):  # parse trees are shallow; the bound guards against cycles
        if cue_lo <= tok.idx < cue_hi:
            return relcl
        if tok.dep_ == "relcl" and relcl is None:
            relcl = tok
        elif tok.dep_ in ("ccomp", "xcomp", "parataxis") and relcl is None:
            return None
        if tok.head is tok:
            return None
        tok = tok.head
    return None


def clause_span(text: str, relcl: Token) -> Span:
    """The relative clause's text, closing a quotation it opens. ``text`` is the Doc's
    text, passed in because ``Doc.text`` rebuilds the string on every access."""
    start = relcl.left_edge.idx
    end = relcl.right_edge.idx + len(relcl.right_edge.text)
    prefix = text[start:end]
    if prefix.count("“") > prefix.count("”"):
        close = text.find("”", end, end + 3)
        if close >= 0:
            end = close + 1
    return Span.of(text, start, end)


# ------------------------------------------------------------------ whose word


def _opens_in_own_voice(doc: Doc, first: int) -> bool:
    low = [doc[j].lower_ for j in range(first, min(first + 4, len(doc)))]
    return any(tuple(low[: len(m)]) == m for m in _markers())


class _Sentences:
    """The page's sentences around a claim: which paragraph-mates are attributed. Cues
    are looked up by offset (:mod:`newsaudit.offsets`), so a long transcript costs no
    more per sentence than a short page."""

    def __init__(self, report: Report, doc: Doc, index: TokenIndex) -> None:
        self.report = report
        self.doc = doc
        self.index = index
        self.sents = Sentences(doc)
        cues = sorted(
            (
                ((a.cue_span or a.content).start, n, a)  # type: ignore[union-attr]
                for n, a in enumerate(report.attributions)
                if a.kind in _CARRYING and a.source.text is not None
                and (a.cue_span or a.content) is not None
            ),
            key=lambda t: (t[0], t[1]),
        )
        self.cue_starts = [c for c, _, _ in cues]
        self.cues = [a for _, _, a in cues]

    def _attributed(self, lo: int, hi: int) -> Attribution | None:
        """The first carrying attribution whose cue starts in ``lo:hi``."""
        k = bisect_left(self.cue_starts, lo)
        return self.cues[k] if k < len(self.cues) and self.cue_starts[k] < hi else None

    def _neighbour(self, claim: Claim, step: int,
                   across: bool = False) -> tuple[int, int] | None:
        """Character bounds of the sentence ``step`` away from the claim's, when it lies
        in the claim's paragraph (``across``: or in the article's next one)."""
        k = self.sents.of_token(self.index.at(claim.start)) + step
        seg = self.report.segment_at(claim.start)
        if seg is None or not 0 <= k < len(self.sents):
            return None
        lo, hi = self.sents.char_starts[k], self.sents.char_ends[k]
        if seg.start <= lo < seg.end:
            return lo, hi
        there = self.report.segment_at(lo) if across else None
        return (lo, hi) if there is not None and there.kind in _ARTICLE else None

    def previous_attributed(self, claim: Claim) -> bool:
        """The sentence before ``claim`` in its paragraph is attributed to someone."""
        if _opens_in_own_voice(self.doc, self.index.at(claim.start)):
            return False
        prev = self._neighbour(claim, -1)
        return prev is not None and self._attributed(*prev) is not None

    def next_attributed(self, report: Report, claim: Claim) -> bool:
        """The sentence after ``claim`` in its paragraph is attributed to a speaker."""
        nxt = self._neighbour(claim, 1)
        att = self._attributed(*nxt) if nxt is not None else None
        return att is not None and speaks(report, att)

    def continued_by_next(self, report: Report, claim: Claim, across: bool = False,
                          named: bool = False, least: int = 1) -> bool:
        """Whether the sentence after ``claim`` in its paragraph gives a source's account
        of what the claim states: it is attributed to a person, a body, an outlet or an
        official (not "they" or "witnesses"), and what it reports is about the same things
        (a noun or verb of the claim comes back in it, not only a place or a name). A
        lead is sourced that way ("… raised the toll from air strikes on a market to 61.
        According to the Observatory there were three air strikes on the market."); a
        figure followed by a source speaking of something else, or one the writer gives
        as its own ("In total, …"), is still the page's own."""
        if _opens_in_own_voice(self.doc, self.index.at(claim.start)):
            return False  # "In total, …": the writer's own sum, whatever follows
        nxt = self._neighbour(claim, 1, across)
        att = self._attributed(*nxt) if nxt is not None else None
        if nxt is None or att is None or att.source.type not in _NAMED_TYPES | {
            "official_anonymous"
        }:
            return False
        if named and not names_source(self.doc, self.index, att):
            return False  # "… according to a human rights group": as vague as a hedge
        return self._shared(claim, nxt, att) >= least

    def _shared(self, claim: Claim, sent: tuple[int, int], att: Attribution) -> int:
        """How many of the claim's nouns and verbs come back in what ``att`` reports in
        the sentence ``sent``: whether the source speaks of what the claim states."""
        said = att.content or Span(sent[0], sent[1], "")
        lo, hi = max(said.start, sent[0]), min(said.end, sent[1])
        return len(self._topics(claim.start, claim.end) & self._topics(lo, hi))

    def lede_sourced_below(self, report: Report, claim: Claim) -> bool:
        """Whether ``claim`` is the article's first sentence and one of the next two names
        its source, speaking of what the lede states (a noun or verb of it comes back):
        the wire lede hedges ("X has reportedly been cast as …") and the attribution
        follows ("… Variety reported the casting"), as news style prescribes. Only the
        lede: further down, a hedged sentence stands on its own."""
        first = next((s for s in report.segments if s.kind == "body"), None)
        if first is None or not first.start <= claim.start < first.end:
            return False
        if report.document.text[first.start : claim.start].strip():
            return False  # not the body's first sentence
        for step in (1, 2):
            nxt = self._neighbour(claim, step, across=True)
            if nxt is None:
                return False
            att = self._attributed(*nxt)
            if att is not None and names_source(self.doc, self.index, att) \
                    and self._shared(claim, nxt, att):
                return True
        return False

    def _topics(self, lo: int, hi: int) -> set[str]:
        """The lemmas of the nouns and verbs in ``lo:hi``: what a sentence is about."""
        return {self.doc[i].lemma_.lower() for i in self.index.within(lo, hi)
                if self.doc[i].pos_ in _TOPIC_POS and not self.doc[i].is_stop}


def _words(doc: Doc, toks: range) -> list[tuple[str, int]]:
    """The tokens ``toks`` as normalised words with their token index (punctuation
    dropped), for comparing sentences word by word."""
    out: list[tuple[str, int]] = []
    for i in toks:
        out.extend((w, i) for w in _token_words(doc[i].text))
    return out


@lru_cache(maxsize=65_536)
def _token_words(token: str) -> tuple[str, ...]:
    """A token's normalised words, kept per word form (a vocabulary, not per page)."""
    return tuple(normalise(token).split())


def repeats_headline(doc: Doc, index: TokenIndex, claim: Claim, headlines: Sequence[str]) -> bool:
    """Whether the sentence is the page's title run into its first line ("Wed Oct 12 2016
    Syrian Army Units Kill over 70 Terrorists in Hama Province."): a headline's words, in
    order, with nothing around them that states anything (no verb: a dateline, a
    "Published", an "UPDATED"). A title is the headline's claim, not a new one of the
    body, and the body's lead says it again in a sentence of its own."""
    targets = [t for t in (head.split() for head in headlines) if len(t) >= 3]
    if not targets:
        return False
    words = _words(doc, index.within(claim.start, claim.end))
    seq = [w for w, _ in words]
    for target in targets:
        n = len(target)
        if n > len(seq):
            continue
        for k in range(len(seq) - n + 1):
            if seq[k : k + n] == target:
                inside = {i for _, i in words[k : k + n]}
                rest = [doc[i] for i in index.within(claim.start, claim.end) if i not in inside]
                if not any(t.pos_ in ("VERB", "AUX") for t in rest):
                    return True
    return False


def _quoted(text: str, quotes: SpanIndex[None], claim: Claim) -> bool:
    """Whether the sentence is someone's quoted words rather than the page's: most of it
    lies inside a quotation, it is one quotation or closes one opened before it ("… The
    Guardian provides none of that.”"), or its paragraph opens with a quotation mark
    that is still open to the sentence's end (a quote running on over several sentences
    or, in the British style, over paragraphs each opening with a mark)."""
    n = claim.end - claim.start
    inside = sum(min(e, claim.end) - max(s, claim.start)
                 for s, e, _ in quotes.overlapping(claim.start, claim.end))
    if n > 0 and inside >= 0.6 * n:
        return True
    if _closes_quotation(claim.text):
        return True
    para = text.rfind("\n", 0, claim.start) + 1
    while para < claim.start and text[para].isspace():
        para += 1
    mark = text[para : para + 1]
    if not mark or mark not in _OPENERS or not text[para + 1 : para + 2].isalpha():
        return False
    # still open at the sentence's end, give or take its closing mark and full stop
    return not _closed_between(text, _CLOSERS[mark], para + 1, max(para + 1, claim.end - 3))


def _in_someones_block(voice: Voice, claim: Claim, att: Attribution | None = None) -> bool:
    """Whether most of the sentence lies in a block of someone else's words the voice
    analysis found (a passage a colon hands over, "The report reads:"; an embedded post;
    a transcript; a quotation running over lines or paragraphs), and, for an attributed
    sentence, its source (or, unnamed, its cue: "was reported") is inside the block too:
    "Sources are reporting that …" in a reprinted hoax is the hoax's sourcing, while "As
    one commentator has argued, “…”" is the page's."""
    if voice.block_share(claim.start, claim.end) < 0.6:
        return False
    if att is None:
        return True
    if att.source.mention is not None:  # "he said": where the speaker is named, not who
        return voice.in_block(att.source.mention.start, att.source.mention.end)
    if att.source.start is not None and att.source.end is not None:
        return voice.in_block(att.source.start, att.source.end)
    return att.cue_span is not None and voice.in_block(att.cue_span.start, att.cue_span.end)


def _closes_quotation(sentence: str) -> bool:
    """Whether the sentence ends a quotation it did not open (it ends with a closing
    double mark and holds no opening one) or is one quotation from end to end (“…”).
    Curly marks only: a straight mark does not say which way it faces."""
    end = sentence.rstrip().rstrip(".")
    if not end.endswith("”"):
        return False
    opened = sentence.count("“")
    return opened == 0 or (opened == 1 and sentence.count("”") == 1 and end.startswith("“"))


_OPENERS = "\"“‘'"
_CLOSERS = {"\"": "\"", "“": "”", "‘": "’", "'": "'"}


def _closed_between(text: str, mark: str, lo: int, hi: int) -> bool:
    """Whether a closing ``mark`` ends a word between ``lo`` and ``hi`` (an apostrophe
    inside a word, "don't", does not close anything)."""
    i = text.find(mark, lo, hi)
    while i >= 0:
        after = text[i + 1 : i + 2]
        if not after.isalpha():
            return True
        i = text.find(mark, i + 1, hi)
    return False


# ------------------------------------------------------------------ figures


def _size(q: Quantity) -> float:
    return max(abs(v) for v in (q.value, q.low, q.high, 0) if v is not None)


def _definite(doc: Doc, index: TokenIndex, q: Quantity) -> bool:
    """A figure after "the" or a possessive: "the two people killed", "their 13 dead"."""
    i = index.at(q.start)
    if doc[i].lower_ == "the" or doc[i].tag_ == "PRP$":
        return True
    return i > 0 and (doc[i - 1].lower_ == "the" or doc[i - 1].tag_ == "PRP$")


def _known_event(doc: Doc, index: TokenIndex, q: Quantity) -> bool:
    """A toll in a relative clause describing an event or a group the page names as known:
    "the mass shooting in Las Vegas that left 59 dead", "the Westgate assault, in which four
    Britons were killed", "the group, Islamic State, which has killed two hostages". Like
    "the two people killed", it identifies the event rather than reporting its toll; the
    toll's source, if any, goes with the event's own report. A clause that dates the toll
    ("… which killed 32 people on Monday") reports it."""
    verb = clause_verb(doc[index.at(q.start)])
    if verb is None or verb.dep_ != "relcl":
        return False
    if any(t.ent_type_ in ("DATE", "TIME") for t in verb.subtree):
        return False  # "the bombing, which killed 32 people on Monday": the news itself
    head = verb.head
    if head.pos_ == "PROPN" or any(c.dep_ == "appos" and c.pos_ == "PROPN"
                                   for c in head.children):
        return True  # "another group, Islamic State, which has killed two hostages": named
    return any(c.dep_ in ("det", "poss") and (c.lower_ == "the" or c.tag_ == "PRP$")
               for c in head.children)


def _given_by_source(doc: Doc, index: TokenIndex, q: Quantity) -> bool:
    """A toll a source gives: "Syrian state media gave a toll of 44 dead", "a monitoring
    group raised the death toll to 61", "the ministry put the toll at 12". The figure's
    clause has a toll as its object and, as its subject, someone who can be a source
    (not "the blast raised the toll"): the sentence says whose figure it is, as a
    reporting verb would."""
    verb = clause_verb(doc[index.at(q.start)])
    if verb is None:
        return False
    tolls = count_lexicon().toll_bare_killed
    if not any(c.dep_ == "dobj" and c.lower_ in tolls for c in verb.children):
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj is not None and plausible_source(doc, subj, attribution_lexicon())


def needs_source(q: Quantity, doc: Doc, index: TokenIndex, dating: Dating) -> Severity | None:
    """How much a figure in the page's own voice needs a source.

    A warning for news: the toll of the events reported, millions of money, and a share
    the page gives as the state of things now ("unemployment has doubled to 24
    percent"), not as history ("in 1979 the gap was 22 percent") or as a description
    ("the city is 40 percent Christian"). Crowds, head counts, counts of things and
    prices are the reporter's description or the common record. A toll the page
    refers back to ("the two people killed in the crash were named") is given, not
    stated: its source, if any, goes with its first mention; so is the toll of an event
    the page dates to an earlier year (:mod:`newsaudit.checks._dated`).
    """
    if q.category in _TOLLS:
        if _definite(doc, index, q) or _known_event(doc, index, q):
            return None
        if _given_by_source(doc, index, q):
            return None
        if dating.earlier_event(doc[index.at(q.start)]):
            return None  # the toll of an event of an earlier year: the public record
        return "warning" if _size(q) < _BACKGROUND_TOLL else None
    if q.category == "money":
        return "warning" if q.value is not None and abs(q.value) >= _NEWS_MONEY else None
    if q.category == "percent":
        verb = clause_verb(doc[index.at(q.start)])
        if verb is None or narrated(verb) or verb.lemma_ == "be":
            return None
        return "warning"
    return None


def _adds_up(q: Quantity, attributed: Sequence[Quantity]) -> bool:
    """Attributed exact figures of its kind that add up to ``q`` ("9 … 4 … Thirteen")."""
    if q.approx != "exact" or not isinstance(q.value, int | float):
        return False
    parts = [a.value for a in attributed if a.approx == "exact" and a.category == q.category
             and isinstance(a.value, int | float) and 0 < a.value < q.value][:12]
    return any(
        sum(combo) == q.value
        for r in range(2, min(_MAX_PARTS, len(parts)) + 1)
        for combo in combinations(parts, r)
    )


def _breaks_down(q: Quantity, siblings: Sequence[Quantity], attributed: Sequence[Quantity]
                 ) -> bool:
    """``q`` and other figures of its sentence add up to an attributed total of its kind:
    "Nine people died, the agency said. Six of the dead were found in the town, and three
    in nearby villages" is the agency's nine, broken down, not a new figure. The other
    parts may be bare numbers whose noun the sentence leaves out ("and three")."""
    if q.approx != "exact" or not isinstance(q.value, int | float):
        return False
    totals = {a.value for a in attributed if a.approx == "exact" and a.category == q.category
              and isinstance(a.value, int | float) and a.value > q.value}
    parts = [p.value for p in siblings if p is not q and p.approx == "exact"
             and p.category in (q.category, "other") and isinstance(p.value, int | float)
             and p.value > 0][:12]
    return any(
        q.value + sum(combo) in totals
        for r in range(1, min(_MAX_PARTS - 1, len(parts)) + 1)
        for combo in combinations(parts, r)
    )


def sourced_elsewhere(q: Quantity, attributed: Sequence[Quantity]) -> bool:
    """An attributed figure on the page says the same, or attributed parts add up to it."""
    return any(comparable(q, a) and overlaps(q, a) for a in attributed) or _adds_up(q, attributed)


def _figure_key(q: Quantity) -> tuple[object, ...]:
    """What makes two own-voice figures the same for a page: the lead's "$1.8 billion"
    and the body's repeat of it are one figure for the editor to source."""
    return (q.category, q.value, q.low, q.high)


def _attributed_quantities(report: Report) -> list[Quantity]:
    """Quantities the page credits to someone: in an attributed claim or an attribution's
    content."""
    ids = {qid for c in report.claims if c.voice == "attributed" for qid in c.quantities}
    spans = SpanIndex((a.content.start, a.content.end, None) for a in report.attributions
                      if a.content is not None and a.kind in _CARRYING)
    return [q for q in report.quantities
            if q.id in ids or next(spans.containing(q.start, q.end), None) is not None]


# ------------------------------------------------------------------ the check


class _Page(NamedTuple):
    report: Report
    doc: Doc
    tokens: TokenIndex
    text: str
    quotes: SpanIndex[None]
    quoted: Ranges
    attributed: list[Quantity]
    ctx: Context


def _aside_findings(page: _Page, claim: Claim, att: Attribution) -> Iterator[Finding]:
    """Sweeping claims in a relative clause the writer hangs on what a source said."""
    seen: set[int] = set()
    toks = page.tokens.within(claim.start, claim.end)
    for sw in sweeping_tokens(page.doc, toks, page.quoted):
        relcl = writer_aside(page.doc, sw.first, att)
        if relcl is None or relcl.i in seen:
            continue
        seen.add(relcl.i)
        aside = clause_span(page.text, relcl)
        if next(page.quotes.containing(aside.start, aside.end), None) is not None:
            continue  # the clause is inside the speaker's quotation
        who = att.source.text or "the source"
        yield Finding(
            id="", check=CHECK, severity="warning",
            message=(
                f"The clause “{excerpt(aside.text)}” is the page's own description added "
                f"to what {who} is reported to have said, and it makes a sweeping claim "
                f"(“{sw.cue}”) with no source."
            ),
            evidence=(aside, _chars(page.text, page.doc, sw.first, sw.stop)),
            refs=(claim.id, att.id),
            kind="aside",
        )


class _Vaguely(NamedTuple):
    """A claim resting on a vague source: the claim, how its source is vague, the record."""

    claim: Claim
    vague: Vague
    att: Attribution | None


def _lead(v: Vague) -> str:
    if v.kind == "unnamed":
        return f"is sourced only to unnamed “{v.words}”"
    return f"is passed on as hearsay (“{v.words}”) with no source named"


def _vague_finding(found: list[_Vaguely], by_id: dict[str, Quantity]) -> Finding:
    """One finding for a page's vague sourcing: its weightiest claim (a toll first),
    naming the page's other vague sources too, each once."""
    main = next((f for f in found if any(
        qid in by_id and by_id[qid].category in _TOLLS for qid in f.claim.quantities)), found[0])
    keys = {key(main.vague)}
    others: list[_Vaguely] = []
    for f in found:
        if key(f.vague) not in keys:
            keys.add(key(f.vague))
            others.append(f)
    head = f"“{excerpt(main.claim.text)}” {_lead(main.vague)}"
    if not others:
        tail = (": the page does not say who they are, so a reader cannot check the claim."
                if main.vague.kind == "unnamed"
                else ": the page does not say who reported or claims it.")
        message = head + tail
    else:
        also = join_words([f"“{f.vague.words}”" for f in others])
        message = (f"{head}; the page also relies on {also}. It names no one behind these "
                   "claims, so a reader cannot check them.")
    evidence = [Span(main.claim.start, main.claim.end, main.claim.text), main.vague.span]
    for f in others:
        evidence += [Span(f.claim.start, f.claim.end, f.claim.text), f.vague.span]
    refs = [r for f in (main, *others) for r in (f.claim.id, f.att.id if f.att else None) if r]
    kind = "hearsay" if main.vague.kind == "hearsay" else "unnamed"  # as the message says
    return Finding(id="", check=CHECK, severity="warning", message=message,
                   evidence=tuple(evidence), refs=tuple(dict.fromkeys(refs)), kind=kind)


#: Source types a reader can check: a person, a body or an outlet named on the page.
_NAMED_TYPES = frozenset({"person", "organisation", "outlet"})


def _rests_on_vague(page: _Page, found: list[_Vaguely], by_id: dict[str, Quantity]) -> bool:
    """Whether the page's vague sourcing is worth an editor's time: hearsay ("it was
    reported", "reports said", "sources say"), several vague sources, a toll on a vague
    source, or a page that names no source of its own. One unnamed group of people
    ("critics say", "experts fear") among named sources is how wire copy is written;
    editors judged those debatable at best on the dev half of the real pages."""
    if any(f.vague.kind == "hearsay" or hearsay(f.vague) for f in found):
        return True
    if len({key(f.vague) for f in found}) > 1:
        return True
    if any(qid in by_id and by_id[qid].category in _TOLLS for f in found
           for qid in f.claim.quantities):
        return True
    vague_ids = {f.att.id for f in found if f.att is not None}
    return not any(
        a.kind in _CARRYING and a.id not in vague_ids and a.source.type in _NAMED_TYPES
        and a.source.text is not None and a.segment in _ARTICLE
        for a in page.report.attributions
    )


#: Words of the headline's refuting list that are not the page's own verdict on a claim:
#: a "Rumor:" headline announces a rumour report, and "X denies …" reports a party's
#: denial, whose accusation still owes the reader a source ("The minister is said to
#: have agreed the sale").
_NOT_DISPUTING = frozenset({"rumor", "rumour", "rumors", "rumours", "deny", "denies",
                            "denied", "denial", "refute", "refutes", "refuted"})


def _debunks(report: Report, doc: Doc, index: TokenIndex) -> bool:
    """Whether the headline calls the claim the page is about false in its own voice ("…
    death hoax", "The news of X's death is false", "Fake report spreads"). A debunking page
    relays the claim's content with hedges on purpose ("was said to have announced",
    "supposedly"), in order to refute it: its hearsay and vague sources are the hoax's,
    not gaps in the page's own sourcing. Its own-voice figures and sweeping claims are
    still its own."""
    return any(refuting_word(doc, index.within(s.start, s.end), _NOT_DISPUTING) is not None
               for s in report.segments if s.kind == "headline")


def _worth_sourcing(claim: Claim) -> bool:
    """A vaguely sourced sentence an editor would want pinned down: a claim of the
    article (which the claims stage keeps only when it is checkable) that is not a
    question put to someone."""
    return not claim.text.rstrip().endswith("?")


def _relayed(att: Attribution, others: list[Attribution]) -> bool:
    """Whether another attribution of the sentence carries ``att`` in its content: "the
    ministry said activists reported …" rests on the ministry; or, for a passive that
    names no one, whether a source named later in the sentence does."""
    cue = att.cue_span or att.content
    if cue is None:
        return False
    if att.source.text is None and any(
        o is not att and o.source.text is not None and o.kind != "passive"
        and (o.cue_span or o.content or cue).start >= att.end  # not one inside its words
        for o in others
    ):
        # "More than 50 were reported injured … some critical according to SANA": the
        # sentence's own trailing source stands behind the passive, whether or not the
        # parse (commas stripped) let its content reach back over it
        return True
    return any(
        o is not att and o.content is not None and o.source.text is not None
        and o.content.start <= cue.start < o.content.end
        for o in others
    )


def _claim_attributions(report: Report) -> dict[str, list[Attribution]]:
    """Each claim's sourcing attributions: those whose cue lies in its sentence."""
    starts: SpanIndex[Attribution] = SpanIndex(
        ((a.cue_span or a.content).start, (a.cue_span or a.content).start + 1, a)  # type: ignore[union-attr]
        for a in report.attributions
        if a.kind in _SOURCING and (a.cue_span or a.content) is not None
    )
    return {c.id: [a for _, _, a in starts.overlapping(c.start, c.end)] for c in report.claims}


def _own_voice_finding(page: _Page, claim: Claim, sweep: list[Sweep],
                       stats: list[tuple[Quantity, Severity]]) -> Finding:
    parts: list[str] = []
    evidence = [Span(claim.start, claim.end, claim.text)]
    if sweep:
        words = ", ".join(dict.fromkeys(f"“{s.cue}”" for s in sweep))
        parts.append(f"makes a sweeping claim ({words})")
        evidence += [_chars(page.text, page.doc, s.first, s.stop) for s in sweep]
    if stats:
        figs = ", ".join(f"“{q.text}”" for q, _ in stats)
        parts.append(f"gives a figure ({figs}) that no attributed figure on the page matches")
        evidence += [Span(q.start, q.end, q.text) for q, _ in stats]
    warn = sweep or any(sev == "warning" for _, sev in stats)
    severity: Severity = "warning" if warn else "info"
    return Finding(
        id="", check=CHECK, severity=severity,
        message=(
            f"“{excerpt(claim.text)}” is stated in the page's own voice with no source; it "
            + " and ".join(parts) + "."
        ),
        evidence=tuple(evidence),
        refs=(claim.id, *(q.id for q, _ in stats)),
        kind="sweeping_figure" if sweep and stats else "sweeping" if sweep else "figure",
    )


@register(
    CHECK,
    summary=(
        "check-worthy statements in the page's own voice with no source (sweeping ones such as "
        "\"only\", \"all\", \"primarily\"; tolls and large sums), and claims resting on "
        "sources that name no one (\"it was reported\", \"local sources\")"
    ),
    severities=("info", "warning"),
)
def check(report: Report, doc: Doc, ctx: Context = DEFAULT_CONTEXT) -> Iterator[Finding]:
    """Flag sweeping statements and news figures the page makes in its own voice, and
    claims resting on vague sources."""
    index = TokenIndex(doc)
    text = report.document.text
    quotes = [(q.start, q.end) for q in find_quotes(text)]
    page = _Page(report, doc, index, text, SpanIndex((s, e, None) for s, e in quotes),
                 Ranges(quotes), _attributed_quantities(report), ctx)
    by_id = {q.id: q for q in report.quantities}
    by_att = {a.id: a for a in report.attributions}
    around = _Sentences(report, doc, index)
    dating = Dating(doc)
    seen_text: set[str] = set()
    figures_said: set[tuple[object, ...]] = set()
    vaguely: list[_Vaguely] = []
    carried: set[str] = set()  # unnamed sources a named outlet carried
    sourcing = _claim_attributions(report)
    headlines = [normalise(text[s.start : s.end]) for s in report.segments if s.kind == "headline"]
    min_sweep = ctx.settings.unsourced_claim.sweeping_warning_score
    voice = voice_of(report)
    debunking = _debunks(report, doc, index)
    for claim in report.claims:
        if claim.segment not in _ARTICLE:
            continue
        same = " ".join(claim.text.lower().split())
        if same in seen_text:
            continue  # the same sentence again (a lead repeated, a pasted paragraph)
        seen_text.add(same)
        if repeats_headline(doc, index, claim, headlines):
            continue
        if claim.voice == "attributed":
            att = by_att.get(claim.attribution or "")
            if att is None or _in_someones_block(voice, claim, att):
                continue  # the vague source is named in someone else's text: theirs
            yield from _aside_findings(page, claim, att)
            seen = frozenset(key(f.vague) for f in vaguely)
            vague = vague_source(doc, index, text, att, seen, carried, report.attributions)
            relayed = _relayed(att, sourcing[claim.id])
            if vague is not None and _worth_sourcing(claim) and not relayed and not debunking:
                vaguely.append(_Vaguely(claim, vague, att))
            continue
        if _quoted(text, page.quotes, claim) or around.previous_attributed(claim):
            continue
        if _in_someones_block(voice, claim):
            continue
        hedge = hedges(doc, index, claim.start, claim.end)
        if hedge is not None:
            # "X has reportedly been cast as … Variety revealed the casting on Monday":
            # the hedge is the lead's shorthand for the source the next sentence names
            if _worth_sourcing(claim) and not debunking and not around.continued_by_next(
                report, claim, across=True, named=True, least=2
            ) and not around.lede_sourced_below(report, claim):
                vaguely.append(_Vaguely(claim, hedge, None))
            continue
        toks = index.within(claim.start, claim.end)
        sweep = sweeping_tokens(doc, toks, page.quoted) if claim.checkworthy >= min_sweep else []
        stats: list[tuple[Quantity, Severity]] = []
        siblings = [by_id[qid] for qid in claim.quantities if qid in by_id]
        for qid in claim.quantities:
            q = by_id.get(qid)
            need = needs_source(q, doc, index, dating) if q is not None else None
            if q is not None and need is not None and not sourced_elsewhere(
                    q, page.attributed) and not _breaks_down(q, siblings, page.attributed):
                if _figure_key(q) not in figures_said:  # one finding per figure and page
                    figures_said.add(_figure_key(q))
                    stats.append((q, need))
        if stats and around.continued_by_next(report, claim):
            stats = []  # a lead whose figures the next sentence's source gives an account of
        if sweep and not stats and around.next_attributed(report, claim):
            sweep = []  # a topic sentence the next one sources ("…, according to doctors")
        if sweep or stats:
            yield _own_voice_finding(page, claim, sweep, stats)
    if vaguely and _rests_on_vague(page, vaguely, by_id):
        yield _vague_finding(vaguely, by_id)
