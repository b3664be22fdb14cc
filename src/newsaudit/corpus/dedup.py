"""Near-duplicates: wire copies re-published with small edits (MinHash LSH, datasketch).

A syndicated story comes back with a new headline, a paragraph cut, a credit line or a
sentence added. Comparing the pages' *body text* (their ``body`` segments: no headline,
byline, captions, related links or comments) as sets of word 5-grams sees through such
edits: a copy keeps most of the original's 5-grams, while two outlets' own stories of the
same event share few (they word it differently). The Jaccard similarity of the sets is
estimated from 128-value MinHash signatures, and LSH finds the candidates without
comparing every pair.

Calibration (``newsaudit eval dedup``, ``docs/evaluation.md``): on 200
FNC-1 bodies plus 50 copies edited as syndication edits them, copies have an estimated
Jaccard similarity of 0.45-0.96 (median 0.82) with their original, and distinct bodies
at most 0.23; the threshold (0.4) sits in the gap.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

NUM_PERM = 128
SHINGLE_WORDS = 5
#: Pairs at or above this estimated Jaccard similarity of body 5-grams are duplicates.
THRESHOLD = 0.4
#: LSH bands are tuned lower than the threshold, so that a pair just above it is still
#: a candidate (LSH is probabilistic); candidates are then checked against THRESHOLD.
CANDIDATE_THRESHOLD = 0.3
#: Bodies with fewer 5-grams than this are too short to tell a copy from a coincidence.
MIN_SHINGLES = 12
_SEED = 1
#: Stored signatures are only comparable under the same hash scheme: fixed, never the
#: library's default of the day. affine32 gives 32-bit hash values (4 bytes each).
_SCHEME = "affine32"
_DTYPE = "<u4"
_WORD_RE = re.compile(r"\w+")


def shingles(text: str) -> set[bytes]:
    """The body's word 5-grams, case-folded, punctuation ignored."""
    words = _WORD_RE.findall(text.casefold())
    n = SHINGLE_WORDS
    return {" ".join(words[i : i + n]).encode("utf-8") for i in range(len(words) - n + 1)}


def signature(text: str) -> bytes | None:
    """The MinHash of the body's 5-grams as bytes, or ``None`` for a body too short."""
    from datasketch import MinHash

    grams = shingles(text)
    if len(grams) < MIN_SHINGLES:
        return None
    m = MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME)
    m.update_batch(list(grams))
    return np.asarray(m.hashvalues, dtype=_DTYPE).tobytes()


def similarity(a: bytes, b: bytes) -> float:
    """The Jaccard similarity that two signatures estimate."""
    x = np.frombuffer(a, dtype=_DTYPE)
    y = np.frombuffer(b, dtype=_DTYPE)
    return float(np.count_nonzero(x == y)) / len(x)


@dataclass(frozen=True, slots=True)
class Neighbour:
    id: str
    similarity: float


class NearDuplicateIndex:
    """An LSH index of page signatures; ask it for the pages a new page duplicates."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        from datasketch import MinHashLSH

        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=min(threshold, CANDIDATE_THRESHOLD), num_perm=NUM_PERM)
        self._sigs: dict[str, bytes] = {}

    def __len__(self) -> int:
        return len(self._sigs)

    def __contains__(self, key: str) -> bool:
        return key in self._sigs

    @staticmethod
    def _minhash(sig: bytes) -> object:
        from datasketch import LeanMinHash

        return LeanMinHash(seed=_SEED, hashvalues=np.frombuffer(sig, dtype=_DTYPE), scheme=_SCHEME)

    def add(self, key: str, sig: bytes) -> None:
        if key in self._sigs:
            return
        self._lsh.insert(key, self._minhash(sig))
        self._sigs[key] = sig

    def add_many(self, items: Iterable[tuple[str, bytes]]) -> None:
        for key, sig in items:
            self.add(key, sig)

    def neighbours(self, sig: bytes) -> list[Neighbour]:
        """Indexed pages whose estimated similarity to ``sig`` reaches the threshold."""
        found = []
        for key in self._lsh.query(self._minhash(sig)):
            sim = similarity(sig, self._sigs[key])
            if sim >= self.threshold:
                found.append(Neighbour(key, sim))
        return sorted(found, key=lambda n: (-n.similarity, n.id))
