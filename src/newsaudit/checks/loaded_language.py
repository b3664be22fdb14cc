"""loaded_language: emotionally loaded or pejorative wording in the page's own voice.

The trained tagger (:mod:`newsaudit.models.loaded`) scores each word of the headline, standfirst
and body sentences; this check keeps only what the page says itself. Quoted words and the
content of attributed statements are the source's wording, not the outlet's, and other
checks (scare_quotes, attribution) look at them. A word a speaker on the page is quoted
or reported saying (a spokesman's "hoax") is theirs when the page repeats it. A span must hold a
content word that is not plain newswire vocabulary ("killed", "attack", "militia" are how
careful reporters describe violence), with function words trimmed from its edges by the parse.
A listed word in a use where it judges nothing is not reported, nor are the words the
tagger scored for standing next to it: another form of a listed "-ing" adjective
("shocked doctors", "treated for shock"), an intensifier grading plain newswire for an
event ("a devastating civil war") or a verb of motion ("a rocket slammed into"), and an
account label tied to no one's account ("hoax adverts", "smears of blood"). Nor is what a
sentence opening on a name and a colon gives that name ("Russia: Terrorists ..."), or a
paragraph wholly in single quotation marks (a speaker's further words on British pages).

One finding per sentence, naming each loaded word and why it is loaded; severity is
``warning`` when the tagger is confident (``loaded_language.warning_score`` in the settings),
``info`` otherwise, and at most :data:`INFO_PER_PAGE` of those.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from newsaudit.checks import register
from newsaudit.checks._labels import own_labels, why
from newsaudit.checks._voice import (
    article_sentences,
    names_someone,
    others_words,
    overlaps_any,
    voice_of,
)
from newsaudit.context import DEFAULT_CONTEXT, Context
from newsaudit.datafiles import load_json
from newsaudit.model import Finding, Report, Span
from newsaudit.models.loaded import LoadedSpan, stem, tokenize

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

CHECK = "loaded_language"
#: Info findings a page gets: the sentence the tagger is surest of under the warning line.
#: On the judged real-page sample (issue 9) the tagger gave 1.3 info per page, and the
#: whole report may spend about one; a reader is thanked by one hint, not a list.
INFO_PER_PAGE = 1
#: Kinds of loaded.json whose "-ing" adjectives say how the thing strikes the writer.
_FELT_KINDS = ("intensifier", "insult")


@lru_cache(maxsize=1)
def _knowledge() -> dict[str, Any]:
    data = load_json("loaded.json")
    reasons: dict[str, str] = {}
    listed: set[str] = set()
    for kind in data["reasons"].values():
        for word in kind["words"]:
            reasons.setdefault(word, kind["why"])
            reasons.setdefault(stem(word), kind["why"])
            listed.add(word)
    # words that judge by their effect on the reader ("shocking", "disgusting"), whose
    # only listed forms are the "-ing" adjectives; a motive ("meddling") is not one
    felt = [w for k in _FELT_KINDS for w in data["reasons"][k]["words"]]
    grading = data["reasons"]["intensifier"]["words"]
    accounts = data["reasons"]["label"]["words"]
    return {
        "account": frozenset(accounts) | frozenset(stem(w) for w in accounts),
        "intensifier": frozenset(grading) | frozenset(stem(w) for w in grading),
        "felt_ing": frozenset(w for w in felt if w.endswith("ing")),
        "listed": frozenset(listed),
        "ing_only": frozenset(stem(w) for w in felt if w.endswith("ing"))
        - frozenset(stem(w) for w in listed if not w.endswith("ing")),
        "neutral": frozenset(data["neutral"]),
        "verdict_labels": frozenset(data["verdict_labels"]["words"]),
        "neutral_nouns": frozenset(data["neutral_nouns"]),
        "reasons": reasons,
        "by_pos": data["by_pos"],
        "content_pos": frozenset(data["content_pos"]),
        "trim_pos": frozenset(data["edge_pos_trim"]),
    }


def _word_at(doc: Doc, start: int, end: int) -> SpacySpan | None:
    """The tokens of a tagger word (one, or several for "faker-frauds"), read once for
    its part of speech and its neighbours."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span if span is not None and len(span) else None


