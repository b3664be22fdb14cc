"""scare_quotes: quotation marks that quote no one and signal the writer's distance.

US-backed “insurgents”, the war against the “rebels”, the so-called “liberation”
militia: marks around a word or short phrase that no one on the page is quoted saying
tell the reader the label is not to be trusted, without saying whose label it is or why.
An editor should either attribute the word or drop the marks.

Not scare quotes, because the marks say whose word it is or that it is a name or a term:
- someone's word: the complement of a naming or reporting verb ("called the plan
  “reckless”", "Note I said “many”"), a class a passive or a "by" agent gives
  ("blacklisted as a “terrorist group” by Washington", "deemed “bandits” by the
  council"), a name after "self-proclaimed", anything inside someone's reported words
  ("said the “activists” blocked the road"), inside a longer quotation, an embedded post or a
  transcript (:mod:`._voice`), and a word someone on the page is quoted saying anywhere
  (the marks echo them);
- text a colon or an equals sign introduces: a sign's words, a speaker's, code;
- titles of works ("the report “Dying for Work”") and names in title case;
- terms: a quoted noun naming a kind of thing ("the “sunset” clause"), a word mentioned
  as a word ("the word “genocide”", "“right-wing extremists”, a term ...", "the noun
  for it is “glint”"), another name for a plain word ("medicine men or “shamans”");
- a quotation that is all of its sentence (a cited title in a list of sources), and
  words in a script without case, where a name cannot be told from a label;
- what is not a label: a clause with its own subject ("We got a sniper"), a verb phrase
  ("savagely massacred"), a function word ("he", "many"), a number;
- a term the page goes on to use plainly, outside anyone's quoted words: the marks
  introduced it ("“ghost guns” … sales of ghost guns rose"), unless a distancing word
  ("so-called") says otherwise.

The candidates are the ``unattributed_quote`` records of the article. What is left is
the page distancing itself from a label it will not own: a warning. Occurrences of the
same word are grouped into one finding with every occurrence as evidence, so a label put
in marks throughout a page reads as one pattern, not as noise.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from newsaudit.checks import register
from newsaudit.checks._sources import TokenIndex, cues, normalise
from newsaudit.checks._voice import Voice, voice_of
from newsaudit.checks.unsourced_claim import writer_aside
from newsaudit.context import DEFAULT_CONTEXT, Context
from newsaudit.datafiles import load_json
from newsaudit.model import ARTICLE_KINDS, Attribution, Finding, Report, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

CHECK = "scare_quotes"
_REPORTED = frozenset({"direct_quote", "reported_speech", "according_to", "quoted_as_saying"})
_QUOTING = frozenset({"direct_quote", "quoted_as_saying"})
_MARKS = frozenset("\"“”‘’«»„'")
_MARK_CLASS = re.escape("".join(sorted(_MARKS)))
_CONTEXT = 3  # tokens before the opening mark read for a cue
#: Dependencies by which a quoted word completes a naming verb ("called it “reckless”").
_COMPLEMENTS = frozenset({"oprd", "xcomp", "acomp", "ccomp", "attr", "dobj"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "agent", "csubj"})
#: What a label is: a noun or an adjective.
_LABEL_POS = frozenset({"NOUN", "PROPN", "ADJ"})


@lru_cache(maxsize=1)
def _reporting() -> frozenset[str]:
    """Verbs that give words to someone: of saying ("Note I said “many”"), believing,
    finding, naming and criticising (attribution.json's lists, the naming verbs and the
    headline verbs of criticism in checks.json)."""
    lex = load_json("attribution.json")
    lists = ("reporting_verbs", "clause_verbs", "document_verbs", "passive_cues")
    verbs = frozenset(w for k in lists for w in lex[k]["lemmas"])
    criticism = cues()["raw"]["headline_verbs"]["criticism"]  # "the suit blasted ..."
    return verbs | _cues().naming | frozenset(w for w in criticism if " " not in w)


@lru_cache(maxsize=1)
def _dismissals() -> frozenset[str]:
    """Nouns that dismiss an account ("hoax", "lie"): loaded.json's labels of accounts."""
    return frozenset(load_json("loaded.json")["reasons"]["label"]["words"])


