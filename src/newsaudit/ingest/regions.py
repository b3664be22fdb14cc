"""What the markup says about the paragraphs trafilatura returns, and the parts it drops.

trafilatura is the surest guide to where an article's body is, but it lets some furniture
through (a newsletter box between paragraphs, an "Our Standards" line, a sidebar of other
stories), drops a standfirst it does not recognise, and loses a drop cap set in its own
element. The page laid out as blocks (:mod:`newsaudit.ingest.blocks`) answers each of
those: a body paragraph whose every copy on the page sits in a furniture zone is that
furniture; a paragraph that begins in lower case is the tail of a block that begins with
its drop cap; a standfirst is the standfirst-marked block between the headline and the
body; and a caption counts only when it is no part of a gallery, a related box or the
site's chrome, and says something (not "Tagged" or "Published Nov 8"). trafilatura is run
for recall; a paragraph its precision pass leaves out is kept only when it reads as prose,
not when it is a heading, a list item, a link line or a short label (:meth:`Regions.recall_only`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from urllib.parse import urlsplit

from lxml import etree

from newsaudit.anatomy import line_kind
from newsaudit.ingest.blocks import STRONG_ZONES, Block, element_zone

#: Zones whose text is never the article's, and the segment kind it becomes.
#: The comment thread's zones: a paragraph only they hold is a reader's, not the article's.
_THREAD = {"comment": "comment", "comments": "boilerplate", "form": "form"}
_FURNITURE = {"nav": "boilerplate", "share": "boilerplate", "promo": "boilerplate",
              "tags": "boilerplate", "gallery": "boilerplate", "related": "related"}
#: A caption inside one of these is a gallery's, a teaser's or the chrome's, not the article's.
_NOT_CAPTION_ZONES = frozenset({"nav", "share", "promo", "tags", "gallery", "related",
                                "comments", "comment", "form"})
_WS_RE = re.compile(r"\s+")
#: A standfirst is a sentence or two: longer "standfirst" blocks are article intros that
#: trafilatura keeps as body anyway.
_STANDFIRST_WORDS = (5, 80)
#: How far (in block lines) the article's region reaches above its headline or first
#: paragraph and below its last paragraph: a byline, a date, a caption sit that close.
_ABOVE, _BELOW = 4, 6
#: Marks that a teaser card of another story wears too (its title, author, picture text).
_TEASER_ZONES = frozenset({"caption", "byline", "date", "standfirst", "headline"})
_WORD_RE = re.compile(r"\w+")
#: Lines shorter than this ("1", "|") are found inside any paragraph: no evidence.
_MIN_PART = 3
#: A read-more pointer: an arrow ("»", ">>", "→", "▶") after a lead of at most this many
#: words, on a line whose text is at least this share link text. Lines opening with a
#: lead and a colon ("Read also: ...") were left alone: trafilatura's precision mode keeps
#: them as article text on the dev pages, and so does the gold.
_ARROW_RE = re.compile(r"(?:^|\s)(?:>{1,3}|»|→|▶|►|⇒)(?=\s|\w)")
_READ_MORE_LEAD, _READ_MORE_LINK = 4, 0.6
#: A picture credit set as a line of the article's text, labelled in words the English cue
#: lists lack ("Foto: ...", "Titelbild: ...", "Bildnachweis:"), of at most this many words.
#: The gold (and the page) has it apart from the picture: a credit note, not a caption.
_CREDIT_RE = re.compile(
    r"^(?:foto|fotos|bild|bilder|titelbild|beitragsbild|bildnachweis|bildnachweise|"
    r"bildquelle|bildrechte|fotonachweis|fotocredit)\s*:", re.IGNORECASE)
_CREDIT_WORDS = 15
#: A label that heads a list of picture credits ("Bildnachweis: Titelbild: ..., via
#: Wikimedia Commons; Buchcover: Verlag", "Photo credits: ...") names nothing but credits,
#: however many pictures it lists: such a line is a credit note up to this many words (the
#: one dev line of this shape runs to 31 words for three pictures).
_CREDITS_LIST_RE = re.compile(
    r"^\W*(?:bildnachweise?|bildquellen?|bildrechte|fotonachweise?|fotocredits?|"
    r"(?:image|photo|picture) credits)\s*:", re.IGNORECASE)
_CREDITS_LIST_WORDS = 60
#: A line that is only a picture agency's or stock library's credit ("Getty Images",
#: "© iStock", "Image copyright Shutterstock", "iStock/Jane Roe", "picture alliance / dpa"):
#: the credit of a picture the reader does not lay out, not a sentence of the article.
#: On the dev pages 15 of the 17 lines of this shape are boilerplate in the gold; the other
#: two ("©iStock", "iStock/<name>") are credits the body oracle kept.
_PICTURE_AGENCY = (
    r"(?:getty(?: images)?|shutterstock(?:\.com)?|istock(?:photo)?|alamy|imago(?: images)?|"
    r"picture[- ]alliance|unsplash|pixabay|pexels|adobe ?stock|fotolia|123rf|depositphotos|"
    r"dreamstime|stocksy)")
_PICTURE_CREDIT_RE = re.compile(
    r"^[\s©()|:.-]*(?:(?:image|photo|picture|bild)\s*(?:copyright|source|credit|quelle)?"
    r"\s*:?\s*)?(?:©\s*)?" + _PICTURE_AGENCY
    + r"(?:\s*(?:/|\||,|\+|&|\bvia\b|\band\b|\bund\b)\s*(?:" + _PICTURE_AGENCY
    + r"|[\w.-]+(?: [\w.-]+){0,3}))*[\s().]*$", re.IGNORECASE)
_PICTURE_CREDIT_WORDS = 8
#: A line that is only an ad label ("Anzeige", "ANZEIGE", "*Werbung"): the ad's own words
#: are in a box of their own. English labels ("Advertisement") are in the cue lists.
_AD_LABELS = frozenset({"anzeige", "werbung", "reklame", "publicité", "publicidad",
                        "pubblicità", "publicidade", "reklama"})
#: An advertising disclosure set as a line of the text: an ad label set off by a stop or a
#: colon, then a sentence about the advertising ("*Werbung. Dieser Beitrag enthält Werbung
#: für ...", "Advertisement: this post is sponsored by ..."), or a line saying the post
#: contains advertising or affiliate links. At most this many words: a disclosure is a
#: sentence or two.
_DISCLOSURE_LABEL_RE = re.compile(
    r"^\W*(?:" + "|".join(sorted(_AD_LABELS | {"advertisement", "advertorial", "sponsored"}))
    + r")\s*[.:|–—]\s*\S", re.IGNORECASE)
_DISCLOSURE_WORD_RE = re.compile(
    r"werb|anzeige|sponsor|affiliate|partnerlink|provision|advertis|paid|bezahlt|"
    r"kooperation|commission|gesponsert", re.IGNORECASE)
_DISCLOSURE_SENTENCE_RE = re.compile(
    r"^\W*(?:this|dieser|dieses|der) (?:post|article|story|page|beitrag|artikel|text|blogpost)"
    r" (?:contains|includes|enthält|beinhaltet)\b.{0,40}\b(?:affiliate|werbung|"
    r"advertising|sponsored|werbelinks?|affiliate-links?|provisionslinks?)", re.IGNORECASE)
_DISCLOSURE_WORDS = 30


#: An appeal set in the article's text (subscribe, donate, join the newsletter or the
#: channel, log in to read on) says so where its link goes: a word of the link's address,
#: on a line of at most this many words. On the dev pages no article paragraph that short
#: links to such an address; longer ones do (a bill's "member" page, a support site).
_APPEAL_URL_RE = re.compile(
    r"(?:^|[^a-z])(?:subscribe|subscriptions?|subscriber|newsletters?|donate|donations?|"
    r"spenden?|abo|abonnement|abonnieren|membership|paywall|checkout|login|steadyhq|"
    r"patreon|wesprzyj|zbiorka)(?:[^a-z]|$)|//t\.me/", re.IGNORECASE)
_APPEAL_WORDS = 35
#: An appeal's box holds little else: at most this many times the appeal's own text.
_APPEAL_BOX = 2
#: A box headed by a sign-up cue ("Sign up for the Courier newsletter", "Support independent
#: journalism", a heading the cue lists call furniture and that names a newsletter, a
#: subscription or a donation) is a sign-up box set in the article: its lines go with the
#: heading. Only a box of at most this many characters, which the heading opens: on the
#: dev pages the one such box in an article's text was 479 characters, and the only other
#: heading of furniture with article lines in its box ("Tags", under a post) sat at the
#: end of a 2,900-character container.
_SIGNUP_HEAD_RE = re.compile(
    r"newsletter|subscri|sign[- ]?up|abonn|donat|spende|support (?:our|independent|us)",
    re.IGNORECASE)
_SIGNUP_BOX_CHARS = 1000


def _box_lines(box: etree._Element, blocks: Sequence[Block]) -> list[str]:
    """The lines of ``blocks`` laid out from inside ``box``."""
    inside = set(box.iter())
    return [b.text for b in blocks if b.element is not None and b.element in inside]


def _norm(s: str) -> str:
    return _WS_RE.sub(" ", s).strip()


_TEASER_LINK = 0.9
#: A caption whose text is this much a link to another page, in this many words at least,
#: is a teaser's title (:func:`teaser_caption`).
_TEASER_CAPTION_LINK = 0.8
_TEASER_CAPTION_WORDS = 4
_IMAGE_HREF_RE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif|svg)(?:[?#]|$)", re.IGNORECASE)
#: A paragraph that only trafilatura's recall mode keeps (its precision mode, which prunes
#: link-dense and list-like blocks harder, leaves it out) stays body when it reads as prose:
#: such paragraphs are the ledes and closing lines that recall is favoured for. Otherwise
#: it is a line of the page's furniture: a heading, a list or table item, a line that is
#: mostly link text, or a line of up to ``_LABEL_WORDS`` words that does not end as a
#: sentence does (a title, a label, a teaser's headline; longer lines without a stop are
#: whole articles that an extractor ran together). On trafilatura-eval's train buckets
#: 94 % of the characters of the first four kinds are not article text in the gold
#: (22,082 of 23,541; dev 2,594 of 2,757), and 97 % of the lines of 7 to 30 words with no
#: closing stop (11,554 of 11,910; dev 663 of 732); of the recall-only lines that read as
#: prose, 70 % are not article text either, but they are where a missed lede would be.
_LABEL_WORDS = 30
#: What a sentence ends with: a stop, or a closing quotation mark or ellipsis after one
#: (English, German and French quotes, straight or curly).
_CLOSING = tuple('.!?:;"\'\u201c\u201d\u2019\u2026\u00bb\u00ab')
_ITEM_TAGS = frozenset({"li", "dd", "dt", "th"})
_EXTRA_LINK = 0.5
#: A paragraph joining at least this many lines, each all link text of at most this many
#: words, is a menu's or a footer's links. On the dev pages the paragraphs that join lines
#: are otherwise prose with a linked word or two (link lines under a third of the text).
_LINK_RUN, _LINK_ITEM_WORDS = 3, 5
_LEAD_IN_WORDS = 8


def site_host(url: str) -> str:
    """A URL's host without ``www.`` ("" for a relative or empty URL)."""
    netloc = urlsplit(url.strip()).netloc.lower().split("@")[-1].split(":")[0]
    return netloc.removeprefix("www.")


