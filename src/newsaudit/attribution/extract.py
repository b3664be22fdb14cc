"""Whose word a statement rests on: quotations, reported speech and chains of sources.

Rule-based over spaCy's dependency parse and entities, in the manner of textacy's
quotation extractor: small pure functions find a cue (a reporting verb, "according to",
"quoted … as saying", an agentless passive), its speaker and its content, and bail out
when the parse leaves the speaker in doubt rather than guess one.

Passes, each over candidate tokens collected in one walk of the Doc (this module
orchestrates them, merges their drafts and numbers the records; each pass lives in a
module of its own):

1. quotations (:mod:`newsaudit.attribution.direct`; the marks are found on the
   characters by :mod:`newsaudit.attribution.quotemarks`) get a speaker from a tag after
   them ("“…,” said Hill", "“…?” a resident asked") or before them ("Hill said: “…”",
   or a bare name and colon, "Ortega: “…”", :mod:`newsaudit.attribution.colon`); the
   paragraphs of a running quotation share it, and a whole-sentence quotation right
   after a quoted speaker continues that speaker;
2. headline colons with no quotation marks ("McCain: Populist Anger Appeals to …",
   :mod:`newsaudit.attribution.colon`);
3. "according to X" (:mod:`newsaudit.attribution.according`) attributes the clause it
   modifies to X, or, when that clause is itself "Y said …", becomes Y's intermediary;
4. reporting and stance verbs (:mod:`newsaudit.attribution.verbs`): "X said (that) …",
   "X told Reuters …", "As the paper noted, …", "noted the rise in cases", chains "X
   quoted Y as saying …", "X, citing Y, said …"; and the stance verbs of PolNeAR's
   guidelines, each only in its own frame and with a subject that can speak: beliefs
   with a clause ("Officials fear the toll will rise"), commitments and appeals with a
   to-infinitive ("vowed to rebuild"), characterisations and stances with an object
   ("called the plan “reckless”"), verb + preposition ("called for a strike"), and
   findings of documents ("the poll shows the governor leading"). A verb with no
   subject of its own borrows the one that controls it ("went on to say", "…, saying",
   "began by saying"; :func:`newsaudit.attribution.base.subject`). A stance cue inside
   someone else's reported words is part of those words ("said she wants to …": one
   record);
5. tags that close a sentence with no comma, which the parse tied to nothing ("… were
   killed on Thursday the Turkish military announced Friday", "… Anadolu Agency
   reports."; :mod:`newsaudit.attribution.trailing`), read from the words before a
   passive reading can take the verb;
6. passives (:mod:`newsaudit.attribution.passives`): "it is believed that …", "prices
   are expected to rise", "is seen as a test", "was first reported by Politico", and the
   bare question participle "Asked whether …, she said";
7. speech nouns and stance adjectives (:mod:`newsaudit.attribution.nominal`): "the
   minister's claim that …", "Pence's call for a prosecutor", "made the case that …",
   "is critical of …", "there are fears that …";
8. quotations left over: inside an attributed clause a quotation of two words or more is
   that speaker's partial quote (the record's ``quote``); a single quoted word, or a
   quotation with no speaker, is an ``unattributed_quote`` (scare quotes are decided by
   a later check).

The cue span covers the verb group ("has repeatedly accused", "did not say"). A relative
pronoun speaker ("residents who say …") is kept as the source's ``mention``; so is a
resolved pronoun or possessive ("he said", "his claim").

Choices worth knowing: an addressee ("told Reuters", "told state TV") is not an
intermediary, since the text does not say the words reached the page through it; a
quotation's trailing ``,;:.`` is left out of ``quote``; an attribution's extent never
reaches back to a pronoun's antecedent or a continued speaker in an earlier sentence; a
dateline glued to a speaker ("KABUL (Reuters) — A police spokesman said") is cut off.

First person. Outside quotation marks "I"/"we" are the page's own voice (the author,
or a commenter in a comment), never an attributed source: "I think the government
lied" is the page asserting, not reporting. Inside a quotation no nested record is made
at all, so "I"/"we" there never need resolving: in "“I told the minister the dam would
fail,” Hill said" the whole quotation, its "I told …" included, is one record whose
source is Hill, which is what a reader of the record needs. PolNeAR counts the
author's own "I said" as an attribution; those ~1% of its gold stay unmatched.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, cast

import numpy

from newsaudit.attribution.according import according
from newsaudit.attribution.base import Context, Draft, Who, child
from newsaudit.attribution.colon import colon_statements
from newsaudit.attribution.direct import direct_quotes, leftover_quotes
from newsaudit.attribution.nominal import nominal
from newsaudit.attribution.passives import passives
from newsaudit.attribution.quotemarks import find_quotes
from newsaudit.attribution.sources import (
    Mention,
    appositive_name,
    lexicon,
    source_type,
    subject_bounds,
)
from newsaudit.attribution.trailing import trailing_tags
from newsaudit.attribution.verbs import reported
from newsaudit.model import Attribution, AttributionKind, Page, Source, SourceType, Span
from newsaudit.offsets import SpanIndex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["extract_attributions"]


def _drop_nested(drafts: list[Draft]) -> list[Draft]:
    """Stance cues inside what someone else is reported to have said are part of those
    words: "Clinton said she wants to …" is one attribution to Clinton, not two."""
    spans = SpanIndex((d.content[0], d.content[1], None) for d in drafts if d.content)
    out = []
    for d in drafts:
        cue = d.speaker.cue_span
        if d.stance and cue is not None:
            holders = spans.containing(cue[0], cue[1])
            if any((s, e) != d.content for s, e, _ in holders):
                continue
        out.append(d)
    return out


def _source(ctx: Context, who: Who) -> Source:
    if who.first is None or who.stop is None:
        return Source(None, cast(SourceType, who.type), None, None)
    start, end = ctx.chars(who.first, who.stop)
    mention = None
    if who.mention is not None:
        m_start, m_end = ctx.chars(*who.mention)
        mention = Span.of(ctx.text, m_start, m_end)
    return Source(ctx.text[start:end], cast(SourceType, who.type), start, end, mention)


def _finish(ctx: Context, drafts: list[Draft]) -> tuple[Attribution, ...]:
    text = ctx.text
    rows: list[tuple[int, int, Draft, list[int]]] = []
    for d in drafts:
        points: list[int] = []
        sp = d.speaker
        if d.content is not None:
            points += d.content
        if sp.cue_span is not None:
            points += sp.cue_span
        for who in (sp.source, *sp.via):
            if who.first is not None and who.stop is not None and who.local:
                points += ctx.chars(who.first, who.stop)
            if who.mention is not None:
                points += ctx.chars(*who.mention)
        rows.append((min(points), max(points), d, points))
    rows.sort(key=lambda r: (r[0], r[1]))
    out: list[Attribution] = []
    for n, (start, end, d, _) in enumerate(rows, 1):
        sp = d.speaker
        seg = ctx.page.segment_at(start)
        out.append(
            Attribution(
                id=f"a{n}",
                kind=cast(AttributionKind, d.kind),
                source=_source(ctx, sp.source),
                via=tuple(_source(ctx, v) for v in sp.via),
                cue=sp.cue,
                content=Span.of(text, *d.content) if d.content else None,
                quote=text[d.quote[0] : d.quote[1]] if d.quote else None,
                segment=seg.kind if seg is not None else "body",
                cue_span=Span.of(text, *sp.cue_span) if sp.cue_span else None,
                start=start,
                end=end,
            )
        )
    return tuple(out)


def extract_attributions(doc: Doc, page: Page) -> tuple[Attribution, ...]:
    """Every attribution on the page, in text order, with ids ``a1``, ``a2``, …

    ``doc`` must be the parse of exactly ``page.document.text``.
    """
    lex = lexicon()
    text = page.document.text  # the same string: Doc.text would rebuild it from tokens
    ctx = Context(doc, text, page, lex, find_quotes(text))
    verbs: list[Token] = []
    passive_verbs: list[Token] = []
    according_heads: list[Token] = []
    nouns: list[Token] = []
    adjectives: list[Token] = []
    in_quote = ctx.in_quote
    verb_tags, according_hashes = lex.verb_tag_hashes, lex.according_hashes
    nominal_tags, nominal_lemmas = lex.nominal_tag_hashes, lex.nominal_lemma_hashes
    # The tokens worth a look, found over the parse's arrays (a Python int per 64-bit
    # hash per token cost more than the look itself); speech reported inside a quotation
    # is the quoted speaker's own.
    heads_at, verbs_at, nominals_at = _candidates(
        doc, according_hashes, verb_tags, nominal_tags, nominal_lemmas, in_quote
    )
    for i in sorted({*heads_at, *verbs_at, *nominals_at}):
        if i in heads_at:
            according_heads.append(doc[i])
        elif i in verbs_at:
            tok = doc[i]
            lem = tok.lemma_.lower()
            if lem in lex.passive and child(tok, "auxpass") is not None:
                passive_verbs.append(tok)
            elif (
                lem in lex.reporting
                or lem in lex.document_verbs
                or lem in lex.stance
                or lem in lex.document_objects
                or lem in lex.figure_at
                or lem in lex.counting
            ):
                verbs.append(tok)
        else:
            tok = doc[i]
            (adjectives if tok.pos_ == "ADJ" else nouns).append(tok)
    for verb in verbs:
        subj = child(verb, "nsubj")
        if subj is not None and subj.pos_ != "PRON":
            named = appositive_name(subj, lex)
            if named is not None:  # "he" after "the governor, Eduardo Leite, said" is Leite
                ctx.speakers.append(Mention(named[0], named[1], "person", True))
                continue
            first, stop = subject_bounds(subj, lex)
            typ = source_type(doc, first, stop, subj, lex)
            plural = subj.tag_ in ("NNS", "NNPS")
            ctx.speakers.append(Mention(first, stop, typ, True, plural))
    ctx.cue_verbs.update(v.i for v in verbs)
    drafts: list[Draft] = []
    pending = direct_quotes(ctx, drafts)
    colon_statements(ctx, drafts)
    according(ctx, according_heads, drafts)
    reported(ctx, verbs, drafts)
    trailing_tags(ctx, drafts)
    passives(ctx, passive_verbs + [v for v in verbs if v.tag_ == "VBN"], drafts)
    nominal(ctx, nouns, adjectives, drafts)
    leftover_quotes(ctx, pending, drafts)
    return _finish(ctx, _drop_nested(drafts))


def _candidates(
    doc: Doc,
    heads: frozenset[int],
    verb_tags: frozenset[int],
    nominal_tags: frozenset[int],
    nominal_lemmas: frozenset[int],
    in_quote: bytearray,
) -> tuple[set[int], set[int], set[int]]:
    """The tokens outside quotations whose lower-case form heads an "according to", whose
    tag is a verb's, or whose tag and lemma are a nominal source's (in that order of
    precedence: a token is in the first set it qualifies for)."""
    if not len(doc):
        return set(), set(), set()
    rows = doc.to_array(["TAG", "LOWER", "LEMMA"])
    free = numpy.frombuffer(bytes(in_quote), dtype=numpy.uint8) == 0
    acc = free & numpy.isin(rows[:, 1], _hash_array(heads))
    verb = free & ~acc & numpy.isin(rows[:, 0], _hash_array(verb_tags))
    nom = (free & ~acc & ~verb & numpy.isin(rows[:, 0], _hash_array(nominal_tags))
           & numpy.isin(rows[:, 2], _hash_array(nominal_lemmas)))
    return (set(numpy.flatnonzero(acc).tolist()), set(numpy.flatnonzero(verb).tolist()),
            set(numpy.flatnonzero(nom).tolist()))


@lru_cache(maxsize=16)
def _hash_array(hashes: frozenset[int]) -> numpy.ndarray:
    return numpy.fromiter(hashes, dtype=numpy.uint64, count=len(hashes))
