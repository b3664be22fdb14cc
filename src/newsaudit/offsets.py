"""Looking records up by character offset in time that does not grow with the page.

A stage that asks, for every sentence, "which attributions overlap it?" or "which
entities lie in it?" by scanning every record costs the square of the page: on a
transcript of 150,000 characters that was most of the audit. These indexes are built once
per page and answer each question by looking only near the offsets asked about, and they
answer exactly what the scan answered (the same records, in the same order), so a stage
that switches to them reports the same findings.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from spacy.tokens import Doc

T = TypeVar("T")

#: Characters per bucket. A record is filed under every bucket it touches, so a bucket
#: a little longer than a sentence keeps both the filing and the lookups short.
_BUCKET = 256


class SpanIndex(Generic[T]):
    """Items with half-open character ranges, found by the ranges they overlap or contain.

    Lookups return items in the order they were given, as a scan over the items would
    meet them, so "the first best match" stays the same match.
    """

    def __init__(self, items: Iterable[tuple[int, int, T]]) -> None:
        self._items: list[tuple[int, int, T]] = []
        self._buckets: dict[int, list[int]] = {}
        for start, end, item in items:
            n = len(self._items)
            self._items.append((start, end, item))
            for b in range(start // _BUCKET, max(start, end - 1) // _BUCKET + 1):
                self._buckets.setdefault(b, []).append(n)

    def __len__(self) -> int:
        return len(self._items)

    def _near(self, start: int, end: int) -> list[int]:
        if end - start > _BUCKET * len(self._buckets):
            return list(range(len(self._items)))  # a query longer than the filed page
        found: set[int] = set()
        for b in range(start // _BUCKET, max(start, end - 1) // _BUCKET + 1):
            found.update(self._buckets.get(b, ()))
        return sorted(found)

    def overlapping(self, start: int, end: int) -> Iterator[tuple[int, int, T]]:
        """Items sharing at least one character with ``[start, end)``."""
        for n in self._near(start, end):
            s, e, item = self._items[n]
            if s < end and start < e and s < e:
                yield s, e, item

    def containing(self, start: int, end: int) -> Iterator[tuple[int, int, T]]:
        """Items whose range holds all of ``[start, end)``."""
        # an empty range at the very end of an item is held by it: look one back too
        for n in self._near(max(start - 1, 0), max(end, start + 1)):
            s, e, item = self._items[n]
            if s <= start and end <= e:
                yield s, e, item


class Sentences:
    """The sentences of a parse as token and character bounds, read once from its arrays
    (iterating ``doc.sents`` builds a Token object per token; ``Span.ents`` and
    ``Token.sent`` walk the whole Doc or sentence on every call)."""

    def __init__(self, doc: Doc) -> None:
        n = len(doc)
        flags = doc.to_array("SENT_START").tolist() if n else []
        idx = doc.to_array("IDX").tolist() if n else []
        length = doc.to_array("LENGTH").tolist() if n else []
        self.starts: list[int] = [i for i in range(n) if i == 0 or flags[i] == 1]
        self.ends: list[int] = [*self.starts[1:], n] if n else []
        self.char_starts: list[int] = [idx[i] for i in self.starts]
        # as Span.end_char: the end of the last token, without its trailing whitespace
        self.char_ends: list[int] = [idx[e - 1] + length[e - 1] for e in self.ends]

    def __len__(self) -> int:
        return len(self.starts)

    def of_token(self, i: int) -> int:
        """The number of the sentence holding token ``i``."""
        return bisect_right(self.starts, i) - 1

    def bounds(self, k: int) -> tuple[int, int]:
        """Token bounds ``[start, end)`` of sentence ``k``."""
        return self.starts[k], self.ends[k]


class Entities:
    """The parse's named entities as ``(start token, end token, label)``, read once."""

    def __init__(self, doc: Doc) -> None:
        self.items: list[tuple[int, int, str]] = [(e.start, e.end, e.label_) for e in doc.ents]
        self._starts = [s for s, _, _ in self.items]

    def within(self, start: int, end: int) -> Sequence[tuple[int, int, str]]:
        """Entities lying wholly inside tokens ``[start, end)``: what ``Span.ents`` gives."""
        lo = bisect_left(self._starts, start)
        out = []
        for s, e, label in self.items[lo:]:
            if e > end:
                break
            out.append((s, e, label))
        return out


class Ranges(list[tuple[int, int]]):
    """Ranges in order, which say at once whether a stretch overlaps any of them (a
    long page has thousands, asked about for every loaded word or speech noun)."""

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        super().__init__(sorted(ranges))
        self.starts = [s for s, _ in self]
        self.reach = list(accumulate((e for _, e in self), max))  # furthest end so far

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some range ``(s, e)`` has ``s < end`` and ``start < e``."""
        k = bisect_left(self.starts, end)  # the ranges that start before ``end``
        return k > 0 and self.reach[k - 1] > start

    def holds(self, point: int) -> bool:
        """Whether some range ``(s, e)`` has ``s <= point < e``."""
        return self.overlaps(point, point + 1)


class Inside(Generic[T]):
    """Items with token or character bounds ``(first, stop)``, found by the window that
    holds them, in the order they were given (``first`` need not be sorted)."""

    def __init__(self, items: Sequence[T], bounds: Iterable[tuple[int, int]]) -> None:
        self.items = items
        self._bounds = list(bounds)
        order = sorted(range(len(self._bounds)), key=lambda n: self._bounds[n][0])
        self._order = order
        self._firsts = [self._bounds[n][0] for n in order]

    def inside(self, lo: int, hi: int) -> list[T]:
        """Items with ``lo <= first`` and ``stop <= hi``."""
        a, b = bisect_left(self._firsts, lo), bisect_left(self._firsts, hi + 1)
        picked = sorted(n for n in self._order[a:b] if self._bounds[n][1] <= hi)
        return [self.items[n] for n in picked]
