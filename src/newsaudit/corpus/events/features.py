"""What grouping reads of a page, once, without the parse: :class:`PageFeatures`.

- ``day``: the publication date;
- ``kind``: ``report``, or ``opinion`` for an opinion or analysis piece (labelled so, or
  written in the first person with should/must and few sources), which is not a report
  of the events it mentions;
- ``places`` / ``countries``: GeoNames places and countries named in the title and lead
  (the first two body paragraphs), plus places the gazetteer does not know, taken from
  the figures' places (spaCy's GPE/LOC/FAC, stored in the report) and from capitalised
  names after "in", "near", "at", "outside";
- ``actors``: other capitalised names of the title and lead (bodies, people, groups);
- ``terms``: the title and lead as TF-IDF weights, the inverse document frequency taken
  from English word frequencies (wordfreq) rather than from the corpus, so that a page's
  vector never changes as the corpus grows and events update incrementally;
- ``tolls``: per event category, the bounds of the page's event figures (the number veto);
- ``incidents``: the kinds of incident the title and lead name (bombing, fire, crash ...).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from newsaudit.corpus.events.figures import page_figures, tolls
from newsaudit.corpus.events.gazetteer import fold, gazetteer
from newsaudit.corpus.events.words import event_words, words_of

__all__ = ["FEATURES_VERSION", "PageFeatures", "cosine", "page_features"]

#: Bumped when what is read changes: stored features of an older version are recomputed.
FEATURES_VERSION = 3
#: Title words weigh this much more than lead words.
TITLE_WEIGHT = 2.0
#: How many of the heaviest terms a vector keeps.
MAX_TERMS = 60
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’\-]*|[0-9]+|[^\sA-Za-z0-9]")
_CONNECT = frozenset({"al", "el", "as", "ash", "ar", "ad", "az", "an", "de", "del", "la", "le",
                      "du", "of", "for", "bin", "ibn", "van", "von", "der"})
_PLACE_PREPS = frozenset({"in", "near", "at", "outside", "from", "of", "into", "across"})
_ARTICLE_PREFIX = re.compile(r"^(al|el|an|ar|as|ash|ad|az)-[A-Z]")
_POSSESSIVE = re.compile(r"['’]s$")
#: Words beside a place name that keep it a place ('Hasakah province', 'Lake Kivu');
#: a name among other capitalised words is a person's or a body's ('Joseph Kamau').
_GEO_WORDS = frozenset({"city", "province", "district", "region", "governorate", "county",
                        "state", "lake", "river", "valley", "camp", "town", "village",
                        "north", "south", "east", "west", "northern", "southern", "eastern",
                        "western", "central", "upper", "lower", "greater", "old", "new",
                        "port", "island", "islands", "mount", "bay", "gulf", "sea", "coast"})
#: Words after a name that make it a place the gazetteer may not know ('Chikwawa district').
_ADMIN_WORDS = frozenset({"district", "province", "region", "governorate", "county", "village",
                          "town", "city", "camp", "neighbourhood", "neighborhood",
                          "municipality", "prefecture", "subdistrict", "suburb"})
_NUMBER_WORDS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight",
                           "nine", "ten", "eleven", "twelve", "thirteen", "fourteen",
                           "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
                           "twenty", "thirty", "forty", "fifty", "hundred", "hundreds",
                           "thousand", "thousands", "dozens", "dozen", "scores"})
_FIRE_PHRASES = re.compile(r"\b(opened|open|opening|returned) fire\b|\bgunfire\b|\bfire on\b")


@dataclass(frozen=True, slots=True)
class PageFeatures:
    day: str | None
    kind: str
    places: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    terms: dict[str, float] = field(default_factory=dict)
    title_terms: dict[str, float] = field(default_factory=dict)
    tolls: dict[str, tuple[float, float]] = field(default_factory=dict)
    incidents: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["tolls"] = {k: list(v) for k, v in self.tolls.items()}
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> PageFeatures:
        return cls(
            day=d.get("day"), kind=d.get("kind", "report"),
            places=tuple(d.get("places") or ()), countries=tuple(d.get("countries") or ()),
            actors=tuple(d.get("actors") or ()), terms=dict(d.get("terms") or {}),
            title_terms=dict(d.get("title_terms") or {}),
            tolls={k: (float(v[0]), float(v[1])) for k, v in (d.get("tolls") or {}).items()},
            incidents=tuple(d.get("incidents") or ()),
        )

    @property
    def keys(self) -> list[str]:
        """The index keys an event is found by: its places and actors."""
        return [f"place:{p}" for p in self.places] + [f"actor:{a}" for a in self.actors]


@lru_cache(maxsize=1)
def _zipf() -> Mapping[str, float]:
    from wordfreq import get_frequency_dict

    return {w: math.log10(f) + 9 for w, f in get_frequency_dict("en").items() if f > 1e-8}


def idf(word: str) -> float:
    """A rare word weighs more: 8 minus its Zipf frequency (an unknown name weighs 8)."""
    return max(0.5, 8.0 - _zipf().get(word, 0.0))


def _common(word: str) -> bool:
    return _zipf().get(word.lower(), 0.0) >= 4.0


def _stem(word: str) -> str:
    if len(word) > 5 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _vector(counts: Mapping[str, float]) -> dict[str, float]:
    weights = {w: float(c) * idf(w) for w, c in counts.items()}
    top = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_TERMS]
    norm = math.sqrt(sum(v * v for _, v in top)) or 1.0
    return {w: round(v / norm, 5) for w, v in top}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(k, 0.0) for k, v in a.items())


def _terms(text: str, weight: float, counts: dict[str, float]) -> None:
    stop = event_words().stopwords
    for w in words_of(text):
        w = _POSSESSIVE.sub("", w).strip("'’-")
        if len(w) < 3 or w in stop or w.isdigit() or not w[0].isalpha():
            continue
        key = _stem(w)
        counts[key] = counts.get(key, 0.0) + weight


def _lead(report: Mapping[str, Any], paragraphs: int = 2) -> tuple[str, str]:
    """(title, the first body paragraphs) of the report."""
    doc = report.get("document") or {}
    segs = report.get("segments") or ()
    title = doc.get("title") or next((s["text"] for s in segs if s["kind"] == "headline"), "")
    heads = [s["text"] for s in segs if s["kind"] in ("headline", "standfirst")]
    body = [s["text"] for s in segs if s["kind"] == "body"][:paragraphs]
    lead = "\n".join([h for h in heads if h != title] + body)
    if not segs:
        lead = (doc.get("text") or "")[:1200]
    return title, lead


def _runs(text: str) -> Iterable[tuple[str, bool, str | None, str | None]]:
    """Capitalised name runs: (words, at sentence start, the word before, the word after)."""
    toks = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    i = 0
    while i < len(toks):
        tok, start, _ = toks[i]
        if not (tok[0].isupper() or _ARTICLE_PREFIX.match(tok)):
            i += 1
            continue
        prev = toks[i - 1][0] if i > 0 else None
        sentence_start = prev is None or prev in (".", "!", "?", ":", "\"", "“", "(", "-", "—")
        sentence_start = sentence_start or text[max(0, start - 2) : start].count("\n") > 0
        words = [tok]
        j = i + 1
        while j < len(toks):
            nxt = toks[j][0]
            gap = text[toks[j - 1][2] : toks[j][1]]
            if gap not in (" ",):
                break
            if nxt[0].isupper() or _ARTICLE_PREFIX.match(nxt):
                words.append(nxt)
                j += 1
            elif nxt.lower() in _CONNECT and j + 1 < len(toks) and (
                toks[j + 1][0][0].isupper() or _ARTICLE_PREFIX.match(toks[j + 1][0])
            ) and text[toks[j][2] : toks[j + 1][1]] == " ":
                words.extend([nxt, toks[j + 1][0]])
                j += 2
            else:
                break
        after = toks[j][0].lower() if j < len(toks) else None
        yield " ".join(words), sentence_start, prev.lower() if prev else None, after
        i = j


def _names(title: str, lead: str, fig_places: Iterable[str]
           ) -> tuple[set[str], set[str], set[str]]:
    """(places, countries, actors) of the title and lead."""
    gaz = gazetteer()
    w = event_words()
    skip = w.weekdays | set(w.months)
    places: set[str] = set()
    countries: set[str] = set()
    actors: set[str] = set()
    for text in (title, lead):
        for run, at_start, prev, after in _runs(text):
            words = [x for x in re.sub(r"['’]s\b", "", run).split()
                     if x.lower() not in _NUMBER_WORDS]
            if at_start and words and (_common(words[0]) or len(words) == 1):
                if len(words) == 1 and gaz.lookup(words[0]) is None:
                    continue
                if len(words) > 1:
                    words = words[1:]
            k = 0
            rest: list[str] = []
            while k < len(words):
                hit = None
                for n in range(min(gaz.max_words, len(words) - k), 0, -1):
                    span = words[k : k + n]
                    if any(x.isupper() and len(x) > 1 for x in span):
                        continue  # an acronym (SANA) is a body, not a place
                    place = gaz.lookup(" ".join(span))
                    others = words[:k] + words[k + n :]
                    if place is not None and (place.is_country or all(
                        o.lower() in _GEO_WORDS or o.lower() in _CONNECT for o in others
                    )):
                        hit = (place, n)
                        break
                if hit is None:
                    rest.append(words[k])
                    k += 1
                    continue
                place, n = hit
                countries.add(place.country)
                if not place.is_country:
                    places.add(place.key)
                k += n
            name = " ".join(x for x in rest if x.lower() not in skip)
            key = fold(name)
            if not key or (" " not in key and (_common(key) or len(key) < 3)):
                continue
            if after in _ADMIN_WORDS or (prev in _PLACE_PREPS and len(rest) == len(words)):
                places.add(key)
                places.update(p for p in key.split() if len(p) >= 4 and not _common(p))
            else:
                actors.add(key)
    for p in fig_places:
        p = fold(p)
        if len(p) >= 4 and not _common(p) and p not in skip:
            place = gaz.lookup(p)
            if place is not None:
                countries.add(place.country)
                if place.is_country:
                    continue
                p = place.key
            places.add(p)
    return places, countries, actors - places


def _incidents(text: str) -> set[str]:
    words = " " + " ".join(words_of(_FIRE_PHRASES.sub(" ", text.lower()))) + " "
    return {kind for kind, cues in event_words().incidents.items()
            if any(f" {c} " in words for c in cues)}


def _is_opinion(report: Mapping[str, Any], title: str) -> bool:
    w = event_words()
    doc = report.get("document") or {}
    head = words_of(title.split(":")[0]) if ":" in title[:40] else []
    if head and " ".join(head) in w.title_labels:
        return True
    url = doc.get("url") or ""
    parts = {p.lower() for p in urlsplit(url).path.split("/") if p}
    if parts & w.url_parts:
        return True
    body = " ".join(s["text"] for s in report.get("segments") or () if s["kind"] == "body")
    words = words_of(body)
    if len(words) < 80:
        return False
    per100 = 100.0 / len(words)
    first = sum(1 for x in words if x in w.first_person) * per100
    joined = " " + " ".join(words) + " "
    modals = sum(joined.count(f" {m} ") for m in w.modals) * per100
    atts = sum(1 for a in report.get("attributions") or ()
               if a.get("kind") != "unattributed_quote") * per100
    return first >= w.min_first_person and modals >= w.min_modals and atts <= w.max_attributions


def page_features(report: Mapping[str, Any], *, published: str | None) -> PageFeatures:
    """Everything grouping needs of one stored report."""
    day = published[:10] if published and len(published) >= 10 else None
    title, lead = _lead(report)
    figs, _ = page_figures(report, day=day)
    fig_places = [p for f in report.get("figures") or () if f.get("segment") in
                  ("headline", "standfirst", "body") for p in f.get("places") or ()]
    places, countries, actors = _names(title, lead, fig_places)
    counts: dict[str, float] = {}
    _terms(title, TITLE_WEIGHT, counts)
    _terms(lead, 1.0, counts)
    title_counts: dict[str, float] = {}
    _terms(title, 1.0, title_counts)
    kind = "opinion" if _is_opinion(report, title) else "report"
    return PageFeatures(
        day=day, kind=kind, places=tuple(sorted(places)), countries=tuple(sorted(countries)),
        actors=tuple(sorted(actors)), terms=_vector(counts), title_terms=_vector(title_counts),
        tolls=tolls(figs), incidents=tuple(sorted(_incidents(title + "\n" + lead))),
    )
