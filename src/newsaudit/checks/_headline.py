"""Reading a headline for what a reader takes from it.

``headline_unsupported`` compares a headline with its body; before it can, it has to know
which words of the first line are the article's claim, and how the headline itself
presents that claim:

- the claim: the headline without the site's name or a section label beside it
  ("… | The Japan Times", "Update | …"): a part at either end that shares no word with
  the body, or a short run of capitalised words after the last separator, is the page's
  furniture;
- whether it is a headline at all: a line of script, a sentence, or words the body never
  comes back to (a CMS artefact, a site's name) are not judged as the article's claim;
- whether the headline already says whose claim it is ("…: activists", "Russia: …",
  "… says minister") or hedges it ("reportedly", "may", a question): such a headline does
  not state anything as fact;
- its content words, folded to rough stems so that a title-case headline ("Kills") meets
  its body ("killed");
- the quotations it carries, which the body must give someone saying.

Word lists (hedges, source nouns) are data: ``checks.json`` (``headline_reading``) and
``attribution.json``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from newsaudit.checks._sources import TokenIndex, cues
from newsaudit.datafiles import load_json
from newsaudit.inflect import inflections
from newsaudit.model import Attribution, Report, Segment, Span
from newsaudit.quantities.numbers import read_number

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: A first line longer than this is a sentence or a lead, not a headline.
MAX_HEADLINE_WORDS = 20
#: Script left in a scraped title ("mboxCreate(", "{", "};", "var x ="): the words before
#: the verb are then code, not a speaker.
_CODE = re.compile(r"[A-Za-z_$][\w$.]*\(|[{};]|\bvar\s+\w+\s*=|=>|</?\w+>")
#: A headline may end on an abbreviation ("… Talks With U.S.") or an ellipsis.
_ABBREV_END = re.compile(r"(?:\b(?:[A-Za-z]\.){2,}|\.\.\.|…)$")
#: What sites put between a headline and their name or a section label.
_SEPARATOR = re.compile(r"\s+[|–—]\s+|\s+-\s+|\s*\|\s*")
#: A site's name or a section label: a few capitalised words ("The Village Voice").
_SITE_WORDS = 4
#: Quotation marks a headline puts around words it presents as someone's. An opening mark
#: inside a passage starts another passage ("‘The cub of X': group says boy ‘got
#: martyred’" is two); a curly single quotation may close with a straight mark that no
#: letter follows (sites mix them; "X's" is an apostrophe).
_QUOTED = re.compile(
    r"“([^”“]{3,}?)”|‘([^’‘]{3,}?)(?:’|'(?=[^\w']|$))(?!\w)|\"([^\"]{3,}?)\""
    r"|(?<!\w)'([^']{3,}?)'(?!\w)"
)
#: First-person words opening what follows a headline's colon: the speaker's own words.
_FIRST_PERSON = frozenset({"i", "we", "my", "our", "i'm", "i’m", "we're", "we’re"})
#: The most words a speaker before a headline's colon takes ("Whiz kid stock picker").
_SPEAKER_WORDS = 6
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
_SMALL = frozenset({"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "by",
                    "with", "from", "as", "is", "are", "was", "s"})


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """The headline words of ``checks.json`` and the source nouns of ``attribution.json``."""
    data = cues()["raw"]["headline_reading"]
    att = load_json("attribution.json")
    people = set(att["unspecified_people"]["lemmas"]) | set(att["anonymous_officials"]["lemmas"])
    outlets = set(att["vague_sources"]["lemmas"]) | set(att["outlet_nouns"]["lemmas"])
    return {
        "hedges": frozenset(data["hedges"]),
        "modal_hedges": frozenset(data["modal_hedges"]),
        "hedge_phrases": tuple(tuple(p.split()) for p in data["hedge_phrases"]),
        "modal_hedge_phrases": tuple(tuple(p.split()) for p in data["modal_hedge_phrases"]),
        "conditional_openers": frozenset(data["conditional_openers"]),
        "unverified": frozenset(data["unverified"]["verbs"]),
        "negations": frozenset(data["unverified"]["negations"]),
        "refuting": frozenset(data["refuting"]),
        "accusations": {k: frozenset(v) for k, v in data["accusations"]["lemmas"].items()},
        "denials": frozenset(data["denials"]["lemmas"]),
        "claim_nouns": frozenset(data["denials"]["claim_nouns"]),
        "causal": frozenset(data["undetermined"]["causal"]),
        "open": tuple(tuple(p.split()) for p in data["undetermined"]["open"]),
        "unsettled": tuple(tuple(p.split()) for p in data["undetermined"]["unsettled"]),
        "leading_sources": frozenset(data["leading_sources"]["lemmas"]),
        "trailing_sources": frozenset(data["trailing_sources"]["lemmas"]),
        "relays": frozenset(data["relay_verbs"]),
        "stop": frozenset(data["stopwords"]) | _SMALL,
        "not_in_a_speaker": frozenset(data["not_in_a_speaker"]),
        "people": frozenset(people),
        "outlet_nouns": frozenset(outlets),
        "outlet_phrases": frozenset(att["outlet_phrases"]["phrases"]),
        "outlets": frozenset(att["outlets"]["names"]),
        "labels": frozenset(att["colon_labels"]["words"]),
        # with their forms: a title-case headline ("… Confirmed In Congo") is often
        # lemmatised as it stands
        "credit_passives": frozenset(
            {f for w in data["credit_passives"]["lemmas"] for f in inflections(w)} | {"said"}),
    }


def stem(word: str) -> str:
    """A rough stem that lets a headline's "Kills", "Militants", "Syria's" meet the body's
    "killed", "militant", "Syria": lower case, possessive and common endings off."""
    w = word.lower().replace("’", "'")
    w = w[:-2] if w.endswith("'s") else w.rstrip("'")
    for end, keep in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if w.endswith(end) and len(w) - len(end) >= 3 and not w.endswith("ss"):
            w = w[: len(w) - len(end)] + keep
            break
    # one final "e" only: "agree" and "agreed" both give "agre"
    return w[:-1] if len(w) > 4 and w.endswith("e") else w


def content_stems(tokens: Iterable[Token]) -> set[str]:
    """Stems of a stretch's content words (names, nouns, verbs, adjectives, numbers)."""
    stop = lexicon()["stop"]
    out: set[str] = set()
    for t in tokens:
        low = t.lower_
        if low in stop or not (t.is_alpha or t.like_num) or len(low) < 2:
            continue
        if t.pos_ in _CONTENT_POS or t.is_title or t.is_upper:
            out.add(_number_word(low) or stem(t.text))
    return out


