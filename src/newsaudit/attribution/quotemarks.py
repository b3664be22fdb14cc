"""Quotation marks: where quoted words begin and end, read from the characters alone.

Tokenisers and parsers disagree about quote marks (spaCy attaches a closing mark to
whatever verb is nearest), so the spans are found on the raw text, one line (paragraph)
at a time, and only then matched to the parse. Each line is scanned once.

Conventions handled:
- curly double marks “…”, guillemets «…», low-high „…“ and straight "…"; the direction
  of a straight mark comes from its neighbours (space before = opening);
- curly single marks ‘…’ only when clearly a quotation: the opening ‘ starts a word and
  a matching ’ ends one (followed by a non-letter), never inside a double quotation, so
  apostrophes (it’s, Muslims’ rights) are not mistaken for quotes; straight single marks
  '…' the same way and only around a few words (``STRAIGHT_SINGLE_WORDS``, no sentence
  break inside): British pages and scraped text put labels and short quotations in them
  ("the 'grieving' star"), and a longer run between two apostrophes ('em ... drivers')
  is noise;
- a quotation that runs on over several paragraphs: the convention is an opening mark at
  the start of each paragraph and a closing mark only at the end of the last one, so an
  unclosed quotation followed by a paragraph that opens with a mark is one *group*; an
  unclosed quotation that is not continued runs to the end of its line only when it
  starts like a quotation (line start or after ``:`` / ``,``) and holds three words or
  more, otherwise the stray mark is ignored.
"""

from __future__ import annotations

import re
from typing import NamedTuple

DOUBLE_OPEN = frozenset("“„«")
DOUBLE_CLOSE = frozenset("”»“")  # “ closes a „ quotation (German-style pages)
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"
STRAIGHT = '"'
#: Characters after which a straight mark opens rather than closes a quotation.
_OPENING_CONTEXT = frozenset(" \t\n([{—–-/:")
_WORD = re.compile(r"\w+(?:[-’']\w+)*")
_MARKS = re.compile("[\"“”„«»‘’']")
STRAIGHT_SINGLE = "'"
#: Most words between straight single marks read as a quotation.
STRAIGHT_SINGLE_WORDS = 8
_SENTENCE_BREAK = re.compile(r"[.!?]\s+\S")
#: Words that start with an apostrophe ("rock 'n' roll", "get 'em"): no opening mark.
_ELISION = re.compile(r"(?:n|em|til|till|cause|cos|tis|twas|bout|ol|round|er)\b", re.IGNORECASE)
#: Longest single-mark quotation accepted (characters); longer ones are apostrophe noise.
SINGLE_MAX = 160
#: Trailing punctuation dropped from the quoted words: the comma of '“…,” he said' and
#: the full stop of American-style “rebels.” belong to the page's sentence, not the quote.
_TRAILING = ",;:."


class QuoteSpan(NamedTuple):
    """Quoted words ``text[start:end]`` (marks and trailing ,;:. excluded).

    ``open_at``/``close_at`` are the offsets of the marks (``close_at`` is ``None`` when the
    quotation runs on past its paragraph); ``group`` is shared by the paragraphs of one
    running quotation; ``words`` counts word tokens, for telling scare quotes apart.
    """

    start: int
    end: int
    open_at: int
    close_at: int | None
    group: int
    words: int


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and text[end - 1] in _TRAILING:
        # keep an ellipsis ("...") whole
        if not (text[end - 1] == "." and end - 2 >= start and text[end - 2] == "."):
            end -= 1
            while end > start and text[end - 1].isspace():
                end -= 1
    return start, end


def _opens_straight(line: str, i: int) -> bool:
    before = line[i - 1] if i > 0 else " "
    after = line[i + 1] if i + 1 < len(line) else " "
    return (before in _OPENING_CONTEXT or before in DOUBLE_OPEN) and not after.isspace()


def _closes_mixed(line: str, i: int) -> bool:
    before = line[i - 1] if i > 0 else " "
    after = line[i + 1] if i + 1 < len(line) else " "
    return not before.isspace() and not after.isalnum()


def _single_opens(line: str, i: int) -> bool:
    before = line[i - 1] if i > 0 else " "
    after = line[i + 1] if i + 1 < len(line) else " "
    return (before.isspace() or before in "([“\"—–-") and after.isalnum()


def _single_closes(line: str, i: int) -> bool:
    after = line[i + 1] if i + 1 < len(line) else " "
    return i > 0 and not line[i - 1].isspace() and not after.isalnum()


