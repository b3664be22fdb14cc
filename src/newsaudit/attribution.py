"""Whose word a statement rests on: quotations, reported speech and chains of sources.

Rule-based over spaCy's dependency parse and entities, in the manner of textacy's
quotation extractor: small pure functions find a cue (a reporting verb, "according to",
"quoted … as saying", an agentless passive), its speaker and its content, and bail out
when the parse leaves the speaker in doubt rather than guess one.

Passes, each over candidate tokens collected in one walk of the Doc:

1. quotations (found on the characters, :mod:`newsaudit.quotes`) get a speaker from a
   tag after them ("“…,” said Hill", "“…?” a resident asked") or before them ("Hill
   said: “…”", or a bare name and colon, "Ortega: “…”"); the paragraphs of a running
   quotation share it, and a whole-sentence quotation right after a quoted speaker
   continues that speaker;
2. "according to X" attributes the clause it modifies to X, or, when that clause is
   itself "Y said …", becomes Y's intermediary (via);
3. reporting verbs governing a clause: "X said (that) …", "X told Reuters …", "As the
   paper noted, …", chains "X quoted Y as saying …", "X, citing Y, said …"; and the
   stance verbs of PolNeAR's guidelines, each only in its own frame and with a subject
   that can speak: beliefs with a clause ("Officials fear the toll will rise"),
   commitments and appeals with a to-infinitive ("vowed to rebuild"), characterisations
   and stances with an object ("called the plan “reckless”", "endorsed the senator"),
   verb + preposition ("called for a strike", "warned of a second wave"), and findings
   of documents ("the poll shows the governor leading"). A stance cue inside someone
   else's reported words is part of those words ("said she wants to …": one record);
4. agentless passives: "it is believed that …", "3,000 troops are believed to be …";
5. quotations left over: inside an attributed clause a quotation of two words or more is
   that speaker's partial quote (the record's ``quote``); a single quoted word, or a
   quotation with no speaker, is an ``unattributed_quote`` (scare quotes are decided by
   a later check).

The cue span covers the verb group ("has repeatedly accused", "did not say"). A relative
pronoun speaker ("residents who say …") is kept as the source's ``mention``.

Choices worth knowing: an addressee ("told Reuters", "told state TV") is not an
intermediary, since the text does not say the words reached the page through it; a
quotation's trailing ``,;:.`` is left out of ``quote``; an attribution's extent never
reaches back to a pronoun's antecedent or a continued speaker in an earlier sentence.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING, NamedTuple

from newsaudit.model import Attribution, Page, Source, Span
from newsaudit.quotes import QuoteSpan, find_quotes
from newsaudit.sources import (
    Lexicon,
    Mention,
    PronounResolver,
    appositive_name,
    lemma,
    lexicon,
    np_bounds,
    plausible_source,
    source_type,
    subject_bounds,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["extract_attributions"]

_SUBJ_DEPS = frozenset({"nsubj", "nsubjpass"})
_CLAUSE_DEPS = frozenset({"ccomp"})
_PASSIVE_COMPLEMENTS = frozenset({"ccomp", "xcomp", "oprd", "acomp"})
_TAG_FILLER_DEPS = frozenset(
    {"advmod", "aux", "neg", "npadvmod", "prep", "pobj", "det", "dobj", "dative", "amod"}
    | {"compound"}
)
_QUOTE_MARKS = frozenset("\"“”‘’«»„")
#: Tokens a speaker tag may span between a quotation and its reporting verb.
_TAG_WINDOW = 10
#: A whole-sentence quotation continues the previous speaker only if it is this long
#: (one quoted word after a quotation is more often a label than more speech).
_CONTINUATION_MIN_WORDS = 2
_UNATTRIBUTED = "quotation marks"


class _Who(NamedTuple):
    """A source as a token range (``first is None`` = nobody named)."""

    first: int | None
    stop: int | None
    type: str
    mention: tuple[int, int] | None = None  # the pronoun, when resolved
    local: bool = True  # lies in the attribution's own sentence


class _Speaker(NamedTuple):
    source: _Who
    via: tuple[_Who, ...]
    kind: str
    cue: str
    cue_span: tuple[int, int] | None  # character offsets


class _Draft:
    __slots__ = ("kind", "speaker", "content", "quote", "stance")

    def __init__(
        self,
        kind: str,
        speaker: _Speaker,
        content: tuple[int, int] | None,
        quote: tuple[int, int] | None = None,
        stance: bool = False,
    ) -> None:
        self.kind = kind
        self.speaker = speaker
        self.content = content
        self.quote = quote
        self.stance = stance  # cued by a stance verb, not a verb of saying


_NOBODY = _Who(None, None, "unspecified")


class _Context:
    """What every pass needs: the Doc, lexicon, quotations and pronoun resolver."""

    def __init__(
        self, doc: Doc, text: str, page: Page, lex: Lexicon, quotes: tuple[QuoteSpan, ...]
    ) -> None:
        self.doc = doc
        self.text = text
        self.page = page
        self.lex = lex
        self.quotes = quotes
        self.starts = doc.to_array("IDX").tolist()
        self.in_quote = bytearray(len(doc))
        for q in quotes:
            end = q.close_at if q.close_at is not None else q.end
            for i in range(self.tok_at(q.open_at), self.tok_at(end) + 1):
                self.in_quote[i] = 1
        self.according_via: dict[int, _Who] = {}
        self.used: set[int] = set()
        self._resolver: PronounResolver | None = None
        self.speakers: list[Mention] = []

    def tok_at(self, char: int) -> int:
        return max(0, bisect_right(self.starts, char) - 1)

    def chars(self, first: int, stop: int) -> tuple[int, int]:
        last = self.doc[stop - 1]
        return self.doc[first].idx, last.idx + len(last.text)

    def same_context(self, i: int, j: int) -> bool:
        a = self.page.segment_at(self.doc[i].idx)
        b = self.page.segment_at(self.doc[j].idx)
        if a is None or b is None:
            return a is b
        if a.kind == "comment" or b.kind == "comment":
            return a is b
        return a.kind == b.kind

    @property
    def resolver(self) -> PronounResolver:
        if self._resolver is None:
            self._resolver = PronounResolver(
                self.doc, self.lex, self.speakers, self.in_quote, self.same_context
            )
        return self._resolver

    def who(self, tok: Token) -> _Who | None:
        """The source named by ``tok``; ``None`` when no source can be taken from it."""
        lex = self.lex
        low = tok.lower_
        if low in lex.skip_pronouns:
            return None
        if low in lex.person_pronouns or low in lex.group_pronouns:
            found = self.resolver.resolve(tok)
            if found is None:
                return _Who(tok.i, tok.i + 1, "unspecified")
            return _Who(found.first, found.stop, found.type, (tok.i, tok.i + 1), False)
        if tok.pos_ == "PRON" or tok.tag_ in ("WP", "WDT", "EX"):
            return None
        named = appositive_name(tok, lex)
        if named is not None:
            # "the governor, Paul Adeyemi" / "its chief executive, Laura Chen": the name
            return _Who(named[0], named[1], "person")
        if tok.dep_ in _SUBJ_DEPS:
            first, stop = subject_bounds(tok, lex)
        else:
            first, stop = np_bounds(tok, lex)
        return _Who(first, stop, source_type(self.doc, first, stop, tok, lex))


def _is_verb(tok: Token) -> bool:
    return tok.tag_.startswith("VB")


def _child(tok: Token, *deps: str) -> Token | None:
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None


def _subject(tok: Token, lex: Lexicon) -> Token | None:
    """The speaker token of a reporting verb, following coordination and relatives."""
    subj = _child(tok, "nsubj")
    if subj is not None:
        if subj.tag_ in ("WP", "WDT") and tok.dep_ == "relcl":
            return tok.head
        return subj
    if tok.dep_ == "conj" and _is_verb(tok.head):
        return _child(tok.head, "nsubj", "nsubjpass")
    if tok.dep_ == "advcl" and tok.tag_ == "VBG" and _is_verb(tok.head):
        return _child(tok.head, "nsubj")  # "The ministry issued a statement, saying …"
    if tok.dep_ == "acl" and lemma(tok.head) in lex.document_nouns:
        return _issuer(tok.head, lex) or (
            _child(tok.head.head, "nsubj") if tok.head.dep_ == "dobj" else None
        )
    return None


def _issuer(noun: Token, lex: Lexicon) -> Token | None:
    """Who stands behind a document: "the ministry's figures", "a release issued by X"."""
    for c in noun.children:
        if c.dep_ == "poss" and c.pos_ != "PRON":
            return c
    for t in noun.subtree:
        by_noun = t.dep_ == "prep" and t.lower_ in ("by", "from") and t.head.i == noun.i
        if t.dep_ == "agent" or by_noun:
            pobj = _child(t, "pobj")
            if pobj is not None:
                return pobj
    return None


def _cited(verb: Token, subj: Token | None, lex: Lexicon) -> Token | None:
    """Y in "X, citing Y, said …" / "X reported …, citing Y"."""
    holders = [verb]
    if subj is not None:
        holders.append(subj)
    clause = _child(verb, "ccomp")
    if clause is not None:
        holders.append(clause)
    for holder in holders:
        for c in holder.children:
            if c.tag_ == "VBG" and lemma(c) in lex.cite_lemmas and _child(c, "prep") is None:
                obj = _child(c, "dobj", "pobj")
                if obj is not None and plausible_source(verb.doc, obj, lex):
                    return obj
    return None


def _speaker(ctx: _Context, verb: Token) -> _Speaker | None:
    lex = ctx.lex
    if verb.head.lower_ == "as" and lemma(verb) in lex.as_verbs and verb.head.i != verb.i:
        quoting = verb.head.head
        if lemma(quoting) in lex.quote_lemmas:
            return _quoted_as(ctx, quoting, verb)
    subj = _subject(verb, lex)
    if subj is None:
        return None
    who = ctx.who(subj)
    if who is None:
        return None
    rel = _child(verb, "nsubj")
    if rel is not None and rel.i != subj.i and rel.tag_ in ("WP", "WDT") and who.mention is None:
        who = who._replace(mention=(rel.i, rel.i + 1))  # "groups who say …": the "who"
    cue_first, cue_stop = ctx.doc[_group_start(verb)].idx, verb.idx + len(verb.text)
    cue = verb.lower_
    via: tuple[_Who, ...] = ()
    cited = _cited(verb, subj, lex)
    if cited is not None:
        cited_who = ctx.who(cited)
        if cited_who is not None:
            via, who = (who,), cited_who
            cue = f"{verb.lower_}, citing"
    if verb.i in ctx.according_via:
        via = via + (ctx.according_via[verb.i],)
    kind = "reported_speech"
    if who.type == "unspecified" and lemma(subj) in lex.vague:
        kind = "passive"
        if subj.i + 1 == verb.i:  # "Reports said"
            cue_first = subj.idx
            cue = f"{subj.lower_} {verb.lower_}"
    return _Speaker(who, via, kind, cue, (cue_first, cue_stop))


_GROUP_DEPS = frozenset({"aux", "auxpass", "neg", "advmod"})


def _group_start(verb: Token) -> int:
    """First token of the verb group: auxiliaries, negation and adverbs right before the
    verb belong to the cue ("has repeatedly accused", "did not say")."""
    doc = verb.doc
    i = verb.i
    while i > 0:
        t = doc[i - 1]
        if t.head.i != verb.i or t.dep_ not in _GROUP_DEPS or t.is_punct:
            break
        if t.dep_ == "advmod" and t.pos_ != "ADV":
            break
        i -= 1
    return i


def _quoted_as(ctx: _Context, quoting: Token, saying: Token) -> _Speaker | None:
    """"X quoted Y as saying" (source Y via X) and "Y was quoted by X as saying"."""
    if _child(quoting, "auxpass") is not None:
        src = _child(quoting, "nsubjpass")
        agent = _child(quoting, "agent")
        via_tok = _child(agent, "pobj") if agent is not None else None
    else:
        src = _child(quoting, "dobj")
        via_tok = _subject(quoting, ctx.lex)
    if src is None:
        return None
    who = ctx.who(src)
    if who is None:
        return None
    via: tuple[_Who, ...] = ()
    if via_tok is not None:
        via_who = ctx.who(via_tok)
        if via_who is not None:
            via = (via_who,)
    cue = f"{quoting.lower_} … as {saying.lower_}"
    span = (quoting.idx, saying.idx + len(saying.text))
    return _Speaker(who, via, "quoted_as_saying", cue, span)


def _trim(ctx: _Context, first: int, stop: int) -> tuple[int, int] | None:
    """Token range -> character range of content, without edge punctuation or "that",
    keeping quotation marks that open or close inside it and completing ones cut off."""
    doc = ctx.doc
    while first < stop:
        t = doc[first]
        if t.is_space or (t.is_punct and t.text not in _QUOTE_MARKS) or (
            t.dep_ == "mark" and t.lower_ == "that"
        ):
            first += 1
        else:
            break
    while stop > first:
        t = doc[stop - 1]
        if t.is_space or (t.is_punct and t.text not in _QUOTE_MARKS and t.text != ")"):
            stop -= 1
        else:
            break
    if stop <= first:
        return None
    start, end = ctx.chars(first, stop)
    for q in ctx.quotes:
        if q.open_at > end:
            break
        close = q.close_at if q.close_at is not None else q.end
        cut_off = start <= q.open_at < end < close + 1 and close < end + 40
        if cut_off and "\n" not in ctx.text[end:close]:
            end = close + 1  # a quotation that opens inside the content closes just after it
        elif q.open_at < start <= close < end and q.open_at >= start - 2:
            start = q.open_at
    # a closing mark with no opening mark inside the content is not part of it
    inner = ctx.text[start:end]
    if inner and inner[-1] in "”\"" and _unbalanced(inner):
        end -= 1
        while end > start and ctx.text[end - 1] in " ,.;:":
            end -= 1
    return (start, end) if end > start else None


def _unbalanced(s: str) -> bool:
    if s.count("“") != s.count("”"):
        return True
    return s.count('"') % 2 == 1


def _content(ctx: _Context, head: Token, exclude: Token | None = None) -> tuple[int, int] | None:
    first, stop = head.left_edge.i, head.right_edge.i + 1
    if exclude is not None:
        doc = ctx.doc
        ex_first, ex_stop = exclude.left_edge.i, exclude.right_edge.i + 1
        if ex_first <= first < ex_stop or all(_filler(t) for t in doc[first:ex_first]):
            first = max(first, ex_stop)
        elif ex_first < stop <= ex_stop or all(_filler(t) for t in doc[ex_stop:stop]):
            stop = min(stop, ex_first)
    return _trim(ctx, first, stop)


def _filler(tok: Token) -> bool:
    return tok.is_punct or tok.is_space


def _number_in(tok: Token) -> bool:
    return any(t.like_num or t.ent_type_ in ("CARDINAL", "MONEY", "PERCENT") for t in tok.subtree)


def _reported_content(
    ctx: _Context, verb: Token, *, documented: bool = False
) -> tuple[tuple[int, int] | None, Token | None]:
    """The content a cue verb governs, and the preposition that belongs to its cue
    ("called for", "warned of") when there is one.

    Reporting verbs take a clause (or, for ``np_content`` verbs, a figure); the stance
    verbs of ``attribution.json`` take only the frame they are listed for: a clause, a
    to-infinitive, an object with its complement, or a prepositional object.
    ``documented`` means the subject is a document ("the survey shows …").
    """
    lex = ctx.lex
    lem = lemma(verb)
    reporting = lem in lex.reporting
    clause = _child(verb, *_CLAUSE_DEPS)
    if clause is not None and (
        reporting or lem in lex.clause_verbs or (documented and lem in lex.document_verbs)
    ):
        cited = None
        for c in clause.children:
            if c.tag_ == "VBG" and lemma(c) in lex.cite_lemmas:
                obj = _child(c, "dobj", "pobj")
                if obj is not None and plausible_source(ctx.doc, obj, lex):
                    cited = c  # the chain's source, not part of what was said
        return _content(ctx, clause, cited), None
    if reporting:
        # "said in a report that …": the parser hangs the clause on the noun
        for prep in verb.children:
            if prep.dep_ == "prep":
                event = _child(prep, "pobj")
                if event is not None and lemma(event) in lex.speech_events:
                    for c in event.children:
                        if c.dep_ in ("acl", "ccomp") and any(
                            m.lower_ == "that" for m in c.children
                        ):
                            return _content(ctx, c), None
        if verb.dep_ == "parataxis" and _is_verb(verb.head):
            return _content(ctx, verb.head, verb), None
        if _trailing_tag(verb):
            return _content(ctx, verb.head, verb), None
        if lem in lex.np_content:
            obj = _child(verb, "dobj")
            if obj is not None and _number_in(obj):
                return _content(ctx, obj), None
    return _frame_content(ctx, verb, lem, documented)


def _trailing_tag(verb: Token) -> bool:
    """A tag the parser hung on the clause it reports: "As the paper noted, …",
    "… is under pressure, said the chief executive", "Prices rose, analysts noted"."""
    head = verb.head
    if head.i == verb.i or not _is_verb(head) or _child(verb, "dobj", "ccomp", "xcomp"):
        return False
    if verb.dep_ == "advcl":
        return verb.i < head.i and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    if verb.dep_ not in ("conj", "ccomp", "dep") or head.i > verb.i:
        return False
    doc = verb.doc
    first = verb.left_edge.i
    if first == 0 or doc[first - 1].text not in (",", "—", "–"):
        return False
    subj = _child(verb, "nsubj")
    return subj is not None and not any(c.dep_ == "cc" for c in verb.children)


_COMPLEMENT_DEPS = frozenset({"oprd", "xcomp", "ccomp", "acomp"})
_COMPLEMENT_PREPS = frozenset({"as", "of", "for", "over", "with"})


def _frame_content(
    ctx: _Context, verb: Token, lem: str, documented: bool
) -> tuple[tuple[int, int] | None, Token | None]:
    """Content of the stance frames: "vowed to rebuild", "called for a strike",
    "called Trump “unhinged”", "the poll shows Sanders leading"."""
    lex = ctx.lex
    obj = None
    xcomp = None
    for c in verb.rights:
        if c.dep_ == "dobj" and obj is None:
            obj = c
        elif c.dep_ == "xcomp" and xcomp is None and c.tag_ == "VB":
            xcomp = c
    if xcomp is not None and lem in lex.infinitive_verbs:
        # "urged voters to stay home": the addressee is part of what was urged
        first = obj.left_edge.i if obj is not None and obj.i < xcomp.i else xcomp.left_edge.i
        return _trim(ctx, first, xcomp.right_edge.i + 1), None
    preps = lex.prep_verbs.get(lem)
    if preps:
        for c in verb.rights:
            if c.dep_ in ("prep", "prt") and c.lower_ in preps:
                pobj = _child(c, "pobj", "pcomp")
                if pobj is None or pobj.ent_type_ in ("DATE", "TIME"):
                    continue
                if any(t.pos_ not in ("ADV", "PART") for t in ctx.doc[verb.i + 1 : c.i]):
                    continue  # "called a meeting for Monday": the preposition is not the cue's
                stop = c.right_edge.i + 1
                if xcomp is not None and xcomp.i > c.i:  # "called on Congress to act"
                    stop = max(stop, xcomp.right_edge.i + 1)
                cue_prep = c
                return _trim(ctx, pobj.left_edge.i, stop), cue_prep
    if obj is None or obj.tag_ in ("WP", "WDT"):
        return None, None
    if not (lem in lex.object_verbs or (documented and lem in lex.document_objects)):
        return None, None
    last = obj.right_edge.i
    completed = False  # by a predicate on the object: "called the plan reckless / a disgrace"
    for c in verb.rights:
        if c.i <= obj.i:
            continue
        if c.dep_ in _COMPLEMENT_DEPS or (c.dep_ == "prep" and c.lower_ in _COMPLEMENT_PREPS):
            last = max(last, c.right_edge.i)
            completed = completed or c.dep_ in _COMPLEMENT_DEPS or c.lower_ == "as"
    if lem in lex.needs_complement and not completed:
        if not any(c.dep_ in ("oprd", "appos") or c.lower_ == "as" for c in obj.subtree):
            return None, None
    return _trim(ctx, obj.left_edge.i, last + 1), None


def _can_speak(ctx: _Context, subj: Token) -> bool:
    """Whether a stance verb's subject can be a source: a name, a person, an institution,
    an outlet or a pronoun for one ("the storm threatened" is not an attribution)."""
    lex = ctx.lex
    low = subj.lower_
    if low in lex.person_pronouns or low in lex.group_pronouns:
        return True
    if subj.pos_ == "PRON" or subj.tag_ in ("WP", "WDT", "EX"):
        return False
    return plausible_source(ctx.doc, subj, lex)


def _tags_quotes(lex: Lexicon, verb: Token) -> bool:
    lem = lemma(verb)
    return lem in lex.reporting or lem in lex.quote_tags


def _quote_tag_after(ctx: _Context, q: QuoteSpan) -> Token | None:
    """The reporting verb of "“…,” said Hill" / "“…,” Hill said" (or "according to X")."""
    if q.close_at is None:
        return None
    doc = ctx.doc
    k = ctx.tok_at(q.close_at) + 1
    while k < len(doc) and (doc[k].is_punct and doc[k].text in ",—–-" or doc[k].text == " "):
        k += 1
    if k >= len(doc) or "\n" in doc[k - 1].text_with_ws:
        return None
    if doc[k].lower_ in ctx.lex.according_heads:
        return doc[k]
    for m in range(k, min(len(doc), k + _TAG_WINDOW)):
        t = doc[m]
        if ctx.in_quote[m] or "\n" in t.text or t.text in ".!?":
            return None
        if not _is_verb(t) or t.dep_ in ("aux", "auxpass", "neg"):
            continue
        if not _tags_quotes(ctx.lex, t) or _child(t, "auxpass") is not None:
            return None
        subj = _subject(t, ctx.lex)
        for between in doc[k:m]:
            if between.is_punct or between.is_space:
                continue
            if subj is not None and subj.left_edge.i <= between.i <= subj.right_edge.i:
                continue
            if between.head.i == t.i and between.dep_ in _TAG_FILLER_DEPS:
                continue
            return None
        clause = _child(t, "ccomp")
        if clause is not None and not ctx.in_quote[clause.i]:
            return None  # the verb reports its own clause, not this quotation
        return t
    return None


def _quote_tag_before(ctx: _Context, q: QuoteSpan) -> Token | None:
    """The reporting verb of "Hill said: “…”", "Iran admits “…”", "told reporters: “…”"."""
    doc = ctx.doc
    k = ctx.tok_at(q.open_at) - 1
    text = ctx.text
    while k >= 0 and (doc[k].is_space or doc[k].text in ":,—–"):
        if "\n" in doc[k].text and text[: doc[k].idx].rstrip()[-1:] != ":":
            return None
        k -= 1
    collected: list[Token] = []
    while k >= 0 and len(collected) <= 6:
        t = doc[k]
        if ctx.in_quote[k] or ("\n" in t.text_with_ws and collected) or t.text in ".!?":
            return None
        if _is_verb(t) and t.dep_ not in ("aux", "auxpass"):
            if not _tags_quotes(ctx.lex, t) or _child(t, "auxpass") is not None:
                return None
            for c in collected:
                if c.is_punct:
                    continue
                if c.dep_ in ("nsubjpass", "mark") or t not in c.ancestors:
                    return None
                if c.dep_ == "nsubj" and c.head.i != t.i:
                    return None  # "Said Ellis: “…”" has the subject after its verb
            clause = _child(t, "ccomp")
            if clause is not None and not ctx.in_quote[clause.i] and clause.i < q.open_at:
                return None
            return t
        collected.append(t)
        k -= 1
    return None


#: Longest name a colon tag may carry ("Senate Majority Leader Mitch McConnell: “…”").
_COLON_NAME_MAX = 8


def _colon_speaker(ctx: _Context, q: QuoteSpan) -> _Speaker | None:
    """"Kerry: “By law, …”": a name alone before a colon that opens a quotation.

    The name must be the whole of its sentence up to the colon, hold no verb, and be a
    plausible source (a person, an institution, an outlet), so that "Wait, it gets
    better: “…”" and "Question: “…”" are not taken for speakers.
    """
    doc = ctx.doc
    k = ctx.tok_at(q.open_at) - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    if k < 1 or doc[k].text != ":" or "\n" in doc[k].text_with_ws:
        return None
    sent_start = doc[k].sent.start
    name = doc[sent_start:k]
    if not 0 < len(name) <= _COLON_NAME_MAX:
        return None
    if any(ctx.in_quote[t.i] or _is_verb(t) or t.pos_ in ("AUX", "PRON") for t in name):
        return None
    root = name.root
    if root.pos_ not in ("PROPN", "NOUN") or not plausible_source(doc, root, ctx.lex):
        return None
    first, stop = np_bounds(root, ctx.lex)
    if first != sent_start or stop != k:
        return None
    who = _Who(first, stop, source_type(doc, first, stop, root, ctx.lex))
    colon = doc[k]
    return _Speaker(who, (), "direct_quote", ":", (colon.idx, colon.idx + 1))


def _according_speaker(ctx: _Context, according: Token) -> tuple[_Who, tuple[int, int]] | None:
    to = next((c for c in according.children if c.lower_ == "to"), None)
    if to is None:
        return None
    pobj = _child(to, "pobj")
    if pobj is None:
        return None
    src = pobj
    if lemma(pobj) in ctx.lex.document_nouns:
        src = _issuer(pobj, ctx.lex) or pobj
    who = ctx.who(src)
    if who is None:
        return None
    return who, (according.idx, to.idx + len(to.text))


def _direct_quotes(ctx: _Context, drafts: list[_Draft]) -> list[QuoteSpan]:
    """Pass 1: speakers of quotations; returns the quotations left without one."""
    by_group: dict[int, _Speaker] = {}
    pending: list[QuoteSpan] = []
    tagged: dict[QuoteSpan, _Speaker] = {}
    for q in ctx.quotes:
        speaker: _Speaker | None = None
        tag = _quote_tag_after(ctx, q) or _quote_tag_before(ctx, q)
        if tag is not None:
            if tag.lower_ in ctx.lex.according_heads:
                found = _according_speaker(ctx, tag)
                if found is not None:
                    speaker = _Speaker(found[0], (), "direct_quote", "according to", found[1])
            else:
                speaker = _speaker(ctx, tag)
            if speaker is not None:
                ctx.used.add(tag.i)
                if speaker.kind != "quoted_as_saying":
                    speaker = speaker._replace(kind="direct_quote")
        else:
            speaker = _colon_speaker(ctx, q)
        if speaker is not None:
            tagged[q] = speaker
            by_group.setdefault(q.group, speaker)
    last: tuple[QuoteSpan, _Speaker] | None = None
    for q in ctx.quotes:
        speaker = tagged.get(q)
        if speaker is None and q.group in by_group:
            speaker = _carried(by_group[q.group])
        if speaker is None and last is not None and _continues(ctx, last[0], q):
            speaker = _carried(last[1])
        if speaker is None:
            pending.append(q)
            continue
        drafts.append(_Draft(speaker.kind, speaker, (q.start, q.end), (q.start, q.end)))
        last = (q, speaker)
    return pending


def _carried(speaker: _Speaker) -> _Speaker:
    """The same speaker for a quotation whose tag is elsewhere: nothing local but the words."""
    src = speaker.source._replace(local=False, mention=None)
    via = tuple(v._replace(local=False) for v in speaker.via)
    return speaker._replace(source=src, via=via, cue_span=None)


def _continues(ctx: _Context, prev: QuoteSpan, q: QuoteSpan) -> bool:
    """A whole-sentence quotation right after a quoted speaker's sentence continues it."""
    if q.words < _CONTINUATION_MIN_WORDS or q.open_at < prev.end:
        return False
    text = ctx.text
    before = text[: q.open_at].rstrip(" ")
    if before and before[-1] not in ".!?\n":
        return False
    if q.close_at is not None:
        inside = text[q.open_at + 1 : q.close_at].rstrip()
        after = text[q.close_at + 1 : q.close_at + 2]
        if not (inside[-1:] in (".", "!", "?", "…") or after in ("", ".", "!", "?", "\n")):
            return False  # quoted words inside a sentence of the page's own
    # the gap may hold only the end of the previous sentence: its tag, no other statement
    gap_start = prev.close_at + 1 if prev.close_at is not None else prev.end
    gap = text[gap_start : q.open_at]
    if gap.count("\n\n") > 1 or sum(1 for c in gap if c in ".!?") > 1:
        return False
    first = ctx.tok_at(gap_start)
    last = ctx.tok_at(q.open_at)
    return not any(_is_verb(t) and not _tags_quotes(ctx.lex, t) for t in ctx.doc[first:last])