def _number_word(low: str) -> str | None:
    """A number written as a word as its digits ("ten" -> "10"), so that "At Least Ten
    Fighters" meets "at least 10 fighters"; None for any other word."""
    if not low.isalpha():
        return None
    m = read_number([low], 0)
    if m is None or m.value is None or m.vague or not float(m.value).is_integer():
        return None
    return str(int(m.value))


def headline_shaped(text: str) -> bool:
    """Whether a first line reads as a headline. A sentence (a full stop at its end, more
    than a headline's words) or a line of script has no headline verb and source to
    check, and reading its first words as a speaker would write a garbled message."""
    line = text.strip()
    if not line or len(line.split()) > MAX_HEADLINE_WORDS or _CODE.search(line):
        return False
    return not (line.endswith(".") and _ABBREV_END.search(line) is None)


def title_case(tokens: Sequence[Token]) -> bool:
    """Whether the headline capitalises its words: the tagger then takes verbs for names."""
    words = [t for t in tokens if t.is_alpha and len(t) > 3]
    return bool(words) and sum(t.text[0].isupper() for t in words) >= 0.7 * len(words)


@dataclass(frozen=True)
class Headline:
    """What the headline claims and how it presents it.

    ``claim`` is the headline without the site's name or a section label; ``credited``
    the words by which the headline itself names whose claim it is ("activists",
    "Russia"), ``hedge`` its hedging word or question mark; ``quotes`` the passages it
    puts in quotation marks; ``stems`` its content words.
    """

    seg: Segment
    claim: Span
    tokens: tuple[int, ...]
    title_case: bool
    credited: Span | None
    hedge: Span | None
    quotes: tuple[Span, ...]
    stems: frozenset[str]
    disputed: Span | None = None

    @property
    def states_as_fact(self) -> bool:
        """Neither credited nor hedged, and with no quotation: words in quotation marks
        present the claim as someone's ("Academics 'treated as second-class'"); nor calls
        a claim false ("Death hoax spreads online", "… rumours denied"): a headline about
        a claim it disputes does not state that claim, however the body hedges it."""
        return (self.credited is None and self.hedge is None and not self.quotes
                and self.disputed is None)