def _pos(span: SpacySpan | None) -> str:
    # the head of a hyphenated compound ("faker-frauds") is its last token
    return str(span.root.pos_) if span is not None else "X"


def _trim(span: LoadedSpan, base: int, doc: Doc, know: dict[str, Any]
          ) -> tuple[int, int, list[tuple[str, str]]] | None:
    """Drop edge function words and neutral words; ``None`` if nothing loaded remains."""
    words = [(s + span.start + base, e + span.start + base, w) for s, e, w in tokenize(span.text)]
    spans = [_word_at(doc, s, e) for s, e, _ in words]
    tagged = [(s, e, w, _pos(sp)) for (s, e, w), sp in zip(words, spans, strict=True)]
    plain = {t[0] for t, sp in zip(tagged, spans, strict=True)
             if _neutral(doc, sp, t[2], t[3], know)}
    if any(_not_meant(sp, t[2], know) for t, sp in zip(tagged, spans, strict=True)) \
            and not any(_known(t[2], know) and t[0] not in plain for t in tagged):
        # the listed word that made the phrase loaded is used plainly here ("devastating
        # chemical attacks"): its neighbours were scored for standing next to it
        return None

    def edge(t: tuple[int, int, str, str]) -> bool:
        return t[3] in know["trim_pos"] or t[0] in plain

    while tagged and edge(tagged[0]):
        tagged.pop(0)
    while tagged and edge(tagged[-1]):
        tagged.pop()
    # A proper noun is a name, not a judgement, unless it is a known loaded word that a
    # title-case headline made look like a name ("Regime Thugs Crush ...").
    core = [(w, pos) for s, _, w, pos in tagged
            if pos in know["content_pos"] and s not in plain
            and (pos != "PROPN" or _known(w, know))]
    if not core:
        return None
    return tagged[0][0], tagged[-1][1], core


def _neutral(doc: Doc, span: SpacySpan | None, word: str, pos: str, know: dict[str, Any]
             ) -> bool:
    """Plain newswire: always ("killed"), a phrasal verb (a verb with a particle means the
    idiom, not the bare verb the tagger scores: residents "woke up", a minister "doubled
    down", a coach "lashed out"; a verb the lexicon knows as loaded, "slammed down", stays
    loaded), or as a noun only ("a bomb blast" is an explosion, "blasted the ruling"
    judges). Right after a name the noun is the headline verb the small parser mistags
    ("Senator blasts ruling"), unless the name is a place ("Kabul blast") or the word
    before is itself plain newswire ("Bomb Blast Kills 12")."""
    low = word.lower()
    if low in know["neutral"] or _effect(low, know):
        return True
    if span is not None and (_plain_use(span.root, low, know)
                             or _nobody_s_account(span.root, low, know)):
        return True
    if pos == "VERB":
        return (span is not None and any(c.dep_ == "prt" for c in span.root.children)
                and not _known(word, know))
    if pos not in ("NOUN", "PROPN") or low not in know["neutral_nouns"]:
        return False
    if span is None or span.start == 0:
        return True
    prev = doc[span.start - 1]
    if prev.ent_type_ in ("GPE", "LOC", "FAC") or prev.lower_ in know["neutral"]:
        return True  # "Kabul blast", "Bomb Blast Kills 12"
    return not (prev.pos_ == "PROPN" or prev.ent_type_ in ("PERSON", "ORG", "NORP")
                or (prev.is_title and prev.pos_ == "NOUN"))


def _not_meant(span: SpacySpan | None, word: str, know: dict[str, Any]) -> bool:
    """A listed word used in a sense that judges nothing (:func:`_effect`,
    :func:`_plain_use`, :func:`_nobody_s_account`)."""
    low = word.lower()
    return _effect(low, know) or (span is not None and (
        _plain_use(span.root, low, know) or _nobody_s_account(span.root, low, know)))