def _according(ctx: _Context, tokens: list[Token], drafts: list[_Draft]) -> None:
    """Pass 2: "according to X, …" / "…, according to X"."""
    lex = ctx.lex
    for tok in tokens:
        if tok.i in ctx.used:
            continue
        found = _according_speaker(ctx, tok)
        if found is None:
            continue
        who, cue_span = found
        head = tok.head
        while not _is_verb(head) and head.dep_ != "ROOT" and head.head.i != head.i:
            head = head.head
        if (
            lemma(head) in lex.reporting
            and head.i not in ctx.used
            and _subject(head, lex) is not None
            and _child(head, "ccomp") is not None
        ):
            ctx.according_via[head.i] = who  # "According to X, Y said …": Y via X
            continue
        content = _content(ctx, head, tok)
        if content is None:
            continue
        speaker = _Speaker(who, (), "according_to", "according to", cue_span)
        drafts.append(_Draft("according_to", speaker, content))


def _reported(ctx: _Context, verbs: list[Token], drafts: list[_Draft]) -> None:
    """Pass 3: reporting verbs that govern a clause (or a figure)."""
    lex = ctx.lex
    for verb in verbs:
        if verb.i in ctx.used:
            continue
        lem = lemma(verb)
        if lem in lex.cite_lemmas and verb.tag_ == "VBG":
            continue  # "citing X" is part of another verb's chain
        if lem in lex.quote_lemmas and any(c.lower_ == "as" for c in verb.children):
            continue  # handled at its "saying"
        nsubj = _child(verb, "nsubj")
        documented = nsubj is not None and lemma(nsubj) in lex.document_nouns
        if lem not in lex.reporting and not documented:
            # "the survey shows that …": only documents find; stance verbs need a speaker
            if lem not in lex.stance:
                continue
            subj = _subject(verb, lex)
            if subj is None or not _can_speak(ctx, subj):
                continue
        content, cue_prep = _reported_content(ctx, verb, documented=documented)
        if content is None:
            continue
        speaker = _speaker(ctx, verb)
        if speaker is None:
            continue
        if cue_prep is not None and speaker.cue_span is not None:
            end = cue_prep.idx + len(cue_prep.text)
            speaker = speaker._replace(
                cue=f"{speaker.cue} {cue_prep.lower_}", cue_span=(speaker.cue_span[0], end)
            )
        ctx.used.add(verb.i)
        stance = lem not in lex.reporting
        drafts.append(_Draft(speaker.kind, speaker, content, stance=stance))


