"""The Auditor: what a long-lived process holds, and the three ways to audit through it.

    >>> auditor = Auditor(config="newsaudit.toml", checks=["numeric_contradiction"])
    >>> auditor.audit(html, source="https://example.org/story")
    >>> auditor.audit_path("page.txt")
    >>> for result in auditor.audit_many(pages, errors="record"): ...

Like an httpx ``Client``, an Auditor is built once and used for many pages: it loads the
settings (packaged defaults < user file < environment < its arguments) when it is built,
and the spaCy pipeline and each trained model on first use (or all at once with
:meth:`Auditor.load`), then holds them. ``audit``, ``audit_path`` and ``audit_many`` take
the same options (the checks to run, the input format, the size limit), each defaulting
to the Auditor's. ``newsaudit.audit``/``audit_path``/``audit_many`` delegate to a default
Auditor per spaCy model.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsaudit.checks import CheckInfo, registry
from newsaudit.context import Context, Models
from newsaudit.errors import Failure, InputTooLarge, NewsauditError, SettingsError
from newsaudit.ingest import load_page, load_path
from newsaudit.language import analysed
from newsaudit.language import detect as detect_language
from newsaudit.language import load as load_language
from newsaudit.model import Page, Report
from newsaudit.nlp import load as load_pipeline
from newsaudit.nlp import one_blas_thread
from newsaudit.pipeline import analyse, model_meta, outline
from newsaudit.settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language

PageInput = str | bytes | Page


class Auditor:
    """Holds the spaCy pipeline, the settings and the trained models; audits pages.

    ``model`` names the spaCy pipeline (default: the ``spacy.model`` setting, else the best
    installed); ``settings`` replaces the layered settings, or ``config`` names the user
    file to layer (``Settings.load(config)``); ``models`` supplies trained models of one's
    own (see :class:`~newsaudit.context.Models`). ``checks``, ``fmt`` (``"auto"``,
    ``"text"``, ``"html"``), ``max_bytes`` and ``batch_size`` are the top layer of the
    settings: given here they hold for every call, which may override them again.
    """

    def __init__(
        self,
        model: str | None = None,
        *,
        settings: Settings | None = None,
        config: str | Path | None = None,
        models: Models | None = None,
        checks: Iterable[str] | None = None,
        fmt: str | None = None,
        max_bytes: int | None = None,
        batch_size: int | None = None,
    ) -> None:
        if settings is not None and config is not None:
            raise TypeError("give settings or config, not both")
        base = settings if settings is not None else Settings.load(config)
        self.settings = _with_options(
            base, model=model, checks=checks, fmt=fmt, max_bytes=max_bytes, batch_size=batch_size
        )
        _known_checks(self.settings)
        self.models = models if models is not None else Models()
        self.context = Context(self.settings, self.models)
        self._nlp: Language | None = None

    def __repr__(self) -> str:
        return f"Auditor(model={self.settings.spacy.model or None!r})"

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline, loaded on first use (a ModelError if it cannot be)."""
        if self._nlp is None:
            self._nlp = load_pipeline(
                self.settings.spacy.model or None, self.settings.spacy.matmul
            )
        return self._nlp

    @property
    def checks(self) -> tuple[CheckInfo, ...]:
        """The checks this Auditor runs by default, each with its summary and severities."""
        known = registry()
        names = self.settings.checks.selected
        return tuple(known[n] for n in (known if names is None else names))

    def load(self) -> Auditor:
        """Load the spaCy pipeline, the checks and every trained model now, so the first
        page is as fast as the rest (a server calls this at start-up)."""
        _ = self.nlp
        registry()
        self.models.load()
        load_language()
        return self

    # ------------------------------------------------------------------ the three doors

    def audit(
        self,
        data: PageInput,
        *,
        source: str = "<string>",
        checks: Iterable[str] | None = None,
        fmt: str | None = None,
        max_bytes: int | None = None,
    ) -> Report:
        """Analyse one page given as text, HTML, bytes or an already-read :class:`Page`."""
        ctx = self._context(checks=checks, fmt=fmt, max_bytes=max_bytes)
        pipeline = self.nlp  # a missing model is reported before a bad page
        page = self._parseable(_as_page(data, source, ctx.settings))
        return self._one(pipeline, page, ctx)

    def audit_path(
        self,
        path: str | Path,
        *,
        checks: Iterable[str] | None = None,
        fmt: str | None = None,
        max_bytes: int | None = None,
    ) -> Report:
        """Analyse the page in a file (``"-"`` for stdin)."""
        ctx = self._context(checks=checks, fmt=fmt, max_bytes=max_bytes)
        pipeline = self.nlp  # a missing model is reported before a bad page
        loaded = load_path(
            str(path), max_bytes=ctx.settings.input.max_bytes, fmt=_fmt(ctx.settings)
        )
        page = self._parseable(loaded)
        return self._one(pipeline, page, ctx)

    def audit_many(
        self,
        pages: Iterable[PageInput | tuple[str, PageInput]],
        *,
        checks: Iterable[str] | None = None,
        fmt: str | None = None,
        max_bytes: int | None = None,
        batch_size: int | None = None,
        errors: str = "raise",
    ) -> Iterator[Report | Failure]:
        """Analyse a batch through ``nlp.pipe``, yielding reports in input order.

        Items are pages or ``(source, page)`` pairs. With ``errors="record"`` a page that
        cannot be read yields a :class:`~newsaudit.errors.Failure` in its place and the
        batch goes on; with ``errors="raise"`` the first bad page raises its
        :class:`~newsaudit.errors.NewsauditError`.
        """
        if errors not in ("raise", "record"):
            raise ValueError("errors must be 'raise' or 'record'")
        ctx = self._context(checks=checks, fmt=fmt, max_bytes=max_bytes, batch_size=batch_size)
        return self._many(pages, ctx, errors == "record")

    # ------------------------------------------------------------------ inside

    def _one(self, pipeline: Language, page: Page, ctx: Context) -> Report:
        if not analysed(page.document.language):
            return outline(page, meta=self._meta())
        with one_blas_thread():
            doc = pipeline(page.document.text)
        return analyse(page, doc, meta=self._meta(), context=ctx)

    def _many(
        self, pages: Iterable[PageInput | tuple[str, PageInput]], ctx: Context, record: bool
    ) -> Iterator[Report | Failure]:
        _ = self.nlp  # a missing model is reported before a bad page

        def read() -> Iterator[tuple[Page | None, Failure | None]]:
            for n, item in enumerate(pages):
                source, data = item if isinstance(item, tuple) else (f"<page {n + 1}>", item)
                try:
                    yield self._parseable(_as_page(data, source, ctx.settings)), None
                except NewsauditError as err:
                    if not record:
                        raise
                    yield None, Failure.of(err, source)

        # Chunks keep memory bounded on long streams while nlp.pipe still batches the parse.
        size = ctx.settings.spacy.batch_size
        chunk: list[tuple[Page | None, Failure | None]] = []
        for entry in read():
            chunk.append(entry)
            if len(chunk) >= size * 4:
                yield from self._analyse_chunk(chunk, ctx)
                chunk = []
        if chunk:
            yield from self._analyse_chunk(chunk, ctx)

    def _analyse_chunk(
        self, chunk: list[tuple[Page | None, Failure | None]], ctx: Context
    ) -> Iterator[Report | Failure]:
        english = [p for p, _ in chunk if p is not None and analysed(p.document.language)]
        size = ctx.settings.spacy.batch_size
        with one_blas_thread():  # the chunk is parsed here, inside the limit, not lazily
            docs = iter(list(self.nlp.pipe((p.document.text for p in english), batch_size=size)))
        meta = self._meta()
        for page, failure in chunk:
            if page is None:
                yield failure  # type: ignore[misc]
            elif analysed(page.document.language):
                yield analyse(page, next(docs), meta=meta, context=ctx)
            else:
                yield outline(page, meta=meta)

    def _context(self, **options: Any) -> Context:
        settings = _with_options(self.settings, **options)
        if settings is self.settings:
            return self.context
        _known_checks(settings)
        return Context(settings, self.models)

    def _meta(self) -> dict[str, str]:
        return model_meta(self.nlp)

    def _parseable(self, page: Page) -> Page:
        """The page with its language found, if the parser can take its text in one piece.

        spaCy refuses texts over ``nlp.max_length`` (1,000,000 characters by default: the
        parser and NER need about 1 GB per 100,000 characters). A page that long is a dump,
        not an article; say so rather than fail inside the parser.
        """
        n = len(page.document.text)
        limit = self.nlp.max_length
        if n > limit:
            raise InputTooLarge(
                f"page text is {n:,} characters; the analyser takes at most "
                f"{limit:,} per page (split the input into articles)",
                source=page.document.source,
            )
        lang = detect_language(page.document.text, page.segments)
        if lang == page.document.language:
            return page
        return replace(page, document=replace(page.document, language=lang))


