"""scare_quotes: quotation marks that quote no one and signal the writer's distance.

US-backed “insurgents”, the war against the “rebels”, the so-called “liberation”
militia: marks around a word or short phrase that no one on the page is quoted saying
tell the reader the label is not to be trusted, without saying whose label it is or why.
An editor should either attribute the word or drop the marks.

Not scare quotes:
- a short quotation that is someone's word: the complement of a naming verb
  ("called the plan “reckless”", "dubbed it “Storm”") or an evaluation inside reported
  speech ("said the attack was “cowardly”");
- titles of works ("the report “Dying for Work”") and names in title case;
- a word mentioned as a word ("the word “genocide”", "the slogan “No pasarán”");
- a quoted clause with its own subject ("We got a sniper"): an utterance, whose speaker
  the quotation checks look for, not a label.

The candidates are the ``unattributed_quote`` records of the article. A quoted noun
inside someone's reported words may still be theirs, so it is only worth a look (info);
in the page's own voice, or after "so-called", it is a warning. Occurrences of the same
word are grouped into one finding with every occurrence as evidence, so a label put in
marks throughout a page reads as one pattern, not as noise.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from newsaudit.checks import register
from newsaudit.checks._sources import TokenIndex, cues, lower_article, normalise
from newsaudit.checks.unsourced_claim import writer_aside
from newsaudit.context import DEFAULT_CONTEXT, Context
from newsaudit.model import ARTICLE_KINDS, Attribution, Finding, Report, Severity, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

CHECK = "scare_quotes"
_REPORTED = frozenset({"direct_quote", "reported_speech", "according_to", "quoted_as_saying"})
_MARKS = frozenset("\"“”‘’«»„'")
_CONTEXT = 3  # tokens before the opening mark read for a cue
#: Dependencies by which a quoted word completes a naming verb ("called it “reckless”").
_COMPLEMENTS = frozenset({"oprd", "xcomp", "acomp", "ccomp", "attr", "dobj"})


class _Cues(NamedTuple):
    max_words: int
    distancing: tuple[tuple[str, ...], ...]
    mention: frozenset[str]
    titles: frozenset[str]
    naming: frozenset[str]


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    sq = cues()["raw"]["scare_quotes"]
    return _Cues(
        max_words=int(sq["max_words"]),
        distancing=tuple(tuple(d.replace("-", " - ").split()) for d in sq["distancing"]),
        mention=frozenset(sq["mention_nouns"]),
        titles=frozenset(sq["title_nouns"]),
        naming=frozenset(sq["naming_verbs"]),
    )


class _Occurrence(NamedTuple):
    span: Span
    att: Attribution
    distanced: str | None  # the distancing cue before it, if any
    inside: Attribution | None  # the reported statement it sits in, if any


def _head(doc: Doc, idx: range) -> Token | None:
    toks = [doc[i] for i in idx if not doc[i].is_punct]
    for t in toks:
        if not (idx.start <= t.head.i < idx.stop) or t.head is t:
            return t
    return toks[0] if toks else None


def _before(doc: Doc, first: int) -> list[Token]:
    """Up to a few tokens before the quotation, nearest last, opening marks skipped."""
    out: list[Token] = []
    j = first - 1
    while j >= 0 and len(out) < _CONTEXT:
        if doc[j].text not in _MARKS and not (doc[j].is_punct and doc[j].text != "-"):
            out.append(doc[j])
        j -= 1
    out.reverse()
    return out


def _distancing(before: list[Token]) -> str | None:
    low = [t.lower_ for t in before]
    for cue in _cues().distancing:
        if tuple(low[-len(cue) :]) == cue:
            return "".join(t.text_with_ws for t in before[-len(cue) :]).strip()
    return None


#: Short words a title-case title leaves in lower case ("Running on Empty").
_TITLE_SMALL = frozenset("a an the and or but of on in at to for from by with as nor vs".split())


def _is_title_or_name(doc: Doc, idx: range) -> bool:
    words = [doc[i] for i in idx if doc[i].is_alpha]
    if not words:
        return True
    first = words[0]
    prev = doc[first.i - 1] if first.i > 0 else None
    after_mark = prev is not None and prev.is_sent_start and prev.text in _MARKS
    at_start = first.is_sent_start or after_mark
    capped = all(w.text[:1].isupper() or w.lower_ in _TITLE_SMALL for w in words[1:])
    return first.text[:1].isupper() and capped and not at_start


def _someones_word(doc: Doc, head: Token, before: list[Token]) -> bool:
    """A naming verb's complement, a word mentioned as a word, or a title."""
    c = _cues()
    low = [t.lower_ for t in before]
    lemmas = [t.lemma_.lower() for t in before]
    if low and (low[-1] in c.mention or lemmas[-1] in c.mention or low[-1] in c.titles):
        return True
    if low[-2:] == ["known", "as"] or (low and lemmas[-1] in c.naming and low[-1] != "so"):
        return True
    if len(low) >= 2 and low[-1] == "as" and lemmas[-2] in c.naming:
        return True  # "which translates as “the lion cub”", "described as “chaotic”"
    gov = head.head
    if head.dep_ in _COMPLEMENTS and gov.lemma_.lower() in c.naming:
        return True
    if head.dep_ == "pobj" and gov.lower_ == "as" and gov.head.lemma_.lower() in c.naming:
        return True  # "described the protesters as “hooligans”"
    return False


