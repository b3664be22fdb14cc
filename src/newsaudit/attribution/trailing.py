"""Tags at the end of a sentence that the parse did not tie to their clause.

"… were killed on Thursday the Turkish military announced Friday." and "… more than 70
others injured Anadolu Agency reports." name their source as plainly as "…, the
military said", but without the comma (FA-KES and other scraped corpora strip commas)
the parser makes the tag a relative clause, a conjunct, an appositive or a plural noun,
and the verb pass finds no speaker. This pass reads the tag from the words instead: the
sentence ends with a reporting verb, followed only by when, where and how it was said
("Friday", "in a statement", "to AFP"), and preceded by a noun phrase that can speak;
what comes before that phrase is the content.

It runs after the passes that read the parse, on sentences none of them tied to a
speaker, and it bails out when the words before the verb do not end in a speaker ("…
and the army said."): a tag it cannot read is left alone rather than guessed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsaudit.attribution.base import Context, Draft, Speaker, Who, group_start, trim
from newsaudit.attribution.sources import lemma, plausible_source, source_type
from newsaudit.offsets import Ranges

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["trailing_tags"]

#: How many tokens a tag may take after its verb ("said in a statement on Friday").
_TAIL = 8
#: Words before a tag's speaker that make it part of a clause of its own rather than a
#: tag: "… and the army said", "… that the army said", "… which officials said".
_CLAUSE_OPENERS = frozenset(
    {"and", "but", "or", "nor", "that", "which", "who", "whom", "whose", "what", "as", "if",
     "when", "while", "because", "than", "so", "where", "whether", "though", "although"}
)
_TIME_ENTS = frozenset({"DATE", "TIME"})
_NAME_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC"})
#: Entity labels that are numbers or times, never a name that can speak. Any other label
#: on a proper noun marks a name, whatever kind the recogniser guessed: it takes a rare
#: body's name for a law or a work of art ("the Coastal Observatory for Human Rights").
_NUMBER_ENTS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
#: Verbs whose object is the person told, not what was said ("he told AFP").
_ADDRESSEE_VERBS = frozenset({"tell"})
#: Words that join the parts of a name ("Observatory for Human Rights", "Syria's").
_NAME_JOINS = frozenset({"for", "of", "'s", "’s", "-"})
#: The fewest words a content must have to be a statement.
_MIN_CONTENT_WORDS = 3


def _sentence_ends(ctx: Context) -> list[tuple[int, int]]:
    """(first, stop) token ranges of the Doc's sentences, read from the array."""
    starts = ctx.doc.to_array("SENT_START").tolist()
    firsts = [0] + [i for i in range(1, len(starts)) if starts[i] == 1]
    return [(a, b) for a, b in zip(firsts, [*firsts[1:], len(starts)], strict=True)]


def _verb_word(tok: Token, ctx: Context) -> bool:
    """A reporting verb, or its third-person form the tagger took for a plural noun
    ("Anadolu Agency reports.")."""
    lem = lemma(tok)
    if tok.tag_.startswith("VB"):
        return lem in ctx.lex.reporting
    return tok.tag_ == "NNS" and tok.lower_.endswith("s") and tok.lower_[:-1] in ctx.lex.reporting


def _tail_word(tok: Token, verb: Token, ctx: Context) -> bool:
    """A word that says when, where, how or to whom a tag's words were said."""
    if tok.is_punct or tok.is_space or tok.ent_type_ in _TIME_ENTS:
        return True
    if tok.pos_ in ("ADP", "DET") or tok.tag_ == "PRP$":
        return True
    if lemma(tok) in ctx.lex.speech_events:
        return True
    if lemma(verb) in _ADDRESSEE_VERBS:
        return tok.pos_ == "PROPN" or tok.ent_type_ in _NAME_ENTS or lemma(tok) in (
            ctx.lex.unspecified_people | ctx.lex.outlet_nouns
        )
    return False


#: Words opening a participial aside that may close a tag ("… reported on Wednesday
#: without giving further details", "… said, citing a hospital director").
_ASIDE_OPENERS = frozenset({"without", "citing", "adding", "quoting"})


def _aside(doc: Doc, verb: int, stop: int) -> int:
    """Where the tag's aside begins (``stop`` when it has none): the rest of the
    sentence after "without", "citing" … is how it was said, not what."""
    for k in range(verb + 1, stop):
        if doc[k].lower_ in _ASIDE_OPENERS:
            return k
    return stop