class _Cues(NamedTuple):
    max_words: int
    distancing: tuple[tuple[str, ...], ...]
    mention: frozenset[str]
    titles: frozenset[str]
    naming: frozenset[str]
    #: verbs that name something only as "X as “Y”" ("refers to them as “…”")
    as_verbs: frozenset[str]
    #: words that give the quoted name to the one who takes it ("self-proclaimed")
    self_naming: tuple[tuple[str, ...], ...]


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    sq = cues()["raw"]["scare_quotes"]
    return _Cues(
        max_words=int(sq["max_words"]),
        distancing=tuple(tuple(d.replace("-", " - ").split()) for d in sq["distancing"]),
        mention=frozenset(sq["mention_nouns"]),
        titles=frozenset(sq["title_nouns"]),
        naming=frozenset(sq["naming_verbs"]),
        as_verbs=frozenset(sq["as_verbs"]),
        self_naming=tuple(tuple(d.replace("-", " - ").split()) for d in sq["self_naming"]),
    )


class _Occurrence(NamedTuple):
    span: Span
    att: Attribution
    distanced: str | None  # the distancing cue before it, if any
    #: the marks show whose word it is (a naming verb's complement, a longer quotation,
    #: a post): then no occurrence of the same word is a scare quote, the page echoes them
    someones: bool = False
    #: it sits in what someone is reported to say: likely their word, so this occurrence
    #: alone is no scare quote, but it does not excuse the page's own uses of the word
    reported: bool = False


def _head(doc: Doc, idx: range) -> Token | None:
    toks = [doc[i] for i in idx if not doc[i].is_punct]
    for t in toks:
        if not (idx.start <= t.head.i < idx.stop) or t.head.i == t.i:
            return t
    return toks[0] if toks else None


def _before(doc: Doc, first: int) -> list[Token]:
    """Up to a few tokens before the quotation, nearest last, opening marks skipped."""
    out: list[Token] = []
    j = first - 1
    while j >= 0 and len(out) < _CONTEXT:
        if doc[j].text not in _MARKS and not (doc[j].is_punct and doc[j].text != "-"):
            out.append(doc[j])
        j -= 1
    out.reverse()
    return out


def _distancing(before: list[Token]) -> str | None:
    low = [t.lower_ for t in before]
    for cue in _cues().distancing:
        if tuple(low[-len(cue) :]) == cue:
            return "".join(t.text_with_ws for t in before[-len(cue) :]).strip()
    return None


#: Short words a title-case title leaves in lower case ("Running on Empty").
_TITLE_SMALL = frozenset("a an the and or but of on in at to for from by with as nor vs".split())


def _is_title_or_name(doc: Doc, idx: range) -> bool:
    words = [doc[i] for i in idx if doc[i].is_alpha]
    if not words:
        return True
    if any(ch.isalpha() and not ch.isupper() and not ch.islower() for w in words for ch in w.text):
        return True  # a script without case (Arabic, Chinese): no telling a name from a label
    first = words[0]
    prev = doc[first.i - 1] if first.i > 0 else None
    after_mark = prev is not None and prev.is_sent_start and prev.text in _MARKS
    at_start = first.is_sent_start or after_mark
    capped = all(w.text[:1].isupper() or w.lower_ in _TITLE_SMALL for w in words[1:])
    return first.text[:1].isupper() and capped and not at_start