def _parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The headline's parts between separators, as offsets."""
    parts: list[tuple[int, int]] = []
    at = start
    for m in _SEPARATOR.finditer(text, start, end):
        parts.append((at, m.start()))
        at = m.end()
    parts.append((at, end))
    return [(s, e) for s, e in parts if text[s:e].strip()]


def _site_like(words: list[str]) -> bool:
    """A few capitalised words with no lower-case content word: a name, not a claim."""
    return 0 < len(words) <= _SITE_WORDS and all(w[:1].isupper() or w.lower() in _SMALL
                                                 for w in words)


def _claim(report: Report, doc: Doc, index: TokenIndex, seg: Segment,
           body: set[str]) -> tuple[int, int]:
    """The headline's claim: the parts left when page furniture at the ends is dropped."""
    text = report.document.text
    parts = _parts(text, seg.start, seg.end)

    def shares(s: int, e: int) -> bool:
        return bool(content_stems(doc[i] for i in index.within(s, e)) & body)

    while len(parts) > 1:
        (s0, e0), (s1, e1) = parts[0], parts[-1]
        first, last = text[s0:e0].split(), text[s1:e1].split()
        if not shares(s1, e1) or (_site_like(last) and len(last) < len(first)):
            parts.pop()
        elif not shares(s0, e0) or (_site_like(first) and first[0].lower() in lexicon()["labels"]):
            parts.pop(0)
        else:
            break
    return parts[0][0], parts[-1][1]


def _source_words(words: Sequence[Token]) -> bool:
    """Whether words name a source by what it is: an outlet ("state TV", "Reuters",
    "media") or, with ``people``, a kind of person ("activists", "officials")."""
    lex = lexicon()
    phrase = " ".join(t.lower_ for t in words)
    last = words[-1]
    return (
        " ".join(t.text for t in words) in lex["outlets"]
        or phrase in lex["outlet_phrases"]
        or ((last.lemma_.lower() in lex["outlet_nouns"] or last.lower_ in lex["outlet_nouns"])
            and last.pos_ in ("NOUN", "PROPN"))  # "media" is lemmatised to "medium"
    )


