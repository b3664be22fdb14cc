"""spaCy components newsaudit adds to the chosen pipeline."""

from __future__ import annotations

import re
from typing import Any

import numpy
from spacy.attrs import DEP, IDX, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, SENT_START, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc


@Language.component("newsaudit_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every token that contains a line break (in its text or its
    trailing whitespace), and keep each line's second token in its first's sentence.

    Written as arrays: setting ``Token.is_sent_start`` asks ``Doc.has_annotation("DEP")``,
    which reads every token, so one assignment per line break made this component the
    square of the page (2 s of a 300,000-character page, 24 s of a million)."""
    if len(doc) < 2:
        return doc
    starts = doc.to_array([IDX]).astype(numpy.int64).ravel()
    breaks = numpy.fromiter(
        (m.start() for m in _NEWLINE.finditer(doc.text)), dtype=numpy.int64
    )
    holders = numpy.searchsorted(starts, breaks, side="right") - 1
    after = numpy.unique(holders[(holders >= 0) & (holders < len(doc) - 1)]) + 1
    flags = doc.to_array([SENT_START]).astype(numpy.int64).ravel()
    # The line's second token continues its first: left free, the parser (told the first
    # starts a sentence) sometimes makes the first word a sentence of its own ("Local" |
    # "sources said ...", '"' | "We ..."), and the claim then loses its first word.
    firsts = numpy.concatenate(([0], after))  # the page's first line starts at token 0
    second = firsts[firsts < len(doc) - 1] + 1
    second = second[~numpy.isin(second, after)]
    spaces = doc.to_array([IS_SPACE]).astype(bool).ravel()
    second = second[~spaces[second] & ~spaces[second - 1]]
    flags[second] = -1
    flags[after] = 1
    doc.from_array([SENT_START], flags.astype(numpy.uint64).reshape(-1, 1))  # type: ignore[arg-type]
    return doc


_NEWLINE = re.compile("\n")


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


#: The one-token pattern forms :class:`CachedAttributeRuler` reads itself: these
#: attributes, compared as spaCy's Matcher compares them (equality, IN, NOT_IN, REGEX).
_TOKEN_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")
_PREDICATES = frozenset({"IN", "NOT_IN", "REGEX"})
_Key = tuple[str, str, str, bool]


def _holds(constraint: Any, value: str | bool) -> bool:
    """Whether a token's ``value`` meets one attribute's constraint of a Matcher pattern
    (REGEX values compiled already, see :func:`_compiled`)."""
    if not isinstance(constraint, dict):
        return bool(value == constraint)
    for op, arg in constraint.items():
        if op == "IN" and value not in arg:
            return False
        if op == "NOT_IN" and value in arg:
            return False
        if op == "REGEX" and not arg.search(str(value)):
            return False
    return True


def _compiled(token_pattern: dict[str, Any]) -> dict[str, Any]:
    return {
        attr: {op: re.compile(arg) if op == "REGEX" else arg for op, arg in c.items()}
        if isinstance(c, dict) else c
        for attr, c in token_pattern.items()
    }


def _simple(token_pattern: dict[str, Any]) -> bool:
    return all(
        attr in _TOKEN_ATTRS
        and (not isinstance(c, dict) or (bool(c) and set(c) <= _PREDICATES))
        for attr, c in token_pattern.items()
    )


class CachedAttributeRuler:
    """The pipeline's attribute ruler, its one-token patterns matched through a cache.

    Why: the ruler runs spaCy's Matcher over every token for its 179 patterns (the tag
    map and the exceptions of ``en_core_web_sm``), 13 % of the parse, although 171 of them
    look at one token's tag, lower-case form, dependency label or whitespace only. Those
    are answered here once per distinct (tag, lower, dep, space) and cached; the patterns
    of several tokens still go through a Matcher of their own. The matches, sorted as the
    ruler sorts them, are applied by the wrapped ruler itself, so every token gets the
    attributes it would have got. A ruler with a pattern form this class does not read
    is left to run as it is.
    """

    MAX_CACHE = 500_000

    def __init__(self, inner: Any = None) -> None:
        self.inner: Any = None
        self._single: list[tuple[int, int, dict[str, Any]]] = []
        self._multi: Matcher | None = None
        self._cache: dict[_Key, list[tuple[int, int]]] = {}
        self._by_tag: dict[str, list[tuple[int, int, dict[str, Any]]]] = {}
        if inner is not None:
            self.wrap(inner)

    def wrap(self, inner: Any) -> None:
        """Read ``inner``'s patterns; keep it to apply the matches and as the fallback."""
        self.inner = inner
        strings = inner.vocab.strings
        single: list[tuple[int, int, dict[str, Any]]] = []
        multi = Matcher(inner.vocab)
        for i, entry in enumerate(inner.patterns):
            key = strings.add(str(i))
            for alt in entry["patterns"]:
                if not all(_simple(tp) for tp in alt):
                    self._single, self._multi = [], None  # an unknown form: run as it is
                    return
                if len(alt) == 1:
                    single.append((i, key, _compiled(alt[0])))
                else:
                    multi.add(key, [alt])
        self._single, self._multi, self._by_tag = single, multi, {}

    def __call__(self, doc: Doc) -> Doc:
        inner = self.inner
        if inner is None:
            return doc
        if self._multi is None or not len(doc):
            return inner(doc)
        if len(self._cache) > self.MAX_CACHE:
            self._cache.clear()
        strings = doc.vocab.strings
        rows = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()
        matches: list[tuple[int, int, int, int]] = []
        cache = self._cache
        for n, (tag, lower, dep, space) in enumerate(rows):
            key = (strings[tag], strings[lower], strings[dep], bool(space))
            hits = cache.get(key)
            if hits is None:
                hits = cache[key] = self._match_one(key)
            matches.extend((i, m_id, n, n + 1) for i, m_id in hits)
        for m_id, start, end in self._multi(doc, allow_missing=True):
            matches.append((int(strings[m_id]), m_id, start, end))
        matches.sort()
        inner.set_annotations(doc, matches)
        return doc

    def _match_one(self, key: _Key) -> list[tuple[int, int]]:
        """The one-token patterns a token with these attributes matches, in pattern order.
        A new word is a new key, so the patterns are first narrowed by the tag, per tag."""
        tag = key[0]
        candidates = self._by_tag.get(tag)
        if candidates is None:
            candidates = self._by_tag[tag] = [
                (i, m_id, {a: c for a, c in pattern.items() if a != "TAG"})
                for i, m_id, pattern in self._single
                if "TAG" not in pattern or _holds(pattern["TAG"], tag)
            ]
        values: dict[str, str | bool] = dict(zip(_TOKEN_ATTRS, key, strict=True))
        return [
            (i, m_id)
            for i, m_id, rest in candidates
            if all(_holds(c, values[attr]) for attr, c in rest.items())
        ]


@Language.factory("newsaudit_attribute_ruler")
def make_cached_attribute_ruler(nlp: Language, name: str) -> CachedAttributeRuler:
    """An empty :class:`CachedAttributeRuler`: :func:`newsaudit.nlp.load` hands it the
    pipeline's attribute ruler when it takes that one's place."""
    return CachedAttributeRuler()
