"""Tokens and hashed features for the propaganda models, shared by training and runtime.

Why a hand-rolled featuriser: newsaudit must score a page in a few milliseconds with
numpy alone, and training must see exactly the features the runtime computes, so both
import this module and nothing else decides what a feature is. Token features are integer
hashes mixed in numpy (one vectorised pass per template instead of one ``crc32`` per
feature string); words are hashed once per process with ``zlib.crc32``, which is
deterministic across processes and platforms. Changing anything here changes the
features, so bump FEATURISER_VERSION and retrain.

Text is tokenised by a regex, not spaCy, so the detector works on any string and costs
the same at training and run time. Sentences are split on line breaks (PTC has one
sentence per line) and on sentence-final punctuation within a line.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

import numpy as np

__all__ = [
    "FEATURISER_VERSION",
    "N_TOKEN_TEMPLATES",
    "Tokens",
    "count_capped",
    "hash_terms",
    "span_terms",
    "token_features",
    "tokenize",
    "trim_phrase",
    "word_counts",
]

FEATURISER_VERSION = "newsaudit-ptc-v1"

_TOKEN = re.compile(r"\w+(?:['\u2019]\w+)*|[^\w\s]")
# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) before a space
# and an upper-case letter, digit or opening quote. Lines are split first.
_SENT_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])")
_QUOTE_CHARS = frozenset('"\u201c\u201d')
_MASK = np.uint64(0xFFFFFFFFFFFFFFFF)
_M1 = np.uint64(0xFF51AFD7ED558CCD)
_M2 = np.uint64(0xC4CEB9FE1A85EC53)
_S33 = np.uint64(33)
# Template ids of the token featuriser (the last one is the sentence's bag of words).
(
    T_W0,
    T_WM1,
    T_WP1,
    T_WM2,
    T_WP2,
    T_BI_L,
    T_BI_R,
    T_SUF,
    T_SHAPE,
    T_POS,
    T_SLEN,
    T_FLAGS,
    T_REP,
    T_SHAPE_BI,
    T_TRI,
    T_SENT,
) = range(16)
N_TOKEN_TEMPLATES = 15
_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "to",
        "in",
        "and",
        "or",
        "but",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "for",
        "on",
        "with",
        "as",
        "at",
        "by",
        "from",
        "he",
        "she",
        "they",
        "we",
        "you",
        "i",
        "his",
        "her",
        "their",
        "our",
        "your",
        "not",
        "no",
    ]
)


@lru_cache(maxsize=262144)
def _wh(word: str) -> int:
    return zlib.crc32(word.encode("utf-8"))


def _shape(tok: str) -> str:
    if tok.isdigit():
        return "d"
    if not tok[0].isalnum() and tok[0] != "_":
        return tok if tok in "\"'\u201c\u201d\u2018\u2019!?-(),.:;" else "p"
    if tok.isupper() and len(tok) > 1:
        return "X"
    if tok[0].isupper():
        return "Xx"
    return "x"


@dataclass(frozen=True, slots=True)
class Tokens:
    """A tokenised text: offsets, lower-cased words and sentence structure (numpy arrays)."""

    starts: np.ndarray  # int64, per token
    ends: np.ndarray
    words: list[str]  # lower-cased, curly apostrophes straightened
    shapes: list[str]
    sent: np.ndarray  # int64 sentence index per token
    sent_bounds: list[tuple[int, int]]  # token index range per sentence
    in_quote: np.ndarray  # bool: an odd number of double quotes precede it in its sentence
    first_line: np.ndarray  # bool: token on the text's first non-empty line (a title)


def tokenize(text: str) -> Tokens:
    """Split ``text`` into tokens and sentences (line breaks always end a sentence)."""
    starts: list[int] = []
    ends: list[int] = []
    raw: list[str] = []
    sent_ids: list[int] = []
    bounds: list[tuple[int, int]] = []
    first: list[bool] = []
    quote: list[bool] = []
    pos = 0
    line_no = 0
    for line in text.split("\n"):
        if line.strip():
            cuts = [0] + [m.end() for m in _SENT_END.finditer(line)] + [len(line)]
            for a, b in pairwise(cuts):
                lo = len(starts)
                inside = False
                for m in _TOKEN.finditer(line, a, b):
                    tok = m.group()
                    starts.append(pos + m.start())
                    ends.append(pos + m.end())
                    raw.append(tok)
                    sent_ids.append(len(bounds))
                    first.append(line_no == 0)
                    quote.append(inside)
                    if tok in _QUOTE_CHARS:
                        inside = not inside
                if len(starts) > lo:
                    bounds.append((lo, len(starts)))
            line_no += 1
        pos += len(line) + 1
    return Tokens(
        starts=np.asarray(starts, dtype=np.int64),
        ends=np.asarray(ends, dtype=np.int64),
        words=[t.lower().replace("\u2019", "'") for t in raw],
        shapes=[_shape(t) for t in raw],
        sent=np.asarray(sent_ids, dtype=np.int64),
        sent_bounds=bounds,
        in_quote=np.asarray(quote, dtype=bool),
        first_line=np.asarray(first, dtype=bool),
    )


def _mix(keys: np.ndarray, template: int, mod: int) -> np.ndarray:
    """SplitMix-style finaliser of (template, key) pairs into ``[0, mod)``."""
    x = keys.astype(np.uint64) + np.uint64(
        (0x9E3779B97F4A7C15 * (template + 1)) & 0xFFFFFFFFFFFFFFFF
    )
    x ^= x >> _S33
    x *= _M1
    x ^= x >> _S33
    x *= _M2
    x ^= x >> _S33
    return (x % np.uint64(mod)).astype(np.int64)


def _pair(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return a.astype(np.uint64) * np.uint64(0x100000001B3) ^ b.astype(np.uint64)


def token_features(toks: Tokens, n_features: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Hashed features per token for the span model.

    Returns ``(idx, sent_idx, sent_ptr)``: ``idx`` is ``(n_tokens, N_TOKEN_TEMPLATES)``
    column indices (each worth 1.0); ``sent_idx[sent_ptr[s]:sent_ptr[s+1]]`` are the
    sentence ``s``'s bag-of-words columns, each worth ``1/sqrt(count)`` to every token of
    that sentence (a token learns from the sentence it sits in).
    """
    n = len(toks.words)
    if n == 0:
        return (
            np.zeros((0, N_TOKEN_TEMPLATES), np.int64),
            np.zeros(0, np.int64),
            np.zeros(1, np.int64),
        )
    wh = np.fromiter((_wh(w) for w in toks.words), dtype=np.int64, count=n)
    sh = np.fromiter((_wh(s) for s in toks.shapes), dtype=np.int64, count=n)
    suf = np.fromiter((_wh(w[-3:]) for w in toks.words), dtype=np.int64, count=n)
    sent = toks.sent
    bos, eos = _wh("<s>"), _wh("</s>")
    same_prev = np.r_[False, sent[1:] == sent[:-1]]
    same_next = np.r_[sent[:-1] == sent[1:], False]
    wm1 = np.where(same_prev, np.r_[bos, wh[:-1]], bos)
    wp1 = np.where(same_next, np.r_[wh[1:], eos], eos)
    same_prev2 = same_prev & np.r_[False, same_prev[:-1]]
    same_next2 = same_next & np.r_[same_next[1:], False]
    wm2 = np.where(same_prev2, np.r_[bos, bos, wh[:-2]][:n], bos)
    wp2 = np.where(same_next2, np.r_[wh[2:], eos, eos][:n], eos)
    shm1 = np.where(same_prev, np.r_[bos, sh[:-1]], bos)
    # Position in the sentence (first, last, fifths between) and sentence length bucket.
    bounds = np.asarray(toks.sent_bounds, dtype=np.int64)
    lo, hi = bounds[sent, 0], bounds[sent, 1]
    length = hi - lo
    rel = np.arange(n) - lo
    posb = np.where(
        rel == 0, 0, np.where(rel == length - 1, 1, 2 + (5 * rel) // np.maximum(length, 1))
    )
    slen = np.minimum(np.log2(np.maximum(length, 1)).astype(np.int64), 7)
    flags = toks.in_quote.astype(np.int64) + 2 * toks.first_line.astype(np.int64)
    # How often the word recurs in the text (content words only): Repetition and slogans.
    counts = word_counts(toks)
    rep = np.fromiter(
        (0 if (w in _STOP or not w[0].isalpha()) else min(counts[w], 4) for w in toks.words),
        dtype=np.int64,
        count=n,
    )
    cols = [
        _mix(wh, T_W0, n_features),
        _mix(wm1, T_WM1, n_features),
        _mix(wp1, T_WP1, n_features),
        _mix(wm2, T_WM2, n_features),
        _mix(wp2, T_WP2, n_features),
        _mix(_pair(wm1, wh), T_BI_L, n_features),
        _mix(_pair(wh, wp1), T_BI_R, n_features),
        _mix(suf, T_SUF, n_features),
        _mix(sh, T_SHAPE, n_features),
        _mix(posb, T_POS, n_features),
        _mix(slen, T_SLEN, n_features),
        _mix(flags, T_FLAGS, n_features),
        _mix(rep, T_REP, n_features),
        _mix(_pair(shm1, sh), T_SHAPE_BI, n_features),
        _mix(_pair(_pair(wm1, wh), wp1), T_TRI, n_features),
    ]
    idx = np.stack(cols, axis=1)
    # Each sentence's distinct words in ascending hash order, all sentences in one sort
    # (sentence, then hash) rather than a np.unique per sentence.
    order = np.lexsort((wh, sent))
    s_sorted, w_sorted = sent[order], wh[order]
    first = np.r_[True, (s_sorted[1:] != s_sorted[:-1]) | (w_sorted[1:] != w_sorted[:-1])]
    per_sent = np.bincount(s_sorted[first], minlength=len(toks.sent_bounds))
    ptr = np.r_[0, np.cumsum(per_sent)].astype(np.int64)
    return idx, _mix(w_sorted[first], T_SENT, n_features), ptr


_LEN_BOUNDS = (1, 2, 4, 8, 16, 30)  # span length buckets, in words
_SPAN_QUOTE_BEFORE = frozenset("\"'\u201c\u2018")


def span_terms(
    text: str, start: int, end: int, toks: Tokens, word_counts: dict[str, int]
) -> list[str]:
    """String features of one span for the technique model (hashed by the caller).

    The span's words and bigrams, its first and last word, character 3-5-grams, the rest
    of its sentence, the words right outside it, and cues: length, how often the same
    words recur in the text (Repetition), quotes, "!" and "?", capitals, the title line.
    """
    frag = text[start:end].lower().replace("\u2019", "'")
    words = [m.group() for m in _TOKEN.finditer(frag)]
    out = [f"w={w}" for w in words]
    out += [f"b={a} {b}" for a, b in pairwise(words)]
    if words:
        out += [f"f={words[0]}", f"l={words[-1]}"]
    squash = " " + " ".join(w for w in words if w[0].isalnum()) + " "
    if len(squash) <= 120:
        for size in (3, 4, 5):
            out += ["c=" + squash[i : i + size] for i in range(len(squash) - size + 1)]
    n = len(words)
    out.append(f"len={sum(n > b for b in _LEN_BOUNDS)}")
    # Context: the sentence(s) around the span, minus the span itself.
    i0 = int(np.searchsorted(toks.ends, start, side="right"))
    i1 = int(np.searchsorted(toks.starts, end, side="left"))
    if i0 < len(toks.words):
        s0 = toks.sent_bounds[int(toks.sent[min(i0, len(toks.words) - 1)])][0]
        s1 = toks.sent_bounds[int(toks.sent[max(min(i1, len(toks.words)) - 1, 0)])][1]
        out += [f"x={w}" for w in toks.words[s0:i0]] + [f"x={w}" for w in toks.words[i1:s1]]
        out += [f"L={w}" for w in toks.words[max(s0, i0 - 2) : i0]]
        out += [f"R={w}" for w in toks.words[i1 : min(s1, i1 + 2)]]
        cover = (i1 - i0) / max(s1 - s0, 1)
        out.append(f"cover={min(int(cover * 4), 4)}")
        if toks.first_line[min(i0, len(toks.words) - 1)]:
            out.append("title")
    # Repetition: the same phrase (or its content words) elsewhere in the text.
    reps = count_capped(_lowered(text), frag, 5) if frag.strip() else 0
    out.append(f"rep={reps}")
    content = [w for w in words if w[0].isalpha() and w not in _STOP]
    if content:
        out.append(f"wrep={min(min(word_counts.get(w, 0) for w in content), 5)}")
        out.append(f"wrepmax={min(max(word_counts.get(w, 0) for w in content), 6)}")
    raw = text[start:end]
    if start > 0 and text[start - 1] in _SPAN_QUOTE_BEFORE:
        out.append("quoted")
    if "!" in raw or text[end : end + 1] == "!":
        out.append("excl")
    if "?" in raw or text[end : end + 1] == "?":
        out.append("quest")
    if any(c.isalpha() for c in raw) and raw.upper() == raw:
        out.append("allcaps")
    return out


@lru_cache(maxsize=4)
def _lowered(text: str) -> str:
    """``text.lower()`` once per text, not once per span (a page has hundreds of chunks)."""
    return text.lower()


#: Texts shorter than this are searched with ``str.count`` (a news page is a few thousand
#: characters, where a scan costs microseconds); longer ones through :class:`_Trigrams`.
_INDEX_FROM = 20_000


def count_capped(text: str, frag: str, cap: int) -> int:
    """``min(text.count(frag), cap)``, in time that does not grow with ``text`` when it is
    long: every span of a page asks how often its words recur, and scanning the whole page
    for each made the propaganda check quadratic (9 s of a million-character page)."""
    if len(text) < _INDEX_FROM:
        return min(text.count(frag), cap)
    return _trigrams(text).count(frag, cap)


class _Trigrams:
    """Where each three-character string occurs in one text, to find a fragment's
    occurrences from the positions of its two rarest trigrams instead of a scan."""

    def __init__(self, text: str) -> None:
        codes = _codes(text)
        self.order = np.argsort(codes, kind="stable")
        self.codes = codes[self.order]
        self.text = text
        self._short: dict[str, int] = {}

    def count(self, frag: str, cap: int) -> int:
        """``min(self.text.count(frag), cap)``: occurrences that do not overlap, taken from
        the left as ``str.count`` takes them."""
        if len(frag) < 3:  # "us", "it": few such words, each counted once per text
            found = self._short.get(frag)
            if found is None:
                found = self._short[frag] = self.text.count(frag)
            return min(found, cap)
        wanted = _codes(frag)
        lo = np.searchsorted(self.codes, wanted, side="left")
        hi = np.searchsorted(self.codes, wanted, side="right")
        rarest = np.argsort(hi - lo, kind="stable")[:2]
        # where frag would start, were its trigram at offset j where it occurs
        starts = self.order[lo[rarest[0]] : hi[rarest[0]]] - rarest[0]
        if len(rarest) > 1 and len(starts):
            j = rarest[1]
            starts = np.intersect1d(starts, self.order[lo[j] : hi[j]] - j)
        found, reach = 0, -1
        for p in np.sort(starts).tolist():
            if p >= reach and p >= 0 and self.text.startswith(frag, p):
                found += 1
                reach = p + len(frag)
                if found >= cap:
                    break
        return found


def _codes(text: str) -> np.ndarray:
    """One integer per three consecutive characters of ``text`` (21 bits per code point)."""
    cp = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    return (cp[:-2] << 42) | (cp[1:-1] << 21) | cp[2:]


@lru_cache(maxsize=4)
def _trigrams(text: str) -> _Trigrams:
    return _Trigrams(text)


def hash_terms(terms: list[str], n_features: int) -> np.ndarray:
    """Unique hashed columns of a span's string features.

    Hashed with ``zlib.crc32`` directly, as :func:`_wh` hashes: a span's terms (character
    n-grams, its sentence's words) are mostly new to a page, and looking each up in
    :func:`_wh`'s cache cost twice what hashing it does."""
    hashes = np.fromiter(map(zlib.crc32, map(str.encode, terms)), dtype=np.int64,
                         count=len(terms))
    return np.unique(hashes % n_features)


def word_counts(toks: Tokens) -> dict[str, int]:
    """How often each (lower-cased) word occurs in the text: the Repetition cues."""
    counts: dict[str, int] = {}
    for w in toks.words:
        counts[w] = counts.get(w, 0) + 1
    return counts


def trim_phrase(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A phrase without leading/trailing punctuation, quotes or spaces (None if empty)."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return (start, end) if end > start else None