def _named(tok: Token) -> bool:
    """A proper noun inside a named entity that is not a number or a time."""
    return tok.pos_ == "PROPN" and bool(tok.ent_type_) and tok.ent_type_ not in _NUMBER_ENTS


def _unrecognised_name(doc: Doc, head: Token, floor: int) -> int | None:
    """Where a body's name the recogniser missed begins: capitalised proper nouns, joined
    by "for" or "of", after "the" ("the Syrian Observatory for Human Rights said"). A
    lone proper noun, or one without "the", may be a place the tag follows; it is left
    to the entity readings."""
    if head.pos_ != "PROPN" or head.ent_type_:
        return None
    i, names = head.i, 0
    while i >= floor:
        tok = doc[i]
        if tok.pos_ == "PROPN" and tok.text[:1].isupper() and not tok.ent_type_:
            names += 1
        elif not (tok.lower_ in _NAME_JOINS and i - 1 >= floor and doc[i - 1].pos_ == "PROPN"):
            break
        i -= 1
    if names < 2 or i < floor or doc[i].lower_ != "the":
        return None
    return i


def _acronym(tok: Token) -> bool:
    return tok.text.isupper() and len(tok.text) > 1 and tok.is_alpha


def _speaker_start(ctx: Context, head: Token, floor: int) -> int | None:
    """First token of the speaker's noun phrase ending at ``head``, or ``None`` when
    ``head`` cannot end one.

    A name recognised as an entity is the entity, with a determiner and adjectives of
    nationality before it ("the Lebanese Al-Manar TV channel"); an acronym stands alone
    ("… in Hama countryside SANA reported"); a common noun that names speakers takes
    the words of its phrase back to its determiner ("the Syrian Observatory for Human
    Rights monitoring group").
    """
    doc = ctx.doc
    lex = ctx.lex
    low = head.lower_
    if low in lex.person_pronouns or low in lex.group_pronouns:
        return head.i
    if head.pos_ == "PRON":
        return None
    if _named(head):
        i = head.i
        while i - 1 >= floor and doc[i - 1].ent_type_ == head.ent_type_ and not doc[i - 1].is_punct:
            i -= 1
    elif _acronym(head):
        i = head.i
    elif (unrecognised := _unrecognised_name(doc, head, floor)) is not None:
        return unrecognised
    elif head.pos_ in ("NOUN", "PROPN") and plausible_source(doc, head, lex):
        i = head.i
        named = head.text[:1].isupper()
        while i - 1 >= floor:
            prev = doc[i - 1]
            capital = prev.text[:1].isupper()
            joins = prev.lower_ in _NAME_JOINS and i - 2 >= floor and doc[i - 2].text[:1].isupper()
            if doc[i].ent_type_ == "NORP" and doc[i].text[:1].isupper():
                break  # a nationality opens its phrase: "Aleppo | Syrian state television"
            if capital or joins or (not named and prev.pos_ in ("NOUN", "ADJ")):
                named = named or capital
                i -= 1
            else:
                break
        return _with_determiner(ctx, i, floor)
    else:
        return None
    # adjectives of nationality and a determiner before a name ("the Lebanese Al-Manar")
    while i - 1 >= floor and doc[i - 1].pos_ == "ADJ" and doc[i - 1].text[:1].isupper():
        i -= 1
    return _with_determiner(ctx, i, floor)


#: The most tokens a bracketed short name after a speaker may take ("(SOHR)").
_BRACKETED = 4


def _speaker_head(ctx: Context, last: Token, floor: int) -> Token | None:
    """The word that ends the tag's speaker, given the word just before the verb: a
    bracketed short name after it is passed over ("the Syrian Observatory for Human
    Rights (SOHR) said"), and of speakers joined by "and" the first is taken ("a medical
    source and witnesses said"), so that the content ends before both."""
    doc = ctx.doc
    head = last
    if head.text == ")":
        opening = next((k for k in range(head.i - 1, max(floor, head.i - _BRACKETED) - 1, -1)
                        if doc[k].text == "("), None)
        if opening is None or opening - 1 < floor:
            return None
        head = doc[opening - 1]
    conj = head
    while conj.dep_ == "conj" and conj.head.i < conj.i and conj.head.i >= floor:
        first = conj.head
        if first.pos_ not in ("NOUN", "PROPN") or not plausible_source(doc, first, ctx.lex):
            break
        if not plausible_source(doc, conj, ctx.lex):
            return None
        conj = first
    return conj


