"""Propaganda techniques in running text: which stretches use one, and which one.

Three linear models trained on the SemEval-2020 Task 11 corpus (PTC) ship as one artifact
(``data/propaganda.npz`` float32 + ``data/propaganda.card.json``):

* **spans** (the task's SI): a per-token logistic regression says whether a token lies
  inside a propaganda span; runs of likely tokens, with short gaps bridged, become spans.
  The two thresholds (hysteresis), gap and minimum length were tuned for the official SI
  F1 on held-out *training* articles (never on dev); the card records them.
* **techniques** (the task's TC): a 14-way multinomial logistic regression over the span,
  its sentence and a few cues (how often the span recurs in the text, quotes, "!", length).
* **phrases**: a binary logistic regression over the same span features says whether a
  candidate phrase (a noun chunk the caller passes) is on its own a span of a word-level
  technique (name calling, loaded language, exaggeration, slogans, repetition). The token
  model smears such words over whole sentences; the phrase model gives them tight
  evidence. It is not part of the task's scoring, which has no parse to draw chunks from.

Why a hand-rolled featuriser: newsaudit must score a page in a few milliseconds with
numpy alone, and training must see exactly the features the runtime computes. Token
features are integer hashes mixed in numpy (one vectorised pass per template instead of
one ``crc32`` per feature string); words are hashed once per process with ``zlib.crc32``,
which is deterministic across processes and platforms. Training imports these functions.

Text is tokenised by a regex, not spaCy, so :func:`detect` works on any string and costs
the same at training and run time. Sentences are split on line breaks (PTC has one
sentence per line) and on sentence-final punctuation within a line.
"""

from __future__ import annotations

import json
import math
import re
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from itertools import pairwise
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from newsaudit.errors import ModelError

__all__ = [
    "FEATURISER_VERSION",
    "TECHNIQUES",
    "PropagandaModel",
    "TechniqueSpan",
    "Tokens",
    "detect",
    "load_model",
    "read_model",
    "span_terms",
    "token_features",
    "tokenize",
]

FEATURISER_VERSION = "newsaudit-ptc-v1"
ARTIFACT = "propaganda.npz"
CARD = "propaganda.card.json"

#: The 14 SemEval-2020 Task 11 classes, in the order of the TC weight matrix's rows.
TECHNIQUES: tuple[str, ...] = (
    "Appeal_to_Authority",
    "Appeal_to_fear-prejudice",
    "Bandwagon,Reductio_ad_hitlerum",
    "Black-and-White_Fallacy",
    "Causal_Oversimplification",
    "Doubt",
    "Exaggeration,Minimisation",
    "Flag-Waving",
    "Loaded_Language",
    "Name_Calling,Labeling",
    "Repetition",
    "Slogans",
    "Thought-terminating_Cliches",
    "Whataboutism,Straw_Men,Red_Herring",
)


class TechniqueSpan(NamedTuple):
    """A stretch ``text[start:end]`` using ``technique``; ``score`` in [0, 1] is the span
    model's mean token probability times the technique model's probability."""

    start: int
    end: int
    technique: str
    score: float


