"""HTML pages: the article body from trafilatura, the page's other parts from our own pass.

trafilatura is good at finding the article and drops everything else; but captions,
related links, reader comments and comment forms are part of what a reader sees, and the
audit needs them labelled (never treated as the article's claims) rather than lost. So
the page is read twice: trafilatura gives the body paragraphs and the metadata, and an
lxml pass over the same markup lifts those zones out by their usual tags and classes.
trafilatura itself runs twice, favouring recall for the body and precision for the
article's core, against which the lines only the recall pass keeps are weighed.

The analysed text is composed in reading order of the parts, each a paragraph of its own
separated by a blank line: headline, byline, date line, body, captions, related links,
comments (one segment each, its lines joined by single newlines), then the form. Any body
paragraph that repeats a zone's text (or the headline) is dropped, so nothing is counted
twice; a line the article itself repeats (a source note under each table) is kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, cast

import lxml.html
from lxml import etree

from newsaudit.anatomy import cues, line_kind, looks_like_byline
from newsaudit.errors import EmptyInput
from newsaudit.ingest.blocks import page_blocks
from newsaudit.ingest.regions import (
    Regions,
    caption_text_ok,
    hover_cards,
    in_furniture,
    page_url,
    teaser_caption,
    under_a_picture,
)
from newsaudit.ingest.title import page_title
from newsaudit.model import Document, Page, Segment, SegmentKind

# Tags whose text is never page text. A ruby annotation (``<rt>`` reading aids over
# Japanese or Chinese characters, ``<rp>`` the brackets shown only where ruby is not laid
# out) is set above its base text, not in the line: extractors drop it, and left in it
# doubles every annotated word ("痴漢（ちかん）").
_DROP_TAGS = (
    "script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas",
    "rt", "rp",
)
# Tags that end a line when their text is laid out as plain lines.
_BLOCK_TAGS = frozenset(
    "address article aside blockquote dd div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td th thead tr ul "
    "label button select textarea time br".split()
)
_WS_RE = re.compile(r"\s+")
#: Characters a reader never sees: soft hyphens (set between syllables by German and Dutch
#: sites for line breaking), zero-width spaces and joiners, a stray byte-order mark. Left in,
#: they split words ("Bevöl\u00adke\u00adrung") for every later stage.
_INVISIBLE_RE = re.compile("[\u00ad\u200b\u2060\ufeff]")

_RELATED_CLASS_RE = re.compile(
    r"related|recommend|read-?more|more-stories|also-like|jp-relatedposts|yarpp|outbrain|"
    r"taboola|more-from|further-reading|most-read|most-popular|trending",
    re.IGNORECASE,
)
_COMMENT_ITEM_CLASSES = frozenset(
    {"comment", "comment-item", "commentlist-item", "c-comment", "js-comment"}
)
_COMMENT_ID_RE = re.compile(r"^(li-)?comment-\d+$")
_COMMENT_AREA_RE = re.compile(r"^(comments|comment-list|commentlist|comments-area|disqus_thread)$")
_FORM_AREA_RE = re.compile(r"^(respond|comment-respond|commentform|comment-form)$")
#: Related-reading boxes list a handful of links; past this many lines a box is a
#: directory or archive, and the rest of it adds nothing but bulk to the analysed text.
_MAX_RELATED_LINES = 15
#: Lines pointing to other stories kept from a page's sidebars and teaser lists, in all.
_MAX_OTHER_STORIES = 300
#: Lines of the page's other forms (sign-up, log-in, consent) kept, in all.
_MAX_FORM_LINES = 80
_CAPTION_CLASS_RE = re.compile(r"caption", re.IGNORECASE)
_SEARCH_RE = re.compile(r"search", re.IGNORECASE)
_HEADING_LIKE = frozenset({"h2", "h3", "h4", "h5", "h6", "p", "strong", "span", "div"})
_CHROME = frozenset({"nav", "header", "footer"})
_BYLINE_MARK_RE = re.compile(r"byline|author", re.IGNORECASE)
#: Body paragraphs shorter than this are not evidence that an element holds the article:
#: a headline-length line also appears in related boxes and teasers.
_EVIDENCE_CHARS = 40


def _norm(s: str) -> str:
    return _WS_RE.sub(" ", _INVISIBLE_RE.sub("", s)).strip()


def _key(s: str) -> str:
    return _norm(s).casefold()


def _tokens(el: etree._Element, attr: str) -> list[str]:
    return (el.get(attr) or "").split()


def _ancestors(el: etree._Element) -> Iterator[etree._Element]:
    p = el.getparent()
    while p is not None:
        yield p
        p = p.getparent()


def _inside(el: etree._Element, claimed: set[etree._Element]) -> bool:
    return el in claimed or any(a in claimed for a in _ancestors(el))


def _in_figure(el: etree._Element) -> bool:
    """Whether an element is a figure's caption or sits in a ``<figure>``."""
    return el.tag == "figcaption" or any(a.tag == "figure" for a in _ancestors(el))


