"""An HTML page as the lines a reader sees, each with the page region its markup puts it in.

Markup says much of what a line is: a ``<figcaption>``, a ``<nav>``, a box whose class
says ``related`` or ``newsletter``, a comment list. :func:`page_blocks` lays a page out as
block lines (a block tag ends a line; inline markup such as a drop-cap ``<span>`` stays
inside its paragraph) and gives each line the *zone* its ancestors' tags, classes, ids and
roles name. Two callers use it: the HTML reader, to keep furniture out of the article, and
the layout corpus builder, to carry DOM-derived labels onto rendered plain text.

A zone word is matched against the parts of class and id tokens (``c-article__summary``
has the parts ``c``, ``article``, ``summary``; ``relatedPosts`` has ``related``,
``posts``), never against substrings, so ``leadership`` is no ``lead`` and ``adventure``
is no ``ad``. An element whose text holds at least half of the article (when the article
is known) is never a zone, whatever its class says (``post-comments-open``,
``has-sidebar``): that is the article's own container.

Zones nest: inside a *strong* zone (navigation, share row, promo, related list, gallery,
comment section, form, tag list) a line keeps that zone even when an inner element looks
like a caption or a headline (a related box's ``<h3>`` titles); inside a *weak* zone
(caption, byline, date, standfirst, headline) an inner strong zone wins (a share row in
the article header). A comment section's items are one further level: each item starts
a new reader comment.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from lxml import etree

__all__ = ["Block", "STRONG_ZONES", "WEAK_ZONES", "element_zone", "page_blocks"]

STRONG_ZONES = (
    "nav", "share", "promo", "related", "gallery", "comments", "comment", "form", "tags"
)
WEAK_ZONES = ("caption", "byline", "date", "standfirst", "headline")

# Tags that end a line when a page is laid out as plain lines.
_BLOCK_TAGS = frozenset(
    "address article aside blockquote dd div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td th thead tr ul "
    "label button select textarea time br caption summary details".split()
)
# Tags whose text never reaches a reader (or not in the line: a ruby annotation, ``<rt>``
# and its fallback brackets ``<rp>``, sits above the characters it glosses).
_SKIP_TAGS = frozenset(
    "script style noscript template svg iframe object embed canvas head title option "
    "datalist math rt rp".split()
)
_HEADINGS = {f"h{i}": i for i in range(1, 7)}

_PART_RE = re.compile(r"[a-z0-9]+")
_CAMEL_RE = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")

#: Zone -> the class/id parts that name it. Checked in this order on each element, so a
#: ``comment-form`` is a form before it is a comment, and a ``share-caption`` a share row.
#: A few German words name zones as plainly as their English ones ("formular" a form,
#: "werbung" an ad, "spenden" a donation box); "similar" is a forum's similar-threads box.
_ZONE_PARTS: tuple[tuple[str, frozenset[str]], ...] = (
    ("form", frozenset({"respond", "commentform", "reply-form", "formular"})),
    ("share", frozenset({
        "share", "shares", "sharing", "sharebar", "sharedaddy", "addthis", "sharethis",
        "social", "socials", "addtoany", "a2a", "shariff", "sociable", "print", "follow", "likes",
    })),
    ("promo", frozenset({
        "newsletter", "newsletters", "subscribe", "subscription", "subscriptions", "signup",
        "promo", "promos", "promotion", "paywall", "membership", "donate", "donation", "cta",
        "ad", "ads", "advert", "adverts", "advertisement", "advertising", "adsbygoogle", "dfp",
        "gpt", "sponsor", "sponsored", "sponsors", "marketing", "cookie", "cookies", "consent",
        "gdpr", "banner", "popup", "modal", "overlay", "standards", "trust", "optin", "opt",
        "commercial", "affiliate", "disclosure", "borlabs",
        "brlbs", "notice", "alert", "alerts", "paid", "partner", "partners", "listen",
        "audio", "player", "podcast", "correction", "werbung", "spenden", "outdated",
    })),
    ("gallery", frozenset({
        "gallery", "galleries", "slideshow", "carousel", "slider", "slides", "lightbox",
        "swiper", "slick", "glide", "filmstrip",
    })),
    ("comments", frozenset({
        "comments", "commentlist", "comment-list", "commentslist", "discussion", "disqus",
        "coral", "talk", "replies", "responses", "pingback", "pingbacks", "trackbacks",
    })),
    ("comment", frozenset({"comment", "reply", "response"})),
    ("related", frozenset({
        "related", "relatedposts", "recommend", "recommended", "recommendations", "readmore",
        "outbrain", "taboola", "trending", "popular", "mostread", "most", "more", "morestories",
        "further", "also", "yarpp", "sidebar", "widget", "widgets", "rail", "teaser", "teasers",
        "next", "previous", "prev", "latest", "recent", "headlines", "feed", "stream",
        "river", "archive", "archives", "blogroll", "tagcloud", "cloud", "newsfeed", "topstories",
        "promoted", "suggested", "suggestions", "upnext", "watch", "video", "videos",
        "playlist", "aside", "similar", "references", "bibliography", "bibliographic",
        "reflist", "literaturverzeichnis",
    })),
    ("tags", frozenset({
        "tags", "tag", "taglist", "tagged", "categories", "category", "topics", "topic",
        "keywords", "keyword", "filed", "breadcrumb", "breadcrumbs", "crumbs", "kicker",
        "eyebrow", "label", "labels", "section-name", "rubric", "flag",
    })),
    ("nav", frozenset({
        "nav", "navbar", "navigation", "navi", "menu", "menus", "submenu", "megamenu",
        "skip", "skiplink", "masthead", "topbar", "toolbar", "header", "footer", "pagination",
        "pager", "pages", "paging", "copyright", "legal", "imprint", "impressum", "login",
        "account", "user", "utility", "hamburger", "drawer", "offcanvas", "logo", "brand",
        "branding", "sitename", "site-title", "screen-reader", "sr", "visually-hidden",
        "language", "lang", "switcher", "weather", "ticker", "breaking", "jump", "toc",
        "contents", "links", "sitemap", "search", "noscript", "nojs",
    })),
    ("caption", frozenset({
        "caption", "captions", "figcaption", "credit", "credits", "photocredit", "imagecredit",
        "wp-caption-text", "cutline", "legend",
    })),
    ("byline", frozenset({
        "byline", "bylines", "author", "authors", "contributor", "contributors", "writer",
        "writers", "by", "vcard",
    })),
    ("date", frozenset({
        "date", "dates", "time", "timestamp", "timestamps", "published", "pubdate", "updated",
        "dateline", "datetime", "posted", "modified",
    })),
    ("standfirst", frozenset({
        "standfirst", "dek", "deck", "summary", "subtitle", "subhead", "subheadline",
        "strapline", "strap", "lede", "intro", "excerpt", "description", "sapo", "abstract",
        "teaser-text", "subheading", "sub-headline", "sub-title",
    })),
    ("headline", frozenset({"headline", "entry-title", "article-title", "post-title"})),
)
#: Whole class/id tokens that name a zone without splitting into parts.
_ZONE_TOKENS: dict[str, str] = {
    "jp-relatedposts": "related", "wp-caption-text": "caption", "sub-title": "standfirst",
    "sub-headline": "standfirst", "teaser-text": "standfirst", "entry-title": "headline",
    "article-title": "headline", "post-title": "headline", "comment-list": "comments",
    "site-title": "nav", "section-name": "tags", "screen-reader-text": "nav",
    "visually-hidden": "nav", "sr-only": "nav", "article-summary": "standfirst",
    "comment-respond": "form", "comment-form": "form",
}
#: A class made only of these parts (``content``, ``entry-content``, ``article-body``)
#: names a content container: its element gets no zone from its id or other classes.
_CONTAINER_PARTS = frozenset({
    "content", "body", "text", "story", "article", "entry", "post", "main", "inner",
    "wrapper", "wrap", "container", "page", "single", "section", "c", "l", "o", "s",
})
_CONTENT_PARTS = frozenset({"content", "body", "text", "story", "article", "entry"})
_ROLE_ZONES = {
    "navigation": "nav", "menubar": "nav", "menu": "nav", "banner": "nav",
    "contentinfo": "nav", "search": "nav", "complementary": "related", "dialog": "promo",
    "alertdialog": "promo", "form": "form",
}
_TAG_ZONES = {
    "nav": "nav", "figcaption": "caption", "form": "form", "aside": "related",
    "time": "date", "select": "form", "textarea": "form", "button": "nav",
}
#: A zone word must not name an element that holds the article; these parts on a token
#: make a zone word part of a name that is about content ("comment-count" is a tally in
#: the header, not a comment): the element is left to its other tokens.
_COUNT_PARTS = frozenset({"count", "counter", "number", "num", "link", "icon", "btn", "button"})


#: Parts that make a comment word name a digest of the site's comments on other pages
#: ("recent-comments", "widget_latest_comments"), not this page's thread.
_DIGEST_PARTS = frozenset({"recent", "latest", "newest", "widget", "most", "top"})


def _parts(token: str) -> list[str]:
    return _PART_RE.findall(_CAMEL_RE.sub("-", token).lower())


@lru_cache(maxsize=1 << 16)  # class tokens repeat across a page's elements and pages
def _token_zone(token: str) -> str:
    low = token.lower()
    if low in _ZONE_TOKENS:
        return _ZONE_TOKENS[low]
    parts = _parts(token)
    if not parts:
        return ""
    joined = "-".join(parts)
    if joined in _ZONE_TOKENS:
        return _ZONE_TOKENS[joined]
    pset = set(parts)
    for zone, words in _ZONE_PARTS:
        if pset & words or joined in words:
            if zone in ("comment", "comments", "byline", "date") and pset & _COUNT_PARTS:
                continue
            if zone in ("comment", "comments") and pset & _DIGEST_PARTS:
                return "related"  # a sidebar's "recent comments": other pages' threads
            if zone == "nav" and pset & {"article", "entry", "post", "story"}:
                continue  # "article-header", "entry-footer": the article's own parts
            if zone == "related" and pset & {"content", "body", "text"} and not (
                pset & {"related", "recommend", "recommended", "outbrain", "taboola"}
            ):
                continue  # "sidebar-content" is still a sidebar, but "widget-content" of ...
            return zone
    # A compound written as one word ("cookiefooter", "paidbox", "newsletterSignup" is
    # split above): a part that starts or ends with one of a few unambiguous words.
    for part in parts:
        for word, zone in _COMPOUND_WORDS.items():
            if part != word and (part.startswith(word) or part.endswith(word)):
                return zone
    return ""


#: Words that name a strong zone even inside a compound class word. Kept to words that no
#: content container's name holds (not "header", "comment": "commentary"; not "banner":
#: "bannerimage" is the article's picture).
_COMPOUND_WORDS = {
    "cookie": "promo", "newsletter": "promo", "paywall": "promo", "paid": "promo",
    "advert": "promo", "sponsor": "promo", "subscribe": "promo", "share": "share",
    "social": "share", "sidebar": "related", "related": "related", "recommend": "related",
    "user": "nav",
}


def element_zone(el: etree._Element) -> str:
    """The zone an element's own tag, role, class and id name ("" when none does)."""
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in ("html", "body", "main", "article"):
        return ""
    role = (el.get("role") or "").lower()
    if role in _ROLE_ZONES:
        return _ROLE_ZONES[role]
    classes = (el.get("class") or "").split()
    for token in classes:
        parts = set(_parts(token))
        if parts & _CONTENT_PARTS and parts <= _CONTAINER_PARTS:
            return ""
    for token in (el.get("id") or "").split() + classes:
        zone = _token_zone(token)
        if zone:
            return zone
    itemprop = (el.get("itemprop") or "").lower()
    if itemprop in ("author", "creator"):
        return "byline"
    if itemprop in ("datepublished", "datemodified", "datecreated"):
        return "date"
    if itemprop in ("headline", "name") and tag.startswith("h"):
        return "headline"
    if itemprop in ("description", "abstract", "alternativeheadline"):
        return "standfirst"
    if itemprop == "comment":
        return "comment"
    if tag == "li" and re.match(r"^(li-)?comment-\d+$", el.get("id") or ""):
        return "comment"
    if tag in ("header", "footer"):
        return "nav"
    if tag == "form" and any((i.get("type") or "").lower() == "search" for i in el.iter("input")):
        return "nav"
    return _TAG_ZONES.get(tag, "")