def _someones_word(
    doc: Doc, head: Token, before: list[Token], reporting: frozenset[str]
) -> bool:
    """A naming or reporting verb's complement, a word mentioned as a word, or a title."""
    c = _cues()
    low = [t.lower_ for t in before]
    lemmas = [t.lemma_.lower() for t in before]
    if any(tuple(low[-len(cue) :]) == cue for cue in c.self_naming):
        return True  # the “caliphate” a group calls itself, after "self-proclaimed"
    if low and (low[-1] in c.mention or lemmas[-1] in c.mention or low[-1] in c.titles):
        return True
    if low[-2:] == ["known", "as"] or (low and lemmas[-1] in c.naming and low[-1] != "so"):
        return True
    if len(low) >= 2 and low[-1] == "as" and lemmas[-2] in c.naming | c.as_verbs:
        return True  # "which translates as “the lion cub”", "described as “chaotic”"
    gov = head.head
    if head.dep_ in _COMPLEMENTS and gov.lemma_.lower() in c.naming | reporting:
        return True
    if head.dep_ == "pobj" and gov.lower_ == "as" and \
            gov.head.lemma_.lower() in c.naming | c.as_verbs:
        return True  # "described the protesters as “hooligans”"
    return _classified(head) or _named_by_a_mention(head) or _glossed(doc, head)


def _classified(head: Token) -> bool:
    """Whether the quoted word is what a verb in the passive classes someone as, or what
    a verb with its own "by" agent calls them: "blacklisted as a “terrorist
    organization” by Washington", "identified as a “senior official”", "groups deemed
    “terrorists” by the parliament". The passive says the class is someone's (the
    agent's, or the body's that classed them), not the page's."""
    gov = head.head
    if head.dep_ == "pobj" and gov.lower_ == "as":
        verb = gov.head
        return verb.pos_ == "VERB" and any(
            c.dep_ in ("auxpass", "nsubjpass", "agent") for c in verb.children)
    if head.dep_ in _COMPLEMENTS and gov.pos_ == "VERB":
        return any(c.dep_ == "agent" for c in gov.children)
    return False


def _named_by_a_mention(head: Token) -> bool:
    """Whether the quoted word is what a word or name is said to be: "The collective noun
    for goldfish is a “glint” or a “troubling”", "Its name was “Operation Dawn”"."""
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    if head.dep_ != "attr":
        return False
    mention = _cues().mention
    return any(c.dep_ == "nsubj" and (c.lower_ in mention or c.lemma_.lower() in mention)
               for c in head.head.children)


def _glossed(doc: Doc, head: Token) -> bool:
    """Whether the quoted word is another name for a plain word just before it: "used by
    medicine men or “shamans”" (a noun joined by "or" to an unquoted noun): the marks
    give the other name, a gloss, not a label held at a distance."""
    if head.dep_ != "conj" or head.head.i >= head.i or head.head.pos_ not in ("NOUN", "PROPN"):
        return False
    first = head.head
    if not any(c.dep_ == "cc" and c.lower_ == "or" for c in first.children):
        return False
    return not (first.i + 1 < len(doc) and doc[first.i + 1].text in _MARKS) and \
        not (first.i > 0 and doc[first.i - 1].text in _MARKS)


def _clause(doc: Doc, idx: range) -> bool:
    """Whether the quoted words are a clause with its own subject ("We got a sniper",
    "We probably don't"): someone's utterance, not a label held at a distance."""
    for i in idx:
        t = doc[i]
        if t.dep_ in ("nsubj", "nsubjpass", "expl") and t.head.i in idx and t.head.i != i:
            return True
    return False


def _whole_sentence(doc: Doc, idx: range, head: Token) -> bool:
    """Whether the quotation is all of its sentence (a cited title in a list of sources,
    “Bunbury Man's Bali horror.”, or a line on its own): a label sits in a sentence
    that says something of it."""
    return all(t.i in idx or t.is_punct or t.text in _MARKS or t.is_space for t in head.sent)


def _reported_in(report: Report, span: Span) -> Attribution | None:
    for att in report.attributions:
        if att.kind in _REPORTED and att.content is not None and att.source.text:
            if att.content.start <= span.start and span.end <= att.content.end:
                return att
    return None