def _same_site(href: str, host: str) -> bool:
    """Whether a link goes to a page of ``host`` (a relative link does)."""
    href = href.strip()
    if href.startswith("//") or "://" in href[:12]:
        other = site_host(href if "://" in href[:12] else "http:" + href)
        # A subdomain of the site is the site ("projects.courier.example" for
        # "courier.example", and the other way round); two blogs of one host are not.
        return bool(host) and (other == host or other.endswith("." + host)
                               or host.endswith("." + other))
    return not href.lower().startswith(("mailto:", "tel:", "javascript:", "#")) and bool(href)


def page_url(tree: etree._Element) -> str:
    """The page's own address, as its ``<link rel=canonical>`` or ``og:url`` declares it."""
    for xp in ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content'):
        found = tree.xpath(xp)
        if found and str(found[0]).strip():
            return str(found[0]).strip()
    return ""


def _site_links(el: etree._Element, host: str) -> bool:
    """Whether an element holds links and every one with text goes to ``host``."""
    hrefs = [a.get("href") or "" for a in el.iter("a") if _norm(a.text_content())]
    return bool(hrefs) and all(_same_site(h, host) for h in hrefs)


def _linked_chars(el: etree._Element, keep: Callable[[str], bool] | None = None) -> int:
    """Characters of ``el``'s link text, of the links whose href ``keep`` accepts."""
    return sum(len(_norm(a.text_content())) for a in el.iter("a")
               if keep is None or keep((a.get("href") or "").strip()))