def block_lines(
    el: etree._Element, *, skip: set[etree._Element] | frozenset[etree._Element] = frozenset()
) -> list[str]:
    """An element's text as the lines a browser would lay out (block tags break lines).

    Form controls contribute what the reader sees on them: a submit button's label.
    Descendants in ``skip`` (nested replies, forms handled elsewhere) are left out.
    """
    lines: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        line = _norm("".join(buf))
        if line:
            lines.append(line)
        buf.clear()

    def walk(node: etree._Element) -> None:
        if node in skip or not isinstance(node.tag, str):
            return
        block = node.tag in _BLOCK_TAGS
        if block:
            flush()
        if node.tag == "input" and (node.get("type") or "").lower() in ("submit", "button"):
            buf.append(" " + (node.get("value") or "") + " ")
        if node.text:
            buf.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                buf.append(child.tail)
        if block:
            flush()

    walk(el)
    flush()
    return lines


def _parse(html: str) -> etree._Element:
    try:
        return lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        # lxml refuses str input with an XML encoding declaration; bytes are fine.
        return lxml.html.fromstring(html.encode("utf-8"))


def _without_hover_cards(html: str) -> str:
    """The page with its hover cards (:func:`hover_cards`) taken out, for the extractor:
    the markup as served, scripts and metadata kept, the text after each card kept."""
    tree = _parse(html)
    for card in hover_cards(tree):
        card.drop_tree()
    return str(lxml.html.tostring(tree, encoding="unicode"))


def _clean_tree(html: str) -> etree._Element:
    tree = _parse(html)
    for bad in list(tree.iter(*_DROP_TAGS, etree.Comment, etree.ProcessingInstruction)):
        if bad.getparent() is not None:
            bad.drop_tree()  # keeps the text that follows the dropped element
    for el in tree.iter():  # the markup may spell them as entities (&shy;)
        if el.text and _INVISIBLE_RE.search(el.text):
            el.text = _INVISIBLE_RE.sub("", el.text)
        if el.tail and _INVISIBLE_RE.search(el.tail):
            el.tail = _INVISIBLE_RE.sub("", el.tail)
    return tree


