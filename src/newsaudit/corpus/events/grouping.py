"""Deciding which event a new page reports: candidates, a score, and the number veto.

An event keeps a small state (:class:`EventState`): the sum of its reports' term
vectors, its places, countries, actors, incident kinds, tolls and days. A new page is
scored against the events that share a place or an actor with it and whose first report
lies within ``window_days`` of it (the store finds those through an index); it joins the
best one whose score reaches ``threshold``, unless vetoed, or starts an event of its own.
Nothing is re-clustered: an event only grows.

The score is a logistic model over the features of :func:`pair_features`; its weights
are fitted on labelled events (``newsaudit eval events --fit``, :mod:`.fit`) and shipped in
``data/events_params.json``. The **number veto** keeps apart two reports of different
incidents on the same day in the same country: when every toll they share cannot be the
same count (they differ beyond ``veto_ratio`` and their bounds are disjoint) and either
they name different kinds of incident or share no place more precise than the country,
they are not one event, however alike their words.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from newsaudit.corpus.events.features import MAX_TERMS, PageFeatures, cosine
from newsaudit.datafiles import load_json

__all__ = ["FEATURES", "EventState", "Params", "pair_features", "params", "score", "vetoed"]

#: The pair features, in the order the weights are kept.
FEATURES = (
    "cos_terms", "cos_title", "places", "actors", "same_country", "other_country",
    "gap_days", "toll_agree", "toll_conflict", "incident_same", "incident_conflict",
)
#: How many terms an event's summed vector keeps.
EVENT_TERMS = 3 * MAX_TERMS


@dataclass(frozen=True, slots=True)
class Params:
    """The fitted weights and the thresholds, from ``data/events_params.json``."""

    bias: float
    weights: dict[str, float]
    threshold: float
    window_days: int
    veto_ratio: float
    meta: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Params:
        return cls(bias=float(d["bias"]), weights={k: float(v) for k, v in d["weights"].items()},
                   threshold=float(d["threshold"]), window_days=int(d["window_days"]),
                   veto_ratio=float(d["veto_ratio"]),
                   meta={k: v for k, v in d.items() if k not in
                         ("bias", "weights", "threshold", "window_days", "veto_ratio")})

    def to_dict(self) -> dict[str, Any]:
        return {**self.meta, "bias": self.bias, "weights": self.weights,
                "threshold": self.threshold, "window_days": self.window_days,
                "veto_ratio": self.veto_ratio}


@lru_cache(maxsize=1)
def params() -> Params:
    """The shipped parameters."""
    return Params.from_dict(load_json("events_params.json"))


@dataclass
class EventState:
    """What an event's members add up to, enough to score a new page against it."""

    terms: dict[str, float] = field(default_factory=dict)
    title_terms: dict[str, float] = field(default_factory=dict)
    places: Counter[str] = field(default_factory=Counter)
    countries: Counter[str] = field(default_factory=Counter)
    actors: Counter[str] = field(default_factory=Counter)
    incidents: Counter[str] = field(default_factory=Counter)
    tolls: list[dict[str, list[float]]] = field(default_factory=list)
    first_day: str | None = None
    last_day: str | None = None
    reports: int = 0

    def add(self, page: PageFeatures) -> None:
        self.terms = _summed(self.terms, page.terms)
        self.title_terms = _summed(self.title_terms, page.title_terms)
        self.places.update(page.places)
        self.countries.update(page.countries)
        self.actors.update(page.actors)
        self.incidents.update(page.incidents)
        if page.tolls:
            self.tolls.append({k: [v[0], v[1]] for k, v in page.tolls.items()})
            self.tolls = self.tolls[-40:]
        if page.day:
            self.first_day = min(self.first_day or page.day, page.day)
            self.last_day = max(self.last_day or page.day, page.day)
        self.reports += 1

    def to_dict(self) -> dict[str, Any]:
        return {"terms": self.terms, "title_terms": self.title_terms,
                "places": dict(self.places), "countries": dict(self.countries),
                "actors": dict(self.actors), "incidents": dict(self.incidents),
                "tolls": self.tolls, "first_day": self.first_day, "last_day": self.last_day,
                "reports": self.reports}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> EventState:
        return cls(
            terms=dict(d.get("terms") or {}), title_terms=dict(d.get("title_terms") or {}),
            places=Counter(d.get("places") or {}), countries=Counter(d.get("countries") or {}),
            actors=Counter(d.get("actors") or {}), incidents=Counter(d.get("incidents") or {}),
            tolls=list(d.get("tolls") or []), first_day=d.get("first_day"),
            last_day=d.get("last_day"), reports=int(d.get("reports") or 0),
        )