def _introduced(text: str, start: int) -> bool:
    """Whether the quotation follows a colon or an equals sign: the text a sign, a
    speaker or a line of code gives, never a label held at a distance."""
    before = text[max(0, start - 8) : start].rstrip().rstrip("\"“‘'«„").rstrip()
    return before.endswith((":", "="))


def _label_shaped(doc: Doc, idx: range, head: Token) -> bool:
    """Whether the quoted words can be a label: a noun or adjective that is not a
    function word, with no verb of its own ("savagely massacred", "clean this up" and
    "many" are someone's words or a word mentioned, not a label)."""
    # the “elected” leader, the “grieving” star: a participle used as an adjective
    adjectival = head.tag_ in ("VBN", "VBG") and head.dep_ in ("amod", "acomp")
    if (head.pos_ not in _LABEL_POS and not adjectival) or head.is_stop:
        return False
    return not any(doc[i].pos_ in ("VERB", "AUX") and i != head.i for i in idx)


def _speaker_in_sentence(head: Token, cues: frozenset[str]) -> bool:
    """Whether the quotation's sentence gives words to someone: a verb of saying,
    believing, finding, naming or criticising with a subject of its own ("The chemical
    attacks were “inhuman” President Erdogan said", "what he said was a “disgusting”
    attack", "The suit blasted the state's “provisional ballot scheme”"). The marks then
    quote that speaker. A quotation inside a relative clause is the writer's own aside
    ("his war, which has been powered by support for the “rebels”") and stays a candidate."""
    scope: Iterable[Token] = head.sent
    tok = head
    for _ in range(64):  # parse trees are shallow; the bound guards against cycles
        if tok.dep_ == "relcl" and not _infinitive(tok):
            scope = tok.subtree  # only the relative clause's own verbs speak for it
            break
        if tok.head.i == tok.i:  # the root (spaCy makes a new Token on each access)
            break
        tok = tok.head
    for t in scope:
        if t.pos_ not in ("VERB", "AUX") or _in_another_clause(t, head):
            continue
        lemma = t.lemma_.lower()
        if lemma in cues or (lemma == "put" and any(c.lower_ == "it" for c in t.children)):
            # "as Thatcher put it" gives the words to her as much as "said" does
            if _has_subject(t) or (
                t.dep_ in _SHARES_SUBJECT and lemma in _speech() and _has_subject(t.head)
            ):
                return True
    return False


def _in_another_clause(verb: Token, head: Token) -> bool:
    """Whether a verb sits in a relative clause that does not hold the quotation: "the
    company's “experienced” guide who took clients into the gorge on a day when rain was
    forecast" gives no words to the rain."""
    for tok in (verb, *verb.ancestors):
        if tok.dep_ == "relcl":
            return head.i not in {t.i for t in tok.subtree}
    return False


