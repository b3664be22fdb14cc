"""Gold labels for an HTML page's lines: what each laid-out line is, for the layout corpus.

Labels come from two sources that check each other. Which lines are the article body is
taken from a *body oracle*: the benchmark's hand-checked ``articleBody`` (Scrapinghub), or
trafilatura's precision-mode extraction corrected by the page's must-have and must-not-have
snippets (trafilatura-eval). Everything else is named by the markup zone of the line
(:mod:`newsaudit.ingest.blocks`), read in the light of where the article is:

* the headline is the ``<h1>`` (or headline-marked line) that matches the page's title,
  nearest before the body, and it is the headline even when the body oracle's text holds
  it (trafilatura keeps the title's ``<h1>`` as its first paragraph) or a caption or
  kicker it took comes a few lines before it; without a title, the last ``<h1>`` before
  the body;
* a byline, date or caption counts only in the article's region (from a few lines above
  the headline to just after the body): the same marks on teaser cards and other stories
  are furniture;
* a comment item's first line starts a comment; a comment section's own heading
  ("3 Comments") is boilerplate, as in plain text;
* an unmarked line outside the article that is mostly link text of four words or more is
  a related-story link; other unmarked lines there are boilerplate.

A short unmarked line is body when one extracted paragraph holds it run on with a body
line beside it (a heading's counter in a block of its own). Body text that appears twice
on a page (a standfirst repeated in a teaser) is body only in the main cluster of body
lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from newsaudit.datasets import scrapinghub, trafilatura_eval
from newsaudit.ingest.blocks import Block, page_blocks
from newsaudit.ingest.regions import (
    appeal_line,
    label_line,
    lead_in_line,
    page_url,
    site_host,
    teaser_line,
)
from newsaudit.ingest.title import page_title, title_key

#: Zones that are furniture whatever the body oracle says about a short line in them.
_FURNITURE = {"nav": "boilerplate", "share": "boilerplate", "promo": "boilerplate",
              "tags": "boilerplate", "gallery": "boilerplate", "related": "related",
              "form": "form"}
#: Lines of non-body text between two body lines beyond which they are separate clusters.
_CLUSTER_GAP = 12
#: A cluster of body lines is kept when it holds at least this share of the largest one's
#: characters (an article split by a gallery or an advert is still one article).
_CLUSTER_SHARE = 0.15
#: How far (in lines) the article's region reaches above the headline and below the body.
_ABOVE, _BELOW = 4, 6
#: How many lines into the body the title's heading may still be the headline: a photo
#: caption, a kicker or a date line the body oracle took can come before it.
_HEAD_AFTER = 4
#: A line between two body lines that the body oracle left out is taken back as body from
#: this length on: shorter ones there are credits, bylines and labels as often as text.
_DROPPED_MIN = 25

_WS_RE = re.compile(r"\s+")
_WORD_RE = re.compile(r"\w+")


def norm(s: str) -> str:
    return _WS_RE.sub(" ", s).strip()


@dataclass(frozen=True, slots=True)
class Labelled:
    """A line with its gold kind; ``start`` is True on the first line of a comment."""

    text: str
    kind: str
    start: bool = False


class BodyOracle:
    """Says whether a line is article body: it is in the article text, whole or as a part.

    The article text is read with its paragraph breaks as spaces: an extractor breaks a
    paragraph wherever its source text does (trafilatura splits a ``<p>`` at each newline
    inside it), and the page's line is the whole paragraph."""

    def __init__(self, paragraphs: Sequence[str], *, must: Sequence[str] = (),
                 must_not: Sequence[str] = ()) -> None:
        # trafilatura's text writes a list item as "- item": the page's line is "item".
        self.paragraphs = {norm(p) for p in paragraphs if norm(p)} | {
            norm(p)[2:] for p in paragraphs if norm(p).startswith("- ") and norm(p)[2:].strip()}
        # It writes a table row as "| a | b |": the page's lines are the cells "a", "b".
        self.paragraphs |= {c for p in paragraphs if norm(p).startswith("|")
                            for c in (norm(x) for x in norm(p).split("|")) if c}
        self.text = " ".join(norm(p) for p in paragraphs)
        self.must = [norm(s) for s in must if len(norm(s)) >= 4]
        self.must_not = [norm(s) for s in must_not if len(norm(s)) >= 4]
        #: Must-not snippets that the page prints on more than one line (set by
        #: :func:`label_blocks`): which copy the annotator meant is not known.
        self.repeated: set[str] = set()

    def __call__(self, line: str) -> bool:
        t = norm(line)
        if not t:
            return False
        if self.ruled_out(t):
            return False
        if any(s in t for s in self.must):
            return True
        if t in self.paragraphs:
            return True
        # A short line ("Advertisement", "Share") inside a long paragraph is no evidence.
        return len(t) >= 25 and t in self.text

    def ruled_out(self, line: str) -> bool:
        """Whether a must-not snippet rules ``line`` out: it is in the line, and either
        the page prints it nowhere else or it is half of the line at least. A snippet the
        page repeats ("Hunderassen" in the menu) that is a few words of a long paragraph
        holding a must snippet too says nothing about that paragraph."""
        t = norm(line)
        hits = [s for s in self.must_not if s in t]
        if not hits:
            return False
        if not any(s in t for s in self.must):
            return True
        return any(s not in self.repeated or 2 * len(s) >= len(t) for s in hits)

    def in_paragraph(self, text: str) -> bool:
        """Whether one extracted paragraph holds ``text`` (and no must-not snippet does)."""
        t = norm(text)
        return not self.ruled_out(t) and any(t in p for p in self.paragraphs)