#: Pronouns that stand for people ("they make up lies"; "it" is a thing).
_PEOPLE_PRONOUNS = frozenset({"i", "you", "he", "she", "we", "they", "who", "one"})


def _party(tok: Token) -> bool:
    """Whether ``tok`` names whose words these are: an owner ("the mayor's", "his", not
    "its"), a name, a people's adjective ("Western", "Russian") or a noun for people."""
    if tok.dep_ == "poss":
        return tok.lower_ != "its"
    if tok.pos_ == "PRON":
        return tok.lower_ in _PEOPLE_PRONOUNS
    return (tok.pos_ == "PROPN" or tok.ent_type_ in ("NORP", "PERSON", "ORG", "GPE")
            or (tok.pos_ == "ADJ" and tok.is_title) or names_someone(tok))


def _nobody_s_account(tok: Token, low: str, know: dict[str, Any]) -> bool:
    """A noun of the "label" kind ("hoax", "propaganda", "smears") that no one's account
    is tied to: no owner ("the ministry's lies", "Western propaganda"), no maker ("lies by
    the mayor", "propaganda from Moscow"), no one it is said of ("the senator is a liar").
    "The latest death hoax", "hoax adverts" and "smears of blood" name a thing; the check's
    reason, that the page labels the other side's account, would misdescribe them."""
    if tok.pos_ not in ("NOUN", "PROPN", "ADJ") or (low not in know["account"]
                                             and stem(low) not in know["account"]):
        return False
    if low in know["verdict_labels"] and not _literal(tok):
        return False  # "the inquiry is a charade", "the latest smears": a verdict
    for child in tok.children:
        if child.dep_ in ("poss", "amod", "compound", "nmod") and _party(child):
            return False
        if child.dep_ in ("prep", "agent") and any(
                g.dep_ == "pobj" and _party(g) for g in child.children):
            return False
    place = tok
    while place.dep_ == "conj" and place.head is not place:
        place = place.head  # "speckles and smears of blood" stand where "speckles" does
    if place.dep_ == "dobj":
        return False  # what someone tells, spreads or uses: "they make up lies"
    if place.dep_ in ("attr", "oprd"):
        # what something is: "the senator is a liar" labels him, "the video was a hoax"
        # names a thing
        verb = place.head
        for _ in range(3):
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects:
                return not any(_party(c) for c in subjects)
            if verb.dep_ not in ("xcomp", "conj") or verb.head is verb:
                break  # a participle's doer is not its clause's subject
            verb = verb.head
        return False  # no subject: someone unnamed is meant
    return True


def _literal(tok: Token) -> bool:
    """A label word in a literal use: "smears of blood", "a spin of the wheel" (of what
    it is made, a thing and not a party or an account), or modifying another noun."""
    if tok.dep_ == "compound":
        return True
    # "specks and smears of blood": the "of" may hang on the first of the pair
    held = [tok, tok.head] if tok.dep_ == "conj" else [tok]
    return any(
        c.dep_ == "prep" and c.lower_ == "of" and any(
            g.dep_ == "pobj" and g.pos_ == "NOUN" and not _party(g) for g in c.children)
        for t in held for c in t.children)


def _plain_use(tok: Token, low: str, know: dict[str, Any]) -> bool:
    """A listed word in a use where it judges nothing:

    - an intensifier grading plain newswire for an event the page reports ("a devastating
      civil war", "the devastating fighting", "a massive explosion"): the size of what
      happened, which the page gives in plain words, not the writer's verdict on someone;
    - an "-ing" word heading a clause of its own ("civilians were staggering through the
      rubble"): the verb's own sense, not the adjective's;
    - an intensifier verb with no object but a place it goes ("a missile slammed into a
      house", "the rock was blasted into the soil"): a motion, not a verb of criticism.
    """
    if low not in know["intensifier"] and stem(low) not in know["intensifier"] \
            and low not in know["felt_ing"]:
        return False
    if tok.dep_ == "amod" and low in know["intensifier"]:
        head = tok.head.lower_
        return (head in know["neutral"] or head in know["neutral_nouns"]) \
            and not names_someone(tok.head)  # "the ridiculous army" judges people
    kids = {c.dep_ for c in tok.children}
    if low in know["felt_ing"] and kids & {"aux", "auxpass"} and kids & {"prep", "dobj"}:
        return True
    if tok.pos_ == "VERB" and low in know["intensifier"]:
        return "prep" in kids and not kids & {"dobj", "obj", "dative", "ccomp"}
    return False