def _drop_nested(drafts: list[_Draft]) -> list[_Draft]:
    """Stance cues inside what someone else is reported to have said are part of those
    words: "Clinton said she wants to …" is one attribution to Clinton, not two."""
    spans = [d.content for d in drafts if d.content is not None]
    out = []
    for d in drafts:
        cue = d.speaker.cue_span
        if d.stance and cue is not None:
            if any(s <= cue[0] and cue[1] <= e for s, e in spans if (s, e) != d.content):
                continue
        out.append(d)
    return out


def _passives(ctx: _Context, verbs: list[Token], drafts: list[_Draft]) -> None:
    """Pass 4: "it is believed that …", "… are believed to be …", "it was reported by X"."""
    for verb in verbs:
        aux = _child(verb, "auxpass")
        if aux is None or verb.i in ctx.used:
            continue
        agent = _child(verb, "agent")
        by = _child(agent, "pobj") if agent is not None else None
        comp = _child(verb, *_PASSIVE_COMPLEMENTS)
        if comp is None:
            continue
        subj = _child(verb, "nsubjpass")
        if subj is not None and subj.lower_ == "it" and comp.dep_ == "ccomp":
            content = _content(ctx, comp)
        elif subj is not None:
            content = _trim(ctx, subj.left_edge.i, comp.right_edge.i + 1)
        else:
            content = _content(ctx, comp)
        if content is None:
            continue
        cue_span = (min(aux.idx, verb.idx), verb.idx + len(verb.text))
        cue = f"{aux.lower_} {verb.lower_}"
        who = ctx.who(by) if by is not None else None
        if by is not None and who is not None:
            speaker = _Speaker(who, (), "reported_speech", f"{cue} by", cue_span)
        else:
            speaker = _Speaker(_NOBODY, (), "passive", cue, cue_span)
        ctx.used.add(verb.i)
        drafts.append(_Draft(speaker.kind, speaker, content))


