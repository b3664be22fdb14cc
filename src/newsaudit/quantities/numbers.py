"""Reading a number expression from a run of lower-cased spaCy token texts.

This module knows how figures are *written* ("2,000", "1.2 million", "twenty-one",
"a hundred", "two dozen", "hundreds of thousands", "several hundred", "€5m"); it knows
nothing about what they count: :mod:`.counted` decides that from the parse.

It works on plain lists of strings rather than spaCy tokens so that the scan over a page
touches each token once and the rules can be tested without a model.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TypeVar

from newsaudit.datafiles import load_json

T = TypeVar("T")

_DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_GLUED = re.compile(r"^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)([a-z]+)$")
#: "20–30" kept as one token by spaCy's tokenizer (en or em dash, no spaces), and the
#: second sum of "$60-$66", whose sign spaCy leaves inside the token.
_FIGURE = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
RANGE_TOKEN = re.compile(rf"^({_FIGURE})[–—-][$£€¥₹]?({_FIGURE})$")

_CHUNK_CODE = re.compile(r"\d[:/]\d|@|www\.|://")


def looks_like_code(text: str, start: int, end: int) -> bool:
    """Digits at ``text[start:end]`` that are part of a date, time, address, code or list
    number rather than a figure: "08/05/2016", "10:30", "Covid-19", "G7", "0800",
    a "1." opening a line.

    Checked per candidate on the surrounding characters only, so a page costs a few
    string probes per figure instead of regex passes over the whole text.
    """
    if start > 0:
        before = text[start - 1]
        if before.isalpha() or (before == "-" and start > 1 and text[start - 2].isalpha()):
            return True
    if text[start] == "0" and end - start > 1 and text[start + 1].isdigit():
        return True  # "0800", "020": codes and phone prefixes, never counts
    chunk_start = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    chunk_end = end
    size = len(text)
    while chunk_end < size and not text[chunk_end].isspace():
        chunk_end += 1
    if _CHUNK_CODE.search(text, chunk_start, chunk_end):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    if end - start <= 3 and text[line_start:start].strip() in ("", "("):
        after = text[end : end + 2]
        if after[:1] in (".", ")") and (len(after) == 1 or after[1].isspace()):
            return True  # "1." "2)" numbering a list
    return False


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """A number expression over tokens ``[start, end)``.

    ``value`` is the stated figure (``None`` for vague counts, whose meaning is
    ``low``..``high``). ``scale`` is the multiplier a trailing scale word applied, so a
    range can share it ("20-30 million"). ``suffix`` is a scale letter glued to digits that
    only means a multiplier beside a currency ("5m": million, or metres). ``currency`` is
    a currency code glued before the digits in the same token ("R$19", "HK$10"), and
    ``lead`` the number of characters it takes, so the figure alone can be pointed at.
    """

    start: int
    end: int
    value: float | None
    low: float | None = None
    high: float | None = None
    vague: bool = False
    scale: float = 1
    suffix: str | None = None
    words_only: bool = False
    digits: str | None = None
    currency: str | None = None
    lead: int = 0


class NumberLexicon:
    """How figures are written, from ``quantifiers.json``: number words, vague counts,
    approximators, units, currencies, and the neighbours that make a figure a date or a
    name. Built once per process; lookups are dict and set probes."""

    def __init__(self, data: dict[str, Any]) -> None:
        nw = data["number_words"]
        self.units: dict[str, int] = dict(nw["units"])
        self.tens: dict[str, int] = dict(nw["tens"])
        self.scales: dict[str, int] = dict(nw["scales"])
        self.suffix_scales: dict[str, int] = {
            k: v for k, v in nw["suffix_scales"].items() if not k.startswith("_")
        }
        self.currency_only_suffixes = frozenset(nw["currency_only_suffixes"])
        self.letter_measure_nouns = frozenset(nw["letter_measure_nouns"])
        vague = data["vague"]
        entries = [
            (tuple(e["tokens"]), float(e["low"]), float(e["high"])) for e in vague["entries"]
        ]
        entries.sort(key=lambda e: -len(e[0]))
        self.vague: dict[str, list[tuple[tuple[str, ...], float, float]]] = {}
        for entry in entries:
            self.vague.setdefault(entry[0][0], []).append(entry)
        self.plural_scales: dict[str, int] = {
            k: v for k, v in vague["plural_scales"].items() if not k.startswith("_")
        }
        self.needs_of = frozenset(e["tokens"][0] for e in vague["entries"] if e.get("needs_of"))
        word_starts = set(self.units) | set(self.tens) | set(self.vague) | {"half"}
        word_starts.discard("a")
        self.word_starts = frozenset(word_starts)
        #: Alphabetic tokens that may start a figure: any other all-letter word is passed
        #: over without a call, which is most of a page.
        self.alpha_starts = frozenset(w for w in word_starts | {"a", "an"} if w.isalpha())

        appr = data["approximators"]
        self._before = _phrase_index(
            (tuple(p), kind) for kind, ps in appr.items() if kind in _APPROX_KINDS for p in ps
        )
        post = appr["postposed"]
        self._after = _phrase_index(
            ((tuple(p), kind) for kind, ps in post.items() if not kind.startswith("_") for p in ps),
            forward=True,
        )
        self.not_before_duration = frozenset(appr["not_before_duration"]["words"])
        bands = data["bands"]
        self.about_band = float(bands["about"])
        self.almost_band = float(bands["almost"])

        rng = data["ranges"]
        self.between = frozenset(rng["between"])
        self.range_joiners = frozenset(rng["joiners"])
        self.change_from = frozenset(rng["change_from"])

        cur = data["currencies"]
        self.currency_prefix: dict[str, str] = dict(cur["prefix"])
        prefixes = sorted(self.currency_prefix, key=len, reverse=True)
        self.glued_currency = re.compile(
            "^(" + "|".join(map(re.escape, prefixes)) + rf")({_FIGURE})([a-z]*)$"
        )
        self.glued_initials = frozenset(p[0] for p in prefixes)
        self.currency_verbs = frozenset(cur["verb_homographs"]["words"])
        pounds = cur["pound_weight_guard"]
        self.pound_words = frozenset(pounds["words"])
        self.pound_weight_unit: str = pounds["weight_unit"]
        self.weight_cues = frozenset(pounds["weight_cues"])
        self.money_nouns = frozenset(pounds["money_nouns"])
        self.money_verbs = frozenset(pounds["money_verbs"])
        sub = cur["subunits"]
        self.subunits: dict[str, tuple[str, float]] = {
            w: (code, float(share)) for w, (code, share) in sub["words"].items()
        }
        self.glued_subunits: dict[str, tuple[str, float]] = {
            w: (code, float(share)) for w, (code, share) in sub["glued"].items()
        }
        self.not_pence = frozenset(float(v) for v in sub["not_pence"])
        units = data["units"]
        self.material_words = frozenset(units["material_words"])
        unit_phrases: list[tuple[tuple[str, ...], tuple[str, str]]] = [
            (tuple(w.split()), ("money", code)) for w, code in cur["words"].items()
        ]
        for category in ("percent", "distance", "duration", "other"):
            for w, code in units[category].items():
                unit_phrases.append((tuple(w.split()), (category, code)))
        self._units = _phrase_index(unit_phrases, forward=True)
        self.glued_units: dict[str, tuple[str, str]] = {}
        for suffix, code in units["glued"].items():
            if suffix.startswith("_"):
                continue
            kinds = ("percent", "distance", "duration")
            category = next((c for c in kinds if code in units[c].values()), "other")
            self.glued_units[suffix] = (category, code)

        nq = data["not_quantities"]
        self.months = frozenset(nq["months"])
        self.label_words = frozenset(nq["label_words"]["words"])
        self.time_words = frozenset(nq["time_words"])
        self.age_words = frozenset(nq["age_words"])
        ages = nq["ages"]
        self.age_nouns = frozenset(ages["nouns"])
        self.age_skip = frozenset(ages["skip"])
        self.age_before_people = frozenset(ages["before_people"])
        self.age_people_words = frozenset(ages["people_words"])
        self.age_max = float(ages["max"])
        self.age_after = frozenset(ages["after"])
        self.date_after = frozenset(nq["date_after"])
        self.first_year, self.last_year = nq["year_range"]["range"]

    def is_year(self, value: float | None) -> bool:
        """Whole numbers in the span news dates fall in: "2012" alone is a year."""
        return value is not None and float(value).is_integer() and (
            self.first_year <= value <= self.last_year
        )

    def match_approximator(
        self, words: Sequence[str], s: int, floor: int
    ) -> tuple[str, int] | None:
        """The approximator ending just before token ``s`` (longest first): (kind, its start)."""
        if s - 1 < floor:
            return None
        for phrase, kind in self._before.get(words[s - 1], ()):
            k = s - len(phrase)
            if k >= floor and tuple(words[k:s]) == phrase:
                return kind, k
        return None

    def match_postposed(self, words: Sequence[str], j: int) -> tuple[str, int] | None:
        """"or so", "-odd", "or more" starting at token ``j``: (kind, end)."""
        if j >= len(words):
            return None
        for phrase, kind in self._after.get(words[j], ()):
            if tuple(words[j : j + len(phrase)]) == phrase:
                return kind, j + len(phrase)
        return None

    def match_unit(self, words: Sequence[str], j: int) -> tuple[str, str, int] | None:
        """A unit or currency word starting at token ``j``: (category, code, end)."""
        if j >= len(words):
            return None
        for phrase, (category, code) in self._units.get(words[j], ()):
            if tuple(words[j : j + len(phrase)]) == phrase:
                return category, code, j + len(phrase)
        return None


_APPROX_KINDS = ("at_least", "more_than", "at_most", "fewer_than", "almost", "about")


def _phrase_index(
    phrases: Iterable[tuple[tuple[str, ...], T]], *, forward: bool = False
) -> dict[str, list[tuple[tuple[str, ...], T]]]:
    """Index token phrases by their last word (or first, ``forward``), longest first."""
    index: dict[str, list[tuple[tuple[str, ...], T]]] = {}
    for phrase, payload in phrases:
        index.setdefault(phrase[0] if forward else phrase[-1], []).append((phrase, payload))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))
    return index


@lru_cache(maxsize=1)
def lexicon() -> NumberLexicon:
    return NumberLexicon(load_json("quantifiers.json"))


def parse_digits(text: str) -> float | None:
    """The value of "2,000" or "1.5"; ``None`` for anything else (dates, codes, "1,2")."""
    if not _DIGITS.match(text):
        return None
    return float(text.replace(",", ""))


def could_start(words: Sequence[str], i: int, lex: NumberLexicon) -> bool:
    """A cheap test run on every token before the full reader."""
    w = words[i]
    if not w:
        return False
    if w[0].isdigit():
        return True
    if w in lex.word_starts:
        return True
    if w[0] in lex.glued_initials and not w.isalpha() and lex.glued_currency.match(w):
        return True
    if w in ("a", "an") and i + 1 < len(words):
        nxt = words[i + 1]
        return nxt in lex.scales or nxt in ("few", "couple", "handful")
    if "-" in w:
        head = w.split("-", 1)[0]
        return head in lex.tens or head in lex.units
    return False


def read_number(
    words: Sequence[str], i: int, lex: NumberLexicon | None = None
) -> NumberMatch | None:
    """Read the longest number expression starting at token ``i``, or ``None``."""
    lex = lex or lexicon()
    w = words[i]
    if w[0].isdigit():
        return _read_digits(words, i, lex)
    if w[0] in lex.glued_initials and not w.isalpha():
        glued = lex.glued_currency.match(w)
        if glued is not None:
            return _read_glued_currency(words, i, glued, lex)
    if w in lex.vague:
        found = _read_vague(words, i, lex)
        if found is not None:
            return found
    return _read_words(words, i, lex)


def _read_scales(words: Sequence[str], j: int, lex: NumberLexicon) -> tuple[float, int]:
    scale = 1.0
    n = len(words)
    while j < n and words[j] in lex.scales:
        scale *= lex.scales[words[j]]
        j += 1
    return scale, j


def _read_digits(words: Sequence[str], i: int, lex: NumberLexicon) -> NumberMatch | None:
    w = words[i]
    value = parse_digits(w)
    suffix = None
    if value is None:
        glued = _GLUED.match(w)
        if glued is None:
            return None
        value = float(glued.group(1).replace(",", ""))
        suffix = glued.group(2)
        digits = glued.group(1)
        scale = _glued_scale(suffix, lex)
        if scale is not None:
            return NumberMatch(i, i + 1, value * scale, scale=scale, digits=digits)
        return NumberMatch(i, i + 1, value, suffix=suffix, digits=digits)
    scale, j = _read_scales(words, _after_hyphen(words, i + 1, lex), lex)
    if scale == 1:
        j = i + 1
    return NumberMatch(i, j, value * scale, scale=scale, digits=w)


def _glued_scale(suffix: str, lex: NumberLexicon) -> float | None:
    """The multiplier of a scale glued to digits whatever stands beside them: "5bn", and
    a whole scale word, "1.5million" (a Daily Mail habit); ``None`` for "m" and "k", which
    are a multiplier only beside a currency, and for anything else ("21st")."""
    if suffix in lex.suffix_scales and suffix not in lex.currency_only_suffixes:
        return lex.suffix_scales[suffix]
    if suffix in lex.scales and lex.scales[suffix] >= _GLUED_SCALE_MIN:
        return lex.scales[suffix]
    return None


#: Scale words read when glued to digits or hyphened to them: "1.5million", "$1.3-billion"
#: ("a 12-dozen" and "a 5-hundred" are not how figures are written).
_GLUED_SCALE_MIN = 1000


def _after_hyphen(words: Sequence[str], j: int, lex: NumberLexicon) -> int:
    """Past a hyphen that joins a scale word to the digits ("the $1.3-billion mark")."""
    if j + 1 < len(words) and words[j] == "-":
        if lex.scales.get(words[j + 1], 0) >= _GLUED_SCALE_MIN:
            return j + 1
    return j


def _read_glued_currency(
    words: Sequence[str], i: int, glued: re.Match[str], lex: NumberLexicon
) -> NumberMatch | None:
    """"R$19 billion", "HK$10", "Rs500m": a currency sign spaCy left on the digits."""
    prefix, figure, suffix = glued.groups()
    value = float(figure.replace(",", ""))
    code = lex.currency_prefix[prefix]
    if suffix:
        glued_scale = lex.suffix_scales.get(suffix) or _glued_scale(suffix, lex)
        if glued_scale is None:
            return None
        scale: float = glued_scale
        return NumberMatch(
            i, i + 1, value * scale, scale=scale, digits=figure, currency=code, lead=len(prefix)
        )
    scale, j = _read_scales(words, i + 1, lex)
    return NumberMatch(
        i, j, value * scale, scale=scale, digits=figure, currency=code, lead=len(prefix)
    )


def _read_vague(words: Sequence[str], i: int, lex: NumberLexicon) -> NumberMatch | None:
    n = len(words)
    for tokens, low, high in lex.vague[words[i]]:
        k = len(tokens)
        if tuple(words[i : i + k]) != tokens:
            continue
        j = i + k
        scale = 1.0
        if j < n and words[j] in lex.scales:
            scale, j = _read_scales(words, j, lex)
        elif j + 1 < n and words[j] == "of" and words[j + 1] in lex.plural_scales:
            scale = lex.plural_scales[words[j + 1]]
            j += 2
        hi = high if scale == 1 else (high + 1) * scale - 1
        return NumberMatch(i, j, None, low * scale, hi, vague=True, scale=scale, words_only=True)
    return None


def _word_value(w: str, lex: NumberLexicon) -> int | None:
    if w in lex.units:
        return lex.units[w]
    if w in lex.tens:
        return lex.tens[w]
    if "-" in w:
        a, _, b = w.partition("-")
        if a in lex.tens and b in lex.units and 0 < lex.units[b] < 10:
            return lex.tens[a] + lex.units[b]
    return None


def _read_words(words: Sequence[str], i: int, lex: NumberLexicon) -> NumberMatch | None:
    """Spelled-out cardinals: "thirteen", "twenty-one", "a hundred", "two dozen",
    "one hundred and twenty", "half a million"."""
    n = len(words)
    w = words[i]
    if w == "half":
        if i + 2 < n and words[i + 1] in ("a", "an") and words[i + 2] in lex.scales:
            scale = lex.scales[words[i + 2]]
            return NumberMatch(i, i + 3, 0.5 * scale, scale=scale, words_only=True)
        return None
    total = 0.0
    current = 0.0
    j = i
    seen = False
    last_kind = ""
    scale_used = 1.0
    if w in ("a", "an"):
        if i + 1 < n and words[i + 1] in lex.scales:
            current = 1
            j = i + 1
            seen = True
            last_kind = "unit"
        else:
            return None
    while j < n:
        tok = words[j]
        val = _word_value(tok, lex)
        if val is not None:
            if last_kind in ("unit", "teen") or (last_kind == "tens" and val >= 10):
                break
            if last_kind == "tens" and 0 < val < 10:
                current += val
                last_kind = "unit"
            else:
                current += val
                last_kind = "tens" if tok in lex.tens else ("teen" if val >= 10 else "unit")
                if "-" in tok:
                    last_kind = "unit"
            seen = True
            j += 1
            continue
        if tok == "-" and last_kind == "tens" and j + 1 < n and words[j + 1] in lex.units:
            j += 1
            continue
        if tok in lex.scales and seen and last_kind != "scale_big":
            scale = lex.scales[tok]
            if scale == 100 or scale == 12:
                current = (current or 1) * scale
                last_kind = "hundred"
            else:
                total += (current or 1) * scale
                current = 0
                last_kind = "scale_big"
            scale_used = max(scale_used, scale)
            j += 1
            continue
        if (
            tok in lex.plural_scales
            and seen
            and total == 0
            and last_kind in ("unit", "teen", "tens")
            and (j + 1 >= n or words[j + 1] not in lex.plural_scales)
        ):
            # "three hundreds of them", "two thousands": a non-native plural scale used
            # as a plain multiplier, not the vague "hundreds of" that has no count before it.
            scale = lex.plural_scales[tok]
            current *= scale
            scale_used = max(scale_used, scale)
            j += 1
            break
        if (
            tok == "and"
            and last_kind in ("hundred", "scale_big")
            and j + 1 < n
            and _word_value(words[j + 1], lex) is not None
        ):
            last_kind = ""
            j += 1
            continue
        break
    if not seen:
        return None
    # a trailing "and" or "-" that led nowhere is not part of the number
    while j > i and words[j - 1] in ("and", "-"):
        j -= 1
    return NumberMatch(i, j, total + current, scale=scale_used, words_only=True)