class _Zones:
    """Captions, related lists, reader comments and forms found in the page's markup.

    ``body`` is the article text trafilatura found. An element that holds most of it is
    the article's own container whatever its class says (``entry-content-read-more``,
    ``has-caption``, ``post-comments-open``), so it is never taken as a zone: a zone's text
    is dropped from the body, and taking the container would empty the article.
    """

    def __init__(self, tree: etree._Element, body: Sequence[str] = ()) -> None:
        self.claimed: set[etree._Element] = set()
        self._evidence = [p for p in body if len(p) >= _EVIDENCE_CHARS]
        self._half = sum(len(p) for p in self._evidence) / 2
        self.furniture_captions: list[str] = []
        self.forms = self._forms(tree)
        self.comments = self._comments(tree)
        self.teaser_captions: list[str] = []
        #: Each caption's first line, by which the page's blocks place it.
        self.caption_heads: dict[str, str] = {}
        self.captions = self._captions(tree)
        self.related = self._related(tree)
        if self.teaser_captions:
            self.related.append(self.teaser_captions)

    def _forms(self, tree: etree._Element) -> list[list[str]]:
        areas = [
            el
            for el in tree.iter()
            if isinstance(el.tag, str)
            and (
                _FORM_AREA_RE.match(el.get("id") or "")
                or any(_FORM_AREA_RE.match(t) for t in _tokens(el, "class"))
            )
        ]
        areas += list(tree.iter("form"))
        out: list[list[str]] = []
        for el in areas:
            if _inside(el, self.claimed) or not self._wanted_form(el) or self.holds_article(el):
                continue
            lines = block_lines(el)
            if lines:
                out.append(lines)
                self.claimed.add(el)
        return out

    def holds_article(self, el: etree._Element) -> bool:
        """True when ``el`` contains at least half of the article's text (long paragraphs)."""
        if not self._evidence or len(el.text_content()) < self._half:
            return False
        text = " ".join(block_lines(el))
        return sum(len(p) for p in self._evidence if p in text) >= self._half

    @staticmethod
    def _wanted_form(el: etree._Element) -> bool:
        marks = (el.get("class") or "") + " " + (el.get("id") or "")
        if el.get("role") == "search" or _SEARCH_RE.search(marks):
            return False
        if any((i.get("type") or "").lower() == "search" for i in el.iter("input")):
            return False
        if any(a.tag in ("nav", "header") for a in _ancestors(el)):
            return False
        if el.tag != "form":
            return True
        text = " ".join(block_lines(el))
        return bool(next(el.iter("textarea"), None) is not None or cues().form_re.search(text)
                    or any(_COMMENT_AREA_RE.match(a.get("id") or "") for a in _ancestors(el)))

    def _is_comment_item(self, el: etree._Element) -> bool:
        classes = set(_tokens(el, "class"))
        return bool(classes & _COMMENT_ITEM_CLASSES) or bool(
            el.tag in ("li", "article", "div") and _COMMENT_ID_RE.match(el.get("id") or "")
        )

    def _comments(self, tree: etree._Element) -> list[list[str]]:
        items = [el for el in tree.iter() if isinstance(el.tag, str) and self._is_comment_item(el)
                 and not _inside(el, self.claimed) and not self.holds_article(el)]
        item_set = set(items)
        keep: list[etree._Element] = []
        for el in items:
            nearest = next((a for a in _ancestors(el) if a in item_set), None)
            if nearest is None:
                keep.append(el)
                continue
            # A reply sits in a list inside its parent comment; anything else is a part of
            # the parent (WordPress's article.comment-body inside li.comment).
            between = []
            for a in _ancestors(el):
                if a is nearest:
                    break
                between.append(a)
            if any(a.tag in ("ol", "ul") for a in between):
                keep.append(el)
        if not keep:
            keep = [
                el
                for el in tree.iter()
                if isinstance(el.tag, str)
                and _COMMENT_AREA_RE.match(el.get("id") or "")
                and not _inside(el, self.claimed)
                and not self.holds_article(el)
            ]
        keep_set = set(keep)
        out: list[list[str]] = []
        for el in keep:
            skip = (keep_set - {el}) | self.claimed
            lines = block_lines(el, skip=skip)
            if lines:
                out.append(lines)
        self.claimed |= keep_set
        # The comment section's own heading ("2 thoughts on ...") is furniture: claim it.
        for area in tree.iter():
            if (isinstance(area.tag, str) and _COMMENT_AREA_RE.match(area.get("id") or "")
                    and not self.holds_article(area)):
                self.claimed.add(area)
        return out

    def _captions(self, tree: etree._Element) -> list[str]:
        cands = [el for el in tree.iter() if isinstance(el.tag, str) and (
            el.tag == "figcaption" or _CAPTION_CLASS_RE.search(el.get("class") or ""))
            and not self.holds_article(el)]
        cand_set = set(cands)
        out: list[str] = []
        for el in cands:
            if _inside(el, self.claimed):
                continue
            if any(d in cand_set for d in el.iterdescendants()):
                continue  # the figure wrapper: its caption child is taken instead
            lines = block_lines(el)
            text = " ".join(lines)
            if not text:
                continue
            self.caption_heads.setdefault(text, lines[0])
            # Claimed either way, so that a gallery's captions do not come back as body.
            self.claimed.add(el)
            if teaser_caption(el, text):
                # A teaser card: a picture over another story's linked title.
                self.teaser_captions.append(text)
                continue
            if in_furniture(el, self.holds_article) or not caption_text_ok(
                    text, in_figure=_in_figure(el) or under_a_picture(el)):
                self.furniture_captions.append(text)
                continue
            out.append(text)
        return out

    def _related(self, tree: etree._Element) -> list[list[str]]:
        c = cues()
        cands: list[etree._Element] = []
        for el in tree.iter():
            if not isinstance(el.tag, str) or el.tag in ("html", "body", "main", "article"):
                continue
            marks = (el.get("class") or "") + " " + (el.get("id") or "")
            if _RELATED_CLASS_RE.search(marks):
                cands.append(el)
            elif el.tag == "aside":
                # A site sidebar (archive, blogroll, widgets) is an aside too; only one that
                # announces itself as related reading is kept.
                first = block_lines(el)[:2]
                if any(_key(line).rstrip(" :»›") in c.related_headers for line in first):
                    cands.append(el)
            elif el.tag in _HEADING_LIKE and len(el) <= 2:
                key = _key(el.text_content()).rstrip(" :»›")
                if key in c.related_headers:
                    nxt = el.getnext()
                    if nxt is not None and nxt.tag in ("ul", "ol"):
                        cands.append(el)
                        cands.append(nxt)
        cands = [el for el in cands if not self.holds_article(el)]
        cand_set = set(cands)
        out: list[list[str]] = []
        for el in cands:
            if _inside(el, self.claimed) or any(a in cand_set for a in _ancestors(el)):
                continue
            if el.tag == "aside" and next(el.iter("a"), None) is None:
                continue
            lines = block_lines(el, skip=self.claimed)[:_MAX_RELATED_LINES]
            if lines:
                out.append(lines)
        self.claimed |= cand_set
        return out