def _credited(report: Report, doc: Doc, index: TokenIndex, lo: int, hi: int) -> Span | None:
    """Whose claim the headline says it is: a speaker the attribution stage found in it
    ("Russia: …", "… says minister"), or a source named after the claim ("…: activists";
    "… kills six Syrian state TV", an outlet, where the colon was lost)."""
    text = report.document.text
    lex = lexicon()
    for att in report.attributions:
        src = att.source
        if att.segment != "headline" or src.text is None or src.start is None:
            continue
        if not (lo <= src.start < hi) or att.kind == "unattributed_quote":
            continue
        words = [doc[i] for i in index.within(src.start, src.end or src.start)]
        if not words or words[0].lower_ in lex["labels"]:
            continue
        if len(words) == 1 and words[0].pos_ in ("VERB", "ADJ", "ADV", "AUX"):
            continue  # "Confirmed: …" is the page's own word, not a speaker's
        return Span.of(text, src.start, src.end or src.start)
    toks = [doc[i] for i in index.within(lo, hi) if not (doc[i].is_punct or doc[i].is_space)]
    if len(toks) < 3:
        return None
    passive = _credit_passive(toks, lex["credit_passives"])
    if passive is not None:
        return Span.of(text, passive.idx, passive.idx + len(passive))
    colon = text.rfind(":", lo, hi)
    if colon > lo:
        # "Teen trader: I never made $72M": words in the first person after a colon are
        # the speaker's own, whoever the words before the colon name
        before = [t for t in toks if t.idx < colon]
        first = next((t for t in toks if t.idx > colon), None)
        if (first is not None and first.lower_ in _FIRST_PERSON
                and 0 < len(before) <= _SPEAKER_WORDS):
            return Span.of(text, before[0].idx, before[-1].idx + len(before[-1]))
    sources = lex["people"] | lex["outlet_nouns"]
    if colon > lo:  # "…: activists", "…: local media"
        after = [t for t in toks if t.idx > colon]
        if 0 < len(after) <= 4 and (
            after[-1].lemma_.lower() in lex["people"] or _source_words(after)
            # the last word of a headline parses as a verb as often as not: "…: reports"
            or (len(after) == 1 and after[0].lemma_.lower() in sources)
        ):
            return Span.of(text, after[0].idx, after[-1].idx + len(after[-1]))
    first_colon = text.find(":", lo, hi)
    if first_colon > lo:
        # "Sources: …", "Officials: …": a source by what it is, then the claim; the
        # attribution stage leaves "Sources:" alone as a label, which it is on a credit
        # line but not before a headline's claim
        before = [t for t in toks if t.idx < first_colon]
        if 0 < len(before) <= 2 and before[-1].lemma_.lower() in sources:
            return Span.of(text, before[0].idx, before[-1].idx + len(before[-1]))
    for k in (1, 2, 3):
        # "Monitors 15 killed …", "Activists 20 dead …": "Monitors: 15 killed" whose
        # colon was lost; a source by what it is, then straight away the figure it gives
        words = toks[:k]
        last = words[-1]
        if len(toks) > k + 1 and toks[k].like_num and (
            (last.lower_.endswith("s") and last.lower_[:-1] in lex["leading_sources"])
            or _source_words(words)
        ):
            return Span.of(text, words[0].idx, words[-1].idx + len(words[-1]))
    for k in (3, 2, 1):
        words = toks[-k:]
        if words[0].i > 0 and doc[words[0].i - 1].pos_ == "ADP":
            continue  # "… spoke to state TV": the outlet is part of the claim
        if _source_words(words) or _after_figure(doc, words, lex["people"]):
            return Span.of(text, words[0].idx, words[-1].idx + len(words[-1]))
    if _trailing_body(toks, lex["trailing_sources"]):
        return Span.of(text, toks[-1].idx, toks[-1].idx + len(toks[-1]))
    cut = _cut_source(doc, toks, hi)
    if cut is not None:
        return Span.of(text, cut[0].idx, cut[-1].idx + len(cut[-1]))
    return None


def _trailing_body(toks: Sequence[Token], names: frozenset[str]) -> bool:
    """Whether a toll headline ends with a reporting body whose colon was lost: "Army
    kills 32 rebels in Daraa ambush NGO". After a noun, and not as the object of a
    preposition or a determiner two words back ("raid on Orlen NGO" names the target)."""
    last, before, two = toks[-1], toks[-2], toks[-3]
    return (
        last.lower_ in names
        and before.pos_ in ("NOUN", "PROPN") and not before.like_num
        and two.pos_ not in ("ADP", "DET")
        and any(t.like_num for t in toks[:-1])
    )


