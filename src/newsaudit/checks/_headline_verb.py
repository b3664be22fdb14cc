"""The headline's verb: which kind of claim it makes and whose words it reports.

Headline verbs that put words or facts in a source's mouth (``checks.json``,
``headline_verbs``): *concession* ("Iran Admits …"), *criticism* ("Union Slams …"),
*omission* ("Council Ignored …") and *change* ("Firm Slashes …"). The verb is read on the
word, because title case defeats the tagger ("Slams" comes out a proper noun), but only
where it can be a verb:

- in a headline in sentence case the tagger is trusted: "Death toll from Aleppo bomb
  attack at least 112" has the noun "attack", not the verb;
- a form that could be a plural noun ("Blasts") counts only when the parser does not
  take the next word for the verb ("Market Blasts Kill 12"), and no form counts right
  after a preposition ("… Dies in Car Crash");
- the words before the verb must be able to name a speaker: a short phrase with no
  figure and no preposition like "from" or "after" ("At least 100 civilians dead in
  toxic gas attack" has no speaker, so no message names one).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from newsaudit.attribution.sources import lexicon as attribution_lexicon
from newsaudit.checks._headline import (
    Headline,
    headline_attributions,
    lexicon,
    negation_before,
)
from newsaudit.checks._sources import TokenIndex, cues
from newsaudit.inflect import inflections
from newsaudit.model import Attribution, Quantity, Report, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Particles that turn a criticism verb into a verb of doing ("rip up", "blast off",
#: "tear down", "slam shut").
_OTHER_SENSE_PARTICLES = frozenset({"up", "off", "down", "apart", "open", "shut", "through"})

#: Words that, straight after a past participle, make a headline's elided passive ("was
#: confirmed dead", "reported missing"): the participle's subject is what it is said of.
_STATES_AFTER_PASSIVE = frozenset({"dead", "alive", "missing", "safe", "wounded", "injured"})

#: A speaker before a headline verb is a name or a short noun phrase.
_MAX_SPEAKER_WORDS = 6


#: Prepositions after which a criticism word is a noun ("Attack in Daraa", "Attacks on
#: Media", "Blast near School"), unlike a verb's particle ("Lashes Out", "Rails Against").
_NOUN_PREPOSITIONS = frozenset({"in", "on", "near", "at", "of", "from", "by", "outside",
                                "inside", "during", "after", "across"})


@lru_cache(maxsize=1)
def _verbs() -> dict[str, tuple[str, str | None]]:
    """Headline verb form (lower case, first word of a phrasal verb) -> its verb class and
    the particle a phrasal verb needs after it ("hit out": "out"; plain "hit" is not
    criticism, it is what missiles do)."""
    data = cues()["raw"]["headline_verbs"]
    out: dict[str, tuple[str, str | None]] = {}
    for cls, lemmas in data.items():
        if cls.startswith("_"):
            continue
        for lem in lemmas:
            first, *rest = lem.split()
            for form in inflections(first):
                out.setdefault(form, (cls, rest[0] if rest else None))
    return out


@lru_cache(maxsize=1)
def _speaker_nouns() -> frozenset[str]:
    """Nouns for people and bodies that speak (the attribution lexicon's roles,
    organisations, unnamed people and officials, outlets)."""
    lex = attribution_lexicon()
    return lex.roles | lex.organisations | lex.unspecified_people | lex.anonymous | \
        lex.outlet_nouns


def can_criticise(words: list[Token]) -> bool:
    """Whether the words before a criticism verb name someone who can speak. Every
    criticism verb in headlines also has a physical sense ("slams", "blasts", "attacks",
    "rips", "torches"), and a conflict page's headline uses that one: "Russian airstrikes
    hit …", "Israeli jets attack …". The speaker's head word decides: a noun for people or
    a body, a nationality or party ("Democrats"), or a name (capitalised, singular); a
    plural common noun (airstrikes, jets, missiles) or a lower-case thing is no critic."""
    if not words:
        return False
    head = words[-1]
    if head.lower_ in _speaker_nouns() or head.lemma_.lower() in _speaker_nouns():
        return True
    if head.ent_type_ == "NORP":
        return True
    if head.tag_ in ("NNS", "NNPS") or head.pos_ == "ADJ":
        return False  # "Terrorist Blast Kills …": an adjective describes; it does not speak
    return head.is_title or head.is_upper


def verb_class(tok: Token, *, title_case: bool) -> str | None:
    """The class of a headline verb at ``tok``, or ``None`` when it is not one there."""
    entry = _verbs().get(tok.lower_)
    if entry is None:
        return None
    cls, particle = entry
    if particle is not None and (tok.i + 1 >= len(tok.doc) or tok.nbor(1).lower_ != particle):
        return None  # "hit out at" criticises; "hit" alone strikes
    if cls in ("criticism", "change") and particle is None and tok.i + 1 < len(tok.doc) \
            and tok.nbor(1).lower_ in _OTHER_SENSE_PARTICLES:
        # "Rips Up the Contract", "Blasts Off": another verb, not criticism; "Cuts Off
        # His Finger", "Crashes Through a Fence": no change of size
        return None
    if not title_case and tok.pos_ not in ("VERB", "AUX"):
        return None  # sentence case: the tagger knows "bomb attack" is a noun
    if any(tok.doc[j].pos_ == "ADP" for j in range(max(0, tok.i - 2), tok.i)):
        return None  # "… Dies in Car Crash": the object of a preposition is a noun
    if tok.pos_ != "VERB" and tok.dep_ not in ("ROOT", "conj") and any(
        t.pos_ == "VERB" and t.dep_ == "ROOT" for t in tok.doc[tok.sent.start : tok.i]
    ):
        return None  # "Drunk Driver Caused Harlow Bus Crash": the headline's verb came
        # first; a word after it the tagger does not call a verb is its object
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    verb_next = nxt is not None and nxt.pos_ in ("VERB", "AUX") and nxt.lower_ not in _verbs()
    if tok.pos_ != "VERB" and verb_next:
        return None
    if (cls == "criticism" and particle is None and nxt is not None and nxt.pos_ == "ADP"
            and nxt.lower_ in _NOUN_PREPOSITIONS):
        return None  # "Takfiri Attack in Daraa", "Attacks on Media": a noun; a critic's
        # verb takes its target straight after it ("Slams Mayor")
    if cls == "omission" and nxt is not None and nxt.lower_ == "as":
        return None  # "dismissed as a hoax" characterises; it does not say anyone ignored
    if tok.lower_.endswith("ed") and nxt is not None and (
        nxt.tag_ == "VBN" or nxt.lower_ in _STATES_AFTER_PASSIVE
    ):
        return None  # "Leader confirmed killed", "… reported missing": a passive, no speaker
    return cls


def can_speak(words: list[Token]) -> bool:
    """Whether the words before a headline verb can name who did it: a short phrase
    without a figure or a preposition that puts it somewhere ("toll from", "dead in")."""
    if not words or len(words) > _MAX_SPEAKER_WORDS:
        return False
    bad = lexicon()["not_in_a_speaker"]
    return not any(t.like_num or t.lower_ in bad for t in words)


#: How many words before a headline verb its negation may stand ("is not confirming").
_NEGATION_REACH = 2
#: How far after an omission verb its object may name a claim ("dismisses ‘unfounded’ reports").
_OBJECT_REACH = 4


def _negated(verb: Token) -> bool:
    """Whether the headline says its verb did not happen ("is not confirming", "cannot
    confirm"): a negation attached to it or in the two words before it (title case
    defeats the parser's "neg" now and then). The negations are the headline reading's
    (``checks.json``, ``headline_reading.unverified``)."""
    if any(ch.dep_ == "neg" for ch in verb.children):
        return True
    return negation_before(verb.doc, verb.i, _NEGATION_REACH)


def _rebuts(verb: Token) -> bool:
    """Whether an omission verb ("dismisses", "brushes off") takes a claim for object: its
    subject answered the claim, which is no failure to act."""
    nouns = lexicon()["claim_nouns"]
    return any(t.lemma_.lower() in nouns or t.lower_.rstrip("s") in nouns
               for t in verb.doc[verb.i + 1 : verb.i + 1 + _OBJECT_REACH])


class HeadlineVerb:
    """The headline's verb of saying or judging, with its source, content and figures."""

    def __init__(self, report: Report, doc: Doc, h: Headline, index: TokenIndex) -> None:
        self.report = report
        self.h = h
        self.verb: Token | None = None
        self.cls: str | None = None
        self.source: str | None = None
        self.content: Span | None = None
        self.att: Attribution | None = None
        text = report.document.text
        lo, hi = h.claim.start, h.claim.end
        for i in index.within(lo, hi):
            cls = verb_class(doc[i], title_case=h.title_case)
            if cls is not None:
                self.verb, self.cls = doc[i], cls
                break
        self.figures: list[Quantity] = [q for q in report.quantities if lo <= q.start < hi]
        if self.verb is None:
            return
        v = self.verb
        if _negated(v) or (self.cls == "omission" and _rebuts(v)):
            # "Durex is not confirming or denying …" puts no concession in Durex's mouth;
            # "Official Dismisses ‘Unfounded’ Reports …" is a rebuttal someone spoke,
            # not a failure to act
            self.verb = self.cls = None
            return
        heads = headline_attributions(report, h)
        self.att = next((a for a in heads
                         if a.cue_span and a.cue_span.start <= v.idx < a.cue_span.end), None)
        if self.att is None:  # a quotation right after the verb is what the source said
            v_end = v.idx + len(v.text)
            self.att = next((a for a in heads
                             if a.quote and a.content and 0 <= a.content.start - v_end <= 3),
                            None)
        # the source: the words before the verb, back to a colon or the claim's start
        start = max(lo, text.rfind(":", lo, v.idx) + 1)
        before = [doc[i] for i in index.within(start, v.idx) if not doc[i].is_space]
        if self.cls == "criticism" and before and not can_criticise(before):
            self.verb = self.cls = None  # a weapon or a storm "slams": not criticism
            return
        if can_speak(before):
            self.source = text[before[0].idx : before[-1].idx + len(before[-1])]
        elif not before and self.att is not None:
            self.source = self.att.source.text
        said = self.att.content if self.att is not None else None
        if said is not None and said.start > v.idx:
            self.content = said
        else:
            after = v.idx + len(v.text)
            stop = len(text[after:hi].split(",")[0])
            cs, ce = after, after + stop
            while cs < ce and text[cs].isspace():
                cs += 1
            while ce > cs and text[ce - 1].isspace():
                ce -= 1
            if ce > cs:
                self.content = Span.of(text, cs, ce)

    @property
    def claim_span(self) -> Span:
        """The headline from its source to the end of the verb's content, verbatim."""
        text = self.report.document.text
        phrase = self.phrase
        start = phrase.start
        if self.source:
            found = text.rfind(self.source, self.h.claim.start, start)
            start = found if found >= 0 else start
        return Span.of(text, start, phrase.end)

    @property
    def quoted(self) -> str:
        return self.claim_span.text

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
