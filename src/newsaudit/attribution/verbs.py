"""Reporting verbs and the stance verbs of PolNeAR's guidelines: the speaker of a verb
(with chains "X quoted Y as saying", "X, citing Y, said") and the content of its frame.

A reporting verb takes a clause ("X said (that) …", "As the paper noted, …") or, for a
few verbs, a figure; each stance verb only the frame it is listed for in
``attribution.json`` (a clause, a to-infinitive, an object with its complement, a verb +
preposition), and only with a subject that can speak.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsaudit.attribution.base import (
    Context,
    Draft,
    Speaker,
    Who,
    can_speak,
    child,
    content_span,
    group_start,
    is_verb,
    subject,
    trim,
)
from newsaudit.attribution.sources import Lexicon, lemma, plausible_source

if TYPE_CHECKING:
    from spacy.tokens import Token


_CLAUSE_DEPS = frozenset({"ccomp"})


def cited_source(verb: Token, subj: Token | None, lex: Lexicon) -> Token | None:
    """Y in "X, citing Y, said …" / "X reported …, citing Y"."""
    holders = [verb]
    if subj is not None:
        holders.append(subj)
    clause = child(verb, "ccomp")
    if clause is not None:
        holders.append(clause)
    for holder in holders:
        for c in holder.children:
            if c.tag_ == "VBG" and lemma(c) in lex.cite_lemmas and child(c, "prep") is None:
                obj = child(c, "dobj", "pobj")
                if obj is not None and plausible_source(verb.doc, obj, lex):
                    return obj
    return None


def verb_speaker(ctx: Context, verb: Token) -> Speaker | None:
    lex = ctx.lex
    if verb.head.lower_ == "as" and lemma(verb) in lex.as_verbs and verb.head.i != verb.i:
        quoting = verb.head.head
        if lemma(quoting) in lex.quote_lemmas:
            return quoted_as(ctx, quoting, verb)
    subj = subject(verb, lex)
    if subj is None:
        return None
    who = ctx.who(subj)
    if who is None:
        return None
    rel = child(verb, "nsubj")
    if rel is not None and rel.i != subj.i and rel.tag_ in ("WP", "WDT") and who.mention is None:
        who = who._replace(mention=(rel.i, rel.i + 1))  # "groups who say …": the "who"
    cue_first, cue_stop = ctx.doc[group_start(verb)].idx, verb.idx + len(verb.text)
    cue = verb.lower_
    via: tuple[Who, ...] = ()
    cited = cited_source(verb, subj, lex)
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
    return Speaker(who, via, kind, cue, (cue_first, cue_stop))


def quoted_as(ctx: Context, quoting: Token, saying: Token) -> Speaker | None:
    """"X quoted Y as saying" (source Y via X) and "Y was quoted by X as saying"."""
    if child(quoting, "auxpass") is not None:
        src = child(quoting, "nsubjpass")
        agent = child(quoting, "agent")
        via_tok = child(agent, "pobj") if agent is not None else None
    else:
        src = child(quoting, "dobj")
        via_tok = subject(quoting, ctx.lex)
    if src is None:
        return None
    who = ctx.who(src)
    if who is None:
        return None
    via: tuple[Who, ...] = ()
    if via_tok is not None:
        via_who = ctx.who(via_tok)
        if via_who is not None:
            via = (via_who,)
    cue = f"{quoting.lower_} … as {saying.lower_}"
    span = (quoting.idx, saying.idx + len(saying.text))
    return Speaker(who, via, "quoted_as_saying", cue, span)


def _number_in(tok: Token) -> bool:
    return any(t.like_num or t.ent_type_ in ("CARDINAL", "MONEY", "PERCENT") for t in tok.subtree)


def reported_content(
    ctx: Context, verb: Token, *, documented: bool = False
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
    # of two clauses, the one after the verb: "Latest: governor says 26 dead" hangs the
    # label "Latest" on the verb as a clause of its own
    clauses = [c for c in verb.children if c.dep_ in _CLAUSE_DEPS]
    clause = (next((c for c in clauses if c.i > verb.i), clauses[0]) if clauses
              else _misparsed_clause(verb, lex))
    if clause is not None and _across_semicolon(clause, verb):
        clause = None
    if clause is not None and (
        reporting or lem in lex.clause_verbs or (documented and lem in lex.document_verbs)
    ):
        cited = None
        for c in clause.children:
            if c.tag_ == "VBG" and lemma(c) in lex.cite_lemmas:
                obj = child(c, "dobj", "pobj")
                if obj is not None and plausible_source(ctx.doc, obj, lex):
                    cited = c  # the chain's source, not part of what was said
        return content_span(ctx, clause, cited), None
    if reporting:
        # "said in a report that …": the parser hangs the clause on the noun
        for prep in verb.children:
            if prep.dep_ == "prep":
                event = child(prep, "pobj")
                if event is not None and lemma(event) in lex.speech_events:
                    clause = _that_clause(event)
                    if clause is not None:
                        return content_span(ctx, clause), None
        if verb.dep_ == "parataxis" and is_verb(verb.head):
            return content_span(ctx, verb.head, verb), None
        if trailing_tag(verb):
            return content_span(ctx, verb.head, verb), None
        if lem in lex.np_content:
            obj = child(verb, "dobj")
            if obj is not None and _number_in(obj):
                return content_span(ctx, obj), None
    if lem in lex.figure_at:
        at = _figure_at(ctx, verb)
        if at is not None:
            return at, None
    if lem in lex.counting and not reporting:
        obj = child(verb, "dobj")
        if obj is not None and _number_in(obj):
            return content_span(ctx, obj), None
        if lem not in lex.stance and lem not in lex.document_objects:
            return None, None
    return frame_content(ctx, verb, lem, documented)


#: Reporting verbs that, with an adjective or participle after them, give their subject a
#: state ("confirmed dead", "reported missing", "declared dead", "presumed dead").
_STATE_VERBS = frozenset({"confirm", "report", "declare", "presume", "pronounce", "list",
                          "believe", "fear"})


def _states(verb: Token) -> bool:
    """A reporting verb that gives its subject a state, not a voice: "26 people confirmed
    dead", "three reported missing", "he was declared dead" (an adjective or participle as
    its complement, and no clause or object). The tagger reads the reduced passive as a
    verb in the past, with the dead as its subject."""
    if lemma(verb) not in _STATE_VERBS:
        return False  # "called the damage severe" characterises: a stance, said
    return any(c.dep_ in ("oprd", "acomp") and c.tag_ in ("JJ", "VBN") and c.i > verb.i
               for c in verb.children) and child(verb, "dobj") is None and not any(
        c.dep_ == "ccomp" and c.i > verb.i for c in verb.children)


def _infinitive(tok: Token) -> bool:
    """A to-infinitive, plain or perfect or passive: "to rebuild", "to have killed 50",
    "to be freed" (the last two hang "to" on a participle)."""
    return tok.tag_ == "VB" or (
        tok.tag_ == "VBN" and any(c.tag_ == "TO" for c in tok.children)
        and any(c.lower_ in ("have", "be") for c in tok.children))


def _across_semicolon(clause: Token, verb: Token) -> bool:
    """A clause before its verb with a semicolon between them: two clauses the parser
    joined ("Rebels claim to have killed 50 soldiers; army says 12" is no statement of
    the army's), since a reported clause never stands across a semicolon from its verb."""
    if clause.i > verb.i:
        return False
    return any(t.text == ";" for t in verb.doc[clause.right_edge.i + 1:verb.i])


def _when(tok: Token) -> bool:
    """A clock time, or a date word ("at 5 pm", "at noon on Monday"); a bare number the
    small model calls a date ("at 40") is a figure."""
    return tok.ent_type_ == "TIME" or (tok.ent_type_ == "DATE" and not tok.like_num)


def _figure_at(ctx: Context, verb: Token) -> tuple[int, int] | None:
    """"put the death toll at 312", "estimated the crowd at 5,000": the object and the
    "at" phrase holding the figure, from the object's first word to the figure's phrase's
    last."""
    obj = child(verb, "dobj")
    if obj is None:
        return None
    # the "at" phrase right after the object, hung on the verb or on the object's noun
    # ("put the plan on hold at 5 pm" is no figure), holding no clock time or date
    options = [p for p in verb.rights if p.i == obj.right_edge.i + 1]
    options += [p for p in obj.children if p.i > obj.i]
    for prep in options:
        if (prep.dep_ == "prep" and prep.lower_ == "at" and _number_in(prep)
                and not any(_when(t) for t in prep.subtree)):
            return trim(ctx, obj.left_edge.i, prep.right_edge.i + 1)
    return None


#: How the parser hangs a "that"-clause on the occasion of speaking: "said in a
#: statement that …" (acl, ccomp) and "said in a phone call with SANA that …" (a
#: relative clause whose "that" is a complementiser, not its subject).
_EVENT_CLAUSE_DEPS = frozenset({"acl", "ccomp", "relcl"})


def _that_clause(event: Token) -> Token | None:
    """The "that"-clause hung on a speech event or on a noun inside its phrase ("in a
    phone call with SANA that …")."""
    for tok in event.subtree:
        if tok.dep_ not in _EVENT_CLAUSE_DEPS or tok.i < event.i:
            continue
        if any(
            m.lower_ == "that" and (m.dep_ == "mark" or tok.dep_ != "relcl") for m in tok.children
        ):
            return tok
    return None


_QUESTION_MARKS = frozenset({"if", "whether"})


def _misparsed_clause(verb: Token, lex: Lexicon) -> Token | None:
    """A reported clause the parser did not label ``ccomp``: "said legalizing it could put
    …" (an ``xcomp`` with a subject of its own), "asked Clinton if Trump benefits …" (an
    ``advcl`` opened by "if"/"whether"), and "told a few thousand teachers who covered the
    lawn that the Legislature should …" (a "that" clause hung on the listeners' relative
    clause, whose verb reports nothing)."""
    for c in verb.rights:
        if c.dep_ == "xcomp" and any(g.dep_ in ("nsubj", "csubj", "nsubjpass") for g in c.children):
            return c
        if c.dep_ == "advcl" and any(
            g.dep_ == "mark" and g.lower_ in _QUESTION_MARKS for g in c.children
        ):
            return c
    if lemma(verb) not in _TELLING:
        return None
    listeners = child(verb, "dobj")
    for rel in listeners.children if listeners is not None else ():
        if rel.dep_ != "relcl" or lemma(rel) in lex.reporting or lemma(rel) in lex.clause_verbs:
            continue
        for c in rel.rights:
            if c.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ == "that"
                                         for g in c.children):
                return c
    return None