def _scan_line(line: str) -> tuple[list[tuple[int, int]], int | None]:
    """Closed (open, close) pairs on one line, and the offset of an unclosed opening mark."""
    pairs: list[tuple[int, int]] = []
    dbl: int | None = None
    sgl: int | None = None
    for m in _MARKS.finditer(line):  # only the marks matter: skip the words between them
        i = m.start()
        ch = line[i]
        if ch == STRAIGHT:
            if dbl is None:
                if _opens_straight(line, i):
                    dbl, sgl = i, None
            elif line[dbl] == STRAIGHT or _closes_mixed(line, i):
                # scraped text often closes a curly opening with a straight mark
                pairs.append((dbl, i))
                dbl = None
        elif ch in DOUBLE_OPEN and dbl is None:
            dbl, sgl = i, None
        elif ch in DOUBLE_CLOSE and dbl is not None and line[dbl] != STRAIGHT:
            pairs.append((dbl, i))
            dbl = None
        elif ch == "”" and dbl is None and _opens_straight(line, i):
            dbl = i  # a page that uses ” for both marks
        elif dbl is None and ch == STRAIGHT_SINGLE:
            if sgl is None:
                if (_single_opens(line, i) and line[i + 1].isalpha()
                        and not _ELISION.match(line, i + 1)):
                    sgl = i
            elif line[sgl] == STRAIGHT_SINGLE and _single_closes(line, i):
                inner = line[sgl + 1 : i]
                if (len(_WORD.findall(inner)) <= STRAIGHT_SINGLE_WORDS
                        and not _SENTENCE_BREAK.search(inner)):
                    pairs.append((sgl, i))
                sgl = None
        elif dbl is None:
            if ch == SINGLE_OPEN and sgl is None and _single_opens(line, i):
                sgl = i
            elif ch == SINGLE_CLOSE and sgl is not None and _single_closes(line, i):
                if i - sgl <= SINGLE_MAX:
                    pairs.append((sgl, i))
                sgl = None
    return pairs, dbl


def find_quotes(text: str) -> tuple[QuoteSpan, ...]:
    """Every quotation in ``text``, in order; running quotations share a ``group``."""
    out: list[QuoteSpan] = []
    group = 0
    pending: list[tuple[int, int]] = []  # unclosed parts waiting for a continuation
    pos = 0
    lines = text.split("\n")
    for line in lines:
        base = pos
        pos += len(line) + 1
        stripped = line.lstrip()
        if not stripped:
            continue
        lead = len(line) - len(stripped)
        if pending and not (stripped[0] in DOUBLE_OPEN or stripped[0] == STRAIGHT):
            _flush_unclosed(text, pending, out, group)
            pending = []
            group += 1
        pairs, unclosed = _scan_line(line)
        for open_i, close_i in pairs:
            if pending and open_i == lead:
                # the last paragraph of a running quotation
                for p_open, p_end in pending:
                    _add(text, out, p_open, p_end, None, group)
                pending = []
                _add(text, out, base + open_i, base + close_i, base + close_i, group)
                group += 1
                continue
            _add(text, out, base + open_i, base + close_i, base + close_i, group)
            group += 1
        if unclosed is not None:
            if pending and unclosed != lead:
                _flush_unclosed(text, pending, out, group)
                pending = []
                group += 1
            pending.append((base + unclosed, base + len(line)))
        elif pending:
            # a paragraph that opened with a mark but closed nothing: stray, end the run
            _flush_unclosed(text, pending, out, group)
            pending = []
            group += 1
    if pending:
        _flush_unclosed(text, pending, out, group)
    out.sort(key=lambda q: q.start)
    return tuple(out)


def _flush_unclosed(
    text: str, parts: list[tuple[int, int]], out: list[QuoteSpan], group: int
) -> None:
    """Keep an unclosed run only when it looks like a quotation rather than a stray mark."""
    if len(parts) > 1:
        for p_open, p_end in parts:
            _add(text, out, p_open, p_end, None, group)
        return
    p_open, p_end = parts[0]
    line_start = text.rfind("\n", 0, p_open) + 1
    before = text[line_start:p_open].rstrip()
    starts_like_quote = not before or before[-1] in ":,"
    if starts_like_quote and len(_WORD.findall(text, p_open + 1, p_end)) >= 3:
        _add(text, out, p_open, p_end, None, group)


def _add(
    text: str, out: list[QuoteSpan], open_at: int, end: int, close_at: int | None, group: int
) -> None:
    start, stop = _trim(text, open_at + 1, end)
    if stop > start:
        words = len(_WORD.findall(text, start, stop))
        if words:
            out.append(QuoteSpan(start, stop, open_at, close_at, group, words))