def _effect(low: str, know: dict[str, Any]) -> bool:
    """Another form of a verb whose "-ing" adjective is the listed loaded word: "shocking
    news" and "a devastating report" are the page's verdict, but "shocked doctors", "a man
    devastated by the loss", "treated for shock" and "a town devastated by the flood" say
    what happened to someone or something."""
    return (low not in know["listed"] and not low.endswith(("ing", "ingly"))
            and stem(low) in know["ing_only"])


def _known(word: str, know: dict[str, Any]) -> bool:
    low = word.lower().replace("\u2019", "'")
    return low in know["reasons"] or stem(low) in know["reasons"]


def _why(word: str, pos: str, know: dict[str, Any]) -> str:
    low = word.lower().replace("\u2019", "'")
    return know["reasons"].get(low) or know["reasons"].get(stem(low)) or why(low) or \
        know["by_pos"].get(pos, know["by_pos"]["_"])


#: Entity types of a name that may open a sentence as its speaker ("Russia: ...").
_SPEAKERS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
#: What may stand before the speaker's name: a dateline's date or number.
_BEFORE_SPEAKER = frozenset({"DATE", "CARDINAL", "TIME"})
#: Tokens a speaker's name (with its dateline) may take before the colon.
_SPEAKER_TOKENS = 8