#: trafilatura's XML tags that run on inside a paragraph; any other tag starts a new one.
_XML_INLINE = frozenset({"hi", "ref", "del", "lb", "graphic", "span"})
#: trafilatura's XML tags that hold running text.
_XML_TEXT_BLOCKS = frozenset({"p", "item", "cell", "head", "quote", "hi", "ref"})


def _body_paragraphs(extracted: object | None) -> list[str]:
    """The article's paragraphs from trafilatura's XML tree, in reading order.

    Text that trafilatura leaves as the *tail* of an element (a paragraph's worth of text
    after a ``<head>``, not wrapped in ``<p>``) is a paragraph of its own: dropping it
    loses whole paragraphs on pages that write ``<h2>title</h2>text``. Inline parts are
    joined as they are written (no space is added before a comma after a link), line
    breaks become spaces, and each list item, nested or not, is one paragraph. A data
    table gives a paragraph per row ("a | b"); a table that lays out the whole page gives
    only its article cell, paragraph by paragraph (:func:`_layout_cell`).
    """
    body = getattr(extracted, "body", None)
    out: list[str] = []
    if body is None:
        return out
    buf: list[str] = []

    def flush() -> None:
        text = _norm("".join(buf))
        if text:
            out.append(text)
        buf.clear()

    def walk(node: etree._Element) -> None:
        if node.text:
            buf.append(node.text)
        for child in node:
            if child.tag == "lb":
                buf.append(" ")
            elif child.tag in _XML_INLINE or (
                    child.tag == "code" and node.tag in _XML_TEXT_BLOCKS):
                walk(child)  # code inside a paragraph is a word of it, not a listing
            elif child.tag == "table":
                flush()
                cell = _layout_cell(child)
                if cell is None:
                    out.extend(_table_rows(child))
                else:
                    walk(cell)
                    flush()
            else:
                flush()
                walk(child)
                flush()
            if child.tail:
                buf.append(child.tail)

    walk(body)
    flush()
    return out