def _with_options(
    settings: Settings,
    *,
    model: str | None = None,
    checks: Iterable[str] | None = None,
    fmt: str | None = None,
    max_bytes: int | None = None,
    batch_size: int | None = None,
) -> Settings:
    """The settings with the options given as arguments laid over them."""
    return settings.merged(
        {
            "spacy.model": model,
            "spacy.batch_size": batch_size,
            "checks.run": None if checks is None else tuple(checks),
            "input.format": fmt,
            "input.max_bytes": max_bytes,
        }
    )


def _known_checks(settings: Settings) -> None:
    names = settings.checks.selected
    if names is None:
        return
    known = registry()
    unknown = [n for n in names if n not in known]
    if unknown:
        raise SettingsError(
            f"checks.run names an unknown check {unknown[0]!r}; the checks are "
            + ", ".join(known),
            source="checks.run",
        )


def _fmt(settings: Settings) -> str | None:
    return None if settings.input.format == "auto" else settings.input.format


def _as_page(item: PageInput, source: str, settings: Settings) -> Page:
    if isinstance(item, Page):
        return item
    return load_page(
        item, source=source, max_bytes=settings.input.max_bytes, fmt=_fmt(settings)
    )


# ---------------------------------------------------------------------- module level


@lru_cache(maxsize=4)
def default_auditor(model: str | None = None) -> Auditor:
    """The Auditor behind ``newsaudit.audit`` and friends: the layered settings (read once,
    on first use), one per spaCy model asked for."""
    return Auditor(model)


