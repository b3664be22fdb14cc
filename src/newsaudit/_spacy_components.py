"""spaCy components newsaudit adds to the chosen pipeline."""

from __future__ import annotations

import re
from typing import Any

import numpy
from spacy.attrs import DEP, IDX, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, SENT_START, TAG
from spacy.language import Language
from spacy.tokens import Doc

from newsaudit.stamps import sentence_starts


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
    # A publication stamp glued to the start of a line ends there: the lead after it is a
    # sentence of its own ("Published October 4 2014 | At least 35 ... were killed").
    cuts = numpy.asarray(sentence_starts(doc.text), dtype=numpy.int64)
    if len(cuts):
        at = numpy.searchsorted(starts, cuts)
        ok = (at < len(doc)) & (at > 0)
        at = at[ok]
        at = at[starts[at] == cuts[ok]]  # a token starts exactly there
        flags[at] = 1
        nxt = at[at < len(doc) - 1] + 1  # and, as at a line's start, its second token
        nxt = nxt[~spaces[nxt] & (flags[nxt] != 1)]  # continues it ("U.S.-led" | ...)
        flags[nxt] = -1
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
#: A cache entry of :class:`CachedAttributeRuler`: one-token matches, POS, morphology,
#: lemma, whether the arrays carry it all, patterns of several tokens that may start here.
_Entry = tuple[
    list[tuple[int, int]], int | None, int | None, int | None, bool, tuple[int, ...]
]
#: What the ruler's patterns may set for the arrays to carry it (as attribute ids).
_ARRAY_ATTRS = frozenset({POS, MORPH, LEMMA})


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
    """The pipeline's attribute ruler, its patterns matched and applied through a cache.

    Why: the ruler runs spaCy's Matcher over every token for its 179 patterns (the tag
    map and the exceptions of ``en_core_web_sm``), 13 % of the parse, although 171 of them
    look at one token's tag, lower-case form, dependency label or whitespace only, and
    then sets each match's attributes token by token. Here what the one-token patterns
    do to a token is worked out once per distinct (tag, lower, dep, space): which
    patterns match, and the POS, morphology and lemma the last of them leaves, which go
    onto the Doc as arrays. The 8 patterns of several tokens (a fixed run of one-token
    constraints each: "gon na", "there is") are tried only where their first token's
    constraint holds, again from the cache. A token such a pattern reaches, or one a
    pattern sets the tag or dependency label of, is handed with all its matches, sorted
    as the ruler sorts them, to the wrapped ruler's own ``set_annotations``, so every
    token gets the attributes it would have got. A ruler with a pattern form this class
    does not read (an operator, another attribute) is left to run as it is.
    """

    MAX_CACHE = 500_000

    def __init__(self, inner: Any = None) -> None:
        self.inner: Any = None
        self._single: list[tuple[int, int, dict[str, Any]]] = []
        self._multi: list[tuple[int, int, list[dict[str, Any]]]] | None = None
        self._cache: dict[tuple[int, int, int, int], _Entry] = {}
        self._by_tag: dict[str, list[tuple[int, int, dict[str, Any]]]] = {}
        if inner is not None:
            self.wrap(inner)

    def wrap(self, inner: Any) -> None:
        """Read ``inner``'s patterns; keep it to apply the matches and as the fallback."""
        self.inner = inner
        strings = inner.vocab.strings
        single: list[tuple[int, int, dict[str, Any]]] = []
        multi: list[tuple[int, int, list[dict[str, Any]]]] = []
        for i, entry in enumerate(inner.patterns):
            key = strings.add(str(i))
            for alt in entry["patterns"]:
                if not alt or not all(_simple(tp) for tp in alt):
                    self._single, self._multi = [], None  # an unknown form: run as it is
                    return
                if len(alt) == 1:
                    single.append((i, key, _compiled(alt[0])))
                else:
                    multi.append((i, key, [_compiled(tp) for tp in alt]))
        self._single, self._multi, self._by_tag, self._cache = single, multi, {}, {}

    def __call__(self, doc: Doc) -> Doc:
        inner, multi = self.inner, self._multi
        if inner is None:
            return doc
        if multi is None or not len(doc):
            return inner(doc)
        if len(self._cache) > self.MAX_CACHE:
            self._cache.clear()
        rows = doc.to_array([TAG, LOWER, DEP, IS_SPACE])
        # one cache look-up per distinct (tag, lower, dep, space) of the Doc
        distinct, which = numpy.unique(rows, axis=0, return_inverse=True)
        which = which.ravel()
        cache, miss = self._cache, self._entry
        entries: list[_Entry] = []
        for tag, lower, dep, space in distinct.tolist():
            entry = cache.get((tag, lower, dep, space))
            if entry is None:
                entry = cache[(tag, lower, dep, space)] = miss(doc, tag, lower, dep, space)
            entries.append(entry)
        values = doc.to_array([POS, MORPH, LEMMA])
        for col in range(3):  # hashes: uint64, with a mask of the tokens a pattern sets
            sets = [e[4] and e[1 + col] is not None for e in entries]
            got = [e[1 + col] if ok else 0 for e, ok in zip(entries, sets, strict=True)]
            hit = numpy.asarray(sets, dtype=bool)[which]
            values[hit, col] = numpy.asarray(got, dtype=numpy.uint64)[which][hit]
        plain = numpy.asarray([e[4] for e in entries], dtype=bool)[which]
        first = numpy.asarray([bool(e[5]) for e in entries], dtype=bool)[which]
        # Tokens the arrays cannot carry go through the ruler's own set_annotations with
        # every match that reaches them, in its order.
        special: dict[int, list[tuple[int, int, int, int]]] = {
            n: [(i, m_id, n, n + 1) for i, m_id in entries[which[n]][0]]
            for n in numpy.flatnonzero(~plain).tolist()
        }
        starts = numpy.flatnonzero(first).tolist()
        for i, m_id, start, end in self._multi_matches(doc, rows, entries, which, starts):
            target = range(start, end)[inner.indices[i]]
            if target not in special:
                special[target] = [
                    (j, m, target, target + 1) for j, m in entries[which[target]][0]
                ]
            special[target].append((i, m_id, start, end))
        doc.from_array([POS, MORPH, LEMMA], values)  # type: ignore[arg-type]
        if special:
            matches = sorted(m for found in special.values() for m in found)
            inner.set_annotations(doc, matches)
        return doc

    def _multi_matches(
        self,
        doc: Doc,
        rows: numpy.ndarray,
        entries: list[_Entry],
        which: numpy.ndarray,
        starts: list[int],
    ) -> list[tuple[int, int, int, int]]:
        """(pattern, match id, start, end) of each pattern of several tokens that matches,
        tried at the tokens whose cache entry says its first token's constraint holds."""
        multi = self._multi or []
        strings = doc.vocab.strings
        found = []
        for n in starts:
            for k in entries[which[n]][5]:
                i, m_id, pattern = multi[k]
                end = n + len(pattern)
                if end > len(rows):
                    continue
                if all(
                    _holds_all(tp, _key(strings, rows[n + j].tolist()))
                    for j, tp in enumerate(pattern[1:], start=1)
                ):
                    found.append((i, m_id, n, end))
        return found

    def _entry(self, doc: Doc, tag: int, lower: int, dep: int, space: int) -> _Entry:
        """What the patterns do to a token with these attributes (ids): the one-token
        matches; the POS, morphology and lemma the last of them to set each leaves (None:
        unchanged); whether those three are all they set; and the patterns of several
        tokens whose first constraint the token meets."""
        key = _key(doc.vocab.strings, [tag, lower, dep, space])
        hits = self._match_one(key)
        inner = self.inner
        got: dict[int, int] = {}
        plain = True
        for i, _ in hits:  # in pattern order: a later pattern's value wins, as in the ruler
            attrs = inner.attrs[i]
            if not set(attrs) <= _ARRAY_ATTRS or inner.indices[i] not in (0, -1):
                plain = False
            got.update(attrs)
        first = tuple(
            k for k, (_, _, pattern) in enumerate(self._multi or [])
            if _holds_all(pattern[0], key)
        )
        return hits, got.get(POS), got.get(MORPH), got.get(LEMMA), plain, first

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


def _key(strings: Any, row: list[int]) -> _Key:
    """A token's (tag, lower, dep, space) as the patterns read them, from its ids."""
    tag, lower, dep, space = row
    return strings[tag], strings[lower], strings[dep], bool(space)


def _holds_all(token_pattern: dict[str, Any], key: _Key) -> bool:
    """Whether a token with these attributes meets every constraint of ``token_pattern``
    (a compiled one-token pattern of :data:`_TOKEN_ATTRS`)."""
    values: dict[str, str | bool] = dict(zip(_TOKEN_ATTRS, key, strict=True))
    return all(_holds(c, values[attr]) for attr, c in token_pattern.items())


@Language.factory("newsaudit_attribute_ruler")
def make_cached_attribute_ruler(nlp: Language, name: str) -> CachedAttributeRuler:
    """An empty :class:`CachedAttributeRuler`: :func:`newsaudit.nlp.load` hands it the
    pipeline's attribute ruler when it takes that one's place."""
    return CachedAttributeRuler()
