"""Who is speaking: the extent of a source's noun phrase, its type, and pronoun speakers.

Pure functions over a parsed spaCy ``Doc``; the lexicons live in
``data/attribution.json``. Token ranges are half-open ``(first, stop)`` index pairs so the
caller can turn them into character offsets at the very end.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

# hash_string is a public cpdef function of spacy/strings.pyx (what StringStore uses to
# hash); spaCy's strings.pyi just leaves it out.
from spacy.strings import hash_string  # type: ignore[attr-defined]

from newsaudit.datafiles import load_json
from newsaudit.offsets import Inside

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Right-hand prepositions that belong to a speaker's description ("a spokesman for the
#: ministry", "a source close to the talks", "officials in Kabul"); others ("on Monday",
#: "by phone") describe the speaking, not the speaker.
_NAME_PREPS = frozenset({"of", "for", "from", "at", "in", "with", "to", "within", "inside"})
_NAME_RIGHT_DEPS = frozenset({"compound", "nummod", "amod", "flat"})
_TIME_ENTS = frozenset({"DATE", "TIME"})
_ORG_ENTS = frozenset({"ORG", "GPE", "NORP", "FAC"})
_SUBJ_DEPS = frozenset({"nsubj", "nsubjpass"})
_VERB_TAGS = ("VB", "VBD", "VBG", "VBN", "VBP", "VBZ")
_NOMINAL_TAGS = ("NN", "NNS", "JJ")
_INDEFINITE = frozenset({"a", "an", "one", "some", "two", "three", "several", "many", "any"})


@dataclass(frozen=True, eq=False)
class Lexicon:
    """The cue words and source nouns of ``attribution.json`` as sets, built once."""

    reporting: frozenset[str]
    np_content: frozenset[str]
    figure_at: frozenset[str]
    counting: frozenset[str]
    document_verbs: frozenset[str]
    passive: frozenset[str]
    quote_lemmas: frozenset[str]
    as_verbs: frozenset[str]
    cite_lemmas: frozenset[str]
    according_heads: frozenset[str]
    document_nouns: frozenset[str]
    speech_events: frozenset[str]
    vague: frozenset[str]
    unspecified_people: frozenset[str]
    anonymous: frozenset[str]
    roles: frozenset[str]
    organisations: frozenset[str]
    outlet_nouns: frozenset[str]
    outlet_phrases: re.Pattern[str]
    outlet_names: re.Pattern[str]
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    skip_pronouns: frozenset[str]
    states: frozenset[str]
    quote_tags: frozenset[str]
    clause_verbs: frozenset[str]
    infinitive_verbs: frozenset[str]
    object_verbs: frozenset[str]
    needs_complement: frozenset[str]
    document_objects: frozenset[str]
    prep_verbs: dict[str, frozenset[str]]
    acting_on_events: frozenset[str]
    events: frozenset[str]
    colon_labels: frozenset[str]
    empty_objects: frozenset[str]
    passive_orders: frozenset[str]
    speech_nouns: frozenset[str]
    noun_preps: frozenset[str]
    light_verbs: frozenset[str]
    control_verbs: frozenset[str]
    adjective_frames: dict[str, frozenset[str]]
    #: every lemma that may cue an attribution beyond the reporting verbs
    stance: frozenset[str]
    #: spaCy string hashes of the verb tags and of the "according" heads, so the scan
    #: over a Doc's tokens can run on an integer array and build Token objects only for
    #: candidates (Token creation was most of the stage's cost)
    verb_tag_hashes: frozenset[int]
    according_hashes: frozenset[int]
    #: tag hashes of common nouns and adjectives, and lemma hashes of the nominal cues
    nominal_tag_hashes: frozenset[int]
    nominal_lemma_hashes: frozenset[int]


def _words(data: dict, key: str, field: str = "lemmas") -> frozenset[str]:
    return frozenset(w.lower() for w in data[key][field])


def _alternation(items: list[str]) -> str:
    return "|".join(re.escape(x) for x in sorted(items, key=len, reverse=True))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = load_json("attribution.json")
    chain = data["chain_cues"]
    pron = data["pronouns"]
    prep_verbs = {verb: frozenset(preps) for verb, preps in data["prep_verbs"]["verbs"].items()}
    nominal = data["nominal_cues"]
    stance = (
        _words(data, "clause_verbs")
        | _words(data, "infinitive_verbs")
        | _words(data, "object_verbs")
        | frozenset(prep_verbs)
    )
    return Lexicon(
        reporting=_words(data, "reporting_verbs"),
        np_content=_words(data, "np_content_verbs"),
        figure_at=_words(data, "figure_at_verbs"),
        counting=_words(data, "np_content_verbs", "counting"),
        document_verbs=_words(data, "document_verbs"),
        passive=_words(data, "passive_cues"),
        quote_lemmas=frozenset(chain["quote_lemmas"]),
        as_verbs=frozenset(chain["as_verbs"]),
        cite_lemmas=frozenset(chain["cite_lemmas"]),
        according_heads=frozenset(data["according_to"]["heads"]),
        document_nouns=_words(data, "document_nouns"),
        speech_events=_words(data, "speech_events"),
        vague=_words(data, "vague_sources"),
        unspecified_people=_words(data, "unspecified_people"),
        anonymous=_words(data, "anonymous_officials"),
        roles=_words(data, "roles"),
        organisations=_words(data, "organisations"),
        outlet_nouns=_words(data, "outlet_nouns"),
        outlet_phrases=re.compile(
            r"(?<![\w-])(?:" + _alternation(data["outlet_phrases"]["phrases"]) + r")(?![\w-])"
        ),
        outlet_names=re.compile(
            r"(?<![\w-])(?:" + _alternation(data["outlets"]["names"]) + r")(?![\w-])"
        ),
        person_pronouns=frozenset(pron["person"]),
        group_pronouns=frozenset(pron["group"]),
        skip_pronouns=frozenset(pron["skip"]),
        states=frozenset(data["states"]["names"]),
        quote_tags=_words(data, "quote_tag_verbs"),
        clause_verbs=_words(data, "clause_verbs"),
        infinitive_verbs=_words(data, "infinitive_verbs"),
        object_verbs=_words(data, "object_verbs"),
        needs_complement=_words(data, "object_verbs", "needs_complement"),
        document_objects=_words(data, "document_object_verbs"),
        prep_verbs=prep_verbs,
        acting_on_events=frozenset(data["prep_verbs"]["acting_on_events"]),
        events=frozenset(data["prep_verbs"]["events"]),
        colon_labels=frozenset(data["colon_labels"]["words"]),
        empty_objects=frozenset(data["object_verbs"]["empty_objects"]),
        passive_orders=_words(data, "passive_cues", "orders"),
        speech_nouns=frozenset(nominal["nouns"]),
        noun_preps=frozenset(nominal["noun_preps"]),
        light_verbs=frozenset(nominal["light_verbs"]),
        control_verbs=frozenset(data["control_verbs"]["lemmas"]),
        adjective_frames={a: frozenset(f) for a, f in nominal["adjectives"].items()},
        stance=stance,
        verb_tag_hashes=frozenset(hash_string(t) for t in _VERB_TAGS),
        according_hashes=frozenset(hash_string(w) for w in data["according_to"]["heads"]),
        nominal_tag_hashes=frozenset(hash_string(t) for t in _NOMINAL_TAGS),
        nominal_lemma_hashes=frozenset(
            hash_string(w) for w in (*nominal["nouns"], *nominal["adjectives"])
        ),
    )


_PLURAL_ES = ("sses", "shes", "ches", "xes")


def lemma(tok: Token) -> str:
    """The lower-cased lemma; a title-case plural the tagger took for a name
    ("Health Officials Say", lemma "Officials") is singularised like a common noun."""
    low = tok.lemma_.lower()
    if tok.tag_ == "NNPS" and low == tok.lower_ and len(low) > 3 and low.endswith("s"):
        if low.endswith("ies"):
            return low[:-3] + "y"
        if low.endswith(_PLURAL_ES):
            return low[:-2]
        if not low.endswith("ss"):
            return low[:-1]
    return low


def _has_time(tok: Token) -> bool:
    return any(t.ent_type_ in _TIME_ENTS for t in tok.subtree)


def np_bounds(tok: Token, lex: Lexicon) -> tuple[int, int]:
    """The token range naming the speaker headed by ``tok``.

    Everything to the left of the head belongs to the name ("Syria's state news agency");
    on the right only modifiers that describe the speaker, and an acronym in
    parentheses, stop before the first clause, date or appositive ("Hugh Hill, a doctor
    at the clinic" -> "Hugh Hill").
    """
    doc = tok.doc
    first = tok.left_edge.i
    stop = tok.i + 1
    named = tok.ent_type_ == "PERSON"  # a name needs no description: "Dr Amina Yusuf"
    for child in tok.rights:
        dep = child.dep_
        if dep in _NAME_RIGHT_DEPS:
            pass
        elif dep == "prep" and child.lower_ in _NAME_PREPS and not named:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if _has_time(child) or (pobj is not None and lemma(pobj) in lex.speech_events):
                break
        elif dep in ("conj", "cc") and child.pos_ in ("PROPN", "NOUN", "CCONJ"):
            pass
        elif dep == "appos" and child.i > 0 and doc[child.left_edge.i - 1].text == "(":
            pass
        elif dep == "appos" and child.left_edge.i == stop and child.pos_ == "PROPN":
            pass  # a name right after its description: "the state broadcaster KTV"
        elif dep == "punct" and child.text in "()" and child.i == stop:
            pass
        else:
            break
        stop = max(stop, child.right_edge.i + 1)
    # an acronym in parentheses right after the name: "... Strategic Studies (IISS)"
    if stop + 2 < len(doc) and doc[stop].text == "(" and doc[stop + 2].text == ")":
        if doc[stop + 1].is_upper:
            stop += 3
    while first < stop and (doc[first].is_punct or doc[first].is_space):
        first += 1
    while stop > first:
        last = doc[stop - 1]
        if not (last.is_space or (last.is_punct and last.text != ")")):
            break
        stop -= 1
    inner = doc[first:stop].text
    if inner.count("(") > inner.count(")"):
        if stop < len(doc) and doc[stop].text == ")":
            stop += 1  # the parser hung the closing parenthesis elsewhere
        else:
            # Cut before the last token holding the unclosed "(" (it may sit inside a
            # token, as in "0A(N").
            stop = first + max(i for i, t in enumerate(doc[first:stop]) if "(" in t.text)
            while stop > first and (doc[stop - 1].is_space or doc[stop - 1].is_punct):
                stop -= 1
    return first, stop


def subject_bounds(tok: Token, lex: Lexicon) -> tuple[int, int]:
    """Like :func:`np_bounds`, merging a name the parser split into two subjects
    ("Syria's state news agency" + "SANA")."""
    first, stop = np_bounds(tok, lex)
    for sib in tok.head.children:
        if sib.dep_ == tok.dep_ and sib.i != tok.i and sib.pos_ in ("PROPN", "NOUN"):
            s_first, s_stop = np_bounds(sib, lex)
            if s_first == stop or s_stop == first:
                first, stop = min(first, s_first), max(stop, s_stop)
    return first, stop


def source_type(doc: Doc, first: int, stop: int, head: Token, lex: Lexicon) -> str:
    """person | organisation | outlet | official_anonymous | unspecified, for a phrase."""
    span = doc[first:stop]
    text = span.text
    head_lemma = lemma(head)
    head_is_person = head.ent_type_ == "PERSON"
    has_person = head_is_person or any(t.ent_type_ == "PERSON" for t in span)
    if head.pos_ == "PROPN" and _is_state(doc, first, stop, head, lex):
        return "organisation"  # "Kordavia Confirms …": a state speaks through its government
    if head_is_person:
        return "person"
    if head_lemma in lex.document_nouns:
        # "a police statement", "the UN report": the document's author decides
        for tok in span:
            if tok.i != head.i and tok.dep_ in ("compound", "poss", "amod", "nmod"):
                typ = source_type(doc, tok.i, tok.i + 1, tok, lex)
                if typ != "unspecified":
                    return typ
        return "unspecified"
    if head_lemma in lex.anonymous:
        return "person" if has_person else "official_anonymous"
    if head_lemma in lex.roles:
        if has_person:
            return "person"
        det = span[0].lower_
        if det in _INDEFINITE or head.tag_ in ("NNS", "NNPS"):
            return "official_anonymous"
        return "person"
    if lex.outlet_names.search(text) or lex.outlet_phrases.search(text.lower()):
        return "outlet"
    if head_lemma in lex.outlet_nouns:
        return "outlet"
    if head_lemma in lex.vague or head_lemma in lex.unspecified_people:
        return "unspecified"
    if head.ent_type_ in _ORG_ENTS or head_lemma in lex.organisations:
        return "organisation"
    if head.pos_ == "PROPN" and any(t.ent_type_ in _ORG_ENTS for t in span):
        return "organisation"
    if head.pos_ == "PROPN" and head.is_upper and len(head.text) > 1:
        return "organisation"
    if head.pos_ == "PROPN" and head.text in _person_surnames(doc):
        return "person"
    return "unspecified"


def _is_state(doc: Doc, first: int, stop: int, head: Token, lex: Lexicon) -> bool:
    """Whether a bare proper name is a country or state rather than a person.

    The entity recogniser often takes an unfamiliar one-word place for a person ("Kordavia
    Confirms …"). A name counts as a state when it is a listed country, or when the page
    uses an adjective of nationality built on it ("Kordavia" / "the Kordavian navy",
    "Iran" / "Iranian"), unless the page also gives it as the last word of a longer
    personal name (then it is a surname).
    """
    if any(t.pos_ == "PROPN" and t.i != head.i for t in doc[first:stop]):
        return False
    name = head.text
    if head.ent_type_ in ("GPE", "NORP"):
        return True
    if name in lex.states:
        return not _surname_on_page(doc, name)
    if len(name) < 4 or not name[:1].isupper():
        return False
    stems = (name, name[:-1]) if name[-1] in "aeiouy" else (name,)
    for adj in _facts(doc).nationalities:
        if any(adj.startswith(st) and 0 < len(adj) - len(name) <= 3 for st in stems):
            return not _surname_on_page(doc, name)
    return False


def _surname_on_page(doc: Doc, name: str) -> bool:
    return name in _facts(doc).long_name_ends


class _DocFacts(NamedTuple):
    """What the source typing needs from ``doc.ents``, read once per Doc (spaCy builds
    new Span objects on every ``doc.ents`` access, which dominated the stage's cost)."""

    surnames: frozenset[str]  # last words of PERSON mentions
    long_name_ends: frozenset[str]  # last words of PERSON mentions of two words or more
    nationalities: tuple[str, ...]  # one-word NORP mentions ("Kordavian")


_LAST: list = [None, None]  # the last Doc seen and its facts


def _facts(doc: Doc) -> _DocFacts:
    if _LAST[0] is doc:
        return _LAST[1]
    surnames: set[str] = set()
    long_ends: set[str] = set()
    nationalities: list[str] = []
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            surnames.add(ent[-1].text)
            if len(ent) > 1:
                long_ends.add(ent[-1].text)
        elif ent.label_ == "NORP" and len(ent) == 1:
            nationalities.append(ent.text)
    facts = _DocFacts(frozenset(surnames), frozenset(long_ends), tuple(nationalities))
    _LAST[0], _LAST[1] = doc, facts
    return facts


def appositive_name(tok: Token, lex: Lexicon) -> tuple[int, int] | None:
    """The personal name set off after a description of its bearer: "the state governor,
    Eduardo Leite," / "a spokeswoman for the organisers, Ana Ruiz," -> the name's range.

    Only for nouns that describe a person (offices, spokespeople, witnesses) and only for
    a title-case proper name that is not an organisation or place, so "the company, Acme"
    keeps its head.
    """
    if tok.ent_type_ == "PERSON":
        return None
    lem = lemma(tok)
    if not (lem in lex.roles or lem in lex.anonymous or lem in lex.unspecified_people):
        return None
    doc = tok.doc
    for c in tok.rights:
        if c.dep_ != "appos" or c.pos_ != "PROPN":
            continue
        first, stop = np_bounds(c, lex)
        if first == 0 or doc[first - 1].text != ",":
            continue
        words = doc[first:stop]
        if c.ent_type_ == "PERSON" or all(
            t.pos_ == "PROPN" and t.text[:1].isupper() and t.ent_type_ in ("", "PERSON")
            for t in words
        ):
            return first, stop
    return None


def plausible_source(doc: Doc, tok: Token, lex: Lexicon) -> bool:
    """Whether a cited noun can be a source at all ("citing officials", not "citing weak
    demand"): a name, or a noun for people, offices, organisations, outlets or documents."""
    if tok.ent_type_ in _ORG_ENTS or tok.ent_type_ == "PERSON":
        return True
    lem = lemma(tok)
    if any(lem in words for words in (lex.anonymous, lex.roles, lex.organisations, lex.outlet_nouns,
                                      lex.unspecified_people, lex.vague, lex.document_nouns)):
        return True
    first, stop = np_bounds(tok, lex)
    return source_type(doc, first, stop, tok, lex) != "unspecified"


def _person_surnames(doc: Doc) -> frozenset[str]:
    """Last words of PERSON mentions, so a later bare "Hill" the tagger missed is a person."""
    return _facts(doc).surnames


class Mention(NamedTuple):
    """A candidate antecedent for a pronoun speaker."""

    first: int
    stop: int
    type: str
    is_subject: bool
    plural: bool = False


class PronounResolver:
    """Resolves "he said" / "it said" to the nearest plausible named speaker before it.

    Looks back at most ``window`` sentences and never across segments of a different
    kind (a comment's "he" never resolves into the article). In the nearest sentence that
    holds a candidate it prefers someone already quoted as a speaker, then the subject,
    then the first named person; when that sentence's subject is an unnamed person ("the
    minister met Assad") the choice is ambiguous and it bails out.
    """

    def __init__(
        self,
        doc: Doc,
        lex: Lexicon,
        speakers: list[Mention],
        excluded: bytearray,
        same_context: Callable[[int, int], bool],
        window: int = 3,
    ) -> None:
        self.doc = doc
        self.lex = lex
        self.window = window
        self.same_context = same_context  # may the pronoun at j refer back to token i?
        self.excluded = excluded
        # sentence starts from the array: iterating doc.sents builds every Token
        starts = doc.to_array("SENT_START").tolist()
        self.sent_starts = [0] + [i for i in range(1, len(starts)) if starts[i] == 1]
        persons: list[Mention] = []
        groups: list[Mention] = []
        for ent in doc.ents:
            if excluded[ent.start]:
                continue
            is_subj = ent.root.dep_ in _SUBJ_DEPS
            if ent.label_ == "PERSON":
                persons.append(Mention(ent.start, ent.end, "person", is_subj))
            elif ent.label_ in ("ORG",):
                typ = source_type(doc, ent.start, ent.end, ent.root, lex)
                groups.append(Mention(ent.start, ent.end, typ, is_subj))
        self.persons = persons
        self.groups = groups
        self.speakers = speakers
        # by position, so a pronoun looks only at the mentions of its few sentences
        self._persons = Inside(persons, ((m.first, m.stop) for m in persons))
        self._groups = Inside(groups, ((m.first, m.stop) for m in groups))
        self._speakers: Inside[Mention] | None = None

    def _sent(self, i: int) -> int:
        return bisect_right(self.sent_starts, i) - 1

    def resolve(self, pron: Token) -> Mention | None:
        want_person = pron.lower_ in self.lex.person_pronouns
        budget = self.window + 1
        s = self._sent(pron.i)
        while s >= 0 and budget > 0:
            lo = self.sent_starts[s]
            hi = self.sent_starts[s + 1] if s + 1 < len(self.sent_starts) else len(self.doc)
            hi = min(hi, pron.i)
            if not self.same_context(lo, pron.i):
                return None
            pick = self._pick(lo, hi, want_person, pron.lower_ in ("they", "them", "their"))
            if pick is not None:
                return pick if pick.first >= 0 else None
            if not self._quoted_only(lo, hi):
                budget -= 1  # sentences of quoted words do not count: they name no speaker
            s -= 1
        return None

    def _quoted_only(self, lo: int, hi: int) -> bool:
        doc = self.doc
        return all(self.excluded[i] or doc[i].is_punct or doc[i].is_space for i in range(lo, hi))

    def _pick(self, lo: int, hi: int, want_person: bool, plural: bool) -> Mention | None:
        person_types = ("person", "official_anonymous") if want_person else ()
        group_types: tuple[str, ...] = ("organisation", "outlet")
        if plural:
            group_types += ("official_anonymous", "unspecified")
        wanted = person_types if want_person else group_types
        if self._speakers is None or len(self._speakers.items) != len(self.speakers):
            speakers = list(self.speakers)
            self._speakers = Inside(speakers, ((m.first, m.stop) for m in speakers))
        spoke = [m for m in self._speakers.inside(lo, hi) if m.type in wanted]
        if want_person:
            spoke = [m for m in spoke if not m.plural]
        if spoke:
            return spoke[-1]
        pool = self._persons if want_person else self._groups
        here = pool.inside(lo, hi)
        if not here:
            return None
        subjects = [m for m in here if m.is_subject]
        if subjects:
            return subjects[-1]
        if want_person and self._unnamed_person_subject(lo, hi):
            return Mention(-1, -1, "unspecified", False)  # ambiguous: bail out
        return here[0] if want_person else None

    def _unnamed_person_subject(self, lo: int, hi: int) -> bool:
        lex = self.lex
        for tok in self.doc[lo:hi]:
            if tok.dep_ in _SUBJ_DEPS and tok.ent_type_ != "PERSON":
                lem = lemma(tok)
                if lem in lex.roles or lem in lex.anonymous or lem in lex.unspecified_people:
                    return True
        return False
