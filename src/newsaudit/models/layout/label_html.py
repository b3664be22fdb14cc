"""Labelled HTML pages for the layout corpus: a dataset page in, its lines with gold kinds out.

Each dataset gives its own body oracle (see :mod:`.gold`): Scrapinghub its hand-checked
``articleBody``; trafilatura-eval trafilatura's precision-mode extraction, overruled by the
page's ``with`` (must be in the article) and ``without`` (must not) snippets, with its
``comments`` snippets marking reader comments.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsaudit.ingest.blocks import Block, page_blocks
from newsaudit.models.layout.gold import BodyOracle, Labelled, label_blocks
from newsaudit.ingest.title import page_title

#: Pages with fewer laid-out lines than this, or no body line, say nothing about layout.
_MIN_LINES = 5
#: Pages larger than this are mostly archives and directories; they swamp the corpus.
_MAX_BLOCKS = 1500


@dataclass
class LabelledHtml:
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
    labels = label_blocks(blocks, body, title=title, comments=comments)
    if not any(lab.kind == "body" for lab in labels):
        return None
    return LabelledHtml(blocks, labels, title, html)


def label_scrapinghub(page: object) -> LabelledHtml | None:
    from newsaudit.datasets.article_extraction import Page

    assert isinstance(page, Page)
    paragraphs = [p for p in page.body.split("\n") if p.strip()]
    return _label(page.html(), BodyOracle(paragraphs), paragraphs)


def label_trafilatura_eval(page: object) -> LabelledHtml | None:
    import trafilatura

    from newsaudit.datasets.trafilatura_eval import Page

    assert isinstance(page, Page)
    html = page.html()
    try:
        text = trafilatura.extract(html, favor_precision=True, include_comments=False,
                                   include_tables=True) or ""
    except Exception:  # trafilatura fails on a few malformed pages: no oracle, no page
        return None
    paragraphs = [p for p in text.split("\n") if p.strip()]
    oracle = BodyOracle(paragraphs, must=[s for s in page.with_ if s not in page.comments],
                        must_not=page.without)
    return _label(html, oracle, paragraphs, comments=page.comments, title_hint=page.title)