#: A class word names a zone only on an element no longer than this many characters of
#: text: a share row, a byline or a tag list is short, so a long element whose id merely
#: mentions "newsletter" (an anchor such as ``pinned-newsletter-end``) wraps more than one.
#: Set from the longest genuine zones seen in the trafilatura-eval pages, with headroom.
_MAX_ZONE_CHARS = {
    "share": 600, "promo": 2500, "tags": 1000, "caption": 1200, "byline": 400, "date": 200,
    "standfirst": 1500, "headline": 400, "comment": 6000,
}


def _combine(outer: str, own: str) -> str:
    if not own:
        return outer
    if not outer:
        return own
    if outer in WEAK_ZONES:
        # A date inside a byline block is still a date; otherwise the outer mark names the
        # region and an inner weak mark is usually typography ("type-caption").
        if own in STRONG_ZONES or (outer == "byline" and own == "date"):
            return own
        return outer
    if outer in ("comments", "promo") and own in ("comment", "form"):
        return own  # a comment in a comment section, a sign-up form in a newsletter box
    if outer in ("nav", "related") and own == "comments":
        # A thread named as one ("comments-list", "commentlist") is the page's comments
        # even where a theme puts it in an <aside> or a "footer-hook" wrapper.
        return own
    if outer == "comment" and own == "form":
        return own
    return outer


