"""quote_integrity: quoted words that cannot all be what someone actually said.

Quotation marks promise the reader verbatim words. Three signs break that promise:

(a) the same statement quoted twice in different words (the headline's “Massive Losses”
    and the body's “massive loses”): at most one of them is verbatim;
(b) a headline quotation that the body never quotes, so no speaker on the page said
    it; a quotation put in the mouth of an organisation as a whole, with no
    spokesperson, statement or intermediary named, is said as well when (a) or (c)
    already casts doubt on it (on its own it is how wire copy quotes a statement);
(c) a misspelling inside the marks ("casualities"): spoken words carry no spelling, so
    the error is the writer's, and the quotation was typed rather than copied.

Quotations are grouped by wording (exact repeats, partial quotes and near-duplicates
fall in one group) and each group gets one finding with every reason that applies, so
one doubtful phrase is one line for the editor, not three.

The helpers it shares with the other checks of this family (reading sources, token
lookup) live in ``_sources``; comparing figures lives in :mod:`newsaudit.figures.compare`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from difflib import SequenceMatcher
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from newsaudit.checks import register
from newsaudit.checks._sources import (
    SPOKEN_KINDS,
    TokenIndex,
    cues,
    lower_article,
    names_a_work,
    normalise,
    same_source,
    speaks,
)
from newsaudit.context import DEFAULT_CONTEXT, Context
from newsaudit.model import ARTICLE_KINDS, Attribution, Finding, Report, Severity, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

CHECK = "quote_integrity"
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def article_segment(report: Report, offset: int) -> str | None:
    """The kind of the article segment holding ``offset``, or ``None`` outside the article."""
    seg = report.segment_at(offset)
    return seg.kind if seg is not None and seg.kind in ARTICLE_KINDS else None


# ------------------------------------------------------------------ quotations


class Quoted(NamedTuple):
    """One quotation of the article: its words, the record that holds it, its segment."""

    span: Span
    att: Attribution
    segment: str
    norm: str
    words: int


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


#: Contractions spelt out before two quotations are compared: a title-case headline's
#: "We Are Going To Go" quotes the body's "we're going to go" word for word.
_CONTRACTIONS = (("n't", " not"), ("'re", " are"), ("'ll", " will"), ("'ve", " have"),
                 ("'m", " am"), ("won not", "will not"), ("can not", "cannot"))


def _spelt_out(s: str) -> str:
    s = s.replace("\u2019", "'")
    for short, full in _CONTRACTIONS:
        s = s.replace(short, full)
    return s


def similar(a: str, b: str, min_ratio: float) -> tuple[bool, bool]:
    """``(same statement, worded differently)`` for two normalised quotations.

    A quotation contained in a longer one is the same statement (a partial quote);
    otherwise the shorter is slid over the longer, word window by word window. Two
    quotations that share a phrase but part at its first or last word ("not putting
    people back to work" and "… by putting people back to work") are two statements
    that use the same words, not one misquoted.
    """
    if a == b or f" {a} " in f" {b} " or f" {b} " in f" {a} ":
        return True, False
    a, b = _spelt_out(a), _spelt_out(b)
    if a == b or f" {a} " in f" {b} " or f" {b} " in f" {a} ":
        return True, False
    short, long_ = (a, b) if len(a.split()) <= len(b.split()) else (b, a)
    sw, lw = short.split(), long_.split()
    n = len(sw)
    # cheap reject: a near-duplicate shares most word beginnings ("casualities"/"casualties")
    heads = {w[:4] for w in lw}
    if sum(w[:4] in heads for w in sw) < n * min_ratio - 1:
        return False, False
    best, at = 0.0, 0
    for i in range(0, len(lw) - n + 1):
        if n < _WORDWISE_BELOW and not _wordwise(sw, lw[i : i + n], min_ratio):
            continue
        window = " ".join(lw[i : i + n])
        ratio = SequenceMatcher(None, short, window, autojunk=False).ratio()
        if ratio > best:
            best, at = ratio, i
    if best < min_ratio or _parts_at_edge(sw, lw, at, min_ratio):
        return False, False
    return True, True


def _parts_at_edge(short: list[str], long_: list[str], at: int, min_ratio: float) -> bool:
    """The shorter quotation, laid over the longer one's words from ``at``, differs only
    in a first or last word that is no slip of the other's, where the longer one goes on
    past it: the two share a phrase and part at its edge. Two whole quotations that
    differ in their last word ("every home" / "every house") are one statement misquoted."""
    n = len(short)
    window = long_[at : at + n]
    diff = [k for k, (x, y) in enumerate(zip(short, window, strict=True)) if x != y]
    if not diff or n < _WORDWISE_BELOW:
        return False
    for k in diff:
        inside = (k == 0 and at > 0) or (k == n - 1 and at + n < len(long_))
        if not inside or SequenceMatcher(None, short[k], window[k],
                                         autojunk=False).ratio() >= min_ratio:
            return False
    return True


#: Quotations shorter than this many words match a longer one only word for word: two
#: or three words slid over a long quotation meet a look-alike by chance ("news
#: release" in "a press release", "cub of Baghdadi" in "of cub Baghdadi").
_WORDWISE_BELOW = 4


def _wordwise(a: list[str], b: list[str], min_ratio: float) -> bool:
    """Each word of ``a`` is its counterpart in ``b`` or a slip of it ("loses"/"losses")."""
    return all(
        x == y or SequenceMatcher(None, x, y, autojunk=False).ratio() >= min_ratio
        for x, y in zip(a, b, strict=True)
    )


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
        if tok.idx + len(w) > span.end or _marked_sic(doc, i) or _broken_at_line(doc, i):
            continue
        fix = misspelling(w)
        if fix is not None:
            found.append((Span(tok.idx, tok.idx + len(w), w), fix))
    return found


def _marked_sic(doc: Doc, i: int) -> bool:
    """"dedacted (sic)", "[sic]": the writer marks the spelling as the original's."""
    after = doc[i + 1 : i + 4].text.lower().replace(" ", "")
    return after.startswith(("(sic)", "[sic]", "sic)", "sic]"))


def _broken_at_line(doc: Doc, i: int) -> bool:
    """"nec- essary", "can- didate": half of a word the source's line break hyphenated,
    whichever half is tested."""
    tok = doc[i]
    before = doc[i - 1] if i > 0 else None
    after = doc[i + 1] if i + 1 < len(doc) else None
    # the tokenizer keeps "nec-" whole, or splits it into "nec" and "-"
    split_before = before is not None and before.whitespace_ != "" and (
        (before.text.endswith("-") and before.text[:-1].isalpha())
        or (before.text == "-" and i > 1 and doc[i - 2].is_alpha and not doc[i - 2].whitespace_))
    split_after = tok.text.endswith("-") or (
        after is not None and after.text == "-" and after.whitespace_ != "" and not tok.whitespace_)
    return split_before or split_after


def traceable(report: Report, q: Quoted) -> bool:
    """Whether the quotation rests on someone who can have said or written the words."""
    return speaks(report, q.att, q.span)


# ------------------------------------------------------------------ the check


def _candidates(quotes: list[Quoted], min_ratio: float) -> list[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, of quotations that :func:`similar` may find to be one
    statement, in order: all of them, without comparing every pair.

    :func:`similar` turns a pair away unless at least ``k = ceil(n * min_ratio - 1)`` of
    the ``n`` words of the shorter quotation begin (first four letters) like a word of the
    longer one (a quotation inside another, or equal to it, shares all its words). Then
    any ``n - k + 1`` of the shorter one's words include one that does, so it is enough
    to look up the quotations holding its ``n - k + 1`` rarest beginnings.
    """
    words = [q.norm.split() for q in quotes]
    heads = [{w[:4] for w in ws} for ws in words]
    holders: dict[str, list[int]] = {}
    for n, hs in enumerate(heads):
        for h in hs:
            holders.setdefault(h, []).append(n)
    pairs: set[tuple[int, int]] = set()
    everyone = range(len(quotes))
    for a, ws in enumerate(words):
        need = math.ceil(len(ws) * min_ratio - 1)
        if need <= 0:
            found: Iterable[int] = everyone
        else:
            rare = sorted(range(len(ws)), key=lambda x: (len(holders[ws[x][:4]]), x))
            found = {b for x in rare[: len(ws) - need + 1] for b in holders[ws[x][:4]]}
        for b in found:
            if b == a:
                continue
            i, j = min(a, b), max(a, b)
            shorter = i if len(words[i]) <= len(words[j]) else j  # as similar() picks it
            if shorter == a:
                pairs.add((i, j))
    return sorted(pairs)


def _groups(quotes: list[Quoted], min_ratio: float) -> list[tuple[list[int], set[tuple[int, int]]]]:
    """Quotations of the same statement, with the pairs that differ in wording."""
    parent = list(range(len(quotes)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    differs: set[tuple[int, int]] = set()
    for i, j in _candidates(quotes, min_ratio):
        a, b = quotes[i], quotes[j]
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
    reworded: dict[int, set[tuple[int, int]]] = {}
    for pair in differs:
        reworded.setdefault(find(pair[0]), set()).add(pair)
    return [(g, reworded.get(root, set())) for root, g in groups.items()]


def _clause(doc: Doc, index: TokenIndex, q: Quoted) -> bool:
    """Whether a quotation is a clause someone can have said ("We Were Betrayed"), not a
    noun phrase: a title, a term, a slogan or the headline's shorthand ("Mein Kampf",
    "No guns for terrorists")."""
    return any(doc[i].pos_ in ("VERB", "AUX") for i in index.within(q.span.start, q.span.end))


def _where(q: Quoted) -> str:
    return "the headline" if q.segment == "headline" else f"the {q.segment}"


@register(
    CHECK,
    # someone's misquoted words are a quotation, not the page's scare quotes
    supersedes=("scare_quotes",),
    summary=(
        "the same words quoted differently, quoted words traceable to no speaker, misspellings "
        "inside quotes"
    ),
    severities=("info", "warning"),
)
def check(report: Report, doc: Doc, ctx: Context = DEFAULT_CONTEXT) -> Iterator[Finding]:
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
        # a quotation in a headline stands for someone's words, unless it names a work
        presented = [
            q
            for q in group
            if q.att.kind in SPOKEN_KINDS
            or (q.segment == "headline" and not names_a_work(doc, q.span.start, index))
        ]
        # a headline's quotation is traced only by a speaker in the body
        traced = [q for q in presented if q.segment != "headline" and traceable(report, q)]
        in_body = any(q.segment != "headline" for q in group)
        if presented and not traced:
            org = [q for q in presented if q.att.segment != "headline" and q.att.source.text]
            if org:
                who = lower_article(org[0].att.source.text or "")
                reasons.append(
                    f"the words are put to {who} as a whole, with no spokesperson, statement or "
                    "intermediary that could have said them"
                )
            elif not in_body and any(_clause(doc, index, q) for q in presented):
                reasons.append("no speaker in the body is quoted saying them")
                strong += 1
        # A quotation put to an organisation, or one whose speaker the parse missed, is
        # ordinary reporting on its own (editors judged nearly all of them noise on the
        # real pages' dev half): it is said only beside a sign that the words were
        # retyped, and a headline's quotation only when the body never quotes the words.
        if not strong and not typos:
            continue
        severity: Severity = "warning" if strong or len(reasons) >= 2 else "info"
        first = group[0]
        ids = tuple(dict.fromkeys(q.att.id for q in group))
        msg = f"Quoted words “{first.span.text}”: " + "; ".join(reasons) + "."
        ev = tuple(sorted(set(evidence), key=lambda s: (s.start, s.end)))
        yield Finding(id="", check=CHECK, severity=severity, message=msg, evidence=ev, refs=ids)
