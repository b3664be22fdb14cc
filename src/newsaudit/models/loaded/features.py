"""What the loaded-language tagger sees: words, their stems, and the hashed features of a
word and of its neighbours. Training hashes :func:`token_terms` for every word; the
runtime hashes the same terms in two parts (the word alone, cached, and its context), so
the features cannot drift apart. The sentence gate uses the shared n-gram featuriser
(:mod:`newsaudit.models._text_features`). Changing anything here changes the features:
bump TOKEN_FEATURISER and retrain.
"""

from __future__ import annotations

import hashlib
import json
import re
import zlib
from collections.abc import Sequence
from functools import lru_cache

__all__ = [
    "TOKEN_FEATURISER",
    "context_terms",
    "hash_terms",
    "lexicon",
    "lexicon_digest",
    "stem",
    "token_terms",
    "tokenize",
    "unary_terms",
]

TOKEN_FEATURISER = "newsaudit-loaded-token-v2"

# A word: letters, with inner apostrophes or hyphens ("so-called", "US-backed", "lyin'").
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019\-][^\W\d_]+)*")
# Suffixes stripped (longest first) to give a lemma-ish form shared by "smear/smeared/
# smearing" and "aggressive/aggressively"; a stem keeps at least three letters.
_SUFFIXES = ("ically", "ingly", "edly", "ness", "ment", "ing", "ies", "ied", "ly", "ed",
             "es", "s")


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """Words of ``text`` as ``(start, end, word)``; the same split at training and run time."""
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


@lru_cache(maxsize=65536)
def stem(low: str) -> str:
    """Strip one inflectional or derivational suffix (crude on purpose: it only has to be
    consistent, not linguistically right)."""
    low = low.replace("\u2019", "'")
    for suf in _SUFFIXES:
        if low.endswith(suf) and len(low) - len(suf) >= 3:
            return low[: -len(suf)]
    return low


@lru_cache(maxsize=1)
def lexicon() -> dict[str, str]:
    """Word (and stem) -> kind of loaded word, from ``data/loaded.json``'s ``reasons``.

    The kinds are features of the tagger, not verdicts: training learns from the labelled
    data how far each kind is to be trusted, and the card pins the lexicon's digest so a
    model is never read with a lexicon it was not trained with."""
    from newsaudit.datafiles import load_json

    out: dict[str, str] = {}
    for kind, entry in load_json("loaded.json")["reasons"].items():
        for word in entry["words"]:
            out.setdefault(word, kind)
            out.setdefault(stem(word), kind)
    return out


def lexicon_digest() -> str:
    """A digest of :func:`lexicon`, pinned in the card: a model is never read with a
    lexicon it was not trained with."""
    items = sorted(lexicon().items())
    return hashlib.sha256(json.dumps(items).encode("utf-8")).hexdigest()[:16]


def _shape(word: str, first: bool) -> str:
    if word.isupper() and len(word) > 1:
        return "A"
    if word[0].isupper():
        return "C0" if first else "C"
    return "a"


def unary_terms(word: str, first: bool) -> list[str]:
    """Features of the word itself (cached per word at run time)."""
    low = word.lower()
    terms = ["w:" + low, "s:" + stem(low), "x3:" + low[-3:], "sh:" + _shape(word, first),
             "len:" + str(min(len(low) // 3, 4))]
    if len(low) > 5:
        terms.append("x4:" + low[-4:])
    if "-" in low:
        terms.append("hy")
    lex = lexicon()
    kind = lex.get(low) or lex.get(stem(low))
    if kind:
        terms.append("lex:" + kind)
    return terms


def context_terms(prev: str, low: str, nxt: str) -> list[str]:
    """Features of the word's neighbours (lowercased; ``<s>``/``</s>`` at the edges)."""
    return ["p:" + prev, "n:" + nxt, "pw:" + prev + " " + low, "wn:" + low + " " + nxt]


def token_terms(words: Sequence[str], i: int) -> list[str]:
    """All features of word ``i`` of a sentence: what training hashes for every word."""
    low = words[i].lower()
    prev = words[i - 1].lower() if i > 0 else "<s>"
    nxt = words[i + 1].lower() if i + 1 < len(words) else "</s>"
    return unary_terms(words[i], i == 0) + context_terms(prev, low, nxt)


def hash_terms(terms: Sequence[str], n_features: int) -> list[int]:
    crc = zlib.crc32
    return [crc(t.encode("utf-8")) % n_features for t in terms]