def _with_determiner(ctx: Context, i: int, floor: int) -> int:
    doc = ctx.doc
    if i - 1 >= floor and doc[i - 1].pos_ == "DET" and doc[i - 1].lower_ in ("the", "a", "an"):
        return i - 1
    return i


def _tied(drafts: list[Draft]) -> Ranges:
    """The characters the drafts so far tie to a speaker: their contents and cues."""
    return Ranges(s for d in drafts for s in (d.content, d.speaker.cue_span) if s is not None)


def _tag(ctx: Context, first: int, stop: int) -> tuple[Token, int, Token] | None:
    """The reporting verb that ends the sentence ``first:stop`` and the first token of
    its speaker, if the sentence ends in a tag."""
    doc = ctx.doc
    for v in range(stop - 1, max(first, stop - 1 - _TAIL) - 1, -1):
        verb = doc[v]
        if ctx.in_quote[v] or not _verb_word(verb, ctx):
            continue
        if verb.lower_ in _ASIDE_OPENERS:
            continue  # "… Al Jazeera reported citing a source": the aside, not the tag's verb
        if any(c.dep_ == "auxpass" for c in verb.children):
            return None  # "…, it was reported": a passive names no speaker
        if not all(_tail_word(doc[k], verb, ctx) for k in range(v + 1, _aside(doc, v, stop))):
            return None
        g = group_start(verb) if verb.tag_.startswith("VB") else v
        if g - 1 < first:
            return None
        head = _speaker_head(ctx, doc[g - 1], first)
        if head is None:
            return None
        start = _speaker_start(ctx, head, first)
        if start is None or start <= first:
            return None
        before = doc[start - 1]
        if before.lower_ in _CLAUSE_OPENERS or before.tag_ in ("WDT", "WP"):
            return None
        return verb, start, head
    return None


def trailing_tags(ctx: Context, drafts: list[Draft]) -> None:
    """Pass: a reporting verb and its speaker closing a sentence with no comma."""
    doc = ctx.doc
    tied = _tied(drafts)  # this pass only adds records inside sentences it has passed
    for first, stop in _sentence_ends(ctx):
        if stop - first < _MIN_CONTENT_WORDS + 2:
            continue
        found = _tag(ctx, first, stop)
        if found is None:
            continue
        verb, start, head = found
        if verb.i in ctx.used:
            continue
        content = trim(ctx, first, start)
        if content is None:
            continue
        words = [t for t in doc[first:start] if t.is_alpha]
        if len(words) < _MIN_CONTENT_WORDS or not any(t.pos_ in ("VERB", "AUX") for t in words):
            continue
        cue_first = doc[group_start(verb)].idx if verb.tag_.startswith("VB") else verb.idx
        cue_span = (cue_first, verb.idx + len(verb.text))
        if tied.overlaps(content[0], cue_span[1]):
            continue
        g = group_start(verb) if verb.tag_.startswith("VB") else verb.i
        # the speaker runs to the verb ("a medical source and witnesses"), a bracket aside
        end = head.i + 1 if doc[g - 1].text == ")" else g
        who = _who(ctx, start, head, end)
        if who is None:
            continue
        kind = "passive" if lemma(head) in ctx.lex.vague and who.type == "unspecified" else (
            "reported_speech"
        )
        speaker = Speaker(who, (), kind, verb.lower_, cue_span)
        ctx.used.add(verb.i)
        drafts.append(Draft(kind, speaker, content))


def _who(ctx: Context, start: int, head: Token, end: int) -> Who | None:
    low = head.lower_
    if low in ctx.lex.person_pronouns or low in ctx.lex.group_pronouns:
        return ctx.who(head)
    typ = source_type(ctx.doc, start, head.i + 1, head, ctx.lex)
    if typ == "unspecified" and (_acronym(head) or _named(head) or head.pos_ == "PROPN"):
        typ = "organisation"  # a name the recogniser mislabelled or missed speaks for a body
    return Who(start, max(end, head.i + 1), typ)
