"""What a figure counts, and so which kind of figure it is.

:mod:`.extract` finds a figure and its bounds; this module reads the parse
around it for the noun it counts ("13 advisers", "dozens of people", "the number of dead
rose to 693") and decides the category: killed or wounded from the verbs and nouns around
the counted phrase ("had been killed", "the deaths of"), people or personnel from the
noun's class, and people from what a bare count does ("20,000 had joined"). The word
lists live in the ``counted`` section of ``data/quantifiers.json``.

Title-case headlines parse badly ("Measles Cases Climb to 87": "Climb" is read as a proper
noun), so the rules that matter most in headlines also look at the word forms right next
to the figure, not only at the parse.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any, Protocol

from newsaudit.datafiles import load_json

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = [
    "CountLexicon",
    "ReadingLike",
    "count_lexicon",
    "counts_person",
    "decide_category",
    "find_counted",
    "percent_uncapped",
]


class ReadingLike(Protocol):
    """A figure being read (:class:`.extract.Reading`): token positions, and the fields
    this module fills in. ``anchor`` is the token whose governor tells what happened to the
    counted phrase; ``borrowed`` is a counted word taken from a neighbouring figure."""

    start: int
    num_start: int
    num_end: int
    tok_end: int
    value: float | None
    unit: str | None
    category: str | None
    counted_tok: Token | None
    anchor: Token | None
    root: Token | None
    borrowed: str | None


def _forms(table: dict[str, Any]) -> dict[str, str]:
    """``{"lemma": [forms...]}`` -> ``{form: lemma}``, skipping ``_about`` keys."""
    return {f: lemma for lemma, forms in table.items() if not lemma.startswith("_") for f in forms}


class CountLexicon:
    """What figures count, from ``quantifiers.json``: casualty words and verbs, toll
    nouns, people and personnel nouns, and the verbs that tell what a bare count did."""

    def __init__(self, data: dict[str, Any]) -> None:
        c = data["counted"]
        self.killed_nouns = frozenset(c["killed_nouns"])
        self.wounded_nouns = frozenset(c["wounded_nouns"])
        self.casualty_words = self.killed_nouns | self.wounded_nouns
        self.killed_modifiers = frozenset(c["killed_modifiers"])
        self.wounded_modifiers = frozenset(c["wounded_modifiers"])
        self.killed_transitive = frozenset(c["killed_transitive"])
        self.killed_intransitive = frozenset(c["killed_intransitive"])
        self.killed_verbs = self.killed_transitive | self.killed_intransitive
        self.wounded_transitive = frozenset(c["wounded_transitive"])
        self.life_verbs = frozenset(c["lose_life"]["verbs"])
        self.life_objects = frozenset(c["lose_life"]["objects"])
        self.killed_governors = frozenset(c["killed_governor_nouns"]["words"])
        loss = c["losses"]
        self.loss_nouns = frozenset(loss["nouns"])
        self.loss_verbs = frozenset(loss["verbs"])
        self.loss_forms = frozenset(loss["verb_forms"])
        self.military_subjects = frozenset(loss["military_subjects"])
        heads = c["headline_forms"]
        self.headline_before = {w: "killed" for w in heads["killed_before"]}
        self.headline_before.update({w: "wounded" for w in heads["wounded_before"]})
        self.headline_after = {w: "killed" for w in heads["killed_after"]}
        self.headline_after.update({w: "wounded" for w in heads["wounded_after"]})
        self.headline_skip = frozenset(heads["skip_after"])
        self.headline_lost = frozenset(heads["lost_before"])
        comparisons = c["comparisons"]
        self.comparison_cues = tuple(
            tuple(cue) for cue in sorted(comparisons["before"], key=len, reverse=True)
        )
        self.comparison_gap = int(comparisons["max_gap"])
        self.wounded_governors = frozenset(c["wounded_governor_nouns"]["words"])
        self.toll_nouns = frozenset(c["toll_nouns"]["words"])
        self.toll_killed_compounds = frozenset(c["toll_killed_compounds"])
        self.toll_wounded_compounds = frozenset(c["toll_wounded_compounds"])
        self.toll_bare_killed = frozenset(c["toll_bare_killed"]["words"])
        self.people = frozenset(c["people"])
        self.personnel = frozenset(c["personnel"])
        acts = c["subject_verbs"]
        self.subject_forms: dict[str, str] = {}
        self.subject_lemmas: dict[str, str] = {}
        for category in ("people", "killed"):
            for form, lemma in _forms(acts[category]).items():
                self.subject_forms[form] = category
                self.subject_lemmas[lemma] = category
        self.subject_particles: dict[str, str] = dict(acts["with_particle"]["verbs"])
        self.people_objects = frozenset(c["people_object_verbs"]["words"])
        direct = _forms(c["direct_object_verbs"])
        self.direct_object_forms = frozenset(direct)
        self.direct_object_lemmas = frozenset(direct.values())
        moves = c["figure_verbs"]
        self.movement_forms = frozenset(_forms(moves["movement"]))
        self.movement_lemmas = frozenset(_forms(moves["movement"]).values())
        self.arrival_forms = frozenset(_forms(moves["arrival"]))
        self.arrival_lemmas = frozenset(_forms(moves["arrival"]).values())
        share = data["percent_share"]
        self.change_before = frozenset(share["change_before"])
        self.change_after = frozenset(share["change_after"])
        self.ratio_of = frozenset(share["ratio_of"])

    def casualty_of_word(self, tok: Token) -> str | None:
        """"700 dead", "13 deaths", "50 lives" lost or claimed."""
        w, lemma = tok.lower_, tok.lemma_
        if w in self.killed_nouns or lemma in self.killed_nouns:
            return "killed"
        if w in self.wounded_nouns:
            return "wounded"
        if lemma in self.life_objects and tok.head.lemma_ in self.life_verbs:
            return "killed"
        return None

    def casualty_of_modifiers(self, tok: Token) -> str | None:
        """"50 dead soldiers", "50 people killed in the blast", "people who were hurt"."""
        for child in tok.children:
            if child.dep_ not in ("amod", "acl", "relcl", "compound"):
                continue
            verdict = self._cue(child.lower_, child.lemma_)
            if verdict:
                return verdict
        return None

    def _cue(self, w: str, lemma: str) -> str | None:
        if w in self.killed_modifiers or lemma in self.killed_verbs:
            return "killed"
        if w in self.wounded_modifiers or lemma in self.wounded_transitive:
            return "wounded"
        return None

    def casualty_of_governor(self, tok: Token) -> str | None:
        """What happened to the counted phrase, read from the word that governs it."""
        while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
            tok = tok.head
        dep, gov = tok.dep_, tok.head
        lemma = gov.lemma_
        if dep in ("nsubjpass", "dobj") or (dep == "nsubj" and _passive_like(gov)):
            if lemma in self.killed_transitive:
                return "killed"
            if lemma in self.wounded_transitive:
                return "wounded"
        if dep == "nsubj":
            if lemma in self.killed_intransitive:
                return "killed"
            if lemma in self.life_verbs and any(
                ch.dep_ == "dobj" and ch.lemma_ in self.life_objects for ch in gov.children
            ):
                return "killed"
        if dep in ("nsubj", "nsubjpass", "dobj"):
            for ch in gov.children:
                if ch.dep_ in ("acomp", "oprd", "attr", "xcomp", "ccomp"):
                    if ch.lower_ in self.killed_modifiers:
                        return "killed"
                    if ch.lower_ in self.wounded_modifiers:
                        return "wounded"
        if dep == "pobj" and gov.lower_ == "of":
            owner = gov.head.lower_
            if owner in self.killed_governors:
                return "killed"
            if owner in self.wounded_governors:
                return "wounded"
        return None

    def casualty_of_loss(self, anchor: Token, counted: Token) -> str | None:
        """People a side lost are its dead ("losses of at least 120 sailors", "the army lost
        250 fighters", "put its losses at 120 sailors"); things and jobs are not."""
        kind = self.class_of(counted.lower_, counted.lemma_)
        if kind is None:
            return None
        tok = anchor
        while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
            tok = tok.head
        gov = tok.head
        if tok.dep_ == "pobj" and gov.lower_ in ("of", "at"):
            owner = gov.head
            if gov.lower_ == "at":  # "put its losses at 120 sailors"
                owner = next((ch for ch in owner.children if ch.dep_ == "dobj"), owner)
            if owner.lemma_ in self.loss_nouns or owner.lower_ in self.loss_nouns:
                if not any(
                    ch.dep_ == "compound" and ch.lower_ not in self.personnel
                    for ch in owner.children
                ):
                    return "killed"  # not "job losses of 400 workers"
            return None
        if tok.dep_ == "dobj" and (gov.lemma_ in self.loss_verbs or gov.lower_ in self.loss_forms):
            if kind == "personnel":
                return "killed"
            for ch in gov.children:
                if ch.dep_ == "nsubj" and (
                    ch.lower_ in self.military_subjects
                    or ch.lower_ in self.personnel
                    or ch.ent_type_ in ("GPE", "NORP")
                ):
                    return "killed"  # "Rebels lost 30 men", "Russia lost 300 men"
        return None

    def class_of(self, w: str, lemma: str) -> str | None:
        if w in self.personnel or lemma in self.personnel:
            return "personnel"
        if w in self.people or lemma in self.people:
            return "people"
        return None

    def participle_class(self, tok: Token) -> str | None:
        """"the number killed", "the total saved": what a participle says of those it
        counts (killed, wounded, or people for verbs whose object is a person)."""
        verdict = self._cue(tok.lower_, tok.lemma_)
        if verdict is None and tok.lemma_ in self.people_objects:
            return "people"
        return verdict


def _passive_like(verb: Token) -> bool:
    """"21 wounded" after "13 had been killed and": a bare past participle reads as
    passive; "gunmen have killed 3" (with "have") does not."""
    if verb.tag_ != "VBN":
        return False
    return not any(ch.dep_ == "aux" and ch.lemma_ == "have" for ch in verb.children)


@lru_cache(maxsize=1)
def count_lexicon() -> CountLexicon:
    return CountLexicon(load_json("quantifiers.json"))


_NOUNISH = frozenset({"NOUN", "PROPN", "ADJ", "VERB", "PRON"})
_NOT_IN_NOUN_PHRASE = frozenset({"VERB", "AUX", "PUNCT", "ADP", "CCONJ"})
#: Ways a number hangs off the noun it counts ("13 advisers": nummod).
_MODIFIER_DEPS = frozenset({"nummod", "quantmod", "compound", "amod", "nmod", "det", "npadvmod"})
#: Auxiliaries skipped when reading the verb after a bare count ("Thousands Have Fled").
#: Verbs whose object is the figure a toll stands at ("the toll hit 98"). "hit" is no
#: arrival verb for a plain subject: "rebels hit 3" does not count rebels.
_TOLL_VERBS = frozenset({"be", "stand", "reach", "hit", "top"})
_AUX_WORDS = frozenset({"have", "has", "had", "were", "are", "was", "is", "will", "would"})


def find_counted(doc: Doc, words: list[str], r: ReadingLike, lex: CountLexicon) -> None:
    """The head noun the figure counts, read from the parse, and the span it widens to.

    ``r.root`` must be the figure's expression root; figures that already have a unit
    only look for "12% of voters"."""
    n = len(words)
    root = r.root
    assert root is not None
    j = r.tok_end
    sent_end = root.sent.end
    if r.category is not None:
        if r.category == "percent" and j + 1 < n and words[j] == "of":
            _counted_after_of(doc, j, sent_end, root, r)
        return
    head = root.head
    if head.pos_ == "ADJ" and head.dep_ == "amod" and head.head.i > head.i and (
            head.head.pos_ in ("NOUN", "PROPN")):
        # "Six Kordanian soldiers": the parse hangs the number on the adjective before the
        # noun it counts
        head = head.head
    if (
        root.dep_ in _MODIFIER_DEPS
        and head.i >= r.num_end
        and head.i - r.num_end <= 6
        and head.i < sent_end
        and (head.pos_ in ("NOUN", "PROPN") or head.lower_ in lex.casualty_words)
        # a name is no counted noun ("212 Main Street"), but a title-case headline's
        # "212 Dengue Deaths" tags the toll's noun as one
        and not (head.pos_ == "PROPN" and head.tag_ != "NNPS"
                 and head.lower_ not in lex.casualty_words)
        and all(doc[k].pos_ not in _NOT_IN_NOUN_PHRASE or _hyphenated(doc, k)
                or _participle_of(doc[k], head) for k in range(j, head.i))
        and not _odd_singular(head, r, lex)
    ):
        r.counted_tok = head
        r.anchor = head
        r.tok_end = max(r.tok_end, head.i + 1)
        return
    if j + 1 < n and words[j] == "of":
        _counted_after_of(doc, j, sent_end, root, r)
        if r.counted_tok is None:
            _casualties_after_of(doc, words, j, sent_end, root, r, lex)
        return
    if j < n and (
        words[j] in lex.casualty_words or (words[j] in lex.people and doc[j].pos_ == "ADJ")
    ):
        r.counted_tok = doc[j]
        r.anchor = doc[j]
        r.tok_end = j + 1
        return
    _running_total(doc, words, root, r, lex)


#: Determiners between a partitive "of" and the casualty word it names.
_OF_DETERMINERS = frozenset({"the", "those", "these"})


def _casualties_after_of(doc: Doc, words: list[str], j: int, sent_end: int, root: Token,
                         r: ReadingLike, lex: CountLexicon) -> None:
    """"Nine of the injured", "four of those killed": a share of the casualties. The parse
    often hangs the participle on the verb ("injured" as a modifier of "remain") or takes
    "those" for the object, so the casualty word is read by its position."""
    k = j + 1
    if k < sent_end and words[k] in _OF_DETERMINERS:
        k += 1
    if k < min(sent_end, len(words)) and k > j + 1 and words[k] in lex.casualty_words:
        r.counted_tok = doc[k]
        r.anchor = root
        r.tok_end = k + 1


def _participle_of(tok: Token, noun: Token) -> bool:
    """Whether a verb form between a figure and its noun is a participle describing the
    noun ("9,870 confirmed cases", "40 displaced families"): one word of the noun phrase,
    not a verb of the clause."""
    return tok.pos_ == "VERB" and tok.dep_ == "amod" and tok.head.i == noun.i


def _hyphenated(doc: Doc, k: int) -> bool:
    """Whether a token is the hyphen or the second word of a hyphenated modifier
    ("14 heat-related deaths", "12 storm-hit homes"), written with no space around the
    hyphen: one word of the noun phrase, whatever part of speech the tagger gives it."""
    if doc[k].text == "-":
        return 0 < k and not doc[k - 1].whitespace_ and not doc[k].whitespace_
    return k >= 2 and doc[k - 1].text == "-" and not doc[k - 1].whitespace_ and (
        not doc[k - 2].whitespace_)


def _odd_singular(head: Token, r: ReadingLike, lex: CountLexicon) -> bool:
    """A singular common noun after a plural figure is usually a mis-parse ("half a million
    remain" with "remain" read as a noun); collective nouns in the lists are fine."""
    if head.tag_ != "NN" or r.value == 1:
        return False
    w = head.lower_
    return not (w in lex.people or w in lex.personnel or w in lex.casualty_words)


def _counted_after_of(doc: Doc, j: int, sent_end: int, root: Token, r: ReadingLike) -> None:
    """"dozens of people", "several of its soldiers", "12% of voters"."""
    for k in range(j + 1, min(j + 8, sent_end)):
        t = doc[k]
        if t.dep_ == "pobj" and t.head.i == j:
            if t.pos_ in _NOUNISH and t.pos_ != "PRON":
                r.counted_tok = t
                r.anchor = root
                r.tok_end = k + 1
            return


def _running_total(
    doc: Doc, words: list[str], root: Token, r: ReadingLike, lex: CountLexicon
) -> None:
    """Figures a total moves to: "bringing the number of dead to 693", "the toll stands at
    98", "Measles Cases Climb to 87". A toll noun counts what its "of" phrase or participle
    names; otherwise the figure counts the subject of a verb of movement ("rise to",
    "climb to") or arrival ("reach", "top")."""
    gov = None
    if root.dep_ == "pobj" and root.head.lower_ in ("to", "at", "from"):
        gov = root.head.head  # "rose to 312", "stands at 98", "rose from 281 (to 312)"
    elif (
        root.dep_ == "npadvmod"
        and root.head.dep_ in ("pcomp", "pobj")
        and root.head.head.lower_ in ("to", "at")
    ):
        # "put the death toll at 16 earlier": the parser hangs the figure off the adverb
        # after it, as in "two days earlier"; the preposition still governs the pair
        gov = root.head.head.head
    elif root.dep_ in ("attr", "dobj") and (
        root.head.lemma_ in _TOLL_VERBS or root.head.lemma_ in lex.arrival_lemmas
    ):
        gov = root.head
    if gov is not None:
        toll = _toll_noun(gov, root, lex)
        if toll is not None:
            _count_toll(toll, r, lex)
            return
        subject = _mover(gov, lex)
        if subject is not None:
            r.counted_tok = r.anchor = subject
            return
    subject = _mover_by_words(doc, words, r.start, lex)
    if subject is not None:
        r.counted_tok = r.anchor = subject


def _count_toll(toll: Token, r: ReadingLike, lex: CountLexicon) -> None:
    """What a running total counts: its "of" noun ("the number of sailors killed"), the
    participle after it ("the total saved": counted "saved", as "34 saved" would be), or
    the toll itself ("the death toll")."""
    of_noun = next(
        (p for s in toll.children if s.lower_ == "of" for p in s.children if p.dep_ == "pobj"),
        None,
    )
    if of_noun is not None:
        r.counted_tok = r.anchor = of_noun
        # "the number of sailors killed": the parser may hang "killed" on either noun, or
        # on the verb that brings the total ("bringing the number of soldiers killed to 480")
        verdict = (
            lex.casualty_of_modifiers(toll)
            or lex.casualty_of_modifiers(of_noun)
            or _participle_after(of_noun, r.start, lex)
        )
        if verdict is not None:
            r.category = verdict
        return
    for sub in toll.children:
        if sub.i > toll.i and sub.dep_ in ("acl", "amod", "relcl") and sub.tag_ == "VBN":
            verdict = lex.participle_class(sub)
            if verdict is not None:
                r.counted_tok = r.anchor = sub
                r.category = verdict
                return
    r.counted_tok = r.anchor = toll
    for sub in toll.children:
        if sub.dep_ in ("compound", "amod") and sub.lemma_ in lex.toll_killed_compounds:
            r.category = "killed"
        elif sub.dep_ in ("compound", "amod") and sub.lemma_ in lex.toll_wounded_compounds:
            r.category = "wounded"
    if r.category is None:
        r.category = "killed" if toll.lower_ in lex.toll_bare_killed else "count"


#: Words that end the counted phrase of a toll before its figure ("... killed rose to").
_TOLL_PHRASE_ENDS = frozenset({"to", "at", "from", "by", "in", "on", "since", "after"})


def _participle_after(noun: Token, stop: int, lex: CountLexicon) -> str | None:
    """"the number of government soldiers killed to 480": a killing or wounding word
    between the toll's "of" noun and the figure, whatever the parser attached it to."""
    doc = noun.doc
    for k in range(noun.i + 1, min(stop, noun.i + 5)):
        t = doc[k]
        w = t.lower_
        if w in _TOLL_PHRASE_ENDS or t.is_punct:
            return None
        if t.tag_ == "VBN" or w in lex.killed_modifiers or w in lex.wounded_modifiers:
            verdict = lex._cue(w, t.lemma_)
            if verdict is not None:
                return verdict
    return None


def _toll_noun(gov: Token, root: Token, lex: CountLexicon) -> Token | None:
    """The toll noun a few steps up from the verb ("bring the number of sailors killed to
    117": "to" hangs off "killed", inside the toll's own phrase) or beside it."""
    chain = [gov]
    for anc in gov.ancestors:
        if len(chain) == 5:
            break
        chain.append(anc)
    for node in chain:
        if node.lower_ in lex.toll_nouns and node.i < root.i:
            return node
        for ch in node.children:
            if ch.dep_ in ("nsubj", "nsubjpass", "dobj") and ch.i < root.i:
                if ch.lower_ in lex.toll_nouns:
                    return ch
    return None


def _mover(verb: Token, lex: CountLexicon) -> Token | None:
    """The subject of "climb to 87" / "reach 87", by the parse. In title case the subject
    is often attached as a compound of the verb read as a proper noun ("Cases Climb")."""
    w = verb.lower_
    if not (
        verb.lemma_ in lex.movement_lemmas
        or verb.lemma_ in lex.arrival_lemmas
        or w in lex.movement_forms
        or w in lex.arrival_forms
    ):
        return None
    subject = None
    for ch in verb.lefts:
        if ch.dep_ in ("nsubj", "nsubjpass") or (ch.dep_ == "compound" and verb.pos_ != "VERB"):
            subject = ch
    return subject if subject is not None and _countable(subject, lex) else None


def _mover_by_words(doc: Doc, words: list[str], s: int, lex: CountLexicon) -> Token | None:
    """The same by word forms when the parse goes astray: "<Noun> <rises> to N",
    "<Noun> <reach> N"."""
    if s >= 2 and words[s - 1] == "to" and words[s - 2] in lex.movement_forms:
        k = s - 3
    elif s >= 1 and words[s - 1] in lex.arrival_forms:
        k = s - 2
    else:
        return None
    if k < 0 or doc[k].sent.start != doc[s].sent.start:
        return None
    return doc[k] if _countable(doc[k], lex) else None


def _countable(tok: Token, lex: CountLexicon) -> bool:
    """A subject a figure can count: a plural noun ("cases", "Deaths") or one of the known
    people, personnel or casualty words; not "inflation" or "Apple"."""
    w = tok.lower_
    if w in lex.people or w in lex.personnel or w in lex.casualty_words:
        return True
    return tok.pos_ in ("NOUN", "PROPN") and tok.tag_ in ("NNS", "NNPS")


def counts_person(r: ReadingLike, lex: CountLexicon) -> bool:
    """A bare "one" is kept only when it counts a person or casualty: "one soldier was
    killed", not "one of the biggest" or "one day"."""
    c = r.counted_tok
    if c is None or r.anchor is not c:
        return False
    return c.lower_ in lex.people or c.lower_ in lex.personnel or c.lower_ in lex.casualty_words


def decide_category(doc: Doc, words: list[str], r: ReadingLike, lex: CountLexicon) -> None:
    """Category from the counted noun, else the verb around the phrase, else the noun's
    class; a count with no noun is read from what it did ("20,000 had joined": people)."""
    if r.category is not None:
        return
    c = r.counted_tok
    verdict = None
    if c is not None:
        verdict = lex.casualty_of_word(c)
        if verdict is None:
            verdict = lex.casualty_of_modifiers(c)
    if verdict is None and r.anchor is not None:
        verdict = lex.casualty_of_governor(r.anchor)
        if verdict is None and c is not None:
            verdict = lex.casualty_of_loss(r.anchor, c)
    if verdict is None and c is None and r.root is not None:
        verdict = lex.casualty_of_governor(r.root) or _action_of_subject(doc, words, r, lex)
    if verdict is None and c is not None:
        verdict = lex.class_of(c.lower_, c.lemma_)
    r.category = verdict or ("count" if c is not None else "other")


def _action_of_subject(doc: Doc, words: list[str], r: ReadingLike, lex: CountLexicon) -> str | None:
    """A count with no noun that marches, flees, joins or dies counts people (or the dead):
    "20,000 had joined", "Thousands March in Capital", "Dozens Die"; so does one that is
    arrested or evacuated ("Police arrested 40", "40 were trapped"). By the parse first,
    then by the word beside the figure when it is a verb or a title-case word."""
    root = r.root
    assert root is not None
    gov = root.head
    if root.dep_ == "nsubj" and gov.i != root.i:
        verdict = lex.subject_lemmas.get(gov.lemma_)
        if verdict is not None:
            return verdict
        particle = lex.subject_particles.get(gov.lemma_)
        if particle is not None and any(ch.lower_ == particle for ch in gov.children):
            return "people"  # "took part", "turned out"
        if gov.lemma_ == "be" and any(
            ch.dep_ == "acomp" and ch.lemma_ in lex.people_objects for ch in gov.children
        ):
            return "people"  # "40 were still trapped"
    if root.dep_ == "nsubjpass" and gov.lemma_ in lex.people_objects:
        return "people"  # "20 were arrested"
    if root.dep_ == "dobj" and gov.lemma_ in lex.direct_object_lemmas:
        return "people"  # "police arrested 40"
    s = r.start
    if s >= 1 and words[s - 1] in lex.direct_object_forms:
        verb = doc[s - 1]
        if verb.pos_ in ("VERB", "AUX") or verb.is_title:
            return "people"  # "Police Arrest 40 After Clashes"
    j = r.tok_end
    if j < len(words) and words[j] in _AUX_WORDS:
        j += 1
    if j >= len(words) or doc[j].sent.start != root.sent.start:
        return None
    verdict = lex.subject_forms.get(words[j])
    if verdict is not None and (doc[j].pos_ in ("VERB", "AUX") or doc[j].is_title):
        return verdict
    return None


def percent_uncapped(doc: Doc, words: list[str], r: ReadingLike, lex: CountLexicon) -> bool:
    """Whether a percentage may exceed 100: a change ("rose 150 percent", "up 97%",
    "a 97 percent increase") or a ratio to something that can be outgrown ("97 percent of
    GDP", "of capacity"). Any other percentage is a share of a whole, at most 100."""
    k = r.start - 1
    if k >= 1 and words[k] == "of" and words[k - 1] in lex.change_after:
        return True  # "a rise of about 97 percent"
    if k >= 0 and words[k] == "by":
        k -= 1
    if k >= 0 and (words[k] in lex.change_before or words[k] in lex.movement_forms):
        return True
    j = r.tok_end
    if j < len(words) and words[j] in lex.change_after:
        return True
    c = r.counted_tok
    if c is not None and c.lower_ in lex.ratio_of:
        return True
    root = r.root
    if root is None:
        return False
    unit_tok = root.head if r.num_end <= root.head.i < r.tok_end else root
    if unit_tok.dep_ == "pobj" and unit_tok.head.lower_ == "by":
        unit_tok = unit_tok.head  # "fell by 20 percent", not "backed by 97 percent of"
    return unit_tok.dep_ in ("npadvmod", "dobj", "prep") and (
        unit_tok.head.lemma_ in lex.movement_lemmas
    )
