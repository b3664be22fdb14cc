"""What the checks of the quotation family share about sources and quoted words.

``quote_integrity``, ``headline_unsupported``, ``unsourced_claim`` and ``scare_quotes``
all ask whether two phrases name the same speaker, whether a record rests on someone who
can have said the words, and where a character offset falls in the parse. They answer
through this one module so that a source is read the same way by every check, and a
headline that one check traces to a speaker is never untraceable for another.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from newsaudit.datafiles import load_json
from newsaudit.model import Attribution, Report, Span

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Doc

_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
_NONWORD = re.compile(r"[^\w']+")
_WORD = re.compile(r"[\w'’-]+")
_POSSESSIVE = re.compile(r"['’]s$")
#: Kinds whose quoted words are presented as the source's own.
SPOKEN_KINDS = frozenset({"direct_quote", "reported_speech", "according_to", "quoted_as_saying"})
#: Source types that can utter or write words themselves.
_SPEAKERS = frozenset({"person", "official_anonymous", "outlet"})


# --------------------------------------------------------------------------- data


@lru_cache(maxsize=1)
def cues() -> dict[str, Any]:
    """``checks.json`` with its word lists turned into sets, built once."""
    data = load_json("checks.json")
    demonyms = data["demonyms"]
    # country, its irregular adjectives and its capital -> the country, lower case
    nation: dict[str, str] = {k.lower(): v.lower() for k, v in demonyms["capitals"].items()}
    for country, adjs in demonyms["irregular"].items():
        nation[country.lower()] = country.lower()
        nation.update((a.lower(), country.lower()) for a in adjs)
    return {
        "raw": data,
        "source_stop": frozenset(data["source_stopwords"]["words"]),
        "nation": nation,
        "channels": frozenset(data["speech_channels"]["lemmas"]),
        "similarity": data["quote_similarity"],
        "spelling": data["spelling"],
    }


# ------------------------------------------------------------------ shared helpers


@lru_cache(maxsize=1)
def _work_intros() -> frozenset[str]:
    """Words that introduce a quoted title or term (``checks.json: scare_quotes``)."""
    sq = cues()["raw"]["scare_quotes"]
    return frozenset(sq["title_nouns"]) | frozenset(sq["mention_nouns"]) | frozenset(
        sq["topic_words"]
    )


def names_a_work(doc: Doc, start: int, index: TokenIndex | None = None) -> bool:
    """Whether the quotation opening at character ``start`` is introduced as a title or a
    term ("the article “…”", "the slogan “…”", "an exchange concerning “…”"): then its
    marks name something and put no words in anyone's mouth. Naming verbs are not enough
    here ("calls the plan “a disaster for us all”" quotes the caller)."""
    intro = _work_intros()
    i = (index or TokenIndex(doc)).at(start)
    if i < len(doc) and doc[i].idx >= start:
        i -= 1  # the token before the quotation's first word
    while i >= 0 and (doc[i].is_quote or doc[i].text in "“‘\"'"):
        i -= 1
    return i >= 0 and doc[i].lower_ in intro


#: Tags of a finite verb: a passage with one is a clause someone may have said.
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def subtitled_work(doc: Doc, idx: Iterable[int]) -> bool:
    """Whether the quoted tokens ``idx`` are shaped as a work's title and subtitle ("Batman
    v Superman: Dawn of Justice", "MSG: The Messenger of God"): a colon then a capitalised
    word, and no finite verb. Film, book and report titles take that shape; the words of
    a speaker ("Obama: we will win") have a verb."""
    toks = [doc[i] for i in idx]
    if any(t.tag_ in _FINITE for t in toks):
        return False
    return any(t.text == ":" and k + 1 < len(toks) and toks[k + 1].text[:1].isupper()
               for k, t in enumerate(toks[1:], 1))


class TokenIndex:
    """Character offset -> token index over one Doc, by bisection on token starts."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.starts: list[int] = doc.to_array("IDX").tolist() if len(doc) else []

    def at(self, char: int) -> int:
        return max(0, bisect_right(self.starts, char) - 1)

    def within(self, start: int, end: int) -> range:
        """Indices of the tokens that start inside ``[start, end)``."""
        lo = self.at(start)
        if lo < len(self.starts) and self.starts[lo] < start:
            lo += 1
        return range(lo, bisect_right(self.starts, end - 1) if end > start else lo)


