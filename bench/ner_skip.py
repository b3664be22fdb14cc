"""How much of NER a sentence filter could skip, and which entities it would lose.

    .venv/bin/python bench/ner_skip.py [--pages 100] [--data ../shared/data/fnc1]

Issue 10 asks whether NER (the costliest component of the parse) can run only on the
sentences that can hold an entity a stage reads. Stages read PERSON/ORG/GPE/NORP for
sources and voices, DATE/TIME for time words, CARDINAL/MONEY/PERCENT for numbers, and
quote_integrity reads "any entity" on lower-case words, so a filter must keep every
sentence that may hold one. This runs the full pipeline once and, for each filter, prints
the share of sentences and of tokens it would skip (NER's cost follows tokens) and the
full-NER entities that lie in skipped sentences (the recall the filter gives up), so the
saving's upper bound is known before any component is written.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from throughput import DEFAULT_DATA, load_pages

#: Number and time words that begin lower-case CARDINAL, DATE and TIME entities
#: ("dozens of homes", "last week", "yesterday").
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty "
    "fifty hundred hundreds thousand thousands million millions billion billions trillion "
    "dozen dozens half first second third once twice".split()
)
_TIME_WORDS = frozenset(
    "today yesterday tomorrow tonight morning evening night week weeks month months year "
    "years day days decade decades century ago weekend hour hours minute minutes season "
    "annual daily weekly monthly recent recently last next past earlier later now "
    "currently spring summer autumn fall winter".split()
)


def _cue(tok) -> bool:  # type: ignore[no-untyped-def]
    return any(c.isdigit() for c in tok.text) or tok.lower_ in _NUMBER_WORDS \
        or tok.lower_ in _TIME_WORDS


def capital_after_first(sent) -> bool:  # type: ignore[no-untyped-def]
    """Keep a sentence with a capitalised token after its first, a digit or a
    number/time word (the filter issue 10 proposes)."""
    return any((i > 0 and t.text[:1].isupper()) or _cue(t) for i, t in enumerate(sent))


def also_proper_first(sent) -> bool:  # type: ignore[no-untyped-def]
    """The same, and also a sentence whose first token is tagged PROPN (the tagger runs
    before NER): "Bloomberg said ..." holds a name the first filter skips."""
    return capital_after_first(sent) or (len(sent) > 0 and sent[0].pos_ == "PROPN")


FILTERS: dict[str, Callable] = {  # type: ignore[type-arg]
    "capital after first / digit / number or time word": capital_after_first,
    "... or a PROPN first token": also_proper_first,
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=100)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = ap.parse_args(argv)
    from newsaudit import nlp

    pages = load_pages(args.data, args.pages)
    sents = [s for doc in nlp.load().pipe(pages, batch_size=16) for s in doc.sents]
    tokens = sum(len(s) for s in sents)
    ents = Counter(e.label_ for s in sents for e in s.ents)
    print(f"{len(pages)} pages, {len(sents)} sentences, {tokens} tokens, "
          f"{sum(ents.values())} entities (full NER)")
    for name, keep in FILTERS.items():
        skipped = [s for s in sents if not keep(s)]
        lost = Counter(e.label_ for s in skipped for e in s.ents)
        print(f"\n{name}:")
        print(f"  skips {len(skipped) / len(sents):.1%} of sentences, "
              f"{sum(len(s) for s in skipped) / tokens:.1%} of tokens")
        print(f"  entities in skipped sentences: {sum(lost.values())} "
              f"(recall {1 - sum(lost.values()) / sum(ents.values()):.4f}) {dict(lost)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