def _all_link(el: etree._Element) -> bool:
    text = len(_norm(el.text_content()))
    return text > 0 and _linked_chars(el) >= _TEASER_LINK * text


def _to_another_page(href: str) -> bool:
    """A link to another page: not to a picture file (a lightbox), an anchor or a script."""
    return bool(href) and not href.startswith(("#", "javascript:")) and not (
        _IMAGE_HREF_RE.search(href))


#: How far back a caption looks for its picture: siblings before it, in its own box and
#: in the box around that (a ``<p class="wp-caption-text">`` after the ``<img>``; a
#: caption ``<div>`` after the picture's wrapper).
_PICTURE_SIBLINGS = 3
_PICTURE_BOXES = 2
#: A sibling with more text than this is a paragraph, not a picture's box.
_PICTURE_BOX_CHARS = 40


def _picture(el: etree._Element) -> bool:
    tag = el.tag if isinstance(el.tag, str) else ""
    # a lazy-loading element of the site's own ("<hde-e-lazy-image>") is a picture too
    return tag in ("img", "picture") or ("-" in tag and "image" in tag)


def under_a_picture(el: etree._Element) -> bool:
    """Whether a caption-classed element is set just after a picture of the article's:
    what ``<figure>`` says, written with a ``<div>`` ("wp-caption", "news-img-caption").
    A picture in a link to another page is a teaser card's, not one the article shows
    (a lightbox's link to the picture file is the picture's own)."""
    node: etree._Element | None = el
    for _ in range(_PICTURE_BOXES):
        if node is None:
            return False
        for sib in itertools.islice(node.itersiblings(preceding=True), _PICTURE_SIBLINGS):
            if not isinstance(sib.tag, str):
                continue
            pics = [d for d in sib.iter() if _picture(d)]
            if not pics:
                if len(_norm(sib.text_content())) > _PICTURE_BOX_CHARS:
                    return False  # a paragraph between: the caption is not the picture's
                continue
            if len(_norm(sib.text_content())) > _PICTURE_BOX_CHARS or any(
                    True for _ in sib.iter("figcaption")):
                return False  # a paragraph, or a figure that has a caption of its own
            return not any(_to_another_page((a.get("href") or "").strip())
                           for pic in pics for a in pic.iterancestors("a"))
        node = node.getparent()
    return False


