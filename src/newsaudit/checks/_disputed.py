"""Where a body leaves open what its headline states as fact.

A headline can state a deed or a cause that the body gives only as one side's word: as
an accusation ("prosecutors charged the mayor with accepting …", which the carriers of
:mod:`._carriers` read as a hedge), as an account the other side denies ("Police denied
using live ammunition"), or as a question still open ("It is too early to say what
caused the river to rise"). ``headline_unsupported`` asks this module for the body's
words that show the last two; the words themselves are data (``checks.json``,
``headline_reading``: ``accusations``, ``denials``, ``undetermined``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from newsaudit.checks._carriers import Carrier, body_ranges, trimmed
from newsaudit.checks._headline import Headline, content_stems, lexicon, phrase_hits, stem
from newsaudit.checks._sources import same_source
from newsaudit.model import Report, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["cause_left_open", "denial_near"]

#: How many sentences from the account a headline rests on a denial of it may stand: a
#: wire story gives the other side's answer in the next paragraph or two; a denial further
#: down is of something else the story recalls.
_DENIAL_REACH = 4
#: Adverbs by which a page gives a denial as a side's standing position, not its answer to
#: this account: background.
_HABIT = frozenset({"always", "repeatedly", "consistently", "long", "routinely", "previously"})
#: The stem of "cause" (noun or verb), the word an unsettled phrase must stand with.
_CAUSE = "caus"


def _has_phrase(words: Sequence[str], phrases: Iterable[tuple[str, ...]]) -> bool:
    return next(phrase_hits(words, phrases), None) is not None


def cause_left_open(report: Report, doc: Doc) -> Span | None:
    """The first body sentence that says a matter is open ("too early to say",
    "investigating whether") or that a cause is ("The cause has not been determined",
    "the cause is under investigation")."""
    lex = lexicon()
    in_body = body_ranges(report)
    for sent in doc.sents:
        if not in_body.holds(sent.start_char):
            continue
        words = [t.lower_ for t in sent]
        cause = any(stem(w) == _CAUSE for w in words)
        if _has_phrase(words, lex["open"]) or (cause and _has_phrase(words, lex["unsettled"])):
            return trimmed(report.document.text, sent.start_char, sent.end_char)
    return None


def denial_near(report: Report, doc: Doc, h: Headline, found: Sequence[Carrier]) -> Span | None:
    """A body sentence near the account the headline rests on, in which a party that
    account is not from denies it: a denial verb, not negated, with a subject ("the
    ministry denied that its forces had targeted the hospital", "Police denied using live
    ammunition", "The military denied responsibility"), whose clause repeats one of the
    headline's content words or whose object names the claim itself. A denial far from
    that account, or one the page gives as a habit ("has always denied"), is background:
    another attack, another allegation."""
    lex = lexicon()
    denials, claims = lex["denials"], lex["claim_nouns"]
    voices = [c.attribution.source.text for c in found
              if c.attribution is not None and c.attribution.source.text]
    near = [(c.sentence.start, c.sentence.end) for c in found if c.attribution is not None]
    if not near:
        return None
    in_body = body_ranges(report)
    text = report.document.text
    sents = [s for s in doc.sents if in_body.holds(s.start_char)]
    at = [k for k, s in enumerate(sents)
          if any(lo < s.end_char and s.start_char < hi for lo, hi in near)]
    for k, sent in enumerate(sents):
        if not any(abs(k - j) <= _DENIAL_REACH for j in at):
            continue
        for t in sent:
            if t.pos_ != "VERB" or t.lemma_.lower() not in denials:
                continue
            if any(c.dep_ == "neg" or c.lower_ in _HABIT for c in t.children):
                continue  # "does not deny", "has always denied"
            subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None:
                continue
            who = text[subj.left_edge.idx : subj.right_edge.idx + len(subj.right_edge)]
            if any(same_source(who, v) for v in voices):
                continue  # a source qualifying its own account
            # what is denied: a clause ("denied that its forces had fired", "denied
            # using live rounds") about the headline's matter, or the claim itself
            # ("denied responsibility"); not a thing refused ("rejected the offer")
            clause = [w for c in t.children if c.dep_ in ("ccomp", "xcomp", "pcomp")
                      for w in c.subtree]
            thing = [c for c in t.children if c.dep_ == "dobj"]
            if (content_stems(clause) & h.stems) or any(
                c.lemma_.lower() in claims for c in thing
            ):
                return trimmed(text, sent.start_char, sent.end_char)
    return None