#: Verbs that tell someone something: the listeners are their object, the news a clause.
_TELLING = frozenset({"tell", "inform", "assure", "warn", "remind", "advise", "notify"})


def trailing_tag(verb: Token) -> bool:
    """A tag the parser hung on the clause it reports: "As the paper noted, …",
    "… is under pressure, said the chief executive", "Prices rose, analysts noted"."""
    head = verb.head
    if head.i == verb.i or not is_verb(head) or child(verb, "dobj", "ccomp", "xcomp"):
        return False
    if verb.dep_ == "advcl":
        # "As the paper noted, …" and "…, as Clinton's supporters point out"
        return any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    if verb.dep_ not in ("conj", "ccomp", "dep") or head.i > verb.i:
        return False
    doc = verb.doc
    first = verb.left_edge.i
    if first == 0 or doc[first - 1].text not in (",", "—", "–"):
        return False
    subj = child(verb, "nsubj")
    return subj is not None and not any(c.dep_ == "cc" for c in verb.children)


_COMPLEMENT_DEPS = frozenset({"oprd", "xcomp", "ccomp", "acomp"})
_FOR_CLAUSE_DEPS = frozenset({"advcl", "ccomp", "xcomp"})
_COMPLEMENT_PREPS = frozenset({"as", "of", "for", "over", "with"})


