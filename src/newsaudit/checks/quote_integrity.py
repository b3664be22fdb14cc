"""quote_integrity: quoted words that cannot all be what someone actually said.

Quotation marks promise the reader verbatim words. Three signs break that promise:

(a) the same statement quoted twice in different words (the headline's “Massive Losses”
    and the body's “massive loses”): at most one of them is verbatim;
(b) words presented as a source's (a headline quotation, a partial quote inside a
    reported clause) that no speaker in the body can have said: the only record puts
    them in the mouth of an organisation as a whole, with no spokesperson, statement or
    intermediary named, or nowhere at all;
(c) a misspelling inside the marks ("casualities"): spoken words carry no spelling, so
    the error is the writer's, and the quotation was typed rather than copied.

Quotations are grouped by wording (exact repeats, partial quotes and near-duplicates
fall in one group) and each group gets one finding with every reason that applies, so
one doubtful phrase is one line for the editor, not three.

This module also holds the small helpers the other checks of this family share (source
matching, figure bounds, token lookup), so that they read a source or a figure the same
way.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from difflib import SequenceMatcher
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from newsaudit.checks import register
from newsaudit.datafiles import load_json
from newsaudit.model import ARTICLE_KINDS, Attribution, Finding, Quantity, Report, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

CHECK = "quote_integrity"
_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
_NONWORD = re.compile(r"[^\w']+")
_WORD = re.compile(r"[\w'’-]+")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_POSSESSIVE = re.compile(r"['’]s$")
#: Kinds whose quoted words are presented as the source's own.
_SPOKEN = frozenset({"direct_quote", "reported_speech", "according_to", "quoted_as_saying"})
#: Source types that can utter or write words themselves.
_SPEAKERS = frozenset({"person", "official_anonymous", "outlet"})


# --------------------------------------------------------------------------- data


@lru_cache(maxsize=1)
def cues() -> dict[str, Any]:
    """``checks.json`` with its word lists turned into sets, built once."""
    data = load_json("checks.json")
    demonyms = data["demonyms"]
    # country, its irregular adjectives and its capital -> the country, lower case
    nation: dict[str, str] = {k.lower(): v.lower() for k, v in demonyms["capitals"].items()}
    for country, adjs in demonyms["irregular"].items():
        nation[country.lower()] = country.lower()
        nation.update((a.lower(), country.lower()) for a in adjs)
    return {
        "raw": data,
        "source_stop": frozenset(data["source_stopwords"]["words"]),
        "nation": nation,
        "channels": frozenset(data["speech_channels"]["lemmas"]),
        "similarity": data["quote_similarity"],
        "spelling": data["spelling"],
    }


# ------------------------------------------------------------------ shared helpers


class TokenIndex:
    """Character offset -> token index over one Doc, by bisection on token starts."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.starts: list[int] = doc.to_array("IDX").tolist() if len(doc) else []

    def at(self, char: int) -> int:
        return max(0, bisect_right(self.starts, char) - 1)

    def within(self, start: int, end: int) -> range:
        """Indices of the tokens that start inside ``[start, end)``."""
        lo = self.at(start)
        if lo < len(self.starts) and self.starts[lo] < start:
            lo += 1
        return range(lo, bisect_right(self.starts, end - 1) if end > start else lo)


def article_segment(report: Report, offset: int) -> str | None:
    """The kind of the article segment holding ``offset``, or ``None`` outside the article."""
    for seg in report.segments:
        if seg.start <= offset < seg.end:
            return seg.kind if seg.kind in ARTICLE_KINDS else None
    return None


def _nationality(word: str) -> str | None:
    """The country a word names or describes ("Iranian" -> "iran"), if it is one."""
    nation: dict[str, str] = cues()["nation"]
    return nation.get(word.lower())


def _key_words(text: str) -> list[str]:
    """The words of a source phrase that identify whom it is, in their original case."""
    stop = cues()["source_stop"]
    words = (_POSSESSIVE.sub("", m.group(0)).strip("'’") for m in _WORD.finditer(text))
    return [w for w in words if w and w.lower() not in stop]


