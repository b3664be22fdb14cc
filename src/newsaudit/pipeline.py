"""From a parsed page to a report: the stages in order, after one spaCy parse per page.

    bytes/str --ingest--> Page(Document, zones) --spaCy--> Doc
        --anatomy--> segments --quantities--> --attributions--> --claims--> --figures-->
        --checks--> --calibrate--> Report

:data:`STAGES` is the list :func:`analyse` runs: each stage has a name, a function
``(report so far, doc, context) -> report``, the report fields it needs and the ones it
adds; the order is checked when this module is imported, as spaCy checks a pipeline's
``requires``/``assigns``. A new stage is one entry in that list. Everything after the
parse works on the one ``Doc`` and hands on frozen records, so a batch can stream through
``nlp.pipe`` and each page's analysis is a pure function of its text, the model and the
settings. Reading pages and parsing them is :class:`newsaudit.auditor.Auditor`'s job.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING

from newsaudit.anatomy import refine
from newsaudit.attribution import extract_attributions
from newsaudit.calibration import calibrate
from newsaudit.checks import run_checks
from newsaudit.claims import extract_claims
from newsaudit.context import DEFAULT_CONTEXT, Context
from newsaudit.figures import extract_figures
from newsaudit.language import name as language_name
from newsaudit.model import Notice, Page, Report
from newsaudit.quantities import extract_quantities
from newsaudit.quantities.digits import digit_quantities

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class Stage:
    """One step of the analysis: what it reads from the report so far and what it adds."""

    name: str
    run: Callable[[Report, Doc, Context], Report]
    needs: tuple[str, ...]
    adds: tuple[str, ...]


def _page(report: Report) -> Page:
    return Page(report.document, report.segments)


def _anatomy(report: Report, doc: Doc, ctx: Context) -> Report:
    # Plain text has no markup to say which paragraph is a caption; the parse does.
    page = refine(_page(report), doc)
    return replace(report, document=page.document, segments=page.segments)


def _quantities(report: Report, doc: Doc, ctx: Context) -> Report:
    return replace(report, quantities=extract_quantities(doc, _page(report)))


def _attributions(report: Report, doc: Doc, ctx: Context) -> Report:
    return replace(report, attributions=extract_attributions(doc, _page(report)))


def _claims(report: Report, doc: Doc, ctx: Context) -> Report:
    claims = extract_claims(doc, _page(report), report.quantities, report.attributions, ctx)
    return replace(report, claims=claims)


def _figures(report: Report, doc: Doc, ctx: Context) -> Report:
    figures = extract_figures(
        doc, _page(report), report.quantities, report.attributions, report.claims
    )
    return replace(report, figures=figures)


def _checks(report: Report, doc: Doc, ctx: Context) -> Report:
    return report.with_findings(run_checks(report, doc, context=ctx))


#: What the page brings before any stage runs.
GIVEN: tuple[str, ...] = ("document", "segments")

STAGES: tuple[Stage, ...] = (
    Stage("anatomy", _anatomy, needs=("document", "segments"), adds=("segments",)),
    Stage("quantities", _quantities, needs=("segments",), adds=("quantities",)),
    Stage("attributions", _attributions, needs=("segments",), adds=("attributions",)),
    Stage("claims", _claims, needs=("segments", "quantities", "attributions"), adds=("claims",)),
    Stage(
        "figures",
        _figures,
        needs=("segments", "quantities", "attributions", "claims"),
        adds=("figures",),
    ),
    Stage(
        "checks",
        _checks,
        needs=("segments", "quantities", "attributions", "claims", "figures"),
        adds=("findings",),
    ),
    Stage("calibrate", calibrate, needs=("findings",), adds=("findings", "notices")),
)


def check_order(stages: Sequence[Stage]) -> None:
    """Refuse a stage list in which a stage needs what no earlier stage added, or adds
    something the report cannot hold."""
    report_fields = {f.name for f in fields(Report)}
    have = set(GIVEN)
    for stage in stages:
        missing = [n for n in stage.needs if n not in have]
        if missing:
            raise ValueError(f"stage {stage.name!r} needs {missing} before any stage adds it")
        foreign = [a for a in stage.adds if a not in report_fields]
        if foreign:
            raise ValueError(f"stage {stage.name!r} adds {foreign}: a Report has no such field")
        have.update(stage.adds)


check_order(STAGES)


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
    context: Context | None = None,
) -> Report:
    """Run every stage after the parse. ``doc`` must be the parse of ``page.document.text``.

    ``checks`` names the checks to run (default: the settings' ``checks.run``, all unless
    changed; ``()`` for none); ``meta`` is added to the report's ``tool`` block (see
    :func:`model_meta`); ``context`` carries the settings and models (default: the
    packaged settings and the shipped models).
    """
    ctx = (context or DEFAULT_CONTEXT).with_checks(checks)
    report = Report(document=page.document, segments=page.segments, meta=dict(meta or {}))
    for stage in STAGES:
        report = stage.run(report, doc, ctx)
    return report


def outline(page: Page, *, meta: dict[str, str] | None = None) -> Report:
    """The report of a page in a language newsaudit has no pipeline for: its segments
    (from the markup, or the plain-text layout), its figures in digits with their offsets,
    and a notice saying that no stage or check that reads English ran. Nothing is parsed:
    an English model on Arabic text yields confident nonsense, not a weaker analysis."""
    lang = page.document.language
    notice = Notice(
        "language_not_analysed",
        f"the page is in {language_name(lang)} ({lang}); newsaudit analyses English only, "
        "so this report gives the page's parts and its figures in digits, and no check ran",
    )
    return Report(
        document=page.document,
        segments=page.segments,
        quantities=digit_quantities(page),
        notices=(notice,),
        meta=dict(meta or {}),
    )
