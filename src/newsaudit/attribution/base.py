"""What every attribution pass shares: the records a pass drafts, the per-Doc context,
and the parse-tree helpers that find a cue's speaker and turn a subtree into content.

Records stay token ranges (``Who``) and character ranges until
:func:`newsaudit.attribution.extract_attributions` numbers them; nothing here builds a
public record.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING, NamedTuple

from newsaudit.attribution.quotemarks import QuoteSpan
from newsaudit.attribution.sources import (
    Lexicon,
    Mention,
    PronounResolver,
    appositive_name,
    lemma,
    np_bounds,
    plausible_source,
    source_type,
    subject_bounds,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from newsaudit.model import Page


SUBJ_DEPS = frozenset({"nsubj", "nsubjpass"})

_QUOTE_MARKS = frozenset("\"“”‘’«»„")


class Who(NamedTuple):
    """A source as a token range (``first is None`` = nobody named)."""

    first: int | None
    stop: int | None
    type: str
    mention: tuple[int, int] | None = None  # the pronoun, when resolved
    local: bool = True  # lies in the attribution's own sentence


class Speaker(NamedTuple):
    """What a cue tells before its content is known: who, through whom, and how."""

    source: Who
    via: tuple[Who, ...]
    kind: str
    cue: str
    cue_span: tuple[int, int] | None  # character offsets


class Draft:
    """An attribution before numbering; mutable so a later pass can add a partial quote."""

    __slots__ = ("kind", "speaker", "content", "quote", "stance")

    def __init__(
        self,
        kind: str,
        speaker: Speaker,
        content: tuple[int, int] | None,
        quote: tuple[int, int] | None = None,
        stance: bool = False,
    ) -> None:
        self.kind = kind
        self.speaker = speaker
        self.content = content
        self.quote = quote
        self.stance = stance  # cued by a stance verb, not a verb of saying


NOBODY = Who(None, None, "unspecified")


class Context:
    """What every pass needs: the Doc, lexicon, quotations and pronoun resolver."""

    def __init__(
        self, doc: Doc, text: str, page: Page, lex: Lexicon, quotes: tuple[QuoteSpan, ...]
    ) -> None:
        self.doc = doc
        self.text = text
        self.page = page
        self.lex = lex
        self.quotes = quotes
        opens = [q.open_at for q in quotes]
        # where the quotations opening at or after an offset begin, when they are in order
        self.quote_opens: list[int] | None = (
            opens if all(a <= b for a, b in zip(opens, opens[1:], strict=False)) else None
        )
        self.starts = doc.to_array("IDX").tolist()
        self.in_quote = bytearray(len(doc))
        for q in quotes:
            end = q.close_at if q.close_at is not None else q.end
            for i in range(self.tok_at(q.open_at), self.tok_at(end) + 1):
                self.in_quote[i] = 1
        self.according_via: dict[int, Who] = {}
        self.used: set[int] = set()
        self.cue_verbs: set[int] = set()  # every candidate cue verb's index, from the scan
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

    def who(self, tok: Token) -> Who | None:
        """The source named by ``tok``; ``None`` when no source can be taken from it."""
        lex = self.lex
        low = tok.lower_
        if low in lex.skip_pronouns:
            return None
        if low in lex.person_pronouns or low in lex.group_pronouns:
            found = self.resolver.resolve(tok)
            if found is None:
                return Who(tok.i, tok.i + 1, "unspecified")
            return Who(found.first, found.stop, found.type, (tok.i, tok.i + 1), False)
        if tok.pos_ == "PRON" or tok.tag_ in ("WP", "WDT", "EX"):
            return None
        if lemma(tok) in lex.events and tok.pos_ != "PROPN":
            return None  # "Valley earthquake: confirmed toll rises": an event never speaks
        behind = issued_by(tok, lex) if lemma(tok) in lex.document_nouns else None
        if behind is not None:
            # "figures released by the ministry show …", "a report by the Monitor said":
            # the issuer stands behind the document, so it is the source
            issuing = self.who(behind)
            if issuing is not None and issuing.type != "unspecified":
                return issuing
        named = appositive_name(tok, lex)
        if named is not None:
            # "the governor, Paul Adeyemi" / "its chief executive, Laura Chen": the name
            return Who(named[0], named[1], "person")
        if tok.dep_ in SUBJ_DEPS:
            first, stop = subject_bounds(tok, lex)
        else:
            first, stop = np_bounds(tok, lex)
        start = self._past_dateline(first, stop)
        if start is None or start >= stop:
            # the parser made the dateline a subject of its own: the next one is the speaker
            # (strictly after ``tok``: an empty span must not lead back to ``tok`` itself)
            after = max(stop, tok.i + 1)
            sib = next((c for c in tok.head.children if c.dep_ == tok.dep_ and c.i >= after), None)
            return self.who(sib) if sib is not None and tok.dep_ in SUBJ_DEPS else None
        if start != first:
            first, tok = start, self.doc[start:stop].root  # the name after the dateline
        return Who(first, stop, source_type(self.doc, first, stop, tok, lex))

    def _past_dateline(self, first: int, stop: int) -> int | None:
        """Where a name starts once a dateline glued to it is cut off: "WASHINGTON (AP) —
        Donald Trump" -> "Donald Trump"; ``None`` when the name is the dateline itself."""
        doc = self.doc
        if first > 0 and "\n" not in doc[first - 1].text_with_ws and not doc[first - 1].is_space:
            return first  # a dateline opens its line
        k = first
        while k < len(doc) and k < stop + 6:
            t = doc[k]
            if t.text in _DATELINE_DASHES:
                return k + 1 if k > first else first
            dateline_like = t.is_upper or t.is_punct or t.like_num
            if not (dateline_like or t.ent_type_ in ("DATE", "ORG", "GPE")):
                return first
            if k >= stop and t.text not in "()" and not t.is_upper and not t.is_punct:
                return first
            k += 1
        return first