#: A hover card's text is nearly all links (its name, the person's other stories).
_CARD_LINK = 0.8
_CARD_LINKS = 2


def _opens_with_picture(el: etree._Element) -> bool:
    """Whether a box holds a picture and no link text comes before it: a card opens with
    the photo; the name that shows the card on hover comes before the card, outside it."""
    for d in el.iter():
        if _picture(d):
            return True
        if d.tag == "a" and _norm(d.text_content()):
            return False
    return False


def hover_cards(root: etree._Element) -> list[etree._Element]:
    """Boxes set inside a paragraph that show on hover: a picture and links to other pages,
    nearly all of their text link text ("Rep. <name>" with a card of the lawmaker's
    photo, name and latest stories). A reader sees the paragraph's sentence; an extractor
    that flattens the markup splices the card's links into it ("Rep. Jane RoeJane RoeSenate
    passes ... Hillicon Valley: ..."). The outermost such box of each paragraph is given."""
    out: list[etree._Element] = []
    for para in root.iter("p"):
        if not any(_picture(d) for d in para.iterdescendants()):
            continue  # most paragraphs hold no picture: nothing to look at
        whole = len(_norm(para.text_content()))
        found: list[etree._Element] = []
        for el in para.iterdescendants():
            if (not isinstance(el.tag, str) or el.tag == "a"
                    or any(a in found for a in el.iterancestors())
                    or not _opens_with_picture(el)):
                continue
            links = [a for a in el.iter("a") if _to_another_page((a.get("href") or "").strip())
                     and _norm(a.text_content())]
            text = len(_norm(el.text_content()))
            if (len(links) >= _CARD_LINKS and text
                    and _linked_chars(el) >= _CARD_LINK * text and text < whole):
                found.append(el)
        out += found
    return out


def teaser_caption(el: etree._Element, text: str) -> bool:
    """Whether a caption's text is nearly all links to other pages: the title of a teaser
    card, a picture over another story. A short one is a credit linking to its
    photographer ("Jane Roe / Flickr"), and so is one that says it is ("photo: Jane Roe
    via Unsplash")."""
    if len(text.split()) < _TEASER_CAPTION_WORDS or picture_credit(text):
        return False
    return _linked_chars(el, _to_another_page) >= _TEASER_CAPTION_LINK * len(text)


def teaser_line(block: Block, text: str, host: str) -> bool:
    """Whether a line teases another story of the site, set among the article's lines: a
    ``<p>`` of three words or more that is all link text, every link to the page's own site
    (``host``), or an item of a list (two items or more) each of which is such a link ("Read
    also:" and a list of the site's stories). A linked line to another site is the article
    citing its source ("The generation we love to dump on", linking to the cartoon's
    publisher); a list of links to other sites is a list of sources."""
    el = block.element
    if not host or el is None or block.heading or len(_WORD_RE.findall(text)) < 3:
        return False
    if block.tag == "p" and not block.list_kind:
        return _all_link(el) and _site_links(el, host)
    if block.tag != "li" or block.list_kind != "ul":
        return False
    parent = el.getparent()
    items = [li for li in parent if li.tag == "li"] if parent is not None else []
    return len(items) >= 2 and all(
        _all_link(li) and _site_links(li, host) and len(_WORD_RE.findall(li.text_content())) >= 3
        for li in items)


def linked_heading(block: Block, host: str) -> bool:
    """Whether a line is a heading (``<h2>`` to ``<h6>``) that is all link text, every link
    to another page of the page's own site (``host``; a relative link is always the
    site's): the title of a teaser card of another story set among the article's lines. An
    article's own subheadings are not links; a heading linked to another site is the
    article naming a product or a source ("<h3><a href=shop>The kettle</a></h3>"), and one
    linked to an anchor of the page is an accordion's or a table of contents' switch."""
    return block.element is not None and block.heading >= 2 and _linked_title(
        block.element, host)