def _stem_match(a: str, b: str) -> bool:
    """A country and its adjective: Iran/Iranian, Kordavia/Kordavian, Lebanon/Lebanese."""
    if a == b:
        return True
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n >= 4 and n >= min(len(a), len(b)) - 2


def _proper_words(text: str) -> list[str]:
    stop = cues()["source_stop"]
    words = (m.group(0) for m in _WORD.finditer(text))
    return [w for w in words if w[:1].isupper() and w.lower() not in stop]


def _same_word(x: str, y: str) -> bool:
    """One identifying word: equal (up to a plural), a country and its adjective, or a
    capital and its country. Stems are compared only between names: "government" and
    "governor" share six letters and are different speakers."""
    xl, yl = x.lower(), y.lower()
    if xl == yl or xl.rstrip("s") == yl.rstrip("s"):
        return True
    nx, ny = _nationality(x) or xl, _nationality(y) or yl
    if x[:1].isupper() and y[:1].isupper():
        return _stem_match(nx, ny)
    return nx == ny


def _unmatched(words: list[str], other: list[str]) -> list[str]:
    return [w for w in words if not any(_same_word(w, o) for o in other)]


def same_source(a: str | None, b: str | None, *, title_case: bool = False) -> bool:
    """Whether two source phrases name the same speaker or one of its own people.

    "Iran" matches "the Iranian government" and "a senior Iranian official"; "the Kordavian
    navy" matches "a navy official"; "the US navy" does not match "the Kordavian navy":
    when each phrase has a name the other lacks, they are different speakers. With
    ``title_case`` (``a`` is from a headline, where every word is capitalised) names are
    not compared.
    """
    if not a or not b:
        return False
    ka, kb = _key_words(a), _key_words(b)
    shared = any(_same_word(x, y) for x in ka for y in kb)
    if not shared:
        return False
    if title_case:  # a headline's capitals say nothing about names
        return True
    return not (_unmatched(_proper_words(a), kb) and _unmatched(_proper_words(b), ka))


#: How far an open bound is read to reach: "at least 120" is taken to mean 120-180,
#: "fewer than 30" 20-30. A headline rounding a body figure up by half is not support.
OPEN_STRETCH = 1.5


def plausible(q: Quantity) -> tuple[float, float]:
    """Closed bounds a reader would take from a figure: "at least 120" is not 500."""
    lo, hi = q.low, q.high
    if lo is None and hi is None:
        return (-math.inf, math.inf)
    if hi is None:
        assert lo is not None
        return (lo, lo * OPEN_STRETCH)
    if lo is None:
        return (hi / OPEN_STRETCH, hi)
    return (lo, hi)


def overlaps(a: Quantity, b: Quantity) -> bool:
    """Whether two figures' bounds can both hold ("almost 700" excludes 700 itself)."""
    a_lo = a.low if a.low is not None else -math.inf
    a_hi = a.high if a.high is not None else math.inf
    b_lo = b.low if b.low is not None else -math.inf
    b_hi = b.high if b.high is not None else math.inf
    a_open = a.approx in ("almost", "fewer_than")
    b_open = b.approx in ("almost", "fewer_than")
    if (a_hi < b_lo) or (b_hi < a_lo):
        return False
    if a_open and a_hi <= b_lo:
        return False
    if b_open and b_hi <= a_lo:
        return False
    return True


#: Categories compared only with their own kind and unit.
_MEASURED = frozenset({"duration", "distance", "other"})


def comparable(a: Quantity, b: Quantity) -> bool:
    """Whether two figures count the same kind of thing and may be compared.

    Different categories compare only when they count the same noun and one of them is
    a plain head count: "at least 120 sailors" (lost) against "18 sailors" (killed); the
    dead and the wounded are never one figure.
    """
    if a.category in _MEASURED or b.category in _MEASURED:
        return a.category == b.category and a.unit == b.unit and a.category != "other"
    if a.category == b.category:
        return True
    cats = {a.category, b.category}
    return (
        bool(a.counted and a.counted == b.counted)
        and cats <= {"killed", "wounded", "personnel", "people"}
        and cats != {"killed", "wounded"}
    )