def _clause(doc: Doc, idx: range) -> bool:
    """Whether the quoted words are a clause with its own subject ("We got a sniper",
    "We probably don't"): someone's utterance, not a label held at a distance."""
    for i in idx:
        t = doc[i]
        if t.dep_ in ("nsubj", "nsubjpass", "expl") and t.head.i in idx and t.head.i != i:
            return True
    return False


def _reported_in(report: Report, span: Span) -> Attribution | None:
    for att in report.attributions:
        if att.kind in _REPORTED and att.content is not None and att.source.text:
            if att.content.start <= span.start and span.end <= att.content.end:
                return att
    return None


def _occurrences(report: Report, doc: Doc) -> Iterator[_Occurrence]:
    index = TokenIndex(doc)
    for att in report.attributions:
        if att.kind != "unattributed_quote" or att.segment not in ARTICLE_KINDS:
            continue
        if att.content is None:
            continue
        span = att.content
        n_words = len(span.text.split())
        if n_words > _cues().max_words or (att.segment == "headline" and n_words > 1):
            continue  # a headline's quoted phrase is someone's words: quote_integrity's case
        idx = index.within(span.start, span.end)
        head = _head(doc, idx)
        if head is None or _is_title_or_name(doc, idx) or _clause(doc, idx):
            continue
        before = _before(doc, idx.start)
        distanced = _distancing(before)
        if distanced is None and _someones_word(doc, head, before):
            continue
        inside = _reported_in(report, span)
        if inside is not None and writer_aside(doc, head.i, inside) is not None:
            inside = None  # the writer's own clause hung on the reported words
        if inside is not None and distanced is None and head.pos_ in ("ADJ", "VERB", "ADV"):
            continue  # "said the attack was “cowardly”": the speaker's evaluation
        yield _Occurrence(span, att, distanced, inside)


def _times(n: int) -> str:
    return {1: "", 2: " twice"}.get(n, f" {n} times")


@register(
    CHECK,
    summary=(
        "quotation marks around a word no one on the page is quoted saying (\"rebels\")"
    ),
    severities=("info", "warning"),
)
def check(report: Report, doc: Doc, ctx: Context = DEFAULT_CONTEXT) -> Iterator[Finding]:
    """One finding per quoted word or phrase, with each of its occurrences as evidence."""
    groups: dict[str, list[_Occurrence]] = {}
    for occ in _occurrences(report, doc):
        groups.setdefault(normalise(occ.span.text), []).append(occ)
    for occs in groups.values():
        word = occs[0].span.text
        own = [o for o in occs if o.inside is None]
        cue = next((o.distanced for o in occs if o.distanced), None)
        if cue:
            why = f"after “{cue}”, which makes the distance explicit"
        else:
            why = "which signals distance from the label without saying whose word it is"
        msg = (
            f"“{word}” is put in quotation marks{_times(len(occs))}, yet no one on the page is "
            f"quoted using it; the marks are the page's own, {why}."
        )
        severity: Severity = "warning" if own or cue else "info"
        if not own and not cue:
            inside = occs[0].inside
            who = lower_article(inside.source.text or "the source") if inside else "the source"
            msg = (
                f"“{word}” is put in quotation marks{_times(len(occs))} inside what {who} is "
                "reported to have said; if it is their word the page should say so, otherwise "
                "the marks signal the page's distance from the label."
            )
        yield Finding(
            id="", check=CHECK, severity=severity, message=msg,
            evidence=tuple(o.span for o in occs),
            refs=tuple(o.att.id for o in occs),
        )