@dataclass(slots=True)
class Block:
    """One laid-out line of a page and what its markup says about it."""

    text: str
    zone: str  # "" (no furniture mark) or one of STRONG_ZONES / WEAK_ZONES
    tag: str  # the block element that holds the line (p, li, h2, div, ...)
    heading: int = 0  # 1-6 for a line in <h1>..<h6>
    in_article: bool = False  # under <article>, <main> or the element holding the article
    link_chars: int = 0  # characters of the line inside <a>
    item: int = 0  # the comment item the line belongs to (0: none), numbered in page order
    hidden: bool = False  # under display:none, [hidden] or aria-hidden
    list_kind: str = ""  # "ul" or "ol" for a list item's line
    list_index: int = 0  # 1-based position of the list item among its siblings
    depth: int = 0  # how many list items enclose the line
    image_before: bool = False  # an image sits between this line and the one before
    element: etree._Element | None = None

    @property
    def link_share(self) -> float:
        return self.link_chars / max(len(self.text), 1)


_WS_RE = re.compile(r"\s+")
_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def _is_hidden(el: etree._Element) -> bool:
    return (
        el.get("hidden") is not None
        or (el.get("aria-hidden") or "").lower() == "true"
        or bool(_HIDDEN_STYLE_RE.search(el.get("style") or ""))
    )