_TOKEN = re.compile(r"\w+(?:['\u2019]\w+)*|[^\w\s]")
# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) before a space
# and an upper-case letter, digit or opening quote. Lines are split first.
_SENT_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])")
#: Techniques whose PTC spans are a word or a short phrase (median 2-6 words in train,
#: against 13-19 for argument-level techniques such as Doubt), so a phrase inside a long
#: detected span is the better evidence for them.
PHRASE_TECHNIQUES = frozenset(
    {
        "Loaded_Language",
        "Name_Calling,Labeling",
        "Exaggeration,Minimisation",
        "Slogans",
        "Repetition",
    }
)
PHRASE_MIN_TOKEN_PROB = 0.1
#: Candidate phrases, or a function from the offsets of hot tokens to candidate phrases.
Phrases = Sequence[tuple[int, int]] | Callable[[list[tuple[int, int]]], Iterable[tuple[int, int]]]
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
    lo = np.fromiter((toks.sent_bounds[s][0] for s in sent), dtype=np.int64, count=n)
    hi = np.fromiter((toks.sent_bounds[s][1] for s in sent), dtype=np.int64, count=n)
    length = hi - lo
    rel = np.arange(n) - lo
    posb = np.where(
        rel == 0, 0, np.where(rel == length - 1, 1, 2 + (5 * rel) // np.maximum(length, 1))
    )
    slen = np.minimum(np.log2(np.maximum(length, 1)).astype(np.int64), 7)
    flags = toks.in_quote.astype(np.int64) + 2 * toks.first_line.astype(np.int64)
    # How often the word recurs in the text (content words only): Repetition and slogans.
    counts: dict[str, int] = {}
    for w in toks.words:
        counts[w] = counts.get(w, 0) + 1
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
    sent_cols: list[np.ndarray] = []
    ptr = [0]
    for a, b in toks.sent_bounds:
        uniq = np.unique(wh[a:b])
        sent_cols.append(_mix(uniq, T_SENT, n_features))
        ptr.append(ptr[-1] + len(uniq))
    return idx, np.concatenate(sent_cols), np.asarray(ptr, dtype=np.int64)


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
    reps = _lowered(text).count(frag) if frag.strip() else 0
    out.append(f"rep={min(reps, 5)}")
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


def hash_terms(terms: list[str], n_features: int) -> np.ndarray:
    """Unique hashed columns of a span's string features."""
    return np.unique(
        np.fromiter((_wh(t) % n_features for t in terms), dtype=np.int64, count=len(terms))
    )


def word_counts(toks: Tokens) -> dict[str, int]:
    counts: dict[str, int] = {}
    for w in toks.words:
        counts[w] = counts.get(w, 0) + 1
    return counts


@dataclass(frozen=True)
class PropagandaModel:
    """Both models' weights plus the decoding parameters chosen at training time."""

    si_coef: np.ndarray  # (n_si,)
    si_bias: float
    tc_coef: np.ndarray  # (n_techniques, n_tc)
    tc_bias: np.ndarray  # (n_techniques,)
    techniques: tuple[str, ...]
    ph_coef: np.ndarray  # (n_tc,) the phrase model
    ph_bias: float
    phrase_threshold: float
    low: float
    high: float
    gap: int
    min_chars: int
    card: dict[str, Any]

    @property
    def n_si(self) -> int:
        return int(self.si_coef.shape[0])

    @property
    def n_tc(self) -> int:
        return int(self.tc_coef.shape[1])

    def token_probs(self, toks: Tokens) -> np.ndarray:
        """Probability, per token, that it lies inside a propaganda span."""
        idx, sidx, sptr = token_features(toks, self.n_si)
        if len(idx) == 0:
            return np.zeros(0)
        logit = self.si_coef[idx].sum(axis=1).astype(np.float64) + self.si_bias
        sums = np.add.reduceat(self.si_coef[sidx].astype(np.float64), sptr[:-1])
        sizes = np.diff(sptr)
        sent_score = np.where(sizes > 0, sums, 0.0) / np.sqrt(np.maximum(sizes, 1))
        logit += sent_score[toks.sent]
        return 1.0 / (1.0 + np.exp(-logit))

    def spans(self, toks: Tokens, probs: np.ndarray) -> list[tuple[int, int, float]]:
        """Hysteresis decoding, as ``(start, end, mean probability)``: runs of tokens over
        ``low`` (gaps of up to ``gap`` tokens bridged, never across sentences) that hold at
        least one token over ``high`` and span ``min_chars`` characters.

        Why hysteresis: a single threshold either fragments long spans or admits many
        one-word runs barely over it; each stray run costs precision under the task's
        per-span metric (+0.01 SI F1 on held-out training articles over one threshold).
        """
        out: list[tuple[int, int, float]] = []
        on = np.flatnonzero(probs >= self.low).tolist()
        if not on:
            return out
        sent = toks.sent
        run = [on[0]]
        for i in on[1:] + [-1]:
            if i >= 0 and i - run[-1] <= self.gap + 1 and sent[i] == sent[run[-1]]:
                run.append(i)
                continue
            if probs[run].max() >= self.high:
                span = self._close(toks, probs, run)
                if span[1] - span[0] >= self.min_chars:
                    out.append(span)
            run = [i]
        return out

    @staticmethod
    def _close(toks: Tokens, probs: np.ndarray, run: list[int]) -> tuple[int, int, float]:
        a, b = run[0], run[-1]
        # A span never starts or ends on punctuation (the task's v2 boundary rule).
        while a < b and not toks.words[a][0].isalnum():
            a += 1
        while b > a and not toks.words[b][0].isalnum():
            b -= 1
        return int(toks.starts[a]), int(toks.ends[b]), float(probs[a : b + 1].mean())

    def classify(
        self, text: str, spans: list[tuple[int, int]], toks: Tokens | None = None
    ) -> np.ndarray:
        """Technique probabilities ``(len(spans), n_techniques)`` for spans of ``text``."""
        if not spans:
            return np.zeros((0, len(self.techniques)))
        toks = toks if toks is not None else tokenize(text)
        counts = word_counts(toks)
        logits = np.empty((len(spans), len(self.techniques)))
        for k, (s, e) in enumerate(spans):
            cols = hash_terms(span_terms(text, s, e, toks, counts), self.n_tc)
            logits[k] = (
                self.tc_coef[:, cols].sum(axis=1) / math.sqrt(max(len(cols), 1)) + self.tc_bias
            )
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        return p / p.sum(axis=1, keepdims=True)

    def phrase_probs(self, text: str, spans: Sequence[tuple[int, int]], toks: Tokens) -> np.ndarray:
        """Probability, per phrase, that it is a word-level technique span on its own."""
        if not spans:
            return np.zeros(0)
        counts = word_counts(toks)
        logit = np.empty(len(spans))
        for k, (s, e) in enumerate(spans):
            cols = hash_terms(span_terms(text, s, e, toks, counts), self.n_tc)
            logit[k] = float(self.ph_coef[cols].sum()) / math.sqrt(max(len(cols), 1)) + self.ph_bias
        return 1.0 / (1.0 + np.exp(-logit))

    def phrase_spans(
        self,
        text: str,
        toks: Tokens,
        phrases: Sequence[tuple[int, int]],
        token_probs: np.ndarray | None = None,
    ) -> list[TechniqueSpan]:
        """Candidate phrases (noun chunks) the phrase model accepts, labelled with the most
        likely word-level technique; score = phrase probability x that technique's share
        of the word-level techniques' probability.

        With ``token_probs``, phrases none of whose tokens reaches PHRASE_MIN_TOKEN_PROB
        are not scored: that halves the work and kept 97% of the phrase model's positives
        among noun chunks of held-out training articles.
        """
        cands = sorted({b for b in (trim_phrase(text, a, e) for a, e in phrases) if b is not None})
        if token_probs is not None and len(token_probs):
            cands = [c for c in cands if _max_prob(toks, token_probs, *c) >= PHRASE_MIN_TOKEN_PROB]
        p_ph = self.phrase_probs(text, cands, toks)
        keep = [(c, p) for c, p in zip(cands, p_ph) if p >= self.phrase_threshold]
        if not keep:
            return []
        probs = self.classify(text, [c for c, _ in keep], toks)
        cols = [i for i, t in enumerate(self.techniques) if t in PHRASE_TECHNIQUES]
        out = []
        for ((s, e), p), tp in zip(keep, probs):
            sub = tp[cols]
            k = int(sub.argmax())
            out.append(TechniqueSpan(s, e, self.techniques[cols[k]], float(p * sub[k] / sub.sum())))
        return out

    def detect(self, text: str, phrases: Phrases = ()) -> list[TechniqueSpan]:
        toks = tokenize(text)
        if not toks.words:
            return []
        token_probs = self.token_probs(toks)
        found = self.spans(toks, token_probs)
        probs = self.classify(text, [(s, e) for s, e, _ in found], toks)
        out = []
        for (s, e, p_span), p in zip(found, probs):
            k = int(p.argmax())
            out.append(TechniqueSpan(s, e, self.techniques[k], float(p_span * p[k])))
        if callable(phrases):
            hot = np.flatnonzero(token_probs >= PHRASE_MIN_TOKEN_PROB).tolist()
            phrases = list(phrases([(int(toks.starts[i]), int(toks.ends[i])) for i in hot]))
        if phrases:
            out.extend(self.phrase_spans(text, toks, phrases, token_probs))
        return sorted(out)


def _max_prob(toks: Tokens, probs: np.ndarray, start: int, end: int) -> float:
    i0 = int(np.searchsorted(toks.ends, start, side="right"))
    i1 = int(np.searchsorted(toks.starts, end, side="left"))
    return float(probs[i0:i1].max()) if i1 > i0 else 0.0


def trim_phrase(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A phrase without leading/trailing punctuation, quotes or spaces (None if empty)."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return (start, end) if end > start else None


def read_model(directory: Traversable | Path) -> PropagandaModel:
    """Read ``propaganda.npz`` and its card; raise ModelError naming what is wrong."""
    source = str(Path(str(directory)) / ARTIFACT)
    try:
        with directory.joinpath(CARD).open("r", encoding="utf-8") as fh:
            card = json.load(fh)
        with (
            directory.joinpath(ARTIFACT).open("rb") as bfh,
            np.load(bfh, allow_pickle=False) as npz,
        ):
            arrays = {key: npz[key] for key in npz.files}
    except FileNotFoundError as exc:
        raise ModelError(
            "propaganda model is missing; build it with `python -m newsaudit.training.propaganda`",
            source=source,
        ) from exc
    except (OSError, ValueError, EOFError, json.JSONDecodeError) as exc:
        raise ModelError(f"propaganda model cannot be read: {exc}", source=source) from exc
    try:
        if card["featuriser"] != FEATURISER_VERSION:
            raise ValueError(f"featuriser {card['featuriser']!r} != {FEATURISER_VERSION!r}")
        dec = card["decoding"]
        model = PropagandaModel(
            si_coef=np.asarray(arrays["si_coef"], dtype=np.float32).ravel(),
            si_bias=float(np.asarray(arrays["si_bias"]).ravel()[0]),
            tc_coef=np.asarray(arrays["tc_coef"], dtype=np.float32),
            tc_bias=np.asarray(arrays["tc_bias"], dtype=np.float64).ravel(),
            ph_coef=np.asarray(arrays["ph_coef"], dtype=np.float32).ravel(),
            ph_bias=float(np.asarray(arrays["ph_bias"]).ravel()[0]),
            phrase_threshold=float(card["phrase"]["threshold"]),
            techniques=tuple(card["techniques"]),
            low=float(dec["low"]),
            high=float(dec["high"]),
            gap=int(dec["gap"]),
            min_chars=int(dec["min_chars"]),
            card=card,
        )
    except (KeyError, ValueError, TypeError, IndexError) as exc:
        raise ModelError(
            f"propaganda model is corrupt: {type(exc).__name__}: {exc}", source=source
        ) from exc
    if model.si_coef.shape[0] != int(card["n_si"]) or model.tc_coef.shape != (
        len(model.techniques),
        int(card["n_tc"]),
    ):
        raise ModelError("propaganda model's weights do not match its card", source=source)
    if model.tc_bias.shape[0] != len(model.techniques) or model.ph_coef.shape[0] != int(
        card["n_tc"]
    ):
        raise ModelError("propaganda model's technique biases do not match its card", source=source)
    if not (np.isfinite(model.si_coef).all() and np.isfinite(model.tc_coef).all()):
        raise ModelError("propaganda model has non-finite weights", source=source)
    return model


@lru_cache(maxsize=1)
def load_model() -> PropagandaModel:
    """The packaged model, read once per process."""
    return read_model(resources.files("newsaudit.data"))


def detect(text: str, *, phrases: Phrases = ()) -> list[TechniqueSpan]:
    """Propaganda spans in ``text`` with their most likely technique, in text order.

    Callers restrict the analysis to part of a page by passing that part (offsets are then
    relative to it), or by blanking the rest. Spans never cross a line break. ``phrases``
    (e.g. noun chunks from a parse) are also judged one by one by the phrase model, which
    catches word-level techniques (name calling, slogans, ...) with tight offsets; the
    result may then hold overlapping spans (a phrase inside a longer span). ``phrases`` may
    also be a function that, given the offsets of the tokens worth a look (token
    probability >= PHRASE_MIN_TOKEN_PROB), returns the phrases around them, so a caller
    only builds chunks where they can matter.
    """
    return load_model().detect(text, phrases)