def _cut_source(doc: Doc, toks: Sequence[Token], hi: int) -> Sequence[Token] | None:
    """The headline's last words when they are the start of a source the body names, the
    headline cut short by the site or the scraper: "… kills six Syrian state" over a body
    whose "Syrian state TV" gives the toll. The words must begin with a capital (a name
    or a nationality) and the body must complete them into a source by one word."""
    for k in (3, 2):
        words = toks[-k:]
        if not words[0].text[:1].isupper() or any(t.like_num for t in words):
            continue
        want = [t.lower_ for t in words]
        for t in doc:
            if t.idx < hi or t.i + k >= len(doc):
                continue
            run = doc[t.i : t.i + k + 1]
            if [w.lower_ for w in run[:k]] == want and _source_words(list(run)):
                return words
    return None


def _credit_passive(toks: Sequence[Token], verbs: frozenset[str]) -> Token | None:
    """The headline's main predicate when it is an agentless passive of confirming,
    telling or blaming ("Two cases of Ebola confirmed in Congo", "Cheese blamed for …"):
    the headline then says an unnamed authority found or blamed, not that the thing is so.
    Only the main predicate: in "Man accused of fraud dies in prison" the accusation is
    a detail of the subject, and the claim is the death."""
    for t in toks:
        if t.lemma_.lower() not in verbs and t.lower_ not in verbs:
            continue
        # no agent, object or clause: "cases confirmed" is parsed as an active verb with
        # "cases" for subject, but a confirming without anything confirmed is a passive
        if t.tag_ not in ("VBN", "VBD") or any(
            c.dep_ in ("agent", "dobj", "ccomp", "dative") for c in t.children
        ):
            continue
        head = t.head
        if t.dep_ == "ROOT" or (
            t.dep_ == "acl" and head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN")
        ):
            return t
    return None


def _after_figure(doc: Doc, words: Sequence[Token], people: frozenset[str]) -> bool:
    """Whether the headline's last words are a source whose colon was lost after a count:
    "… kills 32 Medical source". A singular noun for a person cannot be what a figure
    above one counts ("kills 32 officials" counts them), so it names who gave it."""
    before = doc[words[0].i - 1] if words[0].i > 0 else None
    last = words[-1]
    if before is None or not before.like_num or last.tag_ not in ("NN", "NNP"):
        return False
    try:
        many = float(before.text.replace(",", "")) > 1
    except ValueError:
        many = before.lower_ not in ("one", "a", "an")
    return many and last.lemma_.lower() in people


def hedge_in(doc: Doc, ids: Sequence[int], *, modal: bool) -> tuple[int, int] | None:
    """The first hedge among the tokens ``ids`` (``modal``: modals and "claims" count
    too), as token indices ``[first, last]``."""
    lex = lexicon()
    words = lex["hedges"] | (lex["modal_hedges"] if modal else frozenset())
    found: list[tuple[int, int]] = [(i, i) for i in ids if doc[i].lower_ in words]
    lowered = [doc[i].lower_ for i in ids]
    phrases = lex["hedge_phrases"] + (lex["modal_hedge_phrases"] if modal else ())
    found += [(ids[k], ids[k + n - 1]) for k, n in phrase_hits(lowered, phrases)]
    return min(found) if found else None


def negation_before(doc: Doc, i: int, reach: int, floor: int = 0) -> bool:
    """Whether one of the headline reading's negations ("not", "n't", "unable", …) stands
    among the ``reach`` words before token ``i``, none before token ``floor``: how a
    sentence says its verb did not happen ("could not be verified", "is not confirming")
    when the parse does not attach the negation to the verb."""
    negations = lexicon()["negations"]
    return any(t.lower_ in negations for t in doc[max(floor, i - reach) : i])


def phrase_hits(words: Sequence[str],
                phrases: Iterable[tuple[str, ...]]) -> Iterator[tuple[int, int]]:
    """Where each of ``phrases`` (word tuples) occurs in ``words``: ``(start, length)``."""
    for phrase in phrases:
        n = len(phrase)
        for k in range(len(words) - n + 1):
            if tuple(words[k : k + n]) == phrase:
                yield k, n