def _nationality(word: str) -> str | None:
    """The country a word names or describes ("Iranian" -> "iran"), if it is one."""
    nation: dict[str, str] = cues()["nation"]
    return nation.get(word.lower())


def _key_words(text: str) -> list[str]:
    """The words of a source phrase that identify whom it is, in their original case."""
    stop = cues()["source_stop"]
    words = (_POSSESSIVE.sub("", m.group(0)).strip("'’") for m in _WORD.finditer(text))
    return [w for w in words if w and w.lower() not in stop]


def _stem_match(a: str, b: str) -> bool:
    """A country and its adjective: Iran/Iranian, Kordavia/Kordavian, Lebanon/Lebanese."""
    if a == b:
        return True
    n = 0
    for x, y in zip(a, b, strict=False):  # common prefix of two words
        if x != y:
            break
        n += 1
    return n >= 4 and n >= min(len(a), len(b)) - 2


def _proper_words(text: str) -> list[str]:
    stop = cues()["source_stop"]
    words = (m.group(0) for m in _WORD.finditer(text))
    return [w for w in words if w[:1].isupper() and w.lower() not in stop]


def _same_word(x: str, y: str) -> bool:
    """One identifying word: equal (up to a plural), a country and its adjective, or a
    capital and its country. Stems are compared only between names: "government" and
    "governor" share six letters and are different speakers."""
    xl, yl = x.lower(), y.lower()
    if xl == yl or xl.rstrip("s") == yl.rstrip("s"):
        return True
    nx, ny = _nationality(x) or xl, _nationality(y) or yl
    if x[:1].isupper() and y[:1].isupper():
        return _stem_match(nx, ny)
    return nx == ny


def _unmatched(words: list[str], other: list[str]) -> list[str]:
    return [w for w in words if not any(_same_word(w, o) for o in other)]


def same_source(a: str | None, b: str | None, *, title_case: bool = False) -> bool:
    """Whether two source phrases name the same speaker or one of its own people.

    "Iran" matches "the Iranian government" and "a senior Iranian official"; "the Kordavian
    navy" matches "a navy official"; "the US navy" does not match "the Kordavian navy":
    when each phrase has a name the other lacks, they are different speakers. With
    ``title_case`` (``a`` is from a headline, where every word is capitalised) names are
    not compared.
    """
    if not a or not b:
        return False
    ka, kb = _key_words(a), _key_words(b)
    shared = any(_same_word(x, y) for x in ka for y in kb)
    if not shared:
        return False
    if title_case:  # a headline's capitals say nothing about names
        return True
    return not (_unmatched(_proper_words(a), kb) and _unmatched(_proper_words(b), ka))


def lower_article(s: str) -> str:
    """ "The Iranian government" -> "the Iranian government", for use mid-sentence."""
    head, _, rest = s.partition(" ")
    return f"{head.lower()} {rest}" if rest and head in ("The", "A", "An") else s


#: An apostrophe that is not inside a word is a single quotation mark ("the law of
#: ‘Self-Rape’"): it is punctuation, not part of the quoted words.
_EDGE_APOSTROPHE = re.compile(r"(?<!\w)'|'(?!\w)")


def normalise(s: str) -> str:
    folded = _EDGE_APOSTROPHE.sub(" ", s.translate(_FOLD).casefold())
    return " ".join(_NONWORD.sub(" ", folded).split())


def has_channel(report: Report, att: Attribution, words: Span | None) -> bool:
    """Whether the attribution names how an organisation's words reached the page
    ("in a statement", "a spokesman said"), outside the reported ``words``."""
    text = report.document.text
    channels = cues()["channels"]
    parts = ((att.start, words.start), (words.end, att.end)) if words else ((att.start, att.end),)
    for lo, hi in parts:
        for m in _WORD.finditer(text, lo, max(lo, hi)):
            w = m.group(0).lower()
            if w in channels or w.rstrip("s") in channels:
                return True
    return False


def speaks(report: Report, att: Attribution, words: Span | None = None) -> bool:
    """Whether the attribution rests on someone who can have said or written the words:
    a person, an official, an outlet, an intermediary, or an organisation's named statement."""
    if att.kind not in SPOKEN_KINDS or att.source.text is None:
        return False
    if att.via or att.source.type in _SPEAKERS:
        return True
    if att.source.type == "unspecified":
        return True  # "Witnesses said …": people, if unnamed
    return has_channel(report, att, words if words is not None else att.content)