def _infinitive(verb: Token) -> bool:
    """Whether a clause the parser hangs on a noun is an infinitive ("changed strategy to
    target only “significant” sales"): it has no subject of its own and says what the
    sentence's subject does, so it is no aside of the writer's."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


#: How a verb of saying shares the subject of the verb it hangs on: "The pub will close,
#: and have said it is “highly unlikely” ...", "She started a fund, explaining that he
#: was on “random patrol”". (Only saying: "keeping his “options” open, to see ..." and
#: "calling it “islamophobia”" give the page's own words no speaker.)
_SHARES_SUBJECT = frozenset({"conj", "advcl"})


@lru_cache(maxsize=1)
def _speech() -> frozenset[str]:
    return frozenset(load_json("attribution.json")["reporting_verbs"]["lemmas"])


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in _SUBJECTS and not c.is_punct for c in verb.children)


def _quoting_sentence(report: Report, head: Token) -> bool:
    """Whether the quotation's sentence, or the one before or after it in its paragraph
    (no blank line between: pages that put each sentence on a line of its own mark
    paragraphs so), quotes a speaker word for word ("Obama continues, ‘Look, …’,
    although the Fox viewpoint is ‘destructive for the country’"; "Reyes sent the council
    the “final plan”. “I sent them a copy,” Reyes said."): the passage is giving that
    speaker's words, and the fragment is likely theirs too. (Any speaker the attribution
    names, "a spokesman" too: the passage is theirs either way.)"""
    sent = head.sent
    doc = sent.doc
    text = report.document.text  # the parse's text (``Doc.text`` rebuilds it per call)
    lo, hi = sent.start_char, sent.end_char
    if sent.start > 0:
        prev = doc[sent.start - 1].sent
        if "\n\n" not in text[prev.start_char : sent.end_char].strip():
            lo = prev.start_char
    if sent.end < len(doc):
        nxt = doc[sent.end].sent
        if "\n\n" not in text[sent.start_char : nxt.end_char].strip():
            hi = nxt.end_char
    for att in report.attributions:
        if att.kind in _QUOTING and att.content is not None and att.source.text:
            if lo <= att.content.start and att.content.end <= hi:
                return True
    return False


def _term_of_art(doc: Doc, idx: range, head: Token) -> bool:
    """A quoted noun naming a kind of thing: “sunset” clause, “de-escalation” zones. The
    marks set off a term, unless the noun they modify is itself a dismissal (“global
    warming” hoax)."""
    if head.pos_ not in ("NOUN", "PROPN") or head.dep_ not in ("compound", "nmod", "amod"):
        return False
    gov = head.head
    if gov.i < idx.stop or gov.i > idx.stop + 2 or gov.pos_ not in ("NOUN", "PROPN"):
        return False
    return gov.lower_ not in _dismissals()


def _mentioned_after(doc: Doc, idx: range) -> bool:
    """A quotation glossed as a word right after it: “right-wing extremists,” a term ..."""
    mention = _cues().mention
    j, seen = idx.stop, 0
    while j < len(doc) and seen < 3:
        t = doc[j]
        j += 1
        if t.is_punct or t.text in _MARKS:
            continue
        seen += 1
        if t.lower_ in mention or t.lemma_.lower() in mention:
            return True
    return False


def _occurrences(report: Report, doc: Doc, index: TokenIndex, voice: Voice
                 ) -> Iterator[_Occurrence]:
    text = report.document.text
    reporting = _reporting()
    for att in report.attributions:
        if att.kind != "unattributed_quote" or att.segment not in ARTICLE_KINDS:
            continue
        if att.content is None:
            continue
        span = att.content
        n_words = len(span.text.split())
        if n_words > _cues().max_words or (att.segment == "headline" and n_words > 1):
            continue  # a headline's quoted phrase is someone's words: quote_integrity's case
        idx = index.within(span.start, span.end)
        head = _head(doc, idx)
        if head is None or _is_title_or_name(doc, idx) or _clause(doc, idx):
            continue
        if _whole_sentence(doc, idx, head):
            continue  # “Bunbury Man's Bali horror.”: a title or a line, not a label
        if _introduced(text, span.start) or not _label_shaped(doc, idx, head):
            continue
        before = _before(doc, idx.start)
        distanced = _distancing(before)
        if distanced is None and (_term_of_art(doc, idx, head) or _mentioned_after(doc, idx)):
            continue
        inside = _reported_in(report, span)
        if inside is not None and writer_aside(doc, head.i, inside) is not None:
            inside = None  # the writer's own clause hung on the reported words
        someones = (
            (distanced is None and _someones_word(doc, head, before, reporting))
            or voice.in_block(span.start, span.end)  # a longer quotation, a post, ...
        )
        reported = (inside is not None or _speaker_in_sentence(head, reporting)
                    or _quoting_sentence(report, head))
        yield _Occurrence(span, att, distanced, someones, reported)


def _times(n: int) -> str:
    return {1: "", 2: " twice"}.get(n, f" {n} times")


def message(word: str, count: int, cue: str | None) -> str:
    """The finding's sentence, for ``word`` put in marks ``count`` times."""
    if cue:
        why = f"after “{cue}”, which makes the distance explicit"
    else:
        why = "which signals distance from the label without saying whose word it is"
    return (
        f"“{word}” is put in quotation marks{_times(count)}, yet no one on the page is quoted "
        f"using it; the marks are the page's own, {why}."
    )