def _hedge(doc: Doc, ids: Sequence[int], lo: int, hi: int, text: str) -> Span | None:
    """The headline's own hedge: a hedging word, a modal, a question mark, or a
    conditional opening ("If Only A Bird Really Did …" says what would be, not what is)."""
    if ids and doc[ids[0]].lower_ in lexicon()["conditional_openers"]:
        first = doc[ids[0]]
        return Span.of(text, first.idx, first.idx + len(first))
    at = hedge_in(doc, ids, modal=True)
    if at is not None:
        first, last = doc[at[0]], doc[at[1]]
        return Span.of(text, first.idx, last.idx + len(last))
    q = text.rfind("?", lo, hi)
    return Span.of(text, q, q + 1) if q >= 0 else None


def quotes_in(text: str, lo: int, hi: int) -> tuple[Span, ...]:
    """Passages in quotation marks between ``lo`` and ``hi`` (the words, without marks)."""
    out: list[Span] = []
    for m in _QUOTED.finditer(text, lo, hi):
        g = next(i for i in range(1, 5) if m.group(i) is not None)
        start, end = m.start(g), m.end(g)
        if g == 4 and text[end - 1] == "s" and text[end + 1 : end + 2] == " ":
            # a plural possessive inside single marks ("'agree ceasefire and girls'
            # release'"): the quotation closes at the next mark no letter follows, unless
            # that mark is a possessive too ("the 'rebels' took the towns' roads")
            nxt = text.find("'", end + 2, hi)
            if (nxt > 0 and not text[nxt + 1 : nxt + 2].isalnum()
                    and text[nxt - 1].isalnum() and text[nxt - 1] != "s"):
                end = nxt
        out.append(Span.of(text, start, end))
    return tuple(out)


def read_headline(report: Report, doc: Doc, index: TokenIndex, seg: Segment,
                  body: set[str]) -> Headline | None:
    """The headline as a claim, or ``None`` when the first line is no plausible headline:
    not shaped as one, or none of its words comes back in the body (site chrome, a CMS
    artefact). ``body`` is the body's content stems."""
    if not headline_shaped(seg.text):
        return None
    text = report.document.text
    lo, hi = _claim(report, doc, index, seg, body)
    ids = tuple(i for i in index.within(lo, hi) if not doc[i].is_space)
    stems = content_stems(doc[i] for i in ids)
    if not stems & body:
        return None
    while hi > lo and text[hi - 1] in " .:;,":
        hi -= 1
    return Headline(
        seg=seg,
        claim=Span.of(text, lo, hi),
        tokens=ids,
        title_case=title_case([doc[i] for i in ids]),
        credited=_credited(report, doc, index, lo, hi),
        hedge=_hedge(doc, ids, lo, hi, text),
        quotes=quotes_in(text, lo, hi),
        stems=frozenset(stems),
        disputed=_disputed(doc, ids, text),
    )


def refuting_word(doc: Doc, ids: Iterable[int],
                  excluding: frozenset[str] = frozenset()) -> Token | None:
    """The first of the tokens ``ids`` that calls a claim false ("hoax", "debunked",
    "denies"): the refuting words a body sentence uses for the same, less ``excluding``."""
    words = lexicon()["refuting"] - excluding
    return next((doc[i] for i in ids if doc[i].lower_ in words), None)


def _disputed(doc: Doc, ids: Sequence[int], text: str) -> Span | None:
    """The headline's word calling a claim false, as a span."""
    t = refuting_word(doc, ids)
    return Span.of(text, t.idx, t.idx + len(t)) if t is not None else None


def headline_attributions(report: Report, h: Headline) -> list[Attribution]:
    return [a for a in report.attributions if a.segment == "headline"
            and h.claim.start <= a.start < h.claim.end]