def quantities_in(report: Report, start: int, end: int) -> list[Quantity]:
    return [q for q in report.quantities if start <= q.start < end]


def lower_article(s: str) -> str:
    """"The Iranian government" -> "the Iranian government", for use mid-sentence."""
    head, _, rest = s.partition(" ")
    return f"{head.lower()} {rest}" if rest and head in ("The", "A", "An") else s


# ------------------------------------------------------------------ quotations


class Quoted(NamedTuple):
    """One quotation of the article: its words, the record that holds it, its segment."""

    span: Span
    att: Attribution
    segment: str
    norm: str
    words: int


def normalise(s: str) -> str:
    return " ".join(_NONWORD.sub(" ", s.translate(_FOLD).casefold()).split())


def article_quotes(report: Report) -> list[Quoted]:
    """Every quotation in the headline, standfirst and body, with the record that holds it."""
    text = report.document.text
    out: list[Quoted] = []
    seen: set[tuple[int, int]] = set()
    for att in report.attributions:
        if att.quote is None or att.segment not in ARTICLE_KINDS:
            continue
        whole = att.content is not None and att.content.text == att.quote
        if att.kind in ("direct_quote", "unattributed_quote") and whole:
            assert att.content is not None
            start, end = att.content.start, att.content.end
        else:
            lo, hi = (att.content.start, att.content.end) if att.content else (att.start, att.end)
            start = text.find(att.quote, lo, hi)
            if start < 0:
                start = text.find(att.quote, att.start, att.end)
            if start < 0:
                continue
            end = start + len(att.quote)
        seg = article_segment(report, start)
        if seg is None or (start, end) in seen:
            continue
        seen.add((start, end))
        norm = normalise(text[start:end])
        out.append(Quoted(Span(start, end, text[start:end]), att, seg, norm, len(norm.split())))
    out.sort(key=lambda q: q.span.start)
    return out


def similar(a: str, b: str, min_ratio: float) -> tuple[bool, bool]:
    """``(same statement, worded differently)`` for two normalised quotations.

    A quotation contained in a longer one is the same statement (a partial quote);
    otherwise the shorter is slid over the longer, word window by word window.
    """
    if a == b or f" {a} " in f" {b} " or f" {b} " in f" {a} ":
        return True, False
    short, long_ = (a, b) if len(a.split()) <= len(b.split()) else (b, a)
    sw, lw = short.split(), long_.split()
    n = len(sw)
    # cheap reject: a near-duplicate shares most word beginnings ("casualities"/"casualties")
    heads = {w[:4] for w in lw}
    if sum(w[:4] in heads for w in sw) < n * min_ratio - 1:
        return False, False
    best = 0.0
    for i in range(0, len(lw) - n + 1):
        window = " ".join(lw[i : i + n])
        best = max(best, SequenceMatcher(None, short, window, autojunk=False).ratio())
    return (True, True) if best >= min_ratio else (False, False)


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, float] | None:
    """wordfreq's English frequency table, or ``None`` when the package is not installed."""
    try:
        from wordfreq import get_frequency_dict
    except ImportError:
        return None
    return get_frequency_dict("en", wordlist="best")


def _zipf(freqs: dict[str, float], word: str) -> float:
    f = freqs.get(word, 0.0)
    return math.log10(f) + 9.0 if f > 0 else 0.0