@dataclass(frozen=True, slots=True)
class _Ctx:
    """What the open elements say about the text being laid out."""

    zone: str = ""
    tag: str = "div"
    heading: int = 0
    in_article: bool = False
    item: int = 0
    hidden: bool = False
    linked: bool = False
    list_kind: str = ""
    list_index: int = 0
    depth: int = 0
    element: etree._Element | None = None


class _Layout:
    """Lays the tree out as lines; one instance per page."""

    def __init__(self, lengths: dict[etree._Element, int],
                 holds_article: Callable[[etree._Element], bool]) -> None:
        self.lengths = lengths
        self.holds_article = holds_article
        self.blocks: list[Block] = []
        self.pieces: list[tuple[str, str, bool]] = []  # text, zone, inside a link
        self.items = 0
        self.image = False

    def flush(self, ctx: _Ctx) -> None:
        if not self.pieces:
            return
        text = _WS_RE.sub(" ", "".join(p[0] for p in self.pieces)).strip()
        if text:
            weight: dict[str, int] = {}
            links = 0
            for piece, zone, linked in self.pieces:
                n = len(piece.strip())
                weight[zone] = weight.get(zone, 0) + n
                links += n if linked else 0
            zone = max(weight, key=lambda z: (weight[z], z != ""))
            self.blocks.append(Block(
                text, zone, ctx.tag, ctx.heading, ctx.in_article, min(links, len(text)),
                ctx.item, ctx.hidden, ctx.list_kind, ctx.list_index, ctx.depth, self.image,
                ctx.element,
            ))
            self.image = False
        self.pieces.clear()

    def own_zone(self, node: etree._Element) -> str:
        if self.holds_article(node):
            return ""
        own = element_zone(node)
        if own == "nav" and node.tag in ("header", "footer") and self._in_article(node):
            return ""  # the article's own header (headline, byline) or footer (tags, notes)
        if own and self.lengths.get(node, 0) > _MAX_ZONE_CHARS.get(own, 1 << 30):
            return ""
        return own

    def _in_article(self, node: etree._Element) -> bool:
        return any(a.tag in ("article", "main") or (
            a.tag not in ("html", "body") and self.holds_article(a)) for a in node.iterancestors())

    def walk(self, node: etree._Element, ctx: _Ctx) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if not tag or tag in _SKIP_TAGS:
            return
        if tag == "img":
            self.image = True
            return
        zone = _combine(ctx.zone, self.own_zone(node))
        if tag == "input":
            if (node.get("type") or "text").lower() in ("submit", "button") and node.get("value"):
                self.pieces.append((f" {node.get('value')} ", _combine(zone, "form"), ctx.linked))
            return
        item = ctx.item
        if zone == "comment" and ctx.zone != "comment":
            self.items += 1
            item = self.items
        inner = _Ctx(
            zone=zone, tag=ctx.tag, heading=ctx.heading,
            in_article=ctx.in_article or tag in ("article", "main") or (
                tag not in ("html", "body") and self.holds_article(node)),
            item=item, hidden=ctx.hidden or _is_hidden(node), linked=ctx.linked or tag == "a",
            list_kind=ctx.list_kind, list_index=ctx.list_index, depth=ctx.depth,
            element=ctx.element,
        )
        block = tag in _BLOCK_TAGS and tag != "br"
        if block:
            self.flush(ctx)
            lk, li, depth = ctx.list_kind, ctx.list_index, ctx.depth
            if tag == "li":
                parent = node.getparent()
                lk = parent.tag if parent is not None and parent.tag in ("ul", "ol") else "ul"
                li = 1 + sum(1 for sib in node.itersiblings(preceding=True) if sib.tag == "li")
                depth += 1
            inner = _Ctx(
                zone=inner.zone, tag=tag, heading=_HEADINGS.get(tag, 0),
                in_article=inner.in_article, item=inner.item, hidden=inner.hidden,
                linked=inner.linked, list_kind=lk, list_index=li, depth=depth, element=node,
            )
        elif tag == "br":
            self.flush(ctx)  # a line break ends the line; the parent adds the br's tail
            return
        if node.text:
            self.pieces.append((node.text, zone, inner.linked))
        for child in node:
            self.walk(child, inner)
            if child.tail:
                self.pieces.append((child.tail, zone, inner.linked))
        if block:
            self.flush(inner)


