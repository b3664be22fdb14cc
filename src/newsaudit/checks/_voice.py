"""Whose words a stretch of the page is: the page's own voice, or someone else's.

Checks about the page's own wording (loaded language, name calling, scare quotes) must
not blame the page for what it quotes, reprints or attributes. They share this one
definition, so a stretch is someone else's for all of them or for none:

- a quotation in marks, including one that runs over several lines (pages that put each
  sentence on a line of its own close a long quotation lines after they open it, in
  curly or straight marks), one whose paragraphs each open with a mark of their own and
  only the last closes, even when the page ran the paragraphs into one line ("… the
  following: “(A) … “(B) … .”"), one with quotations nested inside it («… the most
  «progressive» people …»), and a short phrase in straight single marks ('horrific');
- the content of an attributed statement (reported speech, "according to", ...);
- an embedded post: the text above a "— Name (@handle) Month D, YYYY" signature;
- a transcript: lines led by speaker labels ("Q:", "A:", "SMITH:", "JANE ROE, MAYOR OF
  SPRINGFIELD:") and the answers that run on after them;
- text a colon introduces as someone's: "he said:", "the statement reads:", "Some of
  his quotes:" take the next paragraph, and so does a speech verb's line left open by a
  comma ("The mayor said in a statement Tuesday,"); an excerpt credited to a publication ("RT
  reports:", "..., by Jane Roe, Daily Planet, May 1, 2018:") runs to the end of the
  article.

:func:`voice_of` builds this once per report; :class:`Voice` answers for any offsets.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from newsaudit.attribution.quotemarks import find_quotes
from newsaudit.datafiles import load_json
from newsaudit.model import ARTICLE_KINDS, Report
from newsaudit.offsets import Ranges

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
#: "— Donald J. Trump (@realDonaldTrump) October 18, 2018": how an embedded post signs off.
_POST_SIGNATURE = re.compile(
    rf"[—–-]\s*[^\n()—–]{{1,80}}?\(@\w{{1,30}}\)\s*(?:{_MONTHS})\.?\s+\d{{1,2}},\s*\d{{4}}"
)
#: A post is at most 280 characters; links and a picture address add a few dozen.
_POST_MAX = 330
#: "Q:", "A:", "BACON Q:", "GILANI:", "JANE ROE, MAYOR OF SPRINGFIELD:": a transcript's
#: speaker labels (upper case or Q/A; a name may carry its title after a comma).
_SPEAKER_LABEL = re.compile(
    r"[ \t]*(?:[A-Z][A-Z'’.-]+,?[ \t]+){0,6}(?:Q|A|QUESTION|ANSWER|[A-Z][A-Z'’.-]{2,})[ \t]*:[ \t]"
)
#: Lines after a transcript's last label that still answer it (first or second person,
#: also opening a sentence: "You are so good."; "US" the country is not "us").
_DIALOGUE = re.compile(r"\b(?:I|I'm|I’m|[Mm]e|[Mm]y|[Ww]e|[Uu]s|[Oo]ur|[Yy]ou|[Yy]our)\b")
_TRANSCRIPT_GAP = 8  # lines between two labels of one transcript
_RUN_ON = 3  # lines a last answer may run on
#: Double quotation marks: curly ones and guillemets, whose direction is never ambiguous,
#: and straight ones, whose direction their neighbours give.
_DOUBLE_MARKS = re.compile('[“”«»"]')
_OPENERS = "“«"
_CLOSERS = "”»"
#: What a straight mark opens after ("(", a dash, a colon, a space or the line's start).
_OPENING_CONTEXT = frozenset(" \t\n([{—–-/:")
#: What ends the paragraph of a running quotation before the next one's opening mark.
_PARAGRAPH_END = frozenset(".!?…:")
_MULTILINE_MAX = 1500  # characters a quotation may run over several lines
_STRAIGHT_SINGLE = re.compile(r"(?<![\w'’])'([A-Za-z][A-Za-z -]{0,40}[A-Za-z])'(?![\w'’])")
#: Quotations of up to this many words may be labels; longer ones are someone's statement.
_SHORT_QUOTE = 4
_WORDS = re.compile(r"\w+")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


@lru_cache(maxsize=1)
def _cues() -> dict[str, frozenset[str]]:
    verbs = load_json("attribution.json")["reporting_verbs"]["lemmas"]
    raw = load_json("voice.json")
    return {
        "speech": frozenset(verbs) | frozenset(raw["speech_lemmas"]),
        "excerpt": frozenset(raw["excerpt_lemmas"]),
        "people": frozenset(raw["people_nouns"]),
        "suffixes": frozenset(raw["people_suffixes"]),
    }


#: Entity types that are people or groups of people.
_PEOPLE_ENTS = frozenset({"PERSON", "NORP", "ORG", "GPE"})


def names_someone(head: Token) -> bool:
    """Whether a noun phrase with this head names a person or a group: a person,
    nationality, organisation or country to the parser, or a noun for people
    (voice.json), so that a label on it labels someone."""
    if head.ent_type_ in _PEOPLE_ENTS:
        return True
    cues = _cues()
    low, lemma = head.lower_, head.lemma_.lower()
    if low in cues["people"] or lemma in cues["people"]:
        return True
    return len(low) > 5 and any(low.endswith(x) for x in cues["suffixes"])


@dataclass(frozen=True)
class Voice:
    """The stretches of a page that are someone else's words (sorted, merged), and the
    normalised text of what the page's speakers say, for telling whether a word is theirs."""

    others: tuple[tuple[int, int], ...]
    #: quotations of several words, posts, transcripts and introduced blocks: stretches a
    #: short quoted word can sit inside
    blocks: tuple[tuple[int, int], ...]
    spoken: tuple[tuple[int, int], ...]
    text: str

    def overlaps(self, start: int, end: int) -> bool:
        """Whether any of ``[start, end)`` is someone else's words."""
        i = bisect_right(self.others, (start, float("inf"))) - 1
        for s, e in self.others[max(i, 0) : i + 2]:
            if s < end and start < e:
                return True
        return False

    def owns(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` is wholly the page's own voice."""
        return not self.overlaps(start, end)

    def share(self, start: int, end: int) -> float:
        """The share of ``[start, end)`` that is someone else's words."""
        if end <= start:
            return 0.0
        k = max(bisect_right(self.others, (start, float("inf"))) - 1, 0)
        inside = 0
        for s, e in self.others[k:]:
            if s >= end:
                break
            inside += max(0, min(e, end) - max(s, start))
        return inside / (end - start)

    def block_share(self, start: int, end: int) -> float:
        """The share of ``[start, end)`` inside the blocks (which overlap: a quotation is
        found line by line and as a running one, so they are merged first)."""
        if end <= start:
            return 0.0
        inside = sum(max(0, min(e, end) - max(s, start))
                     for s, e in _merge(sorted(self.blocks)))
        return inside / (end - start)

    def in_block(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` sits inside a longer quotation, a post, a transcript or
        a block someone else's words fill."""
        return any(s <= start and end <= e and (s, e) != (start, end) for s, e in self.blocks)

    def said_elsewhere(self, words: str, skip: list[tuple[int, int]]) -> bool:
        """Whether someone on the page says ``words`` (as whole words, any case): inside a
        quotation, a reprinted block or an attributed statement of more words than
        ``words``, at a place that is none of the ``skip`` spans (the occurrences being
        asked about)."""
        parts = re.findall(r"\w+", words)
        if not parts:
            return False
        pattern = re.compile(
            r"(?<!\w)" + r"\W+".join(map(re.escape, parts)) + r"(?!\w)", re.IGNORECASE
        )
        for s, e in self.spoken:
            if len(_WORDS.findall(self.text, s, e)) <= len(parts):
                continue  # the same short quotation again: the same marks, not a speaker
            for m in pattern.finditer(self.text, s, e):
                if not any(a < m.end() and m.start() < b for a, b in skip):
                    return True
        return False


_CACHE: dict[int, tuple[Report, Voice]] = {}


def voice_of(report: Report) -> Voice:
    """The :class:`Voice` of ``report``, built once however many checks ask."""
    hit = _CACHE.get(id(report))
    if hit is not None and hit[0] is report:
        return hit[1]
    built = _build(report)
    if len(_CACHE) >= 8:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[id(report)] = (report, built)
    return built


def _build(report: Report) -> Voice:
    text = report.document.text
    quotes = [(q.start, q.end) for q in find_quotes(text)]
    quotes += list(_running_quotes(text))
    quotes += [(m.start(1), m.end(1)) for m in _STRAIGHT_SINGLE.finditer(text)]
    attributed: list[tuple[int, int]] = []
    for a in report.attributions:
        if a.content is None:
            continue
        attributed.append((a.content.start, a.content.end))
    blocks = list(_posts(text)) + list(_transcripts(text)) + list(_introduced(report))
    ranges = sorted(quotes + attributed + blocks)
    # What speakers say on the page: quotations, reprinted blocks and the content of
    # attributed statements. A reported statement may paraphrase, but the page has put its
    # wording on the speaker ("the archdiocese said the story was a hoax"): the same word
    # later ("the hoax spread") echoes them. On the judged dev pages this removed or
    # demoted 7 false and 2 debatable warnings and no true one; labels on people
    # (_labels.py) never ask.
    spoken = quotes + blocks + attributed
    blocks += [r for r in quotes if len(text[r[0] : r[1]].split()) > _SHORT_QUOTE]
    return Voice(
        tuple(_merge(ranges)), tuple(sorted(set(blocks))), tuple(sorted(set(spoken))), text
    )


def _merge(ranges: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    cur: tuple[int, int] | None = None
    for s, e in ranges:
        if e <= s:
            continue
        if cur is not None and s <= cur[1]:
            cur = (cur[0], max(cur[1], e))
            continue
        if cur is not None:
            yield cur
        cur = (s, e)
    if cur is not None:
        yield cur


def _opens_statement(text: str, start: int) -> bool:
    """Whether the line at ``start`` opens with a capital or an opening quotation mark."""
    first = text[start:start + 40].lstrip()[:1]
    return first.isupper() or first in "“\"«‘'"


def _running_quotes(text: str) -> Iterator[tuple[int, int]]:
    """Quotations :func:`find_quotes` reads line by line and so cuts short.

    Within a paragraph the marks are read as a stack: an opening mark inside an open
    quotation nests («… the most «progressive» people …»), unless it follows the end of a
    sentence, where it opens the next paragraph of a quotation the page ran into one line
    ("the following: “(A) … . “(B) … .”"); the outermost quotation ends at the mark that
    closes it. A quotation left open at a paragraph's end runs on to the next double
    mark if that mark closes it (pages that put each sentence on a line of its own close a
    long quotation lines later); any other mark, or more than :data:`_MULTILINE_MAX`
    characters, makes it a stray mark."""
    pending: int | None = None  # an opening mark left open at the end of its paragraph
    for base, end in _lines(text):
        stack: list[int] = []
        for m in _DOUBLE_MARKS.finditer(text, base, end):
            i = m.start()
            opens = _opens(text, i)
            if pending is not None:
                if not opens and i - pending <= _MULTILINE_MAX:
                    yield pending + 1, i
                    pending = None
                    continue
                pending = None
            if opens:
                if stack and _after_sentence(text, i):
                    yield stack[0] + 1, i  # one paragraph of a running quotation
                    stack = []
                stack.append(i)
            elif stack:
                opened = stack.pop()
                if not stack:
                    yield opened + 1, i
        if len(stack) == 1:
            pending = stack[0]
        elif stack:
            pending = None  # several marks left open: strays, not one long quotation


def _opens(text: str, i: int) -> bool:
    """Whether the double mark at ``i`` opens a quotation: “ and « do unless they end a
    word ("Relations“," closes, as „…“ pages and slips of the keyboard do); a straight
    mark does after a space, a bracket, a dash or the line's start, before a word."""
    ch = text[i]
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch in _OPENERS:
        return before.isspace() or before in _OPENING_CONTEXT or before in _OPENERS \
            or after.isalnum()
    if ch in _CLOSERS:
        return False
    return (before in _OPENING_CONTEXT or before in _OPENERS) and not after.isspace()


def _after_sentence(text: str, i: int) -> bool:
    """Whether the mark at ``i`` follows the end of a sentence (or a line's start): where
    a running quotation's next paragraph opens."""
    j = i - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j < 0 or text[j] == "\n" or text[j] in _PARAGRAPH_END


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _posts(text: str) -> Iterator[tuple[int, int]]:
    """Each embedded post: its signature's line, and the paragraph before it when the
    signature starts a line of its own (how extracted embeds lay a post out)."""
    lines = [(s, e) for s, e in _lines(text)]
    starts = [s for s, _ in lines]
    for m in _POST_SIGNATURE.finditer(text):
        k = bisect_right(starts, m.start()) - 1
        start = lines[k][0]
        if not text[start : m.start()].strip():
            j = k - 1
            while j >= 0 and lines[j][1] <= lines[j][0]:
                j -= 1  # blank lines between the post and its signature
            if j >= 0 and m.start() - lines[j][0] <= _POST_MAX:
                start = lines[j][0]
        yield max(start, m.start() - _POST_MAX), m.end()


def _transcripts(text: str) -> Iterator[tuple[int, int]]:
    """Runs of lines led by speaker labels, with the last answer's run-on lines."""
    lines = _lines(text)
    labelled = [i for i, (s, e) in enumerate(lines) if _SPEAKER_LABEL.match(text, s, e)]
    runs: list[list[int]] = []
    for i in labelled:
        if runs and i - runs[-1][-1] <= _TRANSCRIPT_GAP:
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        if len(run) < 2:
            continue
        last = end = run[-1]
        for j in range(last + 1, min(len(lines), last + _RUN_ON + 1)):
            s, e = lines[j]
            if e > s:
                if not _DIALOGUE.search(text, s, e):
                    break
                end = j
        yield lines[run[0]][0], lines[end][1]


def _introduced(report: Report) -> Iterator[tuple[int, int]]:
    """Paragraphs a colon (or a speech verb's trailing comma) hands to someone else: the
    next one after "he said:" or "… said in a statement Tuesday,", the rest of the article
    after an excerpt's credit ("RT reports:")."""
    text = report.document.text
    article = sorted(
        (s.start, s.end) for s in report.segments if s.kind in ARTICLE_KINDS
    )
    if not article:
        return
    body_end = article[-1][1]
    cues = _cues()
    paras = [(s, e) for s, e in _lines(text) if text[s:e].strip()]
    for k, (s, e) in enumerate(paras[:-1]):
        line = text[s:e].rstrip()
        if not line.endswith((":", ",")) or not any(a <= s < b for a, b in article):
            continue
        lead = line[:-1].split()[-8:]
        words = [w.strip(".,;()“”\"'’").lower() for w in lead]
        stems = {f for w in words for f in _forms(w)}
        nxt = paras[k + 1]
        credit = stems & cues["excerpt"] or (_YEAR.search(line) and "by" in words)
        if line.endswith(":") and credit:
            yield nxt[0], max(body_end, nxt[1])
        elif stems & cues["speech"] and (line.endswith(":") or _opens_statement(text, nxt[0])):
            # "he said:", and a speech verb's line a comma leaves open ("The mayor said
            # in a statement Tuesday,") when the next line opens a statement of its own
            # (a capital or a quotation mark; a lower-case line just continues the
            # sentence a fixed-width wrap broke: "The mayor, who said …," / "has cut …")
            yield nxt


_IRREGULAR = {"said": "say", "wrote": "write", "written": "write", "told": "tell",
              "spoke": "speak", "spoken": "speak"}


def _forms(word: str) -> set[str]:
    """The lemmas a word may be a form of (says -> say, tweeted -> tweet, writes ->
    write): the cue lists are matched against all of them."""
    forms = {word, _IRREGULAR.get(word, word)}
    for suffix, repl in (("s", ""), ("es", ""), ("ed", ""), ("d", ""), ("ing", ""),
                         ("ing", "e")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            forms.add(word[: -len(suffix)] + repl)
    return forms


def article_sentences(report: Report, doc: Doc) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each sentence of the headline, standfirst and body, clipped to
    its segment: the stretches whose wording is the article's own to judge."""
    for seg in report.segments:
        if seg.kind not in ARTICLE_KINDS:
            continue
        seg_span = doc.char_span(seg.start, seg.end, alignment_mode="expand")
        if seg_span is None:
            continue
        # Span.sents is real (spacy/tokens/span.pyx, spaCy >= 3.0); span.pyi just omits it.
        for sent in seg_span.sents:  # type: ignore[attr-defined]
            yield max(sent.start_char, seg.start), min(sent.end_char, seg.end)


def others_words(report: Report) -> Ranges:
    """Character ranges that are someone else's words (see the module docstring)."""
    return Ranges(voice_of(report).others)


def overlaps_any(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    if isinstance(ranges, Ranges) and len(ranges) == len(ranges.starts):
        return ranges.overlaps(start, end)
    return any(s < end and start < e for s, e in ranges)
