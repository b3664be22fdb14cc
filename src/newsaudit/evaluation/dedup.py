"""How well near-duplicate detection finds syndicated copies: precision and recall on pairs.

    newsaudit eval dedup --bodies ../shared/data/fnc1/train_bodies.csv

Protocol (FNC-1 bodies, seed 11): 200 originals are drawn at random from bodies of at
least 50 words, skipping any body that shares 20% or more of its word 5-grams with one
already drawn (FNC-1 itself holds re-published copies under different body ids; those are
real duplicates without labels, and would blur the score either way). 50 of them (those
with three paragraphs or more, in draw order) are copied and edited the way syndication
edits a wire story: a new headline on top, one paragraph after the first cut, and one
sentence added at a paragraph break. Each of the 250 pages goes through the plain-text
ingest (so the copy's headline is a headline segment, not body) and into one
:class:`~newsaudit.corpus.dedup.NearDuplicateIndex`, in order; a predicted pair is a page
and an indexed page that the index returns. True pairs are (copy, its original).
"""

from __future__ import annotations

import csv
import random
import re
import sys
from dataclasses import asdict, dataclass

from newsaudit.corpus.adapter import body_text
from newsaudit.corpus.dedup import NearDuplicateIndex, shingles, signature

SEED = 11
MIN_WORDS = 50
MAX_SHARED = 0.2
_PARA_RE = re.compile(r"\n\s*\n|\n")

_HEADLINES = (
    "{words}, officials say", "UPDATE: {words}", "{words} - report", "WATCH: {words}",
    "{words} (wire)",
)
_ADDED = (
    "This story was first published by a news agency and has been edited for length.",
    "Additional reporting by our correspondents; editing by the foreign desk.",
    "The ministry did not immediately respond to a request for comment on Tuesday.",
    "Readers can follow our live coverage of the story throughout the day.",
    "The agency said it would publish further details as they became available.",
)


@dataclass(frozen=True, slots=True)
class DedupScores:
    originals: int
    copies: int
    true_pairs: int
    predicted_pairs: int
    correct_pairs: int
    precision: float
    recall: float


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in _PARA_RE.split(text) if p.strip()]


def draw_originals(bodies: list[str], n: int, rng: random.Random) -> list[str]:
    order = list(range(len(bodies)))
    rng.shuffle(order)
    chosen: list[str] = []
    grams: list[set[bytes]] = []
    for i in order:
        body = bodies[i]
        if len(body.split()) < MIN_WORDS:
            continue
        g = shingles(body)
        if any(len(g & h) / len(g | h) >= MAX_SHARED for h in grams):
            continue
        chosen.append(body)
        grams.append(g)
        if len(chosen) == n:
            break
    return chosen


def syndicate(body: str, rng: random.Random) -> str:
    """A copy as a wire client re-publishes it: new headline, a paragraph cut, a sentence added."""
    paras = paragraphs(body)
    del paras[rng.randrange(1, len(paras))]
    at = rng.randrange(1, len(paras) + 1)
    paras.insert(at, rng.choice(_ADDED))
    words = " ".join(paras[0].split()[: rng.randrange(5, 9)]).rstrip(".,;:")
    headline = rng.choice(_HEADLINES).format(words=words[:1].upper() + words[1:])
    return headline + "\n\n" + "\n\n".join(paras)


def body_of(text: str, source: str) -> str:
    from newsaudit import ingest

    page = ingest.load_page(text, source=source, fmt="text")
    segs = [{"kind": s.kind, "text": s.text} for s in page.segments]
    return body_text({"segments": segs})


def evaluate(bodies: list[str], *, originals: int = 200, copies: int = 50,
             seed: int = SEED) -> DedupScores:
    rng = random.Random(seed)
    chosen = draw_originals(bodies, originals, rng)
    if len(chosen) < originals:
        raise ValueError(f"only {len(chosen)} distinct bodies of {MIN_WORDS}+ words")
    sources = [b for b in chosen if len(paragraphs(b)) >= 3][:copies]
    pages = [(f"o{i}", b) for i, b in enumerate(chosen)]
    truth: set[frozenset[str]] = set()
    for j, body in enumerate(sources):
        pages.append((f"c{j}", syndicate(body, rng)))
        truth.add(frozenset((f"c{j}", f"o{chosen.index(body)}")))
    index = NearDuplicateIndex()
    predicted: set[frozenset[str]] = set()
    for key, text in pages:
        sig = signature(body_of(text, key))
        if sig is None:
            continue
        for n in index.neighbours(sig):
            predicted.add(frozenset((key, n.id)))
        index.add(key, sig)
    correct = len(predicted & truth)
    return DedupScores(
        originals=len(chosen), copies=len(sources), true_pairs=len(truth),
        predicted_pairs=len(predicted), correct_pairs=correct,
        precision=correct / len(predicted) if predicted else 1.0,
        recall=correct / len(truth) if truth else 1.0,
    )


def read_bodies(path: str) -> list[str]:
    csv.field_size_limit(sys.maxsize)
    with open(path, encoding="utf-8", newline="") as fh:
        return [row["articleBody"] for row in csv.DictReader(fh)]


def evaluate_file(path: str, *, originals: int = 200, copies: int = 50) -> dict[str, float]:
    """The protocol on an FNC-1 bodies CSV, as the ``newsaudit eval dedup`` table prints it."""
    return asdict(evaluate(read_bodies(path), originals=originals, copies=copies))