def is_verb(tok: Token) -> bool:
    return tok.tag_.startswith("VB")


def child(tok: Token, *deps: str) -> Token | None:
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None


_DATELINE_DASHES = frozenset({"—", "–", "-", "--"})
#: How far :func:`subject` climbs through controlling verbs ("went on to say", "began by
#: saying", "is right to note"); deeper chains are rarer than the parser's mistakes.
_CONTROL_DEPTH = 3
_SPEAKER_NOUN_POS = frozenset({"NOUN", "PROPN"})


def can_speak(subj: Token, lex: Lexicon) -> bool:
    """Whether a noun can be a source: a name, a person, an institution, an outlet, a
    document or a pronoun for one ("the storm threatened" is not an attribution)."""
    low = subj.lower_
    if low in lex.person_pronouns or low in lex.group_pronouns:
        return True
    if subj.pos_ == "PRON" or subj.tag_ in ("WP", "WDT", "EX"):
        return False
    return plausible_source(subj.doc, subj, lex)


def subject(tok: Token, lex: Lexicon, depth: int = 0) -> Token | None:
    """The speaker token of a cue verb: its own subject, or the subject that controls it.

    A verb with no subject of its own borrows one from the verb it hangs on: coordination
    ("rose and said"), a participle ("…, saying"), a to-infinitive ("went on to say",
    "is right to note"; none after an object: "urged voters to say" is an appeal), a gerund
    after a preposition ("began by saying"), and a participle on a noun ("the group backing
    Jeb"). A borrowed subject must be able to speak: the parser
    often hangs a participle on the wrong verb or noun ("a microphone telling …").
    """
    subj = child(tok, "nsubj")
    if subj is not None:
        if subj.tag_ in ("WP", "WDT") and tok.dep_ == "relcl":
            return tok.head
        return subj
    head = tok.head
    dep = tok.dep_
    if dep == "acl" and lemma(head) in lex.document_nouns:
        return issuer(head, lex) or (child(head.head, "nsubj") if head.dep_ == "dobj" else None)
    if head.i == tok.i or depth >= _CONTROL_DEPTH:
        return None
    found = _controller(tok, head, dep, lex, depth)
    if found is None or (depth == 0 and not can_speak(found, lex)):
        return None
    return found


