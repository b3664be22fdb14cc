"""From a page to a report: the stages in order, one spaCy parse per page.

    bytes/str --ingest--> Page(Document, zones) --spaCy--> Doc
        --anatomy--> segments --quantities--> --attribution--> --claims--> --checks--> Report

Everything after the parse works on the one ``Doc`` and hands on frozen records, so a
batch can stream through ``nlp.pipe`` and each page's analysis is a pure function of its
text and the model.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from newsaudit import anatomy, ingest, nlp
from newsaudit.attribution import extract_attributions
from newsaudit.checks import run_checks
from newsaudit.claims import extract_claims
from newsaudit.errors import Failure, InputTooLarge, NewsauditError
from newsaudit.model import Page, Report
from newsaudit.quantities import extract_quantities

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

PageInput = str | bytes | Page

#: Pages per ``nlp.pipe`` batch. PERF-NOTES: 4-32 keeps peak memory at 0.2-0.6 GB on
#: 550-word pages; the model default (256) peaked at 2.6 GB and ran slower.
BATCH_SIZE = 16


def _as_page(item: PageInput, source: str, max_bytes: int, fmt: str | None) -> Page:
    if isinstance(item, Page):
        return item
    return ingest.load_page(item, source=source, max_bytes=max_bytes, fmt=fmt)


def _parseable(page: Page, pipeline: Language) -> Page:
    """The page, if the parser can take its text in one piece.

    spaCy refuses texts over ``nlp.max_length`` (1,000,000 characters by default: the
    parser and NER need about 1 GB per 100,000 characters). A page that long is a dump,
    not an article; say so rather than fail inside the parser.
    """
    n = len(page.document.text)
    if n > pipeline.max_length:
        raise InputTooLarge(
            f"page text is {n:,} characters; the analyser takes at most "
            f"{pipeline.max_length:,} per page (split the input into articles)",
            source=page.document.source,
        )
    return page


def model_meta(pipeline: Language) -> dict[str, str]:
    """Which spaCy pipeline made a report: part of its provenance (``tool.spacy_model``)."""
    meta = pipeline.meta
    name = f"{meta.get('lang', '?')}_{meta.get('name', '?')}"
    return {"spacy_model": f"{name}-{meta.get('version', '?')}"}


def analyse(
    page: Page,
    doc: Doc,
    *,
    checks: Iterable[str] | None = None,
    meta: dict[str, str] | None = None,
) -> Report:
    """Run every stage after the parse. ``doc`` must be the parse of ``page.document.text``.

    ``checks`` names the checks to run (default: all registered; ``()`` for none);
    ``meta`` is added to the report's ``tool`` block (see :func:`model_meta`).
    """
    # Plain text has no markup to say which paragraph is a caption; the parse does.
    page = anatomy.refine(page, doc)
    quantities = extract_quantities(doc, page)
    attributions = extract_attributions(doc, page)
    claims = extract_claims(doc, page, quantities, attributions)
    report = Report(
        document=page.document,
        segments=page.segments,
        quantities=quantities,
        attributions=attributions,
        claims=claims,
        meta=meta or {},
    )
    return report.with_findings(run_checks(report, doc, only=checks))


def audit(
    data: PageInput,
    *,
    source: str = "<string>",
    model: str | None = None,
    fmt: str | None = None,
    max_bytes: int = ingest.DEFAULT_MAX_BYTES,
    checks: Iterable[str] | None = None,
) -> Report:
    """Analyse one page given as text, HTML, bytes or an already-read :class:`Page`.

    ``checks`` names the checks to run (default: all; ``()`` for none).
    """
    pipeline = nlp.load(model)
    page = _parseable(_as_page(data, source, max_bytes, fmt), pipeline)
    doc = pipeline(page.document.text)
    return analyse(page, doc, checks=checks, meta=model_meta(pipeline))


def audit_path(
    path: str,
    *,
    model: str | None = None,
    fmt: str | None = None,
    max_bytes: int = ingest.DEFAULT_MAX_BYTES,
) -> Report:
    """Analyse the page in a file (``"-"`` for stdin)."""
    pipeline = nlp.load(model)
    page = _parseable(ingest.load_path(path, max_bytes=max_bytes, fmt=fmt), pipeline)
    return analyse(page, pipeline(page.document.text), meta=model_meta(pipeline))


def audit_many(
    pages: Iterable[PageInput | tuple[str, PageInput]],
    *,
    model: str | None = None,
    fmt: str | None = None,
    max_bytes: int = ingest.DEFAULT_MAX_BYTES,
    batch_size: int = BATCH_SIZE,
    errors: str = "raise",
) -> Iterator[Report | Failure]:
    """Analyse a batch through ``nlp.pipe``, yielding reports in input order.

    Items are pages or ``(source, page)`` pairs. With ``errors="record"`` a page that
    cannot be read yields a :class:`Failure` in its place and the batch goes on; with
    ``errors="raise"`` the first bad page raises its :class:`NewsauditError`.
    """
    if errors not in ("raise", "record"):
        raise ValueError("errors must be 'raise' or 'record'")
    pipeline: Language = nlp.load(model)

    def read() -> Iterator[tuple[Page | None, Failure | None]]:
        for n, item in enumerate(pages):
            source, data = item if isinstance(item, tuple) else (f"<page {n + 1}>", item)
            try:
                yield _parseable(_as_page(data, source, max_bytes, fmt), pipeline), None
            except NewsauditError as err:
                if errors == "raise":
                    raise
                yield None, Failure.of(err, source)

    # Chunks keep memory bounded on long streams while nlp.pipe still batches the parse.
    chunk: list[tuple[Page | None, Failure | None]] = []
    for entry in read():
        chunk.append(entry)
        if len(chunk) >= batch_size * 4:
            yield from _analyse_chunk(pipeline, chunk, batch_size)
            chunk = []
    if chunk:
        yield from _analyse_chunk(pipeline, chunk, batch_size)


def _analyse_chunk(
    pipeline: Language, chunk: list[tuple[Page | None, Failure | None]], batch_size: int
) -> Iterator[Report | Failure]:
    readable = [page for page, _ in chunk if page is not None]
    docs = pipeline.pipe((p.document.text for p in readable), batch_size=batch_size)
    meta = model_meta(pipeline)
    reports = (analyse(p, d, meta=meta) for p, d in zip(readable, docs, strict=True))
    for page, failure in chunk:
        yield next(reports) if page is not None else failure  # type: ignore[misc]