def _flat_text(el: etree._Element) -> str:
    """All text under ``el`` on one line, with a space wherever a block or line break was."""
    parts: list[str] = [el.text or ""]
    for child in el:
        gap = "" if child.tag in _XML_INLINE and child.tag != "lb" else " "
        parts += [gap, _flat_text(child), gap, child.tail or ""]
    return _norm("".join(parts))


#: trafilatura's XML tags that are blocks of running text inside a table cell.
_XML_CELL_BLOCKS = frozenset({"p", "head", "list", "quote", "table"})


def _layout_cell(table: etree._Element) -> etree._Element | None:
    """The cell that holds the article when ``table`` lays out the page rather than holding
    data: one cell with three blocks of text or more and at least half of the table's text
    (old sites put the menu, the article and the sidebars in the cells of one table). The
    other cells are the page's furniture, not rows of the article; a data table whose
    cells each hold a heading and a note ("Game speed" / "Set the speed ...") stays a
    table."""
    total = len(_flat_text(table))
    for cell in table.iter("cell"):
        if sum(c.tag in _XML_CELL_BLOCKS for c in cell) >= 3 and 2 * len(_flat_text(cell)) >= total:
            return cell
    return None


def _table_rows(table: etree._Element) -> list[str]:
    rows = []
    for row in table.iter("row"):
        cells = [_flat_text(cell) for cell in row if cell.tag == "cell"]
        rows.append(" | ".join(c for c in cells if c))
    return [r for r in rows if r]


def _fallback_paragraphs(tree: etree._Element, claimed: set[etree._Element]) -> list[str]:
    """Paragraph text when trafilatura finds no article (very short or odd pages)."""
    root = tree
    for tag in ("main", "article"):
        found = next(tree.iter(tag), None)
        if found is not None:
            root = found
    out = []
    for el in root.iter("p", "h2", "h3", "h4", "li", "blockquote"):
        if _inside(el, claimed) or any(a.tag in _CHROME for a in _ancestors(el)):
            continue
        if any(d.tag in ("p", "li") for d in el.iterdescendants()):
            continue
        text = _norm(" ".join(block_lines(el)))
        if text:
            out.append(text)
    return out


def _visible_date(tree: etree._Element, claimed: set[etree._Element]) -> str | None:
    """The date as the page shows it: a <time> in the article first, else anywhere."""
    scopes = [*tree.iter("article"), tree]
    for el in (t for scope in scopes for t in scope.iter("time")):
        if not _inside(el, claimed):
            text = _norm(el.text_content())
            if text and len(text) <= 60:
                return text
    return None


def _visible_byline(tree: etree._Element, author: str, claimed: set[etree._Element]) -> str:
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        marks = (el.get("class") or "") + " " + (el.get("rel") or "")
        if _BYLINE_MARK_RE.search(marks) and not _inside(el, claimed):
            text = _norm(el.text_content())
            if author.casefold() in text.casefold() and len(text) <= 80 and (
                text == author or looks_like_byline(text)
            ):
                return text if text != author else f"By {author}"
    return f"By {author}"