def _clusters(flags: list[bool], blocks: Sequence[Block]) -> list[bool]:
    idx = [i for i, f in enumerate(flags) if f]
    if not idx:
        return flags
    groups: list[list[int]] = [[idx[0]]]
    for i in idx[1:]:
        if i - groups[-1][-1] > _CLUSTER_GAP:
            groups.append([i])
        else:
            groups[-1].append(i)
    size = [sum(len(blocks[i].text) for i in g) for g in groups]
    best = max(size)
    keep = {i for g, n in zip(groups, size, strict=True) if n >= _CLUSTER_SHARE * best for i in g}
    return [i in keep for i in range(len(flags))]


def _title_match(line: str, title: str, *, heading: bool = False) -> bool:
    """Whether ``line`` prints the page's ``title``: compared free of case and punctuation
    ("„Quote“" is the page's "Quote"), whole or as most of it. A heading also
    matches when one starts with the other and the shorter has three words or more: an
    ``<h1>`` that prints the title with its dek, or the part of a title before its "–
    question?"."""
    a, b = title_key(line), title_key(title)
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 0.6 * len(long_) and short in long_:
        return True
    return heading and len(short.split()) >= 3 and long_.startswith(short + " ")


def label_blocks(
    blocks: Sequence[Block],
    body: BodyOracle,
    *,
    title: str | None = None,
    comments: Sequence[str] = (),
    url: str = "",
) -> list[Labelled]:
    """The gold kind of every line (see the module docstring); ``url`` is the page's own
    address, which tells a teaser of the site's other stories from a cited source."""
    n = len(blocks)
    comment_snips = [norm(c) for c in comments if len(norm(c)) >= 8]
    texts = [norm(b.text) for b in blocks]
    body.repeated = {s for s in body.must_not if sum(s in t for t in texts) >= 2}

    said = [body(t) for t in texts]
    host = site_host(url)
    # A teaser is looked for only among the oracle's lines (a site menu is a list of the
    # site's links too, and its markup names it).
    teaser = [said[i] and teaser_line(b, texts[i], host) for i, b in enumerate(blocks)]
    # ... and the lead-in of a list of them ("Read also:").
    teaser = [t or (said[i] and lead_in_line(texts[i]) and i + 1 < n and teaser[i + 1]
                    and blocks[i + 1].tag == "li") for i, t in enumerate(teaser)]

    def run_on(i: int) -> bool:
        """An unmarked short line that one extracted paragraph holds run on with a
        neighbouring body line: a heading's counter in a block of its own ("2" / "Sauna by
        the lake"), a reference's number, a paragraph the page broke after a short lead."""
        return blocks[i].zone == "" and (
            (i + 1 < n and said[i + 1] and body.in_paragraph(f"{texts[i]} {texts[i + 1]}"))
            or (i > 0 and said[i - 1] and body.in_paragraph(f"{texts[i - 1]} {texts[i]}")))

    is_body = [
        b.zone not in ("comment", "comments") and (said[i] or run_on(i))
        and not (b.zone in _FURNITURE and len(b.text) < 60)
        for i, b in enumerate(blocks)
    ]
    is_body = _clusters(is_body, blocks)
    # A picture credit or an ad label ("Foto: Jane Roe", "Anzeige"), an appeal linking to
    # a subscription or donation page, or a teaser of the site's other stories, is no
    # article line even where the oracle's text holds it (taken out after the article's
    # cluster is found: a list of teasers does not split the article in two).
    is_body = [f and not label_line(texts[i]) and not appeal_line(blocks[i], texts[i])
               and not teaser[i] for i, f in enumerate(is_body)]
    # A paragraph the extractor dropped from the middle of the article: an unmarked line of
    # prose, not mostly a link, of the same block tag as the body lines on both sides of it,
    # which no must-not snippet rules out (precision mode drops a paragraph with a link or
    # two in it).
    is_body = [f or (0 < i < n - 1 and is_body[i - 1] and is_body[i + 1]
                     and blocks[i].zone == "" and len(texts[i]) >= _DROPPED_MIN
                     and blocks[i].link_share < 0.5 and not _cue(texts[i])
                     and not label_line(texts[i]) and not appeal_line(blocks[i], texts[i])
                     and not body.ruled_out(texts[i])
                     and blocks[i].tag in (blocks[i - 1].tag, blocks[i + 1].tag))
               for i, f in enumerate(is_body)]
    body_idx = [i for i, f in enumerate(is_body) if f]
    first = body_idx[0] if body_idx else n
    head = _headline(blocks, first, title)
    if head is not None and is_body[head]:
        # The page's title is its headline even where the oracle's text holds it.
        is_body[head] = False
        body_idx.remove(head)
        first = body_idx[0] if body_idx else n
    last = body_idx[-1] if body_idx else n

    top = max(0, (head if head is not None else first) - _ABOVE)
    region = range(top, min(n, last + _BELOW + 1))

    kinds: list[str] = []
    starts: list[bool] = []
    prev_item = 0
    for i, b in enumerate(blocks):
        start = False
        in_comment_snip = any(s in norm(b.text) or norm(b.text) in s for s in comment_snips
                              if len(norm(b.text)) >= 8)
        if is_body[i]:
            kind = "body"
        elif i == head:
            kind = "headline"
        elif teaser[i]:
            kind = "related"
        elif b.zone == "comment" or in_comment_snip:
            kind = "comment"
            start = b.item != prev_item or b.item == 0 and (not kinds or kinds[-1] != "comment")
        elif b.zone == "comments":
            kind = "boilerplate"
        elif b.zone in _FURNITURE:
            kind = _FURNITURE[b.zone]
        elif i in region and (head is None or i > head) and i < first and (
            b.zone == "standfirst"
        ):
            kind = "standfirst"
        elif i in region and b.zone in ("byline", "date"):
            kind = "byline" if b.zone == "byline" else "dateline"
        elif i in region and b.zone in ("", "headline", "standfirst") and _cue(b.text):
            kind = _cue(b.text)
        elif i in region and b.zone == "caption":
            kind = "caption"
        elif b.zone in ("caption", "byline", "date", "standfirst", "headline"):
            kind = "related" if b.link_share >= 0.5 else "boilerplate"
        elif i not in region and b.link_share >= 0.6 and len(_WORD_RE.findall(b.text)) >= 4:
            kind = "related"
        else:
            kind = "boilerplate"
        if kind == "comment":
            prev_item = b.item
        kinds.append(kind)
        starts.append(start)
    return [Labelled(b.text, k, s) for b, k, s in zip(blocks, kinds, starts, strict=True)]


