"""The page's headline: the title it declares, matched to a line the reader sees.

``<title>`` and ``og:title`` usually carry the site's name after a separator ("Crash on
Route 9 - WSVN 7News | Miami News, Weather, Sports"), and the ``<h1>`` of a page is not
always the article's (a logo, a section name). So the declared titles are cut at each
separator, longest first, and the first cut that is an ``<h1>`` (any single part of a
declared title counts here, but not the site's name: ``og:site_name`` or the ``<title>``'s
last part), else the first that is any line of the page, is the headline. When no cut is
on the page, an ``<h1>`` that holds every word of a cut (a kicker printed with the
title), or of three words or more that are all in a cut and most of it (a section kicker
the title adds), is the headline; else trailing parts that name the site (its ``og:site_name`` or
its domain) are dropped; failing that, the declared title is kept whole rather than
guessed at. The extractor's guess at the title is declared first, unless it is the
site's name. Titles and lines are compared free of case and punctuation.

Two more shapes: an ``<h1>`` that says the declared (SEO) title in other words (most of
its word stems are the title's) is the headline before a line that prints the declared
title; and a site name run on to the title without a separator ("Truckwash A31Site
slogan | Site slogan"), or put first ("Site | Title", the site named by ``og:site_name``),
is cut off.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml import etree

__all__ = ["page_title", "strip_site_suffix", "title_key"]

_SEP_RE = re.compile(
    r"\s+[|\-\u2013\u2014:\u00b7\u2022\u22c6\u2605/\u00bb\u203a~]+\s+|\s*::\s*|\s*\|\s*"
)
_WS_RE = re.compile(r"\s+")
_PUNCT_RE = re.compile(r"[^\w\s]+")


def _norm(s: str) -> str:
    return _WS_RE.sub(" ", s).strip()


def title_key(s: str) -> str:
    """``s`` compared free of case and punctuation: a title's "Crash: Route 9" is the page's
    ``<h1><span>Crash</span> <span>Route 9</span></h1>`` or "Crash : Route 9"."""
    return _norm(_PUNCT_RE.sub(" ", s)).casefold()


def _words(s: str) -> set[str]:
    return set(title_key(s).split())


def _meta(tree: etree._Element, *names: str) -> list[str]:
    out = []
    for el in tree.iter("meta"):
        name = (el.get("property") or el.get("name") or "").lower()
        if name in names and _norm(el.get("content") or ""):
            out.append(_norm(el.get("content") or ""))
    return out


def _cuts(title: str) -> list[str]:
    """The title and each prefix of it that ends at a separator, longest first."""
    cuts = [title]
    for m in reversed(list(_SEP_RE.finditer(title))):
        head = title[: m.start()].strip()
        if head and head not in cuts:
            cuts.append(head)
    # A kicker before the title ("Opinion | Why ...") : the suffix after the first separator.
    first = _SEP_RE.search(title)
    if first:
        tail = title[first.end():].strip()
        if tail and tail not in cuts:
            cuts.append(tail)
    return cuts


def _site_part(title: str) -> str:
    """The part of a declared title after its last separator ("" when it has none)."""
    parts = _SEP_RE.split(title)
    return parts[-1].strip() if len(parts) > 1 else ""


def strip_site_suffix(title: str, site_words: Sequence[str]) -> str:
    """``title`` cut before the first part after a separator that names the site (its
    words compared case-free), with everything after it ("Crash on Route 9 - WSVN 7News |
    Miami News, Weather" -> "Crash on Route 9")."""
    words = {w.casefold() for w in site_words if len(w) >= 3}
    if not words:
        return title
    for m in _SEP_RE.finditer(title):
        head = title[: m.start()].strip()
        nxt = _SEP_RE.split(title[m.end():], maxsplit=1)[0]
        if head and words & {t.casefold() for t in re.findall(r"\w+", nxt)}:
            return head
    return title


#: Words shorter than this are function words in most languages; longer ones are compared
#: by their first letters (a stem: "Finanzierung" and "Finanzieren" are one word).
_STEM_MIN, _STEM_LEN = 4, 5


def _stems(s: str) -> set[str]:
    return {w[:_STEM_LEN] for w in title_key(s).split() if len(w) >= _STEM_MIN}


def _reworded_h1(declared: Sequence[str], h1_keys: dict[str, str],
                 site_keys: set[str]) -> str | None:
    """The ``<h1>`` of three word stems or more, most of them (two at least, and a third of
    the title's) in one declared title, that is not merely a part of a declared title (a
    subheading set in ``<h1>`` shares a word or two with a long title, not a third of it)."""
    best: tuple[float, str] | None = None
    titles = [_stems(t) for t in declared]
    for hk, h1 in h1_keys.items():
        if hk in site_keys:
            continue
        own = _stems(h1)
        if len(own) < 3 or any(hk in title_key(t) for t in declared):
            continue  # too short to tell; or a part of the title, which a line may print whole
        share = max((len(own & t) / len(own) for t in titles
                     if len(own & t) >= 2 and 3 * len(own & t) >= len(t)), default=0.0)
        if share >= 0.5 and (best is None or share > best[0]):
            best = (share, h1)
    return best[1] if best else None


def page_title(
    tree: etree._Element, lines: Sequence[str], *, hint: str | None = None
) -> str | None:
    """The headline as a line of the page (see the module docstring), else ``None``."""
    declared = [*_meta(tree, "og:title", "twitter:title")]
    t = next(tree.iter("title"), None)
    if t is not None and _norm(t.text_content()):
        declared.append(_norm(t.text_content()))
    site_keys = {title_key(s) for s in _meta(tree, "og:site_name", "application-name")}
    named_sites = set(site_keys)  # the names the page declares (not guessed from <title>)
    h1s = [_norm(h.text_content()) for h in tree.iter("h1") if _norm(h.text_content())]
    h1_keys = {title_key(x): x for x in h1s}
    # The site's name is also the last part of its <title> ("Structural design | RS
    # Engineers"): a blog's <h1> is often that name, and so is the extractor's guess. Some
    # sites put it first ("Site name | Post title"): when the first part is the site's
    # declared name (og:site_name), the last part is a cut of the title.
    title_parts = _SEP_RE.split(_norm(t.text_content())) if t is not None else []
    title_parts = [x.strip() for x in title_parts if x.strip()]
    site_first = len(title_parts) >= 2 and title_key(title_parts[0]) in site_keys
    if site_first:
        site_keys.add(title_key(title_parts[0]))
    elif t is not None and _site_part(t.text_content()):
        site_keys.add(title_key(_site_part(t.text_content())))
    if hint and title_key(hint) not in site_keys:
        declared.insert(0, _norm(hint))  # the extractor's guess, unless it is the site name
    line_keys = {title_key(x): _norm(x) for x in lines if x.strip()}
    cuts = [title_key(cut) for title in declared for cut in _cuts(title)
            if len(cut.split()) >= 2 or len(cut) >= 12]
    if site_first:
        cuts.append(title_key(title_parts[-1]))
    # The site's name run on to the title without a separator ("Truckwash A31Site slogan"):
    # the title is what comes before it.
    cuts += [k[: -len(site)].strip() for k in list(cuts) for site in site_keys
             if site and k.endswith(site) and len(k[: -len(site)].strip()) >= 3]
    # An <h1> that is any cut of a declared title first ("Podcast | Episode title" with the
    # episode title as the <h1>), unless it is the site's name; then any line of the page.
    parts = [title_key(part) for title in declared for part in _SEP_RE.split(title)
             if len(part.split()) >= 2 or len(part) >= 12]
    for k in cuts + parts:
        if k in h1_keys and k not in site_keys:
            return h1_keys[k]
    # The page's <h1> says the title in other words than its declared (SEO) title: most of
    # its words are the title's, stem for stem ("Leasing oder Finanzierung?" under the
    # title "Leasen oder Finanzieren? Was lohnt sich?"). It is the headline the reader sees.
    reworded = _reworded_h1(declared, h1_keys, site_keys)
    if reworded:
        return reworded
    for k in cuts:
        if k in line_keys and k not in named_sites:
            return line_keys[k]
    # An <h1> that holds every word of a cut: the page prints a kicker with the title
    # ("Opinion / Why ..."), or words in another order ("Quote": Title vs Title: "Quote").
    h1_sets = [(_words(hk), h1) for hk, h1 in h1_keys.items() if hk not in site_keys]
    for k in cuts:
        if len(k.split()) >= 3:
            need = _words(k)
            for hw, h1 in h1_sets:
                if need <= hw:
                    return h1
    # An <h1> of three words or more whose every word is in a cut, and that is most of it:
    # the declared title adds a section kicker the page does not print with the headline
    # ("Chronicle: Ferry fares rise" over <h1>Ferry fares rise</h1>).
    for k in cuts:
        have = _words(k)
        for hw, h1 in h1_sets:
            if len(hw) >= 3 and hw <= have and 2 * len(hw) >= len(have):
                return h1
    site = _meta(tree, "og:site_name", "application-name")
    words = [w for s in site for w in re.findall(r"\w+", s)]
    for title in declared:
        stripped = strip_site_suffix(title, words)
        if stripped != title:
            return stripped
    if declared:
        return declared[0]
    return h1s[0] if h1s else None