def audit(
    data: PageInput,
    *,
    source: str = "<string>",
    model: str | None = None,
    checks: Iterable[str] | None = None,
    fmt: str | None = None,
    max_bytes: int | None = None,
) -> Report:
    """Analyse one page with the default Auditor (see :meth:`Auditor.audit`)."""
    return default_auditor(model).audit(
        data, source=source, checks=checks, fmt=fmt, max_bytes=max_bytes
    )


def audit_path(
    path: str | Path,
    *,
    model: str | None = None,
    checks: Iterable[str] | None = None,
    fmt: str | None = None,
    max_bytes: int | None = None,
) -> Report:
    """Analyse the page in a file with the default Auditor (see :meth:`Auditor.audit_path`)."""
    return default_auditor(model).audit_path(path, checks=checks, fmt=fmt, max_bytes=max_bytes)


def audit_many(
    pages: Iterable[PageInput | tuple[str, PageInput]],
    *,
    model: str | None = None,
    checks: Iterable[str] | None = None,
    fmt: str | None = None,
    max_bytes: int | None = None,
    batch_size: int | None = None,
    errors: str = "raise",
) -> Iterator[Report | Failure]:
    """Analyse a batch with the default Auditor (see :meth:`Auditor.audit_many`)."""
    return default_auditor(model).audit_many(
        pages, checks=checks, fmt=fmt, max_bytes=max_bytes, batch_size=batch_size, errors=errors
    )