def _edits(word: str) -> dict[str, str]:
    """Every string one edit from ``word``, with the kind of edit that makes it."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out: dict[str, str] = {}
    for a, b in splits:
        for c in _LETTERS:
            out.setdefault(a + c + b, "insert")
            if b:
                out.setdefault(a + c + b[1:], "replace")
    for a, b in splits:
        if b:
            out[a + b[1:]] = "delete"
        if len(b) > 1:
            out[a + b[1] + b[0] + b[2:]] = "transpose"
    out.pop(word, None)
    return out


def _variant(a: str, b: str, pairs: Sequence[Sequence[str]]) -> bool:
    """British/American and other accepted variant spellings of one word."""
    for x, y in pairs:
        for p, q in ((x, y), (y, x)):
            i = a.find(p)
            while i >= 0:
                if a[:i] + q + a[i + len(p) :] == b:
                    return True
                i = a.find(p, i + 1)
    return False


def misspelling(word: str) -> str | None:
    """The frequent word ``word`` is most likely a misspelling of, if it looks like one."""
    freqs = _frequencies()
    if freqs is None:
        return None
    cfg = cues()["spelling"]
    z = _zipf(freqs, word)
    if z >= cfg["max_zipf"]:
        return None
    best, best_z, best_kind = None, 0.0, ""
    for cand, kind in _edits(word).items():
        cz = _zipf(freqs, cand)
        if cz > best_z:
            best, best_z, best_kind = cand, cz, kind
    if best is None or best_z < cfg["min_neighbour_zipf"] or best_z - z < cfg["min_gap"]:
        return None
    if z > cfg["max_zipf_by_edit"].get(best_kind, 0.0):
        return None
    if _variant(word, best, cfg["variant_pairs"]):
        return None
    # an inflection of a frequent word is a word, not a slip ("evacuees"/"evacuee")
    if word.rstrip("sd") == best or best.rstrip("sd") == word:
        return None
    return best


def misspelt_words(doc: Doc, index: TokenIndex, span: Span) -> list[tuple[Span, str]]:
    """Lower-case common words inside ``span`` that look misspelt, with their likely form."""
    if _frequencies() is None:
        return []
    min_len = cues()["spelling"]["min_length"]
    found = []
    for i in index.within(span.start, span.end):
        tok = doc[i]
        w = tok.text
        if len(w) < min_len or not tok.is_alpha or not w.islower() or tok.ent_type_ or tok.like_num:
            continue
        if tok.idx + len(w) > span.end:
            continue
        fix = misspelling(w)
        if fix is not None:
            found.append((Span(tok.idx, tok.idx + len(w), w), fix))
    return found


def has_channel(report: Report, att: Attribution, words: Span | None) -> bool:
    """Whether the attribution names how an organisation's words reached the page
    ("in a statement", "a spokesman said"), outside the reported ``words``."""
    text = report.document.text
    channels = cues()["channels"]
    parts = ((att.start, words.start), (words.end, att.end)) if words else ((att.start, att.end),)
    for lo, hi in parts:
        for m in _WORD.finditer(text, lo, max(lo, hi)):
            w = m.group(0).lower()
            if w in channels or w.rstrip("s") in channels:
                return True
    return False


def speaks(report: Report, att: Attribution, words: Span | None = None) -> bool:
    """Whether the attribution rests on someone who can have said or written the words:
    a person, an official, an outlet, an intermediary, or an organisation's named statement."""
    if att.kind not in _SPOKEN or att.source.text is None:
        return False
    if att.via or att.source.type in _SPEAKERS:
        return True
    if att.source.type == "unspecified":
        return True  # "Witnesses said …": people, if unnamed
    return has_channel(report, att, words if words is not None else att.content)


def traceable(report: Report, q: Quoted) -> bool:
    """Whether the quotation rests on someone who can have said or written the words."""
    return speaks(report, q.att, q.span)


# ------------------------------------------------------------------ the check