def _credited(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The words a sentence opening on a name and a colon gives to that name: "Russia:
    Terrorists breached the truce" is Russia's charge, as a headline or a lead writes it,
    not the page's label. ``[]`` when the sentence does not open so."""
    sent = doc.char_span(start, end, alignment_mode="expand")
    if sent is None:
        return []
    named = False
    for tok in sent[:_SPEAKER_TOKENS + 1]:
        if tok.text == ":":
            if named and tok.i + 1 < sent.end:
                return [(tok.idx + 1, end)]
            return []
        if tok.ent_type_ in _SPEAKERS:
            named = True
        elif not (tok.ent_type_ in _BEFORE_SPEAKER or tok.is_punct):
            return []
    return []


#: Opening and closing single quotation marks of a quoted paragraph.
_SINGLE_OPEN = ("'", "\u2018")
_SINGLE_CLOSE = tuple(p + q for p in ".?!" for q in ("'", "\u2019"))


def _quoted_paragraph(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A paragraph wholly inside single quotation marks, as British pages print a
    speaker's further words without a tag ("'It was a very odd day. I felt sick.'"): the
    speaker's, not the page's. ``[]`` otherwise."""
    p0 = text.rfind("\n", 0, start) + 1
    p1 = text.find("\n", end)
    p1 = len(text) if p1 < 0 else p1
    para = text[p0:p1].strip()
    if len(para) > 2 and para.startswith(_SINGLE_OPEN) and para[1].isupper() \
            and para.endswith(_SINGLE_CLOSE):
        return [(p0, p1)]
    return []


@register(
    CHECK,
    summary=(
        "loaded or pejorative wording in the page's own voice (a tagger trained on BABE, BASIL "
        "and PTC)"
    ),
    severities=("info", "warning"),
)
def check(report: Report, doc: Doc, ctx: Context = DEFAULT_CONTEXT) -> Iterator[Finding]:
    """One finding per sentence; every warning, and the surest info findings."""
    know = _knowledge()
    found = _fold_repeats(list(_findings(report, doc, ctx, know)))
    hints = sorted((f for f in found if f[1].severity == "info"), key=lambda f: -f[0])
    keep = {id(f[1]) for f in hints[:INFO_PER_PAGE]}
    for _, finding in found:
        if finding.severity != "info" or id(finding) in keep:
            yield finding


def _word_key(text: str) -> str:
    return stem(text.lower().replace("\u2019", "'"))


def _fold_repeats(found: list[tuple[float, Finding]]) -> list[tuple[float, Finding]]:
    """One finding per label, not one per use: a page that calls a group "terrorists" in
    eleven sentences makes one point, and eleven warnings bury the rest of the report. A
    sentence whose loaded words were all named by an earlier warning adds its evidence to
    that warning (the first use stays first) and is not reported again; an info finding
    that only repeats a warning's words is dropped."""
    out: list[tuple[float, Finding]] = []
    first_with: dict[str, int] = {}  # word -> index in ``out`` of the warning naming it
    repeats: dict[int, list[Finding]] = {}
    for score, f in found:
        keys = [_word_key(e.text) for e in f.evidence]
        if keys and all(k in first_with for k in keys):
            if f.severity == "warning":
                repeats.setdefault(first_with[keys[0]], []).append(f)
            continue
        if f.severity == "warning":
            for k in keys:
                first_with.setdefault(k, len(out))
        out.append((score, f))
    for i, later in repeats.items():
        score, f = out[i]
        n = len(later)
        more = f" The page uses the same wording in {n} more sentence{'s' if n > 1 else ''}."
        spans = tuple(e for g in later for e in g.evidence)
        out[i] = (score, replace(f, evidence=f.evidence + spans, message=f.message + more))
    return out


def _findings(report: Report, doc: Doc, ctx: Context, know: dict[str, Any]
              ) -> Iterator[tuple[float, Finding]]:
    cfg = ctx.settings.loaded_language
    text = report.document.text
    excluded: list[tuple[int, int]] | None = None
    voice = voice_of(report)
    for s0, s1 in article_sentences(report, doc):
        spans = ctx.models.loaded_spans(text[s0:s1], cfg.report_score)
        labels = list(own_labels(doc, s0, s1, voice)) if doc.has_annotation("DEP") else []
        theirs = _credited(doc, s0, s1) + _quoted_paragraph(text, s0, s1)
        labels = [lb for lb in labels if not overlaps_any(lb[0], lb[1], theirs)]
        if not spans and not labels:
            continue
        if excluded is None:
            excluded = others_words(report)
        evidence: list[Span] = []
        named: list[tuple[str, str]] = []
        best = 0.0
        for start, end, word in labels:
            # a label on people in the page's voice is worth a look whatever the tagger says
            evidence.append(Span(start, end, text[start:end]))
            named.append((word, "NOUN"))
            best = max(best, cfg.warning_score)
        for sp in spans:
            if overlaps_any(s0 + sp.start, s0 + sp.end, excluded) or \
                    overlaps_any(s0 + sp.start, s0 + sp.end, theirs):
                continue
            trimmed = _trim(sp, s0, doc, know)
            if trimmed is None:
                continue
            start, end, core = trimmed
            if any(e.start < end and start < e.end for e in evidence):
                continue  # a label already named
            if voice.said_elsewhere(text[start:end], [(start, end)]):
                continue  # a speaker on the page is quoted saying it: the page echoes them
            evidence.append(Span(start, end, text[start:end]))
            named.extend(core)
            best = max(best, sp.score)
        if not evidence:
            continue
        evidence.sort(key=lambda e: e.start)
        reasons = "; ".join(f"'{w}' {_why(w, pos, know)}" for w, pos in dict.fromkeys(named))
        shown = ", ".join(f"'{e.text}'" for e in evidence)
        yield best, Finding(
            id="",
            check=CHECK,
            severity="warning" if best >= cfg.warning_score else "info",
            message=f"The page uses loaded wording in its own voice ({shown}): {reasons}.",
            evidence=tuple(evidence),
        )
