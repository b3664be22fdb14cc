"""spaCy components newsaudit adds to the chosen pipeline."""

from __future__ import annotations

from typing import Any

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.tokens import Doc


@Language.component("newsaudit_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every token that contains a line break."""
    for i, tok in enumerate(doc[:-1]):
        if "\n" in tok.text or "\n" in tok.whitespace_:
            doc[i + 1].is_sent_start = True
    return doc


class CachedLemmatizer:
    """The pipeline's own rule lemmatizer, applied through a cache of whole-Doc arrays.

    Why: spaCy's rule lemmatizer caches its answer per (word, part of speech, morphology)
    already, but still visits each token as a Python ``Token`` and sets ``lemma_`` through
    the string store one token at a time; that walk was 13 % of the parse, as much as the
    parser's share of the bare model's cost once batching is counted. Here a Doc's
    words, tags and morphology are read as one array, each (word, POS, morphology) is
    asked of the wrapped lemmatizer once per process, and the lemmas are written back as
    one array. The lemmas are the wrapped lemmatizer's, token for token: its answer
    depends on nothing else (``rule_lemmatize`` and ``is_base_form`` read only the text,
    the part of speech and the morphology), and a lemma an earlier component set (the
    attribute ruler's exceptions) is kept unless the lemmatizer overwrites.
    """

    #: Distinct (word, POS, morphology) triples kept before the cache starts again: it
    #: grows with the vocabulary of a stream, like spaCy's string store.
    MAX_CACHE = 500_000

    def __init__(self, inner: Any = None) -> None:
        self.inner = inner
        self._cache: dict[tuple[int, int, int], int] = {}
        self._validated = False

    def __call__(self, doc: Doc) -> Doc:
        inner = self.inner
        if inner is None or not len(doc):
            return doc
        if not self._validated:  # the wrapped lemmatizer checks its tables on first use
            self._validated = True
            return inner(doc)
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        if len(self._cache) > self.MAX_CACHE:
            self._cache.clear()
        cache, strings, overwrite = self._cache, doc.vocab.strings, inner.overwrite
        lemmas = []
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma and not overwrite:
                lemmas.append(lemma)
                continue
            key = (orth, pos, morph)
            found = cache.get(key)
            if found is None:
                found = cache[key] = strings.add(inner.lemmatize(doc[i])[0])
            lemmas.append(found)
        column = numpy.asarray(lemmas, dtype=numpy.uint64).reshape(-1, 1)
        doc.from_array([LEMMA], column)  # type: ignore[arg-type]  # thinc's Ints2d alias
        return doc


@Language.factory("newsaudit_lemmatizer")
def make_cached_lemmatizer(nlp: Language, name: str) -> CachedLemmatizer:
    """An empty :class:`CachedLemmatizer`: :func:`newsaudit.nlp.load` hands it the
    pipeline's lemmatizer when it takes that one's place."""
    return CachedLemmatizer()