def _leftover_quotes(ctx: _Context, pending: list[QuoteSpan], drafts: list[_Draft]) -> None:
    """Pass 5: partial quotes inside attributed clauses, and unattributed quotations."""
    attributed = [d for d in drafts if d.kind != "direct_quote" and d.content is not None]
    quoted = [(q.open_at, q.close_at if q.close_at is not None else q.end) for q in ctx.quotes]
    nobody = _Speaker(_NOBODY, (), "unattributed_quote", _UNATTRIBUTED, None)
    for q in pending:
        if any(o < q.open_at and q.end <= c for o, c in quoted):
            continue  # nested inside another quotation: part of those words
        holder = None
        if q.words >= 2:
            for d in attributed:
                assert d.content is not None
                if d.content[0] <= q.start and q.end <= d.content[1]:
                    holder = d
                    break
        if holder is None:
            drafts.append(_Draft("unattributed_quote", nobody, (q.start, q.end), (q.start, q.end)))
        elif holder.quote is None:
            holder.quote = (q.start, q.end)
        else:
            carried = _carried(holder.speaker)._replace(cue_span=holder.speaker.cue_span)
            drafts.append(_Draft("direct_quote", carried, (q.start, q.end), (q.start, q.end)))


def _source(ctx: _Context, who: _Who) -> Source:
    if who.first is None or who.stop is None:
        return Source(None, who.type, None, None)
    start, end = ctx.chars(who.first, who.stop)
    mention = None
    if who.mention is not None:
        m_start, m_end = ctx.chars(*who.mention)
        mention = Span.of(ctx.text, m_start, m_end)
    return Source(ctx.text[start:end], who.type, start, end, mention)