def _bare_complement(ctx: Context, verb: Token) -> tuple[int, int] | None:
    """"called her “third-rate”", "Calls ISIS Violence ‘Genocide’": the parser found the
    predicate but lost the object; the content runs from the verb to the predicate."""
    pred = next((c for c in verb.rights if c.dep_ == "oprd"), None)
    if pred is None or pred.i == verb.i + 1:
        return None
    return trim(ctx, verb.i + 1, pred.right_edge.i + 1)


def frame_content(
    ctx: Context, verb: Token, lem: str, documented: bool
) -> tuple[tuple[int, int] | None, Token | None]:
    """Content of the stance frames: "vowed to rebuild", "called for a strike",
    "called Trump “unhinged”", "the poll shows Sanders leading"."""
    lex = ctx.lex
    obj = None
    xcomp = None
    for c in verb.rights:
        if c.dep_ == "dobj" and obj is None:
            obj = c
        elif c.dep_ == "xcomp" and xcomp is None and _infinitive(c):
            xcomp = c
    if xcomp is not None and lem in lex.infinitive_verbs:
        # "urged voters to stay home": the addressee is part of what was urged
        first = obj.left_edge.i if obj is not None and obj.i < xcomp.i else xcomp.left_edge.i
        return trim(ctx, first, xcomp.right_edge.i + 1), None
    preps = lex.prep_verbs.get(lem)
    if preps:
        for c in verb.rights:
            if c.dep_ in ("prep", "prt") and c.lower_ in preps:
                pobj = child(c, "pobj", "pcomp")
                if pobj is None or pobj.ent_type_ in ("DATE", "TIME"):
                    continue
                if lem in lex.acting_on_events and pobj.lower_ in lex.events:
                    return None, None  # "soldiers who responded to the attack" acted
                if any(t.pos_ not in ("ADV", "PART") for t in ctx.doc[verb.i + 1 : c.i]):
                    continue  # "called a meeting for Monday": the preposition is not the cue's
                stop = c.right_edge.i + 1
                if xcomp is not None and xcomp.i > c.i:  # "called on Congress to act"
                    stop = max(stop, xcomp.right_edge.i + 1)
                cue_prep = c
                return trim(ctx, pobj.left_edge.i, stop), cue_prep
        for c in verb.rights:
            mark = child(c, "mark") if c.dep_ in _FOR_CLAUSE_DEPS else None
            if mark is not None and mark.lower_ in preps and mark.i == c.left_edge.i:
                # "is calling for the US to step up": a for-to clause, not a pobj
                return trim(ctx, mark.i + 1, c.right_edge.i + 1), mark
    if obj is None and lem in lex.needs_complement:
        return _bare_complement(ctx, verb), None
    if obj is None or obj.tag_ in ("WP", "WDT") or obj.lower_ in lex.empty_objects:
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
    return trim(ctx, obj.left_edge.i, last + 1), None