def _summed(acc: Mapping[str, float], vec: Mapping[str, float]) -> dict[str, float]:
    """The direction of the sum, kept to its heaviest terms (a centroid that never needs
    the members again)."""
    out = dict(acc)
    for k, v in vec.items():
        out[k] = out.get(k, 0.0) + v
    top = sorted(out.items(), key=lambda kv: (-kv[1], kv[0]))[:EVENT_TERMS]
    norm = math.sqrt(sum(v * v for _, v in top)) or 1.0
    return {k: round(v / norm, 5) for k, v in top}


def _days_between(a: str, b: str) -> int:
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)


def gap_days(day: str | None, state: EventState, window: int) -> float:
    """Days between the page and the event's first report: an event does not drift
    (a daily stream of reports from one city never chains into one event). An undated
    page or event counts as a whole window away."""
    if not day or not state.first_day:
        return float(window)
    try:
        return float(_days_between(day, state.first_day))
    except ValueError:
        return float(window)


def _overlap(a: Sequence[str], b: Counter[str]) -> int:
    return sum(1 for x in a if x in b)


def _toll_relation(page: PageFeatures, state: EventState, ratio: float) -> tuple[bool, bool]:
    """(some shared category's tolls agree, every shared category's tolls conflict)."""
    agree = False
    shared = 0
    conflicts = 0
    for cat, (lo, hi) in page.tolls.items():
        others = [t[cat] for t in state.tolls if cat in t]
        if not others:
            continue
        shared += 1
        if any(_same_count(lo, hi, o[0], o[1], ratio) for o in others):
            agree = True
        else:
            conflicts += 1
    return agree, shared > 0 and conflicts == shared


def _same_count(lo: float, hi: float, olo: float, ohi: float, ratio: float) -> bool:
    """Bounds that overlap, or values within ``ratio`` of the larger."""
    if lo <= ohi and olo <= hi:
        return True
    a, b = (hi, olo) if hi < olo else (ohi, lo)
    return b > 0 and (b - a) <= ratio * b


def pair_features(page: PageFeatures, state: EventState, prm: Params) -> dict[str, float]:
    same_country = bool(set(page.countries) & set(state.countries))
    other_country = bool(page.countries and state.countries and not same_country)
    agree, conflict = _toll_relation(page, state, prm.veto_ratio)
    incidents = set(page.incidents)
    ev_incidents = set(state.incidents)
    places = _overlap(page.places, state.places)
    actors = _overlap(page.actors, state.actors)
    return {
        "cos_terms": cosine(page.terms, state.terms),
        "cos_title": cosine(page.title_terms, state.title_terms),
        # the share of the page's own places the event has: one shared town is strong
        # evidence for a page that names only that town, weak for one naming five
        "places": min(1.0, places / min(max(len(page.places), 1), 3)),
        "actors": min(actors, 3) / 3.0,
        "same_country": float(same_country),
        "other_country": float(other_country),
        "gap_days": min(gap_days(page.day, state, prm.window_days), prm.window_days)
        / max(prm.window_days, 1),
        "toll_agree": float(agree),
        "toll_conflict": float(conflict),
        "incident_same": float(bool(incidents & ev_incidents)),
        "incident_conflict": float(bool(incidents and ev_incidents
                                        and not incidents & ev_incidents)),
    }


def score(x: Mapping[str, float], prm: Params) -> float:
    z = prm.bias + sum(prm.weights.get(k, 0.0) * x.get(k, 0.0) for k in FEATURES)
    return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))


def vetoed(x: Mapping[str, float]) -> bool:
    """The number veto: tolls that cannot be one count, and nothing precise in common."""
    return bool(x["toll_conflict"]) and (bool(x["incident_conflict"]) or x["places"] == 0)


def best_event(
    page: PageFeatures, candidates: Mapping[int, EventState], prm: Params
) -> tuple[int | None, float]:
    """The event the page joins (or None) and its score."""
    best: tuple[int | None, float] = (None, 0.0)
    for eid, state in candidates.items():
        if gap_days(page.day, state, prm.window_days) > prm.window_days:
            continue
        x = pair_features(page, state, prm)
        if vetoed(x):
            continue
        s = score(x, prm)
        if s >= prm.threshold and (s > best[1] or (s == best[1] and best[0] is not None
                                                   and eid < best[0])):
            best = (eid, s)
    return best