@register(
    CHECK,
    # the marks are what is wrong; the tagger and the technique model echo the same word
    supersedes=("propaganda_technique", "loaded_language"),
    summary=(
        "quotation marks around a word no one on the page is quoted saying (\"rebels\")"
    ),
    severities=("warning",),
)
def check(report: Report, doc: Doc, ctx: Context = DEFAULT_CONTEXT) -> Iterator[Finding]:
    """One finding per quoted word or phrase, with each of its occurrences as evidence."""
    for occs in scare_quoted(report, doc):
        cue = next((o.distanced for o in occs if o.distanced), None)
        yield Finding(
            id="", check=CHECK, severity="warning",
            message=message(occs[0].span.text, len(occs), cue),
            evidence=tuple(o.span for o in occs),
            refs=tuple(o.att.id for o in occs),
        )


def scare_quoted(report: Report, doc: Doc) -> list[list[_Occurrence]]:
    """The page's scare quotes, grouped by word (each group one finding): what the other
    checks of the page's voice leave to this one."""
    voice = voice_of(report)
    groups: dict[str, list[_Occurrence]] = {}
    index = TokenIndex(doc)
    for occ in _occurrences(report, doc, index, voice):
        groups.setdefault(normalise(occ.span.text), []).append(occ)
    quoted = [
        f" {normalise(a.content.text)} " for a in report.attributions
        if a.kind in _QUOTING and a.content is not None and a.source.text
    ]
    out = []
    for key, occs in groups.items():
        if any(f" {key} " in q for q in quoted):
            continue  # a speaker is quoted saying it, in marks of their own
        if any(o.someones for o in occs):
            continue  # someone on the page is quoted using it: the marks echo them
        if all(o.reported and not o.distanced for o in occs):
            continue  # only ever inside someone's reported words
        if voice.said_elsewhere(occs[0].span.text, [(o.span.start, o.span.end) for o in occs]):
            continue
        if not any(o.distanced for o in occs) and _adopted(report, doc, index, occs):
            continue  # the page goes on to use the words plainly: it introduced a term
        out.append(occs)
    return out


def _adopted(report: Report, doc: Doc, index: TokenIndex, occs: list[_Occurrence]) -> bool:
    """Whether the article uses the quoted words later without marks and outside anyone's
    quoted words ("“ghost guns” … sales of ghost guns rose"): the writer put a term in
    marks on first use and then owns it, which is not distance from a label. A page that
    keeps its distance keeps the marks ("the “rebels” … the “rebels”"). A single word
    counts only as a noun both times: "the “right” views" and a later "right now" are
    two words, one sneered at and one not."""
    text = report.document.text
    words = occs[0].span.text.strip()
    if not words:
        return False
    single = len(words.split()) == 1
    if single and not _noun_at(doc, index, occs[0].span.start, occs[0].span.end):
        return False
    first = occs[0].span.end
    pattern = re.compile(r"(?<![\w" + _MARK_CLASS + r"])" + re.escape(words)
                         + r"(?![\w" + _MARK_CLASS + r"])", re.IGNORECASE)
    theirs = [(a.content.start, a.content.end) for a in report.attributions
              if a.kind in _REPORTED and a.content is not None]
    for m in pattern.finditer(text, first):
        seg = report.segment_at(m.start())
        if seg is None or seg.kind not in ARTICLE_KINDS:
            continue
        if any(s <= m.start() < e for s, e in theirs):
            continue  # someone else's words
        if single and not _noun_at(doc, index, m.start(), m.end()):
            continue  # the same letters in another sense
        return True
    return False


def _noun_at(doc: Doc, index: TokenIndex, start: int, end: int) -> bool:
    toks = index.within(start, end)
    return len(toks) > 0 and all(doc[i].pos_ in ("NOUN", "PROPN") for i in toks)