def _linked_title(el: etree._Element, host: str, own: str = "") -> bool:
    """Whether an element is all link text, every link to another page of ``host`` (not to
    ``own``, the page's own address: a blog post's title links to itself)."""
    if not _all_link(el):
        return False
    hrefs = [(a.get("href") or "").strip() for a in el.iter("a") if _norm(a.text_content())]
    # _same_site is false for an anchor of this page, a script or a mail link
    return bool(hrefs) and all(_same_site(h, host) and not (own and _same_page(h, own))
                               for h in hrefs)


def _same_page(href: str, url: str) -> bool:
    def bare(u: str) -> str:
        parts = urlsplit(u)
        return (site_host(u) if "://" in u[:12] else "") + parts.path.rstrip("/")
    return bare(href) == bare(url) or (not href.startswith(("http", "//"))
                                       and urlsplit(url).path.rstrip("/") == href.rstrip("/"))


#: A teaser card (another story's linked title over an excerpt) is a small box: its text
#: runs to at most this many characters, the card at most this many levels above the
#: excerpt, and the page sets at least one more card like it beside it.
_CARD_CHARS = 1200
_CARD_DEPTH = 3
_HEADINGS = ("h2", "h3", "h4", "h5", "h6")


def _card_title(card: etree._Element, line: etree._Element) -> etree._Element | None:
    """The last heading of ``card`` before ``line``, in document order."""
    title = None
    for el in card.iter():
        if el is line:
            return title
        if el.tag in _HEADINGS:
            title = el
    return None


def teaser_excerpt(block: Block, host: str, own: str = "") -> bool:
    """Whether a paragraph is the excerpt of a teaser card: set in a small box under
    another story's linked title (:func:`_linked_title`), beside another box of the same
    make ("Next post" thumbnails, a list of the site's stories with their first lines).
    The title is a heading of its own, so the excerpt is not: an article's section under
    a subheading has no link in the heading, and a blog post's title links to the post."""
    el = block.element
    if not host or el is None or block.heading:
        return False
    node = el
    for _ in range(_CARD_DEPTH):
        card = node.getparent()
        if card is None or card.tag in ("body", "html", "article", "main"):
            return False
        title = _card_title(card, el)
        if title is None:
            node = card
            continue
        if not _linked_title(title, host, own) or len(_norm(card.text_content())) > _CARD_CHARS:
            return False
        return any(sib.tag == card.tag and any(
            _linked_title(h, host, own) for h in sib.iter(*_HEADINGS))
            for sib in (*card.itersiblings(preceding=True), *card.itersiblings()))
    return False


def lead_in_line(text: str) -> bool:
    """Whether a line reads as the lead-in of a list ("Read also:", "Editors' picks:"): a
    few words and a colon."""
    return text.endswith(":") and len(_WORD_RE.findall(text)) <= _LEAD_IN_WORDS


def appeal_line(block: Block, text: str) -> bool:
    """Whether a line is an appeal to subscribe, donate or sign up: short, with a link of
    its own to a subscription, donation, newsletter or log-in address."""
    if block.element is None or len(text.split()) > _APPEAL_WORDS:
        return False
    for a in block.element.iter("a"):
        label = _norm(a.text_content())
        if label and label in text and _APPEAL_URL_RE.search(a.get("href") or ""):
            return True
    return False


