"""Sweeping words that make a sentence a generalisation an editor would want sourced.

"Only the armed forces of Iran are fighting ISIS", "the socialists have done nothing to
reduce the deficit", "she is only the second Native American to serve on the court":
an absolute or an exclusive *is* the claim, and no single observation establishes it.
The same words carry no such claim far more often than they do, and each reading below
was drawn from editors' verdicts on real pages (the ``dev`` half of ``newsaudit eval
findings``):

- in a name or a title ("Super All Wheel Control", a headline in capitals), or in
  someone's quoted words;
- in an idiom ("all eyes were on her", "from all over the world", "of all the pledges",
  "has nothing to restrain him"): listed in ``checks.json``;
- counting or pointing back rather than generalising: "only 3 km", "all three ships",
  "they all stood", "all of these failures", "the only hospital in the city" (a unique
  description is an exact fact, unless it makes a record: "the only Republican to speak
  out");
- denied or hedged: "not everyone", "not the only", "could", "if …", "I have never seen";
- narrating a past event: "he never did jail time", "the rebels only cut the road":
  in the simple past only a subject quantified as a whole ("Every protester was
  arrested") is a sweeping claim; adverbs and pronouns tell what happened;
- describing a named person's habit ("Wintour has always worn fur") rather than a class;
- inside a nominal or non-finite phrase ("the marketization of everything", "in
  addition to stopping all payments"), where nothing is asserted.

Degree adverbs ("completely destroyed", "entirely new") only intensify; they are ``soft``
in ``checks.json`` and never sweeping.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from newsaudit.checks._sources import cues

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from newsaudit.offsets import Ranges

__all__ = ["Sweep", "clause_verb", "narrated", "sweeping_tokens"]


class Sweep(NamedTuple):
    """A sweeping cue: its first token, the token after it, and its words."""

    first: int
    stop: int
    cue: str


class _Cues(NamedTuple):
    single: frozenset[str]
    multi: tuple[tuple[str, ...], ...]
    soft: frozenset[str]
    exceptions: tuple[tuple[str, ...], ...]
    restrictive_next: frozenset[str]
    restrictive_pos: frozenset[str]
    determiners: frozenset[str]
    pronouns: frozenset[str]
    record_words: frozenset[str]


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    sw = cues()["raw"]["sweeping"]
    words = [tuple(w.split()) for w in sw["words"]]
    return _Cues(
        single=frozenset(w[0] for w in words if len(w) == 1),
        multi=tuple(w for w in words if len(w) > 1),
        soft=frozenset(sw["soft"]),
        exceptions=tuple(tuple(e) for e in sw["exceptions"]),
        restrictive_next=frozenset(sw["restrictive_only"]["next_words"]),
        restrictive_pos=frozenset(sw["restrictive_only"]["head_pos"]),
        determiners=frozenset(sw["determiners"]),
        pronouns=frozenset(sw["pronouns"]),
        record_words=frozenset(sw["record_words"]),
    )


_NEGATIONS = frozenset({"not", "n't", "never", "hardly"})
_FIRST_SECOND = frozenset({"i", "we", "you", "me", "us"})
_CONDITIONS = frozenset({"if", "unless", "whether"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_PAST_AUX = frozenset({"was", "were", "had", "did"})
_NAME_ENTS = frozenset({"PERSON", "ORG", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})
_SPECIFIC_PRONOUNS = frozenset({"he", "she", "it"})
#: Determiners that point at one thing already in view ("this feature").
_DEMONSTRATIVES = frozenset({"this", "that"})
#: How far the clause walk climbs; parse trees are shallow.
_DEPTH = 24


def _excepted(low: list[str], k: int, hit: tuple[str, ...], c: _Cues) -> bool:
    return any(
        e[off] == hit[0] and k >= off and tuple(low[k - off : k - off + len(e)]) == e
        for e in c.exceptions
        for off in range(len(e))
    )


def clause_verb(tok: Token) -> Token | None:
    """The verb of the clause a token belongs to."""
    cur = tok
    for _ in range(_DEPTH):
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("aux", "auxpass"):
            return cur
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _finite(verb: Token) -> bool:
    return verb.tag_ in _FINITE or any(
        a.dep_ in ("aux", "auxpass") and a.tag_ in _FINITE for a in verb.children
    )


def narrated(verb: Token) -> bool:
    """A simple-past (or past perfect, past passive) clause: a narrated event."""
    auxes = [a for a in verb.children if a.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" or a.lower_ in ("has", "have", "is", "are", "am") for a in auxes):
        return False
    return verb.tag_ == "VBD" or any(a.lower_ in _PAST_AUX for a in auxes)


def _subject(verb: Token) -> Token | None:
    """The clause's subject; a conjoined verb shares its head's ("he reaches …, never
    takes off …")."""
    for _ in range(4):
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
        if subj is not None or verb.dep_ != "conj" or verb.head.i == verb.i:
            return subj
        verb = verb.head
    return None


def _hedged(verb: Token) -> bool:
    """A modal, a condition, a question or the writer's or reader's own experience
    anywhere up the clause chain: "could", "if …", "I have never seen", "you might
    think"."""
    cur = verb
    for _ in range(_DEPTH):
        for c in cur.children:
            if c.tag_ == "MD" and c.dep_ == "aux":
                return True
            if c.dep_ == "mark" and c.lower_ in _CONDITIONS:
                return True
            if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _FIRST_SECOND:
                return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _in_subject(tok: Token, verb: Token) -> bool:
    subj = _subject(verb)
    return subj is not None and subj.left_edge.i <= tok.i <= subj.right_edge.i


def _record(doc: Doc, i: int, c: _Cues) -> bool:
    """"the only X to VERB", "only the second X to VERB": a record claim."""
    for t in doc[i + 1 : min(len(doc), i + 12)]:
        if t.is_punct:
            return False
        if t.lower_ == "to" and t.i + 1 < len(doc) and doc[t.i + 1].tag_ == "VB":
            return True
    return False


def _counting(doc: Doc, i: int, nxt: Token | None, hit: tuple[str, ...], c: _Cues) -> bool:
    """"all three ships", "only 3 km", "only a few", "all of these", "they all stood",
    "the only hospital": words that count or point back rather than generalise."""
    tok = doc[i]
    if nxt is not None and (nxt.like_num or nxt.ent_type_ in ("DATE", "TIME", "CARDINAL")):
        return hit[0] in ("all", "every", "only", "none", "nothing")
    if hit == ("only",) and any(
        t.like_num for t in doc[i + 1 : min(len(doc), i + 4)] if not t.is_punct
    ):
        return True  # "there have only been eight justices"
    if hit == ("all",):
        if nxt is not None and nxt.lower_ == "of":
            after = doc[nxt.i + 1] if nxt.i + 1 < len(doc) else None
            return after is None or after.lower_ in c.pronouns or after.tag_ in ("PRP", "DT")
        if tok.dep_ not in ("det", "predet"):
            return True  # "they all stood", "all within its reach": no class quantified
    if hit == ("only",):
        prev = doc[i - 1] if i > 0 else None
        if prev is not None and prev.text == "-" and prev.idx + 1 == tok.idx:
            return True  # "Women-only carriages": a compound, no claim
        if nxt is not None and nxt.pos_ == "ADJ" and nxt.dep_ in ("acomp", "amod", "ROOT"):
            return True  # "it is only available at certain clinics": a restriction
        if nxt is not None and nxt.lower_ in ("a", "an", "one") and i + 2 < len(doc):
            if doc[i + 2].lower_ in ("few", "handful", "couple", "fraction"):
                return True
        if prev is not None and (prev.tag_ in ("DT", "PRP$") or prev.dep_ == "poss"):
            return not _record(doc, i, c)  # "the only hospital" vs "the only X to VERB"
        if nxt is not None and nxt.lower_ in ("the", "a") and i + 2 < len(doc):
            if doc[i + 2].lower_ in c.record_words:
                return not _record(doc, i, c)  # "only the second X to VERB" is a record
    return False


def _named(tok: Token) -> bool:
    """Part of a name or a title: an entity, or a word capitalised mid-sentence."""
    if tok.ent_type_ in _NAME_ENTS:
        return True
    return not tok.is_sent_start and tok.text[:1].isupper()


def _nominal(tok: Token, hit: tuple[str, ...], c: _Cues) -> bool:
    """A pronoun cue hung on a noun ("the marketization of everything")."""
    if hit[0] not in c.pronouns or tok.dep_ != "pobj":
        return False
    prep = tok.head
    return prep.head.pos_ in ("NOUN", "PROPN")


def _claims(doc: Doc, i: int, hit: tuple[str, ...], c: _Cues) -> bool:
    """Whether the cue at ``i`` makes its clause a sweeping claim."""
    tok = doc[i]
    verb = clause_verb(tok)
    if verb is None or not _finite(verb) or _hedged(verb):
        return False
    if _nominal(tok, hit, c):
        return False
    if i > 0 and doc[i - 1].lower_ in _NEGATIONS:
        return False  # "not everyone", "not the only"
    if i > 1 and doc[i - 2].lower_ in _NEGATIONS and doc[i - 1].lower_ in ("the", "a"):
        return False
    if any(ch.dep_ == "neg" for ch in verb.children) and _in_subject(tok, verb):
        return False
    subj = _subject(verb)
    if narrated(verb):
        # A narrated event: only a subject quantified as a whole is a generalisation.
        return hit[0] in c.determiners and _in_subject(tok, verb)
    if hit[0] in ("never", "always") and subj is not None:
        if subj.lower_ in _SPECIFIC_PRONOUNS or subj.pos_ == "PROPN":
            return False  # a named person's habit, not a class's
    if (hit == ("only",) and subj is not None and subj.i < i and tok.head.i == verb.i
            and (subj.lower_ == "it" or subj.lower_ in _DEMONSTRATIVES
                 or any(ch.lower_ in _DEMONSTRATIVES for ch in subj.children))):
        return False  # "this feature only works offline": one thing in view, its rule
    return True


def sweeping_tokens(
    doc: Doc, indices: range, quoted: Ranges | None = None
) -> list[Sweep]:
    """Sweeping cues among ``indices`` that make a claim; ``quoted`` are character
    ranges of quotations, whose words are the speaker's."""
    c = _cues()
    low = [doc[i].lower_ for i in indices]
    base = indices.start
    found: list[Sweep] = []
    k = 0
    while k < len(low):
        hit: tuple[str, ...] | None = None
        for m in c.multi:
            if tuple(low[k : k + len(m)]) == m:
                hit = m
                break
        if hit is None and low[k] in c.single:
            hit = (low[k],)
        if hit is None:
            k += 1
            continue
        i = base + k
        tok = doc[i]
        nxt = doc[i + len(hit)] if i + len(hit) < len(doc) else None
        keep = " ".join(hit) not in c.soft and not _excepted(low, k, hit, c)
        if keep and hit == ("only",) and nxt is not None and _restricts(doc, i, nxt, c):
            keep = False  # "may be purchased only by adults": a rule's condition
        if keep and (tok.ent_type_ == "DATE" or _named(tok)):
            keep = False
        if keep and quoted is not None and quoted.holds(tok.idx):
            keep = False
        if keep and _counting(doc, i, nxt, hit, c):
            keep = False
        if keep and _claims(doc, i, hit, c):
            found.append(Sweep(i, i + len(hit), " ".join(hit)))
        k += len(hit)
    return found


def _restricts(doc: Doc, i: int, nxt: Token, c: _Cues) -> bool:
    """Whether the "only" at ``i`` narrows a predicate to a condition ("is open only to
    residents") rather than excluding everything else ("only the army is fighting")."""
    return i > 0 and nxt.lower_ in c.restrictive_next and doc[i - 1].pos_ in c.restrictive_pos