def _cue(text: str) -> str:
    """A byline or date line by its words, for header lines whose markup says nothing."""
    from newsaudit.line_cues import looks_like_byline, looks_like_dateline

    if looks_like_dateline(text) or norm(text).casefold().rstrip(":") in _DATE_WORDS:
        return "dateline"
    if looks_like_byline(text):
        return "byline"
    return ""


_DATE_WORDS = frozenset({"updated", "published", "posted", "last updated", "modified"})


def _headline(blocks: Sequence[Block], first: int, title: str | None) -> int | None:
    """Index of the headline line: the title's heading nearest before the body or opening
    it (trafilatura keeps an article's ``<h1>`` as its first paragraph), else one a few lines
    into the body (a photo caption or a kicker the body oracle took comes first); then any
    line that prints the title; without one, the last ``<h1>`` before the body."""
    n = len(blocks)
    if title:
        opening = range(min(first, n - 1), -1, -1)
        near = (*opening, *range(first + 1, min(n, first + _HEAD_AFTER + 1)))
        # The title itself first; a heading that only starts like it ("Loans" before
        # "Loans - fast and online") is the headline only when no heading is the title.
        for heading in (False, True):
            for i in near:
                b = blocks[i]
                if (b.heading in (1, 2) or b.zone == "headline") and _title_match(
                        b.text, title, heading=heading):
                    return i
        for i in opening:
            if _title_match(blocks[i].text, title) and blocks[i].zone not in _FURNITURE:
                return i
    before = range(min(first, n) - 1, -1, -1)
    for i in before:
        if blocks[i].heading == 1 and blocks[i].zone not in _FURNITURE:
            return i
    for i in before:
        if blocks[i].zone == "headline":
            return i
    return None