class Regions:
    """The page's blocks, indexed by their text."""

    def __init__(self, blocks: Sequence[Block], *, url: str = "") -> None:
        self.blocks = list(blocks)
        self.host = site_host(url)
        self.url = url
        self.zones: dict[str, set[str]] = {}
        self.position: dict[str, int] = {}
        self.dropcap: dict[str, str] = {}
        self.appeal_box = self._appeal_boxes()
        for i, b in enumerate(self.blocks):
            key = _norm(b.text)
            self.zones.setdefault(key, set()).add(b.zone)
            self.position.setdefault(key, i)
            if len(key) > 20 and key[0].isupper() and key[1:2].islower():
                self.dropcap.setdefault(key[1:], key)

    def _appeal_boxes(self) -> set[str]:
        """The other lines of the boxes that hold an appeal ("While you are here…" over it,
        "All the best, Jane Roe" under it): the appeal's parent element, when the appeal is
        most of its text (so that it is a box of its own, never the article's container)."""
        out: set[str] = set()
        for b in self.blocks:
            text = _norm(b.text)
            if b.element is None or not appeal_line(b, text):
                continue
            box = b.element.getparent()
            if box is None or box.tag in ("body", "html", "article", "main"):
                continue
            if len(_norm(box.text_content())) > _APPEAL_BOX * len(text):
                continue
            out.update(key for key in (_norm(line) for line in _box_lines(box, self.blocks))
                       if key)
        for b in self.blocks:
            box = self._signup_box(b)
            if box is not None:
                out.update(key for key in (_norm(line) for line in _box_lines(box, self.blocks))
                           if key)
        return out

    def _signup_box(self, block: Block) -> etree._Element | None:
        """The box a sign-up heading opens ("Sign up for our newsletter" over a few lines
        of pitch): the heading's nearest ancestor with more text than the heading, when
        the heading is its first line and the box is small; else None."""
        el = block.element
        text = _norm(block.text)
        if (el is None or not block.heading or not _SIGNUP_HEAD_RE.search(text)
                or line_kind(text) not in ("boilerplate", "form")):
            return None
        box = el.getparent()
        while box is not None and len(_norm(box.text_content())) <= len(text):
            box = box.getparent()
        if box is None or box.tag in ("body", "html", "article", "main"):
            return None
        if len(_norm(box.text_content())) > _SIGNUP_BOX_CHARS:
            return None
        lines = _box_lines(box, self.blocks)
        return box if lines and _norm(lines[0]) == text else None

    def repair(self, paragraph: str) -> str:
        """The paragraph with the drop cap trafilatura lost put back."""
        if paragraph[:1].islower():
            return self.dropcap.get(_norm(paragraph), paragraph)
        return paragraph

    def repair_all(self, paragraphs: Sequence[str]) -> list[str]:
        """Every paragraph repaired; a drop cap that trafilatura kept as a paragraph of its
        own, just before the paragraph it starts, goes."""
        out: list[str] = []
        for p in paragraphs:
            fixed = self.repair(p)
            if fixed != p and out and fixed.startswith(out[-1]) and len(out[-1]) <= 2:
                out.pop()
            out.append(fixed)
        return out

    def furniture(self, paragraph: str) -> str | None:
        """The segment kind of a body paragraph that only furniture zones hold, else None.

        A paragraph that is no single line of the page (trafilatura joined a box's lines
        into one) is furniture when most of it is made of furniture lines and no more than
        half of it of other lines: on the dev pages no such paragraph was article text.
        """
        key = _norm(paragraph)
        if (self.read_more(key) or self.teaser(key) or self.linked_heading(key)
                or self.excerpt(key)):
            return "related"
        zones = self.zones.get(key)
        if label_line(key) and zones == {"caption"}:
            return "caption"  # a picture's credit set in a caption box ("Getty Images")
        if label_line(key) or self.appeal(key) or key in self.appeal_box:
            return "boilerplate"
        if zones is None:  # a table row ("a | b") is furniture when each of its cells is
            cells = [self.zones.get(c) or self._joined_zones(c) for c in key.split(" | ")]
            if all(cells):
                zones = set().union(*cells)  # type: ignore[arg-type]
        if zones is None:
            zones = self._piece_zones(key)
        if not zones or not zones <= set(_FURNITURE) | set(_THREAD):
            return None
        if zones <= set(_THREAD):  # a reader comment, the thread's heading, its form
            return _THREAD[next(iter(zones))] if len(zones) == 1 else "boilerplate"
        return "related" if zones == {"related"} else "boilerplate"

    def read_more(self, paragraph: str) -> bool:
        """Whether a paragraph is a pointer to another story set in the article's text: a
        line that is mostly a link and opens with an arrow (">> Other story <<", "» Other
        story"), or with a lead of a few words and an arrow ("Read also » Other story")."""
        key = _norm(paragraph)
        i = self.position.get(key)
        if i is None or self.blocks[i].link_share < _READ_MORE_LINK:
            return False
        m = _ARROW_RE.search(key)
        return m is not None and len(_WORD_RE.findall(key[: m.start()])) <= _READ_MORE_LEAD

    def teaser(self, paragraph: str) -> bool:
        """Whether a paragraph is a line of the page that teases another story of the site
        (:func:`teaser_line`)."""
        key = _norm(paragraph)
        i = self.position.get(key)
        if i is None:
            return False
        if teaser_line(self.blocks[i], key, self.host):
            return True
        # The lead-in of a list of teasers ("Read also:", "Auch interessant:").
        nxt = self.blocks[i + 1] if i + 1 < len(self.blocks) else None
        return (lead_in_line(key) and nxt is not None and nxt.tag == "li"
                and teaser_line(nxt, _norm(nxt.text), self.host))

    def excerpt(self, paragraph: str) -> bool:
        """Whether a paragraph is a line of the page set under another story's linked
        title in a teaser card (:func:`teaser_excerpt`)."""
        i = self.position.get(_norm(paragraph))
        return i is not None and teaser_excerpt(self.blocks[i], self.host, self.url)

    def linked_heading(self, paragraph: str) -> bool:
        """Whether a paragraph is a heading of the page linked to another of the site's
        pages (:func:`linked_heading`)."""
        i = self.position.get(_norm(paragraph))
        return i is not None and linked_heading(self.blocks[i], self.host)

    def recall_only(self, paragraph: str) -> bool:
        """Whether a body paragraph that trafilatura's precision pass leaves out is
        furniture rather than prose: a line that is mostly link text, a heading, a list or
        table item, or a line of a few words that does not end as a sentence. A paragraph
        that reads as prose is kept as body."""
        key = _norm(paragraph)
        if len(key.split()) <= _LABEL_WORDS and not key.endswith(_CLOSING):
            return True
        i = self.position.get(key)
        if i is None:
            return False
        block = self.blocks[i]
        return block.link_share >= _EXTRA_LINK or bool(block.heading) or block.tag in _ITEM_TAGS

    def appeal(self, paragraph: str) -> bool:
        """Whether a paragraph is a line of the page that appeals to subscribe, donate or
        sign up (:func:`appeal_line`)."""
        key = _norm(paragraph)
        i = self.position.get(key)
        return i is not None and appeal_line(self.blocks[i], key)

    def _joined_zones(self, key: str) -> set[str] | None:
        """The furniture zones of the lines a paragraph joins, when they make most of it (a
        reader comment's name and text run together count as the comment's)."""
        furniture: dict[str, int] = {}
        other = 0
        links: list[str] = []  # unmarked lines that are a short link each
        for line, zones in self.zones.items():
            if len(line) < _MIN_PART or line not in key:
                continue
            if zones <= set(_FURNITURE) | set(_THREAD):
                for z in zones:
                    furniture[z] = furniture.get(z, 0) + len(line)
            elif zones == {""} and self._link_item(line):
                links.append(line)
            else:
                other += len(line)
        # A run of short link lines glued into one paragraph is a menu or a footer's links
        # ("Service | Newsletter | Imprint | Privacy"), marked or not.
        if len(links) >= _LINK_RUN:
            furniture["nav"] = furniture.get("nav", 0) + sum(len(line) for line in links)
        else:
            other += sum(len(line) for line in links)
        if sum(furniture.values()) > len(key) / 2 and other <= len(key) / 2:
            return set(furniture)
        return None

    def is_line(self, paragraph: str) -> bool:
        """Whether a paragraph is a whole line of the page."""
        return _norm(paragraph) in self.zones

    def _piece_zones(self, key: str) -> set[str] | None:
        """The zones of the lines a paragraph is a piece of, when it is a piece of lines of
        the page only (trafilatura cuts a line at its inline markup: a reference list's
        "Roe J" and ". Title. Journal. 2013;31:5-8." are pieces of one list item)."""
        if not key:
            return None
        zones: set[str] = set()
        for line, line_zones in self.zones.items():
            if key in line:
                zones |= line_zones
        return zones or None

    def _link_item(self, line: str) -> bool:
        b = self.blocks[self.position[line]]
        return b.link_share >= _TEASER_LINK and len(line.split()) <= _LINK_ITEM_WORDS

    def article_span(self, headline: str | None, body: Sequence[str]) -> range:
        """The block indices of the article's region: from a few lines above the headline
        (or the first body paragraph) to a few lines past the last body paragraph."""
        spots = [self.position[k] for p in body if (k := _norm(p)) in self.position]
        if headline and _norm(headline) in self.position:
            spots.append(self.position[_norm(headline)])
        if not spots:
            return range(0)
        return range(max(0, min(spots) - _ABOVE), max(spots) + _BELOW + 1)

    def in_span(self, line: str, article: range) -> bool:
        """Whether a line of the page is in the article's region; a line the blocks do not
        hold (a zone's text joined otherwise) is given the benefit of the doubt."""
        i = self.position.get(_norm(line))
        return i is None or not article or i in article

    def captions(self, article: range) -> list[str]:
        """The caption-marked lines of the article's region, in page order."""
        return [_norm(self.blocks[i].text) for i in article
                if i < len(self.blocks) and self.blocks[i].zone == "caption"]

    def forms(self, *, limit: int) -> list[list[str]]:
        """The page's forms (sign-up, log-in, consent, order forms; search forms are the
        site's navigation) as runs of form-marked lines, at most ``limit`` lines in all."""
        runs: list[list[str]] = []
        last = -2
        total = 0
        for i, b in enumerate(self.blocks):
            if b.zone != "form" or total >= limit:
                continue
            if i != last + 1 or not runs:
                runs.append([])
            runs[-1].append(_norm(b.text))
            total += 1
            last = i
        return runs

    def other_stories(self, article: range, *, limit: int) -> list[str]:
        """Lines that point to other stories: everything in a related box or sidebar, and,
        outside the article's region, teaser cards (a headline, byline or caption that is
        mostly a link) and unmarked link lines of a few words. In page order, at most
        ``limit`` of them (a site's archive can list hundreds)."""
        out: list[str] = []
        for i, b in enumerate(self.blocks):
            if len(out) >= limit:
                break
            outside = i not in article
            if b.zone == "related" or outside and (
                b.zone in _TEASER_ZONES and b.link_share >= 0.5
                or b.zone == "" and b.link_share >= 0.6 and len(_WORD_RE.findall(b.text)) >= 4
            ):
                out.append(_norm(b.text))
        return out

    def standfirst(self, headline: str | None, body: Sequence[str]) -> str | None:
        """The standfirst-marked block after the headline and before the article's first
        paragraph (trafilatura may have taken the standfirst as that paragraph)."""
        start = self.position.get(_norm(headline), -1) if headline else -1
        first = next(
            (self.position[k] for p in body if (k := _norm(p)) in self.position
             and self.position[k] > start and "standfirst" not in self.zones[k]),
            None,
        )
        if first is None:
            return None
        for b in self.blocks[start + 1 : first]:
            n = len(b.text.split())
            if (
                b.zone == "standfirst"
                and _STANDFIRST_WORDS[0] <= n <= _STANDFIRST_WORDS[1]
                and line_kind(b.text, header=True) is None
            ):
                return _norm(b.text)
        return None