def _groups(quotes: list[Quoted], min_ratio: float) -> list[tuple[list[int], set[tuple[int, int]]]]:
    """Quotations of the same statement, with the pairs that differ in wording."""
    parent = list(range(len(quotes)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    differs: set[tuple[int, int]] = set()
    for i, a in enumerate(quotes):
        for j in range(i + 1, len(quotes)):
            b = quotes[j]
            nobodys = a.att.kind == b.att.kind == "unattributed_quote"
            if nobodys and "headline" not in (a.segment, b.segment):
                continue  # no one's words: scare_quotes' business
            body_pair = a.segment == "body" and b.segment == "body"
            if body_pair and not (
                same_source(a.att.source.text, b.att.source.text)
                or "unattributed_quote" in (a.att.kind, b.att.kind)
            ):
                continue
            same, worded = similar(a.norm, b.norm, min_ratio)
            if same:
                parent[find(j)] = find(i)
                if worded:
                    differs.add((i, j))
    groups: dict[int, list[int]] = {}
    for i in range(len(quotes)):
        groups.setdefault(find(i), []).append(i)
    return [(g, {p for p in differs if p[0] in g}) for g in groups.values()]


#: An unattributed quotation this long is someone's words, not a scare quote.
_LONG_UNATTRIBUTED = 5


def first_is_long(q: Quoted) -> bool:
    """A long quotation with no speaker, not a title (titles are in title case)."""
    words = q.span.text.split()
    titled = sum(w[:1].isupper() for w in words) >= max(2, len(words) - 1)
    return q.words >= _LONG_UNATTRIBUTED and not titled


def _where(q: Quoted) -> str:
    return "the headline" if q.segment == "headline" else f"the {q.segment}"


@register(CHECK)
def check(report: Report, doc: Doc) -> Iterator[Finding]:
    """Group the article's quotations by statement and report the groups that cannot hold."""
    quotes = [q for q in article_quotes(report) if q.words >= 1]
    if not quotes:
        return
    cfg = cues()["similarity"]
    index = TokenIndex(doc)
    long_enough = [q for q in quotes if q.words >= cfg["min_words"]]
    for members, differs in _groups(long_enough, cfg["min_ratio"]):
        group = [long_enough[i] for i in members]
        reasons: list[str] = []
        strong = 0
        evidence: list[Span] = [q.span for q in group]
        if differs:
            pairs = [(long_enough[i], long_enough[j]) for i, j in sorted(differs)]
            shown = "; ".join(
                f"“{a.span.text}” in {_where(a)} and “{b.span.text}” in {_where(b)}"
                for a, b in pairs
            )
            reasons.append(
                f"the same words are quoted differently ({shown}), so they cannot all be verbatim"
            )
            strong += 1
        typos = [(q, s, fix) for q in group for s, fix in misspelt_words(doc, index, q.span)]
        for _, s, fix in typos:
            reasons.append(
                f"“{s.text}” inside the quotation looks like a misspelling of “{fix}”, a sign the "
                "words were retyped rather than copied"
            )
            evidence.append(s)
        # a quotation in a headline always stands for someone's words
        presented = [q for q in group if q.att.kind in _SPOKEN or q.segment == "headline"]
        # a headline's quotation is traced only by a speaker in the body
        traced = [q for q in presented if q.segment != "headline" and traceable(report, q)]
        if presented and not traced:
            org = [q for q in presented if q.att.segment != "headline" and q.att.source.text]
            if org:
                who = lower_article(org[0].att.source.text or "")
                reasons.append(
                    f"the words are put to {who} as a whole, with no spokesperson, statement or "
                    "intermediary that could have said them"
                )
            else:
                reasons.append("no speaker in the body is quoted saying them")
            if any(q.segment == "headline" for q in presented):
                strong += 1
        if not presented and len(group) == 1 and first_is_long(group[0]):
            reasons.append("a quotation with no speaker anywhere on the page")
        if not reasons:
            continue
        severity = "warning" if strong or len(reasons) >= 2 else "info"
        first = group[0]
        ids = tuple(dict.fromkeys(q.att.id for q in group))
        msg = f"Quoted words “{first.span.text}”: " + "; ".join(reasons) + "."
        ev = tuple(sorted(set(evidence), key=lambda s: (s.start, s.end)))
        yield Finding(id="", check=CHECK, severity=severity, message=msg, evidence=ev, refs=ids)