#: trafilatura's settings. ``favor_recall`` was weighed against ``favor_precision`` on the
#: 181-page Zyte article-extraction benchmark (``newsaudit.evaluation.extraction``):
#: precision mode scores higher (body F1 0.965 against 0.960) by leaving out teaser lists,
#: but it also drops real paragraphs (a lede, a closing paragraph) on a dozen pages and
#: loses one article whole (F1 0.885 -> 0.020). A missed paragraph is a missed claim,
#: while a stray teaser line stays visible in the report, so recall is favoured.
#: (Typed ``Any`` so mypy accepts the unpacking into bare_extraction's mixed parameters.)
_EXTRACT_OPTIONS: dict[str, Any] = dict(
    include_comments=False,
    include_tables=True,
    include_images=False,
    include_links=False,
    with_metadata=True,
    favor_recall=True,
)


def _precision_paragraphs(html: str) -> list[str]:
    """The paragraphs trafilatura's precision mode keeps (none when it fails): the
    article's core, against which a paragraph only the recall pass finds is weighed
    (:meth:`Regions.recall_only`)."""
    import trafilatura

    options = {**_EXTRACT_OPTIONS, "favor_recall": False, "favor_precision": True,
               "with_metadata": False}
    try:
        extracted = trafilatura.bare_extraction(html, **options)
    except Exception:  # trafilatura fails on a few malformed pages; the core is optional
        return []
    return _body_paragraphs(extracted)


def page_from_html(html: str, *, source: str) -> Page:
    """An HTML page as analysed text plus labelled segments and the page's metadata."""
    import trafilatura

    tree = _clean_tree(html)
    if hover_cards(tree):
        html = _without_hover_cards(html)
        tree = _clean_tree(html)
    extracted = trafilatura.bare_extraction(html, **_EXTRACT_OPTIONS)
    extracted_body = _body_paragraphs(extracted)
    zones = _Zones(tree, extracted_body)
    regions = Regions(page_blocks(tree, article=extracted_body), url=page_url(tree))

    title = page_title(tree, list(regions.position), hint=_meta(extracted, "title")) or _h1(tree)
    author = _meta(extracted, "author")
    published = _meta(extracted, "date") or _htmldate(html)
    body = regions.repair_all(extracted_body) or _fallback_paragraphs(tree, zones.claimed)
    # trafilatura's precision pass (a second extraction), run only once a line needs it
    core: set[str] | None = None
    header: list[tuple[str, str]] = []
    if title:
        header.append(("headline", _norm(title)))
        standfirst = regions.standfirst(title, body)
        if standfirst:
            header.append(("standfirst", standfirst))
            # trafilatura often keeps the standfirst as the first paragraph: it is said once.
            body = [p for p in body if _key(p) != _key(standfirst)]
    if author:
        header.append(("byline", _visible_byline(tree, author, zones.claimed)))
    shown_date = _visible_date(tree, zones.claimed) or published
    if shown_date:
        header.append(("dateline", shown_date))

    seen = {_key(t) for _, t in header}
    for lines in (*zones.forms, *zones.comments, *zones.related):
        seen.update(_key(line) for line in lines)
        seen.add(_key(" ".join(lines)))
    seen.update(_key(c) for c in (*zones.captions, *zones.furniture_captions))
    parts = list(header)
    pieces: set[int] = set()
    for para in body:
        if _key(para) not in seen:
            kind = _body_kind(para)
            if kind == "body":
                kind = regions.furniture(para) or kind
                if kind != "body" and not regions.is_line(para):
                    # a piece of a line (or a join of lines) of the furniture: said once,
                    # by the line, when the line is shown
                    pieces.add(len(parts))
            if kind == "body" and regions.recall_only(para):
                if core is None:
                    core = {_key(p) for p in regions.repair_all(_precision_paragraphs(html))}
                if core and _key(para) not in core:
                    kind = "boilerplate"
            parts.append((kind, para))
    # The article's region is where its body is, not where every paragraph trafilatura
    # took is (next stories it ran on into are related, and their pictures are theirs).
    span = regions.article_span(title, [t for k, t in parts if k == "body"] or body)
    # One caption per picture: the same credit under three pictures is printed three times.
    # A picture far from the article (past the few lines around it) is another story's.
    parts += [("caption", c) for c in zones.captions
              if regions.in_span(zones.caption_heads.get(c, c), span)]
    # Caption and credit lines in the article's region that the caption classes above
    # missed ("credit", "cutline", "legend"; a bare "© Jane Roe" under a picture).
    shown = {_key(t) for _, t in parts} | seen
    for line in regions.captions(span):
        if _key(line) not in shown:  # one per picture: a credit repeats under each
            parts.append(("caption", line))
    for lines in zones.related:
        parts += [("related", line) for line in lines]
    # A story linked from two boxes is listed twice, as the page shows it; a line already
    # shown as another part (a zone's related box above, the body) is not.
    shown = {_key(t) for _, t in parts} | seen
    for line in regions.other_stories(span, limit=_MAX_OTHER_STORIES):
        if _key(line) not in shown:
            parts.append(("related", line))
    parts += [("comment", "\n".join(lines)) for lines in zones.comments]
    parts += [("form", "\n".join(lines)) for lines in zones.forms]
    shown = {_key(t) for _, t in parts} | seen
    for lines in regions.forms(limit=_MAX_FORM_LINES):
        lines = [line for line in lines if _key(line) not in shown]
        if lines:
            shown.update(_key(line) for line in lines)
            parts.append(("form", "\n".join(lines)))

    if pieces:  # the pieces of a line that the page's furniture shows whole go
        whole = [_key(t) for i, (k, t) in enumerate(parts) if k != "body" and i not in pieces]
        parts = [p for i, p in enumerate(parts)
                 if i not in pieces or not _piece_of(_key(p[1]), whole)]
    text, segments = _compose(parts)
    if not text.strip():
        raise EmptyInput("the HTML page has no readable text", source=source)
    doc = Document(
        text=text,
        source=source,
        title=_norm(title) if title else None,
        outlet=_meta(extracted, "sitename"),
        published=published,
        author=author,
        url=_meta(extracted, "url"),
        input_format="html",
    )
    return Page(doc, segments)