def label_line(line: str) -> bool:
    """Whether a line of the article's text is a label of furniture, not prose: a picture
    credit ("Foto: Jane Roe", "Bildnachweis:", "Getty Images", "© iStock"), an ad label
    ("Anzeige") or an advertising disclosure (:func:`disclosure_line`)."""
    if _CREDIT_RE.match(line) and len(line.split()) <= _CREDIT_WORDS:
        return True
    if _CREDITS_LIST_RE.match(line) and len(line.split()) <= _CREDITS_LIST_WORDS:
        return True
    if len(line.split()) <= _PICTURE_CREDIT_WORDS and _PICTURE_CREDIT_RE.match(line):
        return True
    if line.strip(" *-–:.()[]").casefold() in _AD_LABELS:
        return True
    return disclosure_line(line)


def disclosure_line(line: str) -> bool:
    """Whether a line is an advertising disclosure ("*Werbung. Dieser Beitrag enthält
    Werbung für ...", "This post contains affiliate links."): short, and either an ad label
    set off by a stop or colon with more words about the advertising after it, or a line
    that says the post contains advertising."""
    if len(line.split()) > _DISCLOSURE_WORDS:
        return False
    m = _DISCLOSURE_LABEL_RE.match(line)
    if m is not None and _DISCLOSURE_WORD_RE.search(line[m.end() - 1:]):
        return True
    return _DISCLOSURE_SENTENCE_RE.match(line) is not None