def tags_quotes(lex: Lexicon, verb: Token) -> bool:
    lem = lemma(verb)
    return lem in lex.reporting or lem in lex.quote_tags


def reported(ctx: Context, verbs: list[Token], drafts: list[Draft]) -> None:
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
        if _states(verb):
            continue
        nsubj = child(verb, "nsubj")
        documented = (nsubj is not None and lemma(nsubj) in lex.document_nouns) or (
            nsubj is None and verb.dep_ == "acl" and lemma(verb.head) in lex.document_nouns
        )  # "the survey shows …", "data showing that …"
        if lem not in lex.reporting and not documented:
            # "the survey shows that …": only documents find; stance verbs need a speaker
            if lem not in lex.stance and lem not in lex.figure_at and lem not in lex.counting:
                continue
            subj = subject(verb, lex)
            if subj is None or not can_speak(subj, lex):
                continue
        content, cue_prep = reported_content(ctx, verb, documented=documented)
        if content is None:
            continue
        speaker = verb_speaker(ctx, verb)
        if speaker is None:
            continue
        if cue_prep is not None and speaker.cue_span is not None:
            end = cue_prep.idx + len(cue_prep.text)
            speaker = speaker._replace(
                cue=f"{speaker.cue} {cue_prep.lower_}", cue_span=(speaker.cue_span[0], end)
            )
        ctx.used.add(verb.i)
        stance = lem not in lex.reporting
        drafts.append(Draft(speaker.kind, speaker, content, stance=stance))