def _finish(ctx: _Context, drafts: list[_Draft]) -> tuple[Attribution, ...]:
    text = ctx.text
    rows: list[tuple[int, int, _Draft, list[int]]] = []
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
                kind=d.kind,
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
    text = doc.text  # Doc.text rebuilds the string on every access: read it once
    ctx = _Context(doc, text, page, lex, find_quotes(text))
    verbs: list[Token] = []
    passives: list[Token] = []
    according: list[Token] = []
    in_quote = ctx.in_quote
    verb_tags, according_hashes = lex.verb_tag_hashes, lex.according_hashes
    for i, (tag_hash, low_hash) in enumerate(doc.to_array(["TAG", "LOWER"]).tolist()):
        if in_quote[i]:
            continue  # speech reported inside a quotation is the quoted speaker's own
        if low_hash in according_hashes:
            according.append(doc[i])
        elif tag_hash in verb_tags:
            tok = doc[i]
            lem = tok.lemma_.lower()
            if lem in lex.passive and _child(tok, "auxpass") is not None:
                passives.append(tok)
            elif (
                lem in lex.reporting
                or lem in lex.document_verbs
                or lem in lex.stance
                or lem in lex.document_objects
            ):
                verbs.append(tok)
    for verb in verbs:
        subj = _child(verb, "nsubj")
        if subj is not None and subj.pos_ != "PRON":
            named = appositive_name(subj, lex)
            if named is not None:  # "he" after "the governor, Eduardo Leite, said" is Leite
                ctx.speakers.append(Mention(named[0], named[1], "person", True))
                continue
            first, stop = subject_bounds(subj, lex)
            typ = source_type(doc, first, stop, subj, lex)
            plural = subj.tag_ in ("NNS", "NNPS")
            ctx.speakers.append(Mention(first, stop, typ, True, plural))
    drafts: list[_Draft] = []
    pending = _direct_quotes(ctx, drafts)
    _according(ctx, according, drafts)
    _reported(ctx, verbs, drafts)
    _passives(ctx, passives, drafts)
    _leftover_quotes(ctx, pending, drafts)
    return _finish(ctx, _drop_nested(drafts))