def in_furniture(el: etree._Element, holds_article: object) -> bool:
    """True when one of ``el``'s ancestors is a gallery, a related box, a comment section,
    a form or the site's chrome (and is not the article's own container)."""
    test = holds_article if callable(holds_article) else (lambda a: False)
    for a in el.iterancestors():
        if a.tag in ("body", "html"):
            break
        if test(a):
            return False
        if a.tag in ("header", "footer") and any(x.tag == "article" for x in a.iterancestors()):
            continue  # an article's own header (its headline, byline, lead picture)
        if element_zone(a) in _NOT_CAPTION_ZONES:
            return True
    return False


#: A credit line of a picture: labelled ("Foto: ...", "(Image credit: ...)"), a copyright
#: sign before a name ("© Jane Roe"), or an agency's name alone ("Getty Images").
_FIGURE_CREDIT_RE = re.compile(
    r"^\W*(?:©|\(c\)\s|copyright\b|(?:image|photo|picture|illustration|graphic|video|"
    r"foto|bild|grafik)\s*(?:credit|source|quelle|copyright)?\s*:)", re.IGNORECASE)


def picture_credit(text: str) -> bool:
    """Whether a short line is a picture's credit: labelled ("Foto: ...", "(Image credit:
    ...)", "© Jane Roe") or an agency's or stock library's name ("Getty Images")."""
    return len(text.split()) <= _CREDIT_WORDS and bool(
        _FIGURE_CREDIT_RE.match(text) or _PICTURE_CREDIT_RE.match(text))


def caption_text_ok(text: str, *, in_figure: bool = False) -> bool:
    """A caption says something: three words or more, and not a date, a byline, a share
    row or a tag list that merely wears a caption class. Inside a ``<figure>`` a picture's
    credit ("© Jane Roe", "Image: Psyonix", "Getty Images") is its caption too, and so is a
    short label or name that no cue calls furniture: the figure says what it is, and the
    page prints it under the picture. ``in_figure`` is also true of a caption-classed box
    set just after the article's picture (:func:`under_a_picture`). (Elsewhere, a
    caption-classed credit is as often a teaser's picture on another part of the page.)"""
    words = len(text.split())
    if in_figure and picture_credit(text):
        return True
    if words < 3:
        return in_figure and line_kind(text, header=False) in (None, "caption")
    return line_kind(text, header=False) not in ("dateline", "byline", "boilerplate", "related",
                                                 "form", "comment_header")


__all__ = ["Regions", "STRONG_ZONES", "caption_text_ok", "in_furniture", "picture_credit",
           "hover_cards", "teaser_caption", "under_a_picture"]