# --------------------------------------------------------------------------- dataset pages
#
# Each dataset gives its own body oracle: Scrapinghub its hand-checked ``articleBody``;
# trafilatura-eval trafilatura's precision-mode extraction, overruled by the page's
# ``with`` (must be in the article) and ``without`` (must not) snippets, with its
# ``comments`` snippets marking reader comments.

#: Pages with fewer laid-out lines than this, or no body line, say nothing about layout.
_MIN_LINES = 5
#: Pages larger than this are mostly archives and directories; they swamp the corpus.
_MAX_BLOCKS = 1500


@dataclass
class LabelledHtml:
    """An HTML page, its blocks, their gold labels and the page's title."""

    blocks: list[Block]
    labels: list[Labelled]
    title: str | None
    html: str


def _label(html: str, body: BodyOracle, article: list[str], *, comments: tuple[str, ...] = (),
           title_hint: str | None = None) -> LabelledHtml | None:
    from newsaudit.ingest.html import _clean_tree

    try:
        tree = _clean_tree(html)
    except Exception:  # lxml refuses a few broken pages outright; they are skipped
        return None
    blocks = page_blocks(tree, article=article)
    if len(blocks) < _MIN_LINES or len(blocks) > _MAX_BLOCKS:
        return None
    title = title_hint or page_title(tree, [b.text for b in blocks])
    labels = label_blocks(blocks, body, title=title, comments=comments, url=page_url(tree))
    if not any(lab.kind == "body" for lab in labels):
        return None
    return LabelledHtml(blocks, labels, title, html)


def label_scrapinghub(item: scrapinghub.Item) -> LabelledHtml | None:
    """A benchmark page labelled against its hand-checked body."""
    paragraphs = [p for p in item.truth.split("\n") if p.strip()]
    return _label(scrapinghub.read_html(item.path), BodyOracle(paragraphs), paragraphs)


def label_trafilatura_eval(root: Path, entry: trafilatura_eval.Entry) -> LabelledHtml | None:
    """A trafilatura-eval page labelled against trafilatura's extraction and its snippets."""
    import trafilatura

    html = trafilatura_eval.read_page(root, entry.file)
    try:
        text = trafilatura.extract(html, favor_precision=True, include_comments=False,
                                   include_tables=True) or ""
    except Exception:  # trafilatura fails on a few malformed pages: no oracle, no page
        return None
    paragraphs = [p for p in text.split("\n") if p.strip()]
    oracle = BodyOracle(paragraphs,
                        must=[s for s in entry.with_snippets if s not in entry.comments],
                        must_not=entry.without_snippets)
    return _label(html, oracle, paragraphs, comments=entry.comments, title_hint=entry.title)