def _controller(tok: Token, head: Token, dep: str, lex: Lexicon, depth: int) -> Token | None:
    if dep == "conj" and is_verb(head):
        return child(head, "nsubj", "nsubjpass") or subject(head, lex, depth + 1)
    if dep == "advcl" and is_verb(head) and (
        tok.tag_ == "VBG" or (tok.tag_ == "VB" and lemma(head) in lex.control_verbs)
    ):
        # "The ministry issued a statement, saying …", "went on to say", not "met to discuss"
        return subject(head, lex, depth + 1)
    if dep == "xcomp":
        if child(head, "dobj") is not None:
            return None  # "urged voters to say", "told him to leave": an order, not speech
        if is_verb(head):
            return child(head, "nsubjpass") or subject(head, lex, depth + 1)
        if head.dep_ == "acomp" and is_verb(head.head):
            return subject(head.head, lex, depth + 1)  # "is right to note"
        return None
    if dep == "pcomp" and tok.tag_ == "VBG" and head.dep_ == "prep" and is_verb(head.head):
        return subject(head.head, lex, depth + 1)  # "began by saying"
    if dep == "acl" and tok.tag_ == "VBG" and head.pos_ in _SPEAKER_NOUN_POS:
        return head  # "the group backing Jeb"
    return None


def issuer(noun: Token, lex: Lexicon) -> Token | None:
    """Who stands behind a document: "the ministry's figures", "a release issued by X"."""
    for c in noun.children:
        if c.dep_ == "poss" and c.pos_ != "PRON":
            return c
    return issued_by(noun, lex)


def issued_by(noun: Token, lex: Lexicon) -> Token | None:
    """The issuer a document noun names on itself: "figures released by X", "a report by
    X", "numbers from X"; never an agent deeper in the phrase ("a tally of people killed by
    the army" is not the army's tally), a date ("a report from last year") or another
    document."""
    for c in noun.children:
        by: Token | None = None
        if c.dep_ == "prep" and c.lower_ in ("by", "from"):
            by = c
        elif c.dep_ == "acl" and c.tag_ == "VBN":
            by = child(c, "agent")
        pobj = child(by, "pobj") if by is not None else None
        if pobj is not None and lemma(pobj) not in lex.document_nouns and pobj.ent_type_ not in (
                "DATE", "TIME"):
            return pobj
    return None


_GROUP_DEPS = frozenset({"aux", "auxpass", "neg", "advmod"})


def group_start(verb: Token) -> int:
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


def trim(ctx: Context, first: int, stop: int) -> tuple[int, int] | None:
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
    # Quotations opening more than two characters before the content cannot touch it:
    # skip them rather than walk every quotation of the page for every content.
    skip = bisect_left(ctx.quote_opens, start - 2) if ctx.quote_opens is not None else 0
    for q in ctx.quotes[skip:]:
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


def content_span(ctx: Context, head: Token, exclude: Token | None = None) -> tuple[int, int] | None:
    first, stop = head.left_edge.i, head.right_edge.i + 1
    if exclude is not None:
        doc = ctx.doc
        ex_first, ex_stop = exclude.left_edge.i, exclude.right_edge.i + 1
        if ex_first <= first < ex_stop or all(_filler(t) for t in doc[first:ex_first]):
            first = max(first, ex_stop)
        elif ex_first < stop <= ex_stop or all(_filler(t) for t in doc[ex_stop:stop]):
            stop = min(stop, ex_first)
    return trim(ctx, first, stop)


def _filler(tok: Token) -> bool:
    return tok.is_punct or tok.is_space