def _piece_of(key: str, lines: Iterable[str]) -> bool:
    """Whether ``key`` is a piece of one of ``lines`` (trafilatura cut the line at its
    inline markup)."""
    return any(key in line for line in lines)


def _body_kind(para: str) -> str:
    """A trafilatura paragraph that is really furniture keeps its own label."""
    kind = line_kind(para, header=False)
    return {
        "boilerplate": "boilerplate", "byline": "byline", "dateline": "dateline",
        "caption": "caption", "related": "related", "related_header": "related",
        "form": "form", "comment_header": "boilerplate",
    }.get(kind or "", "body")


def _compose(parts: list[tuple[str, str]]) -> tuple[str, tuple[Segment, ...]]:
    chunks: list[str] = []
    segments: list[Segment] = []
    pos = 0
    for kind, part in parts:
        part = part.strip()
        if not part:
            continue
        if chunks:
            chunks.append("\n\n")
            pos += 2
        segments.append(Segment(cast(SegmentKind, kind), pos, pos + len(part), part))
        chunks.append(part)
        pos += len(part)
    return "".join(chunks), tuple(segments)


def _meta(extracted: object | None, name: str) -> str | None:
    value = getattr(extracted, name, None)
    return _norm(value) if isinstance(value, str) and value.strip() else None


def _h1(tree: etree._Element) -> str | None:
    h1 = next(iter(tree.iter("h1")), None)
    if h1 is not None and _norm(h1.text_content()):
        return _norm(h1.text_content())
    t = next(iter(tree.iter("title")), None)
    return _norm(t.text_content()) if t is not None and _norm(t.text_content()) else None


def _htmldate(html: str) -> str | None:
    try:
        from htmldate import find_date

        return find_date(html, extensive_search=False, original_date=True)
    except Exception:  # htmldate raises assorted errors on odd markup; a date is optional
        return None