def page_blocks(
    root: etree._Element,
    *,
    article: Sequence[str] = (),
    holds_article: Callable[[etree._Element], bool] | None = None,
) -> list[Block]:
    """The page's lines in document order, each with its zone.

    ``article`` is the article text when known (paragraphs from an extractor or a ground
    truth): an element holding at least half of it is never given a zone. ``holds_article``
    may be passed instead when the caller has its own test.
    """
    lengths = _text_lengths(root)
    if holds_article is None:
        holds_article = _article_test(article, lengths)
    layout = _Layout(lengths, holds_article)
    body = next(root.iter("body"), None)
    layout.walk(body if body is not None else root, _Ctx())
    layout.flush(_Ctx())
    return _join_drop_caps(layout.blocks)


def _join_drop_caps(blocks: list[Block]) -> list[Block]:
    """A drop cap set in its own element before the paragraph (``<span>T</span><p>urkey``)
    is laid out as a line of one letter: it goes back to the start of its paragraph."""
    out: list[Block] = []
    for b in blocks:
        prev = out[-1] if out else None
        if (
            prev is not None
            and len(prev.text) <= 2
            and prev.text.isalpha()
            and prev.text.isupper()
            and b.text[:1].islower()
        ):
            b.text = prev.text + b.text
            b.image_before = b.image_before or prev.image_before
            out[-1] = b
            continue
        out.append(b)
    return out


def _text_lengths(root: etree._Element) -> dict[etree._Element, int]:
    """Every element's text length, in one bottom-up pass (text_content per element would
    be quadratic in the page's depth)."""
    lengths: dict[etree._Element, int] = {}
    for el in reversed(list(root.iter())):
        n = len(el.text or "") if isinstance(el.tag, str) else 0
        for child in el:
            n += lengths.get(child, 0) + len(child.tail or "")
        lengths[el] = n
    return lengths


def _article_test(
    article: Sequence[str], lengths: dict[etree._Element, int]
) -> Callable[[etree._Element], bool]:
    evidence = [_WS_RE.sub(" ", p).strip() for p in article if len(p.strip()) >= 40]
    if not evidence:
        return lambda el: False
    half = sum(len(p) for p in evidence) / 2
    cache: dict[etree._Element, bool] = {}

    def test(el: etree._Element) -> bool:
        if el in cache:
            return cache[el]
        ok = False
        if lengths.get(el, 0) >= half:
            flat = _WS_RE.sub(" ", el.text_content())
            ok = sum(len(p) for p in evidence if p in flat) >= half
        cache[el] = ok
        return ok

    return test
